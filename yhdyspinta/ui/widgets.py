"""Shared widgets: the travelling filters, banners, data tables with downloads, tile map."""

from __future__ import annotations

import base64
import functools
from pathlib import Path

import streamlit as st

from yhdyspinta import facts
from yhdyspinta.filters import (
    PARAM_AREA,
    PARAM_LANGUAGE,
    PARAM_MUNICIPALITIES,
    Filters,
    parse_filters,
)
from yhdyspinta.i18n import DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES, t, tn
from yhdyspinta.ui import data, plain, tables

KEY_LANG = "flt.lang"
KEY_AREA = "flt.area"
KEY_MUNIS = "flt.munis"
KEY_NOTICES = "flt.notices"
KEY_WRITTEN = "flt.written"  # the filter parameters this session last wrote to the address
KEY_UNKNOWN_PATH = "nav.unknown_path"  # set by the navigation (pages.py) for an address naming no page
ALL = 0  # area selector value for the whole country
# A local file: a Material icon as favicon would be fetched from the internet.
ICON_FILE = Path(__file__).resolve().parent / "assets" / "icon.png"


@functools.cache
def page_icon() -> str:
    """The favicon as a data URL, read once per process. Given the file's path, Streamlit reads
    it and stores a copy in its media file manager on every run of every session, which then
    sorts each run's files out under one process-wide lock (py-spy under bench/load.py, 100
    sessions on the overview: 3.7 % of the server's samples in clear_session_refs). The browser
    shows the same icon."""
    return "data:image/png;base64," + base64.b64encode(ICON_FILE.read_bytes()).decode("ascii")


def current_filters() -> Filters:
    """The filters as the entry file left them (or, on a page run alone, from the URL)."""
    if KEY_LANG in st.session_state:
        area = st.session_state.get(KEY_AREA) or None
        return Filters(lang=st.session_state[KEY_LANG], area=area,
                       municipalities=tuple(st.session_state.get(KEY_MUNIS) or ()))
    return parse_filters(dict(st.query_params)).filters


def _url_filter_params() -> dict[str, str]:
    return {p: str(st.query_params[p]) for p in (PARAM_LANGUAGE, PARAM_AREA, PARAM_MUNICIPALITIES)
            if p in st.query_params}


def _url_changed() -> bool:
    """True when a link inside the app (`st.page_link(..., query_params=...)`) brought filters
    other than the ones this session last wrote to the address. A page switch from the menu
    clears the address instead; the session's filters then stay and are written back."""
    url = _url_filter_params()
    return bool(url) and KEY_WRITTEN in st.session_state and url != st.session_state[KEY_WRITTEN]


def sidebar_filters() -> Filters:
    """Language, area and municipality selectors, kept in the URL so a view can be shared."""
    if KEY_LANG not in st.session_state or _url_changed():
        parsed = parse_filters(dict(st.query_params))
        st.session_state[KEY_LANG] = parsed.filters.lang
        st.session_state[KEY_AREA] = parsed.filters.area or ALL
        st.session_state[KEY_MUNIS] = list(parsed.filters.municipalities)
        st.session_state[KEY_NOTICES] = list(parsed.bad)
    lang = st.session_state[KEY_LANG]
    st.sidebar.selectbox(t("filter.language", lang), LANGUAGES, key=KEY_LANG,
                         format_func=LANGUAGE_NAMES.__getitem__, on_change=_keep_choices)
    lang = st.session_state[KEY_LANG]
    in_scope = facts.in_scope_areas()
    names = {a.code: a.name(lang) for a in in_scope}
    st.sidebar.selectbox(
        t("filter.area", lang), [ALL, *sorted(names, key=names.__getitem__)], key=KEY_AREA,
        format_func=lambda c: t("filter.area.all", lang) if c == ALL else names[c],
        on_change=_clear_municipalities,
    )
    area = st.session_state[KEY_AREA] or None
    if area is not None:
        members = sorted((m for m in facts.municipalities() if m.area_code == area),
                         key=lambda m: m.name(lang))
        st.session_state[KEY_MUNIS] = [c for c in st.session_state.get(KEY_MUNIS, [])
                                       if any(m.code == c for m in members)]
        st.sidebar.multiselect(t("filter.municipality", lang), [m.code for m in members],
                               key=KEY_MUNIS, placeholder=t("filter.municipality.all", lang),
                               format_func=lambda c: facts.municipality_by_code()[c].name(lang))
    filters = Filters(lang=lang, area=area,
                      municipalities=tuple(st.session_state.get(KEY_MUNIS) or ()) if area else ())
    _write_params(filters)
    return filters


