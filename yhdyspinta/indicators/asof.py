"""The state of the picture on a day: what every indicator reads, resolved once per day.

The state at a past day
-----------------------
A figure "as of day D" is recomputed from today's data, leaving out everything that happened
after D. It is the best present knowledge of the situation on D, not a replay of what the
dashboard showed on D: data is mostly entered afterwards (a spreadsheet of last spring's
council decisions imported today), and replaying the change log would put all of that progress
on the import day. Corrections made since D therefore apply to D too.

When a record happened is its own date, capped by the change log:

* an agreement counts from `approved_on`; a council approval from `decided_on`; a survey wave
  from its `published_on`; a pilot from `started_on`;
* the change log caps each of these: the day the store last moved the record into its counted
  state (e.g. status set to approved) is the latest it can have happened, so a missing or a
  future date is replaced by that day (`min(record date, logged day)`);
* a record with neither a date nor a log entry cannot be placed and counts on every day;
* forums count from `held_on` (a forum entered ahead of time is not yet held), participation
  and maturity assessments from the forum's and the assessment's own date.

An agreement is *in force* on D when its status is approved, in implementation or under
revision, it was approved by D, and D lies within its validity (an empty bound is open). One
whose validity ended before D is *expired*: it needs renewal and never counts as approved.
Days are Finnish calendar days (Europe/Helsinki), since the log stores UTC instants.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd

from yhdyspinta import facts
from yhdyspinta.domain import (
    ALL_RESPONDENTS,
    APPROVED_STATUSES,
    DECIDED_STATUSES,
    AgreementKind,
    AgreementStatus,
    ApprovalStatus,
    OrgType,
    SurveyLevel,
)
from yhdyspinta.kinds import get_kind
from yhdyspinta.store.repository import QUIET_LOG_ACTIONS, key_text

LOCAL_TZ = ZoneInfo("Europe/Helsinki")
APPROVED_CODES = frozenset(s.value for s in APPROVED_STATUSES)
# The survey group every survey figure is read for: all respondents of a wave.
HEADLINE_GROUP = ALL_RESPONDENTS
# The kinds the state reads; "changelog" is optional (without it dates are taken as stored).
KINDS_NEEDED: tuple[str, ...] = ("agreements", "approvals", "forums", "participation", "municipalities",
                                 "survey", "maturity", "pilots")

Counts = Callable[[dict[str, Any]], bool]


class AgreementState(StrEnum):
    """Where an area's strategic agreement stands on a day."""

    IN_FORCE = "in_force"
    EXPIRED = "expired"  # approved once, validity ended: needs renewal
    NOT_IN_FORCE = "not_in_force"  # none approved yet (or not yet valid)


# Every status an agreement is shown with (`shown_status`), in the order of the legends: the
# lifecycle's stages, then expired.
SHOWN_STATUSES: tuple[str, ...] = (*(s.value for s in AgreementStatus), AgreementState.EXPIRED.value)


def local_day(at: object) -> date:
    """The Finnish calendar day of a logged instant (naive instants are UTC)."""
    if type(at) is datetime:  # a plain datetime without pandas (~50x faster): `finnish_today` on every run
        return (at if at.tzinfo is not None else at.replace(tzinfo=UTC)).astimezone(LOCAL_TZ).date()
    stamp = pd.Timestamp(at)  # type: ignore[arg-type]
    if stamp.tzinfo is None:
        stamp = stamp.tz_localize("UTC")
    return stamp.tz_convert(LOCAL_TZ).date()


def finnish_today(now: datetime | None = None) -> date:
    """Today as a Finnish calendar day: the day every figure is read on and every entry is dated.

    Not `date.today()`: a server keeps UTC, so between 22 and 24 UTC (21 in summer) its day is
    still yesterday in Finland, and what was saved a moment ago (logged on the Finnish day) would
    not yet count today."""
    return local_day(now or datetime.now(UTC))


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


