"""The data version keys every cache of every dashboard process (docs/deploy.md): it comes
from the database, grows with every committed write in commit order, and never returns to a
value it had – also across a restore. SQLite and PostgreSQL."""

from __future__ import annotations

import threading
import time
from datetime import date

import pytest
from sqlalchemy import Engine

from yhdyspinta import demo
from yhdyspinta.io.backup import backup, restore
from yhdyspinta.store import repository as repo
from yhdyspinta.store.engine import create_store_engine, open_store

SETUP_WITHIN = 90.0  # s, for four processes to set up one store
FORUM = {"held_on": date(2026, 11, 20), "theme": "hyte", "title": "Versiotesti"}


def _log(conn: object, note: str) -> None:
    repo.log_entry(conn, actor="test", action=repo.LogAction.INSERT.value, kind="forums",  # type: ignore[arg-type]
                   record_key=note, before=None, after=None, batch_id=repo.new_batch_id(), note=note)


def test_a_write_through_one_engine_moves_the_version_another_engine_reads(store: Engine) -> None:
    """Two engines on one database stand for two processes: nothing is remembered in Python."""
    other = create_store_engine(store.url.render_as_string(hide_password=False))
    try:
        seen = repo.data_version(other)
        repo.apply_changes(store, "forums", [repo.Change(repo.Action.INSERT, ("x",), None, FORUM)], actor="test")
        assert repo.data_version(other) > seen
    finally:
        other.dispose()


def test_writers_get_log_ids_in_commit_order(store: Engine) -> None:
    """A write that started first but commits last must not stay below a version readers saw."""
    first = store.connect()
    tx = first.begin()
    if store.dialect.name == "postgresql":
        first.exec_driver_sql(repo.LOG_LOCK_SQL)  # what write_transaction does first
    _log(first, "first")
    before = repo.data_version(store)
    second_done = threading.Event()
    failure: list[BaseException] = []

    def second_writer() -> None:
        try:
            with repo.write_transaction(store) as conn:
                _log(conn, "second")
        except BaseException as exc:  # reported below
            failure.append(exc)
        second_done.set()

    thread = threading.Thread(target=second_writer)
    thread.start()
    try:
        if store.dialect.name == "postgresql":
            # Without the lock the second write would commit here, with the higher id.
            assert not second_done.wait(1.0), "a second writer committed while the first was open"
            assert repo.data_version(store) == before
        tx.commit()
    finally:
        first.close()
        thread.join(30)
    assert not failure, failure
    with store.connect() as conn:
        ids = dict(conn.exec_driver_sql(
            "SELECT note, id FROM change_log WHERE note IN ('first', 'second')").all())
    assert ids["first"] < ids["second"]
    assert repo.data_version(store) == ids["second"]


def test_a_restore_never_brings_back_an_earlier_version(store: Engine) -> None:
    demo.load(store)
    saved = backup(store)
    for day in (20, 21, 22):
        forum = {**FORUM, "held_on": date(2026, 11, day)}
        repo.apply_changes(store, "forums", [repo.Change(repo.Action.INSERT, (day,), None, forum)], actor="test")
    highest = repo.data_version(store)
    restore(store, saved, force=True)
    after_restore = repo.data_version(store)
    assert after_restore > highest
    forum = {**FORUM, "held_on": date(2026, 11, 23)}
    repo.apply_changes(store, "forums", [repo.Change(repo.Action.INSERT, (23,), None, forum)], actor="test")
    assert repo.data_version(store) > after_restore


def test_processes_starting_together_set_up_one_store_once(store_url: str) -> None:
    """Migrations, the facts seed and the example data, from four threads at once, on the
    database several processes share (a SQLite file serves one process)."""
    if not store_url.startswith("postgresql"):
        pytest.skip("several processes share a PostgreSQL store only")
    errors: list[BaseException] = []
    engines: list[Engine] = []
    loaded: list[bool] = []

    def start() -> None:
        try:
            engine = open_store(store_url)
            engines.append(engine)
            loaded.append(demo.load_if_untouched(engine))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=start, daemon=True) for _ in range(4)]
    deadline = time.monotonic() + SETUP_WITHIN
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    try:
        assert not any(thread.is_alive() for thread in threads), f"set-up still running after {SETUP_WITHIN} s"
        assert not errors, errors
        assert sorted(loaded) == [False, False, False, True], f"example data loaded {sum(loaded)} times"
        assert repo.count_user_rows(engines[0]) > 0
    finally:
        for engine in engines:
            engine.dispose()
