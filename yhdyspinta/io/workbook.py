"""Reading an Excel workbook (.xlsx) within the limits, in one pass.

A workbook is a zip of XML parts, and a few kilobytes of it can unpack to millions of strings,
cells or elements. So it is opened once, and only the parts an import needs are read: the
content types, the workbook and its relationships, the styles (number formats tell dates and
percentages), the shared strings and the one sheet. Every limit of `yhdyspinta.io.limits` is
counted while the parts are unpacked and parsed, and reading stops the moment one is crossed:

- the sizes the zip declares for its parts, before anything is unpacked, and the bytes
  actually unpacked (the zip module also stops at a part's declared size and checks its CRC);
- XML elements, counted in the bytes as they are unpacked, before a parser sees them; the
  sheet and the shared strings are unpacked once without parsing first (a fraction of a second
  even at the limits), so a part of millions of empty elements is refused before any parsing;
- a document type declaration (DTD), which Excel never writes: with one, a part could declare
  entities that expand (or fetch files, where a parser resolves them); it is refused in every
  part, found by expat itself (any encoding) before the parser that reads the part sees it;
- shared strings, cells (the empty ones a row holds before its last value included) and rows
  while they are parsed, and elements let go as soon as they are read, so memory does not
  grow with the sheet.

openpyxl (pinned) still does the parsing that matters: the manifest, the workbook and the
styles, and each row and cell (`WorkSheetParser.parse_row`), so values, dates and formulas
come out as they did through `load_workbook(read_only=True)`.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from xml.parsers import expat

from openpyxl.cell.read_only import ReadOnlyCell
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.worksheet._reader import WorkSheetParser
from openpyxl.xml.constants import SHARED_STRINGS, SHEET_MAIN_NS

from yhdyspinta.io import limits

SI = f"{{{SHEET_MAIN_NS}}}si"
T = f"{{{SHEET_MAIN_NS}}}t"
R = f"{{{SHEET_MAIN_NS}}}r"
ROW = f"{{{SHEET_MAIN_NS}}}row"
CELL = f"{{{SHEET_MAIN_NS}}}c"
CHUNK = 64 * 1024
# The end-of-central-directory record, where a zip says how many parts it has (before they
# are parsed); a zip64 workbook (65 535 parts or more) is beyond every limit anyway.
END_OF_DIRECTORY = b"PK\x05\x06"
END_OF_DIRECTORY_SEARCH = 22 + 0xFFFF


class WorkbookRefused(Exception):
    """The workbook breaks a limit or cannot be read: `code`, `detail` and `params` as
    `yhdyspinta.io.tables.TableReadError` takes them."""

    def __init__(self, code: str, detail: str | None = None, **params: object) -> None:
        super().__init__(f"{detail or code}: {params}")
        self.code = code
        self.detail = detail
        self.params = params


@dataclass
class _Budget:
    """What reading one workbook has used so far."""

    unpacked: int = 0
    bulk_elements: int = 0
    cells: int = 0

    def unpack(self, size: int) -> None:
        self.unpacked += size
        if self.unpacked > limits.MAX_UNPACKED_BYTES:
            raise WorkbookRefused("too_large_unpacked", limit=f"{limits.MAX_UNPACKED_MB} MB")

    def add_cells(self, count: int) -> None:
        self.cells += count
        if self.cells > limits.MAX_CELLS:
            raise WorkbookRefused("too_many_cells", limit=limits.shown_count(limits.MAX_CELLS))


def _declared_parts(data: bytes) -> int | None:
    """How many parts the zip says it has, read from its last record; None if it has none."""
    at = data.rfind(END_OF_DIRECTORY, max(0, len(data) - END_OF_DIRECTORY_SEARCH))
    if at < 0 or at + 12 > len(data):
        return None
    return int.from_bytes(data[at + 10:at + 12], "little")


class _Archive(zipfile.ZipFile):
    """The workbook's zip, refusing before anything is unpacked when it declares too many parts
    or too many bytes, and handing out parts that count what they unpack."""

    def __init__(self, data: bytes) -> None:
        parts = _declared_parts(data)
        if parts is not None and parts > limits.MAX_PARTS:
            raise WorkbookRefused("too_many_parts", limit=limits.shown_count(limits.MAX_PARTS))
        super().__init__(io.BytesIO(data))
        if len(self.infolist()) > limits.MAX_PARTS:
            raise WorkbookRefused("too_many_parts", limit=limits.shown_count(limits.MAX_PARTS))
        if sum(info.file_size for info in self.infolist()) > limits.MAX_UNPACKED_BYTES:
            raise WorkbookRefused("too_large_unpacked", limit=f"{limits.MAX_UNPACKED_MB} MB")
        self.budget = _Budget()
        # Parts parsed as a stream and let go element by element (the sheet, the shared
        # strings); every other part is parsed whole into objects and gets a small allowance.
        self.bulk: set[str] = set()
        # Bulk parts already unpacked once and counted: unpacking them again counts nothing.
        self.counted: set[str] = set()

    def count(self, name: str) -> None:
        """Unpack a bulk part without parsing it, counting its bytes and elements (and looking
        for a DTD): over a limit, it is refused before the parsing, the costly part, begins."""
        self.bulk.add(name)
        with self.open(name) as part:
            while part.read(CHUNK):
                pass
        self.counted.add(name)

    def open(self, name: Any, mode: str = "r", pwd: bytes | None = None, **kwargs: Any) -> Any:  # type: ignore[override]
        if mode != "r":
            raise ValueError("a workbook being imported is only read")
        part = name.filename if isinstance(name, zipfile.ZipInfo) else str(name)
        return _Part(super().open(name, mode, pwd, **kwargs), self, part)


class _Stop(Exception):
    """Stops the prolog watch: the root element has opened, or a DTD was found."""


class _Prolog:
    """Watches the first bytes of an XML part with expat until the root element opens; the
    prolog before it is the only place a document type declaration can stand."""

    def __init__(self) -> None:
        self.done = False
        self.doctype = False
        self._parser = expat.ParserCreate()
        self._parser.StartDoctypeDeclHandler = self._on_doctype
        self._parser.StartElementHandler = self._on_root

    def _on_doctype(self, *_: object) -> None:
        self.doctype = True
        raise _Stop

    def _on_root(self, *_: object) -> None:
        raise _Stop

    def feed(self, data: bytes) -> None:
        try:
            self._parser.Parse(data, not data)
        except _Stop:
            self.done = True
        except expat.ExpatError:
            self.done = True  # not XML before its root: the parser that reads the part says so


class _Part(io.RawIOBase):
    """One part being unpacked: counts its bytes and XML elements against the limits before
    the parser gets them."""

    def __init__(self, stream: Any, archive: _Archive, name: str) -> None:
        super().__init__()
        self._stream = stream
        self._archive = archive
        self.name = name
        self._elements = 0
        self._prolog = _Prolog()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:
            chunks = []
            while chunk := self._read(CHUNK):
                chunks.append(chunk)
            return b"".join(chunks)
        return self._read(size)

    def _read(self, size: int) -> bytes:
        data = self._stream.read(size)
        if self.name in self._archive.counted:
            return data
        self._archive.budget.unpack(len(data))
        if not self._prolog.done:
            self._prolog.feed(data)
            if self._prolog.doctype:
                raise WorkbookRefused("unreadable", "dtd", part=self.name)
        # Start tags: every "<" that does not open an end tag, a declaration or a comment.
        # Overcounts only where a "<" ends one chunk and its "/" begins the next.
        elements = data.count(b"<") - data.count(b"</") - data.count(b"<?") - data.count(b"<!")
        if self.name in self._archive.bulk:
            self._archive.budget.bulk_elements += elements
            if self._archive.budget.bulk_elements > limits.MAX_XML_ELEMENTS:
                raise self._too_complex(limits.MAX_XML_ELEMENTS)
        else:
            self._elements += elements
            if self._elements > limits.MAX_PART_ELEMENTS:
                raise self._too_complex(limits.MAX_PART_ELEMENTS)
        return data

    def _too_complex(self, limit: int) -> WorkbookRefused:
        return WorkbookRefused("too_complex", part=self.name, limit=limits.shown_count(limit))

    def close(self) -> None:
        self._stream.close()
        super().close()


class _Reader(ExcelReader):
    """openpyxl's reader over the guarded archive, reading only the parts an import needs."""

    def __init__(self, archive: _Archive) -> None:
        # ExcelReader's own fields, without it opening the zip unguarded.
        self.archive = archive
        self.valid_files = archive.namelist()
        self.read_only = True
        self.keep_vba = False
        self.data_only = False  # a formula comes in as its text, never evaluated
        self.keep_links = False  # links to other workbooks carry whole cached sheets
        self.rich_text = False
        self.shared_strings: list[str] = []


