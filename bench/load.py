"""Load benchmark: many concurrent websocket sessions against the real Streamlit server.

Starts the dashboard as a user would (`streamlit run streamlit_app.py` from the repository, so
with its `.streamlit/config.toml`, headless, on a free loopback port, with a fresh temporary
YHDYSPINTA_DATA_DIR holding the example data and, when found, the 2024 boundaries), and beside
it a one-line Streamlit page (`st.write('hei')`) run with the same settings. For each page it
opens N sessions at once, speaking Streamlit's own protocol as a browser tab does (one
websocket, a `rerun_script` BackMsg with the URL's query string and page name, the hashes of the
messages it has cached reported on every rerun, no pings); each session loads the page, then
reruns it R times. A run's time is from sending the request (for a first load: from opening the
websocket) until the server's `script_finished`.

Prints one JSON line per page: first-load and rerun p50/p95 in seconds, bytes received, failures
(no `script_finished` within the timeout, a refused connection, or an exception or error box on
the page), the server's resident memory before and after, its CPU time per run (steadier than the
waits on a machine shared with other work), and the same figures for the one-line page measured
just before it with the same number of sessions, with the ratios page/one-line.

Beside them, the element floor (`floor`, `floor_ratio_*`): a third server's page of plain
one-line texts, as many as the page sends messages per rerun (`rerun_messages_p50`), measured
just after the page. Streamlit's cost per element (a message built, queued, handed to the event
loop and sent) hardly depends on what the element shows, so page/floor near 1 says the page's
cost is its element count, not its own work.

Beside the one-line page, the app's frame (`frame` line, printed first; only when the benchmark
starts the dashboard itself): the dashboard with the map page's own content, its title and notices
included, replaced by nothing, so each run draws only what every page has around its content (the
shared filters, the navigation, the sidebar's buttons and note). Its ratio to the one-line page
is the part of every page's ratio that no page's content can remove.

--url measures a deployment that is already running (e.g. behind nginx; several --url values
are used round-robin, one per session); the one-line page is then still started locally.
--soak runs every session many times (default 50 reruns) over all the pages at once and prints
the server's memory every few seconds, then one summary line.

Not like a browser: a rerun reports no widget states (the browser sends its widgets' values);
the pages read their filters from the URL, so they show the same.

Usage:
  python bench/load.py [--sessions 100] [--reruns 3] [--pages overview,map,profile,presentation]
  python bench/load.py --soak --sessions 300 --reruns 50
  python bench/load.py --url http://127.0.0.1:8080/ --url http://127.0.0.1:8081/ --sessions 300
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
ONE_LINE_PAGE = "import streamlit as st\n\nst.write('hei')\n"
# The element floor: a page of N one-line texts, N from the address (?n=N). Streamlit's own cost
# per element (each is a message built, queued, handed to the event loop and sent) is the same
# whatever the element shows; measured with as many elements as the page sends, it tells how much
# of the page's cost is Streamlit's per-element path and how much the page's own work.
FLOOR_PAGE = ("import streamlit as st\n\n"
              "for i in range(int(st.query_params.get('n', '1'))):\n"
              "    st.write('hei')\n")
# The app's frame: the dashboard's own entry file run with the map page's content (its view's
# `render`, which draws its title and notices too) replaced by nothing. Written beside a link to
# the page files, so the navigation finds the same pages (it resolves them next to the entry file).
FRAME_CONTENT = ("yhdyspinta.ui.views.map", "kartta")  # (the view emptied, its page's URL path)
FRAME_ENTRY = ("from pathlib import Path\n\n"
               "import {module} as content\n\n"
               "content.render = lambda: None\n"
               "ENTRY = Path({entry!r})\n"
               "exec(compile(ENTRY.read_text(encoding='utf-8'), str(ENTRY), 'exec'))\n")
FRAME_LINKS = ("app_pages",)  # the package comes from the working directory, the repository
DEFAULT_TIMEOUT_S = 20.0
DEFAULT_SESSIONS = 100
DEFAULT_RERUNS = 3
SOAK_RERUNS = 50
SOAK_SAMPLE_S = 5.0
SERVER_START_TIMEOUT_S = 90.0
CONNECT_STAGGER_S = 0.0
MB = 1024 * 1024

# name -> (page name as in the URL path, query string)
PAGE_ALIASES: dict[str, tuple[str, str]] = {
    # The default page: its address is the root; /tilannekuva answers "page not found".
    "overview": ("", ""),
    "map": ("kartta", ""),
    "profile": ("alueprofiili", "alue=13"),
    # Presentation mode, second view (the map of areas), as a presenter's prepared link.
    "presentation": ("", "esitys=1&nakyma=2"),
}
DEFAULT_PAGES = "overview,map,profile,presentation"


# ---------------------------------------------------------------------------------------------
# The testable core: figures from timings.


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0-100) with linear interpolation between ranks; None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    if len(ordered) == 1:
        return float(ordered[0])
    rank = (len(ordered) - 1) * q / 100.0
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return float(ordered[low] + (ordered[high] - ordered[low]) * (rank - low))


def _round(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)


def ratio(page: float | None, baseline: float | None) -> float | None:
    if page is None or not baseline:
        return None
    return round(page / baseline, 2)


@dataclass
class SessionResult:
    first_load_s: float | None = None
    first_load_bytes: int = 0
    rerun_s: list[float] = field(default_factory=list)
    rerun_bytes: list[int] = field(default_factory=list)
    rerun_messages: list[int] = field(default_factory=list)
    failure: str | None = None


def summarise(results: Sequence[SessionResult]) -> dict[str, object]:
    """p50/p95 of first loads and reruns, bytes, failures and their kinds."""
    first = [r.first_load_s for r in results if r.first_load_s is not None]
    reruns = [t for r in results for t in r.rerun_s]
    failures = [r.failure for r in results if r.failure]
    kinds: dict[str, int] = {}
    for failure in failures:
        kinds[failure] = kinds.get(failure, 0) + 1
    first_bytes = [r.first_load_bytes for r in results if r.first_load_s is not None]
    rerun_bytes = [b for r in results for b in r.rerun_bytes]
    rerun_messages = [m for r in results for m in r.rerun_messages]
    return {
        "first_load_p50_s": _round(percentile(first, 50)),
        "first_load_p95_s": _round(percentile(first, 95)),
        "rerun_p50_s": _round(percentile(reruns, 50)),
        "rerun_p95_s": _round(percentile(reruns, 95)),
        "first_load_bytes_p50": _round(percentile(first_bytes, 50), 0),
        "rerun_bytes_p50": _round(percentile(rerun_bytes, 50), 0),
        "rerun_messages_p50": _round(percentile(rerun_messages, 50), 0),
        "bytes_received": sum(first_bytes) + sum(rerun_bytes),
        "runs": len(first) + len(reruns),
        "failures": len(failures),
        "failure_kinds": kinds,
    }


def with_ratios(page: dict[str, object], baseline: dict[str, object], prefix: str = "ratio") -> dict[str, object]:
    keys = ("first_load_p50_s", "first_load_p95_s", "rerun_p50_s", "rerun_p95_s")
    ratios = {f"{prefix}_{k.removesuffix('_s')}": ratio(page[k], baseline[k]) for k in keys}  # type: ignore[arg-type]
    ratios[f"{prefix}_server_cpu_per_run"] = ratio(page.get("server_cpu_ms_per_run"),  # type: ignore[arg-type]
                                                   baseline.get("server_cpu_ms_per_run"))  # type: ignore[arg-type]
    return ratios


def floor_elements(page_messages: float | None, one_line_messages: float | None) -> int | None:
    """How many one-line texts the element floor shows to send as many messages per run as the
    page: the one-line page sends its one element plus the messages every run has (session
    status, page config, script finished)."""
    if page_messages is None or one_line_messages is None:
        return None
    return max(1, int(page_messages - one_line_messages) + 1)


def parse_pages(spec: str) -> list[tuple[str, str, str]]:
    """`overview,map,kartta?alue=13` -> [(label, page name, query)]: aliases or `path?query`."""
    pages = []
    for item in (part.strip() for part in spec.split(",")):
        if not item:
            continue
        if item in PAGE_ALIASES:
            name, query = PAGE_ALIASES[item]
        else:
            name, _, query = item.partition("?")
        pages.append((item, name.strip("/"), query))
    return pages


def stream_url(base: str) -> str:
    """http://host:port/prefix/ -> ws://host:port/prefix/_stcore/stream"""
    parts = urlsplit(base)
    scheme = "wss" if parts.scheme == "https" else "ws"
    prefix = parts.path.rstrip("/")
    return f"{scheme}://{parts.netloc}{prefix}/_stcore/stream"


