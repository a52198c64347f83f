"""The area profile: one area's municipalities, agreements, structures, forum participation,
survey and maturity against the whole country. Pure functions on the store's frames; the
tables come with headers in the chosen language and every chart has a table beside it.

Comparisons with the whole country:

* survey: the latest wave and its values for all respondents, the area's beside the national
  value of the same statement;
* maturity: the area's latest assessment round against the whole country, the mean of the
  assessed areas' means; means are on the 1–3 scale of the continuum.

Both follow the one definition in the indicator catalogue (`yhdyspinta.indicators`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import altair as alt
import pandas as pd

from yhdyspinta import facts, indicators, palette
from yhdyspinta.charts import localised, time_format
from yhdyspinta.display import area_name, municipality_name
from yhdyspinta.domain import (
    MATURITY_DIMENSIONS,
    SMALL_N_THRESHOLD,
    AgreementKind,
    ApprovalStatus,
    OrgType,
)
from yhdyspinta.i18n import column_label, enum_label, format_number, round_half_away, t
from yhdyspinta.indicators import labels
from yhdyspinta.indicators.asof import (
    AsOf,
    approvals_of_the_day,
    as_date,
    council_decisions,
    current_terms,
    decisions_known,
    forums_of,
    known_decisions,
    shown_status,
    survey_rows,
)
from yhdyspinta.store.schema import MATURITY_COLUMNS

# Okabe–Ito: the area against the country; every mark also carries a text label or shape.
AREA_COLOUR = palette.AREA_COLOUR
NATIONAL_COLOUR = palette.COUNTRY_COLOUR
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


def municipality_table(area: int, frames: dict[str, pd.DataFrame], state: AsOf, lang: str) -> pd.DataFrame:
    """One row per member municipality: name, language status, population, its council's
    decision on the area's strategic agreement, and the forums it attended."""
    munis = members(area, frames["municipalities"], lang)
    # The decisions on the area's agreement of the day, as the council figures count them (a
    # renewal's from its term on): not a decision on an expired predecessor.
    approvals = approvals_of_the_day(frames["approvals"], frames["agreements"], AgreementKind.COLLABORATION,
                                     state.as_of)
    by_code = known_decisions(approvals[approvals["area_code"] == area], frames.get("changelog"), state.as_of)
    has_agreement = _strategic(area, frames["agreements"]) is not None
    rows = []
    for m in munis.itertuples():
        decision = by_code.get(m.code)
        if area == facts.HELSINKI_AREA_CODE:
            status = t("indicator.not_applicable", lang)
        elif decision is not None:
            status = enum_label("ApprovalStatus", decision.status, lang)
        else:
            status = t("profile.no_decision", lang) if has_agreement else t("profile.no_agreement", lang)
        population = m.population if m.population is not None and m.population == m.population else None
        rows.append({
            t("profile.col.municipality", lang): m.name,
            column_label("code", lang): m.code,
            column_label("language", lang): enum_label("Language", m.language, lang),
            column_label("population", lang): None if population is None else int(population),
            t("profile.col.council", lang): status,
            column_label("decided_on", lang): decision.decided_on if decision is not None else None,
            t("profile.col.forums", lang): forums_of(state, OrgType.MUNICIPALITY, m.code),
        })
    return pd.DataFrame(rows)


