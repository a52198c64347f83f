"""Malformed files: each reports exactly the expected problems, and the store stays byte-for-byte
the same (on SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.conftest import fresh_database_url
from tests.corpus import CASE_IDS, CASES, Case
from yhdyspinta import demo
from yhdyspinta.access import Principal
from yhdyspinta.domain import Role
from yhdyspinta.io.backup import backup
from yhdyspinta.io.importer import commit_import, prepare_import_file
from yhdyspinta.store.engine import open_store

LEAD = Principal("lead@example.fi", Role.PROJECT_LEAD)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def demo_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
               pg_admin: Engine | None) -> Iterator[Engine]:
    """One store with the example data per backend for the whole corpus: every case leaves it
    byte-for-byte unchanged (each test checks that), so a fresh one per case only cost time
    (a quarter of a second each, over 300 cases)."""
    sqlite_file = tmp_path_factory.mktemp("corpus") / "store.sqlite3"
    with fresh_database_url(request.param, sqlite_file, pg_admin) as url:
        engine = open_store(url)
        demo.load(engine)
        yield engine
        engine.dispose()


def test_the_corpus_is_large_and_varied() -> None:
    assert len(CASES) >= 30
    assert len(set(CASE_IDS)) == len(CASES)
    suffixes = {Path(c.file_name).suffix for c in CASES}
    assert {".csv", ".xlsx", ".xls"} <= suffixes
    assert {c.lang for c in CASES} == {"fi", "sv", "en"}


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_malformed_file_is_refused_exactly_and_nothing_changes(case: Case, demo_store: Engine,
                                                               tmp_path: Path) -> None:
    path = case.write(tmp_path)
    before = backup(demo_store)
    report = prepare_import_file(demo_store, case.kind, path, sheet=case.sheet, forum_date=case.forum_date)
    assert [p.message(case.lang) for p in report.problems] == list(case.expected)
    if case.warnings is not None:
        assert [w.message(case.lang) for w in report.warnings] == list(case.warnings)
    if case.notes is not None:
        assert [n.message(case.lang) for n in report.notes] == list(case.notes)
    assert not report.ok
    with pytest.raises(ValueError, match="only a validated import"):
        commit_import(demo_store, report, LEAD)
    assert backup(demo_store) == before
