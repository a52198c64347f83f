"""Reusable helpers for browser tests of the Streamlit app.

Two halves:

* :func:`streamlit_server` starts ``python -m streamlit run streamlit_app.py`` on a
  free loopback port as a subprocess, waits for ``/_stcore/health`` to answer
  ``ok`` and stops the whole process group on exit.
* :func:`launch_chromium` starts the system Chromium (``YHDYSPINTA_CHROMIUM``,
  default ``/usr/bin/chromium``) through ``playwright.sync_api`` -- never a
  browser downloaded by ``playwright install``.  :meth:`BrowserSession.open_page`
  opens a URL in a fresh context and waits until Streamlit has finished running
  the script.

Typical use::

    with streamlit_server(env={"YHDYSPINTA_DATA_DIR": str(tmp_path)}) as server:
        with launch_chromium() as browser:
            page = browser.open_page(server.url_for("tiedot", year="2024"))
            assert exception_texts(page) == []
            assert axe_violations(page) == []  # impacts serious + critical by default
            select = page.get_by_label("Alue")
            interact(page, lambda: select.click())  # waits for the rerun, if any

Readiness signal (checked against the Streamlit 1.67 frontend bundle and a live
server): the root ``<div data-testid="stApp">`` carries
``data-test-script-state`` (``initial`` before the first run, then ``running``,
``rerunRequested``, ``stopRequested``, ``notRunning`` or ``compilationError``)
and ``data-test-connection-state`` (``CONNECTED`` once the websocket is up).
A page is settled when the state is ``notRunning``/``compilationError`` while
connected, and no element is still marked stale (``data-stale="true"``).
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, Playwright

REPO_ROOT: Final = Path(__file__).resolve().parents[2]
DEFAULT_SCRIPT: Final = "streamlit_app.py"
DEFAULT_CHROMIUM: Final = "/usr/bin/chromium"
CHROMIUM_ENV: Final = "YHDYSPINTA_CHROMIUM"

CHROMIUM_ARGS: Final[tuple[str, ...]] = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # /dev/shm is small in many containers; Chromium then crashes tabs.
    "--disable-dev-shm-usage",
)

# Selectors / attribute values of Streamlit 1.67's frontend.
APP_SELECTOR: Final = '[data-testid="stApp"]'
EXCEPTION_SELECTOR: Final = '[data-testid="stException"]'
SETTLED_SCRIPT_STATES: Final = ("notRunning", "compilationError")

AXE_IMPACTS: Final = ("minor", "moderate", "serious", "critical")

_SETTLED_JS: Final = """
([settledStates]) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app) return false;
  if (app.getAttribute('data-test-connection-state') !== 'CONNECTED') return false;
  if (!settledStates.includes(app.getAttribute('data-test-script-state'))) return false;
  return document.querySelector('[data-stale="true"]') === null;
}
"""


class HarnessError(RuntimeError):
    """The server or browser could not be brought into the expected state."""


# --------------------------------------------------------------------------- server


def free_port(host: str = "127.0.0.1") -> int:
    """Return a TCP port that was free on ``host`` a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


