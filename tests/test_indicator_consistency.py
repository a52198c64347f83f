"""One picture, one truth: every indicator has the same value in the catalogue, the
`indicators` command, the overview, the map, the area profile, the analysis pages, the
presentation and the exports.

A fixture store holds the edge cases that once made pages contradict each other: a
participation row with 0 participants and a forum still to come, an agreement whose validity
ended on 31.12.2025, Helsinki with an "approved" agreement and a rejecting council, a stored
survey value of 46.5 and maturity rounds of different sizes (pooled and area-weighted means
differ). Generated data (Hypothesis) then checks the pure surfaces against the catalogue.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from tests.apptest import capture_downloads, open_app
from yhdyspinta import analysis, facts, indicators, mapping, slides
from yhdyspinta import profile as prof
from yhdyspinta.cli import main
from yhdyspinta.filters import Filters
from yhdyspinta.i18n import enum_label, format_pct, t
from yhdyspinta.indicators import attention, finnish_today, labels
from yhdyspinta.io.export import indicator_bytes
from yhdyspinta.kinds import KINDS
from yhdyspinta.store import repository as repo
from yhdyspinta.store.engine import open_store
from yhdyspinta.store.schema import MATURITY_COLUMNS
from yhdyspinta.ui import plain

PS, LAPPI, HELSINKI = 13, 21, facts.HELSINKI_AREA_CODE
KUOPIO, IISALMI, KAAVI, INARI, HKI = "297", "140", "204", "148", "091"
SCOPES = (indicators.Scope(), indicators.Scope(PS), indicators.Scope(HELSINKI))


def _rater(area: int, no: int, score: int) -> dict[str, Any]:
    return {"area_code": area, "assessed_on": "2025-03-14", "respondent_no": no, "respondent_role": "kunta",
            **{c: score for c in MATURITY_COLUMNS}}


def _survey(statement: str, level: str, key: str, value: float, n: int) -> dict[str, Any]:
    return {"survey": "Kuntapulssi", "wave": "1/2024", "published_on": "2024-06-03", "statement": statement,
            "respondent_group": "Kaikki vastanneet", "level": level, "level_key": key, "value_pct": value, "n": n}


EDGE_CASES: dict[str, list[dict[str, Any]]] = {
    "agreements": [
        {"area_code": PS, "kind": "yhteistyosopimus", "title": "Puitesopimus 2022–2025", "status": "hyvaksytty",
         "approved_on": "2022-06-01", "valid_from": "2022-06-01", "valid_until": "2025-12-31"},
        {"area_code": LAPPI, "kind": "yhteistyosopimus", "title": "Strateginen sopimus", "status": "toimeenpanossa",
         "approved_on": "2023-02-01", "valid_from": "2023-02-01", "valid_until": "2029-12-31"},
        {"area_code": HELSINKI, "kind": "yhteistyosopimus", "title": "Ei sovellu", "status": "hyvaksytty"},
    ],
    "approvals": [
        {"area_code": PS, "agreement_kind": "yhteistyosopimus", "municipality_code": KUOPIO, "status": "hyvaksytty",
         "decided_on": "2022-09-01"},
        {"area_code": PS, "agreement_kind": "yhteistyosopimus", "municipality_code": IISALMI, "status": "hylatty",
         "decided_on": "2022-10-01"},
        {"area_code": PS, "agreement_kind": "yhteistyosopimus", "municipality_code": KAAVI, "status": "hyvaksytty"},
        {"area_code": LAPPI, "agreement_kind": "yhteistyosopimus", "municipality_code": INARI,
         "status": "hyvaksytty", "decided_on": "2023-05-01"},
        {"area_code": HELSINKI, "agreement_kind": "yhteistyosopimus", "municipality_code": HKI, "status": "hylatty"},
    ],
    "forums": [
        {"held_on": "2024-01-10", "theme": "hyte", "title": "Hyte"},
        {"held_on": "2024-03-10", "theme": "tyollisyys", "title": "Työllisyys"},
        {"held_on": "2099-01-01", "theme": "talous", "title": "Tuleva"},
    ],
    "participation": [
        {"forum_date": "2024-01-10", "org_type": "kunta", "org_key": KUOPIO, "participants": 3},
        {"forum_date": "2024-03-10", "org_type": "kunta", "org_key": IISALMI, "participants": 0},
        {"forum_date": "2024-03-10", "org_type": "alue", "org_key": str(PS), "participants": 2},
        {"forum_date": "2099-01-01", "org_type": "kunta", "org_key": INARI, "participants": 1},
        {"forum_date": "2024-01-10", "org_type": "muu", "org_key": "Kuntaliitto", "participants": 1},
        {"forum_date": "2024-01-10", "org_type": "kunta", "org_key": HKI, "participants": 2},
        {"forum_date": "2024-03-10", "org_type": "alue", "org_key": str(HELSINKI), "participants": 1},
    ],
    "survey": [
        _survey("A", "koko_maa", "", 46.5, 300), _survey("B", "koko_maa", "", 40.0, 300),
        _survey("A", "alue", str(PS), 46.5, 12), _survey("B", "alue", str(PS), 50.0, 12),
    ],
    "maturity": [_rater(PS, 1, 2), _rater(PS, 2, 2), _rater(PS, 3, 2), _rater(LAPPI, 1, 1)],
    "pilots": [{"area_code": PS}],
}


@pytest.fixture
def edge_store(fresh_caches: None) -> dict[str, pd.DataFrame]:
    """The app's own store (what the pages read), holding only the edge cases; its frames."""
    engine = open_store()
    for kind, rows in EDGE_CASES.items():
        plan = repo.plan_upsert(engine, kind, [KINDS[kind].validate(r) for r in rows])
        repo.apply_changes(engine, kind, plan.changes, actor="tester@example.fi")
    frames = {k: repo.read_kind(engine, k) for k in (*indicators.KINDS_NEEDED, "changelog")}
    engine.dispose()
    return frames


