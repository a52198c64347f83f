"""The filters that travel in the URL: language, area and municipalities.

Parsing is pure so it can be tested without Streamlit: a bad value gives the whole-country
view plus a notice naming the parameter and the value, never an exception.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from yhdyspinta import facts
from yhdyspinta.i18n import DEFAULT_LANGUAGE, LANGUAGES

PARAM_LANGUAGE = "kieli"
PARAM_AREA = "alue"
PARAM_MUNICIPALITIES = "kunta"
PARAM_PRESENTATION = "esitys"
LIST_SEPARATOR = ","


@dataclass(frozen=True)
class Filters:
    lang: str = DEFAULT_LANGUAGE
    area: int | None = None
    municipalities: tuple[str, ...] = ()

    def area_codes(self) -> frozenset[int] | None:
        return None if self.area is None else frozenset({self.area})

    def to_params(self) -> dict[str, str]:
        params: dict[str, str] = {}
        if self.lang != DEFAULT_LANGUAGE:
            params[PARAM_LANGUAGE] = self.lang
        if self.area is not None:
            params[PARAM_AREA] = str(self.area)
        if self.municipalities:
            params[PARAM_MUNICIPALITIES] = LIST_SEPARATOR.join(self.municipalities)
        return params


@dataclass(frozen=True)
class BadParam:
    param: str
    value: str


@dataclass(frozen=True)
class ParsedFilters:
    filters: Filters
    bad: tuple[BadParam, ...] = field(default=())


def parse_filters(params: Mapping[str, str]) -> ParsedFilters:
    bad: list[BadParam] = []
    lang = params.get(PARAM_LANGUAGE, DEFAULT_LANGUAGE) or DEFAULT_LANGUAGE
    if lang not in LANGUAGES:
        bad.append(BadParam(PARAM_LANGUAGE, lang))
        lang = DEFAULT_LANGUAGE

    area: int | None = None
    raw_area = (params.get(PARAM_AREA) or "").strip()
    if raw_area:
        code = int(raw_area) if raw_area.isdigit() else None
        found = facts.area_by_code().get(code) if code is not None else None
        if found is None or not found.in_scope:
            bad.append(BadParam(PARAM_AREA, raw_area))
        else:
            area = found.code

    municipalities: list[str] = []
    raw_munis = (params.get(PARAM_MUNICIPALITIES) or "").strip()
    if raw_munis and not bad:
        known = facts.municipality_by_code()
        for part in raw_munis.split(LIST_SEPARATOR):
            code = part.strip().zfill(3) if part.strip().isdigit() else part.strip()
            m = known.get(code)
            if m is None or (area is not None and m.area_code != area):
                bad.append(BadParam(PARAM_MUNICIPALITIES, raw_munis))
                municipalities = []
                break
            if code not in municipalities:
                municipalities.append(code)
    if any(b.param in (PARAM_AREA, PARAM_MUNICIPALITIES) for b in bad):
        # Half a filter would mislead: show the whole country instead.
        area, municipalities = None, []
    return ParsedFilters(Filters(lang=lang, area=area, municipalities=tuple(municipalities)),
                         tuple(bad))