def _children_let_go(source: Any, keep: str | None = None) -> Iterator[tuple[str, ET.Element, list[ET.Element]]]:
    """iterparse that lets every element go once its end has been handled, keeping only the
    open ones: memory stays that of one element with its children (one `keep` element, say a
    row, is kept whole until it ends). Yields (event, element, the open ancestors)."""
    stack: list[ET.Element] = []
    inside = 0  # depth of the open `keep` element, 0 outside one
    for event, element in ET.iterparse(source, events=("start", "end")):
        if event == "start":
            stack.append(element)
            if element.tag == keep and not inside:
                inside = len(stack)
            yield event, element, stack
            continue
        yield event, element, stack
        stack.pop()
        if inside and len(stack) >= inside:
            continue  # a child of the kept element: the element itself lets it go
        inside = 0
        element.clear()
        if stack:
            del stack[-1][-1]  # the element that ends is always its parent's last child so far


def _shared_strings(source: Any) -> list[str]:
    """The shared-string table as openpyxl reads it (text and rich-text runs joined, phonetic
    runs left out), refused past MAX_SHARED_STRINGS."""
    strings: list[str] = []
    parts: list[str] = []
    for event, element, open_elements in _children_let_go(source):
        if event == "start":
            if element.tag == SI:
                if len(strings) >= limits.MAX_SHARED_STRINGS:
                    raise WorkbookRefused("too_many_strings", limit=limits.shown_count(limits.MAX_SHARED_STRINGS))
                parts = []
            continue
        if element.tag == T and len(open_elements) >= 2:
            parent = open_elements[-2].tag
            if parent == SI or (parent == R and len(open_elements) >= 3 and open_elements[-3].tag == SI):
                parts.append(element.text or "")
        elif element.tag == SI:
            strings.append("".join(parts).replace("x005F_", ""))  # as openpyxl's read_string_table
    return strings


