"""Every page through a real ``streamlit run`` server and headless Chromium.

The page matrix is every page x fi/sv/en x whole country/``alue=13`` x without/with
boundaries (144 cases).  To stay fast on two cores, one browser tab is shared and each
language/area/boundary combination is opened once by URL (on a different page each time,
so every page is also loaded directly at least once); the combination's other pages are
reached by clicking the sidebar menu (Streamlit's own navigation), which must keep the filters
in the URL.

Screenshots (always taken, into a temp folder) are copied to ``docs/screenshots/`` when
``YHDYSPINTA_UPDATE_SCREENSHOTS=1``.
"""

from __future__ import annotations

import os
import shutil
import struct
import urllib.parse
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import pytest

from tests.browser.conftest import server_env
from tests.browser.harness import (
    REPO_ROOT,
    StreamlitServer,
    axe_available,
    axe_violations,
    exception_texts,
    format_axe_violations,
    goto,
    interact,
    streamlit_server,
    wait_for_streamlit,
)
from tests.conftest import ENV_GEO_PACKAGE
from yhdyspinta import facts
from yhdyspinta.access import PageAccess
from yhdyspinta.display import display_header
from yhdyspinta.filters import PARAM_AREA, PARAM_LANGUAGE
from yhdyspinta.geodata.package import DEFAULT_PACKAGE_DIR
from yhdyspinta.i18n import DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES, t, tn
from yhdyspinta.ui import tables
from yhdyspinta.ui.pages import PAGES, PageDef
from yhdyspinta.ui.views import profile as profile_view

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

pytestmark = pytest.mark.browser

AREA = 13  # Pohjois-Savo
DECK = '[data-testid="stDeckGlJsonChart"]'
SCREENSHOT_DIR = REPO_ROOT / "docs" / "screenshots"
UPDATE_SCREENSHOTS_ENV = "YHDYSPINTA_UPDATE_SCREENSHOTS"

SIDEBAR = '[data-testid="stSidebar"]'
# The menu is Streamlit's own navigation, one flat list (yhdyspinta/ui/pages.py).
MENU = '[data-testid="stSidebarNav"]'
NAV_LINKS = f'{SIDEBAR} {MENU} a[data-testid="stSidebarNavLink"]'
ALERTS = '[data-testid="stAlert"]'
WARNINGS = '[data-testid="stAlertContentWarning"]'
DATAFRAME = '[data-testid="stDataFrame"]'
CHART = '[data-testid="stVegaLiteChart"]'
MAIN = '[data-testid="stMain"]'
CAPTIONS = '[data-testid="stCaptionContainer"]'
VISIBLE_ROWS = 8  # rows a default-height st.dataframe surely has in the DOM


# ------------------------------------------------------------------------- helpers


class View(NamedTuple):
    """One cell of the page matrix."""

    boundaries: bool
    lang: str
    area: int | None
    page: PageDef
    direct: bool  # opened by URL (True) or through the sidebar navigation


# Pages that draw differently with and without boundaries (a map, the tile grid or the
# boundaries' status). Without boundaries every page is opened in Finnish (the anonymous
# visitor's menu on the plain server), these also in every other language; with boundaries
# every page in every language. The other pages draw nothing from the boundaries, and their
# Swedish and English views are covered on the boundary server (this keeps the browser
# worker, the suite's long pole, within its time).
BOUNDARY_PAGES = frozenset({"tilannekuva", "kartta", "alueprofiili", "foorumit", "viitetiedot"})


def _matrix() -> list[View]:
    views: list[View] = []
    combo = 0
    for boundaries in (False, True):
        for lang in LANGUAGES:
            for area in (None, AREA):
                order = [(i + combo) % len(PAGES) for i in range(len(PAGES))]
                views.extend(View(boundaries, lang, area, PAGES[i], n == 0) for n, i in enumerate(order)
                             if boundaries or lang == DEFAULT_LANGUAGE or PAGES[i].url_path in BOUNDARY_PAGES)
                combo += 1
    return views


MATRIX = _matrix()


