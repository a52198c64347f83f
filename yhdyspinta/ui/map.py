"""Map widgets: cached indicator values and deck specs, the choropleth with its legend and table.

Other pages call `choropleth()` or `small_map()`. The expensive thing, the deck.gl spec, is built
and serialised once per (data version, boundaries, level, indicator, language, area) and cached
as a string; a rerun only hands that string to Streamlit (see mapping.SerializedDeck).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyarrow as pa
import streamlit as st

from yhdyspinta import charts, config, indicators, mapping, slides
from yhdyspinta.domain import SMALL_N_THRESHOLD
from yhdyspinta.filters import Filters
from yhdyspinta.i18n import t, tn
from yhdyspinta.indicators.asof import finnish_today
from yhdyspinta.ui import charting, data, plain, tables

TABLE_INLINE = "inline"
TABLE_EXPANDER = "expander"
BoundaryStamp = tuple[str, int, int, str, int]
LEGEND_SWATCH_WIDTH = 56  # px
LEGEND_COUNT_WIDTH = 160  # px: room for "Alueita koko maassa"


# --------------------------------------------------------------------------- cached data


def boundary_stamp() -> BoundaryStamp:
    """Where the boundary cache and the packaged boundaries are and when their files were
    written: the key for cached maps (an import or a rebuilt package shows at once)."""
    from yhdyspinta.geodata import AREAS_FILE, MUNICIPALITIES_FILE
    from yhdyspinta.geodata import package as geo_package

    directory = config.geo_cache_dir()
    stamps = []
    for name in (MUNICIPALITIES_FILE, AREAS_FILE):
        try:
            stamps.append((directory / name).stat().st_mtime_ns)
        except OSError:
            stamps.append(0)
    return (str(directory), stamps[0], stamps[1], *geo_package.stamp())


@data.cached(max_entries=4)
def _boundaries(level: str, stamp: BoundaryStamp) -> gpd.GeoDataFrame | None:
    """The user's cache (fetch or import) first, then the boundaries shipped with the package."""
    from yhdyspinta.geodata import area_geometries, municipality_geometries

    loader = area_geometries if level == mapping.LEVEL_AREAS else municipality_geometries
    return loader(cache_dir=Path(stamp[0]), directory=Path(stamp[3]))


def boundaries_ready() -> bool:
    """Whether maps can be drawn (else the components fall back to the tile grid)."""
    stamp = boundary_stamp()
    return (_boundaries(mapping.LEVEL_AREAS, stamp) is not None
            and _boundaries(mapping.LEVEL_MUNICIPALITIES, stamp) is not None)


@data.cached(max_entries=16)
def survey_statements(version: int, today: date) -> tuple[str, ...]:
    return mapping.survey_statements(data.state(version, today))


def survey_wave(version: int, today: date) -> indicators.asof.SurveyWave | None:
    return data.state(version, today).wave


# Every map cache is keyed on the day too: figures that depend on the date (forums held,
# agreements in force) move on at midnight even when the data does not change.
@data.cached(max_entries=64)
def map_values(version: int, today: date, indicator: str, level: str, lang: str,
               statement: str | None) -> mapping.IndicatorValues:
    return mapping.indicator_values(indicator, level, data.state(version, today), lang, statement=statement)


@data.cached(max_entries=96)
def map_spec(version: int, today: date, stamp: BoundaryStamp, indicator: str, level: str, lang: str,
             statement: str | None, area: int | None, height: int) -> mapping.MapSpec | None:
    """The serialised deck spec, or None without boundaries. Cached: built once per key."""
    areas = _boundaries(mapping.LEVEL_AREAS, stamp)
    munis = _boundaries(mapping.LEVEL_MUNICIPALITIES, stamp) if level == mapping.LEVEL_MUNICIPALITIES else None
    if areas is None or (level == mapping.LEVEL_MUNICIPALITIES and munis is None):
        return None
    values = map_values(version, today, indicator, level, lang, statement)
    return mapping.build_map_spec(values, munis if munis is not None else areas,
                                  area_geometries=areas if munis is not None else None,
                                  focus_area=area, height=height)


