"""The overview (Tilannekuva) and the area profile: pure profile figures, then the pages through
the entry file (AppTest) in every language, for the whole country and for Pohjois-Savo."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from tests.apptest import open_app
from yhdyspinta import demo, facts
from yhdyspinta import profile as prof
from yhdyspinta.i18n import LANGUAGES, column_label, format_day, t
from yhdyspinta.kinds import KINDS
from yhdyspinta.store import repository as repo
from yhdyspinta.store.engine import open_store
from yhdyspinta.ui.views.home import DEFAULT_LOOKBACK

pytestmark = pytest.mark.usefixtures("fresh_caches")

PS = 13
PS_MEMBERS = sorted(m.code for m in facts.municipalities() if m.area_code == PS)


# ------------------------------------------------------------------------- pure profile figures

def _frames(**given: list[dict[str, object]]) -> dict[str, pd.DataFrame]:
    """Frames in the store's shape: the facts' municipalities plus the given records."""
    munis = pd.DataFrame([{"code": m.code, "name_fi": m.name_fi, "name_sv": m.name_sv, "area_code": m.area_code,
                           "language": m.language.value, "population": None, "population_year": None}
                          for m in facts.municipalities()])
    out = {"municipalities": munis}
    for kind in ("agreements", "approvals", "structures", "forums", "participation", "survey", "maturity"):
        spec = KINDS[kind]
        rows = [spec.validate(r) for r in given.get(kind, [])]
        out[kind] = pd.DataFrame(rows, columns=list(spec.fields))
    return out


def test_municipality_table_shows_each_councils_decision_and_forums() -> None:
    frames = _frames(
        agreements=[{"area_code": PS, "kind": "yhteistyosopimus", "title": "S", "status": "paatoksenteossa"}],
        approvals=[{"area_code": PS, "agreement_kind": "yhteistyosopimus", "municipality_code": "297",
                    "status": "hyvaksytty", "decided_on": "2024-03-01"},
                   {"area_code": PS, "agreement_kind": "yhteistyosopimus", "municipality_code": "140",
                    "status": "hylatty", "decided_on": "2024-04-01"}],
        forums=[{"held_on": "2024-01-01", "theme": "hyte", "title": "F1"},
                {"held_on": "2024-02-01", "theme": "hyte", "title": "F2"}],
        participation=[{"forum_date": "2024-01-01", "org_type": "kunta", "org_key": "297", "participants": 2},
                       {"forum_date": "2024-02-01", "org_type": "kunta", "org_key": "297", "participants": 5},
                       {"forum_date": "2024-02-01", "org_type": "kunta", "org_key": "140", "participants": 1}],
    )
    table = prof.municipality_table(PS, frames, "fi").set_index("Kunta")
    assert len(table) == len(PS_MEMBERS)
    council, forums = t("profile.col.council", "fi"), t("profile.col.forums", "fi")
    assert table.loc["Kuopio", council] == "Hyväksytty"
    assert table.loc["Kuopio", column_label("decided_on", "fi")] == date(2024, 3, 1)
    assert table.loc["Iisalmi", council] == "Hylätty"
    assert table.loc["Kaavi", council] == t("profile.no_decision", "fi")
    assert (table.loc["Kuopio", forums], table.loc["Iisalmi", forums], table.loc["Kaavi", forums]) == (2, 1, 0)
    assert table.loc["Kuopio", column_label("language", "fi")] == "Suomenkielinen"

    bars = prof.participation_by_municipality(PS, frames, "fi")
    assert list(bars["name"][:2]) == ["Kuopio", "Iisalmi"]  # most active first
    assert list(bars["participants"][:2]) == [7, 1]
    assert len(bars) == len(PS_MEMBERS)  # also those that never attended

    no_agreement = prof.municipality_table(21, frames, "sv")
    assert set(no_agreement[t("profile.col.council", "sv")]) == {t("profile.no_agreement", "sv")}


def test_timeline_places_only_dated_events() -> None:
    frames = _frames(
        agreements=[{"area_code": PS, "kind": "yhteistyosopimus", "title": "S", "status": "hyvaksytty",
                     "preparation_started_on": "2023-05-01", "approved_on": "2024-01-10"},
                    {"area_code": PS, "kind": "aiesopimus", "title": "A", "status": "valmistelussa"}],
        approvals=[{"area_code": PS, "agreement_kind": "yhteistyosopimus", "municipality_code": "297",
                    "status": "hyvaksytty", "decided_on": "2024-02-01"},
                   {"area_code": PS, "agreement_kind": "yhteistyosopimus", "municipality_code": "140",
                    "status": "kasittelematta"}],
    )
    events = prof.agreement_events(PS, frames, "en")
    assert list(zip(events["day"], events["event"], events["who"], strict=True)) == [
        (date(2023, 5, 1), "preparation", "North Savo wellbeing services county"),
        (date(2024, 1, 10), "approved", "North Savo wellbeing services county"),
        (date(2024, 2, 1), "council_approved", "Kuopio"),
    ]
    assert prof.timeline_chart(events, "en").to_dict()["mark"]["type"] == "point"


def _survey(wave: str, published: str, statement: str, value: float, level: str, key: str, n: int) -> dict:
    return {"survey": "Kuntapulssi", "wave": wave, "published_on": published, "statement": statement,
            "respondent_group": demo.ALL_RESPONDENTS, "level": level, "level_key": key, "value_pct": value, "n": n}


def test_survey_compares_the_area_with_the_country_in_the_latest_wave_with_area_values() -> None:
    frames = _frames(survey=[
        _survey("1/2023", "2023-06-05", "A", 40, "koko_maa", "", 300),
        _survey("1/2023", "2023-06-05", "A", 20, "alue", "13", 12),
        _survey("1/2024", "2024-06-03", "A", 50, "koko_maa", "", 301),  # no area values in 2024
    ])
    area = prof.survey_comparison(PS, frames["survey"])
    assert area is not None and area.wave == "1/2023"
    long = prof.survey_long(area, PS, "fi")
    assert list(zip(long["series"], long["value"], long["small_n"], strict=True)) == [
        ("Pohjois-Savon hyvinvointialue", 20.0, True), ("Koko maa", 40.0, False)]
    country = prof.survey_comparison(None, frames["survey"])
    assert country is not None and country.wave == "1/2024"
    assert list(prof.survey_long(country, None, "fi")["value"]) == [50.0]


def test_maturity_uses_each_areas_latest_round() -> None:
    def rater(area: int, day: str, no: int, score: int) -> dict:
        return {"area_code": area, "assessed_on": day, "respondent_no": no, "respondent_role": "kunta",
                **{c: score for c in prof.MATURITY_COLUMNS}}

    frames = _frames(maturity=[rater(PS, "2024-03-15", 1, 1), rater(PS, "2025-03-14", 1, 3),
                               rater(PS, "2025-03-14", 2, 2), rater(21, "2024-09-13", 1, 1)])
    comparison = prof.maturity_comparison(PS, frames["maturity"])
    assert comparison is not None
    assert comparison.assessed_on == date(2025, 3, 14)
    assert (comparison.area_respondents, comparison.national_areas, comparison.national_respondents) == (2, 2, 3)
    assert set(comparison.rows["area"]) == {2.5}
    assert set(comparison.rows["national"]) == {2.0}  # (3 + 2 + 1) / 3: the 2024 round of 13 is left out
    unassessed = prof.maturity_comparison(1, frames["maturity"])
    assert unassessed is not None and unassessed.area_respondents == 0
    assert len(prof.maturity_long(unassessed, 1, "fi")) == len(prof.MATURITY_COLUMNS)  # only the country


# ------------------------------------------------------------------------- pages (AppTest)


AREA_CASES = [None, "13"]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("area", AREA_CASES)
def test_overview_renders_figures_with_their_change(lang: str, area: str | None) -> None:
    query = {"kieli": lang, **({"alue": area} if area else {})}
    at = open_app(None, query)
    assert at.title[0].value == t("nav.home", lang)
    metrics = {m.label: m for m in at.metric}
    approved = metrics[t("home.approved_agreements", lang)]
    assert approved.value.endswith("/ 1" if area else "/ 22")
    assert metrics[t("home.council_approved", lang)].value.endswith(f"/ {len(PS_MEMBERS)}" if area else "/ 292")
    population = metrics[t("overview.population", lang)]
    assert (population.value, population.delta) == ("–", t("overview.population_missing", lang))
    assert at.date_input(key="home.since").value is not None
    assert at.dataframe, "the figures and the map have tables"
    assert any(t("overview.changes_note", lang) in m.value for m in at.markdown)
    since = format_day(date.today() - DEFAULT_LOOKBACK, lang)
    assert t("overview.since_note", lang, day=since) in [m.value for m in at.markdown]


def test_overview_change_since_an_early_day_counts_everything() -> None:
    at = open_app()
    at.date_input(key="home.since").set_value(date(2022, 1, 1)).run()
    assert not at.exception
    metrics = {m.label: m for m in at.metric}
    for key in ("home.approved_agreements", "home.council_approved"):
        shown = metrics[t(key, "fi")]
        now = int(shown.value.split(" / ")[0])
        assert shown.delta == f"+{now}", key  # nothing was approved before the reform
    forums = metrics[t("home.forums", "fi")]
    assert forums.delta == f"+{forums.value}"
    table = at.dataframe[0].value
    assert list(table[t("overview.col.change", "fi")]) == list(table[table.columns[2]])


def test_overview_lists_a_new_change_in_the_chosen_language() -> None:
    at = open_app(None, {"kieli": "sv"})
    assert any(t("overview.no_changes", "sv") in m.value for m in at.markdown)
    engine = open_store()
    record = KINDS["forums"].validate({"held_on": "2026-12-04", "theme": "hyte", "title": "Julforum"})
    repo.apply_changes(engine, "forums", repo.plan_upsert(engine, "forums", [record]).changes, actor="lead@x.fi")
    at.run()
    lines = [m.value for m in at.markdown if "Julforum" in m.value]
    assert len(lines) == 1
    assert "Forum tillagd" in lines[0]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_profile_without_an_area_asks_for_one_and_sets_the_shared_filter(lang: str) -> None:
    at = open_app("profile.py", {"kieli": lang})
    assert at.title[0].value == t("nav.profile", lang)
    assert at.info and t("profile.choose", lang) in at.info[-1].value
    assert len(at.dataframe[0].value) == 22  # the areas at a glance
    at.selectbox(key="profile.area").select(PS).run()
    assert not at.exception
    assert at.sidebar.selectbox[1].value == PS
    assert at.query_params["alue"] == "13"
    assert at.metric, "the profile of the chosen area"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_profile_of_an_area(lang: str) -> None:
    at = open_app("profile.py", {"kieli": lang, "alue": "13"})
    assert at.title[0].value == t("nav.profile", lang)
    municipalities = next(df.value for df in at.dataframe if t("profile.col.council", lang) in df.value.columns)
    assert sorted(municipalities[column_label("code", lang)]) == PS_MEMBERS
    subheaders = [s.value for s in at.subheader]
    for key in ("profile.municipalities", "profile.agreements", "profile.structures", "profile.participation",
                "profile.survey", "profile.maturity"):
        assert t(key, lang) in subheaders
    assert len(at.get("vega_lite_chart")) >= 5  # map, timeline, participation, survey, maturity
    assert len(at.dataframe) >= 8  # every chart's data as a table too
    counts = {m.label: m.value for m in at.metric}
    assert counts[t("profile.members", lang)] == str(len(PS_MEMBERS))
