"""What a take-home report holds: one area's scorecard on a day, as data.

Every figure comes from the indicator catalogue and is shown as its labels give it
(`labels.table`, `labels.value_text`); every chart is the Vega-Lite spec the app draws
(`yhdyspinta.charts`, `yhdyspinta.profile`), and the map is a Vega-Lite geoshape chart of the
area's municipalities from the loaded boundaries, coloured as the app's map colours them.
The PDF and the slides (`pdf.py`, `slides.py`) only lay this out.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import altair as alt
import geopandas as gpd
import pandas as pd
import shapely
from sqlalchemy import Engine

from yhdyspinta import charts, facts, indicators, mapping
from yhdyspinta import profile as prof
from yhdyspinta.display import source_credit
from yhdyspinta.domain import SMALL_N_THRESHOLD
from yhdyspinta.geodata import registry
from yhdyspinta.i18n import format_day, t, tn
from yhdyspinta.indicators import labels
from yhdyspinta.indicators.asof import finnish_today
from yhdyspinta.store import repository as repo

SpecBuilder = Callable[..., dict[str, Any]]

# The frames the scorecard reads: what the indicators need, plus the change log (it dates
# survey waves and council decisions as the app does).
KINDS: tuple[str, ...] = (*indicators.KINDS_NEEDED, "changelog")

MAP_INDICATOR = mapping.COUNCIL_APPROVAL  # as the area profile's own map
MAP_WIDTH = 520
MAP_HEIGHT = 640
MAP_LABEL_SIZE = 9
MAP_BORDER = "#FFFFFF"
AREA_BORDER = "#1E1E1E"
# d3's transverse Mercator turned to 27° E, the central meridian of Finland's own grid
# (ETRS-TM35FIN), so the country stands upright as on Finnish maps.
MAP_PROJECTION: dict[str, Any] = {"type": "transverseMercator", "rotate": [-27, 0, 0]}

SECTION_TITLE = "title"
SECTION_INDICATORS = "indicators"
SECTION_MAP = "map"
SECTION_SOURCES = "sources"


@dataclass(frozen=True)
class IndicatorRow:
    """One line of the scorecard, every text as the catalogue's labels give it."""

    indicator: str
    label: str
    area: str
    country: str
    n: str
    updated: str
    definition: str
    note: str  # the small-sample flag, or ""
    about: str  # what the app's help beside the figure says: definition, sources, update day, N


@dataclass(frozen=True)
class Figure:
    """A chart of the report: its heading, the Vega-Lite spec and a note under it."""

    key: str
    heading: str
    spec: dict[str, Any]
    note: str = ""


@dataclass(frozen=True)
class Report:
    lang: str
    area: int
    area_name: str
    as_of: date
    generated_on: date
    title: str
    subtitle: str  # "Tilanne 29.11.2026"
    data_line: str  # data version, last update, day made
    example_data: bool
    columns: tuple[str, str, str, str, str]  # indicator, the area, the whole country, N, note
    rows: tuple[IndicatorRow, ...]
    table_notes: tuple[str, ...]
    figures: tuple[Figure, ...]  # the charts, then the map (when boundaries are loaded)
    map_missing: str | None
    sources: tuple[str, ...]

    def sections(self) -> list[str]:
        """The report's parts in order: one slide each, one heading each in the PDF."""
        return [SECTION_TITLE, SECTION_INDICATORS, *(f.key for f in self.figures), SECTION_SOURCES]

    def file_stem(self) -> str:
        return f"yhdyspinta_{self.area}_{self.as_of.isoformat()}_{self.lang}"


_THEME_LOCK = threading.Lock()


def altair_spec(build: Callable[..., alt.TopLevelMixin], *args: Any, **kwargs: Any) -> dict[str, Any]:
    """The Vega-Lite spec of a chart builder, as the app hands it to Streamlit (Altair's theme
    off); the app passes its own `charting.build_spec`, which shares Streamlit's theme lock."""
    chart = build(*args, **kwargs)
    with _THEME_LOCK, alt.theme.enable("none"):
        return chart.to_dict()


def read_frames(engine: Engine) -> dict[str, pd.DataFrame]:
    return {kind: repo.read_kind(engine, kind) for kind in KINDS}


# --------------------------------------------------------------------------- the map