def load_logged(raw: object) -> dict[str, Any] | None:
    """A record as the change log stores it (JSON), or None."""
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
        before, after = load_logged(before_raw), load_logged(after_raw)
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


def _record_keys(kind: str, frame: pd.DataFrame) -> list[str]:
    spec = get_kind(kind)
    return [key_text(values) for values in zip(*[frame[k] for k in spec.key], strict=True)] if len(frame) else []


def event_days(kind: str, frame: pd.DataFrame, date_column: str, log: pd.DataFrame | None,
               counts: Counts) -> list[date | None]:
    """Each row's event day (see the module docstring)."""
    logged = entered_days(log, kind, counts)
    return [event_day(own, logged.get(key))
            for own, key in zip(frame[date_column], _record_keys(kind, frame), strict=True)]


def _by(days: list[date | None], as_of: date) -> list[bool]:
    return [d is None or d <= as_of for d in days]


def _keep(frame: pd.DataFrame, mask: list[bool]) -> pd.DataFrame:
    """The rows where `mask` holds (a plain list would select columns when it is empty)."""
    return frame.loc[pd.Series(mask, index=frame.index, dtype=bool)]


def _wave_order(wave: str) -> tuple[int, int]:
    """"1/2023" → (2023, 1): the order of waves published on the same day."""
    head, _, year = wave.partition("/")
    return (int(year), int(head)) if head.strip().isdigit() and year.strip().isdigit() else (0, 0)


@dataclass(frozen=True)
class Strategic:
    """An area's strategic agreement on the day, and its state: the approved one in force,
    else the latest approved; with none approved, its agreement of the day
    (`agreements_of_the_day`)."""

    state: AgreementState
    status: str | None  # the agreement's stored status (None when the area has none)
    valid_until: date | None = None
    term_start: date | None = None  # which of the area's agreements it is (None: no term recorded)

    @property
    def shown(self) -> str | None:
        """Where it stands as every page shows it: expired (`AgreementState.EXPIRED`, needs
        renewing) once an approved agreement's validity has ended, else its stored status
        (None: the area has no agreement). The rule `shown_status` applies to any agreement."""
        return None if self.status is None else _shown(self.status, self.state)


@dataclass(frozen=True)
class SurveyWave:
    survey: str
    wave: str
    published_on: date | None


@dataclass(frozen=True)
class ForumEvent:
    """One national forum as the picture knows it on the day: held (its day is by the day) or
    planned. Participants are the counted ones (more than 0, at a forum held); a planned
    forum has none yet."""

    held_on: date
    title: str
    theme: str
    participants: int = 0
    organisations: int = 0


@dataclass(frozen=True)
class AsOf:
    """Everything the indicators read, resolved for one day. Built by `resolve`."""

    as_of: date
    strategic: Mapping[int, Strategic]  # every in-scope area but Helsinki
    council_approved: frozenset[str]  # municipality codes
    council_status: Mapping[str, str]  # municipality code -> ApprovalStatus value (decided by the day)
    population: Mapping[str, int | None]
    forums_held: frozenset[date]
    attended: Mapping[tuple[str, str], frozenset[date]]  # (org type, key) -> held forums with participants
    wave: SurveyWave | None
    survey: pd.DataFrame  # the headline group's rows of the latest wave
    maturity: pd.DataFrame  # each area's latest assessment round by the day
    pilots: frozenset[int]
    updated: Mapping[str, date]  # kind -> the latest day its records changed
    forums: tuple[ForumEvent, ...] = ()  # every forum stored, held and planned, by day
    people: Mapping[tuple[str, str], int] = field(default_factory=dict)  # (org type, key) -> participants counted


