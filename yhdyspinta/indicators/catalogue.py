"""The indicator catalogue: every figure of the picture, defined once.

Each indicator is a pure function of the day's state (`asof.AsOf`) and a scope (the whole
country, an area, or municipalities of an area). Its label and definition for people live in
the texts (`indicator.<id>.label`, `indicator.<id>.definition`) in fi/sv/en. Every page, slide,
export and command reads figures from `evaluate`; none computes one of its own.

Domain rules stated here once:

* Helsinki organises its services itself: agreement and council-approval indicators are *not
  applicable* to it. Their denominators are the 21 counties and the 291 mainland municipalities
  outside Helsinki. Helsinki still counts in forums, participation, surveys and maturity.
  Åland is outside the reform and in no denominator.
* The survey's latest wave is the one published last by the day (see `asof`), read for all
  respondents; a survey mean is the mean of that wave's statements.
* A maturity mean is the mean of all eight dimension scores of an area's latest assessment
  round; the country's is the mean of the assessed areas' means (each area weighs the same).
  Its level is the mean rounded half up to 1–3 (cooperation, coordination, collaboration).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from yhdyspinta import facts
from yhdyspinta.domain import SMALL_N_THRESHOLD, MaturityLevel, OrgType
from yhdyspinta.i18n import round_half_away
from yhdyspinta.indicators.asof import AgreementState, AsOf, org_keys, survey_rows
from yhdyspinta.store.schema import MATURITY_COLUMNS

COUNTRY = "FI"


class Unit(StrEnum):
    COUNT = "count"  # a whole number, with its denominator where it has one
    SHARE = "share"  # 0–1, shown as a percentage
    PERCENT = "percent"  # 0–100 as stored (survey results)
    SCORE = "score"  # a mean on the maturity scale 1–3
    LEVEL = "level"  # a maturity level 1–3


class Status(StrEnum):
    OK = "ok"
    NO_DATA = "no_data"  # applicable, but nothing to compute from
    NOT_APPLICABLE = "not_applicable"  # e.g. agreements for Helsinki


GROUP_SEPARATOR = "+"


@dataclass(frozen=True)
class Scope:
    """The whole country, one area, some municipalities of one area, or a group of whole
    areas (e.g. the areas of one population class, `yhdyspinta.indicators.peers`).

    A group is read as its areas together: counts over all of them, the county-level forum
    figure as the mean over them (as for the country), survey results pooled over their
    respondents (`asof.survey_rows`), maturity as the mean of the assessed areas' means."""

    area: int | None = None
    municipalities: tuple[str, ...] = ()
    group: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        if self.group and (self.area is not None or self.municipalities):
            raise ValueError("a scope is either one area (with municipalities) or a group of areas")

    @property
    def is_country(self) -> bool:
        return self.area is None and not self.group and not self.municipalities

    @property
    def code(self) -> str:
        if self.group:
            return GROUP_SEPARATOR.join(str(a) for a in sorted(self.group))
        return COUNTRY if self.area is None else str(self.area)

    def areas(self, *, with_helsinki: bool = True) -> list[int]:
        chosen = set(self.group) if self.group else None
        codes = [a.code for a in facts.in_scope_areas()
                 if (self.area is None or a.code == self.area) and (chosen is None or a.code in chosen)]
        return codes if with_helsinki else [c for c in codes if c != facts.HELSINKI_AREA_CODE]

    def members(self, *, with_helsinki: bool = True) -> list[str]:
        """Municipality codes in the scope (mainland; without Helsinki's when asked)."""
        areas = set(self.areas(with_helsinki=with_helsinki))
        chosen = set(self.municipalities)
        return [m.code for m in facts.municipalities()
                if m.area_code in areas and (not chosen or m.code in chosen)]


@dataclass(frozen=True)
class Result:
    """What an indicator's function returns; `Value` adds who, when and what."""

    value: float | None
    numerator: float | None = None
    denominator: float | None = None
    n: int | None = None  # respondents or records behind the figure
    status: Status = Status.OK
    detail: dict[str, object] = field(default_factory=dict)


NOT_APPLICABLE = Result(None, status=Status.NOT_APPLICABLE)
NO_DATA = Result(None, status=Status.NO_DATA)


@dataclass(frozen=True)
class Indicator:
    id: str
    unit: Unit
    sources: tuple[str, ...]  # the kinds of records it reads
    compute: Callable[[AsOf, Scope], Result]
    applies_to_helsinki: bool = True
    small_n: bool = False  # flag values from fewer than SMALL_N_THRESHOLD respondents
    counts_areas: bool = False  # a count of areas: for one area it says yes or no


