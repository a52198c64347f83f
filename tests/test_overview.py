"""The overview as a situational picture: which areas need attention and by which rule, the last
and the next forum (table-driven, on a fixture store on each backend), what a headline card shows,
and the latest changes without reference imports; then the page itself (AppTest)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any
from urllib.parse import urlencode

import pandas as pd
import pytest
from sqlalchemy import Engine

from tests.apptest import open_app
from yhdyspinta import facts, indicators, recent
from yhdyspinta.filters import Filters
from yhdyspinta.i18n import t, tn
from yhdyspinta.indicators import asof, finnish_today, labels
from yhdyspinta.indicators.attention import Attention, Rule, attention, months_before
from yhdyspinta.kinds import KINDS
from yhdyspinta.store import repository as repo
from yhdyspinta.store.engine import open_store
from yhdyspinta.store.schema import MATURITY_COLUMNS
from yhdyspinta.ui import plain
from yhdyspinta.ui.pages import PAGES
from yhdyspinta.ui.views import home

PS, LAPPI, IU, KH, HELSINKI, EMPTY = 13, 21, 1, 6, facts.HELSINKI_AREA_CODE, 2
KUOPIO, IISALMI = "297", "140"
FRAME_KINDS = (*indicators.KINDS_NEEDED, "changelog")


def members(area: int) -> list[str]:
    return [m.code for m in facts.municipalities() if m.area_code == area]


def agreement(area: int, status: str, start: str | None, end: str | None = None) -> dict[str, Any]:
    return {"area_code": area, "kind": "yhteistyosopimus", "title": "Sopimus", "status": status,
            "approved_on": start, "valid_from": start, "valid_until": end}


def approval(area: int, code: str, status: str, day: str) -> dict[str, Any]:
    return {"area_code": area, "agreement_kind": "yhteistyosopimus", "municipality_code": code, "status": status,
            "decided_on": day}


def rater(area: int, day: str) -> dict[str, Any]:
    return {"area_code": area, "assessed_on": day, "respondent_no": 1, "respondent_role": "kunta",
            **{c: 2 for c in MATURITY_COLUMNS}}


# Pohjois-Savo: an agreement for 2022–2025 approved by 1 of its 19 councils (one rejected), at
# the forum, assessed 14.3.2025. Lappi: an agreement to 2029 every council approved, sent 0 people
# to the forum (not counted), assessed 1.5.2023. Area 1 prepares one; area 6's approved agreement
# begins in 2099; Helsinki has an "approved" one (not applicable) and came to the forum; area 2 has
# nothing. A forum on 10.1.2024 and one planned for 1.1.2099.
FIXTURE: dict[str, list[dict[str, Any]]] = {
    "agreements": [agreement(PS, "hyvaksytty", "2022-06-01", "2025-12-31"),
                   agreement(LAPPI, "toimeenpanossa", "2023-02-01", "2029-12-31"),
                   agreement(IU, "valmistelussa", None), agreement(KH, "hyvaksytty", "2099-01-01"),
                   agreement(HELSINKI, "hyvaksytty", "2023-01-01")],
    "approvals": [approval(PS, KUOPIO, "hyvaksytty", "2022-09-01"), approval(PS, IISALMI, "hylatty", "2022-10-01"),
                  *(approval(LAPPI, code, "hyvaksytty", "2023-04-01") for code in members(LAPPI))],
    "forums": [{"held_on": "2024-01-10", "theme": "hyte", "title": "Hyvinvointi"},
               {"held_on": "2099-01-01", "theme": "talous", "title": "Tuleva"}],
    "participation": [
        {"forum_date": "2024-01-10", "org_type": "alue", "org_key": str(PS), "participants": 2},
        {"forum_date": "2024-01-10", "org_type": "alue", "org_key": str(LAPPI), "participants": 0},
        {"forum_date": "2024-01-10", "org_type": "alue", "org_key": str(HELSINKI), "participants": 3},
        {"forum_date": "2024-01-10", "org_type": "kunta", "org_key": KUOPIO, "participants": 4},
        {"forum_date": "2099-01-01", "org_type": "kunta", "org_key": "148", "participants": 1},
    ],
    "maturity": [rater(PS, "2025-03-14"), rater(LAPPI, "2023-05-01")],
}


def fill(engine: Engine) -> None:
    for kind, rows in FIXTURE.items():
        plan = repo.plan_upsert(engine, kind, [KINDS[kind].validate(r) for r in rows])
        repo.apply_changes(engine, kind, plan.changes, actor="tester@example.fi")


@pytest.fixture
def frames(store: Engine) -> dict[str, pd.DataFrame]:
    fill(store)
    return {k: repo.read_kind(store, k) for k in FRAME_KINDS}


def state(frames: dict[str, pd.DataFrame], day: str) -> indicators.AsOf:
    return indicators.resolve(frames, date.fromisoformat(day))


# ----------------------------------------------------------------------------- attention

A = Attention
ATTENTION_CASES = [
    # Before any forum: nobody is "never at a forum"; Pohjois-Savo's agreement is in force with
    # 1 council of 19; nobody had assessed yet.
    ("2023-12-31", PS, [A(PS, Rule.COUNCILS_PENDING, count=1, total=19), A(PS, Rule.NO_ASSESSMENT)]),
    ("2025-06-01", PS, [A(PS, Rule.COUNCILS_PENDING, count=1, total=19)]),
    # Its validity ended on 31.12.2025 and nothing renewed it; its assessment is over 12 months old.
    ("2026-06-01", PS, [A(PS, Rule.EXPIRED, day=date(2025, 12, 31)),
                        A(PS, Rule.OLD_ASSESSMENT, day=date(2025, 3, 14))]),
    ("2026-03-14", PS, [A(PS, Rule.EXPIRED, day=date(2025, 12, 31))]),  # 12 months to the day: not yet
    ("2026-03-15", PS, [A(PS, Rule.EXPIRED, day=date(2025, 12, 31)),
                        A(PS, Rule.OLD_ASSESSMENT, day=date(2025, 3, 14))]),
    # Every council approved: nothing pending. 0 participants are no participation.
    ("2025-06-01", LAPPI, [A(LAPPI, Rule.NO_FORUM, count=1), A(LAPPI, Rule.OLD_ASSESSMENT, day=date(2023, 5, 1))]),
    ("2024-01-09", LAPPI, []),  # the forum was not held yet; the assessment was 8 months old
    ("2025-06-01", IU, [A(IU, Rule.NO_AGREEMENT, status="valmistelussa"), A(IU, Rule.NO_FORUM, count=1),
                        A(IU, Rule.NO_ASSESSMENT)]),
    # Approved, but its validity has not begun: not in force, not expired.
    ("2025-06-01", KH, [A(KH, Rule.NO_AGREEMENT, status="hyvaksytty"), A(KH, Rule.NO_FORUM, count=1),
                        A(KH, Rule.NO_ASSESSMENT)]),
    ("2025-06-01", EMPTY, [A(EMPTY, Rule.NO_AGREEMENT), A(EMPTY, Rule.NO_FORUM, count=1),
                           A(EMPTY, Rule.NO_ASSESSMENT)]),
    # Helsinki: the agreement rules do not apply; it came to the forum.
    ("2025-06-01", HELSINKI, [A(HELSINKI, Rule.NO_ASSESSMENT)]),
    # Lappi's agreement has run out by 2099; two forums held, neither with Lappi.
    ("2099-06-01", LAPPI, [A(LAPPI, Rule.EXPIRED, day=date(2029, 12, 31)), A(LAPPI, Rule.NO_FORUM, count=2),
                           A(LAPPI, Rule.OLD_ASSESSMENT, day=date(2023, 5, 1))]),
]


@pytest.mark.parametrize(("day", "area", "expected"), ATTENTION_CASES,
                         ids=[f"{d}-{a}" for d, a, _e in ATTENTION_CASES])
def test_attention_rules(frames: dict[str, pd.DataFrame], day: str, area: int, expected: list[Attention]) -> None:
    assert attention(state(frames, day), [area]) == expected


def test_attention_agrees_with_the_catalogue_for_every_area(frames: dict[str, pd.DataFrame]) -> None:
    """Each rule's areas are the ones the catalogue's figures single out, and the list is in
    the order of the rules, then of the areas."""
    now = state(frames, "2026-06-01")
    found = attention(now)
    by_rule = {rule: [e.area for e in found if e.rule == rule] for rule in Rule}
    expired = indicators.by_area("agreements_expired", now)
    assert by_rule[Rule.EXPIRED] == [a for a, v in expired.items() if v.value == 1] == [PS]
    assert len(by_rule[Rule.EXPIRED]) == indicators.evaluate("agreements_expired", now).numerator
    assessed = indicators.by_area("maturity_mean", now)
    assert by_rule[Rule.NO_ASSESSMENT] == [a for a, v in assessed.items() if v.status == indicators.Status.NO_DATA]
    assert HELSINKI not in by_rule[Rule.NO_AGREEMENT] + by_rule[Rule.EXPIRED] + by_rule[Rule.COUNCILS_PENDING]
    assert len(by_rule[Rule.NO_AGREEMENT]) == 21 - 2  # all but Pohjois-Savo (expired) and Lappi (in force)
    order = [(list(Rule).index(e.rule), e.area) for e in found]
    assert order == sorted(order)


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2026, 6, 1), 12, date(2025, 6, 1)),
    (date(2026, 3, 31), 1, date(2026, 2, 28)),
    (date(2024, 3, 31), 1, date(2024, 2, 29)),
    (date(2026, 1, 15), 13, date(2024, 12, 15)),
])
def test_months_before(day: date, months: int, expected: date) -> None:
    assert months_before(day, months) == expected


# ----------------------------------------------------------------------------- forums

FORUM_CASES = [
    # (day, last: (held on, participants, organisations) or None, next: held on or None)
    ("2023-12-31", None, date(2024, 1, 10)),
    # Held on the day itself: the last one. Lappi's 0 and the planned forum's row count nowhere.
    ("2024-01-10", (date(2024, 1, 10), 2 + 3 + 4, 3), date(2099, 1, 1)),
    ("2030-01-01", (date(2024, 1, 10), 9, 3), date(2099, 1, 1)),
    ("2099-01-02", (date(2099, 1, 1), 1, 1), None),
]


@pytest.mark.parametrize(("day", "last", "upcoming"), FORUM_CASES, ids=[c[0] for c in FORUM_CASES])
def test_last_and_next_forum(frames: dict[str, pd.DataFrame], day: str, last: tuple[date, int, int] | None,
                             upcoming: date | None) -> None:
    now = state(frames, day)
    got = asof.last_forum(now)
    assert (None if got is None else (got.held_on, got.participants, got.organisations)) == last
    if got is not None:  # the catalogue's notion of held
        assert got.held_on == max(now.forums_held)
        assert indicators.evaluate("forums_held", now).value == len(now.forums_held)
    coming = asof.next_forum(now)
    assert (None if coming is None else coming.held_on) == upcoming
    if coming is not None:
        assert coming.participants == 0 and coming.held_on not in now.forums_held
        planned = ("Tuleva", "talous") if coming.held_on.year == 2099 else ("Hyvinvointi", "hyte")
        assert (coming.title, coming.theme) == planned


# ----------------------------------------------------------------------------- cards

def value(indicator: str, v: float | None, *, numerator: float | None = None, denominator: float | None = None,
          scope: str = "FI", n: int | None = None, detail: dict[str, object] | None = None) -> indicators.Value:
    spec = indicators.get(indicator)
    return indicators.Value(indicator, scope, date(2026, 6, 1), v, numerator, denominator, n, indicators.Status.OK,
                            spec.unit, spec.sources, None, False, detail or {})


@pytest.mark.parametrize(("now", "then", "expected"), [
    (value("forums_held", 15), value("forums_held", 15), None),  # no change: no "0" badge
    (value("forums_held", 15), value("forums_held", None), None),  # nothing to compare with
    (value("forums_held", 16), value("forums_held", 15), "+1"),
    (value("agreements_expired", 12, denominator=21), value("agreements_expired", 13, denominator=21), "-1"),
    (value("council_approved_population_share", 0.48), value("council_approved_population_share", 0.5),
     "-2,0 %-yks."),
    (value("council_approved_population_share", 0.5004), value("council_approved_population_share", 0.5), None),
    (value("council_approved_population_share", 0.52), value("council_approved_population_share", 0.5),
     "+2,0 %-yks."),
])
def test_a_change_is_shown_only_where_something_changed(now: indicators.Value, then: indicators.Value,
                                                        expected: str | None) -> None:
    assert labels.change_text(now, then, "fi") == expected


def _delta_card(delta: str) -> None:
    import streamlit as st

    st.metric("x", "1", delta=delta)


@pytest.mark.parametrize(("now", "then", "falls"), [(13, 12, False), (12, 13, True)])
def test_a_falling_figure_shows_a_falling_arrow(now: int, then: int, falls: bool) -> None:
    """st.metric reads a change's sign for its arrow and colour: a fall written "−1" showed a
    rising arrow in the rising colour."""
    from streamlit.proto.Metric_pb2 import Metric
    from streamlit.testing.v1 import AppTest

    delta = labels.change_text(value("agreements_expired", now), value("agreements_expired", then), "fi")
    at = AppTest.from_function(_delta_card, args=(delta,)).run()
    assert at.metric[0].proto.direction == (Metric.MetricDirection.DOWN if falls else Metric.MetricDirection.UP)


@pytest.mark.parametrize(("shown", "lang", "expected"), [
    (value("agreements_in_force", 1, numerator=1, denominator=1, scope="13"), "fi", "Kyllä"),
    (value("agreements_expired", 0, numerator=0, denominator=1, scope="13"), "sv", "Nej"),
    (value("pilot_areas", 1, numerator=1, denominator=1, scope="13"), "en", "Yes"),
    (value("agreements_in_force", 1, numerator=1, denominator=21), "fi", "1 / 21"),  # the country counts
    (value("council_approved_municipalities", 1, numerator=1, denominator=1, scope="13"), "fi", "1 / 1"),
])
def test_one_areas_count_of_areas_says_yes_or_no(shown: indicators.Value, lang: str, expected: str) -> None:
    assert labels.value_text(shown, lang) == expected


def test_the_survey_card_says_what_its_value_is() -> None:
    survey = value("survey_mean", 42.0, n=298, detail={"survey": "Kuntapulssi", "wave": "1/2023", "statements": 8})
    assert labels.value_note(survey, "fi") == \
        "Kuntapulssi 1/2023: keskiarvo 8 väittämästä, vähintään 298 vastaajaa väittämää kohden"
    assert labels.value_note(survey, "sv") == \
        "Kuntapulssi 1/2023: medelvärde av 8 påståenden, minst 298 svarande per påstående"
    card = labels.headline([survey], "en", country=value("survey_mean", 40.0, n=300))
    assert (card.note, card.country, card.delta) == (
        "Kuntapulssi 1/2023: mean of 8 statements, at least 298 respondents per statement", "40%", None)
    one = value("survey_mean", 42.0, n=1, detail={"survey": "Kuntapulssi", "wave": "1/2023", "statements": 8})
    assert labels.value_note(one, "fi").endswith("vähintään 1 vastaaja väittämää kohden")
    assert labels.value_note(one, "en").endswith("at least 1 respondent per statement")
    assert labels.value_note(value("forums_held", 3), "fi") is None


# ----------------------------------------------------------------------------- latest changes

@pytest.mark.parametrize(("kind", "before", "after", "expected"), [
    ("municipalities", {"population": 1, "population_year": 2023}, {"population": 2, "population_year": 2024}, True),
    ("municipalities", {"population": 1, "row_version": 1}, {"population": 2, "row_version": 2}, True),
    ("municipalities", {"population": 1, "name_fi": "A"}, {"population": 2, "name_fi": "B"}, False),
    ("municipalities", None, {"population": 2}, False),  # a new record is data
    ("municipalities", {"population": 1}, {"population": 1}, False),
    ("forums", {"population": 1}, {"population": 2}, False),
])
def test_reference_updates_are_told_apart(kind: str, before: dict[str, Any] | None, after: dict[str, Any] | None,
                                          expected: bool) -> None:
    assert recent.is_reference_update(kind, before, after) is expected


def test_latest_changes_leave_out_reference_imports_and_count_them(store: Engine) -> None:
    fill(store)
    codes = [m.code for m in facts.municipalities()]
    changed = repo.update_population(store, [(c, 1000 + i, 2024) for i, c in enumerate(codes)],
                                     actor="tester@example.fi", note="population from reference data")
    assert changed == len(codes)
    log = repo.read_kind(store, "changelog")
    lines = recent.recent_changes(log, Filters(), "fi")
    assert len(lines) == len(FIXTURE)  # one batch for each kind written, none for the population
    assert all("308" not in line.text for line in lines)
    got = recent.reference_updates(log, Filters())
    assert got is not None and (got.imports, got.records) == (1, len(codes))
    in_area = recent.reference_updates(log, Filters(area=PS))
    assert in_area is not None and in_area.records == len(members(PS))
    assert recent.reference_updates(log.iloc[0:0], Filters()) is None


# ----------------------------------------------------------------------------- the page (AppTest)

@pytest.fixture
def app_store(fresh_caches: None) -> Iterator[None]:
    """The app's own store holding only the fixture (no example data)."""
    engine = open_store()
    fill(engine)
    engine.dispose()
    yield


