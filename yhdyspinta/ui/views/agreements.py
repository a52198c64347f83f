"""Sopimukset: every area's agreements on their lifecycle, and the councils' approvals."""

from __future__ import annotations

import streamlit as st

from yhdyspinta import charts_analysis as ca
from yhdyspinta.domain import AgreementKind
from yhdyspinta.i18n import column_label, enum_label, t, tn
from yhdyspinta.indicators.asof import finnish_today
from yhdyspinta.ui import analysis_data, forms, tables, widgets
from yhdyspinta.ui.views.analysis_common import catalogue_cards, show_chart

PAGE = "agreements"


def render() -> None:
    filters = widgets.current_filters()
    lang = filters.lang
    version = widgets.page_header("nav.agreements", filters)
    today = finnish_today()
    view = analysis_data.agreements(version, filters, today)
    st.caption(t("analysis.agreements.intro", lang))
    catalogue_cards(filters, version, today,
                    ("agreements_in_force", "agreements_expired", "council_approved_municipalities"), national=True)

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
