"""Cached access to the store. Everything is keyed on the data version, which grows with
every write, so an edit shows at once and nothing is computed twice for the same data."""

from __future__ import annotations

import dataclasses
import functools
import inspect
import os
import threading
import time
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import pandas as pd
import pyarrow as pa
import streamlit as st
from sqlalchemy import Engine

from yhdyspinta import demo, display, indicators
from yhdyspinta.filters import Filters
from yhdyspinta.indicators import labels
from yhdyspinta.indicators.asof import finnish_today
from yhdyspinta.io.export import export_rows
from yhdyspinta.kinds import get_kind
from yhdyspinta.store import repository as repo
from yhdyspinta.store.engine import open_store
from yhdyspinta.ui import plain, tables

F = TypeVar("F", bound=Callable[..., Any])
ENV_NO_DEMO = "YHDYSPINTA_NO_DEMO"


def _filters_key(filters: Filters) -> tuple[Any, ...]:
    # Every field, so that a field added to Filters can never make two filters share a key.
    return dataclasses.astuple(filters)


# Streamlit hashes a dataclass or a date through its slow general path (~0.2 ms each, on
# every call of a cached function); as plain tuples and strings they hash ~10x faster.
HASH_FUNCS: dict[type, Callable[[Any], Any]] = {Filters: _filters_key, date: date.isoformat}

_SCALARS = (str, int, float, bool, type(None))


def _plain(value: Any) -> Any:
    """`value` as scalars in nested tuples, tagged where a type could otherwise be mistaken
    (a type in `HASH_FUNCS` by its conversion there); TypeError for anything else. Its `repr`
    is then a key: `1`, `1.0`, `True` and `'1'` differ."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    convert = HASH_FUNCS.get(kind)
    if convert is not None:
        return (kind.__name__, _plain(convert(value)))
    if kind is tuple or kind is list:
        return (kind.__name__, *map(_plain, value))
    raise TypeError(kind.__name__)


def call_key(args: tuple[Any, ...], kwargs: dict[str, Any]) -> str | None:
    """One string for a cached call's arguments, or None when one of them is not plain."""
    try:
        return repr((*map(_plain, args), *((k, _plain(v)) for k, v in sorted(kwargs.items()))))
    except TypeError:
        return None


def _one_key(decorator: Callable[[Callable[..., Any]], Any]) -> Callable[[F], F]:
    """`decorator` (a Streamlit cache), given one string made of the arguments (`call_key`).
    Streamlit hashes each argument on every call of a cached function, through a hasher with
    its own stack and type dispatch; under load (bench/load.py, py-spy, overview) that was 7 %
    of the samples. An argument given by position it also looks up with `inspect.signature`.
    The arguments themselves go in a parameter Streamlit leaves out of the key (a leading `_`).
    A call with an argument `call_key` cannot write goes to a second cache keyed the usual
    way, by name."""
    def wrap(func: F) -> F:
        names = tuple(inspect.signature(func).parameters)

        @functools.wraps(func)
        def keyed(key: str, _args: tuple[Any, ...], _kwargs: dict[str, Any]) -> Any:
            return func(*_args, **_kwargs)

        keyed.__qualname__ += ".keyed"  # a cache of its own, apart from `named_cache`
        keyed_cache = decorator(keyed)
        named_cache = decorator(func)

        @functools.wraps(func)
        def call(*args: Any, **kwargs: Any) -> Any:
            key = call_key(args, kwargs)
            if key is None:
                return named_cache(**dict(zip(names, args, strict=False)), **kwargs)
            return keyed_cache(key=key, _args=args, _kwargs=kwargs)

        def clear() -> None:
            keyed_cache.clear()
            named_cache.clear()

        call.clear = clear  # type: ignore[attr-defined]
        return call  # type: ignore[return-value]
    return wrap


def cached(*, max_entries: int) -> Callable[[F], F]:
    """`st.cache_data` as every cached wrapper here uses it."""
    return _one_key(st.cache_data(show_spinner=False, max_entries=max_entries, hash_funcs=HASH_FUNCS))


def shared(*, max_entries: int) -> Callable[[F], F]:
    """A cached function whose value every session shares as it is, never copied: for the
    values a page reads on every run (a page's figures, its map view, chart specs). Under load
    (bench/load.py, py-spy) unpickling `st.cache_data`'s copies of them was about a tenth of the
    area profile's samples. Callers only read such a value; nothing may change it."""
    return _one_key(st.cache_resource(show_spinner=False, max_entries=max_entries, hash_funcs=HASH_FUNCS))


def replayed(*, max_entries: int) -> Callable[[F], F]:
    """A cached function that draws: Streamlit records the elements it writes and, on a hit,
    sends the recorded messages again without running it (the values are shared, never
    copied). For parts that cost much to build and are the same for every viewer, e.g. the
    map slide's SVG map, whose spec Streamlit would serialise and parse again on every run.
    Only static elements: widgets are not allowed in it."""
    return _one_key(st.cache_resource(show_spinner=False, max_entries=max_entries, hash_funcs=HASH_FUNCS))


