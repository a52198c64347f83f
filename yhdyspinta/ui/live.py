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

import streamlit as st

from yhdyspinta.ui import data

ENV_LIVE_INTERVAL = "YHDYSPINTA_LIVE_INTERVAL"
# Seconds between two checks of one session. New data shows within this plus one page run;
# the aim is 10 s. A check costs the server about a millisecond of CPU (bench/live_check.py;
# figures in docs/deploy.md), so at 300 sessions the default takes a few percent of one core.
LIVE_INTERVAL_SECONDS = 5.0
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


def _check(drawn: int) -> None:
    """Rerun the app if the data changed since the page was drawn with version `drawn`."""
    if data.data_version() != drawn:
        st.rerun(scope="app")


_live_check = st.fragment(_check, run_every=INTERVAL) if INTERVAL else None


def keep_live(version: int) -> None:
    """Keep this page live: rerun it when the store's data version moves past `version`."""
    if _live_check is not None:
        _live_check(version)
