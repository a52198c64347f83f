"""Scale-out (issue 8): two dashboard processes behind nginx on one PostgreSQL, started by
the deployment's own script (`yhdyspinta.cluster`, as deploy/local.sh does).

* A write through another process (the command-line import) shows within 10 s, without a
  reload, in an overview and in a presentation open in the browser on the dashboard processes:
  their live check (yhdyspinta/ui/live.py) reads the data version from the database.
* Stopping the process a browser session is on, the session reconnects through nginx to the
  other process and shows the same view (area and language from the URL).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import Engine, create_engine, text

from tests.browser.harness import REPO_ROOT, BrowserSession, exception_texts, goto, wait_for_streamlit
from tests.conftest import ENV_REQUIRE_PG, _pg_schema_url
from yhdyspinta import cluster as cluster_module
from yhdyspinta import facts
from yhdyspinta.i18n import t
from yhdyspinta.indicators import finnish_today

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = [pytest.mark.browser, pytest.mark.postgres]

LIVE_WITHIN = 10.0  # s: the bound for new data to show by itself
RECONNECT_WITHIN = 45.0  # s: Streamlit's client retries with a growing pause
AREA = 13


@dataclass
class Setup:
    cluster: cluster_module.Cluster
    env: dict[str, str]


@pytest.fixture(scope="module")
def setup(pg_admin: Engine | None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Setup]:
    if pg_admin is None:
        pytest.skip("PostgreSQL not reachable")
    if shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists():
        if os.environ.get(ENV_REQUIRE_PG):  # CI: .ci/run installs nginx-light
            pytest.fail("nginx is not installed")
        pytest.skip("nginx is not installed (apt-get install nginx-light)")
    schema = f"t_scale_{uuid.uuid4().hex[:10]}"
    url = _pg_schema_url(pg_admin, schema)
    env = {"YHDYSPINTA_DB_URL": url, "YHDYSPINTA_DATA_DIR": str(tmp_path_factory.mktemp("data-scale")),
           "YHDYSPINTA_NO_DEMO": ""}
    try:
        # No file watcher: nothing edits the sources during a test (as in tests/browser/harness.py).
        with cluster_module.running(processes=2, env=env,
                                    extra_args=("--server.fileWatcherType", "none")) as cluster:
            yield Setup(cluster, {**os.environ, **env})
    finally:
        with pg_admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))


def _backend(page: Page, setup: Setup) -> int:
    """The port of the dashboard process this page's browser is tied to (its sticky cookie)."""
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    sticky = cookies.get(cluster_module.STICKY_COOKIE)
    assert sticky, f"nginx set no {cluster_module.STICKY_COOKIE} cookie: {cookies}"
    port = setup.cluster.backend_of(sticky)
    assert port in setup.cluster.apps, f"no request of this browser in nginx's log:\n{setup.cluster.access_log()}"
    return port


