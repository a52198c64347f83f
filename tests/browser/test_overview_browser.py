"""The overview in a real browser: the list of areas that need attention is visible, says its
rules, and each entry's link opens that area's profile in the same language; the last and next
forum and the latest changes are there; axe-core finds no serious or critical violation in what
the page draws, for the whole country in Finnish and for one area in Swedish, at 1440 and 1920
pixels wide.

The sidebar's page menu is left out of the axe run here: it is Streamlit's own navigation, which
another part of the work replaces and tests (`test_pages_browser.py` keeps its exemption
honest). Screenshots go to a temp folder.
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
    interact,
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
LINKS = '[data-testid="stPageLink"] a'
CHART = '[data-testid="stVegaLiteChart"]'
PROFILE_PATH = next(p.url_path for p in PAGES if p.title_key == "nav.profile")
VIEWS = [("fi", None, 1440, 900), ("sv", AREA, 1440, 900), ("fi", AREA, 1920, 1080), ("sv", None, 1920, 1080)]


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
    # The example data has expired agreements: the rule's group is there and says its rule.
    expired = main.locator("summary", has_text=home.rule_title(Rule.EXPIRED, lang))
    assert expired.count() == 1
    if area is None:
        assert not main.get_by_text(home.rule_text(Rule.EXPIRED, lang)).is_visible()  # 13 areas: closed
        expired.click()  # an expander opens in the browser, without a rerun
    assert main.get_by_text(home.rule_text(Rule.EXPIRED, lang)).is_visible()
    links = main.locator(LINKS)
    names = [facts.area_by_code()[AREA].name(lang)] if area else [a.name(lang) for a in facts.in_scope_areas()]
    visible = [text for text in links.all_inner_texts() if any(n in text for n in names)]
    assert visible, "entries name their areas"
    if area is not None:  # only the chosen area's entries
        assert all(names[0] in text for text in links.all_inner_texts())
    # Nothing of ours is cut: every entry's text fits its link.
    clipped = links.evaluate_all("els => els.filter(a => a.scrollWidth > a.clientWidth + 1).map(a => a.innerText)")
    assert clipped == []
    tab.screenshot(path=str(tmp_path / f"overview-{lang}-{area or 'country'}-{width}.png"), full_page=True)


def test_an_attention_link_opens_the_area_profile_in_the_same_language(tab: Page,
                                                                        plain_server: StreamlitServer) -> None:
    _open(tab, plain_server, "sv", None, (1440, 900))
    main = tab.locator(MAIN)
    main.locator("summary", has_text=home.rule_title(Rule.EXPIRED, "sv")).click()
    name = facts.area_by_code()[AREA].name("sv")
    link = main.locator(LINKS, has_text=name).first
    link.scroll_into_view_if_needed()
    interact(tab, link.click)
    tab.wait_for_url(f"**/{PROFILE_PATH}?*")
    parts = urllib.parse.urlsplit(tab.url)
    assert parts.path.strip("/") == PROFILE_PATH
    assert dict(urllib.parse.parse_qsl(parts.query)) == {"alue": str(AREA), "kieli": "sv"}
    assert exception_texts(tab) == []
    assert tab.locator(f"{MAIN} h1").first.inner_text().strip() == t("nav.profile", "sv")
    # The session's area filter follows the link: the page names the area and shows its profile.
    assert f"{t('filter.area', 'sv')}: {name}" in tab.locator(MAIN).inner_text()
    assert tab.locator(f'{MAIN} [data-testid="stMetric"]').count() > 0


@pytest.mark.skipif(not axe_available(), reason="axe-playwright-python is not installed")
@pytest.mark.parametrize(("lang", "area"), [("fi", None), ("sv", AREA)], ids=["fi-country", "sv-13"])
def test_axe_finds_no_serious_violation_on_the_overview(tab: Page, plain_server: StreamlitServer, lang: str,
                                                        area: int | None) -> None:
    _open(tab, plain_server, lang, area, (1440, 900))
    # Open every expander (the rules' groups, the tables) so axe sees what they hold.
    tab.evaluate(f"document.querySelectorAll('{MAIN} details:not([open]) > summary').forEach(s => s.click())")
    tab.wait_for_timeout(500)
    assert tab.locator(f"{MAIN} details:not([open])").count() == 0
    violations = axe_violations(tab, impacts=("serious", "critical"), context={"exclude": [[MENU]]})
    assert violations == [], format_axe_violations(violations)
