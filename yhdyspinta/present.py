"""Figures for presentation mode: the country (or the chosen area) at a glance, sized for a
1920×1080 projector. Pure: frames in, small frames and Altair charts out.

Every chart carries its values as text as well as colour, and each view's frame doubles as
its table.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd

from yhdyspinta import facts
from yhdyspinta import profile as prof
from yhdyspinta.charts import STATUS_COLOURS
from yhdyspinta.domain import AgreementKind, AgreementStatus, ApprovalStatus, OrgType
from yhdyspinta.filters import Filters
from yhdyspinta.i18n import column_label, enum_label, format_day, t
from yhdyspinta.indicators.asof import latest_agreements, latest_approvals
from yhdyspinta.metrics import as_date
from yhdyspinta.presentation import area_name
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


def status_by_area(frames: dict[str, pd.DataFrame], filters: Filters) -> pd.DataFrame:
    """Per in-scope area (the chosen one only, if any): its strategic agreement's status and
    how many member councils have approved it. Ordered by status along the lifecycle."""
    agreements = latest_agreements(frames["agreements"])
    strategic = agreements[agreements["kind"] == AgreementKind.COLLABORATION].set_index("area_code")
    approvals = latest_approvals(frames["approvals"])
    approved = approvals[(approvals["agreement_kind"] == AgreementKind.COLLABORATION)
                         & (approvals["status"] == ApprovalStatus.APPROVED)].groupby("area_code").size()
    munis = frames["municipalities"].groupby("area_code").size()
    order = list(AgreementStatus)
    rows = []
    for area in facts.in_scope_areas():
        if filters.area is not None and area.code != filters.area:
            continue
        status = strategic["status"].get(area.code)
        members = int(munis.get(area.code, 0))
        done = int(approved.get(area.code, 0))
        rows.append({"code": area.code, "area": short_name(area.code, filters.lang),
                     "status": enum_label("AgreementStatus", status, filters.lang) if status else "–",
                     "rank": order.index(AgreementStatus(status)) if status else -1,
                     "approved": done, "members": members,
                     "share": 100 * done / members if members else 0.0})
    out = pd.DataFrame(rows)
    if out.empty:
        return out
    out["label"] = [f"{s} · {a}/{m}" for s, a, m in zip(out["status"], out["approved"], out["members"], strict=True)]
    return out.sort_values(["rank", "share"], ascending=[False, False], kind="stable").reset_index(drop=True)


def status_chart(frame: pd.DataFrame, lang: str) -> alt.TopLevelMixin:
    domain = [enum_label("AgreementStatus", s, lang) for s in AgreementStatus]
    base = alt.Chart(frame, title=t("present.status_title", lang)).encode(
        y=alt.Y("area:N", sort=None, title=None, axis=alt.Axis(labelOverlap=False)),
        x=alt.X("share:Q", title=t("present.status_axis", lang), scale=alt.Scale(domain=[0, 100])),
        tooltip=[alt.Tooltip("area:N"), alt.Tooltip("label:N")],
    )
    bars = base.mark_bar(stroke="#333333", strokeWidth=0.5).encode(
        color=alt.Color("status:N", scale=alt.Scale(domain=domain, range=list(STATUS_COLOURS)),
                        legend=alt.Legend(title=enum_label("AgreementKind", AgreementKind.COLLABORATION, lang),
                                          orient="bottom", columns=3)))
    text = base.mark_text(align="left", dx=4, fontSize=FONT - 2, color="#000000").encode(text="label:N")
    height = min(HEIGHT, 200 + 30 * len(frame))
    return style((bars + text).properties(width=WIDTH - 350, height=height))


def status_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({column_label("area_code", lang): frame["area"], column_label("status", lang): frame["status"],
                         t("present.col.approved", lang): [f"{a} / {m}" for a, m in
                                                           zip(frame["approved"], frame["members"], strict=True)]})


def forum_participation(frames: dict[str, pd.DataFrame], filters: Filters) -> pd.DataFrame:
    """Organisations at each forum by type; with an area chosen, its municipalities and the
    county itself."""
    part = frames["participation"]
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


def maturity_heat(frames: dict[str, pd.DataFrame], filters: Filters) -> pd.DataFrame:
    """Mean score per area and dimension in each area's latest round, plus the national pool
    (see yhdyspinta.profile); with an area chosen, that area and the national row."""
    maturity = frames["maturity"]
    if maturity.empty:
        return pd.DataFrame(columns=["area", "dimension", "mean", "respondents"])
    latest = prof.latest_rounds(maturity)
    rows = []
    national = t("profile.series.national", filters.lang)
    groups = [(short_name(int(code), filters.lang), g) for code, g in latest.groupby("area_code")
              if filters.area is None or int(code) == filters.area]
    groups.append((national, latest))
    for name, group in groups:
        for column in MATURITY_COLUMNS:
            rows.append({"area": name, "dimension": column_label(column, filters.lang),
                         "mean": round(float(group[column].mean()), 2), "respondents": len(group)})
    return pd.DataFrame(rows)


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


def build_views(frames: dict[str, pd.DataFrame], filters: Filters) -> Views:
    return Views(
        status=status_by_area(frames, filters),
        forums=forum_participation(frames, filters),
        survey=prof.survey_comparison(filters.area, frames["survey"]),
        maturity=maturity_heat(frames, filters),
    )


def area_title(filters: Filters) -> str:
    name = t("filter.area.all", filters.lang) if filters.area is None else area_name(filters.area, filters.lang)
    return name.strip()


def survey_slide(long: pd.DataFrame, survey: prof.SurveyComparison, lang: str) -> alt.TopLevelMixin:
    """The profile's survey chart at projector size, rows sharing the slide's height."""
    row_height = (HEIGHT - 160) // max(1, len(long))
    return style(prof.survey_chart(long, survey, lang, width=WIDTH, row_height=row_height, font_size=FONT))
