"""A corpus of malformed import files, generated in code at test time.

Each case is a file as offices really send them, broken in one way (or a few): wrong
encoding or separator, missing or extra columns, unknown names, bad dates, duplicates, huge
values, formulas, empty files, binary garbage, workbooks with several sheets. `expected` is
the exact list of problems the import must report (in `lang`), and nothing may be written.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from openpyxl import Workbook

BOM = "\ufeff"
MB = 1024 * 1024


@dataclass(frozen=True)
class Case:
    name: str
    kind: str
    file_name: str
    build: Callable[[], bytes]
    expected: tuple[str, ...]
    lang: str = "en"
    sheet: str | None = None
    forum_date: str | None = None
    warnings: tuple[str, ...] | None = None  # checked only when given
    notes: tuple[str, ...] | None = None

    def write(self, folder: Path) -> Path:
        path = folder / self.file_name
        path.write_bytes(self.build())
        return path


def csv_bytes(lines: list[str], encoding: str = "utf-8") -> bytes:
    """Lines as a Windows text file, the way Excel saves CSV."""
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def workbook(sheets: list[tuple[str, list[list[object]]]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


FORUM_HEADER = "päivämäärä;teema;otsikko;tallenteen linkki"
AGREEMENT_HEADER = "alue;tyyppi;otsikko;tila;hyväksytty pvm;teemat"
PARTICIPATION_HEADER = "foorumin päivämäärä;organisaation tyyppi;organisaatio;osallistujia"
SURVEY_HEADER = "kysely,kierros,väittämä,vastaajaryhmä,taso,tason tunniste,osuus %,N"
MATURITY_HEADER = ("alue;arviointipäivä;vastaajan nro;vastaajan rooli;luottamus;kommunikaatio;"
                   "tiedon jakaminen;tavoitteet;valta;resurssit;tilivelvollisuus;sitoutuminen")


def _mixed_encoding() -> bytes:
    return (FORUM_HEADER + "\r\n").encode("utf-8") + "15.12.2023;hyte;Hyvinvointi ja työ\r\n".encode("cp1252")


def _undefined_cp1252() -> bytes:
    # 0x81 and 0x8D are undefined in Windows-1252 and no UTF-8 sequence is present.
    return b"paivamaara;teema;otsikko\r\n15.12.2023;hyte;Foorumi \x81\x8d\r\n"


def _random_bytes(size: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(size)


def _fake_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    return out.getvalue()


def _truncated_xlsx() -> bytes:
    data = workbook([("forums", [["päivämäärä", "teema", "otsikko"], ["2023-12-15", "hyte", "X"]])])
    return data[: len(data) // 2]


def _png() -> bytes:
    return (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
            + _random_bytes(512, 7))


def _too_many_rows() -> bytes:
    lines = [FORUM_HEADER] + [f"15.12.2023;hyte;Foorumi {i};" for i in range(100_001)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _too_large() -> bytes:
    row = "15.12.2023;hyte;" + "x" * 200 + ";\n"
    return (FORUM_HEADER + "\n" + row * (21 * MB // len(row) + 1)).encode("utf-8")


def _unbalanced_quote() -> bytes:
    return (FORUM_HEADER + "\n15.12.2023;hyte;\"Avoin lainaus" + "x" * 140_000 + "\n").encode("utf-8")


def _stray_quote() -> bytes:
    # The quote opened in row 3 is never closed: the rows after it would become one title.
    return csv_bytes([FORUM_HEADER, "15.12.2023;hyte;Foorumi;", '2.2.2024;hyte;"Avoin lainaus;',
                      "3.3.2024;hyte;Toinen foorumi;", "4.4.2024;hyte;Kolmas foorumi;"])


def _control_workbook() -> bytes:
    # Excel writes a control character in a cell as an escape (_x0000_ is NUL); DEL (U+007F) and the
    # C1 controls may stand in the XML as they are.
    return workbook([("forums", [["päivämäärä", "teema", "otsikko"], ["2023-12-15", "hyte", "Foo_x0000_rumi"],
                                 ["2024-02-02", "hyte\x7f", "Toinen"], ["2024-03-03", "hyte", "Kolmas_x001B_"]])])


def _utf32_without_bom() -> bytes:
    return (FORUM_HEADER + "\r\n15.12.2023;hyte;Foorumi;\r\n").encode("utf-32-le")


def _utf32_broken() -> bytes:
    # A UTF-32 byte-order mark, then a code point beyond U+10FFFF.
    return b"\xff\xfe\x00\x00" + FORUM_HEADER.encode("utf-32-le") + b"\x00\x00\x11\x00"


MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
XML_HEAD = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def raw_workbook(sheet_data: bytes, *, shared_strings: bytes | None = None, styles: bytes | None = None,
                 extra_parts: dict[str, bytes] | None = None, sheet_prolog: bytes = b"") -> bytes:
    """A workbook written part by part, as Excel lays it out (shared strings included), so a
    part can hold what openpyxl would never write."""
    overrides = [("/xl/workbook.xml", f"{CT}.sheet.main+xml"), ("/xl/worksheets/sheet1.xml", f"{CT}.worksheet+xml")]
    if shared_strings is not None:
        overrides.append(("/xl/sharedStrings.xml", f"{CT}.sharedStrings+xml"))
    if styles is not None:
        overrides.append(("/xl/styles.xml", f"{CT}.styles+xml"))
    types = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             + "".join(f'<Override PartName="{name}" ContentType="{kind}"/>' for name, kind in overrides)
             + "</Types>")
    parts = {
        "[Content_Types].xml": XML_HEAD + types.encode(),
        "_rels/.rels": XML_HEAD + (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ).encode(),
        "xl/workbook.xml": XML_HEAD + (
            f'<workbook xmlns="{MAIN_NS}" xmlns:r="{REL}"><sheets>'
            '<sheet name="forums" sheetId="1" r:id="rId1"/></sheets></workbook>').encode(),
        "xl/_rels/workbook.xml.rels": XML_HEAD + (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
        ).encode(),
        "xl/worksheets/sheet1.xml": sheet_prolog + f'<worksheet xmlns="{MAIN_NS}"><sheetData>'.encode()
        + sheet_data + b"</sheetData></worksheet>",
    }
    if shared_strings is not None:
        parts["xl/sharedStrings.xml"] = XML_HEAD + f'<sst xmlns="{MAIN_NS}">'.encode() + shared_strings + b"</sst>"
    if styles is not None:
        parts["xl/styles.xml"] = XML_HEAD + f'<styleSheet xmlns="{MAIN_NS}">'.encode() + styles + b"</styleSheet>"
    parts.update(extra_parts or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


def inline_row(number: int, values: list[tuple[str, str]]) -> bytes:
    """A sheet row of text cells given as (column letter, text)."""
    cells = "".join(f'<c r="{col}{number}" t="inlineStr"><is><t>{text}</t></is></c>' for col, text in values)
    return f'<row r="{number}">{cells}</row>'.encode()


FORUM_ROWS = inline_row(1, [("A", "päivämäärä"), ("B", "teema"), ("C", "otsikko")]) + inline_row(
    2, [("A", "2023-12-15"), ("B", "hyte"), ("C", "Foorumi")])


@cache
def shared_strings_bomb() -> bytes:
    # 125 KB holding 2.7 million tiny shared strings (46 MB unpacked): it took 50 s and 1.8 GB
    # of server time before any limit was counted while reading.
    header = (b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
              b'<c r="C1" t="s"><v>2</v></c></row>')
    strings = b"<si><t>p\xc3\xa4iv\xc3\xa4m\xc3\xa4\xc3\xa4r\xc3\xa4</t></si><si><t>teema</t></si>"
    return raw_workbook(header, shared_strings=strings + b"<si><t>a</t></si>" * 2_700_000)


@cache
def _unpacks_too_large() -> bytes:
    # 100 KB that unpacks to 101 MB: a sheet padded with spaces, valid XML throughout.
    return raw_workbook(FORUM_ROWS + b" " * (101 * MB))


def _declared_sizes(data: bytes, factor: float) -> bytes:
    """The workbook with every size its zip declares multiplied by `factor` (a lie either way)."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := out.find(signature, start)) >= 0:
            size = int.from_bytes(out[start + offset:start + offset + 4], "little")
            out[start + offset:start + offset + 4] = min(int(size * factor), 2**32 - 1).to_bytes(4, "little")
            start += 4
    return bytes(out)


