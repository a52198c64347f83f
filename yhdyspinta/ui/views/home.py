"""Tilannekuva: the headline figures with their quarterly trend, the areas that need attention
and why, the last and the next forum, a small map, and what changed lately."""

from __future__ import annotations

import urllib.parse
from collections.abc import Sequence
from datetime import date

import streamlit as st

from yhdyspinta import facts, recent
from yhdyspinta.domain import SMALL_N_THRESHOLD
from yhdyspinta.filters import Filters
from yhdyspinta.i18n import enum_label, format_day, format_number, t, tn
from yhdyspinta.indicators import asof
from yhdyspinta.indicators.asof import finnish_today
from yhdyspinta.indicators.attention import ASSESSMENT_MAX_AGE_MONTHS, Attention, Rule
from yhdyspinta.ui import charting, data, plain, profile_data, tables, widgets
from yhdyspinta.ui import map as map_widget
from yhdyspinta.ui.live import keep_live
from yhdyspinta.ui.pages import PAGES

CARD_WIDTH = 230  # px: four in a row beside the sidebar at 1440 px, six on a 1920 px projector; Swedish labels whole
PROFILE_PATH = next(p.url_path for p in PAGES if p.title_key == "nav.profile")


def figure_cards(version: int, filters: Filters, today: date, *, series: bool = True,
                 width: int = CARD_WIDTH) -> None:
    """The headline cards (`_cards`), drawn once per version, filters, day and form and
    replayed; their series chart goes into the page's images download."""
    charting.remember(_cards(version, filters, today, series, width))


# Per version, filters (area, municipalities, language), day and form (page or slide).
CARD_ENTRIES = 256


@data.replayed(max_entries=CARD_ENTRIES)
def _cards(version: int, filters: Filters, today: date, series: bool, width: int) -> tuple[dict, ...]:
    """The headline indicators as cards: the value today and, where it changed, the change
    since the end of the previous quarter (the help opens the definition, source, day and N).
    The cards flow in one row that wraps (one container, not a column each: every block is a
    message on each run of the page a hall opens at once). Under them, as one caption, what a
    card's value is made of, the whole country's values when an area is chosen, and any small
    samples; then, unless on a slide, every card's quarterly series as small charts. `width` is a
    card's in px. Returns the series chart's spec (none on a slide)."""
    lang = filters.lang
    figures = profile_data.overview_figures(version, filters, today)
    with st.container(horizontal=True, gap="small"):
        for card in figures.cards:
            note = plain.escape(card.note) if card.note else None
            st.metric(card.label, card.text, delta=card.delta,
                      delta_color="inverse" if card.rise_is_bad else "normal",
                      help=card.help if note is None else f"{note}\n\n{card.help}", border=True,
                      width=width)
    lines = [f"{plain.escape(card.label)}: {plain.escape(card.note)}" for card in figures.cards if card.note]
    country = [f"{plain.escape(card.label)} {card.country}" for card in figures.cards
               if card.country is not None and card.country != card.text]  # a national figure is the same
    if country:
        lines.append(t("analysis.national_beside", lang, value=" · ".join(country)))
    small = [card.label for card in figures.cards if card.small_n]
    if small:
        lines.append(t("indicator.small_n_cards", lang, limit=SMALL_N_THRESHOLD, figures=", ".join(small)))
    if lines:
        st.caption("  \n".join(lines))
    if series:
        # Streamlit's own sparklines in st.metric draw unlabelled SVG marks (axe: svg-img-alt);
        # one chart of ours carries a description and its table.
        charting.show(figures.series_spec, width="content", alt_text=t("indicator.series_note", lang),
                      key="figures.series", downloads=False)
    st.caption(t("indicator.series_note", lang) if series else t("indicator.delta_note", lang))
    return (figures.series_spec,) if series else ()


def rule_title(rule: Rule, lang: str) -> str:
    return t(f"attention.rule.{rule.value}", lang)


def rule_text(rule: Rule, lang: str) -> str:
    return t(f"attention.rule.{rule.value}.text", lang, months=ASSESSMENT_MAX_AGE_MONTHS)


def entry_label(entry: Attention, lang: str) -> str:
    """One entry as its link shows it: the area's name and the figure that caught it."""
    name = facts.area_by_code()[entry.area].name(lang)
    if entry.rule == Rule.EXPIRED:
        return t("attention.entry.expired", lang, area=name, day=format_day(entry.day, lang))
    if entry.rule == Rule.COUNCILS_PENDING:
        return t("attention.entry.councils_pending", lang, area=name, approved=entry.count or 0,
                 total=entry.total or 0)
    if entry.rule == Rule.NO_AGREEMENT and entry.status:
        return t("attention.entry.no_agreement", lang, area=name,
                 status=enum_label("AgreementStatus", entry.status, lang))
    if entry.rule == Rule.OLD_ASSESSMENT:
        return t("attention.entry.old_assessment", lang, area=name, day=format_day(entry.day, lang))
    return name