# ---------------------------------------------------------------------------------------------
# Servers.


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cpu_s(pid: int | None) -> float | None:
    """User + system CPU seconds the process has used (from /proc)."""
    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int | None) -> float | None:
    if pid is None:
        return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    url: str
    log: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_server(script: Path, env: dict[str, str], workdir: Path, extra: Sequence[str] = ()) -> Server:
    """`streamlit run SCRIPT` from the repository (so with its .streamlit/config.toml)."""
    port = free_port()
    log = workdir / f"server-{port}.log"
    command = [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1", *extra]
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT)
    server = Server(process, f"http://127.0.0.1:{port}/", log)
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"server exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(f"{server.url}_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return server
        except OSError:
            time.sleep(0.3)
    server.stop()
    raise SystemExit(f"server did not answer within {SERVER_START_TIMEOUT_S} s: {log}")


def frame_script(workdir: Path) -> Path:
    """The frame's entry file in `workdir/frame/`, beside a link to the repository's page files
    (the package itself is imported from the working directory); see FRAME_ENTRY."""
    folder = workdir / "frame"
    folder.mkdir()
    for name in FRAME_LINKS:
        (folder / name).symlink_to(REPO / name, target_is_directory=True)
    script = folder / "streamlit_app.py"
    script.write_text(FRAME_ENTRY.format(module=FRAME_CONTENT[0], entry=str(REPO / "streamlit_app.py")),
                      encoding="utf-8")
    return script


