"""The guarded write path: every change from a person goes through here, so permissions
are enforced in one place and every refusal is logged like every write.

Besides `write` (a planned set of changes, e.g. an import) there are the helpers the editing
forms use – `read_record`, `save`, `delete`, with optimistic locking on `row_version` – and
undo: `undo_change` and `undo_batch` restore what a log entry (or a whole batch) replaced,
only for project leads, only if the record still is what that entry left, and log the undo.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Connection, Engine, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from yhdyspinta.access import REFUSED_UNDO, PermissionDenied, Principal, check
from yhdyspinta.domain import Role
from yhdyspinta.kinds import KINDS, KindSpec, ReferenceNotFound, get_kind
from yhdyspinta.store import repository as repo
from yhdyspinta.store import schema

ROW_VERSION = "row_version"
UNDO_ACTION = repo.LogAction.UNDO.value
DENIED_ACTION = repo.LogAction.DENIED.value
META_KIND = repo.META_KIND
# Log actions that changed a record and so can be reversed ("undo" entries too: that is redo).
REVERSIBLE_ACTIONS = frozenset({repo.Action.INSERT.value, repo.Action.UPDATE.value,
                                repo.Action.DELETE.value, UNDO_ACTION})


class UndoError(ValueError):
    """A log entry (or batch) that cannot be undone; the message says which and why."""


def write(
    engine: Engine,
    principal: Principal,
    kind: str,
    changes: Sequence[repo.Change],
    *,
    note: str | None = None,
) -> str:
    """Check, then write the changes in one transaction; returns the batch id."""
    authorise(engine, principal, kind, changes)
    return repo.apply_changes(engine, kind, changes, actor=principal.subject, note=note)


def authorise(engine: Engine, principal: Principal, kind: str, changes: Sequence[repo.Change]) -> None:
    """Raise (and log) PermissionDenied unless `principal` may write every change. Both the
    old and the new state are checked, so nobody can move a record out of another's area."""
    records = [r for c in changes for r in (c.before, c.after) if r is not None]
    try:
        check(principal, kind, records)
    except PermissionDenied as exc:
        log_denied(engine, exc)
        raise


def log_denied(engine: Engine, exc: PermissionDenied, record_key: str = "*") -> None:
    with repo.write_transaction(engine) as conn:
        repo.log_entry(conn, actor=exc.principal.subject, action=DENIED_ACTION, kind=exc.kind,
                       record_key=record_key, before=None, after=None, batch_id=repo.new_batch_id(),
                       note=exc.reason)


# --- one record, as the forms see it ------------------------------------------------------

def _read_in(conn: Connection, spec: KindSpec, key: Sequence[Any]) -> dict[str, Any] | None:
    stmt = spec.statement()
    stmt = stmt.add_columns(spec.table.c[ROW_VERSION].label(ROW_VERSION)).where(
        *[stmt.selected_columns[name] == value for name, value in zip(spec.key, key, strict=True)])
    row = conn.execute(stmt).mappings().one_or_none()
    if row is None:
        return None
    return {name: row[name] for name in (*spec.fields, ROW_VERSION)}


def read_record(engine: Engine, kind: str, key: Sequence[Any]) -> dict[str, Any] | None:
    """The record with natural key `key` in exchanged shape plus its `row_version` (which
    exports and imports leave out), or None. A form keeps the version it showed and hands it
    back to `save`, so a record someone else changed meanwhile is not overwritten."""
    spec = get_kind(kind)
    with engine.connect() as conn:
        return _read_in(conn, spec, tuple(key))


def key_of(kind: str, record: Mapping[str, Any]) -> tuple[Any, ...]:
    return tuple(record[name] for name in get_kind(kind).key)


def _fields(spec: KindSpec, record: Mapping[str, Any]) -> dict[str, Any]:
    return {name: record.get(name) for name in spec.fields}


