"""Shared fixtures: a fresh store on SQLite and, where reachable, on PostgreSQL."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from yhdyspinta import gc_tuning as _gc_tuning
from yhdyspinta.store.engine import open_store

REPO_DIR = Path(__file__).resolve().parent.parent
ENV_PG_URL = "YHDYSPINTA_TEST_PG_URL"
ENV_REQUIRE_PG = "YHDYSPINTA_REQUIRE_POSTGRES"
DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"

# The app catches exceptions around each page and shows a message with an id instead
# (yhdyspinta/ui/faults.py). In the tests it re-raises, so AppTest's `at.exception` and the
# browser tests' exception check still fail on every bug; servers started by the browser
# tests inherit this. tests/test_faults.py unsets it to test the message itself.
os.environ["YHDYSPINTA_RAISE_ERRORS"] = "1"

# The boundaries and population shipped in yhdyspinta/geodata/package/ are off by default, so
# that every test sees the same thing whether or not the package data is there: "no
# reference data" unless a test imports some or asks for the package (`with_package`, built
# from the official reference files). Servers started by the browser tests inherit this.
ENV_GEO_PACKAGE = "YHDYSPINTA_GEO_PACKAGE_DIR"
NO_PACKAGE_DIR = Path(__file__).resolve().parent / "no-geo-package"  # never created
os.environ[ENV_GEO_PACKAGE] = str(NO_PACKAGE_DIR)

# The app freezes the server process's objects after a page's first run (yhdyspinta/gc_tuning.py).
# AppTest runs pages in this process: a freeze here would keep the tests' own reference cycles
# (engines, temporary stores) from ever being collected. The policy still decides and records;
# only the freeze itself is left out. Servers started by the browser tests freeze for real.
_gc_tuning.PROCESS_POLICY.freeze = lambda: None


def reference_dir() -> Path | None:
    raw = os.environ.get("YHDYSPINTA_REFERENCE_DIR")
    path = Path(raw) if raw else REPO_DIR.parent / "shared" / "reference"
    return path if path.is_dir() else None


@pytest.fixture(scope="session")
def reference() -> Path:
    path = reference_dir()
    if path is None:
        pytest.skip("official reference files not found: set YHDYSPINTA_REFERENCE_DIR")
    return path


def _pg_admin() -> Engine | None:
    url = os.environ.get(ENV_PG_URL, DEFAULT_PG_URL)
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # any connection failure means "no server here"
        engine.dispose()
        if os.environ.get(ENV_REQUIRE_PG):
            pytest.fail(f"PostgreSQL is required ({ENV_REQUIRE_PG}=1) but not reachable: {exc}")
        return None
    return engine


@pytest.fixture(scope="session")
def pg_admin() -> Iterator[Engine | None]:
    engine = _pg_admin()
    yield engine
    if engine is not None:
        engine.dispose()


def _pg_schema_url(admin: Engine, schema: str) -> str:
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    base = admin.url.render_as_string(hide_password=False)
    separator = "&" if "?" in base else "?"
    return f"{base}{separator}options=-csearch_path%3D{schema}"


@contextlib.contextmanager
def fresh_database_url(backend: str, sqlite_file: Path, pg_admin: Engine | None) -> Iterator[str]:
    """The URL of a fresh, empty database on `backend`: the SQLite file `sqlite_file`, or a
    PostgreSQL schema of its own, dropped afterwards (skips the test when PostgreSQL is not
    reachable)."""
    if backend == "sqlite":
        yield f"sqlite:///{sqlite_file}"
        return
    if pg_admin is None:
        pytest.skip(f"PostgreSQL not reachable; set {ENV_PG_URL} or start the server")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    url = _pg_schema_url(pg_admin, schema)
    try:
        yield url
    finally:
        with pg_admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path, pg_admin: Engine | None) -> Iterator[str]:
    """A URL of a fresh, empty database on each backend; PostgreSQL gets its own schema."""
    with fresh_database_url(request.param, tmp_path / "store.sqlite3", pg_admin) as url:
        yield url


@pytest.fixture
def store(store_url: str) -> Iterator[Engine]:
    engine = open_store(store_url)
    yield engine
    engine.dispose()


@pytest.fixture
def second_store(request: pytest.FixtureRequest, tmp_path: Path, pg_admin: Engine | None) -> Iterator[Engine]:
    """Another fresh store on the same backend as `store`, for restores."""
    backend = request.node.callspec.params["store_url"]
    with fresh_database_url(backend, tmp_path / "second.sqlite3", pg_admin) as url:
        engine = open_store(url)
        yield engine
        engine.dispose()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app's data folder (and so its default SQLite store) at a temp folder."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("YHDYSPINTA_DATA_DIR", str(folder))
    monkeypatch.delenv("YHDYSPINTA_DB_URL", raising=False)
    return folder


@pytest.fixture
def fresh_caches(data_dir: Path) -> Iterator[None]:
    """An app run on its own data folder with empty Streamlit caches, emptied again after:
    the caches live in the process, and a test must not see another test's store."""
    import streamlit as st

    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture(scope="session")
def built_package(reference: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package data built once from the official reference files by our own pipeline
    (`python -m yhdyspinta reference package`), in a folder of its own."""
    from yhdyspinta.geodata import build_package

    folder = tmp_path_factory.mktemp("geo-package")
    build_package(reference, folder)
    return folder


@pytest.fixture
def with_package(built_package: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app reads its packaged boundaries and population from `built_package`, and no
    official reference folder is configured (as on a newcomer's machine)."""
    monkeypatch.setenv(ENV_GEO_PACKAGE, str(built_package))
    monkeypatch.delenv("YHDYSPINTA_REFERENCE_DIR", raising=False)
    return built_package
