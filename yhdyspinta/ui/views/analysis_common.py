"""Pieces the analysis pages share: a chart with its figures as a table beneath it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from yhdyspinta.ui import charting, plain, tables


def show_chart(builder: Callable[..., alt.TopLevelMixin], args: tuple[Any, ...], table: pd.DataFrame, lang: str,
               *, alt_text: str, key: str, stretch: bool = True,
               column_config: dict[str, object] | None = None) -> None:
    """The chart `builder(*args)` (built once per input), and the same figures as a table in an
    expander for screen readers and copying."""
    charting.altair(builder, *args, width="stretch" if stretch else "content", alt_text=alt_text, key=key)
    with st.expander(plain.text("analysis.as_table", lang, title=alt_text)):
        tables.dataframe(table, hide_index=True, width="stretch", column_config=column_config)
