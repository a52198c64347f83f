"""The page registry the entry file navigates, and the bodies shared by the data pages."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from yhdyspinta.i18n import format_number, format_pct, t
from yhdyspinta.ui import data, widgets


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
    PageDef("agreements.py", "nav.agreements", "sopimukset", ":material/handshake:", "nav.section.picture"),
    PageDef("structures.py", "nav.structures", "rakenteet", ":material/account_tree:", "nav.section.picture"),
    PageDef("forums.py", "nav.forums", "foorumit", ":material/groups:", "nav.section.picture"),
    PageDef("participation.py", "nav.participation", "osallistuminen", ":material/how_to_reg:", "nav.section.picture"),
    PageDef("survey.py", "nav.survey", "kysely", ":material/ballot:", "nav.section.picture"),
    PageDef("maturity.py", "nav.maturity", "kypsyys", ":material/stairs:", "nav.section.picture"),
    PageDef("pilots.py", "nav.pilots", "pilotit", ":material/flag:", "nav.section.picture"),
    PageDef("areas.py", "nav.areas", "alueet", ":material/map:", "nav.section.data"),
    PageDef("municipalities.py", "nav.municipalities", "kunnat", ":material/location_city:", "nav.section.data"),
    PageDef("history.py", "nav.history", "historia", ":material/history:", "nav.section.data"),
    PageDef("reference.py", "nav.reference", "viitetiedot", ":material/public:", "nav.section.data"),
)


def navigation(lang: str) -> st.navigation:  # type: ignore[valid-type]
    sections: dict[str, list[st.Page]] = {}  # type: ignore[valid-type]
    for index, page in enumerate(PAGES):
        sections.setdefault(t(page.section, lang), []).append(
            st.Page(f"{PAGES_DIR}/{page.file}", title=t(page.title_key, lang),
                    url_path=page.url_path, icon=page.icon, default=index == 0))
    return st.navigation(sections)


def kind_page(kind: str, title_key: str, page: str, also: tuple[tuple[str, str], ...] = ()) -> None:
    """A page that lists one kind of data (and related kinds, each under a subheader)."""
    filters = widgets.current_filters()
    version = widgets.page_header(title_key, filters)
    widgets.data_table(kind, filters, version, page)
    for other, subtitle_key in also:
        st.subheader(t(subtitle_key, filters.lang))
        widgets.data_table(other, filters, version, f"{page}.{other}")


def home_page() -> None:
    filters = widgets.current_filters()
    lang = filters.lang
    version = widgets.page_header("nav.home", filters)
    st.write(t("home.intro", lang))
    figures = data.overview(version, filters)
    cols = st.columns(4)
    cols[0].metric(t("home.approved_agreements", lang),
                   f"{figures.areas_with_approved_agreement} / {figures.areas_in_scope}")
    share = (figures.municipalities_council_approved / figures.municipalities_in_scope
             if figures.municipalities_in_scope else None)
    cols[1].metric(t("home.council_approved", lang),
                   f"{figures.municipalities_council_approved} / {figures.municipalities_in_scope}",
                   help=format_pct(share, lang))
    cols[2].metric(t("home.forums", lang), format_number(figures.forums_held, lang))
    cols[3].metric(t("home.participating_municipalities", lang),
                   f"{figures.municipalities_participated} / {figures.municipalities_in_scope}")
    widgets.tile_grid(filters, version)
    st.subheader(t("home.latest_changes", lang))
    changes = data.display_table("changelog", version, filters)
    st.dataframe(changes.tail(10).iloc[::-1], hide_index=True, width="stretch")


def reference_page() -> None:
    from yhdyspinta.geodata import ReferenceStatus

    filters = widgets.current_filters()
    lang = filters.lang
    version = widgets.page_header("nav.reference", filters, example_figures=False)
    status = data.reference_status()
    assert isinstance(status, ReferenceStatus)
    st.subheader(t("reference.status", lang))
    st.dataframe(
        [{"data": d.name, "ok": "✓" if d.available else "✗", "n": d.count, "year": d.year,
          "source": d.source, "updated": d.updated_at.isoformat(timespec="minutes") if d.updated_at else None,
          "licence": d.licence, "problem": d.problem}
         for d in status.datasets()],
        hide_index=True, width="stretch",
    )
    if not status.boundaries_ready:
        st.warning(t("banner.no_boundaries", lang), icon="🗺️")
    widgets.tile_grid(filters, version)
    st.caption(t("reference.licence", lang))
