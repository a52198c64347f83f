"""Sopimukset: every area's agreements on their lifecycle, and the councils' approvals."""

from __future__ import annotations

import streamlit as st

from yhdyspinta import charts_analysis as ca
from yhdyspinta.domain import APPROVED_STATUSES, AgreementKind
from yhdyspinta.filters import Filters
from yhdyspinta.i18n import column_label, enum_label, format_pct, t, tn
from yhdyspinta.presentation import area_name
from yhdyspinta.ui import analysis_data, forms, widgets
from yhdyspinta.ui.views.analysis_common import date_columns, show_chart

PAGE = "agreements"


def render() -> None:
    filters = widgets.current_filters()
    lang = filters.lang
    version = widgets.page_header("nav.agreements", filters)
    view = analysis_data.agreements(version, filters)
    st.caption(t("analysis.agreements.intro", lang))
    _headline(filters, version, view)

    st.subheader(t("analysis.agreements.table_heading", lang))
    widgets.data_table("agreements", filters, version, PAGE)

    show_chart(ca.agreement_grid_chart, (view.grid, lang, filters.area), view.grid_table, lang,
               alt_text=t("analysis.agreements.grid_title", lang), key=f"{PAGE}.grid")
    with st.expander(t("analysis.agreements.lifecycle_table", lang)):
        st.dataframe(view.lifecycle_table, hide_index=True)

    st.subheader(t("agreements.approvals", lang))
    kinds = view.kinds or (AgreementKind.COLLABORATION.value,)
    kind = st.selectbox(t("analysis.agreements.choose_kind", lang), kinds, key=f"{PAGE}.kind",
                        format_func=lambda k: enum_label("AgreementKind", k, lang))
    approvals = analysis_data.approvals(version, filters, kind)
    show_chart(ca.approval_chart, (approvals.counts, lang, filters.area, kind), approvals.table, lang,
               alt_text=t("analysis.agreements.approval_title", lang, kind=enum_label("AgreementKind", kind, lang)),
               key=f"{PAGE}.approvals")
    st.markdown(f"**{t('analysis.agreements.municipality_table', lang)}**")
    st.dataframe(view.municipality_table, hide_index=True, width="stretch",
                 column_config=date_columns([column_label("decided_on", lang)], lang))
    st.caption(tn("common.rows", len(view.municipality_table), lang))
    with st.expander(t("analysis.agreements.raw_approvals", lang)):
        widgets.data_table("approvals", filters, version, f"{PAGE}.approvals")
    forms.edit_section(PAGE, forms.agreement_form, forms.approval_form)


def _headline(filters: Filters, version: int, view: analysis_data.AgreementsData) -> None:
    """The strategic agreement's state in the selection, with the whole country beside it."""
    lang = filters.lang
    strategic = view.grid[(view.grid["kind"] == AgreementKind.COLLABORATION.value) & view.grid["in_scope"]]
    approved = strategic["status"].isin([s.value for s in APPROVED_STATUSES])
    counts = analysis_data.approvals(version, filters, AgreementKind.COLLABORATION.value)
    national_yes, national_all = int(counts.counts["hyvaksytty"].sum()), int(counts.counts["total"].sum())
    cols = st.columns(3)
    cols[0].metric(t("home.approved_agreements", lang), f"{int(approved.sum())} / {len(strategic)}")
    if filters.area is not None:
        own = strategic[strategic["area_code"] == filters.area]["status"].iloc[0]
        cols[1].metric(t("analysis.agreements.area_status", lang, area=area_name(filters.area, lang)),
                       enum_label("AgreementStatus", own, lang) if own else t("analysis.agreements.no_agreement", lang))
        rows = counts.selection if filters.municipalities else counts.counts
        row = rows[rows["area_code"] == filters.area].iloc[0]
        yes, of = int(row["hyvaksytty"]), int(row["total"])
        cols[2].metric(t("home.council_approved", lang), f"{yes} / {of} ({format_pct(yes / of if of else None, lang)})")
        cols[2].caption(t("analysis.national_beside", lang, value=f"{national_yes} / {national_all} "
                          f"({format_pct(national_yes / national_all if national_all else None, lang)})"))
    else:
        cols[2].metric(t("home.council_approved", lang), f"{national_yes} / {national_all} "
                       f"({format_pct(national_yes / national_all if national_all else None, lang)})")