def _wide_rows() -> bytes:
    # A value in column XFD makes every row 16 384 cells wide: 100 rows are 1.6 million cells.
    rows = b"".join(inline_row(n, [("A", "x"), ("XFD", "y")]) for n in range(1, 101))
    return raw_workbook(rows)


def _many_rows_workbook() -> bytes:
    rows = b"".join(inline_row(n, [("A", "2023-12-15")]) for n in range(2, 100_003))
    return raw_workbook(inline_row(1, [("A", "päivämäärä")]) + rows)


def _styles_bomb() -> bytes:
    # A million cell formats: openpyxl builds an object for each, about 15 µs apiece.
    return raw_workbook(FORUM_ROWS, styles=b'<cellXfs count="1000000">' + b"<xf/>" * 1_000_000 + b"</cellXfs>")


def _too_many_parts() -> bytes:
    return raw_workbook(FORUM_ROWS, extra_parts={f"customXml/item{n}.xml": b"" for n in range(10_001)})


EXTERNAL_ENTITY = b'<!DOCTYPE worksheet [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
INTERNAL_ENTITY = b'<!DOCTYPE worksheet [<!ENTITY e "=HYPERLINK(&quot;http://example.invalid/&quot;)">]>'
ENTITY_ROWS = inline_row(1, [("A", "päivämäärä"), ("B", "teema"), ("C", "otsikko")]) + inline_row(
    2, [("A", "2023-12-15"), ("B", "hyte"), ("C", "&e;")])


def dtd_refused(file_name: str, part: str) -> tuple[str]:
    return (f"Workbook {file_name} contains a document type declaration (DTD) in its part {part}. Excel never "
            "writes one, and it could make the reader fetch or expand other content, so the file is refused. "
            "Save it again in Excel as .xlsx, or as CSV.",)


