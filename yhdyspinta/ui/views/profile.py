"""Alueprofiili: one area against the national picture, in three parts shown one at a time
(summary, agreements, participation; `?osio=` in the URL).

The area is the shared area filter. Without one, the page asks for an area with its own
selectbox, whose choice is written into the shared filter (so the sidebar, every other page
and the URL, `?alue=N`, follow) rather than kept as a second, page-local area.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import streamlit as st

from yhdyspinta import facts, slides
from yhdyspinta.display import area_name
from yhdyspinta.domain import SMALL_N_THRESHOLD
from yhdyspinta.filters import Filters, shown_value
from yhdyspinta.i18n import format_day, format_number, t, tn
from yhdyspinta.indicators import peers
from yhdyspinta.indicators.asof import finnish_today
from yhdyspinta.ui import charting, data, plain, profile_data, report_download, tables, widgets
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
    frames = profile_data.presentation_frames(version, filters, finnish_today())
    tables.dataframe(slides.status_table(frames.status, lang), hide_index=True, width="stretch")


def _table(table: profile_data.Table, lang: str) -> None:
    """A table with dates in the language's format and links that open."""
    if table.empty:
        st.write(t("common.no_rows", lang))
        return
    tables.dataframe(table.data, hide_index=True, width="stretch", column_config=table.column_config)


def _peers_note(similar: peers.Peers | None, lang: str) -> str:
    """Which areas the similar-areas column is, and why; or why there is none."""
    if similar is None:
        return t("scorecard.no_population", lang)
    cls = similar.population_class
    class_text = t(f"peers.class.{cls.code}", lang, lower=format_number(cls.lower, lang),
                   upper=format_number(cls.upper or 0, lang))
    if not similar.areas:
        return t("scorecard.no_peers", lang, cls=class_text)
    names = sorted(area_name(a, lang) for a in similar.areas)
    return t("scorecard.peers", lang, cls=class_text, people=format_number(similar.population, lang),
             names=", ".join(names))


def scorecard(version: int, area: int, filters: Filters, today: date) -> None:
    """Every indicator of the catalogue for the area beside its similar areas and the country
    (drawn once and replayed, `_sections`); the area's values (every indicator, as the
    overview offers them) as CSV."""
    lang = filters.lang
    _sections(version, area, filters.municipalities, lang, today, SCORECARD)
    st.download_button(t("indicator.download", lang), profile_data.overview_figures(version, filters, today).download,
                       file_name="tunnusluvut.csv", mime="text/csv", key="profile.indicators.csv")


def _scorecard_table(view: profile_data.ProfileView, lang: str) -> None:
    st.subheader(t("scorecard.heading", lang))
    # Every indicator in view at once (the default height scrolls after ten rows inside the table).
    tables.dataframe(view.figures, hide_index=True, width="stretch", height="content")
    notes = [_peers_note(view.peers, lang)]
    if view.flagged:
        notes.append(t("analysis.survey.small_n_note", lang, n=SMALL_N_THRESHOLD))
    st.markdown("\n\n".join(notes))  # one element: each is a message on every run


def render(*, front: bool = False) -> None:
    """The area profile; `front`: the same as an area's own front page (the app's root with
    `?alue=N`), titled with the area's name."""
    filters = widgets.current_filters()
    lang = filters.lang
    title = area_name(filters.area, lang) if front and filters.area is not None else None
    version = widgets.page_header("nav.profile", filters, title=title)
    if filters.area is None:
        forget_section()
        choose_area(filters, version)
        return
    area = filters.area
    today = finnish_today()
    part = section_choice(lang)
    if part == SUMMARY:
        if front:
            st.write(t("scorecard.intro", lang))
        home.figure_cards(version, filters, today)
        scorecard(version, area, filters, today)
        report_download.block(filters, version, today)
        st.subheader(t("scorecard.map", lang))
        map_widget.small_map(filters, version, indicator="council_approval", level="municipalities",
                             key="profile.map")
        part = TIMELINE
    charting.remember(_sections(version, area, filters.municipalities, lang, today, part))


# The profile's parts, one shown at a time: the summary (figures, scorecard, report, map and the
# agreement and approval timeline: the area's front page as issue 10 asks), the municipalities
# with the agreements and structures, and participation with the survey and maturity. A part
# fits on a screen or a projector, and a part other than the summary is in the URL
# (`?osio=sopimukset`) by its code, not by its label as Streamlit's own binding would write it,
# so a link or a bookmark opens the same part in every language. Each run draws one part: 50
# messages for the summary, 23 and 31 for the others, instead of 69 for the whole profile
# (bench/load.py: about 8 % less CPU per run; README, "Load benchmark").
PARAM_SECTION = "osio"
KEY_SECTION = "profile.section"
KEY_SECTION_WRITTEN = "profile.section.written"  # the part this session last wrote to the URL
SUMMARY, AGREEMENTS, PARTICIPATION = "yhteenveto", "sopimukset", "osallistuminen"
SECTIONS = (SUMMARY, AGREEMENTS, PARTICIPATION)
TIMELINE = "aikajana"  # the summary's static end, drawn by `_sections`
SCORECARD = "tunnusluvut"  # the summary's scorecard table and its notes, drawn by `_sections`


def section_from_url(raw: str | None) -> tuple[str, bool]:
    """The part the URL's `osio` asks for, and whether the value was one we do not know (to be
    named in a notice). Nothing, an empty or a blank value is the summary without a notice."""
    value = raw or ""
    if value in SECTIONS:
        return value, False
    return SUMMARY, bool(value.strip())


