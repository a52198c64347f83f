"""Fixtures for the browser tests: at most two servers and one Chromium per test session.

* ``plain_server`` -- a fresh data folder, no boundaries, not even the packaged ones (the app
  fills it with the example data on its first run).
* ``geo_server`` -- another fresh data folder into which the municipal boundaries were
  imported with ``python -m yhdyspinta reference import`` before the server started.
  Skipped when the official reference files are not around.
* ``tab`` -- one page in one browser context, shared by every test so Chromium does
  not build a new context per test; a test that resizes it gets the default size back.

Both servers start lazily (only when a test asks for one) and stay up for the session.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser.harness import (
    REPO_ROOT,
    BrowserSession,
    HarnessError,
    StreamlitServer,
    chromium_executable,
    launch_chromium,
    streamlit_server,
)
from tests.conftest import ENV_GEO_PACKAGE, NO_PACKAGE_DIR, reference_dir

if TYPE_CHECKING:
    from playwright.sync_api import Page

VIEWPORT = (1440, 900)
BROWSER_GROUP = "browser"
# The page matrix alone took about as long as every other browser test together, and the
# browser tests together longer than all the rest on the other worker (876 s against 736 s,
# 29.11.2026): the matrix is a group of its own, which may run on the other worker.
MATRIX_FILE = "test_pages_browser.py"


@pytest.hookimpl(tryfirst=True)  # before xdist reads the group from the marks
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Keep the browser tests in two groups, each on one xdist worker: a group's tests share its
    worker's two servers and one Chromium (a worker running both groups starts them once)."""
    here = Path(__file__).resolve().parent
    for item in items:
        path = Path(str(item.fspath)).resolve()
        if here in path.parents:
            group = f"{BROWSER_GROUP}-matrix" if path.name == MATRIX_FILE else BROWSER_GROUP
            item.add_marker(pytest.mark.xdist_group(group))
BOUNDARY_FILE = "kuntarajat_2024.geojson"


def server_env(data_dir: Path) -> dict[str, str]:
    """Environment for a server (or the CLI) that works on ``data_dir`` only."""
    return {
        "YHDYSPINTA_DATA_DIR": str(data_dir),
        # An empty URL means "the SQLite file in the data folder" (see yhdyspinta.config).
        "YHDYSPINTA_DB_URL": "",
        # Make sure the example data is loaded on the first run.
        "YHDYSPINTA_NO_DEMO": "",
        # No packaged boundaries or population (see tests/conftest.py): "plain" means none at all.
        ENV_GEO_PACKAGE: str(NO_PACKAGE_DIR),
    }


@pytest.fixture(scope="session")
def browser() -> Iterator[BrowserSession]:
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    try:
        chromium_executable()
    except HarnessError as exc:
        pytest.skip(str(exc))
    with launch_chromium(viewport=VIEWPORT) as session:
        yield session


@pytest.fixture(scope="session")
def plain_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("data-plain")


@pytest.fixture(scope="session")
def geo_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder whose geo cache holds the municipal boundaries, loaded via the CLI."""
    folder = reference_dir()
    boundaries = folder / BOUNDARY_FILE if folder else None
    if boundaries is None or not boundaries.is_file():
        pytest.skip(f"{BOUNDARY_FILE} not found: set YHDYSPINTA_REFERENCE_DIR")
    data_dir = tmp_path_factory.mktemp("data-geo")
    env = {**os.environ, **server_env(data_dir)}
    result = subprocess.run(
        [sys.executable, "-m", "yhdyspinta", "reference", "import", str(boundaries)],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, f"reference import failed:\n{result.stdout}\n{result.stderr}"
    assert (data_dir / "geo").is_dir(), f"no geo cache in {data_dir}:\n{result.stdout}"
    return data_dir


@pytest.fixture(scope="session")
def plain_server(plain_data_dir: Path) -> Iterator[StreamlitServer]:
    with streamlit_server(env=server_env(plain_data_dir)) as server:
        yield server


@pytest.fixture(scope="session")
def geo_server(geo_data_dir: Path) -> Iterator[StreamlitServer]:
    with streamlit_server(env=server_env(geo_data_dir)) as server:
        yield server


@pytest.fixture(scope="session")
def _tab_holder() -> list[Page]:
    return []


@pytest.fixture
def tab(_tab_holder: list[Page], browser: BrowserSession) -> Iterator[Page]:
    """The shared page (a new one if a test closed or crashed it), reset to the default viewport."""
    if not _tab_holder or _tab_holder[0].is_closed():
        _tab_holder[:] = [browser.new_page()]
    page = _tab_holder[0]
    yield page
    if not page.is_closed():
        width, height = browser.viewport
        page.set_viewport_size({"width": width, "height": height})