def _comparable(spec: KindSpec, record: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The record as the change log writes it (dates as ISO text), so stored rows and logged
    JSON compare equal exactly when they hold the same values."""
    if record is None:
        return None
    return json.loads(repo.dump_record(_fields(spec, record)) or "{}")


def save(
    engine: Engine,
    principal: Principal,
    kind: str,
    values: Mapping[str, Any],
    *,
    expected_version: int | None,
    note: str | None = None,
) -> str | None:
    """Validate `values` exactly as an import would, then insert or update one record.

    `expected_version` is the `row_version` the editor saw (None: they saw no such record).
    Raises ValidationError / ValueError for bad values, PermissionDenied (logged) for a
    record outside the principal's rights, ConflictError when the record changed, appeared
    or vanished since, ReferenceNotFound when its key cannot be completed from the store (an
    approval of an area with no such agreement). Returns the batch id, or None when nothing
    changed.
    """
    spec = get_kind(kind)
    record = spec.validate(dict(values))
    with engine.connect() as conn:
        record = spec.complete(conn, record)
    key = key_of(kind, record)
    current = read_record(engine, kind, key)
    before = None if current is None else _fields(spec, current)
    change_action = repo.Action.INSERT if current is None else repo.Action.UPDATE
    authorise(engine, principal, kind, [repo.Change(change_action, key, before, record)])
    label = f"{kind} {repo.key_text(key)}"
    if current is None:
        if expected_version is not None:
            raise repo.ConflictError(f"{label} was removed by someone else after you opened it")
        change = repo.Change(repo.Action.INSERT, key, None, record)
    else:
        if expected_version is None:
            raise repo.ConflictError(f"{label} was added by someone else after you opened the form")
        if _comparable(spec, current) == _comparable(spec, record) and current[ROW_VERSION] == expected_version:
            return None
        change = repo.Change(repo.Action.UPDATE, key, {**before, ROW_VERSION: expected_version}, record)
    try:
        return repo.apply_changes(engine, kind, [change], actor=principal.subject, note=note)
    except IntegrityError as exc:  # inserted by someone else between our read and our write
        raise repo.ConflictError(f"{label} was added by someone else after you opened the form") from exc
    except repo.RecordNotFound as exc:
        raise repo.ConflictError(f"{label} was removed by someone else after you opened it") from exc


def delete_record(
    engine: Engine,
    principal: Principal,
    kind: str,
    key: Sequence[Any],
    *,
    expected_version: int,
    note: str | None = None,
) -> str:
    """Delete one record the editor saw at `expected_version` (checked, logged, locked)."""
    spec = get_kind(kind)
    key = tuple(key)
    current = read_record(engine, kind, key)
    label = f"{kind} {repo.key_text(key)}"
    if current is None:
        raise repo.ConflictError(f"{label} was removed by someone else after you opened it")
    before = _fields(spec, current)
    authorise(engine, principal, kind, [repo.Change(repo.Action.DELETE, key, before, None)])
    change = repo.Change(repo.Action.DELETE, key, {**before, ROW_VERSION: expected_version}, None)
    try:
        return repo.apply_changes(engine, kind, [change], actor=principal.subject, note=note)
    except repo.RecordNotFound as exc:
        raise repo.ConflictError(f"{label} was removed by someone else after you opened it") from exc


# --- undo ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class LogEntry:
    id: int
    at: datetime
    actor: str
    action: str
    kind: str
    record_key: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    batch_id: str
    note: str | None

    @property
    def reversible(self) -> bool:
        return self.action in REVERSIBLE_ACTIONS and (self.before is not None or self.after is not None)


def _entry(row: Mapping[str, Any]) -> LogEntry:
    return LogEntry(
        id=int(row["id"]), at=row["at"], actor=row["actor"], action=row["action"], kind=row["kind"],
        record_key=row["record_key"], batch_id=row["batch_id"], note=row["note"],
        before=json.loads(row["before"]) if row["before"] else None,
        after=json.loads(row["after"]) if row["after"] else None)


def read_entries(engine: Engine, *, change_id: int | None = None, batch_id: str | None = None) -> list[LogEntry]:
    """Log entries by id or by batch, oldest first."""
    log = schema.change_log
    stmt = select(log).order_by(log.c.id)
    if change_id is not None:
        stmt = stmt.where(log.c.id == change_id)
    if batch_id is not None:
        stmt = stmt.where(log.c.batch_id == batch_id)
    with engine.connect() as conn:
        return [_entry(r) for r in conn.execute(stmt).mappings()]


def undo_change(engine: Engine, principal: Principal, change_id: int) -> str:
    """Undo one logged change; returns the undo's own batch id."""
    entries = read_entries(engine, change_id=change_id)
    if not entries:
        raise UndoError(f"there is no change number {change_id}")
    entry = entries[0]
    _require_lead(engine, principal, entry.kind, str(change_id))
    if not entry.reversible:
        raise UndoError(f"change {change_id} ({entry.action}) changed no data and cannot be undone")
    return _undo(engine, principal, entries, note=f"undo of change {change_id}")


def undo_batch(engine: Engine, principal: Principal, batch_id: str) -> str:
    """Undo every change of a batch (an import, a form save, an earlier undo) in one
    transaction, newest first; all or nothing. Returns the undo's own batch id."""
    entries = read_entries(engine, batch_id=batch_id)
    if not entries:
        raise UndoError(f"there is no batch {batch_id!r}")
    _require_lead(engine, principal, entries[0].kind, f"batch {batch_id}")
    reversible = [e for e in entries if e.reversible]
    if not reversible:
        raise UndoError(f"batch {batch_id!r} changed no data and cannot be undone")
    return _undo(engine, principal, reversible, note=f"undo of batch {batch_id}")


def _require_lead(engine: Engine, principal: Principal, kind: str, what: str) -> None:
    if principal.role != Role.PROJECT_LEAD:
        exc = PermissionDenied(principal, kind, f"only project leads may undo ({what})", code=REFUSED_UNDO)
        log_denied(engine, exc, record_key=what)
        raise exc


def _undo(engine: Engine, principal: Principal, entries: Sequence[LogEntry], *, note: str) -> str:
    batch = repo.new_batch_id()
    with repo.write_transaction(engine) as conn:
        for entry in sorted(entries, key=lambda e: e.id, reverse=True):
            if entry.kind == META_KIND:
                _undo_meta(conn, entry, actor=principal.subject, batch_id=batch, note=note)
                continue
            spec, change = _inverse(conn, entry)
            repo.apply_in(conn, spec, [change], actor=principal.subject, batch_id=batch, note=note,
                          log_action=UNDO_ACTION)
    return batch


def _restorable(spec: KindSpec, entry: LogEntry, values: dict[str, Any]) -> dict[str, Any]:
    try:
        return spec.validate(_fields(spec, values))
    except (ValidationError, ValueError, TypeError) as exc:
        raise UndoError(f"change {entry.id}: the old {entry.kind} record no longer validates: {exc}") from exc


def _inverse(conn: Connection, entry: LogEntry) -> tuple[KindSpec, repo.Change]:
    """The change that puts back what `entry` replaced, checked against the record now."""
    spec = KINDS.get(entry.kind)
    if spec is None or not spec.writable:
        raise UndoError(f"change {entry.id}: {entry.kind} cannot be undone here")
    template = entry.after if entry.after is not None else entry.before
    assert template is not None
    key = key_of(entry.kind, _restorable(spec, entry, template))
    current = _read_in(conn, spec, key)
    if _comparable(spec, current) != _comparable(spec, entry.after):
        raise repo.ConflictError(
            f"{entry.kind} {entry.record_key} has changed since change {entry.id}; undo refused, nothing written")
    try:
        if entry.before is None:  # it was added: remove it
            assert current is not None
            return spec, repo.Change(repo.Action.DELETE, key, current, None)
        restored = _restorable(spec, entry, entry.before)
        if current is None:  # it was removed: add it back
            spec.resolve(conn, restored)  # its parent (forum, agreement) must still exist
            return spec, repo.Change(repo.Action.INSERT, key, None, restored)
        return spec, repo.Change(repo.Action.UPDATE, key, current, restored)
    except ReferenceNotFound as exc:
        raise UndoError(f"change {entry.id}: {exc}") from exc


def _undo_meta(conn: Connection, entry: LogEntry, *, actor: str, batch_id: str, note: str) -> None:
    table = schema.meta
    now = conn.execute(select(table.c.value).where(table.c.key == entry.record_key)).scalar_one_or_none()
    expected = entry.after["value"] if entry.after else None
    if now != expected:
        raise repo.ConflictError(f"setting {entry.record_key} has changed since change {entry.id}; undo refused")
    old = entry.before["value"] if entry.before else None
    where = table.c.key == entry.record_key
    if old is None:
        conn.execute(delete(table).where(where))
    elif now is None:
        conn.execute(insert(table).values(key=entry.record_key, value=old))
    else:
        conn.execute(update(table).where(where).values(value=old))
    repo.log_entry(conn, actor=actor, action=UNDO_ACTION, kind=META_KIND, record_key=entry.record_key,
                   before=repo.dump_record({"value": now}) if now is not None else None,
                   after=repo.dump_record({"value": old}) if old is not None else None,
                   batch_id=batch_id, note=note)
