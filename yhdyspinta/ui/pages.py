"""The page registry the entry file navigates, and the menu each role sees.

The menu is Streamlit's own (`st.navigation` in the sidebar), as one flat list: it travels in
the one navigation message, so it adds no element to a page's run (each element costs the
server a message of its own on every run), and its links carry `aria-current="page"`. The
list is flat because the sectioned form puts its headings and wrappers as `<div>`s directly
inside a `<ul>`, which breaks axe-core's list rules (serious). The pages a person cannot use
(`yhdyspinta.access.may_open`) are registered hidden: left out of the menu, their addresses
keep working. An address that names no page gets a notice in the user's language and the
overview instead of Streamlit's own "Page not found" dialog.
"""

from __future__ import annotations

import copy
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from yhdyspinta.access import PageAccess, Principal, may_open
from yhdyspinta.filters import Filters
from yhdyspinta.i18n import t
from yhdyspinta.ui import data, widgets


@dataclass(frozen=True)
class PageDef:
    file: str
    title_key: str
    url_path: str
    icon: str
    access: PageAccess = PageAccess.EVERYONE  # whose menu lists it


PAGES_DIR = "app_pages"
SIGNED_IN, WRITER, LEAD = PageAccess.SIGNED_IN, PageAccess.WRITER, PageAccess.LEAD
PAGES: tuple[PageDef, ...] = (
    PageDef("home.py", "nav.home", "tilannekuva", ":material/dashboard:"),
    PageDef("map.py", "nav.map", "kartta", ":material/map:"),
    PageDef("profile.py", "nav.profile", "alueprofiili", ":material/query_stats:"),
    PageDef("agreements.py", "nav.agreements", "sopimukset", ":material/handshake:"),
    PageDef("structures.py", "nav.structures", "rakenteet", ":material/account_tree:"),
    PageDef("forums.py", "nav.forums", "foorumit", ":material/groups:"),
    PageDef("participation.py", "nav.participation", "osallistuminen", ":material/how_to_reg:"),
    PageDef("survey.py", "nav.survey", "kysely", ":material/ballot:"),
    PageDef("maturity.py", "nav.maturity", "kypsyys", ":material/stairs:"),
    PageDef("pilots.py", "nav.pilots", "pilotit", ":material/flag:"),
    PageDef("areas.py", "nav.areas", "alueet", ":material/grid_view:", SIGNED_IN),
    PageDef("municipalities.py", "nav.municipalities", "kunnat", ":material/location_city:", SIGNED_IN),
    PageDef("history.py", "nav.history", "historia", ":material/history:", SIGNED_IN),
    PageDef("reference.py", "nav.reference", "viitetiedot", ":material/public:", SIGNED_IN),
    PageDef("upload.py", "nav.upload", "tuonti", ":material/upload_file:", WRITER),
    PageDef("admin.py", "nav.admin", "hallinta", ":material/admin_panel_settings:", LEAD),
    PageDef("selfassess.py", "nav.selfassess", "itsearviointi", ":material/checklist:", SIGNED_IN),
)


KEY_PAGES = "nav.pages"
KEY_UNKNOWN_PATH = widgets.KEY_UNKNOWN_PATH  # shown by the page header's notices
# The overview's own name: the root shows it, and its old address opens the root.
HOME_ALIASES = (PAGES[0].url_path,)
MAX_SHOWN_PATH = 60  # characters of an unknown address repeated in the notice


# Sets of pages kept: each language (3) with each menu a role sees (a handful).
PAGE_SETS = 32


@data.shared(max_entries=PAGE_SETS)
def _prototypes(lang: str, shown: tuple[bool, ...]) -> tuple[st.Page, ...]:  # type: ignore[valid-type]
    """Every page in `lang`, those not `shown` hidden from the menu, built once per process."""
    # The overview is the root (""): its own url_path is left to the alias that opens it.
    return tuple(st.Page(f"{PAGES_DIR}/{page.file}", title=t(page.title_key, lang),
                         url_path="" if index == 0 else page.url_path, icon=page.icon, default=index == 0,
                         visibility="visible" if visible else "hidden")
                 for index, (page, visible) in enumerate(zip(PAGES, shown, strict=True)))


def _built(lang: str, principal: Principal) -> list[st.Page]:  # type: ignore[valid-type]
    """Every page in `lang` (index as PAGES), those `principal` cannot use hidden from the
    menu; kept in the session per language and set of pages shown.

    Building a page resolves and checks its file on disk and validates its icon: for a new
    session that was 14 % of the overview's first run (py-spy, 100 sessions). So each set is
    built once per process (`_prototypes`) and every session gets shallow copies: the pages'
    attributes are texts and paths, except the flag Streamlit sets on the page chosen to run
    (and clears when it has run), which must not be shared between sessions running at once."""
    built: dict[tuple[str, tuple[bool, ...]], list[st.Page]] = st.session_state.setdefault(  # type: ignore[valid-type]
        KEY_PAGES, {})
    shown = tuple(may_open(principal, page.access) for page in PAGES)
    key = (lang, shown)
    if key not in built:
        built[key] = [copy.copy(page) for page in _prototypes(lang, shown)]
    return built[key]


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


def navigation(filters: Filters, principal: Principal) -> st.Page:  # type: ignore[valid-type]
    """Every page registered, the sidebar menu listing those `principal` can use (one flat
    list, always expanded), and the page to run."""
    lang = filters.lang
    pages = _built(lang, principal)
    home = pages[0]
    extra = [st.Page(_to_home(home, None), title=t(PAGES[0].title_key, lang), url_path=alias, visibility="hidden")
             for alias in HOME_ALIASES]
    unknown = _requested_unknown_path()
    if unknown and "/" not in unknown:  # Streamlit's page addresses have one segment
        extra.append(st.Page(_to_home(home, unknown), title=t(PAGES[0].title_key, lang), url_path=unknown,
                             visibility="hidden"))
    elif unknown:
        st.session_state[KEY_UNKNOWN_PATH] = unknown[:MAX_SHOWN_PATH]
    return st.navigation([*pages, *extra], position="sidebar", expanded=True)
