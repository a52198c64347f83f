"""Reading and writing the tabular files that Finnish offices exchange: CSV and XLSX.

Reading never evaluates anything: formulas come in as their text. Writing neutralises cells
that a spreadsheet would take for a formula, and reading undoes exactly that, so an export
re-imports to the same data.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.utils.exceptions import InvalidFileException

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000
FORMULA_PREFIXES = ("=", "+", "-", "@")
NEUTRALISER = "'"
CSV_ENCODINGS = ("utf-8-sig", "cp1252")
CSV_DELIMITERS = (";", ",", "\t")
XLSX_MAGIC = b"PK\x03\x04"
# A fixed timestamp keeps generated workbooks byte-for-byte reproducible.
FIXED_TIME = datetime(2000, 1, 1)
CORE_PROPERTIES = "docProps/core.xml"
MODIFIED_STAMP = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
FIXED_MODIFIED = rb"\g<1>2000-01-01T00:00:00Z\g<2>"


class TableReadError(ValueError):
    """The file cannot be read as a table at all. `code` picks the message text."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(f"{code}: {params}")
        self.code = code
        self.params = params


@dataclass(frozen=True)
class RawTable:
    """Cells as text (or None), with the spreadsheet row number of each data row."""

    headers: list[str]
    rows: list[tuple[int, list[str | None]]]
    sheet: str | None = None


def neutralise(value: Any) -> Any:
    if isinstance(value, str) and value.startswith((*FORMULA_PREFIXES, NEUTRALISER)):
        return NEUTRALISER + value
    return value


def unneutralise(value: str) -> str:
    if value.startswith(NEUTRALISER) and len(value) > 1 and value[1:].startswith(
        (*FORMULA_PREFIXES, NEUTRALISER)
    ):
        return value[1:]
    return value


def _cell_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    return text or None


def read_table(data: bytes, file_name: str, sheet: str | None = None) -> RawTable:
    """Read CSV or XLSX bytes into text cells; raises TableReadError naming the problem."""
    if len(data) > MAX_FILE_BYTES:
        raise TableReadError("too_large", size=f"{len(data) / 1e6:.1f} MB",
                             limit=f"{MAX_FILE_BYTES // (1024 * 1024)} MB")
    if not data.strip():
        raise TableReadError("empty")
    if data.startswith(XLSX_MAGIC) or Path(file_name).suffix.lower() in (".xlsx", ".xlsm"):
        table = _read_xlsx(data, sheet)
    else:
        table = _read_csv(data)
    if not table.headers or all(not h for h in table.headers):
        raise TableReadError("empty")
    if len(table.rows) > MAX_ROWS:
        raise TableReadError("too_large", size=f"{len(table.rows)} rows", limit=f"{MAX_ROWS} rows")
    return table


def _read_xlsx(data: bytes, sheet: str | None) -> RawTable:
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise TableReadError("unreadable", reason=f"not a valid Excel workbook ({exc.__class__.__name__})") from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise TableReadError("unreadable", reason=f"no sheet named {sheet!r}; sheets: "
                                 + ", ".join(book.sheetnames))
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        headers: list[str] = []
        rows: list[tuple[int, list[str | None]]] = []
        for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
            cells = [_cell_text(v) for v in values]
            if number == 1:
                headers = [c or "" for c in cells]
                continue
            if all(c is None for c in cells):
                continue
            rows.append((number, cells))
            if len(rows) > MAX_ROWS:
                break
        return RawTable(headers=headers, rows=rows, sheet=ws.title)
    finally:
        book.close()


def _decode(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise TableReadError("unreadable", reason="binary content, not a CSV or Excel file")
    for encoding in CSV_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise TableReadError("unreadable", reason="unknown text encoding")  # pragma: no cover


def _read_csv(data: bytes) -> RawTable:
    text = _decode(data)
    first_line = text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""
    delimiter = max(CSV_DELIMITERS, key=first_line.count)
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
    headers: list[str] = []
    rows: list[tuple[int, list[str | None]]] = []
    try:
        for number, cells in enumerate(reader, start=1):
            if number == 1:
                headers = [c.strip() for c in cells]
                continue
            values = [(c.strip() or None) for c in cells]
            values = [unneutralise(v) if v else v for v in values]
            if all(v is None for v in values):
                continue
            rows.append((number, values))
            if len(rows) > MAX_ROWS:
                break
    except csv.Error as exc:
        raise TableReadError("unreadable", reason=f"CSV error: {exc}") from None
    return RawTable(headers=headers, rows=rows)


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return repr(value).replace(".", ",") if not value.is_integer() else f"{value:.1f}".replace(".", ",")
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(neutralise(value))


def write_csv(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    """Semicolon-separated UTF-8 with BOM and decimal comma: what Finnish Excel opens as is."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def write_xlsx(sheets: Sequence[tuple[str, Sequence[str], Sequence[Sequence[Any]]]]) -> bytes:
    """Workbook with one sheet per (title, headers, rows); strings are always stored as text."""
    book = Workbook()
    book.remove(book.active)
    for title, headers, rows in sheets:
        ws = book.create_sheet(title=title[:31])
        ws.append(list(headers))
        for row in rows:
            ws.append([_xlsx_value(v) for v in row])
        for cell_row in ws.iter_rows(min_row=2):
            for cell in cell_row:
                if isinstance(cell.value, str):
                    # Stored as text, "=..." is never a formula: no visible prefix needed.
                    cell.data_type = TYPE_STRING
        for idx, header in enumerate(headers, start=1):
            letter = ws.cell(row=1, column=idx).column_letter
            ws.column_dimensions[letter].width = max(12, min(60, len(str(header)) + 4))
    book.properties.created = FIXED_TIME
    buffer = io.BytesIO()
    book.save(buffer)
    return _fix_zip_times(buffer.getvalue())


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    return value


def _fix_zip_times(data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(info.filename)
            if info.filename == CORE_PROPERTIES:
                # openpyxl stamps the save time here whatever we set beforehand.
                content = MODIFIED_STAMP.sub(FIXED_MODIFIED, content)
            target.writestr(fixed, content)
    return out.getvalue()
