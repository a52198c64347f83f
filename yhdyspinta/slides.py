"""Figures for presentation mode: the country (or the chosen area) at a glance, sized for a
1920×1080 projector. Pure: frames in, small frames and Altair charts out.

Every chart carries its values as text as well as colour, and each view's frame doubles as
its table.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd

from yhdyspinta import facts, indicators
from yhdyspinta import profile as prof
from yhdyspinta.display import area_name
from yhdyspinta.domain import AgreementKind, AgreementStatus, OrgType
from yhdyspinta.filters import Filters
from yhdyspinta.i18n import column_label, enum_label, format_day, t
from yhdyspinta.indicators import labels
from yhdyspinta.indicators.asof import AgreementState, AsOf, as_date
from yhdyspinta.palette import EXPIRED_COLOUR, NOT_APPLICABLE_COLOUR, STATUS_COLOURS
from yhdyspinta.store.schema import MATURITY_COLUMNS
from yhdyspinta.tilegrid import short_name

FONT = 18  # axis labels and value texts: readable from the back of a room
TITLE_FONT = 22
# Streamlit fits a chart's whole drawing (axes, legend, title) into its width and height:
# these are the outer sizes that fill a 1920×1080 projector under the title and the buttons.
WIDTH = 1750
HEIGHT = 740
ORG_COLOURS = ("#0072B2", "#E69F00", "#999999")  # municipality, county, other (Okabe–Ito, grey)
HEAT_SCHEME = "blues"


def style(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    return chart.configure_axis(labelFontSize=FONT, titleFontSize=FONT, labelLimit=360).configure_legend(
        labelFontSize=FONT, titleFontSize=FONT, labelLimit=500, titleLimit=900).configure_title(fontSize=TITLE_FONT)


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
    order = [*AgreementStatus]
    rows = []
    for area in facts.in_scope_areas():
        if filters.area is not None and area.code != filters.area:
            continue
        strategic = state.strategic.get(area.code)
        council = approved[area.code]
        if strategic is None:
            status, rank = t("indicator.not_applicable", filters.lang), -2
        elif strategic.state == AgreementState.EXPIRED:
            status, rank = t("map.expired", filters.lang), len(order)
        elif strategic.status:
            status, rank = enum_label("AgreementStatus", strategic.status, filters.lang), order.index(
                AgreementStatus(strategic.status))
        else:
            status, rank = "–", -1
        rows.append({"code": area.code, "area": short_name(area.code, filters.lang), "status": status, "rank": rank,
                     "approved": labels.value_text(council, filters.lang),
                     "share": 100 * (council.share or 0.0)})
    out = pd.DataFrame(rows)
    if out.empty:
        return out
    out["label"] = [f"{s} · {a}" for s, a in zip(out["status"], out["approved"], strict=True)]
    return out.sort_values(["rank", "share"], ascending=[False, False], kind="stable").reset_index(drop=True)


def status_chart(frame: pd.DataFrame, lang: str) -> alt.TopLevelMixin:
    domain = [*(enum_label("AgreementStatus", s, lang) for s in AgreementStatus), t("map.expired", lang),
              t("indicator.not_applicable", lang)]
    base = alt.Chart(frame, title=t("present.status_title", lang)).encode(
        y=alt.Y("area:N", sort=None, title=None, axis=alt.Axis(labelOverlap=False)),
        x=alt.X("share:Q", title=t("present.status_axis", lang), scale=alt.Scale(domain=[0, 100])),
        tooltip=[alt.Tooltip("area:N"), alt.Tooltip("label:N")],
    )
    bars = base.mark_bar(stroke="#333333", strokeWidth=0.5).encode(
        color=alt.Color("status:N", scale=alt.Scale(domain=domain, range=[*STATUS_COLOURS, EXPIRED_COLOUR,
                                                                           NOT_APPLICABLE_COLOUR]),
                        legend=alt.Legend(title=enum_label("AgreementKind", AgreementKind.COLLABORATION, lang),
                                          orient="bottom", columns=3)))
    text = base.mark_text(align="left", dx=4, fontSize=FONT - 2, color="#000000").encode(text="label:N")
    height = min(HEIGHT, 200 + 30 * len(frame))
    return style((bars + text).properties(width=WIDTH - 350, height=height))


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
        baseline="bottom", dy=-4, fontSize=FONT - 2, color="#000000").encode(
        x=alt.X("day:N", sort=days), y=alt.Y("total:Q"), text=alt.Text("total:Q"))
    return style((bars + totals).properties(width=WIDTH, height=HEIGHT))


def forum_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    wide = frame.pivot_table(index=["day", "title"], columns="org_type", values="organisations",
                             sort=False).reset_index()
    return wide.rename(columns={"day": column_label("held_on", lang), "title": column_label("title", lang)})


def maturity_heat(state: AsOf, filters: Filters) -> pd.DataFrame:
    """Mean score per area and dimension (the catalogue's maturity indicators), and the whole
    country's; with an area chosen, that area and the country."""
    columns = ["area", "dimension", "mean", "respondents"]
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
                         "respondents": value.n})
    return pd.DataFrame(rows, columns=columns)


def maturity_chart(frame: pd.DataFrame, lang: str) -> alt.TopLevelMixin:
    dims = list(dict.fromkeys(frame["dimension"]))
    areas = list(dict.fromkeys(frame["area"]))
    base = alt.Chart(frame, title=t("present.maturity_title", lang)).encode(
        x=alt.X("dimension:N", sort=dims, title=None, axis=alt.Axis(labelAngle=0, orient="top")),
        y=alt.Y("area:N", sort=areas, title=None),
        tooltip=[alt.Tooltip("area:N"), alt.Tooltip("dimension:N"), alt.Tooltip("mean:Q", format=".2f"),
                 alt.Tooltip("respondents:Q")],
    )
    cells = base.mark_rect(stroke="#ffffff").encode(color=alt.Color(
        "mean:Q", scale=alt.Scale(scheme=HEAT_SCHEME, domain=[1, 3]),
        legend=alt.Legend(title=t("profile.maturity_axis", lang), orient="right", direction="vertical")))
    # Dark cells get white text, light ones black: the value stays legible on every shade.
    text = base.mark_text(fontSize=FONT + 4).encode(
        text=alt.Text("mean:Q", format=".1f"),
        color=alt.condition(alt.datum.mean >= 2.2, alt.value("#ffffff"), alt.value("#000000")))
    height = min(HEIGHT, 200 + 80 * len(areas))
    return style((cells + text).properties(width=WIDTH, height=height))


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
    row_height = (HEIGHT - 160) // max(1, len(long))
    return style(prof.survey_chart(long, survey, lang, width=WIDTH, row_height=row_height, font_size=FONT))
