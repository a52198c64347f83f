"""The analysis pages' aggregations on small hand-made frames with known answers."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import pytest

from yhdyspinta import analysis, facts, indicators
from yhdyspinta import charts_analysis as ca
from yhdyspinta.display import area_name
from yhdyspinta.domain import ALL_RESPONDENTS, MaturityLevel
from yhdyspinta.i18n import LANGUAGES, column_label, t
from yhdyspinta.kinds import get_kind
from yhdyspinta.store.schema import MATURITY_COLUMNS

KAINUU = 20  # 8 municipalities
KAINUU_MUNIS = ("105", "205", "290", "578", "620", "697", "765", "777")
POHJOIS_SAVO = 13  # 19 municipalities, Rautalampi (686) among them
HELSINKI = 90
IN_SCOPE = 22


def frame(kind: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """A frame shaped as `repository.read_kind` gives it: every column, in order."""
    return pd.DataFrame(rows, columns=list(get_kind(kind).export_fields))


def agreement(area: int, kind: str = "yhteistyosopimus", status: str = "hyvaksytty", **more: Any) -> dict[str, Any]:
    return {"area_code": area, "kind": kind, "title": "Sopimus", "status": status, "themes": "", **more}


def agreements_state(agreements: pd.DataFrame, day: date = date(2026, 11, 29)) -> indicators.AsOf:
    """The day's state of a store that holds only `agreements`."""
    frames = {k: frame(k, []) for k in indicators.KINDS_NEEDED}
    frames["agreements"] = agreements
    frames["municipalities"] = pd.DataFrame(facts.municipality_records())
    return indicators.resolve(frames, day)


def approval(muni: str, status: str, area: int = KAINUU, kind: str = "yhteistyosopimus") -> dict[str, Any]:
    return {"area_code": area, "agreement_kind": kind, "municipality_code": muni, "status": status,
            "decided_on": date(2024, 3, 1) if status != "kasittelematta" else None}


# --------------------------------------------------------------------------- agreements


def test_agreement_grid_has_every_area_and_kind() -> None:
    agreements = frame("agreements", [agreement(POHJOIS_SAVO, status="paatoksenteossa")])
    grid = analysis.agreement_grid(agreements, agreements_state(agreements))
    assert len(grid) == 23 * 3
    cell = grid[(grid["area_code"] == POHJOIS_SAVO) & (grid["kind"] == "yhteistyosopimus")].iloc[0]
    assert (cell["status"], cell["stage"]) == ("paatoksenteossa", 2)
    other = grid[(grid["area_code"] == POHJOIS_SAVO) & (grid["kind"] == "aiesopimus")].iloc[0]
    assert pd.isna(other["status"]) and other["stage"] == -1
    aland = grid[grid["area_code"] == facts.ALAND_AREA_CODE]
    assert not aland["in_scope"].any() and aland["status"].isna().all()


@pytest.mark.parametrize(("rows", "expected"), [
    ([], {None: IN_SCOPE - 1}),  # Helsinki: not applicable, not "no agreement"
    ([agreement(1), agreement(2), agreement(3, status="valmistelussa")],
     {"hyvaksytty": 2, "valmistelussa": 1, None: IN_SCOPE - 4}),
    # another kind of agreement does not count for the strategic one
    ([agreement(1, kind="aiesopimus")], {None: IN_SCOPE - 1}),
    # approved once, its validity over: expired, as the map and the indicators say
    ([agreement(1, approved_on=date(2023, 1, 10), valid_from=date(2023, 1, 10), valid_until=date(2025, 12, 31)),
      agreement(2, status="toimeenpanossa", approved_on=date(2024, 2, 1), valid_from=date(2024, 2, 1))],
     {"expired": 1, "toimeenpanossa": 1, None: IN_SCOPE - 3}),
])
def test_lifecycle_counts(rows: list[dict[str, Any]], expected: dict[str | None, int]) -> None:
    agreements = frame("agreements", rows)
    counts = analysis.lifecycle_counts(agreements, agreements_state(agreements))
    got = {(None if pd.isna(s) else s): int(n) for s, n in zip(counts["status"], counts["areas"], strict=True)
           if n}
    assert got == expected
    assert counts["areas"].sum() == IN_SCOPE - 1


AS_OF = date(2026, 11, 29)
KAINUU_APPROVALS = [approval("105", "hyvaksytty"), approval("205", "hyvaksytty"),
                    approval("290", "hylatty"), approval("578", "kasittelematta")]