def _free_forum_day(url: str) -> date:
    """A past day without a forum (a forum's day is its key; a held one counts on the first view)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            taken = set(conn.execute(text("SELECT held_on FROM forums")).scalars())
    finally:
        engine.dispose()
    day = finnish_today() - timedelta(days=1)
    while day in taken:
        day -= timedelta(days=1)
    return day


def _mark_document(page: Page) -> None:
    page.evaluate("() => { window.__notReloaded = true; }")


def _not_reloaded(page: Page) -> bool:
    return bool(page.evaluate("() => window.__notReloaded === true"))


def test_a_write_elsewhere_shows_in_an_open_overview_without_reload(setup: Setup, browser: BrowserSession,
                                                                    tmp_path: Path) -> None:
    page = browser.new_page()
    goto(page, setup.cluster.url + "?kieli=fi", timeout=60)
    title = f"Livetesti {uuid.uuid4().hex[:8]}"
    assert page.get_by_text(title).count() == 0
    # The presentation on a projector: its first view counts the forums held.
    show = browser.new_page()
    goto(show, setup.cluster.url + "?esitys=1&kieli=fi", timeout=60)
    held = show.get_by_test_id("stMetric").filter(has_text=t("indicator.forums_held.label", "fi"))
    held_before = int(held.get_by_test_id("stMetricValue").inner_text())
    for tab in (page, show):
        _mark_document(tab)
        _backend(tab, setup)  # each page is tied to a process through nginx

    # Written by a third process (the command-line import) straight into the shared store.
    sheet = tmp_path / "forums.csv"
    day = _free_forum_day(setup.env["YHDYSPINTA_DB_URL"])
    sheet.write_text(f"päivämäärä;teema;otsikko;tallenteen linkki\n{day:%d.%m.%Y};hyte;{title};\n",
                     encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "yhdyspinta", "import", "forums", str(sheet)], cwd=REPO_ROOT,
                            env=setup.env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    written = time.monotonic()
    page.get_by_text(title).first.wait_for(state="visible", timeout=(LIVE_WITHIN + 5) * 1000)
    took = time.monotonic() - written
    assert took <= LIVE_WITHIN, f"the new forum showed after {took:.1f} s"
    print(f"new forum shown on the overview {took:.1f} s after the write")
    counted = str(held_before + 1)
    show.wait_for_function(
        """([label, value]) => [...document.querySelectorAll('[data-testid="stMetric"]')].some(m =>
             m.innerText.includes(label) &&
             m.querySelector('[data-testid="stMetricValue"]')?.innerText.trim() === value)""",
        arg=[t("indicator.forums_held.label", "fi"), counted], timeout=(LIVE_WITHIN + 5) * 1000, polling=100)
    took = time.monotonic() - written
    assert took <= LIVE_WITHIN, f"the presentation counted the new forum after {took:.1f} s"
    print(f"presentation counted it {took:.1f} s after the write")
    for tab in (page, show):
        assert _not_reloaded(tab), f"{tab.url} was reloaded"
        assert exception_texts(tab) == []
        tab.context.close()


def test_a_session_whose_process_stops_reconnects_to_the_other_and_keeps_its_view(
        setup: Setup, browser: BrowserSession) -> None:
    page = browser.new_page()
    goto(page, setup.cluster.url + f"?alue={AREA}&kieli=sv", timeout=60)
    area_sv = facts.area_by_code()[AREA].name("sv")
    # The root with an area is that area's own front page, titled with its name.
    heading = page.get_by_role("heading", name=area_sv, level=1)
    heading.wait_for()
    assert page.get_by_text(area_sv).first.is_visible()
    _mark_document(page)
    first = _backend(page, setup)
    try:
        setup.cluster.stop_app(first, signal.SIGKILL)  # a crash, not a clean shutdown
        # The client notices the lost websocket and reconnects (through nginx: to the other process).
        page.wait_for_function(
            "() => document.querySelector('[data-testid=\"stApp\"]')"
            "?.getAttribute('data-test-connection-state') !== 'CONNECTED'", timeout=15_000)
        deadline = time.monotonic() + RECONNECT_WITHIN
        wait_for_streamlit(page, timeout=RECONNECT_WITHIN)
        heading.wait_for(timeout=max(1.0, deadline - time.monotonic()) * 1000)
        assert page.get_by_text(area_sv).first.is_visible()
        assert _not_reloaded(page), "the browser reloaded the page instead of reconnecting"
        assert f"alue={AREA}" in page.url and "kieli=sv" in page.url, page.url
        second = _backend(page, setup)
        assert second != first, f"still on the stopped process {first}?"
        assert exception_texts(page) == []
        page.context.close()
        # nginx logs a websocket when it closes: this page's new one was with the other process.
        stream = f'"GET /_stcore/stream HTTP/1.1" upstream=127.0.0.1:{second} sticky='
        deadline = time.monotonic() + 10
        while stream not in setup.cluster.access_log() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert stream in setup.cluster.access_log(), setup.cluster.access_log()
    finally:
        page.context.close()
        setup.cluster.start_app(first)
