"""Exports, imports, templates and backups on both backends."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine

from yhdyspinta import demo
from yhdyspinta.access import Principal
from yhdyspinta.domain import Role
from yhdyspinta.io import tables
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
    [("utf-8", ";"), ("utf-8-sig", ","), ("cp1252", ";"), ("utf-8", "\t")],
)
def test_csv_encodings_and_separators(encoding: str, separator: str) -> None:
    text = separator.join(["alue", "nimi"]) + "\n" + separator.join(["13", "Kuntafoorumi Pohjois-Savo ÄÖ"]) + "\n"
    table = tables.read_table(text.encode(encoding), "x.csv")
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
