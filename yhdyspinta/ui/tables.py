"""Every interactive table of the app (`st.dataframe`) as one call, with our settings. (The
static `st.table`s of the map slide and the reference page's status hold only filled-in text.)"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st
from pandas.io.formats.style import Styler

from yhdyspinta.domain import WEB_ADDRESS_PATTERN

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
# momentjs patterns of st.column_config, matching i18n.format_day in each language.
DATE_FORMATS = {"fi": "D.M.YYYY", "sv": "D.M.YYYY", "en": "DD/MM/YYYY"}
# pandas' names (`infer_dtype`) for a column of days or moments: shown as days.
DAY_KINDS = frozenset({"date", "datetime", "datetime64"})


def date_columns(columns: Iterable[str], lang: str) -> dict[str, Any]:
    """Dates stay dates (so they sort as dates) but show as the language writes them."""
    fmt = DATE_FORMATS.get(lang, DATE_FORMATS["fi"])
    return {c: st.column_config.DateColumn(c, format=fmt) for c in columns}


def typed(frame: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, dict[str, Any]]:
    """`frame` ready to show, and its column settings: a column of days (`date` values, empty
    ones missing or "") as dates in the language's format, which sort by day, not as text; a
    column of web addresses (`WEB_ADDRESS_PATTERN`) as links that open; a column with nothing in
    it as empty cells, not "None"."""
    out = frame.copy()
    config: dict[str, Any] = {}
    for column in out.columns:
        series = out[column]
        present = series[series.notna()]
        if not pd.api.types.is_numeric_dtype(present.dtype):
            present = present[present.astype(object) != ""]
        if present.empty:
            out[column] = ""
            continue
        kind = pd.api.types.infer_dtype(present, skipna=True)
        if kind in DAY_KINDS:
            out[column] = pd.to_datetime(series.replace("", None))  # an empty day is NaT: an empty cell
            config.update(date_columns([column], lang))
        elif kind == "string" and present.astype(str).str.match(WEB_ADDRESS_PATTERN).all():
            config[column] = st.column_config.LinkColumn(column)
    return out, config


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


def header(label: str) -> str:
    """A column's label as a table shows it, with a capital first letter ("alueen nimi" ->
    "Alueen nimi"). The catalogs keep labels in lower case: they are also words inside messages
    ("Pakollinen sarake alueen nimi puuttuu") and the headers of our exports and import templates."""
    return label[:1].upper() + label[1:]


def column_names(data: object) -> list[str]:
    """The named columns of a DataFrame, a Styler of one, or an Arrow table."""
    if isinstance(data, Styler):
        data = data.data
    if isinstance(data, pa.Table):
        return list(data.schema.names)
    if isinstance(data, pd.DataFrame):
        return [name for name in data.columns if isinstance(name, str)]
    return []


def headed(data: object, config: dict[str, Any]) -> dict[str, Any]:
    """`config` with every named column's label in header form (`header`): a column the caller
    configured keeps its type and settings and gets its label (or name) so written; a hidden one
    (None) stays hidden, and a setting of another kind (a button column) is left as it is."""
    result = dict(config)
    for name in column_names(data):
        given = config.get(name, name)
        if given is None:
            continue
        if isinstance(given, str):
            result[name] = header(given)
        elif isinstance(given, dict):
            result[name] = {**given, "label": header(given.get("label") or name)}
    return result


def _fractional(values: np.ndarray) -> bool:
    values = values[np.isfinite(values)]
    return bool((values % 1 != 0).any())


def dataframe(data: Any, **kwargs: Any) -> None:
    """`st.dataframe(data, **kwargs)` with missing values shown as empty cells unless the caller
    says otherwise (`placeholder=`), measured numbers in the reader's number format
    (MEASURED_FORMAT) unless the caller configures the column, and headers with a capital first
    letter (`header`; the data's own column names, which downloads use, stay as they are)."""
    kwargs.setdefault("placeholder", MISSING)
    measured = {name: st.column_config.NumberColumn(format=MEASURED_FORMAT) for name in measured_columns(data)}
    kwargs["column_config"] = headed(data, {**measured, **(kwargs.get("column_config") or {})})
    st.dataframe(data, **kwargs)