SLIDE_MAP_WIDTH = 860  # px: the map's column on a 1920 px projector (Streamlit stretches it to fit)


@data.cached(max_entries=64)
def slide_map_spec(version: int, today: date, stamp: BoundaryStamp, indicator: str, level: str, lang: str,
                   statement: str | None, area: int | None, height: int) -> dict | None:
    """The presentation's map as a Vega-Lite geoshape spec (SVG: no deck.gl to start in the
    hall's browser), or None without boundaries. The country's areas (or municipalities), or
    the chosen area's municipalities inside its outline; each coloured by the map view's own
    values (`map_values`). Cached: built once per key."""
    areas = _boundaries(mapping.LEVEL_AREAS, stamp)
    shapes_level = mapping.LEVEL_MUNICIPALITIES if area is not None else level
    geometries = _boundaries(shapes_level, stamp) if shapes_level == mapping.LEVEL_MUNICIPALITIES else areas
    if areas is None or geometries is None:
        return None
    values = map_values(version, today, indicator, shapes_level, lang, statement)
    frame = mapping.shape_frame(values, geometries, area)
    outline = (pd.DataFrame({"geometry": mapping.outline_geometries(areas, area)}) if area is not None else None)
    return charting.build_spec(slides.projector_map, frame, outline,
                               mapping.indicator_title(indicator, shapes_level, lang),
                               shapes_level == mapping.LEVEL_MUNICIPALITIES, SLIDE_MAP_WIDTH, height, lang)


# --------------------------------------------------------------------------- widgets


def statement_select(filters: Filters, version: int, key: str) -> str | None:
    """The survey statement to colour by (latest wave); None when there are no area results."""
    options = survey_statements(version, finnish_today())
    if not options:
        st.info(t("map.no_statements", filters.lang), icon="ℹ️")
        return None
    return st.selectbox(t("map.statement", filters.lang), options, key=key)


@data.cached(max_entries=128)
def legend_frame(version: int, today: date, indicator: str, level: str, lang: str,
                 statement: str | None) -> pd.DataFrame:
    """The colours with their meaning and how many areas or municipalities each holds."""
    values = map_values(version, today, indicator, level, lang, statement)
    rows = mapping.legend_rows(values)
    return pd.DataFrame({
        t("map.legend.colour", lang): [mapping.swatch_data_uri(c.colour) for c, _ in rows],
        t("map.legend.class", lang): [c.label for c, _ in rows],
        t(f"map.legend.count.{level}", lang): [n for _, n in rows],
    })


def legend(frame: pa.Table, title: str, key: str) -> None:
    st.markdown(f"**{title}**")
    colour_col, _, count_col = frame.column_names
    tables.dataframe(frame, hide_index=True, width="stretch", key=key,
                 column_config={colour_col: st.column_config.ImageColumn(colour_col, width=LEGEND_SWATCH_WIDTH),
                                count_col: st.column_config.NumberColumn(count_col, width=LEGEND_COUNT_WIDTH)})


def _projector_legend(version: int, today: date, indicator: str, level: str, lang: str, statement: str | None,
                      title: str) -> None:
    """The legend for a hall: a static table (type set by the slide's CSS), each class's colour
    as its first cell's background. No chart or data grid: the map slide loads nothing but its SVG map."""
    rows = mapping.legend_rows(map_values(version, today, indicator, level, lang, statement))
    colours = [c.colour for c, _ in rows]
    swatch = t("map.legend.colour", lang)
    frame = pd.DataFrame({swatch: [""] * len(rows),
                          t("map.legend.class", lang): [plain.escape(c.label) for c, _ in rows],
                          t(f"map.legend.count.{level}", lang): [n for _, n in rows]})
    styled = frame.style.apply(lambda _column: [f"background-color: {c}" for c in colours], subset=[swatch])
    st.markdown(f"**{plain.escape(title)}**")
    st.table(styled, hide_index=True, width="content")


