"""Reading and writing the tabular files that Finnish offices exchange: CSV and XLSX.

Reading never evaluates anything: formulas come in as their text. Writing neutralises cells
that a spreadsheet would take for a formula, and reading undoes exactly that, so an export
re-imports to the same data.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.utils import get_column_letter

from yhdyspinta.io import limits, workbook

FORMULA_PREFIXES = ("=", "+", "-", "@")
NEUTRALISER = "'"
# Characters a spreadsheet may pass over before it looks for a formula prefix: spaces, control
# characters and invisible format characters (zero-width space and joiners U+200B..U+200D,
# word joiner U+2060, byte-order mark U+FEFF, bidi marks, soft hyphen).
SKIPPED_CATEGORIES = frozenset({"Cf", "Cc", "Zs"})
# NFKC of this many characters after the skipped ones is enough to see a look-alike prefix
# (full-width ＝ U+FF1D, small ﹦ U+FE66, ＋ － ＠ ...).
FORMULA_HEAD = 8
CSV_DELIMITERS = (";", ",", "\t")
# What the csv module (strict) says when the file ends inside a quoted cell.
CSV_UNCLOSED_QUOTE = "unexpected end of data"
XLSX_MAGIC = b"PK\x03\x04"
XLSX_SUFFIXES = (".xlsx", ".xlsm")
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .xls (and .doc)
UTF8_BOM = b"\xef\xbb\xbf"
# UTF-32's marks first: the little-endian one begins with UTF-16's.
UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# C0 control bytes other than tab, line feed and carriage return; many of them in the first
# BINARY_SAMPLE bytes mean binary content rather than a few stray characters in a text.
C0_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
BINARY_SAMPLE = 4096
# A two-byte UTF-8 sequence for Latin letters (ä = C3 A4): its presence in a file that is not
# valid UTF-8 as a whole means mixed encodings.
UTF8_SEQUENCE = re.compile(rb"[\xc2-\xc3][\x80-\xbf]")
# Control characters that never appear in a text table; many of them mean binary content.
CONTROL_LIKE = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\n\r\x0c")
# Control characters no cell may hold: C0 but tab, line feed and carriage return; DEL; C1.
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# How a workbook writes one (ECMA-376 escapes: _x0000_ is NUL); openpyxl leaves these as text.
ESCAPED_CONTROL = re.compile(r"_x(00[0189][0-9A-Fa-f]|007[Ff])_")
# A fixed timestamp keeps generated workbooks byte-for-byte reproducible.
FIXED_TIME = datetime(2000, 1, 1)
CORE_PROPERTIES = "docProps/core.xml"
MODIFIED_STAMP = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
FIXED_MODIFIED = rb"\g<1>2000-01-01T00:00:00Z\g<2>"


class TableReadError(ValueError):
    """The file cannot be read as a table at all: `code` says how (empty, a limit such as
    too_large, too_many_rows or too_many_cells, or unreadable), `detail` why it is unreadable
    (binary, old_excel, ...); the message text is `import.<detail or code>`, filled in with
    `params`."""

    def __init__(self, code: str, detail: str | None = None, **params: object) -> None:
        super().__init__(f"{detail or code}: {params}")
        self.code = code
        self.detail = detail
        self.params = params


@dataclass(frozen=True)
class ControlCharacter:
    """A cell holding a control character: where (spreadsheet row, column as the file names it)
    and which. The cell's text is not kept: it may be a person's name."""

    row: int
    column: str
    char: str

    @property
    def code(self) -> str:
        return f"U+{ord(self.char):04X}"


@dataclass(frozen=True)
class RawTable:
    """Cells as text (or None), with the spreadsheet row number of each data row."""

    headers: list[str]
    rows: list[tuple[int, list[str | None]]]
    sheet: str | None = None
    # Every sheet of a workbook (empty for CSV), so a message can suggest another one.
    sheets: tuple[str, ...] = ()
    encoding: str | None = None
    # Cells (header row included) holding a control character, first character of each.
    control_characters: tuple[ControlCharacter, ...] = ()


def _skip_invisible(text: str) -> str:
    start = 0
    while start < len(text) and (text[start].isspace() or unicodedata.category(text[start]) in SKIPPED_CATEGORIES):
        start += 1
    return text[start:]


def looks_like_formula(value: str) -> bool:
    """Whether a spreadsheet could take `value` for a formula (or a value already neutralised):
    its first visible character, after compatibility normalisation (NFKC), is = + - @ or '."""
    head = unicodedata.normalize("NFKC", _skip_invisible(value)[:FORMULA_HEAD])
    return _skip_invisible(head).startswith((*FORMULA_PREFIXES, NEUTRALISER))


