"""The area profile: one area's municipalities, agreements, structures, forum participation,
survey and maturity against the whole country. Pure functions on the store's frames; the
tables come with headers in the chosen language and every chart has a table beside it.

Comparisons with the whole country:

* survey: the latest wave (by publication date) that has rows for the area; the area's value
  and the national value of the same statement, both for all respondents (HEADLINE_GROUP);
* maturity: the area's latest assessment round against every assessed area's latest round,
  pooled over respondents (so an area with more respondents weighs more, as in a national
  survey); means are on the 1–3 scale of the continuum.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import altair as alt
import pandas as pd

from yhdyspinta.domain import (
    MATURITY_DIMENSIONS,
    SMALL_N_THRESHOLD,
    AgreementKind,
    ApprovalStatus,
    OrgType,
    SurveyLevel,
)
from yhdyspinta.i18n import column_label, enum_label, t
from yhdyspinta.metrics import HEADLINE_GROUP, as_date
from yhdyspinta.presentation import area_name, municipality_name
from yhdyspinta.store.schema import MATURITY_COLUMNS

# Okabe–Ito: the area against the country; every mark also carries a text label or shape.
AREA_COLOUR = "#0072B2"
NATIONAL_COLOUR = "#E69F00"
EVENT_COLOURS = ("#0072B2", "#009E73", "#56B4E9", "#D55E00")
EVENT_SHAPES = ("circle", "diamond", "triangle-up", "cross")
# Streamlit fits a chart's whole drawing (axes, legend, title) into its width and height, so
# heights are the rows plus room for the title, the axis and the legend.
CHART_WIDTH = 900
ROW_HEIGHT = 24
FRAME_HEIGHT = 90
DIMENSION_COLUMNS: dict[str, str] = dict(zip([d.value for d in MATURITY_DIMENSIONS], MATURITY_COLUMNS, strict=True))


def members(area: int, municipalities: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The area's municipalities, sorted by name in `lang`."""
    out = municipalities[municipalities["area_code"] == area].copy()
    out["name"] = out["code"].map(lambda c: municipality_name(c, lang))
    return out.sort_values("name", key=lambda s: s.str.lower()).reset_index(drop=True)


def _strategic(area: int, agreements: pd.DataFrame) -> pd.Series | None:
    rows = agreements[(agreements["area_code"] == area) & (agreements["kind"] == AgreementKind.COLLABORATION)]
    return None if rows.empty else rows.iloc[0]


def forums_attended(participation: pd.DataFrame, org_type: str, keys: list[str]) -> dict[str, int]:
    """Distinct forums each organisation took part in."""
    rows = participation[(participation["org_type"] == org_type) & participation["org_key"].isin(keys)]
    counts = rows.groupby("org_key")["forum_date"].nunique()
    return {k: int(counts.get(k, 0)) for k in keys}


def municipality_table(area: int, frames: dict[str, pd.DataFrame], lang: str) -> pd.DataFrame:
    """One row per member municipality: name, language status, population, its council's
    decision on the area's strategic agreement, and the forums it attended."""
    munis = members(area, frames["municipalities"], lang)
    approvals = frames["approvals"]
    approvals = approvals[(approvals["area_code"] == area)
                          & (approvals["agreement_kind"] == AgreementKind.COLLABORATION)]
    by_code = {r.municipality_code: r for r in approvals.itertuples()}
    has_agreement = _strategic(area, frames["agreements"]) is not None
    attended = forums_attended(frames["participation"], OrgType.MUNICIPALITY, list(munis["code"]))
    rows = []
    for m in munis.itertuples():
        decision = by_code.get(m.code)
        if decision is not None:
            status = enum_label("ApprovalStatus", decision.status, lang)
        else:
            status = t("profile.no_decision" if has_agreement else "profile.no_agreement", lang)
        population = m.population if m.population is not None and m.population == m.population else None
        rows.append({
            t("profile.col.municipality", lang): m.name,
            column_label("code", lang): m.code,
            column_label("language", lang): enum_label("Language", m.language, lang),
            column_label("population", lang): None if population is None else int(population),
            t("profile.col.council", lang): status,
            column_label("decided_on", lang): as_date(decision.decided_on) if decision is not None else None,
            t("profile.col.forums", lang): attended[m.code],
        })
    return pd.DataFrame(rows)


