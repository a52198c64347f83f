"""Käyttäjät ja roolit: who may edit what. Everyone sees what each role may do and how many
hold it; a project lead sees the assignments and adds, changes and removes them. Writes go
through `yhdyspinta.editing`, which refuses (and logs) anyone but a project lead."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from yhdyspinta import access
from yhdyspinta.display import area_name
from yhdyspinta.domain import Role
from yhdyspinta.history import role_label
from yhdyspinta.i18n import t, tn
from yhdyspinta.ui import auth, data, forms, plain, tables, widgets

PAGE = "admin"


@data.cached(max_entries=16)
def _role_summary(version: int, lang: str, first_lead: str | None) -> pd.DataFrame:
    """What each role may do and how many hold it (no names: this table is public). Viewers
    are not counted: anyone may read."""
    roles = data.kind_frame("roles", version)
    counts = roles["role"].value_counts().to_dict()
    if first_lead and first_lead not in set(roles["subject"]):
        counts[Role.PROJECT_LEAD.value] = counts.get(Role.PROJECT_LEAD.value, 0) + 1
    return pd.DataFrame({
        t("access.admin.role", lang): [role_label(r.value, lang) for r in Role],
        t("access.admin.may", lang): [t(f"access.role.{r.value}.may", lang) for r in Role],
        t("access.admin.count", lang): ["–" if r == Role.VIEWER else str(int(counts.get(r.value, 0))) for r in Role],
    })


@data.cached(max_entries=16)
def _assignments(version: int, lang: str) -> pd.DataFrame:
    roles = data.kind_frame("roles", version)
    return pd.DataFrame({
        t("access.admin.subject", lang): roles["subject"].astype(str),
        t("access.admin.role", lang): [role_label(str(r), lang) for r in roles["role"]],
        t("access.admin.areas", lang): [", ".join(area_name(c, lang) for c in str(codes).split(";") if c)
                                        for codes in roles["area_codes"]],
    })


def render() -> None:
    filters = widgets.current_filters()
    lang = filters.lang
    version = widgets.page_header("nav.admin", filters, example_figures=False)
    principal = auth.current_principal()
    st.caption(t("access.admin.intro", lang))
    tables.dataframe(_role_summary(version, lang, access.configured_first_lead()), hide_index=True, width="stretch")
    if principal.role != Role.PROJECT_LEAD:
        st.info(t("access.admin.leads_only", lang))
        auth.read_only_note(lang)
        return

    st.subheader(t("access.admin.list_title", lang))
    first = access.configured_first_lead()
    if first:  # a lead by configuration, whatever the table says
        st.caption(plain.text("access.admin.first_lead", lang, subject=first, env=access.ENV_FIRST_LEAD))
    assignments = _assignments(version, lang)
    tables.dataframe(assignments, hide_index=True, width="stretch")
    st.caption(tn("common.rows", len(assignments), lang))
    st.caption(t("access.admin.subject_help", lang))
    forms.role_form(filters, version, principal, f"{PAGE}.role")
    forms.role_remove_form(filters, version, principal, f"{PAGE}.remove")