@pytest.mark.parametrize(("area", "municipalities", "expected"), [
    # approved, pending, rejected, not submitted, total, share
    (KAINUU, (), (2, 1, 1, 4, 8, 0.25)),
    (POHJOIS_SAVO, (), (0, 0, 0, 19, 19, 0.0)),  # no agreement: nothing to decide yet
    (KAINUU, ("105",), (1, 0, 0, 0, 1, 1.0)),
    (KAINUU, ("290", "620"), (0, 0, 1, 1, 2, 0.0)),
    (POHJOIS_SAVO, ("105",), (0, 0, 0, 0, 0, None)),  # no chosen municipality there
])
def test_approval_counts(area: int, municipalities: tuple[str, ...], expected: tuple[Any, ...]) -> None:
    per_muni = analysis.municipality_approvals(frame("agreements", [agreement(KAINUU)]),
                                               frame("approvals", KAINUU_APPROVALS), AS_OF)
    counts = analysis.approval_counts(per_muni, "yhteistyosopimus", municipalities)
    assert len(counts) == IN_SCOPE - 1 and HELSINKI not in set(counts["area_code"]), "Helsinki: not applicable"
    row = counts[counts["area_code"] == area].iloc[0]
    got = (*(int(row[s]) for s in analysis.APPROVAL_ORDER), int(row["total"]),
           None if pd.isna(row["approved_share"]) else row["approved_share"])
    assert got == expected


def test_municipality_approvals_lists_every_municipality_once_per_agreement() -> None:
    agreements = frame("agreements", [agreement(KAINUU), agreement(KAINUU, kind="aiesopimus")])
    per_muni = analysis.municipality_approvals(agreements, frame("approvals", KAINUU_APPROVALS), AS_OF)
    in_scope_munis = sum(1 for m in facts.municipalities() if facts.area_by_code()[m.area_code].in_scope)
    assert len(per_muni) == in_scope_munis + len(KAINUU_MUNIS)  # Kainuu's twice
    kainuu = per_muni[per_muni["area_code"] == KAINUU]
    assert set(kainuu["kind"]) == {"yhteistyosopimus", "aiesopimus"}
    letter = kainuu[kainuu["kind"] == "aiesopimus"]
    assert set(letter["status"]) == {analysis.NOT_SUBMITTED}
    assert per_muni[per_muni["area_code"] == POHJOIS_SAVO]["kind"].isna().all()


def test_agreement_pages_tables_take_empty_frames() -> None:
    per_muni = analysis.municipality_approvals(frame("agreements", []), frame("approvals", []), AS_OF)
    counts = analysis.approval_counts(per_muni)
    helsinki = int((per_muni["area_code"] == HELSINKI).sum())
    assert counts["hyvaksytty"].sum() == 0 and counts[analysis.NOT_SUBMITTED].sum() == len(per_muni) - helsinki
    for lang in LANGUAGES:
        assert len(ca.approval_table(counts, lang)) == IN_SCOPE - 1
        empty = frame("agreements", [])
        grid = ca.agreement_grid_table(analysis.agreement_grid(empty, agreements_state(empty)), lang)
        assert len(grid) == 23
        helsinki_row = grid[grid[column_label("area_name", lang)] == area_name(HELSINKI, lang)].iloc[0]
        assert set(helsinki_row.iloc[1:]) == {t("indicator.not_applicable", lang)}


# ------------------------------------------------------------------------------ forums

FORUMS = [
    {"held_on": date(2023, 1, 20), "theme": "johtaminen", "title": "A", "recording_url": None},
    {"held_on": date(2023, 2, 10), "theme": "tyollisyys", "title": "B", "recording_url": "https://x.fi/b"},
    {"held_on": date(2023, 3, 17), "theme": "johtaminen", "title": "C", "recording_url": None},
]
PARTICIPATION = [
    {"forum_date": date(2023, 1, 20), "org_type": "alue", "org_key": "13", "participants": 5},
    {"forum_date": date(2023, 1, 20), "org_type": "kunta", "org_key": "686", "participants": 2},
    {"forum_date": date(2023, 2, 10), "org_type": "kunta", "org_key": "686", "participants": 1},
    {"forum_date": date(2023, 2, 10), "org_type": "kunta", "org_key": "762", "participants": 4},
    {"forum_date": date(2023, 2, 10), "org_type": "kunta", "org_key": "105", "participants": 3},  # Kainuu
    {"forum_date": date(2023, 2, 10), "org_type": "muu", "org_key": "Kuntaliitto", "participants": 7},
]


