"""Charts and tables of the analysis pages, built from `yhdyspinta.analysis` frames.

Pure: Altair objects and pandas frames, no Streamlit. Every chart carries its figures as text
(numbers on bars and cells, status words on tiles, ▶ before the chosen area), so colour is
never the only carrier; each `*_table` function gives the same figures as a table, with
headers and labels in the chosen language.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

import altair as alt
import pandas as pd

from yhdyspinta import analysis, facts, palette, tilegrid
from yhdyspinta.charts import NO_DATA, localised, time_format
from yhdyspinta.display import area_name
from yhdyspinta.domain import AgreementKind, MaturityLevel, Theme
from yhdyspinta.i18n import (
    column_label,
    enum_label,
    format_day,
    format_number,
    format_pct,
    format_signed,
    round_half_away,
    t,
)
from yhdyspinta.indicators import labels
from yhdyspinta.indicators.asof import SHOWN_STATUSES
from yhdyspinta.palette import EXPIRED_COLOUR, NOT_APPLICABLE_COLOUR, OUT_OF_SCOPE_COLOUR, STATUS_COLOURS
from yhdyspinta.store.schema import MATURITY_COLUMNS

BLUE, SKY, GREEN, ORANGE, VERMILLION, PURPLE, YELLOW = (
    palette.BLUE, palette.SKY, palette.GREEN, palette.ORANGE, palette.VERMILLION, palette.PURPLE, palette.YELLOW)
GREY, LIGHT_GREY, INK = palette.GREY, palette.LIGHT_GREY, "#1A1A1A"
COUNTRY_VS_AREA = (palette.COUNTRY_COLOUR, palette.AREA_COLOUR)
AXIS_INK = palette.AXIS_INK
HEADROOM = 1.18  # room right of the longest bar for its value label
BAR_COLOUR, HIGHLIGHT_COLOUR = SKY, BLUE
APPROVAL_COLOURS: dict[str, str] = {**palette.APPROVAL_COLOURS, analysis.NOT_SUBMITTED: LIGHT_GREY}
# Groups in a survey chart, in the order they first appear: colour and shape both tell them apart.
SERIES_COLOURS: tuple[str, ...] = (BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY, GREY)
SERIES_SHAPES: tuple[str, ...] = ("circle", "square", "triangle-up", "diamond", "cross", "triangle-down", "wedge")
HEAT_SCHEME = "blues"  # single-hue sequential: readable in every kind of colour vision
# Share of a heat scale's range above which a cell is dark enough to need white text.
DARK_CELL = 0.55
SELECTED_MARK = "▶ "
ROW_HEIGHT = 24  # px per row of a bar chart or grid: readable on a projector and a laptop
LABEL_LIMIT = 260  # px: long area and statement labels are cut (full text in the tables)
WRAP_CHARS = 42  # statement labels are wrapped to lines of this many characters
MIN_SEGMENT_LABEL = 0.07  # share of a stacked bar a segment needs to carry its count as text
EN_AREA_SUFFIX = " wellbeing services county"
MATURITY_SCALE = (1.0, 3.0)
MATURITY_TICKS = (1.0, 1.5, 2.0, 2.5, 3.0)


# ------------------------------------------------------------------------------ shared


def chart_area_name(code: int, lang: str) -> str:
    """A short area name for axes (the full one is in the tables)."""
    if lang == "en":
        return facts.area_by_code()[code].name_en.removesuffix(EN_AREA_SUFFIX)
    return tilegrid.short_name(code, lang)


def _marked(name: str, selected: bool) -> str:
    return SELECTED_MARK + name if selected else name


def _wrap(text: str, width: int = WRAP_CHARS) -> str:
    return "\n".join(textwrap.wrap(text, width, break_long_words=False)) or text


# Splits wrapped labels into lines in the browser (Vega draws an array as lines).
SPLIT_LINES = "split(datum.label, '\\n')"


def _finish(chart: alt.TopLevelMixin, lang: str, *, fit_width: bool = True) -> alt.TopLevelMixin:
    """Locale for numbers on axes, readable sizes on a projector. Only the width follows the
    page ("fit-x"): fitting the height too would squeeze the rows to make room for titles."""
    autosize = alt.AutoSizeParams(type="fit-x" if fit_width else "pad", contains="padding")
    return (localised(chart.properties(autosize=autosize), lang)
            .configure_axis(labelFontSize=12, titleFontSize=13, labelLimit=LABEL_LIMIT, labelColor=AXIS_INK,
                            titleColor=AXIS_INK)
            .configure_header(labelColor=AXIS_INK, titleColor=AXIS_INK)
            .configure_title(fontSize=16, anchor="start", subtitleFontSize=12)
            .configure_legend(labelFontSize=12, titleFontSize=12, labelLimit=LABEL_LIMIT, labelColor=AXIS_INK,
                              titleColor=AXIS_INK)
            .configure_view(stroke=None))


def _title(text: str, subtitle: str | None = None) -> alt.TitleParams:
    return alt.TitleParams(text=text, subtitle=subtitle or alt.Undefined)


def _mean_text(value: float | None, lang: str) -> str:
    return NO_DATA if value is None or pd.isna(value) else format_number(value, lang, 1)


def _change_text(value: float | None, lang: str) -> str:
    """A difference of means, signed, to the means' one decimal."""
    return NO_DATA if value is None or pd.isna(value) else format_signed(value, lang, 1)


def _pct_text(share: float | None, lang: str) -> str:
    return NO_DATA if share is None or pd.isna(share) else format_pct(share, lang)


def _points_text(value: float | None, lang: str) -> str:
    """A percentage value 0–100 as text, e.g. 43 %."""
    return NO_DATA if value is None or pd.isna(value) else format_pct(value / 100, lang)


@dataclass(frozen=True)
class Bars:
    """A horizontal bar chart: one bar per row of `frame[label]`, its value as text."""

    title: str
    x_title: str
    y_title: str
    subtitle: str | None = None
    x_format: str | None = None
    x_domain: tuple[float, float] | None = None
    x_ticks: tuple[float, ...] | None = None


