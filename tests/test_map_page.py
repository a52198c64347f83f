"""The map page (Kartta) through the entry file, with and without boundaries (AppTest)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest import TIMEOUT, open_app
from yhdyspinta import mapping
from yhdyspinta.i18n import t

pytestmark = pytest.mark.usefixtures("fresh_caches")

BOUNDARY_FILE = "kuntarajat_2024.geojson"



@pytest.fixture(scope="module")
def boundary_cache(reference: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference boundaries imported once; each test copies the cache into its data dir."""
    from yhdyspinta.geodata import import_reference

    folder = tmp_path_factory.mktemp("geo")
    import_reference(reference / BOUNDARY_FILE, cache_dir=folder)
    return folder


@pytest.fixture
def with_boundaries(data_dir: Path, boundary_cache: Path) -> Path:
    import shutil

    shutil.copytree(boundary_cache, data_dir / "geo")
    return data_dir


def render(query: dict[str, str] | None = None) -> AppTest:
    return open_app("map.py", query)


def deck_specs(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.json) for el in at.get("deck_gl_json_chart")]


def choose(at: AppTest, indicator: str, level: str) -> AppTest:
    at.selectbox(key="map.indicator").select(indicator).run()
    at.radio(key="map.level").set_value(level).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def table(at: AppTest):  # the last dataframe on the page is the map's data table
    return at.dataframe[-1].value


@pytest.mark.usefixtures("with_boundaries")
def test_page_draws_a_deck_map_with_legend_table_and_source() -> None:
    at = render()
    assert [x.value for x in at.title] == [t("nav.map", "fi")]
    specs = deck_specs(at)
    assert len(specs) == 1
    spec = specs[0]
    assert spec.get("mapStyle") == "__MAP_STYLE__", "no base map from the internet"
    ids = [layer["id"] for layer in spec["layers"]]
    assert ids == [mapping.LAYER_FILL], "explicit layer ids, areas need no extra borders"
    features = spec["layers"][0]["data"]["features"]
    assert len(features) == 23
    assert {f["properties"]["n"] for f in features} >= {"Pohjois-Savon hyvinvointialue", "Ahvenanmaa"}
    assert len(at.dataframe) == 2  # legend and table
    assert len(table(at)) == 23
    # The credit comes from the source registry, shown as text (Markdown punctuation escaped).
    assert any("CC BY 4.0" in c.value.replace("\\", "") for c in at.caption)
    assert not at.warning


@pytest.mark.usefixtures("with_boundaries")
def test_a_rerun_sends_the_identical_spec() -> None:
    at = render()
    first = at.get("deck_gl_json_chart")[0].proto.json
    at.run()
    assert at.get("deck_gl_json_chart")[0].proto.json == first


@pytest.mark.usefixtures("with_boundaries")
@pytest.mark.parametrize("level", mapping.LEVELS)
@pytest.mark.parametrize("indicator", mapping.INDICATORS)
def test_every_indicator_on_both_levels(indicator: str, level: str) -> None:
    at = choose(render(), indicator, level)
    spec = deck_specs(at)[0]
    expected = 308 if level == mapping.LEVEL_MUNICIPALITIES else 23
    assert len(spec["layers"][0]["data"]["features"]) == expected
    if level == mapping.LEVEL_MUNICIPALITIES:
        assert [layer["id"] for layer in spec["layers"]] == [mapping.LAYER_FILL, mapping.LAYER_AREA_BORDERS]
    assert len(table(at)) == expected
    assert mapping.indicator_title(indicator, level, "fi") in table(at).columns
    budget = mapping.SPEC_BUDGETS[level]
    assert len(at.get("deck_gl_json_chart")[0].proto.json.encode()) <= budget


