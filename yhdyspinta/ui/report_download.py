"""The take-home report's download buttons (PDF and PowerPoint) for one area.

The report is made only when a button is clicked: Streamlit calls the function on a thread of
its own and the page does not rerun. Made reports are kept per data version, area, language
and day, so a second click costs nothing."""

from __future__ import annotations

import functools
from datetime import date

import streamlit as st
from sqlalchemy import Engine

from yhdyspinta import report
from yhdyspinta.filters import Filters
from yhdyspinta.i18n import t
from yhdyspinta.ui import charting, data

REPORT_CACHE_ENTRIES = 16


@functools.lru_cache(maxsize=REPORT_CACHE_ENTRIES)
def report_bytes(engine: Engine, version: int, area: int, lang: str, day: date, fmt: str) -> bytes:
    """The report file; `version` keys the cache (the report reads the store as it is)."""
    return report.make(engine, area, lang, day, fmt, spec=charting.build_spec)


def block(filters: Filters, version: int, today: date) -> None:
    """A heading, a line on what the report holds, and one download button per format."""
    lang, area = filters.lang, filters.area
    if area is None:
        return
    engine = data.engine()
    # Heading and intro as one element (each element is a message on every run of the page).
    st.markdown(f"### {t('report.heading', lang)}\n\n{t('report.intro', lang)}")
    labels = {"pdf": t("report.download_pdf", lang), "pptx": t("report.download_pptx", lang)}
    with st.container(horizontal=True, gap="small", key="report.downloads"):
        for fmt in report.FORMATS:
            make = functools.partial(report_bytes, engine, version, area, lang, today, fmt)
            st.download_button(labels[fmt], data=make,
                               file_name=f"yhdyspinta_{area}_{today.isoformat()}_{lang}.{fmt}",
                               mime=report.MIME_TYPES[fmt], key=f"report.{fmt}", on_click="ignore",
                               icon=":material/download:")
