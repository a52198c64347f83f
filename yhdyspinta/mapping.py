"""The map: indicators per area or municipality, their colour classes, and the deck.gl spec.

Pure functions on the store's frames and the cached boundaries; no Streamlit here, so the page,
the benchmark and the tests share one code path. The spec is built as one compact JSON string,
meant to be built once per (data version, level, indicator, language, area) and cached by the
caller: re-serialising ~300 KB on every rerun is what sinks a page under load (PERFORMANCE.md).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import quote

import geopandas as gpd
import numpy as np
import pandas as pd
import pydeck as pdk
import shapely

from yhdyspinta import facts, indicators
from yhdyspinta.domain import (
    SMALL_N_THRESHOLD,
    ApprovalStatus,
    MaturityLevel,
    OrgType,
    SurveyLevel,
)
from yhdyspinta.i18n import enum_label, format_day, format_number, format_pct, round_half_away, t, tn
from yhdyspinta.indicators import labels
from yhdyspinta.indicators.asof import SHOWN_STATUSES, AgreementState, AsOf, finnish_today, forums_of
from yhdyspinta.palette import (
    APPROVAL_COLOURS,
    EXPIRED_COLOUR,
    MATURITY_COLOURS,
    NO_DATA_COLOUR,
    NOT_APPLICABLE_COLOUR,
    OUT_OF_SCOPE_COLOUR,
    PILOT_COLOUR,
    SEQUENTIAL_COLOURS,
    STATUS_COLOURS,
)

# --------------------------------------------------------------------------- vocabulary

AGREEMENT_STATUS = "agreement_status"
COUNCIL_APPROVAL = "council_approval"
FORUM_PARTICIPATION = "forum_participation"
FORUM_COVERAGE = "forum_coverage"
SURVEY_VALUE = "survey_value"
MATURITY_LEVEL = "maturity_level"
PILOT = "pilot"
INDICATORS: tuple[str, ...] = (
    AGREEMENT_STATUS, COUNCIL_APPROVAL, FORUM_PARTICIPATION, FORUM_COVERAGE, SURVEY_VALUE,
    MATURITY_LEVEL, PILOT,
)
# Facts about an area only: on the municipality map each municipality shows its area's value.
AREA_ONLY_INDICATORS: frozenset[str] = frozenset({AGREEMENT_STATUS, SURVEY_VALUE, MATURITY_LEVEL, PILOT})

LEVEL_AREAS = "areas"
LEVEL_MUNICIPALITIES = "municipalities"
LEVELS: tuple[str, ...] = (LEVEL_AREAS, LEVEL_MUNICIPALITIES)

# The frames indicator_values() reads, by kind name.
KINDS_NEEDED: tuple[str, ...] = indicators.KINDS_NEEDED

# The survey's own name for the whole group of respondents (as published by Kuntapulssi).

# --------------------------------------------------------------------------- colours

NO_DATA_CLASS = "none"
OUT_OF_SCOPE_CLASS = "out"
EXPIRED_CLASS = AgreementState.EXPIRED.value  # Strategic.shown of an agreement to renew
NOT_APPLICABLE_CLASS = "not_applicable"

# Lower bounds of the classes. Shares are binned on whole percent so "20–39 %" means exactly that.
PERCENT_BINS: tuple[int, ...] = (0, 20, 40, 60, 80)
MUNICIPALITY_FORUM_BINS: tuple[int, ...] = (0, 1, 2, 3, 5)

# --------------------------------------------------------------------------- map look

BORDER_COLOUR = (90, 90, 90)
AREA_BORDER_COLOUR = (30, 30, 30)
SELECTION_COLOUR = (0, 0, 0)
FILL_ALPHA = 235
FINLAND_BOUNDS: tuple[float, float, float, float] = (19.08, 59.45, 31.59, 70.09)
DECK_TILE_SIZE = 512  # deck.gl's world is 512 px wide at zoom 0
VIEW_PADDING = 0.9
FOCUS_PADDING = 0.7  # a chosen area keeps some of its neighbours in view
MIN_ZOOM = 3.0
MAX_ZOOM = 10.0
COORDINATE_DECIMALS = 4
# Coarser simplification steps (degrees) tried only when a spec would exceed its budget.
FALLBACK_TOLERANCES: tuple[float, ...] = (0.01, 0.02, 0.04)

LAYER_FILL = "yp-fill"
LAYER_AREA_BORDERS = "yp-area-borders"
LAYER_SELECTION = "yp-selection"

# Compact spec sizes the map may send (the loader keeps plain GeoJSON under the same budgets).
MUNICIPALITY_SPEC_BUDGET = 300 * 1024
AREA_SPEC_BUDGET = 120 * 1024
SPEC_BUDGETS: dict[str, int] = {LEVEL_MUNICIPALITIES: MUNICIPALITY_SPEC_BUDGET, LEVEL_AREAS: AREA_SPEC_BUDGET}


@dataclass(frozen=True, slots=True)
class ColourClass:
    """One legend entry: a stable key, its label in the chosen language and its colour."""

    key: str
    label: str
    colour: str


@dataclass(frozen=True, slots=True)
class Cell:
    """One unit's value: the number (if any), its text, its colour class and extra detail."""

    value: float | None
    label: str
    cls: str
    detail: str = ""