def municipality_map(frame: pd.DataFrame, outline: pd.DataFrame, domain: list[str], colours: list[str],
                     title: str, legend_title: str) -> alt.LayerChart:
    """The area's municipalities as shapes coloured by class, each named on it, inside the
    area's border. `frame` rows: a GeoJSON geometry, name, value (as text), class label and the
    label's point (lon, lat); `outline`: the area's geometry."""
    features = [{"type": "Feature", "geometry": r.geometry, "name": r.name, "value": r.value,
                 "cls": r.cls} for r in frame.itertuples()]
    shapes = alt.Chart(alt.Data(values=features)).mark_geoshape(stroke=MAP_BORDER, strokeWidth=0.8).encode(
        color=alt.Color("cls:N", scale=alt.Scale(domain=domain, range=colours),
                        legend=alt.Legend(title=None, orient="right", columns=1, labelLimit=260,
                                          titleLimit=260, labelColor="#000000", titleColor="#000000",
                                          symbolStrokeColor="#555555", symbolStrokeWidth=0.8)),
        tooltip=[alt.Tooltip("name:N"), alt.Tooltip("value:N", title=legend_title)],
    )
    border = alt.Chart(alt.Data(values=[{"type": "Feature", "geometry": g} for g in outline["geometry"]])
                       ).mark_geoshape(filled=False, stroke=AREA_BORDER, strokeWidth=1.6)
    names = alt.Chart(alt.Data(values=frame[["name", "lon", "lat", "ink"]].to_dict("records"))).mark_text(
        fontSize=MAP_LABEL_SIZE, fontWeight="bold").encode(
        longitude="lon:Q", latitude="lat:Q", text="name:N", color=alt.Color("ink:N", scale=None))
    return alt.layer(shapes, border, names).project(**MAP_PROJECTION).properties(
        title=title, width=MAP_WIDTH, height=MAP_HEIGHT)


def map_frame(values: mapping.IndicatorValues, area: int, municipalities: gpd.GeoDataFrame) -> pd.DataFrame:
    """The area's municipalities with their class, value and a point inside each for its name."""
    frame = mapping.shape_frame(values, municipalities, area)
    points = shapely.point_on_surface([shapely.geometry.shape(g) for g in frame["geometry"]])
    return frame.assign(lon=shapely.get_x(points), lat=shapely.get_y(points))


def _boundaries() -> tuple[gpd.GeoDataFrame | None, gpd.GeoDataFrame | None]:
    from yhdyspinta.geodata import load_area_geometries, load_municipality_geometries

    return load_municipality_geometries(), load_area_geometries()


def _map_figure(area: int, state: indicators.AsOf, lang: str, spec: SpecBuilder) -> Figure | None:
    municipalities, areas = _boundaries()
    if municipalities is None or areas is None:
        return None
    values = mapping.indicator_values(MAP_INDICATOR, mapping.LEVEL_MUNICIPALITIES, state, lang)
    frame = map_frame(values, area, municipalities)
    outline = areas[areas["code"].astype(int) == area]
    outline = pd.DataFrame({"geometry": [shapely.geometry.mapping(g) for g in outline.geometry]})
    title = mapping.indicator_title(MAP_INDICATOR, mapping.LEVEL_MUNICIPALITIES, lang)
    chart_spec = spec(municipality_map, frame, outline, [c.label for c in values.classes],
                      [c.colour for c in values.classes], title, title)
    return Figure(SECTION_MAP, t("report.map", lang), chart_spec, t("report.map_note", lang))


# --------------------------------------------------------------------------- the scorecard


def indicator_rows(area_values: dict[str, indicators.Value], country: dict[str, indicators.Value],
                   lang: str) -> tuple[IndicatorRow, ...]:
    """The catalogue's own table (`labels.table`), read row by row, with the small-sample flag."""
    table = labels.table(area_values.values(), lang, country=country)
    column = {"label": t("indicator.col.label", lang), "value": t("indicator.col.value", lang),
              "country": t("indicator.col.country", lang), "updated": t("indicator.col.updated", lang),
              "definition": t("indicator.col.definition", lang)}
    flag = t("indicator.small_n", lang, limit=SMALL_N_THRESHOLD)
    rows = []
    for (indicator, value), (_, row) in zip(area_values.items(), table.iterrows(), strict=True):
        notes = [flag] if value.small_n else []
        if country[indicator].small_n:
            notes.append(f"{t('indicator.col.country', lang)}: {flag}")
        rows.append(IndicatorRow(indicator, str(row[column["label"]]), str(row[column["value"]]),
                                 str(row[column["country"]]), str(row["N"]), str(row[column["updated"]]),
                                 str(row[column["definition"]]), "; ".join(notes), labels.help_text(value, lang)))
    return tuple(rows)