def catalogue(frames: dict[str, pd.DataFrame], scope: indicators.Scope) -> dict[str, indicators.Value]:
    return indicators.evaluate_all(indicators.resolve(frames, finnish_today()), scope)


def test_the_edge_cases_follow_the_domain_rules(edge_store: dict[str, pd.DataFrame]) -> None:
    country, savo, helsinki = (catalogue(edge_store, s) for s in SCOPES)
    # Pohjois-Savo's agreement ended on 31.12.2025: expired, never approved; Lappi's is in force.
    assert (country["agreements_in_force"].value, country["agreements_expired"].value) == (1, 1)
    assert (savo["agreements_in_force"].value, savo["agreements_expired"].value) == (0, 1)
    assert country["agreements_in_force"].denominator == 21
    # Helsinki: not applicable, never missing; its rejection counts nowhere.
    for key in ("agreements_in_force", "council_approved_municipalities", "council_approved_population_share"):
        assert helsinki[key].status == indicators.Status.NOT_APPLICABLE
    assert country["council_approved_municipalities"].value == 3  # Kuopio, Kaavi, Inari
    assert country["council_approved_municipalities"].denominator == 291
    # The future forum and the zero row count nowhere; Helsinki counts in participation.
    assert country["forums_held"].value == 2
    assert savo["municipalities_participated"].value == 1  # Kuopio; Iisalmi sent 0
    assert country["municipalities_participated"].value == 2  # Kuopio and Helsinki
    assert country["municipalities_participated"].denominator == 292
    assert country["organisations_reached"].value == 5  # Kuopio, Helsinki, Kuntaliitto, the two areas
    assert helsinki["organisations_reached"].value == 2
    # Participants at forums held: Iisalmi's 0 and Inari's 1 at the future forum count nowhere.
    assert (country["forum_participants"].value, savo["forum_participants"].value,
            helsinki["forum_participants"].value) == (9, 5, 3)
    # Survey: the stored 46.5 rounds half away from zero; the area's N of 12 is flagged.
    assert labels.value_text(country["survey_mean"], "fi") == "43\u00a0%"  # (46.5 + 40) / 2 = 43.25
    assert savo["survey_mean"].small_n and not country["survey_mean"].small_n
    # Maturity: each area weighs the same (2 and 1 → 1.5), not pooled over respondents (1.75).
    assert country["maturity_trust"].value == 1.5
    assert labels.value_text(country["maturity_level"], "fi") == "2 Koordinaatio"


