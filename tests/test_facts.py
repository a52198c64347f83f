"""The project's own facts table, checked field by field against the official key."""

from __future__ import annotations

import csv
from pathlib import Path

from yhdyspinta import facts

LANGUAGE_BY_KEY_CODE = {"0": "fi", "1": "fi_sv", "2": "sv", "3": "sv_fi"}


def _key(reference: Path) -> list[dict[str, str]]:
    with (reference / "municipality_key_2025.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_municipality_matches_the_official_key(reference: Path) -> None:
    rows = _key(reference)
    ours = facts.municipality_by_code()
    assert len(rows) == facts.MUNICIPALITY_COUNT_2025 == len(ours)
    mismatches = []
    for row in rows:
        m = ours.get(row["municipality_code"])
        expected = (row["municipality_name_fi"], row["municipality_name_sv"],
                    int(row["hyvinvointialue_code"]), LANGUAGE_BY_KEY_CODE[row["kielisuhde_code"]])
        actual = None if m is None else (m.name_fi, m.name_sv, m.area_code, m.language.value)
        if actual != expected:
            mismatches.append((row["municipality_code"], expected, actual))
    assert mismatches == []


def test_every_area_matches_the_official_key(reference: Path) -> None:
    expected = {(int(r["hyvinvointialue_code"]), r["hyvinvointialue_name_fi"],
                 r["hyvinvointialue_name_sv"], r["hyvinvointialue_name_en"]) for r in _key(reference)}
    assert {(a.code, a.name_fi, a.name_sv, a.name_en) for a in facts.areas()} == expected


def test_twenty_two_areas_in_scope_and_aland_outside() -> None:
    in_scope = {a.code for a in facts.in_scope_areas()}
    assert in_scope == set(range(1, 22)) | {facts.HELSINKI_AREA_CODE}
    assert len(in_scope) == facts.IN_SCOPE_AREA_COUNT
    assert facts.area_by_code()[facts.ALAND_AREA_CODE].in_scope is False


def test_every_municipality_belongs_to_a_known_area() -> None:
    areas = facts.area_by_code()
    assert all(m.area_code in areas for m in facts.municipalities())


def test_pertunmaa_maps_to_mantyharju() -> None:
    assert facts.successor_code("588") == "507"
    assert facts.municipality_by_code()["507"].name_fi == "Mäntyharju"
    assert "588" not in facts.municipality_by_code()
    assert facts.successor_code("091") == "091"