LINK = re.compile(r"\[((?:[^\]\\]|\\.)*)\]\(([^)?]*)\?([^)]*)\)")


def links(at: Any) -> list[tuple[str, str, str]]:
    """Every link of the attention list: (label as Markdown, page, query string)."""
    texts = [m.value for m in at.markdown if m.value.startswith("### ")]
    shown = [text for text in texts if any(text.startswith(f"### {t('attention.title', lang)}\n")
                                           for lang in ("fi", "sv", "en"))]
    assert len(shown) <= 1
    return [m.groups() for text in shown for m in LINK.finditer(text)]


@pytest.mark.usefixtures("app_store")
@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_overview_lists_the_areas_that_need_attention_with_links(lang: str) -> None:
    at = open_app(None, {"kieli": lang})
    expected = attention(indicators.resolve(_frames(), finnish_today()))
    rules = list(dict.fromkeys(e.rule for e in expected))
    assert rules == [Rule.EXPIRED, Rule.NO_AGREEMENT, Rule.NO_FORUM, Rule.NO_ASSESSMENT, Rule.OLD_ASSESSMENT]
    titles = [tn("attention.group", sum(e.rule == rule for e in expected), lang, rule=home.rule_title(rule, lang))
              for rule in rules]
    text = next(m.value for m in at.markdown if m.value.startswith(f"### {t('attention.title', lang)}\n"))
    assert [text.index(f"- **{title}.**") for title in titles] == sorted(text.index(f"- **{title}.**")
                                                                        for title in titles)
    shown = links(at)
    assert [label for label, _p, _q in shown] == [plain.escape(home.entry_label(e, lang)) for e in expected]
    assert [q for _l, _p, q in shown] == [urlencode(Filters(lang=lang, area=e.area).to_params()) for e in expected]
    assert {p for _l, p, _q in shown} == {next(p.url_path for p in PAGES if p.title_key == "nav.profile")}
    for rule in rules:
        assert text.count(home.rule_text(rule, lang)) == 1  # each rule's text once, in its group


