"""Itsearviointi: an area's editor opens a Keast & Mandell self-assessment round and gets its
invitation links; the tracker shows per area how many have answered (counts, nobody named)
and when the area last reported; closing a round puts its result into the picture.

Rounds are opened and closed by area editors (their own areas) and project leads (every area);
everyone else reads the tracker (counts only) and why there is no form. The rules and the
writes are in `yhdyspinta.selfassess`; this is only the page.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pandas as pd
import streamlit as st
from sqlalchemy.exc import DBAPIError

from yhdyspinta import facts, selfassess
from yhdyspinta.access import PermissionDenied, Principal, editable_areas, refusal_text
from yhdyspinta.display import area_name
from yhdyspinta.i18n import LANGUAGE_NAMES, LANGUAGES, format_day, t, tn
from yhdyspinta.selfassess import RoundState, RoundSummary
from yhdyspinta.ui import auth, data, plain, tables, widgets
from yhdyspinta.ui import faults as fault_messages

PAGE = "selfassess"
KEY_FLASH = f"{PAGE}.flash"
KEY_LINKS = f"{PAGE}.links"  # the links of the round this session opened last: shown until replaced
KEY_AREA = f"{PAGE}.area"
KEY_COUNT = f"{PAGE}.invitations"
KEY_DAYS = f"{PAGE}.days"
KEY_LINK_LANG = f"{PAGE}.link_lang"
KEY_OPEN = f"{PAGE}.open"
DEFAULT_INVITATIONS = 10
DAY_COLUMN_WIDTH = 110  # px: "29.11.2026" in full
LINKS_FILE = "itsearviointi_linkit.txt"
# The texts of a round's state (RoundState), by state.
STATE_TEXTS: dict[str, str] = {
    RoundState.NONE.value: "selfassess.state.none",
    RoundState.OPEN.value: "selfassess.state.open",
    RoundState.EXPIRED.value: "selfassess.state.expired",
    RoundState.CLOSED.value: "selfassess.state.closed",
}

STATE_ORDER = (RoundState.OPEN.value, RoundState.EXPIRED.value, RoundState.CLOSED.value, RoundState.NONE.value)


@data.cached(max_entries=8)
def _rounds(version: int) -> list[RoundSummary]:
    return selfassess.rounds(data.engine())


def _last_reported(version: int) -> dict[int, date | None]:
    """Per area, the date of its latest maturity assessment in today's picture."""
    latest = data.state(version).maturity
    if latest.empty:
        return {}
    return {int(a): pd.Timestamp(d).date() for a, d in latest.groupby("area_code")["assessed_on"].max().items()}


def render() -> None:
    filters = widgets.current_filters()
    lang = filters.lang
    version = widgets.page_header("nav.selfassess", filters, example_figures=False)
    st.markdown(t("selfassess.page.intro", lang, days=selfassess.DEFAULT_VALID_DAYS))
    principal = auth.current_principal()
    areas = editable_areas(principal)
    now = datetime.now(UTC)
    summaries = _rounds(version)
    if areas:
        _flash()
        st.subheader(t("selfassess.page.open_heading", lang))
        _open_form(principal, sorted(areas, key=lambda a: area_name(a, lang)), filters.area, lang)
        _links(lang)
    else:  # the tracker is counts only, nobody named: everyone may read it, as every other page
        auth.read_only_note(lang)
        st.info(t("selfassess.page.editors_only", lang))
    st.subheader(t("selfassess.page.tracker_heading", lang))
    _tracker(summaries, version, filters.area, now, lang)
    if areas:
        st.subheader(t("selfassess.page.rounds_heading", lang))
        _open_rounds([s for s in summaries if s.closed_at is None and s.area_code in areas], principal, now, lang)


def _flash() -> None:
    message = st.session_state.pop(KEY_FLASH, None)
    if message is not None:
        level, text = message
        (st.success if level == "success" else st.info)(text)


def _open_form(principal: Principal, areas: list[int], chosen: int | None, lang: str) -> None:
    with st.form(f"{PAGE}.open_form"):
        area = st.selectbox(t("selfassess.page.area", lang), areas, key=KEY_AREA,
                            index=areas.index(chosen) if chosen in areas else 0,
                            format_func=lambda a: area_name(a, lang))
        left, middle, right = st.columns(3)
        count = left.number_input(t("selfassess.page.invitations", lang), min_value=1,
                                  max_value=selfassess.MAX_INVITATIONS, value=DEFAULT_INVITATIONS, step=1,
                                  key=KEY_COUNT)
        days = middle.number_input(t("selfassess.page.valid_days", lang), min_value=1,
                                   max_value=selfassess.MAX_VALID_DAYS, value=selfassess.DEFAULT_VALID_DAYS,
                                   step=1, key=KEY_DAYS)
        link_lang = right.selectbox(t("selfassess.page.link_language", lang), LANGUAGES, key=KEY_LINK_LANG,
                                    index=LANGUAGES.index(lang), format_func=LANGUAGE_NAMES.__getitem__)
        submitted = st.form_submit_button(t("selfassess.page.open_button", lang), key=KEY_OPEN, type="primary")
    if not submitted:
        return
    try:
        opened = selfassess.open_round(data.engine(), principal, int(area), int(count), valid_days=int(days))
    except PermissionDenied as exc:
        st.error(refusal_text(exc, lang))
        return
    except DBAPIError as exc:
        fault_messages.report(exc, lang)
        return
    base = _base_url()
    st.session_state[KEY_LINKS] = (opened.area_code, opened.expires_at,
                                   [selfassess.invitation_link(base, tok, str(link_lang)) for tok in opened.tokens])
    st.rerun()


