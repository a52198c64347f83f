"""Imports: read a file, map its headers, resolve names to codes, validate every row, and
plan the change, all before anything is written. One code path for the CLI and the UI.

Every problem is collected (not only the first) and names the spreadsheet row, the column as
the file calls it, the value and what was expected; messages come from the texts, so they are
in the user's language. A file with any problem writes nothing; a valid one is written in one
transaction through `yhdyspinta.editing.write`, which checks the writer's permissions.
"""

from __future__ import annotations

import dataclasses
import re
import typing
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Engine

from yhdyspinta import editing, facts, records
from yhdyspinta.access import Principal
from yhdyspinta.domain import WEB_ADDRESS_PATTERN, OrgType, SurveyLevel, Theme
from yhdyspinta.i18n import COLUMN_LABELS, ENUM_LABELS, column_label, enum_label, format_day, format_number, t, tn
from yhdyspinta.io import attendance, limits
from yhdyspinta.io.tables import RawTable, TableReadError, read_table
from yhdyspinta.kinds import KindSpec, ReferenceNotFound, agreement_terms, get_kind
from yhdyspinta.store import repository as repo

MAX_SHOWN_VALUE = 60  # characters of a cell quoted in a message
MAX_PROBLEMS = 1000  # beyond this a broken file is not worth listing row by row
MAX_LISTED_ROWS = 10
# Dates outside these are typing errors (a year 2203 or 1923 in a 2020s collaboration record).
DATE_MIN, DATE_MAX = records.FIRST_DAY, records.LAST_DAY  # the records' own bounds
# Integers longer than this are out of every range; converting them would only cost time.
MAX_INT_DIGITS = 18

AREA_FIELDS = frozenset({"area_code"})
MUNICIPALITY_FIELDS = frozenset({"municipality_code"})
AREA_LIST_FIELDS = frozenset({"area_codes"})
URL_FIELDS = frozenset({"document_url", "recording_url", "url"})
# Fields of a record that point at other stored records or complete its natural key from the
# store (`KindSpec.complete`), checked once per distinct value.
REFERENCE_FIELDS: dict[str, tuple[str, ...]] = {
    "participation": ("forum_date",),
    "approvals": ("area_code", "agreement_kind", "agreement_term_start"),
    "agreements": ("area_code", "kind", "term_start", "valid_from", "approved_on", "preparation_started_on"),
}
# Required columns a kind can do without because their value can be worked out.
INFERABLE: dict[str, frozenset[str]] = {"participation": frozenset({"org_type"})}

ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.,]+(?:Z|[+-]\d\d:?\d\d)?)?$")
FINNISH_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(?:klo\s+)?[\d:.]+)?$")
INTEGER = re.compile(r"^[+-]?\d+$")
DECIMAL = re.compile(r"^[+-]?(\d+([.]\d*)?|[.]\d+)([eE][+-]?\d+)?$")
URL = re.compile(WEB_ADDRESS_PATTERN)
NUMBER_SPACES = re.compile(r"[\s\u00a0\u202f']")
THEME_SEPARATORS = re.compile(r"[;,/\n]+")

# Obvious variants of headers seen in real files, beyond the labels in three languages.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "area_code": ("alueen koodi", "aluekoodi", "alue koodi", "hyvinvointialue", "hva", "välfärdsområde",
                  "områdeskod", "area code", "county", "wellbeing services county", "alueen nimi",
                  "områdets namn", "area name"),
    "municipality_code": ("kuntakoodi", "kunnan koodi", "kuntanumero", "kunnan nimi", "kommunkod",
                          "kommunens namn", "municipality code", "municipality name"),
    "kind": ("sopimustyyppi", "sopimuksen tyyppi", "rakennetyyppi", "rakenteen tyyppi", "laji", "type"),
    "status": ("tilanne", "vaihe", "sopimuksen tila", "päätöksen tila", "läge", "state"),
    "title": ("sopimuksen nimi", "nimi", "namn", "name"),
    "themes": ("teema", "tema", "theme", "yhdyspinnat"),
    "document_url": ("linkki", "url", "asiakirja", "dokumentti", "länk", "link", "document"),
    "recording_url": ("tallenne", "linkki", "url", "inspelning", "länk", "recording", "link"),
    "decided_on": ("päätöksen päivämäärä", "päätöspvm", "päätös pvm", "valtuuston päätös", "beslut",
                   "decision date"),
    "held_on": ("pvm", "päivä", "foorumin päivämäärä", "tapahtuman päivämäärä", "forum date", "datum"),
    "forum_date": ("foorumi", "pvm", "päivämäärä", "tapahtuman päivämäärä", "tilaisuuden päivämäärä",
                   "foorumin pvm", "forum", "datum", "date", "event date"),
    "org_type": ("organisaatiotyyppi", "organisaation laji", "tyyppi", "organisationstyp", "typ",
                 "org type", "organization type", "type"),
    "org_key": ("organisaation nimi", "organisation name", "organization", "organization name"),
    "participants": ("osallistujat", "osallistujamäärä", "osallistujia yhteensä", "lkm", "määrä",
                     "antal", "antal deltagare", "count", "number of participants", "attendees"),
    "value_pct": ("osuus", "%", "prosentti", "osuus prosentteina", "andel", "procent", "value", "share",
                  "percent"),
    "n": ("vastaajia", "vastaajamäärä", "antal svar", "respondents"),
    "respondent_no": ("vastaaja", "vastaajanumero", "respondent"),
    "respondent_role": ("rooli", "roll", "role"),
    "level_key": ("alue", "område", "area", "kuntaryhmä", "kommungrupp", "municipality group"),
    "assessed_on": ("päivämäärä", "pvm", "datum", "date"),
    "published_on": ("julkaisupäivä", "julkaisupvm", "publiceringsdatum", "publication date"),
}


