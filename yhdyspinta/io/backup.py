"""Backups: every table in one zip, deterministic, so equal stores give equal bytes."""

from __future__ import annotations

import io
import json
import math
import zipfile
import zlib
from datetime import UTC, date, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Boolean, Date, DateTime, Engine, Float, Integer, String, Table, func, insert, select, text
from sqlalchemy import delete as sql_delete
from sqlalchemy.exc import DBAPIError

from yhdyspinta.kinds import KINDS
from yhdyspinta.store import repository as repo
from yhdyspinta.store import schema
from yhdyspinta.store.engine import current_revision

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


class BackupError(ValueError):
    pass


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        value = value if value.tzinfo else value.replace(tzinfo=UTC)
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _decode(column: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(column.type, Date):
        return date.fromisoformat(value)
    return value


def backup(engine: Engine) -> bytes:
    """All tables as JSON lines ordered by primary key, plus a manifest."""
    out = io.BytesIO()
    counts: dict[str, int] = {}
    with engine.connect() as conn, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for table in schema.TABLE_ORDER:
            pk = list(table.primary_key.columns)
            rows = conn.execute(select(table).order_by(*pk)).mappings().all()
            lines = [json.dumps({c.name: _encode(r[c.name]) for c in table.columns},
                                ensure_ascii=False, sort_keys=True) for r in rows]
            counts[table.name] = len(lines)
            _write(archive, f"{table.name}.jsonl", "".join(line + "\n" for line in lines))
        manifest = {"format_version": FORMAT_VERSION, "schema_revision": current_revision(engine),
                    "tables": counts}
        _write(archive, MANIFEST, json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return out.getvalue()


def _write(archive: zipfile.ZipFile, name: str, content: str) -> None:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, content.encode("utf-8"))


# Bounds on what a restore reads, counted while reading: a backup of a real store is a few MB.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # all members read, together
MAX_MANIFEST_BYTES = 1024 * 1024
READ_CHUNK = 1024 * 1024


def restore(engine: Engine, data: bytes, *, force: bool = False, actor: str = "restore") -> dict[str, int]:
    """Replace the store's contents with a backup, in one transaction.

    Everything is read and checked before anything is written: the archive and its manifest,
    every row's columns against the table (types, required values), and every data row
    through its kind's record, as an import or a form would be (see `_check_records`). Any
    problem is one `BackupError` line. Refuses a store that is not empty – data, roles or any
    change-log entry beyond the facts seed – unless forced. Appends one change-log entry.
    """
    archive, manifest = _open(data)
    if manifest["format_version"] != FORMAT_VERSION:
        raise BackupError(f"unsupported backup format {manifest['format_version']!r}")
    if manifest["schema_revision"] != current_revision(engine):
        raise BackupError(
            f"backup schema {manifest['schema_revision']} differs from the store's "
            f"{current_revision(engine)}; upgrade first"
        )
    if not force:
        held = _held(engine)
        if held:
            raise BackupError(f"the store already holds {held}; use --force to replace them")
    budget = [MAX_UNPACKED_BYTES]
    tables: dict[str, list[dict[str, Any]]] = {}
    for table in schema.TABLE_ORDER:
        raw = _read_member(archive, f"{table.name}.jsonl", budget)
        rows = []
        for number, line in enumerate((ln for ln in raw.splitlines() if ln.strip()), start=1):
            rows.append(_row(table, number, line))
        if len(rows) != manifest["tables"].get(table.name):
            raise BackupError(f"{table.name}: {len(rows)} rows, manifest says {manifest['tables'].get(table.name)}")
        tables[table.name] = rows
    _check_records(tables)
    try:
        with repo.write_transaction(engine) as conn:
            # The data version (the change log's highest id) keys every cache of every process,
            # so it must never come back to a value it had: the restore's own entry goes after
            # both the replaced log and the restored one, however long either was.
            replaced_version = conn.exec_driver_sql(repo.DATA_VERSION_SQL).scalar_one()
            for table in reversed(schema.TABLE_ORDER):
                conn.execute(sql_delete(table))
            for table in schema.TABLE_ORDER:
                if tables[table.name]:
                    conn.execute(insert(table), tables[table.name])
            restored_version = conn.exec_driver_sql(repo.DATA_VERSION_SQL).scalar_one()
            repo.log_entry(conn, actor=actor, action=repo.LogAction.RESTORE.value, kind=repo.BACKUP_KIND,
                           record_key="*", before=None, after=None, batch_id=repo.new_batch_id(),
                           note="restored " + ", ".join(f"{k} {v}" for k, v in manifest["tables"].items()),
                           entry_id=max(replaced_version, restored_version) + 1)
            if conn.dialect.name == "postgresql":
                _reset_sequences(conn)
    except DBAPIError as exc:  # a constraint the checks above do not know; rolled back
        detail = " ".join(str(exc.orig).split())[:200]
        raise BackupError(f"the backup's rows break the store's constraints: {detail}") from None
    return manifest["tables"]


def _held(engine: Engine) -> str:
    """What a restore would replace, in words; empty for a store with only the facts seed."""
    data = repo.count_user_rows(engine)
    with engine.connect() as conn:
        roles = conn.execute(select(func.count()).select_from(schema.role_assignments)).scalar_one()
        log = schema.change_log
        entries = conn.execute(select(func.count()).select_from(log)
                               .where(log.c.action != repo.LogAction.SEED.value)).scalar_one()
    parts = [f"{data} rows of data" if data else "",
             f"{roles} role{'s' if roles != 1 else ''}" if roles else "",
             f"{entries} change-log entr{'ies' if entries != 1 else 'y'}" if entries else ""]
    return ", ".join(p for p in parts if p)


def _json(text: bytes | str, what: str) -> Any:
    try:
        return json.loads(text)
    except RecursionError:
        raise BackupError(f"{what} is nested too deeply") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BackupError(f"{what} is not valid JSON: {exc}") from None


def _open(data: bytes) -> tuple[zipfile.ZipFile, dict[str, Any]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise BackupError(f"not a Yhdyspinta backup: {exc}") from None
    if MANIFEST not in archive.namelist():
        raise BackupError(f"not a Yhdyspinta backup: it has no {MANIFEST}")
    raw = _read_member(archive, MANIFEST, [MAX_MANIFEST_BYTES], limit_text=f"{MANIFEST} unpacks to more than 1 MB")
    manifest = _json(raw, MANIFEST)
    if not isinstance(manifest, dict) or not {"format_version", "schema_revision", "tables"} <= manifest.keys():
        raise BackupError(f"{MANIFEST}: expected an object with format_version, schema_revision and tables")
    counts = manifest["tables"]
    if not isinstance(counts, dict) or not all(
            isinstance(k, str) and type(v) is int and v >= 0 for k, v in counts.items()):
        raise BackupError(f"{MANIFEST}: tables must map each table's name to its number of rows")
    return archive, manifest


def _read_member(archive: zipfile.ZipFile, name: str, budget: list[int], *, limit_text: str | None = None) -> bytes:
    """A member's bytes, refused as soon as more than `budget[0]` bytes have come out (the
    declared size is checked first, the real one while unpacking); the budget shrinks by what
    was read, so it bounds all members together."""
    too_big = BackupError((limit_text or f"the backup unpacks to more than {MAX_UNPACKED_BYTES // 2**20} MB")
                          + f", the limit{'' if limit_text else f' ({name})'}")
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise BackupError(f"backup lacks {name}") from None
    if info.file_size > budget[0]:
        raise too_big
    out = bytearray()
    try:
        with archive.open(info) as member:
            while chunk := member.read(READ_CHUNK):
                out += chunk
                if len(out) > budget[0]:
                    raise too_big
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError,
            zlib.error, RuntimeError) as exc:
        raise BackupError(f"{name} cannot be unpacked: {exc}") from None
    budget[0] -= len(out)
    return bytes(out)


def _row(table: Table, number: int, line: bytes) -> dict[str, Any]:
    """One JSON line as the table's row, each column's value of the column's type."""
    try:
        row = _json(line, "")
    except BackupError as exc:
        raise BackupError(f"{table.name} row {number} is not a valid row: {str(exc).removeprefix(' is ')}") \
            from None
    if not isinstance(row, dict):
        raise BackupError(f"{table.name} row {number} is not a valid row: expected an object")
    return {c.name: _column_value(table, number, c, row.get(c.name)) for c in table.columns}


def _column_value(table: Table, number: int, column: Any, value: Any) -> Any:
    def refuse(expected: str) -> BackupError:
        return BackupError(f"{table.name} row {number}, {column.name}: expected {expected}, not {value!r:.80}")

    if value is None:
        if not column.nullable and not column.primary_key and column.default is None:
            raise BackupError(f"{table.name} row {number}, {column.name}: a value is required")
        return None
    kind = column.type
    if isinstance(kind, DateTime):
        try:
            parsed = datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            parsed = None
        if parsed is None:
            raise refuse("a date and time (ISO 8601)")
        return parsed
    if isinstance(kind, Date):
        try:
            parsed_day = date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
        except ValueError:
            parsed_day = None
        if parsed_day is None:
            raise refuse("a date (YYYY-MM-DD)")
        return parsed_day
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise refuse("true or false")
        return value
    if isinstance(kind, Integer):
        if type(value) is not int:
            raise refuse("a whole number")
        return value
    if isinstance(kind, Float):
        if type(value) not in (int, float) or not math.isfinite(value):
            raise refuse("a number")
        return float(value)
    if isinstance(kind, String):
        if not isinstance(value, str):
            raise refuse("text")
        if kind.length is not None and len(value) > kind.length:
            raise BackupError(f"{table.name} row {number}, {column.name}: longer than {kind.length} characters")
        return value
    return value


def _one_line(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()))
        message = " ".join(str(error.get("msg", "")).split())
        parts.append(f"{where}: {message}" if where else message)
    return "; ".join(parts)


