"""Alueprofiili: one area against the national picture.

The area is the shared area filter. Without one, the page asks for an area with its own
selectbox, whose choice is written into the shared filter (so the sidebar, every other page
and the URL, `?alue=N`, follow) rather than kept as a second, page-local area.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from yhdyspinta import facts, slides
from yhdyspinta.filters import Filters
from yhdyspinta.i18n import format_day, t, tn
from yhdyspinta.ui import charting, data, profile_data, widgets
from yhdyspinta.ui import map as map_widget
from yhdyspinta.ui.views import home

KEY_AREA = "profile.area"


def _use_chosen_area() -> None:
    code = st.session_state.get(KEY_AREA)
    if code:
        st.session_state[widgets.KEY_AREA] = code
        st.session_state[widgets.KEY_MUNIS] = []


def choose_area(filters: Filters, version: int) -> None:
    lang = filters.lang
    st.info(t("profile.choose", lang), icon=":material/touch_app:")
    names = {a.code: a.name(lang) for a in facts.in_scope_areas()}
    st.selectbox(t("profile.area", lang), sorted(names, key=names.__getitem__), index=None, key=KEY_AREA,
                 format_func=names.__getitem__, placeholder=t("profile.area_placeholder", lang),
                 on_change=_use_chosen_area)
    st.subheader(t("profile.all_areas", lang))
    frames = profile_data.presentation_frames(version, filters, date.today())
    st.dataframe(slides.status_table(frames.status, lang), hide_index=True, width="stretch")


def _table(table: profile_data.Table, lang: str) -> None:
    """A table with dates in the language's format and links that open."""
    if table.empty:
        st.write(t("common.no_rows", lang))
        return
    st.dataframe(table.data, hide_index=True, width="stretch", column_config=table.column_config)


def render() -> None:
    filters = widgets.current_filters()
    lang = filters.lang
    version = widgets.page_header("nav.profile", filters)
    if filters.area is None:
        choose_area(filters, version)
        return
    area = filters.area
    today = date.today()
    view = profile_data.profile_view(version, area, filters.municipalities, lang, today)
    maturity = view.maturity_info

    home.figure_cards(profile_data.overview_figures(version, filters, today), filters)
    with st.expander(t("indicator.table", lang)):
        st.dataframe(view.figures, hide_index=True, width="stretch")

    map_widget.small_map(filters, version, indicator="council_approval", level="municipalities",
                         key="profile.map")

    st.subheader(t("profile.municipalities", lang))
    _table(view.municipalities, lang)
    if view.population_missing:
        st.write(t("overview.help.population_missing", lang))
    else:
        credit = data.population_credit(lang)
        if credit:
            st.caption(credit)

    st.subheader(t("profile.agreements", lang))
    _table(view.agreements, lang)
    if view.events is None or view.timeline_spec is None:
        st.write(t("profile.no_events", lang))
    else:
        charting.show(view.timeline_spec, width="content")
        with st.expander(t("profile.timeline_table", lang)):
            _table(view.events, lang)

    st.subheader(t("profile.structures", lang))
    _table(view.structures, lang)

    st.subheader(t("profile.participation", lang))
    charting.show(view.participation_spec, width="content")
    with st.expander(t("profile.participation_table", lang)):
        st.dataframe(view.participation, hide_index=True, width="stretch")

    st.subheader(t("profile.survey", lang))
    if not view.has_survey or view.survey_spec is None:
        st.write(t("common.no_rows", lang))
    else:
        charting.show(view.survey_spec, width="content")
        with st.expander(t("profile.survey_table", lang)):
            st.dataframe(view.survey, hide_index=True, width="stretch")
        st.write(t("profile.survey_note", lang, day=format_day(view.survey_published_on, lang)))

    st.subheader(t("profile.maturity", lang))
    if maturity is None or not maturity.area_respondents:
        st.write(t("profile.no_maturity", lang))
    if maturity is not None and view.maturity_spec is not None:
        charting.show(view.maturity_spec, width="content")
        with st.expander(t("profile.maturity_table", lang)):
            st.dataframe(view.maturity, hide_index=True, width="stretch")
        st.write(tn("profile.maturity_note", maturity.national_areas, lang,
                    day=format_day(maturity.assessed_on, lang), areas=maturity.national_areas,
                    respondents=tn("count.respondents", maturity.area_respondents, lang),
                    people=tn("count.respondents", maturity.national_respondents, lang)))
