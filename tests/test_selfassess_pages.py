"""The self-assessment round through the entry file (AppTest): the respondent's form behind
`?arvio=TOKEN` (only the form, in each language, each bad link told as such, one answer per
link), and the Itsearviointi page where an area editor opens a round, follows the answers and
closes it into the picture."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest import open_app
from yhdyspinta import facts, selfassess
from yhdyspinta.access import ANONYMOUS, Principal
from yhdyspinta.display import area_name
from yhdyspinta.domain import Role
from yhdyspinta.i18n import LANGUAGES, format_day, t
from yhdyspinta.indicators.asof import local_day
from yhdyspinta.selfassess import TokenStatus
from yhdyspinta.store import repository as repo
from yhdyspinta.store.engine import open_store
from yhdyspinta.store.schema import MATURITY_COLUMNS
from yhdyspinta.ui import auth, plain, respondent
from yhdyspinta.ui.views import selfassess as page

pytestmark = pytest.mark.usefixtures("fresh_caches")

LEAD = Principal("lead@kuntaliitto.fi", Role.PROJECT_LEAD)
SAVO = Principal("editor@pshyvinvointialue.fi", Role.AREA_EDITOR, frozenset({13}))
ANSWERS = {"respondent_role": "kunta", **dict.fromkeys(MATURITY_COLUMNS, 2)}
LINK = re.compile(r"arvio=([A-Za-z0-9_-]+)")


def _round(invitations: int = 2, **kwargs: object) -> selfassess.OpenedRound:
    return selfassess.open_round(open_store(), SAVO, 13, invitations, **kwargs)  # type: ignore[arg-type]


def _fill(at: AppTest, answers: dict[str, object]) -> AppTest:
    at.radio(key=respondent.KEY_ROLE).set_value(answers["respondent_role"])
    for column in MATURITY_COLUMNS:
        if answers.get(column) is not None:
            at.radio(key=respondent.field_key(column)).set_value(answers[column])
    return at.button(key=respondent.KEY_SUBMIT).click().run()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_respondent_sees_only_the_form_and_answers_once(lang: str) -> None:
    opened = _round()
    at = open_app(query={"arvio": opened.tokens[0], "kieli": lang})
    assert at.title[0].value == t("selfassess.form.title", lang)
    assert not at.sidebar.selectbox and not at.sidebar.button  # no filters, no presentation button
    assert len(at.radio) == 2 + len(MATURITY_COLUMNS)  # the language, the side, the dimensions
    assert at.radio(key=respondent.field_key("trust")).label.endswith(t("selfassess.question.trust", lang))
    assert at.radio(key=respondent.field_key("trust")).help == t("selfassess.help.trust", lang)
    assert t("selfassess.form.title", lang) not in " ".join(e.value for e in at.warning)
    _fill(at, ANSWERS)
    assert not at.exception
    assert [s.value for s in at.success] == [t("selfassess.form.thanks", lang)]
    assert [r.key for r in at.radio] == [respondent.KEY_LANG]  # the form is gone
    assert selfassess.rounds(open_store())[0].responses == 1
    # The same link again, in another session: refused, saying why.
    again = open_app(query={"arvio": opened.tokens[0], "kieli": lang})
    assert [w.value for w in again.warning] == [t("selfassess.token.used", lang)]
    assert [r.key for r in again.radio] == [respondent.KEY_LANG]


def test_the_respondent_switches_language_on_the_form() -> None:
    opened = _round()
    at = open_app(query={"arvio": opened.tokens[0]})
    assert at.title[0].value == t("selfassess.form.title", "fi")
    at.radio(key=respondent.KEY_LANG).set_value("sv").run()
    assert at.title[0].value == t("selfassess.form.title", "sv")
    assert at.query_params["kieli"] == "sv" and at.query_params["arvio"] == opened.tokens[0]
    assert at.radio(key=respondent.KEY_ROLE).label == t("selfassess.form.role", "sv")


def test_a_link_answered_meanwhile_is_refused_on_submit() -> None:
    opened = _round()
    at = open_app(query={"arvio": opened.tokens[1]})
    selfassess.submit(open_store(), opened.tokens[1], ANSWERS)  # the same link, answered on another device
    _fill(at, ANSWERS)  # the rerun finds the link used before taking the answers
    assert [w.value for w in at.warning] == [t("selfassess.token.used", "fi")]
    assert not at.success
    assert selfassess.rounds(open_store())[0].responses == 1


def test_missing_answers_are_named_and_nothing_is_sent() -> None:
    opened = _round()
    at = open_app(query={"arvio": opened.tokens[0]})
    _fill(at, {**ANSWERS, "goals": None, "power": None})
    assert [e.value for e in at.error] == [t("selfassess.form.missing", "fi", missing="4, 5")]
    assert selfassess.check_token(open_store(), opened.tokens[0]).status is TokenStatus.VALID


@pytest.mark.parametrize(("status", "lang"), [(TokenStatus.UNKNOWN, "fi"), (TokenStatus.EXPIRED, "sv"),
                                              (TokenStatus.CLOSED, "en"), (TokenStatus.UNKNOWN, "sv")])
def test_bad_links_are_told_in_the_language(status: TokenStatus, lang: str) -> None:
    if status is TokenStatus.EXPIRED:
        token = _round(valid_days=1, now=datetime.now(UTC) - timedelta(days=2)).tokens[0]
    elif status is TokenStatus.CLOSED:
        opened = _round()
        selfassess.close_round(open_store(), SAVO, opened.round_id)
        token = opened.tokens[0]
    else:
        token = "[x](https://evil.example)"
    at = open_app(query={"arvio": token, "kieli": lang})
    assert [w.value for w in at.warning] == [t(respondent.TOKEN_TEXTS[status], lang)]
    assert [r.key for r in at.radio] == [respondent.KEY_LANG] and not at.button


@pytest.mark.parametrize("raw", ["", " ", "A" * 32, "x" * 5000, "١٣", "**bold**", "a\nb", "%00"])
def test_any_text_in_the_link_is_an_unknown_link(raw: str) -> None:
    at = open_app(query={"arvio": raw})
    assert [w.value for w in at.warning] == [t("selfassess.token.unknown", "fi")]
    assert not at.button and not at.error


def test_every_link_status_and_round_state_has_its_texts() -> None:
    assert set(respondent.TOKEN_TEXTS) == set(TokenStatus) - {TokenStatus.VALID}
    assert set(page.STATE_TEXTS) == {s.value for s in selfassess.RoundState}
    for lang in LANGUAGES:
        for key in (*respondent.TOKEN_TEXTS.values(), *page.STATE_TEXTS.values(),
                    *(k for pair in respondent.QUESTIONS.values() for k in pair)):
            assert t(key, lang)


# ------------------------------------------------------------------- the Itsearviointi page

def _page(principal: Principal, monkeypatch: pytest.MonkeyPatch, **query: str) -> AppTest:
    monkeypatch.setattr(auth, "current_principal", lambda: principal)
    return open_app("selfassess.py", query)


@pytest.mark.parametrize("principal", [ANONYMOUS, Principal("someone@example.fi", Role.VIEWER)])
def test_viewers_read_the_tracker_but_get_no_form(principal: Principal, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = _round(3)
    selfassess.submit(open_store(), opened.tokens[0], ANSWERS)
    at = _page(principal, monkeypatch)
    assert at.title[0].value == t("nav.selfassess", "fi")
    assert [i.value for i in at.info][-1] == t("selfassess.page.editors_only", "fi")
    assert not at.main.button and not at.main.number_input and not at.code
    savo = at.dataframe[0].value.set_index(t("selfassess.col.area", "fi")).loc[area_name(13, "fi")]
    assert savo[t("selfassess.col.answered", "fi")] == "1 / 3"


def test_an_area_editor_opens_tracks_and_closes_a_round(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = open_store()
    at = _page(SAVO, monkeypatch, kieli="sv")
    assert at.selectbox(key=page.KEY_AREA).options == ["Norra Savolax välfärdsområde"]  # their own area only
    at.number_input(key=page.KEY_COUNT).set_value(3)
    at.button(key=page.KEY_OPEN).click().run()
    assert not at.exception
    tokens = LINK.findall(at.code[0].value)
    assert len(tokens) == 3 and all("kieli=sv" in line for line in at.code[0].value.splitlines())
    assert all(selfassess.check_token(engine, tok).status is TokenStatus.VALID for tok in tokens)

    selfassess.submit(engine, tokens[0], ANSWERS)
    at.run()
    tracker = at.dataframe[0].value.set_index(t("selfassess.col.area", "sv"))
    assert len(tracker) == len(facts.in_scope_areas())  # every area, whoever reads
    assert tracker.index[0] == "Norra Savolax välfärdsområde"  # areas with an open round first
    savo = tracker.loc["Norra Savolax välfärdsområde"]
    assert savo[t("selfassess.col.answered", "sv")] == "1 / 3"
    assert savo[t("selfassess.col.state", "sv")] == t("selfassess.state.open", "sv")
    today = local_day(datetime.now(UTC))
    assert savo[t("selfassess.col.last_response", "sv")] == format_day(today, "sv")
    assert savo[t("selfassess.col.expires", "sv")] == format_day(today + timedelta(days=14), "sv")
    assert SAVO.subject not in at.dataframe[0].value.to_string()

    before = len(repo.read_kind(engine, "maturity"))
    [close] = [b for b in at.button if b.key and b.key.startswith(f"{page.PAGE}.close.")]
    close.click().run()
    assert not at.exception
    assert plain.text("selfassess.page.closed", "sv", area=area_name(13, "sv"), count=1,
                      day=format_day(today, "sv")) in [s.value for s in at.success]
    assert len(repo.read_kind(engine, "maturity")) == before + 1
    savo = at.dataframe[0].value.set_index(t("selfassess.col.area", "sv")).loc["Norra Savolax välfärdsområde"]
    assert savo[t("selfassess.col.state", "sv")] == t("selfassess.state.closed", "sv")
    assert savo[t("selfassess.col.last_reported", "sv")] == format_day(today, "sv")
    assert at.markdown and t("selfassess.page.no_open_rounds", "sv") in [m.value for m in at.markdown]


def test_the_area_filter_narrows_the_tracker(monkeypatch: pytest.MonkeyPatch) -> None:
    at = _page(LEAD, monkeypatch, alue="13")
    assert len(at.dataframe[0].value) == 1
    assert at.selectbox(key=page.KEY_AREA).value == 13


def test_the_round_is_in_the_change_history_without_its_links(monkeypatch: pytest.MonkeyPatch) -> None:
    opened = _round(2)
    selfassess.submit(open_store(), opened.tokens[0], ANSWERS)
    selfassess.close_round(open_store(), SAVO, opened.round_id)
    monkeypatch.setattr(auth, "current_principal", lambda: LEAD)
    at = open_app("history.py")
    shown = at.dataframe[0].value.to_string()
    assert shown.count(t("access.kind.selfassess", "fi")) == 3  # opened, answered, closed
    assert t("access.kind.maturity", "fi") in shown  # the result, as maturity assessments
    assert not any(tok in shown for tok in opened.tokens)
    assert selfassess.RESPONDENT_ACTOR in shown and SAVO.subject in shown
