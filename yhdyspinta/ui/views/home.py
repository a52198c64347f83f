"""Tilannekuva: the overview."""

from __future__ import annotations

import streamlit as st

from yhdyspinta.i18n import format_number, format_pct, t
from yhdyspinta.ui import data, widgets


def render() -> None:
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
