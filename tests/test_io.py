"""Exports, imports, templates and backups on both backends."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import Engine

from tests.corpus import inline_row, raw_workbook
from yhdyspinta import demo
from yhdyspinta.access import Principal
from yhdyspinta.domain import Role
from yhdyspinta.i18n import column_label
from yhdyspinta.io import limits, tables
from yhdyspinta.io.backup import BackupError, backup, restore
from yhdyspinta.io.export import export_kind, template
from yhdyspinta.io.importer import commit_import, prepare_import
from yhdyspinta.kinds import KINDS, WRITABLE_KINDS
from yhdyspinta.store import repository as repo

DATA_KINDS = [k for k in KINDS if k != "changelog"]
LEAD = Principal("lead@example.fi", Role.PROJECT_LEAD)


@pytest.fixture
def demo_store(store: Engine) -> Engine:
    demo.load(store)
    return store


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_every_export_reimports_unchanged(demo_store: Engine, fmt: str) -> None:
    for kind in WRITABLE_KINDS:
        data = export_kind(demo_store, kind, fmt)
        report = prepare_import(demo_store, kind, data, f"{kind}.{fmt}")
        assert report.problems == [], (kind, [p.message("en") for p in report.problems[:3]])
        assert report.plan is not None
        assert report.plan.summary() == {"added": 0, "changed": 0, "unchanged": len(repo.read_kind(demo_store, kind))}


def test_import_into_an_empty_store_recreates_the_data(demo_store: Engine, second_store: Engine) -> None:
    for kind in ("forums", "agreements", "participation", "approvals", "structures", "survey", "maturity", "pilots"):
        report = prepare_import(second_store, kind, export_kind(demo_store, kind, "csv"), f"{kind}.csv")
        assert report.ok, (kind, [p.message("en") for p in report.problems[:3]])
        commit_import(second_store, report, LEAD)
    for kind in WRITABLE_KINDS:
        assert export_kind(second_store, kind, "csv") == export_kind(demo_store, kind, "csv"), kind


def test_backup_restore_round_trip_is_byte_for_byte(demo_store: Engine, second_store: Engine) -> None:
    first = backup(demo_store)
    assert backup(demo_store) == first  # deterministic
    restore(second_store, first)
    for kind in DATA_KINDS:
        for fmt in ("csv", "xlsx"):
            assert export_kind(second_store, kind, fmt) == export_kind(demo_store, kind, fmt), (kind, fmt)
    original_log = repo.read_kind(demo_store, "changelog")
    restored_log = repo.read_kind(second_store, "changelog")
    assert restored_log.iloc[: len(original_log)].equals(original_log)
    assert restored_log.iloc[-1]["action"] == "restore"
    # New writes after a restore get fresh ids (PostgreSQL sequences were moved on).
    record = KINDS["pilots"].validate({"area_code": 1})
    repo.apply_changes(second_store, "pilots", [repo.Change(repo.Action.INSERT, (1,), None, record)], actor="t")


def test_restore_refuses_a_store_with_data_and_garbage(demo_store: Engine, second_store: Engine) -> None:
    data = backup(second_store)
    with pytest.raises(BackupError, match="already holds"):
        restore(demo_store, data)
    with pytest.raises(BackupError, match="not a Yhdyspinta backup"):
        restore(second_store, b"not a zip")
    assert repo.count_user_rows(second_store) == 0


def test_formulas_are_neutralised_in_exports_and_come_back_as_text(store: Engine) -> None:
    titles = ["=HYPERLINK(\"http://x\")", "+1+2", "-3", "@SUM(A1)", "'quoted"]
    for area, title in zip((1, 2, 3, 4, 5), titles, strict=True):
        record = KINDS["agreements"].validate({"area_code": area, "kind": "aiesopimus", "title": title,
                                               "status": "valmistelussa"})
        repo.apply_changes(store, "agreements", [repo.Change(repo.Action.INSERT, (area, "aiesopimus"), None, record)],
                           actor="t")
    csv_rows = list(csv.reader(io.StringIO(export_kind(store, "agreements", "csv").decode("utf-8-sig")),
                               delimiter=";"))
    assert sorted(row[3] for row in csv_rows[1:]) == sorted("'" + title for title in titles)
    book = load_workbook(io.BytesIO(export_kind(store, "agreements", "xlsx")))
    cells = [c for row in book.active.iter_rows(min_row=2) for c in row if c.value in titles]
    assert len(cells) == len(titles)
    assert all(c.data_type == "s" for c in cells)
    for fmt in ("csv", "xlsx"):
        report = prepare_import(store, "agreements", export_kind(store, "agreements", fmt), f"a.{fmt}")
        assert report.plan is not None and report.plan.summary()["unchanged"] == len(titles)


# Look-alikes a spreadsheet folds to a formula prefix (NFKC), and invisible characters it may skip first.
DISGUISED_FORMULAS = ["\uff1d1+1", "\ufe661+1", "\uff0bcmd", "\uff0d2+3", "\uff20SUM(A1)", "\u200b=1+1",
                      "\u200c=1", "\u200d+1", "\ufeff=HYPERLINK(\"http://x\")", "\u2060@x", "\u200b\u2060\uff1d1",
                      " =1+1", "\u00a0-1", "\u200b'quoted"]


@pytest.mark.parametrize("value", DISGUISED_FORMULAS)
def test_look_alike_and_hidden_formula_prefixes_are_neutralised(value: str) -> None:
    assert tables.neutralise(value) == "'" + value
    assert tables.unneutralise(tables.neutralise(value)) == value


@given(st.text(max_size=12) | st.sampled_from(DISGUISED_FORMULAS))
def test_unneutralise_undoes_neutralise(value: str) -> None:
    assert tables.unneutralise(tables.neutralise(value)) == value
    assert tables.unneutralise(tables.neutralise("'" + value)) == "'" + value


def test_disguised_formulas_are_neutralised_in_csv_exports_and_come_back_unchanged(store: Engine) -> None:
    titles = [title for title in DISGUISED_FORMULAS if title == title.strip()]  # stored titles are stripped
    for area, title in enumerate(titles, start=1):
        record = KINDS["agreements"].validate({"area_code": area, "kind": "aiesopimus", "title": title,
                                               "status": "valmistelussa"})
        repo.apply_changes(store, "agreements", [repo.Change(repo.Action.INSERT, (area, "aiesopimus"), None, record)],
                           actor="t")
    exported = export_kind(store, "agreements", "csv")
    csv_rows = list(csv.reader(io.StringIO(exported.decode("utf-8-sig")), delimiter=";"))
    title_column = csv_rows[0].index(column_label("title", "fi"))
    assert sorted(row[title_column] for row in csv_rows[1:]) == sorted("'" + title for title in titles)
    report = prepare_import(store, "agreements", exported, "a.csv")
    assert report.plan is not None and report.plan.summary()["unchanged"] == len(titles)


def test_template_has_data_instructions_and_codes_sheets() -> None:
    for kind in WRITABLE_KINDS:
        book = load_workbook(io.BytesIO(template(kind)))
        assert book.sheetnames == [kind, "Ohjeet", "Koodit"]
        headers = [c.value for c in book[kind][1]]
        assert headers == [r[0].value for r in book["Ohjeet"].iter_rows(min_row=2, max_row=len(headers) + 1)]
    with pytest.raises(ValueError, match="cannot be imported"):
        template("changelog")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02garbage", "unreadable"),
        (b"PK\x03\x04not really a workbook", "unreadable"),
    ],
)
def test_unreadable_files_are_named(content: bytes, expected: str) -> None:
    with pytest.raises(tables.TableReadError) as info:
        tables.read_table(content, "x.csv")
    assert info.value.code == expected


@pytest.mark.parametrize(
    ("encoding", "separator"),
    [("utf-8", ";"), ("utf-8-sig", ","), ("cp1252", ";"), ("utf-8", "\t"), ("utf-16", ";"), ("utf-32", ";"),
     ("utf-32-be-bom", ",")],
)
def test_csv_encodings_and_separators(encoding: str, separator: str) -> None:
    text = separator.join(["alue", "nimi"]) + "\n" + separator.join(["13", "Kuntafoorumi Pohjois-Savo ÄÖ"]) + "\n"
    # Python's "utf-32" writes a little-endian byte-order mark; the big-endian one is written by hand.
    data = b"\x00\x00\xfe\xff" + text.encode("utf-32-be") if encoding == "utf-32-be-bom" else text.encode(encoding)
    table = tables.read_table(data, "x.csv")
    assert table.headers == ["alue", "nimi"]
    assert table.rows == [(2, ["13", "Kuntafoorumi Pohjois-Savo ÄÖ"])]


def test_invalid_rows_are_all_reported_and_nothing_is_written(demo_store: Engine) -> None:
    before = backup(demo_store)
    content = (
        "alue;tyyppi;otsikko;tila;hyväksytty pvm\n"
        "Pohjois-Savon hyvinvointialue;aiesopimus;Uusi;hyvaksytty;15.12.2023\n"
        "99;aiesopimus;X;hyvaksytty;\n"
        "13;aiesopimus;X;huono;31.2.2024\n"
        "Pohjois-Savon hyvinvointialue;aiesopimus;Kaksoiskappale;hyvaksytty;\n"
    ).encode()
    report = prepare_import(demo_store, "agreements", content, "sopimukset.csv")
    messages = [p.message("en") for p in report.problems]
    assert messages == [
        "row 3, column alue: value '99' is not valid: unknown area code 99; expected 1–21 or 90",
        "row 4, column tila: value 'huono' is not valid: expected one of 'ei_aloitettu', 'valmistelussa', "
        "'paatoksenteossa', 'hyvaksytty', 'toimeenpanossa' or 'paivitettavana'",
        "row 4, column hyväksytty pvm: value '31.2.2024' is not valid: day is out of range for month",
        "row 5: same key 13 | aiesopimus as row 2",
    ]
    assert not report.ok
    with pytest.raises(ValueError):
        commit_import(demo_store, report, LEAD)
    assert backup(demo_store) == before


def test_missing_required_columns_and_unknown_columns(store: Engine) -> None:
    report = prepare_import(store, "forums", "päivämäärä;otsikko;huomio\n2024-01-01;X;y\n".encode(), "f.csv")
    assert [p.message("fi") for p in report.problems] == ["Pakollinen sarake teema puuttuu tiedostosta f.csv."]
    assert [w.message("en") for w in report.warnings] == ["Unknown column huomio was ignored."]


def test_names_in_finnish_and_swedish_and_merged_municipalities(demo_store: Engine) -> None:
    content = (
        "foorumin päivämäärä;organisaation tyyppi;organisaatio;osallistujia\n"
        "15.12.2023;kunta;Vanda;3\n"
        "15.12.2023;kunta;Pertunmaa;2\n"
        "15.12.2023;alue;Pohjois-Savon hyvinvointialue;4\n"
        "15.12.2023;muu;Kuntaliitto;5\n"
    ).encode("cp1252")
    report = prepare_import(demo_store, "participation", content, "osallistujat.csv")
    assert report.ok, [p.message("en") for p in report.problems]
    keys = [(r["org_type"], r["org_key"]) for r in report.records]
    assert keys == [("kunta", "092"), ("kunta", "507"), ("alue", "13"), ("muu", "Kuntaliitto")]
    assert [w.message("en") for w in report.warnings] == [
        "row 3: Pertunmaa has merged into Mäntyharju; recorded for it"]


def test_import_refuses_read_only_kinds(store: Engine) -> None:
    report = prepare_import(store, "areas", b"koodi\n1\n", "a.csv")
    assert [p.code for p in report.problems] == ["not_writable"]


def test_elements_of_a_sheet_count_whatever_they_are(monkeypatch: pytest.MonkeyPatch, store: Engine) -> None:
    """Unknown or empty elements cost parsing time too: a sheet of them crosses the element limit
    (lowered here; the real one would take seconds to reach)."""
    monkeypatch.setattr(limits, "MAX_XML_ELEMENTS", 5_000)
    rows = inline_row(1, [("A", "päivämäärä"), ("B", "teema"), ("C", "otsikko")])
    report = prepare_import(store, "forums", raw_workbook(rows + b"<x/>" * 5_000), "tyhjat.xlsx")
    assert [p.message("en") for p in report.problems] == [
        "Workbook tyhjat.xlsx is too complex to read: its part xl/worksheets/sheet1.xml has more than 5 000 XML "
        "elements, which is the limit. Save it as CSV, or copy the data into a new workbook."]


def test_empty_rows_count_as_cells(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_CELLS", 1_000)
    rows = inline_row(1, [("A", "päivämäärä")]) + b'<row r="5" ht="30" customHeight="1"/>' * 1_000
    with pytest.raises(tables.TableReadError) as info:
        tables.read_table(raw_workbook(rows), "x.xlsx")
    assert (info.value.code, info.value.params) == ("too_many_cells", {"limit": "1 000"})
    with pytest.raises(tables.TableReadError) as info:
        tables.read_table(b"paivamaara\n" + b"\n" * 1_000, "x.csv")
    assert (info.value.code, info.value.params) == ("too_many_cells", {"limit": "1 000"})


def test_a_workbook_within_the_limits_reads_as_before() -> None:
    """Shared strings (rich text runs joined, phonetic runs left out), numbers, percentages, dates
    and formulas come out as the text they did through openpyxl's own reader."""
    strings = (b"<si><t>p\xc3\xa4iv\xc3\xa4m\xc3\xa4\xc3\xa4r\xc3\xa4</t></si><si><t>osuus %</t></si>"
               b"<si><r><t>Hyvin</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">vointi </t></r>"
               b"<rPh sb=\"0\" eb=\"1\"><t>x</t></rPh></si>")
    styles = (b'<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>'
              b'<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>'
              b'<xf numFmtId="164" applyNumberFormat="1"/></cellXfs>')
    rows = (b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
            b'<c r="C1" t="inlineStr"><is><t>otsikko</t></is></c></row>'
            b'<row r="3"><c r="A3" s="1"><v>45275</v></c><c r="B3" s="2"><v>0.455</v></c>'
            b'<c r="C3" t="s"><v>2</v></c><c r="E3"><f>SUM(1,2)</f><v>3</v></c></row>')
    table = tables.read_table(raw_workbook(rows, shared_strings=strings, styles=styles), "x.xlsx")
    assert table.headers == ["päivämäärä", "osuus %", "otsikko"]
    assert table.rows == [(3, ["2023-12-15", "45.5", "Hyvinvointi", None, "=SUM(1,2)"])]
    assert (table.sheet, table.sheets) == ("forums", ("forums",))