def _base_url() -> str:
    """The address of this app as the browser reached it (links name it); relative in tests."""
    try:
        url = st.context.url
    except Exception:  # no request context (a bare script run)
        url = None
    return str(url or "")


def _links(lang: str) -> None:
    shown = st.session_state.get(KEY_LINKS)
    if not shown:
        return
    area, expires, links = shown
    st.success(plain.text("selfassess.page.links_ready", lang, area=area_name(area, lang), count=len(links),
                          expires=format_day(expires, lang)), icon=":material/link:")
    st.markdown(t("selfassess.page.links_once", lang))
    st.code("\n".join(links), language=None, wrap_lines=True)
    st.download_button(t("selfassess.page.links_download", lang), "\n".join(links) + "\n", file_name=LINKS_FILE,
                       mime="text/plain", key=f"{PAGE}.links_download")


def tracker_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The tracker's rows as people read them: names, states, counts and days in `lang` ("–"
    where there is none: a date column would show an empty day as "None")."""
    def days(column: str) -> list[str]:
        return [format_day(d, lang) if isinstance(d, date) else "–" for d in frame[column]]

    return pd.DataFrame({
        t("selfassess.col.area", lang): [area_name(a, lang) for a in frame["area_code"]],
        t("selfassess.col.state", lang): [t(STATE_TEXTS[s], lang) for s in frame["state"]],
        t("selfassess.col.answered", lang): [
            t("selfassess.answered_of", lang, answered=int(r), invited=int(i)) if i else "–"
            for r, i in zip(frame["responses"], frame["invitations"], strict=True)],
        t("selfassess.col.opened", lang): days("opened_on"),
        t("selfassess.col.expires", lang): days("expires_on"),
        t("selfassess.col.last_response", lang): days("last_response_on"),
        t("selfassess.col.last_reported", lang): days("last_reported_on"),
    })


def _tracker(summaries: list[RoundSummary], version: int, area: int | None, now: datetime, lang: str) -> None:
    codes = [a.code for a in facts.in_scope_areas() if area is None or a.code == area]
    frame = selfassess.tracker(summaries, _last_reported(version), codes, now)
    # Areas with a round first (open, then expired, then closed), each group by name.
    rank = [STATE_ORDER.index(state) for state in frame["state"]]
    names = [area_name(a, lang) for a in frame["area_code"]]
    frame = frame.assign(_rank=rank, _name=names).sort_values(["_rank", "_name"]).drop(columns=["_rank", "_name"])
    table = tracker_table(frame, lang)
    # Days take their own width: a column of mostly "–" under a short header would cut them.
    days = {name: st.column_config.TextColumn(name, width=DAY_COLUMN_WIDTH) for name in table.columns[3:]}
    tables.dataframe(table, hide_index=True, width="stretch", key=f"{PAGE}.tracker", column_config=days)
    answering = frame[frame["state"] == RoundState.OPEN.value]
    st.caption(tn("selfassess.page.tracker_note", len(answering), lang))


def _open_rounds(summaries: list[RoundSummary], principal: Principal, now: datetime, lang: str) -> None:
    if not summaries:
        st.write(t("selfassess.page.no_open_rounds", lang))
        return
    st.markdown(t("selfassess.page.close_note", lang))
    for summary in summaries:
        text, button = st.columns([4, 1], vertical_alignment="center")
        state = t(STATE_TEXTS[summary.state(now).value], lang)
        text.markdown(plain.text("selfassess.page.round_line", lang, area=area_name(summary.area_code, lang),
                                 opened=format_day(summary.opened_at, lang),
                                 expires=format_day(summary.expires_at, lang), state=state,
                                 answered=t("selfassess.answered_of", lang, answered=summary.responses,
                                            invited=summary.invitations)))
        if button.button(t("selfassess.page.close_button", lang), key=f"{PAGE}.close.{summary.round_id}",
                         width="stretch"):
            _close(summary, principal, lang)


def _close(summary: RoundSummary, principal: Principal, lang: str) -> None:
    try:
        closed = selfassess.close_round(data.engine(), principal, summary.round_id)
    except PermissionDenied as exc:
        st.error(refusal_text(exc, lang))
        return
    except selfassess.Refused:
        st.info(t("selfassess.page.closed_already", lang))
        return
    except DBAPIError as exc:
        fault_messages.report(exc, lang)
        return
    area = area_name(closed.area_code, lang)
    if closed.assessed_on is None:
        st.session_state[KEY_FLASH] = ("info", plain.text("selfassess.page.closed_empty", lang, area=area))
    else:
        st.session_state[KEY_FLASH] = ("success", plain.text(
            "selfassess.page.closed", lang, area=area, count=closed.responses,
            day=format_day(closed.assessed_on, lang)))
    st.rerun()