@pytest.mark.usefixtures("with_boundaries")
def test_area_in_the_url_zooms_to_it_and_filters_the_table() -> None:
    whole = deck_specs(render())[0]["initialViewState"]
    at = render({"alue": "13"})
    spec = deck_specs(at)[0]
    view = spec["initialViewState"]
    assert view["zoom"] > whole["zoom"] + 0.5
    assert 26 < view["longitude"] < 29.5 and 62 < view["latitude"] < 64.5  # Pohjois-Savo
    assert [layer["id"] for layer in spec["layers"]] == [mapping.LAYER_FILL, mapping.LAYER_SELECTION]
    assert list(table(at)[t("map.col.area", "fi")]) == ["Pohjois-Savon hyvinvointialue"]
    choose(at, mapping.FORUM_PARTICIPATION, mapping.LEVEL_MUNICIPALITIES)
    assert set(table(at)[t("map.col.area", "fi")]) == {"Pohjois-Savon hyvinvointialue"}
    assert len(table(at)) == 19


@pytest.mark.usefixtures("with_boundaries")
def test_survey_statement_can_be_chosen() -> None:
    at = choose(render(), mapping.SURVEY_VALUE, mapping.LEVEL_AREAS)
    statements = at.selectbox(key="map.statement").options
    assert len(statements) == 8
    before = deck_specs(at)[0]
    at.selectbox(key="map.statement").select(statements[-1]).run()
    assert not at.exception
    assert deck_specs(at)[0] != before


@pytest.mark.usefixtures("with_boundaries")
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_names_and_labels_follow_the_language(lang: str) -> None:
    at = render({"kieli": lang})
    assert at.title[0].value == t("nav.map", lang)
    names = {f["properties"]["n"].strip() for f in deck_specs(at)[0]["layers"][0]["data"]["features"]}
    assert {"sv": "Norra Savolax välfärdsområde", "en": "North Savo wellbeing services county"}[lang] in names
    assert {"sv": "Åland", "en": "Åland"}[lang] in names


def test_without_boundaries_shows_the_tile_grid_and_the_banner() -> None:
    """Neither imported nor packaged boundaries (tests/conftest.py turns the package off): the
    fallback. A first start with the package is in tests/test_geo_package.py."""
    at = render()
    assert not at.get("deck_gl_json_chart")
    assert any(t("banner.no_boundaries", "fi") in w.value for w in at.warning)
    assert at.get("vega_lite_chart"), "the tile grid"
    assert len(table(at)) == 23


@pytest.mark.parametrize("level", mapping.LEVELS)
@pytest.mark.parametrize("indicator", mapping.INDICATORS)
def test_without_boundaries_every_indicator_renders(indicator: str, level: str) -> None:
    at = choose(render({"alue": "13"}), indicator, level)
    assert at.get("vega_lite_chart")
    assert any(t("banner.no_boundaries", "fi") in w.value for w in at.warning)
    assert len(table(at)) == (19 if level == mapping.LEVEL_MUNICIPALITIES else 1)


def _components_app() -> None:
    from yhdyspinta.filters import Filters
    from yhdyspinta.ui import data
    from yhdyspinta.ui import map as ui_map

    version = data.data_version()
    ui_map.small_map(Filters(), version, key="test.small")
    ui_map.choropleth(Filters(lang="sv", area=13), version, indicator="survey_value", level="municipalities",
                      key="test.survey")
    ui_map.choropleth(Filters(), version, indicator="forum_coverage", level="areas", key="test.forums", height=400)


@pytest.mark.parametrize("boundaries", [True, False], ids=["with_boundaries", "without_boundaries"])
def test_components_for_other_pages(boundaries: bool, request: pytest.FixtureRequest) -> None:
    if boundaries:
        request.getfixturevalue("with_boundaries")
    at = AppTest.from_function(_components_app, default_timeout=TIMEOUT).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="test.survey.statement").options, "the survey map asks which statement"
    assert len(at.expander) == 3, "every map's data as a table"
    if boundaries:
        specs = deck_specs(at)
        assert [len(s["layers"][0]["data"]["features"]) for s in specs] == [23, 308, 23]
        assert specs[1]["initialViewState"]["zoom"] > specs[0]["initialViewState"]["zoom"]  # zoomed to area 13
        assert "Kuopio" in {f["properties"]["n"] for f in specs[1]["layers"][0]["data"]["features"]}
    else:
        assert not at.get("deck_gl_json_chart")
        assert len(at.get("vega_lite_chart")) == 3
        assert len(at.warning) == 2  # the small map says it in a caption