def prepare_data_dir(data_dir: Path, env: dict[str, str], reference: Path | None) -> bool:
    """Example data and (when found) the 2024 boundaries, loaded before the server starts."""
    cli = [sys.executable, "-m", "yhdyspinta"]
    subprocess.run([*cli, "demo"], cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL)
    boundaries = reference is not None and (reference / "kuntarajat_2024.geojson").is_file()
    if boundaries:
        subprocess.run([*cli, "reference", "import", str(reference / "kuntarajat_2024.geojson")],
                       cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL)
    return boundaries


# ---------------------------------------------------------------------------------------------
# One session, as a browser tab.


class RunFailed(Exception):
    pass


async def _one_run(ws, request: bytes, cache: set[str], timeout: float) -> tuple[int, str, int]:
    """Send one rerun request; read until script_finished. Returns (bytes, page hash, messages)."""
    from streamlit.proto.Alert_pb2 import Alert
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    await ws.send(request)
    received = 0
    messages = 0
    page_hash = ""
    deadline = time.monotonic() + timeout
    error: str | None = None
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise RunFailed("timeout")
        try:
            raw = await asyncio.wait_for(ws.recv(), left)
        except TimeoutError as exc:
            raise RunFailed("timeout") from exc
        received += len(raw)
        messages += 1
        msg = ForwardMsg()
        msg.ParseFromString(raw)
        kind = msg.WhichOneof("type")
        if msg.metadata.cacheable and msg.hash:
            cache.add(msg.hash)
        if kind == "new_session":
            page_hash = msg.new_session.page_script_hash or page_hash
        elif kind == "navigation":
            page_hash = msg.navigation.page_script_hash or page_hash
        elif kind == "page_not_found":
            error = "page_not_found"
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element
            which = element.WhichOneof("type")
            if which == "exception":
                error = "exception"
            elif which == "alert" and element.alert.format == Alert.ERROR:
                error = "error_box"
        elif kind == "script_finished":
            status = msg.script_finished
            if status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                continue  # the page asked for a rerun (st.rerun, query change): keep reading
            if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                raise RunFailed("compile_error")
            if error:
                raise RunFailed(error)
            return received, page_hash, messages


