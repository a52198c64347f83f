"""Foorumit: the national forums' calendar and themes, and who took part from where."""

from __future__ import annotations

import streamlit as st

from yhdyspinta import charts_analysis as ca
from yhdyspinta.filters import Filters
from yhdyspinta.i18n import column_label, format_number, format_pct, t
from yhdyspinta.indicators import labels
from yhdyspinta.indicators.asof import finnish_today
from yhdyspinta.ui import analysis_data, charting, tables, widgets
from yhdyspinta.ui import map as map_widget
from yhdyspinta.ui.views.analysis_common import show_chart

PAGE = "forums"


def render() -> None:
    filters = widgets.current_filters()
    lang = filters.lang
    version = widgets.page_header("nav.forums", filters)
    view = analysis_data.forums(version, filters, finnish_today())
    st.caption(t("analysis.forums.intro", lang))
    _headline(filters, view)

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


def _headline(filters: Filters, view: analysis_data.ForumsData) -> None:
    lang = filters.lang
    calendar = view.calendar
    held = calendar[calendar["held"].astype(bool)] if not calendar.empty else calendar
    cols = st.columns(3)
    cols[0].metric(t("home.forums", lang), format_number(len(held), lang))
    if filters.area is None:
        cols[1].metric(t("analysis.col.participants", lang), format_number(int(held["participants"].sum()), lang))
        munis_in = int(view.coverage["participated"].sum())
        munis_all = int(view.coverage["municipalities"].sum())
    else:
        label = t("analysis.forums.area_participants", lang,
                  area=ca.selection_name(filters.area, filters.municipalities, lang))
        cols[1].metric(label, format_number(int(held["area_participants"].fillna(0).sum()), lang))
        row = view.coverage[view.coverage["area_code"] == filters.area].iloc[0]
        munis_in, munis_all = int(row["participated"]), int(row["municipalities"])
    cols[2].metric(labels.label("municipalities_participated", lang),
                   f"{munis_in} / {munis_all} ({format_pct(munis_in / munis_all if munis_all else None, lang)})")