def bar_chart(frame: pd.DataFrame, spec: Bars, lang: str, *, label: str = "label", value: str = "value",
              text: str = "text", highlight: str | None = "selected") -> alt.TopLevelMixin:
    """Bars in the frame's row order; rows whose `highlight` column is true are drawn darker
    (and carry ▶ in their label, put there by the caller)."""
    order = list(frame[label])
    top = float(frame[value].max()) if not frame.empty and frame[value].max() > 0 else 1.0
    domain = list(spec.x_domain) if spec.x_domain else [0, top * HEADROOM]
    x_scale = alt.Scale(domain=domain, nice=False)
    axis = alt.Axis(format=spec.x_format or alt.Undefined, values=list(spec.x_ticks) if spec.x_ticks else alt.Undefined)
    base = alt.Chart(frame).encode(
        y=alt.Y(f"{label}:N", sort=order, title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT, labelOverlap=False)),
        tooltip=[alt.Tooltip(f"{label}:N", title=spec.y_title), alt.Tooltip(f"{text}:N", title=spec.x_title)],
    )
    colour = (alt.condition(f"datum.{highlight}", alt.value(HIGHLIGHT_COLOUR), alt.value(BAR_COLOUR))
              if highlight and highlight in frame else alt.value(BAR_COLOUR))
    bars = base.mark_bar(height={"band": 0.75}).encode(
        x=alt.X(f"{value}:Q", title=spec.x_title, scale=x_scale, axis=axis), color=colour)
    labels = base.mark_text(align="left", dx=4, color=INK, fontSize=12).encode(x=alt.X(f"{value}:Q"), text=f"{text}:N")
    height = max(ROW_HEIGHT * len(frame), 60)
    return _finish(alt.layer(bars, labels, title=_title(spec.title, spec.subtitle)).properties(height=height), lang)


@dataclass(frozen=True)
class Heat:
    """A grid of cells coloured by `value` with `text` written in each."""

    title: str
    x_title: str
    y_title: str
    legend_title: str
    subtitle: str | None = None
    domain: tuple[float, float] | None = None


def heat_grid(frame: pd.DataFrame, spec: Heat, lang: str, *, x: str, y: str, x_order: Sequence[str],
              y_order: Sequence[str], value: str = "value", text: str = "text",
              highlight: str | None = "selected", x_label_angle: int = 0) -> alt.TopLevelMixin:
    values = frame[value].dropna()
    lo, hi = spec.domain or ((float(values.min()), float(values.max())) if not values.empty else (0.0, 1.0))
    dark_from = lo + DARK_CELL * (hi - lo) if hi > lo else float("inf")
    base = alt.Chart(frame).encode(
        x=alt.X(f"{x}:N", sort=list(x_order), title=spec.x_title,
                axis=alt.Axis(orient="top", labelAngle=x_label_angle, labelLimit=180, labelOverlap=False,
                              labelAlign="left" if x_label_angle else "center", labelExpr=SPLIT_LINES)),
        y=alt.Y(f"{y}:N", sort=list(y_order), title=spec.y_title,
                axis=alt.Axis(labelExpr=SPLIT_LINES, labelOverlap=False)),
        tooltip=[alt.Tooltip(f"{y}:N", title=spec.y_title), alt.Tooltip(f"{x}:N", title=spec.x_title),
                 alt.Tooltip(f"{text}:N", title=spec.legend_title)],
    )
    cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color(f"{value}:Q", scale=alt.Scale(scheme=HEAT_SCHEME, domain=[lo, hi]),
                        legend=alt.Legend(title=spec.legend_title, orient="bottom", direction="horizontal")))
    layers = [cells]
    if highlight and highlight in frame and frame[highlight].any():
        layers.append(alt.Chart(frame[frame[highlight]]).mark_rect(fill=None, stroke=INK, strokeWidth=2).encode(
            x=alt.X(f"{x}:N", sort=list(x_order)), y=alt.Y(f"{y}:N", sort=list(y_order))))
    layers.append(base.mark_text(fontSize=12).encode(
        text=f"{text}:N",
        color=alt.condition(f"datum.{value} >= {dark_from}", alt.value("white"), alt.value(INK))))
    height = max(ROW_HEIGHT * len(y_order), 60)
    return _finish(alt.layer(*layers, title=_title(spec.title, spec.subtitle)).properties(height=height), lang)


@dataclass(frozen=True)
class Dumbbell:
    """Two values per row (e.g. an area and the whole country) joined by a line."""

    title: str
    x_title: str
    y_title: str
    series: tuple[str, str]  # labels of the two value columns, in the legend
    subtitle: str | None = None
    x_domain: tuple[float, float] | None = None
    x_format: str | None = None
    x_ticks: tuple[float, ...] | None = None
    colours: tuple[str, str] = (palette.BLUE, palette.ORANGE)  # of the two series


def dumbbell_chart(frame: pd.DataFrame, spec: Dumbbell, lang: str, *, label: str = "label",
                   first: str = "first", second: str = "second", first_text: str = "first_text",
                   second_text: str = "second_text", bands: pd.DataFrame | None = None) -> alt.TopLevelMixin:
    """`frame` is wide (one row per label); the first series is drawn as circles with its value
    above, the second as squares with its value below, so neither needs colour to be read."""
    order = list(frame[label])
    long = pd.concat([
        pd.DataFrame({"label": frame[label], "series": spec.series[0], "value": frame[first],
                      "text": frame[first_text], "dy": -11}),
        pd.DataFrame({"label": frame[label], "series": spec.series[1], "value": frame[second],
                      "text": frame[second_text], "dy": 11}),
    ]).dropna(subset=["value"])
    scale = alt.Scale(domain=list(spec.x_domain), nice=False) if spec.x_domain else alt.Scale(zero=False)
    axis = alt.Axis(format=spec.x_format or alt.Undefined, values=list(spec.x_ticks) if spec.x_ticks else alt.Undefined,
                    tickCount=10)
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelExpr=SPLIT_LINES, labelOverlap=False))
    layers: list[alt.Chart] = []
    if bands is not None and not bands.empty:
        # One layer per band with a fixed fill: an encoded colour would join the series' legend.
        for band in bands.to_dict("records"):
            layers.append(alt.Chart(pd.DataFrame([band])).mark_rect(opacity=0.5, color=band["fill"]).encode(
                x=alt.X("start:Q", scale=scale), x2="end:Q"))
        layers.append(alt.Chart(bands).mark_text(align="left", baseline="bottom", dx=3, dy=-2, fontSize=11,
                                                 color="#333333").encode(
            x=alt.X("start:Q", scale=scale), y=alt.value(0), text="name:N"))
    wide = frame.rename(columns={label: "label"})[["label", first, second]].dropna()
    # Layers without data would leave unlabelled graphics in the SVG for screen readers: skip them.
    if not wide.empty:
        layers.append(alt.Chart(wide).mark_rule(color=GREY, strokeWidth=2).encode(
            y=y, x=alt.X(f"{first}:Q", scale=scale, title=spec.x_title, axis=axis), x2=f"{second}:Q"))
    # A series with no values (e.g. no area chosen) stays out of the legend.
    present = [i for i, name in enumerate(spec.series) if (long["series"] == name).any()]
    names = [spec.series[i] for i in present]
    colour = alt.Color("series:N", scale=alt.Scale(domain=names, range=[spec.colours[i] for i in present]),
                       legend=alt.Legend(title=None, orient="top"))
    shape = alt.Shape("series:N", scale=alt.Scale(domain=names, range=[("circle", "square")[i] for i in present]),
                      legend=alt.Legend(title=None, orient="top"))
    points = alt.Chart(long).encode(y=y, x=alt.X("value:Q", scale=scale, title=spec.x_title, axis=axis),
                                    tooltip=[alt.Tooltip("label:N", title=spec.y_title),
                                             alt.Tooltip("series:N", title=" "),
                                             alt.Tooltip("text:N", title=spec.x_title)])
    layers.append(points.mark_point(filled=True, size=120, opacity=1).encode(color=colour, shape=shape))
    for dy in (-11, 11):
        if not (long["dy"] == dy).any():
            continue
        layers.append(alt.Chart(long[long["dy"] == dy]).mark_text(dy=dy, fontSize=11, color=INK).encode(
            y=y, x=alt.X("value:Q", scale=scale), text="text:N"))
    height = max(2 * ROW_HEIGHT * len(order), 80)
    chart = alt.layer(*layers, title=_title(spec.title, spec.subtitle))
    return _finish(chart.properties(height=height), lang)


