"""The one loader every boundary and population file goes through, and the disk cache.

Whatever the origin (the Statistics Finland WFS, an NLS file, a file a user supplies), data is
read, checked against the project's own table of 2025 municipalities, turned into web-ready
geometry and cached here, so the UI only ever sees one shape of data.
"""

from __future__ import annotations

import io
import json
import logging
import math
import os
import re
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyogrio
import shapely

from yhdyspinta import config, facts
from yhdyspinta.geodata.registry import (
    FINNISH_NATIONAL_CRS,
    TARGET_CRS,
    YEAR_FIELDS,
    DataSource,
    code_field_candidates,
    population_field_candidates,
    source_for_code_field,
)

log = logging.getLogger(__name__)

# About 11 m north-south and 5 m east-west in Finland: far below what a country or county map
# shows, and it halves the size of the GeoJSON compared with full float precision.
COORDINATE_DECIMALS = 4
# Visvalingam-Whyatt tolerance (square root of the removed triangle area), in degrees. At
# 60-70 N a degree of longitude is 38-56 km, so this drops wiggles of a few hundred metres:
# invisible on a whole-country map and still faithful when zoomed to one county.
SIMPLIFY_TOLERANCE_DEG = 0.005
# Coarser steps, tried in turn only when a more detailed source (e.g. the 1:1M layers) would
# exceed the payload budget: the budget, not the source, decides what the browser receives.
SIMPLIFY_TOLERANCES_DEG = (SIMPLIFY_TOLERANCE_DEG, 0.01, 0.02, 0.04)
# Compact GeoJSON sizes the map page may send (see PERFORMANCE.md: the first load dominates).
MUNICIPALITY_PAYLOAD_BUDGET = 300 * 1024
AREA_PAYLOAD_BUDGET = 120 * 1024
# Generous lon/lat box around Finland incl. Åland; data outside it was read with a wrong CRS.
FINLAND_BOUNDS_LONLAT = (17.0, 58.5, 33.5, 71.0)

MUNICIPALITIES_FILE = "municipalities.parquet"
AREAS_FILE = "areas.parquet"
POPULATION_FILE = "population.parquet"
MANIFEST_FILE = "manifest.json"
MANIFEST_SCHEMA = 1

GEO_SUFFIXES = frozenset({".geojson", ".json", ".gpkg", ".shp", ".zip"})
TABLE_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
UNKNOWN_LICENCE = "unknown: check the licence of the supplied file"

DataInput = Path | str | bytes
_T = TypeVar("_T")

# Truncated or foreign files surface as Arrow errors, missing GeoParquet metadata as ValueError.
_CACHE_READ_ERRORS = (OSError, ValueError, TypeError, KeyError, pa.ArrowException)

_CODE_PATTERN = re.compile(r"^(?:KU)?0*(\d{1,3})(?:\.0+)?$", re.IGNORECASE)


class ReferenceDataError(ValueError):
    """Reference data could not be read, fetched or reconciled with the 2025 municipalities."""


@dataclass(frozen=True, slots=True)
class BoundaryResult:
    """Web-ready boundaries: 2025 municipalities and the areas dissolved from them."""

    municipalities: gpd.GeoDataFrame
    areas: gpd.GeoDataFrame
    warnings: tuple[str, ...]
    source_label: str
    code_field: str
    input_feature_count: int
    source_crs: str
    crs_inferred: bool
    simplify_tolerance_deg: float


@dataclass(frozen=True, slots=True)
class PopulationResult:
    table: pd.DataFrame
    warnings: tuple[str, ...]
    source_label: str
    code_field: str
    year: int


@dataclass(frozen=True, slots=True)
class CachedDataset:
    """What the cache holds for one data set; `problem` explains why it is unavailable."""

    name: str
    path: Path
    available: bool
    count: int | None = None
    year: int | None = None
    source: str | None = None
    updated_at: datetime | None = None
    licence: str | None = None
    attribution: str | None = None
    problem: str | None = None
    # "cache": the user's data/geo/ (fetch or import); "package": shipped with the dashboard.
    origin: str = "cache"
    # The registry source it came from (its name), None for a file the registry does not know.
    data_source: str | None = None


