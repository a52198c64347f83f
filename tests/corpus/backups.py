"""A corpus of malformed backup archives, generated in code from a real (empty-store) backup.

Each case breaks a backup one way – not a zip, no manifest, bad or deeply nested JSON,
wrong types, a zip bomb, rows that break the records' rules – and `expected` is a regular
expression the one-line `BackupError` message must match. Nothing may be written.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

MANIFEST = "manifest.json"
MB = 1024 * 1024


@dataclass(frozen=True)
class BackupCase:
    name: str
    build: Callable[[bytes], bytes]  # from a valid backup of an empty store
    expected: str


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rezip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


def replaced(base: bytes, **parts: bytes | None) -> bytes:
    """The backup with members replaced (bytes) or removed (None); names use _ for ."""
    out = members(base)
    for key, content in parts.items():
        name = key.replace("__", ".")
        if content is None:
            out.pop(name, None)
        else:
            out[name] = content
    return rezip(out)


def with_rows(base: bytes, rows: dict[str, list[Any]]) -> bytes:
    """The backup with these tables' rows (JSON values, one a line) and a manifest that agrees."""
    out = members(base)
    manifest = json.loads(out[MANIFEST])
    for table, lines in rows.items():
        out[f"{table}.jsonl"] = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode()
        manifest["tables"][table] = len(lines)
    out[MANIFEST] = json.dumps(manifest).encode()
    return rezip(out)


def agreement(**overrides: Any) -> dict[str, Any]:
    row = {"id": 1, "area_code": 13, "kind": "aiesopimus", "title": "Aiesopimus", "status": "valmistelussa",
           "preparation_started_on": None, "approved_on": None, "valid_from": None, "valid_until": None,
           "themes": "", "document_url": None, "row_version": 1, "term_start": "2023-01-01"}
    row.update(overrides)
    return row


def approval(**overrides: Any) -> dict[str, Any]:
    row = {"id": 1, "agreement_id": 1, "municipality_code": "297", "status": "hyvaksytty", "decided_on": None,
           "row_version": 1}
    row.update(overrides)
    return row


def forum(**overrides: Any) -> dict[str, Any]:
    row = {"id": 1, "held_on": "2023-12-15", "theme": "hyte", "title": "Foorumi", "recording_url": None,
           "row_version": 1}
    row.update(overrides)
    return row


def participation(**overrides: Any) -> dict[str, Any]:
    row = {"id": 1, "forum_id": 1, "org_type": "kunta", "org_key": "297", "participants": 2, "row_version": 1}
    row.update(overrides)
    return row


def _manifest(value: Any) -> Callable[[bytes], bytes]:
    return lambda base: replaced(base, manifest__json=json.dumps(value).encode())


def _tampered_manifest(**changes: Any) -> Callable[[bytes], bytes]:
    def build(base: bytes) -> bytes:
        manifest = json.loads(members(base)[MANIFEST])
        manifest.update(changes)
        return replaced(base, manifest__json=json.dumps(manifest).encode())
    return build


