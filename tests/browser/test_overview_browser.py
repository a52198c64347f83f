"""The overview in a real browser: the list of areas that need attention is visible, says its
rules, and each entry's link opens that area's profile in the same language (in a new tab); the
last and next forum and the latest changes are there; axe-core finds no serious or critical
violation on the page, menu included, in Finnish and Swedish, at 1440 and 1920 pixels wide.
(The root with an area chosen is that area's front page, tested in test_pages_browser.py.)
Screenshots go to a temp folder.
"""

from __future__ import annotations

import urllib.parse
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser.harness import (
    StreamlitServer,
    axe_available,
    axe_violations,
    exception_texts,
    format_axe_violations,
    goto,
)
from yhdyspinta import facts
from yhdyspinta.i18n import t
from yhdyspinta.indicators.attention import Rule
from yhdyspinta.ui.pages import PAGES
from yhdyspinta.ui.views import home

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

AREA = 13
MAIN = '[data-testid="stMain"]'
MENU = '[data-testid="stSidebarNav"]'
LINKS = '[data-testid="stMarkdownContainer"] a[href*="alue="]'
CHART = '[data-testid="stVegaLiteChart"]'
PROFILE_PATH = next(p.url_path for p in PAGES if p.title_key == "nav.profile")
VIEWS = [("fi", None, 1440, 900), ("sv", None, 1440, 900), ("fi", None, 1920, 1080), ("sv", None, 1920, 1080)]


def _open(tab: Page, server: StreamlitServer, lang: str, area: int | None, size: tuple[int, int]) -> None:
    tab.set_viewport_size({"width": size[0], "height": size[1]})
    goto(tab, server.url_for("", kieli=lang, **({"alue": str(area)} if area else {})))
    assert exception_texts(tab) == []
    tab.locator(f"{MAIN} h1").first.wait_for(state="visible")
    shown = tab.locator(f"{CHART}:visible")
    if shown.count():
        shown.first.locator("svg, canvas").first.wait_for(state="visible")
    tab.evaluate("document.fonts.ready")


def _heading(tab: Page, text: str) -> None:
    heading = tab.locator(MAIN).get_by_role("heading", name=text, exact=True)
    heading.scroll_into_view_if_needed()
    assert heading.is_visible(), text


@pytest.mark.parametrize(("lang", "area", "width", "height"), VIEWS,
                         ids=[f"{lang}-{area or 'country'}-{w}" for lang, area, w, _h in VIEWS])
def test_overview_shows_attention_forums_and_changes(tab: Page, plain_server: StreamlitServer, tmp_path: Path,
                                                     lang: str, area: int | None, width: int, height: int) -> None:
    _open(tab, plain_server, lang, area, (width, height))
    for key in ("attention.title", "overview.forums", "home.latest_changes"):
        _heading(tab, t(key, lang))
    main = tab.locator(MAIN)
    # The example data has expired agreements: the rule is listed and says what it checks.
    expired = main.locator("li", has_text=home.rule_title(Rule.EXPIRED, lang))
    assert expired.count() == 1
    assert expired.get_by_text(home.rule_text(Rule.EXPIRED, lang), exact=False).is_visible()
    links = main.locator(LINKS)
    names = [facts.area_by_code()[AREA].name(lang)] if area else [a.name(lang) for a in facts.in_scope_areas()]
    visible = [text for text in links.all_inner_texts() if any(n in text for n in names)]
    assert visible, "entries name their areas"
    if area is not None:  # only the chosen area's entries
        assert all(names[0] in text for text in links.all_inner_texts())
    tab.screenshot(path=str(tmp_path / f"overview-{lang}-{area or 'country'}-{width}.png"), full_page=True)


def test_an_attention_link_opens_the_area_profile_in_the_same_language(tab: Page,
                                                                        plain_server: StreamlitServer) -> None:
    _open(tab, plain_server, "sv", None, (1440, 900))
    main = tab.locator(MAIN)
    name = facts.area_by_code()[AREA].name("sv")
    link = main.locator("li", has_text=home.rule_title(Rule.EXPIRED, "sv")).locator("a", has_text=name).first
    link.scroll_into_view_if_needed()
    assert link.get_attribute("target") == "_blank"  # the list stays open in its own tab
    with tab.context.expect_page() as opened:
        link.click()
    tab = opened.value
    tab.wait_for_url(f"**/{PROFILE_PATH}?*")
    tab.locator(f"{MAIN} h1").first.wait_for(state="visible")
    parts = urllib.parse.urlsplit(tab.url)
    assert parts.path.strip("/") == PROFILE_PATH
    assert dict(urllib.parse.parse_qsl(parts.query)) == {"alue": str(AREA), "kieli": "sv"}
    assert exception_texts(tab) == []
    assert tab.locator(f"{MAIN} h1").first.inner_text().strip() == t("nav.profile", "sv")
    # The session's area filter follows the link: the page names the area and shows its profile.
    assert f"{t('filter.area', 'sv')}: {name}" in tab.locator(MAIN).inner_text()
    tab.locator(f'{MAIN} [data-testid="stMetric"]').first.wait_for(state="visible")


@pytest.mark.skipif(not axe_available(), reason="axe-playwright-python is not installed")
@pytest.mark.parametrize(("lang", "area"), [("fi", None), ("sv", None)], ids=["fi-country", "sv-country"])
def test_axe_finds_no_serious_violation_on_the_overview(tab: Page, plain_server: StreamlitServer, lang: str,
                                                        area: int | None) -> None:
    _open(tab, plain_server, lang, area, (1440, 900))
    # Open every expander (the rules' groups, the tables) so axe sees what they hold.
    tab.evaluate(f"document.querySelectorAll('{MAIN} details:not([open]) > summary').forEach(s => s.click())")
    tab.wait_for_timeout(500)
    assert tab.locator(f"{MAIN} details:not([open])").count() == 0
    violations = axe_violations(tab, impacts=("serious", "critical"))
    assert violations == [], format_axe_violations(violations)