# --- problems ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Reason:
    """What was expected of a value, rendered in the reader's language."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "fi") -> str:
        params = {k: _render(v, lang) for k, v in self.params.items()}
        return t(f"import.reason.{self.code}", lang, **params)


@dataclass(frozen=True)
class Listing:
    """A list of values joined with the language's "or": 'a', 'b' or 'c'."""

    items: tuple[str, ...]

    def text(self, lang: str) -> str:
        quoted = [repr(i) for i in self.items]
        if len(quoted) < 2:
            return "".join(quoted)
        return ", ".join(quoted[:-1]) + f" {t('import.or', lang)} " + quoted[-1]


@dataclass(frozen=True)
class RecordKey:
    """A record's natural key, with names in the reader's language."""

    kind: str
    record: dict[str, Any]

    def text(self, lang: str) -> str:
        return key_text(get_kind(self.kind), self.record, lang)


@dataclass(frozen=True)
class Count:
    """A count with its noun in the plural form the count takes: `Count("count.cells", 1)` is
    "1 solu" in Finnish, `Count("count.cells", 3)` "3 solua"."""

    key: str
    n: int

    def text(self, lang: str) -> str:
        return tn(self.key, self.n, lang)


@dataclass(frozen=True)
class Labels:
    """Column labels of fields, in the reader's language."""

    fields: tuple[str, ...]

    def text(self, lang: str) -> str:
        return ", ".join(column_label(f, lang) for f in self.fields)


