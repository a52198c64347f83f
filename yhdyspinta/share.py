"""Links to the picture for people in the room: the URL of a presentation view with its filters,
and a QR code of it. Pure: no Streamlit, so it is tested directly.

The QR code is drawn with segno (pure Python); black on white with the standard four-module
quiet zone, so a phone reads it off a projector screen.
"""

from __future__ import annotations

import io
import urllib.parse
from datetime import date

import segno

from yhdyspinta.filters import (
    LIST_SEPARATOR,
    PARAM_AREA,
    PARAM_LANGUAGE,
    PARAM_MUNICIPALITIES,
    PARAM_PRESENTATION,
    Filters,
)

PARAM_VIEW = "nakyma"
PARAM_FORUM = "foorumi"
QR_ERROR = "m"  # 15 % of the code may be unreadable (glare, a head in the way)
QR_BORDER = 4  # modules of white around the code, as the standard asks
QR_DARK = "#000000"
QR_LIGHT = "#ffffff"


def slide_url(base: str, filters: Filters, view: int, *, forum: date | None = None) -> str:
    """The address of presentation view `view` (1-based) with the language, area and
    municipalities of `filters` (and the forum of the forum view). `base` is the page's own
    address without a query, e.g. "https://yhdyspinta.example/" or ".../kartta"."""
    if view < 1:
        raise ValueError(f"views are numbered from 1, not {view}")
    split = urllib.parse.urlsplit(base)
    if split.scheme not in ("http", "https") or not split.netloc:
        raise ValueError(f"not an http(s) address: {base!r}")
    query: dict[str, str] = {PARAM_PRESENTATION: "1", PARAM_VIEW: str(view), PARAM_LANGUAGE: filters.lang}
    if filters.area is not None:
        query[PARAM_AREA] = str(filters.area)
    if filters.municipalities:
        query[PARAM_MUNICIPALITIES] = LIST_SEPARATOR.join(filters.municipalities)
    if forum is not None:
        query[PARAM_FORUM] = forum.isoformat()
    return urllib.parse.urlunsplit((split.scheme, split.netloc, split.path or "/",
                                    urllib.parse.urlencode(query, safe=","), ""))


def qr_png(text: str, *, scale: int = 6) -> bytes:
    """`text` as a QR code, a PNG of `scale` pixels per module."""
    buffer = io.BytesIO()
    segno.make(text, error=QR_ERROR).save(buffer, kind="png", scale=scale, border=QR_BORDER, dark=QR_DARK,
                                          light=QR_LIGHT)
    return buffer.getvalue()


def qr_modules(text: str) -> int:
    """How many modules wide the code of `text` is (without the quiet zone)."""
    return segno.make(text, error=QR_ERROR).symbol_size(scale=1, border=0)[0]