def _check_records(tables: dict[str, list[dict[str, Any]]]) -> None:
    """Every data row through its kind's record, in the exchanged shape the forms and imports
    use. Approvals and participation name their agreement and forum by id in the table; those
    are looked up among the backup's own rows, the rest of a row is its record's fields."""
    agreements = {r["id"]: r for r in tables[schema.agreements.name]}
    forums = {r["id"]: r for r in tables[schema.forums.name]}
    for spec in KINDS.values():
        if not spec.writable:
            continue
        seen: dict[tuple[Any, ...], int] = {}
        for number, row in enumerate(tables[spec.table.name], start=1):
            where = f"{spec.table.name} row {number}"
            values = dict(row)
            if spec.name == "approvals":
                parent = agreements.get(row["agreement_id"])
                if parent is None:
                    raise BackupError(f"{where}, agreement_id: no agreement with id {row['agreement_id']} "
                                      "in the backup")
                values.update(area_code=parent["area_code"], agreement_kind=parent["kind"],
                              agreement_term_start=parent["term_start"])
            if spec.name == "participation":
                parent = forums.get(row["forum_id"])
                if parent is None:
                    raise BackupError(f"{where}, forum_id: no forum with id {row['forum_id']} in the backup")
                values["forum_date"] = parent["held_on"]
            shaped = {name: values.get(name) for name in spec.fields}
            try:
                record = spec.validate(shaped)
            except ValidationError as exc:
                detail = _one_line(exc)
                raise BackupError(f"{where}{', ' if detail.split(':')[0] in spec.fields else ': '}{detail}"[:400]) \
                    from None
            except (ValueError, TypeError) as exc:
                raise BackupError(f"{where}: {' '.join(str(exc).split())}"[:400]) from None
            if _jsonable(record) != _jsonable(shaped):
                changed = next(k for k in spec.fields if _jsonable({k: record[k]}) != _jsonable({k: shaped[k]}))
                raise BackupError(f"{where}, {changed}: {shaped[changed]!r:.80} is not in the form the records "
                                  f"keep ({record[changed]!r:.80})")
            key = tuple(record[k] for k in spec.key)
            if key in seen:
                raise BackupError(f"{where}: the same key as row {seen[key]} ({', '.join(spec.key)})")
            seen[key] = number


def _jsonable(values: dict[str, Any]) -> str | None:
    return repo.dump_record(values)


def _reset_sequences(conn: Any) -> None:
    # Rows came with their ids; move each serial sequence past them.
    for table in schema.TABLE_ORDER:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or pk[0].autoincrement is False or not isinstance(pk[0].type, Integer):
            continue
        highest = conn.execute(select(func.max(pk[0]))).scalar()
        conn.execute(text("SELECT setval(pg_get_serial_sequence(:t, :c), :v, :called)"),
                     {"t": table.name, "c": pk[0].name, "v": highest or 1,
                      "called": highest is not None})
