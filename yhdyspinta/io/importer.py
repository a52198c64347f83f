"""Imports: read a file, map its headers, resolve names to codes, validate every row, and
plan the change, all before anything is written. One code path for the CLI and the UI."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Engine

from yhdyspinta import editing, facts
from yhdyspinta.access import Principal
from yhdyspinta.domain import OrgType, SurveyLevel
from yhdyspinta.i18n import COLUMN_LABELS, column_label, t
from yhdyspinta.io.tables import RawTable, TableReadError, read_table
from yhdyspinta.kinds import KindSpec, ReferenceNotFound, get_kind
from yhdyspinta.store import repository as repo

AREA_FIELDS = frozenset({"area_code"})
MUNICIPALITY_FIELDS = frozenset({"municipality_code"})
AREA_NAME_SUFFIXES = ("hyvinvointialue", "välfärdsområde", "wellbeing services county")

# Obvious variants of headers seen in real files, beyond the labels in three languages.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "area_code": ("alueen koodi", "aluekoodi", "hyvinvointialue", "hva", "välfärdsområde",
                  "area code", "county"),
    "municipality_code": ("kuntakoodi", "kunnan koodi", "kunnan nimi", "kommunkod",
                          "municipality code"),
    "held_on": ("pvm", "päivä", "foorumin päivämäärä"),
    "forum_date": ("foorumi", "pvm", "päivämäärä", "forum"),
    "participants": ("osallistujat", "osallistujamäärä", "lkm", "antal", "count"),
    "value_pct": ("osuus", "%", "prosentti", "andel", "value", "share"),
    "org_key": ("organisaatio", "organisaation nimi", "organisation name", "organization"),
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file: where it is and what was expected."""

    code: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "fi") -> str:
        return t(f"import.{self.code}", lang, row=self.row, column=self.column,
                 value=repr(self.value), **self.params)


@dataclass
class ImportReport:
    kind: str
    file_name: str
    records: list[dict[str, Any]] = field(default_factory=list)
    # The spreadsheet row each record came from, for messages after validation.
    row_numbers: list[int] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    plan: repo.Plan | None = None

    @property
    def ok(self) -> bool:
        return not self.problems and self.plan is not None


def normalise_header(text: str) -> str:
    text = unicodedata.normalize("NFC", text).strip().lower()
    text = re.sub(r"[\s_\-./]+", " ", text)
    return text.strip()


def _header_map(spec: KindSpec) -> dict[str, str]:
    out: dict[str, str] = {}
    for name in spec.fields:
        variants = {name, *COLUMN_LABELS.get(name, {}).values(), *HEADER_ALIASES.get(name, ())}
        for variant in variants:
            out.setdefault(normalise_header(variant), name)
    # A kind's own labels win over a generic alias of another field.
    for name in spec.fields:
        for variant in (name, *COLUMN_LABELS.get(name, {}).values()):
            out[normalise_header(variant)] = name
    return out


