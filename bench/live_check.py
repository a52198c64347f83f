"""What the live check (yhdyspinta/ui/live.py) costs: the data-version query alone, and the
server's CPU for one check per session per interval with N sessions open on a page.

    python bench/live_check.py --sessions 300 [--page "" --query kieli=fi] [--seconds 30]

1. The version query (`repository.data_version`, what one check runs) timed on SQLite and,
   when reachable (YHDYSPINTA_TEST_PG_URL), on PostgreSQL in a scratch schema, both holding
   the example data.
2. One dashboard process (started by `yhdyspinta.cluster`, as deployed, with the production
   settings given by --streamlit-args), N websocket sessions speaking Streamlit's protocol
   each load the page (at most --concurrency at a time), learn the live check's fragment id
   from the server's `auto_rerun` message, and then, for --seconds, ask for that fragment's run
   every interval like a browser's timer, spread evenly. The server process's CPU time over
   that phase, against the same phase with the sessions open and idle, gives the CPU of one
   check; the round trip of each check is timed too.

Prints one JSON line per part.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from yhdyspinta import cluster  # noqa: E402

PRODUCTION_ARGS = ("--runner.postScriptGC", "false", "--server.fileWatcherType", "none")
CLK_TCK = os.sysconf("SC_CLK_TCK")


def pct(values: Sequence[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def cpu_seconds(pid: int) -> float:
    """User + system CPU of `pid` and its threads, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


# ------------------------------------------------------------------- the query alone


def time_query(url: str, calls: int) -> dict[str, object]:
    from yhdyspinta import demo
    from yhdyspinta.store import repository as repo
    from yhdyspinta.store.engine import open_store

    engine = open_store(url)
    try:
        if repo.count_user_rows(engine) == 0:
            demo.load(engine)
        for _ in range(50):
            repo.data_version(engine)
        times = []
        for _ in range(calls):
            start = time.perf_counter()
            repo.data_version(engine)
            times.append(time.perf_counter() - start)
        with engine.connect() as conn:
            log_rows = conn.exec_driver_sql("SELECT count(*) FROM change_log").scalar_one()
    finally:
        engine.dispose()
    return {"part": "version_query", "backend": url.split(":", 1)[0], "calls": calls, "change_log_rows": log_rows,
            "p50_ms": round(statistics.median(times) * 1000, 3), "p95_ms": round(pct(times, 0.95) * 1000, 3)}


# --------------------------------------------------------------------- the sessions


@dataclass
class Session:
    ws: object = None
    page_hash: str = ""
    fragment_id: str = ""
    interval: float = 0.0
    cache: set[str] = field(default_factory=set)
    failure: str = ""


def _request(query: str, session: Session, fragment: bool) -> bytes:
    from streamlit.proto.BackMsg_pb2 import BackMsg

    back = BackMsg()
    state = back.rerun_script
    state.query_string = query
    if session.page_hash:
        state.page_script_hash = session.page_hash
    if fragment:
        state.fragment_id = session.fragment_id
        state.is_auto_rerun = True
    state.cached_message_hashes.extend(sorted(session.cache))
    state.context_info.timezone = "Europe/Helsinki"
    state.context_info.locale = "fi-FI"
    return back.SerializeToString()


