"""bench/load.py: its figures from timings, and one small run against the real server."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "bench" / "load.py"


def _load_module():
    spec = importlib.util.spec_from_file_location("bench_load", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_load"] = module
    spec.loader.exec_module(module)
    return module


load = _load_module()


@pytest.mark.parametrize(("values", "q", "expected"), [
    ([], 50, None),
    ([2.0], 95, 2.0),
    ([1.0, 2.0, 3.0], 50, 2.0),
    ([3.0, 1.0, 2.0, 4.0], 50, 2.5),
    ([float(i) for i in range(1, 101)], 95, 95.05),
    ([float(i) for i in range(1, 101)], 100, 100.0),
    ([5.0, 1.0], 0, 1.0),
])
def test_percentile(values, q, expected):
    if expected is None:
        assert load.percentile(values, q) is None
    else:
        assert load.percentile(values, q) == pytest.approx(expected)


@pytest.mark.parametrize(("page", "baseline", "expected"), [
    (3.0, 1.5, 2.0), (1.0, 3.0, 0.33), (None, 1.0, None), (1.0, None, None), (1.0, 0.0, None),
])
def test_ratio(page, baseline, expected):
    assert load.ratio(page, baseline) == expected


def test_summarise_counts_failures_and_bytes():
    results = [
        load.SessionResult(first_load_s=1.0, first_load_bytes=100, rerun_s=[0.1, 0.3], rerun_bytes=[10, 30]),
        load.SessionResult(first_load_s=3.0, first_load_bytes=300, rerun_s=[0.2], rerun_bytes=[20]),
        load.SessionResult(failure="timeout"),
        load.SessionResult(first_load_s=2.0, first_load_bytes=200, failure="timeout"),
    ]
    figures = load.summarise(results)
    assert figures["first_load_p50_s"] == 2.0
    assert figures["rerun_p50_s"] == 0.2
    assert figures["first_load_bytes_p50"] == 200
    assert figures["rerun_bytes_p50"] == 20
    assert figures["bytes_received"] == 100 + 300 + 200 + 10 + 30 + 20
    assert figures["runs"] == 6
    assert figures["failures"] == 2
    assert figures["failure_kinds"] == {"timeout": 2}


def test_summarise_of_nothing():
    figures = load.summarise([])
    assert figures["failures"] == 0 and figures["first_load_p95_s"] is None and figures["runs"] == 0


@pytest.mark.parametrize(("spec", "expected"), [
    ("overview", [("overview", "", "")]),
    ("map,profile", [("map", "kartta", ""), ("profile", "alueprofiili", "alue=13")]),
    ("presentation", [("presentation", "", "esitys=1&nakyma=2")]),
    ("kartta?alue=13&kieli=sv, ", [("kartta?alue=13&kieli=sv", "kartta", "alue=13&kieli=sv")]),
    ("/kysely", [("/kysely", "kysely", "")]),
])
def test_parse_pages(spec, expected):
    assert load.parse_pages(spec) == expected


@pytest.mark.parametrize(("url", "expected"), [
    ("http://127.0.0.1:8501/", "ws://127.0.0.1:8501/_stcore/stream"),
    ("http://127.0.0.1:8501", "ws://127.0.0.1:8501/_stcore/stream"),
    ("https://example.org/yhdyspinta/", "wss://example.org/yhdyspinta/_stcore/stream"),
])
def test_stream_url(url, expected):
    assert load.stream_url(url) == expected


def test_with_ratios():
    page = {"first_load_p50_s": 2.0, "first_load_p95_s": 4.0, "rerun_p50_s": 1.0, "rerun_p95_s": None,
            "server_cpu_ms_per_run": 6.0}
    base = {"first_load_p50_s": 1.0, "first_load_p95_s": 1.0, "rerun_p50_s": 0.5, "rerun_p95_s": 0.5,
            "server_cpu_ms_per_run": 2.0}
    assert load.with_ratios(page, base) == {
        "ratio_first_load_p50": 2.0, "ratio_first_load_p95": 4.0, "ratio_rerun_p50": 2.0,
        "ratio_rerun_p95": None, "ratio_server_cpu_per_run": 3.0}


@pytest.mark.parametrize(("page", "one_line", "expected"), [
    (46.0, 5.0, 42),   # the overview: 41 messages more than the one-line page's 5, so 42 texts
    (5.0, 5.0, 1),     # a page no bigger than the one-line page: one text
    (3.0, 5.0, 1),     # never fewer than one
    (None, 5.0, None),  # no rerun measured (every session failed): no floor
    (46.0, None, None),
])
def test_floor_elements(page: float | None, one_line: float | None, expected: int | None) -> None:
    assert load.floor_elements(page, one_line) == expected


def test_ratios_to_the_floor_have_their_own_names():
    page = {"first_load_p50_s": 2.0, "first_load_p95_s": 4.0, "rerun_p50_s": 1.0, "rerun_p95_s": 1.0,
            "server_cpu_ms_per_run": 6.0}
    assert load.with_ratios(page, page, prefix="floor_ratio") == {
        "floor_ratio_first_load_p50": 1.0, "floor_ratio_first_load_p95": 1.0, "floor_ratio_rerun_p50": 1.0,
        "floor_ratio_rerun_p95": 1.0, "floor_ratio_server_cpu_per_run": 1.0}


EXPECTED_KEYS = {
    "page", "path", "query", "sessions", "reruns", "first_load_p50_s", "first_load_p95_s", "rerun_p50_s",
    "rerun_p95_s", "first_load_bytes_p50", "rerun_bytes_p50", "bytes_received", "failures", "rss_before_mb",
    "rss_after_mb", "server_cpu_ms_per_run", "one_line", "ratio_first_load_p50", "ratio_first_load_p95",
    "ratio_rerun_p50", "ratio_rerun_p95", "ratio_server_cpu_per_run", "rerun_messages_p50", "floor",
    "floor_ratio_first_load_p95", "floor_ratio_rerun_p95", "floor_ratio_server_cpu_per_run",
}


def test_small_run_against_the_real_server():
    """Three sessions, one rerun each, on every default page and the one-line page: the real
    `streamlit run` with the repository's settings, Streamlit's own protocol."""
    env = dict(os.environ)
    completed = subprocess.run(
        [sys.executable, str(SCRIPT), "--sessions", "3", "--reruns", "1", "--timeout", "60"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=240)
    assert completed.returncode == 0, completed.stderr[-3000:]
    lines = [json.loads(line) for line in completed.stdout.splitlines() if line.strip()]
    frame = lines.pop(0)
    assert frame["frame"] == load.FRAME_CONTENT[1] and frame["failures"] == 0 and frame["runs"] == 6, frame
    assert frame["ratio_server_cpu_per_run"] > 0
    assert [line["page"] for line in lines] == ["overview", "map", "profile", "presentation"]
    # The frame is the map page without its content: the same sidebar and navigation, fewer
    # messages, more than the one-line page's.
    page_map = lines[1]
    assert frame["one_line"]["rerun_messages_p50"] < frame["rerun_messages_p50"] < page_map["rerun_messages_p50"]
    for line in lines:
        assert set(line) >= EXPECTED_KEYS, EXPECTED_KEYS - set(line)
        assert line["failures"] == 0, line
        assert line["sessions"] == 3 and line["reruns"] == 1
        assert line["runs"] == 6
        for key in ("first_load_p50_s", "first_load_p95_s", "rerun_p50_s", "rerun_p95_s"):
            assert 0 < line[key] < 60, (key, line)
        assert line["first_load_bytes_p50"] > 1000  # a real page, not an empty answer
        if line["page"] == "profile":
            # Its tables and charts (over 50 kB) go as references to what the tab already has
            # (global.minCachedMessageSize in .streamlit/config.toml): 17 kB measured, 73 kB without.
            assert line["rerun_bytes_p50"] < 25_000, line
        assert line["rss_after_mb"] > 50
        one_line = line["one_line"]
        assert one_line["failures"] == 0 and one_line["runs"] == 6
        assert one_line["first_load_bytes_p50"] < line["first_load_bytes_p50"]
        assert line["ratio_first_load_p50"] > 0
        # The floor sends as many messages per rerun as the page.
        floor = line["floor"]
        assert floor["failures"] == 0 and floor["runs"] == 6
        assert floor["rerun_messages_p50"] == line["rerun_messages_p50"], (floor, line["rerun_messages_p50"])
        assert floor["elements"] == line["rerun_messages_p50"] - one_line["rerun_messages_p50"] + 1


def test_frame_script_empties_the_map_page(tmp_path: Path) -> None:
    """The frame's entry file replaces the map view's `render` and runs the dashboard's own entry
    file; its page path is the map page's, whose file calls that `render`."""
    from yhdyspinta.ui.pages import PAGES

    script = load.frame_script(tmp_path)
    module, path = load.FRAME_CONTENT
    page = next(page for page in PAGES if page.url_path == path)
    page_file = script.parent / "app_pages" / page.file
    assert f"from {module} import render" in page_file.read_text(encoding="utf-8")
    text = script.read_text(encoding="utf-8")
    compile(text, str(script), "exec")
    assert f"import {module} as content" in text and str(REPO / "streamlit_app.py") in text


def test_cluster_needs_a_shared_store(capsys: pytest.CaptureFixture[str]) -> None:
    """--cluster without --db-url is refused before anything starts (N processes must share one store)."""
    with pytest.raises(SystemExit) as stopped:
        load.main(["--cluster", "2", "--sessions", "1"])
    assert stopped.value.code == 2
    assert "--cluster needs --db-url" in capsys.readouterr().err