def _name_key(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().casefold()


def _area_lookup() -> dict[str, int]:
    out: dict[str, int] = {}
    for area in facts.areas():
        for name in (area.name_fi, area.name_sv, area.name_en):
            out[_name_key(name)] = area.code
            for suffix in AREA_NAME_SUFFIXES:
                if _name_key(name).endswith(suffix):
                    out[_name_key(name)[: -len(suffix)].strip()] = area.code
    return out


def _municipality_lookup() -> dict[str, str]:
    out: dict[str, str] = {}
    for m in facts.municipalities():
        out[_name_key(m.name_fi)] = m.code
        out[_name_key(m.name_sv)] = m.code
    for name, code in facts.MERGED_MUNICIPALITY_NAMES.items():
        out[_name_key(name)] = code
    return out


class _Resolver:
    """Turns names into codes and notes merged municipalities as warnings."""

    def __init__(self) -> None:
        self.areas = _area_lookup()
        self.municipalities = _municipality_lookup()

    def area(self, value: str) -> str | int:
        text = value.strip()
        if re.fullmatch(r"\d+(\.0)?", text):
            return int(float(text))
        return self.areas.get(_name_key(text), text)

    def municipality(self, value: str, row: int, warnings: list[Problem]) -> str:
        text = value.strip()
        code = text.zfill(3) if text.isdigit() else self.municipalities.get(_name_key(text), text)
        successor = facts.successor_code(code)
        if successor != code:
            name = next((n for n, c in facts.MERGED_MUNICIPALITY_NAMES.items() if c == code), code)
            warnings.append(Problem("merged_municipality", row=row, params={
                "name": name, "successor": facts.municipality_by_code()[successor].name_fi}))
        return successor


def prepare_import(
    engine: Engine, kind: str, data: bytes, file_name: str, *, sheet: str | None = None
) -> ImportReport:
    """Validate a whole file and plan its changes; writes nothing."""
    report = ImportReport(kind=kind, file_name=file_name)
    spec = get_kind(kind)
    if spec.record is None:
        report.problems.append(Problem("not_writable", params={"kind": kind}))
        return report
    try:
        table = read_table(data, file_name, sheet)
    except TableReadError as exc:
        report.problems.append(Problem(exc.code, params={"file": file_name, **exc.params}))
        return report
    columns = _map_columns(spec, table, report)
    if report.problems:
        return report
    _validate_rows(spec, table, columns, report)
    if report.problems:
        return report
    _check_references(engine, spec, report)
    if report.problems:
        return report
    report.plan = repo.plan_upsert(engine, kind, report.records)
    return report


def prepare_import_file(engine: Engine, kind: str, path: Path, *, sheet: str | None = None) -> ImportReport:
    return prepare_import(engine, kind, path.read_bytes(), path.name, sheet=sheet)


def _map_columns(spec: KindSpec, table: RawTable, report: ImportReport) -> dict[str, int]:
    header_map = _header_map(spec)
    columns: dict[str, int] = {}
    for index, header in enumerate(table.headers):
        name = header_map.get(normalise_header(header)) if header else None
        if name is None or name in columns:
            if header:
                report.warnings.append(Problem("unknown_column", column=header))
            continue
        columns[name] = index
    assert spec.record is not None
    for f in dataclasses.fields(spec.record):
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        if required and f.name not in columns:
            report.problems.append(Problem("missing_column", column=column_label(f.name),
                                           params={"file": report.file_name}))
    return columns


def _validate_rows(spec: KindSpec, table: RawTable, columns: dict[str, int], report: ImportReport) -> None:
    resolver = _Resolver()
    shown = {name: table.headers[i] for name, i in columns.items()}
    seen: dict[tuple[Any, ...], int] = {}
    for row_number, cells in table.rows:
        raw = {name: (cells[i] if i < len(cells) else None) for name, i in columns.items()}
        values: dict[str, Any] = dict(raw)
        for name in AREA_FIELDS & values.keys():
            if values[name] is not None:
                values[name] = resolver.area(values[name])
        for name in MUNICIPALITY_FIELDS & values.keys():
            if values[name] is not None:
                values[name] = resolver.municipality(values[name], row_number, report.warnings)
        _resolve_org_and_level(values, resolver, row_number, report)
        try:
            record = spec.validate(values)
        except ValidationError as exc:
            for error in exc.errors():
                name = str(error["loc"][0]) if error["loc"] else ""
                report.problems.append(Problem(
                    "invalid", row=row_number, column=shown.get(name, column_label(name)),
                    value=raw.get(name), params={"reason": _reason(error)}))
            continue
        key = tuple(record[k] for k in spec.key)
        if key in seen:
            report.problems.append(Problem("duplicate", row=row_number, params={
                "key": " | ".join(str(k) for k in key), "first": seen[key]}))
            continue
        seen[key] = row_number
        report.records.append(record)
        report.row_numbers.append(row_number)


def _resolve_org_and_level(values: dict[str, Any], resolver: _Resolver, row: int,
                           report: ImportReport) -> None:
    org_type = (values.get("org_type") or "").strip().lower()
    if values.get("org_key") is not None:
        if org_type == OrgType.MUNICIPALITY:
            values["org_key"] = resolver.municipality(values["org_key"], row, report.warnings)
        elif org_type == OrgType.AREA:
            values["org_key"] = str(resolver.area(values["org_key"]))
    level = (values.get("level") or "").strip().lower()
    if level == SurveyLevel.AREA and values.get("level_key"):
        values["level_key"] = str(resolver.area(values["level_key"]))


def _reason(error: Any) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "required value is missing"
    if kind == "enum":
        return f"expected one of {ctx.get('expected', '')}"
    if kind.startswith("date"):
        return "expected a date such as 15.12.2023 or 2023-12-15"
    if kind in ("int_parsing", "int_from_float"):
        return "expected a whole number"
    if kind == "float_parsing":
        return "expected a number"
    if kind == "value_error":
        return str(ctx.get("error", error.get("msg", "")))
    return str(error.get("msg", kind))


def _check_references(engine: Engine, spec: KindSpec, report: ImportReport) -> None:
    with engine.connect() as conn:
        for row_number, record in zip(report.row_numbers, report.records, strict=True):
            try:
                spec.resolve(conn, record)
            except ReferenceNotFound as exc:
                report.problems.append(Problem(
                    "missing_reference", row=row_number, column=column_label(exc.field_name),
                    value=str(exc.value), params={"reason": str(exc)}))


def commit_import(engine: Engine, report: ImportReport, principal: Principal) -> str | None:
    """Write a validated plan in one transaction, as `principal` (checked); returns the batch
    id, or None when nothing changed."""
    if not report.ok or report.plan is None:
        raise ValueError("only a validated import can be written")
    if not report.plan.changes:
        return None
    return editing.write(engine, principal, report.kind, report.plan.changes,
                         note=f"import {report.file_name}")
