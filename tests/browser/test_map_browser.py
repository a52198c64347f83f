"""The map page in headless Chromium: polygons drawn, nothing fetched from the internet, and a
rerun that does not resend the map."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import pytest

from tests.browser.harness import StreamlitServer, exception_texts, goto, interact
from yhdyspinta.i18n import t

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

MAP_PATH = "kartta"
DECK = '[data-testid="stDeckGlJsonChart"]'
# The municipality map's spec is ~190 KB; everything else a rerun may send is a few KB.
RERUN_BYTES_LIMIT = 40_000
BASEMAP_HOSTS = ("cartocdn", "mapbox", "maptiler", "openstreetmap")


def _count_frames(page: Page) -> dict[str, int]:
    received = {"bytes": 0}

    def on_socket(ws: object) -> None:
        ws.on("framereceived", lambda payload: received.__setitem__(  # type: ignore[attr-defined]
            "bytes", received["bytes"] + len(payload)))

    page.on("websocket", on_socket)
    return received


def _distinct_colours(page: Page) -> int:
    from PIL import Image

    shot = page.locator(DECK).first.screenshot()
    image = Image.open(io.BytesIO(shot)).convert("RGB").resize((120, 120))
    return len(image.getcolors(maxcolors=120 * 120) or ())


def test_map_draws_offline_and_a_rerun_does_not_resend_it(browser: object, geo_server: StreamlitServer) -> None:
    page: Page = browser.new_page()  # type: ignore[attr-defined]
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    received = _count_frames(page)
    goto(page, geo_server.url_for(MAP_PATH), timeout=90)
    assert exception_texts(page) == []
    page.locator(DECK).first.wait_for(state="visible")
    page.wait_for_timeout(1500)  # deck.gl draws after the element mounts
    assert _distinct_colours(page) >= 6, "the areas are drawn in their status colours"
    assert not [u for u in requests if any(h in u for h in BASEMAP_HOSTS)], "no base map tiles"

    radio = page.locator('[data-testid="stRadio"]').get_by_text(t("map.level.municipalities", "fi"), exact=True)
    received["bytes"] = 0
    interact(page, radio.click)
    first_load = received["bytes"]
    assert first_load > 100_000, "the municipality map arrives once"
    page.locator("h1").first.click()  # keyboard focus off the radio, so R reruns the app
    received["bytes"] = 0
    interact(page, lambda: page.keyboard.press("r"))
    assert exception_texts(page) == []
    assert received["bytes"] < RERUN_BYTES_LIMIT, f"a rerun sent {received['bytes']} bytes"
    page.close()


def test_map_without_boundaries_shows_tiles_and_how_to_load_them(browser: object,
                                                                  plain_server: StreamlitServer) -> None:
    page: Page = browser.new_page()  # type: ignore[attr-defined]
    goto(page, plain_server.url_for(MAP_PATH, alue="13"), timeout=90)
    assert exception_texts(page) == []
    assert page.locator(DECK).count() == 0
    # Waiting: on a busy machine the tile grid's chart may mount after the run has finished.
    page.locator('[data-testid="stVegaLiteChart"]').first.wait_for(state="attached", timeout=30_000)
    assert page.locator('[data-testid="stVegaLiteChart"]').count() >= 1
    assert "reference fetch" in page.locator('[data-testid="stAlertContentWarning"]').first.inner_text()
    page.close()
