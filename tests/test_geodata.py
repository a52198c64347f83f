"""Reference data acquisition: one loader, the disk cache and the WFS download.

The official files come from ../shared/reference (or YHDYSPINTA_REFERENCE_DIR) and are only
read; everything written goes to tmp_path.
"""

from __future__ import annotations

import json
import os
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Literal

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from tests.geo_http import Mode, WfsServer, closed_port_url, population_layer, serve_wfs
from yhdyspinta import config, facts
from yhdyspinta.geodata import (
    AREAS_FILE,
    MANIFEST_FILE,
    MUNICIPALITIES_FILE,
    OFFLINE_HINT,
    POPULATION_FILE,
    SIMPLIFY_TOLERANCE_DEG,
    SOURCES,
    STATFI_MUNICIPALITIES,
    STATFI_POPULATION,
    BoundaryResult,
    ReferenceDataError,
    build_boundaries,
    fetch_reference,
    import_reference,
    load_area_geometries,
    load_municipality_geometries,
    load_population,
    loader,
    read_boundaries,
    read_population,
    reference_status,
    to_geojson,
)
from yhdyspinta.i18n import t

REPO_ROOT = Path(__file__).resolve().parents[1]
BOUNDARY_FILE = "kuntarajat_2024.geojson"
POPULATION_CSV = "population_by_municipality.csv"
MUNICIPALITIES_BUDGET = 300 * 1024
AREAS_BUDGET = 120 * 1024
PERTUNMAA, MANTYHARJU = "588", "507"
# Finnish national projected CRS: areas and lengths in metres for the geometry checks.
METRIC_CRS = "EPSG:3067"


def _reference_dir() -> Path:
    raw = os.environ.get(config.ENV_REFERENCE_DIR)
    return Path(raw) if raw else REPO_ROOT.parent / "shared" / "reference"