@dataclass(frozen=True, slots=True)
class ReferenceStatus:
    cache_dir: Path
    municipalities: CachedDataset
    areas: CachedDataset
    population: CachedDataset
    manifest_problem: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def boundaries_ready(self) -> bool:
        return self.municipalities.available and self.areas.available

    @property
    def complete(self) -> bool:
        return self.boundaries_ready and self.population.available

    def datasets(self) -> tuple[CachedDataset, ...]:
        return (self.municipalities, self.areas, self.population)

    def describe(self) -> str:
        """Plain-text summary for the command line."""
        lines = [f"Reference data cache: {self.cache_dir}"]
        for d in self.datasets():
            if not d.available:
                lines.append(f"  {d.name}: not available ({d.problem})")
                continue
            details = [f"{d.count} rows"]
            if d.year is not None:
                details.append(f"year {d.year}")
            if d.source:
                details.append(f"from {d.source}")
            if d.origin != "cache":
                details.append(f"shipped with the dashboard in {d.path.parent}")
            if d.updated_at is not None:
                details.append(f"updated {d.updated_at.isoformat(timespec='minutes')}")
            if d.attribution:
                details.append(d.attribution)
            if d.licence and d.licence not in (d.attribution or ""):
                details.append(d.licence)
            lines.append(f"  {d.name}: " + ", ".join(details))
        if self.manifest_problem:
            lines.append(f"  manifest: {self.manifest_problem}")
        lines.extend(f"  note: {w}" for w in self.warnings)
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class _RawBoundaries:
    frame: gpd.GeoDataFrame
    label: str
    code_field: str
    source_crs: str
    crs_inferred: bool


# --------------------------------------------------------------------------- reading helpers


def _label(source: DataInput, name: str | None) -> str:
    if name:
        return name
    if isinstance(source, bytes):
        return "<downloaded data>"
    return Path(source).name


def _sniff_geo_suffix(data: bytes) -> str | None:
    if data.startswith(b"PK\x03\x04"):
        return ".zip"
    if data.startswith(b"SQLite format 3\x00"):
        return ".gpkg"
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"[")):
        return ".geojson"
    return None


def _zip_member(path: Path, label: str) -> str:
    """GDAL path of the one vector file inside a zip; shapefiles are often zipped in a folder."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except zipfile.BadZipFile as exc:
        raise ReferenceDataError(f"{label} is not a valid zip archive ({exc}).") from exc
    members = [
        n
        for n in names
        if Path(n).suffix.lower() in {".shp", ".gpkg", ".geojson", ".json"}
        and not Path(n).name.startswith(".")
        and "__MACOSX" not in n
    ]
    if not members:
        raise ReferenceDataError(f"{label} holds no Shapefile, GeoPackage or GeoJSON (found: {', '.join(names[:10])}).")
    if len(members) > 1:
        raise ReferenceDataError(f"{label} holds several vector files ({', '.join(members)}); import one of them.")
    return f"/vsizip/{path.resolve()}/{members[0]}"


def _read_vector(path: Path, label: str, *, geometry: bool) -> pd.DataFrame:
    target = _zip_member(path, label) if path.suffix.lower() == ".zip" else str(path)
    try:
        frame = pyogrio.read_dataframe(target, read_geometry=geometry)
    except Exception as exc:  # pyogrio raises several unrelated types for unreadable input
        raise ReferenceDataError(f"Could not read {label} as a GeoJSON, GeoPackage or Shapefile: {exc}") from exc
    if len(frame) == 0:
        raise ReferenceDataError(f"{label} contains no features.")
    return frame


def vector_fields(path: Path) -> tuple[str, ...]:
    """Attribute field names of a GeoJSON, GeoPackage or (zipped) Shapefile."""
    target = _zip_member(path, path.name) if path.suffix.lower() == ".zip" else str(path)
    try:
        info = pyogrio.read_info(target)
    except Exception as exc:  # pyogrio raises several unrelated types for unreadable input
        raise ReferenceDataError(f"Could not read the fields of {path.name}: {exc}") from exc
    return tuple(str(f) for f in info["fields"])


def _with_local_file(source: DataInput, label: str, suffix_for_bytes: str, reader: Callable[[Path], _T]) -> _T:
    """Run reader(path) on a path, spilling bytes to a temporary file GDAL can open by name."""
    if isinstance(source, bytes):
        with tempfile.TemporaryDirectory(prefix="yhdyspinta-") as tmp:
            path = Path(tmp) / f"input{suffix_for_bytes}"
            path.write_bytes(source)
            return reader(path)
    return reader(Path(source))


def _check_file(source: DataInput, label: str) -> None:
    if isinstance(source, bytes):
        if not source.strip():
            raise ReferenceDataError(f"{label} is empty.")
        return
    path = Path(source)
    if not path.is_file():
        raise ReferenceDataError(f"File not found: {path}")
    if path.stat().st_size == 0:
        raise ReferenceDataError(f"{label} is empty.")


def _find_field(columns: Iterable[str], candidates: Sequence[str]) -> str | None:
    by_lower = {str(c).lower(): str(c) for c in columns}
    for candidate in candidates:
        if candidate.lower() in by_lower:
            return by_lower[candidate.lower()]
    return None


def _normalise_code(value: object) -> str | None:
    """Three-digit code; non-matching text is kept as is so the error can name it."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    text = str(value).strip()
    if not text:
        return None
    match = _CODE_PATTERN.match(text)
    return match.group(1).zfill(3) if match else text


