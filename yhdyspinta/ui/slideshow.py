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
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import streamlit as st

from yhdyspinta import profile as prof
from yhdyspinta import slides
from yhdyspinta.filters import PARAM_PRESENTATION, Filters, ascii_number, parse_filters
from yhdyspinta.i18n import t
from yhdyspinta.ui import charting, data, pages, plain, profile_data
from yhdyspinta.ui import map as map_widget
from yhdyspinta.ui.live import keep_live
from yhdyspinta.ui.views import home

PARAM_VIEW = "nakyma"
PRESENT_MAP_HEIGHT = 600  # px; with title and buttons this stays within 1080
KEY_PREV = "present.prev"
KEY_NEXT = "present.next"
KEY_EXIT = "present.exit"
KEY_START = "present.start"

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
</style>
"""


@dataclass(frozen=True)
class View:
    title_key: str
    render: Callable[[Filters, int], None]


def requested() -> bool:
    return st.query_params.get(PARAM_PRESENTATION) == "1"


def view_index(raw: str | None, count: int) -> int:
    """The 0-based view from the URL's 1-based `nakyma`; anything else gives the first."""
    number = ascii_number(raw, 2)
    if number is None:
        return 0
    return min(max(number - 1, 0), count - 1)


def _figures(filters: Filters, version: int) -> None:
    home.figure_cards(profile_data.overview_figures(version, filters, date.today()), filters, series=False)


def _tiles(filters: Filters, version: int) -> None:
    # A projector is wide and short: the legend goes beside the map so the view needs no scrolling.
    map_widget.small_map(filters, version, indicator="agreement_status", level="areas", key="present.map",
                         height=PRESENT_MAP_HEIGHT, legend_beside=True)


def _status(filters: Filters, version: int) -> None:
    views = profile_data.presentation_frames(version, filters, date.today())
    charting.altair(slides.status_chart, views.status, filters.lang, width="content")
    with st.expander(t("present.table", filters.lang)):
        st.dataframe(slides.status_table(views.status, filters.lang), hide_index=True)


def _forums(filters: Filters, version: int) -> None:
    views = profile_data.presentation_frames(version, filters, date.today())
    charting.altair(slides.forum_chart, views.forums, filters.lang, width="content")
    with st.expander(t("present.table", filters.lang)):
        st.dataframe(slides.forum_table(views.forums, filters.lang), hide_index=True)


def _survey(filters: Filters, version: int) -> None:
    views = profile_data.presentation_frames(version, filters, date.today())
    if views.survey is None:
        st.write(t("common.no_rows", filters.lang))
        return
    long = prof.survey_long(views.survey, filters.area, filters.lang)
    charting.altair(slides.survey_slide, long, views.survey, filters.lang, width="content")
    with st.expander(t("present.table", filters.lang)):
        st.dataframe(prof.survey_table(long, filters.lang), hide_index=True)


def _maturity(filters: Filters, version: int) -> None:
    views = profile_data.presentation_frames(version, filters, date.today())
    if views.maturity.empty:
        st.write(t("common.no_rows", filters.lang))
        return
    charting.altair(slides.maturity_chart, views.maturity, filters.lang, width="content")
    with st.expander(t("present.table", filters.lang)):
        st.dataframe(slides.maturity_table(views.maturity, filters.lang), hide_index=True)


VIEWS: tuple[View, ...] = (
    View("present.view.figures", _figures),
    View("present.view.map", _tiles),
    View("present.view.status", _status),
    View("present.view.forums", _forums),
    View("present.view.survey", _survey),
    View("present.view.maturity", _maturity),
)


def _go(index: int) -> None:
    st.query_params[PARAM_VIEW] = str(index + 1)


def _leave() -> None:
    for param in (PARAM_PRESENTATION, PARAM_VIEW):
        if param in st.query_params:
            del st.query_params[param]


def _enter() -> None:
    st.query_params[PARAM_PRESENTATION] = "1"


def start_button(lang: str) -> None:
    """The way in, from the sidebar of the ordinary pages."""
    st.sidebar.button(t("present.start", lang), key=KEY_START, on_click=_enter, icon=":material/slideshow:",
                      help=t("present.start_help", lang))


def _render_current() -> None:
    parsed = parse_filters(dict(st.query_params))
    filters = parsed.filters
    lang = filters.lang
    st.html(CSS)
    index = view_index(st.query_params.get(PARAM_VIEW), len(VIEWS))
    view = VIEWS[index]
    version = data.data_version()

    head, side = st.columns([3, 1], vertical_alignment="bottom")
    head.title(t(view.title_key, lang))
    side.markdown(f"**{slides.area_title(filters)}** · {index + 1} / {len(VIEWS)}")
    for bad in parsed.bad:
        st.warning(plain.text(bad.text_key, lang, param=bad.param, value=bad.value), icon="⚠️")
    if data.is_example_data(version):
        st.markdown(f":material/info: {t('banner.example', lang)}")
    view.render(filters, version)

    prev, nxt, _gap, leave = st.columns([1, 1, 4, 1], vertical_alignment="center")
    prev.button(t("present.prev", lang), key=KEY_PREV, on_click=_go, args=(index - 1,), disabled=index == 0,
                icon=":material/arrow_back:", shortcut="PageUp", width="stretch")
    nxt.button(t("present.next", lang), key=KEY_NEXT, on_click=_go, args=(index + 1,),
               disabled=index == len(VIEWS) - 1, icon=":material/arrow_forward:", shortcut="PageDown",
               width="stretch", type="primary")
    leave.button(t("present.exit", lang), key=KEY_EXIT, on_click=_leave, shortcut="Esc", width="stretch")
    keep_live(version)


def run() -> None:
    """Presentation mode in place of the ordinary navigation. Every page's URL path is
    registered (hidden) and shows the presentation, so `?esitys=1` works on any page's link
    and leaving it returns to that page."""
    lang = parse_filters(dict(st.query_params)).filters.lang
    targets = [st.Page(_render_current, title=t(page.title_key, lang), url_path=page.url_path, default=i == 0)
               for i, page in enumerate(pages.PAGES)]
    st.navigation(targets, position="hidden").run()