# -------------------------------------------------------------------------- agreements


def _status_label(status: str | None, in_scope: bool, lang: str, area: int | None = None) -> str:
    if not in_scope:
        return t("common.out_of_scope", lang)
    if area is not None and _not_applicable(status, area):
        return t("indicator.not_applicable", lang)
    return NO_DATA if _missing(status) else labels.status_text(status, lang)


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value))


def _dates(values: Sequence[object]) -> pd.Series:
    """Dates as datetime64 so a table sorts them and shows a gap (not "None") where one is missing."""
    return pd.Series(pd.to_datetime(list(values), errors="coerce"), dtype="datetime64[ns]")


def _grid_order(grid: pd.DataFrame) -> list[int]:
    """Areas in scope by how far their strategic agreement has come, then by code; Åland last."""
    strategic = grid[grid["kind"] == AgreementKind.COLLABORATION.value].set_index("area_code")
    codes = list(strategic.index)
    return sorted(codes, key=lambda c: (not strategic.at[c, "in_scope"], -strategic.at[c, "stage"], c))


def agreement_grid_chart(grid: pd.DataFrame, lang: str, selected: int | None) -> alt.TopLevelMixin:
    """Areas × agreement kinds; each cell coloured and labelled with the lifecycle status."""
    order = _grid_order(grid)
    frame = grid.copy()
    frame["area"] = [_marked(chart_area_name(c, lang), c == selected) for c in frame["area_code"]]
    frame["kind_label"] = [_wrap(enum_label("AgreementKind", k, lang), 22) for k in frame["kind"]]
    frame["status_label"] = [_status_label(s, i, lang, c) for s, i, c in zip(frame["status"], frame["in_scope"],
                                                                             frame["area_code"], strict=True)]
    frame["selected"] = frame["area_code"] == selected
    frame = frame.drop(columns=["approved_on", "title"])
    y_order = [_marked(chart_area_name(c, lang), c == selected) for c in order]
    x_order = [_wrap(enum_label("AgreementKind", k, lang), 22) for k in AgreementKind]
    domain = [*(labels.status_text(s, lang) for s in SHOWN_STATUSES), t("indicator.not_applicable", lang), NO_DATA,
              t("common.out_of_scope", lang)]
    colours = [*STATUS_COLOURS, EXPIRED_COLOUR, NOT_APPLICABLE_COLOUR, "#FFFFFF", OUT_OF_SCOPE_COLOUR]
    legend = t("analysis.agreements.status", lang)
    base = alt.Chart(frame).encode(
        x=alt.X("kind_label:N", sort=x_order, title=None,
                axis=alt.Axis(orient="top", labelAngle=0, labelExpr=SPLIT_LINES, labelFontWeight="bold")),
        y=alt.Y("area:N", sort=y_order, title=None),
        tooltip=[alt.Tooltip("area:N", title=t("filter.area", lang)),
                 alt.Tooltip("kind_label:N", title=column_label("kind", lang)),
                 alt.Tooltip("status_label:N", title=legend)],
    )
    cells = base.mark_rect(stroke="#666666", strokeWidth=0.5).encode(
        color=alt.Color("status_label:N", scale=alt.Scale(domain=domain, range=colours),
                        legend=alt.Legend(title=legend, orient="bottom", direction="horizontal", columns=4)))
    layers = [cells]
    if selected is not None:
        layers.append(alt.Chart(frame[frame["selected"]]).mark_rect(fill=None, stroke=INK, strokeWidth=3).encode(
            x=alt.X("kind_label:N", sort=x_order), y=alt.Y("area:N", sort=y_order)))
    layers.append(base.mark_text(fontSize=12, color=INK).encode(text="status_label:N"))
    chart = alt.layer(*layers, title=_title(t("analysis.agreements.grid_title", lang),
                                            t("analysis.agreements.grid_subtitle", lang)))
    return _finish(chart.properties(height=ROW_HEIGHT * len(order)), lang)


def agreement_grid_table(grid: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The grid as a table: one row per area, one status column per agreement kind."""
    rows = []
    for code in _grid_order(grid):
        of_area = grid[grid["area_code"] == code].set_index("kind")
        row = {column_label("area_name", lang): area_name(code, lang)}
        for kind in AgreementKind:
            cell = of_area.loc[kind.value]
            row[enum_label("AgreementKind", kind, lang)] = _status_label(cell["status"], bool(cell["in_scope"]), lang,
                                                                         code)
        rows.append(row)
    return pd.DataFrame(rows)


def lifecycle_table(counts: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        t("analysis.agreements.status", lang): [_status_label(s, True, lang) if not _missing(s) else
                                                t("analysis.agreements.no_agreement", lang) for s in counts["status"]],
        t("analysis.col.areas", lang): counts["areas"],
    })


def _approval_label(status: str, lang: str) -> str:
    if status == analysis.NOT_SUBMITTED:
        return t("analysis.agreements.not_submitted", lang)
    return enum_label("ApprovalStatus", status, lang)


def _approval_order(counts: pd.DataFrame) -> list[int]:
    share = counts.set_index("area_code")["approved_share"].fillna(-1)
    return sorted(share.index, key=lambda c: (-share[c], c))


def approval_chart(counts: pd.DataFrame, lang: str, selected: int | None, kind: str) -> alt.TopLevelMixin:
    """One bar per area split into approved / pending / rejected / not submitted councils,
    counts written in the segments and the approved share in the area's label."""
    rows = []
    labels: dict[int, str] = {}
    for r in counts.to_dict("records"):
        code = int(r["area_code"])
        name = chart_area_name(code, lang)
        share = _pct_text(r["approved_share"], lang)
        labels[code] = _marked(f"{name} · {share}", code == selected)
        start = 0.0
        for status in analysis.APPROVAL_ORDER:
            n = int(r[status])
            part = n / r["total"] if r["total"] else 0.0
            rows.append({"area": labels[code], "status": _approval_label(status, lang), "n": n,
                         "start": start, "end": start + part, "mid": start + part / 2,
                         "text": str(n) if n and part >= MIN_SEGMENT_LABEL else "",
                         "selected": code == selected,
                         "tip": f"{n} / {r['total']} ({_pct_text(part if r['total'] else None, lang)})"})
            start += part
    frame = pd.DataFrame(rows)
    order = [labels[c] for c in _approval_order(counts)]
    domain = [_approval_label(s, lang) for s in analysis.APPROVAL_ORDER]
    colours = [APPROVAL_COLOURS[s] for s in analysis.APPROVAL_ORDER]
    legend = t("analysis.agreements.council_decision", lang)
    y = alt.Y("area:N", sort=order, title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT))
    bars = alt.Chart(frame).mark_bar(height={"band": 0.75}).encode(
        y=y, x=alt.X("start:Q", title=t("analysis.agreements.share_of_municipalities", lang),
                     scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format="%")), x2="end:Q",
        color=alt.Color("status:N", scale=alt.Scale(domain=domain, range=colours),
                        legend=alt.Legend(title=legend, orient="top")),
        stroke=alt.condition("datum.selected", alt.value(INK), alt.value(None)),
        strokeWidth=alt.condition("datum.selected", alt.value(2), alt.value(0)),
        tooltip=[alt.Tooltip("area:N", title=t("filter.area", lang)), alt.Tooltip("status:N", title=legend),
                 alt.Tooltip("tip:N", title=t("analysis.col.municipalities", lang))])
    text = alt.Chart(frame).mark_text(fontSize=11, color=INK).encode(y=y, x="mid:Q", text="text:N")
    title = _title(t("analysis.agreements.approval_title", lang, kind=enum_label("AgreementKind", kind, lang)),
                   t("analysis.agreements.approval_subtitle", lang))
    return _finish(alt.layer(bars, text, title=title).properties(height=ROW_HEIGHT * len(order)), lang)