def _render(value: Any, lang: str) -> Any:
    return value.text(lang) if isinstance(value, (Reason, Listing, RecordKey, Labels, Count)) else value


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file (or worth knowing): where it is and what was expected."""

    code: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def text_key(self) -> str:
        return f"import.{self.code}"

    def values(self, lang: str = "fi") -> dict[str, Any]:
        """The values the message puts in its text, rendered in `lang` (a page escapes them)."""
        params: dict[str, Any] = {"row": self.row, "column": self.column, "value": shown_value(self.value)}
        params.update((k, _render(v, lang)) for k, v in self.params.items())
        return params

    def message(self, lang: str = "fi") -> str:
        return t(self.text_key, lang, **self.values(lang))


def shown_value(value: str | None) -> str:
    if value is None:
        return "''"
    return repr(value if len(value) <= MAX_SHOWN_VALUE else value[:MAX_SHOWN_VALUE] + "…")


@dataclass
class ImportReport:
    kind: str
    file_name: str
    records: list[dict[str, Any]] = field(default_factory=list)
    # The spreadsheet row each record came from, for messages after validation.
    row_numbers: list[int] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    plan: repo.Plan | None = None
    # The fields the file gives; a stored record keeps its values of the others.
    present: frozenset[str] = frozenset()
    attendance: bool = False
    sheet: str | None = None
    sheets: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems and self.plan is not None

    def add(self, problem: Problem) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)
        elif len(self.problems) == MAX_PROBLEMS:
            self.problems.append(Problem("too_many_problems", params={"limit": MAX_PROBLEMS}))


# --- fields of a kind ---------------------------------------------------------------------

@dataclass(frozen=True)
class FieldInfo:
    name: str
    category: str  # area, municipality, date, int, float, enum, themes, url, text
    required: bool
    enum: type[Enum] | None = None
    low: float | None = None
    high: float | None = None
    max_length: int | None = None


def _walk(annotation: Any) -> Iterable[Any]:
    yield annotation
    for arg in typing.get_args(annotation):
        yield from _walk(arg)


def _field_info(name: str, annotation: Any, required: bool) -> FieldInfo:
    parts = list(_walk(annotation))
    types = {p for p in parts if isinstance(p, type)}
    metadata = [m for p in parts for m in getattr(p, "metadata", None) or ()]
    low = next((m.ge for m in metadata if hasattr(m, "ge")), None)
    high = next((m.le for m in metadata if hasattr(m, "le")), None)
    max_length = next((m.max_length for m in metadata if hasattr(m, "max_length")), None)
    enum = next((tp for tp in types if issubclass(tp, Enum)), None)
    if name in AREA_FIELDS:
        category = "area"
    elif name in AREA_LIST_FIELDS:
        category = "area_list"
    elif name in MUNICIPALITY_FIELDS:
        category = "municipality"
    elif name == "themes":
        category = "themes"
    elif enum is not None:
        category = "enum"
    elif date in types:
        category = "date"
    elif int in types:
        category = "int"
    elif float in types:
        category = "float"
    elif name in URL_FIELDS:
        category = "url"
    else:
        category = "text"
    return FieldInfo(name, category, required, enum, low, high, max_length)


@cache
def kind_fields(kind: str) -> dict[str, FieldInfo]:
    spec = get_kind(kind)
    assert spec.record is not None
    hints = typing.get_type_hints(spec.record, include_extras=True)
    return {
        f.name: _field_info(f.name, hints[f.name],
                            f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING)
        for f in dataclasses.fields(spec.record)
    }


# --- headers --------------------------------------------------------------------------------

def normalise_header(text: str) -> str:
    text = unicodedata.normalize("NFC", text).strip().lower()
    text = re.sub(r"[()*:\[\]]", " ", text)
    text = re.sub(r"[\s_\-./]+", " ", text)
    return text.strip()


@cache
def _header_map(kind: str) -> dict[str, str]:
    spec = get_kind(kind)
    out: dict[str, str] = {}
    for name in spec.fields:
        for variant in (name, *COLUMN_LABELS.get(name, {}).values(), *HEADER_ALIASES.get(name, ())):
            out.setdefault(normalise_header(variant), name)
    # A kind's own labels win over a generic alias of another field.
    for name in spec.fields:
        for variant in (name, *COLUMN_LABELS.get(name, {}).values()):
            out[normalise_header(variant)] = name
    return out


def expected_columns(kind: str, lang: str = "fi") -> list[dict[str, str]]:
    """The columns an import of `kind` reads: label in `lang`, the other accepted labels,
    whether it is required, and the codes an enum column accepts."""
    fields = kind_fields(kind)
    rows = []
    for name in get_kind(kind).fields:
        info = fields[name]
        labels = COLUMN_LABELS.get(name, {})
        others = sorted({v for k, v in labels.items() if k != lang} - {labels.get(lang, name)})
        codes = ", ".join(m.value for m in info.enum) if info.enum is not None else ""
        required = info.required and name not in INFERABLE.get(kind, frozenset())
        rows.append({
            t("import.col.column", lang): column_label(name, lang),
            t("import.col.also", lang): ", ".join(others),
            t("import.col.required", lang): t("import.yes", lang) if required else t("import.no", lang),
            t("import.col.accepts", lang): codes or t(f"import.accepts.{info.category}", lang),
        })
    return rows


# --- the import -----------------------------------------------------------------------------

def prepare_import(
    engine: Engine,
    kind: str,
    data: bytes,
    file_name: str,
    *,
    sheet: str | None = None,
    forum_date: date | str | None = None,
) -> ImportReport:
    """Validate a whole file and plan its changes; writes nothing.

    `forum_date` fills in the forum of a participation file (e.g. an attendance list) that
    has no date column of its own.
    """
    report = ImportReport(kind=kind, file_name=file_name)
    spec = get_kind(kind)
    if spec.record is None:
        report.add(Problem("not_writable", params={"kind": kind}))
        return report
    try:
        table = read_table(data, file_name, sheet)
    except TableReadError as exc:
        report.add(Problem(exc.detail or exc.code, params={"file": file_name, **exc.params}))
        return report
    report.sheet, report.sheets = table.sheet, table.sheets
    for cell in table.control_characters:
        # Never the cell's text: in an attendance list it may be a person's name.
        report.add(Problem("control_character", row=cell.row, column=cell.column, params={"char": cell.code}))
    if report.problems:
        return report
    default_date = _default_forum_date(forum_date, report)
    if report.problems:
        return report
    if not table.rows:
        # Not an error: an export of a kind with no rows re-imports to the same (no) data.
        report.warnings.append(Problem("no_rows", params={"file": file_name}))
    shape = _attendance_shape(table.headers) if kind == "participation" else None
    if shape is not None:
        report.attendance = True
        report.present = frozenset(spec.fields)
        _aggregate_attendance(spec, table, shape, default_date, report)
    else:
        columns = _map_columns(spec, table, report, default_date)
        if report.problems:
            return report
        report.present = frozenset(columns) | INFERABLE.get(kind, frozenset()) | (
            {"forum_date"} if default_date is not None and kind == "participation" else set())
        _validate_rows(spec, table, columns, report, default_date)
    if report.problems:
        return report
    _check_references(engine, spec, report, _shown_columns(spec, table))
    if report.problems:
        return report
    _keep_absent_fields(engine, spec, report)
    report.plan = repo.plan_upsert(engine, kind, report.records)
    return report


def _keep_absent_fields(engine: Engine, spec: KindSpec, report: ImportReport) -> None:
    """A file without a column leaves that column of stored records alone: leaving out the
    recording link must not erase the links already stored."""
    absent = [f for f in spec.fields if f not in report.present]
    if not absent or not report.records:
        return
    with engine.connect() as conn:
        stored = {tuple(row[k] for k in spec.key): row for row in repo.read_rows(conn, spec)}
    for record in report.records:
        existing = stored.get(tuple(record[k] for k in spec.key))
        if existing is not None:
            record.update({f: existing[f] for f in absent})


def prepare_import_file(engine: Engine, kind: str, path: Path, *, sheet: str | None = None,
                        forum_date: date | str | None = None) -> ImportReport:
    size = path.stat().st_size
    if size > limits.MAX_FILE_BYTES:
        # Refused before reading: a file this size is not read into memory at all.
        report = ImportReport(kind=kind, file_name=path.name)
        report.add(Problem("too_large", params={"file": path.name, "size": f"{size / limits.MB:.1f} MB",
                                                "limit": f"{limits.MAX_FILE_MB} MB"}))
        return report
    return prepare_import(engine, kind, path.read_bytes(), path.name, sheet=sheet, forum_date=forum_date)


def _default_forum_date(value: date | str | None, report: ImportReport) -> date | None:
    if value is None or isinstance(value, date):
        return value
    parsed = parse_date(value)
    if isinstance(parsed, Reason):
        report.add(Problem("bad_option", column="--forum-date", value=value, params={"reason": parsed}))
        return None
    return parsed


def _shown_columns(spec: KindSpec, table: RawTable) -> dict[str, str]:
    header_map = _header_map(spec.name)
    shown: dict[str, str] = {}
    for header in table.headers:
        name = header_map.get(normalise_header(header)) if header else None
        if name is not None:
            shown.setdefault(name, header)
    return shown


def _map_columns(spec: KindSpec, table: RawTable, report: ImportReport,
                 default_date: date | None) -> dict[str, int]:
    header_map = _header_map(spec.name)
    columns: dict[str, int] = {}
    for index, header in enumerate(table.headers):
        if not header:
            continue
        name = header_map.get(normalise_header(header))
        if name is None:
            report.warnings.append(Problem("unknown_column", column=header))
        elif name in columns:
            report.warnings.append(Problem("duplicate_column", column=header,
                                           params={"first": table.headers[columns[name]]}))
        else:
            columns[name] = index
    inferable = INFERABLE.get(spec.name, frozenset())
    if default_date is not None:
        inferable = inferable | {"forum_date"}
    missing = [name for name, info in kind_fields(spec.name).items()
               if info.required and name not in columns and name not in inferable]
    for name in missing:
        report.add(Problem("missing_column", column=column_label(name),
                           params={"file": report.file_name, "column": Labels((name,))}))
    if missing:
        found = [h for h in table.headers if h]
        report.notes.append(Problem("columns_found", params={
            "found": ", ".join(found) or "–", "expected": Labels(spec.fields)}))
        others = [s for s in table.sheets if s != table.sheet]
        if others:
            report.notes.append(Problem("other_sheets", params={"sheet": table.sheet, "sheets": ", ".join(others)}))
    return columns


def _validate_rows(spec: KindSpec, table: RawTable, columns: dict[str, int], report: ImportReport,
                   default_date: date | None) -> None:
    shown = {name: table.headers[i] for name, i in columns.items()}
    seen: dict[tuple[Any, ...], int] = {}
    width = len(table.headers)
    for row_number, cells in table.rows:
        extra = [c for c in cells[width:] if c is not None]
        if extra:
            report.add(Problem("extra_cells", row=row_number, value=extra[0],
                               params={"cells": Count("count.cells", len(cells)),
                                       "columns": Count("count.columns", width)}))
            continue
        raw = {name: (cells[i] if i < len(cells) else None) for name, i in columns.items()}
        if default_date is not None and raw.get("forum_date") is None and spec.name == "participation":
            raw["forum_date"] = default_date.isoformat()
            shown.setdefault("forum_date", "--forum-date")
        record = validate_row(spec, raw, row_number, shown, report)
        if record is None:
            continue
        key = tuple(record[k] for k in spec.key)
        if key in seen:
            report.add(Problem("duplicate", row=row_number, params={
                "key": RecordKey(spec.name, record), "first": seen[key]}))
            continue
        seen[key] = row_number
        report.records.append(record)
        report.row_numbers.append(row_number)


def validate_row(spec: KindSpec, raw: dict[str, str | None], row: int, shown: dict[str, str],
                 report: ImportReport) -> dict[str, Any] | None:
    """One row's cells (text by field name) to a validated record, or None with its problems
    added to the report. Never raises for any cell content."""
    fields = kind_fields(spec.name)
    values: dict[str, Any] = {}
    failed = False

    def fail(name: str, value: str | None, reason: Reason, code: str = "invalid") -> None:
        nonlocal failed
        failed = True
        report.add(Problem(code, row=row, column=shown.get(name, column_label(name)), value=value,
                           params={"reason": reason}))

    for name, text in raw.items():
        info = fields[name]
        if text is None:
            if info.required and name not in INFERABLE.get(spec.name, frozenset()):
                failed = True
                report.add(Problem("missing_value", row=row, column=shown.get(name, column_label(name))))
            continue
        result = _convert(info, text, row, report)
        if isinstance(result, Reason):
            fail(name, text, result)
        else:
            values[name] = result
    if spec.name == "participation" and not failed:
        _resolve_organisation(values, raw, row, shown, report, fail)
    if (spec.name == "survey" and not failed and values.get("level") == SurveyLevel.AREA.value
            and values.get("level_key")):
        area = attendance.match_area(str(values["level_key"]))
        if area is None:
            fail("level_key", raw.get("level_key"), Reason("unknown_area"))
        else:
            values["level_key"] = str(area)
    if failed:
        return None
    try:
        return spec.validate(values)
    except ValidationError as exc:
        for error in exc.errors():
            name = str(error["loc"][0]) if error["loc"] else ""
            value = raw.get(name)
            report.add(Problem("invalid", row=row, column=shown.get(name, column_label(name)) if name else "–",
                               value=value, params={"reason": _pydantic_reason(error)}))
    except (ValueError, TypeError, ArithmeticError) as exc:  # a record's own rule, outside pydantic's errors
        report.add(Problem("invalid_row", row=row, params={"reason": Reason("other", {"detail": str(exc)})}))
    return None


def _convert(info: FieldInfo, text: str, row: int, report: ImportReport) -> Any:
    """A cell's text converted for its field, or the Reason it cannot be."""
    if info.category == "area":
        area = attendance.match_area(text)
        if area is not None:
            return area
        if text.strip() == str(facts.ALAND_AREA_CODE) or attendance.name_key(text) in {"ahvenanmaa", "åland"}:
            return Reason("area_out_of_scope")
        if INTEGER.match(text.strip()) and len(text.strip()) <= MAX_INT_DIGITS:
            return Reason("unknown_area_code", {"code": int(text.strip())})
        return Reason("unknown_area")
    if info.category == "area_list":
        codes: list[int] = []
        for part in THEME_SEPARATORS.split(text):
            if part.strip():
                area = attendance.match_area(part)
                if area is None:
                    return Reason("unknown_area")
                codes.append(area)
        return ";".join(str(c) for c in sorted(set(codes)))
    if info.category == "municipality":
        code = attendance.match_municipality(text)
        if code is None:
            return Reason("unknown_municipality")
        return _successor(code, row, report)
    if info.category == "date":
        return _checked_date(text)
    if info.category == "int":
        return _integer(text, info)
    if info.category == "float":
        return _decimal(text, info)
    if info.category == "enum":
        assert info.enum is not None
        return _enum_code(info.enum, text)
    if info.category == "themes":
        return _themes(text)
    if info.max_length is not None and len(text) > info.max_length:
        return _too_long(info.max_length, len(text))
    if info.category == "url" and not URL.match(text):
        return Reason("bad_url")
    return text


