"""Kartta: areas or municipalities coloured by a chosen indicator, with legend and table."""

from __future__ import annotations

import streamlit as st

from yhdyspinta import mapping
from yhdyspinta.i18n import t
from yhdyspinta.ui import map as ui_map
from yhdyspinta.ui import widgets

PAGE = "map"
KEY_INDICATOR = f"{PAGE}.indicator"
KEY_LEVEL = f"{PAGE}.level"
KEY_STATEMENT = f"{PAGE}.statement"


def render() -> None:
    filters = widgets.current_filters()
    lang = filters.lang
    version = widgets.page_header("nav.map", filters)
    left, right = st.columns([2, 1])
    indicator = left.selectbox(t("map.indicator", lang), mapping.INDICATORS, key=KEY_INDICATOR,
                               format_func=lambda code: t(f"map.option.{code}", lang))
    level = right.radio(t("map.level", lang), mapping.LEVELS, key=KEY_LEVEL, horizontal=True,
                        format_func=lambda code: t(f"map.level.{code}", lang))
    statement = None
    if indicator == mapping.SURVEY_VALUE:
        statement = ui_map.statement_select(filters, version, KEY_STATEMENT)
    ui_map.render_map(filters, version, indicator=indicator, level=level, key=PAGE, height=560,
                      statement=statement, table=ui_map.TABLE_INLINE)