@dataclass(frozen=True)
class IndicatorValues:
    """An indicator on one level: one row per area or municipality, and the legend.

    `frame` columns: code, name, area_code, area, in_scope, value, label, cls, colour, detail.
    """

    indicator: str
    level: str
    lang: str
    frame: pd.DataFrame
    classes: tuple[ColourClass, ...]
    inherited: bool  # municipalities show their area's value
    statement: str | None = None

    def counts(self) -> dict[str, int]:
        return self.frame["cls"].value_counts().to_dict()


# --------------------------------------------------------------------------- small helpers


def check_indicator(indicator: str, level: str) -> None:
    if indicator not in INDICATORS:
        raise ValueError(f"unknown map indicator {indicator!r}; expected one of: {', '.join(INDICATORS)}")
    if level not in LEVELS:
        raise ValueError(f"unknown map level {level!r}; expected one of: {', '.join(LEVELS)}")


def hex_to_rgb(colour: str) -> tuple[int, int, int]:
    text = colour.lstrip("#")
    if not re.fullmatch(r"[0-9A-Fa-f]{6}", text):
        raise ValueError(f"not a #RRGGBB colour: {colour!r}")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


def bin_index(value: float, lower_bounds: Sequence[float]) -> int:
    """Index of the last class whose lower bound is <= value (values below the first go in it)."""
    index = 0
    for i, bound in enumerate(lower_bounds):
        if value >= bound:
            index = i
    return index


def bin_labels(lower_bounds: Sequence[int], lang: str, *, percent: bool, top: int | None = None) -> tuple[str, ...]:
    """'0–19 %', … '80–100 %' for percent bins (top=100); '0', '1', '3–4', '5+' for counts."""
    labels = []
    for i, lo in enumerate(lower_bounds):
        hi = lower_bounds[i + 1] - 1 if i + 1 < len(lower_bounds) else top
        if hi is None:
            text = f"{format_number(lo, lang)}+"
        elif hi == lo:
            text = format_number(lo, lang)
        else:
            text = f"{format_number(lo, lang)}–{format_number(hi, lang)}"
        if percent:
            text += "%" if lang == "en" else "\u00a0%"
        labels.append(text)
    return tuple(labels)


def _as_dates(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values, errors="coerce").dt.date


def _out_of_scope(lang: str) -> Cell:
    return Cell(None, t("common.out_of_scope", lang), OUT_OF_SCOPE_CLASS)


def _no_data(lang: str, key: str = "map.no_data") -> Cell:
    return Cell(None, t(key, lang), NO_DATA_CLASS)


# --------------------------------------------------------------------------- aggregations


def survey_statements(state: AsOf) -> tuple[str, ...]:
    """Statements of the latest wave (the catalogue's) that have area results, in a stable order."""
    rows = state.survey
    if rows.empty:
        return ()
    return tuple(sorted(set(rows.loc[rows["level"] == SurveyLevel.AREA, "statement"].astype(str))))


def survey_values(state: AsOf, statement: str) -> dict[int, tuple[float, int]]:
    """Area -> (% rating it realised, N) for the statement in the latest wave."""
    rows = state.survey
    if rows.empty:
        return {}
    rows = rows[(rows["level"] == SurveyLevel.AREA) & (rows["statement"] == statement)]
    return {int(key): (float(value), int(n)) for key, value, n in zip(rows["level_key"], rows["value_pct"], rows["n"],
                                                                      strict=True)
            if str(key).isascii() and str(key).isdigit()}


# --------------------------------------------------------------------------- classes


