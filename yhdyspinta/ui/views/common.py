"""A page that lists one kind of data under the shared filters."""

from __future__ import annotations

import streamlit as st

from yhdyspinta.i18n import t
from yhdyspinta.ui import widgets


def kind_page(kind: str, title_key: str, page: str, also: tuple[tuple[str, str], ...] = ()) -> None:
    """A page that lists one kind of data (and related kinds, each under a subheader)."""
    filters = widgets.current_filters()
    version = widgets.page_header(title_key, filters)
    widgets.data_table(kind, filters, version, page)
    for other, subtitle_key in also:
        st.subheader(t(subtitle_key, filters.lang))
        widgets.data_table(other, filters, version, f"{page}.{other}")
