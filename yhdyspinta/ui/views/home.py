"""Tilannekuva: the headline figures and how they changed since a chosen day, a small map,
and what changed lately."""

from __future__ import annotations

from datetime import date, timedelta

import streamlit as st

from yhdyspinta import metrics
from yhdyspinta.domain import AgreementStatus
from yhdyspinta.filters import Filters
from yhdyspinta.i18n import enum_label, format_day, format_number, format_pct, t
from yhdyspinta.ui import map as map_widget
from yhdyspinta.ui import plain, profile_data, widgets

DEFAULT_LOOKBACK = timedelta(days=90)
KEY_SINCE = "home.since"
SINCE_WIDTH = 260  # px: room for a date and the calendar button


def _delta(change: int) -> str:
    return f"{change:+d}" if change else "0"


def _points(now: float | None, then: float | None, lang: str, *, percent: bool) -> str | None:
    """Change in percentage points (shares 0–1 when `percent`, else values already in %)."""
    if now is None or then is None:
        return None
    diff = (now - then) * (100 if percent else 1)
    if round(diff, 1) == 0:
        return "0"
    return f"{'+' if diff > 0 else '−'}{format_number(abs(diff), lang, 1)} {t('overview.points', lang)}"


def _headline_value(headline: metrics.SurveyHeadline | None, area: bool) -> float | None:
    if headline is None:
        return None
    return headline.area_mean if area and headline.area_mean is not None else headline.national_mean


def figure_cards(figures: profile_data.OverviewFigures, filters: Filters) -> None:
    """The headline figures as metrics, each with its change since the chosen day."""
    lang = filters.lang
    now, then = figures.now, figures.then
    change = metrics.changes(now, then)
    # One line above the cards rather than a grey description in each: the change is explained
    # once, in text that meets the contrast requirement.
    st.markdown(t("overview.since_note", lang, day=format_day(figures.since, lang)))
    approved = ", ".join(enum_label("AgreementStatus", s, lang) for s in AgreementStatus
                         if s.value in metrics.APPROVED_CODES)

    top = st.columns(4)
    top[0].metric(t("home.approved_agreements", lang), f"{now.areas_with_approved_agreement} / {now.areas_in_scope}",
                  delta=_delta(change["areas_with_approved_agreement"]),
                  help=t("overview.help.approved", lang, statuses=approved), border=True)
    top[1].metric(t("home.council_approved", lang),
                  f"{now.municipalities_council_approved} / {now.municipalities_in_scope}",
                  delta=_delta(change["municipalities_council_approved"]),
                  help=t("overview.help.council", lang), border=True)
    if now.population_share is None:
        # A dash and a note, never a share of an unknown total.
        top[2].metric(t("overview.population", lang), "–", delta=t("overview.population_missing", lang),
                      delta_color="off", delta_arrow="off", help=t("overview.help.population_missing", lang),
                      border=True)
    else:
        top[2].metric(t("overview.population", lang), format_pct(now.population_share, lang, 1),
                      delta=_points(now.population_share, then.population_share, lang, percent=True),
                      help=t("overview.help.population", lang, people=format_number(now.population_in_scope, lang)),
                      border=True)
    area_chosen = filters.area is not None
    value_now = _headline_value(figures.survey_now, area_chosen)
    if figures.survey_now is None or value_now is None:
        top[3].metric(t("overview.survey", lang), "–", help=t("overview.help.survey_missing", lang), border=True)
    else:
        s = figures.survey_now
        label = t("overview.survey_area" if area_chosen and s.area_mean is not None else "overview.survey", lang)
        top[3].metric(label, format_pct(value_now / 100, lang),
                      delta=_points(value_now, _headline_value(figures.survey_then, area_chosen), lang, percent=False),
                      help=plain.text("overview.help.survey", lang, survey=f"{s.survey} {s.wave}", n=s.statements,
                             national=format_pct(s.national_mean / 100, lang)),
                      border=True)

    bottom = st.columns(4)
    bottom[0].metric(t("home.forums", lang), format_number(now.forums_held, lang),
                     delta=_delta(change["forums_held"]), border=True)
    bottom[1].metric(t("overview.organisations", lang), format_number(now.organisations_reached, lang),
                     delta=_delta(change["organisations_reached"]),
                     help=t("overview.help.organisations", lang), border=True)
    bottom[2].metric(t("home.participating_municipalities", lang),
                     f"{now.municipalities_participated} / {now.municipalities_in_scope}",
                     delta=_delta(change["municipalities_participated"]), border=True)
    bottom[3].metric(t("overview.pilots", lang), format_number(now.pilot_areas, lang), border=True)


def render() -> None:
    filters = widgets.current_filters()
    lang = filters.lang
    version = widgets.page_header("nav.home", filters)
    st.write(t("home.intro", lang))
    today = date.today()
    since = st.date_input(t("overview.since", lang), value=today - DEFAULT_LOOKBACK,
                          max_value=today - timedelta(days=1),
                          key=KEY_SINCE, format="DD/MM/YYYY" if lang == "en" else "DD.MM.YYYY",
                          help=t("overview.help.since", lang), width=SINCE_WIDTH)
    if not isinstance(since, date):  # an emptied date input: fall back to the default
        since = today - DEFAULT_LOOKBACK
    figures = profile_data.overview_figures(version, filters, since, today)
    figure_cards(figures, filters)
    with st.expander(t("overview.table", lang)):
        st.dataframe(figures.table, hide_index=True, width="stretch")
        st.write(t("overview.rule", lang))

    left, right = st.columns([3, 2])
    with left:
        map_widget.small_map(filters, version, indicator="agreement_status", level="areas", key="home.map",
                             height=360)
    with right:
        # Heading, list and note as one Markdown element (the list is read out as a list): each
        # element costs time on every rerun of the page people open first.
        items = [f"- **{format_day(metrics.local_day(line.at), lang)}** · {plain.escape(line.text)}"
                 for line in figures.recent] or [t("overview.no_changes", lang)]
        st.markdown(f"### {t('home.latest_changes', lang)}\n\n" + "\n".join(items) + "\n\n"
                    + t("overview.changes_note", lang))