def colour_classes(indicator: str, level: str, lang: str) -> tuple[ColourClass, ...]:
    """Legend entries in display order; every map ends with 'no data' (if possible) and Åland."""
    check_indicator(indicator, level)
    classes: list[ColourClass]
    no_data_key = "map.no_data"
    if indicator == AGREEMENT_STATUS:
        classes = [ColourClass(s, labels.status_text(s, lang), c)
                   for s, c in zip(SHOWN_STATUSES, (*STATUS_COLOURS, EXPIRED_COLOUR), strict=True)]
        no_data_key = "map.no_agreement"
    elif indicator == COUNCIL_APPROVAL and level == LEVEL_MUNICIPALITIES:
        classes = [ColourClass(s.value, enum_label("ApprovalStatus", s, lang), APPROVAL_COLOURS[s])
                   for s in (ApprovalStatus.APPROVED, ApprovalStatus.PENDING, ApprovalStatus.REJECTED)]
        no_data_key = "map.no_decision"
    elif indicator in (COUNCIL_APPROVAL, FORUM_COVERAGE, SURVEY_VALUE) and (
            level == LEVEL_AREAS or indicator == SURVEY_VALUE):
        bins = bin_labels(PERCENT_BINS, lang, percent=True, top=100)
        classes = [ColourClass(f"b{i}", label, c) for i, (label, c) in enumerate(zip(bins, SEQUENTIAL_COLOURS,
                                                                                        strict=True))]
        no_data_key = "map.no_agreement" if indicator == COUNCIL_APPROVAL else "map.no_data"
    elif indicator == FORUM_COVERAGE:  # municipalities: attended at least one forum or not
        classes = [ColourClass("yes", t("map.attended", lang), SEQUENTIAL_COLOURS[3]),
                   ColourClass("no", t("map.not_attended", lang), NO_DATA_COLOUR)]
        no_data_key = ""
    elif indicator == FORUM_PARTICIPATION and level == LEVEL_AREAS:
        bins = bin_labels(PERCENT_BINS, lang, percent=True, top=100)
        classes = [ColourClass(f"b{i}", t("map.of_held", lang, share=label), c)
                   for i, (label, c) in enumerate(zip(bins, SEQUENTIAL_COLOURS, strict=True))]
        no_data_key = ""
    elif indicator == FORUM_PARTICIPATION:
        bins = bin_labels(MUNICIPALITY_FORUM_BINS, lang, percent=False)
        classes = [ColourClass(f"b{i}", label, c) for i, (label, c) in enumerate(zip(bins, SEQUENTIAL_COLOURS,
                                                                                        strict=True))]
        no_data_key = ""
    elif indicator == MATURITY_LEVEL:
        classes = [ColourClass(str(int(lvl)), f"{int(lvl)} {enum_label('MaturityLevel', int(lvl), lang)}", c)
                   for lvl, c in zip(MaturityLevel, MATURITY_COLOURS, strict=True)]
        no_data_key = "map.no_assessment"
    else:  # PILOT
        classes = [ColourClass("yes", t("map.pilot_yes", lang), PILOT_COLOUR),
                   ColourClass("no", t("map.pilot_no", lang), NO_DATA_COLOUR)]
        no_data_key = ""
    if indicator in (AGREEMENT_STATUS, COUNCIL_APPROVAL):  # Helsinki
        classes.append(ColourClass(NOT_APPLICABLE_CLASS, t("indicator.not_applicable", lang), NOT_APPLICABLE_COLOUR))
    if no_data_key:
        classes.append(ColourClass(NO_DATA_CLASS, t(no_data_key, lang), NO_DATA_COLOUR))
    classes.append(ColourClass(OUT_OF_SCOPE_CLASS, t("common.out_of_scope", lang), OUT_OF_SCOPE_COLOUR))
    return tuple(classes)


# --------------------------------------------------------------------------- cells per indicator


def _pct_cell(share: float, lang: str, digits: int = 0) -> Cell:
    pct = int(round_half_away(share * 100)) if digits == 0 else share * 100
    return Cell(share, format_pct(share, lang, digits), f"b{bin_index(math.floor(pct), PERCENT_BINS)}")


def _not_applicable(lang: str) -> Cell:
    return Cell(None, t("indicator.not_applicable", lang), NOT_APPLICABLE_CLASS, t("indicator.not_applicable_helsinki",
                                                                                    lang))


def _of_cell(value: indicators.Value, lang: str, detail_key: str) -> Cell:
    """A share of its whole (numerator / denominator), classed on whole percent."""
    share = value.share or 0.0
    cell = _pct_cell(share, lang)
    total = int(value.denominator or 0)
    return Cell(cell.value, cell.label, cell.cls, tn(detail_key, total, lang, n=int(value.numerator or 0), total=total))