def _normalise_codes(values: pd.Series, label: str, code_field: str) -> pd.Series:
    codes = values.map(_normalise_code)
    empty = int(codes.isna().sum())
    if empty:
        raise ReferenceDataError(f"{label}: {empty} feature(s) have no municipality code in field {code_field!r}.")
    return codes.astype(str)


def _format_codes(codes: Iterable[str]) -> str:
    by_code = facts.municipality_by_code()
    parts = [f"{c} ({by_code[c].name_fi})" if c in by_code else repr(c) for c in sorted(codes)]
    shown = ", ".join(parts[:20])
    return shown + (f" and {len(parts) - 20} more" if len(parts) > 20 else "")


def _merge_warnings(raw_codes: Iterable[str], what: str) -> list[str]:
    present = set(raw_codes)
    names_by_code = {code: name for name, code in facts.MERGED_MUNICIPALITY_NAMES.items()}
    by_code = facts.municipality_by_code()
    messages = []
    for old, new in sorted(facts.MERGED_MUNICIPALITIES.items()):
        if old in present:
            old_name = names_by_code.get(old, old)
            new_name = by_code[new].name_fi if new in by_code else new
            messages.append(
                f"{old_name} ({old}) was merged into {new_name} ({new}) in the 2025 municipal "
                f"division; its {what} was combined with {new_name}'s."
            )
    return messages


def _check_code_sets(codes: Iterable[str], label: str, code_field: str) -> None:
    """Fail loudly: a silently dropped municipality would show as 'no data' on the map."""
    present = set(codes)
    expected = set(facts.municipality_by_code())
    unknown = present - expected
    if unknown:
        raise ReferenceDataError(
            f"{label}: field {code_field!r} holds code(s) that are not 2025 municipalities, even "
            f"after following mergers: {_format_codes(unknown)}."
        )
    missing = expected - present
    if missing:
        raise ReferenceDataError(
            f"{label}: field {code_field!r} lacks {len(missing)} of the "
            f"{len(expected)} municipalities: {_format_codes(missing)}."
        )


# --------------------------------------------------------------------------- boundaries


def _infer_crs(frame: gpd.GeoDataFrame) -> str:
    """Finnish data comes in lon/lat or ETRS-TM35FIN; the latter's metre coordinates (x about
    50 000-760 000, y about 6.6-7.8 million) can never fall in degree ranges, so the bounds
    decide unambiguously."""
    minx, miny, maxx, maxy = frame.total_bounds
    if -180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90:
        return TARGET_CRS
    return FINNISH_NATIONAL_CRS


