"""The cache keys and table conversion of the UI's cached wrappers (no Streamlit run needed)."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pandas as pd
import pyarrow as pa
import pytest

from yhdyspinta.filters import Filters
from yhdyspinta.ui.data import HASH_FUNCS, arrow_table, call_key


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (Filters("fi", None, ()), Filters("sv", None, ())),
        (Filters("fi", 13, ()), Filters("fi", None, ())),
        (Filters("fi", 13, ("297",)), Filters("fi", 13, ())),
        (Filters("fi", 13, ("297", "686")), Filters("fi", 13, ("686", "297"))),
    ],
)
def test_different_filters_never_share_a_cache_key(first: Filters, second: Filters) -> None:
    key = HASH_FUNCS[Filters]
    assert key(first) != key(second)


def test_the_filters_key_covers_every_field() -> None:
    # A field added to Filters must change the key, or two views would share cached results.
    filters = Filters("fi", 13, ("297",))
    assert len(HASH_FUNCS[Filters](filters)) == len(dataclasses.fields(Filters))


def test_dates_are_keyed_by_day_and_datetimes_keep_their_own_hashing() -> None:
    assert HASH_FUNCS[date](date(2026, 11, 27)) == "2026-11-27"
    assert datetime not in HASH_FUNCS  # looked up by exact type: a datetime is not cut to its day


# Calls whose arguments must never share a key: each pair differs in one argument only.
DIFFERENT_CALLS = [
    ((1,), (1.0,)), ((1,), (True,)), ((1,), ("1",)), ((None,), ("None",)), ((0,), (False,)),
    (("13",), (13,)), ((("a", "b"),), (["a", "b"],)), ((("a", "b"),), (("a", ("b",)),)),
    ((date(2026, 11, 27),), ("2026-11-27",)), ((date(2026, 11, 27),), (date(2026, 11, 28),)),
    (("v1", Filters("fi", 13, ())), ("v1", Filters("fi", None, ()))),
    (("v1", Filters("fi", 13, ("297",))), ("v1", Filters("fi", 13, ()))),
    (("a", "b"), ("a,b",)), (("a", "b"), (("a", "b"),)),
]


@pytest.mark.parametrize(("first", "second"), DIFFERENT_CALLS)
def test_different_calls_never_share_a_key(first: tuple[object, ...], second: tuple[object, ...]) -> None:
    assert call_key(first, {}) is not None and call_key(second, {}) is not None
    assert call_key(first, {}) != call_key(second, {})


def test_the_same_call_has_the_same_key_and_keywords_count() -> None:
    filters = Filters("fi", 13, ("297",))
    assert call_key(("v1", filters), {"n": 2}) == call_key(("v1", Filters("fi", 13, ("297",))), {"n": 2})
    assert call_key(("v1",), {"n": 2}) != call_key(("v1",), {"n": 3})
    assert call_key(("v1",), {"a": 1, "b": 2}) == call_key(("v1",), {"b": 2, "a": 1})


@pytest.mark.parametrize("value", [pd.DataFrame({"a": [1]}), datetime(2026, 11, 27, 12), {"a": 1}, ("x", {1, 2})])
def test_anything_but_plain_values_is_left_to_streamlits_hashing(value: object) -> None:
    assert call_key(("v1", value), {}) is None
    assert call_key(("v1",), {"x": value}) is None


@pytest.mark.parametrize(
    ("frame", "types"),
    [
        (pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}), {"a": "int64", "b": "text"}),
        (pd.DataFrame({"mixed": [1, "kaksi"], "n": [1.5, None]}), {"mixed": "text", "n": "double"}),
        (pd.DataFrame({"a": pd.Series([], dtype="int64")}), {"a": "int64"}),
    ],
)
def test_arrow_table_keeps_values_and_shows_mixed_columns_as_text(frame: pd.DataFrame,
                                                                  types: dict[str, str]) -> None:
    table = arrow_table(frame)
    assert {f.name: _kind(f.type) for f in table.schema} == types
    assert table.num_rows == len(frame)
    assert [str(v) for v in table.column(0).to_pylist()] == [str(v) for v in frame.iloc[:, 0]]


def _kind(arrow_type: pa.DataType) -> str:
    text = pa.types.is_string(arrow_type) or pa.types.is_large_string(arrow_type)
    return "text" if text else str(arrow_type)


@pytest.mark.parametrize(("column", "expected"), [
    ([None, None], ["", ""]),  # nothing in it at all: empty cells, never "None"
    ([date(2024, 5, 1), None], [date(2024, 5, 1), None]),  # dates stay dates (shown in the language's form)
    (["a", None], ["a", None]),
])
def test_profile_tables_show_no_none(column: list[object], expected: list[object]) -> None:
    from yhdyspinta.ui.profile_data import table

    shown = table(pd.DataFrame({"x": column}), "fi").data.column("x").to_pylist()
    assert [v.date() if hasattr(v, "date") and v is not None else v for v in shown] == expected


def _counting_app() -> None:
    from datetime import date

    import streamlit as st

    from yhdyspinta.ui import data

    calls = st.session_state.setdefault("calls", [])

    @data.cached(max_entries=8)
    def scaled(x: int, day: date, weights: object = None) -> int:
        calls.append((x, str(weights)))
        return x * (len(weights) if weights else 1)

    day = date(2026, 11, 27)
    shown = [scaled(3, day), scaled(3, day), scaled(3, day=day), scaled(4, day),
             scaled(3, day, weights={"a": 1, "b": 2}), scaled(3, day, weights={"a": 1, "b": 2})]
    st.write(repr(shown))


def test_cached_calls_run_once_per_key_whichever_way_they_are_keyed() -> None:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_counting_app).run()
    at.run()
    assert not at.exception
    assert at.markdown[-1].value == repr([3, 3, 3, 4, 6, 6])
    # Once per distinct call (the same argument by keyword is a key of its own), a dict argument
    # once, through Streamlit's own hashing; the rerun computes nothing again.
    assert at.session_state["calls"] == [(3, "None"), (3, "None"), (4, "None"), (3, "{'a': 1, 'b': 2}")]