def _area_cells(indicator: str, state: AsOf, lang: str, statement: str | None) -> dict[int, Cell]:
    cells: dict[int, Cell] = {}
    areas = facts.in_scope_areas()
    if indicator == AGREEMENT_STATUS:
        for a in areas:
            strategic = state.strategic.get(a.code)
            if strategic is None:  # Helsinki
                cells[a.code] = _not_applicable(lang)
            elif strategic.shown:
                detail = t("map.detail.expired", lang, day=format_day(strategic.valid_until, lang)) \
                    if strategic.shown == EXPIRED_CLASS else ""
                cells[a.code] = Cell(None, labels.status_text(strategic.shown, lang), strategic.shown, detail)
            else:
                cells[a.code] = _no_data(lang, "map.no_agreement")
    elif indicator == COUNCIL_APPROVAL:
        values = indicators.by_area("council_approved_municipalities", state)
        for a in areas:
            strategic = state.strategic.get(a.code)
            if values[a.code].status == indicators.Status.NOT_APPLICABLE:
                cells[a.code] = _not_applicable(lang)
            elif strategic is None or strategic.status is None:
                cells[a.code] = _no_data(lang, "map.no_agreement")
            else:
                cells[a.code] = _of_cell(values[a.code], lang, "map.detail.approved")
    elif indicator == FORUM_PARTICIPATION:
        # Classed by the share of forums held, so the scale stays meaningful as forums accumulate.
        values = indicators.by_area("area_forums_attended", state)
        for a in areas:
            v = values[a.code]
            n = int(v.numerator or 0)
            total = int(v.denominator or 0)
            cells[a.code] = Cell(float(n), format_number(n, lang), _pct_cell(v.share or 0.0, lang).cls,
                                 tn("map.detail.of_held", total, lang, n=n, total=total))
    elif indicator == FORUM_COVERAGE:
        values = indicators.by_area("municipalities_participated", state)
        for a in areas:
            cells[a.code] = _of_cell(values[a.code], lang, "map.detail.reached")
    elif indicator == SURVEY_VALUE:
        found_values = survey_values(state, statement) if statement else {}
        for a in areas:
            found = found_values.get(a.code)
            if found is None:
                cells[a.code] = _no_data(lang)
                continue
            pct, n = found
            cell = _pct_cell(pct / 100, lang)
            shown_n = format_number(n, lang)
            detail = (t("map.detail.small_n", lang, n=shown_n, limit=SMALL_N_THRESHOLD) if n < SMALL_N_THRESHOLD
                      else t("map.detail.n", lang, n=shown_n))
            cells[a.code] = Cell(cell.value, cell.label, f"b{bin_index(math.floor(pct), PERCENT_BINS)}", detail)
    elif indicator == MATURITY_LEVEL:
        values = indicators.by_area("maturity_level", state)
        for a in areas:
            v = values[a.code]
            if v.value is None:
                cells[a.code] = _no_data(lang, "map.no_assessment")
                continue
            mean = float(v.detail["mean"])  # type: ignore[arg-type]
            detail = tn("map.detail.maturity", v.n or 0, lang, mean=format_number(mean, lang, labels.SCORE_DIGITS),
                        day=format_day(v.detail.get("assessed_on"), lang))  # type: ignore[arg-type]
            cells[a.code] = Cell(mean, labels.value_text(v, lang), str(int(v.value)), detail)
    elif indicator == PILOT:
        for a in areas:
            yes = a.code in state.pilots
            cells[a.code] = Cell(1.0 if yes else 0.0, t("map.pilot_yes", lang) if yes else t("map.pilot_no", lang),
                                 "yes" if yes else "no")
    else:  # guarded by check_indicator; kept so a new code cannot fall through silently
        raise ValueError(f"no area values for indicator {indicator!r}")
    return cells


def _municipality_cells(indicator: str, state: AsOf, lang: str, statement: str | None) -> dict[str, Cell]:
    cells: dict[str, Cell] = {}
    munis = [m for m in facts.municipalities() if facts.area_by_code()[m.area_code].in_scope]
    if indicator in AREA_ONLY_INDICATORS:
        by_area = _area_cells(indicator, state, lang, statement)
        return {m.code: by_area[m.area_code] for m in munis}
    if indicator == COUNCIL_APPROVAL:
        for m in munis:
            code = state.council_status.get(m.code)
            if m.area_code == facts.HELSINKI_AREA_CODE:
                cells[m.code] = _not_applicable(lang)
            else:
                cells[m.code] = (Cell(None, enum_label("ApprovalStatus", code, lang), code) if code
                                 else _no_data(lang, "map.no_decision"))
    elif indicator == FORUM_PARTICIPATION:
        for m in munis:
            n = forums_of(state, OrgType.MUNICIPALITY, m.code)
            cells[m.code] = Cell(float(n), format_number(n, lang), f"b{bin_index(n, MUNICIPALITY_FORUM_BINS)}")
    elif indicator == FORUM_COVERAGE:
        for m in munis:
            n = forums_of(state, OrgType.MUNICIPALITY, m.code)
            cells[m.code] = Cell(float(n > 0), t("map.attended", lang) if n else t("map.not_attended", lang),
                                 "yes" if n else "no", tn("map.detail.forums", n, lang))
    else:
        raise ValueError(f"no municipality values for indicator {indicator!r}")
    return cells