def _view_id(view: View) -> str:
    return "-".join((
        "geo" if view.boundaries else "nogeo",
        view.lang,
        f"alue{view.area}" if view.area else "all",
        view.page.url_path,
    ))


def _query(lang: str, area: int | None, *, explicit_default: bool) -> dict[str, str]:
    query: dict[str, str] = {}
    if explicit_default or lang != DEFAULT_LANGUAGE:
        query[PARAM_LANGUAGE] = lang
    if area is not None:
        query[PARAM_AREA] = str(area)
    return query


def _page_path(page: PageDef) -> str:
    return "" if page is PAGES[0] else page.url_path


def _url_state(url: str) -> tuple[str, dict[str, str]]:
    parts = urllib.parse.urlsplit(url)
    return parts.path.strip("/"), dict(urllib.parse.parse_qsl(parts.query))


def _area_name(area: int | None, lang: str) -> str:
    return t("filter.area.all", lang) if area is None else facts.area_by_code()[area].name(lang)


def _area_select(page: Page, lang: str) -> Locator:
    return page.locator(SIDEBAR).get_by_role("combobox", name=t("filter.area", lang), exact=True)


def _current_nav_labels(page: Page) -> list[str]:
    """The labels of the menu links marked as the current page (`aria-current="page"`)."""
    return [text.strip() for text in page.locator(f'{NAV_LINKS}[aria-current="page"] p').all_inner_texts()]


def _current_nav_label(page: Page) -> str:
    current = _current_nav_labels(page)
    assert len(current) == 1, f"exactly one menu link is the current page: {current}"
    return current[0]


def _nav_link(page: Page, title: str) -> Locator:
    return page.locator(f"{SIDEBAR} {MENU}").get_by_role("link", name=title, exact=True)


def _expected_heading(page: PageDef, lang: str, area: int | None) -> str:
    """The page's title; the root with an area is that area's own front page, under its name."""
    if page is PAGES[0] and area is not None:
        return facts.area_by_code()[area].name(lang)
    return t(page.title_key, lang)


def _headings(page: Page) -> list[str]:
    return [text.strip() for text in page.locator("h1").all_inner_texts()]


def _alert_texts(page: Page, selector: str = ALERTS) -> list[str]:
    return [text.strip() for text in page.locator(selector).all_inner_texts()]


def _plain(markdown: str) -> str:
    """The text before the first inline code span: what shows verbatim on the page."""
    return markdown.split("`", 1)[0].strip()


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


# ------------------------------------------------------------------------ page matrix


# Which (server, lang, area) the shared tab shows right now; None after a failure.
_tab_state: dict[str, Any] = {"key": None}


@pytest.mark.parametrize("view", MATRIX, ids=[_view_id(v) for v in MATRIX])
def test_page_renders(view: View, tab: Page, request: pytest.FixtureRequest) -> None:
    server: StreamlitServer = request.getfixturevalue("geo_server" if view.boundaries else "plain_server")
    key = (server.url, view.lang, view.area)
    current, _tab_state["key"] = _tab_state["key"], None
    # The plain server has no sign-in: an anonymous visitor, whose menu lists the picture pages
    # only; the others are opened by their address, which keeps working.
    link = _nav_link(tab, t(view.page.title_key, view.lang))
    in_menu = view.page.access is PageAccess.EVERYONE
    if view.direct or current != key or not tab.url.startswith(server.url) or link.count() != 1:
        # fi is asked for explicitly here, so the app must also accept kieli=fi.
        goto(tab, server.url_for(_page_path(view.page), **_query(view.lang, view.area, explicit_default=True)))
    else:
        interact(tab, link.click)

    assert exception_texts(tab) == [], f"exception on {tab.url}"
    assert _headings(tab) == [_expected_heading(view.page, view.lang, view.area)], f"title on {tab.url}"
    # The filters travel with the URL (the app drops the default language).
    assert _url_state(tab.url) == (_page_path(view.page), _query(view.lang, view.area, explicit_default=False))
    assert _area_select(tab, view.lang).input_value() == _area_name(view.area, view.lang)
    assert (link.count() == 1) is in_menu, "the menu lists a page exactly when the visitor can use it"
    if in_menu:
        assert _current_nav_label(tab) == t(view.page.title_key, view.lang)
    else:
        assert _current_nav_labels(tab) == []
    if view.page.url_path == "viitetiedot":
        missing = [a for a in _alert_texts(tab, WARNINGS) if _plain(t("banner.no_boundaries", view.lang)) in a]
        assert bool(missing) is not view.boundaries, "'no boundaries' banner exactly when none are loaded"
    _tab_state["key"] = key