def _keep_choices() -> None:
    """The language changed. Streamlit keeps a selectbox's (radio's, multiselect's) choice as
    the text it shows, and our choices show names in the language (areas, municipalities,
    indicators, kinds): once the names change, the old one reads back as an unknown text (the
    area profile failed on it) or the choice stays in the old language. So every choice is set
    again here, as its value, while the old language's names still read back. Widgets whose
    state cannot be set (buttons, uploads, editors) hold no such values (`_is_choice`)."""
    for key in list(st.session_state.keys()):
        value = st.session_state[key]
        if _is_choice(value):
            st.session_state[key] = value


def _is_choice(value: object) -> bool:
    """A value a choice widget holds: a text or number, or a non-empty list of them. Not a
    button's True/False, and not None or []: nothing chosen reads the same in every language,
    and an upload's state is None or [] when empty, which Streamlit refuses to have set."""
    items = value if isinstance(value, list | tuple) else [value]
    return bool(items) and all(isinstance(item, str | int | float) and not isinstance(item, bool) for item in items)


def _clear_municipalities() -> None:
    st.session_state[KEY_MUNIS] = []


def write_param(param: str, value: str | None) -> None:
    """Put `value` into the URL as `param`, or take `param` out when `value` is None; only when
    it differs (each change is a message to the browser and an entry in its history)."""
    if value is not None:
        if st.query_params.get(param) != value:
            st.query_params[param] = value
    elif param in st.query_params:
        del st.query_params[param]


def _write_params(filters: Filters) -> None:
    wanted = filters.to_params()
    for param in (PARAM_LANGUAGE, PARAM_AREA, PARAM_MUNICIPALITIES):
        write_param(param, wanted.get(param))
    st.session_state[KEY_WRITTEN] = wanted


def notices(filters: Filters) -> None:
    """Say once which address or URL parameter was not understood."""
    unknown = st.session_state.pop(KEY_UNKNOWN_PATH, None)
    if unknown is not None:
        st.warning(plain.text("nav.unknown_path", filters.lang, path=unknown), icon="⚠️")
    for bad in st.session_state.pop(KEY_NOTICES, []):
        st.warning(plain.text(bad.text_key, filters.lang, param=bad.param, value=bad.value), icon="⚠️")


def page_header(title_key: str, filters: Filters, *, example_figures: bool = True, title: str | None = None) -> int:
    """Title (`title_key`'s text, or `title` when given), notices and the example-data banner;
    returns the data version for caching."""
    st.title(t(title_key, filters.lang) if title is None else title)
    notices(filters)
    version = data.data_version()
    if example_figures and data.is_example_data(version):
        st.info(t("banner.example", filters.lang), icon="ℹ️")
    if filters.area is not None:
        # Plain text, not a caption: the active filter must be readable (caption grey fails contrast).
        st.markdown(f"**{t('filter.area', filters.lang)}:** {facts.area_by_code()[filters.area].name(filters.lang)}")
    return version


def data_table(kind: str, filters: Filters, version: int, page: str) -> None:
    """The kind's rows as a table, their count, and CSV and Excel downloads of the same rows."""
    frame, config = data.display_table(kind, version, filters)
    if frame.empty:
        st.write(t("common.no_rows", filters.lang))
    else:
        tables.dataframe(frame, hide_index=True, width="stretch", column_config=config)
    st.caption(tn("common.rows", len(frame), filters.lang))
    download_buttons(filters.lang, f"yhdyspinta_{kind}", data.download(kind, version, filters, "csv"),
                     data.download(kind, version, filters, "xlsx"), key=page)


def download_buttons(lang: str, stem: str, csv: bytes, xlsx: bytes, *, key: str) -> None:
    """CSV and Excel downloads of a table, made by our exports (`yhdyspinta.io`), which
    neutralise formulas; Streamlit's own table download is turned off (.streamlit/config.toml)."""
    # Side by side in one row (one block, not a column each with the second button mid-page).
    with st.container(horizontal=True, gap="small"):
        st.download_button(t("common.download_csv", lang), csv, file_name=f"{stem}.csv", mime="text/csv",
                           key=f"{key}.dl_csv")
        st.download_button(t("common.download_xlsx", lang), xlsx, file_name=f"{stem}.xlsx", key=f"{key}.dl_xlsx",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def language() -> str:
    return st.session_state.get(KEY_LANG, DEFAULT_LANGUAGE)