def _successor(code: str, row: int, report: ImportReport) -> str:
    successor = facts.successor_code(code)
    if successor != code:
        name = next((n for n, c in facts.MERGED_MUNICIPALITY_NAMES.items() if c == code), code)
        report.warnings.append(Problem("merged_municipality", row=row, params={
            "name": name, "successor": facts.municipality_by_code()[successor].name_fi}))
    return successor


def parse_date(text: str) -> date | Reason:
    """15.12.2023, 2023-12-15 (a time after it is ignored), or the Reason it is not a date."""
    text = text.strip()
    iso = ISO_DATE.match(text)
    finnish = FINNISH_DATE.match(text)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif finnish:
        day, month, year = (int(g) for g in finnish.groups())
    else:
        return Reason("bad_date")
    if not 1 <= month <= 12:
        return Reason("no_such_month")
    try:
        return date(year, month, day)
    except ValueError:
        return Reason("no_such_day")


def _checked_date(text: str) -> date | Reason:
    parsed = parse_date(text)
    if isinstance(parsed, date) and not DATE_MIN <= parsed <= DATE_MAX:
        return Reason("date_out_of_range", {"low": DATE_MIN.year, "high": DATE_MAX.year})
    return parsed


def _range_reason(info: FieldInfo) -> Reason:
    return Reason("out_of_range", {"low": _number(info.low), "high": _number(info.high)})


