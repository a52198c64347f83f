"""Kypsyys: the maturity of strategic collaboration on Keast & Mandell's continuum."""

from __future__ import annotations

import streamlit as st

from yhdyspinta import charts_analysis as ca
from yhdyspinta import facts
from yhdyspinta.display import area_name
from yhdyspinta.filters import Filters
from yhdyspinta.i18n import column_label, t, tn
from yhdyspinta.indicators import labels
from yhdyspinta.indicators.asof import finnish_today
from yhdyspinta.ui import analysis_data, forms, tables, widgets
from yhdyspinta.ui.views.analysis_common import show_chart

PAGE = "maturity"


def render() -> None:
    filters = widgets.current_filters()
    lang = filters.lang
    version = widgets.page_header("nav.maturity", filters)
    view = analysis_data.maturity(version, filters, finnish_today())
    st.caption(t("analysis.maturity.intro", lang))
    if filters.municipalities:
        st.caption(t("analysis.municipalities_not_applicable", lang))
    if view.latest.empty:
        st.info(t("common.no_rows", lang))
    else:
        _headline(filters, view)
        assessed = set(view.latest["area_code"].astype(int))
        show_chart(ca.maturity_heat_chart, (view.latest, lang, filters.area), view.latest_table, lang,
                   alt_text=t("analysis.maturity.heat_title", lang), key=f"{PAGE}.heat",
                   column_config=tables.date_columns([column_label("assessed_on", lang)], lang))
        missing = [area_name(a.code, lang) for a in facts.in_scope_areas() if a.code not in assessed]
        if missing:
            st.caption(tn("analysis.maturity.not_assessed", len(missing), lang, areas=", ".join(sorted(missing))))
        st.caption(t("analysis.maturity.level_rule", lang))

        area = filters.area if filters.area in assessed else None
        if filters.area is not None and area is None:
            st.info(t("analysis.maturity.area_not_assessed", lang, area=area_name(filters.area, lang)))
        st.subheader(t("analysis.maturity.profile_heading", lang))
        show_chart(ca.maturity_profile_chart, (view.latest, view.national, lang, area), view.profile_table, lang,
                   alt_text=t("analysis.maturity.profile_heading", lang), key=f"{PAGE}.profile")

        st.subheader(t("analysis.maturity.change_heading", lang))
        dates = [column_label("assessed_on", lang), t("analysis.maturity.first", lang),
                 t("analysis.maturity.latest", lang)]
        if view.change_table.empty:
            st.info(t("analysis.maturity.no_change", lang))
        else:
            show_chart(ca.maturity_change_chart, (view.change, lang, area), view.change_table, lang,
                       alt_text=t("analysis.maturity.change_heading", lang), key=f"{PAGE}.change",
                       column_config=tables.date_columns(dates, lang))

        st.subheader(t("analysis.maturity.roles_heading", lang))
        if view.spread.empty:
            st.info(t("common.no_rows", lang))
        else:
            show_chart(ca.role_spread_chart, (view.spread, lang, area), view.spread_table, lang,
                       alt_text=t("analysis.maturity.roles_heading", lang), key=f"{PAGE}.roles")

    st.subheader(t("analysis.maturity.continuum_heading", lang))
    st.caption(t("analysis.maturity.continuum_source", lang))
    tables.dataframe(view.continuum, hide_index=True, width="stretch")
    st.subheader(t("analysis.rows_heading", lang))
    widgets.data_table("maturity", filters, version, PAGE)
    forms.edit_section(PAGE, forms.maturity_form)


def _headline(filters: Filters, view: analysis_data.MaturityData) -> None:
    """The catalogue's maturity figures: areas assessed, the country's level and the area's."""
    lang = filters.lang
    cols = st.columns(3)
    cols[0].metric(t("analysis.maturity.areas_assessed", lang), f"{len(view.latest)} / {len(facts.in_scope_areas())}")
    if view.national_level is not None:
        cols[1].metric(t("analysis.maturity.national_level", lang), labels.value_text(view.national_level, lang),
                       help=labels.help_text(view.national_level, lang))
    if view.area_level is not None and view.area_level.value is not None:
        cols[2].metric(t("analysis.maturity.area_level", lang, area=area_name(filters.area, lang)),
                       labels.value_text(view.area_level, lang), help=labels.help_text(view.area_level, lang))
