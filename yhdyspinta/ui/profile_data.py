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
from yhdyspinta.display import area_name
from yhdyspinta.filters import Filters
from yhdyspinta.i18n import column_label
from yhdyspinta.indicators import asof, attention, labels, peers
from yhdyspinta.io.export import indicator_bytes
from yhdyspinta.ui import charting, data, tables

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
    reference: recent.ReferenceUpdates | None = None  # reference imports, left out of `recent`
    attention: tuple[attention.Attention, ...] = ()  # the selection's areas that need attention
    last_forum: asof.ForumEvent | None = None
    next_forum: asof.ForumEvent | None = None


@data.shared(max_entries=64)
def overview_figures(version: int, filters: Filters, today: date) -> OverviewFigures:
    """The headline indicators for the selection, each with its quarterly series."""
    states = data.states(version, today)
    now = states[-1]
    where = scope(filters)
    values = {i: [indicators.evaluate(i, s, where) for s in states] for i in labels.HEADLINE_IDS}
    country = {i: indicators.evaluate(i, now) for i in labels.HEADLINE_IDS} if filters.area is not None else {}
    cards = tuple(labels.headline(values[i], filters.lang, country.get(i)) for i in labels.HEADLINE_IDS)
    log = data.kind_frame("changelog", version)
    return OverviewFigures(
        today=today, cards=cards,
        table=data.arrow_table(labels.series_table(cards, values, filters.lang)),
        series_spec=charting.build_spec(charts.headline_series_chart, labels.series_frame(values, filters.lang),
                                        filters.lang),
        download=indicator_bytes(indicator_values(version, filters, today).values(), "csv"),
        recent=tuple(recent.recent_changes(log, filters, filters.lang)),
        reference=recent.reference_updates(log, filters),
        attention=tuple(attention.attention(now, None if filters.area is None else (filters.area,))),
        last_forum=asof.last_forum(now), next_forum=asof.next_forum(now),
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
    figures: pa.Table  # every indicator for the area beside similar areas and the country, with definitions
    peers: peers.Peers | None = None  # the similar areas (None: populations not loaded)
    flagged: bool = False  # some value of the table rests on fewer than SMALL_N_THRESHOLD respondents
    terms: pd.DataFrame | None = None  # each agreement's validity, for the timeline


@data.cached(max_entries=64)
def area_profile(version: int, area: int, lang: str, today: date) -> AreaProfile:
    got = frames(version)
    state = data.state(version, today)
    where = indicators.Scope(area)
    similar = peers.similar_areas(state.population, area)
    similar_scope = similar.scope if similar is not None else None
    mine, country = indicators.evaluate_all(state, where), indicators.evaluate_all(state)
    others = indicators.evaluate_all(state, similar_scope) if similar_scope is not None else None
    return AreaProfile(
        municipalities=prof.municipality_table(area, got, state, lang),
        agreements=prof.agreement_table(area, got, state, lang),
        events=prof.agreement_events(area, got, lang),
        structures=prof.structure_table(area, got["structures"], lang),
        participation=prof.participation_by_municipality(area, got, state, lang),
        area_forums=labels.value_text(indicators.evaluate("area_forums_attended", state, where), lang),
        survey=prof.survey_comparison(area, state),
        maturity=prof.maturity_comparison(area, state),
        figures=data.arrow_table(labels.comparison_table(mine.values(), lang, area=area_name(area, lang),
                                                         country=country, peers=others)),
        peers=similar,
        terms=prof.agreement_terms(area, got, today, lang),
        flagged=any(v.small_n for group in (mine, country, others or {}) for v in group.values()),
    )


@dataclass(frozen=True)
class Table:
    """A table as st.dataframe gets it: Arrow data and its column settings."""
    data: pa.Table
    column_config: dict[str, Any]

    @property
    def empty(self) -> bool:
        return self.data.num_rows == 0


def table(frame: pd.DataFrame, lang: str) -> Table:
    """`frame` with dates in the language's format and links that open (`tables.typed`)."""
    shown, config = tables.typed(frame, lang)
    return Table(data.arrow_table(shown), config)


@dataclass(frozen=True)
class ProfileView:
    """Everything the area profile shows, built once per data version, area, language, day and
    municipality selection. Built on every run, these tables and charts were most of the page's
    cost: py-spy under bench/load.py, 40 sessions on the profile, 27 % of the server's samples
    hashing DataFrame arguments of cached charts and copying cached frames, 16 % building and
    converting the tables, about 38 ms of server CPU per run against 1.3 ms for a one-line page."""
    figures: pa.Table  # AreaProfile.figures
    has_survey: bool
    survey_published_on: date | None
    maturity_info: prof.MaturityComparison | None
    municipalities: Table
    population_missing: bool
    agreements: Table
    events: Table | None
    timeline_spec: dict[str, Any] | None
    structures: Table
    participation_spec: dict[str, Any]
    participation: pa.Table
    survey_spec: dict[str, Any] | None
    survey: pa.Table | None
    maturity_spec: dict[str, Any] | None
    maturity: pa.Table | None
    approvals_spec: dict[str, Any] | None = None  # the councils' approvals over time
    peers: peers.Peers | None = None  # AreaProfile.peers
    flagged: bool = False  # AreaProfile.flagged


@data.shared(max_entries=64)
def profile_view(version: int, area: int, municipalities: tuple[int, ...], lang: str, today: date) -> ProfileView:
    p = area_profile(version, area, lang, today)
    munis = p.municipalities
    if municipalities:
        munis = munis[munis[column_label("code", lang)].isin(municipalities)]
    survey_long = prof.survey_long(p.survey, area, lang) if p.survey is not None else None
    maturity_long = prof.maturity_long(p.maturity, area, lang) if p.maturity is not None else None
    curve = prof.approval_curve(p.events)
    return ProfileView(
        figures=p.figures,
        has_survey=p.survey is not None,
        survey_published_on=None if p.survey is None else p.survey.published_on,
        maturity_info=p.maturity,
        municipalities=table(munis, lang),
        population_missing=bool(munis[column_label("population", lang)].isna().all()),
        agreements=table(p.agreements, lang),
        events=None if p.events.empty else table(prof.events_table(p.events, lang), lang),
        timeline_spec=None if p.events.empty else charting.build_spec(prof.timeline_chart, p.events, lang, p.terms),
        structures=table(p.structures, lang),
        participation_spec=charting.build_spec(prof.participation_chart, p.participation, lang),
        participation=data.arrow_table(prof.participation_table(p.participation, lang)),
        survey_spec=None if survey_long is None else charting.build_spec(prof.survey_chart, survey_long,
                                                                        p.survey, lang),
        survey=None if survey_long is None else data.arrow_table(prof.survey_table(survey_long, lang)),
        maturity_spec=None if maturity_long is None else charting.build_spec(prof.maturity_chart, maturity_long,
                                                                            lang),
        maturity=None if maturity_long is None else data.arrow_table(prof.maturity_table(maturity_long, lang)),
        approvals_spec=None if curve.empty else charting.build_spec(prof.approval_curve_chart, curve,
                                                                    len(p.municipalities), lang),
        peers=p.peers,
        flagged=p.flagged,
    )


@data.shared(max_entries=64)
def presentation_frames(version: int, filters: Filters, today: date) -> slides.Views:
    return slides.build_views(frames(version), data.state(version, today), filters)


@data.cached(max_entries=16)
def forum_choices(version: int) -> tuple[slides.ForumChoice, ...]:
    return slides.forum_choices(data.kind_frame("forums", version))


@data.cached(max_entries=64)
def forum_coverage(version: int, filters: Filters, today: date, day: date) -> pd.DataFrame:
    """Participation at the forum on `day` by area (or, for an area, by organisation)."""
    return slides.forum_coverage(data.state(version, today), day, filters)
