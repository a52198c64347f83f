"""Alueprofiili: one area against the national picture.

The area is the shared area filter. Without one, the page asks for an area with its own
selectbox, whose choice is written into the shared filter (so the sidebar, every other page
and the URL, `?alue=N`, follow) rather than kept as a second, page-local area.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from yhdyspinta import facts, slides
from yhdyspinta import profile as prof
from yhdyspinta.filters import Filters
from yhdyspinta.i18n import column_label, format_day, t, tn
from yhdyspinta.ui import charting, profile_data, report_download, widgets
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


DATE_FORMATS = {"fi": "D.M.YYYY", "sv": "D.M.YYYY", "en": "DD/MM/YYYY"}


def _table(frame: pd.DataFrame, lang: str) -> None:
    """A table with dates in the language's format and links that open."""
    if frame.empty:
        st.write(t("common.no_rows", lang))
        return
    config: dict[str, object] = {}
    for column in frame.columns:
        values = frame[column].dropna()
        if len(values) and all(isinstance(v, date) for v in values):
            config[column] = st.column_config.DateColumn(column, format=DATE_FORMATS.get(lang, "D.M.YYYY"))
        elif column == column_label("url", lang):
            config[column] = st.column_config.LinkColumn(column)
    st.dataframe(frame, hide_index=True, width="stretch", column_config=config)


def render() -> None:
    filters = widgets.current_filters()
    lang = filters.lang
    version = widgets.page_header("nav.profile", filters)
    if filters.area is None:
        choose_area(filters, version)
        return
    area = filters.area
    today = date.today()
    p = profile_data.area_profile(version, area, lang, today)
    munis = p.municipalities
    if filters.municipalities:
        munis = munis[munis[column_label("code", lang)].isin(filters.municipalities)]

    home.figure_cards(profile_data.overview_figures(version, filters, today), filters)
    with st.expander(t("indicator.table", lang)):
        st.dataframe(p.figures, hide_index=True, width="stretch")
    report_download.block(filters, version, today)

    map_widget.small_map(filters, version, indicator="council_approval", level="municipalities",
                         key="profile.map")

    st.subheader(t("profile.municipalities", lang))
    _table(munis, lang)
    if munis[column_label("population", lang)].isna().all():
        st.write(t("overview.help.population_missing", lang))

    st.subheader(t("profile.agreements", lang))
    _table(p.agreements, lang)
    if p.events.empty:
        st.write(t("profile.no_events", lang))
    else:
        charting.altair(prof.timeline_chart, p.events, lang, width="content")
        with st.expander(t("profile.timeline_table", lang)):
            _table(prof.events_table(p.events, lang), lang)

    st.subheader(t("profile.structures", lang))
    _table(p.structures, lang)

    st.subheader(t("profile.participation", lang))
    charting.altair(prof.participation_chart, p.participation, lang, width="content")
    with st.expander(t("profile.participation_table", lang)):
        st.dataframe(prof.participation_table(p.participation, lang), hide_index=True, width="stretch")

    st.subheader(t("profile.survey", lang))
    if p.survey is None:
        st.write(t("common.no_rows", lang))
    else:
        long = prof.survey_long(p.survey, area, lang)
        charting.altair(prof.survey_chart, long, p.survey, lang, width="content")
        with st.expander(t("profile.survey_table", lang)):
            st.dataframe(prof.survey_table(long, lang), hide_index=True, width="stretch")
        st.write(t("profile.survey_note", lang, day=format_day(p.survey.published_on, lang)))

    st.subheader(t("profile.maturity", lang))
    if p.maturity is None or not p.maturity.area_respondents:
        st.write(t("profile.no_maturity", lang))
    if p.maturity is not None:
        long = prof.maturity_long(p.maturity, area, lang)
        charting.altair(prof.maturity_chart, long, lang, width="content")
        with st.expander(t("profile.maturity_table", lang)):
            st.dataframe(prof.maturity_table(long, lang), hide_index=True, width="stretch")
        st.write(tn("profile.maturity_note", p.maturity.national_areas, lang,
                    day=format_day(p.maturity.assessed_on, lang), areas=p.maturity.national_areas,
                    respondents=tn("count.respondents", p.maturity.area_respondents, lang),
                    people=tn("count.respondents", p.maturity.national_respondents, lang)))
