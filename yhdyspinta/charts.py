"""Figures as data: Altair charts built from frames, with no Streamlit in sight."""

from __future__ import annotations

import altair as alt
import pandas as pd

from yhdyspinta import palette
from yhdyspinta.i18n import DEFAULT_LANGUAGE, t
from yhdyspinta.tilegrid import tiles

NO_DATA = "–"
AXIS_INK = palette.AXIS_INK
# Wide enough for the longest short name ("Mellersta Österbotten") at 10 px.
TILE_WIDTH = 130
TILE_HEIGHT = 50
GRID_COLUMNS = 4
GRID_ROWS = 8


# How Vega writes numbers (axes, legends, formatted text) in each language: a decimal comma and a
# no-break space between thousands in Finnish and Swedish.
NUMBER_LOCALES = {
    "fi": {"decimal": ",", "thousands": "\u00a0", "grouping": [3], "currency": ["", "\u00a0€"]},
    "sv": {"decimal": ",", "thousands": "\u00a0", "grouping": [3], "currency": ["", "\u00a0€"]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["€", ""]},
}


# How Vega writes a day (d3 time format) in each language, as i18n.format_day writes it.
TIME_FORMATS = {"fi": "%-d.%-m.%Y", "sv": "%-d.%-m.%Y", "en": "%d/%m/%Y"}


def time_format(lang: str) -> str:
    return TIME_FORMATS.get(lang, TIME_FORMATS[DEFAULT_LANGUAGE])


def localised(chart: alt.TopLevelMixin, lang: str) -> alt.TopLevelMixin:
    """`chart` writing its numbers as `lang` does (a top-level chart: the setting is its config)."""
    number = NUMBER_LOCALES.get(lang, NUMBER_LOCALES[DEFAULT_LANGUAGE])
    return chart.configure(locale=alt.Locale(number=alt.NumberLocale(**number)))


def indicator_tile_frame(values: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Tiles coloured by any area-level indicator.

    `values` has one row per area: code, label (the value as text), class_label (its legend
    class) and ink (a text colour that reads on the fill). Areas without a row show no data.
    """
    by_code = values.set_index("code")
    rows = []
    for tile in tiles(lang):
        found = tile.code in by_code.index
        row = by_code.loc[tile.code] if found else None
        rows.append({"code": tile.code, "row": tile.row, "col": tile.col, "name": tile.label,
                     "value": str(row["label"]) if found else NO_DATA,
                     "class_label": str(row["class_label"]) if found else NO_DATA,
                     "ink": str(row["ink"]) if found else "#000000"})
    return pd.DataFrame(rows)


def indicator_tile_map(frame: pd.DataFrame, domain: list[str], colours: list[str], title: str,
                       legend_title: str, lang: str, *, show_legend: bool = True, font_size: int = 10,
                       tile_width: int = TILE_WIDTH, tile_height: int = TILE_HEIGHT) -> alt.Chart:
    """The tile grid coloured by legend class; each tile also says its value in words.

    `show_legend=False` when the page draws the same legend beside the chart; a projector asks
    for larger type and tiles."""
    base = alt.Chart(frame).encode(
        x=alt.X("col:O", axis=None), y=alt.Y("row:O", axis=None),
        tooltip=[alt.Tooltip("name:N", title=t("filter.area", lang)),
                 alt.Tooltip("value:N", title=legend_title)],
    )
    rect = base.mark_rect(stroke="#333333", strokeWidth=1, cornerRadius=3).encode(
        color=alt.Color("class_label:N", scale=alt.Scale(domain=domain, range=colours),
                        legend=alt.Legend(title=legend_title, orient="bottom", columns=2, labelLimit=260,
                                          titleLimit=520) if show_legend else None),
    )
    name = base.mark_text(baseline="bottom", dy=-2, fontSize=font_size).encode(
        text="name:N", color=alt.Color("ink:N", scale=None))
    value = base.mark_text(baseline="top", dy=4, fontSize=font_size - 1 if font_size < 20 else font_size).encode(
        text="value:N", color=alt.Color("ink:N", scale=None))
    # The title sits on the layered chart so the spec's top level names the figure.
    return (rect + name + value).properties(title=title, width=GRID_COLUMNS * tile_width,
                                            height=GRID_ROWS * tile_height)


WHOLE_TICKS_ONLY = "datum.value % 1 ? '' : datum.label"  # Vega expression: no label on a fractional tick
SERIES_WIDTH = 165  # px per small chart: four with their axes fit beside each other on a 1440 px screen
SERIES_HEIGHT = 90


def headline_series_chart(frame: pd.DataFrame, lang: str) -> alt.TopLevelMixin:
    """Each headline indicator at the end of each quarter, one small line chart per indicator
    (its own scale); `frame` has columns label, day, value, text (the value as shown)."""
    base = alt.Chart(frame).encode(
        x=alt.X("day:T", title=None, axis=alt.Axis(format="%Y", tickCount="year", labelColor=AXIS_INK)),
        # Whole-number tick labels: every headline figure is a count, a yes/no (0/1) or a
        # percentage, so a label of 0.5 would mean nothing (nor 0.000000 on a flat line of zeros).
        y=alt.Y("value:Q", title=None, axis=alt.Axis(tickCount=3, format="d", labelExpr=WHOLE_TICKS_ONLY,
                                                     labelColor=AXIS_INK)),
        tooltip=[alt.Tooltip("label:N", title=t("indicator.col.label", lang)),
                 alt.Tooltip("day:T", title=t("indicator.col.day", lang), format="%d.%m.%Y"),
                 alt.Tooltip("text:N", title=t("indicator.col.value", lang))],
    )
    lines = (base.mark_line(color=palette.BLUE) + base.mark_point(color=palette.BLUE, filled=True, size=25)).properties(
        width=SERIES_WIDTH, height=SERIES_HEIGHT)
    order = list(dict.fromkeys(frame["label"]))  # the cards' order, not the alphabet
    chart = lines.facet(facet=alt.Facet("label:N", title=None, sort=order, header=alt.Header(labelFontSize=13,
                                                                                         labelColor=AXIS_INK)),
                       columns=4).resolve_scale(y="independent").properties(title=t("indicator.series_title", lang))
    return localised(chart, lang)
