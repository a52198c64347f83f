"""Every interactive table of the app (`st.dataframe`) as one call, with our settings. (The two
static `st.table`s of the map slide hold only filled-in text.)"""

from __future__ import annotations

from typing import Any

import streamlit as st

# A missing value (a council with no decision yet, a structure that has not ended) shows as an
# empty cell. Streamlit's default writes "None" into the cell, an English word in a Finnish or
# Swedish table and a value where there is none.
MISSING = ""


def dataframe(data: Any, **kwargs: Any) -> None:
    """`st.dataframe(data, **kwargs)` with missing values shown as empty cells unless the caller
    says otherwise (`placeholder=`)."""
    kwargs.setdefault("placeholder", MISSING)
    st.dataframe(data, **kwargs)
