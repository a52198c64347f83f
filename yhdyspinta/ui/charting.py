"""Charts built once per input. Building and validating an Altair chart costs 50–200 ms;
a rerun with the same data should cost nothing, so the finished Vega-Lite spec is cached,
keyed on the builder and its (hashed) arguments, and handed to `st.vega_lite_chart`.

Under every chart (but not on a presentation slide) two small buttons download it as PNG and
SVG, rendered by vl-convert from the same spec only when clicked (`yhdyspinta.chart_images`,
cached by spec, no network)."""

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
from yhdyspinta.i18n import t
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


@data.cached(max_entries=SPEC_CACHE_ENTRIES)
def _spec(builder: str, args: tuple[Any, ...], kwargs: tuple[tuple[str, Any], ...]) -> tuple[dict[str, Any], str]:
    """The spec and its digest (which keys its download buttons), computed once."""
    module_name, name = builder.rsplit(":", 1)
    spec = build_spec(getattr(importlib.import_module(module_name), name), *args, **dict(kwargs))
    return spec, chart_images.digest(spec)


def altair(builder: Callable[..., alt.TopLevelMixin], *args: Any, width: str | int = "stretch",
           key: str | None = None, alt_text: str | None = None, **kwargs: Any) -> None:
    """Render `builder(*args, **kwargs)`; `builder` must be a module-level function."""
    spec, digest = _spec(f"{builder.__module__}:{builder.__qualname__}", args, tuple(sorted(kwargs.items())))
    show(spec, width=width, key=key, alt_text=alt_text, digest=digest)


def show(spec: dict[str, Any], *, width: str | int = "stretch", key: str | None = None,
         alt_text: str | None = None, downloads: bool = True, digest: str | None = None) -> None:
    """Render a finished Vega-Lite spec, with its PNG and SVG downloads under it (the buttons
    are keyed on `key`, else on the spec's `digest`, computed here when not given)."""
    st.vega_lite_chart(spec=spec, width=width, key=key, alt=alt_text)
    if downloads and st.query_params.get(PARAM_PRESENTATION) != "1":
        download_buttons(spec, key=key or f"chart.{digest or chart_images.digest(spec)}", description=alt_text)


IMAGE_FORMATS: dict[str, tuple[Callable[[dict[str, Any]], bytes], str]] = {
    "png": (chart_images.png, "image/png"),
    "svg": (chart_images.svg, "image/svg+xml"),
}


def download_buttons(spec: dict[str, Any], *, key: str, description: str | None = None) -> None:
    """Two small buttons that download the chart as PNG and as SVG. The image is made only when
    a button is clicked (Streamlit calls the function then), and the page does not rerun."""
    from yhdyspinta.ui.widgets import current_filters

    lang = current_filters().lang
    stem = chart_images.file_stem(spec)
    title = chart_images.title_of(spec) or description or stem
    labels = {"png": t("chart.download_png", lang), "svg": t("chart.download_svg", lang)}
    helps = {"png": t("chart.download_help", lang, format="PNG", title=title),
             "svg": t("chart.download_help", lang, format="SVG", title=title)}
    with st.container(horizontal=True, gap="small", key=f"{key}.images"):
        for fmt, (render, mime) in IMAGE_FORMATS.items():
            st.download_button(labels[fmt], data=functools.partial(render, spec), file_name=f"{stem}.{fmt}",
                               mime=mime, key=f"{key}.{fmt}", on_click="ignore", type="tertiary",
                               icon=":material/download:", help=helps[fmt])