@pytest.mark.parametrize(("area", "municipalities", "expected"), [
    (None, (), [None, None, None]),
    (POHJOIS_SAVO, (), [7, 5, 0]),
    (POHJOIS_SAVO, ("686",), [2, 1, 0]),  # only Rautalampi, not the county's own people
    (HELSINKI, (), [0, 0, 0]),
])
def test_forum_calendar(area: int | None, municipalities: tuple[str, ...], expected: list[int | None]) -> None:
    cal = analysis.forum_calendar(frame("forums", FORUMS), frame("participation", PARTICIPATION), area,
                                  municipalities, today=date(2023, 2, 10))
    assert list(cal["title"]) == ["A", "B", "C"]
    assert list(cal["participants"]) == [7, 15, 0]
    assert list(cal["organisations"]) == [2, 4, 0]
    assert list(cal["held"]) == [True, True, False]
    assert [None if pd.isna(v) else v for v in cal["area_participants"]] == expected
    assert [None if pd.isna(v) else v for v in cal["recording_url"]] == [None, "https://x.fi/b", None]


@pytest.mark.parametrize(("area", "expected"), [
    # area's own, municipalities', total, organisations, forums
    (POHJOIS_SAVO, (5, 7, 12, 3, 2)),
    (KAINUU, (0, 3, 3, 1, 1)),
    (HELSINKI, (0, 0, 0, 0, 0)),
])
def test_participation_by_area(area: int, expected: tuple[int, ...]) -> None:
    by_area = analysis.participation_by_area(frame("participation", PARTICIPATION))
    assert len(by_area) == IN_SCOPE
    row = by_area[by_area["area_code"] == area].iloc[0]
    assert tuple(int(row[c]) for c in ("area_participants", "municipality_participants", "participants",
                                       "organisations", "forums")) == expected


def test_participation_by_org_type() -> None:
    by_type = analysis.participation_by_org_type(frame("participation", PARTICIPATION)).set_index("org_type")
    assert by_type.loc["kunta"].tolist() == [10, 3, 2]
    assert by_type.loc["alue"].tolist() == [5, 1, 1]
    assert by_type.loc["muu"].tolist() == [7, 1, 1]


def state_of(forums: list[dict[str, Any]], participation: list[dict[str, Any]]) -> indicators.AsOf:
    """The catalogue's state with only these forums and participation (coverage reads it)."""
    given = {"forums": forums, "participation": participation, "municipalities": facts.municipality_records()}
    return indicators.resolve({k: frame(k, given.get(k, [])) for k in indicators.KINDS_NEEDED}, date(2026, 11, 29))


def test_coverage_counts_only_people_at_forums_held() -> None:
    future = {"held_on": date(2099, 1, 1), "theme": "hyte", "title": "D", "recording_url": None}
    savo = analysis.forum_coverage(state_of([*FORUMS, future],
                                            [{"forum_date": date(2023, 1, 20), "org_type": "kunta", "org_key": "297",
                                              "participants": 0},
                                             {"forum_date": date(2099, 1, 1), "org_type": "kunta", "org_key": "140",
                                              "participants": 2}])).set_index("area_code").loc[POHJOIS_SAVO]
    assert savo["participated"] == 0  # a row of 0 and a forum still to come count for nobody


def test_theme_engagement_and_coverage() -> None:
    themes = analysis.theme_engagement(frame("forums", FORUMS), frame("participation", PARTICIPATION))
    assert set(themes["theme"]) == {"johtaminen", "tyollisyys"}  # only themes some forum had
    cell = themes.set_index(["area_code", "theme"])
    assert cell.loc[(POHJOIS_SAVO, "johtaminen")].tolist() == [7, 1]
    assert cell.loc[(POHJOIS_SAVO, "tyollisyys")].tolist() == [5, 1]
    assert cell.loc[(HELSINKI, "johtaminen")].tolist() == [0, 0]
    coverage = analysis.forum_coverage(state_of(FORUMS, PARTICIPATION)).set_index("area_code")
    assert coverage.loc[POHJOIS_SAVO].tolist() == [19, 2, pytest.approx(2 / 19)]
    assert coverage.loc[KAINUU].tolist() == [8, 1, pytest.approx(1 / 8)]
    assert coverage.loc[HELSINKI].tolist() == [1, 0, 0.0]


def test_forum_aggregates_take_empty_frames() -> None:
    forums, part = frame("forums", []), frame("participation", [])
    assert analysis.forum_calendar(forums, part, POHJOIS_SAVO).empty
    assert analysis.participation_by_area(part)["participants"].sum() == 0
    assert analysis.participation_by_org_type(part)["participants"].tolist() == [0, 0, 0]
    assert analysis.theme_engagement(forums, part).empty
    assert analysis.forum_coverage(state_of([], []))["participated"].sum() == 0
    themes = analysis.theme_engagement(frame("forums", FORUMS), part)
    assert themes["participants"].sum() == 0 and len(themes) == IN_SCOPE * 2
    for lang in LANGUAGES:
        ca.theme_table(themes, lang)
        ca.forum_timeline_chart(analysis.forum_calendar(forums, part), lang, None).to_dict()