@st.cache_resource(show_spinner=False)
def engine() -> Engine:
    """Open (create, migrate) the store once per process; fill an untouched one with
    the example data so the first start shows something."""
    eng = open_store()
    if not os.environ.get(ENV_NO_DEMO):
        demo.load_if_untouched(eng)
    return eng


def arrow_table(frame: pd.DataFrame) -> pa.Table:
    """`frame` in the form Streamlit sends a table to the browser. Converting inside a cached
    function does it once per data version instead of on every rerun. A column of mixed
    types is shown as text, as Streamlit itself would show it."""
    try:
        return pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        mixed = {c: "string" for c in frame.columns if frame[c].dtype == object}
        return pa.Table.from_pandas(frame.astype(mixed), preserve_index=False)


# The version this script thread read last, and when (monotonic clock): the live check
# (ui/live.py) takes the page's own reading instead of asking the store again in the same run.
_reading = threading.local()


def data_version() -> int:
    version = repo.data_version(engine())
    _reading.version, _reading.at = version, time.monotonic()
    return version


def last_reading() -> tuple[int, float] | None:
    """(version, when) of this thread's latest `data_version()`, if it read one."""
    at = getattr(_reading, "at", None)
    return None if at is None else (_reading.version, at)


@cached(max_entries=64)
def kind_frame(kind: str, version: int) -> pd.DataFrame:
    return repo.read_kind(engine(), kind)


@cached(max_entries=256)
def display_table(kind: str, version: int, filters: Filters) -> tuple[pd.DataFrame, dict[str, Any]]:
    """The kind's rows in the selection as a table shows them, and its column settings (days as
    dates, addresses as links: `tables.typed`), once per version and selection."""
    frame = display.filter_frame(kind, kind_frame(kind, version), filters)
    return tables.typed(display.localise_frame(kind, frame, filters.lang), filters.lang)


@cached(max_entries=256)
def download(kind: str, version: int, filters: Filters, fmt: str) -> bytes:
    frame = display.filter_frame(kind, kind_frame(kind, version), filters)
    rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
    return export_rows(get_kind(kind), rows, fmt, filters.lang)  # type: ignore[arg-type]


# Per data version: today's state and one per quarter end since 2023, so room for a few versions.
STATE_ENTRIES = 64


@shared(max_entries=STATE_ENTRIES)
def _state(version: int, day: date) -> indicators.AsOf:
    frames = {k: kind_frame(k, version) for k in (*indicators.KINDS_NEEDED, "changelog")}
    return indicators.resolve(frames, day)


def state(version: int, today: date | None = None) -> indicators.AsOf:
    """The picture's state on `today` (default: the real today, so cached figures follow the
    date): what every indicator reads. Resolved once per version and day, then shared between
    sessions and never copied (it is immutable)."""
    return _state(version, today or finnish_today())


def states(version: int, today: date) -> tuple[indicators.AsOf, ...]:
    """The state at the end of each quarter since 2023 and on `today` (the last), for the
    overview's series; a page that needs only today resolves only today."""
    return tuple(_state(version, day) for day in labels.quarter_ends(today))


@cached(max_entries=8)
def is_example_data(version: int) -> bool:
    return repo.is_example_data(engine())


def _reference_stamp() -> tuple[float, str, int]:
    """Changes when the reference cache or the packaged data is rewritten: the key for cached
    geodata."""
    from yhdyspinta import config
    from yhdyspinta.geodata import MANIFEST_FILE
    from yhdyspinta.geodata import package as geo_package

    path = config.geo_cache_dir() / MANIFEST_FILE
    try:
        cache = path.stat().st_mtime
    except OSError:
        cache = 0.0
    return (cache, *geo_package.stamp())


@cached(max_entries=4)
def _reference_status(stamp: tuple[float, str, int]) -> object:
    from pathlib import Path

    from yhdyspinta.geodata import status_in_use

    return status_in_use(directory=Path(stamp[1]))


def reference_status() -> object:
    """What boundaries and population are in use: the user's cache, else the packaged data."""
    return _reference_status(_reference_stamp())


def boundary_credit(lang: str) -> str:
    """The caption under a drawn map: whose boundaries, which licence (from the source
    registry, via the manifest of the data in use), of which year."""
    from yhdyspinta.geodata import ReferenceStatus

    status = reference_status()
    assert isinstance(status, ReferenceStatus)
    municipalities = status.municipalities
    attribution = display.source_credit(municipalities.data_source, lang)
    if municipalities.year is None:
        return plain.text("map.credit.no_year", lang, attribution=attribution)
    return plain.text("map.credit", lang, attribution=attribution, year=municipalities.year)


def population_credit(lang: str) -> str | None:
    """Where the population figures come from, or None when none are loaded."""
    from yhdyspinta.geodata import ReferenceStatus

    status = reference_status()
    assert isinstance(status, ReferenceStatus)
    population = status.population
    if not population.available:
        return None
    attribution = display.source_credit(population.data_source, lang)
    if population.year is None:
        return plain.text("population.credit.no_year", lang, attribution=attribution)
    return plain.text("population.credit", lang, attribution=attribution, year=population.year)
