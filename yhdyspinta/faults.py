"""Database faults in words a user understands: which kind of trouble an exception is, and
whether trying again can help. Pure (no Streamlit); `yhdyspinta.ui.faults` shows and logs them.

Kinds (each with a message `fault.<kind>` in every language):

* `locked` – another writer holds the store (SQLite's busy timeout ran out, a PostgreSQL lock
  wait or deadlock): trying again shortly will work;
* `read_only` – the store cannot be written or opened (a read-only data folder or file, a
  read-only PostgreSQL transaction, no privilege): trying again will not help until an
  administrator fixes it;
* `connection` – the connection to the database server was lost or refused: try again;
* `other` – any other database error (a bug, a broken schema): not worth retrying.

The SQL and parameters SQLAlchemy puts in its messages are never part of what is shown.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from sqlalchemy.exc import DBAPIError

# Set only by the tests: the page runner re-raises instead of showing the message, so an
# AppTest's `at.exception` (and a browser test's error check) still sees every bug.
ENV_RAISE = "YHDYSPINTA_RAISE_ERRORS"

LOCKED = "locked"
READ_ONLY = "read_only"
CONNECTION = "connection"
OTHER = "other"
KINDS = (LOCKED, READ_ONLY, CONNECTION, OTHER)

# PostgreSQL SQLSTATEs: lock_not_available, deadlock_detected, serialization_failure.
_PG_LOCKED = frozenset({"55P03", "40P01", "40001"})
# read_only_sql_transaction, insufficient_privilege, disk_full, out of memory.
_PG_READ_ONLY = frozenset({"25006", "42501", "53100"})
# admin_shutdown, crash_shutdown, cannot_connect_now; class 08 is connection exceptions.
_PG_CONNECTION = frozenset({"57P01", "57P02", "57P03"})

_SQLITE_LOCKED = ("database is locked", "database table is locked", "database schema is locked")
_SQLITE_READ_ONLY = ("readonly database", "read-only", "unable to open database file",
                     "database or disk is full", "disk i/o error", "attempt to write a readonly")
_CONNECTION_WORDS = ("server closed the connection", "connection refused", "could not connect",
                     "connection timed out", "terminating connection", "connection is closed",
                     "consuming input failed", "ssl connection has been closed", "the connection is lost")


@dataclass(frozen=True)
class Fault:
    """What went wrong with the database, as far as the user needs to know."""

    kind: str
    retry: bool

    @property
    def message_key(self) -> str:
        return f"fault.{self.kind}"


def _chain(exc: BaseException) -> list[BaseException]:
    """`exc` and the exceptions it was raised from or while handling (no cycles)."""
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and all(current is not s for s in seen):
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def _driver_error(exc: BaseException) -> tuple[BaseException | None, bool] | None:
    """The DB-API error in `exc`'s chain and whether SQLAlchemy saw the connection die."""
    for item in _chain(exc):
        if isinstance(item, DBAPIError):
            return item.orig, bool(item.connection_invalidated)
    for item in _chain(exc):
        if isinstance(item, sqlite3.Error) or _sqlstate(item) is not None or _is_psycopg(item):
            return item, False
    return None


def _is_psycopg(exc: BaseException) -> bool:
    return type(exc).__module__.startswith("psycopg")


def _sqlstate(exc: BaseException | None) -> str | None:
    code = getattr(exc, "sqlstate", None) or getattr(exc, "pgcode", None)
    return str(code) if code else None


def classify(exc: BaseException) -> Fault | None:
    """The database fault `exc` is (or was raised from), or None when it is no database error."""
    found = _driver_error(exc)
    if found is None:
        return None
    orig, invalidated = found
    text = str(orig).lower() if orig is not None else ""
    state = _sqlstate(orig)
    if state in _PG_LOCKED or any(w in text for w in _SQLITE_LOCKED):
        return Fault(LOCKED, retry=True)
    if state in _PG_READ_ONLY or any(w in text for w in _SQLITE_READ_ONLY):
        return Fault(READ_ONLY, retry=False)
    if (invalidated or state in _PG_CONNECTION or (state or "").startswith("08")
            or any(w in text for w in _CONNECTION_WORDS)
            or (orig is not None and _is_psycopg(orig) and state is None
                and type(orig).__name__ == "OperationalError")):
        return Fault(CONNECTION, retry=True)
    return Fault(OTHER, retry=False)