async def _run(session: Session, request: bytes, timeout: float) -> None:
    """Send a run request and read until its script_finished (noting what the page tells)."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    await session.ws.send(request)  # type: ignore[attr-defined]
    deadline = time.monotonic() + timeout
    while True:
        raw = await asyncio.wait_for(session.ws.recv(), max(0.01, deadline - time.monotonic()))  # type: ignore[attr-defined]
        msg = ForwardMsg()
        msg.ParseFromString(raw)
        kind = msg.WhichOneof("type")
        if msg.metadata.cacheable and msg.hash:
            session.cache.add(msg.hash)
        if kind == "new_session":
            session.page_hash = msg.new_session.page_script_hash or session.page_hash
        elif kind == "navigation":
            session.page_hash = msg.navigation.page_script_hash or session.page_hash
        elif kind == "auto_rerun":
            session.fragment_id, session.interval = msg.auto_rerun.fragment_id, msg.auto_rerun.interval
        elif kind == "script_finished":
            if msg.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                continue
            return


async def _open(url: str, query: str, timeout: float, gate: asyncio.Semaphore) -> Session:
    import websockets

    session = Session()
    async with gate:
        try:
            session.ws = await websockets.connect(cluster_stream(url), subprotocols=["streamlit"],  # type: ignore[list-item]
                                                  ping_interval=None, max_size=None, open_timeout=timeout)
            await _run(session, _request(query, session, fragment=False), timeout)
            if not session.fragment_id:
                session.failure = "no auto_rerun (live check) on this page"
        except Exception as exc:  # noted per session
            session.failure = f"{type(exc).__name__}: {exc}"[:200]
    return session


def cluster_stream(url: str) -> str:
    return url.replace("http://", "ws://").rstrip("/") + "/_stcore/stream"


async def _checks(sessions: list[Session], query: str, seconds: float, timeout: float) -> tuple[list[float], int]:
    """Each session asks for its fragment run every interval, the sessions spread evenly."""
    latencies: list[float] = []
    failures = 0
    stop_at = time.monotonic() + seconds

    async def one(index: int, session: Session) -> None:
        nonlocal failures
        await asyncio.sleep(session.interval * index / len(sessions))
        while time.monotonic() < stop_at:
            begin = time.monotonic()
            try:
                await _run(session, _request(query, session, fragment=True), timeout)
                latencies.append(time.monotonic() - begin)
            except Exception:  # counted
                failures += 1
            await asyncio.sleep(max(0.0, session.interval - (time.monotonic() - begin)))

    await asyncio.gather(*(one(i, s) for i, s in enumerate(sessions)))
    return latencies, failures


async def measure_sessions(url: str, pid: int, *, sessions: int, page: str, query: str, seconds: float,
                           concurrency: int, timeout: float) -> dict[str, object]:
    gate = asyncio.Semaphore(concurrency)
    start = time.monotonic()
    opened = await asyncio.gather(*(_open(url + page, query, timeout, gate) for _ in range(sessions)))
    load_s = time.monotonic() - start
    good = [s for s in opened if not s.failure]
    failures = [s.failure for s in opened if s.failure]
    await asyncio.sleep(2)  # let the loads' after-work settle
    idle_cpu = cpu_seconds(pid)
    await asyncio.sleep(seconds)
    idle_cpu = cpu_seconds(pid) - idle_cpu
    rss_before = rss_mb(pid)
    busy_cpu = cpu_seconds(pid)
    latencies, check_failures = await _checks(good, query, seconds, timeout)
    busy_cpu = cpu_seconds(pid) - busy_cpu
    for s in opened:
        if s.ws is not None:
            await s.ws.close()  # type: ignore[attr-defined]
    checks = len(latencies)
    extra = max(0.0, busy_cpu - idle_cpu)
    return {
        "part": "live_checks", "page": page or "(overview)", "query": query, "sessions": sessions,
        "sessions_open": len(good), "open_failures": len(failures), "first_failure": failures[0] if failures else None,
        "load_all_s": round(load_s, 1), "interval_s": good[0].interval if good else None, "seconds": seconds,
        "checks": checks, "check_failures": check_failures, "checks_per_s": round(checks / seconds, 1),
        "check_p50_ms": round((pct(latencies, 0.5) or 0) * 1000, 1),
        "check_p95_ms": round((pct(latencies, 0.95) or 0) * 1000, 1),
        "server_cpu_idle_s": round(idle_cpu, 2), "server_cpu_checking_s": round(busy_cpu, 2),
        "cpu_per_check_ms": round(extra / checks * 1000, 2) if checks else None,
        "share_of_one_core": round(extra / seconds, 3),
        "server_rss_mb": round(rss_before, 1),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=300)
    parser.add_argument("--page", default="", help="url path of the page (default: the overview)")
    parser.add_argument("--query", default="kieli=fi")
    parser.add_argument("--seconds", type=float, default=30.0, help="length of the idle and the checking phase")
    parser.add_argument("--concurrency", type=int, default=10, help="sessions loading the page at once")
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--calls", type=int, default=2000, help="version queries to time")
    parser.add_argument("--default-settings", action="store_true",
                        help=f"run the server with Streamlit's defaults instead of {' '.join(PRODUCTION_ARGS)}")
    parser.add_argument("--skip-query", action="store_true")
    args = parser.parse_args(argv)

    pg = os.environ.get("YHDYSPINTA_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
    schema = f"bench_live_{uuid.uuid4().hex[:8]}"
    from sqlalchemy import create_engine, text

    admin = create_engine(pg, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    pg_url = f"{pg}{'&' if '?' in pg else '?'}options=-csearch_path%3D{schema}"
    try:
        with tempfile.TemporaryDirectory() as tmp:
            if not args.skip_query:
                print(json.dumps(time_query(f"sqlite:///{tmp}/store.sqlite3", args.calls)), flush=True)
                print(json.dumps(time_query(pg_url, args.calls)), flush=True)
            env = {"YHDYSPINTA_DB_URL": pg_url, "YHDYSPINTA_DATA_DIR": tmp, "YHDYSPINTA_NO_DEMO": ""}
            extra = () if args.default_settings else PRODUCTION_ARGS
            with cluster.running(processes=1, env=env, extra_args=extra) as running:
                port = next(iter(running.apps))
                pid = running.apps[port].popen.pid  # type: ignore[union-attr]
                result = asyncio.run(measure_sessions(
                    running.app_url(port), pid, sessions=args.sessions, page=args.page, query=args.query,
                    seconds=args.seconds, concurrency=args.concurrency, timeout=args.timeout))
                result["settings"] = "streamlit defaults" if args.default_settings else " ".join(extra)
                print(json.dumps(result), flush=True)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
