"""Tilannekuva: the headline figures and how they changed since a chosen day, a small map,
and what changed lately."""

from __future__ import annotations

from datetime import date

import streamlit as st

from yhdyspinta import recent
from yhdyspinta.domain import SMALL_N_THRESHOLD
from yhdyspinta.filters import Filters
from yhdyspinta.i18n import format_day, t
from yhdyspinta.ui import charting, plain, profile_data, widgets
from yhdyspinta.ui import map as map_widget
from yhdyspinta.ui.live import keep_live

CARDS_PER_ROW = 4


def figure_cards(figures: profile_data.OverviewFigures, filters: Filters, *, series: bool = True) -> None:
    """The headline indicators as cards: the value today and the change since the end of the
    previous quarter (the help opens the definition, source, day and N); then, unless on a
    slide, every card's quarterly series as small charts."""
    lang = filters.lang
    for start in range(0, len(figures.cards), CARDS_PER_ROW):
        row = st.columns(CARDS_PER_ROW)
        for column, card in zip(row, figures.cards[start:start + CARDS_PER_ROW], strict=False):
            column.metric(card.label, card.text, delta=card.delta,
                          delta_color="inverse" if card.rise_is_bad else "normal",
                          delta_description=t("indicator.since_quarter", lang) if card.delta else None,
                          help=card.help, border=True)
    small = [card.label for card in figures.cards if card.small_n]
    if small:
        st.caption(t("indicator.small_n_cards", lang, limit=SMALL_N_THRESHOLD, figures=", ".join(small)))
    if series:
        # Streamlit's own sparklines in st.metric draw unlabelled SVG marks (axe: svg-img-alt);
        # one chart of ours carries a description and its table.
        charting.show(figures.series_spec, width="content", alt_text=t("indicator.series_note", lang),
                      key="figures.series")
    st.caption(t("indicator.series_note", lang) if series else t("indicator.delta_note", lang))


def render() -> None:
    filters = widgets.current_filters()
    lang = filters.lang
    version = widgets.page_header("nav.home", filters)
    st.write(t("home.intro", lang))
    figures = profile_data.overview_figures(version, filters, date.today())
    figure_cards(figures, filters)
    with st.expander(t("overview.table", lang)):
        st.dataframe(figures.table, hide_index=True, width="stretch")
        st.write(t("overview.rule", lang))
        st.download_button(t("indicator.download", lang), figures.download, file_name="tunnusluvut.csv",
                           mime="text/csv", key="home.indicators.csv")

    left, right = st.columns([3, 2])
    with left:
        map_widget.small_map(filters, version, indicator="agreement_status", level="areas", key="home.map",
                             height=360)
    with right:
        # Heading, list and note as one Markdown element (the list is read out as a list): each
        # element costs time on every rerun of the page people open first.
        items = [f"- **{format_day(recent.local_day(line.at), lang)}** · {plain.escape(line.text)}"
                 for line in figures.recent] or [t("overview.no_changes", lang)]
        st.markdown(f"### {t('home.latest_changes', lang)}\n\n" + "\n".join(items) + "\n\n"
                    + t("overview.changes_note", lang))
    keep_live(version)