def approval_table(counts: pd.DataFrame, lang: str) -> pd.DataFrame:
    out = pd.DataFrame({column_label("area_name", lang): [area_name(c, lang) for c in counts["area_code"]]})
    for status in analysis.APPROVAL_ORDER:
        out[_approval_label(status, lang)] = counts[status].astype(int)
    out[t("analysis.col.municipalities", lang)] = counts["total"].astype(int)
    out[t("analysis.col.approved_pct", lang)] = [None if pd.isna(s) else round(100 * s) for s in
                                                 counts["approved_share"]]
    order = _approval_order(counts)
    return out.iloc[[list(counts["area_code"]).index(c) for c in order]].reset_index(drop=True)


def _not_applicable(agreement: str | None, area: int) -> bool:
    """Helsinki in a row without an agreement (`agreement`: the row's agreement kind or status,
    missing): it has none to have (as the map says), where another area's would read "no
    agreement"."""
    return area == facts.HELSINKI_AREA_CODE and _missing(agreement)


def _kind_label(kind: str | None, area: int, lang: str) -> str:
    if _not_applicable(kind, area):
        return t("indicator.not_applicable", lang)
    if _missing(kind):
        return t("analysis.agreements.no_agreement", lang)
    return enum_label("AgreementKind", kind, lang)


def municipality_approval_table(per_municipality: pd.DataFrame, lang: str) -> pd.DataFrame:
    frame = per_municipality.sort_values(["area_code", "municipality_code"], kind="stable")
    muni = facts.municipality_by_code()
    return pd.DataFrame({
        column_label("municipality_name", lang): [muni[c].name(lang) for c in frame["municipality_code"]],
        column_label("municipality_code", lang): list(frame["municipality_code"]),
        column_label("area_name", lang): [area_name(c, lang) for c in frame["area_code"]],
        column_label("agreement_kind", lang): [_kind_label(k, a, lang)
                                               for k, a in zip(frame["kind"], frame["area_code"], strict=True)],
        t("analysis.agreements.council_decision", lang): [
            t("indicator.not_applicable", lang) if _not_applicable(k, a) else _approval_label(s, lang)
            for s, k, a in zip(frame["status"], frame["kind"], frame["area_code"], strict=True)],
        column_label("decided_on", lang): _dates(frame["decided_on"]),
    })


# ------------------------------------------------------------------------------ forums


def theme_label(theme: str, lang: str) -> str:
    return enum_label("Theme", theme, lang)


def selection_name(area: int | None, municipalities: Sequence[str], lang: str) -> str:
    """Who the selection is: the chosen municipalities by name, else the area, else everyone."""
    if municipalities:
        by_code = facts.municipality_by_code()
        return ", ".join(by_code[c].name(lang) if c in by_code else c for c in municipalities)
    return area_name(area, lang) if area is not None else t("analysis.forums.everyone", lang)


def forum_timeline_chart(calendar: pd.DataFrame, lang: str, area: int | None,
                         municipalities: Sequence[str] = ()) -> alt.TopLevelMixin:
    """Forums on a time axis, one row per theme; point size and the number beside it tell how
    many took part (from the chosen area when one is chosen)."""
    frame = calendar.copy()
    frame["date"] = [d.isoformat() for d in frame["held_on"]]
    frame["day"] = [format_day_text(d, lang) for d in frame["held_on"]]
    frame["theme_label"] = [theme_label(x, lang) for x in frame["theme"]]
    count = frame["area_participants"] if area is not None else frame["participants"]
    frame["count"] = count.fillna(0).astype(int)
    frame["text"] = [format_number(n, lang) + ("" if held else " " + t("analysis.forums.upcoming", lang))
                     for n, held in zip(frame["count"], frame["held"], strict=True)]
    frame["held"] = frame["held"].astype(bool)
    frame = frame[["date", "day", "theme_label", "title", "count", "text", "held"]]
    themes = list(dict.fromkeys(frame["theme_label"]))
    who = selection_name(area, municipalities, lang)
    x = alt.X("date:T", title=column_label("held_on", lang),
              axis=alt.Axis(format=time_format(lang), labelAngle=0, tickCount="month"))
    y = alt.Y("theme_label:N", sort=themes, title=None, axis=alt.Axis(labelLimit=320))
    tooltip = [alt.Tooltip("day:N", title=column_label("held_on", lang)),
               alt.Tooltip("theme_label:N", title=column_label("theme", lang)),
               alt.Tooltip("title:N", title=column_label("title", lang)),
               alt.Tooltip("count:Q", title=t("analysis.col.participants", lang), format=",d")]
    size = alt.Size("count:Q", scale=alt.Scale(range=[40, 500], zero=True),
                    legend=alt.Legend(title=t("analysis.col.participants", lang), orient="bottom", tickMinStep=1))
    base = alt.Chart(frame).encode(x=x, y=y, tooltip=tooltip)
    layers = []
    # A layer with no marks leaves an unlabelled graphic in the SVG, which screen readers (and
    # axe) flag: draw the held and upcoming layers only when there is something in them.
    if frame["held"].any():
        layers.append(base.transform_filter("datum.held").mark_point(filled=True, color=BLUE, opacity=0.85)
                      .encode(size=size))
    if not frame["held"].all():
        layers.append(base.transform_filter("!datum.held").mark_point(filled=False, color=BLUE, strokeWidth=2)
                      .encode(size=size))
    labels = base.mark_text(align="left", dx=12, fontSize=11, color=INK).encode(text="text:N")
    chart = alt.layer(*layers, labels, title=_title(t("analysis.forums.timeline_title", lang),
                                                          t("analysis.forums.timeline_subtitle", lang, who=who)))
    return _finish(chart.properties(height=max(ROW_HEIGHT * 1.3 * len(themes), 80)), lang)


