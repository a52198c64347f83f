"""Database faults (a locked SQLite file, a read-only store, a lost connection) are told in
the user's language, with a retry where one helps, and never as SQL or a traceback; an
unexpected exception shows a short id that the server log carries too (issue 9, finding 11)."""

from __future__ import annotations

import logging
import sqlite3
import tomllib
from pathlib import Path

import psycopg
import psycopg.errors
import pytest
from sqlalchemy import event
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from streamlit.config import ShowErrorDetailsConfigOptions
from streamlit.testing.v1 import AppTest

from tests.apptest import APP
from tests.test_forms import PREFIX, SAVO, form_app
from yhdyspinta import faults
from yhdyspinta.i18n import t
from yhdyspinta.store import engine as engine_module

CONFIG = Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml"
SQL_MARKERS = ("INSERT", "UPDATE", "SELECT", "[SQL", "parameters", "Traceback", "sqlite3.", "OperationalError")


def _op(orig: BaseException, **kw: object) -> OperationalError:
    return OperationalError("UPDATE agreements SET status=? WHERE id=?", ("x", 1), orig, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(("exc", "kind", "retry"), [
    (_op(sqlite3.OperationalError("database is locked")), faults.LOCKED, True),
    (_op(sqlite3.OperationalError("database table is locked")), faults.LOCKED, True),
    (_op(psycopg.errors.LockNotAvailable("could not obtain lock")), faults.LOCKED, True),
    (_op(psycopg.errors.DeadlockDetected("deadlock detected")), faults.LOCKED, True),
    (_op(sqlite3.OperationalError("attempt to write a readonly database")), faults.READ_ONLY, False),
    (_op(sqlite3.OperationalError("unable to open database file")), faults.READ_ONLY, False),
    (_op(psycopg.errors.ReadOnlySqlTransaction("cannot execute UPDATE in a read-only transaction")),
     faults.READ_ONLY, False),
    (_op(psycopg.OperationalError("server closed the connection unexpectedly")), faults.CONNECTION, True),
    (_op(psycopg.errors.AdminShutdown("terminating connection")), faults.CONNECTION, True),
    (_op(sqlite3.OperationalError("whatever"), connection_invalidated=True), faults.CONNECTION, True),
    (IntegrityError("INSERT", {}, sqlite3.IntegrityError("UNIQUE constraint failed")), faults.OTHER, False),
    (_op(sqlite3.OperationalError("no such table: agreements")), faults.OTHER, False),
])
def test_database_faults_are_classified(exc: DBAPIError, kind: str, retry: bool) -> None:
    fault = faults.classify(exc)
    assert fault is not None
    assert (fault.kind, fault.retry) == (kind, retry)
    assert fault.message_key == f"fault.{kind}"


def test_a_fault_wrapped_in_another_exception_is_found_and_others_are_not_faults() -> None:
    try:
        try:
            raise _op(sqlite3.OperationalError("database is locked"))
        except OperationalError as inner:
            raise RuntimeError("while saving") from inner
    except RuntimeError as outer:
        assert faults.classify(outer) == faults.classify(outer.__cause__)  # type: ignore[arg-type]
    assert faults.classify(ValueError("no")) is None
    assert faults.classify(sqlite3.OperationalError("database is locked")).kind == faults.LOCKED  # type: ignore[union-attr]


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_every_fault_has_a_message_in_every_language(lang: str) -> None:
    for kind in faults.KINDS:
        assert t(f"fault.{kind}", lang)
    assert "ABC123" in t("fault.reference", lang, id="ABC123")


def test_streamlit_shows_viewers_no_error_details() -> None:
    value = tomllib.loads(CONFIG.read_text(encoding="utf-8"))["client"].get("showErrorDetails")
    assert value == ShowErrorDetailsConfigOptions.NONE.value


def _texts(at: AppTest) -> list[str]:
    out = [str(e.value) for e in (*at.error, *at.warning, *at.info, *at.success, *at.markdown, *at.caption)]
    return out + [str(e.value) + str(getattr(e, "stack_trace", "")) for e in at.exception]


def _assert_no_sql(at: AppTest) -> None:
    for text in _texts(at):
        for marker in SQL_MARKERS:
            assert marker not in text, text


def _pick_other_status(at: AppTest) -> None:
    box = at.selectbox(key=f"{PREFIX}.f.status")
    box.set_value(next(o for o in ("hyvaksytty", "toimeenpanossa") if o != box.value))


def test_a_locked_store_on_save_says_try_again_without_sql(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT", 0.2)
    at = form_app("agreement_form", SAVO, monkeypatch)
    _pick_other_status(at)
    holder = sqlite3.connect(data_dir / "yhdyspinta.sqlite3", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the write lock
    try:
        at.button(key=f"{PREFIX}.submit").click().run()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.error) == 1 and at.error[0].value.startswith(t("fault.locked", "fi"))
    _assert_no_sql(at)
    # The form kept its values: saving again once the lock is gone works.
    at.button(key=f"{PREFIX}.submit").click().run()
    assert [s.value for s in at.success] == [t("access.form.saved", "fi")]


def test_a_read_only_store_on_save_says_so_without_sql(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    """The tests run as root, whom file modes do not stop; SQLite's query_only gives the same
    error (SQLITE_READONLY, "attempt to write a readonly database") as a read-only folder."""
    from yhdyspinta.ui import data

    at = form_app("agreement_form", SAVO, monkeypatch, lang="sv")
    _pick_other_status(at)
    store = data.engine()
    event.listen(store, "connect", lambda conn, _rec: conn.execute("PRAGMA query_only=ON"))
    store.dispose()
    at.button(key=f"{PREFIX}.submit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.error) == 1 and at.error[0].value.startswith(t("fault.read_only", "sv"))
    _assert_no_sql(at)


@pytest.mark.parametrize(("url", "key"), [
    ("sqlite:///{data}", "fault.read_only"),  # a folder where the file should be: cannot be opened
    ("sqlite:///{data}/file/yhdyspinta.sqlite3", "fault.unexpected"),  # not a database fault at all
])
def test_a_page_that_fails_shows_a_message_and_an_id_that_the_log_has(
        monkeypatch: pytest.MonkeyPatch, data_dir: Path, caplog: pytest.LogCaptureFixture,
        url: str, key: str) -> None:
    import streamlit as st

    (data_dir / "file").write_text("not a folder")
    monkeypatch.setenv("YHDYSPINTA_DB_URL", url.format(data=data_dir))
    monkeypatch.delenv(faults.ENV_RAISE, raising=False)
    st.cache_resource.clear()
    st.cache_data.clear()
    at = AppTest.from_file(str(APP), default_timeout=60)
    with caplog.at_level(logging.ERROR, logger="yhdyspinta"):
        at.run()
    st.cache_resource.clear()
    assert not at.exception, [e.value for e in at.exception]
    [error] = at.error
    assert error.value.startswith(t(key, "fi"))
    _assert_no_sql(at)
    logged = [r for r in caplog.records if r.name.startswith("yhdyspinta") and r.exc_info]
    assert logged, caplog.text
    fault_id = logged[-1].fault_id  # type: ignore[attr-defined]
    assert t("fault.reference", "fi", id=fault_id) in error.value


def test_under_the_tests_the_guard_re_raises_so_apptest_still_sees_bugs() -> None:
    from yhdyspinta.ui import faults as fault_messages

    assert faults.ENV_RAISE in __import__("os").environ  # set by tests/conftest.py
    with pytest.raises(ZeroDivisionError):
        fault_messages.guarded(lambda: print(1 / 0))
