"""The page registry the entry file navigates, and the bodies shared by the data pages."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from yhdyspinta.i18n import t


@dataclass(frozen=True)
class PageDef:
    file: str
    title_key: str
    url_path: str
    icon: str
    section: str


PAGES_DIR = "app_pages"
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
    PageDef("areas.py", "nav.areas", "alueet", ":material/grid_view:", "nav.section.data"),
    PageDef("municipalities.py", "nav.municipalities", "kunnat", ":material/location_city:", "nav.section.data"),
    PageDef("history.py", "nav.history", "historia", ":material/history:", "nav.section.data"),
    PageDef("reference.py", "nav.reference", "viitetiedot", ":material/public:", "nav.section.data"),
    PageDef("upload.py", "nav.upload", "tuonti", ":material/upload_file:", "nav.section.data"),
    PageDef("admin.py", "nav.admin", "hallinta", ":material/admin_panel_settings:", "nav.section.data"),
    PageDef("selfassess.py", "nav.selfassess", "itsearviointi", ":material/checklist:", "nav.section.data"),
)


KEY_SECTIONS = "nav.sections"


def _sections(lang: str) -> dict[str, list[st.Page]]:  # type: ignore[valid-type]
    """The menu in `lang`, built once per session and language.

    Building a page resolves and checks its file on disk, which costs more than the rest of a
    small page's rerun. The objects are kept in the session, not shared between sessions,
    because Streamlit marks the chosen page on its object while it runs."""
    built: dict[str, dict[str, list[st.Page]]] = st.session_state.setdefault(KEY_SECTIONS, {})  # type: ignore[valid-type]
    if lang not in built:
        sections: dict[str, list[st.Page]] = {}  # type: ignore[valid-type]
        for index, page in enumerate(PAGES):
            sections.setdefault(t(page.section, lang), []).append(
                st.Page(f"{PAGES_DIR}/{page.file}", title=t(page.title_key, lang),
                        url_path=page.url_path, icon=page.icon, default=index == 0))
        built[lang] = sections
    return built[lang]


def navigation(lang: str) -> st.navigation:  # type: ignore[valid-type]
    # Expanded: with 16 pages the menu would otherwise hide the last six behind "View more".
    return st.navigation(_sections(lang), expanded=True)
