"""Self-assessment rounds from the regions: Keast & Mandell's eight dimensions, answered on
a phone through an invitation link.

An area's editor (or a project lead) opens a round for the area and gets one link per
invitation. A link carries a random token (`secrets.token_urlsafe`, 192 bits); the store keeps
only its SHA-256 hash, so the links are shown once and a copy of the store cannot answer. A
link expires (`DEFAULT_VALID_DAYS` after opening unless chosen otherwise), answers once, needs
no sign-in and asks for nothing that names a person: the eight scores (1–3, the scale of the
maturity records) and which side the respondent works for (`RespondentRole`). A response keeps
no link to its invitation and no time of its own; an invitation keeps only the day it was
answered.

Closing a round writes its responses as maturity assessments of the area, dated the day of
closing (Finnish time), numbered after any the area already has that day: from then on they
are the area's latest round, which is what the indicator catalogue's maturity figures read.
Everything is written through the change log (kind `SELFASSESS_KIND`; the assessments as
ordinary `maturity` inserts, in their own batch, so a project lead can undo a round's result),
so the data version moves and every cached figure follows at once. The round's figures (means
per dimension, the level) are the catalogue's, read from those assessments like any others.
"""

from __future__ import annotations

import hashlib
import secrets
import urllib.parse
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any

import pandas as pd
from sqlalchemy import Connection, Engine, func, insert, select, update

from yhdyspinta import facts
from yhdyspinta.access import PermissionDenied, Principal, check
from yhdyspinta.editing import log_denied
from yhdyspinta.indicators.asof import finnish_today, local_day
from yhdyspinta.kinds import get_kind
from yhdyspinta.records import MaturityRecord
from yhdyspinta.store import repository as repo
from yhdyspinta.store import schema as s
from yhdyspinta.store.schema import MATURITY_COLUMNS

PARAM_TOKEN = "arvio"  # the invitation link's query parameter: `?arvio=TOKEN`
DEFAULT_VALID_DAYS = 14
MAX_VALID_DAYS = 90
MAX_INVITATIONS = 200
TOKEN_BYTES = 24  # 192 random bits: 32 URL-safe characters
MAX_TOKEN_LENGTH = 64  # characters of the parameter read at all
TOKEN_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
LOG_KIND = repo.SELFASSESS_KIND
RESPONDENT_ACTOR = "respondent"  # who a response is logged as: nobody in particular
ANSWER_FIELDS: tuple[str, ...] = ("respondent_role", *MATURITY_COLUMNS)


class TokenStatus(StrEnum):
    """What an invitation link is good for now; each has a text (`selfassess.token.<value>`)."""

    VALID = "valid"
    UNKNOWN = "unknown"  # malformed, or no such invitation
    EXPIRED = "expired"
    USED = "used"
    CLOSED = "closed"  # the round was closed before the link was answered


class RoundState(StrEnum):
    """Where an area's round stands; each has a text (`selfassess.state.<value>`)."""

    NONE = "none"
    OPEN = "open"
    EXPIRED = "expired"  # still open, but its links no longer answer
    CLOSED = "closed"


