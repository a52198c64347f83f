"""Boundaries and population packaged with the dashboard, so that a first start without a
network draws the real 2025 map and the population share.

The package files are made by the same loader as `reference fetch` and `reference import`
(read, follow the 2025 mergers, dissolve the areas, coverage-simplify, round), from official
open data, by `python -m yhdyspinta reference package --from DIR`; the output is
deterministic, so a rebuild from the same files gives the same bytes. What the map and the
overview use is resolved here: the user's cache under `data/geo/` (written by `reference
fetch` or `reference import`) first, then the package, else nothing (the tile grid).

Files (all text, so a change shows in a review):
- `municipalities.geojson`, `areas.geojson`: compact GeoJSON in EPSG:4326, property `code`;
- `population.csv`: code, year, population of the 308 municipalities of 2025;
- `manifest.json`: what each was built from (file names, SHA-256), the registry source that
  credits it, the simplification, counts and totals;
- `NOTICE.md`: the attribution and licence of each, written from the source registry.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from yhdyspinta import config, facts
from yhdyspinta.geodata.registry import NLS_MUNICIPALITIES, THL_SOTKANET_POPULATION, DataSource, get_source

log = logging.getLogger(__name__)

ENV_GEO_PACKAGE_DIR = "YHDYSPINTA_GEO_PACKAGE_DIR"
DEFAULT_PACKAGE_DIR = config.PACKAGE_DIR / "geodata" / "package"

PACKAGE_MUNICIPALITIES_FILE = "municipalities.geojson"
PACKAGE_AREAS_FILE = "areas.geojson"
PACKAGE_POPULATION_FILE = "population.csv"
PACKAGE_MANIFEST_FILE = "manifest.json"
PACKAGE_NOTICE_FILE = "NOTICE.md"
PACKAGE_FILES = (PACKAGE_MUNICIPALITIES_FILE, PACKAGE_AREAS_FILE, PACKAGE_POPULATION_FILE, PACKAGE_MANIFEST_FILE,
                 PACKAGE_NOTICE_FILE)
PACKAGE_SCHEMA = 1

# The official files the package is built from (names as in the reference folder).
BOUNDARY_INPUT = "kuntarajat_2024.geojson"
POPULATION_INPUT = "population_by_municipality.csv"
# Which registry source credits each input; the app reads the attribution from the registry.
BOUNDARY_SOURCE: DataSource = NLS_MUNICIPALITIES
POPULATION_SOURCE: DataSource = THL_SOTKANET_POPULATION
BOUNDARY_INPUT_YEAR = 2024  # the release year of the boundary file (2024 division, mapped to 2025)

# "A few hundred KB": the whole package must stay under this (checked by the tests).
PACKAGE_SIZE_BUDGET = 400 * 1024

# loader.POPULATION_FILE, named here so that finding no cache needs no import of the loader.
CACHE_POPULATION_FILE = "population.parquet"

ORIGIN_CACHE = "cache"
ORIGIN_PACKAGE = "package"


PopulationRows = list[tuple[str, int, int]]  # (code, population, year)


@dataclass(frozen=True, slots=True)
class PackageSummary:
    """What `build_package` wrote: for the command line and the tests."""

    directory: Path
    municipality_count: int
    area_count: int
    population_total: int
    population_year: int
    sizes: Mapping[str, int]
    warnings: tuple[str, ...]

    @property
    def total_bytes(self) -> int:
        return sum(self.sizes.values())

    def describe(self) -> str:
        lines = [f"Packaged reference data in {self.directory}:"]
        lines += [f"  {name}: {size:,} bytes" for name, size in self.sizes.items()]
        lines.append(f"  {self.municipality_count} municipalities, {self.area_count} areas, "
                     f"population {self.population_total:,} ({self.population_year})")
        lines += [f"  note: {w}" for w in self.warnings]
        return "\n".join(lines)


def package_dir() -> Path:
    """Where the packaged data is read from: the package's own folder unless the environment
    names another (tests point it at a folder they built, or at an empty one)."""
    raw = os.environ.get(ENV_GEO_PACKAGE_DIR)
    return Path(raw).expanduser().resolve() if raw else DEFAULT_PACKAGE_DIR


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _population_csv(rows: list[tuple[str, int, int]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("code", "year", "population"))
    writer.writerows(rows)
    return out.getvalue()


def build_package(reference_dir: Path, out_dir: Path | None = None) -> PackageSummary:
    """Build the package files from the official files in `reference_dir`.

    Runs the project's own loader (`build_boundaries`, `build_population`): the 2025 division
    (Pertunmaa into Mäntyharju), areas dissolved from the municipalities, coverage
    simplification that keeps shared borders shared, coordinates rounded. Deterministic: no
    time stamps, sorted rows. Raises ReferenceDataError when an input is missing or unusable.
    """
    from yhdyspinta.geodata.loader import ReferenceDataError, build_boundaries, build_population, to_geojson

    directory = out_dir if out_dir is not None else package_dir()
    boundary_path = reference_dir / BOUNDARY_INPUT
    population_path = reference_dir / POPULATION_INPUT
    for path in (boundary_path, population_path):
        if not path.is_file():
            raise ReferenceDataError(f"{path}: not found; the package is built from {BOUNDARY_INPUT} "
                                     f"and {POPULATION_INPUT}")
    boundaries = build_boundaries(boundary_path)
    population = build_population(population_path)
    municipalities = boundaries.municipalities.sort_values("code", ignore_index=True)
    areas = boundaries.areas.sort_values("code", ignore_index=True)
    rows = [(str(r.code), int(r.year), int(r.population)) for r in population.table.itertuples()]
    texts = {
        PACKAGE_MUNICIPALITIES_FILE: to_geojson(municipalities) + "\n",
        PACKAGE_AREAS_FILE: to_geojson(areas) + "\n",
        PACKAGE_POPULATION_FILE: _population_csv(rows),
    }
    total = sum(p for _, _, p in rows)
    manifest: dict[str, Any] = {
        "schema": PACKAGE_SCHEMA,
        "generated_by": "python -m yhdyspinta reference package --from DIR",
        "boundaries": {
            "input": BOUNDARY_INPUT,
            "input_sha256": _sha256(boundary_path),
            "input_year": BOUNDARY_INPUT_YEAR,
            "division": 2025,
            "data_source": BOUNDARY_SOURCE.name,
            "input_feature_count": boundaries.input_feature_count,
            "municipality_count": len(municipalities),
            "area_count": len(areas),
            "simplify_tolerance_deg": boundaries.simplify_tolerance_deg,
            "warnings": list(boundaries.warnings),
            "files": {"municipalities": PACKAGE_MUNICIPALITIES_FILE, "areas": PACKAGE_AREAS_FILE},
        },
        "population": {
            "input": POPULATION_INPUT,
            "input_sha256": _sha256(population_path),
            "year": population.year,
            "division": 2025,
            "data_source": POPULATION_SOURCE.name,
            "row_count": len(rows),
            "total": total,
            "warnings": list(population.warnings),
            "files": {"population": PACKAGE_POPULATION_FILE},
        },
    }
    texts[PACKAGE_MANIFEST_FILE] = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    texts[PACKAGE_NOTICE_FILE] = _notice(manifest)

    directory.mkdir(parents=True, exist_ok=True)
    sizes = {}
    for name, text in texts.items():
        data = text.encode("utf-8")
        tmp = directory / f"{name}.tmp"
        tmp.write_bytes(data)
        os.replace(tmp, directory / name)
        sizes[name] = len(data)
    return PackageSummary(directory, len(municipalities), len(areas), total, population.year, sizes,
                          tuple(boundaries.warnings) + tuple(population.warnings))


def _notice(manifest: Mapping[str, Any]) -> str:
    """Attribution and licence of the packaged data, from the registry (as the app shows them)."""
    lines = ["# Data in this folder", "",
             "Generated by `python -m yhdyspinta reference package --from DIR`; do not edit by hand.", ""]
    for section, files in (("boundaries", (PACKAGE_MUNICIPALITIES_FILE, PACKAGE_AREAS_FILE)),
                           ("population", (PACKAGE_POPULATION_FILE,))):
        entry = manifest[section]
        source = section_source(entry)
        assert source is not None, f"{section}: unknown data source {entry.get('data_source')!r}"
        lines += [f"- {', '.join(f'`{f}`' for f in files)}: {source.attribution}. Licence {source.licence} "
                  f"(https://creativecommons.org/licenses/by/4.0/). {source.publisher}: {source.homepage}. "
                  f"Built from `{entry['input']}`, changed: mapped to the {entry['division']} municipal "
                  "division (Pertunmaa merged into Mäntyharju)"
                  + (", areas dissolved from the municipalities, borders simplified together and "
                     "coordinates rounded." if section == "boundaries" else ", latest year only.")]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- reading


def read_manifest(directory: Path | None = None) -> dict[str, Any] | None:
    path = (directory or package_dir()) / PACKAGE_MANIFEST_FILE
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("Ignoring the packaged reference data: %s is unreadable (%s)", path, exc)
        return None
    return manifest if isinstance(manifest, dict) else None


def section_source(section: Mapping[str, Any]) -> DataSource | None:
    """The registry source a manifest section names (the one place attribution comes from)."""
    name = section.get("data_source")
    if not isinstance(name, str):
        return None
    try:
        return get_source(name)
    except KeyError:
        return None


def stamp(directory: Path | None = None) -> tuple[str, int]:
    """Changes whenever the package files are rewritten: part of the key for cached maps."""
    root = directory or package_dir()
    try:
        return str(root), (root / PACKAGE_MANIFEST_FILE).stat().st_mtime_ns
    except OSError:
        return str(root), 0


def read_geometries(name: str, expected: set[str] | set[int], directory: Path | None = None) -> Any:
    """One packaged boundary layer as a GeoDataFrame (code, geometry), or None when absent or
    not the expected set of codes (never raises: a broken package means the tile grid)."""
    import geopandas as gpd
    import pyogrio

    from yhdyspinta.geodata.loader import TARGET_CRS

    path = (directory or package_dir()) / name
    if not path.is_file():
        return None
    try:
        frame = pyogrio.read_dataframe(path)
    except Exception as exc:  # pyogrio raises several unrelated types for unreadable input
        log.warning("Ignoring packaged %s: %s", name, exc)
        return None
    if "code" not in frame.columns or not isinstance(frame, gpd.GeoDataFrame):
        log.warning("Ignoring packaged %s: no code or geometry", name)
        return None
    frame = frame.set_crs(TARGET_CRS, allow_override=True)
    kind = int if all(isinstance(c, int) for c in expected) else str
    frame["code"] = frame["code"].map(kind)
    if set(frame["code"].tolist()) != expected or len(frame) != len(expected):
        log.warning("Ignoring packaged %s: %d features do not match the %d expected", name, len(frame), len(expected))
        return None
    if frame.geometry.isna().any() or frame.geometry.is_empty.any():
        log.warning("Ignoring packaged %s: features without geometry", name)
        return None
    return frame[["code", "geometry"]].reset_index(drop=True)


def read_population_rows(directory: Path | None = None) -> PopulationRows | None:
    """(code, population, year) of the 308 municipalities from the package, or None.

    Plain csv, no pandas: the store reads this when it seeds the municipalities."""
    path = (directory or package_dir()) / PACKAGE_POPULATION_FILE
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = [(r["code"], int(r["population"]), int(r["year"])) for r in csv.DictReader(handle)]
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("Ignoring packaged population: %s", exc)
        return None
    codes = [code for code, _, _ in rows]
    if len(codes) != len(set(codes)) or set(codes) != set(facts.municipality_by_code()):
        log.warning("Ignoring packaged population: it does not cover the 2025 municipalities")
        return None
    return rows


# --------------------------------------------------------------------------- what is in use


def area_geometries(*, cache_dir: Path | None = None, directory: Path | None = None) -> Any:
    """The areas the map draws: the user's cache, else the package, else None."""
    from yhdyspinta.geodata.loader import load_area_geometries

    cached = load_area_geometries(cache_dir=cache_dir)
    if cached is not None:
        return cached
    return read_geometries(PACKAGE_AREAS_FILE, {a.code for a in facts.areas()}, directory)