def page_url(base_url: str, page_name: str, query: str) -> str:
    """The address a browser tab would have open (sent as `context_info.url`, which the
    app reads for the presentation's QR code)."""
    return base_url + page_name + (f"?{query}" if query else "")


def _rerun_request(query: str, page_name: str, page_hash: str, cache: set[str], url: str = "") -> bytes:
    from streamlit.proto.BackMsg_pb2 import BackMsg

    back = BackMsg()
    state = back.rerun_script
    state.query_string = query
    if page_hash:
        state.page_script_hash = page_hash
    else:
        state.page_name = page_name
    state.cached_message_hashes.extend(sorted(cache))
    state.context_info.timezone = "Europe/Helsinki"
    state.context_info.timezone_offset = -120
    state.context_info.locale = "fi-FI"
    state.context_info.url = url
    state.context_info.is_embedded = False
    state.context_info.color_scheme = "light"
    return back.SerializeToString()


async def run_session(base_url: str, page_name: str, query: str, reruns: int, timeout: float,
                      on_run: object = None) -> SessionResult:
    import websockets

    result = SessionResult()
    cache: set[str] = set()
    address = page_url(base_url, page_name, query)
    start = time.monotonic()
    try:
        async with websockets.connect(stream_url(base_url), subprotocols=["streamlit"],  # type: ignore[list-item]
                                      ping_interval=None, max_size=None, open_timeout=timeout,
                                      close_timeout=2) as ws:  # offers deflate, as browsers do
            left = timeout - (time.monotonic() - start)
            received, page_hash, _ = await _one_run(ws, _rerun_request(query, page_name, "", cache, address), cache,
                                                    left)
            result.first_load_s = time.monotonic() - start
            result.first_load_bytes = received
            if on_run:
                on_run()  # type: ignore[operator]
            for _ in range(reruns):
                begin = time.monotonic()
                received, new_hash, messages = await _one_run(
                    ws, _rerun_request(query, page_name, page_hash, cache, address), cache, timeout)
                result.rerun_s.append(time.monotonic() - begin)
                result.rerun_bytes.append(received)
                result.rerun_messages.append(messages)
                page_hash = new_hash or page_hash
                if on_run:
                    on_run()  # type: ignore[operator]
    except RunFailed as exc:
        result.failure = str(exc)
    except (TimeoutError, OSError) as exc:
        result.failure = f"connect:{type(exc).__name__}"
    except Exception as exc:  # websockets' own errors: a closed or refused connection
        result.failure = f"websocket:{type(exc).__name__}"
    return result


async def run_sessions(urls: Sequence[str], page_name: str, query: str, sessions: int, reruns: int,
                       timeout: float, on_run: object = None) -> list[SessionResult]:
    tasks = [run_session(urls[i % len(urls)], page_name, query, reruns, timeout, on_run)
             for i in range(sessions)]
    return list(await asyncio.gather(*tasks))


