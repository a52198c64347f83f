"""Files as offices produce them are accepted; attendance lists become counts per organisation
and leave no name or e-mail address anywhere in the store."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import Engine, select

from yhdyspinta import demo
from yhdyspinta.access import PermissionDenied, Principal
from yhdyspinta.cli import EXIT_OK, main
from yhdyspinta.domain import OrgType, Role
from yhdyspinta.io.attendance import OrgMatch, genitives, match_area, match_municipality, match_organisation
from yhdyspinta.io.backup import backup
from yhdyspinta.io.importer import commit_import, prepare_import, preview, summary_lines
from yhdyspinta.store import repository as repo
from yhdyspinta.store import schema

LEAD = Principal("lead@example.fi", Role.PROJECT_LEAD)
KUOPIO_EDITOR = Principal("editor@pshva.fi", Role.AREA_EDITOR, frozenset({13}))
M, A = OrgType.MUNICIPALITY, OrgType.AREA


@pytest.fixture
def demo_store(store: Engine) -> Engine:
    demo.load(store)
    return store


@pytest.mark.parametrize(("name", "expected"), [
    ("Keiteleen kunta", OrgMatch(M, "239")),
    ("Pohjois-Savon hyvinvointialue", OrgMatch(A, "13")),
    ("Vanda stad", OrgMatch(M, "092")),
    ("Helsingin kaupunki", OrgMatch(M, "091")),
    ("Kuopion kaupunki", OrgMatch(M, "297")),
    ("Länsi-Uudenmaan hyvinvointialue", OrgMatch(A, "3")),
    ("Pohjanmaan hyvinvointialue", OrgMatch(A, "17")),
    ("Välfärdsområdet Österbotten", OrgMatch(A, "17")),
    ("Österbottens välfärdsområde", OrgMatch(A, "17")),
    ("  KUOPION   kaupunki ", OrgMatch(M, "297")),
    ("Kuopion kaupunki, sivistyspalvelut", OrgMatch(M, "297")),
    ("Lahden kaupunki", OrgMatch(M, "398")),
    ("Turun kaupunki", OrgMatch(M, "853")),
    ("Seinäjoen kaupunki", OrgMatch(M, "743")),
    ("Kauniaisten kaupunki", OrgMatch(M, "235")),
    ("Uudenkaupungin kaupunki", OrgMatch(M, "895")),
    ("Pihtiputaan kunta", OrgMatch(M, "601")),
    ("Korsholms kommun", OrgMatch(M, "499")),
    ("Esbo stad", OrgMatch(M, "049")),
    ("City of Helsinki", OrgMatch(M, "091")),
    ("Pertunmaan kunta", OrgMatch(M, "588")),  # the importer maps it on, with a warning
    ("Kemijärven kaupunki", OrgMatch(M, "320")),
    ("Kemin kaupunki", OrgMatch(M, "240")),
    ("Pohjois-Savo", OrgMatch(A, "13")),
    ("pohjois savon HVA", OrgMatch(A, "13")),
    ("Kuopio", OrgMatch(M, "297")),
    ("Kuntaliitto", None),
    ("Hyvil Oy", None),
    ("Sosiaali- ja terveysministeriö", None),
    ("Kuopioo kaupunki", OrgMatch(M, "297")),  # a slip of the keyboard, still one municipality
    ("Kuopiolaisten kaupunki", None),
    ("Jokin kaupunki", None),
    ("Oulunkaaren kuntayhtymä", None),
    ("Jokin hyvinvointialue", None),
])
def test_organisation_names_are_matched(name: str, expected: OrgMatch | None) -> None:
    assert match_organisation(name) == expected


@pytest.mark.parametrize(("text", "code"), [
    ("13", 13), ("13.0", 13), ("Pohjois-Savo", 13), ("Pohjois-Savon", 13), ("pohjois–savon hyvinvointialue", 13),
    ("Norra Savolax", 13), ("North Savo", 13), ("Helsinki", 90), ("Lappi", 21), ("Lapin", 21),
    ("Itä-Uusimaa", 1), ("Vantaa ja Kerava", 4), ("91", None), ("Ahvenanmaa", None), ("99", None), ("", None),
])
def test_area_names_codes_short_forms_and_genitives(text: str, code: int | None) -> None:
    assert match_area(text) == code


def test_generated_genitives_never_point_at_two_municipalities() -> None:
    from yhdyspinta import facts
    owners: dict[str, set[str]] = {}
    for m in facts.municipalities():
        for g in genitives(m.name_fi):
            owners.setdefault(g, set()).add(m.code)
    ambiguous = {g for g, codes in owners.items() if len(codes) > 1}
    # Ambiguous genitives are left out of matching rather than guessed.
    for genitive in ambiguous:
        assert match_municipality(genitive + " kunta") is None or genitive in {
            n.casefold() for m in facts.municipalities() for n in (m.name_fi, m.name_sv)}
    assert match_municipality("Kuopio") == "297" and match_municipality("297") == "297"


def _xlsx(rows: list[list[object]], title: str = "Osallistujat") -> bytes:
    book = Workbook()
    ws = book.active
    ws.title = title
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


ATTENDEES = [
    ["Nimi", "Sähköposti", "Organisaatio", "Liittymisaika"],
    ["Matti Meikäläinen", "matti.meikalainen@keitele.fi", "Keiteleen kunta", "15.12.2023 9.58"],
    ["Liisa Laaksonen", "liisa.laaksonen@pshyvinvointialue.fi", "Pohjois-Savon hyvinvointialue", "15.12.2023 9.59"],
    ["Leena Lintu", "leena.lintu@pshyvinvointialue.fi", "Pohjois-Savon hyvinvointialue", "15.12.2023 10.01"],
    ["Anna Andersson", "anna.andersson@vanda.fi", "Vanda stad", "15.12.2023 10.02"],
    ["Anna Andersson", "anna.andersson@vanda.fi", "Vanda stad", "15.12.2023 10.40"],  # joined twice
    ["Pekka Puu", "pekka.puu@kuntaliitto.fi", "Kuntaliitto", "15.12.2023 10.03"],
    ["Paula Pelto", "paula.pelto@kuntaliitto.fi", " kuntaliitto ", "15.12.2023 10.03"],
    ["Tiina Tuntematon", "tiina@example.fi", None, "15.12.2023 10.04"],
    ["Pertti Pertunmaa", "pertti@pertunmaa.fi", "Pertunmaan kunta", "15.12.2023 10.05"],
    ["Oona Osoite", "oona@example.fi", "oona.osoite@example.fi", "15.12.2023 10.06"],  # not an organisation
]


def test_attendance_list_becomes_counts_and_no_person_is_stored(demo_store: Engine) -> None:
    data = _xlsx(ATTENDEES)
    report = prepare_import(demo_store, "participation", data, "Teams-osallistujat.xlsx", forum_date="15.12.2023")
    assert report.problems == []
    assert report.attendance
    counts = {(r["org_type"], r["org_key"]): r["participants"] for r in report.records}
    assert counts == {("kunta", "239"): 1, ("alue", "13"): 2, ("kunta", "092"): 1, ("muu", "Kuntaliitto"): 2,
                      ("kunta", "507"): 1}
    assert [w.message("en") for w in report.warnings] == [
        "row 10: Pertunmaa has merged into Mäntyharju; recorded for it",
        "Organisation 'Kuntaliitto' was not recognised as a municipality or a county (participants: 2); it is "
        "recorded as another organisation.",
        "Rows without an organisation (or with an e-mail address instead) were not counted (2): rows 9, 11.",
    ]
    assert [n.message("en") for n in report.notes] == [
        "Repeated rows of a person already counted (1) were not counted again; each person counts once.",
        "Attendance list: 7 people, 5 organisations (column Organisaatio). Only counts per organisation are "
        "stored; names and e-mail addresses are neither stored nor logged."]
    commit_import(demo_store, report, LEAD)
    stored = backup(demo_store)
    import zipfile
    with zipfile.ZipFile(io.BytesIO(stored)) as archive:
        everything = "".join(archive.read(n).decode("utf-8") for n in archive.namelist())
    for person in ATTENDEES[1:]:
        for value in (person[0], person[1], person[2] if "@" in (person[2] or "") else person[0]):
            assert value not in everything  # not in any table, the change log included
    with demo_store.connect() as conn:
        log = conn.execute(select(schema.change_log).where(schema.change_log.c.note.like("%Teams%"))).mappings().all()
    assert log and all("@" not in (row["after"] or "") for row in log)


def test_attendance_csv_with_a_date_column_in_swedish(demo_store: Engine) -> None:
    content = ("Namn,E-post,Organisation,Datum\n"
               "Anna,anna@vanda.fi,Vanda stad,2023-12-15\n"
               "Bo,bo@korsholm.fi,Korsholms kommun,15.12.2023\n"
               "Cia,cia@ovph.fi,Välfärdsområdet Österbotten,15.12.2023\n").encode("cp1252")
    report = prepare_import(demo_store, "participation", content, "deltagare.csv")
    assert report.ok, [p.message("sv") for p in report.problems]
    assert sorted((r["org_type"], r["org_key"], r["participants"]) for r in report.records) == [
        ("alue", "17", 1), ("kunta", "092", 1), ("kunta", "499", 1)]


def test_participation_without_a_type_column_infers_it(demo_store: Engine) -> None:
    content = "foorumin päivämäärä;organisaatio;osallistujia\n15.12.2023;Keiteleen kunta;4\n15.12.2023;Hyvil Oy;2\n"
    report = prepare_import(demo_store, "participation", content.encode(), "p.csv")
    assert report.ok
    assert [(r["org_type"], r["org_key"]) for r in report.records] == [("kunta", "239"), ("muu", "Hyvil Oy")]
    assert [w.message("fi") for w in report.warnings] == [
        "rivi 3: organisaatiota 'Hyvil Oy' ei tunnistettu kunnaksi eikä hyvinvointialueeksi; se kirjataan "
        "muuksi organisaatioksi"]


def test_what_offices_send_is_accepted(demo_store: Engine) -> None:
    # Swedish headers in odd case and spacing, BOM, semicolons, decimal comma, Finnish dates,
    # names instead of codes, labels instead of codes, a percentage with its sign.
    content = (
        "\ufeff  KYSELY ;Omgång;Påstående;Svarsgrupp;NIVÅ;Område;Andel %;N;publicerad\r\n"
        "Kuntapulssi;1/2023;Samarbetet fungerar;Alla;Område;Norra Savolax;45,5 %;301;5.6.2023\r\n"
    ).encode("utf-8")
    report = prepare_import(demo_store, "survey", content, "enkät.csv")
    assert report.ok, [p.message("sv") for p in report.problems]
    assert report.records == [{"survey": "Kuntapulssi", "wave": "1/2023", "statement": "Samarbetet fungerar",
                               "respondent_group": "Alla", "level": "alue", "value_pct": 45.5, "n": 301,
                               "level_key": "13", "published_on": date(2023, 6, 5)}]
    content = ("Area,Kind,Title,Status,Approved on,Themes\n"
               "pohjois-savo,Letter of intent,Aie,In implementation,2024-01-31,\"HYTE, Työllisyys\"\n").encode()
    report = prepare_import(demo_store, "agreements", content, "agreements.csv")
    assert report.ok, [p.message("en") for p in report.problems]
    record = report.records[0]
    assert (record["area_code"], record["kind"], record["status"], record["themes"]) == (
        13, "aiesopimus", "toimeenpanossa", "hyte;tyollisyys")
    assert preview(report, "en").changed  # the demo letter of intent changes status


def test_a_named_sheet_and_formulas_kept_as_text(demo_store: Engine) -> None:
    book = Workbook()
    book.active.title = "Ohjeet"
    ws = book.create_sheet("Foorumit")
    ws.append(["Päivämäärä", "Teema", "Otsikko"])
    ws.append([date(2024, 2, 2), "hyte", "=HYPERLINK(\"http://x.invalid\")"])
    out = io.BytesIO()
    book.save(out)
    report = prepare_import(demo_store, "forums", out.getvalue(), "f.xlsx", sheet="Foorumit")
    assert report.ok, [p.message("en") for p in report.problems]
    assert report.records[0]["title"] == "=HYPERLINK(\"http://x.invalid\")"
    assert report.records[0]["held_on"] == date(2024, 2, 2)


def test_an_area_editor_may_import_only_their_own_area(demo_store: Engine) -> None:
    own = prepare_import(demo_store, "structures", "alue;tyyppi;nimi\n13;muu;Uusi ryhmä\n".encode(), "s.csv")
    commit_import(demo_store, own, KUOPIO_EDITOR)
    other = prepare_import(demo_store, "structures", "alue;tyyppi;nimi\n21;muu;Lapin ryhmä\n".encode(), "s.csv")
    before = repo.read_kind(demo_store, "structures")
    with pytest.raises(PermissionDenied):
        commit_import(demo_store, other, KUOPIO_EDITOR)
    assert repo.read_kind(demo_store, "structures").equals(before)


def test_dry_run_prints_what_would_change(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == EXIT_OK
    path = tmp_path / "osallistujat.csv"
    path.write_text("Nimi;Sähköposti;Organisaatio\nMatti;matti@keitele.fi;Keiteleen kunta\n"
                    "Liisa;liisa@ps.fi;Pohjois-Savon hyvinvointialue\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["--lang", "en", "import", "participation", str(path), "--forum-date", "2023-12-15",
                 "--dry-run"]) == EXIT_OK
    out, err = capsys.readouterr()
    assert out.splitlines()[0].startswith("participation: ")
    assert any(line.startswith("  ~ 2023-12-15 | North Savo wellbeing services county: participants: ")
               or line == "  + 2023-12-15 | North Savo wellbeing services county" for line in out.splitlines())
    assert out.splitlines()[-1] == "Dry run (--dry-run): nothing was written."
    assert "matti" not in out + err and "Liisa" not in out + err
    assert main(["import", "participation", str(path), "--forum-date", "15.12.2023"]) == EXIT_OK
    assert "Tallennettu yhtenä tapahtumana" in capsys.readouterr().out


def test_summary_lines_list_changes_old_to_new(demo_store: Engine) -> None:
    report = prepare_import(demo_store, "forums", "päivämäärä;teema;otsikko\n15.12.2023;johtaminen;Uusi nimi\n"
                            .encode(), "f.csv")
    lines = summary_lines(report, "en")
    assert lines == ["forums: 0 added, 1 changed, 0 unchanged",
                     "  ~ 2023-12-15: title: Strateginen yhteistyö ja johtaminen → Uusi nimi"]