def municipality_geometries(*, cache_dir: Path | None = None, directory: Path | None = None) -> Any:
    """The municipalities the map draws: the user's cache, else the package, else None."""
    from yhdyspinta.geodata.loader import load_municipality_geometries

    cached = load_municipality_geometries(cache_dir=cache_dir)
    if cached is not None:
        return cached
    return read_geometries(PACKAGE_MUNICIPALITIES_FILE, set(facts.municipality_by_code()), directory)


def population_rows(*, cache_dir: Path | None = None, directory: Path | None = None) -> PopulationRows | None:
    """(code, population, year) for the store: the user's cache, else the package, else None."""
    if ((cache_dir or config.geo_cache_dir()) / CACHE_POPULATION_FILE).exists():
        from yhdyspinta.geodata.loader import load_population  # pandas and geopandas: only if needed

        cached = load_population(cache_dir=cache_dir)
        if cached is not None:
            return [(str(r.code), int(r.population), int(r.year)) for r in cached.itertuples()]
    return read_population_rows(directory)


def status_in_use(*, cache_dir: Path | None = None, directory: Path | None = None) -> Any:
    """`reference_status()` with every data set the cache lacks taken from the package (its
    origin then says so, and its licence and attribution come from the registry)."""
    from yhdyspinta.geodata.loader import reference_status

    status = reference_status(cache_dir=cache_dir)
    root = directory or package_dir()
    manifest = read_manifest(root)
    if manifest is None:
        return status
    boundaries = manifest.get("boundaries") if isinstance(manifest.get("boundaries"), dict) else {}
    population = manifest.get("population") if isinstance(manifest.get("population"), dict) else {}
    use_boundaries = not status.boundaries_ready and boundaries
    updates: dict[str, Any] = {}
    if use_boundaries:
        areas = area_geometries(cache_dir=cache_dir, directory=root)
        munis = municipality_geometries(cache_dir=cache_dir, directory=root)
        if areas is not None and munis is not None:
            updates["municipalities"] = _packaged(status.municipalities, root / PACKAGE_MUNICIPALITIES_FILE,
                                                  len(munis), boundaries, boundaries.get("input_year"))
            updates["areas"] = _packaged(status.areas, root / PACKAGE_AREAS_FILE, len(areas), boundaries,
                                         boundaries.get("input_year"))
    if not status.population.available and population:
        rows = read_population_rows(root)
        if rows is not None:
            updates["population"] = _packaged(status.population, root / PACKAGE_POPULATION_FILE, len(rows),
                                              population, population.get("year"))
    return replace(status, **updates) if updates else status


def _packaged(current: Any, path: Path, count: int, section: Mapping[str, Any], year: object) -> Any:
    source = section_source(section)
    return replace(current, path=path, available=True, count=count, year=year if isinstance(year, int) else None,
                   source=str(section.get("input")) if section.get("input") else None, updated_at=None,
                   licence=source.licence if source else None,
                   attribution=source.attribution if source else None, problem=None, origin=ORIGIN_PACKAGE,
                   data_source=source.name if source else None)