def _strategic(agreements: pd.DataFrame, log: pd.DataFrame | None, as_of: date) -> dict[int, Strategic]:
    rows = agreements[agreements["kind"] == AgreementKind.COLLABORATION]
    approved = rows[rows["status"].isin(APPROVED_CODES)]
    days = event_days("agreements", approved, "approved_on", log,
                      lambda r: r.get("kind") == AgreementKind.COLLABORATION and r.get("status") in APPROVED_CODES)
    approved = _keep(approved.assign(_day=days), _by(days, as_of))
    of_the_day = agreements_of_the_day(agreements, AgreementKind.COLLABORATION, as_of)
    stored = {int(a): (str(s), as_date(t)) for a, s, t in zip(
        of_the_day["area_code"], of_the_day["status"], of_the_day.get("term_start", [None] * len(of_the_day)),
        strict=True)}
    out: dict[int, Strategic] = {}
    for area in facts.in_scope_areas():
        if area.code == facts.HELSINKI_AREA_CODE:
            continue
        mine = approved[approved["area_code"] == area.code]
        if mine.empty:
            status, term = stored.get(area.code, (None, None))
            out[area.code] = Strategic(AgreementState.NOT_IN_FORCE, status, term_start=term)
            continue
        # If an area has several (a renewal after a term): the one in force on the day, else
        # the latest. A renewal approved before its term begins leaves its predecessor in force.
        order = [(as_date(t) or date.min, as_date(f) or date.min, d or date.min)
                 for t, f, d in zip(mine.get("term_start", mine["valid_from"]), mine["valid_from"], mine["_day"],
                                    strict=True)]
        states = [_validity(as_date(f), as_date(u), as_of) for f, u in zip(mine["valid_from"], mine["valid_until"],
                                                                           strict=True)]
        candidates = [i for i, state in enumerate(states) if state is AgreementState.IN_FORCE] or range(len(order))
        chosen = max(candidates, key=order.__getitem__)
        latest = mine.iloc[chosen]
        out[area.code] = Strategic(states[chosen], str(latest["status"]), as_date(latest["valid_until"]),
                                   as_date(latest.get("term_start")))
    return out


def shown_status(status: str, valid_from: object, valid_until: object, as_of: date) -> str:
    """One agreement's status as every page shows it on the day: expired
    (`AgreementState.EXPIRED`) once an approved agreement's validity has ended, else as stored.
    `Strategic.shown` is this for the area's strategic agreement (`Strategic.term_start`)."""
    return _shown(status, _validity(as_date(valid_from), as_date(valid_until), as_of))


def _shown(status: str, validity: AgreementState) -> str:
    """A stored status as shown, given the agreement's validity on the day (`_validity`)."""
    if status in APPROVED_CODES and validity is AgreementState.EXPIRED:
        return AgreementState.EXPIRED.value
    return status


def _validity(start: date | None, end: date | None, as_of: date) -> AgreementState:
    """An approved agreement's state on the day by its validity (an empty bound is open)."""
    if end is not None and end < as_of:
        return AgreementState.EXPIRED
    if start is not None and start > as_of:
        return AgreementState.NOT_IN_FORCE
    return AgreementState.IN_FORCE


def current_terms(agreements: pd.DataFrame, kind: str, as_of: date) -> dict[int, date]:
    """Per area, the term of its agreement of `kind` that the day's council figures read: the
    latest term begun by the day, else (none begun yet) the first one. Councils decide on a
    renewal from its term on; before, their decisions on its predecessor are the ones that hold."""
    rows = agreements[agreements["kind"] == kind] if "term_start" in agreements else agreements.iloc[0:0]
    terms: dict[int, list[date]] = {}
    for area, term in zip(rows["area_code"], rows.get("term_start", ()), strict=True):
        day = as_date(term)
        if day is not None:
            terms.setdefault(int(area), []).append(day)
    out = {}
    for area, days in terms.items():
        begun = [d for d in days if d <= as_of]
        out[area] = max(begun) if begun else min(days)
    return out