def agreement_table(area: int, frames: dict[str, pd.DataFrame], lang: str) -> pd.DataFrame:
    agreements = frames["agreements"]
    agreements = agreements[agreements["area_code"] == area]
    approvals = frames["approvals"]
    member_count = int((frames["municipalities"]["area_code"] == area).sum())
    rows = []
    for a in agreements.itertuples():
        mine = approvals[(approvals["area_code"] == area) & (approvals["agreement_kind"] == a.kind)]
        approved = int((mine["status"] == ApprovalStatus.APPROVED).sum())
        rows.append({
            column_label("kind", lang): enum_label("AgreementKind", a.kind, lang),
            column_label("title", lang): a.title,
            column_label("status", lang): enum_label("AgreementStatus", a.status, lang),
            column_label("preparation_started_on", lang): as_date(a.preparation_started_on),
            column_label("approved_on", lang): as_date(a.approved_on),
            column_label("valid_until", lang): as_date(a.valid_until),
            t("profile.col.council_approved", lang): f"{approved} / {member_count}",
            column_label("themes", lang): ", ".join(enum_label("Theme", p, lang)
                                                    for p in str(a.themes or "").split(";") if p),
        })
    return pd.DataFrame(rows)


EVENTS = ("preparation", "approved", "council_approved", "council_rejected")


def agreement_events(area: int, frames: dict[str, pd.DataFrame], lang: str) -> pd.DataFrame:
    """Dated events of the area's agreements: preparation started, approved, and each
    council's decision. Undated events are left out (they cannot be placed on a timeline)."""
    agreements = frames["agreements"]
    agreements = agreements[agreements["area_code"] == area]
    approvals = frames["approvals"]
    rows: list[dict[str, object]] = []

    def add(kind: str, event: str, day: object, who: str) -> None:
        when = as_date(day)
        if when is not None:
            rows.append({"agreement": enum_label("AgreementKind", kind, lang), "event": event,
                         "event_label": t(f"profile.event.{event}", lang), "day": when, "who": who})

    for a in agreements.itertuples():
        add(a.kind, "preparation", a.preparation_started_on, area_name(area, lang))
        add(a.kind, "approved", a.approved_on, area_name(area, lang))
        mine = approvals[(approvals["area_code"] == area) & (approvals["agreement_kind"] == a.kind)]
        if "agreement_term_start" in mine:  # an area with a renewal: each agreement's own decisions
            mine = mine[mine["agreement_term_start"].isna() | (mine["agreement_term_start"] == a.term_start)]
        for d in mine.itertuples():
            if d.status == ApprovalStatus.APPROVED:
                add(a.kind, "council_approved", d.decided_on, municipality_name(d.municipality_code, lang))
            elif d.status == ApprovalStatus.REJECTED:
                add(a.kind, "council_rejected", d.decided_on, municipality_name(d.municipality_code, lang))
    return pd.DataFrame(rows, columns=["agreement", "event", "event_label", "day", "who"]).sort_values(
        ["day", "agreement"], kind="stable").reset_index(drop=True)


def events_table(events: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        t("profile.col.day", lang): events["day"],
        column_label("agreement_kind", lang): events["agreement"],
        t("profile.col.event", lang): events["event_label"],
        t("profile.col.who", lang): events["who"],
    })


