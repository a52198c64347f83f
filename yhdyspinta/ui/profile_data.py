"""Cached figures for the overview, the area profile and presentation mode.

Each wrapper is keyed on the data version, so an edit shows at once and the work is done once
per version; each returns the small thing its page needs (st.cache_data copies it per call).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pandas as pd
import pyarrow as pa

from yhdyspinta import metrics, present
from yhdyspinta import profile as prof
from yhdyspinta.filters import Filters
from yhdyspinta.i18n import format_day, t
from yhdyspinta.ui import data

KINDS = ("municipalities", "agreements", "approvals", "structures", "forums", "participation", "survey",
         "maturity", "pilots")


def frames(version: int, *, with_log: bool = False) -> dict[str, pd.DataFrame]:
    out = {kind: data.kind_frame(kind, version) for kind in KINDS}
    if with_log:
        out["changelog"] = data.kind_frame("changelog", version)
    return out


@dataclass(frozen=True)
class OverviewFigures:
    since: date
    today: date
    now: metrics.Overview
    then: metrics.Overview
    survey_now: metrics.SurveyHeadline | None
    survey_then: metrics.SurveyHeadline | None
    # The latest changes in the selection; here rather than in a cached call of their own
    # because every cached call costs a hash of its arguments on each rerun.
    recent: tuple[metrics.ChangeLine, ...] = ()
    table: pa.Table | None = None  # the counted figures on both days (figures_table), ready to show


@data.cached(max_entries=64)
def overview_figures(version: int, filters: Filters, since: date, today: date) -> OverviewFigures:
    got = frames(version, with_log=True)
    log = got["changelog"]
    figures = OverviewFigures(
        since=since, today=today,
        now=metrics.overview(got, filters, today), then=metrics.overview(got, filters, since),
        survey_now=metrics.survey_headline(got["survey"], filters, today, log),
        survey_then=metrics.survey_headline(got["survey"], filters, since, log),
        recent=tuple(metrics.recent_changes(log, filters, filters.lang)),
    )
    return replace(figures, table=data.arrow_table(figures_table(figures, filters.lang)))


def figures_table(figures: OverviewFigures, lang: str) -> pd.DataFrame:
    """The counted figures on both days, for a screen reader or a copy to a spreadsheet."""
    labels = {"areas_with_approved_agreement": t("home.approved_agreements", lang),
              "municipalities_council_approved": t("home.council_approved", lang),
              "forums_held": t("home.forums", lang),
              "organisations_reached": t("overview.organisations", lang),
              "municipalities_participated": t("home.participating_municipalities", lang)}
    change = metrics.changes(figures.now, figures.then)
    return pd.DataFrame({
        t("overview.col.figure", lang): list(labels.values()),
        format_day(figures.since, lang): [getattr(figures.then, k) for k in labels],
        format_day(figures.today, lang): [getattr(figures.now, k) for k in labels],
        t("overview.col.change", lang): [change[k] for k in labels],
    })


@dataclass(frozen=True)
class AreaProfile:
    municipalities: pd.DataFrame
    agreements: pd.DataFrame
    events: pd.DataFrame
    structures: pd.DataFrame
    participation: pd.DataFrame
    area_forums: int
    survey: prof.SurveyComparison | None
    maturity: prof.MaturityComparison | None


@data.cached(max_entries=64)
def area_profile(version: int, area: int, lang: str) -> AreaProfile:
    got = frames(version)
    return AreaProfile(
        municipalities=prof.municipality_table(area, got, lang),
        agreements=prof.agreement_table(area, got, lang),
        events=prof.agreement_events(area, got, lang),
        structures=prof.structure_table(area, got["structures"], lang),
        participation=prof.participation_by_municipality(area, got, lang),
        area_forums=prof.forums_attended(got["participation"], "alue", [str(area)])[str(area)],
        survey=prof.survey_comparison(area, got["survey"]),
        maturity=prof.maturity_comparison(area, got["maturity"]),
    )


@data.cached(max_entries=64)
def presentation_frames(version: int, filters: Filters) -> present.Views:
    return present.build_views(frames(version), filters)
