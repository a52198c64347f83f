"""Presentation mode (`?esitys=1`): one view at a time for a projector, no sidebar or chrome.

The view travels in the URL too (`&nakyma=2`, 1-based), so a presenter can open a prepared
link; the area and language filters come from the URL as everywhere else.

Chrome: the sidebar is collapsed by the page config and absent altogether, since nothing is
written to it and the navigation is hidden (`st.navigation(position="hidden")`). Streamlit has
no per-session option for the header bar, the toolbar or the type size: `client.toolbarMode`
set with `st.set_option` applies to every session of the server process (it would strip the
menu from every other visitor too), and `ui.hideTopBar` and `theme.baseFontSize` exist only in
the server's configuration file. So presentation mode hides the header and enlarges type with
one constant CSS string through `st.html` (no data in it, nothing executed).

Every slide has a rail on the right: the area, the slide's number, and a QR code of the slide's
own address (view, area, language, forum) for the audience's phones. The address starts from
`YHDYSPINTA_PUBLIC_URL` when set (an app behind a proxy or on a projector laptop), else from the
address the presenter's browser has (`st.context.url`).

The forum view is the forum mode: the presenter picks a forum (today's by default) and the
slide shows which areas and municipalities had participants there, from the indicator
catalogue. It reads the data version on every run, so a rerun after attendance is recorded
shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from yhdyspinta import config, share, slides
from yhdyspinta import profile as prof
from yhdyspinta.domain import SMALL_N_THRESHOLD
from yhdyspinta.filters import PARAM_PRESENTATION, Filters, ascii_number, parse_filters
from yhdyspinta.i18n import t
from yhdyspinta.indicators.asof import finnish_today
from yhdyspinta.ui import charting, data, pages, plain, profile_data, tables, widgets
from yhdyspinta.ui import map as map_widget
from yhdyspinta.ui.live import keep_live
from yhdyspinta.ui.views import home

PARAM_VIEW = share.PARAM_VIEW
PARAM_FORUM = share.PARAM_FORUM
PRESENT_MAP_HEIGHT = 600  # px; with title and buttons this stays within 1080
MAIN_COLUMNS = (5, 1)  # the view, and the rail with the area, the number and the QR code
QR_SCALE = 6  # px per module: about 250 px for a slide's address, filling the rail
NAV_BUTTON_WIDTH = 250  # px: the previous / next / exit buttons
SLIDE_CARD_WIDTH = 350  # px: four cards in a row of the slide's column at 1920 px, values in full
QR_ENTRIES = 512  # addresses: views x areas x languages x forums, a few KB each
KEY_PREV = "present.prev"
KEY_NEXT = "present.next"
KEY_EXIT = "present.exit"
KEY_START = "present.start"
KEY_FORUM = "present.forum"

CSS = """
<style>
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stSidebarCollapsedControl"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 1rem 3rem 0 3rem; max-width: 100%; }
[data-testid="stMain"] h1 { font-size: 3rem; padding: 0 0 0.3rem 0; }
[data-testid="stMain"] [data-testid="stMarkdownContainer"] p { font-size: 1.4rem; }
[data-testid="stMain"] [data-testid="stCaptionContainer"] p { font-size: 1.2rem; }
[data-testid="stMain"] [data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"] {
  white-space: normal; overflow: visible; text-overflow: clip; }
[data-testid="stMain"] [data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"] p {
  font-size: 1.5rem; white-space: normal; }
[data-testid="stMain"] [data-testid="stMetricValue"] [data-testid="stMarkdownContainer"] p {
  font-size: 4.2rem; line-height: 1.15; }
[data-testid="stMain"] [data-testid="stMetricDelta"] [data-testid="stMarkdownContainer"] p,
[data-testid="stMain"] [data-testid="stMetricDeltaDescription"] p { font-size: 1.3rem; }
[data-testid="stMain"] button [data-testid="stMarkdownContainer"] p { font-size: 1.4rem; }
[data-testid="stMain"] button kbd { color: inherit; opacity: 1; }
[data-testid="stMain"] [data-testid="stSelectbox"] input[role="combobox"] { font-size: 1.4rem; }
[role="listbox"] [role="option"] { font-size: 1.3rem; }
[data-testid="stMain"] [data-testid="stTable"] th, [data-testid="stMain"] [data-testid="stTable"] td {
  font-size: 1.3rem; }