def _number(value: float | None) -> str:
    if value is None:
        return "–"
    return str(int(value)) if float(value).is_integer() else str(value)


def _integer(text: str, info: FieldInfo) -> int | Reason:
    compact = NUMBER_SPACES.sub("", text)
    compact = re.sub(r"[.,]0+$", "", compact)  # spreadsheets write whole numbers as 3.0 or 3,0
    if not INTEGER.match(compact):
        return Reason("not_integer")
    if len(compact.lstrip("+-")) > MAX_INT_DIGITS:
        return _range_reason(info)
    value = int(compact)
    if (info.low is not None and value < info.low) or (info.high is not None and value > info.high):
        return _range_reason(info)
    return value


def _decimal(text: str, info: FieldInfo) -> float | Reason:
    compact = NUMBER_SPACES.sub("", text).rstrip("%").replace(",", ".")
    if not DECIMAL.match(compact):
        return Reason("not_number")
    value = float(compact)
    if value != value or value in (float("inf"), float("-inf")):
        return _range_reason(info)
    if (info.low is not None and value < info.low) or (info.high is not None and value > info.high):
        return _range_reason(info)
    return value


def _fold(text: str) -> str:
    """Case and Finnish letters forgiven: "Hyväksytty" and "hyvaksytty" are one code."""
    text = attendance.name_key(text).replace(" ", "_")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@cache
def _enum_lookup(enum: type[Enum]) -> dict[str, str]:
    out: dict[str, str] = {}
    for member in enum:
        code = str(member.value)
        out[_fold(code)] = code
        for label in ENUM_LABELS.get(enum.__name__, {}).get(code, {}).values():
            out.setdefault(_fold(label), code)
    return out


def _enum_code(enum: type[Enum], text: str) -> str | Reason:
    code = _enum_lookup(enum).get(_fold(text))
    if code is None:
        return Reason("not_in_list", {"options": Listing(tuple(str(m.value) for m in enum))})
    return code


def _themes(text: str) -> str | Reason:
    codes: list[str] = []
    for part in THEME_SEPARATORS.split(text):
        if not part.strip():
            continue
        code = _enum_lookup(Theme).get(_fold(part))
        if code is None:
            return Reason("unknown_theme", {"theme": part.strip(),
                                            "options": Listing(tuple(m.value for m in Theme))})
        if code not in codes:
            codes.append(code)
    return ";".join(codes)