# ------------------------------------------------------------------ single scenarios


def test_switching_the_language_back_and_forth_keeps_the_area_and_municipality(
    tab: Page, plain_server: StreamlitServer
) -> None:
    """Streamlit keeps a selectbox's choice as the name it shows; a language switch must not
    leave the area as a name of the language before (once it failed the page: fi, sv, fi)."""
    municipality = sorted(m.code for m in facts.municipalities() if m.area_code == AREA)[0]
    goto(tab, plain_server.url_for("alueprofiili", alue=str(AREA), kunta=municipality))
    _tab_state["key"] = None
    shown = DEFAULT_LANGUAGE
    for lang in ("sv", "fi", "en", "sv", "fi"):
        combo = tab.locator(SIDEBAR).get_by_role("combobox", name=t("filter.language", shown), exact=True)
        interact(tab, combo.click)
        interact(tab, tab.get_by_role("option", name=LANGUAGE_NAMES[lang], exact=True).click)
        shown = lang
        assert exception_texts(tab) == [], f"after switching to {lang}"
        assert _headings(tab) == [t("nav.profile", lang)], f"after switching to {lang}"
        assert _area_select(tab, lang).input_value() == _area_name(AREA, lang)
        assert _url_state(tab.url)[1] == {**_query(lang, AREA, explicit_default=False), "kunta": municipality}
        name = facts.municipality_by_code()[municipality].name(lang)
        assert tab.locator(SIDEBAR).get_by_text(name, exact=True).count() == 1, f"{name} chosen after {lang}"


def test_the_profiles_parts_are_in_the_address_and_follow_the_language(
    tab: Page, plain_server: StreamlitServer
) -> None:
    """A click on a part of the area profile writes it into the address by its code; the
    address opens the same part again (a bookmark), and a language switch keeps it."""
    goto(tab, plain_server.url_for("alueprofiili", alue=str(AREA), kieli="sv"))
    _tab_state["key"] = None
    main = tab.locator(MAIN)
    label = t(f"profile.section.{profile_view.AGREEMENTS}", "sv")
    parts = main.locator('[data-testid="stRadio"]')
    interact(tab, parts.get_by_text(label, exact=True).click)
    assert exception_texts(tab) == []
    tab.wait_for_url(lambda url: _url_state(url)[1].get("osio") == profile_view.AGREEMENTS, timeout=10_000)
    assert _url_state(tab.url)[1] == {"alue": str(AREA), "kieli": "sv", "osio": profile_view.AGREEMENTS}
    assert main.get_by_role("heading", name=t("profile.agreement_rows", "sv")).count() == 1
    assert main.locator('[data-testid="stMetric"]').count() == 0
    goto(tab, tab.url)  # a bookmark: a new session from the address alone
    assert main.get_by_role("heading", name=t("profile.structures", "sv")).count() == 1
    combo = tab.locator(SIDEBAR).get_by_role("combobox", name=t("filter.language", "sv"), exact=True)
    interact(tab, combo.click)
    interact(tab, tab.get_by_role("option", name=LANGUAGE_NAMES["fi"], exact=True).click)
    assert exception_texts(tab) == []
    assert main.get_by_role("heading", name=t("profile.agreement_rows", "fi")).count() == 1
    assert _url_state(tab.url)[1].get("osio") == profile_view.AGREEMENTS
    assert main.get_by_role("radio", name=t(f"profile.section.{profile_view.AGREEMENTS}", "fi"),
                            exact=True).is_checked()
    interact(tab, parts.get_by_text(t(f"profile.section.{profile_view.SUMMARY}", "fi"), exact=True).click)
    tab.wait_for_url(lambda url: "osio" not in _url_state(url)[1], timeout=10_000)
    assert main.locator('[data-testid="stMetric"]').count() > 0
    assert main.get_by_role("heading", name=t("profile.agreements", "fi")).count() == 1  # the timeline
    interact(tab, tab.go_back)  # the browser's back button returns to the part before
    tab.wait_for_url(lambda url: _url_state(url)[1].get("osio") == profile_view.AGREEMENTS, timeout=10_000)
    wait_for_streamlit(tab)
    assert main.get_by_role("heading", name=t("profile.agreement_rows", "fi")).count() == 1
    assert main.locator('[data-testid="stMetric"]').count() == 0