def agreements_of_the_day(agreements: pd.DataFrame, kind: str, as_of: date) -> pd.DataFrame:
    """Per area, the row of its agreement of `kind` of the day: the term `current_terms` names
    (an area whose rows carry no term: its last row). One row per area with such an agreement."""
    rows = agreements[agreements["kind"] == kind]
    terms = current_terms(agreements, kind, as_of)
    starts = rows["term_start"] if "term_start" in rows else [None] * len(rows)
    chosen: dict[int, int] = {}
    for position, (area, term) in enumerate(zip(rows["area_code"], starts, strict=True)):
        if int(area) not in chosen or int(area) not in terms or as_date(term) == terms[int(area)]:
            chosen[int(area)] = position
    return rows.iloc[sorted(chosen.values())]


def approvals_of_the_day(approvals: pd.DataFrame, agreements: pd.DataFrame, kind: str, as_of: date) -> pd.DataFrame:
    """The councils' decisions on each area's agreement of `kind` of the day (`current_terms`):
    on a renewal from its term on, on its predecessor before. An area whose agreement of the day
    has no decisions yet has no rows, whatever its councils decided on an earlier term."""
    rows = approvals[approvals["agreement_kind"] == kind]
    if "agreement_term_start" not in rows:
        return rows
    terms = current_terms(agreements, kind, as_of)
    return _keep(rows, [int(a) not in terms or as_date(t) in (None, terms[int(a)])
                        for a, t in zip(rows["area_code"], rows["agreement_term_start"], strict=True)])


def council_decisions(approvals: pd.DataFrame, agreements: pd.DataFrame, log: pd.DataFrame | None, as_of: date,
                      kind: str = AgreementKind.COLLABORATION) -> dict[str, str]:
    """Per municipality with a decision row on its area's agreement of `kind` of the day: the
    council's decision known by the day (ApprovalStatus value), else pending. The one rule every
    count of councils reads (the catalogue's council figures, the agreements page, the profile)."""
    return decisions_known(approvals_of_the_day(approvals, agreements, kind, as_of), log, as_of)


@dataclass(frozen=True)
class KnownDecision:
    """A council's decision as known by a day: its status (pending until then) and, once it is
    known, the day the decision records."""

    status: str  # ApprovalStatus value
    decided_on: date | None  # None while pending, or when the row records no day


def known_decisions(rows: pd.DataFrame, log: pd.DataFrame | None, as_of: date) -> dict[str, KnownDecision]:
    """Per municipality of the decision rows `rows` (on one agreement each): its council's
    decision once known by the day (approved or rejected, with its day), else pending."""
    decided = rows[rows["status"] != ApprovalStatus.PENDING]
    days = event_days("approvals", decided, "decided_on", log,
                      lambda r: r.get("status") in DECIDED_STATUSES)
    pending = KnownDecision(ApprovalStatus.PENDING.value, None)
    out = {str(m): pending for m in rows["municipality_code"]}
    for code, status, day, counted in zip(decided["municipality_code"], decided["status"], decided["decided_on"],
                                          _by(days, as_of), strict=True):
        if counted:
            out[str(code)] = KnownDecision(str(status), as_date(day) if status in DECIDED_STATUSES else None)
    return out


def decisions_known(rows: pd.DataFrame, log: pd.DataFrame | None, as_of: date) -> dict[str, str]:
    """`known_decisions`' statuses alone."""
    return {code: known.status for code, known in known_decisions(rows, log, as_of).items()}


def _latest_wave(survey: pd.DataFrame, log: pd.DataFrame | None, as_of: date) -> tuple[SurveyWave | None,
                                                                                       pd.DataFrame]:
    rows = survey[survey["respondent_group"] == HEADLINE_GROUP]
    if rows.empty:
        return None, rows
    days = event_days("survey", rows, "published_on", log, lambda _r: True)
    rows = _keep(rows.assign(_day=days), _by(days, as_of))
    if rows.empty:
        return None, rows
    waves: dict[tuple[str, str], date] = {}
    for name, wave, day in zip(rows["survey"], rows["wave"], rows["_day"], strict=True):
        key = (str(name), str(wave))
        waves[key] = max(waves.get(key, date.min), day or date.min)
    name, wave = max(waves, key=lambda k: (waves[k], _wave_order(k[1]), k))
    chosen = rows[(rows["survey"] == name) & (rows["wave"] == wave)]
    published = [d for d in (as_date(v) for v in chosen["published_on"]) if d is not None]
    return SurveyWave(name, wave, max(published) if published else None), chosen.drop(columns="_day")