def table_frame(values: mapping.IndicatorValues, filters: Filters) -> pd.DataFrame:
    """The map's data for people: names, the value in words, its class and any detail."""
    lang = values.lang
    rows = mapping.filter_rows(values, filters.area, filters.municipalities)
    label_of = {c.key: c.label for c in values.classes}
    classes = rows["cls"].map(label_of)
    municipal = values.level == mapping.LEVEL_MUNICIPALITIES
    out = pd.DataFrame({
        t("map.col.code", lang): rows["code"].astype(str),
        t("map.col.municipality", lang) if municipal else t("map.col.area", lang): rows["name"],
    })
    if municipal:
        out[t("map.col.area", lang)] = rows["area"]
    out[mapping.indicator_title(values.indicator, values.level, lang)] = rows["label"]
    if (classes != rows["label"]).any():
        out[t("map.col.class", lang)] = classes
    if rows["detail"].astype(bool).any():
        out[t("map.col.detail", lang)] = rows["detail"]
    return out.sort_values(out.columns[1], key=lambda s: s.str.lower()).reset_index(drop=True)


@dataclass(frozen=True)
class MapView:
    """What one map needs on a rerun, fetched from the cache in one call:
    each cached call costs a hash of its arguments, which on a page as small as the overview
    is a noticeable share of the rerun."""

    spec: mapping.MapSpec | None  # the deck map; None on a slide or without boundaries
    chart: dict | None  # a slide's SVG map (Vega-Lite); None elsewhere or without boundaries
    legend: pa.Table
    legend_title: str
    inherited: bool
    table: pa.Table


# Keyed on the chosen municipalities too, and each entry holds a deck spec (up to ~200 KB for
# municipalities): few entries bound the memory; a miss costs little, the parts are cached.
MAP_VIEW_ENTRIES = 32


@data.shared(max_entries=MAP_VIEW_ENTRIES)
def map_view(version: int, today: date, stamp: BoundaryStamp, indicator: str, level: str, statement: str | None,
             filters: Filters, height: int, projector: bool = False) -> MapView:
    lang = filters.lang
    spec = chart = None
    if projector:
        chart = slide_map_spec(version, today, stamp, indicator, level, lang, statement, filters.area, height)
    else:
        spec = map_spec(version, today, stamp, indicator, level, lang, statement, filters.area, height)
    # The tile grid shows areas whatever the level; its legend must match what is drawn.
    legend_level = level if spec is not None or chart is not None else mapping.LEVEL_AREAS
    values = map_values(version, today, indicator, level, lang, statement)
    legend = legend_frame(version, today, indicator, legend_level, lang, statement)
    return MapView(spec=spec, chart=chart, legend=data.arrow_table(legend),
                   legend_title=mapping.indicator_title(indicator, legend_level, lang),
                   inherited=values.inherited, table=data.arrow_table(table_frame(values, filters)))


def _table(frame: pa.Table, filters: Filters, placement: str, key: str, *, count: bool = True) -> None:
    if placement == TABLE_EXPANDER:
        with st.expander(t("map.table", filters.lang)):
            tables.dataframe(frame, hide_index=True, width="stretch", key=key)
            if count:
                st.caption(tn("common.rows", len(frame), filters.lang))
        return
    st.subheader(t("map.table", filters.lang))
    tables.dataframe(frame, hide_index=True, width="stretch", key=key)
    st.caption(tn("common.rows", len(frame), filters.lang))


def _tile_grid(filters: Filters, version: int, today: date, indicator: str, statement: str | None,
               key: str, *, projector: bool = False) -> pd.DataFrame:
    """Without boundaries: the areas on the tile grid, coloured like the map would be. The legend
    beside it is the area-level one (the tiles are areas), so the chart draws none of its own.
    Returns the tiles drawn (name, value …)."""
    values = map_values(version, today, indicator, mapping.LEVEL_AREAS, filters.lang, statement)
    frame = charts.indicator_tile_frame(mapping.tile_values(values), filters.lang)
    title = mapping.indicator_title(indicator, mapping.LEVEL_AREAS, filters.lang)
    charting.altair(slides.projector_tile_map if projector else charts.indicator_tile_map, frame,
                    [c.label for c in values.classes], [c.colour for c in values.classes],
                    t("home.tile_map", filters.lang), title, filters.lang, show_legend=False, width="content",
                    key=key)
    return frame


