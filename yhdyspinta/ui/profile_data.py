"""Cached figures for the overview, the area profile and presentation mode.

Each wrapper is keyed on the data version, so an edit shows at once and the work is done once
per version; each returns the small thing its page needs (st.cache_data copies it per call).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd
import pyarrow as pa

from yhdyspinta import charts, indicators, recent, slides
from yhdyspinta import profile as prof
from yhdyspinta.filters import Filters
from yhdyspinta.indicators import labels
from yhdyspinta.io.export import indicator_bytes
from yhdyspinta.ui import charting, data

KINDS = ("municipalities", "agreements", "approvals", "structures", "forums", "participation", "survey",
         "maturity", "pilots")


def frames(version: int, *, with_log: bool = False) -> dict[str, pd.DataFrame]:
    out = {kind: data.kind_frame(kind, version) for kind in KINDS}
    if with_log:
        out["changelog"] = data.kind_frame("changelog", version)
    return out


def scope(filters: Filters) -> indicators.Scope:
    return indicators.Scope(filters.area, filters.municipalities)


@data.cached(max_entries=128)
def indicator_values(version: int, filters: Filters, today: date) -> dict[str, indicators.Value]:
    """Every indicator of the catalogue for the selection on `today`, once per version."""
    return indicators.evaluate_all(data.state(version, today), scope(filters))


@dataclass(frozen=True)
class OverviewFigures:
    today: date
    cards: tuple[labels.Headline, ...]
    table: pa.Table  # every card's value at each quarter end, as shown (labels.series_table)
    series_spec: dict[str, Any]  # the same as a chart (labels.series_frame), built once
    download: bytes  # every indicator of the catalogue for the selection, as CSV
    # The latest changes in the selection; here rather than in a cached call of their own
    # because every cached call costs a hash of its arguments on each rerun.
    recent: tuple[recent.ChangeLine, ...] = ()


@data.cached(max_entries=64)
def overview_figures(version: int, filters: Filters, today: date) -> OverviewFigures:
    """The headline indicators for the selection, each with its quarterly series."""
    states = data.states(version, today)
    where = scope(filters)
    values = {i: [indicators.evaluate(i, s, where) for s in states] for i in labels.HEADLINE_IDS}
    cards = tuple(labels.headline(values[i], filters.lang) for i in labels.HEADLINE_IDS)
    return OverviewFigures(
        today=today, cards=cards,
        table=data.arrow_table(labels.series_table(cards, values, filters.lang)),
        series_spec=charting.build_spec(charts.headline_series_chart, labels.series_frame(values, filters.lang),
                                        filters.lang),
        download=indicator_bytes(indicator_values(version, filters, today).values(), "csv"),
        recent=tuple(recent.recent_changes(data.kind_frame("changelog", version), filters, filters.lang)),
    )


@dataclass(frozen=True)
class AreaProfile:
    municipalities: pd.DataFrame
    agreements: pd.DataFrame
    events: pd.DataFrame
    structures: pd.DataFrame
    participation: pd.DataFrame
    area_forums: str  # as shown: "12 / 15"
    survey: prof.SurveyComparison | None
    maturity: prof.MaturityComparison | None
    figures: pa.Table  # every indicator for the area beside the whole country, with definitions


@data.cached(max_entries=64)
def area_profile(version: int, area: int, lang: str, today: date) -> AreaProfile:
    got = frames(version)
    state = data.state(version, today)
    where = indicators.Scope(area)
    return AreaProfile(
        municipalities=prof.municipality_table(area, got, state, lang),
        agreements=prof.agreement_table(area, got, state, lang),
        events=prof.agreement_events(area, got, lang),
        structures=prof.structure_table(area, got["structures"], lang),
        participation=prof.participation_by_municipality(area, got, state, lang),
        area_forums=labels.value_text(indicators.evaluate("area_forums_attended", state, where), lang),
        survey=prof.survey_comparison(area, state),
        maturity=prof.maturity_comparison(area, state),
        figures=data.arrow_table(labels.table(indicators.evaluate_all(state, where).values(), lang,
                                              country=indicators.evaluate_all(state))),
    )


@data.cached(max_entries=64)
def presentation_frames(version: int, filters: Filters, today: date) -> slides.Views:
    return slides.build_views(frames(version), data.state(version, today), filters)


@data.cached(max_entries=16)
def forum_choices(version: int) -> tuple[slides.ForumChoice, ...]:
    return slides.forum_choices(data.kind_frame("forums", version))


@data.cached(max_entries=64)
def forum_coverage(version: int, filters: Filters, today: date, day: date) -> pd.DataFrame:
    """Participation at the forum on `day` by area (or, for an area, by organisation)."""
    return slides.forum_coverage(data.state(version, today), day, filters)
