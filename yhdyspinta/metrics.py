"""Headline figures of the picture, computed from the store's frames, and how they changed.

The state at a past day
-----------------------
A figure "as of day D" is recomputed from today's data, leaving out everything that happened
after D. It is the best present knowledge of the situation on D, not a replay of what the
dashboard showed on D: data is mostly entered afterwards (a spreadsheet of last spring's
council decisions imported today), and replaying the change log would put all of that progress
on the import day. Corrections made since D therefore apply to D too.

When a record happened is its own date, capped by the change log:

* an area's strategic agreement counts from `approved_on`; a council approval from `decided_on`;
  a survey wave from its `published_on`;
* the change log caps each of these: the day the store last moved the record into its counted
  state (e.g. status set to approved) is the latest it can have happened, so a missing or a
  future date is replaced by that day (`min(record date, logged day)`);
* a record with neither a date nor a log entry cannot be placed and counts on every day;
* forums count from `held_on` (a required date; a forum entered ahead of time is not yet held),
  and participation with the forum it belongs to.

Days are Finnish calendar days (Europe/Helsinki), since the log stores UTC instants.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd

from yhdyspinta import facts
from yhdyspinta.access import record_area
from yhdyspinta.demo import DEMO_ACTOR
from yhdyspinta.domain import ALL_RESPONDENTS, APPROVED_STATUSES, AgreementKind, ApprovalStatus, OrgType, SurveyLevel
from yhdyspinta.filters import Filters
from yhdyspinta.i18n import column_label, enum_label, format_day, t
from yhdyspinta.kinds import get_kind
from yhdyspinta.presentation import area_name, municipality_name, org_name
from yhdyspinta.store.repository import FACTS_KIND, META_KIND, QUIET_LOG_ACTIONS, SYSTEM_KINDS, key_text

LOCAL_TZ = ZoneInfo("Europe/Helsinki")
APPROVED_CODES = frozenset(s.value for s in APPROVED_STATUSES)
# The survey headline: the mean over a wave's statements of the share of all respondents
# nationally (or in the chosen area) who rate collaboration fairly or very well realised.
HEADLINE_GROUP = ALL_RESPONDENTS

Counts = Callable[[dict[str, Any]], bool]


@dataclass(frozen=True)
class Overview:
    areas_in_scope: int
    areas_with_approved_agreement: int
    municipalities_in_scope: int
    municipalities_council_approved: int
    population_in_scope: int | None
    population_council_approved: int | None
    forums_held: int
    organisations_reached: int
    municipalities_participated: int
    pilot_areas: int

    @property
    def population_share(self) -> float | None:
        """Share of the in-scope population living in council-approved municipalities;
        None while the population is not loaded."""
        if self.population_in_scope is None or self.population_council_approved is None:
            return None
        return self.population_council_approved / self.population_in_scope if self.population_in_scope else None


@dataclass(frozen=True)
class SurveyHeadline:
    """The headline of one survey wave (see HEADLINE_GROUP): mean share in percent."""

    survey: str
    wave: str
    published_on: date | None
    national_mean: float
    statements: int
    area_mean: float | None = None  # the chosen area's mean, when the wave has area rows


def local_day(at: object) -> date:
    """The Finnish calendar day of a logged instant (naive instants are UTC)."""
    stamp = pd.Timestamp(at)  # type: ignore[arg-type]
    if stamp.tzinfo is None:
        stamp = stamp.tz_localize("UTC")
    return stamp.tz_convert(LOCAL_TZ).date()


def as_date(value: object) -> date | None:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NaT:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, pd.Timestamp):
        return value.date()
    return date.fromisoformat(str(value)[:10])


def _load(raw: object) -> dict[str, Any] | None:
    if raw is None or (isinstance(raw, float) and raw != raw) or raw == "":
        return None
    return json.loads(str(raw))


def entered_days(log: pd.DataFrame | None, kind: str, counts: Counts) -> dict[str, date]:
    """Per record key of `kind`: the day the store last moved the record into a state where
    `counts` holds. Records whose latest logged state does not count are left out."""
    out: dict[str, date] = {}
    if log is None or log.empty:
        return out
    rows = log[log["kind"] == kind].sort_values("id")
    for key, before_raw, after_raw, at in zip(rows["record_key"], rows["before"], rows["after"], rows["at"],
                                              strict=True):
        before, after = _load(before_raw), _load(after_raw)
        counts_after = after is not None and counts(after)
        counts_before = before is not None and counts(before)
        if counts_after and not counts_before:
            out[key] = local_day(at)
        elif not counts_after:
            out.pop(key, None)
    return out


def event_day(recorded: object, logged: date | None) -> date | None:
    """When a counted record happened: its own date capped by the day the store logged it."""
    own = as_date(recorded)
    if own is None:
        return logged
    return own if logged is None else min(own, logged)


def _happened_by(days: pd.Series, as_of: date) -> pd.Series:
    return days.map(lambda d: d is None or d <= as_of).astype(bool)


def _record_keys(kind: str, frame: pd.DataFrame) -> list[str]:
    spec = get_kind(kind)
    return [key_text(values) for values in zip(*[frame[k] for k in spec.key], strict=True)] if len(frame) else []


def _with_event_days(kind: str, frame: pd.DataFrame, date_column: str, log: pd.DataFrame | None,
                     counts: Counts) -> pd.DataFrame:
    logged = entered_days(log, kind, counts)
    out = frame.copy()
    out["_event_day"] = [event_day(own, logged.get(key))
                         for own, key in zip(out[date_column], _record_keys(kind, out), strict=True)]
    return out


def _scope(filters: Filters, municipalities: pd.DataFrame) -> tuple[list[int], pd.DataFrame]:
    area_codes = [a.code for a in facts.in_scope_areas() if filters.area is None or a.code == filters.area]
    munis = municipalities[municipalities["area_code"].isin(area_codes)]
    if filters.municipalities:
        munis = munis[munis["code"].isin(filters.municipalities)]
    return area_codes, munis


def overview(frames: dict[str, pd.DataFrame], filters: Filters, today: date | None = None) -> Overview:
    """The headline figures as of the day `today` (default: the real today), by the rule in the
    module docstring. `frames` holds the raw frames of agreements, approvals, forums,
    participation, municipalities and pilots, and optionally the change log ("changelog");
    counts follow the area filter."""
    as_of = today or date.today()
    log = frames.get("changelog")
    area_codes, munis = _scope(filters, frames["municipalities"])
    muni_codes = set(munis["code"])

    agreements = frames["agreements"]
    strategic = agreements[(agreements["kind"] == AgreementKind.COLLABORATION)
                           & agreements["area_code"].isin(area_codes)
                           & agreements["status"].isin(APPROVED_CODES)]
    strategic = _with_event_days("agreements", strategic, "approved_on", log,
                                 lambda r: r.get("kind") == AgreementKind.COLLABORATION
                                 and r.get("status") in APPROVED_CODES)
    approved_areas = strategic[_happened_by(strategic["_event_day"], as_of)]

    approvals = frames["approvals"]
    council = approvals[(approvals["agreement_kind"] == AgreementKind.COLLABORATION)
                        & (approvals["status"] == ApprovalStatus.APPROVED)
                        & approvals["municipality_code"].isin(muni_codes)]
    council = _with_event_days("approvals", council, "decided_on", log,
                               lambda r: r.get("status") == ApprovalStatus.APPROVED)
    council_codes = set(council[_happened_by(council["_event_day"], as_of)]["municipality_code"])

    population = munis.set_index("code")["population"]
    has_population = bool(population.notna().all()) and not population.empty
    forums = frames["forums"]
    held = forums[forums["held_on"].map(lambda d: as_date(d) <= as_of).astype(bool)] if len(forums) else forums
    part = frames["participation"]
    part = part[part["forum_date"].isin(held["held_on"])]
    muni_part = part[(part["org_type"] == OrgType.MUNICIPALITY) & part["org_key"].isin(muni_codes)]
    area_part = part[(part["org_type"] == OrgType.AREA) & part["org_key"].isin([str(c) for c in area_codes])]
    reached = part if filters.area is None else pd.concat([muni_part, area_part])
    pilots = frames["pilots"]
    return Overview(
        areas_in_scope=len(area_codes),
        areas_with_approved_agreement=int(approved_areas["area_code"].nunique()),
        municipalities_in_scope=len(muni_codes),
        municipalities_council_approved=len(council_codes),
        population_in_scope=int(population.sum()) if has_population else None,
        population_council_approved=int(population[list(council_codes)].sum()) if has_population else None,
        forums_held=len(held),
        organisations_reached=int(reached[["org_type", "org_key"]].drop_duplicates().shape[0]),
        municipalities_participated=int(muni_part["org_key"].nunique()),
        pilot_areas=int(pilots["area_code"].isin(area_codes).sum()),
    )


def survey_headline(survey: pd.DataFrame, filters: Filters, today: date | None = None,
                    log: pd.DataFrame | None = None) -> SurveyHeadline | None:
    """The latest wave published by `today` (an undated wave counts from the day it was
    logged), summarised as HEADLINE_GROUP's mean share; None if no wave qualifies."""
    as_of = today or date.today()
    rows = survey[survey["respondent_group"] == HEADLINE_GROUP]
    if rows.empty:
        return None
    rows = _with_event_days("survey", rows, "published_on", log, lambda _r: True)
    rows = rows[_happened_by(rows["_event_day"], as_of)]
    national = rows[rows["level"] == SurveyLevel.NATIONAL]
    if national.empty:
        return None
    waves = national.groupby(["survey", "wave"], sort=False)["_event_day"].agg(
        lambda days: max((d for d in days if d is not None), default=date.min))
    survey_name, wave = waves.sort_values(kind="stable").index[-1]
    in_wave = rows[(rows["survey"] == survey_name) & (rows["wave"] == wave)]
    wave_national = in_wave[in_wave["level"] == SurveyLevel.NATIONAL]
    area_mean = None
    if filters.area is not None:
        area_rows = in_wave[(in_wave["level"] == SurveyLevel.AREA) & (in_wave["level_key"] == str(filters.area))]
        area_mean = float(area_rows["value_pct"].mean()) if len(area_rows) else None
    published = [d for d in (as_date(v) for v in wave_national["published_on"]) if d is not None]
    return SurveyHeadline(
        survey=str(survey_name), wave=str(wave), published_on=max(published) if published else None,
        national_mean=float(wave_national["value_pct"].mean()), statements=int(wave_national["statement"].nunique()),
        area_mean=area_mean,
    )