class Refused(ValueError):
    """A response or a close that cannot be taken; `status` says why."""

    def __init__(self, status: TokenStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


class RoundNotFound(LookupError):
    pass


@dataclass(frozen=True)
class Invitation:
    """What a link stands for: its state and, unless unknown, its round and area."""

    status: TokenStatus
    round_id: int | None = None
    area_code: int | None = None
    expires_at: datetime | None = None


@dataclass(frozen=True)
class OpenedRound:
    round_id: int
    area_code: int
    expires_at: datetime
    tokens: tuple[str, ...]  # shown once: the store keeps only their hashes


@dataclass(frozen=True)
class RoundSummary:
    round_id: int
    area_code: int
    opened_at: datetime
    expires_at: datetime
    closed_at: datetime | None
    assessed_on: date | None
    invitations: int
    responses: int
    last_response_on: date | None

    def state(self, now: datetime) -> RoundState:
        if self.closed_at is not None:
            return RoundState.CLOSED
        return RoundState.EXPIRED if now >= self.expires_at else RoundState.OPEN


@dataclass(frozen=True)
class ClosedRound:
    round_id: int
    area_code: int
    assessed_on: date | None  # None when nobody answered: nothing was written
    responses: int


def utc(value: datetime | None) -> datetime | None:
    """`value` as an aware UTC instant (SQLite hands stored instants back naive)."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _now(now: datetime | None) -> datetime:
    return utc(now) or datetime.now(UTC)  # type: ignore[return-value]


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def hash_token(token: str) -> str:
    """The stored form of a token. A plain SHA-256 suffices: the token is 192 random bits,
    so there is nothing to guess from its hash (no salt or slow hash is needed, and equal
    tokens must hash equal to be found)."""
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def well_formed(token: str | None) -> bool:
    """Could `token` be one of ours? Bounded and URL-safe Base64 only, so nothing else is
    hashed or looked up."""
    return (token is not None and 0 < len(token) <= MAX_TOKEN_LENGTH
            and all(ch in TOKEN_CHARACTERS for ch in token))


def invitation_link(base_url: str, token: str, lang: str | None = None) -> str:
    """`base_url` (the app's address) with the token, and the language if given."""
    params = {PARAM_TOKEN: token}
    if lang:
        params["kieli"] = lang
    base = base_url.split("?", 1)[0].split("#", 1)[0]
    return f"{base}?{urllib.parse.urlencode(params)}"


def _authorise(engine: Engine, principal: Principal, area_code: int, record_key: str) -> None:
    try:
        check(principal, LOG_KIND, [{"area_code": area_code}])
    except PermissionDenied as exc:
        log_denied(engine, exc, record_key=record_key)
        raise


def _logged(values: Mapping[str, Any]) -> str | None:
    return repo.dump_record(dict(values))


def open_round(engine: Engine, principal: Principal, area_code: int, invitations: int, *,
               valid_days: int = DEFAULT_VALID_DAYS, now: datetime | None = None) -> OpenedRound:
    """Open a round for `area_code` with `invitations` links, valid `valid_days` days.
    Raises PermissionDenied (logged) unless `principal` may write the area's records, and
    ValueError for an area out of scope or counts out of bounds."""
    if area_code not in {a.code for a in facts.in_scope_areas()}:
        raise ValueError(f"area {area_code} is not one of the in-scope areas")
    if not 1 <= invitations <= MAX_INVITATIONS:
        raise ValueError(f"invitations must be 1–{MAX_INVITATIONS}, not {invitations}")
    if not 1 <= valid_days <= MAX_VALID_DAYS:
        raise ValueError(f"a round is valid 1–{MAX_VALID_DAYS} days, not {valid_days}")
    _authorise(engine, principal, area_code, f"area {area_code}")
    opened = _now(now)
    expires = opened + timedelta(days=valid_days)
    tokens = tuple(new_token() for _ in range(invitations))
    with repo.write_transaction(engine) as conn:
        round_id = int(conn.execute(insert(s.selfassess_rounds).values(
            area_code=area_code, opened_at=opened, expires_at=expires, invitations=invitations,
        )).inserted_primary_key[0])
        conn.execute(insert(s.selfassess_invitations),
                     [{"round_id": round_id, "token_hash": hash_token(tok)} for tok in tokens])
        repo.log_entry(conn, actor=principal.subject, action=repo.Action.INSERT.value, kind=LOG_KIND,
                       record_key=str(round_id), before=None,
                       after=_logged({"area_code": area_code, "round": round_id, "invitations": invitations,
                                      "expires_on": local_day(expires)}),
                       batch_id=repo.new_batch_id())
    return OpenedRound(round_id, area_code, expires, tokens)


def _lookup(conn: Connection, token: str | None, now: datetime, *, lock: bool = False) -> tuple[Invitation, int | None]:
    """The invitation `token` stands for, and its row id (None when unknown)."""
    if not well_formed(token):
        return Invitation(TokenStatus.UNKNOWN), None
    i, r = s.selfassess_invitations, s.selfassess_rounds
    stmt = (select(i.c.id, i.c.answered_on, r.c.id.label("round_id"), r.c.area_code, r.c.expires_at, r.c.closed_at)
            .join(r, i.c.round_id == r.c.id).where(i.c.token_hash == hash_token(str(token))))
    if lock:  # PostgreSQL: a close waits for this response (SQLite serialises writes anyway)
        stmt = stmt.with_for_update(of=r)
    row = conn.execute(stmt).mappings().one_or_none()
    if row is None:
        return Invitation(TokenStatus.UNKNOWN), None
    expires = utc(row["expires_at"])
    if row["answered_on"] is not None:
        status = TokenStatus.USED
    elif row["closed_at"] is not None:
        status = TokenStatus.CLOSED
    elif expires is not None and now >= expires:
        status = TokenStatus.EXPIRED
    else:
        status = TokenStatus.VALID
    return Invitation(status, int(row["round_id"]), int(row["area_code"]), expires), int(row["id"])


def check_token(engine: Engine, token: str | None, *, now: datetime | None = None) -> Invitation:
    """What the link with `token` is good for now (never raises for any text)."""
    with engine.connect() as conn:
        return _lookup(conn, token, _now(now))[0]


def validate_answers(area_code: int, answers: Mapping[str, Any]) -> dict[str, Any]:
    """The answers validated exactly as a maturity record's (role, eight scores 1–3); raises
    pydantic's ValidationError or ValueError. Only ANSWER_FIELDS are taken."""
    extra = set(answers) - set(ANSWER_FIELDS)
    if extra:
        raise ValueError(f"unexpected answers {sorted(extra)}")
    record = MaturityRecord(area_code=area_code, assessed_on=finnish_today(), respondent_no=1,  # type: ignore[arg-type]
                            **{name: answers.get(name) for name in ANSWER_FIELDS})
    return {name: getattr(record, name) for name in ANSWER_FIELDS} | {
        "respondent_role": record.respondent_role.value}


def submit(engine: Engine, token: str | None, answers: Mapping[str, Any], *, now: datetime | None = None) -> int:
    """Take one response through the link with `token`; returns the round id. Raises Refused
    (with the link's status) for an unknown, expired, used or closed link – a second submit
    through the same link included, also when two arrive at once – and ValidationError /
    ValueError for answers out of range, writing nothing."""
    at = _now(now)
    with repo.write_transaction(engine) as conn:
        invitation, invitation_id = _lookup(conn, token, at, lock=True)
        if invitation.status is not TokenStatus.VALID or invitation_id is None:
            raise Refused(invitation.status, f"the link cannot answer: {invitation.status.value}")
        assert invitation.round_id is not None and invitation.area_code is not None
        values = validate_answers(invitation.area_code, answers)
        inv = s.selfassess_invitations
        taken = conn.execute(update(inv).where(inv.c.id == invitation_id, inv.c.answered_on.is_(None))
                             .values(answered_on=local_day(at)))
        if taken.rowcount != 1:  # answered meanwhile through another session
            raise Refused(TokenStatus.USED, "the link was answered already")
        conn.execute(insert(s.selfassess_responses).values(round_id=invitation.round_id, **values))
        count = _responses(conn, invitation.round_id)
        repo.log_entry(conn, actor=RESPONDENT_ACTOR, action=repo.Action.INSERT.value, kind=LOG_KIND,
                       record_key=str(invitation.round_id), before=None,
                       after=_logged({"area_code": invitation.area_code, "round": invitation.round_id,
                                      "responses": count}),
                       batch_id=repo.new_batch_id())
    return invitation.round_id


def _responses(conn: Connection, round_id: int) -> int:
    r = s.selfassess_responses
    return int(conn.execute(select(func.count()).select_from(r).where(r.c.round_id == round_id)).scalar_one())


def rounds(engine: Engine, area_codes: Iterable[int] | None = None) -> list[RoundSummary]:
    """Every round (of `area_codes`, if given), newest first, with its answered count."""
    r, i = s.selfassess_rounds, s.selfassess_invitations
    stmt = (select(r, func.count(i.c.answered_on).label("responses"),
                   func.max(i.c.answered_on).label("last_response"))
            .join(i, i.c.round_id == r.c.id, isouter=True).group_by(*r.c).order_by(r.c.opened_at.desc(),
                                                                                     r.c.id.desc()))
    if area_codes is not None:
        stmt = stmt.where(r.c.area_code.in_(list(area_codes)))
    with engine.connect() as conn:
        rows = conn.execute(stmt).mappings().all()
    return [RoundSummary(int(row["id"]), int(row["area_code"]), utc(row["opened_at"]),  # type: ignore[arg-type]
                         utc(row["expires_at"]), utc(row["closed_at"]), row["assessed_on"],  # type: ignore[arg-type]
                         int(row["invitations"]), int(row["responses"]), row["last_response"])
            for row in rows]


def close_round(engine: Engine, principal: Principal, round_id: int, *, now: datetime | None = None) -> ClosedRound:
    """Close a round and write its responses as the area's maturity assessments of the day
    (see the module docstring). Raises RoundNotFound, PermissionDenied (logged), or Refused
    (CLOSED) for a round closed already, writing nothing."""
    at = _now(now)
    day = local_day(at)
    r = s.selfassess_rounds
    with engine.connect() as conn:
        found = conn.execute(select(r.c.area_code).where(r.c.id == round_id)).scalar_one_or_none()
    if found is None:
        raise RoundNotFound(f"there is no self-assessment round {round_id}")
    area = int(found)
    _authorise(engine, principal, area, str(round_id))
    spec = get_kind("maturity")
    with repo.write_transaction(engine) as conn:
        responses = [dict(row) for row in conn.execute(
            select(s.selfassess_responses).where(s.selfassess_responses.c.round_id == round_id)
            .order_by(s.selfassess_responses.c.id)).mappings()]
        assessed_on = day if responses else None
        closed = conn.execute(update(r).where(r.c.id == round_id, r.c.closed_at.is_(None))
                              .values(closed_at=at, assessed_on=assessed_on))
        if closed.rowcount != 1:
            raise Refused(TokenStatus.CLOSED, f"round {round_id} is closed already")
        if responses:
            m = s.maturity_assessments
            taken = conn.execute(select(func.max(m.c.respondent_no)).where(
                m.c.area_code == area, m.c.assessed_on == day)).scalar_one_or_none() or 0
            records = [spec.validate({"area_code": area, "assessed_on": day, "respondent_no": taken + n,
                                      **{k: row[k] for k in ANSWER_FIELDS}})
                       for n, row in enumerate(responses, start=1)]
            check(principal, "maturity", records)
            changes = [repo.Change(repo.Action.INSERT, tuple(rec[k] for k in spec.key), None, rec) for rec in records]
            repo.apply_in(conn, spec, changes, actor=principal.subject, batch_id=repo.new_batch_id(),
                          note=f"self-assessment round {round_id}")
        repo.log_entry(conn, actor=principal.subject, action=repo.Action.UPDATE.value, kind=LOG_KIND,
                       record_key=str(round_id),
                       before=_logged({"area_code": area, "round": round_id}),
                       after=_logged({"area_code": area, "round": round_id, "closed_on": day,
                                      "responses": len(responses), "assessed_on": assessed_on}),
                       batch_id=repo.new_batch_id())
    return ClosedRound(round_id, area, assessed_on, len(responses))


# Columns of the tracker's frame, one row per area.
TRACKER_COLUMNS = ("area_code", "state", "opened_on", "expires_on", "invitations", "responses",
                   "last_response_on", "last_reported_on")


def tracker(summaries: Sequence[RoundSummary], last_reported: Mapping[int, date | None], areas: Iterable[int],
            now: datetime) -> pd.DataFrame:
    """Per area, its latest round – state, invitations and how many answered (counts only,
    nobody named) – when the last response came, and `last_reported`: the date of the area's
    latest maturity assessment in the picture (whether from a round or entered otherwise)."""
    latest: dict[int, RoundSummary] = {}
    answered: dict[int, date] = {}
    for summary in summaries:
        current = latest.get(summary.area_code)
        if current is None or (summary.opened_at, summary.round_id) > (current.opened_at, current.round_id):
            latest[summary.area_code] = summary
        if summary.last_response_on is not None:
            answered[summary.area_code] = max(answered.get(summary.area_code, summary.last_response_on),
                                              summary.last_response_on)
    rows = []
    for area in areas:
        summary = latest.get(area)
        rows.append({
            "area_code": area,
            "state": (summary.state(now) if summary else RoundState.NONE).value,
            "opened_on": local_day(summary.opened_at) if summary else None,
            "expires_on": local_day(summary.expires_at) if summary else None,
            "invitations": summary.invitations if summary else 0,
            "responses": summary.responses if summary else 0,
            "last_response_on": answered.get(area),
            "last_reported_on": last_reported.get(area),
        })
    return pd.DataFrame(rows, columns=list(TRACKER_COLUMNS))
