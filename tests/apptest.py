"""The one way the in-process page tests open the app: through the entry file, as a user would."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
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
