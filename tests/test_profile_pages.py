"""The overview (Tilannekuva) and the area profile: pure profile figures, then the pages through
the entry file (AppTest) in every language, for the whole country and for Pohjois-Savo."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from tests.apptest import open_app
from yhdyspinta import demo, facts, indicators
from yhdyspinta import profile as prof
from yhdyspinta.i18n import LANGUAGES, column_label, t
from yhdyspinta.indicators import labels
from yhdyspinta.kinds import KINDS
from yhdyspinta.store import repository as repo
from yhdyspinta.store.engine import open_store
from yhdyspinta.ui import plain
from yhdyspinta.ui.views import profile as views

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
    for kind in ("agreements", "approvals", "structures", "forums", "participation", "survey", "maturity", "pilots"):
        spec = KINDS[kind]
        rows = [spec.validate(r) for r in given.get(kind, [])]
        out[kind] = pd.DataFrame(rows, columns=list(spec.fields))
    return out


def _state(frames: dict[str, pd.DataFrame], day: date = date(2026, 11, 29)) -> indicators.AsOf:
    return indicators.resolve(frames, day)


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
    table = prof.municipality_table(PS, frames, _state(frames), "fi").set_index("Kunta")
    assert len(table) == len(PS_MEMBERS)
    council, forums = t("profile.col.council", "fi"), t("profile.col.forums", "fi")
    assert table.loc["Kuopio", council] == "Hyväksytty"
    assert table.loc["Kuopio", column_label("decided_on", "fi")] == date(2024, 3, 1)
    assert table.loc["Iisalmi", council] == "Hylätty"
    assert table.loc["Kaavi", council] == t("profile.no_decision", "fi")
    assert (table.loc["Kuopio", forums], table.loc["Iisalmi", forums], table.loc["Kaavi", forums]) == (2, 1, 0)
    assert table.loc["Kuopio", column_label("language", "fi")] == "Suomenkielinen"

    bars = prof.participation_by_municipality(PS, frames, _state(frames), "fi")
    assert list(bars["name"][:2]) == ["Kuopio", "Iisalmi"]  # most active first
    assert list(bars["participants"][:2]) == [7, 1]
    assert len(bars) == len(PS_MEMBERS)  # also those that never attended

    no_agreement = prof.municipality_table(21, frames, _state(frames), "sv")
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


def test_survey_compares_the_area_with_the_country_in_the_catalogues_latest_wave() -> None:
    frames = _frames(survey=[
        _survey("1/2023", "2023-06-05", "A", 40, "koko_maa", "", 300),
        _survey("1/2023", "2023-06-05", "A", 20, "alue", "13", 12),
        _survey("1/2024", "2024-06-03", "A", 50, "koko_maa", "", 301),  # no area values in 2024
    ])
    # One rule for "latest wave" everywhere: the one published last by the day.
    area = prof.survey_comparison(PS, _state(frames))
    assert area is not None and area.wave == "1/2024"
    long = prof.survey_long(area, PS, "fi")
    assert list(zip(long["series"], long["value"], long["small_n"], strict=True)) == [("Koko maa", 50.0, False)]
    before = prof.survey_comparison(PS, _state(frames, date(2024, 1, 1)))
    assert before is not None and before.wave == "1/2023"
    assert list(zip(*(prof.survey_long(before, PS, "fi")[c] for c in ("series", "value", "small_n")),
                    strict=True)) == [("Pohjois-Savon hyvinvointialue", 20.0, True), ("Koko maa", 40.0, False)]


def test_maturity_uses_each_areas_latest_round() -> None:
    def rater(area: int, day: str, no: int, score: int) -> dict:
        return {"area_code": area, "assessed_on": day, "respondent_no": no, "respondent_role": "kunta",
                **{c: score for c in prof.MATURITY_COLUMNS}}

    frames = _frames(maturity=[rater(PS, "2024-03-15", 1, 1), rater(PS, "2025-03-14", 1, 3),
                               rater(PS, "2025-03-14", 2, 2), rater(21, "2024-09-13", 1, 1)])
    comparison = prof.maturity_comparison(PS, _state(frames))
    assert comparison is not None
    assert comparison.assessed_on == date(2025, 3, 14)
    assert (comparison.area_respondents, comparison.national_areas, comparison.national_respondents) == (2, 2, 3)
    assert set(comparison.rows["area"]) == {2.5}
    # The country: the mean of the areas' means (2.5 and 1), each area weighing the same.
    assert set(comparison.rows["national"]) == {1.75}
    unassessed = prof.maturity_comparison(1, _state(frames))
    assert unassessed is not None and unassessed.area_respondents == 0
    assert len(prof.maturity_long(unassessed, 1, "fi")) == len(prof.MATURITY_COLUMNS)  # only the country


# ------------------------------------------------------------------------- pages (AppTest)


AREA_CASES = [None, "13"]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("area", AREA_CASES)
def test_overview_renders_the_headline_indicators_with_their_series(lang: str, area: str | None) -> None:
    """The root: the overview, or with an area its own front page (tests/test_region_front.py),
    both with the headline cards for the selection."""
    query = {"kieli": lang, **({"alue": area} if area else {})}
    at = open_app(None, query)
    assert at.title[0].value == (t("nav.home", lang) if area is None else facts.area_by_code()[PS].name(lang))
    metrics = {m.label: m for m in at.metric}
    assert list(metrics) == [labels.label(i, lang) for i in labels.HEADLINE_IDS]
    in_force = metrics[labels.label("agreements_in_force", lang)]
    if area:  # one area's agreement is in force or not: never "1 / 1"
        assert in_force.value in (t("indicator.yes", lang), t("indicator.no", lang))
    else:
        assert in_force.value.endswith("/ 21")  # Helsinki is not counted
    council = metrics[labels.label("council_approved_municipalities", lang)]
    assert council.value.endswith(f"/ {len(PS_MEMBERS)}" if area else "/ 291")
    assert metrics[labels.label("municipalities_participated", lang)].value.endswith(
        f"/ {len(PS_MEMBERS)}" if area else "/ 292")
    assert metrics[labels.label("council_approved_population_share", lang)].value == "–"  # not loaded
    assert t("indicator.series_note", lang) in [c.value for c in at.caption]
    assert at.dataframe, "the figures and the map have tables"
    if area is None:
        assert any(t("overview.changes_note", lang) in m.value for m in at.markdown)


def test_helsinki_shows_agreement_figures_as_not_applicable() -> None:
    at = open_app(None, {"alue": "90", "kieli": "sv"})
    metrics = {m.label: m.value for m in at.metric}
    for key in ("agreements_in_force", "agreements_expired", "council_approved_municipalities"):
        assert metrics[labels.label(key, "sv")] == t("indicator.not_applicable", "sv")
    assert metrics[labels.label("forums_held", "sv")] != t("indicator.not_applicable", "sv")


def test_overview_lists_a_new_change_in_the_chosen_language() -> None:
    at = open_app(None, {"kieli": "sv"})
    assert any(t("overview.no_changes", "sv") in m.value for m in at.markdown)
    engine = open_store()
    record = KINDS["forums"].validate({"held_on": "2026-12-04", "theme": "hyte", "title": "Julforum"})
    repo.apply_changes(engine, "forums", repo.plan_upsert(engine, "forums", [record]).changes, actor="lead@x.fi")
    at.run()
    changes = [m.value for m in at.markdown if t("overview.changes_note", "sv") in m.value]
    assert len(changes) == 1 and "Forum tillagd" in changes[0] and "Julforum" in changes[0]
    forums = [m.value for m in at.markdown if m.value.startswith(f"### {t('overview.forums', 'sv')}\n")]
    assert len(forums) == 1 and f"**{t('overview.forum.next', 'sv')}:** 4.12.2026 Julforum" in forums[0]


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
    assert "osio" not in at.query_params, "the summary, the default part, keeps the address short"
    summary = [s.value for s in at.subheader]
    assert t("scorecard.heading", lang) in summary and t("profile.agreements", lang) in summary
    assert t("profile.municipalities", lang) not in summary
    charts = len(at.get("vega_lite_chart"))  # the cards' series, the timeline and the approvals
    assert charts >= 3
    # The other parts, one at a time through the control; each is written into the address.
    dataframes = 0
    for part, keys in ((views.AGREEMENTS, ("profile.municipalities", "profile.agreement_rows", "profile.structures")),
                       (views.PARTICIPATION, ("profile.participation", "profile.survey", "profile.maturity"))):
        at.radio(key=views.KEY_SECTION).set_value(part).run()
        assert not at.exception
        assert at.query_params["osio"] == part
        subheaders = [s.value for s in at.subheader]
        for key in keys:
            assert t(key, lang) in subheaders, (part, key)
        assert not at.metric, "the summary's cards are not drawn with another part"
        if part == views.AGREEMENTS:
            municipalities = next(df.value for df in at.dataframe
                                  if t("profile.col.council", lang) in df.value.columns)
            assert sorted(municipalities[column_label("code", lang)]) == PS_MEMBERS
        charts += len(at.get("vega_lite_chart"))
        dataframes += len(at.dataframe)
    assert charts >= 6  # series, timeline, approvals, participation, survey, maturity
    assert dataframes >= 6  # municipalities, agreements, structures; every chart's data as a table too
    at.radio(key=views.KEY_SECTION).set_value(views.SUMMARY).run()
    assert "osio" not in at.query_params and at.metric
    counts = {m.label: m.value for m in at.metric}
    assert counts[labels.label("council_approved_municipalities", lang)].endswith(f"/ {len(PS_MEMBERS)}")


@pytest.mark.parametrize(("raw", "expected"), [
    (None, (views.SUMMARY, False)),
    ("", (views.SUMMARY, False)),
    ("   ", (views.SUMMARY, False)),
    ("yhteenveto", (views.SUMMARY, False)),
    ("sopimukset", (views.AGREEMENTS, False)),
    ("osallistuminen", (views.PARTICIPATION, False)),
    ("aikajana", (views.SUMMARY, True)),  # the summary's own end is not a part of its own
    ("Sopimukset", (views.SUMMARY, True)),
    ("Kunnat, sopimukset ja rakenteet", (views.SUMMARY, True)),  # a label, as Streamlit's binding writes it
    (" sopimukset", (views.SUMMARY, True)),
])
def test_the_part_a_url_asks_for(raw: str | None, expected: tuple[str, bool]) -> None:
    assert views.section_from_url(raw) == expected


@pytest.mark.parametrize(("query", "lang", "heading"), [
    ({"osio": "sopimukset"}, "fi", "profile.agreement_rows"),
    ({"osio": "osallistuminen", "kieli": "sv"}, "sv", "profile.maturity"),
    ({"osio": "sopimukset", "kieli": "en"}, "en", "profile.structures"),
])
def test_a_link_opens_its_part_of_the_profile_in_any_language(query: dict[str, str], lang: str,
                                                              heading: str) -> None:
    at = open_app("profile.py", {"alue": str(PS), **query})
    assert t(heading, lang) in [s.value for s in at.subheader]
    assert at.radio(key=views.KEY_SECTION).value == query["osio"]
    assert at.query_params["osio"] == query["osio"] and not at.warning


@pytest.mark.parametrize("raw", ["kaikki", "Kommuner, avtal och strukturer", "[x](http://example.org)"])
def test_an_unknown_part_is_named_and_the_summary_shown(raw: str) -> None:
    at = open_app("profile.py", {"alue": str(PS), "osio": raw, "kieli": "sv"})
    warnings = [w.value for w in at.warning]
    assert warnings == [t("profile.bad_section", "sv", param="osio", value=plain.escape(raw))]
    assert at.metric and "osio" not in at.query_params
    at.run()
    assert not at.warning, "said once"


def test_the_part_stays_when_the_language_changes() -> None:
    at = open_app("profile.py", {"alue": str(PS), "osio": "osallistuminen"})
    at.sidebar.selectbox[0].set_value("sv").run()
    assert not at.exception
    assert at.radio(key=views.KEY_SECTION).value == views.PARTICIPATION
    assert t("profile.maturity", "sv") in [s.value for s in at.subheader]
    assert at.query_params["osio"] == views.PARTICIPATION


def test_without_an_area_there_are_no_parts() -> None:
    at = open_app("profile.py", {"osio": "sopimukset"})
    assert not at.radio and at.selectbox(key=views.KEY_AREA)
    assert "osio" not in at.query_params, "not kept to be read, or named, once an area is chosen"


def test_the_root_overview_leaves_no_part_in_the_address() -> None:
    at = open_app(None, {"osio": "sopimukset"})
    assert at.title[0].value == t("nav.home", "fi") and "osio" not in at.query_params


def test_the_part_follows_the_address_back_and_forward() -> None:
    """The browser's back and forward buttons rerun the page with an earlier address: the part
    follows it, where a click on the control is not undone by the address it came with."""
    at = open_app("profile.py", {"alue": str(PS)})
    at.radio(key=views.KEY_SECTION).set_value(views.AGREEMENTS).run()
    at.radio(key=views.KEY_SECTION).set_value(views.PARTICIPATION).run()
    assert at.query_params["osio"] == views.PARTICIPATION
    at.query_params["osio"] = views.AGREEMENTS  # back
    at.run()
    assert at.radio(key=views.KEY_SECTION).value == views.AGREEMENTS
    assert t("profile.structures", "fi") in [s.value for s in at.subheader]
    del at.query_params["osio"]  # back again, to the summary
    at.run()
    assert at.radio(key=views.KEY_SECTION).value == views.SUMMARY and at.metric
    at.query_params["osio"] = views.AGREEMENTS  # forward
    at.run()
    assert at.radio(key=views.KEY_SECTION).value == views.AGREEMENTS
    at.query_params["osio"] = "tuntematon"  # an unknown part mid-session keeps the one shown
    at.run()
    assert at.radio(key=views.KEY_SECTION).value == views.AGREEMENTS
    assert at.query_params["osio"] == views.AGREEMENTS and not at.warning


@pytest.mark.parametrize("raw", ["", "  "])
def test_an_empty_part_is_the_summary_without_a_notice(raw: str) -> None:
    at = open_app("profile.py", {"alue": str(PS), "osio": raw})
    assert not at.warning and at.metric