def test_a_pages_own_choices_follow_the_language(tab: Page, plain_server: StreamlitServer) -> None:
    """The map's indicator (a selectbox) and level (a radio), chosen, then the language switched
    twice: each keeps its choice, shown in the new language."""
    from yhdyspinta import mapping

    indicator, level = mapping.INDICATORS[1], mapping.LEVELS[-1]
    goto(tab, plain_server.url_for("kartta"))
    _tab_state["key"] = None
    main = tab.locator(MAIN)
    interact(tab, main.get_by_role("combobox", name=t("map.indicator", "fi"), exact=True).click)
    interact(tab, tab.get_by_role("option", name=t(f"map.option.{indicator}", "fi"), exact=True).click)
    interact(tab, main.get_by_text(t(f"map.level.{level}", "fi"), exact=True).click)
    shown = DEFAULT_LANGUAGE
    for lang in ("sv", "fi"):
        combo = tab.locator(SIDEBAR).get_by_role("combobox", name=t("filter.language", shown), exact=True)
        interact(tab, combo.click)
        interact(tab, tab.get_by_role("option", name=LANGUAGE_NAMES[lang], exact=True).click)
        shown = lang
        assert exception_texts(tab) == [], f"after switching to {lang}"
        chosen = main.get_by_role("combobox", name=t("map.indicator", lang), exact=True).input_value()
        assert chosen == t(f"map.option.{indicator}", lang), f"after switching to {lang}"
        assert main.get_by_role("radio", name=t(f"map.level.{level}", lang), exact=True).is_checked()


def test_agreements_link_with_area_shows_only_that_area(
    tab: Page, plain_server: StreamlitServer, plain_data_dir: Path
) -> None:
    goto(tab, plain_server.url_for("sopimukset", alue=str(AREA)))
    _tab_state["key"] = None
    lang = DEFAULT_LANGUAGE
    area_name = facts.area_by_code()[AREA].name(lang)

    assert exception_texts(tab) == []
    assert _url_state(tab.url)[0] == "sopimukset"
    assert _headings(tab) == [t("nav.agreements", lang)]
    assert _area_select(tab, lang).input_value() == area_name
    assert _current_nav_label(tab) == t("nav.agreements", lang)

    # What the store holds (read from the server's own SQLite file).
    from yhdyspinta.store import repository
    from yhdyspinta.store.engine import create_store_engine

    engine = create_store_engine(f"sqlite:///{plain_data_dir / 'yhdyspinta.sqlite3'}")
    try:
        agreements = repository.read_kind(engine, "agreements")
    finally:
        engine.dispose()
    expected = int((agreements["area_code"] == AREA).sum())
    assert 0 < expected < len(agreements), "the example data should have agreements in and outside the area"

    table = tab.locator(DATAFRAME).first.locator("table")
    # The grid fills its accessible table only after it has drawn: wait for the header.
    table.locator("thead th").first.wait_for(state="attached")
    headers = [h.strip() for h in table.locator("thead th").all_inner_texts()]
    area_column = tables.header(display_header("area_name", lang))  # as the table heads it
    assert area_column in headers, headers
    column = headers.index(area_column) + 1
    cells = [c.strip() for c in table.locator(f'tbody td[aria-colindex="{column}"]').all_inner_texts()]
    assert cells, "the agreements table shows rows"
    assert set(cells) == {area_name}
    # The grid puts only the rows in view into the DOM; the caption states the full count.
    assert len(cells) == expected if expected <= VISIBLE_ROWS else len(cells) <= expected
    captions = [c.strip() for c in tab.locator(f"{MAIN} {CAPTIONS}").all_inner_texts()]
    assert tn("common.rows", expected, lang) in captions, captions