@dataclass(frozen=True)
class Value:
    indicator: str
    scope: str
    as_of: date
    value: float | None
    numerator: float | None
    denominator: float | None
    n: int | None
    status: Status
    unit: Unit
    sources: tuple[str, ...]
    last_updated: date | None
    small_n: bool = False
    detail: dict[str, object] = field(default_factory=dict)

    @property
    def share(self) -> float | None:
        """numerator / denominator where both exist (a count's share of its whole)."""
        if self.numerator is None or not self.denominator:
            return None
        return self.numerator / self.denominator


def _ratio(numerator: int, denominator: int, n: int | None = None) -> Result:
    return Result(float(numerator), float(numerator), float(denominator), n if n is not None else denominator)


def _helsinki_only(scope: Scope) -> bool:
    return scope.areas() == [facts.HELSINKI_AREA_CODE]


def _agreements(state_wanted: AgreementState) -> Callable[[AsOf, Scope], Result]:
    def compute(state: AsOf, scope: Scope) -> Result:
        if _helsinki_only(scope):
            return NOT_APPLICABLE
        areas = scope.areas(with_helsinki=False)
        hits = sum(state.strategic[a].state == state_wanted for a in areas)
        return _ratio(hits, len(areas))
    return compute


def _council_approved(state: AsOf, scope: Scope) -> Result:
    if _helsinki_only(scope):
        return NOT_APPLICABLE
    members = scope.members(with_helsinki=False)
    return _ratio(sum(m in state.council_approved for m in members), len(members))


def _council_population(state: AsOf, scope: Scope) -> Result:
    if _helsinki_only(scope):
        return NOT_APPLICABLE
    members = scope.members(with_helsinki=False)
    people = [state.population.get(m) for m in members]
    if not members or any(p is None for p in people):
        return NO_DATA  # a share of an unknown total is never shown
    total = sum(p for p in people if p is not None)
    approved = sum(state.population[m] or 0 for m in members if m in state.council_approved)
    return Result(approved / total if total else None, float(approved), float(total), len(members))


def _forums_held(state: AsOf, _scope: Scope) -> Result:
    return Result(float(len(state.forums_held)), float(len(state.forums_held)), None, len(state.forums_held))


def _scope_orgs(state: AsOf, scope: Scope) -> list[tuple[str, str]]:
    """The organisations of the scope that took part: all of them for the whole country; for
    an area, the area itself and its (chosen) municipalities."""
    if scope.is_country:
        return list(state.attended)
    members = set(scope.members())
    areas = {str(a) for a in scope.areas()} if not scope.municipalities else set()
    return [(kind, key) for (kind, key) in state.attended
            if (kind == OrgType.MUNICIPALITY.value and key in members) or (kind == OrgType.AREA.value and key in areas)]


def _organisations_reached(state: AsOf, scope: Scope) -> Result:
    orgs = _scope_orgs(state, scope)
    return Result(float(len(orgs)), float(len(orgs)), None, len(orgs))


def _forum_participants(state: AsOf, scope: Scope) -> Result:
    orgs = _scope_orgs(state, scope)
    people = sum(state.people.get(o, 0) for o in orgs)
    return Result(float(people), float(people), None, len(orgs))


def _forums_attended(state: AsOf, scope: Scope) -> Result:
    forums = set().union(*(state.attended[o] for o in _scope_orgs(state, scope))) if state.attended else set()
    return _ratio(len(forums), len(state.forums_held))


def _area_forums_attended(state: AsOf, scope: Scope) -> Result:
    """Forums the county (or Helsinki) itself took part in; the country: the counties' mean."""
    held = len(state.forums_held)
    counts = [len(state.attended.get((OrgType.AREA.value, str(a)), ())) for a in scope.areas()]
    if scope.area is None:  # the country or a group: the mean over its areas
        mean = sum(counts) / len(counts) if counts else 0.0
        return Result(mean, mean, float(held), len(counts))
    return _ratio(counts[0] if counts else 0, held)


def _municipalities_participated(state: AsOf, scope: Scope) -> Result:
    members = scope.members()
    taken = org_keys(state, OrgType.MUNICIPALITY)
    return _ratio(sum(m in taken for m in members), len(members))


def _survey_mean(state: AsOf, scope: Scope) -> Result:
    rows = survey_rows(state, scope.group or scope.area)
    if state.wave is None or rows.empty:
        return NO_DATA
    n = int(rows["n"].min())
    return Result(float(rows["value_pct"].mean()), None, None, n,
                  detail={"survey": state.wave.survey, "wave": state.wave.wave,
                          "published_on": state.wave.published_on, "statements": int(rows["statement"].nunique())})


def maturity_level(mean: float | None) -> MaturityLevel | None:
    """The level a mean score reaches: rounded half up on the continuum's 1–3 scale."""
    if mean is None or mean != mean:  # none, or NaN from an empty mean
        return None
    if not 1.0 <= mean <= 3.0:
        raise ValueError(f"maturity mean {mean} is outside the scale 1–3")
    return MaturityLevel(min(int(round_half_away(mean)), MaturityLevel.COLLABORATION))


