"""Every table goes through `yhdyspinta.ui.tables.dataframe`, which shows a missing value as an
empty cell instead of Streamlit's "None"."""

from __future__ import annotations

import ast
import json
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from tests.apptest import open_app
from yhdyspinta.i18n import column_label, t
from yhdyspinta.ui import tables

PACKAGE = Path(__file__).resolve().parents[1] / "yhdyspinta"
HELPER = PACKAGE / "ui" / "tables.py"

pytestmark = pytest.mark.usefixtures("fresh_caches")


def dataframe_calls(source: str) -> list[int]:
    """Lines that draw Streamlit's table without our helper: any `<something>.dataframe(...)` but
    `tables.dataframe(...)` (`st.dataframe`, `st.sidebar.dataframe`, a column's), and a
    `dataframe` imported from streamlit."""
    tree = ast.parse(source)
    imported = any(isinstance(node, ast.ImportFrom) and (node.module or "").startswith("streamlit")
                   and any(alias.name == "dataframe" for alias in node.names) for node in ast.walk(tree))

    def bypasses(func: ast.expr) -> bool:
        if isinstance(func, ast.Attribute):
            ours = isinstance(func.value, ast.Name) and func.value.id == "tables"
            return func.attr == "dataframe" and not ours
        return isinstance(func, ast.Name) and func.id == "dataframe" and imported

    return sorted(node.lineno for node in ast.walk(tree) if isinstance(node, ast.Call) and bypasses(node.func))


@pytest.mark.parametrize(("source", "lines"), [
    ("import streamlit as st\nst.dataframe(frame)\n", [2]),
    ("x = 1\nst.dataframe(\n    frame, hide_index=True)\n", [2]),
    ("st.sidebar.dataframe(frame)\nleft, right = st.columns(2)\nleft.dataframe(frame)\n", [1, 3]),
    ("from streamlit import dataframe\ndataframe(frame)\n", [2]),
    ("tables.dataframe(frame)\n", []),
    ("def dataframe(x): ...\ndataframe(frame)\n", []),
    ("st.data_editor(frame)\nst.table(frame)\n", []),
])
def test_the_guard_finds_direct_calls(source: str, lines: list[int]) -> None:
    assert dataframe_calls(source) == lines


def test_no_table_bypasses_the_helper() -> None:
    found = {str(path.relative_to(PACKAGE)): calls for path in sorted(PACKAGE.rglob("*.py"))
             if path != HELPER and (calls := dataframe_calls(path.read_text(encoding="utf-8")))}
    assert found == {}


def test_a_council_without_a_decision_has_an_empty_day() -> None:
    """Kaavi's council has not decided (example data): its decision day is missing, and the
    table tells the browser to show such a cell empty."""
    at = open_app("profile.py", {"alue": "13", "osio": "sopimukset"})
    table = next(df for df in at.dataframe if t("profile.col.council", "fi") in df.value.columns)
    assert table.value.isna().any().any(), "the example data has a missing value here"
    assert table.proto.HasField("placeholder") and table.proto.placeholder == tables.MISSING


@pytest.mark.parametrize(("frame", "measured"), [
    (pd.DataFrame({"share": [17.6, None, 51.0], "n": [78, 40, 20], "name": ["a", "b", "c"]}), ["share"]),
    (pd.DataFrame({"year": [2024.0, None, 2025.0], "population": [1234.0, 5.0, 9.0]}), []),  # whole numbers
    (pd.DataFrame({"empty": pd.Series([], dtype="float64")}), []),
    (pd.DataFrame({1: [0.5]}), []),  # Streamlit would read 1 as the column's position
    (pd.DataFrame({"x": pd.array([1.0, None, 2.0], dtype="Float64"), "y": [1.0, float("inf"), 2.0]}), []),
    (pd.DataFrame({"x": pd.array([1.5, None], dtype="Float64"), "y": [0.5, float("-inf")]}), ["x", "y"]),
    (pa.table({"value_pct": [17.6, 51.0], "n": [78, 40]}), ["value_pct"]),  # the profile's tables are Arrow
    (pa.table({"a": pa.chunked_array([[1.0], [2.5, None]]), "b": [1.0, None, float("inf")]}), ["a"]),
    ([[0.5]], []),  # neither: Streamlit's own formatting
])
def test_measured_columns_are_those_with_fractions(frame: object, measured: list[object]) -> None:
    assert tables.measured_columns(frame) == measured


def _config(table: object) -> dict[str, dict[str, object]]:
    """The column configuration an `st.dataframe` element sends the browser."""
    config = json.loads(table.proto.columns or "{}")  # type: ignore[attr-defined]
    return {name: c for name, c in config.items() if name != "_index"}


def _formats(table: object) -> dict[str, object]:
    """Each number column's format in an `st.dataframe` element, where one is set."""
    numbers = {name: c.get("type_config", {}) for name, c in _config(table).items()
               if c.get("type_config", {}).get("type") == "number"}
    return {name: config.get("format") for name, config in numbers.items() if config.get("format") is not None}


def _two_columns() -> None:
    import pandas as pd
    import streamlit as st

    from yhdyspinta.ui import tables

    tables.dataframe(pd.DataFrame({"mean": [1.75], "share": [17.6], "n": [12]}),
                     column_config={"share": st.column_config.NumberColumn(format="%.1f %%")})


def test_a_measured_number_is_in_the_readers_format_unless_the_page_configures_it() -> None:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_two_columns).run()
    assert _formats(at.dataframe[0]) == {"mean": tables.MEASURED_FORMAT, "share": "%.1f %%"}
    survey = open_app("survey.py")
    assert {fmt for df in survey.dataframe for fmt in _formats(df).values()} == {tables.MEASURED_FORMAT}