def section_choice(lang: str) -> str:
    """The part of the profile to show, as radio buttons in a row, kept in the URL. The URL's part
    is read when the control is new (a page opened or the area chosen), an unknown one named in a
    notice and the summary shown; and when the URL holds a part other than the one this session
    wrote there (the browser's back and forward buttons), the control follows it."""
    raw = st.query_params.get(PARAM_SECTION)
    from_url, unknown = section_from_url(raw)
    if KEY_SECTION not in st.session_state:
        st.session_state[KEY_SECTION] = from_url
        if unknown:
            st.warning(plain.text("profile.bad_section", lang, param=PARAM_SECTION, value=shown_value(raw or "")),
                       icon="⚠️")
    elif not unknown and from_url != st.session_state.get(KEY_SECTION_WRITTEN, from_url):
        st.session_state[KEY_SECTION] = from_url
    # A row of radio buttons: a segmented control looks more like tabs, but draws the chosen
    # part's label in the theme's red on a pale red, 4.48:1 (WCAG 2.1 AA asks 4.5:1; axe-core),
    # and a darker theme colour turned inline code elsewhere too pale.
    chosen = st.radio(t("profile.section", lang), SECTIONS, format_func=lambda part: t(f"profile.section.{part}", lang),
                      key=KEY_SECTION, horizontal=True)
    part = chosen if chosen in SECTIONS else SUMMARY
    widgets.write_param(PARAM_SECTION, None if part == SUMMARY else part)
    st.session_state[KEY_SECTION_WRITTEN] = part
    return part


def forget_section() -> None:
    """No area, no parts: a part left in the URL (e.g. the area set back to the whole country)
    would otherwise be read, or named as unknown, once an area is chosen again."""
    widgets.write_param(PARAM_SECTION, None)
    st.session_state.pop(KEY_SECTION_WRITTEN, None)


# One entry per area, chosen municipalities, language, version, day and part: four parts (the
# summary's scorecard and timeline, and the two other parts) for each of the 128 views the whole
# profile had before.
SECTION_ENTRIES = 4 * 128


@data.replayed(max_entries=SECTION_ENTRIES)
def _sections(version: int, area: int, municipalities: tuple[int, ...], lang: str, today: date,
              part: str) -> tuple[dict, ...]:
    """The static tables and charts of a part of the profile: the summary's scorecard
    (`SCORECARD`) and the agreement and approval timeline that ends it (`TIMELINE`); the
    municipalities, agreements and structures (`AGREEMENTS`); or participation, survey and
    maturity (`PARTICIPATION`). The same for every
    viewer of the same area, so drawn once and replayed (each run would otherwise convert every
    table and chart again). Returns the charts' specs for the page's images download."""
    view = profile_data.profile_view(version, area, municipalities, lang, today)
    shown: list[dict] = []

    def chart(spec: dict) -> None:
        charting.show(spec, width="content", downloads=False)
        shown.append(spec)

    if part == PARTICIPATION:
        _participation(view, lang, chart)
    elif part == SCORECARD:
        _scorecard_table(view, lang)
    elif part == TIMELINE:
        st.subheader(t("profile.agreements", lang))
        if view.events is None or view.timeline_spec is None:
            st.write(t("profile.no_events", lang))
        else:
            chart(view.timeline_spec)
            if view.approvals_spec is not None:
                chart(view.approvals_spec)
            with st.expander(t("profile.timeline_table", lang)):
                _table(view.events, lang)
    elif part == AGREEMENTS:
        st.subheader(t("profile.municipalities", lang))
        _table(view.municipalities, lang)
        if view.population_missing:
            st.write(t("overview.help.population_missing", lang))
        else:
            credit = data.population_credit(lang)
            if credit:
                st.caption(credit)
        st.subheader(t("profile.agreement_rows", lang))
        _table(view.agreements, lang)
        st.subheader(t("profile.structures", lang))
        _table(view.structures, lang)
    else:
        raise ValueError(f"no such part of the profile: {part!r}")
    return tuple(shown)


def _participation(view: profile_data.ProfileView, lang: str, chart: Callable[[dict], None]) -> None:
    maturity = view.maturity_info
    st.subheader(t("profile.participation", lang))
    chart(view.participation_spec)
    with st.expander(t("profile.participation_table", lang)):
        tables.dataframe(view.participation, hide_index=True, width="stretch")

    st.subheader(t("profile.survey", lang))
    if not view.has_survey or view.survey_spec is None:
        st.write(t("common.no_rows", lang))
    else:
        chart(view.survey_spec)
        with st.expander(t("profile.survey_table", lang)):
            tables.dataframe(view.survey, hide_index=True, width="stretch")
        st.write(t("profile.survey_note", lang, day=format_day(view.survey_published_on, lang)))

    st.subheader(t("profile.maturity", lang))
    if maturity is None or not maturity.area_respondents:
        st.write(t("profile.no_maturity", lang))
    if maturity is not None and view.maturity_spec is not None:
        chart(view.maturity_spec)
        with st.expander(t("profile.maturity_table", lang)):
            tables.dataframe(view.maturity, hide_index=True, width="stretch")
        st.write(tn("profile.maturity_note", maturity.national_areas, lang,
                    day=format_day(maturity.assessed_on, lang), areas=maturity.national_areas,
                    respondents=tn("count.respondents", maturity.area_respondents, lang),
                    people=tn("count.respondents", maturity.national_respondents, lang)))