def _frames() -> dict[str, pd.DataFrame]:
    engine = open_store()
    try:
        return {k: repo.read_kind(engine, k) for k in FRAME_KINDS}
    finally:
        engine.dispose()


@pytest.mark.usefixtures("app_store")
def test_overview_of_an_area_shows_its_entries_and_the_country_beside_its_cards() -> None:
    # The root with an area is the area's front page: the overview's cards, the country beside each.
    at = open_app(None, {"kieli": "sv", "alue": str(PS)})
    now = indicators.resolve(_frames(), finnish_today())
    metrics = {m.label: m for m in at.metric}
    assert metrics[labels.label("agreements_in_force", "sv")].value == "Nej"  # not "0 / 1"
    assert metrics[labels.label("agreements_expired", "sv")].value == "Ja"
    captions = [c.value for c in at.caption]
    country = indicators.evaluate("agreements_in_force", now)
    beside = next(c for c in captions if c.startswith(t("analysis.national_beside", "sv", value="")))
    assert f"{plain.escape(labels.label('agreements_in_force', 'sv'))} {labels.value_text(country, 'sv')}" in beside
    assert all(m.delta in (None, "") or m.delta.strip("+-") not in ("0", "0,0") for m in at.metric)


@pytest.mark.usefixtures("app_store")
def test_overview_shows_the_last_and_the_next_forum() -> None:
    at = open_app(None, {"kieli": "fi"})
    forums = next(m.value for m in at.markdown if m.value.startswith(f"### {t('overview.forums', 'fi')}\n"))
    assert "**Viimeisin:** 10.1.2024 Hyvinvointi" in forums
    assert "osallistujia 9, organisaatioita 3" in forums
    assert "**Seuraava:** 1.1.2099 Tuleva" in forums


