"""Every interactive table of the app (`st.dataframe`) as one call, with our settings. (The two
static `st.table`s of the map slide hold only filled-in text.)"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st

# A missing value (a council with no decision yet, a structure that has not ended) shows as an
# empty cell. Streamlit's default writes "None" into the cell, an English word in a Finnish or
# Swedish table and a value where there is none.
MISSING = ""
# A measured number (a share, a mean score) in the reader's number format: "17,6" in a Finnish or
# Swedish browser, where Streamlit's default writes "17.6" whatever the page's language. The
# format follows the browser's language, not the page's (Streamlit takes no locale from the app).
# Whole numbers (counts, years, codes) keep the default: a locale's digit grouping would write
# the year 2024 as "2 024".
MEASURED_FORMAT = "localized"


def measured_columns(data: object) -> list[str]:
    """The columns of `data` (a DataFrame or an Arrow table) that hold finite numbers with a
    fractional part. Only named columns: Streamlit reads a number as a column's position. On
    every run of a page, so only the float columns are read, and an Arrow table is not converted."""
    if isinstance(data, pa.Table):
        return [field.name for field, column in zip(data.schema, data.columns, strict=True)
                if pa.types.is_floating(field.type) and _fractional(column.to_numpy())]
    if not isinstance(data, pd.DataFrame):
        return []
    return [name for name, dtype in data.dtypes.items()
            if isinstance(name, str) and pd.api.types.is_float_dtype(dtype)
            and _fractional(data[name].to_numpy(dtype="float64", na_value=np.nan))]


def _fractional(values: np.ndarray) -> bool:
    values = values[np.isfinite(values)]
    return bool((values % 1 != 0).any())


def dataframe(data: Any, **kwargs: Any) -> None:
    """`st.dataframe(data, **kwargs)` with missing values shown as empty cells unless the caller
    says otherwise (`placeholder=`), and measured numbers in the reader's number format
    (MEASURED_FORMAT) unless the caller configures the column."""
    kwargs.setdefault("placeholder", MISSING)
    measured = {name: st.column_config.NumberColumn(format=MEASURED_FORMAT) for name in measured_columns(data)}
    if measured:
        kwargs["column_config"] = {**measured, **(kwargs.get("column_config") or {})}
    st.dataframe(data, **kwargs)