def neutralise(value: Any) -> Any:
    if isinstance(value, str) and looks_like_formula(value):
        return NEUTRALISER + value
    return value


def unneutralise(value: str) -> str:
    """Undo `neutralise`: unneutralise(neutralise(v)) == v for every text v."""
    if value.startswith(NEUTRALISER) and looks_like_formula(value[1:]):
        return value[1:]
    return value


def _cell_text(value: Any, number_format: str | None = None) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)) and number_format and "%" in number_format:
        # A cell formatted as a percentage holds the share (0.455 shown as 45,5 %): people mean the percent.
        value = round(value * 100, 10)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    return text or None


def control_character(text: str, *, escaped: bool = False) -> str | None:
    """The first control character in `text` (with `escaped`, also one written as _x0000_), or None."""
    found = CONTROL_CHARACTER.search(text)
    if found is not None:
        return found.group()
    if escaped and "_x" in text:
        for match in ESCAPED_CONTROL.finditer(text):
            char = chr(int(match.group(1), 16))
            if CONTROL_CHARACTER.match(char):
                return char
    return None


def _column_name(headers: list[str] | None, index: int) -> str:
    """A column as messages name it: its header, or its letter in the header row itself (or
    where the header is empty or unusable)."""
    if headers is not None and index < len(headers) and headers[index] and not control_character(headers[index]):
        return headers[index]
    return get_column_letter(index + 1)


def _control_cells(number: int, cells: Sequence[object], headers: list[str] | None,
                   *, escaped: bool = False) -> list[ControlCharacter]:
    found = []
    for index, value in enumerate(cells):
        char = control_character(value, escaped=escaped) if isinstance(value, str) else None
        if char is not None:
            found.append(ControlCharacter(number, _column_name(headers, index), char))
    return found


def is_workbook(data: bytes, file_name: str) -> bool:
    return data.startswith(XLSX_MAGIC) or Path(file_name).suffix.lower() in XLSX_SUFFIXES


def read_table(data: bytes, file_name: str, sheet: str | None = None) -> RawTable:
    """Read CSV or XLSX bytes into text cells within the limits of `yhdyspinta.io.limits`;
    raises TableReadError naming the problem (or the limit)."""
    if len(data) > limits.MAX_FILE_BYTES:
        raise TableReadError("too_large", size=f"{len(data) / limits.MB:.1f} MB", limit=f"{limits.MAX_FILE_MB} MB")
    if not data.replace(UTF8_BOM, b"").strip():
        raise TableReadError("empty")
    if data.startswith(OLE2_MAGIC):
        raise TableReadError("unreadable", "old_excel")
    table = _read_xlsx(data, sheet) if is_workbook(data, file_name) else _read_csv(data)
    if not table.headers or all(not h for h in table.headers):
        raise TableReadError("empty")
    return table


def _too_many_rows() -> TableReadError:
    return TableReadError("too_many_rows", limit=limits.shown_count(limits.MAX_ROWS))


def _read_xlsx(data: bytes, sheet: str | None) -> RawTable:
    try:
        opened = workbook.read_sheet(data, sheet)
        headers: list[str] | None = None
        rows: list[tuple[int, list[str | None]]] = []
        controls: list[ControlCharacter] = []
        for number, cells in opened.rows:
            values = [None if c is None else _cell_text(*c) for c in cells]
            if all(v is None for v in values):
                continue
            controls += _control_cells(number, [c and c[0] for c in cells], headers, escaped=True)
            if headers is None:
                headers = [v or "" for v in values]
                continue
            if len(rows) == limits.MAX_ROWS:
                raise _too_many_rows()
            rows.append((number, values))
    except TableReadError:
        raise
    except workbook.WorkbookRefused as exc:
        raise TableReadError(exc.code, exc.detail, **exc.params) from None
    except Exception:  # whatever a damaged or hostile zip or XML makes the parsers raise
        raise TableReadError("unreadable", "not_xlsx") from None
    return RawTable(headers=headers or [], rows=rows, sheet=opened.title, sheets=opened.titles,
                    control_characters=tuple(controls))