def measure(urls: Sequence[str], pids: Sequence[int | None], page_name: str, query: str,
            sessions: int, reruns: int, timeout: float) -> dict[str, object]:
    before = [rss_mb(pid) for pid in pids]
    cpu_before = [cpu_s(pid) for pid in pids]
    results = asyncio.run(run_sessions(urls, page_name, query, sessions, reruns, timeout))
    cpu_after = [cpu_s(pid) for pid in pids]
    after = [rss_mb(pid) for pid in pids]
    figures = summarise(results)
    # The servers' CPU time per run: unlike the waits, hardly moved by other work on the machine.
    used = [a - b for a, b in zip(cpu_after, cpu_before, strict=True) if a is not None and b is not None]
    runs = int(figures["runs"])  # type: ignore[call-overload]
    figures["server_cpu_ms_per_run"] = round(1000 * sum(used) / runs, 2) if used and runs else None
    figures["rss_before_mb"] = before[0] if len(before) == 1 else before
    figures["rss_after_mb"] = after[0] if len(after) == 1 else after
    return figures


def warm(urls: Sequence[str], page_name: str, query: str, timeout: float) -> None:
    """One session per process loads the page once: the server has been up, imports done."""
    asyncio.run(run_sessions(urls, page_name, query, len(urls), 0, max(timeout, 60.0)))


# ---------------------------------------------------------------------------------------------
# Soak: memory over time.