def test_bad_area_param_warns_without_traceback(tab: Page, plain_server: StreamlitServer) -> None:
    log_before = len(plain_server.logs())
    goto(tab, plain_server.url_for("", alue="99"))
    _tab_state["key"] = None
    lang = DEFAULT_LANGUAGE

    assert exception_texts(tab) == []
    assert _headings(tab) == [t("nav.home", lang)]
    warnings = _alert_texts(tab, WARNINGS)
    assert any(t("filter.bad_param", lang, param=PARAM_AREA, value="99") in w for w in warnings), warnings
    assert _area_select(tab, lang).input_value() == _area_name(None, lang)
    assert "Traceback" not in tab.locator(MAIN).inner_text()
    assert "Traceback" not in plain_server.logs()[log_before:]


@pytest.mark.parametrize(("path", "query", "notice"), [
    ("foo", {"kieli": "sv"}, True),  # a typo: a notice in the user's language, then the overview
    ("tilannekuva", {"alue": str(AREA)}, False),  # the overview's own name: the root, here the area's
    ("Kartta", {}, True),  # addresses are case-sensitive, as Streamlit's are
])
def test_an_address_naming_no_page_opens_the_overview(tab: Page, plain_server: StreamlitServer, path: str,
                                                      query: dict[str, str], notice: bool) -> None:
    goto(tab, plain_server.url_for(path, **query))
    _tab_state["key"] = None
    lang = query.get(PARAM_LANGUAGE, DEFAULT_LANGUAGE)
    area = int(query[PARAM_AREA]) if PARAM_AREA in query else None
    # The address moves to the root (the filters kept) once the app has switched pages.
    tab.wait_for_url(lambda url: _url_state(url) == ("", query), timeout=30_000)
    wait_for_streamlit(tab)
    tab.locator(NAV_LINKS).first.wait_for(state="visible")
    assert exception_texts(tab) == []
    assert _headings(tab) == [_expected_heading(PAGES[0], lang, area)]
    assert _current_nav_label(tab) == t(PAGES[0].title_key, lang)
    expected = _plain(t("nav.unknown_path", lang, path=path))
    shown = [w for w in _alert_texts(tab, WARNINGS) if expected.split(path)[0] in w]
    assert len(shown) == (1 if notice else 0), _alert_texts(tab, WARNINGS)
    if notice:
        assert path in shown[0]
    # Streamlit's own (English) "Page not found" dialog is not shown.
    assert tab.get_by_role("dialog").count() == 0
    assert "Page not found" not in tab.locator("body").inner_text()


# Every page once, half of them for the whole country in Finnish and half for one area in
# Swedish (the page matrix above already shows every page in every combination renders).
AXE_CASES = [(page, {} if i % 2 == 0 else {"alue": str(AREA), "kieli": "sv"}) for i, page in enumerate(PAGES)]
# The area profile's other parts (its summary is in the cases above or in the matrix).
PROFILE = next(p for p in PAGES if p.url_path == "alueprofiili")
AXE_CASES += [(PROFILE, {"alue": str(AREA), "osio": profile_view.AGREEMENTS}),
              (PROFILE, {"alue": str(AREA), "kieli": "sv", "osio": profile_view.PARTICIPATION})]


@pytest.mark.skipif(not axe_available(), reason="axe-playwright-python is not installed")
@pytest.mark.parametrize(("page", "query"), AXE_CASES,
                         ids=[f"{p.url_path}-{'-'.join(q.values()) or 'country'}" for p, q in AXE_CASES])