def agreement_tile_grid(filters: Filters, version: int, key: str) -> None:
    """The areas' strategic agreements on the tile grid with the map's legend beside it, classed
    as the map classes them (an expired agreement too), and the same in words: for a page that
    shows the grid on its own."""
    lang, today, indicator = filters.lang, finnish_today(), mapping.AGREEMENT_STATUS
    title = mapping.indicator_title(indicator, mapping.LEVEL_AREAS, lang)
    grid, beside = st.columns([3, 2], gap="medium")
    with grid:
        tiles = _tile_grid(filters, version, today, indicator, None, key)
    with beside:
        legend(data.arrow_table(legend_frame(version, today, indicator, mapping.LEVEL_AREAS, lang, None)),
               title, f"{key}.legend")
    with st.expander(t("home.tile_map", lang)):
        tables.dataframe(tiles[["name", "value"]].rename(columns={"name": t("filter.area", lang), "value": title}),
                         hide_index=True)


def _notes(version: int, today: date, indicator: str, lang: str, inherited: bool) -> None:
    if inherited:
        st.caption(t("map.inherited", lang))
    if indicator == mapping.SURVEY_VALUE:
        wave = survey_wave(version, today)
        if wave is not None:
            st.caption(plain.text("map.survey_wave", lang, survey=wave.survey, wave=wave.wave, n=SMALL_N_THRESHOLD))


# Elements drawn for a slide, replayed per key: one for each area, view and language.
PROJECTOR_ENTRIES = 128


@data.replayed(max_entries=PROJECTOR_ENTRIES)
def _projector_map(version: int, today: date, stamp: BoundaryStamp, indicator: str, level: str,
                   statement: str | None, filters: Filters, height: int, key: str, legend_beside: bool) -> None:
    """The map for a hall, recorded once per key and replayed: the SVG map (a Vega-Lite geoshape
    chart, no deck.gl to start in the hall's browser), the legend and the table as static tables
    in the slide's type, or the tile grid in large type. Its spec carries the geometry, which
    Streamlit would otherwise serialise and parse again on every run (bench/load.py under py-spy:
    about half of the map slide's samples, with the styled legend)."""
    lang = filters.lang
    view = map_view(version, today, stamp, indicator, level, statement, filters, height, True)
    drawn = view.chart is not None
    map_box, legend_box = (st.columns([3, 2], gap="medium") if legend_beside
                           else (contextlib.nullcontext(), contextlib.nullcontext()))
    with map_box:
        if view.chart is None:
            st.caption(t("banner.no_boundaries", lang))
            _tile_grid(filters, version, today, indicator, statement, f"{key}.tiles", projector=True)
            if level == mapping.LEVEL_MUNICIPALITIES:
                st.caption(t("map.tiles_note", lang))
        else:
            title = mapping.indicator_title(indicator, level, lang)
            charting.show(view.chart, width="stretch", key=f"{key}.svg", alt_text=t("map.alt", lang, title=title),
                          downloads=False)
    with legend_box:
        _projector_legend(version, today, indicator, level if drawn else mapping.LEVEL_AREAS, lang,
                          statement, view.legend_title)
        _notes(version, today, indicator, lang, view.inherited)
    with st.expander(t("map.table", lang)):
        st.table(view.table.to_pandas().map(plain.escape), hide_index=True)
    st.caption(data.boundary_credit(lang) if drawn else t("map.source", lang))


