"""Figures for presentation mode: the country (or the chosen area) at a glance, sized for a
1920×1080 projector. Pure: frames in, small frames and Altair charts out.

Every chart carries its values as text as well as colour, and each view's frame doubles as
its table.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import altair as alt
import pandas as pd

from yhdyspinta import analysis, charts, facts, indicators, mapping
from yhdyspinta import profile as prof
from yhdyspinta.display import area_name, municipality_name
from yhdyspinta.domain import AgreementKind, OrgType
from yhdyspinta.filters import Filters
from yhdyspinta.i18n import column_label, enum_label, format_day, t
from yhdyspinta.indicators import labels
from yhdyspinta.indicators.asof import SHOWN_STATUSES, AsOf, as_date, at_forum
from yhdyspinta.palette import AXIS_INK, BLUE, EXPIRED_COLOUR, LIGHT_GREY, NOT_APPLICABLE_COLOUR, STATUS_COLOURS
from yhdyspinta.store.schema import MATURITY_COLUMNS
from yhdyspinta.tilegrid import short_name

# Presentation type sizes: readable at 1080p from the back of a hall. Every chart of a slide
# goes through `style`, which sets these for axes, legends, headers and titles; marks that
# carry text set FONT (or more) themselves.
FONT = 20
TITLE_FONT = 28
# Streamlit fits a chart's whole drawing (axes, legend, title) into its width and height:
# these are the outer sizes that fill the slide's main column (the QR code's rail beside it)
# on a 1920×1080 projector under the title and above the buttons.
WIDTH = 1440
MATURITY_SIDES = 320  # px the maturity slide leaves for its area names and legend
MATURITY_LEGEND_LENGTH = 120  # px: the colour scale fits beside two rows (an area and the country)
HEIGHT = 700
# What a bar chart with its legend in rows above it needs besides its rows.
CHART_FRAME = 220
STATUS_ROW = 26  # px per area of the status chart: a 20 px label with a little air
STATUS_HEIGHT = 800  # the status view has nothing else above its chart: 22 rows of 26 px
SINGLE_ROW_HEIGHT = 420  # one area: a bar of some 200 px, not a hairline
LEGEND_COLUMNS = 5
ORG_COLOURS = ("#0072B2", "#E69F00", "#999999")  # municipality, county, other (Okabe–Ito, grey)
HEAT_SCHEME = "blues"
PRESENT_COLOUR = BLUE
ABSENT_COLOUR = LIGHT_GREY
COVERAGE_COLUMNS = 5  # municipalities of an area per row of the forum coverage tiles
COVERAGE_TILE_HEIGHT = 80
# The tile grid (a map without boundaries) in presentation type: 8 rows of 80 px fit the slide.
TILE_WIDTH = 210
TILE_HEIGHT = 76
# The map drawn as SVG (Vega-Lite geoshapes): no deck.gl to start in the hall's browser.
# Web Mercator as the app's deck map, fitted to the shapes drawn.
MAP_PROJECTION = "mercator"
MAP_BORDER = "#{:02X}{:02X}{:02X}".format(*mapping.BORDER_COLOUR)  # as the deck map's borders
MAP_AREA_BORDER = "#{:02X}{:02X}{:02X}".format(*mapping.SELECTION_COLOUR)  # the chosen area's outline
MAP_BORDER_WIDTH = 1.0
MAP_AREA_BORDER_WIDTH = 3.0


def style(chart: alt.TopLevelMixin, lang: str) -> alt.TopLevelMixin:
    """The presentation configuration: large type, dark ink (the app's own charts keep theirs),
    numbers written as `lang` writes them."""
    return charts.localised(chart, lang).configure_axis(
        labelFontSize=FONT, titleFontSize=FONT, labelLimit=360, labelColor=AXIS_INK, titleColor=AXIS_INK,
    ).configure_legend(
        labelFontSize=FONT, titleFontSize=FONT, labelLimit=500, titleLimit=900, labelColor=AXIS_INK,
        titleColor=AXIS_INK, symbolSize=250,
    ).configure_header(labelFontSize=FONT, titleFontSize=FONT).configure_title(
        fontSize=TITLE_FONT, subtitleFontSize=FONT, color=AXIS_INK, subtitleColor=AXIS_INK,
    ).configure_text(fontSize=FONT)


@dataclass(frozen=True)
class Views:
    status: pd.DataFrame
    forums: pd.DataFrame
    survey: prof.SurveyComparison | None
    maturity: pd.DataFrame


def status_by_area(state: AsOf, filters: Filters) -> pd.DataFrame:
    """Per area (the chosen one only, if any): where its strategic agreement stands and how
    many member councils have approved it, as the indicator catalogue counts them. Ordered by
    status along the lifecycle; Helsinki shows as not applicable."""
    approved = indicators.by_area("council_approved_municipalities", state)
    rows = []
    for area in facts.in_scope_areas():
        if filters.area is not None and area.code != filters.area:
            continue
        strategic = state.strategic.get(area.code)
        council = approved[area.code]
        if strategic is None:
            status, rank = t("indicator.not_applicable", filters.lang), -2
        elif strategic.shown:
            status, rank = labels.status_text(strategic.shown, filters.lang), analysis.stage(strategic.shown)
        else:
            status, rank = "–", analysis.stage(None)
        rows.append({"code": area.code, "area": short_name(area.code, filters.lang), "status": status, "rank": rank,
                     "approved": labels.value_text(council, filters.lang),
                     "share": 100 * (council.share or 0.0)})
    out = pd.DataFrame(rows)
    if out.empty:
        return out
    # Helsinki's "not applicable" once, not twice.
    out["label"] = [s if c == facts.HELSINKI_AREA_CODE else f"{s} · {a}"
                    for s, a, c in zip(out["status"], out["approved"], out["code"], strict=True)]
    return out.sort_values(["rank", "share"], ascending=[False, False], kind="stable").reset_index(drop=True)


def status_chart(frame: pd.DataFrame, lang: str) -> alt.TopLevelMixin:
    domain = [*(labels.status_text(s, lang) for s in SHOWN_STATUSES), t("indicator.not_applicable", lang)]
    base = alt.Chart(frame, title=t("present.status_title", lang)).encode(
        y=alt.Y("area:N", sort=None, title=None, axis=alt.Axis(labelOverlap=False)),
        x=alt.X("share:Q", title=t("present.status_axis", lang), scale=alt.Scale(domain=[0, 100])),
        tooltip=[alt.Tooltip("area:N"), alt.Tooltip("label:N")],
    )
    bars = base.mark_bar(stroke="#333333", strokeWidth=0.5).encode(
        color=alt.Color("status:N", scale=alt.Scale(domain=domain, range=[*STATUS_COLOURS, EXPIRED_COLOUR,
                                                                           NOT_APPLICABLE_COLOUR]),
                        # Above the bars, in rows: beside them the values at the bars' ends ran into it.
                        legend=alt.Legend(title=enum_label("AgreementKind", AgreementKind.COLLABORATION, lang),
                                          orient="top", columns=LEGEND_COLUMNS)))
    text = base.mark_text(align="left", dx=4, fontSize=FONT, color="#000000").encode(text="label:N")
    return style((bars + text).properties(width=WIDTH, height=status_height(len(frame), STATUS_HEIGHT)), lang)


def status_height(rows: int, most: int = HEIGHT) -> int:
    """A bar chart's outer height: a row per area, a single area's bar never a hairline."""
    return min(most, max(SINGLE_ROW_HEIGHT, CHART_FRAME + STATUS_ROW * rows))


def status_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({column_label("area_code", lang): frame["area"], column_label("status", lang): frame["status"],
                         t("present.col.approved", lang): frame["approved"]})


def forum_participation(frames: dict[str, pd.DataFrame], filters: Filters) -> pd.DataFrame:
    """Organisations at each forum by type; with an area chosen, its municipalities and the
    county itself."""
    part = frames["participation"]
    part = part[part["participants"] > 0]  # as the catalogue counts organisations reached
    if filters.area is not None:
        codes = {m.code for m in facts.municipalities() if m.area_code == filters.area}
        part = part[((part["org_type"] == OrgType.MUNICIPALITY) & part["org_key"].isin(codes))
                    | ((part["org_type"] == OrgType.AREA) & (part["org_key"] == str(filters.area)))]
    forums = frames["forums"].sort_values("held_on")
    types = list(OrgType)
    rows = []
    for forum in forums.itertuples():
        at_forum = part[part["forum_date"] == forum.held_on]
        for org_type in types:
            rows.append({"day": format_day(as_date(forum.held_on), filters.lang), "title": forum.title,
                         "org_type": enum_label("OrgType", org_type, filters.lang),
                         "organisations": int((at_forum["org_type"] == org_type).sum()),
                         "participants": int(at_forum.loc[at_forum["org_type"] == org_type, "participants"].sum())})
    return pd.DataFrame(rows, columns=["day", "title", "org_type", "organisations", "participants"])


def forum_chart(frame: pd.DataFrame, lang: str) -> alt.TopLevelMixin:
    domain = [enum_label("OrgType", o, lang) for o in OrgType]
    days = list(dict.fromkeys(frame["day"]))
    bars = alt.Chart(frame, title=t("present.forums_title", lang)).mark_bar().encode(
        x=alt.X("day:N", sort=days, title=None, axis=alt.Axis(labelAngle=-40)),
        y=alt.Y("organisations:Q", title=t("present.forums_axis", lang), stack="zero",
                axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color("org_type:N", scale=alt.Scale(domain=domain, range=list(ORG_COLOURS)),
                        legend=alt.Legend(title=None, orient="top")),
        order=alt.Order("org_type:N"),
        tooltip=[alt.Tooltip("day:N"), alt.Tooltip("title:N"), alt.Tooltip("org_type:N"),
                 alt.Tooltip("organisations:Q"), alt.Tooltip("participants:Q")],
    )
    totals = alt.Chart(frame).transform_aggregate(total="sum(organisations)", groupby=["day"]).mark_text(
        baseline="bottom", dy=-4, fontSize=FONT, color="#000000").encode(
        x=alt.X("day:N", sort=days), y=alt.Y("total:Q"), text=alt.Text("total:Q"))
    return style((bars + totals).properties(width=WIDTH, height=HEIGHT), lang)


def forum_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    wide = frame.pivot_table(index=["day", "title"], columns="org_type", values="organisations",
                             sort=False).reset_index()
    return wide.rename(columns={"day": column_label("held_on", lang), "title": column_label("title", lang)})


def maturity_heat(state: AsOf, filters: Filters) -> pd.DataFrame:
    """Mean score per area and dimension (the catalogue's maturity indicators), and the whole
    country's; with an area chosen, that area and the country."""
    columns = ["area", "dimension", "mean", "text", "respondents"]
    if indicators.evaluate("maturity_mean", state).value is None:
        return pd.DataFrame(columns=columns)
    assessed = sorted(int(a) for a in state.maturity["area_code"].unique())
    scopes = [(short_name(a, filters.lang), indicators.Scope(a)) for a in assessed
              if filters.area is None or a == filters.area]
    scopes.append((t("profile.series.national", filters.lang), indicators.Scope()))
    rows = []
    for name, scope in scopes:
        for column in MATURITY_COLUMNS:
            value = indicators.evaluate(f"maturity_{column}", state, scope)
            rows.append({"area": name, "dimension": column_label(column, filters.lang), "mean": value.value,
                         "text": labels.value_text(value, filters.lang), "respondents": value.n})
    return pd.DataFrame(rows, columns=columns)


def maturity_chart(frame: pd.DataFrame, lang: str) -> alt.TopLevelMixin:
    dims = list(dict.fromkeys(frame["dimension"]))
    areas = list(dict.fromkeys(frame["area"]))
    # Every label drawn, slanted: at the slide's width eight labels side by side overlapped (the
    # Swedish ones are long single words), and Vega left every other one out.
    base = alt.Chart(frame, title=t("present.maturity_title", lang)).encode(
        x=alt.X("dimension:N", sort=dims, title=None,
                axis=alt.Axis(labelAngle=-30, labelAlign="left", orient="top", labelOverlap=False)),
        y=alt.Y("area:N", sort=areas, title=None),
        tooltip=[alt.Tooltip("area:N"), alt.Tooltip("dimension:N"), alt.Tooltip("mean:Q", format=".2f"),
                 alt.Tooltip("respondents:Q")],
    )
    cells = base.mark_rect(stroke="#ffffff").encode(color=alt.Color(
        "mean:Q", scale=alt.Scale(scheme=HEAT_SCHEME, domain=[1, 3]),
        legend=alt.Legend(title=t("profile.maturity_axis", lang), orient="right", direction="vertical",
                          gradientLength=MATURITY_LEGEND_LENGTH)))
    # Dark cells get white text, light ones black: the value stays legible on every shade.
    text = base.mark_text(fontSize=FONT + 4).encode(
        text="text:N",  # as the catalogue writes the value (decimal comma in Finnish and Swedish)
        color=alt.condition(alt.datum.mean >= 2.2, alt.value("#ffffff"), alt.value("#000000")))
    height = min(HEIGHT, 200 + 80 * len(areas))
    # Narrower than the other slides: the area names and the legend beside it fit the view too.
    return style((cells + text).properties(width=WIDTH - MATURITY_SIDES, height=height), lang)


def maturity_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    wide = frame.pivot_table(index="area", columns="dimension", values="mean", sort=False).reset_index()
    return wide.rename(columns={"area": column_label("area_code", lang)})


def build_views(frames: dict[str, pd.DataFrame], state: AsOf, filters: Filters) -> Views:
    return Views(
        status=status_by_area(state, filters),
        forums=forum_participation(frames, filters),
        survey=prof.survey_comparison(filters.area, state),
        maturity=maturity_heat(state, filters),
    )


def area_title(filters: Filters) -> str:
    name = t("filter.area.all", filters.lang) if filters.area is None else area_name(filters.area, filters.lang)
    return name.strip()


def survey_slide(long: pd.DataFrame, survey: prof.SurveyComparison, lang: str) -> alt.TopLevelMixin:
    """The profile's survey chart at projector size, rows sharing the slide's height."""
    row_height = (HEIGHT - 200) // max(1, len(long))
    # comparison_bars writes its values one size below its labels: both stay at FONT or more.
    return style(prof.survey_chart(long, survey, lang, width=WIDTH, row_height=row_height, font_size=FONT + 1),
                 lang)


# --------------------------------------------------------------------------- forum mode


@dataclass(frozen=True)
class ForumChoice:
    day: date
    title: str

    def label(self, lang: str) -> str:
        return f"{format_day(self.day, lang)} · {self.title}"


def forum_choices(forums: pd.DataFrame) -> tuple[ForumChoice, ...]:
    """Every forum with a date, newest first (one entered ahead of time too)."""
    choices = {}
    for day, title in zip(forums["held_on"], forums["title"], strict=True):
        held = as_date(day)
        if held is not None and held not in choices:
            choices[held] = ForumChoice(held, "" if pd.isna(title) else str(title))
    return tuple(sorted(choices.values(), key=lambda c: c.day, reverse=True))


def default_forum(choices: tuple[ForumChoice, ...], today: date) -> ForumChoice | None:
    """Today's forum; without one the latest held, else the next to come."""
    held = [c for c in choices if c.day <= today]
    if held:
        return held[0]  # newest first: today's if there is one
    return choices[-1] if choices else None


def forum_coverage(state: AsOf, day: date, filters: Filters) -> pd.DataFrame:
    """Who had participants at the forum on `day`, as the catalogue counts participation.

    The whole country: a row per area with its member municipalities there (`present` of
    `members`) and whether the county itself was (`county`). An area: a row for the county and
    one per member municipality, each `present` 1 or 0."""
    at = at_forum(state, day)
    lang = filters.lang
    here, away = t("present.coverage.present", lang), t("present.coverage.absent", lang)
    rows = []
    if filters.area is None:
        for area in facts.in_scope_areas():
            scope = indicators.Scope(area.code)
            members = indicators.evaluate("municipalities_participated", at, scope)
            county = indicators.evaluate("area_forums_attended", at, scope)
            present, total = int(members.numerator or 0), int(members.denominator or 0)
            rows.append({"code": str(area.code), "name": short_name(area.code, lang), "present": present,
                         "members": total, "share": 100 * (members.share or 0.0),
                         "county": here if county.numerator else away, "label": f"{present} / {total}"})
        return pd.DataFrame(rows, columns=["code", "name", "present", "members", "share", "county", "label"])
    county = indicators.evaluate("area_forums_attended", at, indicators.Scope(filters.area))
    rows.append({"code": str(filters.area), "name": short_name(filters.area, lang), "present": int(bool(
        county.numerator)), "org_type": enum_label("OrgType", OrgType.AREA, lang)})
    for code in indicators.Scope(filters.area).members():
        value = indicators.evaluate("municipalities_participated", at, indicators.Scope(filters.area, (code,)))
        rows.append({"code": code, "name": municipality_name(code, lang), "present": int(value.numerator or 0),
                     "org_type": enum_label("OrgType", OrgType.MUNICIPALITY, lang)})
    out = pd.DataFrame(rows, columns=["code", "name", "present", "org_type"])
    out["status"] = [here if p else away for p in out["present"]]
    return out


def coverage_title(choice: ForumChoice, frame: pd.DataFrame, lang: str) -> str:
    if "members" in frame.columns:
        return t("present.coverage.title_areas", lang, present=int(frame["present"].sum()),
                 members=int(frame["members"].sum()))
    return t("present.coverage.title_area", lang, present=int(frame["present"].sum()), members=len(frame))


def coverage_chart(frame: pd.DataFrame, title: str, lang: str) -> alt.TopLevelMixin:
    """The whole country: a bar per area, its member municipalities at the forum as a share, the
    bar's colour saying whether the county itself was there. An area: a tile per organisation."""
    here, away = t("present.coverage.present", lang), t("present.coverage.absent", lang)
    colours = alt.Scale(domain=[here, away], range=[PRESENT_COLOUR, ABSENT_COLOUR])
    if "members" in frame.columns:
        base = alt.Chart(frame, title=title).encode(
            y=alt.Y("name:N", sort=None, title=None, axis=alt.Axis(labelOverlap=False)),
            x=alt.X("share:Q", title=t("present.coverage.axis", lang), scale=alt.Scale(domain=[0, 100])),
            tooltip=[alt.Tooltip("name:N"), alt.Tooltip("label:N"), alt.Tooltip("county:N")])
        bars = base.mark_bar(stroke="#333333", strokeWidth=0.5).encode(color=alt.Color(
            "county:N", scale=colours, legend=alt.Legend(title=t("present.coverage.county", lang), orient="top")))
        text = base.mark_text(align="left", dx=4, fontSize=FONT, color="#000000").encode(text="label:N")
        return style((bars + text).properties(width=WIDTH, height=status_height(len(frame))), lang)
    tiles = frame.assign(col=[i % COVERAGE_COLUMNS for i in range(len(frame))],
                         row=[i // COVERAGE_COLUMNS for i in range(len(frame))],
                         ink=["#ffffff" if p else "#000000" for p in frame["present"]])
    base = alt.Chart(tiles, title=title).encode(
        x=alt.X("col:O", axis=None), y=alt.Y("row:O", axis=None),
        tooltip=[alt.Tooltip("name:N"), alt.Tooltip("org_type:N"), alt.Tooltip("status:N")])
    rect = base.mark_rect(stroke="#ffffff", strokeWidth=3, cornerRadius=4).encode(color=alt.Color(
        "status:N", scale=colours, legend=alt.Legend(title=None, orient="top")))
    name = base.mark_text(baseline="bottom", dy=-2, fontSize=FONT, fontWeight="bold").encode(
        text="name:N", color=alt.Color("ink:N", scale=None))
    status = base.mark_text(baseline="top", dy=4, fontSize=FONT).encode(
        text="status:N", color=alt.Color("ink:N", scale=None))
    rows = -(-len(tiles) // COVERAGE_COLUMNS)
    height = min(HEIGHT, CHART_FRAME + COVERAGE_TILE_HEIGHT * rows)
    return style((rect + name + status).properties(width=WIDTH, height=height), lang)


def coverage_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    if "members" in frame.columns:
        return pd.DataFrame({column_label("area_code", lang): frame["name"],
                             t("present.coverage.col.municipalities", lang): frame["label"],
                             t("present.coverage.county", lang): frame["county"]})
    return pd.DataFrame({t("present.coverage.col.organisation", lang): frame["name"],
                         column_label("org_type", lang): frame["org_type"],
                         t("present.coverage.col.status", lang): frame["status"]})


def projector_tile_map(frame: pd.DataFrame, domain: list[str], colours: list[str], title: str, legend_title: str,
                       lang: str, *, show_legend: bool = True) -> alt.TopLevelMixin:
    """The map's tile grid (no boundaries loaded) in presentation type."""
    return style(charts.indicator_tile_map(frame, domain, colours, title, legend_title, lang, show_legend=show_legend,
                                           font_size=FONT, tile_width=TILE_WIDTH, tile_height=TILE_HEIGHT), lang)


def projector_map(frame: pd.DataFrame, outline: pd.DataFrame | None, value_title: str, municipal: bool,
                  width: int, height: int, lang: str) -> alt.TopLevelMixin:
    """The map slide's map as Vega-Lite geoshapes: `frame` from `mapping.shape_frame` (each unit
    filled with the map view's own colour), `outline` the chosen area's geometry or None. The
    legend is the slide's table beside it, so the chart draws none; the tooltip names the unit
    (and a municipality's area) and gives the value as the deck map's tooltip does."""
    if municipal:
        tooltip = [alt.Tooltip("name:N", title=t("map.col.municipality", lang)),
                   alt.Tooltip("area:N", title=t("map.col.area", lang))]
    else:
        tooltip = [alt.Tooltip("name:N", title=t("map.col.area", lang))]
    tooltip.append(alt.Tooltip("tip:N", title=value_title))
    # What a screen reader says of each shape: its name and value, not its fill's hex code.
    features = [{"type": "Feature", "geometry": r.geometry, "name": r.name, "area": r.area, "tip": r.tip,
                 "colour": r.colour, "said": f"{r.name}: {r.tip}"} for r in frame.itertuples()]
    shapes = alt.Chart(alt.Data(values=features)).mark_geoshape(
        stroke=MAP_BORDER, strokeWidth=MAP_BORDER_WIDTH).encode(
        color=alt.Color("colour:N", scale=None), tooltip=tooltip, description="said:N")
    layers: list[alt.Chart] = [shapes]
    if outline is not None and len(outline):
        layers.append(alt.Chart(alt.Data(values=[{"type": "Feature", "geometry": g} for g in outline["geometry"]]))
                      # No fill at all (not Vega-Lite's "transparent"), so the pointer reaches
                      # the municipalities under the outline and their tooltips.
                      .mark_geoshape(filled=False, fill=None, stroke=MAP_AREA_BORDER,
                                     strokeWidth=MAP_AREA_BORDER_WIDTH, aria=False))
    chart = alt.layer(*layers).project(type=MAP_PROJECTION).properties(width=width, height=height)
    return style(chart.configure_view(stroke=None), lang)