def timeline_chart(events: pd.DataFrame, lang: str) -> alt.Chart:
    """Events on a time axis, one row per agreement; shape and colour both tell the event."""
    labels = [t(f"profile.event.{e}", lang) for e in EVENTS]
    frame = events.assign(day=pd.to_datetime(events["day"]))
    return alt.Chart(frame, title=t("profile.timeline", lang)).mark_point(size=120, filled=True, opacity=0.85).encode(
        x=alt.X("day:T", title=t("profile.col.day", lang), axis=alt.Axis(format="%-d.%-m.%Y")),
        y=alt.Y("agreement:N", title=None, axis=alt.Axis(labelLimit=260)),
        color=alt.Color("event_label:N", scale=alt.Scale(domain=labels, range=list(EVENT_COLOURS)),
                        legend=alt.Legend(title=t("profile.col.event", lang), orient="bottom")),
        shape=alt.Shape("event_label:N", scale=alt.Scale(domain=labels, range=list(EVENT_SHAPES)), legend=None),
        yOffset=alt.YOffset("event_label:N", scale=alt.Scale(domain=labels)),
        tooltip=[alt.Tooltip("day:T", title=t("profile.col.day", lang), format="%-d.%-m.%Y"),
                 alt.Tooltip("event_label:N", title=t("profile.col.event", lang)),
                 alt.Tooltip("who:N", title=t("profile.col.who", lang))],
    ).properties(width=CHART_WIDTH, height=FRAME_HEIGHT + 60 + 90 * events["agreement"].nunique())


def structure_table(area: int, structures: pd.DataFrame, lang: str) -> pd.DataFrame:
    rows = structures[structures["area_code"] == area]
    return pd.DataFrame({
        column_label("kind", lang): [enum_label("StructureKind", k, lang) for k in rows["kind"]],
        column_label("name", lang): list(rows["name"]),
        column_label("theme", lang): [enum_label("Theme", v, lang) if isinstance(v, str) and v else ""
                                      for v in rows["theme"]],
        column_label("established_on", lang): [as_date(v) for v in rows["established_on"]],
        column_label("url", lang): [v if isinstance(v, str) else None for v in rows["url"]],
    })


def participation_by_municipality(area: int, frames: dict[str, pd.DataFrame], lang: str) -> pd.DataFrame:
    """Every member municipality (also those that never attended): forums attended and the
    people sent in all; most active first."""
    munis = members(area, frames["municipalities"], lang)
    part = frames["participation"]
    mine = part[(part["org_type"] == OrgType.MUNICIPALITY) & part["org_key"].isin(munis["code"])]
    people = mine.groupby("org_key")["participants"].sum()
    attended = forums_attended(part, OrgType.MUNICIPALITY, list(munis["code"]))
    out = pd.DataFrame({
        "name": munis["name"],
        "forums": [attended[c] for c in munis["code"]],
        "participants": [int(people.get(c, 0)) for c in munis["code"]],
    })
    return out.sort_values(["forums", "name"], ascending=[False, True], kind="stable").reset_index(drop=True)


def participation_chart(frame: pd.DataFrame, lang: str) -> alt.Chart:
    base = alt.Chart(frame, title=t("profile.participation", lang)).encode(
        y=alt.Y("name:N", sort=None, title=None, axis=alt.Axis(labelLimit=200)),
        x=alt.X("forums:Q", title=t("profile.col.forums", lang), axis=alt.Axis(tickMinStep=1)),
        tooltip=[alt.Tooltip("name:N", title=t("profile.col.municipality", lang)),
                 alt.Tooltip("forums:Q", title=t("profile.col.forums", lang)),
                 alt.Tooltip("participants:Q", title=column_label("participants", lang))],
    )
    bars = base.mark_bar(color=AREA_COLOUR)
    labels = base.mark_text(align="left", dx=3, color="#000000").encode(text="forums:Q")
    return (bars + labels).properties(width=CHART_WIDTH - 200, height=FRAME_HEIGHT + ROW_HEIGHT * len(frame))


def participation_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return frame.rename(columns={"name": t("profile.col.municipality", lang),
                                 "forums": t("profile.col.forums", lang),
                                 "participants": column_label("participants", lang)})


@dataclass(frozen=True)
class SurveyComparison:
    survey: str
    wave: str
    published_on: date | None
    rows: pd.DataFrame  # statement, area, area_n, national, national_n


