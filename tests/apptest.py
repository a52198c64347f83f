"""The one way the in-process page tests open the app: through the entry file, as a user would."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from streamlit.testing.v1 import AppTest

from yhdyspinta.ui.pages import PAGES_DIR

APP = Path(__file__).resolve().parent.parent / "streamlit_app.py"
TIMEOUT = 60  # s; the first run of a page fills its caches


def open_app(page: str | None = None, query: Mapping[str, str] | None = None) -> AppTest:
    """Run the entry file with `query` in the URL, then switch to `page` (a file in the pages
    folder, e.g. "map.py"); fails the test on any exception shown."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params.update(query or {})
    at.run()
    if page is not None:
        at.switch_page(f"{PAGES_DIR}/{page}").run()
    assert not at.exception, [e.value for e in at.exception]
    return at
