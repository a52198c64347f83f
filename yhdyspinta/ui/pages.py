"""The page registry the entry file navigates, and the menu each role sees.

Streamlit's own sectioned menu (`st.navigation` in the sidebar) puts its section headings and
wrappers as `<div>`s directly inside a `<ul>`, which breaks axe-core's list rules (serious). So
the navigation is hidden and the sidebar menu is ours: a heading per section and an
`st.page_link` per page the person can use (`yhdyspinta.access.may_open`). Every page stays
registered, so every address keeps working; an address that names no page gets a notice in
the user's language and the overview instead of Streamlit's own "Page not found" dialog.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from yhdyspinta.access import PageAccess, Principal, may_open
from yhdyspinta.filters import Filters
from yhdyspinta.i18n import t
from yhdyspinta.ui import widgets


@dataclass(frozen=True)
class PageDef:
    file: str
    title_key: str
    url_path: str
    icon: str
    section: str
    access: PageAccess = PageAccess.EVERYONE  # whose menu lists it


PAGES_DIR = "app_pages"
SIGNED_IN, WRITER, LEAD = PageAccess.SIGNED_IN, PageAccess.WRITER, PageAccess.LEAD
PAGES: tuple[PageDef, ...] = (
    PageDef("home.py", "nav.home", "tilannekuva", ":material/dashboard:", "nav.section.picture"),
    PageDef("map.py", "nav.map", "kartta", ":material/map:", "nav.section.picture"),
    PageDef("profile.py", "nav.profile", "alueprofiili", ":material/query_stats:", "nav.section.picture"),
    PageDef("agreements.py", "nav.agreements", "sopimukset", ":material/handshake:", "nav.section.picture"),
    PageDef("structures.py", "nav.structures", "rakenteet", ":material/account_tree:", "nav.section.picture"),
    PageDef("forums.py", "nav.forums", "foorumit", ":material/groups:", "nav.section.picture"),
    PageDef("participation.py", "nav.participation", "osallistuminen", ":material/how_to_reg:", "nav.section.picture"),
    PageDef("survey.py", "nav.survey", "kysely", ":material/ballot:", "nav.section.picture"),
    PageDef("maturity.py", "nav.maturity", "kypsyys", ":material/stairs:", "nav.section.picture"),
    PageDef("pilots.py", "nav.pilots", "pilotit", ":material/flag:", "nav.section.picture"),
    PageDef("areas.py", "nav.areas", "alueet", ":material/grid_view:", "nav.section.data", SIGNED_IN),
    PageDef("municipalities.py", "nav.municipalities", "kunnat", ":material/location_city:", "nav.section.data",
            SIGNED_IN),
    PageDef("history.py", "nav.history", "historia", ":material/history:", "nav.section.data", SIGNED_IN),
    PageDef("reference.py", "nav.reference", "viitetiedot", ":material/public:", "nav.section.data", SIGNED_IN),
    PageDef("upload.py", "nav.upload", "tuonti", ":material/upload_file:", "nav.section.data", WRITER),
    PageDef("admin.py", "nav.admin", "hallinta", ":material/admin_panel_settings:", "nav.section.data", LEAD),
    PageDef("selfassess.py", "nav.selfassess", "itsearviointi", ":material/checklist:", "nav.section.data",
            SIGNED_IN),
)


KEY_PAGES = "nav.pages"
KEY_UNKNOWN_PATH = widgets.KEY_UNKNOWN_PATH  # shown by the page header's notices
# The overview's own name: the root shows it, and its old address opens the root.
HOME_ALIASES = (PAGES[0].url_path,)
MAX_SHOWN_PATH = 60  # characters of an unknown address repeated in the notice


def _built(lang: str) -> list[st.Page]:  # type: ignore[valid-type]
    """Every page in `lang` (index as PAGES), built once per session and language.

    Building a page resolves and checks its file on disk, which costs more than the rest of a
    small page's rerun. The objects are kept in the session, not shared between sessions,
    because Streamlit marks the chosen page on its object while it runs."""
    built: dict[str, list[st.Page]] = st.session_state.setdefault(KEY_PAGES, {})  # type: ignore[valid-type]
    if lang not in built:
        # The overview is the root (""): its own url_path is left to the alias that opens it.
        built[lang] = [st.Page(f"{PAGES_DIR}/{page.file}", title=t(page.title_key, lang),
                               url_path="" if index == 0 else page.url_path, icon=page.icon, default=index == 0)
                       for index, page in enumerate(PAGES)]
    return built[lang]


def known_paths() -> frozenset[str]:
    """Every address the app answers: the root, each page's url_path and the aliases."""
    return frozenset({"", *(p.url_path for p in PAGES), *HOME_ALIASES})


def unknown_path(url: str | None, base_path: str) -> str | None:
    """The path of `url` below `base_path` when it names no page of ours, else None. `url` is
    the address the browser shows (`st.context.url`, without the query)."""
    if not url:
        return None
    path = urllib.parse.unquote(urllib.parse.urlsplit(url).path).strip("/")
    base = base_path.strip("/")
    if base:
        if path != base and not path.startswith(base + "/"):
            return None
        path = path[len(base):].strip("/")
    return None if path in known_paths() else path


def _requested_unknown_path() -> str | None:
    try:
        return unknown_path(st.context.url, str(st.get_option("server.baseUrlPath") or ""))
    except Exception:  # no browser context (a bare run or AppTest): nothing was asked for
        return None


def _to_home(home: st.Page, unknown: str | None) -> Callable[[], None]:  # type: ignore[valid-type]
    def run() -> None:
        if unknown is not None:
            st.session_state[KEY_UNKNOWN_PATH] = unknown[:MAX_SHOWN_PATH]
        st.switch_page(home)
    return run


def menu_pages(principal: Principal) -> list[PageDef]:
    """The pages `principal`'s menu lists, in registry order."""
    return [page for page in PAGES if may_open(principal, page.access)]


def _menu(container: st.delta_generator.DeltaGenerator, pages: list[st.Page],  # type: ignore[valid-type]
          principal: Principal, lang: str, query: dict[str, str]) -> None:
    """A heading per section, then a link per page the person can use (its address carrying
    the filters, so a link opened in a new tab shows the same selection)."""
    section = None
    for page, built in zip(PAGES, pages, strict=True):
        if not may_open(principal, page.access):
            continue
        if page.section != section:
            section = page.section
            container.subheader(t(section, lang), anchor=False)
        container.page_link(built, label=t(page.title_key, lang), icon=page.icon, query_params=query,
                            width="stretch")


def navigation(filters: Filters, principal: Principal,
               menu: st.delta_generator.DeltaGenerator | None = None) -> st.navigation:  # type: ignore[valid-type]
    """Every page registered (hidden from Streamlit's own menu), our menu for `principal` in
    `menu` (the sidebar by default), and the page to run."""
    lang = filters.lang
    pages = _built(lang)
    home = pages[0]
    extra = [st.Page(_to_home(home, None), title=t(PAGES[0].title_key, lang), url_path=alias, visibility="hidden")
             for alias in HOME_ALIASES]
    unknown = _requested_unknown_path()
    if unknown and "/" not in unknown:  # Streamlit's page addresses have one segment
        extra.append(st.Page(_to_home(home, unknown), title=t(PAGES[0].title_key, lang), url_path=unknown,
                             visibility="hidden"))
    elif unknown:
        st.session_state[KEY_UNKNOWN_PATH] = unknown[:MAX_SHOWN_PATH]
    chosen = st.navigation([*pages, *extra], position="hidden")
    _menu(menu if menu is not None else st.sidebar, pages, principal, lang, filters.to_params())
    return chosen
