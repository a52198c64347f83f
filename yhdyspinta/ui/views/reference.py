"""Viitetiedot: what boundaries and population are loaded, and from where."""

from __future__ import annotations

import streamlit as st

from yhdyspinta.display import reference_rows
from yhdyspinta.i18n import t
from yhdyspinta.ui import data, plain, widgets
from yhdyspinta.ui import map as map_widget


def render() -> None:
    from yhdyspinta.geodata import ReferenceStatus

    filters = widgets.current_filters()
    lang = filters.lang
    version = widgets.page_header("nav.reference", filters, example_figures=False)
    status = data.reference_status()
    assert isinstance(status, ReferenceStatus)
    st.subheader(t("reference.status", lang))
    # A static table: three rows of text whose long credits wrap instead of running off the
    # right edge of a scrolling grid. Streamlit writes its cells as Markdown: each is escaped, so
    # a file's name or a recorded licence shows as the text it is.
    st.table(reference_rows(list(status.datasets()), lang).map(plain.escape), hide_index=True)
    if not status.boundaries_ready:
        st.warning(t("banner.no_boundaries", lang))
    if any(d.origin == "package" for d in status.datasets()):
        st.caption(t("reference.packaged", lang))
    map_widget.agreement_tile_grid(filters, version, key="reference.tiles")
    st.caption(t("reference.licence", lang))