@dataclass
class Sheet:
    """One sheet of a workbook: its title, the titles of every sheet, and its rows as
    (row number, [(value, number format) or None, ...]) up to the row's last value."""

    title: str
    titles: tuple[str, ...]
    rows: Iterator[tuple[int, list[tuple[Any, str] | None]]]


class _Sheet:
    """What a ReadOnlyCell asks of its sheet: the workbook, for the cell's number format."""

    def __init__(self, book: Any) -> None:
        self.parent = book


def read_sheet(data: bytes, sheet: str | None = None) -> Sheet:
    """Open the workbook once and read what the sheet named `sheet` (the first if None) needs;
    its rows are parsed as they are iterated. Raises WorkbookRefused."""
    archive = _Archive(data)
    reader = _Reader(archive)
    reader.read_manifest()
    reader.read_workbook()
    book = reader.wb
    found = [(entry.name, rel.target) for entry, rel in reader.parser.find_sheets()
             if rel.target in reader.valid_files and "chartsheet" not in rel.Type]
    titles = tuple(title for title, _ in found)
    if sheet is not None and sheet not in titles:
        raise WorkbookRefused("unreadable", "no_sheet", sheet=sheet, sheets=", ".join(titles))
    if not found:
        raise WorkbookRefused("empty")
    title, path = next(item for item in found if sheet is None or item[0] == sheet)
    apply_stylesheet(archive, book)
    strings_part = reader.package.find(SHARED_STRINGS)
    strings_name = strings_part.PartName[1:] if strings_part is not None else None
    for name in (strings_name, path):
        if name is not None:
            archive.count(name)
    shared: list[str] = []
    if strings_name is not None:
        with archive.open(strings_name) as source:
            shared = _shared_strings(source)
    return Sheet(title, titles, _rows(archive, path, shared, book))


def _rows(archive: _Archive, path: str, shared: list[str], book: Any) -> Iterator[tuple[int, list[Any]]]:
    budget = archive.budget
    holder = _Sheet(book)
    with archive, archive.open(path) as source:
        parser = WorkSheetParser(source, shared, data_only=False, epoch=book.epoch,
                                 date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
        for event, element, _ in _children_let_go(source, keep=ROW):
            if event == "start":
                if element.tag == CELL:
                    budget.add_cells(1)  # counted as it opens: a row of a million cells stops early
                continue
            if element.tag != ROW:
                continue
            if not len(element):
                budget.add_cells(1)  # an empty row (a row's height or style, say): nothing to parse
                continue
            number, cells = parser.parse_row(element)
            parser.row_dimensions.clear()  # rows' heights and styles: not needed, not kept
            width = max((cell["column"] for cell in cells if cell["value"] is not None), default=0)
            # The empty cells before the last value are read too; an empty row costs one cell.
            budget.add_cells(max(width - len(cells), 0) if width else (0 if cells else 1))
            values: list[tuple[Any, str] | None] = [None] * width
            for cell in cells:
                if cell["value"] is not None and cell["column"] <= width:
                    number_format = (ReadOnlyCell(holder, **cell).number_format
                                     if isinstance(cell["value"], (int, float)) else "General")
                    values[cell["column"] - 1] = (cell["value"], number_format)
            yield number, values