def _maturity(maturity: pd.DataFrame, as_of: date) -> pd.DataFrame:
    if maturity.empty:
        return maturity
    days = [as_date(v) for v in maturity["assessed_on"]]
    rows = _keep(maturity.assign(_on=days), [d is not None and d <= as_of for d in days])
    if rows.empty:
        return rows
    latest = rows.groupby("area_code")["_on"].transform("max")
    return rows[rows["_on"] == latest]


def counted_participation(participation: pd.DataFrame, held: frozenset[date]) -> pd.DataFrame:
    """The participation rows every figure counts: more than 0 participants at a forum held."""
    if participation.empty:
        return participation
    counted = [bool(count and count > 0) and as_date(day) in held
               for count, day in zip(participation["participants"], participation["forum_date"], strict=True)]
    return _keep(participation, counted)


def held_days(forums: pd.DataFrame, as_of: date) -> frozenset[date]:
    """The days of the forums held by the day (a forum on a later day is planned)."""
    return frozenset(d for d in (as_date(v) for v in forums["held_on"]) if d is not None and d <= as_of)


def _people(rows: pd.DataFrame) -> dict[tuple[str, str], int]:
    """Per organisation, its participants in the counted participation `rows`."""
    out: dict[tuple[str, str], int] = {}
    for org_type, key, count in zip(rows["org_type"], rows["org_key"], rows["participants"], strict=True):
        out[(str(org_type), str(key))] = out.get((str(org_type), str(key)), 0) + int(count)
    return out


def _attended(rows: pd.DataFrame) -> dict[tuple[str, str], frozenset[date]]:
    """Per organisation, the forums held it took part in (counted participation `rows`)."""
    out: dict[tuple[str, str], set[date]] = {}
    for org_type, key, day in zip(rows["org_type"], rows["org_key"], rows["forum_date"], strict=True):
        out.setdefault((str(org_type), str(key)), set()).add(as_date(day))  # type: ignore[arg-type]
    return {k: frozenset(v) for k, v in out.items()}


def _forum_events(forums: pd.DataFrame, counted: pd.DataFrame) -> tuple[ForumEvent, ...]:
    """Every forum with its people and organisations from the counted participation."""
    people: dict[date, int] = {}
    orgs: dict[date, set[tuple[str, str]]] = {}
    for org_type, key, day, count in zip(counted["org_type"], counted["org_key"], counted["forum_date"],
                                         counted["participants"], strict=True):
        on = as_date(day)
        if on is not None:
            people[on] = people.get(on, 0) + int(count)
            orgs.setdefault(on, set()).add((str(org_type), str(key)))
    events = []
    for raw, title, theme in zip(forums["held_on"], forums["title"], forums["theme"], strict=True):
        on = as_date(raw)
        if on is not None:
            events.append(ForumEvent(on, str(title), str(theme), people.get(on, 0), len(orgs.get(on, ()))))
    return tuple(sorted(events, key=lambda e: e.held_on))


def last_forum(state: AsOf) -> ForumEvent | None:
    """The latest forum held by the day (the one `forums_held` counts last)."""
    held = [f for f in state.forums if f.held_on in state.forums_held]
    return held[-1] if held else None


def next_forum(state: AsOf) -> ForumEvent | None:
    """The first forum planned after the day: one on a later day is not held yet."""
    return next((f for f in state.forums if f.held_on > state.as_of), None)


def _updated(log: pd.DataFrame | None) -> dict[str, date]:
    if log is None or log.empty:
        return {}
    rows = log[~log["action"].isin(QUIET_LOG_ACTIONS)]
    return {str(kind): local_day(at) for kind, at in rows.groupby("kind")["at"].max().items()}