@pytest.mark.parametrize("scope", SCOPES, ids=lambda s: s.code)
def test_the_indicators_command_prints_the_catalogue(edge_store: dict[str, pd.DataFrame], scope: indicators.Scope,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    area = [] if scope.area is None else ["--area", str(scope.area)]
    assert main(["indicators", "--format", "json", *area]) == 0
    printed = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    expected = {v.indicator: labels.record(v) for v in catalogue(edge_store, scope).values()}
    assert printed == expected
    assert {row["scope"] for row in printed.values()} == {scope.code}
    assert main(["indicators", "--format", "csv", *area]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff")), delimiter=";"))
    assert [r["id"] for r in rows] == list(expected)
    assert [r["status"] for r in rows] == [e["status"] for e in expected.values()]


def _cards(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


@pytest.mark.parametrize(("lang", "scope"), [("fi", SCOPES[0]), ("sv", SCOPES[1]), ("en", SCOPES[2])],
                         ids=["fi-country", "sv-13", "en-helsinki"])
def test_overview_and_its_download_show_the_catalogue(edge_store: dict[str, pd.DataFrame], lang: str,
                                                      scope: indicators.Scope,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    files = capture_downloads(monkeypatch)
    query = {"kieli": lang, **({"alue": str(scope.area)} if scope.area else {})}
    at = open_app(None, query)
    values = catalogue(edge_store, scope)
    assert _cards(at) == {labels.label(i, lang): labels.value_text(values[i], lang) for i in labels.HEADLINE_IDS}
    assert files["tunnusluvut.csv"] == indicator_bytes(values.values(), "csv")


@pytest.mark.parametrize(("lang", "scope"), [("fi", SCOPES[0]), ("sv", SCOPES[1])], ids=["fi-country", "sv-13"])
def test_overview_attention_and_cards_read_the_catalogue(edge_store: dict[str, pd.DataFrame], lang: str,
                                                         scope: indicators.Scope) -> None:
    """The list of areas needing attention names exactly the areas the catalogue's figures single
    out; with an area chosen each card has the whole country's value beside it."""
    from yhdyspinta.ui.views import home

    at = open_app(None, {"kieli": lang, **({"alue": str(scope.area)} if scope.area else {})})
    state = indicators.resolve(edge_store, finnish_today())
    expected = attention.attention(state, None if scope.area is None else [scope.area])
    if scope.area is None:  # the root with an area is the area's front page, without the list
        text = next(m.value for m in at.markdown if m.value.startswith(f"### {t('attention.title', lang)}\n"))
        assert text == home.attention_markdown(expected, finnish_today(), lang)
    expired = indicators.by_area("agreements_expired", state)
    assert sum(e.rule == attention.Rule.EXPIRED for e in expected) == \
        sum(1 for a, v in expired.items() if v.value == 1 and (scope.area is None or a == scope.area))
    if scope.area is None:
        assert {e.area for e in expected if e.rule == attention.Rule.COUNCILS_PENDING} == {LAPPI}  # 1 of 21
        assert {e.area for e in expected if e.rule == attention.Rule.EXPIRED} == {PS}
        return
    country, values = catalogue(edge_store, SCOPES[0]), catalogue(edge_store, scope)
    lines = [line for c in at.caption for line in c.value.split("  \n")]
    prefix = t("analysis.national_beside", lang, value="")
    beside = next((line.removeprefix(prefix) for line in lines if line.startswith(prefix)), "").split(" · ")
    for key in labels.HEADLINE_IDS:
        entry = f"{plain.escape(labels.label(key, lang))} {labels.value_text(country[key], lang)}"
        assert (entry in beside) == (labels.value_text(country[key], lang) != labels.value_text(values[key], lang))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_area_profile_shows_the_catalogue_beside_the_country(edge_store: dict[str, pd.DataFrame], lang: str) -> None:
    at = open_app("profile.py", {"kieli": lang, "alue": str(PS)})
    savo, country = catalogue(edge_store, SCOPES[1]), catalogue(edge_store, SCOPES[0])
    assert _cards(at) == {labels.label(i, lang): labels.value_text(savo[i], lang) for i in labels.HEADLINE_IDS}
    table = next(df.value for df in at.dataframe if t("indicator.col.country", lang) in df.value.columns)
    area = facts.area_by_code()[PS].name(lang)
    shown = dict(zip(table[t("indicator.col.label", lang)], zip(table[area],
                                                                 table[t("indicator.col.country", lang)],
                                                                 strict=True), strict=True))
    # As shown everywhere, with "⚠ N=…" after a value from few respondents.
    assert shown == {labels.label(i, lang): (labels.flagged_text(savo[i], lang), labels.flagged_text(country[i], lang))
                     for i in indicators.BY_ID}


def test_presentation_views_show_the_catalogue(edge_store: dict[str, pd.DataFrame]) -> None:
    at = open_app(None, {"esitys": "1", "kieli": "sv"})
    country = catalogue(edge_store, SCOPES[0])
    assert _cards(at) == {labels.label(i, "sv"): labels.value_text(country[i], "sv") for i in labels.HEADLINE_IDS}
    at = open_app(None, {"esitys": "1", "nakyma": "3", "kieli": "sv", "alue": str(PS)})
    status = at.dataframe[0].value
    savo = catalogue(edge_store, SCOPES[1])
    assert list(status[t("present.col.approved", "sv")]) == [
        labels.value_text(savo["council_approved_municipalities"], "sv")]
    assert list(status.iloc[:, 1]) == [t("map.expired", "sv")]
    # Helsinki: not applicable, said once on its bar.
    helsinki = slides.status_by_area(indicators.resolve(edge_store, finnish_today()), Filters(lang="fi", area=HELSINKI))
    assert list(helsinki["label"]) == [t("indicator.not_applicable", "fi")]


@pytest.mark.parametrize(("indicator", "catalogue_id"), [
    (mapping.COUNCIL_APPROVAL, "council_approved_municipalities"),
    (mapping.FORUM_COVERAGE, "municipalities_participated"),
    (mapping.FORUM_PARTICIPATION, "area_forums_attended"),
    (mapping.MATURITY_LEVEL, "maturity_level"),
])
def test_map_page_shows_the_catalogue(edge_store: dict[str, pd.DataFrame], indicator: str, catalogue_id: str) -> None:
    at = open_app("map.py", {"alue": str(PS)})
    at.selectbox(key="map.indicator").select(indicator).run()
    assert not at.exception
    table = at.dataframe[-1].value
    title = mapping.indicator_title(indicator, mapping.LEVEL_AREAS, "fi")
    value = catalogue(edge_store, SCOPES[1])[catalogue_id]
    shown = table.set_index(t("map.col.code", "fi")).loc[str(PS)]
    if catalogue_id == "maturity_level":
        assert shown[title] == labels.value_text(value, "fi")
    elif catalogue_id == "area_forums_attended":
        assert shown[title] == str(int(value.numerator or 0))
    else:  # a share of the area's municipalities, in whole percent
        assert shown[title] == format_pct(value.share, "fi")


def test_maturity_page_shows_the_catalogue(edge_store: dict[str, pd.DataFrame]) -> None:
    at = open_app("maturity.py", {"kieli": "sv", "alue": str(PS)})
    cards = _cards(at)
    country, savo = catalogue(edge_store, SCOPES[0]), catalogue(edge_store, SCOPES[1])
    assert cards[t("analysis.maturity.national_level", "sv")] == labels.value_text(country["maturity_level"], "sv")
    assert labels.value_text(savo["maturity_level"], "sv") in cards.values()


# --------------------------------------------------------------------------- generated data

AREAS = (PS, LAPPI, 1, HELSINKI)
MEMBERS = {a: [m.code for m in facts.municipalities() if m.area_code == a][:4] for a in AREAS}
STATUSES = ("ei_aloitettu", "valmistelussa", "hyvaksytty", "toimeenpanossa", "paivitettavana")
DAYS = st.dates(min_value=date(2022, 1, 1), max_value=date(2029, 12, 31))


@st.composite
def generated_frames(draw: st.DrawFn) -> dict[str, pd.DataFrame]:
    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in indicators.KINDS_NEEDED}
    rows["municipalities"] = facts.municipality_records()
    for area in AREAS:
        if draw(st.booleans()):
            start = draw(DAYS)
            end = draw(st.one_of(st.none(), st.dates(min_value=start, max_value=date(2030, 12, 31))))
            rows["agreements"].append({"area_code": area, "kind": "yhteistyosopimus", "title": "S",
                                       "status": draw(st.sampled_from(STATUSES)), "approved_on": start,
                                       "valid_from": start, "valid_until": end})
        for code in MEMBERS[area]:
            decision = draw(st.sampled_from(("kasittelematta", "hyvaksytty", "hylatty", None)))
            if decision:
                rows["approvals"].append({"area_code": area, "agreement_kind": "yhteistyosopimus",
                                          "municipality_code": code, "status": decision,
                                          "decided_on": draw(st.one_of(st.none(), DAYS))})
    forum_days = sorted(draw(st.sets(DAYS, min_size=1, max_size=3)))
    rows["forums"] = [{"held_on": d, "theme": "hyte", "title": str(d)} for d in forum_days]
    for d in forum_days:
        for area in AREAS:
            for code in MEMBERS[area][:2]:
                if draw(st.booleans()):
                    rows["participation"].append({"forum_date": d, "org_type": "kunta", "org_key": code,
                                                  "participants": draw(st.integers(0, 3))})
    frames = {k: pd.DataFrame(v, columns=list(KINDS[k].export_fields)) for k, v in rows.items()}
    return frames


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(frames=generated_frames(), as_of=DAYS)
def test_every_pure_surface_agrees_with_the_catalogue(frames: dict[str, pd.DataFrame], as_of: date) -> None:
    state = indicators.resolve(frames, as_of)
    country = indicators.evaluate_all(state)
    per_area = {i: indicators.by_area(i, state) for i in indicators.BY_ID}
    # The country is the sum of its areas where a figure adds up.
    for key in ("agreements_in_force", "agreements_expired", "council_approved_municipalities",
                "municipalities_participated", "pilot_areas"):
        parts = [v for v in per_area[key].values() if v.status == indicators.Status.OK]
        assert sum(v.numerator or 0 for v in parts) == country[key].numerator, key
        assert sum(v.denominator or 0 for v in parts) == country[key].denominator, key
    # The map's cells.
    council = mapping.indicator_values(mapping.COUNCIL_APPROVAL, mapping.LEVEL_AREAS, state, "sv").frame
    coverage = mapping.indicator_values(mapping.FORUM_COVERAGE, mapping.LEVEL_AREAS, state, "sv").frame
    status = mapping.indicator_values(mapping.AGREEMENT_STATUS, mapping.LEVEL_AREAS, state, "sv").frame
    for area in AREAS:
        approved, reached = per_area["council_approved_municipalities"][area], \
            per_area["municipalities_participated"][area]
        cell = council.set_index("code").loc[area]
        if approved.status == indicators.Status.NOT_APPLICABLE:
            assert cell["cls"] == mapping.NOT_APPLICABLE_CLASS
        elif cell["cls"] != mapping.NO_DATA_CLASS:
            assert cell["value"] == pytest.approx(approved.share)
        assert coverage.set_index("code").loc[area, "value"] == pytest.approx(reached.share)
        expired = per_area["agreements_expired"][area].value == 1
        assert (status.set_index("code").loc[area, "cls"] == mapping.EXPIRED_CLASS) == expired
    # The presentation's status slide.
    slide = slides.status_by_area(state, Filters(lang="en")).set_index("code")
    for area in AREAS:
        assert slide.loc[area, "approved"] == labels.value_text(per_area["council_approved_municipalities"][area],
                                                                "en")
    # The agreements page's chart of the councils' decisions and the area profile's municipality
    # table, for each area with an agreement (an approval always names one).
    counts = analysis.approval_counts(
        analysis.municipality_approvals(frames["agreements"], frames["approvals"], as_of)).set_index("area_code")
    approved_label = enum_label("ApprovalStatus", "hyvaksytty", "en")
    for area in set(frames["agreements"]["area_code"]) - {HELSINKI}:
        approved = per_area["council_approved_municipalities"][area]
        assert counts.loc[area, "hyvaksytty"] == approved.numerator, area
        table = prof.municipality_table(area, frames, state, "en")
        assert (table[t("profile.col.council", "en")] == approved_label).sum() == approved.numerator, area
    # The agreements page's grid and lifecycle counts say "expired" where the catalogue does.
    grid = analysis.agreement_grid(frames["agreements"], state).set_index(["area_code", "kind"])
    lifecycle = analysis.lifecycle_counts(frames["agreements"], state).set_index("status")
    for area in set(AREAS) - {HELSINKI}:
        expired = per_area["agreements_expired"][area].value == 1
        assert (grid.loc[(area, "yhteistyosopimus"), "status"] == analysis.EXPIRED) == expired, area
    assert lifecycle.loc[analysis.EXPIRED, "areas"] == sum(
        per_area["agreements_expired"][a].value == 1 for a in set(AREAS) - {HELSINKI})
    # The status slide names and orders each area's strategic agreement as the grid does.
    for area in set(AREAS) - {HELSINKI}:
        shown = grid.loc[(area, "yhteistyosopimus"), "status"]
        shown = None if pd.isna(shown) else shown
        assert slide.loc[area, "rank"] == analysis.stage(shown), area
        assert slide.loc[area, "status"] == (labels.status_text(shown, "en") if shown else "–"), area
    # The overview's list of areas that need attention.
    found = attention.attention(state, AREAS)
    for rule, key in ((attention.Rule.EXPIRED, "agreements_expired"), (attention.Rule.NO_FORUM, None),
                      (attention.Rule.NO_ASSESSMENT, "maturity_mean")):
        areas = {e.area for e in found if e.rule == rule}
        if key == "agreements_expired":
            assert areas == {a for a in AREAS if per_area[key][a].value == 1}
        elif key == "maturity_mean":
            assert areas == {a for a in AREAS if per_area[key][a].status == indicators.Status.NO_DATA}
        else:
            assert areas == {a for a in AREAS if per_area["area_forums_attended"][a].denominator
                             and not per_area["area_forums_attended"][a].numerator}
    pending = {a for a in AREAS if per_area["agreements_in_force"][a].value == 1
               and (per_area["council_approved_municipalities"][a].numerator or 0)
               < (per_area["council_approved_municipalities"][a].denominator or 0)}
    assert {e.area for e in found if e.rule == attention.Rule.COUNCILS_PENDING} == pending
    # The area profile's comparison and the command's records.
    maturity = prof.maturity_comparison(PS, state)
    assert maturity is None or maturity.national_respondents == (country["maturity_mean"].n or 0)
    records = json.loads(indicator_bytes(country.values(), "json"))
    assert records == [labels.record(v) for v in country.values()]


def test_the_readmes_indicator_table_is_the_catalogue() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    shown = readme.split("<!-- indicators:start -->\n", 1)[1].split("<!-- indicators:end -->", 1)[0]
    assert shown == labels.markdown_table("en"), "run: python -m yhdyspinta catalogue, and paste it into the README"
    assert len(shown.strip().splitlines()) == 2 + len(indicators.CATALOGUE)


@pytest.mark.parametrize(("lang", "scope"), [("fi", SCOPES[0]), ("sv", SCOPES[1])], ids=["fi-country", "sv-13"])
def test_agreements_page_shows_the_catalogue(edge_store: dict[str, pd.DataFrame], lang: str,
                                             scope: indicators.Scope) -> None:
    at = open_app("agreements.py", {"kieli": lang, **({"alue": str(scope.area)} if scope.area else {})})
    values = catalogue(edge_store, scope)
    keys = ("agreements_in_force", "agreements_expired", "council_approved_municipalities")
    assert _cards(at) == {labels.label(k, lang): labels.value_text(values[k], lang) for k in keys}


def test_forums_page_shows_the_catalogue(edge_store: dict[str, pd.DataFrame]) -> None:
    """The first contradiction found: a row of 0 participants and a forum still to come."""
    for lang, scope in (("fi", SCOPES[0]), ("sv", SCOPES[1])):
        at = open_app("forums.py", {"kieli": lang, **({"alue": str(scope.area)} if scope.area else {})})
        values = catalogue(edge_store, scope)
        cards = _cards(at)
        for key in ("municipalities_participated", "forums_held", "forum_participants"):  # the catalogue's
            assert cards[labels.label(key, lang)] == labels.value_text(values[key], lang), key