def _read_boundaries_raw(source: DataInput, name: str | None) -> _RawBoundaries:
    label = _label(source, name)
    _check_file(source, label)
    suffix = ""
    if isinstance(source, bytes):
        sniffed = _sniff_geo_suffix(source)
        if sniffed is None:
            raise ReferenceDataError(
                f"{label} is not a GeoJSON, GeoPackage or zipped Shapefile (starts with {source[:40]!r})."
            )
        suffix = sniffed
    elif Path(source).suffix.lower() not in GEO_SUFFIXES:
        raise ReferenceDataError(
            f"{label}: unsupported file type {Path(source).suffix!r}; use one of {', '.join(sorted(GEO_SUFFIXES))}."
        )
    frame = _with_local_file(source, label, suffix, lambda p: _read_vector(p, label, geometry=True))
    if not isinstance(frame, gpd.GeoDataFrame):
        raise ReferenceDataError(f"{label} has no geometry.")

    code_field = _find_field(frame.columns, code_field_candidates())
    if code_field is None:
        fields = ", ".join(str(c) for c in frame.columns if c != frame.geometry.name)
        raise ReferenceDataError(
            f"{label}: no municipality code field found. Expected one of "
            f"{', '.join(code_field_candidates())}; the file has: {fields or 'no fields'}."
        )
    codes = _normalise_codes(frame[code_field], label, code_field)

    geoms = frame.geometry.values
    missing_geometry = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    if missing_geometry.any():
        raise ReferenceDataError(
            f"{label}: feature(s) without geometry for code(s) {_format_codes(set(codes[missing_geometry]))}."
        )
    types = set(shapely.get_type_id(geoms).tolist())
    polygonal = {shapely.GeometryType.POLYGON, shapely.GeometryType.MULTIPOLYGON}
    if not types <= {int(t) for t in polygonal}:
        raise ReferenceDataError(
            f"{label}: expected polygon boundaries but found geometry types {sorted(set(frame.geom_type))}."
        )

    inferred = frame.crs is None
    if inferred:
        frame = frame.set_crs(_infer_crs(frame))
    source_crs = frame.crs.to_string()
    frame = gpd.GeoDataFrame({"code": codes.to_numpy()}, geometry=frame.geometry.values, crs=frame.crs)
    frame = frame.to_crs(TARGET_CRS)

    minx, miny, maxx, maxy = frame.total_bounds
    fminx, fminy, fmaxx, fmaxy = FINLAND_BOUNDS_LONLAT
    if not (fminx <= minx and maxx <= fmaxx and fminy <= miny and maxy <= fmaxy):
        raise ReferenceDataError(
            f"{label}: coordinates ({minx:.2f}, {miny:.2f}) - ({maxx:.2f}, {maxy:.2f}) in "
            f"{TARGET_CRS} are not in Finland; the file's coordinate system ({source_crs}"
            f"{', guessed' if inferred else ''}) is probably wrong."
        )
    return _RawBoundaries(frame, label, code_field, source_crs, inferred)


def read_boundaries(source: DataInput, *, name: str | None = None) -> gpd.GeoDataFrame:
    """Boundaries as (code, geometry) in EPSG:4326, one row per input feature, codes as found
    (zero-padded, not yet mapped to 2025)."""
    return _read_boundaries_raw(source, name).frame


def _polygonal(geom: shapely.Geometry) -> shapely.Geometry:
    """make_valid can yield lines or points next to the polygons; a map needs only the areas."""
    if shapely.get_type_id(geom) in (
        shapely.GeometryType.POLYGON,
        shapely.GeometryType.MULTIPOLYGON,
    ):
        return geom
    parts = [p for p in shapely.get_parts(geom) if isinstance(p, shapely.Polygon | shapely.MultiPolygon)]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def _dissolve(codes: np.ndarray, geoms: np.ndarray) -> tuple[list[str], np.ndarray]:
    keys = sorted(set(codes.tolist()))
    merged = []
    for key in keys:
        members = geoms[codes == key]
        merged.append(members[0] if len(members) == 1 else shapely.union_all(members))
    return keys, np.array(merged, dtype=object)


def _clean_coverage(geoms: np.ndarray, warnings: list[str]) -> np.ndarray:
    """Coverage simplification keeps borders shared only if the input already shares them."""
    invalid = ~shapely.is_valid(geoms)
    if invalid.any():
        geoms = geoms.copy()
        geoms[invalid] = [_polygonal(g) for g in shapely.make_valid(geoms[invalid])]
    if not shapely.coverage_is_valid(geoms):
        geoms = shapely.coverage_clean(geoms)
        warnings.append(
            "The boundaries overlapped or their shared edges did not match; they were cleaned "
            "into a seamless coverage before simplifying."
        )
    return geoms


def _simplify_coverage(geoms: np.ndarray, tolerance: float) -> tuple[np.ndarray, bool]:
    """Simplify all polygons together so shared borders stay shared, then round coordinates.

    Simplifying polygons one by one would move each side of a border differently and open
    slivers between neighbours. Rounding keeps the coverage because a vertex shared by two
    neighbours is snapped to the same grid point in both.
    """
    simplified = shapely.coverage_simplify(geoms, tolerance)
    rounded = shapely.set_precision(simplified, 10.0**-COORDINATE_DECIMALS)
    return rounded, bool(shapely.coverage_is_valid(rounded))


def _dissolve_areas(codes: Sequence[str], web: np.ndarray, is_coverage: bool) -> gpd.GeoDataFrame:
    """Areas from the already simplified and rounded municipalities.

    Every area border is then an exact copy of the municipal borders along it, so the two
    layers overlay without slivers.
    """
    by_code = facts.municipality_by_code()
    area_of = np.array([by_code[c].area_code for c in codes])
    union = shapely.coverage_union_all if is_coverage else shapely.union_all
    area_codes = sorted(a.code for a in facts.areas())
    merged = np.array([union(web[area_of == a]) for a in area_codes], dtype=object)
    merged = shapely.set_precision(merged, 10.0**-COORDINATE_DECIMALS)
    return gpd.GeoDataFrame({"code": area_codes}, geometry=merged, crs=TARGET_CRS)


