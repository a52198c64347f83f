"""Foorumit: the national forums' calendar and themes, and who took part from where."""

from __future__ import annotations

import streamlit as st

from yhdyspinta import charts_analysis as ca
from yhdyspinta.i18n import column_label, t
from yhdyspinta.indicators.asof import finnish_today
from yhdyspinta.ui import analysis_data, charting, tables, widgets
from yhdyspinta.ui import map as map_widget
from yhdyspinta.ui.views.analysis_common import catalogue_cards, show_chart

PAGE = "forums"


def render() -> None:
    filters = widgets.current_filters()
    lang = filters.lang
    version = widgets.page_header("nav.forums", filters)
    today = finnish_today()
    view = analysis_data.forums(version, filters, today)
    st.caption(t("analysis.forums.intro", lang))
    catalogue_cards(filters, version, today, ("forums_held", "forum_participants", "municipalities_participated"))

    st.subheader(t("analysis.forums.calendar", lang))
    charting.altair(ca.forum_timeline_chart, view.calendar, lang, filters.area, filters.municipalities,
                    width="stretch", alt_text=t("analysis.forums.timeline_title", lang), key=f"{PAGE}.timeline")
    link = column_label("recording_url", lang)
    tables.dataframe(view.calendar_table, hide_index=True, width="stretch",
                 column_config={link: st.column_config.LinkColumn(link, display_text=t("analysis.forums.recording",
                                                                                       lang)),
                                **tables.date_columns([column_label("held_on", lang)], lang)})

    st.subheader(t("analysis.forums.coverage_heading", lang))
    map_widget.small_map(filters, version, indicator="forum_coverage", level="areas", key="forums.map")
    show_chart(ca.coverage_chart, (view.coverage, lang, filters.area), view.coverage_table, lang,
               alt_text=t("analysis.forums.coverage_title", lang), key=f"{PAGE}.coverage")

    st.subheader(t("analysis.forums.participation_heading", lang))
    left, right = st.columns(2)
    with left:
        charting.altair(ca.participation_area_chart, view.by_area, lang, filters.area, "participants",
                        width="stretch", alt_text=t("analysis.forums.by_area_participants", lang),
                        key=f"{PAGE}.by_area_participants")
    with right:
        charting.altair(ca.participation_area_chart, view.by_area, lang, filters.area, "organisations",
                        width="stretch", alt_text=t("analysis.forums.by_area_organisations", lang),
                        key=f"{PAGE}.by_area_organisations")
    with st.expander(t("analysis.as_table", lang, title=t("analysis.forums.participation_heading", lang))):
        tables.dataframe(view.by_area_table, hide_index=True, width="stretch")
    show_chart(ca.org_type_chart, (view.by_org_type, lang), view.by_org_type_table, lang,
               alt_text=t("analysis.forums.by_org_type", lang), key=f"{PAGE}.org_type")

    st.subheader(t("analysis.forums.theme_heading", lang))
    show_chart(ca.theme_grid_chart, (view.themes, lang, filters.area), view.themes_table, lang,
               alt_text=t("analysis.forums.theme_title", lang), key=f"{PAGE}.themes")

    st.subheader(t("analysis.rows_heading", lang))
    st.markdown(f"**{t('nav.forums', lang)}**")
    widgets.data_table("forums", filters, version, PAGE)
    st.markdown(f"**{t('nav.participation', lang)}**")
    widgets.data_table("participation", filters, version, f"{PAGE}.participation")
