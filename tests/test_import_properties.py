"""Property tests: whatever rows or files are thrown at the import, it answers with a report
(records or problems whose messages render in every language), never with an exception."""

from __future__ import annotations

import dataclasses
import io
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from sqlalchemy import Engine

from yhdyspinta import facts
from yhdyspinta.i18n import COLUMN_LABELS, LANGUAGES
from yhdyspinta.io.importer import ImportReport, prepare_import, problem_rows, validate_row
from yhdyspinta.kinds import WRITABLE_KINDS, get_kind

TOKENS = [
    "", " ", "13", "13.0", "91", "99", "0", "-1", "1e400", "NaN", "inf", "3,5", "45,5 %", "1 234", "100000",
    "Pohjois-Savo", "Pohjois-Savon hyvinvointialue", "Välfärdsområdet Österbotten", "Helsingin kaupunki",
    "Keiteleen kunta", "Vanda stad", "Pertunmaa", "Ahvenanmaa", "Kuntaliitto", "kunta", "alue", "muu",
    "hyvaksytty", "Hyväksytty", "valmistelussa", "aiesopimus", "kuntafoorumi", "hyte", "hyte;tyollisyys",
    "koko_maa", "hyvinvointialue", "viewer", "area_editor", "project_lead", "a@b.fi",
    "15.12.2023", "2023-12-15", "31.2.2024", "2024-13-01", "15.12.2203", "15/12/2023", "2023-12-15 10:00:00",
    "https://example.fi/x", "www.example.fi", "=SUM(A1:A3)", "+1", "-", "@x", "'=1", "\x00", "\ufeff",
    "ä" * 300, "9" * 5000, "💥", "\u202e",
]
CELL = st.one_of(
    st.none(),
    st.sampled_from(TOKENS),
    st.text(max_size=40),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(lambda f: str(f).replace(".", ",")),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(lambda d: d.strftime("%d.%m.%Y")),
    st.dates().map(date.isoformat),
    st.sampled_from([m.name_fi for m in facts.municipalities()] + [a.name_sv for a in facts.areas()]),
)


def _assert_reported(report: ImportReport) -> None:
    for problem in [*report.problems, *report.warnings, *report.notes]:
        for lang in LANGUAGES:
            assert problem.message(lang)
    problem_rows(report.problems, "fi")


@pytest.mark.parametrize("kind", WRITABLE_KINDS)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_validator_never_raises_on_generated_rows(kind: str, data: st.DataObject) -> None:
    spec = get_kind(kind)
    raw = data.draw(st.fixed_dictionaries({}, optional={f: CELL for f in spec.fields}))
    report = ImportReport(kind=kind, file_name="x.csv")
    record = validate_row(spec, raw, 2, {}, report)
    if record is None:
        assert report.problems, raw
    else:
        assert report.problems == []
        assert set(record) == {f.name for f in dataclasses.fields(spec.record)}
    _assert_reported(report)


def _labels(kind: str) -> list[str]:
    out: list[str] = []
    for name in get_kind(kind).fields:
        out += [name, *COLUMN_LABELS.get(name, {}).values()]
    return [*out, "Nimi", "Sähköposti", "Organisaatio", "muu sarake", ""]


@st.composite
def files(draw: st.DrawFn, kind: str) -> tuple[bytes, str]:
    shape = draw(st.sampled_from(["csv", "xlsx", "bytes"]))
    if shape == "bytes":
        return draw(st.binary(max_size=2000)), draw(st.sampled_from(["x.csv", "x.xlsx", "x.txt", "x"]))
    headers = draw(st.lists(st.sampled_from(_labels(kind)), min_size=0, max_size=8))
    rows = draw(st.lists(st.lists(CELL, min_size=0, max_size=len(headers) + 2), max_size=6))
    if shape == "xlsx":
        book = Workbook()
        ws = book.active
        for row in [headers, *rows]:
            # A workbook cannot hold control characters at all; Excel would not write them.
            ws.append([ILLEGAL_CHARACTERS_RE.sub("", c) if isinstance(c, str) else c for c in row])
        out = io.BytesIO()
        book.save(out)
        return out.getvalue(), "x.xlsx"
    separator = draw(st.sampled_from([";", ",", "\t", "|"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    text = "\r\n".join(separator.join("" if c is None else c for c in row) for row in [headers, *rows])
    return text.encode(encoding, errors="replace"), "x.csv"


@pytest.mark.parametrize("kind", WRITABLE_KINDS)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_whole_files_never_raise(store: Engine, kind: str, data: st.DataObject) -> None:
    content, name = data.draw(files(kind))
    forum_date = data.draw(st.sampled_from([None, "15.12.2023", "32.1.2024"])) if kind == "participation" else None
    report = prepare_import(store, kind, content, name, forum_date=forum_date)
    assert report.ok or report.problems
    _assert_reported(report)