def _looks_utf16le(data: bytes) -> bool:
    # Excel's "Unicode text" without a byte-order mark: every second byte of ASCII text is NUL.
    sample = data[:400]
    return len(sample) >= 4 and sample[1::2].count(0) > 0.9 * len(sample[1::2]) and sample[0::2].count(0) == 0


def _looks_utf32(data: bytes) -> bool:
    # UTF-32 without a byte-order mark: three NULs in every four bytes of ASCII text.
    sample = data[:400]
    if len(sample) < 8 or len(sample) % 4:
        sample = sample[: len(sample) - len(sample) % 4]
    if len(sample) < 8:
        return False
    columns = [sample[i::4] for i in range(4)]
    nul = [column.count(0) > 0.9 * len(column) for column in columns]
    return nul in ([False, True, True, True], [True, True, True, False])


def _strict_decode(data: bytes, codec: str, name: str) -> tuple[str, str]:
    try:
        return data.decode(codec), name
    except UnicodeDecodeError:
        raise TableReadError("unreadable", "encoding") from None


def _decode(data: bytes) -> tuple[str, str]:
    """The text and its encoding, which is known by its byte-order mark, is UTF-8, or is
    Windows-1252; anything else is refused rather than guessed."""
    if data.startswith(UTF32_BOMS):
        return _strict_decode(data, "utf-32", "utf-32")
    if data.startswith(UTF16_BOMS):
        return _strict_decode(data, "utf-16", "utf-16")
    if _looks_utf32(data):
        # Which byte order, and whether it is UTF-32 at all, would be a guess without the mark.
        raise TableReadError("unreadable", "encoding")
    if _looks_utf16le(data):
        return _strict_decode(data, "utf-16-le", "utf-16")
    sample = data[:BINARY_SAMPLE]
    if len(C0_BYTES.findall(sample)) > max(2, len(sample) // 50):
        raise TableReadError("unreadable", "binary")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    if UTF8_SEQUENCE.search(data):
        # Some lines are UTF-8 and some are not: decoding either way would garble names.
        raise TableReadError("unreadable", "mixed_encoding")
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise TableReadError("unreadable", "encoding") from None
    if sum(ch in CONTROL_LIKE for ch in text) > max(2, len(text) // 50):
        raise TableReadError("unreadable", "binary")
    return text, "cp1252"


def _read_csv(data: bytes) -> RawTable:
    text, encoding = _decode(data)
    text = text.lstrip("\ufeff")
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(CSV_DELIMITERS, key=first_line.count)
    # strict: a quote opened and never closed is an error at the end of the file, not a cell
    # that silently swallows every row after it.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    headers: list[str] | None = None
    rows: list[tuple[int, list[str | None]]] = []
    controls: list[ControlCharacter] = []
    number = 0
    cell_count = 0
    try:
        for cells in reader:
            # The physical line the row ends on: quoted cells may span lines.
            number = reader.line_num
            cell_count += max(len(cells), 1)  # an empty line costs one, as an empty row of a workbook
            if cell_count > limits.MAX_CELLS:
                raise TableReadError("too_many_cells", limit=limits.shown_count(limits.MAX_CELLS))
            values = [(c.strip() or None) for c in cells]
            if all(v is None for v in values):
                continue
            # Before stripping, which would drop some of them (vertical tab, form feed, U+001C..U+001F).
            controls += _control_cells(number, cells, headers)
            if headers is None:
                headers = [v or "" for v in values]
                continue
            if len(rows) == limits.MAX_ROWS:
                raise _too_many_rows()
            rows.append((number, [unneutralise(v) if v else v for v in values]))
    except csv.Error as exc:
        if CSV_UNCLOSED_QUOTE in str(exc):
            # The row that opened the quote is the one after the last row read whole.
            raise TableReadError("unreadable", "unclosed_quote", row=number + 1) from None
        raise TableReadError("unreadable", "csv_error", line=reader.line_num or number + 1) from None
    return RawTable(headers=headers or [], rows=rows, encoding=encoding, control_characters=tuple(controls))


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
