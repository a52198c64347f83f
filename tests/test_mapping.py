"""The map's pure parts: indicators, colour classes, view and deck spec, and the payload budget."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from yhdyspinta import facts, indicators, mapping
from yhdyspinta.domain import ALL_RESPONDENTS, OrgType
from yhdyspinta.i18n import format_number, format_signed, round_half_away
from yhdyspinta.indicators.asof import forums_of
from yhdyspinta.kinds import get_kind
from yhdyspinta.palette import OUT_OF_SCOPE_COLOUR

TODAY = date(2025, 6, 1)
KAINUU = 20
POHJOIS_SAVO = 13
ALAND = 91


def members(area: int) -> list[str]:
    return sorted(m.code for m in facts.municipalities() if m.area_code == area)


def frame(kind: str, rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(get_kind(kind).export_fields))


def empty_frames(**given: list[dict]) -> dict[str, pd.DataFrame]:
    given = {"municipalities": facts.municipality_records(), **given}
    return {k: frame(k, given.get(k, [])) for k in mapping.KINDS_NEEDED}


def agreement(area: int, status: str, kind: str = "yhteistyosopimus") -> dict:
    return {"area_code": area, "kind": kind, "title": "x", "status": status}


def approval(area: int, muni: str, status: str, kind: str = "yhteistyosopimus") -> dict:
    return {"area_code": area, "agreement_kind": kind, "municipality_code": muni, "status": status}


def attend(day: str, org_type: str, key: str, participants: int = 2) -> dict:
    return {"forum_date": date.fromisoformat(day), "org_type": org_type, "org_key": key,
            "participants": participants}


def result(statement: str, key: str, value: float, n: int = 40, *, wave: str = "1/2024",
           published: date | None = date(2024, 6, 3), level: str = "alue",
           group: str = ALL_RESPONDENTS) -> dict:
    return {"survey": "Kuntapulssi", "wave": wave, "published_on": published, "statement": statement,
            "respondent_group": group, "level": level, "level_key": key, "value_pct": value, "n": n}


def assessment(area: int, day: str, no: int, score: int | list[int]) -> dict:
    scores = score if isinstance(score, list) else [score] * 8
    return {"area_code": area, "assessed_on": date.fromisoformat(day), "respondent_no": no,
            "respondent_role": "kunta", **dict(zip(get_kind("maturity").fields[4:], scores, strict=True))}


# --------------------------------------------------------------------------- small helpers


@pytest.mark.parametrize(("value", "bounds", "expected"), [
    (0, (0, 20, 40, 60, 80), 0), (19, (0, 20, 40, 60, 80), 0), (20, (0, 20, 40, 60, 80), 1),
    (79, (0, 20, 40, 60, 80), 3), (80, (0, 20, 40, 60, 80), 4), (100, (0, 20, 40, 60, 80), 4),
    (-1, (0, 1, 2, 3, 5), 0), (2, (0, 1, 2, 3, 5), 2), (4, (0, 1, 2, 3, 5), 3), (15, (0, 1, 2, 3, 5), 4),
])
def test_bin_index(value: float, bounds: tuple[int, ...], expected: int) -> None:
    assert mapping.bin_index(value, bounds) == expected


@pytest.mark.parametrize(("bounds", "lang", "percent", "top", "expected"), [
    ((0, 20, 40, 60, 80), "fi", True, 100, ("0–19\u00a0%", "20–39\u00a0%", "40–59\u00a0%", "60–79\u00a0%",
                                             "80–100\u00a0%")),
    ((0, 50), "en", True, 100, ("0–49%", "50–100%")),
    ((0, 1, 2, 3, 5), "fi", False, None, ("0", "1", "2", "3–4", "5+")),
    ((0, 1000), "sv", False, None, ("0–999", "1\u00a0000+")),
])
def test_bin_labels(bounds: tuple[int, ...], lang: str, percent: bool, top: int | None,
                    expected: tuple[str, ...]) -> None:
    assert mapping.bin_labels(bounds, lang, percent=percent, top=top) == expected


@pytest.mark.parametrize(("value", "expected"), [(1.49, 1), (1.5, 2), (2.5, 3), (2.4999, 2), (0.5, 1), (46.5, 47),
                                                  (-0.5, -1), (78.95, 79)])
def test_one_rounding_rule_halves_away_from_zero(value: float, expected: int) -> None:
    assert int(round_half_away(value)) == expected


@pytest.mark.parametrize(("value", "digits", "lang", "number", "signed"), [
    (-0.04, 1, "fi", "0,0", "0,0"),  # rounds to zero: no sign ("-0,0" before)
    (0.04, 1, "fi", "0,0", "0,0"),  # no "+0,0"
    (-0.4, 0, "sv", "0", "0"),
    (0.05, 1, "fi", "0,1", "+0,1"),
    (-0.05, 1, "fi", "-0,1", "-0,1"),
    (1.25, 1, "en", "1.3", "+1.3"),
    (-12.0, 0, "fi", "-12", "-12"),
])
def test_a_value_rounding_to_zero_has_no_sign(value: float, digits: int, lang: str, number: str,
                                              signed: str) -> None:
    assert format_number(value, lang, digits) == number
    assert format_signed(value, lang, digits) == signed
    assert not round_half_away(value, digits).is_signed() or round_half_away(value, digits) < 0


@pytest.mark.parametrize(("colour", "expected"), [("#000000", (0, 0, 0)), ("#E69F00", (230, 159, 0)),
                                                  ("ffffff", (255, 255, 255))])
def test_hex_to_rgb(colour: str, expected: tuple[int, int, int]) -> None:
    assert mapping.hex_to_rgb(colour) == expected


@pytest.mark.parametrize("bad", ["#FFF", "red", "#GG0000", "#1234567"])
def test_hex_to_rgb_rejects_non_colours(bad: str) -> None:
    with pytest.raises(ValueError, match="colour"):
        mapping.hex_to_rgb(bad)


@pytest.mark.parametrize(("colour", "ink"), [("#253494", "#FFFFFF"), ("#0072B2", "#FFFFFF"),
                                             ("#F0E442", "#000000"), ("#FFFFFF", "#000000"),
                                             ("#C7E9B4", "#000000"), (OUT_OF_SCOPE_COLOUR, "#000000")])
def test_ink_reads_on_its_fill(colour: str, ink: str) -> None:
    assert mapping.ink_for(colour) == ink


def test_swatch_is_an_svg_data_url_with_only_the_colour() -> None:
    uri = mapping.swatch_data_uri("#c7e9b4")
    assert uri.startswith("data:image/svg+xml;utf8,")
    assert "%23C7E9B4" in uri
    with pytest.raises(ValueError):
        mapping.swatch_data_uri("#fff'/><script>")


# --------------------------------------------------------------------------- aggregations


def state_of(**given: list[dict]) -> indicators.AsOf:
    return indicators.resolve(empty_frames(**given), TODAY)


def test_strategic_status_ignores_other_agreement_kinds() -> None:
    state = state_of(agreements=[agreement(1, "hyvaksytty"), agreement(1, "valmistelussa", "aiesopimus"),
                                 agreement(2, "paatoksenteossa", "yhdyspintasopimus")])
    assert state.strategic[1].status == "hyvaksytty"
    assert state.strategic[2].status is None
    assert 90 not in state.strategic  # Helsinki has no municipality–county agreement


def test_council_share_counts_every_member_municipality() -> None:
    kainuu = members(KAINUU)
    state = state_of(approvals=[approval(KAINUU, kainuu[0], "hyvaksytty"), approval(KAINUU, kainuu[1], "hyvaksytty"),
                                approval(KAINUU, kainuu[2], "hylatty"),
                                approval(KAINUU, kainuu[3], "hyvaksytty", "aiesopimus")],
                     agreements=[agreement(KAINUU, "paatoksenteossa")])
    assert dict(state.council_status) == {kainuu[0]: "hyvaksytty", kainuu[1]: "hyvaksytty", kainuu[2]: "hylatty"}
    share = indicators.by_area("council_approved_municipalities", state)[KAINUU]
    assert (share.numerator, share.denominator) == (2, len(kainuu))


@pytest.mark.parametrize(("rows", "org_type", "expected"), [
    ([attend("2023-01-20", "kunta", "297"), attend("2023-02-10", "kunta", "297"),
      attend("2023-02-10", "kunta", "091")], "kunta", {"297": 2, "091": 1}),
    ([attend("2023-01-20", "kunta", "297", participants=0)], "kunta", {"297": 0}),  # nobody came
    ([attend("2026-01-20", "kunta", "297")], "kunta", {"297": 0}),  # not held yet
    ([attend("2023-01-20", "alue", "13"), attend("2023-01-20", "kunta", "297")], "alue", {"13": 1}),
    ([], "kunta", {"297": 0}),
])
def test_forums_attended(rows: list[dict], org_type: str, expected: dict[str, int]) -> None:
    forums = [{"held_on": d, "theme": "hyte", "title": str(d)} for d in sorted({r["forum_date"] for r in rows})]
    state = state_of(participation=rows, forums=forums)
    assert {key: forums_of(state, OrgType(org_type), key) for key in expected} == expected


def test_coverage_is_the_share_of_members_that_attended() -> None:
    savo = members(POHJOIS_SAVO)
    day = "2023-01-20"
    state = state_of(forums=[{"held_on": date.fromisoformat(day), "theme": "hyte", "title": "x"}],
                     participation=[attend(day, "kunta", savo[0]), attend(day, "kunta", savo[1]),
                                    attend(day, "kunta", savo[2], participants=0)])
    shares = indicators.by_area("municipalities_participated", state)
    assert shares[POHJOIS_SAVO].share == pytest.approx(2 / len(savo))
    assert shares[KAINUU].share == 0
    assert ALAND not in shares
    assert len(shares) == facts.IN_SCOPE_AREA_COUNT


@pytest.mark.parametrize(("rows", "expected"), [
    ([result("A", "13", 50, wave="1/2023", published=date(2023, 6, 5)), result("A", "13", 60)],
     ("Kuntapulssi", "1/2024")),
    # Without publication dates the wave's own "n/yyyy" decides.
    ([result("A", "13", 50, wave="2/2023", published=None), result("A", "13", 60, wave="1/2024", published=None)],
     ("Kuntapulssi", "1/2024")),
    # One rule everywhere: national rows count too; other respondent groups do not.
    ([result("A", "", 50, wave="1/2025", level="koko_maa"), result("A", "13", 60)], ("Kuntapulssi", "1/2025")),
    ([result("A", "13", 50, wave="1/2025", group="Kunnanjohtajat")], None),
    ([], None),
])
def test_latest_wave(rows: list[dict], expected: tuple[str, str] | None) -> None:
    wave = state_of(survey=rows).wave
    assert (None if wave is None else (wave.survey, wave.wave)) == expected


def test_survey_values_come_from_the_latest_wave_and_all_respondents() -> None:
    state = state_of(survey=[
        result("Tiedonkulku", "13", 44.5, n=12), result("Tiedonkulku", "20", 61.0),
        result("Tavoitteet", "13", 30.0),
        result("Tiedonkulku", "13", 10.0, wave="1/2023", published=date(2023, 6, 5)),
        result("Tiedonkulku", "13", 99.0, group="Kunnanjohtajat"),
        result("Tiedonkulku", "", 50.0, level="koko_maa"),
    ])
    assert mapping.survey_statements(state) == ("Tavoitteet", "Tiedonkulku")
    assert mapping.survey_values(state, "Tiedonkulku") == {13: (44.5, 12), 20: (61.0, 40)}
    assert mapping.survey_values(state, "Missing") == {}


def test_maturity_uses_the_latest_assessment_and_rounds_half_up() -> None:
    state = state_of(maturity=[
        assessment(13, "2024-03-15", 1, 1), assessment(13, "2024-03-15", 2, 1),
        assessment(13, "2025-03-14", 1, 1), assessment(13, "2025-03-14", 2, 2),  # mean 1.5 -> level 2
        assessment(20, "2024-09-13", 1, [3, 3, 3, 3, 3, 3, 3, 2]),  # mean 2.875 -> 3
        assessment(21, "2024-09-13", 1, [1, 1, 1, 1, 1, 1, 1, 2]),  # mean 1.125 -> 1
    ])
    levels = indicators.by_area("maturity_level", state)
    assert (levels[13].value, levels[13].detail["mean"], levels[13].detail["assessed_on"], levels[13].n) == (
        2, 1.5, date(2025, 3, 14), 2)
    assert (levels[20].value, levels[20].detail["mean"]) == (3, pytest.approx(2.875))
    assert levels[21].value == 1
    assert levels[1].status == indicators.Status.NO_DATA  # never assessed


# --------------------------------------------------------------------------- indicator values


@pytest.mark.parametrize("level", mapping.LEVELS)
@pytest.mark.parametrize("indicator", mapping.INDICATORS)
def test_every_unit_has_a_class_in_the_legend_and_aland_is_out_of_scope(indicator: str, level: str) -> None:
    values = mapping.indicator_values(indicator, level, mapping.example_frames(), "fi", today=TODAY)
    rows = values.frame
    assert len(rows) == (308 if level == mapping.LEVEL_MUNICIPALITIES else 23)
    assert set(rows["cls"]) <= {c.key for c in values.classes}
    aland = rows[rows["area_code"] == ALAND]
    assert len(aland) == (16 if level == mapping.LEVEL_MUNICIPALITIES else 1)
    assert set(aland["cls"]) == {mapping.OUT_OF_SCOPE_CLASS}
    assert set(aland["colour"]) == {OUT_OF_SCOPE_COLOUR}
    assert mapping.OUT_OF_SCOPE_CLASS not in set(rows[rows["area_code"] != ALAND]["cls"])
    assert values.inherited == (level == mapping.LEVEL_MUNICIPALITIES and indicator in mapping.AREA_ONLY_INDICATORS)
    assert sum(n for _, n in mapping.legend_rows(values)) == len(rows)


@pytest.mark.parametrize("level", mapping.LEVELS)
@pytest.mark.parametrize("indicator", mapping.INDICATORS)
def test_colour_classes_are_distinct_and_end_with_aland(indicator: str, level: str) -> None:
    classes = mapping.colour_classes(indicator, level, "sv")
    assert len({c.key for c in classes}) == len(classes)
    assert len({c.colour for c in classes}) == len(classes), "one colour per class"
    assert len({c.label for c in classes}) == len(classes)
    assert classes[-1] == mapping.ColourClass(mapping.OUT_OF_SCOPE_CLASS, "Utanför reformen", OUT_OF_SCOPE_COLOUR)
    for c in classes:
        mapping.hex_to_rgb(c.colour)


@pytest.mark.parametrize(("indicator", "level", "code", "label", "cls", "detail"), [
    (mapping.AGREEMENT_STATUS, mapping.LEVEL_AREAS, 13, "Hyväksytty", "hyvaksytty", ""),
    (mapping.AGREEMENT_STATUS, mapping.LEVEL_AREAS, KAINUU, "Ei sopimusta kirjattu", mapping.NO_DATA_CLASS, ""),
    (mapping.AGREEMENT_STATUS, mapping.LEVEL_MUNICIPALITIES, "297", "Hyväksytty", "hyvaksytty", ""),  # Kuopio
    (mapping.COUNCIL_APPROVAL, mapping.LEVEL_MUNICIPALITIES, "297", "Hyväksytty", "hyvaksytty", ""),
    (mapping.COUNCIL_APPROVAL, mapping.LEVEL_MUNICIPALITIES, "091", "Ei sovellu", mapping.NOT_APPLICABLE_CLASS,
     "Ei sovellu: Helsinki järjestää palvelunsa itse, eikä sillä ole kunnan ja alueen välistä sopimusta."),
    (mapping.COUNCIL_APPROVAL, mapping.LEVEL_MUNICIPALITIES, "140", "Ei päätöstä kirjattu", mapping.NO_DATA_CLASS,
     ""),
    (mapping.FORUM_PARTICIPATION, mapping.LEVEL_MUNICIPALITIES, "297", "3", "b3", ""),
    (mapping.FORUM_PARTICIPATION, mapping.LEVEL_MUNICIPALITIES, "091", "0", "b0", ""),
    (mapping.FORUM_PARTICIPATION, mapping.LEVEL_AREAS, 13, "1", "b1", "1/3 pidetystä foorumista"),
    (mapping.FORUM_COVERAGE, mapping.LEVEL_MUNICIPALITIES, "297", "Osallistui", "yes", "3 foorumia"),
    # Stored 44.5 shows as 45 %: percentages round half away from zero on every surface.
    (mapping.SURVEY_VALUE, mapping.LEVEL_AREAS, 13, "45\u00a0%", "b2", "N = 12, pieni vastaajamäärä (alle 30)"),
    (mapping.SURVEY_VALUE, mapping.LEVEL_AREAS, KAINUU, "Ei tietoa", mapping.NO_DATA_CLASS, ""),
    (mapping.SURVEY_VALUE, mapping.LEVEL_MUNICIPALITIES, "297", "45\u00a0%", "b2",
     "N = 12, pieni vastaajamäärä (alle 30)"),
    (mapping.MATURITY_LEVEL, mapping.LEVEL_AREAS, 13, "2 Koordinaatio", "2", "keskiarvo 1,5, 14.3.2025, 2 vastaajaa"),
    (mapping.MATURITY_LEVEL, mapping.LEVEL_AREAS, KAINUU, "Ei arviota", mapping.NO_DATA_CLASS, ""),
    (mapping.PILOT, mapping.LEVEL_AREAS, 13, "Pilottialue", "yes", ""),
    (mapping.PILOT, mapping.LEVEL_MUNICIPALITIES, "297", "Pilottialue", "yes", ""),
    (mapping.PILOT, mapping.LEVEL_AREAS, KAINUU, "Ei pilotti", "no", ""),
])
def test_indicator_cells(indicator: str, level: str, code: object, label: str, cls: str, detail: str) -> None:
    frames = empty_frames(
        agreements=[agreement(13, "hyvaksytty")],
        approvals=[approval(13, "297", "hyvaksytty")],
        forums=[{"held_on": date(2023, 1, 20), "theme": "hyte", "title": "x"},
                {"held_on": date(2023, 2, 10), "theme": "hyte", "title": "y"},
                {"held_on": date(2023, 3, 10), "theme": "hyte", "title": "z"},
                {"held_on": date(2026, 1, 1), "theme": "hyte", "title": "future"}],
        participation=[attend("2023-01-20", "kunta", "297"), attend("2023-02-10", "kunta", "297"),
                       attend("2023-03-10", "kunta", "297"), attend("2023-03-10", "alue", "13")],
        survey=[result("Tiedonkulku", "13", 44.5, n=12)],
        maturity=[assessment(13, "2025-03-14", 1, 1), assessment(13, "2025-03-14", 2, 2)],
        pilots=[{"area_code": 13}],
    )
    values = mapping.indicator_values(indicator, level, frames, "fi", today=TODAY)
    row = values.frame.set_index("code").loc[code]
    assert (row["label"], row["cls"], row["detail"]) == (label, cls, detail)
    assert row["colour"] == {c.key: c.colour for c in values.classes}[cls]


def test_area_council_share_is_binned_on_whole_percent() -> None:
    savo = members(POHJOIS_SAVO)  # 19 municipalities: 15/19 = 78.9 % -> 79 % -> 60–79 %
    frames = empty_frames(agreements=[agreement(POHJOIS_SAVO, "hyvaksytty")],
                          approvals=[approval(POHJOIS_SAVO, c, "hyvaksytty") for c in savo[:15]])
    row = mapping.indicator_values(mapping.COUNCIL_APPROVAL, mapping.LEVEL_AREAS, frames, "en",
                                   today=TODAY).frame.set_index("code").loc[POHJOIS_SAVO]
    assert (row["label"], row["cls"], row["detail"]) == ("79%", "b3", f"15/{len(savo)} municipalities")


def test_bad_indicator_level_or_frames_are_named() -> None:
    frames = empty_frames()
    with pytest.raises(ValueError, match="unknown map indicator 'votes'"):
        mapping.indicator_values("votes", mapping.LEVEL_AREAS, frames, "fi")
    with pytest.raises(ValueError, match="unknown map level 'regions'"):
        mapping.indicator_values(mapping.PILOT, "regions", frames, "fi")
    with pytest.raises(ValueError, match="need the frames pilots"):
        mapping.indicator_values(mapping.PILOT, mapping.LEVEL_AREAS,
                                 {k: v for k, v in frames.items() if k != "pilots"}, "fi")


def test_unknown_status_code_is_an_error_not_a_white_area() -> None:
    frames = empty_frames(agreements=[agreement(13, "hyvaksytty")])
    frames["agreements"].loc[0, "status"] = "mystery"
    with pytest.raises(ValueError, match="mystery"):
        mapping.indicator_values(mapping.AGREEMENT_STATUS, mapping.LEVEL_AREAS, frames, "fi")


def test_filter_rows_follows_area_and_municipalities() -> None:
    values = mapping.indicator_values(mapping.PILOT, mapping.LEVEL_MUNICIPALITIES, empty_frames(), "fi")
    assert len(mapping.filter_rows(values, None)) == 308
    assert len(mapping.filter_rows(values, POHJOIS_SAVO)) == len(members(POHJOIS_SAVO))
    assert list(mapping.filter_rows(values, POHJOIS_SAVO, ("297",))["code"]) == ["297"]


# --------------------------------------------------------------------------- view and spec


@pytest.mark.parametrize(("bounds", "width", "height", "zoom_range"), [
    (mapping.FINLAND_BOUNDS, 520, 520, (3.0, 4.6)),
    ((26.0, 62.0, 29.0, 64.0), 520, 520, (5.5, 7.0)),   # about one county
    ((24.8, 60.1, 25.3, 60.3), 520, 520, (8.5, 10.0)),  # about one city
    ((24.9, 60.15, 24.91, 60.16), 520, 520, (10.0, 10.0)),  # clamped to MAX_ZOOM
])
def test_view_fits_the_bounds(bounds: tuple[float, ...], width: int, height: int,
                              zoom_range: tuple[float, float]) -> None:
    view = mapping.view_for_bounds(bounds, width, height)
    assert zoom_range[0] <= view["zoom"] <= zoom_range[1]
    assert bounds[0] <= view["longitude"] <= bounds[2]
    assert bounds[1] <= view["latitude"] <= bounds[3]


def test_view_rejects_projected_bounds() -> None:
    with pytest.raises(ValueError, match="not lon/lat"):
        mapping.view_for_bounds((300000, 6700000, 400000, 6800000), 500, 500)


@pytest.fixture(scope="module")
def boundary_cache(reference: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from yhdyspinta.geodata import import_reference

    folder = tmp_path_factory.mktemp("geo")
    import_reference(reference / "kuntarajat_2024.geojson", cache_dir=folder)
    return folder


@pytest.fixture(scope="module")
def geometries(boundary_cache: Path) -> dict[str, object]:
    from yhdyspinta.geodata import load_area_geometries, load_municipality_geometries

    return {mapping.LEVEL_AREAS: load_area_geometries(cache_dir=boundary_cache),
            mapping.LEVEL_MUNICIPALITIES: load_municipality_geometries(cache_dir=boundary_cache)}


def build(geometries: dict[str, object], level: str, indicator: str = mapping.AGREEMENT_STATUS, **kwargs: object
          ) -> mapping.MapSpec:
    values = mapping.indicator_values(indicator, level, mapping.example_frames(), "fi", today=TODAY)
    municipal = level == mapping.LEVEL_MUNICIPALITIES
    return mapping.build_map_spec(values, geometries[level],  # type: ignore[arg-type]
                                  area_geometries=geometries[mapping.LEVEL_AREAS] if municipal else None,  # type: ignore[arg-type]
                                  **kwargs)  # type: ignore[arg-type]


def test_spec_has_fixed_layer_ids_no_base_map_and_only_needed_properties(geometries: dict[str, object]) -> None:
    spec = build(geometries, mapping.LEVEL_MUNICIPALITIES)
    deck = json.loads(spec.json)
    assert deck["mapStyle"] == "__MAP_STYLE__"  # Streamlit drops it: no tiles fetched from the internet
    assert [layer["id"] for layer in deck["layers"]] == [mapping.LAYER_FILL, mapping.LAYER_AREA_BORDERS]
    fill = deck["layers"][0]
    assert fill["getFillColor"] == "@@=properties.c"
    assert fill["lineWidthUnits"] == "pixels"
    kuopio = next(f for f in fill["data"]["features"] if f["properties"]["n"] == "Kuopio")
    assert set(kuopio["properties"]) == {"n", "v", "a", "c"}
    assert kuopio["properties"]["a"] == "Pohjois-Savon hyvinvointialue"
    assert "\n" not in spec.json and ": " not in spec.json.split('"features"')[0]  # compact
    coords = json.dumps(kuopio["geometry"]["coordinates"])
    assert all(len(part.split(".")[1].strip("]")) <= 4 for part in coords.split(",") if "." in part)
    assert spec.tooltip["text"].startswith("{n}\n{a}\n")
    assert "html" not in spec.tooltip


def test_spec_is_deterministic(geometries: dict[str, object]) -> None:
    assert build(geometries, mapping.LEVEL_AREAS).json == build(geometries, mapping.LEVEL_AREAS).json


def test_focus_area_zooms_and_outlines_it(geometries: dict[str, object]) -> None:
    whole = json.loads(build(geometries, mapping.LEVEL_AREAS).json)
    focused = json.loads(build(geometries, mapping.LEVEL_AREAS, focus_area=POHJOIS_SAVO).json)
    assert focused["initialViewState"]["zoom"] > whole["initialViewState"]["zoom"] + 1
    selection = focused["layers"][-1]
    assert selection["id"] == mapping.LAYER_SELECTION
    assert len(selection["data"]["features"]) == 1
    with pytest.raises(ValueError, match="no boundary for area 99"):
        build(geometries, mapping.LEVEL_AREAS, focus_area=99)


def test_over_budget_spec_drops_borders_then_simplifies(geometries: dict[str, object]) -> None:
    full = build(geometries, mapping.LEVEL_MUNICIPALITIES)
    borderless = build(geometries, mapping.LEVEL_MUNICIPALITIES, budget=full.size - 1)
    assert borderless.tolerance is None
    assert [layer["id"] for layer in json.loads(borderless.json)["layers"]] == [mapping.LAYER_FILL]
    squeezed = build(geometries, mapping.LEVEL_MUNICIPALITIES, budget=borderless.size - 1)
    assert squeezed.size < borderless.size
    assert squeezed.tolerance in mapping.FALLBACK_TOLERANCES
    assert len(json.loads(squeezed.json)["layers"][0]["data"]["features"]) == 308


def test_serialized_deck_hands_streamlit_the_cached_string(geometries: dict[str, object]) -> None:
    spec = build(geometries, mapping.LEVEL_AREAS)
    deck = mapping.SerializedDeck(spec)
    assert deck.to_json() is spec.json
    assert deck._tooltip == spec.tooltip  # what st.pydeck_chart sends beside the spec
    assert deck.layers == []
    assert deck.mapbox_key is None


@pytest.mark.parametrize("level", mapping.LEVELS)
@pytest.mark.parametrize("indicator", mapping.INDICATORS)
def test_payload_within_budget_on_the_reference_boundaries(boundary_cache: Path, level: str, indicator: str) -> None:
    size = mapping.payload_bytes(level, cache_dir=boundary_cache, indicator=indicator)
    assert 0 < size <= mapping.SPEC_BUDGETS[level]
    assert mapping.SPEC_BUDGETS == {mapping.LEVEL_AREAS: 120 * 1024, mapping.LEVEL_MUNICIPALITIES: 300 * 1024}


def test_payload_with_a_focused_area_in_swedish_is_within_budget(boundary_cache: Path) -> None:
    size = mapping.payload_bytes(mapping.LEVEL_MUNICIPALITIES, cache_dir=boundary_cache,
                                 indicator=mapping.SURVEY_VALUE, lang="sv", focus_area=POHJOIS_SAVO)
    assert size <= mapping.MUNICIPALITY_SPEC_BUDGET


def test_payload_without_boundaries_says_so(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no usable boundaries"):
        mapping.payload_bytes(mapping.LEVEL_AREAS, cache_dir=tmp_path)