def format_day_text(value: object, lang: str) -> str:
    return format_day(value, lang)  # type: ignore[arg-type]


def forum_table(calendar: pd.DataFrame, lang: str, area: int | None,
                municipalities: Sequence[str] = ()) -> pd.DataFrame:
    """Raw dates (sortable; the page formats them) and the recording link as a URL."""
    out = pd.DataFrame({
        column_label("held_on", lang): _dates(calendar["held_on"]),
        column_label("theme", lang): [theme_label(x, lang) for x in calendar["theme"]],
        column_label("title", lang): list(calendar["title"]),
        column_label("recording_url", lang): list(calendar["recording_url"]),
        t("analysis.col.participants", lang): list(calendar["participants"]),
        t("analysis.col.organisations", lang): list(calendar["organisations"]),
    })
    if area is not None:
        who = selection_name(area, municipalities, lang) if municipalities else chart_area_name(area, lang)
        out[t("analysis.forums.area_participants", lang, area=who)] = list(calendar["area_participants"])
    return out


def _area_bars_frame(frame: pd.DataFrame, value: str, text: list[str], lang: str, selected: int | None,
                     descending: bool = True) -> pd.DataFrame:
    out = pd.DataFrame({"area_code": frame["area_code"].astype(int), "value": frame[value].astype(float),
                        "text": text})
    out = out.sort_values(["value", "area_code"], ascending=[not descending, True], kind="stable")
    out["label"] = [_marked(chart_area_name(c, lang), c == selected) for c in out["area_code"]]
    out["selected"] = out["area_code"] == selected
    return out.reset_index(drop=True)


def participation_area_chart(by_area: pd.DataFrame, lang: str, selected: int | None, value: str
                             ) -> alt.TopLevelMixin:
    """`value` is "participants" or "organisations"."""
    text = [format_number(v, lang) for v in by_area[value]]
    frame = _area_bars_frame(by_area, value, text, lang, selected)
    spec = Bars(title=t(f"analysis.forums.by_area_{value}", lang), x_title=t(f"analysis.col.{value}", lang),
                y_title=t("filter.area", lang), subtitle=t("analysis.forums.by_area_subtitle", lang))
    return bar_chart(frame, spec, lang)


def participation_area_table(by_area: pd.DataFrame, lang: str) -> pd.DataFrame:
    frame = by_area.sort_values("participants", ascending=False, kind="stable")
    return pd.DataFrame({
        column_label("area_name", lang): [area_name(c, lang) for c in frame["area_code"]],
        t("analysis.col.area_participants", lang): frame["area_participants"].astype(int).to_numpy(),
        t("analysis.col.municipality_participants", lang): frame["municipality_participants"].astype(int).to_numpy(),
        t("analysis.col.participants", lang): frame["participants"].astype(int).to_numpy(),
        t("analysis.col.organisations", lang): frame["organisations"].astype(int).to_numpy(),
        t("analysis.col.forums", lang): frame["forums"].astype(int).to_numpy(),
    })


def org_type_chart(by_type: pd.DataFrame, lang: str) -> alt.TopLevelMixin:
    frame = pd.DataFrame({
        "label": [enum_label("OrgType", o, lang) for o in by_type["org_type"]],
        "value": by_type["participants"].astype(float),
        "text": [t("analysis.forums.org_type_text", lang, participants=format_number(p, lang),
                   organisations=format_number(o, lang))
                 for p, o in zip(by_type["participants"], by_type["organisations"], strict=True)],
    })
    spec = Bars(title=t("analysis.forums.by_org_type", lang), x_title=t("analysis.col.participants", lang),
                y_title=column_label("org_type", lang), subtitle=t("analysis.forums.by_org_type_subtitle", lang))
    return bar_chart(frame, spec, lang, highlight=None)


def org_type_table(by_type: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        column_label("org_type", lang): [enum_label("OrgType", o, lang) for o in by_type["org_type"]],
        t("analysis.col.participants", lang): by_type["participants"].astype(int).to_numpy(),
        t("analysis.col.organisations", lang): by_type["organisations"].astype(int).to_numpy(),
        t("analysis.col.forums", lang): by_type["forums"].astype(int).to_numpy(),
    })


def theme_grid_chart(engagement: pd.DataFrame, lang: str, selected: int | None) -> alt.TopLevelMixin:
    """Themes × areas, the number of participants written in each cell."""
    frame = engagement.copy()
    frame["area"] = [_marked(chart_area_name(c, lang), c == selected) for c in frame["area_code"]]
    frame["theme_label"] = [theme_label(x, lang) for x in frame["theme"]]
    frame["value"] = frame["participants"].astype(float)
    frame["text"] = [format_number(v, lang) if v else NO_DATA for v in frame["participants"]]
    frame["selected"] = frame["area_code"] == selected
    x_order = [_marked(chart_area_name(a.code, lang), a.code == selected)
               for a in sorted(facts.in_scope_areas(), key=lambda a: chart_area_name(a.code, lang))]
    y_order = [theme_label(x, lang) for x in dict.fromkeys(frame["theme"])]
    spec = Heat(title=t("analysis.forums.theme_title", lang), subtitle=t("analysis.forums.theme_subtitle", lang),
                x_title=None, y_title=None, legend_title=t("analysis.col.participants", lang))  # type: ignore[arg-type]
    return heat_grid(frame, spec, lang, x="area", y="theme_label", x_order=x_order, y_order=y_order,
                     x_label_angle=-40)