def _figures(area: int, frames: dict[str, pd.DataFrame], state: indicators.AsOf,
             states: list[indicators.AsOf], lang: str, spec: SpecBuilder) -> list[Figure]:
    """The charts the area profile shows, in its order."""
    where = indicators.Scope(area)
    series = {i: [indicators.evaluate(i, s, where) for s in states] for i in labels.HEADLINE_IDS}
    out = [Figure("series", t("indicator.series_title", lang),
                  spec(charts.headline_series_chart, labels.series_frame(series, lang), lang),
                  t("indicator.series_note", lang))]
    events = prof.agreement_events(area, frames, lang)
    if not events.empty:
        out.append(Figure("timeline", t("profile.timeline", lang), spec(prof.timeline_chart, events, lang)))
    participation = prof.participation_by_municipality(area, frames, state, lang)
    if not participation.empty:
        out.append(Figure("participation", t("profile.participation", lang),
                          spec(prof.participation_chart, participation, lang)))
    survey = prof.survey_comparison(area, state)
    if survey is not None:
        long = prof.survey_long(survey, area, lang)
        out.append(Figure("survey", t("profile.survey", lang), spec(prof.survey_chart, long, survey, lang),
                          t("profile.survey_note", lang, day=format_day(survey.published_on, lang))))
    maturity = prof.maturity_comparison(area, state)
    if maturity is not None:
        long = prof.maturity_long(maturity, area, lang)
        note = tn("profile.maturity_note", maturity.national_areas, lang,
                  day=format_day(maturity.assessed_on, lang), areas=maturity.national_areas,
                  respondents=tn("count.respondents", maturity.area_respondents, lang),
                  people=tn("count.respondents", maturity.national_respondents, lang))
        if not maturity.area_respondents:
            note = t("profile.no_maturity", lang) + " " + note
        out.append(Figure("maturity", t("profile.maturity", lang), spec(prof.maturity_chart, long, lang), note))
    return out


def source_lines(lang: str, version: int, with_map: bool) -> tuple[str, ...]:
    """Where the figures, the boundaries and the population come from (the registry's credit
    for what is loaded), and what drew the charts."""
    from yhdyspinta.geodata import status_in_use

    lines = [t("report.source.data", lang, version=version)]
    status = status_in_use()  # the user's cache, else the data shipped with the dashboard, as the app
    for dataset, key in ((status.municipalities, "report.source.boundaries"),
                         (status.population, "report.source.population")):
        if not dataset.available or (dataset is status.municipalities and not with_map):
            continue
        known = registry.SOURCES.get(dataset.data_source or "")
        credit = source_credit(dataset.data_source, lang)  # a registry credit names its licence
        year = str(dataset.year) if dataset.year else "–"
        if key == "report.source.boundaries":
            line = t("report.source.boundaries", lang, credit=credit, year=year)
        else:
            line = t("report.source.population", lang, credit=credit, year=year)
        lines.append(line + (f" {known.homepage}" if known else ""))
    lines.append(t("report.source.charts", lang))
    return tuple(lines)


def build(engine: Engine, area: int, lang: str, as_of: date, *, spec: SpecBuilder = altair_spec,
          frames: dict[str, pd.DataFrame] | None = None, today: date | None = None) -> Report:
    """The scorecard of `area` on `as_of` in `lang`, read from the store."""
    found = facts.area_by_code().get(area)
    if found is None or not found.in_scope:
        raise ValueError(f"{area} is not an area of the reform")
    frames = frames if frames is not None else read_frames(engine)
    days = labels.quarter_ends(as_of)
    states = [indicators.resolve(frames, day) for day in days]
    state = states[-1]
    area_values = indicators.evaluate_all(state, indicators.Scope(area))
    country = indicators.evaluate_all(state)
    version = repo.data_version(engine)
    updated = [v.last_updated for v in (*area_values.values(), *country.values()) if v.last_updated]
    generated = today or finnish_today()
    name = found.name(lang)
    figures = _figures(area, frames, state, states, lang, spec)
    map_figure = _map_figure(area, state, lang, spec)
    notes = []
    if area == facts.HELSINKI_AREA_CODE:
        notes.append(t("indicator.not_applicable_helsinki", lang))
    return Report(
        lang=lang, area=area, area_name=name, as_of=as_of, generated_on=generated,
        title=t("report.title", lang, area=name),
        subtitle=t("report.as_of", lang, day=format_day(as_of, lang)),
        data_line=t("report.data_line", lang, version=version,
                    updated=format_day(max(updated) if updated else None, lang),
                    generated=format_day(generated, lang)),
        example_data=repo.is_example_data(engine),
        columns=(t("indicator.col.label", lang), name, t("indicator.col.country", lang), "N",
                 t("report.col.note", lang)),
        rows=indicator_rows(area_values, country, lang),
        table_notes=tuple(notes),
        figures=tuple([*figures, map_figure] if map_figure else figures),
        map_missing=None if map_figure else t("report.map_missing", lang),
        sources=source_lines(lang, version, map_figure is not None),
    )
