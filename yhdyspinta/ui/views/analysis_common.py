"""Pieces the analysis pages share: a row of the catalogue's figures, and a chart with its
figures as a table beneath it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from yhdyspinta.filters import Filters
from yhdyspinta.i18n import t
from yhdyspinta.indicators import labels
from yhdyspinta.ui import charting, plain, profile_data, tables


def catalogue_cards(filters: Filters, version: int, today: date, keys: Sequence[str], *,
                    national: bool = False) -> None:
    """The catalogue's indicators `keys` for the selection as a row of cards, each with its
    definition as help; `national`: with an area chosen, the whole country's value under each."""
    lang = filters.lang
    values = profile_data.indicator_values(version, filters, today)
    country = (profile_data.indicator_values(version, Filters(lang=lang), today)
               if national and filters.area is not None else None)
    for column, key in zip(st.columns(len(keys)), keys, strict=True):
        column.metric(labels.label(key, lang), labels.value_text(values[key], lang),
                      help=labels.help_text(values[key], lang))
        if country is not None:
            column.caption(t("analysis.national_beside", lang, value=labels.value_text(country[key], lang)))


def show_chart(builder: Callable[..., alt.TopLevelMixin], args: tuple[Any, ...], table: pd.DataFrame, lang: str,
               *, alt_text: str, key: str, stretch: bool = True,
               column_config: dict[str, object] | None = None) -> None:
    """The chart `builder(*args)` (built once per input), and the same figures as a table in an
    expander for screen readers and copying."""
    charting.altair(builder, *args, width="stretch" if stretch else "content", alt_text=alt_text, key=key)
    with st.expander(plain.text("analysis.as_table", lang, title=alt_text)):
        tables.dataframe(table, hide_index=True, width="stretch", column_config=column_config)