def zip_bomb(base: bytes) -> bytes:
    """A change log member that unpacks to 201 MB of spaces (about 200 KB packed), honestly
    declared; written in chunks, so building it never holds 201 MB either."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, content in members(base).items():
            if name != "change_log.jsonl":
                archive.writestr(name, content)
        chunk = b" " * MB
        with archive.open("change_log.jsonl", "w") as member:
            for _ in range(201):
                member.write(chunk)
    return out.getvalue()


BACKUP_CASES: tuple[BackupCase, ...] = (
    BackupCase("not a zip", lambda base: b"PK\x03\x04 not really a zip", r"^not a Yhdyspinta backup: "),
    BackupCase("no manifest", lambda base: replaced(base, manifest__json=None),
               r"^not a Yhdyspinta backup: it has no manifest\.json$"),
    BackupCase("manifest is not JSON", lambda base: replaced(base, manifest__json=b"{format_version: 1"),
               r"^manifest\.json is not valid JSON: "),
    BackupCase("manifest is not UTF-8", lambda base: replaced(base, manifest__json=b'{"a": "\xff"}'),
               r"^manifest\.json is not valid JSON: "),
    BackupCase("manifest is a list", _manifest([1, 2, 3]),
               r"^manifest\.json: expected an object with format_version, schema_revision and tables$"),
    BackupCase("manifest tables is a string", _tampered_manifest(tables="all of them"),
               r"^manifest\.json: tables must map each table's name to its number of rows$"),
    BackupCase("manifest row count is text", _tampered_manifest(tables={"areas": "23"}),
               r"^manifest\.json: tables must map each table's name to its number of rows$"),
    BackupCase("manifest nested 100 000 deep",
               lambda base: replaced(base, manifest__json=b"[" * 100_000 + b"]" * 100_000),
               r"^manifest\.json is nested too deeply$"),
    BackupCase("manifest of 2 MB", lambda base: replaced(base, manifest__json=b" " * (2 * MB) + b"{}"),
               r"^manifest\.json unpacks to more than 1 MB, the limit$"),
    BackupCase("a zip bomb: a table unpacking to 201 MB", zip_bomb,
               r"^the backup unpacks to more than 200 MB, the limit \(change_log\.jsonl\)$"),
    BackupCase("a table member missing", lambda base: replaced(base, pilots__jsonl=None),
               r"^backup lacks pilots\.jsonl$"),
    BackupCase("a row nested 100 000 deep",
               lambda base: replaced(base, pilots__jsonl=b"[" * 100_000 + b"]" * 100_000 + b"\n"),
               r"^pilots row 1 is not a valid row: nested too deeply$"),
    BackupCase("a row that is not JSON", lambda base: with_rows(base, {"forums": ["x"]}) .replace(b'"x"', b"{x"),
               r"^forums row 1 is not a valid row: "),
    BackupCase("a row that is a number", lambda base: with_rows(base, {"forums": [5]}),
               r"^forums row 1 is not a valid row: expected an object$"),
    BackupCase("a date that is no date", lambda base: with_rows(base, {"forums": [forum(held_on="15.12.2023")]}),
               r"^forums row 1, held_on: expected a date \(YYYY-MM-DD\), not '15\.12\.2023'$"),
    BackupCase("an id that is text", lambda base: with_rows(base, {"forums": [forum(id="one")]}),
               r"^forums row 1, id: expected a whole number, not 'one'$"),
    BackupCase("a required value missing", lambda base: with_rows(base, {"forums": [forum(title=None)]}),
               r"^forums row 1, title: a value is required$"),
    BackupCase("an agreement with an unknown status",
               lambda base: with_rows(base, {"agreements": [agreement(status="voimassa ehkä")]}),
               r"^agreements row 1, status: Input should be "),
    BackupCase("an agreement of an area outside the reform",
               lambda base: with_rows(base, {"agreements": [agreement(area_code=91)]}),
               r"^agreements row 1, area_code: .*outside the reform"),
    BackupCase("an approval of a council of another area",
               lambda base: with_rows(base, {"agreements": [agreement()],
                                             "approvals": [approval(municipality_code="698")]}),
               r"^approvals row 1, municipality_code: .*municipality 698 \(Rovaniemi\) belongs to area 21"),
    BackupCase("an approval of an agreement not in the backup",
               lambda base: with_rows(base, {"agreements": [agreement()], "approvals": [approval(agreement_id=7)]}),
               r"^approvals row 1, agreement_id: no agreement with id 7 in the backup$"),
    BackupCase("a participation keyed by a signed code",
               lambda base: with_rows(base, {"forums": [forum()], "participation": [participation(org_key="+297")]}),
               r"^participation row 1, org_key: .*digits 0–9"),
    BackupCase("a participation of a forum not in the backup",
               lambda base: with_rows(base, {"forums": [forum()], "participation": [participation(forum_id=3)]}),
               r"^participation row 1, forum_id: no forum with id 3 in the backup$"),
    BackupCase("a role for a viewer limited to areas",
               lambda base: with_rows(base, {"role_assignments": [
                   {"subject": "a@b.fi", "role": "viewer", "area_codes": "13", "row_version": 1}]}),
               r"^role_assignments row 1: .*only an area editor is limited to areas"),
    BackupCase("two agreements with the same key",
               lambda base: with_rows(base, {"agreements": [agreement(), agreement(id=2)]}),
               r"^agreements row 2: the same key as row 1 \(area_code, kind, term_start\)$"),
)

BACKUP_CASE_IDS = [case.name for case in BACKUP_CASES]