@dataclass
class StreamlitServer:
    """A running ``streamlit run`` subprocess (see :func:`streamlit_server`)."""

    process: subprocess.Popen[bytes]
    host: str
    port: int
    log_path: Path
    command: tuple[str, ...]
    _log_file: Any = field(repr=False, default=None)

    @property
    def url(self) -> str:
        """Base URL with a trailing slash, e.g. ``http://127.0.0.1:8765/``."""
        return f"http://{self.host}:{self.port}/"

    def url_for(self, path: str = "", /, **query: str | Iterable[str]) -> str:
        """URL of a page (its ``url_path``; ``""`` for the default page) with query params."""
        url = self.url + path.lstrip("/")
        if query:
            url += "?" + urllib.parse.urlencode(
                {k: v if isinstance(v, str) else list(v) for k, v in query.items()},
                doseq=True,
            )
        return url

    def logs(self) -> str:
        """Everything the server wrote to stdout/stderr so far."""
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return ""

    def is_running(self) -> bool:
        return self.process.poll() is None

    def health(self, timeout: float = 2.0) -> bool:
        """True if ``/_stcore/health`` answers ``ok`` right now."""
        try:
            with urllib.request.urlopen(self.url + "_stcore/health", timeout=timeout) as response:
                body: bytes = response.read()
                return response.status == 200 and body.strip() == b"ok"
        except (urllib.error.URLError, OSError, ValueError):
            return False

    def wait_healthy(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.is_running():
                raise HarnessError(
                    f"streamlit exited with code {self.process.returncode} before it "
                    f"became healthy.\ncommand: {' '.join(self.command)}\n"
                    f"--- server output ---\n{self.logs()}"
                )
            if self.health():
                return
            time.sleep(0.25)
        raise HarnessError(
            f"streamlit did not answer ok on {self.url}_stcore/health within "
            f"{timeout:.0f} s.\ncommand: {' '.join(self.command)}\n"
            f"--- server output ---\n{self.logs()}"
        )

    def stop(self, timeout: float = 10.0) -> None:
        """SIGTERM the process group, SIGKILL it if it lingers; idempotent."""
        if self.process.poll() is None:
            _signal_group(self.process, signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                _signal_group(self.process, signal.SIGKILL)
                self.process.wait(timeout=timeout)
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None


def _signal_group(process: subprocess.Popen[bytes], sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, sig)


def server_command(
    script: str | Path = DEFAULT_SCRIPT,
    *,
    port: int,
    host: str = "127.0.0.1",
    extra_args: Iterable[str] = (),
) -> tuple[str, ...]:
    return (
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        host,
        "--browser.gatherUsageStats",
        "false",
        # No file watcher: nothing edits the sources during a test, and the
        # watcher costs CPU on a 2-core machine.
        "--server.fileWatcherType",
        "none",
        *extra_args,
    )


@contextlib.contextmanager
def streamlit_server(
    *,
    env: Mapping[str, str] | None = None,
    app_dir: str | Path = REPO_ROOT,
    script: str | Path = DEFAULT_SCRIPT,
    startup_timeout: float = 60.0,
    extra_args: Iterable[str] = (),
    host: str = "127.0.0.1",
    attempts: int = 3,
) -> Iterator[StreamlitServer]:
    """Run ``streamlit run <script>`` in ``app_dir`` until the block exits.

    ``env`` is laid over ``os.environ`` (e.g. ``{"YHDYSPINTA_DATA_DIR": ...}``).
    A port taken between choosing and binding it is retried ``attempts`` times.
    Raises :class:`HarnessError` (with the server's output) if it never gets healthy.
    """
    full_env = dict(os.environ)
    full_env.update(
        {
            "PYTHONUNBUFFERED": "1",
            "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
            "STREAMLIT_SERVER_HEADLESS": "true",
        }
    )
    if env:
        full_env.update(env)
    extra = tuple(extra_args)
    last_error: HarnessError | None = None
    for _ in range(max(1, attempts)):
        port = free_port(host)
        command = server_command(script, port=port, host=host, extra_args=extra)
        fd, log_name = tempfile.mkstemp(prefix="streamlit-server-", suffix=".log")
        log_file = os.fdopen(fd, "wb")
        process = subprocess.Popen(
            command,
            cwd=str(app_dir),
            env=full_env,
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        server = StreamlitServer(
            process=process,
            host=host,
            port=port,
            log_path=Path(log_name),
            command=command,
            _log_file=log_file,
        )
        try:
            server.wait_healthy(startup_timeout)
        except HarnessError as exc:
            server.stop()
            last_error = exc
            if "already in use" in server.logs():
                server.log_path.unlink(missing_ok=True)
                continue
            raise
        except BaseException:
            server.stop()
            raise
        try:
            yield server
        finally:
            server.stop()
            server.log_path.unlink(missing_ok=True)
        return
    assert last_error is not None
    raise last_error


# -------------------------------------------------------------------------- browser


def chromium_executable() -> str:
    """Path of the system Chromium; raises :class:`HarnessError` if absent."""
    path = os.environ.get(CHROMIUM_ENV) or DEFAULT_CHROMIUM
    if not Path(path).is_file() or not os.access(path, os.X_OK):
        raise HarnessError(
            f"Chromium not found at {path!r} (set {CHROMIUM_ENV}; on Debian: "
            "apt-get install chromium). `playwright install` is not used."
        )
    return path


def wait_for_streamlit(page: Page, *, timeout: float = 30.0) -> None:
    """Block until the app is connected, not running a script, and nothing is stale.

    Streamlit may start a second run right after the first one (e.g. a widget
    writing query params), so the settled state must hold for two consecutive
    polls before this returns.
    """
    timeout_ms = timeout * 1000
    page.wait_for_selector(APP_SELECTOR, state="attached", timeout=timeout_ms)
    deadline = time.monotonic() + timeout
    settled_in_a_row = 0
    while True:
        remaining_ms = max(1.0, (deadline - time.monotonic()) * 1000)
        try:
            page.wait_for_function(
                _SETTLED_JS,
                arg=[list(SETTLED_SCRIPT_STATES)],
                timeout=remaining_ms,
                polling=100,
            )
        except Exception as exc:
            state = _app_state(page)
            raise HarnessError(
                f"Streamlit app at {page.url} did not settle within {timeout:.0f} s (stApp state: {state})"
            ) from exc
        settled_in_a_row += 1
        if settled_in_a_row >= 2:
            return
        page.wait_for_timeout(250)
        if time.monotonic() > deadline:
            return


_WATCH_RUNS_JS: Final = """
() => {
  const app = document.querySelector('[data-testid="stApp"]');
  window.__harnessRunsSeen = 0;
  if (window.__harnessObserver) window.__harnessObserver.disconnect();
  window.__harnessObserver = new MutationObserver(() => {
    const state = app.getAttribute('data-test-script-state');
    if (state === 'running' || state === 'rerunRequested') window.__harnessRunsSeen += 1;
  });
  window.__harnessObserver.observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}
"""


def interact(
    page: Page,
    action: Callable[[], object],
    *,
    timeout: float = 30.0,
    start_timeout: float = 5.0,
) -> None:
    """Do ``action`` (a click, a fill ...) and wait for the rerun it causes to finish.

    A MutationObserver notes the script state turning ``running`` so a fast
    rerun is not missed; if no rerun starts within ``start_timeout`` seconds the
    action is assumed not to trigger one.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    page.evaluate(_WATCH_RUNS_JS)
    action()
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function("() => window.__harnessRunsSeen > 0", timeout=start_timeout * 1000, polling=50)
    wait_for_streamlit(page, timeout=timeout)


def _app_state(page: Page) -> dict[str, str | None]:
    try:
        app = page.query_selector(APP_SELECTOR)
        if app is None:
            return {"stApp": None}
        return {
            "script": app.get_attribute("data-test-script-state"),
            "connection": app.get_attribute("data-test-connection-state"),
        }
    except Exception as exc:  # page crashed or closed
        return {"error": repr(exc)}


def exception_texts(page: Page) -> list[str]:
    """Text of every ``st.exception`` / uncaught-error box on the page."""
    return [box.inner_text().strip() for box in page.locator(EXCEPTION_SELECTOR).all()]


def axe_available() -> bool:
    """True if axe-playwright-python (which bundles axe.min.js) is importable."""
    return importlib.util.find_spec("axe_playwright_python") is not None


def axe_violations(
    page: Page,
    *,
    impacts: Iterable[str] = ("serious", "critical"),
    context: str | list[Any] | dict[str, Any] | None = None,
    options: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Run axe-core (bundled in axe-playwright-python) and filter by impact.

    Returns the raw axe violation dicts (``id``, ``impact``, ``help``,
    ``nodes`` ...) whose impact is in ``impacts``.  Raises ``ImportError`` if
    axe-playwright-python is not installed; guard with :func:`axe_available`
    or ``pytest.importorskip`` where that should skip.
    """
    from axe_playwright_python.sync_playwright import Axe

    wanted = set(impacts)
    unknown = wanted - set(AXE_IMPACTS)
    if unknown:
        raise ValueError(f"unknown axe impact(s) {sorted(unknown)}; use {AXE_IMPACTS}")
    run_options: dict[str, Any] = {"resultTypes": ["violations"]}
    if options:
        run_options.update(options)
    results = Axe().run(page, context=context, options=run_options)
    violations: list[dict[str, Any]] = results.response["violations"]
    return [v for v in violations if v.get("impact") in wanted]


def format_axe_violations(violations: Iterable[dict[str, Any]]) -> str:
    """One line per violation and offending node, for assertion messages."""
    lines: list[str] = []
    for violation in violations:
        lines.append(f"[{violation.get('impact')}] {violation.get('id')}: {violation.get('help')}")
        lines.extend(f"    {', '.join(map(str, node.get('target', [])))}" for node in violation.get("nodes", []))
    return "\n".join(lines)


class BrowserSession:
    """A launched Chromium; every :meth:`open_page` gets an isolated context."""

    def __init__(
        self,
        playwright: Playwright,
        browser: Browser,
        *,
        viewport: tuple[int, int] = (1280, 900),
        locale: str = "fi-FI",
        default_timeout: float = 30.0,
    ) -> None:
        self.playwright = playwright
        self.browser = browser
        self.viewport = viewport
        self.locale = locale
        self.default_timeout = default_timeout
        self._contexts: list[BrowserContext] = []

    def new_page(self) -> Page:
        width, height = self.viewport
        context = self.browser.new_context(
            viewport={"width": width, "height": height},
            locale=self.locale,
            service_workers="block",
        )
        context.set_default_timeout(self.default_timeout * 1000)
        self._contexts.append(context)
        page = context.new_page()
        return page

    def open_page(self, url: str, *, timeout: float | None = None) -> Page:
        """Open ``url`` in a fresh context and wait until Streamlit has settled."""
        page = self.new_page()
        goto(page, url, timeout=timeout if timeout is not None else self.default_timeout)
        return page

    def close(self) -> None:
        for context in self._contexts:
            with contextlib.suppress(Exception):
                context.close()
        self._contexts.clear()


def goto(page: Page, url: str, *, timeout: float = 30.0) -> Page:
    """Navigate an existing page and wait until Streamlit has settled."""
    response = page.goto(url, wait_until="load", timeout=timeout * 1000)
    if response is not None and not response.ok:
        raise HarnessError(f"GET {url} answered HTTP {response.status}")
    wait_for_streamlit(page, timeout=timeout)
    return page


@contextlib.contextmanager
def launch_chromium(
    *,
    executable: str | None = None,
    extra_args: Iterable[str] = (),
    viewport: tuple[int, int] = (1280, 900),
    locale: str = "fi-FI",
    default_timeout: float = 30.0,
) -> Iterator[BrowserSession]:
    """Start the system Chromium headless via Playwright; close it on exit."""
    from playwright.sync_api import sync_playwright

    path = executable or chromium_executable()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path,
            args=[*CHROMIUM_ARGS, *extra_args],
            headless=True,
            timeout=60_000,
        )
        session = BrowserSession(
            playwright,
            browser,
            viewport=viewport,
            locale=locale,
            default_timeout=default_timeout,
        )
        try:
            yield session
        finally:
            session.close()
            browser.close()