FIGURES: tuple[str, ...] = ("areas_with_approved_agreement", "municipalities_council_approved",
                            "forums_held", "organisations_reached", "municipalities_participated")


def changes(now: Overview, then: Overview) -> dict[str, int]:
    """How much each counted figure grew between two overviews (negative if it shrank)."""
    return {name: getattr(now, name) - getattr(then, name) for name in FIGURES}


# "What changed lately" leaves out what is not a change in the picture: the facts seed, the
# example data (and its replacement), flags, roles (who may edit) and refused writes.
QUIET_KINDS = frozenset({FACTS_KIND, META_KIND, "roles"})
QUIET_ACTIONS = QUIET_LOG_ACTIONS
STATUS_ENUMS = {"agreements": "AgreementStatus", "approvals": "ApprovalStatus"}


@dataclass(frozen=True)
class ChangeLine:
    """One line of the recent changes: a single write, or a whole batch (an import) as one."""

    at: datetime
    batch_id: str
    count: int
    text: str


def _record_area(kind: str, record: dict[str, Any], record_key: str) -> int | None:
    if kind == "municipalities":
        m = facts.municipality_by_code().get(record_key)
        return m.area_code if m else None
    try:
        return record_area(kind, record)
    except (TypeError, ValueError):
        return None


def _describe(kind: str, record: dict[str, Any], record_key: str, lang: str) -> str:
    def day(value: object) -> str:
        return format_day(as_date(value), lang)

    if kind == "agreements":
        return f"{area_name(record['area_code'], lang)}: {enum_label('AgreementKind', record['kind'], lang)}"
    if kind == "approvals":
        return (f"{municipality_name(record['municipality_code'], lang)}: "
                f"{enum_label('AgreementKind', record['agreement_kind'], lang)}")
    if kind == "structures":
        return f"{area_name(record['area_code'], lang)}: {record['name']}"
    if kind == "forums":
        return f"{day(record['held_on'])} {record['title']}"
    if kind == "participation":
        return f"{org_name(record['org_type'], str(record['org_key']), lang)}, {day(record['forum_date'])}"
    if kind == "survey":
        return f"{record['survey']} {record['wave']}: {record['statement']}"
    if kind == "maturity":
        return f"{area_name(record['area_code'], lang)}, {day(record['assessed_on'])}"
    if kind == "pilots":
        return area_name(record["area_code"], lang)
    if kind == "municipalities":
        return municipality_name(record_key, lang)
    return record_key