# ------------------------------------------------------------------------------ survey


def survey_row(wave: str, published: date, statement: str, group: str, level: str, key: str, value: float,
               n: int) -> dict[str, Any]:
    return {"survey": "Kuntapulssi", "wave": wave, "published_on": published, "statement": statement,
            "respondent_group": group, "level": level, "level_key": key, "value_pct": value, "n": n}


AUTUMN, SPRING = ("syksy", date(2023, 10, 1)), ("kevät", date(2024, 3, 1))  # names sort the other way
SURVEY = [
    survey_row(*SPRING, "S1", ALL_RESPONDENTS, "koko_maa", "", 50.0, 300),
    survey_row(*SPRING, "S1", "Kunnanjohtajat", "koko_maa", "", 40.0, 29),
    survey_row(*AUTUMN, "S1", ALL_RESPONDENTS, "koko_maa", "", 45.0, 298),
    survey_row(*SPRING, "S1", ALL_RESPONDENTS, "alue", "13", 62.5, 12),
    survey_row(*AUTUMN, "S1", ALL_RESPONDENTS, "alue", "13", 40.0, 30),
    survey_row(*SPRING, "S1", ALL_RESPONDENTS, "alue", "20", 10.0, 5),
]


def test_survey_waves_follow_publication_dates() -> None:
    assert analysis.survey_waves(frame("survey", SURVEY)) == ["syksy", "kevät"]
    assert analysis.survey_waves(frame("survey", [])) == []


def test_survey_national_flags_small_n() -> None:
    national = analysis.survey_national(frame("survey", SURVEY), small_n=30)
    assert list(national["wave"]) == ["syksy", "kevät", "kevät"]
    assert list(national["small_n"]) == [False, False, True]  # N 29 < 30; N 30 is not small


@pytest.mark.parametrize(("area", "expected"), [
    # wave, area %, area small, national %, difference
    (POHJOIS_SAVO, [("syksy", 40.0, False, 45.0, -5.0), ("kevät", 62.5, True, 50.0, 12.5)]),
    (KAINUU, [("kevät", 10.0, True, 50.0, -40.0)]),
    (HELSINKI, []),  # no area-level values
])
def test_survey_area_vs_national(area: int, expected: list[tuple[Any, ...]]) -> None:
    comparison = analysis.survey_area_vs_national(frame("survey", SURVEY), area, small_n=30)
    got = [(r.wave, r.area_pct, bool(r.area_small_n), r.national_pct, r.difference) for r in comparison.itertuples()]
    assert got == expected


def test_survey_without_national_value_has_no_difference() -> None:
    rows = [survey_row(*SPRING, "S2", ALL_RESPONDENTS, "alue", "13", 30.0, 40)]
    comparison = analysis.survey_area_vs_national(frame("survey", rows), POHJOIS_SAVO, small_n=30)
    assert comparison["difference"].isna().all() and not comparison["national_small_n"].any()
    assert analysis.survey_area_vs_national(frame("survey", []), POHJOIS_SAVO, 30).empty
    assert analysis.survey_national(frame("survey", []), 30).empty


# ---------------------------------------------------------------------------- maturity


@pytest.mark.parametrize(("mean", "level"), [
    (1.0, MaturityLevel.COOPERATION), (1.49, MaturityLevel.COOPERATION), (1.5, MaturityLevel.COORDINATION),
    (2.49, MaturityLevel.COORDINATION), (2.5, MaturityLevel.COLLABORATION), (3.0, MaturityLevel.COLLABORATION),
    (None, None), (float("nan"), None),
])
def test_maturity_level_rule(mean: float | None, level: MaturityLevel | None) -> None:
    assert analysis.maturity_level(mean) == level


@pytest.mark.parametrize("mean", [0.9, 3.1])
def test_maturity_level_refuses_scores_off_the_scale(mean: float) -> None:
    with pytest.raises(ValueError, match="outside the scale"):
        analysis.maturity_level(mean)


def assessment(area: int, when: date, no: int, role: str, score: int, trust: int | None = None) -> dict[str, Any]:
    scores = dict.fromkeys(MATURITY_COLUMNS, score)
    if trust is not None:
        scores["trust"] = trust
    return {"area_code": area, "assessed_on": when, "respondent_no": no, "respondent_role": role, **scores}