def _reference_file(name: str) -> Path:
    path = _reference_dir() / name
    if not path.is_file():
        pytest.skip(f"reference file {path} is absent (set {config.ENV_REFERENCE_DIR})")
    return path


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test writes its cache under tmp_path, never the real data/ folder."""
    data_dir = tmp_path / "data"
    monkeypatch.setenv(config.ENV_DATA_DIR, str(data_dir))
    monkeypatch.delenv("YHDYSPINTA_WFS_URL", raising=False)
    # A proxy from the environment would swallow requests meant for 127.0.0.1.
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ):
        monkeypatch.delenv(name, raising=False)
    return data_dir


@pytest.fixture(scope="module")
def boundary_path() -> Path:
    return _reference_file(BOUNDARY_FILE)


@pytest.fixture(scope="module")
def population_path() -> Path:
    return _reference_file(POPULATION_CSV)


@pytest.fixture(scope="module")
def raw_boundaries(boundary_path: Path) -> gpd.GeoDataFrame:
    return gpd.read_file(boundary_path)


@pytest.fixture(scope="module")
def built(boundary_path: Path) -> BoundaryResult:
    return build_boundaries(boundary_path)


def _metric_area(frame: gpd.GeoDataFrame, code: str | int) -> float:
    return float(frame.to_crs(METRIC_CRS).loc[frame["code"] == code].area.sum())


def _union_area(frame: gpd.GeoDataFrame) -> float:
    return float(shapely.union_all(frame.to_crs(METRIC_CRS).geometry.values).area)


# --------------------------------------------------------------------------- boundaries


def test_reference_file_gives_the_2025_division(built: BoundaryResult) -> None:
    municipalities, areas = built.municipalities, built.areas
    assert len(municipalities) == facts.MUNICIPALITY_COUNT_2025 == 308
    assert set(municipalities["code"]) == set(facts.municipality_by_code())
    assert len(areas) == 23
    assert set(areas["code"]) == {a.code for a in facts.areas()}
    assert facts.ALAND_AREA_CODE in set(areas["code"])
    for frame in (municipalities, areas):
        assert list(frame.columns) == ["code", "geometry"]
        assert frame.crs.to_epsg() == 4326
        assert not frame.geometry.is_empty.any()
        assert frame.geometry.is_valid.all()
    assert built.input_feature_count == 309
    assert built.code_field == "NATCODE"


def test_mantyharju_absorbs_pertunmaa(built: BoundaryResult, raw_boundaries: gpd.GeoDataFrame) -> None:
    raw = raw_boundaries.rename(columns={"NATCODE": "code"})
    before = _metric_area(raw, MANTYHARJU)
    pertunmaa = _metric_area(raw, PERTUNMAA)
    after = _metric_area(built.municipalities, MANTYHARJU)
    assert after == pytest.approx(before + pertunmaa, rel=0.01)
    assert after > before * 1.3
    assert PERTUNMAA not in set(built.municipalities["code"])
    assert any("Pertunmaa" in w and "Mäntyharju" in w for w in built.warnings)


def test_simplified_coverage_has_no_gaps(built: BoundaryResult, raw_boundaries: gpd.GeoDataFrame) -> None:
    municipalities, areas = built.municipalities, built.areas
    assert shapely.coverage_is_valid(municipalities.geometry.values)
    assert shapely.coverage_is_valid(areas.geometry.values)

    original_union = shapely.union_all(raw_boundaries.to_crs(METRIC_CRS).geometry.values)
    simplified_union = shapely.union_all(municipalities.to_crs(METRIC_CRS).geometry.values)
    assert simplified_union.area == pytest.approx(original_union.area, rel=0.01)
    # A sliver between two neighbours would show up as a new hole in the union.
    assert _interior_rings(simplified_union) <= _interior_rings(original_union)
    assert _union_area(areas) == pytest.approx(_union_area(municipalities), rel=1e-6)


def _interior_rings(geom: shapely.Geometry) -> int:
    return int(shapely.get_num_interior_rings(shapely.get_parts(geom)).sum())


def test_neighbours_still_share_borders(built: BoundaryResult, raw_boundaries: gpd.GeoDataFrame) -> None:
    raw = raw_boundaries.assign(code=raw_boundaries["NATCODE"].map(facts.successor_code))
    raw = raw.dissolve("code").reset_index().to_crs(METRIC_CRS)
    simplified = built.municipalities.to_crs(METRIC_CRS)
    original_pairs = _shared_border_pairs(raw)
    assert len(original_pairs) > 700
    assert _shared_border_pairs(simplified) == original_pairs


def _shared_border_pairs(frame: gpd.GeoDataFrame) -> set[tuple[str, str]]:
    """Pairs of municipalities whose common boundary is a line, not just a point."""
    geoms = frame.geometry.values
    codes = frame["code"].tolist()
    tree = shapely.STRtree(geoms)
    left, right = tree.query(geoms, predicate="touches")
    pairs = set()
    for i, j in zip(left.tolist(), right.tolist(), strict=True):
        if i < j and shapely.intersection(geoms[i].boundary, geoms[j].boundary).length > 100:
            pairs.add((codes[i], codes[j]))
    return pairs


def test_area_borders_follow_municipal_borders(built: BoundaryResult) -> None:
    municipal_lines = shapely.union_all(built.municipalities.geometry.boundary.values)
    area_lines = shapely.union_all(built.areas.geometry.boundary.values)
    # Same vertices, same edges: area borders lie on municipal borders exactly.
    assert shapely.difference(area_lines, municipal_lines).length < 1e-9


def test_payload_sizes_within_budget(built: BoundaryResult) -> None:
    municipalities_size = len(to_geojson(built.municipalities).encode())
    areas_size = len(to_geojson(built.areas).encode())
    assert municipalities_size <= MUNICIPALITIES_BUDGET, municipalities_size
    assert areas_size <= AREAS_BUDGET, areas_size
    payload = json.loads(to_geojson(built.municipalities))
    assert set(payload["features"][0]["properties"]) == {"code"}


def test_detailed_source_is_simplified_to_budget(
    boundary_path: Path, built: BoundaryResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    base_size = len(to_geojson(built.municipalities).encode())
    monkeypatch.setattr(loader, "MUNICIPALITY_PAYLOAD_BUDGET", base_size - 1)
    result = build_boundaries(boundary_path)
    assert result.simplify_tolerance_deg > SIMPLIFY_TOLERANCE_DEG
    assert len(to_geojson(result.municipalities).encode()) < base_size
    assert any("tolerance" in w for w in result.warnings)

    monkeypatch.setattr(loader, "MUNICIPALITY_PAYLOAD_BUDGET", 1)
    hopeless = build_boundaries(boundary_path)
    assert any("exceed the payload budget" in w for w in hopeless.warnings)
    assert len(hopeless.municipalities) == 308


def test_overlapping_input_is_cleaned_into_a_coverage(raw_boundaries: gpd.GeoDataFrame, tmp_path: Path) -> None:
    overlapping = raw_boundaries.copy()
    # Helsinki grows 0.01 degrees into its neighbours, as a careless hand edit might.
    overlapping["geometry"] = [
        shapely.buffer(geom, 0.01) if code == "091" else geom
        for code, geom in zip(overlapping["NATCODE"], overlapping.geometry, strict=True)
    ]
    path = tmp_path / "overlapping.geojson"
    overlapping.to_file(path)
    result = build_boundaries(path)
    assert any("cleaned" in w for w in result.warnings)
    assert shapely.coverage_is_valid(result.municipalities.geometry.values)
    assert shapely.coverage_is_valid(result.areas.geometry.values)


def _write_gpkg_3067(raw: gpd.GeoDataFrame, tmp: Path) -> Path:
    path = tmp / "kunnat.gpkg"
    raw.rename(columns={"NATCODE": "kunta"})[["kunta", "geometry"]].to_crs(METRIC_CRS).to_file(path)
    return path


def _write_zipped_shapefile(raw: gpd.GeoDataFrame, tmp: Path, *, with_prj: bool) -> Path:
    folder = tmp / "shp"
    folder.mkdir()
    frame = raw.rename(columns={"NATCODE": "kunta"})[["kunta", "geometry"]].to_crs(METRIC_CRS)
    frame["kunta"] = frame["kunta"].astype(int)  # codes stored as numbers lose their zeros
    frame.to_file(folder / "kunnat.shp")
    archive = tmp / "kunnat.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for member in folder.iterdir():
            if with_prj or member.suffix != ".prj":
                zipped.write(member, f"kuntarajat/{member.name}")
    return archive


def _write_geojson_without_crs(raw: gpd.GeoDataFrame, tmp: Path) -> Path:
    path = tmp / "kunnat.geojson"
    payload = json.loads(raw[["NATCODE", "geometry"]].to_json())
    payload.pop("crs", None)
    path.write_text(json.dumps(payload), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("writer", "expected_crs", "inferred"),
    [
        pytest.param(_write_gpkg_3067, "EPSG:3067", False, id="gpkg-3067-kunta"),
        pytest.param(
            lambda raw, tmp: _write_zipped_shapefile(raw, tmp, with_prj=True),
            "EPSG:3067",
            False,
            id="zipped-shp-int-codes",
        ),
        pytest.param(
            lambda raw, tmp: _write_zipped_shapefile(raw, tmp, with_prj=False),
            "EPSG:3067",
            True,
            id="zipped-shp-no-prj",
        ),
        pytest.param(_write_geojson_without_crs, "EPSG:4326", False, id="geojson-lonlat"),
    ],
)
def test_other_formats_and_crs_give_the_same_result(
    writer: Callable[[gpd.GeoDataFrame, Path], Path],
    expected_crs: str,
    inferred: bool,
    built: BoundaryResult,
    raw_boundaries: gpd.GeoDataFrame,
    tmp_path: Path,
) -> None:
    result = build_boundaries(writer(raw_boundaries, tmp_path))
    assert result.source_crs == expected_crs
    assert result.crs_inferred is inferred
    assert list(result.municipalities["code"]) == list(built.municipalities["code"])
    assert list(result.areas["code"]) == list(built.areas["code"])
    ours = result.municipalities.to_crs(METRIC_CRS).geometry.values
    reference = built.municipalities.to_crs(METRIC_CRS).geometry.values
    mismatch = shapely.area(shapely.symmetric_difference(ours, reference)) / shapely.area(reference)
    assert mismatch.max() < 0.01


def test_read_boundaries_accepts_bytes(boundary_path: Path) -> None:
    frame = read_boundaries(boundary_path.read_bytes())
    assert len(frame) == 309
    assert list(frame.columns) == ["code", "geometry"]
    assert frame["code"].str.fullmatch(r"\d{3}").all()


def _drop_code_field(raw: gpd.GeoDataFrame, tmp: Path) -> Path:
    path = tmp / "no_code.geojson"
    raw[["NAMEFIN", "geometry"]].to_file(path)
    return path


def _unknown_code(raw: gpd.GeoDataFrame, tmp: Path) -> Path:
    path = tmp / "unknown.geojson"
    frame = raw.copy()
    frame.loc[frame["NATCODE"] == "091", "NATCODE"] = "999"
    frame.to_file(path)
    return path


def _missing_municipality(raw: gpd.GeoDataFrame, tmp: Path) -> Path:
    path = tmp / "missing.geojson"
    raw[raw["NATCODE"] != "091"].to_file(path)
    return path


def _empty_file(_raw: gpd.GeoDataFrame, tmp: Path) -> Path:
    path = tmp / "empty.geojson"
    path.write_bytes(b"")
    return path


def _no_features(_raw: gpd.GeoDataFrame, tmp: Path) -> Path:
    path = tmp / "nothing.geojson"
    path.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    return path


def _garbage(_raw: gpd.GeoDataFrame, tmp: Path) -> Path:
    path = tmp / "garbage.geojson"
    path.write_bytes(b"this is not geographic data \x00\x01\x02")
    return path


def _points(raw: gpd.GeoDataFrame, tmp: Path) -> Path:
    path = tmp / "points.geojson"
    raw.assign(geometry=raw.geometry.representative_point())[["NATCODE", "geometry"]].to_file(path)
    return path


@pytest.mark.parametrize(
    ("writer", "expected"),
    [
        pytest.param(
            _drop_code_field,
            ["no_code.geojson", "code field", "NAMEFIN"],
            id="no-code-field",
        ),
        pytest.param(_unknown_code, ["unknown.geojson", "NATCODE", "999"], id="unknown-code"),
        pytest.param(_missing_municipality, ["missing.geojson", "091", "Helsinki"], id="missing"),
        pytest.param(_empty_file, ["empty.geojson", "empty"], id="empty-file"),
        pytest.param(_no_features, ["nothing.geojson", "no features"], id="no-features"),
        pytest.param(_garbage, ["garbage.geojson", "Could not read"], id="garbage"),
        pytest.param(_points, ["points.geojson", "polygon"], id="points"),
    ],
)
def test_bad_boundary_files_raise_clear_errors(
    writer: Callable[[gpd.GeoDataFrame, Path], Path],
    expected: list[str],
    raw_boundaries: gpd.GeoDataFrame,
    tmp_path: Path,
) -> None:
    with pytest.raises(ReferenceDataError) as error:
        build_boundaries(writer(raw_boundaries, tmp_path))
    for fragment in expected:
        assert fragment in str(error.value)


def test_bad_bytes_raise_clear_error() -> None:
    with pytest.raises(ReferenceDataError, match="not a GeoJSON"):
        build_boundaries(b"<html>Service unavailable</html>")


# --------------------------------------------------------------------------- population


def test_population_from_reference_csv(population_path: Path) -> None:
    raw = pd.read_csv(population_path, dtype={"municipality_code": str})
    latest = int(raw["year"].max())
    expected = int(
        raw.loc[
            (raw["year"] == latest) & raw["municipality_code"].isin([MANTYHARJU, PERTUNMAA]),
            "population",
        ].sum()
    )

    table = read_population(population_path)
    assert list(table.columns) == ["code", "year", "population"]
    assert len(table) == 308
    assert set(table["code"]) == set(facts.municipality_by_code())
    assert (table["year"] == latest).all()
    assert int(table.set_index("code").loc[MANTYHARJU, "population"]) == expected


@pytest.mark.parametrize(
    ("drop", "expected"),
    [
        pytest.param("population", "population column", id="no-population"),
        pytest.param("municipality_code", "municipality code column", id="no-code"),
        pytest.param("year", "year column", id="no-year"),
    ],
)
def test_population_missing_column(population_path: Path, tmp_path: Path, drop: str, expected: str) -> None:
    path = tmp_path / "pop.csv"
    pd.read_csv(population_path, dtype=str).drop(columns=[drop]).to_csv(path, index=False)
    with pytest.raises(ReferenceDataError) as error:
        read_population(path)
    assert expected in str(error.value)
    assert "pop.csv" in str(error.value)


def test_population_semicolon_csv_with_unknown_code(tmp_path: Path) -> None:
    path = tmp_path / "pop.csv"
    path.write_text("kunta;vuosi;vaesto\n005;2024;9000\n998;2024;1\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="998"):
        read_population(path)


# --------------------------------------------------------------------------- cache and import


def test_import_and_cache_round_trip(boundary_path: Path, population_path: Path) -> None:
    assert load_municipality_geometries() is None
    assert load_area_geometries() is None
    assert load_population() is None
    empty = reference_status()
    assert not empty.boundaries_ready
    assert empty.municipalities.problem == "not cached"

    boundaries = import_reference(boundary_path, year=2024)
    population = import_reference(population_path)
    assert boundaries.kinds == ("boundaries",)
    assert population.kinds == ("population",)
    assert any("Pertunmaa" in w for w in boundaries.warnings)

    cache = config.geo_cache_dir()
    for name in (MUNICIPALITIES_FILE, AREAS_FILE, POPULATION_FILE, MANIFEST_FILE):
        assert (cache / name).is_file(), name
    municipalities = load_municipality_geometries()
    areas = load_area_geometries()
    table = load_population()
    assert municipalities is not None and len(municipalities) == 308
    assert areas is not None and len(areas) == 23
    assert table is not None and len(table) == 308

    status = reference_status()
    assert status.complete
    assert status.municipalities.count == 308
    assert status.areas.count == 23
    assert status.municipalities.year == 2024
    assert status.municipalities.licence == "CC BY 4.0"
    assert "National Land Survey" in (status.municipalities.attribution or "")
    assert status.municipalities.source == str(boundary_path)
    assert status.municipalities.updated_at is not None
    assert status.population.year == int(pd.read_csv(population_path)["year"].max())
    summary = status.describe()
    assert "municipalities: 308 rows, year 2024" in summary
    assert "population: 308 rows" in summary


def test_status_describes_an_empty_cache() -> None:
    summary = reference_status().describe()
    assert "municipalities: not available (not cached)" in summary


def test_corrupt_cache_is_a_miss_not_a_crash(boundary_path: Path) -> None:
    import_reference(boundary_path)
    cache = config.geo_cache_dir()
    (cache / MUNICIPALITIES_FILE).write_bytes(b"PAR1 truncated")
    (cache / MANIFEST_FILE).write_text("{not json", encoding="utf-8")
    (cache / POPULATION_FILE).write_bytes(b"")

    assert load_municipality_geometries() is None
    assert load_population() is None
    assert load_area_geometries() is not None
    status = reference_status()
    assert not status.municipalities.available
    assert "unreadable" in (status.municipalities.problem or "")
    assert status.manifest_problem is not None
    assert not status.population.available


def test_import_rejects_unknown_file_type(tmp_path: Path) -> None:
    path = tmp_path / "kunnat.xlsx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(ReferenceDataError, match="unsupported file type"):
        import_reference(path)
    with pytest.raises(ReferenceDataError, match="File not found"):
        import_reference(tmp_path / "missing.geojson")


# --------------------------------------------------------------------------- registry and fetch


@pytest.mark.parametrize("source", list(SOURCES.values()), ids=list(SOURCES))
def test_each_source_is_credited_in_each_language(source: object) -> None:
    from yhdyspinta.display import source_credit

    name = source.name  # type: ignore[attr-defined]
    assert source_credit(name, "en") == source.attribution  # type: ignore[attr-defined]
    fi, sv = (source_credit(name, lang) for lang in ("fi", "sv"))
    assert len({fi, sv, source.attribution}) == 3, "Finnish and Swedish credits of their own"  # type: ignore[attr-defined]
    for credit in (fi, sv):
        assert credit.endswith(f"({source.licence})")  # type: ignore[attr-defined]


def test_a_users_own_file_is_credited_as_such_in_each_language(boundary_path: Path, population_path: Path) -> None:
    from yhdyspinta.display import licence_text, source_credit

    import_reference(boundary_path, year=2024)
    import_reference(population_path)  # its code column (municipality_code) names no registry source
    status = reference_status()
    assert status.municipalities.data_source == "nls_municipalities"
    assert status.population.data_source is None
    for lang in ("fi", "sv", "en"):
        assert source_credit(status.population.data_source, lang) == t("source.credit.unknown", lang)
        assert licence_text(status.population.licence, lang) == t("source.licence.unknown", lang)
        assert licence_text(status.municipalities.licence, lang) == "CC BY 4.0"
    assert "User-supplied" not in source_credit(None, "fi") + licence_text(status.population.licence, "fi")
    assert source_credit("no_such_source", "sv") == t("source.credit.unknown", "sv")


def test_registry_declares_licence_and_layers(monkeypatch: pytest.MonkeyPatch) -> None:
    for source in SOURCES.values():
        assert source.licence == "CC BY 4.0"
        assert source.attribution
    assert STATFI_MUNICIPALITIES.layer(2025) == "tilastointialueet:kunta4500k_2025"
    assert STATFI_POPULATION.layer(2024) == "vaestoalue:kunta_vaki2024"
    url = STATFI_MUNICIPALITIES.url(2025)
    assert url.startswith("https://geo.stat.fi/geoserver/wfs?")
    assert "srsName=EPSG%3A4326" in url
    monkeypatch.setenv("YHDYSPINTA_WFS_URL", "http://127.0.0.1:1/wfs")
    assert STATFI_MUNICIPALITIES.url(2025).startswith("http://127.0.0.1:1/wfs?")
    assert STATFI_MUNICIPALITIES.url(2025, "http://other/wfs").startswith("http://other/wfs?")


@pytest.fixture(scope="module")
def wfs_layers(boundary_path: Path, population_path: Path) -> dict[str, bytes]:
    # Only the previous year's population layer exists, as early in a year on the real service.
    return {
        STATFI_MUNICIPALITIES.layer(2025): boundary_path.read_bytes(),
        STATFI_POPULATION.layer(2024): population_layer(population_path),
    }


@pytest.fixture
def wfs(wfs_layers: dict[str, bytes]) -> Iterator[WfsServer]:
    with serve_wfs(wfs_layers) as server:
        yield server


def test_fetch_from_local_wfs(wfs: WfsServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("YHDYSPINTA_WFS_URL", wfs.base_url)
    result = fetch_reference(2025, timeout=5)

    assert len(result.boundaries.municipalities) == 308
    assert result.population is not None
    assert result.population.year == 2024
    requested = [r.get("typenames") for r in wfs.requests]
    assert requested == [
        "tilastointialueet:kunta4500k_2025",
        "vaestoalue:kunta_vaki2025",
        "vaestoalue:kunta_vaki2024",
    ]
    assert all(r.get("srsname") == "EPSG:4326" for r in wfs.requests)

    cache = config.geo_cache_dir()
    for name in (MUNICIPALITIES_FILE, AREAS_FILE, POPULATION_FILE, MANIFEST_FILE):
        assert (cache / name).is_file(), name
    status = reference_status()
    assert status.complete
    assert status.municipalities.year == 2025
    assert status.municipalities.source == result.boundaries_url
    assert status.municipalities.source.startswith(wfs.base_url)
    assert "Statistics Finland" in (status.municipalities.attribution or "")
    assert status.population.year == 2024
    manifest = json.loads((cache / MANIFEST_FILE).read_text(encoding="utf-8"))
    assert manifest["boundaries"]["data_source"] == STATFI_MUNICIPALITIES.name
    assert manifest["population"]["data_source"] == STATFI_POPULATION.name


def test_fetch_without_population_layer_warns(boundary_path: Path) -> None:
    with serve_wfs({STATFI_MUNICIPALITIES.layer(2025): boundary_path.read_bytes()}) as server:
        result = fetch_reference(2025, base_url=server.base_url, timeout=5)
    assert result.population is None
    assert any("Population was not downloaded" in w and "404" in w for w in result.warnings)
    assert reference_status().boundaries_ready
    assert not reference_status().population.available


GEOSERVER_EXCEPTION = (
    b'<?xml version="1.0" encoding="UTF-8"?><ows:ExceptionReport version="2.0.0" '
    b'xmlns:ows="http://www.opengis.net/ows/1.1"><ows:Exception exceptionCode="InvalidParameterValue">'
    b"<ows:ExceptionText>Feature type tilastointialueet:kunta4500k_2025 unknown</ows:ExceptionText>"
    b"</ows:Exception></ows:ExceptionReport>"
)
NOT_FINNISH = (
    b'{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kunta":"999"},'
    b'"geometry":{"type":"Polygon","coordinates":[[[25,61],[26,61],[26,62],[25,61]]]}}]}'
)


@pytest.mark.parametrize(
    ("mode", "layer", "expected"),
    [
        pytest.param("error500", None, "HTTP 500", id="server-error"),
        pytest.param("ok", None, "HTTP 404", id="unknown-layer"),
        pytest.param("ok", GEOSERVER_EXCEPTION, "kunta4500k_2025 unknown", id="wfs-exception"),
        pytest.param("ok", NOT_FINNISH, "could not be used", id="unusable-data"),
        pytest.param("hang", None, "in time", id="no-answer"),
        pytest.param("closed", None, "could not connect", id="closed-port"),
    ],
)
def test_fetch_failures_are_quick_and_clear(mode: Mode | Literal["closed"], layer: bytes | None, expected: str) -> None:
    layers = {STATFI_MUNICIPALITIES.layer(2025): layer} if layer else {}
    started = time.monotonic()
    with pytest.raises(ReferenceDataError) as error:
        if mode == "closed":
            fetch_reference(2025, base_url=closed_port_url(), timeout=2)
        else:
            with serve_wfs(layers, mode=mode) as server:
                fetch_reference(2025, base_url=server.base_url, timeout=1)
    assert time.monotonic() - started < 10
    message = str(error.value)
    assert expected in message
    assert "boundaries" in message
    assert OFFLINE_HINT in message
    assert not reference_status().boundaries_ready
