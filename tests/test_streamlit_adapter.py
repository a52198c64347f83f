"""Streamlit's private internals are used in one place only, and that place still matches
the installed Streamlit: an upgrade that moves them fails here, not in a viewer's chart."""

from __future__ import annotations

import re
from pathlib import Path

import streamlit.elements.vega_charts as vega_charts

from yhdyspinta.ui import charting

ROOT = Path(__file__).resolve().parent.parent
PRIVATE = re.compile(r"^\s*(from|import)\s+streamlit\.(elements|runtime|web|proto)\b", re.M)
ADAPTER = ROOT / "yhdyspinta" / "ui" / "charting.py"


def test_private_streamlit_imports_live_in_the_one_adapter() -> None:
    users = sorted(str(p.relative_to(ROOT)) for p in [*ROOT.glob("yhdyspinta/**/*.py"), *ROOT.glob("app_pages/*.py"),
                                                       ROOT / "streamlit_app.py"]
                   if PRIVATE.search(p.read_text(encoding="utf-8")))
    assert users == [str(ADAPTER.relative_to(ROOT))]


def test_the_adapter_shares_streamlits_own_theme_lock() -> None:
    # Altair's theme is process-global: our chart builds must hold the lock st.altair_chart holds.
    assert charting._THEME_LOCK is vega_charts._altair_globals_lock