def _maturity_mean(columns: tuple[str, ...]) -> Callable[[AsOf, Scope], Result]:
    def compute(state: AsOf, scope: Scope) -> Result:
        rows = state.maturity
        if rows.empty:
            return NO_DATA
        rows = rows[rows["area_code"].isin(scope.areas())]
        if rows.empty:
            return NO_DATA
        per_area = rows.groupby("area_code")[list(columns)].mean().mean(axis=1)
        return Result(float(per_area.mean()), None, None, len(rows),
                      detail={"areas": len(per_area), "assessed_on": max(rows["_on"])})
    return compute


def _maturity_level(state: AsOf, scope: Scope) -> Result:
    mean = _maturity_mean(MATURITY_COLUMNS)(state, scope)
    if mean.value is None:
        return mean
    level = maturity_level(mean.value)
    return Result(float(level) if level else None, None, None, mean.n, detail={**mean.detail, "mean": mean.value})


def _pilot_areas(state: AsOf, scope: Scope) -> Result:
    areas = scope.areas()
    return _ratio(sum(a in state.pilots for a in areas), len(areas))


AGREEMENT_SOURCES = ("agreements",)
COUNCIL_SOURCES = ("approvals", "agreements")
FORUM_SOURCES = ("forums", "participation")

CATALOGUE: tuple[Indicator, ...] = (
    Indicator("agreements_in_force", Unit.COUNT, AGREEMENT_SOURCES, _agreements(AgreementState.IN_FORCE),
              applies_to_helsinki=False, counts_areas=True),
    Indicator("agreements_expired", Unit.COUNT, AGREEMENT_SOURCES, _agreements(AgreementState.EXPIRED),
              applies_to_helsinki=False, counts_areas=True),
    Indicator("council_approved_municipalities", Unit.COUNT, COUNCIL_SOURCES, _council_approved,
              applies_to_helsinki=False),
    Indicator("council_approved_population_share", Unit.SHARE, (*COUNCIL_SOURCES, "municipalities"),
              _council_population, applies_to_helsinki=False),
    Indicator("forums_held", Unit.COUNT, ("forums",), _forums_held),
    Indicator("forums_attended", Unit.COUNT, FORUM_SOURCES, _forums_attended),
    Indicator("area_forums_attended", Unit.COUNT, FORUM_SOURCES, _area_forums_attended),
    Indicator("organisations_reached", Unit.COUNT, FORUM_SOURCES, _organisations_reached),
    Indicator("forum_participants", Unit.COUNT, FORUM_SOURCES, _forum_participants),
    Indicator("municipalities_participated", Unit.COUNT, FORUM_SOURCES, _municipalities_participated),
    Indicator("survey_mean", Unit.PERCENT, ("survey",), _survey_mean, small_n=True),
    Indicator("maturity_mean", Unit.SCORE, ("maturity",), _maturity_mean(MATURITY_COLUMNS)),
    Indicator("maturity_level", Unit.LEVEL, ("maturity",), _maturity_level),
    *(Indicator(f"maturity_{column}", Unit.SCORE, ("maturity",), _maturity_mean((column,)))
      for column in MATURITY_COLUMNS),
    Indicator("pilot_areas", Unit.COUNT, ("pilots",), _pilot_areas, counts_areas=True),
)
BY_ID: dict[str, Indicator] = {i.id: i for i in CATALOGUE}


def get(indicator_id: str) -> Indicator:
    try:
        return BY_ID[indicator_id]
    except KeyError:
        raise KeyError(f"unknown indicator {indicator_id!r}; expected one of: {', '.join(BY_ID)}") from None


def evaluate(indicator_id: str, state: AsOf, scope: Scope = Scope()) -> Value:
    """One indicator for one scope on the state's day."""
    indicator = get(indicator_id)
    result = indicator.compute(state, scope)
    updated = [state.updated[k] for k in indicator.sources if k in state.updated]
    small = bool(indicator.small_n and result.n is not None and result.n < SMALL_N_THRESHOLD)
    return Value(indicator.id, scope.code, state.as_of, result.value, result.numerator, result.denominator,
                 result.n, result.status, indicator.unit, indicator.sources, max(updated) if updated else None,
                 small, result.detail)


def evaluate_all(state: AsOf, scope: Scope = Scope(), ids: Iterable[str] | None = None) -> dict[str, Value]:
    return {i: evaluate(i, state, scope) for i in (ids if ids is not None else BY_ID)}


def by_area(indicator_id: str, state: AsOf) -> dict[int, Value]:
    """The indicator for each in-scope area (Helsinki too: shown as not applicable where so)."""
    return {a.code: evaluate(indicator_id, state, Scope(a.code)) for a in facts.in_scope_areas()}