def survey_comparison(area: int | None, survey: pd.DataFrame) -> SurveyComparison | None:
    """HEADLINE_GROUP's values per statement in the latest wave that has values for the area
    (for the whole country: the latest wave), the area beside the national value."""
    rows = survey[survey["respondent_group"] == HEADLINE_GROUP]
    national = rows[rows["level"] == SurveyLevel.NATIONAL]
    if national.empty:
        return None
    area_rows = rows[(rows["level"] == SurveyLevel.AREA) & (rows["level_key"] == str(area))] if area else None
    candidates = area_rows if area_rows is not None and len(area_rows) else national
    waves = candidates.assign(_day=candidates["published_on"].map(lambda d: as_date(d) or date.min))
    latest = waves.groupby(["survey", "wave"], sort=False)["_day"].max().sort_values(kind="stable")
    survey_name, wave = latest.index[-1]
    in_wave = national[(national["survey"] == survey_name) & (national["wave"] == wave)]
    out = pd.DataFrame({"statement": in_wave["statement"].to_numpy(),
                        "national": in_wave["value_pct"].to_numpy(),
                        "national_n": in_wave["n"].to_numpy()})
    if area_rows is not None:
        mine = area_rows[(area_rows["survey"] == survey_name) & (area_rows["wave"] == wave)]
        by_statement = mine.set_index("statement")
        out["area"] = out["statement"].map(by_statement["value_pct"]) if len(mine) else None
        out["area_n"] = out["statement"].map(by_statement["n"]) if len(mine) else None
    published = [d for d in (as_date(v) for v in in_wave["published_on"]) if d is not None]
    return SurveyComparison(str(survey_name), str(wave), max(published) if published else None,
                            out.reset_index(drop=True))


def survey_long(comparison: SurveyComparison, area: int | None, lang: str) -> pd.DataFrame:
    """One row per statement and series (the area, the whole country), for charts."""
    series = [("national", "national_n", t("profile.series.national", lang))]
    if area is not None and "area" in comparison.rows:
        series.insert(0, ("area", "area_n", area_name(area, lang)))
    parts = []
    for value, n, label in series:
        rows = comparison.rows[comparison.rows[value].notna()] if value in comparison.rows else comparison.rows
        parts.append(pd.DataFrame({"statement": rows["statement"], "series": label,
                                   "value": rows[value].astype(float), "n": rows[n].astype(int),
                                   "small_n": rows[n].astype(int) < SMALL_N_THRESHOLD}))
    return pd.concat(parts, ignore_index=True)


def _series_scale(long: pd.DataFrame) -> alt.Scale:
    domain = list(dict.fromkeys(long["series"]))
    colours = [AREA_COLOUR, NATIONAL_COLOUR] if len(domain) == 2 else [NATIONAL_COLOUR]
    return alt.Scale(domain=domain, range=colours)