def _within_budget(municipalities: gpd.GeoDataFrame, areas: gpd.GeoDataFrame) -> bool:
    return (
        len(to_geojson(municipalities).encode()) <= MUNICIPALITY_PAYLOAD_BUDGET
        and len(to_geojson(areas).encode()) <= AREA_PAYLOAD_BUDGET
    )


@dataclass(frozen=True, slots=True)
class _Prepared:
    municipalities: gpd.GeoDataFrame
    areas: gpd.GeoDataFrame
    warnings: list[str]
    tolerance: float


def _prepare(raw: gpd.GeoDataFrame, label: str, code_field: str) -> _Prepared:
    """2025 municipalities and areas from (code, geometry) rows in EPSG:4326."""
    warnings = _merge_warnings(raw["code"], "boundary")
    successor = raw["code"].map(facts.successor_code).to_numpy()
    _check_code_sets(successor, label, code_field)
    codes, geoms = _dissolve(successor, raw.geometry.values.to_numpy())
    geoms = _clean_coverage(geoms, warnings)

    for tolerance in SIMPLIFY_TOLERANCES_DEG:
        web, is_coverage = _simplify_coverage(geoms, tolerance)
        empty = shapely.is_empty(web)
        if empty.any():
            raise ReferenceDataError(
                f"{label}: municipality geometry vanished when simplified: {_format_codes(np.array(codes)[empty])}."
            )
        municipalities = gpd.GeoDataFrame({"code": codes}, geometry=web, crs=TARGET_CRS)
        areas = _dissolve_areas(codes, web, is_coverage)
        if _within_budget(municipalities, areas):
            break
    else:
        warnings.append(
            "Even at the coarsest simplification the boundaries exceed the payload budget; "
            "the map will load more slowly."
        )
    if tolerance != SIMPLIFY_TOLERANCE_DEG:
        warnings.append(
            f"The source is more detailed than needed; it was simplified with a tolerance of "
            f"{tolerance} degrees to keep the map light."
        )
    if not is_coverage:
        warnings.append(
            "After simplification the municipal boundaries are not a perfect coverage; small "
            "gaps or overlaps may show on the map."
        )
    return _Prepared(municipalities, areas, warnings, tolerance)


def build_boundaries(source: DataInput, *, name: str | None = None) -> BoundaryResult:
    """Read a boundary file or download and turn it into web-ready 2025 boundaries."""
    raw = _read_boundaries_raw(source, name)
    prepared = _prepare(raw.frame, raw.label, raw.code_field)
    return BoundaryResult(
        municipalities=prepared.municipalities,
        areas=prepared.areas,
        warnings=tuple(prepared.warnings),
        source_label=raw.label,
        code_field=raw.code_field,
        input_feature_count=len(raw.frame),
        source_crs=raw.source_crs,
        crs_inferred=raw.crs_inferred,
        simplify_tolerance_deg=prepared.tolerance,
    )


def to_geojson(frame: gpd.GeoDataFrame, *, properties: Sequence[str] = ("code",)) -> str:
    """Compact GeoJSON for the browser: no ids, no whitespace, only the listed properties.

    Meant to be computed once per data version and cached as a string by the caller.
    """
    frame = frame.to_crs(TARGET_CRS) if frame.crs is not None else frame
    columns = {p: [_json_value(v) for v in frame[p].tolist()] for p in properties}
    features = [
        {
            "type": "Feature",
            "properties": {p: columns[p][i] for p in properties},
            "geometry": shapely.geometry.mapping(geom),
        }
        for i, geom in enumerate(frame.geometry.values)
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))


def _json_value(value: object) -> object:
    return value.item() if isinstance(value, np.generic) else value


# --------------------------------------------------------------------------- population


def _read_table(source: DataInput, label: str) -> pd.DataFrame:
    _check_file(source, label)
    if isinstance(source, bytes):
        sniffed = _sniff_geo_suffix(source)
        if sniffed is not None:
            return _with_local_file(source, label, sniffed, lambda p: _read_vector(p, label, geometry=False))
        data = source
    else:
        path = Path(source)
        suffix = path.suffix.lower()
        if suffix in GEO_SUFFIXES:
            return _read_vector(path, label, geometry=False)
        if suffix not in TABLE_SUFFIXES:
            raise ReferenceDataError(f"{label}: unsupported file type {suffix!r} for population; use CSV or GeoJSON.")
        data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Finnish Excel exports are often Windows-1252; latin-1 cannot fail, so it is last.
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    try:
        # sep=None sniffs the delimiter: Statistics Finland's own CSVs use semicolons.
        table = pd.read_csv(io.StringIO(text), sep=None, engine="python", dtype=str)
    except Exception as exc:  # pandas raises several parser error types
        raise ReferenceDataError(f"Could not read {label} as CSV: {exc}") from exc
    if table.empty:
        raise ReferenceDataError(f"{label} contains no rows.")
    return table


