"""Backups: every table in one zip, deterministic, so equal stores give equal bytes."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, Engine, Integer, func, insert, select, text
from sqlalchemy import delete as sql_delete

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


def restore(engine: Engine, data: bytes, *, force: bool = False, actor: str = "restore") -> dict[str, int]:
    """Replace the store's contents with a backup, in one transaction.

    Refuses a store that holds data unless forced. Appends one change-log entry saying so.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        manifest = json.loads(archive.read(MANIFEST))
    except (zipfile.BadZipFile, KeyError, json.JSONDecodeError) as exc:
        raise BackupError(f"not a Yhdyspinta backup: {exc}") from None
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(f"unsupported backup format {manifest.get('format_version')!r}")
    if manifest.get("schema_revision") != current_revision(engine):
        raise BackupError(
            f"backup schema {manifest.get('schema_revision')} differs from the store's "
            f"{current_revision(engine)}; upgrade first"
        )
    existing = repo.count_user_rows(engine)
    if existing and not force:
        raise BackupError(f"the store already holds {existing} rows of data; use --force to replace them")
    tables: dict[str, list[dict[str, Any]]] = {}
    for table in schema.TABLE_ORDER:
        try:
            raw = archive.read(f"{table.name}.jsonl").decode("utf-8")
        except KeyError:
            raise BackupError(f"backup lacks {table.name}.jsonl") from None
        rows = [json.loads(line) for line in raw.splitlines() if line.strip()]
        if len(rows) != manifest["tables"].get(table.name):
            raise BackupError(f"{table.name}: {len(rows)} rows, manifest says {manifest['tables'].get(table.name)}")
        tables[table.name] = [{c.name: _decode(c, row.get(c.name)) for c in table.columns} for row in rows]
    with engine.begin() as conn:
        for table in reversed(schema.TABLE_ORDER):
            conn.execute(sql_delete(table))
        for table in schema.TABLE_ORDER:
            if tables[table.name]:
                conn.execute(insert(table), tables[table.name])
        if conn.dialect.name == "postgresql":
            _reset_sequences(conn)
        repo.log_entry(conn, actor=actor, action=repo.LogAction.RESTORE.value, kind=repo.BACKUP_KIND, record_key="*",
                       before=None, after=None, batch_id=repo.new_batch_id(),
                       note="restored " + ", ".join(f"{k} {v}" for k, v in manifest["tables"].items()))
    return manifest["tables"]


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