def soak(urls: Sequence[str], pids: Sequence[int | None], pages: Sequence[tuple[str, str, str]],
         sessions: int, reruns: int, timeout: float, sample_s: float) -> dict[str, object]:
    done = {"runs": 0}
    samples: list[dict[str, object]] = []

    def count() -> None:
        done["runs"] += 1

    def take(start: float) -> None:
        sample = {"soak_t_s": round(time.monotonic() - start, 1), "runs_done": done["runs"],
                  "rss_mb": [rss_mb(pid) for pid in pids]}
        samples.append(sample)
        print(json.dumps(sample), flush=True)

    async def sampler(start: float, stop: asyncio.Event) -> None:
        while True:
            take(start)
            try:
                await asyncio.wait_for(stop.wait(), sample_s)
                take(start)  # the end: every session has finished
                return
            except TimeoutError:
                pass

    async def main() -> list[SessionResult]:
        start = time.monotonic()
        stop = asyncio.Event()
        sampling = asyncio.create_task(sampler(start, stop))
        tasks = []
        for i in range(sessions):
            _label, name, query = pages[i % len(pages)]
            tasks.append(run_session(urls[i % len(urls)], name, query, reruns, timeout, count))
        results = list(await asyncio.gather(*tasks))
        stop.set()
        await sampling
        return results

    started = time.monotonic()
    results = asyncio.run(main())
    figures = summarise(results)
    # With several processes (--url, --pid), their sum.
    rss = [round(sum(s["rss_mb"]), 1) for s in samples  # type: ignore[arg-type]
           if s["rss_mb"] and None not in s["rss_mb"]]  # type: ignore[operator]
    figures.update({
        "soak": True, "pages": [p[0] for p in pages], "sessions": sessions, "reruns": reruns,
        "duration_s": round(time.monotonic() - started, 1),
        "rss_start_mb": rss[0] if rss else None, "rss_max_mb": max(rss) if rss else None,
        "rss_end_mb": rss[-1] if rss else None,
        "rss_last_quarter_max_mb": max(rss[len(rss) * 3 // 4:]) if rss else None,
    })
    return figures


# ---------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=DEFAULT_SESSIONS,
                        help=f"concurrent sessions per page (default {DEFAULT_SESSIONS})")
    parser.add_argument("--reruns", type=int, default=None,
                        help=f"reruns per session after its first load (default {DEFAULT_RERUNS}, "
                             f"{SOAK_RERUNS} with --soak)")
    parser.add_argument("--pages", default=DEFAULT_PAGES,
                        help=f"comma-separated: {', '.join(PAGE_ALIASES)} or a URL path with query, "
                             f"e.g. kartta?alue=13 (default {DEFAULT_PAGES})")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_S,
                        help=f"seconds a run may take before it counts as failed (default {DEFAULT_TIMEOUT_S:g})")
    parser.add_argument("--url", action="append", default=[],
                        help="measure a running deployment at this base URL instead of starting one; "
                             "repeat to spread sessions round-robin")
    parser.add_argument("--pid", action="append", type=int, default=[],
                        help="with --url: server process ids whose memory to report")
    parser.add_argument("--cluster", type=int, default=0, metavar="N",
                        help="start N dashboard processes behind nginx (yhdyspinta.cluster, as docs/deploy.md "
                             "describes) sharing the store at --db-url, and measure through nginx")
    parser.add_argument("--db-url", default=None,
                        help="with --cluster: the shared store, e.g. a PostgreSQL database of its own "
                             "(it gets the example data on first start)")
    parser.add_argument("--soak", action="store_true",
                        help="every session reruns many times over all pages at once; prints memory over time")
    parser.add_argument("--sample", type=float, default=SOAK_SAMPLE_S,
                        help=f"--soak: seconds between memory samples (default {SOAK_SAMPLE_S:g})")
    parser.add_argument("--no-baseline", action="store_true", help="skip the one-line page (and the element floor)")
    parser.add_argument("--no-floor", action="store_true",
                        help="skip the element floor (a page of as many one-line texts as the page sends messages)")
    parser.add_argument("--no-frame", action="store_true",
                        help="skip the app's frame (the dashboard with one page's content emptied)")
    parser.add_argument("--no-warmup", action="store_true",
                        help="measure from a server no session has visited yet (imports on the first run)")
    parser.add_argument("--reference", type=Path, default=None,
                        help="folder with kuntarajat_2024.geojson (default $YHDYSPINTA_REFERENCE_DIR or "
                             "../shared/reference)")
    parser.add_argument("--server-option", action="append", default=[],
                        help="extra `streamlit run` option for the started servers, e.g. "
                             "--server-option=--runner.postScriptGC=true (applied to both)")
    args = parser.parse_args(argv)
    if args.cluster and not args.db_url:
        parser.error("--cluster needs --db-url")
    reruns = args.reruns if args.reruns is not None else (SOAK_RERUNS if args.soak else DEFAULT_RERUNS)
    pages = parse_pages(args.pages)
    reference = args.reference or Path(os.environ.get("YHDYSPINTA_REFERENCE_DIR", REPO.parent / "shared" / "reference"))

    workdir = Path(tempfile.mkdtemp(prefix="yhdyspinta-load-"))
    env = dict(os.environ)
    env.pop("YHDYSPINTA_DB_URL", None)
    env["YHDYSPINTA_DATA_DIR"] = str(workdir / "data")
    (workdir / "data").mkdir()
    env["PYTHONUNBUFFERED"] = "1"
    servers: list[Server] = []
    boundaries: bool | None = None
    finished = False
    stack = contextlib.ExitStack()
    warm_urls: list[str] | None = None
    try:
        if args.cluster:
            sys.path.insert(0, str(REPO))
            from yhdyspinta import cluster as cluster_mod

            started = stack.enter_context(cluster_mod.running(
                processes=args.cluster, env={**env, "YHDYSPINTA_DB_URL": args.db_url},
                extra_args=args.server_option))
            urls = [started.url]
            # Each process warmed directly: through nginx a warm-up session lands on one of them.
            warm_urls = [started.app_url(port) for port in started.apps]
            pids = [app.popen.pid for app in started.apps.values() if app.popen is not None]
            target = f"nginx:{args.cluster}"
            print(f"{args.cluster} dashboard processes {pids} behind nginx at {started.url}", file=sys.stderr,
                  flush=True)
        elif args.url:
            urls = [u if u.endswith("/") else u + "/" for u in args.url]
            pids: list[int | None] = list(args.pid) or [None]
            target = "url"
        else:
            boundaries = prepare_data_dir(workdir / "data", env, reference)
            app = start_server(REPO / "streamlit_app.py", env, workdir, args.server_option)
            servers.append(app)
            urls, pids, target = [app.url], [app.pid], "local"
            print(f"dashboard server pid {app.pid} at {app.url} (log {app.log})", file=sys.stderr, flush=True)
        baseline_server: Server | None = None
        if not args.no_baseline and not args.soak:
            one_line = workdir / "one_line.py"
            one_line.write_text(ONE_LINE_PAGE)
            baseline_server = start_server(one_line, env, workdir, args.server_option)
            servers.append(baseline_server)
        floor_server: Server | None = None
        if baseline_server is not None and not args.no_floor:
            floor_page = workdir / "floor.py"
            floor_page.write_text(FLOOR_PAGE)
            floor_server = start_server(floor_page, env, workdir, args.server_option)
            servers.append(floor_server)

        frame_server: Server | None = None
        if baseline_server is not None and not args.no_frame and target == "local":
            frame_server = start_server(frame_script(workdir), env, workdir, args.server_option)
            servers.append(frame_server)

        common = {"sessions": args.sessions, "reruns": reruns, "timeout_s": args.timeout, "target": target,
                  "processes": args.cluster or len(urls), "boundaries": boundaries, "cpu_count": os.cpu_count()}
        if args.soak:
            if not args.no_warmup:
                for _label, name, query in pages:
                    warm(warm_urls or urls, name, query, args.timeout)
            figures = soak(urls, pids, pages, args.sessions, reruns, args.timeout, args.sample)
            print(json.dumps({**figures, **{k: v for k, v in common.items() if k not in figures}}), flush=True)
            finished = True
            return 0

        if baseline_server is not None and not args.no_warmup:
            warm([baseline_server.url], "", "", args.timeout)
        if frame_server is not None and baseline_server is not None:
            # The frame first, beside a one-line page measured just before it.
            frame_path = FRAME_CONTENT[1]
            if not args.no_warmup:
                warm([frame_server.url], frame_path, "", args.timeout)
            baseline = measure([baseline_server.url], [baseline_server.pid], "", "", args.sessions, reruns,
                               args.timeout)
            frame = {"frame": frame_path, **common,
                     **measure([frame_server.url], [frame_server.pid], frame_path, "", args.sessions, reruns,
                               args.timeout)}
            frame["one_line"] = baseline
            frame.update(with_ratios(frame, baseline))
            print(json.dumps(frame), flush=True)
        for label, name, query in pages:
            line: dict[str, object] = {"page": label, "path": name, "query": query, **common}
            if not args.no_warmup:
                warm(warm_urls or urls, name, query, args.timeout)
            baseline = None
            if baseline_server is not None:
                # Measured just before the page, with the same sessions: whatever else the machine
                # is doing then weighs on both alike.
                baseline = measure([baseline_server.url], [baseline_server.pid], "", "",
                                   args.sessions, reruns, args.timeout)
            line.update(measure(urls, pids, name, query, args.sessions, reruns, args.timeout))
            if baseline is not None:
                line["one_line"] = baseline
                line.update(with_ratios(line, baseline))
                elements = floor_elements(line["rerun_messages_p50"], baseline["rerun_messages_p50"])  # type: ignore[arg-type]
                if floor_server is not None and elements is not None:
                    floor_query = f"n={elements}"
                    if not args.no_warmup:
                        warm([floor_server.url], "", floor_query, args.timeout)
                    floor = measure([floor_server.url], [floor_server.pid], "", floor_query,
                                    args.sessions, reruns, args.timeout)
                    line["floor"] = {"elements": elements, **floor}
                    line.update(with_ratios(line, floor, prefix="floor_ratio"))
            print(json.dumps(line), flush=True)
        finished = True
        return 0
    finally:
        stack.close()
        for server in servers:
            server.stop()
        if finished:
            shutil.rmtree(workdir, ignore_errors=True)
        else:  # keep the servers' logs for a look
            print(f"servers' logs and data kept in {workdir}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