def _resolve_organisation(values: dict[str, Any], raw: dict[str, str | None], row: int,
                          shown: dict[str, str], report: ImportReport, fail: Any) -> None:
    text = raw.get("org_key")
    if text is None:
        return
    org_type = values.get("org_type")
    if org_type == OrgType.MUNICIPALITY.value:
        code = attendance.match_municipality(text)
        if code is None:
            fail("org_key", text, Reason("unknown_municipality"))
        else:
            values["org_key"] = _successor(code, row, report)
    elif org_type == OrgType.AREA.value:
        area = attendance.match_area(text)
        if area is None:
            fail("org_key", text, Reason("unknown_area"))
        else:
            values["org_key"] = str(area)
    elif org_type == OrgType.OTHER.value:
        values["org_key"] = attendance.clean_name(text)[:200]
    else:
        match = attendance.match_organisation(text)
        if match is None:
            values["org_type"], values["org_key"] = OrgType.OTHER.value, attendance.clean_name(text)[:200]
            report.warnings.append(Problem("org_unmatched_row", row=row, value=text))
        else:
            values["org_type"] = match.org_type.value
            values["org_key"] = (_successor(match.org_key, row, report)
                                 if match.org_type == OrgType.MUNICIPALITY else match.org_key)


def _pydantic_reason(error: Any) -> Reason:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return Reason("missing")
    if kind == "enum":
        return Reason("not_in_list", {"options": str(ctx.get("expected", ""))})
    if kind.startswith("date"):
        return Reason("bad_date")
    if kind in ("int_parsing", "int_from_float", "int_type"):
        return Reason("not_integer")
    if kind in ("float_parsing", "float_type", "finite_number"):
        return Reason("not_number")
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return Reason("out_of_range", {"low": ctx.get("ge", ctx.get("gt", "–")),
                                       "high": ctx.get("le", ctx.get("lt", "–"))})
    if kind == "string_too_long" and isinstance(ctx.get("max_length"), int) and isinstance(error.get("input"), str):
        return _too_long(ctx["max_length"], len(error["input"]))
    if kind == "string_too_short":
        return Reason("missing")
    if kind == "string_pattern_mismatch":
        return Reason("pattern")
    return Reason("other", {"detail": str(ctx.get("error", error.get("msg", kind)))})


def _too_long(max_length: int, length: int) -> Reason:
    return Reason("too_long", {"max": Count("count.characters", max_length),
                               "length": Count("count.characters", length)})


# --- attendance lists ---------------------------------------------------------------------

@dataclass(frozen=True)
class AttendanceShape:
    organisation: int
    date: int | None
    persons: tuple[int, ...]


def _attendance_shape(headers: list[str]) -> AttendanceShape | None:
    """An organisation column and no participant count: one row per person."""
    header_map = _header_map("participation")
    keys = [normalise_header(h) for h in headers]
    mapped = [header_map.get(k) for k in keys]
    if "participants" in mapped:
        return None
    organisation = next((i for i, k in enumerate(keys)
                         if k in attendance.ORGANISATION_HEADERS or mapped[i] == "org_key"), None)
    if organisation is None:
        return None
    day = next((i for i, m in enumerate(mapped) if m == "forum_date"), None)
    persons = tuple(i for i, k in enumerate(keys) if k in attendance.PERSON_HEADERS)
    return AttendanceShape(organisation, day, persons)


def _aggregate_attendance(spec: KindSpec, table: RawTable, shape: AttendanceShape,
                          default_date: date | None, report: ImportReport) -> None:
    """Count people per forum and organisation. Names and e-mail addresses are read only to
    count a person once; they are never kept, reported or logged."""
    if shape.date is None and default_date is None:
        report.add(Problem("attendance_no_date", params={"file": report.file_name}))
        return
    date_header = table.headers[shape.date] if shape.date is not None else "--forum-date"
    groups: dict[tuple[date, str, str], list[int]] = {}  # key -> [first row, count]
    seen_people: set[tuple[date, str]] = set()
    repeats = 0
    no_organisation: list[int] = []
    unmatched: dict[tuple[date, str], int] = {}
    merged_named: set[str] = set()
    spelling: dict[str, str] = {}

    def cell(cells: list[str | None], index: int | None) -> str | None:
        return cells[index] if index is not None and index < len(cells) else None

    for row, cells in table.rows:
        text = cell(cells, shape.date) or (default_date.isoformat() if default_date else None)
        if text is None:
            report.add(Problem("missing_value", row=row, column=date_header))
            continue
        day = _checked_date(text)
        if isinstance(day, Reason):
            report.add(Problem("invalid", row=row, column=date_header, value=text, params={"reason": day}))
            continue
        organisation = cell(cells, shape.organisation)
        if organisation is None or "@" in organisation:
            # An e-mail address typed into the organisation column is personal data, not a name.
            no_organisation.append(row)
            continue
        person = next((p for p in (cell(cells, i) for i in shape.persons) if p), None)
        if person is not None:
            person_key = (day, person.casefold())
            if person_key in seen_people:
                repeats += 1
                continue
            seen_people.add(person_key)
        match = attendance.match_organisation(organisation)
        if match is None:
            # "Kuntaliitto" and " kuntaliitto " are one organisation, shown as first written.
            name = spelling.setdefault(attendance.name_key(organisation), attendance.clean_name(organisation)[:200])
            key = (day, OrgType.OTHER.value, name)
            unmatched[(day, name)] = unmatched.get((day, name), 0) + 1
        else:
            org_key = match.org_key
            if match.org_type == OrgType.MUNICIPALITY and facts.successor_code(org_key) != org_key:
                if org_key not in merged_named:
                    merged_named.add(org_key)
                    _successor(org_key, row, report)
                org_key = facts.successor_code(org_key)
            key = (day, match.org_type.value, org_key)
        groups.setdefault(key, [row, 0])[1] += 1
    if report.problems:
        return
    for (_day, name), count in sorted(unmatched.items(), key=lambda item: (item[0][0], item[0][1].casefold())):
        report.warnings.append(Problem("org_unmatched", value=name, params={"count": count}))
    if no_organisation:
        report.warnings.append(Problem("attendance_no_organisation", params={
            "count": len(no_organisation), "rows": _row_list(no_organisation)}))
    if repeats:
        report.notes.append(Problem("attendance_repeats", params={"count": repeats}))
    people = sum(count for _, count in groups.values())
    report.notes.append(Problem("attendance_summary", params={
        "people": Count("count.people", people), "organisations": Count("count.organisations", len(groups)),
        "org_column": table.headers[shape.organisation]}))
    for (day, org_type, org_key), (row, count) in sorted(groups.items(), key=lambda item: item[1][0]):
        values = {"forum_date": day, "org_type": org_type, "org_key": org_key, "participants": count}
        try:
            record = spec.validate(values)
        except ValidationError as exc:
            for error in exc.errors():
                report.add(Problem("invalid", row=row, column=table.headers[shape.organisation],
                                   value=org_key, params={"reason": _pydantic_reason(error)}))
            continue
        report.records.append(record)
        report.row_numbers.append(row)