def indicator_values(indicator: str, level: str, source: Mapping[str, pd.DataFrame] | AsOf, lang: str, *,
                     statement: str | None = None, today: date | None = None) -> IndicatorValues:
    """One row per area (all 23) or municipality (all 308) with its value, text and colour class.

    `frames` holds the raw frames named in KINDS_NEEDED. Åland and its municipalities are
    'not in scope', never 'no data'. For the survey, `statement` picks the statement (default:
    the first of the latest wave).
    """
    check_indicator(indicator, level)
    state = source if isinstance(source, AsOf) else indicators.resolve(source, today or finnish_today())
    if indicator == SURVEY_VALUE and statement is None:
        statement = next(iter(survey_statements(state)), None)
    classes = colour_classes(indicator, level, lang)
    colour_of = {c.key: c.colour for c in classes}
    area_of = facts.area_by_code()
    rows = []
    if level == LEVEL_AREAS:
        cells: Mapping[object, Cell] = _area_cells(indicator, state, lang, statement)
        for a in facts.areas():
            cell = cells.get(a.code) or _out_of_scope(lang)
            rows.append((a.code, a.name(lang), a.code, a.name(lang), a.in_scope, cell))
    else:
        cells = _municipality_cells(indicator, state, lang, statement)
        for m in sorted(facts.municipalities(), key=lambda m: m.code):
            area = area_of[m.area_code]
            cell = cells.get(m.code) or _out_of_scope(lang)
            rows.append((m.code, m.name(lang), m.area_code, area.name(lang), area.in_scope, cell))
    unknown = {r[5].cls for r in rows} - set(colour_of)
    if unknown:  # a status code the legend does not know would silently show white
        raise ValueError(f"{indicator}: values {sorted(unknown)} have no colour class")
    frame = pd.DataFrame({
        "code": [r[0] for r in rows],
        "name": [r[1] for r in rows],
        "area_code": [r[2] for r in rows],
        "area": [r[3] for r in rows],
        "in_scope": [r[4] for r in rows],
        "value": [r[5].value for r in rows],
        "label": [r[5].label for r in rows],
        "cls": [r[5].cls for r in rows],
        "colour": [colour_of[r[5].cls] for r in rows],
        "detail": [r[5].detail for r in rows],
    })
    inherited = level == LEVEL_MUNICIPALITIES and indicator in AREA_ONLY_INDICATORS
    return IndicatorValues(indicator, level, lang, frame, classes, inherited,
                           statement if indicator == SURVEY_VALUE else None)


def legend_rows(values: IndicatorValues) -> list[tuple[ColourClass, int]]:
    """Each legend class with how many areas or municipalities it holds (empty classes kept,
    so the scale reads the same on every map)."""
    counts = values.counts()
    return [(c, int(counts.get(c.key, 0))) for c in values.classes]


def ink_for(colour: str) -> str:
    """Black or white text, whichever reads better on the fill (WCAG relative luminance)."""
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in hex_to_rgb(colour))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    # Contrast with white is (1.05)/(L+0.05), with black (L+0.05)/0.05; they are equal at L≈0.179.
    return "#FFFFFF" if luminance < 0.179 else "#000000"


def swatch_data_uri(colour: str) -> str:
    """A small outlined colour square as an SVG data URL (for an image column in a legend table)."""
    r, g, b = hex_to_rgb(colour)  # validates: only a colour ever goes into the markup
    svg = (f"<svg xmlns='http://www.w3.org/2000/svg' width='36' height='18'>"
           f"<rect x='0.5' y='0.5' width='35' height='17' rx='2' fill='#{r:02X}{g:02X}{b:02X}' "
           f"stroke='#333333'/></svg>")
    return "data:image/svg+xml;utf8," + quote(svg, safe="/:=' ")


def tile_values(values: IndicatorValues) -> pd.DataFrame:
    """Area-level values for the tile grid: code, label, class_label, ink."""
    if values.level != LEVEL_AREAS:
        raise ValueError("the tile grid shows areas; pass area-level values")
    label_of = {c.key: c.label for c in values.classes}
    frame = values.frame
    return pd.DataFrame({"code": frame["code"], "label": frame["label"],
                         "class_label": frame["cls"].map(label_of),
                         "ink": frame["colour"].map(ink_for)})


def filter_rows(values: IndicatorValues, area: int | None, municipalities: Sequence[str] = ()) -> pd.DataFrame:
    """The rows the sidebar filters select (the map itself always shows the whole country)."""
    frame = values.frame
    if area is not None:
        frame = frame[frame["area_code"] == area]
    if municipalities and values.level == LEVEL_MUNICIPALITIES:
        frame = frame[frame["code"].isin(list(municipalities))]
    return frame


