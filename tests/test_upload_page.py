"""The upload page (AppTest through the entry file): check a file, see the preview, write only on
confirmation and only with a writer's role."""

from __future__ import annotations

import io
import tomllib
import zipfile
from datetime import date

import pytest
from openpyxl import Workbook
from streamlit.testing.v1 import AppTest

from tests.apptest import open_app
from tests.conftest import REPO_DIR
from yhdyspinta.access import ANONYMOUS, Principal
from yhdyspinta.domain import Role
from yhdyspinta.i18n import column_label, t
from yhdyspinta.io import importer, limits, tables
from yhdyspinta.io.backup import backup
from yhdyspinta.io.importer import commit_import, fingerprint, prepare_import
from yhdyspinta.kinds import get_kind
from yhdyspinta.store import repository as repo
from yhdyspinta.store.engine import open_store
from yhdyspinta.ui import plain
from yhdyspinta.ui.views import upload

pytestmark = pytest.mark.usefixtures("fresh_caches")

LEAD = Principal("lead@example.fi", Role.PROJECT_LEAD)
LAPLAND_EDITOR = Principal("editor@lapha.fi", Role.AREA_EDITOR, frozenset({21}))
FORUMS_CSV = ("päivämäärä;teema;otsikko\n"
              "15.12.2023;johtaminen;Strateginen yhteistyö – uusi otsikko\n"
              "2.2.2024;hyte;Hyvinvointialueiden HYTE-foorumi\n").encode()



def as_principal(monkeypatch: pytest.MonkeyPatch, principal: Principal) -> None:
    monkeypatch.setattr("yhdyspinta.ui.auth.current_principal", lambda: principal)


def render(query: dict[str, str] | None = None) -> AppTest:
    return open_app("upload.py", query)


def upload_file(at: AppTest, name: str, content: bytes, kind: str = "forums") -> AppTest:
    if at.selectbox(key="upload.kind").value != kind:
        at.selectbox(key="upload.kind").select(kind).run()
    at.file_uploader(key="upload.file").set_value((name, content, "text/csv")).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_project_lead_previews_and_confirms(monkeypatch: pytest.MonkeyPatch) -> None:
    as_principal(monkeypatch, LEAD)
    at = render()
    assert [x.value for x in at.title] == [t("nav.upload", "fi")]
    assert not any(t("upload.sign_in_needed", "fi") in i.value for i in at.info)
    engine = open_store()
    before = backup(engine)
    upload_file(at, "foorumit.csv", FORUMS_CSV)
    assert metrics(at) == {t("upload.added", "fi"): "1", t("upload.changed", "fi"): "1",
                           t("upload.unchanged", "fi"): "0"}
    added, changed = (d.value for d in at.dataframe[-2:])
    assert list(added["otsikko"]) == ["Hyvinvointialueiden HYTE-foorumi"]
    assert changed.to_dict("records") == [{
        "tietue": "2023-12-15", "sarake": "otsikko", "vanha arvo": "Strateginen yhteistyö ja johtaminen",
        "uusi arvo": "Strateginen yhteistyö – uusi otsikko"}]
    assert backup(engine) == before  # the preview wrote nothing
    at.button(key="upload.confirm").click().run()
    assert not at.exception
    assert any("Tallennettu: 1 uusi, 1 muuttunut" in s.value for s in at.success)
    forums = repo.read_kind(engine, "forums").set_index("held_on")["title"]
    assert forums[date(2024, 2, 2)] == "Hyvinvointialueiden HYTE-foorumi"
    assert forums[date(2023, 12, 15)] == "Strateginen yhteistyö – uusi otsikko"
    log = repo.read_kind(engine, "changelog")
    batch = log[log["note"] == "import foorumit.csv"]
    assert set(batch["actor"]) == {LEAD.subject} and len(batch) == 2 and batch["batch_id"].nunique() == 1
    # The page now shows the file as already stored.
    assert metrics(at)[t("upload.unchanged", "fi")] == "2"
    assert any(t("upload.nothing_to_do", "fi") in i.value for i in at.info)
    assert "upload.confirm" not in [b.key for b in at.button]