def agreement_table(area: int, frames: dict[str, pd.DataFrame], state: AsOf, lang: str) -> pd.DataFrame:
    agreements = frames["agreements"]
    agreements = agreements[agreements["area_code"] == area]
    approvals = frames["approvals"]
    member_count = int((frames["municipalities"]["area_code"] == area).sum())
    rows = []
    members = set(frames["municipalities"].loc[frames["municipalities"]["area_code"] == area, "code"].astype(str))
    of_the_day = {kind: current_terms(frames["agreements"], kind, state.as_of).get(area)
                  for kind in set(agreements["kind"])}  # each kind's term the day's figures read
    for a in agreements.itertuples():
        term = as_date(a.term_start)
        current = of_the_day[a.kind]
        if a.kind == AgreementKind.COLLABORATION and term == current:  # as the catalogue counts it
            council = labels.value_text(indicators.evaluate("council_approved_municipalities", state,
                                                            indicators.Scope(area)), lang)
        elif term == current:  # another kind's agreement of the day: by the same rule
            decided = council_decisions(frames["approvals"], frames["agreements"], frames.get("changelog"),
                                        state.as_of, a.kind)
            approved = sum(1 for m, s in decided.items() if m in members and s == ApprovalStatus.APPROVED)
            council = f"{approved} / {member_count}"
        else:  # an earlier or later term: the decisions on that agreement known by the day
            mine = approvals[(approvals["area_code"] == area) & (approvals["agreement_kind"] == a.kind)
                             & (approvals["agreement_term_start"].map(as_date) == term)]
            decided = decisions_known(mine, frames.get("changelog"), state.as_of)
            council = f"{sum(1 for s in decided.values() if s == ApprovalStatus.APPROVED)} / {member_count}"
        rows.append({
            column_label("kind", lang): enum_label("AgreementKind", a.kind, lang),
            column_label("title", lang): a.title,
            column_label("status", lang): labels.status_text(shown_status(a.status, a.valid_from, a.valid_until,
                                                                          state.as_of), lang),
            column_label("preparation_started_on", lang): as_date(a.preparation_started_on),
            column_label("approved_on", lang): as_date(a.approved_on),
            column_label("valid_from", lang): as_date(a.valid_from),
            column_label("valid_until", lang): as_date(a.valid_until),
            t("profile.col.council_approved", lang): council,
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

    def add(agreement: str, event: str, day: object, who: str) -> None:
        when = as_date(day)
        if when is not None:
            rows.append({"agreement": agreement, "event": event,
                         "event_label": t(f"profile.event.{event}", lang), "day": when, "who": who})

    for a in agreements.itertuples():
        name = agreement_label(a, lang)
        add(name, "preparation", a.preparation_started_on, area_name(area, lang))
        add(name, "approved", a.approved_on, area_name(area, lang))
        mine = approvals[(approvals["area_code"] == area) & (approvals["agreement_kind"] == a.kind)]
        if "agreement_term_start" in mine:  # an area with a renewal: each agreement's own decisions
            mine = mine[mine["agreement_term_start"].isna() | (mine["agreement_term_start"] == a.term_start)]
        for d in mine.itertuples():
            if d.status == ApprovalStatus.APPROVED:
                add(name, "council_approved", d.decided_on, municipality_name(d.municipality_code, lang))
            elif d.status == ApprovalStatus.REJECTED:
                add(name, "council_rejected", d.decided_on, municipality_name(d.municipality_code, lang))
    return pd.DataFrame(rows, columns=["agreement", "event", "event_label", "day", "who"]).sort_values(
        ["day", "agreement"], kind="stable").reset_index(drop=True)


def _term_text(agreement: object) -> str | None:
    """"2026–2029" from an agreement's validity (or its term start alone), None without dates."""
    start = as_date(getattr(agreement, "term_start", None)) or as_date(getattr(agreement, "valid_from", None))
    end = as_date(getattr(agreement, "valid_until", None))
    if start is None:
        return None
    return f"{start.year}–{end.year}" if end is not None else f"{start.year}–"


def agreement_label(agreement: Any, lang: str) -> str:
    """The agreement's kind, with its term ("Strateginen yhteistyösopimus 2026–2029") when it has one."""
    term = _term_text(agreement)
    label = enum_label("AgreementKind", str(agreement.kind), lang)
    return f"{label} {term}" if term else label


def agreement_terms(area: int, frames: dict[str, pd.DataFrame], today: date, lang: str) -> pd.DataFrame:
    """Each of the area's agreements with its validity as a span on the timeline (an open end
    runs to `today`); agreements without a start of validity are left out."""
    agreements = frames["agreements"]
    agreements = agreements[agreements["area_code"] == area]
    rows = []
    for a in agreements.itertuples():
        start, end = as_date(a.valid_from), as_date(a.valid_until)
        if start is None:
            continue
        rows.append({"agreement": agreement_label(a, lang), "start": start,
                     "end": end if end is not None else max(today, start), "term": _term_text(a) or ""})
    return pd.DataFrame(rows, columns=["agreement", "start", "end", "term"])


def approval_curve(events: pd.DataFrame) -> pd.DataFrame:
    """Per agreement, how many councils had approved it by each day one did: the approvals by
    municipality over time, as a step line."""
    approved = events[events["event"] == "council_approved"].sort_values("day", kind="stable")
    counts = approved.groupby("agreement", sort=False).cumcount() + 1
    out = pd.DataFrame({"agreement": approved["agreement"], "day": approved["day"], "approved": counts,
                        "who": approved["who"]})
    return out.reset_index(drop=True)


def approval_curve_chart(curve: pd.DataFrame, members: int, lang: str) -> alt.Chart:
    """Councils approved over time, one step line per agreement, up to the area's municipalities."""
    frame = curve.assign(day=pd.to_datetime(curve["day"]))
    title = t("scorecard.approvals_title", lang, members=members)
    base = alt.Chart(frame, title=title).encode(
        x=alt.X("day:T", title=t("profile.col.day", lang), axis=alt.Axis(format=time_format(lang))),
        y=alt.Y("approved:Q", title=t("scorecard.approvals_axis", lang),
                scale=alt.Scale(domain=[0, max(members, 1)]), axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("agreement:N", legend=alt.Legend(title=None, orient="bottom", labelLimit=400),
                        scale=alt.Scale(range=list(CURVE_COLOURS))),
        tooltip=[alt.Tooltip("day:T", title=t("profile.col.day", lang), format=time_format(lang)),
                 alt.Tooltip("agreement:N", title=column_label("agreement_kind", lang)),
                 alt.Tooltip("who:N", title=t("profile.col.who", lang)),
                 alt.Tooltip("approved:Q", title=t("scorecard.approvals_axis", lang))],
    )
    line = base.mark_line(interpolate="step-after")
    points = base.mark_point(filled=True, size=60).encode(shape=alt.Shape("agreement:N", legend=None))
    return (line + points).properties(width=CHART_WIDTH, height=FRAME_HEIGHT + 220)


def events_table(events: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        t("profile.col.day", lang): events["day"],
        column_label("agreement_kind", lang): events["agreement"],
        t("profile.col.event", lang): events["event_label"],
        t("profile.col.who", lang): events["who"],
    })


def timeline_chart(events: pd.DataFrame, lang: str, terms: pd.DataFrame | None = None) -> alt.Chart:
    """Events on a time axis, one row per agreement; shape and colour both tell the event. With
    `terms`, each agreement's validity is a grey band behind its events."""
    labels = [t(f"profile.event.{e}", lang) for e in EVENTS]
    frame = events.assign(day=pd.to_datetime(events["day"]))
    rows = list(dict.fromkeys([*events["agreement"], *([] if terms is None else terms["agreement"])]))
    points = _event_points(frame, labels, lang, rows)
    if terms is None or terms.empty:
        return points
    spans = alt.Chart(terms.assign(start=pd.to_datetime(terms["start"]), end=pd.to_datetime(terms["end"]))).mark_bar(
        color=TERM_COLOUR, height=TERM_BAND).encode(
        x=alt.X("start:T"), x2="end:T", y=alt.Y("agreement:N", scale=alt.Scale(domain=rows)),
        tooltip=[alt.Tooltip("agreement:N", title=column_label("agreement_kind", lang)),
                 alt.Tooltip("term:N", title=t("scorecard.term", lang))])
    return alt.layer(spans, points).properties(title=t("profile.timeline", lang))


CURVE_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7")  # Okabe–Ito, far apart; shapes differ too
TERM_COLOUR = "#E5E5E5"  # the validity band: a light grey behind the coloured events
TERM_BAND = 36


def _event_points(frame: pd.DataFrame, labels: list[str], lang: str, rows: list[str]) -> alt.Chart:
    return alt.Chart(frame, title=t("profile.timeline", lang)).mark_point(size=120, filled=True, opacity=0.85).encode(
        x=alt.X("day:T", title=t("profile.col.day", lang), axis=alt.Axis(format=time_format(lang))),
        y=alt.Y("agreement:N", title=None, axis=alt.Axis(labelLimit=300), scale=alt.Scale(domain=rows)),
        color=alt.Color("event_label:N", scale=alt.Scale(domain=labels, range=list(EVENT_COLOURS)),
                        legend=alt.Legend(title=t("profile.col.event", lang), orient="bottom")),
        shape=alt.Shape("event_label:N", scale=alt.Scale(domain=labels, range=list(EVENT_SHAPES)), legend=None),
        yOffset=alt.YOffset("event_label:N", scale=alt.Scale(domain=labels)),
        tooltip=[alt.Tooltip("day:T", title=t("profile.col.day", lang), format=time_format(lang)),
                 alt.Tooltip("event_label:N", title=t("profile.col.event", lang)),
                 alt.Tooltip("who:N", title=t("profile.col.who", lang))],
    ).properties(width=CHART_WIDTH, height=FRAME_HEIGHT + 60 + 90 * len(rows))


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


def participation_by_municipality(area: int, frames: dict[str, pd.DataFrame], state: AsOf,
                                  lang: str) -> pd.DataFrame:
    """Every member municipality (also those that never attended): forums attended and the
    people sent in all; most active first."""
    munis = members(area, frames["municipalities"], lang)
    part = frames["participation"]
    mine = part[(part["org_type"] == OrgType.MUNICIPALITY) & part["org_key"].isin(munis["code"])]
    people = mine.groupby("org_key")["participants"].sum()
    out = pd.DataFrame({
        "name": munis["name"],
        "forums": [forums_of(state, OrgType.MUNICIPALITY, c) for c in munis["code"]],
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


def survey_comparison(area: int | None, state: AsOf) -> SurveyComparison | None:
    """All respondents' values per statement in the latest wave (the catalogue's one rule, see
    `yhdyspinta.indicators`): the area's beside the national value."""
    if state.wave is None:
        return None
    national = survey_rows(state, None)
    if national.empty:
        return None
    out = pd.DataFrame({"statement": national["statement"].to_numpy(),
                        "national": national["value_pct"].to_numpy(),
                        "national_n": national["n"].to_numpy()})
    if area is not None:
        by_statement = survey_rows(state, area).set_index("statement")
        out["area"] = out["statement"].map(by_statement["value_pct"]) if len(by_statement) else None
        out["area_n"] = out["statement"].map(by_statement["n"]) if len(by_statement) else None
    return SurveyComparison(state.wave.survey, state.wave.wave, state.wave.published_on, out.reset_index(drop=True))


def survey_long(comparison: SurveyComparison, area: int | None, lang: str) -> pd.DataFrame:
    """One row per statement and series (the area, the whole country), for charts."""
    series = [("national", "national_n", t("profile.series.national", lang))]
    if area is not None and "area" in comparison.rows:
        series.insert(0, ("area", "area_n", area_name(area, lang)))
    parts = []
    for value, n, label in series:
        rows = comparison.rows[comparison.rows[value].notna()] if value in comparison.rows else comparison.rows
        part = pd.DataFrame({"statement": rows["statement"], "series": label,
                             "value": rows[value].astype(float), "n": rows[n].astype(int),
                             "small_n": rows[n].astype(int) < SMALL_N_THRESHOLD})
        # The bar's label, flagged as the survey page flags a value from few respondents.
        part["text"] = [format_number(v, lang, 0) + (f" ⚠ N={format_number(k, lang)}" if small else "")
                        for v, k, small in zip(part["value"], part["n"], part["small_n"], strict=True)]
        parts.append(part)
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
        text=alt.Text("text:N") if "text" in long else alt.Text("value:Q", format=value_format))
    if "small_n" in long:  # a value from few respondents: a paler bar, as on the survey page
        bars = bars.encode(opacity=alt.condition("datum.small_n", alt.value(0.45), alt.value(1.0)))
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


def maturity_comparison(area: int | None, state: AsOf) -> MaturityComparison | None:
    """Mean score per dimension as the catalogue defines it: the area's latest round beside the
    whole country's (the mean of the assessed areas' means). None when nobody was assessed."""
    country = indicators.evaluate("maturity_mean", state)
    if country.value is None:
        return None
    rows = pd.DataFrame({"dimension": list(DIMENSION_COLUMNS),
                         "national": [indicators.evaluate(f"maturity_{c}", state).value for c in MATURITY_COLUMNS]})
    mine = indicators.evaluate("maturity_mean", state, indicators.Scope(area)) if area is not None else None
    if area is not None:
        rows["area"] = [indicators.evaluate(f"maturity_{c}", state, indicators.Scope(area)).value
                        for c in MATURITY_COLUMNS]
    assessed = mine.detail.get("assessed_on") if mine is not None and mine.value is not None else None
    return MaturityComparison(
        assessed_on=assessed if isinstance(assessed, date) else None,
        area_respondents=(mine.n or 0) if mine is not None and mine.value is not None else 0,
        national_areas=int(country.detail.get("areas", 0)),  # type: ignore[call-overload]
        national_respondents=country.n or 0, rows=rows)


def maturity_long(comparison: MaturityComparison, area: int | None, lang: str) -> pd.DataFrame:
    series = [("national", t("profile.series.national", lang))]
    if area is not None and comparison.area_respondents:
        series.insert(0, ("area", area_name(area, lang)))
    labels = [column_label(DIMENSION_COLUMNS[d], lang) for d in comparison.rows["dimension"]]
    parts = [pd.DataFrame({"dimension": labels, "series": label, "value": comparison.rows[value].astype(float)})
             for value, label in series]
    return pd.concat(parts, ignore_index=True)


def maturity_chart(long: pd.DataFrame, lang: str, **sizes: int) -> alt.TopLevelMixin:
    # Scores such as 1,7: the numbers in the language's own way (decimal comma in fi and sv).
    return localised(comparison_bars(long, category="dimension", value_title=t("profile.maturity_axis", lang),
                                     title=t("profile.maturity_title", lang), x_domain=(1, 3), value_format=".1f",
                                     **sizes), lang)


def maturity_table(long: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({t("profile.col.dimension", lang): long["dimension"],
                         t("profile.col.series", lang): long["series"],
                         # as the catalogue shows a score (labels.SCORE_DIGITS, halves away from zero)
                         t("profile.col.mean", lang): [None if pd.isna(v) else
                                                       float(round_half_away(v, labels.SCORE_DIGITS))
                                                       for v in long["value"]]})