def test_axe_finds_no_serious_violation(tab: Page, plain_server: StreamlitServer, page: PageDef,
                                        query: dict[str, str]) -> None:
    """Every page, menu included, with no exemption."""
    goto(tab, plain_server.url_for(_page_path(page), **query))
    _tab_state["key"] = None
    assert exception_texts(tab) == []
    tab.locator(NAV_LINKS).first.wait_for(state="visible")
    _settle_visuals(tab)
    violations = axe_violations(tab, impacts=("serious", "critical"))
    assert violations == [], format_axe_violations(violations)


def test_the_menu_is_streamlits_own_flat_list(tab: Page, plain_server: StreamlitServer) -> None:
    """Streamlit's own menu, one flat list: a list item per link and nothing else inside the
    list (its sectioned form puts headings there, which breaks axe-core's list rules); no
    st.page_link in the sidebar; the menu at the top of the sidebar, above the filters."""
    goto(tab, plain_server.url_for("kartta"))
    _tab_state["key"] = None
    tab.locator(NAV_LINKS).first.wait_for(state="visible")
    assert tab.locator(f"{SIDEBAR} {MENU}").count() == 1
    children = tab.locator(f"{SIDEBAR} {MENU} ul").evaluate_all(
        "lists => lists.flatMap(ul => [...ul.children].map(c => c.tagName))")
    expected = [p for p in PAGES if p.access is PageAccess.EVERYONE]  # the plain server: anonymous
    assert children == ["LI"] * len(expected)
    labels = [text.strip() for text in tab.locator(f"{NAV_LINKS} p").all_inner_texts()]
    assert labels == [t(p.title_key, DEFAULT_LANGUAGE) for p in expected]
    assert tab.locator(f'{SIDEBAR} [data-testid="stPageLink"]').count() == 0
    assert tab.locator(f"{SIDEBAR} h3").count() == 0, "no section headings"
    first = tab.locator(NAV_LINKS).first.bounding_box()
    select = _area_select(tab, DEFAULT_LANGUAGE).bounding_box()
    assert first is not None and select is not None and first["y"] < select["y"], "the menu comes first"


# ----------------------------------------------------------------------- screenshots


def _settle_visuals(page: Page) -> None:
    """Charts and grids draw after the script finishes: wait for them, then a beat for fonts."""
    for container, drawing in ((CHART, "svg, canvas"), (DATAFRAME, "canvas"), (DECK, "canvas")):
        shown = page.locator(f"{container}:visible")  # not the ones in a closed expander
        if shown.count():
            shown.first.locator(drawing).first.wait_for(state="visible")
    page.evaluate("document.fonts.ready")
    page.wait_for_timeout(400)


def test_screenshots(
    tab: Page, plain_server: StreamlitServer, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    """The README's screenshots, from a server as the README's first command starts it: a new
    data folder, the example data, and the boundaries and population shipped with the package
    (no reference import, no network)."""
    _tab_state["key"] = None
    first_start = server_env(tmp_path_factory.mktemp("data-first-start"))
    first_start[ENV_GEO_PACKAGE] = str(DEFAULT_PACKAGE_DIR)
    with streamlit_server(env=first_start) as fresh:
        _take_screenshots(tab, fresh, plain_server, tmp_path)


def _take_screenshots(tab: Page, fresh: StreamlitServer, plain_server: StreamlitServer, tmp_path: Path) -> None:
    shots = {
        "overview.png": fresh.url_for(""),
        "map.png": fresh.url_for("kartta"),
        "profile-area.png": fresh.url_for("alueprofiili", alue=str(AREA)),
        "front-area.png": fresh.url_for("", alue=str(AREA)),
        "agreements-area.png": plain_server.url_for("sopimukset", alue=str(AREA)),
    }
    tab.set_viewport_size({"width": 1440, "height": 900})
    for name, url in shots.items():
        goto(tab, url)
        assert exception_texts(tab) == [], url
        _settle_visuals(tab)
        tab.screenshot(path=str(tmp_path / name))
        assert _png_size(tmp_path / name) == (1440, 900)
    if os.environ.get(UPDATE_SCREENSHOTS_ENV) == "1":
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        for name in shots:
            shutil.copyfile(tmp_path / name, SCREENSHOT_DIR / name)
