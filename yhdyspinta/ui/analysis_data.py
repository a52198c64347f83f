"""Cached figures of the analysis pages: computed once per data version, filters and language.

Each function returns the small frames a page draws from (the aggregates in codes, for the
charts, and the same figures as localised tables); charts themselves are cheap to build from
these on every rerun.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from yhdyspinta import analysis, indicators
from yhdyspinta import charts_analysis as ca
from yhdyspinta.domain import SMALL_N_THRESHOLD, AgreementKind
from yhdyspinta.filters import Filters
from yhdyspinta.indicators.asof import counted_participation
from yhdyspinta.ui import data
from yhdyspinta.ui.data import kind_frame


@dataclass(frozen=True)
class AgreementsData:
    grid: pd.DataFrame
    grid_table: pd.DataFrame
    lifecycle: pd.DataFrame
    lifecycle_table: pd.DataFrame
    kinds: tuple[str, ...]  # agreement kinds some area has, in AgreementKind order
    per_municipality: pd.DataFrame  # every municipality in the whole country
    municipality_table: pd.DataFrame  # those of the chosen area / municipalities


@data.cached(max_entries=64)
def agreements(version: int, filters: Filters, today: date) -> AgreementsData:
    frame = kind_frame("agreements", version)
    # The councils' decisions on each area's agreement of the day, as the catalogue counts them.
    per_muni = analysis.municipality_approvals(frame, kind_frame("approvals", version), today,
                                               kind_frame("changelog", version))
    state = data.state(version, today)
    grid = analysis.agreement_grid(frame, state)
    lifecycle = analysis.lifecycle_counts(frame, state)
    shown = per_muni
    if filters.area is not None:
        shown = shown[shown["area_code"] == filters.area]
    if filters.municipalities:
        shown = shown[shown["municipality_code"].isin(filters.municipalities)]
    present = set(frame["kind"].astype(str))
    return AgreementsData(
        grid=grid, grid_table=ca.agreement_grid_table(grid, filters.lang),
        lifecycle=lifecycle, lifecycle_table=ca.lifecycle_table(lifecycle, filters.lang),
        kinds=tuple(k.value for k in AgreementKind if k.value in present),
        per_municipality=per_muni, municipality_table=ca.municipality_approval_table(shown, filters.lang),
    )


@dataclass(frozen=True)
class ApprovalData:
    counts: pd.DataFrame  # every area
    table: pd.DataFrame
    selection: pd.DataFrame  # the counts of the chosen municipalities (one row per area), or empty


@data.cached(max_entries=64)
def approvals(version: int, filters: Filters, kind: str, today: date) -> ApprovalData:
    per_muni = agreements(version, filters, today).per_municipality
    counts = analysis.approval_counts(per_muni, kind)
    selection = (analysis.approval_counts(per_muni, kind, filters.municipalities) if filters.municipalities
                 else counts.iloc[0:0])
    return ApprovalData(counts=counts, table=ca.approval_table(counts, filters.lang), selection=selection)


@dataclass(frozen=True)
class ForumsData:
    calendar: pd.DataFrame
    calendar_table: pd.DataFrame
    by_area: pd.DataFrame
    by_area_table: pd.DataFrame
    by_org_type: pd.DataFrame
    by_org_type_table: pd.DataFrame
    themes: pd.DataFrame
    themes_table: pd.DataFrame
    coverage: pd.DataFrame
    coverage_table: pd.DataFrame


@data.cached(max_entries=64)
def forums(version: int, filters: Filters, today: date) -> ForumsData:
    frame, state = kind_frame("forums", version), data.state(version, today)
    # Only the participation every figure counts: more than 0 people at a forum held.
    part = counted_participation(kind_frame("participation", version), state.forums_held)
    lang = filters.lang
    calendar = analysis.forum_calendar(frame, part, filters.area, filters.municipalities, today=today)
    by_area = analysis.participation_by_area(part)
    by_type = analysis.participation_by_org_type(part)
    themes = analysis.theme_engagement(frame, part)
    coverage = analysis.forum_coverage(state)
    return ForumsData(
        calendar=calendar, calendar_table=ca.forum_table(calendar, lang, filters.area, filters.municipalities),
        by_area=by_area, by_area_table=ca.participation_area_table(by_area, lang),
        by_org_type=by_type, by_org_type_table=ca.org_type_table(by_type, lang),
        themes=themes, themes_table=ca.theme_table(themes, lang),
        coverage=coverage, coverage_table=ca.coverage_table(coverage, lang),
    )


@dataclass(frozen=True)
class SurveyData:
    waves: tuple[str, ...]
    national: pd.DataFrame
    national_table: pd.DataFrame
    comparison: pd.DataFrame  # the chosen area against the whole country; empty without an area
    comparison_table: pd.DataFrame
    latest_wave: str | None = None  # the catalogue's latest wave: the one shown first


@data.cached(max_entries=64)
def survey(version: int, filters: Filters, today: date) -> SurveyData:
    frame = kind_frame("survey", version)
    national = analysis.survey_national(frame, SMALL_N_THRESHOLD)
    comparison = (analysis.survey_area_vs_national(frame, filters.area, SMALL_N_THRESHOLD)
                  if filters.area is not None else pd.DataFrame())
    return SurveyData(
        waves=tuple(analysis.survey_waves(frame)), national=national,
        national_table=ca.survey_groups_table(national, filters.lang, SMALL_N_THRESHOLD),
        comparison=comparison,
        comparison_table=(ca.survey_area_table(comparison, filters.lang, filters.area, SMALL_N_THRESHOLD)
                          if filters.area is not None and not comparison.empty else pd.DataFrame()),
        latest_wave=wave.wave if (wave := data.state(version, today).wave) is not None else None,
    )


@dataclass(frozen=True)
class MaturityData:
    latest: pd.DataFrame
    latest_table: pd.DataFrame
    national: dict[str, float]
    profile_table: pd.DataFrame
    change: pd.DataFrame
    change_table: pd.DataFrame  # of the chosen area, or every area's
    spread: pd.DataFrame
    spread_table: pd.DataFrame
    continuum: pd.DataFrame
    # The catalogue's figures: the whole country's level and, with an area chosen, the area's.
    national_level: indicators.Value | None = None
    area_level: indicators.Value | None = None


@data.cached(max_entries=64)
def maturity(version: int, filters: Filters, today: date) -> MaturityData:
    frame = kind_frame("maturity", version)
    lang = filters.lang
    latest = analysis.maturity_latest(frame)
    national = analysis.maturity_national(latest)
    change = analysis.maturity_change(frame)
    shown_change = change[change["area_code"] == filters.area] if filters.area is not None else change
    spread = analysis.maturity_role_spread(frame, filters.area)
    return MaturityData(
        latest=latest, latest_table=ca.maturity_heat_table(latest, lang), national=national,
        profile_table=ca.maturity_profile_table(latest, national, lang, filters.area) if national
        else pd.DataFrame(),
        change=change, change_table=ca.maturity_change_table(shown_change, lang),
        spread=spread, spread_table=ca.role_spread_table(spread, lang),
        continuum=ca.continuum_table(lang),
        national_level=indicators.evaluate("maturity_level", state := data.state(version, today)),
        area_level=(indicators.evaluate("maturity_level", state, indicators.Scope(filters.area))
                    if filters.area is not None else None),
    )