@pytest.mark.parametrize(("label", "shown"), [
    ("alueen nimi", "Alueen nimi"),
    ("Alueen nimi", "Alueen nimi"),
    ("ä-kirjain", "Ä-kirjain"),
    ("välfärdsområde", "Välfärdsområde"),
    ("n", "N"),
    ("%", "%"),
    ("", ""),
    ("uudistuksen piirissä (kyllä/ei)", "Uudistuksen piirissä (kyllä/ei)"),  # only the first letter
])
def test_header_form(label: str, shown: str) -> None:
    assert tables.header(label) == shown


def test_headed_keeps_what_the_caller_configured() -> None:
    import streamlit as st

    frame = pd.DataFrame({"koodi": [1], "päätöspäivä": ["2024-01-01"], "linkki": ["x"], "piilo": [0], 3: [1],
                          "nimi": ["a"]})
    date = st.column_config.DateColumn("päätöspäivä", format="D.M.YYYY")
    config = tables.headed(frame, {"päätöspäivä": date, "linkki": st.column_config.LinkColumn(),
                                   "piilo": None, "nimi": "nimi suomeksi", "_index": "rivi"})
    assert config["koodi"] == "Koodi"
    assert config["päätöspäivä"]["label"] == "Päätöspäivä"
    assert config["päätöspäivä"]["type_config"] == date["type_config"]  # still a date column, same format
    assert config["linkki"]["label"] == "Linkki" and config["linkki"]["type_config"]["type"] == "link"
    assert config["piilo"] is None  # hidden stays hidden
    assert config["nimi"] == "Nimi suomeksi"
    assert config["_index"] == "rivi" and 3 not in config  # not a column of the data, or not named
    assert date["label"] == "päätöspäivä"  # the caller's object is not changed
    assert tables.headed(pa.table({"arvo": [1.5]}), {}) == {"arvo": "Arvo"}
    assert tables.headed(frame.style, {})["koodi"] == "Koodi"
    assert tables.headed([[1]], {"a": "b"}) == {"a": "b"}


def test_a_table_shows_headers_and_keeps_its_data_as_named() -> None:
    """The browser gets the header form as each column's label; the data (which the page's CSV
    and Excel downloads write) keeps the catalog's names."""
    at = open_app("areas.py")
    table = at.dataframe[0]
    labels = {name: c.get("label") for name, c in _config(table).items()}
    assert labels and all(label == tables.header(name) for name, label in labels.items()), labels
    assert set(labels) == set(table.value.columns)
    assert any(name[:1].islower() for name in table.value.columns)


@pytest.mark.parametrize(("values", "kind"), [
    ([date(2023, 8, 9), None, date(2025, 4, 7)], "date"),
    ([date(2023, 8, 9), "", date(2025, 4, 7)], "date"),  # an empty day written as ""
    (["https://example.org/a", "", None], "link"),
    (["http://example.org", "https://example.org"], "link"),
    (["https://example.org", "javascript:alert(1)"], None),  # only web addresses become links
    (["9.8.2023 12:00 UTC", "1.1.2024 08:00 UTC"], None),  # a moment, already text
    ([date(2023, 8, 9), "ei tiedossa"], None),
    (["Kuopio", "Iisalmi"], None),
    ([1.5, 2.0], None),
    ([None, ""], "empty"),
])
def test_typed_columns(values: list[object], kind: str | None) -> None:
    frame = pd.DataFrame({"sarake": pd.Series(values, dtype=object)})
    shown, config = tables.typed(frame, "sv")
    given = config.get("sarake")
    if kind == "date":
        assert given["type_config"] == {**given["type_config"], "type": "date", "format": tables.DATE_FORMATS["sv"]}
        assert str(shown["sarake"].dtype).startswith("datetime64")
        assert shown["sarake"].isna().sum() == 1
        assert shown["sarake"].sort_values().dropna().dt.date.tolist() == [date(2023, 8, 9), date(2025, 4, 7)]
    elif kind == "link":
        assert given["type_config"]["type"] == "link"
        assert shown["sarake"].tolist() == frame["sarake"].tolist()
    elif kind == "empty":
        assert given is None and shown["sarake"].tolist() == ["", ""]
    else:
        assert given is None and shown["sarake"].tolist() == frame["sarake"].tolist()
    assert frame["sarake"].tolist() == values  # the caller's frame is not changed


def test_a_records_table_sorts_its_days_as_days_and_opens_its_links() -> None:
    """The agreements page's records table: its days are dates (they sorted as text, 9.8.2023
    after 7.4.2025), its document addresses links (they were plain text)."""
    at = open_app("agreements.py")
    records = next(df for df in at.dataframe
                   if column_label("document_url", "fi") in df.value.columns)
    config = _config(records)
    assert config[column_label("preparation_started_on", "fi")]["type_config"]["type"] == "date"
    assert config[column_label("document_url", "fi")]["type_config"]["type"] == "link"
    days = records.value[column_label("preparation_started_on", "fi")].dropna()
    assert len(days) and str(days.dtype).startswith("datetime64")


def test_typed_leaves_nullable_numbers_and_reads_moments_as_days() -> None:
    frame = pd.DataFrame({"määrä": pd.Series([1, pd.NA], dtype="Int64"),
                          "hetki": pd.to_datetime(["2024-05-01", None]),
                          "teksti": pd.Series(["a", pd.NA], dtype=object)})
    shown, config = tables.typed(frame, "fi")
    assert list(config) == ["hetki"] and config["hetki"]["type_config"]["format"] == tables.DATE_FORMATS["fi"]
    assert shown["määrä"].tolist()[0] == 1 and pd.isna(shown["määrä"].tolist()[1])