def resolve(frames: Mapping[str, pd.DataFrame], as_of: date) -> AsOf:
    """The state on `as_of` of the store's frames (KINDS_NEEDED, and "changelog" if given)."""
    missing = [k for k in KINDS_NEEDED if k not in frames]
    if missing:
        raise ValueError(f"the indicators need the frames {', '.join(missing)}")
    log = frames.get("changelog")
    forums = frames["forums"]
    held = held_days(forums, as_of)
    counted = counted_participation(frames["participation"], held)  # what every forum figure counts
    council = council_decisions(frames["approvals"], frames["agreements"], log, as_of)
    wave, survey_rows = _latest_wave(frames["survey"], log, as_of)
    pilots = frames["pilots"]
    pilot_days = event_days("pilots", pilots, "started_on", log, lambda _r: True)
    munis = frames["municipalities"]
    return AsOf(
        as_of=as_of,
        strategic=_strategic(frames["agreements"], log, as_of),
        council_approved=frozenset(m for m, s in council.items() if s == ApprovalStatus.APPROVED),
        council_status=council,
        population={str(c): (None if pd.isna(p) else int(p)) for c, p in zip(munis["code"], munis["population"],
                                                                                strict=True)},
        forums_held=held,
        attended=_attended(counted),
        wave=wave,
        survey=survey_rows,
        maturity=_maturity(frames["maturity"], as_of),
        pilots=frozenset(int(a) for a, ok in zip(pilots["area_code"], _by(pilot_days, as_of), strict=True) if ok),
        updated=_updated(log),
        forums=_forum_events(forums, counted),
        people=_people(counted),
    )


def org_keys(state: AsOf, org_type: OrgType) -> set[str]:
    """Keys of the organisations of one type that took part in a held forum."""
    return {key for (kind, key) in state.attended if kind == org_type.value}


def forums_of(state: AsOf, org_type: OrgType, key: str) -> int:
    """Held forums one organisation took part in (more than 0 participants)."""
    return len(state.attended.get((org_type.value, str(key)), ()))


def survey_rows(state: AsOf, area: int | tuple[int, ...] | None) -> pd.DataFrame:
    """The latest wave's headline rows for the whole country, one area, or a group of areas.

    A group's rows are its areas' respondents pooled, statement by statement: N is the sum of
    the areas' N and the value the respondent-weighted mean of their values (the share of all
    the group's respondents rating collaboration well)."""
    rows = state.survey
    if rows.empty:
        return rows
    if area is None:
        return rows[rows["level"] == SurveyLevel.NATIONAL]
    if isinstance(area, int):
        return rows[(rows["level"] == SurveyLevel.AREA) & (rows["level_key"].astype(str) == str(area))]
    keys = {str(a) for a in area}
    mine = rows[(rows["level"] == SurveyLevel.AREA) & rows["level_key"].astype(str).isin(keys)]
    mine = mine[mine["n"].notna() & (mine["n"] > 0)]
    if mine.empty:
        return mine
    weighted = mine.assign(_weighted=mine["value_pct"] * mine["n"])
    pooled = weighted.groupby("statement", sort=False).agg(n=("n", "sum"), _weighted=("_weighted", "sum"))
    return pd.DataFrame({"statement": pooled.index, "value_pct": (pooled["_weighted"] / pooled["n"]).to_numpy(),
                         "n": pooled["n"].astype(int).to_numpy()})


def at_forum(state: AsOf, day: date) -> AsOf:
    """The state seen through one forum: of the forums held by the state's day only the one on
    `day`, and only its participants. The catalogue's forum indicators read on it give the
    coverage at that forum (e.g. `municipalities_participated`: member municipalities with
    participants there; `area_forums_attended`: the county itself, 0 or 1 of 1). A forum not yet
    held has no coverage."""
    held = state.forums_held & {day}
    attended = {org: held for org, days in state.attended.items() if day in days and held}
    return replace(state, forums_held=frozenset(held), attended=attended)