def _dtd_in_content_types() -> bytes:
    data = raw_workbook(FORUM_ROWS)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        types = archive.read("[Content_Types].xml")
    return raw_workbook(FORUM_ROWS, extra_parts={"[Content_Types].xml": types.replace(
        XML_HEAD, XML_HEAD + b'<!DOCTYPE Types [<!ENTITY x "x">]>\n', 1)})


def _dtd_in_utf16_sheet() -> bytes:
    sheet = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE worksheet>'
             f'<worksheet xmlns="{MAIN_NS}"><sheetData>').encode("utf-16") + (
        FORUM_ROWS.decode() + "</sheetData></worksheet>").encode("utf-16-le")
    return raw_workbook(FORUM_ROWS, extra_parts={"xl/worksheets/sheet1.xml": sheet})


def _several_sheets() -> bytes:
    return workbook([
        ("Ohjeet", [["Täytä tiedot välilehdelle Foorumit"], ["Päivämäärä muodossa 15.12.2023"]]),
        ("Foorumit", [["päivämäärä", "teema", "otsikko"], ["2024-02-02", "hyte", "Uusi foorumi"]]),
        ("Koodit", [["koodi", "nimi"], ["hyte", "Hyvinvoinnin ja terveyden edistäminen"]]),
    ])


def _formula_workbook() -> bytes:
    # Real formulas: openpyxl stores a string starting with "=" as a formula cell.
    return workbook([("participation", [
        ["foorumin päivämäärä", "organisaation tyyppi", "organisaatio", "osallistujia"],
        ["2023-12-15", "kunta", "Kuopio", "=SUM(1,2)"],
        ["2023-12-15", "kunta", "Iisalmi", '=WEBSERVICE("http://example.invalid/")'],
    ])])


def _attendance(lines: list[str]) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