def render_map(filters: Filters, version: int, *, indicator: str, level: str, key: str, height: int,
               statement: str | None = None, table: str = TABLE_EXPANDER, compact: bool = False,
               legend_beside: bool | None = None, projector: bool = False) -> None:
    """Map (or tile grid), legend, notes, table and source; shared by the map page and components.

    `compact` turns the missing-boundaries warning into a caption; the legend goes beside the
    map unless compact (override with `legend_beside`, e.g. on a wide, short projector).
    `projector` draws for a hall (`_projector_map`)."""
    mapping.check_indicator(indicator, level)
    today = finnish_today()
    if indicator == mapping.SURVEY_VALUE and statement is None:
        statement = next(iter(survey_statements(version, today)), None)
    beside = legend_beside if legend_beside is not None else not compact
    if projector:
        _projector_map(version, today, boundary_stamp(), indicator, level, statement, filters, height, key, beside)
        return
    stamp = boundary_stamp()
    view = map_view(version, today, stamp, indicator, level, statement, filters, height)
    # A drawn map is the same for every viewer of the same filters: recorded once, replayed.
    # The tile grid is not (its chart goes into the page's images download on every run).
    draw = _page_map_replayed if view.spec is not None else _page_map
    draw(version, today, stamp, indicator, level, statement, filters, height, key, table, compact, beside)


def _page_map(version: int, today: date, stamp: BoundaryStamp, indicator: str, level: str, statement: str | None,
              filters: Filters, height: int, key: str, table: str, compact: bool, beside: bool) -> None:
    lang = filters.lang
    view = map_view(version, today, stamp, indicator, level, statement, filters, height)
    spec = view.spec
    drawn = spec is not None
    if not beside:
        # One below the other needs no containers of its own (each would be one more block).
        map_box = legend_box = contextlib.nullcontext()
    else:
        map_box, legend_box = st.columns([3, 2], gap="medium")
    with map_box:
        if not drawn:
            if compact:
                st.caption(t("banner.no_boundaries", lang))
            else:
                st.warning(t("banner.no_boundaries", lang), icon=":material/map:")
            _tile_grid(filters, version, today, indicator, statement, f"{key}.tiles")
            if level == mapping.LEVEL_MUNICIPALITIES:
                st.caption(t("map.tiles_note", lang))
        else:
            title = mapping.indicator_title(indicator, level, lang)
            st.pydeck_chart(mapping.deck_for(spec), height=height, width="stretch",
                            alt=t("map.alt", lang, title=title), key=f"{key}.deck")
    with legend_box:
        legend(view.legend, view.legend_title, f"{key}.legend")
        _notes(version, today, indicator, lang, view.inherited)
    # A compact area map's table holds at most the 22 areas, all in view: no row count needed.
    _table(view.table, filters, table, f"{key}.table", count=not compact or level != mapping.LEVEL_AREAS)
    if not drawn:
        st.caption(t("map.source", lang))
    else:
        st.caption(data.boundary_credit(lang))


# Keyed on the filters (chosen municipalities too): bounded like the map views.
_page_map_replayed = data.replayed(max_entries=PROJECTOR_ENTRIES)(_page_map)


def choropleth(filters: Filters, version: int, *, indicator: str, level: str, key: str, height: int = 520) -> None:
    """A full map with legend and data table. For the survey a statement selector (key
    f"{key}.statement") comes first."""
    statement = None
    if indicator == mapping.SURVEY_VALUE:
        statement = statement_select(filters, version, f"{key}.statement")
    render_map(filters, version, indicator=indicator, level=level, key=key, height=height,
               statement=statement, table=TABLE_EXPANDER)


def small_map(filters: Filters, version: int, *, indicator: str = mapping.AGREEMENT_STATUS,
              level: str = mapping.LEVEL_AREAS, key: str, height: int = 360, legend_beside: bool = False,
              projector: bool = False) -> None:
    """A compact map for overview pages: legend below, table in an expander, no controls
    (the survey shows the first statement of the latest wave)."""
    render_map(filters, version, indicator=indicator, level=level, key=key, height=height,
               table=TABLE_EXPANDER, compact=True, legend_beside=legend_beside, projector=projector)
