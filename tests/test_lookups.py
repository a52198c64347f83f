"""A write looks up each referenced row of another table once (yhdyspinta.kinds.remembered_lookups)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import Engine, event

from yhdyspinta import demo, kinds
from yhdyspinta.store import repository as repo


@contextmanager
def statements(engine: Engine) -> Iterator[list[str]]:
    seen: list[str] = []

    def note(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(" ".join(statement.split()).lower())

    event.listen(engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", note)


def _reads_of(table: str, seen: list[str]) -> int:
    """Lookups of rows of `table` by a condition (not counts, not whole-table reads)."""
    return sum(1 for s in seen if s.startswith(f"select {table}.id") and f"from {table} where" in s)


def test_the_example_data_looks_up_each_forum_and_agreement_once(store: Engine) -> None:
    data = demo.build()
    forum_dates = {row["forum_date"] for row in data["participation"]}
    agreements = {(r["area_code"], r["agreement_kind"], r.get("agreement_term_start")) for r in data["approvals"]}
    assert len(data["participation"]) > 3 * len(forum_dates), "the data should name each forum many times"
    with statements(store) as seen:
        demo.load(store)
    assert _reads_of("forums", seen) == len(forum_dates)
    # An approval's agreement: once to fill in its term where left out, once by its full key.
    assert _reads_of("agreements", seen) <= 2 * len(agreements) < len(data["approvals"])
    assert len(repo.read_kind(store, "participation")) == len(data["participation"])


def test_outside_a_write_nothing_is_remembered(store: Engine) -> None:
    demo.load(store)
    held_on = demo.build()["participation"][0]["forum_date"]
    with store.connect() as conn, statements(store) as seen:
        first, second = kinds._forum_id(conn, held_on), kinds._forum_id(conn, held_on)
        with kinds.remembered_lookups():
            third, fourth = kinds._forum_id(conn, held_on), kinds._forum_id(conn, held_on)
    assert first == second == third == fourth
    assert _reads_of("forums", seen) == 3


def test_a_missing_reference_is_not_remembered(store: Engine) -> None:
    from datetime import date

    with store.connect() as conn, statements(store) as seen, kinds.remembered_lookups():
        for _ in range(2):
            with pytest.raises(kinds.ReferenceNotFound):
                kinds._forum_id(conn, date(1999, 1, 1))
    assert _reads_of("forums", seen) == 2