def _single_text(kind: str, action: str, before: dict[str, Any] | None, after: dict[str, Any] | None,
                 record_key: str, lang: str) -> str:
    if kind in SYSTEM_KINDS:  # no record to name: a restore of a whole backup, a setting
        return t("overview.change.bare", lang, action=t(f"overview.action.{action}", lang),
                 kind=t(f"overview.kind.{kind}", lang))
    record = after if after is not None else before or {}
    text = t("overview.change.one", lang, action=t(f"overview.action.{action}", lang),
             kind=t(f"overview.kind.{kind}", lang), record=_describe(kind, record, record_key, lang))
    if before is not None and after is not None:
        enum_name = STATUS_ENUMS.get(kind)
        if enum_name and before.get("status") != after.get("status"):
            return text + f" ({enum_label(enum_name, before.get('status'), lang)} → " \
                          f"{enum_label(enum_name, after.get('status'), lang)})"
        fields = [column_label(k, lang) for k in after if k != "row_version" and before.get(k) != after.get(k)]
        if fields:
            return text + f" ({', '.join(fields)})"
    return text


def recent_changes(log: pd.DataFrame, filters: Filters, lang: str, limit: int = 10) -> list[ChangeLine]:
    """The last `limit` meaningful changes, newest first; a batch of several writes (an
    import) is one line with its count. With an area chosen, writes that belong to another
    area are left out (national ones, such as forums, stay)."""
    if log.empty:
        return []
    rows = log[~log["kind"].isin(QUIET_KINDS) & ~log["action"].isin(QUIET_ACTIONS) & (log["actor"] != DEMO_ACTOR)]
    rows = rows.sort_values("id", ascending=False)
    batches: dict[str, list[tuple[Any, ...]]] = {}
    for entry in zip(rows["batch_id"], rows["at"], rows["kind"], rows["action"], rows["record_key"],
                     rows["before"], rows["after"], strict=True):
        batch, _at, kind, _action, key, before_raw, after_raw = entry
        before, after = _load(before_raw), _load(after_raw)
        record = after if after is not None else before or {}
        area = _record_area(kind, record, key)
        if filters.area is not None and area is not None and area != filters.area:
            continue
        batches.setdefault(batch, []).append((*entry[1:5], before, after))
    lines = []
    for batch, entries in list(batches.items())[:limit]:
        latest = max(e[0] for e in entries)
        when = pd.Timestamp(latest).to_pydatetime()
        if len(entries) == 1:
            _at, kind, action, key, before, after = entries[0]
            text = _single_text(kind, action, before, after, key, lang)
        else:
            kinds = list(dict.fromkeys(e[1] for e in entries))
            text = t("overview.change.batch", lang, n=len(entries),
                     kinds=", ".join(t(f"overview.kind.{k}", lang) for k in kinds))
        lines.append(ChangeLine(at=when, batch_id=str(batch), count=len(entries), text=text))
    return lines
