"""The scale-out pieces that need no running server: port lists, the generated nginx
configuration (checked by nginx itself where installed) and the live check's interval."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest

from yhdyspinta import cluster
from yhdyspinta.ui import live


@pytest.mark.parametrize(("text", "ports"), [
    ("8501", [8501]),
    ("8501,8503", [8501, 8503]),
    ("8501-8504", [8501, 8502, 8503, 8504]),
    (" 8501-8502 , 9000 ", [8501, 8502, 9000]),
])
def test_ports(text: str, ports: list[int]) -> None:
    assert cluster.parse_ports(text) == ports


@pytest.mark.parametrize("text", ["", "x", "8502-8501", "0", "70000", "8501,8501", "8501-8502,8502", "-1"])
def test_bad_ports(text: str) -> None:
    with pytest.raises(ValueError):
        cluster.parse_ports(text)


def test_the_site_lists_every_process_and_keeps_websockets_sticky_and_open() -> None:
    site = cluster.render_site([8501, 8502], listen="127.0.0.1:8080", server_name="tilannekuva.example.fi")
    assert "server 127.0.0.1:8501 " in site and "server 127.0.0.1:8502 " in site
    assert "listen 127.0.0.1:8080;" in site
    assert "server_name tilannekuva.example.fi;" in site
    assert f"hash $cookie_{cluster.STICKY_COOKIE} consistent;" not in site  # hashed through the map
    assert "hash $yhdyspinta_sticky consistent;" in site
    assert "location = /_stcore/stream" in site and "proxy_read_timeout 1d;" in site
    assert "proxy_set_header Upgrade $http_upgrade;" in site
    assert "location = /_stcore/health" in site
    assert "@" not in "".join(line.split("#")[0] for line in site.splitlines())


def test_no_ports_no_site() -> None:
    with pytest.raises(ValueError):
        cluster.render_site([])


@pytest.mark.skipif(shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists(),
                    reason="nginx is not installed")
def test_nginx_accepts_the_generated_configuration(tmp_path: Path) -> None:
    site = tmp_path / "site.conf"
    site.write_text(cluster.render_site([8501, 8502], listen="127.0.0.1:8080"), encoding="utf-8")
    main = tmp_path / "nginx.conf"
    main.write_text(cluster.render_main_config(tmp_path, site), encoding="utf-8")
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    result = subprocess.run([nginx, "-t", "-p", str(tmp_path), "-e", str(tmp_path / "error.log"), "-c", str(main)],
                            capture_output=True, text=True, timeout=30, check=False)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("raw", "seconds"), [
    (None, live.LIVE_INTERVAL_SECONDS),
    ("", live.LIVE_INTERVAL_SECONDS),
    ("5", 5.0),
    ("4", 4.0),
    ("2.5", 2.5),
    ("0", None),
    ("0.1", live.MIN_LIVE_INTERVAL_SECONDS),
    ("-3", live.LIVE_INTERVAL_SECONDS),
    ("nan", live.LIVE_INTERVAL_SECONDS),
    ("inf", live.LIVE_INTERVAL_SECONDS),
    ("viisi", live.LIVE_INTERVAL_SECONDS),
])
def test_live_interval(raw: str | None, seconds: float | None) -> None:
    assert live.live_interval(raw) == seconds


def test_the_default_interval_leaves_time_for_a_page_run_within_ten_seconds() -> None:
    assert live.LIVE_INTERVAL_SECONDS + live.VERSION_MAX_AGE_SECONDS <= 5


def test_the_sessions_of_a_process_share_one_reading_of_the_version() -> None:
    readings = iter(range(1, 100))
    calls: list[int] = []

    def read() -> int:
        calls.append(1)
        return next(readings)

    shared = live._SharedVersion()
    drawn_at = time.monotonic()
    assert [shared.get(read, not_before=drawn_at) for _ in range(5)] == [1] * 5
    assert len(calls) == 1
    # A page drawn after that reading must not get it: it could be older than the page.
    assert shared.get(read, not_before=time.monotonic() + 1) == 2
    # Too old a reading is read again.
    assert shared.get(read, not_before=drawn_at, max_age=0.0) == 3
    assert len(calls) == 3


def test_a_page_s_own_reading_spares_the_inline_check_a_query() -> None:
    calls: list[int] = []

    def read() -> int:
        calls.append(1)
        return 7

    shared = live._SharedVersion()
    drawn_at = time.monotonic()
    shared.offer(7, drawn_at)  # what keep_live does with the page's reading
    assert shared.get(read, not_before=drawn_at) == 7
    assert calls == []
    # An older reading offered later does not replace a newer one.
    shared.offer(6, drawn_at - 5)
    assert shared.get(read, not_before=drawn_at) == 7
    assert calls == []
