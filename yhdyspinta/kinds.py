"""The kinds of data the store holds, declared once: table, record, natural key, and how a
record in its exchanged shape (codes and dates, no database ids) maps to table rows."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, Select, Table, and_, select

from yhdyspinta import records
from yhdyspinta.store import schema as s


class ReferenceNotFound(LookupError):
    """A record points at something the store does not have (e.g. a forum date), or leaves
    out part of its key that the store cannot fill in unambiguously (an agreement's term)."""

    def __init__(self, field_name: str, value: object, message: str) -> None:
        super().__init__(message)
        self.field_name = field_name
        self.value = value


Resolver = Callable[[Connection, dict[str, Any]], dict[str, Any]]

# Lookups of rows of other tables by their natural keys, remembered within `remembered_lookups`.
_lookups: ContextVar[dict[tuple[Any, ...], Any] | None] = ContextVar("kinds_lookups", default=None)


@contextlib.contextmanager
def remembered_lookups() -> Iterator[None]:
    """Within it, a record's reference to a row of another table (a participation's forum by
    its date, an approval's agreement by area, kind and term) is looked up in the database once
    and then remembered: an attendance list names the same forum on every row. For a write of
    one kind, which changes its own table only. A reference not found is not remembered."""
    token = _lookups.set({})
    try:
        yield
    finally:
        _lookups.reset(token)


def _remembered(key: tuple[Any, ...], lookup: Callable[[], Any]) -> Any:
    memo = _lookups.get()
    if memo is None:
        return lookup()
    if key not in memo:
        memo[key] = lookup()
    return memo[key]


def _identity(_conn: Connection, values: dict[str, Any]) -> dict[str, Any]:
    return dict(values)


def agreement_terms(conn: Connection, area_code: int, kind: str) -> list[date]:
    """The term starts of an area's agreements of one kind, oldest first."""
    g = s.agreements
    return list(conn.execute(
        select(g.c.term_start).where(g.c.area_code == area_code, g.c.kind == kind).order_by(g.c.term_start)
    ).scalars())


def _agreement_id(conn: Connection, area_code: int, kind: str, term_start: date | None) -> tuple[int, date]:
    """The id and term start of an area's agreement of `kind` for the term starting on
    `term_start`, or (None) of its latest one."""
    return _remembered(("agreement", area_code, kind, term_start),
                       lambda: _find_agreement(conn, area_code, kind, term_start))


def _find_agreement(conn: Connection, area_code: int, kind: str, term_start: date | None) -> tuple[int, date]:
    g = s.agreements
    stmt = select(g.c.id, g.c.term_start).where(g.c.area_code == area_code, g.c.kind == kind)
    if term_start is None:
        stmt = stmt.order_by(g.c.term_start.desc()).limit(1)
    else:
        stmt = stmt.where(g.c.term_start == term_start)
    found = conn.execute(stmt).first()
    if found is None and term_start is not None:
        raise ReferenceNotFound(
            "agreement_term_start", term_start,
            f"area {area_code} has no agreement of kind {kind!r} for the term starting {term_start}")
    if found is None:
        raise ReferenceNotFound(
            "agreement_kind", kind, f"area {area_code} has no agreement of kind {kind!r}"
        )
    return found.id, found.term_start


def default_term_start(values: dict[str, Any]) -> date:
    """The term start of an agreement given without one: the first of its validity start,
    approval and preparation start, else the counties' first day (migration 0003's rule)."""
    return (values.get("valid_from") or values.get("approved_on") or values.get("preparation_started_on")
            or records.FIRST_TERM_START)


def _complete_agreement(conn: Connection, values: dict[str, Any]) -> dict[str, Any]:
    """An agreement given without a term start (a file from before terms) is the area's
    agreement of that kind if it has one, or a new one starting on `default_term_start`. Of
    several, it is the one whose term its dates name; if they name none, whether an update or
    a renewal is meant cannot be told and the term start must be given: a renewal never
    overwrites its predecessor."""
    if values.get("term_start") is not None:
        return values
    term = default_term_start(values)
    terms = agreement_terms(conn, values["area_code"], values["kind"])
    if len(terms) == 1:
        term = terms[0]
    elif terms and term not in terms:
        raise ReferenceNotFound(
            "term_start", None,
            f"area {values['area_code']} has agreements of kind {values['kind']!r} for the terms starting "
            f"{', '.join(str(t) for t in terms)}; name the term start of the one meant")
    return {**values, "term_start": term}


def _complete_approval(conn: Connection, values: dict[str, Any]) -> dict[str, Any]:
    """An approval given without its agreement's term start is for the area's latest agreement
    of that kind (files and templates from before terms name no term)."""
    if values.get("agreement_term_start") is not None:
        return values
    _id, term = _agreement_id(conn, values["area_code"], values["agreement_kind"], None)
    return {**values, "agreement_term_start": term}


def _resolve_approval(conn: Connection, values: dict[str, Any]) -> dict[str, Any]:
    out = dict(values)
    out["agreement_id"], _term = _agreement_id(conn, out.pop("area_code"), out.pop("agreement_kind"),
                                               out.pop("agreement_term_start", None))
    return out


def _forum_id(conn: Connection, held_on: Any) -> int:
    return _remembered(("forum", held_on), lambda: _find_forum(conn, held_on))  # type: ignore[no-any-return]


def _find_forum(conn: Connection, held_on: Any) -> int:
    found = conn.execute(
        select(s.forums.c.id).where(s.forums.c.held_on == held_on)
    ).scalar_one_or_none()
    if found is None:
        raise ReferenceNotFound("forum_date", held_on, f"no forum held on {held_on}")
    return found


def _resolve_participation(conn: Connection, values: dict[str, Any]) -> dict[str, Any]:
    out = dict(values)
    out["forum_id"] = _forum_id(conn, out.pop("forum_date"))
    return out


@dataclass(frozen=True)
class KindSpec:
    """One kind of data. `fields` is the exchanged shape, in column order."""

    name: str
    table: Table
    fields: tuple[str, ...]
    key: tuple[str, ...]
    record: type | None = None
    select_fn: Callable[[], Select[Any]] | None = None
    resolve: Resolver = _identity
    # Fills in from the store what a record may leave out but its natural key needs (an
    # agreement's term start, an approval's agreement term); applied before a record is
    # compared or written.
    complete: Resolver = _identity
    # Columns that identify the row in the table once the natural key is resolved.
    db_key: tuple[str, ...] = ()
    order_by: tuple[str, ...] = ()
    # Extra read-only columns shown and exported but never imported.
    derived: tuple[str, ...] = field(default=())

    @property
    def writable(self) -> bool:
        return self.record is not None

    @property
    def export_fields(self) -> tuple[str, ...]:
        return self.fields + self.derived

    def statement(self) -> Select[Any]:
        """Rows in exchanged shape plus `_pk`, the table's own key, ordered by natural key."""
        if self.select_fn is not None:
            stmt = self.select_fn()
        else:
            pk = next(iter(self.table.primary_key.columns))
            stmt = select(pk.label("_pk"), *[self.table.c[f] for f in self.export_fields])
        order = self.order_by or self.key
        return stmt.order_by(*[stmt.selected_columns[c] for c in order])

    def validate(self, values: dict[str, Any]) -> dict[str, Any]:
        """Build the record (raising pydantic's ValidationError) and return its plain values."""
        if self.record is None:
            raise TypeError(f"{self.name} is read-only")
        rec = self.record(**values)
        out = {}
        for f in dataclasses.fields(rec):
            value = getattr(rec, f.name)
            out[f.name] = value.value if hasattr(value, "value") else value
        return out


def _approvals_select() -> Select[Any]:
    a, g = s.approvals, s.agreements
    return select(
        a.c.id.label("_pk"),
        g.c.area_code,
        g.c.kind.label("agreement_kind"),
        g.c.term_start.label("agreement_term_start"),
        a.c.municipality_code,
        a.c.status,
        a.c.decided_on,
    ).join(g, a.c.agreement_id == g.c.id)


def _participation_select() -> Select[Any]:
    p, f = s.participation, s.forums
    return select(
        p.c.id.label("_pk"),
        f.c.held_on.label("forum_date"),
        p.c.org_type,
        p.c.org_key,
        p.c.participants,
    ).join(f, p.c.forum_id == f.c.id)


KINDS: dict[str, KindSpec] = {
    spec.name: spec
    for spec in (
        KindSpec(
            name="areas",
            table=s.areas,
            fields=("code", "name_fi", "name_sv", "name_en", "in_scope"),
            key=("code",),
        ),
        KindSpec(
            name="municipalities",
            table=s.municipalities,
            fields=("code", "name_fi", "name_sv", "area_code", "language",
                    "population", "population_year"),
            key=("code",),
        ),
        KindSpec(
            name="agreements",
            table=s.agreements,
            record=records.AgreementRecord,
            fields=("area_code", "kind", "term_start", "title", "status", "preparation_started_on",
                    "approved_on", "valid_from", "valid_until", "themes", "document_url"),
            key=("area_code", "kind", "term_start"),
            complete=_complete_agreement,
            db_key=("area_code", "kind", "term_start"),
        ),
        KindSpec(
            name="approvals",
            table=s.approvals,
            record=records.ApprovalRecord,
            fields=("area_code", "agreement_kind", "agreement_term_start", "municipality_code", "status",
                    "decided_on"),
            key=("area_code", "agreement_kind", "agreement_term_start", "municipality_code"),
            select_fn=_approvals_select,
            resolve=_resolve_approval,
            complete=_complete_approval,
            db_key=("agreement_id", "municipality_code"),
        ),
        KindSpec(
            name="structures",
            table=s.structures,
            record=records.StructureRecord,
            fields=("area_code", "kind", "name", "theme", "established_on", "url"),
            key=("area_code", "kind", "name"),
            db_key=("area_code", "kind", "name"),
        ),
        KindSpec(
            name="forums",
            table=s.forums,
            record=records.ForumRecord,
            fields=("held_on", "theme", "title", "recording_url"),
            key=("held_on",),
            db_key=("held_on",),
        ),
        KindSpec(
            name="participation",
            table=s.participation,
            record=records.ParticipationRecord,
            fields=("forum_date", "org_type", "org_key", "participants"),
            key=("forum_date", "org_type", "org_key"),
            select_fn=_participation_select,
            resolve=_resolve_participation,
            db_key=("forum_id", "org_type", "org_key"),
        ),
        KindSpec(
            name="survey",
            table=s.survey_results,
            record=records.SurveyRecord,
            fields=("survey", "wave", "published_on", "statement", "respondent_group",
                    "level", "level_key", "value_pct", "n"),
            key=("survey", "wave", "statement", "respondent_group", "level", "level_key"),
            db_key=("survey", "wave", "statement", "respondent_group", "level", "level_key"),
        ),
        KindSpec(
            name="maturity",
            table=s.maturity_assessments,
            record=records.MaturityRecord,
            fields=("area_code", "assessed_on", "respondent_no", "respondent_role",
                    *s.MATURITY_COLUMNS),
            key=("area_code", "assessed_on", "respondent_no"),
            db_key=("area_code", "assessed_on", "respondent_no"),
        ),
        KindSpec(
            name="pilots",
            table=s.pilots,
            record=records.PilotRecord,
            fields=("area_code", "started_on", "ended_on", "note"),
            key=("area_code",),
            db_key=("area_code",),
        ),
        KindSpec(
            name="roles",
            table=s.role_assignments,
            record=records.RoleRecord,
            fields=("subject", "role", "area_codes"),
            key=("subject",),
            db_key=("subject",),
        ),
        KindSpec(
            name="changelog",
            table=s.change_log,
            fields=("id", "at", "actor", "action", "kind", "record_key", "before", "after",
                    "batch_id", "note"),
            key=("id",),
        ),
    )
}

WRITABLE_KINDS: tuple[str, ...] = tuple(k for k, spec in KINDS.items() if spec.writable)
EXPORT_KINDS: tuple[str, ...] = tuple(KINDS)


def get_kind(name: str) -> KindSpec:
    try:
        return KINDS[name]
    except KeyError:
        raise KeyError(f"unknown kind {name!r}; expected one of: {', '.join(KINDS)}") from None


def db_key_clause(spec: KindSpec, values: dict[str, Any]) -> Any:
    return and_(*[spec.table.c[c] == values[c] for c in spec.db_key])
