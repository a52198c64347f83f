"""Live pages: the overview and the presentation notice new data by themselves.

A projector showing the presentation, or a screen left on the overview, should show
attendance and self-assessments as they arrive, without anyone pressing reload. Rerunning
the whole page every few seconds for every viewer would cost a page run per session per
interval; instead a small fragment (`st.fragment(run_every=...)`) asks the store for the
data version (one one-row query on the change log, `repository.DATA_VERSION_SQL`) and
reruns the whole app only when that version differs from the one the page was drawn with.
The version comes from the database, so a write through any process of a scaled-out
deployment (docs/deploy.md) is noticed by sessions on every other process.

Call `keep_live(version)` once per page run, with the version the page was drawn with.
"""

from __future__ import annotations

import logging
import math
import os
import threading
import time
from collections.abc import Callable

import streamlit as st

from yhdyspinta.ui import data

ENV_LIVE_INTERVAL = "YHDYSPINTA_LIVE_INTERVAL"
# Seconds between two checks of one session. New data shows within this, plus up to
# VERSION_MAX_AGE_SECONDS, plus one page run; the aim is 10 s. A check is a fragment run of
# about 2-3 ms of server CPU (bench/live_check.py, figures in docs/deploy.md): 300 sessions on
# one process checking every 4 s take about a fifth of a core.
LIVE_INTERVAL_SECONDS = 4.0
# Shorter intervals are not accepted: the checks of hundreds of sessions would crowd out pages.
MIN_LIVE_INTERVAL_SECONDS = 1.0

log = logging.getLogger(__name__)


def live_interval(raw: str | None) -> float | None:
    """The check interval from the environment's text: the default when unset or unreadable,
    None (no checks) for 0, never below the minimum."""
    if raw is None or not raw.strip():
        return LIVE_INTERVAL_SECONDS
    try:
        seconds = float(raw)
    except ValueError:
        log.warning("%s=%r is not a number of seconds; using %s", ENV_LIVE_INTERVAL, raw, LIVE_INTERVAL_SECONDS)
        return LIVE_INTERVAL_SECONDS
    if not math.isfinite(seconds) or seconds < 0:
        return LIVE_INTERVAL_SECONDS
    if seconds == 0:
        return None
    return max(seconds, MIN_LIVE_INTERVAL_SECONDS)


# Read once per process: the fragment's interval is fixed where it is defined.
INTERVAL = live_interval(os.environ.get(ENV_LIVE_INTERVAL))


# The sessions of one process share what the store said for this long: with hundreds of
# sessions checking every few seconds, the database is asked about once a second per process
# instead of once per check, and a change shows at most this much later.
VERSION_MAX_AGE_SECONDS = 1.0


class _SharedVersion:
    """The latest data version this process read, with when it was read."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._read_at = -math.inf
        self._version = 0

    def get(self, read: Callable[[], int], *, not_before: float, max_age: float = VERSION_MAX_AGE_SECONDS) -> int:
        """The version read at most `max_age` s ago, and not before `not_before` (when the
        page was drawn: an older reading could be older than the page); else read it now."""
        now = time.monotonic()
        with self._lock:
            if not_before <= self._read_at and now - self._read_at < max_age:
                return self._version
        version = read()
        self.offer(version, now)
        return version

    def offer(self, version: int, read_at: float) -> None:
        """Keep a reading taken elsewhere (a page's own) if it is the newest."""
        with self._lock:
            if read_at >= self._read_at:
                self._read_at, self._version = read_at, version


_shared = _SharedVersion()


def _check(drawn: int, drawn_at: float) -> None:
    """Rerun the app if the data changed since the page was drawn (at `drawn_at`, on the
    monotonic clock) with version `drawn`."""
    if _shared.get(data.data_version, not_before=drawn_at) != drawn:
        st.rerun(scope="app")


_live_check = st.fragment(_check, run_every=INTERVAL) if INTERVAL else None


def keep_live(version: int) -> None:
    """Keep this page live: rerun it when the store's data version moves past `version`.

    The fragment also runs once inline, in this page run. The page has just read the version
    itself (`data.data_version`), so that reading is shared and the inline check asks the store
    nothing: under load (bench/load.py, 100 sessions, py-spy) the extra query was about 8 % of
    the overview's samples."""
    if _live_check is None:
        return
    reading = data.last_reading()
    if reading is not None and reading[0] == version:
        drawn_at = reading[1]
        _shared.offer(version, drawn_at)
    else:
        drawn_at = time.monotonic()
    _live_check(version, drawn_at)