CASES: tuple[Case, ...] = (
    Case("empty file", "forums", "empty.csv", lambda: b"",
         ("File empty.csv is empty.",)),
    Case("only a byte-order mark and blank lines", "forums", "blank.csv",
         lambda: (BOM + "\r\n   \r\n;;\r\n").encode("utf-8"),
         ("File blank.csv is empty.",)),
    Case("binary garbage", "forums", "garbage.csv", lambda: bytes(range(256)) * 8,
         ("File garbage.csv is not a table: it has binary content. Import a CSV or .xlsx file.",)),
    Case("an image renamed .csv", "maturity", "kuva.csv", _png,
         ("File kuva.csv is not a table: it has binary content. Import a CSV or .xlsx file.",)),
    Case("random bytes named .xlsx", "agreements", "sopimukset.xlsx", lambda: _random_bytes(4096, 1),
         ("File sopimukset.xlsx cannot be read as an Excel workbook (.xlsx): it is damaged or something else. "
          "Save it again as .xlsx or CSV.",)),
    Case("a zip that is no workbook", "agreements", "paketti.xlsx", _fake_zip,
         ("File paketti.xlsx cannot be read as an Excel workbook (.xlsx): it is damaged or something else. "
          "Save it again as .xlsx or CSV.",)),
    Case("a truncated workbook", "forums", "katkennut.xlsx", _truncated_xlsx,
         ("File katkennut.xlsx cannot be read as an Excel workbook (.xlsx): it is damaged or something else. "
          "Save it again as .xlsx or CSV.",)),
    Case("old binary Excel", "survey", "kysely.xls",
         lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + _random_bytes(2048, 2),
         ("File kysely.xls is in the old Excel format (.xls). Save it in Excel as .xlsx or CSV and import it "
          "again.",)),
    Case("mixed UTF-8 and Windows-1252", "forums", "sekaisin.csv", _mixed_encoding,
         ("File sekaisin.csv mixes the UTF-8 and Windows-1252 encodings, so letters such as ä and ö would be "
          "garbled. Save the whole file as UTF-8 (CSV UTF-8).",)),
    Case("bytes undefined in Windows-1252", "forums", "outo.csv", _undefined_cp1252,
         ("The text encoding of file outo.csv was not recognised. Save it as UTF-8 (CSV UTF-8).",)),
    Case("unbalanced quote swallowing the file", "forums", "lainaus.csv", _unbalanced_quote,
         ("Line 2 of file lainaus.csv is not valid CSV (e.g. an unmatched quote or an overlong cell).",)),
    Case("a stray quote swallowing the rows after it", "forums", "lainaus2.csv", _stray_quote,
         ('Row 3 of file lainaus2.csv opens a quote (") that is never closed, so the rows after it would be read '
          "into one cell. Close the quote or remove it.",)),
    Case("a stray quote (Swedish)", "forums", "citat.csv", _stray_quote,
         ('Rad 3 i filen citat.csv öppnar ett citattecken (") som aldrig stängs, så raderna efter den skulle '
          "läsas in i en cell. Stäng citattecknet eller ta bort det.",), lang="sv"),
    Case("text after a closing quote", "forums", "lainaus3.csv",
         lambda: csv_bytes([FORUM_HEADER, "15.12.2023;hyte;Foorumi;", '2.2.2024;hyte;"Foorumi" uusi;']),
         ("Line 3 of file lainaus3.csv is not valid CSV (e.g. an unmatched quote or an overlong cell).",)),
    Case("a NUL byte in a cell", "forums", "nul.csv",
         lambda: csv_bytes([FORUM_HEADER, "15.12.2023;hyte;Foorumi;", "2.2.2024;hyte;Foo\x00rumi;"]),
         ("row 3, column otsikko: the cell contains the control character U+0000, which has no place in a "
          "table; remove it and import the file again.",)),
    Case("control characters in cells and a header (Finnish)", "forums", "ohjausmerkit.csv",
         lambda: csv_bytes(["päivämäärä;teema\x1b;otsikko", "15.12.2023;hyte;Foorumi\x0c;",
                            "2.2.2024;\x7fhyte;Foo\x85rumi;\x08", "3.3.2024;hyte;Kolmas foorumi;",
                            "4.4.2024;hyte;Neljäs foorumi;", "5.5.2024;hyte;Viides foorumi;"]),
         ("rivi 1, sarake B: solussa on ohjausmerkki U+001B, joka ei kuulu taulukkoon; poista se ja tuo "
          "tiedosto uudelleen.",
          "rivi 2, sarake otsikko: solussa on ohjausmerkki U+000C, joka ei kuulu taulukkoon; poista se ja tuo "
          "tiedosto uudelleen.",
          "rivi 3, sarake B: solussa on ohjausmerkki U+007F, joka ei kuulu taulukkoon; poista se ja tuo "
          "tiedosto uudelleen.",
          "rivi 3, sarake otsikko: solussa on ohjausmerkki U+0085, joka ei kuulu taulukkoon; poista se ja tuo "
          "tiedosto uudelleen.",
          "rivi 3, sarake D: solussa on ohjausmerkki U+0008, joka ei kuulu taulukkoon; poista se ja tuo "
          "tiedosto uudelleen."), lang="fi"),
    Case("control characters in workbook cells", "forums", "ohjausmerkit.xlsx", _control_workbook,
         ("row 2, column otsikko: the cell contains the control character U+0000, which has no place in a "
          "table; remove it and import the file again.",
          "row 3, column teema: the cell contains the control character U+007F, which has no place in a "
          "table; remove it and import the file again.",
          "row 4, column otsikko: the cell contains the control character U+001B, which has no place in a "
          "table; remove it and import the file again.")),
    Case("a control character in an attendance list, never quoting the name", "participation", "lista_nul.csv",
         lambda: _attendance(["Nimi;Organisaatio;Päivämäärä", "Matti\x00 Meikäläinen;Kuopion kaupunki;15.12.2023"]),
         ("row 2, column Nimi: the cell contains the control character U+0000, which has no place in a table; "
          "remove it and import the file again.",)),
    Case("UTF-32 without a byte-order mark", "forums", "utf32.csv", _utf32_without_bom,
         ("The text encoding of file utf32.csv was not recognised. Save it as UTF-8 (CSV UTF-8).",)),
    Case("UTF-32 with a byte-order mark but broken", "forums", "utf32_rikki.csv", _utf32_broken,
         ("The text encoding of file utf32_rikki.csv was not recognised. Save it as UTF-8 (CSV UTF-8).",)),
    Case("pipe as separator", "agreements", "putki.csv",
         lambda: b"alue|tyyppi|otsikko|tila\n13|aiesopimus|Aie|valmistelussa\n",
         ("Required column area is missing from putki.csv.",
          "Required column kind is missing from putki.csv.",
          "Required column title is missing from putki.csv.",
          "Required column status is missing from putki.csv."),
         notes=("The file's columns: alue|tyyppi|otsikko|tila. The import reads the columns: area, kind, term "
                "starts, title, status, preparation started, approved on, valid from, valid until, themes, "
                "document link.",)),
    Case("decimal comma in a comma-separated file", "survey", "pilkut.csv",
         lambda: (SURVEY_HEADER + "\nKuntapulssi,1/2023,Yhteistyö toimii,Kaikki,koko_maa,,45,5,300\n"
                  "Kuntapulssi,1/2023,Tieto kulkee,Kaikki,koko_maa,,\"38,0\",301\n").encode("utf-8"),
         ("row 2: the row has 9 cells but the header row 8 columns (extra value '300'); is the separator "
          "inside a value, e.g. a decimal comma in a comma-separated file?",)),
    Case("a required column missing (Finnish)", "forums", "foorumit.csv",
         lambda: csv_bytes(["päivämäärä;otsikko", "15.12.2023;Strateginen yhteistyö"]),
         ("Pakollinen sarake teema puuttuu tiedostosta foorumit.csv.",), lang="fi"),
    Case("a file of another kind", "maturity", "sopimukset.csv",
         lambda: csv_bytes([AGREEMENT_HEADER, "13;aiesopimus;Aie;valmistelussa;;"]),
         ("Required column assessed on is missing from sopimukset.csv.",
          "Required column respondent no is missing from sopimukset.csv.",
          "Required column respondent role is missing from sopimukset.csv.",
          "Required column trust is missing from sopimukset.csv.",
          "Required column communication is missing from sopimukset.csv.",
          "Required column information sharing is missing from sopimukset.csv.",
          "Required column goals is missing from sopimukset.csv.",
          "Required column power is missing from sopimukset.csv.",
          "Required column resources is missing from sopimukset.csv.",
          "Required column accountability is missing from sopimukset.csv.",
          "Required column commitment is missing from sopimukset.csv.")),
    Case("extra and repeated columns with an unknown area", "agreements", "ylimaaraiset.csv",
         lambda: csv_bytes(["alue;tyyppi;otsikko;tila;kommentti;Alue;muokattu",
                            "Pohjois-Savvo;aiesopimus;Aie;valmistelussa;kysy Liisalta;13;eilen"]),
         ("row 2, column alue: value 'Pohjois-Savvo' is not valid: unknown area; expected an area code 1–21 or "
          "90 or an area's name",),
         warnings=("Unknown column kommentti was ignored.",
                   "Column Alue was ignored: column alue already gives the same data.",
                   "Unknown column muokattu was ignored.")),
    Case("unknown area code and Åland", "maturity", "kypsyys.csv",
         lambda: csv_bytes([MATURITY_HEADER, "99;15.12.2023;1;kunta;1;2;3;1;2;3;1;2",
                            "91;15.12.2023;2;kunta;1;2;3;1;2;3;1;2"]),
         ("row 2, column alue: value '99' is not valid: unknown area code 99; expected 1–21 or 90",
          "row 3, column alue: value '91' is not valid: Åland is outside the reform; expected an area code 1–21 "
          "or 90")),
    Case("unknown municipality names (Swedish)", "approvals", "godkannanden.csv",
         lambda: csv_bytes(["område;avtalets typ;kommun;status",
                            "13;yhdyspintasopimus;Kuopioo;hyvaksytty",
                            "13;yhdyspintasopimus;999;hyvaksytty"]),
         ("rad 2, kolumn kommun: värdet 'Kuopioo' duger inte: okänd kommun; förväntade kommunkod (t.ex. 091) "
          "eller kommunens namn på finska eller svenska",
          "rad 3, kolumn kommun: värdet '999' duger inte: okänd kommun; förväntade kommunkod (t.ex. 091) eller "
          "kommunens namn på finska eller svenska"), lang="sv"),
    Case("bad dates", "forums", "paivat.csv",
         lambda: csv_bytes([FORUM_HEADER, "31.2.2024;hyte;A;", "2024-13-01;hyte;B;", "15/12/2023;hyte;C;",
                            "huomenna;hyte;D;", "15.12.23;hyte;E;", "15.12.2203;hyte;F;"]),
         ("row 2, column päivämäärä: value '31.2.2024' is not valid: day is out of range for month",
          "row 3, column päivämäärä: value '2024-13-01' is not valid: month must be in 1..12",
          "row 4, column päivämäärä: value '15/12/2023' is not valid: expected a date such as 15.12.2023 or "
          "2023-12-15",
          "row 5, column päivämäärä: value 'huomenna' is not valid: expected a date such as 15.12.2023 or "
          "2023-12-15",
          "row 6, column päivämäärä: value '15.12.23' is not valid: expected a date such as 15.12.2023 or "
          "2023-12-15",
          "row 7, column päivämäärä: value '15.12.2203' is not valid: expected a date in the years 2000–2099")),
    Case("bad dates (Finnish)", "forums", "paivat_fi.csv",
         lambda: csv_bytes([FORUM_HEADER, "30.2.2024;hyte;A;"]),
         ("rivi 2, sarake päivämäärä: arvo '30.2.2024' ei kelpaa: kuukaudessa ei ole näin monta päivää",),
         lang="fi"),
    Case("duplicate keys", "forums", "kahdesti.csv",
         lambda: csv_bytes([FORUM_HEADER, "1.3.2024;hyte;A;", "2024-03-01;hyte;B;", "2.3.2024;hyte;C;"]),
         ("row 3: same key 2024-03-01 as row 2",)),
    Case("the same area written two ways", "agreements", "sama_alue.csv",
         lambda: csv_bytes([AGREEMENT_HEADER, "13;aiesopimus;A;valmistelussa;;",
                            "Pohjois-Savon hyvinvointialue;Aiesopimus;B;valmistelussa;;"]),
         ("row 3: same key 13 | aiesopimus as row 2",)),
    Case("huge and negative numbers", "participation", "luvut.csv",
         lambda: csv_bytes([PARTICIPATION_HEADER, "15.12.2023;kunta;Kuopio;1000000000000000000000000000000",
                            "15.12.2023;kunta;Iisalmi;-3", "15.12.2023;kunta;Varkaus;3,5",
                            "15.12.2023;kunta;Kiuruvesi;100001"]),
         ("row 2, column osallistujia: value '1000000000000000000000000000000' is not valid: expected a value "
          "from 0 to 100000",
          "row 3, column osallistujia: value '-3' is not valid: expected a value from 0 to 100000",
          "row 4, column osallistujia: value '3,5' is not valid: expected a whole number",
          "row 5, column osallistujia: value '100001' is not valid: expected a value from 0 to 100000")),
    Case("percentages and scores out of range", "survey", "prosentit.csv",
         lambda: csv_bytes(["kysely;kierros;väittämä;vastaajaryhmä;taso;osuus %;N",
                            "Kuntapulssi;1/2023;A;Kaikki;koko_maa;100,5;300",
                            "Kuntapulssi;1/2023;B;Kaikki;koko_maa;1e400;300",
                            "Kuntapulssi;1/2023;C;Kaikki;koko_maa;NaN;300",
                            "Kuntapulssi;1/2023;D;Kaikki;koko_maa;45;-1"]),
         ("row 2, column osuus %: value '100,5' is not valid: expected a value from 0 to 100",
          "row 3, column osuus %: value '1e400' is not valid: expected a value from 0 to 100",
          "row 4, column osuus %: value 'NaN' is not valid: expected a number (decimal comma or point)",
          "row 5, column N: value '-1' is not valid: expected a value from 0 to 1000000")),
    Case("maturity levels outside 1–3", "maturity", "tasot.csv",
         lambda: csv_bytes([MATURITY_HEADER, "13;15.12.2023;1;kunta;4;2;3;1;2;3;1;0",
                            "13;15.12.2023;0;kunta;1;2;3;1;2;3;1;2"]),
         ("row 2, column luottamus: value '4' is not valid: expected a value from 1 to 3",
          "row 2, column sitoutuminen: value '0' is not valid: expected a value from 1 to 3",
          "row 3, column vastaajan nro: value '0' is not valid: expected a value from 1 to 100000")),
    Case("a title of 5000 characters", "agreements", "pitka.csv",
         lambda: csv_bytes([AGREEMENT_HEADER, "13;aiesopimus;" + "Sopimus" * 714 + "xx;valmistelussa;;"]),
         ("row 2, column otsikko: value '" + ("Sopimus" * 9)[:60] + "…' is not valid: too long (5000 characters); "
          "at most 200 characters",)),
    Case("formulas in a CSV", "forums", "kaavat.csv",
         lambda: csv_bytes([FORUM_HEADER, '=DATE(2024,1,1);hyte;A;=HYPERLINK("http://evil.invalid")',
                            "1.4.2024;+hyte;@SUM(A1);-1"]),
         ("row 2, column päivämäärä: value '=DATE(2024,1,1)' is not valid: expected a date such as 15.12.2023 or "
          "2023-12-15",
          "row 2, column tallenteen linkki: value '=HYPERLINK(\"http://evil.invalid\")' is not valid: expected a "
          "web address starting with https://",
          "row 3, column teema: value '+hyte' is not valid: expected one of 'johtaminen', 'hyte', 'sivistys_sote', "
          "'tyollisyys', 'maahanmuutto', 'turvallisuus', 'lapset_perheet', 'ikaihmiset', 'paihteet_mielenterveys', "
          "'palveluverkko', 'jarjestot', 'elinvoima', 'yhdenvertaisuus', 'varhaiskasvatus', 'hautaustoimi', "
          "'talous' or 'ruoka_apu'",
          "row 3, column tallenteen linkki: value '-1' is not valid: expected a web address starting with "
          "https://")),
    Case("formulas in a workbook are text, never evaluated", "participation", "kaavat.xlsx", _formula_workbook,
         ("row 2, column osallistujia: value '=SUM(1,2)' is not valid: expected a whole number",
          "row 3, column osallistujia: value '=WEBSERVICE(\"http://example.invalid/\")' is not valid: expected a "
          "whole number")),
    Case("a status outside the lifecycle", "agreements", "tilat.csv",
         lambda: csv_bytes([AGREEMENT_HEADER, "13;aiesopimus;A;hyväksymättä;;", "14;sopimus;B;valmistelussa;;"]),
         ("row 2, column tila: value 'hyväksymättä' is not valid: expected one of 'ei_aloitettu', "
          "'valmistelussa', 'paatoksenteossa', 'hyvaksytty', 'toimeenpanossa' or 'paivitettavana'",
          "row 3, column tyyppi: value 'sopimus' is not valid: expected one of 'yhteistyosopimus', "
          "'yhdyspintasopimus' or 'aiesopimus'")),
    Case("an unknown theme and a bad link", "agreements", "teemat.csv",
         lambda: csv_bytes(["alue;tyyppi;otsikko;tila;teemat;asiakirjan linkki",
                            "13;aiesopimus;A;valmistelussa;hyte;liikunta;www.example.fi"]),
         ("row 2: the row has 7 cells but the header row 6 columns (extra value 'www.example.fi'); is the "
          "separator inside a value, e.g. a decimal comma in a comma-separated file?",)),
    Case("an unknown theme", "agreements", "teema.csv",
         lambda: csv_bytes(["alue;tyyppi;otsikko;tila;teemat;asiakirjan linkki",
                            "13;aiesopimus;A;valmistelussa;hyte, liikunta;www.example.fi"]),
         ("row 2, column teemat: value 'hyte, liikunta' is not valid: unknown theme liikunta; expected theme "
          "codes such as 'johtaminen', 'hyte', 'sivistys_sote', 'tyollisyys', 'maahanmuutto', 'turvallisuus', "
          "'lapset_perheet', 'ikaihmiset', 'paihteet_mielenterveys', 'palveluverkko', 'jarjestot', 'elinvoima', "
          "'yhdenvertaisuus', 'varhaiskasvatus', 'hautaustoimi', 'talous' or 'ruoka_apu'",
          "row 2, column asiakirjan linkki: value 'www.example.fi' is not valid: expected a web address starting "
          "with https://")),
    Case("required values left empty", "agreements", "tyhjat.csv",
         lambda: csv_bytes([AGREEMENT_HEADER, "13;aiesopimus;;valmistelussa;;", ";aiesopimus;B;;;"]),
         ("row 2, column otsikko: a required value is missing",
          "row 3, column alue: a required value is missing",
          "row 3, column tila: a required value is missing")),
    Case("a forum that was never held", "participation", "olematon.csv",
         lambda: csv_bytes([PARTICIPATION_HEADER, "16.12.2023;kunta;Kuopio;3", "15.12.2023;kunta;Kuopio;2",
                            "16.12.2023;alue;Pohjois-Savo;1"]),
         ("row 2, column foorumin päivämäärä: value '2023-12-16': no forum was held on 2023-12-16; add the "
          "forum first (kind forums)",
          "row 4, column foorumin päivämäärä: value '2023-12-16': no forum was held on 2023-12-16; add the "
          "forum first (kind forums)")),
    Case("an approval of an agreement that does not exist", "approvals", "hyvaksynnat.csv",
         lambda: csv_bytes(["alue;sopimuksen tyyppi;kunta;tila", "13;yhteistyosopimus;Kuopio;hyvaksytty",
                            "21;aiesopimus;Rovaniemi;hyvaksytty"]),
         ("row 3, column sopimuksen tyyppi: value 'aiesopimus': area Lapin hyvinvointialue has no agreement of "
          "kind aiesopimus; add the agreement first (kind agreements)",)),
    Case("a council of another area filed under area 13", "approvals", "toinen_alue.csv",
         lambda: csv_bytes(["alue;sopimuksen tyyppi;kunta;tila", "13;yhteistyosopimus;Kuopio;hyvaksytty",
                            "13;yhteistyosopimus;Rovaniemi;hyvaksytty"]),
         ("row 3, column kunta: value 'Rovaniemi' is not valid: invalid value (municipality 698 (Rovaniemi) "
          "belongs to area 21 (Lapin hyvinvointialue), not to area 13 (Pohjois-Savon hyvinvointialue))",)),
    Case("unknown organisation type", "participation", "tyypit.csv",
         lambda: csv_bytes([PARTICIPATION_HEADER, "15.12.2023;yritys;Hyvil Oy;2",
                            "15.12.2023;kunta;Pohjois-Savon hyvinvointialue;2"]),
         ("row 2, column organisaation tyyppi: value 'yritys' is not valid: expected one of 'kunta', 'alue' or "
          "'muu'",
          "row 3, column organisaatio: value 'Pohjois-Savon hyvinvointialue' is not valid: unknown municipality; "
          "expected a municipality code (e.g. 091) or its name in Finnish or Swedish")),
    Case("a workbook whose first sheet is instructions", "forums", "tyokirja.xlsx", _several_sheets,
         ("Required column date is missing from tyokirja.xlsx.",
          "Required column theme is missing from tyokirja.xlsx.",
          "Required column title is missing from tyokirja.xlsx."),
         notes=("The file's columns: Täytä tiedot välilehdelle Foorumit. The import reads the columns: date, "
                "theme, title, recording link.",
                "Sheet Ohjeet was read; the workbook also has: Foorumit, Koodit. Choose the right sheet (on the "
                "command line --sheet NAME).")),
    Case("a sheet name that is not in the workbook", "forums", "tyokirja2.xlsx", _several_sheets,
         ("Workbook tyokirja2.xlsx has no sheet Forums; its sheets: Ohjeet, Foorumit, Koodit.",),
         sheet="Forums"),
    Case("an attendance list without a forum date", "participation", "osallistujat.csv",
         lambda: _attendance(["Nimi;Sähköposti;Organisaatio", "Matti Meikäläinen;matti@example.fi;Keiteleen kunta"]),
         ("Attendance list osallistujat.csv has no date column: give the forum's date (on the command line "
          "--forum-date 15.12.2023).",)),
    Case("an attendance list with a bad date", "participation", "webinaari.csv",
         lambda: _attendance(["Name,Email,Organization,Date", "Anna Virtanen,anna@example.fi,Vanda stad,15.12.2023",
                              "Pekka Puu,pekka@example.fi,Kuntaliitto,12/15/2023"]),
         ("row 3, column Date: value '12/15/2023' is not valid: expected a date such as 15.12.2023 or 2023-12-15",)),
    Case("a bad --forum-date", "participation", "lista.csv",
         lambda: _attendance(["Nimi;Organisaatio", "Matti;Kuopion kaupunki"]),
         ("Option --forum-date: value '32.12.2023' is not valid: day is out of range for month",),
         forum_date="32.12.2023"),
    Case("a shared-strings bomb of 125 KB", "forums", "pommi.xlsx", shared_strings_bomb,
         ("Workbook pommi.xlsx has more than 300 000 different texts (shared strings), which is the limit. "
          "Split the file or save it as CSV.",)),
    Case("a shared-strings bomb (Finnish)", "forums", "pommi_fi.xlsx", shared_strings_bomb,
         ("Työkirjassa pommi_fi.xlsx on yli 300 000 eri tekstiä (jaetut merkkijonot), mikä on enimmäismäärä. "
          "Jaa tiedosto osiin tai tallenna se CSV-muodossa.",), lang="fi"),
    Case("a workbook unpacking to 101 MB", "forums", "iso.xlsx", _unpacks_too_large,
         ("Workbook iso.xlsx unpacks to more than 100 MB, which is the limit. Split the file or save it as CSV.",)),
    Case("a workbook whose zip declares sizes beyond the limit", "forums", "ilmoitettu.xlsx",
         lambda: _declared_sizes(workbook([("forums", [["päivämäärä"], ["2023-12-15"]])]), 20_000),
         ("Workbook ilmoitettu.xlsx unpacks to more than 100 MB, which is the limit. Split the file or save it "
          "as CSV.",)),
    Case("a workbook whose zip understates its sizes", "forums", "vahatty.xlsx",
         lambda: _declared_sizes(_unpacks_too_large(), 0.001),
         ("File vahatty.xlsx cannot be read as an Excel workbook (.xlsx): it is damaged or something else. "
          "Save it again as .xlsx or CSV.",)),
    Case("rows 16 384 cells wide", "forums", "leveys.xlsx", _wide_rows,
         ("File leveys.xlsx has more than 1 500 000 cells, which is the limit (empty cells before a row's last "
          "value and empty rows count too). Split the file or remove the columns it does not need.",)),
    Case("more than 100 000 rows in a workbook", "forums", "rivit.xlsx", _many_rows_workbook,
         ("File rivit.xlsx has more than 100 000 rows, which is the limit. Split the file.",)),
    Case("a million cell formats", "forums", "tyylit.xlsx", _styles_bomb,
         ("Workbook tyylit.xlsx is too complex to read: its part xl/styles.xml has more than 200 000 XML "
          "elements, which is the limit. Save it as CSV, or copy the data into a new workbook.",)),
    Case("a sheet of nine million empty elements (37 KB)", "forums", "elementit.xlsx",
         lambda: raw_workbook(FORUM_ROWS + b"<x/>" * 9_000_000),
         ("Workbook elementit.xlsx is too complex to read: its part xl/worksheets/sheet1.xml has more than "
          "8 000 000 XML elements, which is the limit. Save it as CSV, or copy the data into a new workbook.",)),
    Case("a zip of 10 001 parts", "forums", "osat.xlsx", _too_many_parts,
         ("Workbook osat.xlsx consists of more than 10 000 parts, which is the limit. Save it as CSV, or copy "
          "the data into a new workbook.",)),
    Case("a DTD with an external entity in a sheet", "forums", "ulkoinen.xlsx",
         lambda: raw_workbook(ENTITY_ROWS, sheet_prolog=EXTERNAL_ENTITY),
         dtd_refused("ulkoinen.xlsx", "xl/worksheets/sheet1.xml")),
    Case("a DTD with an internal entity in a sheet", "forums", "sisainen.xlsx",
         lambda: raw_workbook(ENTITY_ROWS, sheet_prolog=INTERNAL_ENTITY),
         dtd_refused("sisainen.xlsx", "xl/worksheets/sheet1.xml")),
    Case("a DTD in the content types", "forums", "tyypit.xlsx", _dtd_in_content_types,
         dtd_refused("tyypit.xlsx", "[Content_Types].xml")),
    Case("a DTD in the shared strings (Finnish)", "forums", "jaetut.xlsx",
         lambda: raw_workbook(b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>', shared_strings=b"",
                              extra_parts={"xl/sharedStrings.xml": XML_HEAD + b"<!DOCTYPE sst>" + (
                                  f'<sst xmlns="{MAIN_NS}"><si><t>x</t></si></sst>').encode()}),
         ("Työkirjan jaetut.xlsx osassa xl/sharedStrings.xml on dokumenttityypin määrittely (DTD). Excel ei "
          "koskaan kirjoita sellaista, ja sen avulla lukija voisi hakea tai laventaa muuta sisältöä, joten "
          "tiedosto hylätään. Tallenna se uudelleen Excelissä .xlsx- tai CSV-muodossa.",), lang="fi"),
    Case("a DTD in a sheet written in UTF-16", "forums", "utf16.xlsx", _dtd_in_utf16_sheet,
         dtd_refused("utf16.xlsx", "xl/worksheets/sheet1.xml")),
    Case("more than 100 000 rows", "forums", "rivit.csv", _too_many_rows,
         ("File rivit.csv has more than 100 000 rows, which is the limit. Split the file.",)),
    Case("over 20 MB", "forums", "iso.csv", _too_large,
         ("File iso.csv is too large (21.0 MB); the limit is 20 MB. Split the file.",)),
)

CASE_IDS = [case.name for case in CASES]