def comparison_bars(long: pd.DataFrame, *, category: str, value_title: str, title: str,
                    x_domain: tuple[float, float], value_format: str, width: int = CHART_WIDTH,
                    row_height: int = ROW_HEIGHT, font_size: int = 12) -> alt.Chart:
    """Grouped horizontal bars, one group per category, the series told apart by order,
    colour and legend; each bar ends in its value as text."""
    scale = _series_scale(long)
    base = alt.Chart(long, title=title).encode(
        y=alt.Y(f"{category}:N", sort=None, title=None,
                axis=alt.Axis(labelLimit=width // 2 - 60, labelFontSize=font_size)),
        yOffset=alt.YOffset("series:N", scale=alt.Scale(domain=scale.domain)),
        x=alt.X("value:Q", title=value_title, scale=alt.Scale(domain=list(x_domain)),
                axis=alt.Axis(labelFontSize=font_size, titleFontSize=font_size, tickCount=5)),
        tooltip=[alt.Tooltip(f"{category}:N"), alt.Tooltip("series:N"),
                 alt.Tooltip("value:Q", format=value_format)],
    )
    # Bars start at the scale's floor (1 on the maturity scale), never outside the plot.
    bars = base.mark_bar().encode(x2=alt.datum(x_domain[0]), color=alt.Color("series:N", scale=scale, legend=alt.Legend(
        title=None, orient="top", labelFontSize=font_size, labelLimit=400)))
    text = base.mark_text(align="left", dx=3, fontSize=font_size - 1, color="#000000").encode(
        text=alt.Text("value:Q", format=value_format))
    groups = long[category].nunique()
    series = long["series"].nunique()
    return (bars + text).properties(width=width, height=FRAME_HEIGHT + 2 * font_size + groups * series * row_height)


def survey_chart(long: pd.DataFrame, comparison: SurveyComparison, lang: str, **sizes: int) -> alt.Chart:
    title = t("profile.survey_title", lang, survey=comparison.survey, wave=comparison.wave)
    return comparison_bars(long, category="statement", value_title=t("profile.survey_axis", lang), title=title,
                           x_domain=(0, 100), value_format=".0f", **sizes)


def survey_table(long: pd.DataFrame, lang: str) -> pd.DataFrame:
    small = t("survey.small_n", lang, n=SMALL_N_THRESHOLD)
    return pd.DataFrame({
        column_label("statement", lang): long["statement"],
        t("profile.col.series", lang): long["series"],
        column_label("value_pct", lang): long["value"].round(1),
        column_label("n", lang): long["n"],
        t("profile.col.note", lang): long["small_n"].map(lambda s: small if s else ""),
    })


@dataclass(frozen=True)
class MaturityComparison:
    assessed_on: date | None
    area_respondents: int
    national_areas: int
    national_respondents: int
    rows: pd.DataFrame  # dimension (code), area, national


def latest_rounds(maturity: pd.DataFrame) -> pd.DataFrame:
    latest = maturity.groupby("area_code")["assessed_on"].transform("max")
    return maturity[maturity["assessed_on"] == latest]


def maturity_comparison(area: int | None, maturity: pd.DataFrame) -> MaturityComparison | None:
    """Mean score per dimension: the area's latest round and the national pool of every
    assessed area's latest round. None when nobody has been assessed."""
    if maturity.empty:
        return None
    latest = latest_rounds(maturity)
    national = latest[list(MATURITY_COLUMNS)].mean()
    mine = latest[latest["area_code"] == area] if area is not None else latest.iloc[0:0]
    rows = pd.DataFrame({"dimension": list(DIMENSION_COLUMNS),
                         "national": [float(national[c]) for c in MATURITY_COLUMNS]})
    if area is not None:
        rows["area"] = [float(mine[c].mean()) if len(mine) else None for c in MATURITY_COLUMNS]
    return MaturityComparison(
        assessed_on=as_date(mine["assessed_on"].iloc[0]) if len(mine) else None,
        area_respondents=len(mine), national_areas=int(latest["area_code"].nunique()),
        national_respondents=len(latest), rows=rows)


def maturity_long(comparison: MaturityComparison, area: int | None, lang: str) -> pd.DataFrame:
    series = [("national", t("profile.series.national", lang))]
    if area is not None and comparison.area_respondents:
        series.insert(0, ("area", area_name(area, lang)))
    labels = [column_label(DIMENSION_COLUMNS[d], lang) for d in comparison.rows["dimension"]]
    parts = [pd.DataFrame({"dimension": labels, "series": label, "value": comparison.rows[value].astype(float)})
             for value, label in series]
    return pd.concat(parts, ignore_index=True)


def maturity_chart(long: pd.DataFrame, lang: str, **sizes: int) -> alt.Chart:
    return comparison_bars(long, category="dimension", value_title=t("profile.maturity_axis", lang),
                           title=t("profile.maturity_title", lang), x_domain=(1, 3), value_format=".1f", **sizes)


def maturity_table(long: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({t("profile.col.dimension", lang): long["dimension"],
                         t("profile.col.series", lang): long["series"],
                         t("profile.col.mean", lang): long["value"].round(2)})