FIRST, LATEST = date(2024, 3, 15), date(2025, 3, 14)
MATURITY = [
    assessment(POHJOIS_SAVO, FIRST, 1, "kunta", 1),
    assessment(POHJOIS_SAVO, FIRST, 2, "hyvinvointialue", 2),
    assessment(POHJOIS_SAVO, LATEST, 1, "kunta", 2),
    assessment(POHJOIS_SAVO, LATEST, 2, "kunta", 2, trust=3),
    assessment(POHJOIS_SAVO, LATEST, 3, "hyvinvointialue", 3),
    assessment(KAINUU, FIRST, 1, "kunta", 1),
]


def test_maturity_latest_and_national() -> None:
    latest = analysis.maturity_latest(frame("maturity", MATURITY)).set_index("area_code")
    ps = latest.loc[POHJOIS_SAVO]
    assert ps["assessed_on"] == LATEST and ps["respondents"] == 3
    assert ps["trust"] == pytest.approx(8 / 3) and ps["goals"] == pytest.approx(7 / 3)
    assert ps[analysis.OVERALL] == pytest.approx((8 / 3 + 7 * 7 / 3) / 8)
    assert ps["level"] == MaturityLevel.COORDINATION  # 2.375
    assert latest.loc[KAINUU, "level"] == MaturityLevel.COOPERATION
    national = analysis.maturity_national(latest.reset_index())
    assert national["trust"] == pytest.approx((8 / 3 + 1) / 2)  # each area weighs the same
    assert analysis.maturity_national(analysis.maturity_latest(frame("maturity", []))) == {}


def test_maturity_change_needs_two_assessments() -> None:
    change = analysis.maturity_change(frame("maturity", MATURITY))
    assert set(change["area_code"]) == {POHJOIS_SAVO}
    trust = change[change["dimension"] == "trust"].iloc[0]
    assert (trust["first_on"], trust["latest_on"]) == (FIRST, LATEST)
    assert trust["first"] == pytest.approx(1.5) and trust["change"] == pytest.approx(8 / 3 - 1.5)
    assert len(change) == len(MATURITY_COLUMNS) + 1
    assert analysis.maturity_change(frame("maturity", [])).empty


@pytest.mark.parametrize(("area", "expected"), [
    # trust: municipality mean, county mean, municipality N, county N
    (POHJOIS_SAVO, (2.5, 3.0, 2, 1)),
    (None, (2.0, 3.0, 3, 1)),  # latest assessments of every area pooled: Kainuu's too
    (KAINUU, (1.0, None, 1, 0)),
])
def test_maturity_role_spread(area: int | None, expected: tuple[Any, ...]) -> None:
    spread = analysis.maturity_role_spread(frame("maturity", MATURITY), area).set_index("dimension")
    trust = spread.loc["trust"]
    county = None if trust["county"] is None or pd.isna(trust["county"]) else trust["county"]
    assert (trust["municipality"], county, trust["municipality_n"], trust["county_n"]) == \
        (pytest.approx(expected[0]), expected[1], expected[2], expected[3])
    if county is not None:
        assert trust["gap"] == pytest.approx(expected[1] - expected[0])
    else:
        assert trust["gap"] is None or pd.isna(trust["gap"])


def test_maturity_role_spread_of_an_area_with_no_data_is_empty() -> None:
    assert analysis.maturity_role_spread(frame("maturity", MATURITY), HELSINKI).empty
    assert analysis.maturity_role_spread(frame("maturity", []), None).empty


@pytest.mark.parametrize("lang", LANGUAGES)
def test_continuum_table_covers_every_dimension_and_level(lang: str) -> None:
    table = ca.continuum_table(lang)
    assert table.shape == (len(MATURITY_COLUMNS), 1 + len(MaturityLevel))
    assert table.iloc[:, 1:].map(bool).all().all()


def test_the_survey_comparisons_difference_is_rounded_by_the_one_rule() -> None:
    comparison = pd.DataFrame({"wave": ["1/2024"] * 3, "statement": ["a", "b", "c"], "area_pct": [50.0] * 3,
                               "area_n": [40] * 3, "national_pct": [50.0] * 3, "national_n": [400] * 3,
                               "difference": [-0.04, 2.25, None], "area_small_n": [False] * 3,
                               "national_small_n": [False] * 3})
    table = ca.survey_area_table(comparison, "fi", 13, 30)
    shown = table[t("analysis.col.difference_pp", "fi")].tolist()
    assert shown[:2] == [0.0, 2.3] and str(shown[0]) == "0.0"  # not -0.0, and 2.25 -> 2.3 (not 2.2)
    assert pd.isna(shown[2])
