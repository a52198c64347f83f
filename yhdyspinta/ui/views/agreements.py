"""Sopimukset: every area's agreements on their lifecycle, and the councils' approvals."""

from __future__ import annotations

from datetime import date

import streamlit as st

from yhdyspinta import charts_analysis as ca
from yhdyspinta.domain import AgreementKind
from yhdyspinta.filters import Filters
from yhdyspinta.i18n import column_label, enum_label, t, tn
from yhdyspinta.indicators import labels
from yhdyspinta.indicators.asof import finnish_today
from yhdyspinta.ui import analysis_data, forms, profile_data, tables, widgets
from yhdyspinta.ui.views.analysis_common import show_chart

PAGE = "agreements"


def render() -> None:
    filters = widgets.current_filters()
    lang = filters.lang
    version = widgets.page_header("nav.agreements", filters)
    today = finnish_today()
    view = analysis_data.agreements(version, filters, today)
    st.caption(t("analysis.agreements.intro", lang))
    _headline(filters, version, today)

    st.subheader(t("analysis.agreements.table_heading", lang))
    st.caption(t("analysis.agreements.table_note", lang))
    widgets.data_table("agreements", filters, version, PAGE)

    show_chart(ca.agreement_grid_chart, (view.grid, lang, filters.area), view.grid_table, lang,
               alt_text=t("analysis.agreements.grid_title", lang), key=f"{PAGE}.grid")
    with st.expander(t("analysis.agreements.lifecycle_table", lang)):
        tables.dataframe(view.lifecycle_table, hide_index=True)

    st.subheader(t("agreements.approvals", lang))
    st.write(t("analysis.agreements.approvals_rule", lang))
    kinds = view.kinds or (AgreementKind.COLLABORATION.value,)
    kind = st.selectbox(t("analysis.agreements.choose_kind", lang), kinds, key=f"{PAGE}.kind",
                        format_func=lambda k: enum_label("AgreementKind", k, lang))
    approvals = analysis_data.approvals(version, filters, kind, today)
    show_chart(ca.approval_chart, (approvals.counts, lang, filters.area, kind), approvals.table, lang,
               alt_text=t("analysis.agreements.approval_title", lang, kind=enum_label("AgreementKind", kind, lang)),
               key=f"{PAGE}.approvals")
    st.markdown(f"**{t('analysis.agreements.municipality_table', lang)}**")
    tables.dataframe(view.municipality_table, hide_index=True, width="stretch",
                 column_config=tables.date_columns([column_label("decided_on", lang)], lang))
    st.caption(tn("common.rows", len(view.municipality_table), lang))
    with st.expander(t("analysis.agreements.raw_approvals", lang)):
        widgets.data_table("approvals", filters, version, f"{PAGE}.approvals")
    forms.edit_section(PAGE, forms.agreement_form, forms.approval_form)


def _headline(filters: Filters, version: int, today: date) -> None:
    """The catalogue's agreement figures for the selection, with the whole country's beside."""
    lang = filters.lang
    values = profile_data.indicator_values(version, filters, today)
    country = profile_data.indicator_values(version, Filters(lang=lang), today) if filters.area is not None else None
    cols = st.columns(3)
    for column, key in zip(cols, ("agreements_in_force", "agreements_expired", "council_approved_municipalities"),
                           strict=True):
        column.metric(labels.label(key, lang), labels.value_text(values[key], lang),
                      help=labels.help_text(values[key], lang))
        if country is not None:
            column.caption(t("analysis.national_beside", lang, value=labels.value_text(country[key], lang)))