# --------------------------------------------------------------------------- view


def view_for_bounds(bounds: Sequence[float], width_px: int, height_px: int,
                    padding: float = VIEW_PADDING) -> dict[str, float]:
    """Centre and zoom (Web Mercator, as deck.gl's MapView) that fit lon/lat bounds in a viewport."""
    minx, miny, maxx, maxy = (float(b) for b in bounds)
    if not (minx <= maxx and miny <= maxy and miny > -85 and maxy < 85):
        raise ValueError(f"bounds {tuple(bounds)} are not lon/lat (minx, miny, maxx, maxy)")

    def merc_y(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    lon_span = max(maxx - minx, 1e-6) / 360
    y_span = max(merc_y(maxy) - merc_y(miny), 1e-6) / (2 * math.pi)
    zoom = math.log2(min(width_px * padding / (lon_span * DECK_TILE_SIZE),
                         height_px * padding / (y_span * DECK_TILE_SIZE)))
    centre_y = (merc_y(miny) + merc_y(maxy)) / 2
    latitude = math.degrees(2 * math.atan(math.exp(centre_y)) - math.pi / 2)
    return {"longitude": round((minx + maxx) / 2, 4), "latitude": round(latitude, 4),
            "zoom": round(min(max(zoom, MIN_ZOOM), MAX_ZOOM), 2)}


# --------------------------------------------------------------------------- deck spec


@dataclass(frozen=True, slots=True)
class MapSpec:
    """The deck.gl spec as compact JSON, and the tooltip Streamlit sends beside it."""

    json: str
    tooltip: dict[str, str]
    tolerance: float | None = None  # extra simplification applied to meet the budget, if any

    @property
    def size(self) -> int:
        return len(self.json.encode("utf-8"))


class SerializedDeck(pdk.Deck):
    """A pydeck Deck whose spec was serialised once beforehand (and cached).

    Streamlit 1.67's st.pydeck_chart takes only a Deck and calls its to_json() on every run;
    besides that it reads the tooltip (`_tooltip`), `mapbox_key` and `layers` (to convert
    DataFrames). Returning the cached string skips the heavy serialisation on reruns.
    """

    def __init__(self, spec: MapSpec) -> None:
        super().__init__(layers=[], map_provider=None, tooltip=spec.tooltip)
        self._spec_json = spec.json

    def to_json(self) -> str:
        return self._spec_json


# Building a pydeck Deck probes the environment (about 4 ms); reuse one per cached spec.
_DECKS: dict[str, SerializedDeck] = {}
MAX_DECKS = 64


def deck_for(spec: MapSpec) -> SerializedDeck:
    """One Deck per distinct spec, shared by every session: st.pydeck_chart only reads it."""
    deck = _DECKS.get(spec.json)
    if deck is None:
        if len(_DECKS) >= MAX_DECKS:
            _DECKS.pop(next(iter(_DECKS)))
        deck = _DECKS[spec.json] = SerializedDeck(spec)
    return deck


def _rounded(geoms: np.ndarray) -> np.ndarray:
    return shapely.transform(geoms, lambda c: np.round(c, COORDINATE_DECIMALS))


def _features(codes: Sequence[object], geoms: np.ndarray, props: Sequence[dict[str, object]] | None) -> dict:
    features = []
    for i, geom in enumerate(_rounded(geoms)):
        features.append({"type": "Feature", "properties": props[i] if props is not None else {},
                         "geometry": shapely.geometry.mapping(geom)})
    return {"type": "FeatureCollection", "features": features}


def _key(code: object) -> str:
    return str(code)


def _aligned(values: IndicatorValues, geometries: gpd.GeoDataFrame) -> pd.DataFrame:
    by_code = values.frame.set_index(values.frame["code"].map(_key))
    keys = geometries["code"].map(_key)
    missing = sorted(set(keys) - set(by_code.index))
    if missing:
        raise ValueError(f"map values lack {len(missing)} {values.level} of the boundaries: {', '.join(missing[:10])}")
    return by_code.loc[keys.tolist()]


def value_text(row: pd.Series) -> str:
    """A unit's value as its tooltip gives it: the label, with any detail in brackets."""
    label = str(row["label"])
    return f"{label} ({row['detail']})" if row["detail"] else label


def shape_frame(values: IndicatorValues, geometries: gpd.GeoDataFrame, area: int | None = None) -> pd.DataFrame:
    """The units with boundaries (those of `area` only, if given) as rows for a Vega-Lite
    geoshape chart: a GeoJSON geometry, code, name, area name, the value as text (`value`: the
    label; `tip`: with its detail, as the deck map's tooltip), the class label, its colour and
    the ink that reads on it. Colours and labels are the view's own, not computed again."""
    label_of = {c.key: c.label for c in values.classes}
    geometry = geometries.set_index(geometries["code"].map(_key)).geometry
    rows = values.frame if area is None else values.frame[values.frame["area_code"] == area]
    rows = rows[rows["code"].map(_key).isin(geometry.index)]
    shapes = _rounded(geometry.loc[rows["code"].map(_key).tolist()].to_numpy())
    return pd.DataFrame({
        "geometry": [shapely.geometry.mapping(g) for g in shapes],
        "code": rows["code"].map(_key).to_numpy(), "name": rows["name"].to_numpy(),
        "area": rows["area"].to_numpy(), "value": rows["label"].to_numpy(),
        "tip": [value_text(r) for _, r in rows.iterrows()],
        "cls": rows["cls"].map(label_of).to_numpy(), "colour": rows["colour"].to_numpy(),
        "ink": rows["colour"].map(ink_for).to_numpy(),
    })


def outline_geometries(geometries: gpd.GeoDataFrame, code: object) -> list[dict]:
    """The GeoJSON geometries of one unit (e.g. the chosen area), rounded as the map's shapes."""
    chosen = geometries[geometries["code"].map(_key) == _key(code)]
    if chosen.empty:
        raise ValueError(f"no boundary for {code}")
    return [shapely.geometry.mapping(g) for g in _rounded(chosen.geometry.values.to_numpy())]


def tooltip_for(values: IndicatorValues) -> dict[str, str]:
    """Text (never HTML) tooltip: the frontend fills {n} etc. from each feature's properties."""
    heading = indicator_title(values.indicator, values.level, values.lang)
    first = "{n}\n{a}" if values.level == LEVEL_MUNICIPALITIES else "{n}"
    return {"text": f"{first}\n{heading}: {{v}}",
            "style": {"backgroundColor": "#FFFFFF", "color": "#1A1A1A", "border": "1px solid #555555",
                      "fontSize": "13px", "padding": "6px 8px", "whiteSpace": "pre-line"}}


def indicator_title(indicator: str, level: str, lang: str) -> str:
    check_indicator(indicator, level)
    return t(f"map.ind.{indicator}.{level}", lang)


def _properties(row: pd.Series, level: str) -> dict[str, object]:
    props: dict[str, object] = {"n": str(row["name"]), "v": value_text(row),
                                "c": [*hex_to_rgb(str(row["colour"])), FILL_ALPHA]}
    if level == LEVEL_MUNICIPALITIES:
        props["a"] = str(row["area"])
    return props


def _deck(values: IndicatorValues, geometries: gpd.GeoDataFrame, area_geometries: gpd.GeoDataFrame | None,
          focus: gpd.GeoDataFrame | None, view: dict[str, float], tooltip: dict[str, str]) -> pdk.Deck:
    rows = _aligned(values, geometries)
    props = [_properties(r, values.level) for _, r in rows.iterrows()]
    municipal = values.level == LEVEL_MUNICIPALITIES
    layers = [pdk.Layer(
        "GeoJsonLayer", _features(geometries["code"].tolist(), geometries.geometry.values, props),
        id=LAYER_FILL, pickable=True, stroked=True, filled=True, auto_highlight=True,
        highlight_color=[0, 0, 0, 60], get_fill_color="properties.c",
        get_line_color=list(BORDER_COLOUR), line_width_units="'pixels'",
        get_line_width=0.6 if municipal else 1.0, line_width_min_pixels=0.5,
    )]
    if municipal and area_geometries is not None:
        layers.append(pdk.Layer(
            "GeoJsonLayer", _features(area_geometries["code"].tolist(), area_geometries.geometry.values, None),
            id=LAYER_AREA_BORDERS, pickable=False, stroked=True, filled=False,
            get_line_color=list(AREA_BORDER_COLOUR), line_width_units="'pixels'", get_line_width=1.4,
        ))
    if focus is not None and len(focus):
        layers.append(pdk.Layer(
            "GeoJsonLayer", _features(focus["code"].tolist(), focus.geometry.values, None),
            id=LAYER_SELECTION, pickable=False, stroked=True, filled=False,
            get_line_color=list(SELECTION_COLOUR), line_width_units="'pixels'", get_line_width=3,
        ))
    return pdk.Deck(
        layers=layers,
        # No base map: map_provider=None keeps pydeck's "__MAP_STYLE__" marker, which Streamlit's
        # frontend drops; map_style=None would make it fall back to Carto tiles from the internet.
        map_provider=None,
        initial_view_state=pdk.ViewState(**view, min_zoom=MIN_ZOOM, max_zoom=MAX_ZOOM, pitch=0, bearing=0),
        tooltip=tooltip,
    )


def _simplified(frame: gpd.GeoDataFrame | None, tolerance: float | None) -> gpd.GeoDataFrame | None:
    if frame is None or tolerance is None:
        return frame
    # Together, as a coverage, so neighbours keep sharing their borders.
    geoms = shapely.coverage_simplify(frame.geometry.values.to_numpy(), tolerance)
    return gpd.GeoDataFrame({"code": frame["code"].to_numpy()}, geometry=geoms, crs=frame.crs)


def build_map_spec(values: IndicatorValues, geometries: gpd.GeoDataFrame, *,
                   area_geometries: gpd.GeoDataFrame | None = None, focus_area: int | None = None,
                   height: int = 520, width: int | None = None, budget: int | None = None) -> MapSpec:
    """The whole deck.gl spec as one compact JSON string.

    `geometries` are the level's boundaries (code, geometry); at municipality level
    `area_geometries` add the area borders on top. `focus_area` zooms to that area and
    outlines it. If the spec exceeds `budget` bytes (default: the level's budget), the area
    borders are dropped and then the shapes simplified further until it fits.
    """
    budget = SPEC_BUDGETS[values.level] if budget is None else budget
    tooltip = tooltip_for(values)
    areas_for_focus = area_geometries if area_geometries is not None else (
        geometries if values.level == LEVEL_AREAS else None)
    focus = None
    bounds: Sequence[float] = FINLAND_BOUNDS
    if focus_area is not None and areas_for_focus is not None:
        focus = areas_for_focus[areas_for_focus["code"].map(_key) == _key(focus_area)]
        if focus.empty:
            raise ValueError(f"no boundary for area {focus_area}")
        bounds = focus.total_bounds
    view = view_for_bounds(bounds, width or height, height, FOCUS_PADDING if focus is not None else VIEW_PADDING)

    outlines = area_geometries if values.level == LEVEL_MUNICIPALITIES else None
    # Area borders on the municipality map are the first thing to give up, then detail.
    attempts: list[tuple[float | None, gpd.GeoDataFrame | None]] = [(None, outlines)]
    if outlines is not None:
        attempts.append((None, None))
    attempts += [(tolerance, None) for tolerance in FALLBACK_TOLERANCES]
    for tolerance, borders in attempts:
        deck = _deck(values, _simplified(geometries, tolerance), _simplified(borders, tolerance),
                     _simplified(focus, tolerance), view, tooltip)
        # pydeck pretty-prints with indent=2; the browser needs none of that whitespace.
        compact = json.dumps(json.loads(deck.to_json()), separators=(",", ":"), ensure_ascii=False)
        spec = MapSpec(compact, tooltip, tolerance)
        if spec.size <= budget:
            break
    return spec


def example_frames() -> dict[str, pd.DataFrame]:
    """The example data set as the store would return it (for benchmarks and tests)."""
    from yhdyspinta import demo
    from yhdyspinta.kinds import get_kind

    built = {**demo.build(), "municipalities": facts.municipality_records()}
    return {k: pd.DataFrame(built[k], columns=list(get_kind(k).export_fields)) for k in KINDS_NEEDED}


def payload_bytes(level: str, *, cache_dir: Path | None = None, indicator: str = AGREEMENT_STATUS,
                  lang: str = "fi", focus_area: int | None = None,
                  frames: Mapping[str, pd.DataFrame] | None = None, package_dir: Path | None = None) -> int:
    """Bytes of the map spec the page sends for `level`, from the boundaries in use (the cache,
    else the packaged ones in `package_dir`, default the package's own).

    For benchmarks: the same code path as the page (minus Streamlit). Raises ValueError when
    neither holds boundaries.
    """
    from yhdyspinta.geodata import area_geometries, municipality_geometries

    check_indicator(indicator, level)
    areas = area_geometries(cache_dir=cache_dir, directory=package_dir)
    munis = (municipality_geometries(cache_dir=cache_dir, directory=package_dir)
             if level == LEVEL_MUNICIPALITIES else None)
    if areas is None or (level == LEVEL_MUNICIPALITIES and munis is None):
        raise ValueError(f"no usable boundaries in the reference cache {cache_dir or '(default)'} nor packaged; "
                         "import them with `python -m yhdyspinta reference import FILE`")
    values = indicator_values(indicator, level, frames or example_frames(), lang)
    geometries = munis if munis is not None else areas
    spec = build_map_spec(values, geometries, area_geometries=areas if munis is not None else None,
                          focus_area=focus_area)
    return spec.size