def build_population(source: DataInput, *, year: int | None = None, name: str | None = None) -> PopulationResult:
    """Population of the 2025 municipalities for the latest year in the source.

    `year` labels sources that carry no year column (a WFS layer is one year per layer).
    """
    label = _label(source, name)
    table = _read_table(source, label)
    columns = [str(c) for c in table.columns]

    code_field = _find_field(columns, code_field_candidates())
    if code_field is None:
        raise ReferenceDataError(
            f"{label}: missing the municipality code column (one of "
            f"{', '.join(code_field_candidates())}); columns are: {', '.join(columns)}."
        )
    value_field = _find_field(columns, population_field_candidates())
    if value_field is None:
        raise ReferenceDataError(
            f"{label}: missing the population column (one of "
            f"{', '.join(population_field_candidates())}); columns are: {', '.join(columns)}."
        )
    year_field = _find_field(columns, YEAR_FIELDS)
    if year_field is None and year is None:
        raise ReferenceDataError(
            f"{label}: missing the year column (one of {', '.join(YEAR_FIELDS)}); columns are: {', '.join(columns)}."
        )

    frame = pd.DataFrame({"code": _normalise_codes(table[code_field], label, code_field)})
    if year_field is not None:
        years = pd.to_numeric(table[year_field], errors="coerce")
        if years.isna().any():
            raise ReferenceDataError(
                f"{label}: column {year_field!r} has {int(years.isna().sum())} non-numeric value(s)."
            )
        frame["year"] = years.astype("int64").to_numpy()
    else:
        frame["year"] = int(year)  # type: ignore[arg-type]  # checked above
    population = pd.to_numeric(table[value_field], errors="coerce")
    frame["population"] = population.to_numpy()

    latest = int(frame["year"].max())
    frame = frame[frame["year"] == latest]
    bad = frame["population"].isna() | (frame["population"] < 0)
    if bad.any():
        raise ReferenceDataError(
            f"{label}: column {value_field!r} has missing or invalid values in {latest} for "
            f"{_format_codes(set(frame.loc[bad, 'code']))}."
        )
    duplicated = frame["code"][frame["code"].duplicated()]
    if not duplicated.empty:
        raise ReferenceDataError(
            f"{label}: several rows for {latest} in column {code_field!r} for "
            f"{_format_codes(set(duplicated))}; expected one total per municipality."
        )

    warnings = _merge_warnings(frame["code"], "population")
    frame = frame.assign(code=frame["code"].map(facts.successor_code))
    _check_code_sets(frame["code"], label, code_field)
    result = (
        frame.groupby("code", as_index=False)["population"]
        .sum()
        .assign(year=latest)
        .astype({"population": "int64", "year": "int64"})
        .loc[:, ["code", "year", "population"]]
        .sort_values("code", ignore_index=True)
    )
    return PopulationResult(result, tuple(warnings), label, code_field, latest)


def read_population(source: DataInput, *, year: int | None = None, name: str | None = None) -> pd.DataFrame:
    """DataFrame(code, year, population) for the 2025 municipalities, latest year only."""
    return build_population(source, year=year, name=name).table


# --------------------------------------------------------------------------- cache


def _cache_dir(cache_dir: Path | None) -> Path:
    return cache_dir if cache_dir is not None else config.geo_cache_dir()


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _replace_atomically(tmp: Path, final: Path) -> None:
    # A reader (another Streamlit session) must never see a half-written file.
    os.replace(tmp, final)


def _read_manifest(directory: Path) -> tuple[dict[str, Any], str | None]:
    path = directory / MANIFEST_FILE
    if not path.exists():
        return {}, None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return {}, f"{MANIFEST_FILE} is unreadable: {exc}"
    if not isinstance(manifest, dict):
        return {}, f"{MANIFEST_FILE} is not a JSON object."
    return manifest, None


