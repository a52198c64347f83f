"""Charts built once per input. Building and validating an Altair chart costs 50–200 ms;
a rerun with the same data should cost nothing, so the finished Vega-Lite spec is cached,
keyed on the builder and its (hashed) arguments, and handed to `st.vega_lite_chart`.

Every chart a page shows (but not a presentation slide) can be downloaded as PNG and SVG: one
button in the sidebar gives the page's charts as a zip, each chart in both formats, rendered by
vl-convert from the same specs only when clicked (`yhdyspinta.chart_images`, cached by spec, no
network). One button per page, not two under every chart: each button is a widget registered
on every run, and under load (bench/load.py, 100 sessions, py-spy) the buttons under the area
profile's charts were 14 % of its samples."""

from __future__ import annotations

import functools
import importlib
import threading
from collections.abc import Callable
from typing import Any

import altair as alt
import streamlit as st
from streamlit import dataframe_util

from yhdyspinta import chart_images
from yhdyspinta.filters import PARAM_PRESENTATION
from yhdyspinta.i18n import tn
from yhdyspinta.ui import data

try:  # Streamlit guards Altair's global theme with this lock; share it when it is there.
    from streamlit.elements.vega_charts import _altair_globals_lock as _THEME_LOCK
except ImportError:  # pragma: no cover - a later Streamlit may move it
    _THEME_LOCK = threading.Lock()
try:  # Streamlit leaves GeoJSON/TopoJSON datasets in the spec; so do we.
    from streamlit.elements.vega_charts import _is_geojson_or_topojson_payload as _is_geo
except ImportError:  # pragma: no cover - then datasets stay as they are, Streamlit converts them
    _is_geo = None

SPEC_CACHE_ENTRIES = 2048


def build_spec(build: Callable[..., alt.TopLevelMixin], *args: Any, **kwargs: Any) -> dict[str, Any]:
    """The Vega-Lite spec of `build(*args, **kwargs)`, uncached: for a caller that caches its
    own result (e.g. with the figures it belongs to), so no argument is hashed on a rerun."""
    chart = build(*args, **kwargs)
    # Altair's default theme adds fixed view sizes that fight Streamlit's layout, as in st.altair_chart.
    with _THEME_LOCK, alt.theme.enable("none"):
        return datasets_as_arrow(chart.to_dict())


def datasets_as_arrow(spec: dict[str, Any]) -> dict[str, Any]:
    """`spec` with its named tabular datasets already in the Arrow IPC bytes that
    `st.vega_lite_chart` sends. Given rows, Streamlit builds a DataFrame and converts it on every
    call: under load (bench/load.py, 100 sessions on the overview, py-spy) that conversion was
    14 % of the server's samples. Done here, it is done once, with the spec's cache entry."""
    datasets = spec.get("datasets")
    if _is_geo is None or not isinstance(datasets, dict):
        return spec
    converted = {name: values if isinstance(values, bytes) or _is_geo(values)
                 else dataframe_util.convert_anything_to_arrow_bytes(values)
                 for name, values in datasets.items()}
    return {**spec, "datasets": converted}


@data.shared(max_entries=SPEC_CACHE_ENTRIES)
def _spec(builder: str, args: tuple[Any, ...], kwargs: tuple[tuple[str, Any], ...]) -> dict[str, Any]:
    """The spec, computed once."""
    module_name, name = builder.rsplit(":", 1)
    return build_spec(getattr(importlib.import_module(module_name), name), *args, **dict(kwargs))


def altair(builder: Callable[..., alt.TopLevelMixin], *args: Any, width: str | int = "stretch",
           key: str | None = None, alt_text: str | None = None, downloads: bool = True, **kwargs: Any) -> None:
    """Render `builder(*args, **kwargs)`; `builder` must be a module-level function. `downloads`
    as in `show`."""
    spec = _spec(f"{builder.__module__}:{builder.__qualname__}", args, tuple(sorted(kwargs.items())))
    show(spec, width=width, key=key, alt_text=alt_text, downloads=downloads)


def show(spec: dict[str, Any], *, width: str | int = "stretch", key: str | None = None,
         alt_text: str | None = None, downloads: bool = True) -> None:
    """Render a finished Vega-Lite spec; unless `downloads` is off, it goes into the page's
    images download (`images_button`)."""
    st.vega_lite_chart(spec=spec, width=width, key=key, alt=alt_text)
    if downloads:
        shown = getattr(_page, "charts", None)
        if shown is not None:
            shown.append(spec)


# The charts shown in this script run, for the page's images download. Script runs are on a
# thread of their own; `begin_page` starts a new list before a page runs.
_page = threading.local()
IMAGES_KEY = "charts.images"
IMAGES_FILE = "kaaviot.zip"


def begin_page() -> None:
    _page.charts = []


def remember(specs: tuple[dict[str, Any], ...]) -> None:
    """Charts drawn without `show` (replayed from a cache) go into the images download too."""
    shown = getattr(_page, "charts", None)
    if shown is not None:
        shown.extend(specs)


def images_button(lang: str) -> None:
    """One sidebar button that downloads every chart this page showed, each as PNG and SVG, in
    a zip. The images are made only when it is clicked (Streamlit calls the function then), and
    the page does not rerun. Nothing on a presentation slide or on a page without charts."""
    charts = tuple(getattr(_page, "charts", None) or ())
    if not charts or st.query_params.get(PARAM_PRESENTATION) == "1":
        return
    titles = ", ".join(filter(None, (chart_images.title_of(spec) for spec in charts)))
    st.sidebar.download_button(
        tn("chart.download_page", len(charts), lang), data=functools.partial(chart_images.images_zip, charts),
        file_name=IMAGES_FILE, mime="application/zip", key=IMAGES_KEY, on_click="ignore",
        icon=":material/download:", help=tn("chart.download_page_help", len(charts), lang, titles=titles))
