"""Charts as images: a finished Vega-Lite spec (the one the app shows) rendered to PNG or SVG
by vl-convert, for the chart downloads and the take-home reports. No Streamlit here.

vl-convert runs Vega in-process with fonts it bundles or finds on the machine; it is never
allowed to fetch anything (`allowed_base_urls=[]`), so a spec that names external data fails
instead of reaching the internet. Our specs carry their data inline.
"""

from __future__ import annotations

import functools
import io
import json
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import pyarrow as pa
import vl_convert

# No external data, ever: every spec we render carries its rows inline.
ALLOWED_BASE_URLS: list[str] = []
PNG_SCALE = 2.0  # twice the screen size: sharp when printed or projected
IMAGE_CACHE_ENTRIES = 64
FILE_STEM_LENGTH = 60


class ChartImageError(ValueError):
    """vl-convert could not render the spec (e.g. it names external data)."""


def _json_default(value: object) -> object:
    return value.isoformat() if isinstance(value, date | datetime) else str(value)


def _rows(values: object) -> object:
    """A dataset as rows: the app's specs carry theirs as Arrow IPC bytes (what
    `st.vega_lite_chart` sends, converted once when the spec is built); vl-convert wants rows."""
    if isinstance(values, bytes):
        return pa.ipc.open_stream(values).read_all().to_pylist()
    return values


def spec_json(spec: dict[str, Any]) -> str:
    """The spec as canonical JSON with its data as rows: what vl-convert renders, and the key
    its images are cached under."""
    datasets = spec.get("datasets")
    if isinstance(datasets, dict):
        spec = {**spec, "datasets": {name: _rows(values) for name, values in datasets.items()}}
    return json.dumps(spec, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_json_default)


@functools.lru_cache(maxsize=IMAGE_CACHE_ENTRIES)
def _render(text: str, fmt: str, scale: float) -> bytes:
    try:
        if fmt == "png":
            return bytes(vl_convert.vegalite_to_png(text, scale=scale, allowed_base_urls=ALLOWED_BASE_URLS))
        if fmt == "svg":
            return vl_convert.vegalite_to_svg(text, allowed_base_urls=ALLOWED_BASE_URLS).encode()
    except ValueError as exc:
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()][:2]  # not the JS stack
        raise ChartImageError(" ".join(lines) or "chart conversion failed") from None
    raise ValueError(f"unknown image format {fmt!r}; expected png or svg")


def png(spec: dict[str, Any], scale: float = PNG_SCALE) -> bytes:
    """The chart as a PNG, `scale` times its size in the spec (cached by spec)."""
    return _render(spec_json(spec), "png", scale)


def svg(spec: dict[str, Any]) -> bytes:
    """The chart as SVG (UTF-8 bytes; text stays text), cached by spec."""
    return _render(spec_json(spec), "svg", 1.0)


def title_of(spec: dict[str, Any]) -> str:
    """The chart's own title as text, also when it sits on a layer or a faceted chart's spec
    ('' when it has none)."""
    title = spec.get("title")
    if isinstance(title, dict):
        title = title.get("text")
    if isinstance(title, list):
        title = " ".join(str(x) for x in title)
    if title:
        return str(title)
    for key in ("layer", "vconcat", "hconcat", "concat"):
        parts = spec.get(key)
        if isinstance(parts, list) and parts and isinstance(parts[0], dict):
            return title_of(parts[0])
    inner = spec.get("spec")
    return title_of(inner) if isinstance(inner, dict) else ""


def file_stem(spec: dict[str, Any], fallback: str = "chart") -> str:
    """A file name from the chart's title: ASCII letters, digits and hyphens only."""
    text = unicodedata.normalize("NFKD", title_of(spec)).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()[:FILE_STEM_LENGTH].strip("-")
    return stem or fallback


def images_zip(specs: Sequence[dict[str, Any]], fallback: str = "chart") -> bytes:
    """Every chart of `specs` as PNG and as SVG in one zip file, each named after its title
    (numbered when two titles give the same name), in the order the charts were shown."""
    buffer = io.BytesIO()
    used: set[str] = set()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for spec in specs:
            base = stem = file_stem(spec, fallback)
            number = 1
            while stem in used:
                number += 1
                stem = f"{base}-{number}"
            used.add(stem)
            archive.writestr(f"{stem}.png", png(spec))
            archive.writestr(f"{stem}.svg", svg(spec))
    return buffer.getvalue()
