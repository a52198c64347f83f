"""The filters that travel in the URL: language, area and municipalities.

Parsing is pure so it can be tested without Streamlit, and whatever the address holds it
never raises: a bad area or municipality list gives the whole-country view, an unknown language
Finnish (keeping the other parameters), each with a notice naming the parameter and the value.
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


# Bounds on what is read from the address bar: an area code has at most two digits (three
# with a leading zero), a municipality code three; a list of all 308 municipalities ("091,")
# fits in MAX_LIST_LENGTH with room to spare.
AREA_DIGITS = 3
MUNICIPALITY_DIGITS = 3
MAX_LIST_LENGTH = 4 * 400
MAX_NUMBER_TEXT = 16  # characters of a number's parameter read at all
MAX_SHOWN_VALUE = 40  # characters of a bad value repeated in the notice


def ascii_number(raw: str | None, max_digits: int) -> int | None:
    """`raw` as a number if it is 1 to `max_digits` ASCII digits (surrounding spaces allowed),
    else None. Never raises: `str.isdigit` accepts '²' and '١٣', which `int()` refuses or reads
    as 13, and `int()` refuses more than 4300 digits."""
    if raw is None or len(raw) > MAX_NUMBER_TEXT:
        return None
    text = raw.strip()
    if not text or len(text) > max_digits or not (text.isascii() and text.isdigit()):
        return None
    return int(text)


def shown_value(raw: str) -> str:
    """A bad value as a notice repeats it: at most MAX_SHOWN_VALUE characters."""
    return raw if len(raw) <= MAX_SHOWN_VALUE else raw[:MAX_SHOWN_VALUE] + "…"


# Why a valid-looking area or municipality list gives the whole country (BadParam.reason).
SEVERAL_AREAS = "several_areas"  # municipalities of more than one area
OUT_OF_SCOPE = "out_of_scope"  # Åland or its municipalities: outside the reform


@dataclass(frozen=True)
class BadParam:
    param: str
    value: str  # as shown to the reader (shortened)
    reason: str = ""  # SEVERAL_AREAS, OUT_OF_SCOPE, or "" (not recognised)

    @property
    def text_key(self) -> str:
        """The notice's message id: an unknown language changes only the language; a known area
        or municipality list the dashboard cannot show as one area says why."""
        if self.reason:
            return f"filter.{self.reason}"
        return "filter.bad_language" if self.param == PARAM_LANGUAGE else "filter.bad_param"


@dataclass(frozen=True)
class ParsedFilters:
    filters: Filters
    bad: tuple[BadParam, ...] = field(default=())


def parse_filters(params: Mapping[str, str]) -> ParsedFilters:
    """The filters in `params` (the URL's query parameters). Parameters are read on their own:
    an unknown language gives Finnish and keeps the area; a bad area or municipality list
    gives the whole country (half a filter would mislead); municipalities without an area get
    theirs (they must share one)."""
    bad: list[BadParam] = []
    lang = params.get(PARAM_LANGUAGE) or DEFAULT_LANGUAGE
    if lang not in LANGUAGES:
        bad.append(BadParam(PARAM_LANGUAGE, shown_value(lang)))
        lang = DEFAULT_LANGUAGE

    area: int | None = None
    raw_area = params.get(PARAM_AREA) or ""
    if raw_area.strip():
        code = ascii_number(raw_area, AREA_DIGITS)
        found = facts.area_by_code().get(code) if code is not None else None
        if found is None or not found.in_scope:
            bad.append(BadParam(PARAM_AREA, shown_value(raw_area), "" if found is None else OUT_OF_SCOPE))
        else:
            area = found.code

    municipalities: list[str] = []
    raw_munis = params.get(PARAM_MUNICIPALITIES) or ""
    area_bad = any(b.param == PARAM_AREA for b in bad)
    known = facts.municipality_by_code()
    if raw_munis.strip() and not area_bad:
        parts = raw_munis.split(LIST_SEPARATOR) if len(raw_munis) <= MAX_LIST_LENGTH else [""]
        for part in parts:
            number = ascii_number(part, MUNICIPALITY_DIGITS)
            m = known.get(f"{number:03d}") if number is not None else None
            if m is None or (area is not None and m.area_code != area):
                bad.append(BadParam(PARAM_MUNICIPALITIES, shown_value(raw_munis)))
                municipalities = []
                break
            if m.code not in municipalities:
                municipalities.append(m.code)
    if municipalities and area is None:
        # Municipalities without an area (a hand-made link): their area, when they share one the
        # dashboard covers, so the figures and the sidebar say the same; else the whole country.
        areas = {known[c].area_code for c in municipalities}
        only = facts.area_by_code()[next(iter(areas))] if len(areas) == 1 else None
        if only is not None and only.in_scope:
            area = only.code
        else:
            bad.append(BadParam(PARAM_MUNICIPALITIES, shown_value(raw_munis),
                                OUT_OF_SCOPE if only is not None else SEVERAL_AREAS))
    if any(b.param in (PARAM_AREA, PARAM_MUNICIPALITIES) for b in bad):
        area, municipalities = None, []
    return ParsedFilters(Filters(lang=lang, area=area, municipalities=tuple(municipalities)),
                         tuple(bad))