def test_an_empty_store_has_no_forum_to_show(fresh_caches: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("YHDYSPINTA_NO_DEMO", "1")
    at = open_app(None, {"kieli": "en"})
    forums = next(m.value for m in at.markdown if m.value.startswith(f"### {t('overview.forums', 'en')}\n"))
    assert t("overview.forum.none_held", "en") in forums and t("overview.forum.none_planned", "en") in forums
    assert not any(e.rule in (Rule.NO_FORUM, Rule.EXPIRED) for e in attention(indicators.resolve(_frames(),
                                                                                                finnish_today())))
    assert len(links(at)) == 22 + 21  # every area lacks an assessment; all but Helsinki an agreement


def test_the_quarterly_charts_label_whole_numbers_only() -> None:
    """A yes/no figure (0/1) and a flat line of zeros, drawn as the browser would (vl-convert):
    no tick reads 0.5 or 0.000000."""
    import json

    import vl_convert

    from yhdyspinta import charts

    days = pd.date_range("2023-03-31", periods=12, freq="QE")
    frame = pd.DataFrame(
        [{"label": "Sopimus voimassa", "day": d, "value": float(d.year == 2025), "text": ""} for d in days]
        + [{"label": "Valtuusto hyväksynyt", "day": d, "value": 0.0, "text": ""} for d in days])
    svg = vl_convert.vegalite_to_svg(json.loads(charts.headline_series_chart(frame, "fi").to_json()))
    labels_drawn = set(re.findall(r">([^<>]*)</text>", svg))
    assert {"0", "1"} <= labels_drawn
    assert not {"0.5", "0.0", "1.0", "0.000000"} & labels_drawn, labels_drawn
