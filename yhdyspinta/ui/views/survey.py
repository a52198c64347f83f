"""Kysely: how municipal decision-makers rate the collaboration, by statement, group and wave."""

from __future__ import annotations

import streamlit as st

from yhdyspinta import charts_analysis as ca
from yhdyspinta.domain import SMALL_N_THRESHOLD
from yhdyspinta.i18n import t
from yhdyspinta.indicators.asof import finnish_today
from yhdyspinta.ui import analysis_data, widgets
from yhdyspinta.ui.views.analysis_common import show_chart

PAGE = "survey"


def render() -> None:
    filters = widgets.current_filters()
    lang = filters.lang
    version = widgets.page_header("nav.survey", filters)
    view = analysis_data.survey(version, filters, finnish_today())
    st.caption(t("analysis.survey.intro", lang))
    if filters.municipalities:
        st.caption(t("analysis.municipalities_not_applicable", lang))
    if not view.waves:
        st.info(t("common.no_rows", lang))
    else:
        waves = list(reversed(view.waves))
        first = waves.index(view.latest_wave) if view.latest_wave in waves else 0  # the catalogue's latest wave
        wave = st.selectbox(t("analysis.survey.choose_wave", lang), waves, index=first, key=f"{PAGE}.wave")
        st.caption(t("analysis.survey.small_n_note", lang, n=SMALL_N_THRESHOLD))
        if filters.area is not None:
            if view.comparison.empty or not (view.comparison["wave"] == wave).any():
                st.info(t("analysis.survey.no_area_values", lang))
            else:
                title = t("analysis.survey.area_title", lang, area=ca.chart_area_name(filters.area, lang), wave=wave)
                show_chart(ca.survey_area_chart, (view.comparison, wave, lang, filters.area),
                           ca.rows_of_wave(view.comparison_table, wave, lang), lang, alt_text=title,
                           key=f"{PAGE}.area")
        if (view.national["wave"] == wave).any():
            show_chart(ca.survey_groups_chart, (view.national, wave, lang),
                       ca.rows_of_wave(view.national_table, wave, lang), lang,
                       alt_text=t("analysis.survey.groups_title", lang, wave=wave), key=f"{PAGE}.groups",
                       stretch=False)
        show_chart(ca.survey_waves_chart, (view.national, list(view.waves), lang), view.national_table, lang,
                   alt_text=t("analysis.survey.waves_title", lang), key=f"{PAGE}.waves", stretch=False)
    st.subheader(t("analysis.rows_heading", lang))
    widgets.data_table("survey", filters, version, PAGE)
