"""The one way the in-process page tests open the app: through the entry file, as a user would."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from yhdyspinta.ui.pages import PAGES

APP = Path(__file__).resolve().parent.parent / "streamlit_app.py"
TIMEOUT = 60  # s; the first run of a page fills its caches


def page_hash(page: str) -> str | None:
    """The script hash Streamlit gives the page of file `page` (an `st.Page` hashes its
    url_path); None for the overview, the default page, which a first run shows anyway."""
    index, definition = next((i, p) for i, p in enumerate(PAGES) if p.file == page)
    return None if index == 0 else calc_hash(definition.url_path)


def open_app(page: str | None = None, query: Mapping[str, str] | None = None) -> AppTest:
    """Run the entry file with `query` in the URL on `page` (a file in the pages folder, e.g.
    "map.py"), as a browser opening the page's address does; fails the test on any exception
    shown.

    `AppTest.switch_page` only knows our pages after a first run (it resolves a file to the
    hash of its url_path from what `st.navigation` registered), and a first run of the overview
    was most of a page test's time (2.0 of 2.5 s). So the first run asks for the page's hash
    directly (AppTest's own field for the page to run next); the pages' tests check each
    page's title, so a Streamlit that stopped honouring it would fail them."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params.update(query or {})
    wanted = None if page is None else page_hash(page)
    if wanted is not None:
        at._page_hash = wanted  # a private field: see the docstring
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def capture_downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """The bytes of every download button the app offers from now on, by file name."""
    got: dict[str, bytes] = {}
    original = MediaFileManager.add

    def add(self: MediaFileManager, data: bytes | str, mimetype: str, coordinates: str, file_name: str | None = None,
            is_for_static_download: bool = False) -> str:
        got[str(file_name)] = data if isinstance(data, bytes) else data.encode()
        return original(self, data, mimetype, coordinates, file_name, is_for_static_download)

    monkeypatch.setattr(MediaFileManager, "add", add)
    return got
