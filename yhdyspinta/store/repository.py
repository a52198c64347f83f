"""The one write path of the store: every write is a transaction that also appends to the
change log, so a failed write leaves nothing behind and every change can be traced."""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

import pandas as pd
from sqlalchemy import Connection, Engine, and_, delete, func, insert, select, update

from yhdyspinta.kinds import KindSpec, db_key_clause, get_kind, remembered_lookups
from yhdyspinta.store import schema

META_EXAMPLE_DATA = "example_data"
DEMO_ACTOR = "demo"  # who the example data set is logged as


class Action(StrEnum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"


class LogAction(StrEnum):
    """Every action the change log records. Each has a user text on every page that lists
    changes (a test renders them all)."""

    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"
    SEED = "seed"  # the package facts written into a new store
    RESTORE = "restore"  # a whole backup restored
    DENIED = "denied"  # a refused write
    UNDO = "undo"  # a change put back by undo


# Log kinds that are no kind of record: the facts seed, settings, a whole restore, self-assessment rounds.
FACTS_KIND = "facts"
META_KIND = "meta"
BACKUP_KIND = "backup"
SELFASSESS_KIND = "selfassess"  # a self-assessment round opened, answered or closed (yhdyspinta.selfassess)
SYSTEM_KINDS: tuple[str, ...] = (FACTS_KIND, META_KIND, BACKUP_KIND, SELFASSESS_KIND)
# Log actions that change no data: the facts seed and refused writes.
QUIET_LOG_ACTIONS = frozenset({LogAction.SEED.value, LogAction.DENIED.value})


class ConflictError(RuntimeError):
    """The record changed since the caller read it (optimistic locking)."""


class RecordNotFound(LookupError):
    pass


@dataclass(frozen=True)
class Change:
    """One planned write: `after` is None for a delete, `before` None for an insert."""

    action: Action
    key: tuple[Any, ...]
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@dataclass
class Plan:
    """What writing a set of records would do, computed before anything is written."""

    kind: str
    added: list[Change] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changes(self) -> list[Change]:
        return self.added + self.changed

    def summary(self) -> dict[str, int]:
        return {"added": len(self.added), "changed": len(self.changed), "unchanged": self.unchanged}


def _jsonable(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return value.value
    return value


def dump_record(values: dict[str, Any] | None) -> str | None:
    if values is None:
        return None
    return json.dumps({k: _jsonable(v) for k, v in values.items()}, ensure_ascii=False, sort_keys=True)


def key_text(key: Sequence[Any]) -> str:
    return "|".join(str(_jsonable(k)) for k in key)


def log_entry(
    conn: Connection,
    *,
    actor: str,
    action: str,
    kind: str,
    record_key: str,
    before: str | None,
    after: str | None,
    batch_id: str,
    note: str | None = None,
    entry_id: int | None = None,
) -> None:
    """Append one entry; `entry_id` only where the id must be chosen (a restore, see there)."""
    values = _log_values(actor=actor, action=action, kind=kind, record_key=record_key, before=before,
                         after=after, batch_id=batch_id, note=note)
    if entry_id is not None:
        values["id"] = entry_id
    conn.execute(insert(schema.change_log).values(**values))


def _log_values(*, actor: str, action: str, kind: str, record_key: str, before: str | None,
                after: str | None, batch_id: str, note: str | None) -> dict[str, Any]:
    return {"at": datetime.now(UTC), "actor": actor, "action": action, "kind": kind,
            "record_key": record_key, "before": before, "after": after, "batch_id": batch_id, "note": note}


def new_batch_id() -> str:
    return uuid.uuid4().hex[:16]


DATA_VERSION_SQL = f"SELECT coalesce(max(id), 0) FROM {schema.change_log.name}"
# Taken first in every write transaction on PostgreSQL: see `write_transaction`. Readers (and
# their ACCESS SHARE locks) are not blocked; another writer waits for this one's commit.
LOG_LOCK_SQL = f"LOCK TABLE {schema.change_log.name} IN SHARE ROW EXCLUSIVE MODE"


@contextlib.contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction for a write (every write appends to the change log).

    The data version is the change log's highest id, and every cache is keyed on it, in every
    process. On PostgreSQL ids come from a sequence as rows are inserted but become visible when
    their transactions commit, in any order: a write given id 10 that commits after one given
    id 11 would never move the version past 11, and every process would keep what it cached for
    11 without that write. So writers take the change log's lock first and run one at a time:
    ids are then handed out in commit order. Taken before anything else in the transaction, it
    cannot deadlock with the row locks that follow. SQLite has one writer at a time anyway.
    """
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(LOG_LOCK_SQL)
        yield conn



def data_version(engine: Engine) -> int:
    """Grows with every write (the change log is append-only): a cheap cache key."""
    # Plain SQL on the driver's own cursor: this runs on every run of every page, and under
    # load (bench/load.py, py-spy) building SQLAlchemy's result object was most of its cost.
    # The pool still lends the connection and rolls it back on return.
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        try:
            cursor.execute(DATA_VERSION_SQL)
            row = cursor.fetchone()
        finally:
            cursor.close()
    finally:
        raw.close()
    return int(row[0]) if row else 0


def read_rows(conn: Connection, spec: KindSpec) -> list[dict[str, Any]]:
    """All rows of a kind in exchanged shape, ordered by natural key (without `_pk`)."""
    result = conn.execute(spec.statement()).mappings().all()
    return [{k: _normalise(row[k]) for k in spec.export_fields} for row in result]


def _normalise(value: Any) -> Any:
    # SQLite hands datetimes back naive; keep one shape so exports and backups are stable.
    if isinstance(value, datetime) and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def read_kind(engine: Engine, kind: str) -> pd.DataFrame:
    spec = get_kind(kind)
    with engine.connect() as conn:
        rows = read_rows(conn, spec)
    return pd.DataFrame(rows, columns=list(spec.export_fields))


def _existing_by_key(conn: Connection, spec: KindSpec) -> dict[tuple[Any, ...], dict[str, Any]]:
    rows = conn.execute(spec.statement()).mappings().all()
    out: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in rows:
        values = {k: row[k] for k in spec.fields}
        out[tuple(values[k] for k in spec.key)] = values
    return out


def plan_upsert(engine: Engine, kind: str, values: Iterable[dict[str, Any]]) -> Plan:
    """Compare validated records with the store by natural key (completed from the store
    where a record may leave part of it out, see `KindSpec.complete`)."""
    spec = get_kind(kind)
    plan = Plan(kind=kind)
    with engine.connect() as conn:
        existing = _existing_by_key(conn, spec)
        values = [spec.complete(conn, record) for record in values]
    for record in values:
        key = tuple(record[k] for k in spec.key)
        before = existing.get(key)
        if before is None:
            plan.added.append(Change(Action.INSERT, key, None, record))
        elif any(before[k] != record[k] for k in spec.fields):
            plan.changed.append(Change(Action.UPDATE, key, before, record))
        else:
            plan.unchanged += 1
    return plan


def apply_changes(
    engine: Engine,
    kind: str,
    changes: Sequence[Change],
    *,
    actor: str,
    note: str | None = None,
    batch_id: str | None = None,
) -> str:
    """Write changes of one kind in one transaction, each logged; returns the batch id."""
    batch = batch_id or new_batch_id()
    with write_transaction(engine) as conn:
        apply_in(conn, get_kind(kind), changes, actor=actor, note=note, batch_id=batch)
    return batch


def apply_in(
    conn: Connection,
    spec: KindSpec,
    changes: Sequence[Change],
    *,
    actor: str,
    batch_id: str,
    note: str | None = None,
    log_action: str | None = None,
) -> None:
    """Write within the caller's transaction (so several kinds can share one).

    The log records each change's database action (insert/update/delete) unless `log_action`
    names what the write was for (an undo), so the history can tell the two apart.

    Consecutive inserts go to the database as one batch, and the log entries as another:
    a demo load or a large import would otherwise make thousands of round trips. For the same
    reason a reference to another table (a forum, an agreement) is looked up once.
    """
    with remembered_lookups():
        _apply_in(conn, spec, changes, actor=actor, batch_id=batch_id, note=note, log_action=log_action)


def _apply_in(conn: Connection, spec: KindSpec, changes: Sequence[Change], *, actor: str, batch_id: str,
              note: str | None, log_action: str | None) -> None:
    table = spec.table
    has_version = "row_version" in table.c
    pending_inserts: list[dict[str, Any]] = []
    log_rows: list[dict[str, Any]] = []

    def flush_inserts() -> None:
        if pending_inserts:
            conn.execute(insert(table), pending_inserts)
            pending_inserts.clear()

    for change in changes:
        # Planned changes come completed; a record built elsewhere gets its key filled in here,
        # so the row and its log entry hold the same values.
        change = Change(change.action, change.key,
                        None if change.before is None else spec.complete(conn, change.before),
                        None if change.after is None else spec.complete(conn, change.after))
        target = change.after if change.after is not None else change.before
        assert target is not None
        db_values = spec.resolve(conn, target)
        if change.action is Action.INSERT:
            pending_inserts.append(db_values)
        else:
            flush_inserts()
            where = db_key_clause(spec, db_values)
            current = conn.execute(select(table).where(where)).mappings().one_or_none()
            if current is None:
                raise RecordNotFound(f"{spec.name} {key_text(change.key)} does not exist")
            if (has_version and change.before is not None and "row_version" in change.before
                    and current["row_version"] != change.before["row_version"]):
                raise ConflictError(
                    f"{spec.name} {key_text(change.key)} was changed by someone else "
                    f"(version {change.before['row_version']} → {current['row_version']})"
                )
            if has_version:
                # Compare-and-set: two saves at the same moment cannot both pass the check above.
                where = and_(where, table.c.row_version == current["row_version"])
            if change.action is Action.UPDATE:
                if has_version:
                    db_values["row_version"] = current["row_version"] + 1
                result = conn.execute(update(table).where(where).values(**db_values))
            else:
                result = conn.execute(delete(table).where(where))
            if result.rowcount != 1:
                raise ConflictError(f"{spec.name} {key_text(change.key)} was changed by someone else")
        before = {k: v for k, v in (change.before or {}).items() if k != "row_version"} or None
        after = {k: v for k, v in (change.after or {}).items() if k != "row_version"} or None
        log_rows.append(_log_values(
            actor=actor, action=log_action or change.action.value, kind=spec.name, record_key=key_text(change.key),
            before=dump_record(before), after=dump_record(after), batch_id=batch_id, note=note))
    flush_inserts()
    if log_rows:
        conn.execute(insert(schema.change_log), log_rows)


def get_meta(engine: Engine, key: str) -> str | None:
    with engine.connect() as conn:
        return conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == key)).scalar_one_or_none()


def set_meta_in(conn: Connection, key: str, value: str, *, actor: str, batch_id: str) -> None:
    before = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == key)).scalar_one_or_none()
    if before is None:
        conn.execute(insert(schema.meta).values(key=key, value=value))
    else:
        conn.execute(update(schema.meta).where(schema.meta.c.key == key).values(value=value))
    log_entry(
        conn, actor=actor, action=Action.UPDATE.value if before is not None else Action.INSERT.value,
        kind="meta", record_key=key, before=dump_record({"value": before}) if before is not None else None,
        after=dump_record({"value": value}), batch_id=batch_id,
    )


def is_example_data(engine: Engine) -> bool:
    return get_meta(engine, META_EXAMPLE_DATA) == "1"


def count_user_rows(engine: Engine) -> int:
    """Rows in the data tables (not the facts, log or meta): is there anything to lose?"""
    tables = (schema.agreements, schema.approvals, schema.structures, schema.forums,
              schema.participation, schema.survey_results, schema.maturity_assessments,
              schema.pilots)
    with engine.connect() as conn:
        return sum(conn.execute(select(func.count()).select_from(t)).scalar_one() for t in tables)


def update_population(engine: Engine, values: Iterable[tuple[str, int, int]], *, actor: str,
                      note: str | None = None) -> int:
    """Set municipalities' population (code, population, year); logged; returns rows changed."""
    table = schema.municipalities
    batch = new_batch_id()
    changed = 0
    with write_transaction(engine) as conn:
        current = {r["code"]: r for r in conn.execute(select(table)).mappings()}
        for code, population, year in values:
            row = current.get(code)
            if row is None:
                raise RecordNotFound(f"unknown municipality code {code!r}")
            if row["population"] == population and row["population_year"] == year:
                continue
            conn.execute(update(table).where(table.c.code == code)
                         .values(population=population, population_year=year))
            log_entry(conn, actor=actor, action=Action.UPDATE.value, kind="municipalities",
                      record_key=code,
                      before=dump_record({"population": row["population"],
                                          "population_year": row["population_year"]}),
                      after=dump_record({"population": population, "population_year": year}),
                      batch_id=batch, note=note)
            changed += 1
    return changed