def attention_link(entry: Attention, lang: str) -> str:
    """An entry as a Markdown link to its area's profile in the same language: a relative
    address (the overview is the app's root), so it holds behind a base path too."""
    query = urllib.parse.urlencode(Filters(lang=lang, area=entry.area).to_params())
    return f"[{plain.escape(entry_label(entry, lang))}]({PROFILE_PATH}?{query})"


def attention_markdown(entries: Sequence[Attention], today: date, lang: str) -> str:
    """The areas that need attention as one Markdown text: a list of the rules that caught any,
    each with its count, what it checks and a link to each area's profile."""
    lines = [f"### {t('attention.title', lang)}", ""]
    if not entries:
        return "\n".join([*lines, t("attention.none", lang)])
    lines += [t("attention.intro", lang, day=format_day(today, lang)), ""]
    groups: dict[Rule, list[Attention]] = {}
    for entry in entries:
        groups.setdefault(entry.rule, []).append(entry)
    for rule, group in groups.items():
        title = tn("attention.group", len(group), lang, rule=rule_title(rule, lang))
        lines.append(f"- **{title}.** {rule_text(rule, lang)}  ")
        lines.append("  " + " · ".join(attention_link(entry, lang) for entry in group))
    return "\n".join(lines)


def attention_list(figures: profile_data.OverviewFigures, filters: Filters) -> None:
    """One Markdown element, not an expander and a page link per area: every element costs the
    server a message on each run of the page a hall opens at once (bench/load.py: 37 page links
    and 7 expanders were about half of the overview's messages). Markdown links open in a new
    tab, which keeps the list at hand."""
    st.markdown(attention_markdown(figures.attention, figures.today, filters.lang))


def _forum_line(forum: asof.ForumEvent, lang: str) -> str:
    return t("overview.forum.line", lang, day=format_day(forum.held_on, lang), title=plain.escape(forum.title),
             theme=enum_label("Theme", forum.theme, lang))


def forum_summary(figures: profile_data.OverviewFigures, lang: str) -> None:
    """The last forum held (with how many took part) and the next one planned, as one element."""
    last, upcoming = figures.last_forum, figures.next_forum
    lines = [f"### {t('overview.forums', lang)}", ""]
    if last is None:
        lines.append(f"- **{t('overview.forum.last', lang)}:** {t('overview.forum.none_held', lang)}")
    else:
        people = t("overview.forum.people", lang, people=format_number(last.participants, lang),
                   organisations=format_number(last.organisations, lang))
        lines.append(f"- **{t('overview.forum.last', lang)}:** {_forum_line(last, lang)} · {people}")
    if upcoming is None:
        lines.append(f"- **{t('overview.forum.next', lang)}:** {t('overview.forum.none_planned', lang)}")
    else:
        lines.append(f"- **{t('overview.forum.next', lang)}:** {_forum_line(upcoming, lang)}")
    st.markdown("\n".join(lines))


def latest_changes(figures: profile_data.OverviewFigures, lang: str) -> None:
    # Heading, list and note as one Markdown element (the list is read out as a list): each
    # element costs time on every rerun of the page people open first.
    items = [f"- **{format_day(recent.local_day(line.at), lang)}** · {plain.escape(line.text)}"
             for line in figures.recent] or [t("overview.no_changes", lang)]
    note = t("overview.changes_note", lang)
    if figures.reference is not None:
        ref = figures.reference
        note += " " + tn("overview.reference_updates", ref.records, lang, imports=ref.imports,
                         day=format_day(recent.local_day(ref.latest), lang))
    st.markdown(f"### {t('home.latest_changes', lang)}\n\n" + "\n".join(items) + "\n\n" + note)


@data.replayed(max_entries=CARD_ENTRIES)
def _columns_text(version: int, filters: Filters, today: date, part: str) -> None:
    """The overview's texts beside the map, drawn once per version, filters and day: the areas
    that need attention (`part` "attention"), or the forums and the latest changes ("news")."""
    figures = profile_data.overview_figures(version, filters, today)
    if part == "attention":
        attention_list(figures, filters)
    else:
        forum_summary(figures, filters.lang)
        latest_changes(figures, filters.lang)


@data.replayed(max_entries=CARD_ENTRIES)
def _table(version: int, filters: Filters, today: date) -> None:
    tables.dataframe(profile_data.overview_figures(version, filters, today).table, hide_index=True, width="stretch")
    st.write(t("overview.rule", filters.lang))


def render() -> None:
    filters = widgets.current_filters()
    lang = filters.lang
    version = widgets.page_header("nav.home", filters)
    today = finnish_today()
    st.write(t("home.intro", lang))
    figure_cards(version, filters, today)
    credit = data.population_credit(lang)
    if credit:
        st.caption(credit)
    with st.expander(t("overview.table", lang)):
        _table(version, filters, today)
        download = profile_data.overview_figures(version, filters, today).download
        st.download_button(t("indicator.download", lang), download, file_name="tunnusluvut.csv", mime="text/csv",
                           key="home.indicators.csv")

    left, right = st.columns([3, 2])
    with left:
        _columns_text(version, filters, today, "attention")
        map_widget.small_map(filters, version, indicator="agreement_status", level="areas", key="home.map",
                             height=360)
    with right:
        _columns_text(version, filters, today, "news")
    keep_live(version)