def _row_list(rows: list[int]) -> str:
    shown = ", ".join(str(r) for r in rows[:MAX_LISTED_ROWS])
    return shown + (" …" if len(rows) > MAX_LISTED_ROWS else "")


# --- references, plan, preview, commit ---------------------------------------------------------

def _check_references(engine: Engine, spec: KindSpec, report: ImportReport, shown: dict[str, str]) -> None:
    """Complete each record's natural key from the store (an approval without its agreement's
    term is for the latest agreement) and check that what it points at exists."""
    fields = REFERENCE_FIELDS.get(spec.name)
    if not fields:
        return
    found: dict[tuple[Any, ...], dict[str, Any] | ReferenceNotFound] = {}
    seen: dict[tuple[Any, ...], int] = {}
    with engine.connect() as conn:
        for index, (row_number, record) in enumerate(zip(report.row_numbers, report.records, strict=True)):
            part = {f: record[f] for f in fields}
            key = tuple(part.values())
            if key not in found:
                try:
                    completed = spec.complete(conn, part)
                    spec.resolve(conn, completed)
                    found[key] = completed
                except ReferenceNotFound as exc:
                    found[key] = exc
            result = found[key]
            if isinstance(result, dict):
                record = report.records[index] = {**record, **result}
                natural = tuple(record[k] for k in spec.key)
                if natural in seen:  # two rows that name the same record only once completed
                    report.add(Problem("duplicate", row=row_number, params={
                        "key": RecordKey(spec.name, record), "first": seen[natural]}))
                seen.setdefault(natural, row_number)
                continue
            report.add(_reference_problem(conn, result, record, row_number, shown))


def _reference_problem(conn: Any, exc: ReferenceNotFound, record: dict[str, Any], row_number: int,
                       shown: dict[str, str]) -> Problem:
    name = exc.field_name
    kind = record.get("agreement_kind", record.get("kind"))
    if name == "forum_date":
        reason = Reason("no_forum", {"date": shown_date(record["forum_date"])})
        value = shown_date(record["forum_date"])
    elif name == "agreement_term_start":
        reason = Reason("no_agreement_term", {"area": _area_name(record["area_code"]), "kind": kind,
                                              "date": shown_date(record["agreement_term_start"])})
        value = shown_date(record["agreement_term_start"])
    elif name == "term_start":
        terms = agreement_terms(conn, record["area_code"], kind)
        reason = Reason("term_needed", {"area": _area_name(record["area_code"]), "kind": kind,
                                        "terms": ", ".join(shown_date(t) for t in terms)})
        value = ""
    else:
        reason = Reason("no_agreement", {"area": _area_name(record["area_code"]), "kind": kind})
        value = str(record.get(name))
    return Problem("missing_reference", row=row_number, column=shown.get(name, column_label(name)), value=value,
                   params={"reason": reason})