def theme_table(engagement: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Areas as rows, themes as columns, participants in the cells."""
    if engagement.empty:
        return pd.DataFrame({column_label("area_name", lang): []})
    wide = engagement.pivot(index="area_code", columns="theme", values="participants")
    themes = [x.value for x in Theme if x.value in wide.columns]
    out = pd.DataFrame({column_label("area_name", lang): [area_name(c, lang) for c in wide.index]})
    for theme in themes:
        out[theme_label(theme, lang)] = wide[theme].astype(int).to_numpy()
    return out


def coverage_chart(coverage: pd.DataFrame, lang: str, selected: int | None) -> alt.TopLevelMixin:
    text = [f"{p}/{m} · {_pct_text(s, lang)}" for p, m, s in
            zip(coverage["participated"], coverage["municipalities"], coverage["share"], strict=True)]
    frame = _area_bars_frame(coverage.fillna({"share": 0}), "share", text, lang, selected)
    spec = Bars(title=t("analysis.forums.coverage_title", lang), subtitle=t("analysis.forums.coverage_subtitle", lang),
                x_title=t("analysis.col.coverage", lang), y_title=t("filter.area", lang), x_format="%",
                x_domain=(0, HEADROOM + 0.05), x_ticks=(0, 0.2, 0.4, 0.6, 0.8, 1.0))
    return bar_chart(frame, spec, lang)


def coverage_table(coverage: pd.DataFrame, lang: str) -> pd.DataFrame:
    frame = coverage.sort_values("share", ascending=False, kind="stable")
    return pd.DataFrame({
        column_label("area_name", lang): [area_name(c, lang) for c in frame["area_code"]],
        t("analysis.col.municipalities", lang): frame["municipalities"].astype(int).to_numpy(),
        t("analysis.col.participated", lang): frame["participated"].astype(int).to_numpy(),
        t("analysis.col.coverage_pct", lang): [None if pd.isna(s) else round(100 * s) for s in frame["share"]],
    })


# ------------------------------------------------------------------------------ survey


def _flagged(value: float, n: int, small: bool, lang: str) -> str:
    text = _points_text(value, lang)
    return f"{text} ⚠ N={format_number(n, lang)}" if small else text


def survey_groups_chart(national: pd.DataFrame, wave: str, lang: str) -> alt.TopLevelMixin:
    """One block per statement, one bar per respondent group, for one wave."""
    frame = national[national["wave"] == wave].copy()
    frame["statement_label"] = [_wrap(s, 70) for s in frame["statement"]]
    frame["text"] = [_flagged(v, n, s, lang) for v, n, s in
                     zip(frame["value_pct"], frame["n"], frame["small_n"], strict=True)]
    frame["small_n"] = frame["small_n"].astype(bool)
    frame = frame[["statement_label", "respondent_group", "value_pct", "n", "text", "small_n"]]
    groups = list(dict.fromkeys(frame["respondent_group"]))
    statements = list(dict.fromkeys(frame["statement_label"]))
    colours = alt.Scale(domain=groups, range=list(SERIES_COLOURS[:len(groups)]))
    value_title = t("analysis.survey.value", lang)
    base = alt.Chart().encode(
        y=alt.Y("respondent_group:N", sort=groups, title=None, axis=alt.Axis(labelLimit=LABEL_LIMIT)),
        tooltip=[alt.Tooltip("respondent_group:N", title=column_label("respondent_group", lang)),
                 alt.Tooltip("text:N", title=value_title), alt.Tooltip("n:Q", title="N")])
    bars = base.mark_bar(height={"band": 0.8}).encode(
        x=alt.X("value_pct:Q", title=value_title, scale=alt.Scale(domain=[0, 100])),
        color=alt.Color("respondent_group:N", scale=colours, legend=None),
        opacity=alt.condition("datum.small_n", alt.value(0.45), alt.value(1.0)))
    labels = base.mark_text(align="left", dx=4, fontSize=11, color=INK).encode(x="value_pct:Q", text="text:N")
    chart = alt.layer(bars, labels, data=frame).properties(width=520, height=ROW_HEIGHT * len(groups)).facet(
        row=alt.Row("statement_label:N", sort=statements, title=None,
                    header=alt.Header(labelAngle=0, labelOrient="top", labelAnchor="start", labelFontSize=13,
                                      labelFontWeight="bold", labelExpr=SPLIT_LINES, labelLimit=900,
                                      labelPadding=4)),
        spacing=22, title=_title(t("analysis.survey.groups_title", lang, wave=wave),
                                t("analysis.survey.groups_subtitle", lang)))
    return _finish(chart, lang, fit_width=False)


def survey_waves_chart(national: pd.DataFrame, waves: list[str], lang: str) -> alt.TopLevelMixin:
    """Each statement in its own panel: the groups' values across waves, lines and shapes per group."""
    frame = national.copy()
    frame["statement_label"] = [_wrap(s, 34) for s in frame["statement"]]
    frame["text"] = [_flagged(v, n, s, lang) for v, n, s in
                     zip(frame["value_pct"], frame["n"], frame["small_n"], strict=True)]
    frame["flag"] = ["⚠" if s else "" for s in frame["small_n"]]
    frame["small_n"] = frame["small_n"].astype(bool)
    frame = frame[["statement_label", "wave", "respondent_group", "value_pct", "n", "text", "flag", "small_n"]]
    groups = list(dict.fromkeys(frame["respondent_group"]))
    statements = list(dict.fromkeys(frame["statement_label"]))
    colour = alt.Color("respondent_group:N", scale=alt.Scale(domain=groups, range=list(SERIES_COLOURS[:len(groups)])),
                       legend=alt.Legend(title=column_label("respondent_group", lang), orient="top", columns=3))
    shape = alt.Shape("respondent_group:N", scale=alt.Scale(domain=groups, range=list(SERIES_SHAPES[:len(groups)])),
                      legend=alt.Legend(title=column_label("respondent_group", lang), orient="top", columns=3))
    value_title = t("analysis.survey.value", lang)
    base = alt.Chart().encode(
        x=alt.X("wave:N", sort=waves, title=column_label("wave", lang), axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value_pct:Q", title=value_title, scale=alt.Scale(domain=[0, 100])),
        tooltip=[alt.Tooltip("respondent_group:N", title=column_label("respondent_group", lang)),
                 alt.Tooltip("wave:N", title=column_label("wave", lang)),
                 alt.Tooltip("text:N", title=value_title), alt.Tooltip("n:Q", title="N")])
    lines = base.mark_line(strokeWidth=1.5).encode(color=colour, detail="respondent_group:N")
    points = base.mark_point(size=70, filled=True, opacity=1).encode(color=colour, shape=shape)
    flags = base.mark_text(dx=9, dy=-7, fontSize=12, color=INK).encode(text="flag:N")
    chart = alt.layer(lines, points, flags, data=frame).properties(width=190, height=150).facet(
        facet=alt.Facet("statement_label:N", sort=statements, title=None,
                        header=alt.Header(labelFontSize=12, labelExpr=SPLIT_LINES, labelLimit=260)),
        columns=4, spacing={"row": 16, "column": 12},
        title=_title(t("analysis.survey.waves_title", lang), t("analysis.survey.waves_subtitle", lang)))
    return _finish(chart, lang, fit_width=False)


def rows_of_wave(table: pd.DataFrame, wave: str, lang: str) -> pd.DataFrame:
    """A survey table's rows of one wave: the table beside a chart of that wave."""
    return table[table[column_label("wave", lang)] == wave]


def survey_groups_table(national: pd.DataFrame, lang: str, small_n: int) -> pd.DataFrame:
    return pd.DataFrame({
        column_label("wave", lang): list(national["wave"]),
        column_label("statement", lang): list(national["statement"]),
        column_label("respondent_group", lang): list(national["respondent_group"]),
        column_label("value_pct", lang): list(national["value_pct"]),
        "N": list(national["n"]),
        t("analysis.col.small_n", lang, n=small_n): ["⚠" if s else "" for s in national["small_n"]],
    })


def survey_area_chart(comparison: pd.DataFrame, wave: str, lang: str, area: int) -> alt.TopLevelMixin:
    frame = comparison[comparison["wave"] == wave]
    wide = pd.DataFrame({
        "label": [_wrap(s) for s in frame["statement"]],
        "first": frame["national_pct"].astype(float).to_numpy(),
        "second": frame["area_pct"].astype(float).to_numpy(),
        "first_text": [_flagged(v, n, s, lang) if pd.notna(v) else NO_DATA for v, n, s in
                       zip(frame["national_pct"], frame["national_n"], frame["national_small_n"], strict=True)],
        "second_text": [_flagged(v, n, s, lang) for v, n, s in
                        zip(frame["area_pct"], frame["area_n"], frame["area_small_n"], strict=True)],
    })
    name = chart_area_name(area, lang)
    spec = Dumbbell(title=t("analysis.survey.area_title", lang, area=name, wave=wave),
                    subtitle=t("analysis.survey.area_subtitle", lang),
                    x_title=t("analysis.survey.value", lang), y_title=column_label("statement", lang),
                    series=(t("analysis.survey.national", lang), name), x_domain=(0, 100),
                    colours=COUNTRY_VS_AREA)
    return dumbbell_chart(wide, spec, lang)


def survey_area_table(comparison: pd.DataFrame, lang: str, area: int, small_n: int) -> pd.DataFrame:
    name = chart_area_name(area, lang)
    flag = t("analysis.col.small_n", lang, n=small_n)
    return pd.DataFrame({
        column_label("wave", lang): list(comparison["wave"]),
        column_label("statement", lang): list(comparison["statement"]),
        f"{name} %": list(comparison["area_pct"]),
        f"{name} N": list(comparison["area_n"]),
        f"{t('analysis.survey.national', lang)} %": list(comparison["national_pct"]),
        f"{t('analysis.survey.national', lang)} N": list(comparison["national_n"]),
        t("analysis.col.difference_pp", lang): [None if pd.isna(d) else float(round_half_away(d, 1))
                                                for d in comparison["difference"]],  # never -0.0
        flag: ["⚠" if a or b else "" for a, b in zip(comparison["area_small_n"], comparison["national_small_n"],
                                                     strict=True)],
    })


# ---------------------------------------------------------------------------- maturity


def dimension_label(dimension: str, lang: str) -> str:
    if dimension == analysis.OVERALL:
        return t("analysis.maturity.overall", lang)
    return column_label(dimension, lang)


def level_label(level: int | None, lang: str) -> str:
    if level is None or pd.isna(level):
        return NO_DATA
    return f"{int(level)} {enum_label('MaturityLevel', int(level), lang)}"


def maturity_heat_chart(latest: pd.DataFrame, lang: str, selected: int | None) -> alt.TopLevelMixin:
    """Assessed areas × dimensions (and the overall mean), mean scores written in the cells."""
    dims = [*MATURITY_COLUMNS, analysis.OVERALL]
    rows = []
    order = latest.sort_values([analysis.OVERALL, "area_code"], ascending=[False, True], kind="stable")
    y_order = [_marked(chart_area_name(int(c), lang), c == selected) for c in order["area_code"]]
    for r in latest.to_dict("records"):
        code = int(r["area_code"])
        for dim in dims:
            rows.append({"area": _marked(chart_area_name(code, lang), code == selected),
                         "dimension": _wrap(dimension_label(dim, lang), 14), "value": r[dim],
                         "text": _mean_text(r[dim], lang), "selected": code == selected})
    frame = pd.DataFrame(rows, columns=["area", "dimension", "value", "text", "selected"])
    spec = Heat(title=t("analysis.maturity.heat_title", lang), subtitle=t("analysis.maturity.heat_subtitle", lang),
                x_title=None, y_title=None, legend_title=t("analysis.maturity.mean", lang),  # type: ignore[arg-type]
                domain=MATURITY_SCALE)
    return heat_grid(frame, spec, lang, x="dimension", y="area",
                     x_order=[_wrap(dimension_label(d, lang), 14) for d in dims], y_order=y_order)


def maturity_heat_table(latest: pd.DataFrame, lang: str) -> pd.DataFrame:
    frame = latest.sort_values([analysis.OVERALL, "area_code"], ascending=[False, True], kind="stable")
    out = pd.DataFrame({
        column_label("area_name", lang): [area_name(c, lang) for c in frame["area_code"]],
        column_label("assessed_on", lang): _dates(frame["assessed_on"]).to_numpy(),
        t("analysis.col.respondents", lang): frame["respondents"].astype(int).to_numpy(),
    })
    for dim in (*MATURITY_COLUMNS, analysis.OVERALL):
        out[dimension_label(dim, lang)] = [_mean_text(v, lang) for v in frame[dim]]
    out[t("maturity.level", lang)] = [level_label(v, lang) for v in frame["level"]]
    return out


def level_bands(lang: str) -> pd.DataFrame:
    """The three levels as bands on the 1–3 scale, split where the catalogue's rounding puts them
    (`yhdyspinta.indicators.maturity_level`: halves up, so 1.5 and 2.5)."""
    edges = [(max(MATURITY_SCALE[0], lvl - 0.5), lvl) for lvl in MaturityLevel]
    rows = []
    for i, (start, level) in enumerate(edges):
        end = edges[i + 1][0] if i + 1 < len(edges) else MATURITY_SCALE[1]
        rows.append({"start": start, "end": end, "name": level_label(level, lang),
                     "fill": "#F2F2F2" if i % 2 == 0 else "#E0E0E0"})
    return pd.DataFrame(rows)


def _dimension_dumbbell(frame: pd.DataFrame, first: str, second: str, spec: Dumbbell, lang: str,
                        bands: bool = True) -> alt.TopLevelMixin:
    wide = pd.DataFrame({
        "label": [dimension_label(d, lang) for d in frame["dimension"]],
        "first": frame[first].astype(float).to_numpy(), "second": frame[second].astype(float).to_numpy(),
        "first_text": [_mean_text(v, lang) for v in frame[first]],
        "second_text": [_mean_text(v, lang) for v in frame[second]],
    })
    return dumbbell_chart(wide, spec, lang, bands=level_bands(lang) if bands else None)


def maturity_profile_chart(latest: pd.DataFrame, national: dict[str, float], lang: str,
                           area: int | None) -> alt.TopLevelMixin:
    """The chosen area's latest means against the national means (the national ones alone,
    twice over, make no sense: with no area the second series is left out)."""
    dims = [*MATURITY_COLUMNS, analysis.OVERALL]
    own = latest[latest["area_code"] == area] if area is not None else latest.iloc[0:0]
    frame = pd.DataFrame({
        "dimension": dims, "national": [national.get(d) for d in dims],
        "area": [float(own.iloc[0][d]) if not own.empty else None for d in dims],
    })
    name = chart_area_name(area, lang) if area is not None else ""
    spec = Dumbbell(
        title=t("analysis.maturity.profile_title", lang, area=name) if area is not None
        else t("analysis.maturity.profile_title_national", lang),
        subtitle=t("analysis.maturity.profile_subtitle", lang),
        x_title=t("analysis.maturity.mean", lang), y_title=None,  # type: ignore[arg-type]
        series=(t("analysis.maturity.national_mean", lang), name or " "), x_domain=MATURITY_SCALE,
        x_ticks=MATURITY_TICKS, colours=COUNTRY_VS_AREA)
    return _dimension_dumbbell(frame, "national", "area", spec, lang)


def maturity_profile_table(latest: pd.DataFrame, national: dict[str, float], lang: str,
                           area: int | None) -> pd.DataFrame:
    dims = [*MATURITY_COLUMNS, analysis.OVERALL]
    out = pd.DataFrame({t("analysis.maturity.dimension", lang): [dimension_label(d, lang) for d in dims],
                        t("analysis.maturity.national_mean", lang): [_mean_text(national.get(d), lang) for d in dims]})
    out[t("analysis.maturity.national_level", lang)] = [
        level_label(analysis.maturity_level(national.get(d)), lang) for d in dims]
    own = latest[latest["area_code"] == area] if area is not None else latest.iloc[0:0]
    if not own.empty:
        name = chart_area_name(area, lang)  # type: ignore[arg-type]
        out[name] = [_mean_text(own.iloc[0][d], lang) for d in dims]
        out[f"{name}: {t('maturity.level', lang)}"] = [
            level_label(analysis.maturity_level(float(own.iloc[0][d])), lang) for d in dims]
    return out


def maturity_change_chart(change: pd.DataFrame, lang: str, area: int | None) -> alt.TopLevelMixin:
    """With an area: its dimensions, first vs latest. Without: every area's overall mean."""
    if area is not None:
        frame = change[change["area_code"] == area]
        first_on, latest_on = frame["first_on"].iloc[0], frame["latest_on"].iloc[0]
        spec = Dumbbell(title=t("analysis.maturity.change_title_area", lang, area=chart_area_name(area, lang)),
                        subtitle=t("analysis.maturity.change_subtitle", lang),
                        x_title=t("analysis.maturity.mean", lang), y_title=None,  # type: ignore[arg-type]
                        series=(format_day_text(first_on, lang), format_day_text(latest_on, lang)),
                        x_domain=MATURITY_SCALE, x_ticks=MATURITY_TICKS)
        return _dimension_dumbbell(frame, "first", "latest", spec, lang)
    frame = change[change["dimension"] == analysis.OVERALL].sort_values("latest", ascending=False)
    wide = pd.DataFrame({
        "label": [chart_area_name(int(c), lang) for c in frame["area_code"]],
        "first": frame["first"].astype(float).to_numpy(), "second": frame["latest"].astype(float).to_numpy(),
        "first_text": [_mean_text(v, lang) for v in frame["first"]],
        "second_text": [_mean_text(v, lang) for v in frame["latest"]],
    })
    spec = Dumbbell(title=t("analysis.maturity.change_title", lang),
                    subtitle=t("analysis.maturity.change_subtitle", lang),
                    x_title=t("analysis.maturity.mean_overall", lang), y_title=None,  # type: ignore[arg-type]
                    series=(t("analysis.maturity.first", lang), t("analysis.maturity.latest", lang)),
                    x_domain=MATURITY_SCALE, x_ticks=MATURITY_TICKS)
    return dumbbell_chart(wide, spec, lang, bands=level_bands(lang))


def maturity_change_table(change: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        column_label("area_name", lang): [area_name(c, lang) for c in change["area_code"]],
        t("analysis.maturity.dimension", lang): [dimension_label(d, lang) for d in change["dimension"]],
        t("analysis.maturity.first", lang): _dates(change["first_on"]).to_numpy(),
        t("analysis.maturity.first_mean", lang): [_mean_text(v, lang) for v in change["first"]],
        t("analysis.maturity.latest", lang): _dates(change["latest_on"]).to_numpy(),
        t("analysis.maturity.latest_mean", lang): [_mean_text(v, lang) for v in change["latest"]],
        t("analysis.maturity.change", lang): [_change_text(v, lang) for v in change["change"]],
    })


def role_spread_chart(spread: pd.DataFrame, lang: str, area: int | None) -> alt.TopLevelMixin:
    where = chart_area_name(area, lang) if area is not None else t("filter.area.all", lang)
    first_n = int(spread["municipality_n"].iloc[0]) if not spread.empty else 0
    second_n = int(spread["county_n"].iloc[0]) if not spread.empty else 0
    spec = Dumbbell(title=t("analysis.maturity.roles_title", lang, where=where),
                    subtitle=t("analysis.maturity.roles_subtitle", lang),
                    x_title=t("analysis.maturity.mean", lang), y_title=None,  # type: ignore[arg-type]
                    series=(f"{enum_label('RespondentRole', 'kunta', lang)} (N={first_n})",
                            f"{enum_label('RespondentRole', 'hyvinvointialue', lang)} (N={second_n})"),
                    x_domain=MATURITY_SCALE, x_ticks=MATURITY_TICKS)
    return _dimension_dumbbell(spread, "municipality", "county", spec, lang)


def role_spread_table(spread: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        t("analysis.maturity.dimension", lang): [dimension_label(d, lang) for d in spread["dimension"]],
        enum_label("RespondentRole", "kunta", lang): [_mean_text(v, lang) for v in spread["municipality"]],
        enum_label("RespondentRole", "hyvinvointialue", lang): [_mean_text(v, lang) for v in spread["county"]],
        t("analysis.maturity.gap", lang): [_change_text(v, lang) for v in spread["gap"]],
    })


def continuum_table(lang: str) -> pd.DataFrame:
    """Keast & Mandell's continuum: what each level means on each dimension."""
    out = pd.DataFrame({t("analysis.maturity.dimension", lang): [column_label(d, lang) for d in MATURITY_COLUMNS]})
    for level in MaturityLevel:
        out[level_label(int(level), lang)] = [t(f"analysis.continuum.{d}.{int(level)}", lang) for d in MATURITY_COLUMNS]
    return out

