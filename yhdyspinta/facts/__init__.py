"""The project's own table of public facts: the areas and the 2025 municipalities.

Codes, names, area memberships and language status are public facts from Statistics
Finland's classifications (CC BY 4.0); tests check them against the official key.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

FACTS_DIR = Path(__file__).resolve().parent
AREAS_FILE = FACTS_DIR / "areas.csv"
MUNICIPALITIES_FILE = FACTS_DIR / "municipalities_2025.csv"

HELSINKI_AREA_CODE = 90
ALAND_AREA_CODE = 91
IN_SCOPE_AREA_COUNT = 22
MUNICIPALITY_COUNT_2025 = 308

# Municipalities merged away since the 2023 reform, mapped to their successor.
MERGED_MUNICIPALITIES: dict[str, str] = {"588": "507"}  # Pertunmaa -> Mäntyharju, 1.1.2025
MERGED_MUNICIPALITY_NAMES: dict[str, str] = {"Pertunmaa": "588"}


class Language(StrEnum):
    """Language status of a municipality."""

    FINNISH = "fi"
    SWEDISH = "sv"
    BILINGUAL_FINNISH_MAJORITY = "fi_sv"
    BILINGUAL_SWEDISH_MAJORITY = "sv_fi"


@dataclass(frozen=True, slots=True)
class Area:
    code: int
    name_fi: str
    name_sv: str
    name_en: str
    in_scope: bool

    def name(self, lang: str) -> str:
        # The official key carries stray spaces (area 13 in Swedish); keep the fact, show it clean.
        return {"sv": self.name_sv, "en": self.name_en}.get(lang, self.name_fi).strip()


@dataclass(frozen=True, slots=True)
class Municipality:
    code: str
    name_fi: str
    name_sv: str
    area_code: int
    language: Language

    def name(self, lang: str) -> str:
        return self.name_sv if lang == "sv" else self.name_fi


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def areas() -> tuple[Area, ...]:
    """All 23 areas: the 21 counties, Helsinki (90) and Åland (91, out of scope)."""
    return tuple(
        Area(
            code=int(row["code"]),
            name_fi=row["name_fi"],
            name_sv=row["name_sv"],
            name_en=row["name_en"],
            in_scope=row["in_scope"] == "1",
        )
        for row in _read(AREAS_FILE)
    )


@cache
def municipalities() -> tuple[Municipality, ...]:
    return tuple(
        Municipality(
            code=row["code"],
            name_fi=row["name_fi"],
            name_sv=row["name_sv"],
            area_code=int(row["area_code"]),
            language=Language(row["language"]),
        )
        for row in _read(MUNICIPALITIES_FILE)
    )


@cache
def area_by_code() -> dict[int, Area]:
    return {area.code: area for area in areas()}


@cache
def municipality_by_code() -> dict[str, Municipality]:
    return {m.code: m for m in municipalities()}


def in_scope_areas() -> tuple[Area, ...]:
    return tuple(a for a in areas() if a.in_scope)


def successor_code(code: str) -> str:
    """The 2025 code for a municipality code, following mergers."""
    return MERGED_MUNICIPALITIES.get(code, code)


def municipality_records() -> list[dict[str, object]]:
    """The municipalities as the store seeds them (no population until reference data is loaded)."""
    return [{"code": m.code, "name_fi": m.name_fi, "name_sv": m.name_sv, "area_code": m.area_code,
             "language": m.language.value, "population": None, "population_year": None}
            for m in municipalities()]
