"""The boundaries and population shipped with the dashboard: built by our own reference
pipeline from the official files, small, deterministic, and what a first start without a
network or a reference folder uses until newer data is fetched or imported."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest
import shapely
from sqlalchemy import select

from tests.apptest import open_app
from yhdyspinta import facts, geodata, mapping
from yhdyspinta.cli import EXIT_BAD_INPUT, EXIT_OK, main
from yhdyspinta.geodata import package
from yhdyspinta.i18n import t
from yhdyspinta.indicators import labels
from yhdyspinta.store import repository as repo
from yhdyspinta.store import schema
from yhdyspinta.store.engine import open_store
from yhdyspinta.ui import plain

MANTYHARJU, PERTUNMAA = "507", "588"


def _reference_population(reference: Path) -> dict[str, int]:
    """The latest year of the official CSV, read here without the loader."""
    with (reference / package.POPULATION_INPUT).open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    latest = max(int(r["year"]) for r in rows)
    return {r["municipality_code"]: int(r["population"]) for r in rows if int(r["year"]) == latest}


def _files(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in package.PACKAGE_FILES}


# --------------------------------------------------------------------------- building


def test_a_rebuild_gives_the_same_bytes_within_the_size_bound(built_package: Path, reference: Path,
                                                               tmp_path: Path) -> None:
    summary = geodata.build_package(reference, tmp_path)
    assert _files(tmp_path) == _files(built_package)
    assert summary.total_bytes == sum(len(b) for b in _files(built_package).values())
    assert summary.total_bytes <= geodata.PACKAGE_SIZE_BUDGET, summary.describe()
    assert summary.municipality_count == 308 and summary.area_count == 23


def test_the_package_holds_the_2025_division_and_the_official_totals(built_package: Path, reference: Path) -> None:
    official = _reference_population(reference)
    rows = package.read_population_rows(built_package)
    assert rows is not None
    by_code = {code: population for code, population, _ in rows}
    assert set(by_code) == set(facts.municipality_by_code())
    assert PERTUNMAA not in by_code
    assert by_code[MANTYHARJU] == official[MANTYHARJU] + official[PERTUNMAA]
    assert sum(by_code.values()) == sum(official.values())
    manifest = package.read_manifest(built_package)
    assert manifest is not None
    assert manifest["population"]["total"] == sum(official.values())
    assert manifest["population"]["year"] == {year for _, _, year in rows}.pop()
    assert manifest["boundaries"]["input_feature_count"] == 309
    assert manifest["boundaries"]["division"] == 2025

    munis = package.read_geometries(package.PACKAGE_MUNICIPALITIES_FILE, set(facts.municipality_by_code()),
                                    built_package)
    areas = package.read_geometries(package.PACKAGE_AREAS_FILE, {a.code for a in facts.areas()}, built_package)
    assert munis is not None and len(munis) == 308
    assert areas is not None and len(areas) == 23
    # Coverage simplification: neighbours still share their borders (no gaps, no overlaps).
    assert shapely.coverage_is_valid(munis.geometry.values)
    assert shapely.coverage_is_valid(areas.geometry.values)


def test_packaged_geometry_is_the_loaders_within_rounding(built_package: Path, reference: Path) -> None:
    result = geodata.build_boundaries(reference / package.BOUNDARY_INPUT)
    shipped = package.read_geometries(package.PACKAGE_AREAS_FILE, {a.code for a in facts.areas()}, built_package)
    assert shipped is not None
    expected = result.areas.set_index("code").geometry
    tolerance = 10.0 ** -geodata.COORDINATE_DECIMALS
    for code, geom in zip(shipped["code"], shipped.geometry, strict=True):
        assert geom.equals_exact(expected[code], tolerance), code
    raw = geodata.read_boundaries(reference / package.BOUNDARY_INPUT)
    merged = shapely.union_all(raw.loc[raw["code"].isin([MANTYHARJU, PERTUNMAA]), "geometry"].values)
    munis = package.read_geometries(package.PACKAGE_MUNICIPALITIES_FILE, set(facts.municipality_by_code()),
                                    built_package)
    assert munis is not None
    mantyharju = munis.set_index("code").geometry[MANTYHARJU]
    assert abs(mantyharju.area - merged.area) / merged.area < 0.01, "Pertunmaa is part of Mäntyharju"


def test_what_ships_is_what_the_pipeline_builds(built_package: Path) -> None:
    shipped = package.DEFAULT_PACKAGE_DIR
    present = [name for name in package.PACKAGE_FILES if (shipped / name).is_file()]
    if not present:
        pytest.skip(f"no package data in {shipped}: build it with `python -m yhdyspinta reference package "
                    "--from DIR` (see the README)")
    assert present == list(package.PACKAGE_FILES), "all package files or none"
    assert _files(shipped) == _files(built_package), "rebuild with `python -m yhdyspinta reference package`"


def test_the_map_payload_from_the_package_is_within_budget(built_package: Path, tmp_path: Path) -> None:
    empty_cache = tmp_path / "geo"
    areas = mapping.payload_bytes(mapping.LEVEL_AREAS, cache_dir=empty_cache, package_dir=built_package)
    munis = mapping.payload_bytes(mapping.LEVEL_MUNICIPALITIES, cache_dir=empty_cache, package_dir=built_package)
    assert 0 < areas <= geodata.AREA_PAYLOAD_BUDGET
    assert 0 < munis <= geodata.MUNICIPALITY_PAYLOAD_BUDGET


def test_the_command_builds_the_package(reference: Path, tmp_path: Path, built_package: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pkg"
    assert main(["reference", "package", "--from", str(reference), "--out", str(out)]) == EXIT_OK
    assert "308 municipalities, 23 areas" in capsys.readouterr().out
    assert _files(out) == _files(built_package)
    assert main(["reference", "package", "--from", str(tmp_path / "missing"), "--out", str(out)]) == EXIT_BAD_INPUT
    assert package.PACKAGE_MANIFEST_FILE in [p.name for p in out.iterdir()]


# --------------------------------------------------------------------------- what is in use


def test_without_cache_the_package_is_used_and_credited(built_package: Path, tmp_path: Path) -> None:
    cache = tmp_path / "geo"
    assert geodata.area_geometries(cache_dir=cache, directory=built_package) is not None
    assert geodata.municipality_geometries(cache_dir=cache, directory=built_package) is not None
    status = geodata.status_in_use(cache_dir=cache, directory=built_package)
    assert status.complete
    assert {d.origin for d in status.datasets()} == {package.ORIGIN_PACKAGE}
    assert status.municipalities.attribution == geodata.get_source("nls_municipalities").attribution
    assert status.population.attribution == geodata.get_source("thl_sotkanet_population").attribution
    assert {d.licence for d in status.datasets()} == {"CC BY 4.0"}
    assert status.municipalities.year == 2024
    assert "shipped with the dashboard" in status.describe()


def test_an_import_takes_precedence_over_the_package(built_package: Path, reference: Path, tmp_path: Path) -> None:
    cache = tmp_path / "geo"
    geodata.import_reference(reference / package.BOUNDARY_INPUT, year=2024, cache_dir=cache)
    status = geodata.status_in_use(cache_dir=cache, directory=built_package)
    assert (status.municipalities.origin, status.areas.origin) == ("cache", "cache")
    assert status.population.origin == package.ORIGIN_PACKAGE, "population not imported: still the package's"
    assert status.municipalities.updated_at is not None

    population = tmp_path / "vaesto.csv"
    population.write_text("kunta;vuosi;vaesto\n" + "".join(f"{c};2025;1000\n" for c in facts.municipality_by_code()),
                          encoding="utf-8")
    geodata.import_reference(population, cache_dir=cache)
    rows = geodata.population_rows(cache_dir=cache, directory=built_package)
    assert rows is not None and {(p, y) for _, p, y in rows} == {(1000, 2025)}
    assert geodata.status_in_use(cache_dir=cache, directory=built_package).population.origin == "cache"


def test_a_missing_or_broken_package_means_no_data_not_a_crash(built_package: Path, tmp_path: Path) -> None:
    cache = tmp_path / "geo"
    assert geodata.area_geometries(cache_dir=cache, directory=tmp_path / "none") is None
    assert geodata.population_rows(cache_dir=cache, directory=tmp_path / "none") is None
    assert not geodata.status_in_use(cache_dir=cache, directory=tmp_path / "none").boundaries_ready
    broken = tmp_path / "broken"
    shutil.copytree(built_package, broken)
    (broken / package.PACKAGE_AREAS_FILE).write_text('{"type": "FeatureCollection", "feat', encoding="utf-8")
    (broken / package.PACKAGE_POPULATION_FILE).write_text("code,year,population\n005,2022,x\n", encoding="utf-8")
    assert geodata.area_geometries(cache_dir=cache, directory=broken) is None
    assert geodata.municipality_geometries(cache_dir=cache, directory=broken) is not None
    assert geodata.population_rows(cache_dir=cache, directory=broken) is None
    status = geodata.status_in_use(cache_dir=cache, directory=broken)
    assert not status.boundaries_ready and not status.population.available


# --------------------------------------------------------------------------- the store


@pytest.mark.usefixtures("with_package", "data_dir")
def test_a_new_store_gets_the_packaged_population_once(built_package: Path, store_url: str) -> None:
    engine = open_store(store_url)
    munis = repo.read_kind(engine, "municipalities")
    manifest = package.read_manifest(built_package)
    assert manifest is not None
    assert munis["population"].notna().all()
    assert int(munis["population"].sum()) == manifest["population"]["total"]
    assert set(munis["population_year"]) == {manifest["population"]["year"]}
    with engine.connect() as conn:
        notes = [r.note for r in conn.execute(select(schema.change_log.c.note, schema.change_log.c.action))
                 if r.action == repo.LogAction.SEED.value]
    assert len([n for n in notes if "population" in n]) == 1
    # A later start, or a store whose population came from an import, is left alone.
    repo.update_population(engine, [("005", 1, 2025)], actor="ref")
    engine.dispose()
    engine = open_store(store_url)
    assert repo.read_kind(engine, "municipalities").set_index("code").loc["005", "population"] == 1
    engine.dispose()


@pytest.mark.usefixtures("data_dir")
def test_without_package_the_store_has_no_population(tmp_path: Path) -> None:
    engine = open_store(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    assert repo.read_kind(engine, "municipalities")["population"].isna().all()


# --------------------------------------------------------------------------- the app


@pytest.mark.usefixtures("fresh_caches", "with_package")
@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_first_start_shows_the_population_share_and_credits_it(lang: str) -> None:
    at = open_app(None, {"kieli": lang})
    metrics = {m.label: m.value for m in at.metric}
    share = metrics[labels.label("council_approved_population_share", lang)]
    assert re.fullmatch(r"\d{1,3},\d %", share.replace("\xa0", " ")), share
    captions = [c.value for c in at.caption]
    population = plain.escape(t("source.credit.thl_sotkanet_population", lang))  # captions are plain text
    assert any(population in c for c in captions), captions
    boundaries = plain.escape(t("source.credit.nls_municipalities", lang))
    assert any(boundaries in c for c in captions), "the small map credits its boundaries"
    # The credits in the reader's language, not the registry's English titles.
    assert not any("National Land Survey" in c or "population by municipality" in c for c in captions), captions
    assert not any(t("banner.no_boundaries", lang) in c for c in captions)
    assert at.get("deck_gl_json_chart"), "the overview's small map is drawn, not the tile grid"


@pytest.mark.usefixtures("fresh_caches", "with_package")
@pytest.mark.parametrize("level", mapping.LEVELS)
def test_first_start_map_draws_the_real_boundaries(level: str) -> None:
    at = open_app("map.py", {"kieli": "sv"})
    at.radio(key="map.level").set_value(level).run()
    assert not at.exception, [e.value for e in at.exception]
    decks = [json.loads(el.proto.json) for el in at.get("deck_gl_json_chart")]
    assert len(decks) == 1
    features = decks[0]["layers"][0]["data"]["features"]
    assert len(features) == (23 if level == mapping.LEVEL_AREAS else 308)
    assert not at.get("vega_lite_chart"), "no tile grid"
    assert not at.warning
    credit = t("source.credit.nls_municipalities", "sv")
    assert credit.startswith("Lantmäteriverket")
    assert any(plain.escape(credit) in c.value for c in at.caption)


@pytest.mark.usefixtures("fresh_caches", "with_package")
def test_reference_page_says_the_data_is_packaged() -> None:
    at = open_app("reference.py", {"kieli": "fi"})
    table = at.table[0].value  # each cell as escaped Markdown, so it shows as the text it is
    sources = list(table[t("reference.col.source", "fi")])
    assert all(plain.escape(t("reference.origin.package", "fi")) in s for s in sources), sources
    credits = list(table[t("reference.col.attribution", "fi")])
    assert plain.escape(t("source.credit.thl_sotkanet_population", "fi")) in credits, credits
    assert not any("population by municipality" in c or "National Land Survey" in c for c in credits), credits
    assert t("reference.packaged", "fi") in [c.value for c in at.caption]
    assert not at.warning