def _write_manifest_section(directory: Path, section: str, entry: dict[str, Any]) -> Path:
    manifest, _problem = _read_manifest(directory)  # a broken manifest is simply replaced
    manifest["schema"] = MANIFEST_SCHEMA
    manifest[section] = entry
    path = directory / MANIFEST_FILE
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    _replace_atomically(tmp, path)
    return path


def _credit(data_source: DataSource | None, code_field: str, kind: str) -> tuple[DataSource | None, str, str]:
    chosen = data_source or source_for_code_field(code_field, kind)  # type: ignore[arg-type]
    if chosen is None:
        return None, UNKNOWN_LICENCE, "User-supplied file"
    return chosen, chosen.licence, chosen.attribution


def save_boundaries(
    result: BoundaryResult,
    *,
    source: str | None = None,
    year: int | None = None,
    data_source: DataSource | None = None,
    cache_dir: Path | None = None,
) -> Path:
    """Cache municipalities and areas as GeoParquet and record where they came from.

    Returns the manifest path. `data_source` credits a registry source; without it the source
    is guessed from the code field (NATCODE means NLS), else the licence is marked unknown.
    """
    directory = _cache_dir(cache_dir)
    directory.mkdir(parents=True, exist_ok=True)
    pending = []
    for frame, file_name in (
        (result.municipalities, MUNICIPALITIES_FILE),
        (result.areas, AREAS_FILE),
    ):
        tmp = directory / f"{file_name}.tmp"
        frame.to_parquet(tmp, index=False)
        pending.append((tmp, directory / file_name))
    for tmp, final in pending:
        _replace_atomically(tmp, final)
    chosen, licence, attribution = _credit(data_source, result.code_field, "boundaries")
    entry = {
        "source": source or result.source_label,
        "data_source": chosen.name if chosen else None,
        "year": year,
        "imported_at": _now().isoformat(),
        "input_feature_count": result.input_feature_count,
        "municipality_count": len(result.municipalities),
        "area_count": len(result.areas),
        "code_field": result.code_field,
        "source_crs": result.source_crs,
        "crs_inferred": result.crs_inferred,
        "simplify_tolerance_deg": result.simplify_tolerance_deg,
        "coordinate_decimals": COORDINATE_DECIMALS,
        "licence": licence,
        "attribution": attribution,
        "warnings": list(result.warnings),
        "files": {"municipalities": MUNICIPALITIES_FILE, "areas": AREAS_FILE},
    }
    return _write_manifest_section(directory, "boundaries", entry)


def save_population(
    result: PopulationResult,
    *,
    source: str | None = None,
    data_source: DataSource | None = None,
    cache_dir: Path | None = None,
) -> Path:
    directory = _cache_dir(cache_dir)
    directory.mkdir(parents=True, exist_ok=True)
    tmp = directory / f"{POPULATION_FILE}.tmp"
    result.table.to_parquet(tmp, index=False)
    _replace_atomically(tmp, directory / POPULATION_FILE)
    chosen, licence, attribution = _credit(data_source, result.code_field, "population")
    entry = {
        "source": source or result.source_label,
        "data_source": chosen.name if chosen else None,
        "year": result.year,
        "imported_at": _now().isoformat(),
        "row_count": len(result.table),
        "code_field": result.code_field,
        "licence": licence,
        "attribution": attribution,
        "warnings": list(result.warnings),
        "files": {"population": POPULATION_FILE},
    }
    return _write_manifest_section(directory, "population", entry)


def _inspect_geo(path: Path, expected: set[str] | set[int]) -> tuple[gpd.GeoDataFrame | None, str | None]:
    if not path.exists():
        return None, "not cached"
    try:
        frame = gpd.read_parquet(path)
    except _CACHE_READ_ERRORS as exc:  # an unreadable file is a cache miss, never a UI crash
        return None, f"{path.name} is unreadable: {exc}"
    if "code" not in frame.columns or frame.geometry.name not in frame.columns:
        return None, f"{path.name} lacks the code or geometry column."
    if frame.crs is None or frame.crs.to_epsg() != 4326:
        return None, f"{path.name} is not in {TARGET_CRS}."
    if set(frame["code"].tolist()) != expected or len(frame) != len(expected):
        return None, (
            f"{path.name} holds {len(frame)} features that do not match the "
            f"{len(expected)} expected; re-import the reference data."
        )
    if frame.geometry.isna().any() or frame.geometry.is_empty.any():
        return None, f"{path.name} has features without geometry."
    return frame[["code", "geometry"]].reset_index(drop=True), None


