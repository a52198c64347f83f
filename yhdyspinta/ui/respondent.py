"""The respondent's view (`?arvio=TOKEN`): one self-assessment form and nothing else – no
menu, no sidebar, no sign-in – made for a phone. The link's token is checked in the package
(`yhdyspinta.selfassess`); an unknown, expired, used or closed link gets a notice saying which.

Like presentation mode (`yhdyspinta.ui.slideshow`), every page's URL path is registered hidden
and shows the form, so a link works whichever page path it names.
"""

from __future__ import annotations

import streamlit as st
from sqlalchemy.exc import DBAPIError

from yhdyspinta import selfassess
from yhdyspinta.display import area_name
from yhdyspinta.domain import MaturityLevel, RespondentRole
from yhdyspinta.filters import PARAM_LANGUAGE, parse_filters
from yhdyspinta.i18n import LANGUAGE_NAMES, LANGUAGES, enum_label, format_day, t
from yhdyspinta.selfassess import TokenStatus
from yhdyspinta.store.schema import MATURITY_COLUMNS
from yhdyspinta.ui import data, pages, plain
from yhdyspinta.ui import faults as fault_messages

PREFIX = "arvio"
KEY_LANG = f"{PREFIX}.lang"
KEY_ROLE = f"{PREFIX}.respondent_role"
KEY_SUBMIT = f"{PREFIX}.submit"
KEY_DONE = f"{PREFIX}.done"  # the token hashes this session has answered through
LEVELS: tuple[int, ...] = tuple(int(level) for level in MaturityLevel)
# Why a link cannot be answered, in words (every status but VALID).
TOKEN_TEXTS: dict[TokenStatus, str] = {
    TokenStatus.UNKNOWN: "selfassess.token.unknown",
    TokenStatus.EXPIRED: "selfassess.token.expired",
    TokenStatus.USED: "selfassess.token.used",
    TokenStatus.CLOSED: "selfassess.token.closed",
}
# The question and the help of each dimension, by column.
QUESTIONS: dict[str, tuple[str, str]] = {
    "trust": ("selfassess.question.trust", "selfassess.help.trust"),
    "communication": ("selfassess.question.communication", "selfassess.help.communication"),
    "information_sharing": ("selfassess.question.information_sharing", "selfassess.help.information_sharing"),
    "goals": ("selfassess.question.goals", "selfassess.help.goals"),
    "power": ("selfassess.question.power", "selfassess.help.power"),
    "resources": ("selfassess.question.resources", "selfassess.help.resources"),
    "accountability": ("selfassess.question.accountability", "selfassess.help.accountability"),
    "commitment": ("selfassess.question.commitment", "selfassess.help.commitment"),
}


def requested() -> bool:
    return selfassess.PARAM_TOKEN in st.query_params


def field_key(column: str) -> str:
    return f"{PREFIX}.{column}"


def _set_language() -> None:
    chosen = st.session_state.get(KEY_LANG)
    if chosen in LANGUAGES:
        st.query_params[PARAM_LANGUAGE] = chosen


def _language(lang: str) -> None:
    st.session_state[KEY_LANG] = lang
    # A radio, not a segmented control: the latter's chosen option fails contrast (axe-core).
    st.radio(t("filter.language", lang), LANGUAGES, key=KEY_LANG, format_func=LANGUAGE_NAMES.__getitem__,
             on_change=_set_language, horizontal=True)


def _option(column: str, level: int, lang: str) -> str:
    return f"{level} · {enum_label('MaturityLevel', level, lang)}: {t(f'analysis.continuum.{column}.{level}', lang)}"


def _render() -> None:
    lang = parse_filters(dict(st.query_params)).filters.lang
    token = st.query_params.get(selfassess.PARAM_TOKEN)
    _language(lang)
    st.title(t("selfassess.form.title", lang))
    done: set[str] = st.session_state.setdefault(KEY_DONE, set())
    if selfassess.well_formed(token) and selfassess.hash_token(str(token)) in done:
        st.success(t("selfassess.form.thanks", lang), icon=":material/check_circle:")
        st.markdown(t("selfassess.form.thanks_more", lang))
        return
    invitation = selfassess.check_token(data.engine(), token)
    if invitation.status is not TokenStatus.VALID:
        st.warning(t(TOKEN_TEXTS[invitation.status], lang), icon=":material/warning:")
        st.markdown(t("selfassess.token.what_now", lang))
        return
    assert invitation.area_code is not None
    st.markdown(plain.text("selfassess.form.area", lang, area=area_name(invitation.area_code, lang)))
    st.markdown(t("selfassess.form.intro", lang, expires=format_day(invitation.expires_at, lang)))
    with st.form(f"{PREFIX}.form", border=False):
        answers: dict[str, object] = {
            "respondent_role": st.radio(t("selfassess.form.role", lang), [r.value for r in RespondentRole],
                                        index=None, key=KEY_ROLE,
                                        format_func=lambda v: enum_label("RespondentRole", v, lang)),
        }
        for number, column in enumerate(MATURITY_COLUMNS, start=1):
            question, help_key = QUESTIONS[column]
            st.divider()
            answers[column] = st.radio(
                f"{number}/{len(MATURITY_COLUMNS)} · {t(question, lang)}", LEVELS, index=None,
                key=field_key(column), help=t(help_key, lang),
                format_func=lambda v, c=column: _option(c, v, lang))
        submitted = st.form_submit_button(t("selfassess.form.submit", lang), key=KEY_SUBMIT, type="primary",
                                          width="stretch")
    if submitted:
        _submit(str(token), answers, lang, done)


def _submit(token: str, answers: dict[str, object], lang: str, done: set[str]) -> None:
    missing = [t("selfassess.form.role_short", lang) if name == "respondent_role" else str(number)
               for number, (name, value) in enumerate(answers.items()) if value is None]
    if missing:
        st.error(t("selfassess.form.missing", lang, missing=", ".join(missing)), icon=":material/warning:")
        return
    try:
        selfassess.submit(data.engine(), token, answers)
    except selfassess.Refused as refused:
        st.error(t(TOKEN_TEXTS.get(refused.status, "selfassess.token.unknown"), lang), icon=":material/warning:")
        return
    except DBAPIError as exc:  # nothing was written; the form keeps the answers to send again
        fault_messages.report(exc, lang)
        return
    done.add(selfassess.hash_token(token))
    st.rerun()


def run() -> None:
    """The form in place of the ordinary navigation, on every page's path."""
    lang = parse_filters(dict(st.query_params)).filters.lang
    title = t("selfassess.form.title", lang)
    targets = [st.Page(_render, title=title, url_path=page.url_path, default=i == 0)
               for i, page in enumerate(pages.PAGES)]
    st.navigation(targets, position="hidden").run()