def shown_date(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _area_name(code: Any, lang: str = "fi") -> str:
    area = facts.area_by_code().get(int(code)) if str(code).isdigit() else None
    return area.name(lang) if area is not None else str(code)


def display(name: str, value: Any, lang: str = "fi", kind: str | None = None) -> str:
    """A stored value as people read it: names for codes, labels for enum codes, local dates."""
    if value is None or value == "":
        return ""
    if isinstance(value, date):
        return format_day(value, lang)
    if name == "area_code":
        return f"{value} {_area_name(value, lang)}"
    if name == "municipality_code":
        m = facts.municipality_by_code().get(str(value))
        return f"{value} {m.name(lang)}" if m else str(value)
    if isinstance(value, float):
        return format_number(value, lang, digits=1)
    info = kind_fields(kind).get(name) if kind else None
    if info is not None and info.enum is not None:
        return enum_label(info.enum.__name__, value, lang)
    if name == "themes":
        return ", ".join(enum_label("Theme", code, lang) for code in str(value).split(";") if code)
    return str(value)


def _organisation(record: dict[str, Any], lang: str) -> str:
    key = str(record.get("org_key", ""))
    if record.get("org_type") == OrgType.MUNICIPALITY.value:
        m = facts.municipality_by_code().get(key)
        return m.name(lang) if m else key
    if record.get("org_type") == OrgType.AREA.value:
        return _area_name(key, lang)
    return key


def display_record(spec: KindSpec, record: dict[str, Any], lang: str = "fi") -> dict[str, str]:
    out = {column_label(f, lang): display(f, record.get(f), lang, spec.name) for f in spec.fields}
    if "org_key" in spec.fields:
        out[column_label("org_key", lang)] = _organisation(record, lang)
    return out


def key_text(spec: KindSpec, record: dict[str, Any], lang: str = "fi") -> str:
    if spec.name == "participation":
        return " | ".join((shown_date(record["forum_date"]), _organisation(record, lang)))
    # A part left empty (an agreement's term start, until completed from the store) is not shown.
    return " | ".join(shown_date(record[k]) if isinstance(record[k], date) else str(record[k]) for k in spec.key
                      if record.get(k) is not None)


@dataclass
class Preview:
    """What writing would change, ready to show: one row per added record, one row per
    changed field (old -> new), and how many records stay as they are."""

    added: list[dict[str, str]]
    changed: list[dict[str, str]]
    unchanged: int


def preview(report: ImportReport, lang: str = "fi") -> Preview:
    assert report.plan is not None
    spec = get_kind(report.kind)
    added = [display_record(spec, c.after, lang) for c in report.plan.added if c.after is not None]
    changed: list[dict[str, str]] = []
    for c in report.plan.changed:
        assert c.before is not None and c.after is not None
        for f in spec.fields:
            if c.before.get(f) != c.after.get(f):
                changed.append({
                    t("import.col.record", lang): key_text(spec, c.after, lang),
                    t("import.col.column", lang): column_label(f, lang),
                    t("import.col.old", lang): display(f, c.before.get(f), lang, spec.name),
                    t("import.col.new", lang): display(f, c.after.get(f), lang, spec.name),
                })
    return Preview(added, changed, report.plan.unchanged)


def problem_rows(problems: Iterable[Problem], lang: str = "fi") -> list[dict[str, Any]]:
    """Problems as a table: row, column, value and the whole message."""
    return [{
        t("import.col.row", lang): "" if p.row is None else str(p.row),
        t("import.col.column", lang): p.column or "",
        t("import.col.value", lang): p.value if p.value is None or len(p.value) <= MAX_SHOWN_VALUE
        else p.value[:MAX_SHOWN_VALUE] + "…",
        t("import.col.message", lang): p.message(lang),
    } for p in problems]


def summary_lines(report: ImportReport, lang: str = "fi", limit: int = 50) -> list[str]:
    """The preview as text lines, for the command line's --dry-run."""
    assert report.plan is not None
    spec = get_kind(report.kind)
    summary = report.plan.summary()
    lines = [t("import.summary", lang, kind=report.kind, added=tn("count.added", summary["added"], lang),
               changed=tn("count.changed", summary["changed"], lang),
               unchanged=tn("count.unchanged", summary["unchanged"], lang))]
    shown = 0
    for c in report.plan.added:
        if shown == limit:
            break
        assert c.after is not None
        lines.append(f"  + {key_text(spec, c.after, lang)}")
        shown += 1
    for c in report.plan.changed:
        assert c.before is not None and c.after is not None
        for f in spec.fields:
            if c.before.get(f) != c.after.get(f) and shown < limit:
                lines.append(f"  ~ {key_text(spec, c.after, lang)}: {column_label(f, lang)}: "
                             f"{display(f, c.before.get(f), lang, spec.name) or '–'} → "
                             f"{display(f, c.after.get(f), lang, spec.name) or '–'}")
                shown += 1
    total = len(report.plan.added) + sum(
        sum(1 for f in spec.fields if c.before and c.after and c.before.get(f) != c.after.get(f))
        for c in report.plan.changed)
    if total > shown:
        lines.append("  " + t("import.more", lang, n=total - shown))
    return lines


def fingerprint(report: ImportReport) -> str:
    """Identifies a plan: a preview may be written only while the store still gives the same one."""
    assert report.plan is not None
    parts = [f"{c.action.value}:{repo.key_text(c.key)}:{repo.dump_record(c.before)}:{repo.dump_record(c.after)}"
             for c in report.plan.changes]
    return "\n".join(parts)


def commit_import(engine: Engine, report: ImportReport, principal: Principal) -> str | None:
    """Write a validated plan in one transaction, as `principal` (checked); returns the batch
    id, or None when nothing changed."""
    if not report.ok or report.plan is None:
        raise ValueError("only a validated import can be written")
    if not report.plan.changes:
        return None
    return editing.write(engine, principal, report.kind, report.plan.changes,
                         note=f"import {report.file_name}")