def _spy_on_reading(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every attempt to read an uploaded file, whatever the page calls."""
    calls: list[str] = []
    real_prepare, real_read = importer.prepare_import, tables.read_table

    def prepare(*args: object, **kwargs: object) -> importer.ImportReport:
        calls.append("prepare_import")
        return real_prepare(*args, **kwargs)  # type: ignore[arg-type]

    def read(*args: object, **kwargs: object) -> tables.RawTable:
        calls.append("read_table")
        return real_read(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(importer, "prepare_import", prepare)
    monkeypatch.setattr(tables, "read_table", read)
    return calls


def test_anonymous_is_refused_before_the_file_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    as_principal(monkeypatch, ANONYMOUS)
    at = render({"kieli": "en"})
    assert t("upload.sign_in_needed", "en") in [i.value for i in at.info]  # the refusal, in their language
    assert not at.file_uploader  # nothing to upload a file with
    engine = open_store()
    before = backup(engine)
    # A file picked while the session still had a writer's role goes with the uploader.
    as_principal(monkeypatch, LEAD)
    at.run()
    at.file_uploader(key="upload.file").set_value(("osallistujat.xlsx", _workbook(), "application/zip")).run()
    assert at.selectbox(key="upload.sheet").options == ["Ohjeet", "Data"]  # the lead's file was read
    as_principal(monkeypatch, ANONYMOUS)
    calls = _spy_on_reading(monkeypatch)
    at.selectbox(key="upload.kind").select("participation").run()
    assert not at.exception, [e.value for e in at.exception]
    assert t("upload.sign_in_needed", "en") in [i.value for i in at.info]
    assert calls == []  # the file was not read again for the new kind
    assert not at.file_uploader and "upload.sheet" not in [s.key for s in at.selectbox]
    assert not at.metric and not at.error and "upload.confirm" not in [b.key for b in at.button]
    assert backup(engine) == before
    # Even past the page, the write path refuses and logs the refusal, writing no data.
    monkeypatch.undo()
    forums = repo.read_kind(engine, "forums")
    report = prepare_import(engine, "forums", FORUMS_CSV, "forums.csv")
    request = upload.UploadRequest("forums", "id", "forums.csv", None, None, repo.data_version(engine))
    outcome, reason = upload.confirm(request, FORUMS_CSV, fingerprint(report), ANONYMOUS, "sv")
    assert (outcome, reason) == ("denied", "som läsare kan du inte spara uppgifter")
    assert repo.read_kind(engine, "forums").equals(forums)
    log = repo.read_kind(engine, "changelog")
    assert list(log.iloc[-1:][["actor", "action"]].itertuples(index=False, name=None)) == [("anonymous", "denied")]


def test_an_area_editor_is_refused_national_kinds_before_the_file_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    as_principal(monkeypatch, LAPLAND_EDITOR)
    at = render({"kieli": "sv"})
    upload_file(at, "pilotit.csv", b"alue\nLappi\n", kind="pilots")
    assert at.metric  # their own area's kind is read and previewed
    calls = _spy_on_reading(monkeypatch)
    at.selectbox(key="upload.kind").select("forums").run()
    refusal = t("upload.refused", "sv", reason="nationella uppgifter sparas endast av projektledare")
    assert refusal in [i.value for i in at.info]
    assert not at.file_uploader
    assert calls == [] and not at.metric and not at.error


def test_another_areas_editor_sees_the_refusal(monkeypatch: pytest.MonkeyPatch) -> None:
    as_principal(monkeypatch, LAPLAND_EDITOR)
    at = render()
    content = "alue;tyyppi;nimi\nPohjois-Savo;muu;Uusi työryhmä\n".encode()
    upload_file(at, "rakenteet.csv", content, kind="structures")
    reason = "Pohjois-Savon hyvinvointialue ei kuulu alueisiin, joiden tietoja voit muokata"
    errors = [e.value for e in at.error]
    assert plain.text("upload.not_allowed", "fi", reason=reason) in errors, errors
    assert at.button(key="upload.confirm").disabled


def test_problems_are_listed_in_a_table_and_nothing_is_written(monkeypatch: pytest.MonkeyPatch) -> None:
    as_principal(monkeypatch, LEAD)
    at = render({"kieli": "sv"})
    engine = open_store()
    before = backup(engine)
    bad = "päivämäärä;teema;otsikko\n31.2.2024;hyte;A\n1.3.2024;tuntematon;B\n".encode()
    upload_file(at, "fel.csv", bad)
    assert at.error[0].value == t("upload.problems", "sv", n=2)
    problems = at.dataframe[-1].value
    assert list(problems.columns) == ["rad", "kolumn", "värde", "meddelande"]
    assert problems.iloc[0].to_dict() == {
        "rad": "2", "kolumn": "päivämäärä", "värde": "31.2.2024",
        "meddelande": "rad 2, kolumn päivämäärä: värdet '31.2.2024' duger inte: månaden har inte så många dagar"}
    assert "upload.confirm" not in [b.key for b in at.button]  # no confirm for a file with problems
    assert backup(engine) == before


def _workbook() -> bytes:
    book = Workbook()
    book.active.title = "Ohjeet"
    book.active.append(["Täytä välilehti Data"])
    ws = book.create_sheet("Data")
    ws.append(["Nimi", "Sähköposti", "Organisaatio"])
    ws.append(["Matti Meikäläinen", "matti@example.fi", "Keiteleen kunta"])
    ws.append(["Anna Andersson", "anna@example.fi", "Vanda stad"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_attendance_workbook_with_sheet_and_forum_date(monkeypatch: pytest.MonkeyPatch) -> None:
    as_principal(monkeypatch, LEAD)
    at = render({"kieli": "en"})
    at.selectbox(key="upload.kind").select("participation").run()
    at.file_uploader(key="upload.file").set_value(("osallistujat.xlsx", _workbook(), "application/zip")).run()
    assert at.selectbox(key="upload.sheet").options == ["Ohjeet", "Data"]
    assert at.error  # the instructions sheet has no organisation column
    at.selectbox(key="upload.sheet").select("Data").run()
    assert at.error[0].value == t("upload.problems", "en", n=1)
    assert list(at.dataframe[-1].value["message"]) == [
        "Attendance list osallistujat.xlsx has no date column: give the forum's date (on the command line "
        "--forum-date 15.12.2023)."]
    at.date_input(key="upload.forum_date").set_value(date(2023, 12, 15)).run()
    assert not at.error
    assert any("Attendance list: 2 people, 2 organisations" in i.value for i in at.info)
    at.button(key="upload.confirm").click().run()
    assert at.success
    engine = open_store()
    rows = repo.read_kind(engine, "participation")
    day = rows[rows["forum_date"] == date(2023, 12, 15)].set_index(["org_type", "org_key"])["participants"]
    assert day[("kunta", "239")] == 1 and day[("kunta", "092")] == 1
    everything = backup(engine)
    assert b"Meik" not in everything and b"matti@example.fi" not in everything


def test_template_download_and_columns_for_each_kind() -> None:
    at = render()
    for kind in upload.PAGE_KINDS:
        at.selectbox(key="upload.kind").select(kind).run()
        assert not at.exception
        assert at.download_button(key="upload.template").label == t("upload.template", "fi")
        columns = at.dataframe[0].value
        assert list(columns["sarake"]) == [column_label(f, "fi") for f in get_kind(kind).fields]


def test_a_preview_gone_stale_is_not_written() -> None:
    engine = upload.data.engine()
    report = prepare_import(engine, "forums", FORUMS_CSV, "forums.csv")
    previewed = fingerprint(report)
    # Someone else changes the same forum between the preview and the confirmation.
    other = prepare_import(engine, "forums", "päivämäärä;teema;otsikko\n15.12.2023;johtaminen;Toinen\n".encode(),
                           "other.csv")
    commit_import(engine, other, LEAD)
    forums = repo.read_kind(engine, "forums")
    request = upload.UploadRequest("forums", "id", "forums.csv", None, None, repo.data_version(engine))
    outcome, fresh = upload.confirm(request, FORUMS_CSV, previewed, LEAD, "fi")
    assert outcome == "stale" and fresh.plan.summary() == {"added": 1, "changed": 1, "unchanged": 0}
    assert repo.read_kind(engine, "forums").equals(forums)


def test_streamlit_refuses_uploads_over_our_own_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    config = tomllib.loads((REPO_DIR / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == limits.MAX_FILE_MB  # Streamlit counts MB of 1024 * 1024 bytes
    assert limits.MAX_FILE_BYTES == limits.MAX_FILE_MB * 1024 * 1024
    as_principal(monkeypatch, LEAD)
    uploader = render({"kieli": "en"}).file_uploader(key="upload.file")
    assert uploader.label == "File (.xlsx or .csv, at most 20 MB)"
    assert uploader.proto.max_upload_size_mb == limits.MAX_FILE_MB


def test_a_workbook_is_opened_once_for_its_sheets_and_its_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    as_principal(monkeypatch, LEAD)
    at = render({"kieli": "en"})
    at.selectbox(key="upload.kind").select("participation").run()
    opened: list[str] = []
    real_init = zipfile.ZipFile.__init__

    def init(self: zipfile.ZipFile, file: object, mode: str = "r", *args: object, **kwargs: object) -> None:
        if mode == "r":
            opened.append(mode)
        real_init(self, file, mode, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile.ZipFile, "__init__", init)
    at.file_uploader(key="upload.file").set_value(("osallistujat.xlsx", _workbook(), "application/zip")).run()
    assert at.selectbox(key="upload.sheet").options == ["Ohjeet", "Data"]
    assert len(opened) == 1  # the sheet names and the first sheet's rows from one reading
    at.run()
    assert len(opened) == 1  # a rerun reads nothing
    at.selectbox(key="upload.sheet").select("Data").run()
    assert at.selectbox(key="upload.sheet").value == "Data"
    assert len(opened) == 2  # the other sheet: one more reading
    assert list(at.dataframe[-1].value["message"]) == [
        "Attendance list osallistujat.xlsx has no date column: give the forum's date (on the command line "
        "--forum-date 15.12.2023)."]


@pytest.mark.parametrize("uploaded", [False, True])
def test_switching_the_language_on_the_upload_page_keeps_the_kind(monkeypatch: pytest.MonkeyPatch,
                                                                    uploaded: bool) -> None:
    """The language switch sets the page's choices again (widgets._keep_choices); an upload's
    state is one Streamlit refuses to have set, with or without a file in it."""
    as_principal(monkeypatch, LEAD)
    at = render()
    at.selectbox(key="upload.kind").select("participation").run()
    if uploaded:
        upload_file(at, "forums.csv", FORUMS_CSV, kind="participation")
    at.sidebar.selectbox[0].set_value("sv").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="upload.kind").value == "participation"
    assert at.selectbox(key="upload.kind").label == t("upload.kind", "sv")