[data-testid="stMain"] [data-testid="stImageCaption"] { font-size: 1rem; overflow-wrap: anywhere; }
[data-testid="stMain"] [data-testid="stImageCaption"] [data-testid="stCaptionContainer"] { opacity: 1; color: #31333F; }
[data-testid="stMain"] [data-testid="stImageCaption"] a { color: #31333F; }
#vg-tooltip-element, #vg-tooltip-element td { font-size: 1.25rem; }
#vg-tooltip-element td.key, #vg-tooltip-element td.value {
  max-width: 24rem !important; white-space: normal !important; overflow: visible !important; }
</style>
"""


@dataclass(frozen=True)
class View:
    title_key: str
    render: Callable[[Filters, int], date | None]  # returns the forum shown, if any


def requested() -> bool:
    return st.query_params.get(PARAM_PRESENTATION) == "1"


def view_index(raw: str | None, count: int) -> int:
    """The 0-based view from the URL's 1-based `nakyma`; anything else gives the first."""
    number = ascii_number(raw, 2)
    if number is None:
        return 0
    return min(max(number - 1, 0), count - 1)


def _figures(filters: Filters, version: int) -> date | None:
    home.figure_cards(version, filters, finnish_today(), series=False, width=SLIDE_CARD_WIDTH)
    return None


def _tiles(filters: Filters, version: int) -> date | None:
    # A projector is wide and short: the legend goes beside the map so the view needs no scrolling.
    map_widget.small_map(filters, version, indicator="agreement_status", level="areas", key="present.map",
                         height=PRESENT_MAP_HEIGHT, legend_beside=True, projector=True)
    return None


def _chart_with_table(filters: Filters, chart: Callable[..., Any], table: Callable[..., pd.DataFrame],
                      frame: pd.DataFrame) -> None:
    """A slide's chart of `frame` and, folded under it, the same figures as a table."""
    charting.altair(chart, frame, filters.lang, width="content", downloads=False)
    with st.expander(t("present.table", filters.lang)):
        tables.dataframe(table(frame, filters.lang), hide_index=True)


# Per view, version, filters and day.
SLIDE_ENTRIES = 256


@data.replayed(max_entries=SLIDE_ENTRIES)
def _chart_slide(name: str, version: int, filters: Filters, today: date) -> None:
    """A chart slide ("status", "forums", "survey" or "maturity") with its table, drawn once per
    version, filters and day and replayed: the same for everyone in the hall."""
    views = profile_data.presentation_frames(version, filters, today)
    lang = filters.lang
    if name == "status":
        _chart_with_table(filters, slides.status_chart, slides.status_table, views.status)
    elif name == "forums":
        _chart_with_table(filters, slides.forum_chart, slides.forum_table, views.forums)
    elif name == "survey":
        if views.survey is None:
            st.write(t("common.no_rows", lang))
            return
        long = prof.survey_long(views.survey, filters.area, lang)
        charting.altair(slides.survey_slide, long, views.survey, lang, width="content", downloads=False)
        if long["small_n"].any():  # what a lighter bar and "⚠ N=…" mean, as the profile says
            st.caption(t("analysis.survey.small_n_note", lang, n=SMALL_N_THRESHOLD))
        with st.expander(t("present.table", lang)):
            tables.dataframe(prof.survey_table(long, lang), hide_index=True)
    elif name == "maturity":
        if views.maturity.empty:
            st.write(t("common.no_rows", lang))
            return
        _chart_with_table(filters, slides.maturity_chart, slides.maturity_table, views.maturity)
    else:
        raise ValueError(f"unknown chart slide {name!r}")


def _status(filters: Filters, version: int) -> date | None:
    _chart_slide("status", version, filters, finnish_today())
    return None


def _forums(filters: Filters, version: int) -> date | None:
    _chart_slide("forums", version, filters, finnish_today())
    return None


def _survey(filters: Filters, version: int) -> date | None:
    _chart_slide("survey", version, filters, finnish_today())
    return None


def _maturity(filters: Filters, version: int) -> date | None:
    _chart_slide("maturity", version, filters, finnish_today())
    return None


def _chosen_forum(choices: tuple[slides.ForumChoice, ...], today: date) -> slides.ForumChoice | None:
    """The forum in the URL (`foorumi=YYYY-MM-DD`) if there is one on that day, else today's."""
    raw = st.query_params.get(PARAM_FORUM) or ""
    try:
        wanted = date.fromisoformat(raw[:10]) if len(raw) == 10 else None
    except ValueError:
        wanted = None
    found = next((c for c in choices if c.day == wanted), None)
    return found or slides.default_forum(choices, today)


def _pick_forum() -> None:
    choice = st.session_state.get(KEY_FORUM)
    if isinstance(choice, slides.ForumChoice):
        st.query_params[PARAM_FORUM] = choice.day.isoformat()


def _coverage(filters: Filters, version: int) -> date | None:
    lang = filters.lang
    today = finnish_today()
    choices = profile_data.forum_choices(version)
    chosen = _chosen_forum(choices, today)
    if chosen is None:
        st.write(t("present.coverage.no_forums", lang))
        return None
    # The URL (or today) decides, not the widget's memory: a forum added today becomes the
    # default on the next rerun unless the presenter picked one (which went into the URL).
    st.session_state[KEY_FORUM] = chosen
    st.selectbox(t("present.coverage.pick", lang), choices, key=KEY_FORUM, format_func=lambda c: c.label(lang),
                 on_change=_pick_forum)
    if chosen.day > today:
        st.write(plain.text("present.coverage.not_yet", lang, day=chosen.label(lang)))
        return chosen.day
    frame = profile_data.forum_coverage(version, filters, today, chosen.day)
    charting.altair(slides.coverage_chart, frame, slides.coverage_title(chosen, frame, lang), lang, width="content")
    with st.expander(t("present.table", lang)):
        tables.dataframe(slides.coverage_table(frame, lang), hide_index=True)
    return chosen.day


VIEWS: tuple[View, ...] = (
    View("present.view.figures", _figures),
    View("present.view.map", _tiles),
    View("present.view.status", _status),
    View("present.view.forums", _forums),
    View("present.view.survey", _survey),
    View("present.view.maturity", _maturity),
    View("present.view.coverage", _coverage),
)


def _go(index: int) -> None:
    st.query_params[PARAM_VIEW] = str(index + 1)


def _leave() -> None:
    for param in (PARAM_PRESENTATION, PARAM_VIEW, PARAM_FORUM):
        widgets.write_param(param, None)


def _enter() -> None:
    st.query_params[PARAM_PRESENTATION] = "1"


def start_button(lang: str) -> None:
    """The way in, from the sidebar of the ordinary pages."""
    st.sidebar.button(t("present.start", lang), key=KEY_START, on_click=_enter, icon=":material/slideshow:",
                      help=t("present.start_help", lang))


def _share_base(page_path: str) -> str | None:
    """The address of this page without a query, as the audience can open it."""
    public = config.public_url()
    if public is not None:
        return public + page_path
    return st.context.url or None


def _rail(filters: Filters, index: int, page_path: str, forum: date | None) -> None:
    lang = filters.lang
    # The selection and the slide's number on two lines of one element (each element is a message
    # on every run of a slide a hall has open).
    st.markdown(f"**{slides.area_title(filters)}**  \n{index + 1} / {len(VIEWS)}")
    base = _share_base(page_path)
    if base is None:
        return
    _qr_code(share.slide_url(base, filters, index + 1, forum=forum), lang)


@data.replayed(max_entries=QR_ENTRIES)
def _qr_code(url: str, lang: str) -> None:
    """The slide's address as a QR code with the address under it, drawn once per address."""
    st.image(share.qr_png(url, scale=QR_SCALE), alt=t("present.qr_alt", lang, url=url),
             caption=plain.escape(url), output_format="PNG")


def _render_current(page_path: str) -> None:
    parsed = parse_filters(dict(st.query_params))
    filters = parsed.filters
    lang = filters.lang
    st.html(CSS)
    index = view_index(st.query_params.get(PARAM_VIEW), len(VIEWS))
    view = VIEWS[index]
    version = data.data_version()

    main, rail = st.columns(MAIN_COLUMNS, gap="medium")
    with main:
        st.title(t(view.title_key, lang))
        for bad in parsed.bad:
            st.warning(plain.text(bad.text_key, lang, param=bad.param, value=bad.value), icon="⚠️")
        if data.is_example_data(version):
            st.markdown(f":material/info: {t('banner.example', lang)}")
        forum = view.render(filters, version)
    with rail:
        _rail(filters, index, page_path, forum)

    # One row that pushes "exit" to the right edge: a container and a spacer rather than four
    # columns (each a block, i.e. a message on every run of a slide a hall has open).
    with st.container(horizontal=True, vertical_alignment="center"):
        st.button(t("present.prev", lang), key=KEY_PREV, on_click=_go, args=(index - 1,), disabled=index == 0,
                  icon=":material/arrow_back:", shortcut="PageUp", width=NAV_BUTTON_WIDTH)
        st.button(t("present.next", lang), key=KEY_NEXT, on_click=_go, args=(index + 1,),
                  disabled=index == len(VIEWS) - 1, icon=":material/arrow_forward:", shortcut="PageDown",
                  width=NAV_BUTTON_WIDTH, type="primary")
        st.space("stretch")
        st.button(t("present.exit", lang), key=KEY_EXIT, on_click=_leave, shortcut="Esc", width=NAV_BUTTON_WIDTH)
    keep_live(version)


def _page(page_path: str) -> Callable[[], None]:
    def present() -> None:
        _render_current(page_path)
    return present


def run() -> None:
    """Presentation mode in place of the ordinary navigation. Every page's URL path is
    registered (hidden) and shows the presentation, so `?esitys=1` works on any page's link
    and leaving it returns to that page."""
    lang = parse_filters(dict(st.query_params)).filters.lang
    targets = [st.Page(_page("" if i == 0 else page.url_path), title=t(page.title_key, lang),
                       url_path=page.url_path, default=i == 0)
               for i, page in enumerate(pages.PAGES)]
    st.navigation(targets, position="hidden").run()