def _inspect_population(path: Path) -> tuple[pd.DataFrame | None, str | None]:
    if not path.exists():
        return None, "not cached"
    try:
        frame = pd.read_parquet(path)
    except _CACHE_READ_ERRORS as exc:  # an unreadable file is a cache miss, never a UI crash
        return None, f"{path.name} is unreadable: {exc}"
    if not {"code", "year", "population"} <= set(frame.columns):
        return None, f"{path.name} lacks the code, year or population column."
    expected = set(facts.municipality_by_code())
    if set(frame["code"].tolist()) != expected or len(frame) != len(expected):
        return None, f"{path.name} does not cover the {len(expected)} municipalities."
    return frame[["code", "year", "population"]].reset_index(drop=True), None


def _expected_area_codes() -> set[int]:
    return {a.code for a in facts.areas()}


def load_municipality_geometries(*, cache_dir: Path | None = None) -> gpd.GeoDataFrame | None:
    """Cached 2025 municipalities (code, geometry), or None when absent or unusable."""
    frame, problem = _inspect_geo(_cache_dir(cache_dir) / MUNICIPALITIES_FILE, set(facts.municipality_by_code()))
    if problem and problem != "not cached":
        log.warning("Ignoring municipality cache: %s", problem)
    return frame


def load_area_geometries(*, cache_dir: Path | None = None) -> gpd.GeoDataFrame | None:
    """Cached areas (code, geometry) incl. Åland, or None when absent or unusable."""
    frame, problem = _inspect_geo(_cache_dir(cache_dir) / AREAS_FILE, _expected_area_codes())
    if problem and problem != "not cached":
        log.warning("Ignoring area cache: %s", problem)
    return frame


def load_population(*, cache_dir: Path | None = None) -> pd.DataFrame | None:
    frame, problem = _inspect_population(_cache_dir(cache_dir) / POPULATION_FILE)
    if problem and problem != "not cached":
        log.warning("Ignoring population cache: %s", problem)
    return frame


def _parse_time(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _dataset_status(
    name: str,
    path: Path,
    frame: pd.DataFrame | None,
    problem: str | None,
    entry: dict[str, Any],
) -> CachedDataset:
    year = entry.get("year")
    return CachedDataset(
        name=name,
        path=path,
        available=frame is not None,
        count=len(frame) if frame is not None else None,
        year=year if isinstance(year, int) else None,
        source=entry.get("source") if isinstance(entry.get("source"), str) else None,
        updated_at=_parse_time(entry.get("imported_at")),
        licence=entry.get("licence") if isinstance(entry.get("licence"), str) else None,
        attribution=entry.get("attribution") if isinstance(entry.get("attribution"), str) else None,
        problem=problem,
        data_source=entry.get("data_source") if isinstance(entry.get("data_source"), str) else None,
    )


def reference_status(*, cache_dir: Path | None = None) -> ReferenceStatus:
    """What the cache holds; never raises, so the UI can always show it."""
    directory = _cache_dir(cache_dir)
    try:
        manifest, manifest_problem = _read_manifest(directory)
        boundaries = manifest.get("boundaries")
        boundaries = boundaries if isinstance(boundaries, dict) else {}
        population = manifest.get("population")
        population = population if isinstance(population, dict) else {}

        muni_path = directory / MUNICIPALITIES_FILE
        area_path = directory / AREAS_FILE
        pop_path = directory / POPULATION_FILE
        muni, muni_problem = _inspect_geo(muni_path, set(facts.municipality_by_code()))
        area, area_problem = _inspect_geo(area_path, _expected_area_codes())
        pop, pop_problem = _inspect_population(pop_path)
        warnings = [w for w in boundaries.get("warnings", []) + population.get("warnings", []) if isinstance(w, str)]
        return ReferenceStatus(
            cache_dir=directory,
            municipalities=_dataset_status("municipalities", muni_path, muni, muni_problem, boundaries),
            areas=_dataset_status("areas", area_path, area, area_problem, boundaries),
            population=_dataset_status("population", pop_path, pop, pop_problem, population),
            manifest_problem=manifest_problem,
            warnings=tuple(warnings),
        )
    except Exception as exc:  # the status page must render even on a broken disk
        log.exception("Could not inspect the reference cache")
        unavailable = f"cache could not be inspected: {exc}"
        return ReferenceStatus(
            cache_dir=directory,
            municipalities=CachedDataset(
                "municipalities",
                directory / MUNICIPALITIES_FILE,
                False,
                problem=unavailable,
            ),
            areas=CachedDataset("areas", directory / AREAS_FILE, False, problem=unavailable),
            population=CachedDataset("population", directory / POPULATION_FILE, False, problem=unavailable),
            manifest_problem=unavailable,
        )
