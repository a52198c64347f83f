"""Presentation mode on a 1920×1080 projector: every view fits without scrolling, has no
sidebar or header, and the next button (or Page Down) moves on with the URL.

Streamlit scrolls inside `<main data-testid="stMain">`, not the document, so "does not scroll"
is checked on both. Screenshots go to a temp folder (to `docs/screenshots/` with
``YHDYSPINTA_UPDATE_SCREENSHOTS=1``).
"""

from __future__ import annotations

import os
import shutil
import urllib.parse
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser.harness import (
    REPO_ROOT,
    StreamlitServer,
    axe_available,
    axe_violations,
    exception_texts,
    format_axe_violations,
    goto,
    interact,
)
from yhdyspinta.i18n import t
from yhdyspinta.ui.slideshow import PARAM_VIEW, VIEWS

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

PROJECTOR = (1920, 1080)
SCREENSHOT_DIR = REPO_ROOT / "docs" / "screenshots"
UPDATE_SCREENSHOTS_ENV = "YHDYSPINTA_UPDATE_SCREENSHOTS"
SCROLL_JS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  return {document: document.scrollingElement.scrollHeight, inner: window.innerHeight,
          main: main ? main.scrollHeight : 0, mainClient: main ? main.clientHeight : 0};
}"""


def _shot(page: Page, tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path))
    if os.environ.get(UPDATE_SCREENSHOTS_ENV):
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, SCREENSHOT_DIR / path.name)


@pytest.fixture
def projector(tab: Page) -> Page:
    tab.set_viewport_size({"width": PROJECTOR[0], "height": PROJECTOR[1]})
    return tab


@pytest.mark.parametrize("query", [{}, {"alue": "13", "kieli": "sv"}], ids=["country", "alue13-sv"])
@pytest.mark.parametrize("number", range(1, len(VIEWS) + 1))
def test_view_fits_the_projector(plain_server: StreamlitServer, projector: Page, tmp_path: Path, number: int,
                                 query: dict[str, str]) -> None:
    _check_view_fits(plain_server, projector, tmp_path, number, query)


@pytest.mark.parametrize("query", [{}, {"alue": "13"}], ids=["country", "alue13"])
def test_map_view_with_boundaries_fits_the_projector(geo_server: StreamlitServer, projector: Page, tmp_path: Path,
                                                     query: dict[str, str]) -> None:
    """The drawn map is taller than the tile grid: it must fit as well."""
    number = next(i for i, v in enumerate(VIEWS, 1) if v.title_key == "present.view.map")
    _check_view_fits(geo_server, projector, tmp_path, number, query, shot_prefix="presentation_geo")
    assert projector.locator('[data-testid="stDeckGlJsonChart"]').count() == 1


def _check_view_fits(server: StreamlitServer, projector: Page, tmp_path: Path, number: int,
                     query: dict[str, str], shot_prefix: str = "presentation") -> None:
    goto(projector, server.url_for("", esitys="1", **{PARAM_VIEW: str(number)}, **query))
    projector.wait_for_timeout(500)  # let Vega lay the chart out
    assert exception_texts(projector) == []
    lang = query.get("kieli", "fi")
    assert projector.locator("h1").first.inner_text().strip() == t(VIEWS[number - 1].title_key, lang)
    assert projector.locator('[data-testid="stSidebar"]').count() == 0
    assert not projector.locator('[data-testid="stHeader"]').is_visible()
    sizes = projector.evaluate(SCROLL_JS)
    assert sizes["document"] <= sizes["inner"], sizes
    assert sizes["main"] <= sizes["mainClient"], sizes
    if axe_available():
        violations = axe_violations(projector)
        assert violations == [], format_axe_violations(violations)
    _shot(projector, tmp_path, f"{shot_prefix}_{'_'.join(query.values()) or 'country'}_{number}")


def test_next_and_page_down_move_on(plain_server: StreamlitServer, projector: Page) -> None:
    goto(projector, plain_server.url_for("", esitys="1"))
    next_button = projector.get_by_role("button", name=t("present.next", "fi"))
    interact(projector, next_button.click)
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(projector.url).query))
    assert query.get(PARAM_VIEW) == "2" and query.get("esitys") == "1"
    assert projector.locator("h1").first.inner_text().strip() == t(VIEWS[1].title_key, "fi")
    projector.mouse.click(5, PROJECTOR[1] - 5)  # focus the page, not a control
    interact(projector, lambda: projector.keyboard.press("PageDown"))
    assert projector.locator("h1").first.inner_text().strip() == t(VIEWS[2].title_key, "fi")
