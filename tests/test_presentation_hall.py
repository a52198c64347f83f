"""Presentation mode in a hall: the slide's address and its QR code, the forum mode's coverage,
and presentation type of 20 px or more in every slide's chart."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from tests.apptest import open_app
from yhdyspinta import charts, facts, indicators, mapping, share, slides
from yhdyspinta import profile as prof
from yhdyspinta.domain import OrgType
from yhdyspinta.filters import Filters
from yhdyspinta.indicators import finnish_today
from yhdyspinta.indicators.asof import as_date, at_forum
from yhdyspinta.kinds import KINDS
from yhdyspinta.store import repository as repo
from yhdyspinta.store.engine import open_store
from yhdyspinta.ui.charting import build_spec
from yhdyspinta.ui.slideshow import KEY_FORUM, PARAM_FORUM, PARAM_VIEW, VIEWS

COVERAGE_VIEW = next(i for i, v in enumerate(VIEWS, 1) if v.title_key == "present.view.coverage")


@pytest.mark.parametrize(("base", "filters", "view", "forum", "expected"), [
    ("http://127.0.0.1:8501/", Filters(), 1, None, "http://127.0.0.1:8501/?esitys=1&nakyma=1&kieli=fi"),
    ("https://yhdyspinta.example", Filters("sv", 13), 3, None,
     "https://yhdyspinta.example/?esitys=1&nakyma=3&kieli=sv&alue=13"),
    ("https://x.example/app/kartta", Filters("en", 13, ("257", "297")), 2, None,
     "https://x.example/app/kartta?esitys=1&nakyma=2&kieli=en&alue=13&kunta=257,297"),
    ("https://x.example/?stale=1#top", Filters(), 7, date(2026, 11, 29),
     "https://x.example/?esitys=1&nakyma=7&kieli=fi&foorumi=2026-11-29"),
])
def test_slide_url_names_view_area_language_and_forum(base: str, filters: Filters, view: int, forum: date | None,
                                                      expected: str) -> None:
    assert share.slide_url(base, filters, view, forum=forum) == expected


@pytest.mark.parametrize(("base", "view"), [("javascript:alert(1)", 1), ("/relative", 1), ("http://h/", 0)])
def test_slide_url_refuses_what_is_not_a_slide(base: str, view: int) -> None:
    with pytest.raises(ValueError):
        share.slide_url(base, Filters(), view)


@pytest.mark.parametrize(("raw", "expected"), [
    (None, None), ("", None), ("ftp://x/", None), ("  https://yhdyspinta.example/app  ", "https://yhdyspinta.example/app/"),
    ("http://h", "http://h/"),
])
def test_public_url_from_the_environment(monkeypatch: pytest.MonkeyPatch, raw: str | None,
                                         expected: str | None) -> None:
    from yhdyspinta import config

    if raw is None:
        monkeypatch.delenv(config.ENV_PUBLIC_URL, raising=False)
    else:
        monkeypatch.setenv(config.ENV_PUBLIC_URL, raw)
    assert config.public_url() == expected


def zbar_decode(png: Path) -> list[str]:
    """Every QR code zbarimg finds in `png`."""
    found = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(png)],
                           capture_output=True, text=True, timeout=30, check=False)
    return [line for line in found.stdout.splitlines() if line]


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbarimg (Debian zbar-tools) is not installed")
def test_qr_code_reads_back_as_the_url(tmp_path: Path) -> None:
    url = share.slide_url("https://yhdyspinta.example/", Filters("sv", 13), 7, forum=date(2026, 11, 29))
    path = tmp_path / "qr.png"
    path.write_bytes(share.qr_png(url, scale=3))
    assert zbar_decode(path) == [url]


FORUMS = (slides.ForumChoice(date(2026, 12, 10), "next"), slides.ForumChoice(date(2026, 11, 29), "today"),
          slides.ForumChoice(date(2026, 5, 1), "spring"))


@pytest.mark.parametrize(("choices", "today", "expected"), [
    (FORUMS, date(2026, 11, 29), "today"),
    (FORUMS, date(2026, 11, 30), "today"),  # the latest held
    (FORUMS, date(2026, 12, 10), "next"),
    (FORUMS, date(2026, 1, 1), "spring"),  # none held yet: the next to come
    (FORUMS[:1], date(2026, 1, 1), "next"),
    ((), date(2026, 1, 1), None),
])
def test_the_forum_shown_by_default(choices: tuple[slides.ForumChoice, ...], today: date,
                                    expected: str | None) -> None:
    chosen = slides.default_forum(choices, today)
    assert (chosen.title if chosen else None) == expected


def test_forum_choices_newest_first() -> None:
    forums = pd.DataFrame({"held_on": ["2025-03-01", "2026-11-29", None, "2024-01-02"], "title": ["b", "c", "x", "a"]})
    assert [c.title for c in slides.forum_choices(forums)] == ["c", "b", "a"]


@pytest.fixture(scope="module")
def example() -> Iterator[tuple[dict[str, pd.DataFrame], indicators.AsOf]]:
    frames = mapping.example_frames()
    yield frames, indicators.resolve(frames, date(2026, 11, 29))


def _present_at(frames: dict[str, pd.DataFrame], day: date) -> set[tuple[str, str]]:
    """Organisations with participants at the forum on `day`, read straight from the rows."""
    rows = frames["participation"]
    return {(str(r.org_type), str(r.org_key)) for r in rows.itertuples()
            if as_date(r.forum_date) == day and r.participants > 0}


def test_coverage_counts_the_participants_of_that_forum_only(example: tuple[dict[str, pd.DataFrame],
                                                                            indicators.AsOf]) -> None:
    frames, state = example
    days = sorted(state.forums_held)
    assert len(days) >= 2, "the example data has forums to tell apart"
    for day in days[-2:]:
        present = _present_at(frames, day)
        country = slides.forum_coverage(state, day, Filters())
        for row in country.itertuples():
            members = {m.code for m in facts.municipalities() if m.area_code == int(row.code)}
            assert row.present == len({k for t_, k in present if t_ == OrgType.MUNICIPALITY} & members), row
            assert row.members == len(members)
            assert (row.county == "Paikalla") == ((OrgType.AREA.value, row.code) in present), row
        area = slides.forum_coverage(state, day, Filters("sv", 13))
        assert area["code"].iloc[0] == "13"
        assert area["present"].iloc[0] == int((OrgType.AREA.value, "13") in present)
        for row in area.iloc[1:].itertuples():
            assert row.present == int((OrgType.MUNICIPALITY.value, row.code) in present), row
        assert set(area["status"]) <= {"På plats", "Inga deltagare"}


def test_a_forum_not_yet_held_has_no_coverage(example: tuple[dict[str, pd.DataFrame], indicators.AsOf]) -> None:
    _frames, state = example
    later = at_forum(state, date(2099, 1, 1))
    assert later.forums_held == frozenset() and not later.attended
    assert indicators.evaluate("municipalities_participated", later).numerator == 0


def _font_sizes(node: Any, path: str = "") -> Iterator[tuple[str, float]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key.lower().endswith("fontsize") and isinstance(value, int | float):
                yield f"{path}.{key}", value
            else:
                yield from _font_sizes(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _font_sizes(value, f"{path}[{i}]")


def _slide_specs(frames: dict[str, pd.DataFrame], state: indicators.AsOf, filters: Filters,
                 package: Path) -> dict[str, dict]:
    views = slides.build_views(frames, state, filters)
    lang = filters.lang
    day = max(state.forums_held)
    coverage = slides.forum_coverage(state, day, filters)
    values = mapping.indicator_values(mapping.AGREEMENT_STATUS, mapping.LEVEL_AREAS, state, lang)
    specs = {
        "status": build_spec(slides.status_chart, views.status, lang),
        "forums": build_spec(slides.forum_chart, views.forums, lang),
        "maturity": build_spec(slides.maturity_chart, views.maturity, lang),
        "coverage": build_spec(slides.coverage_chart, coverage, "title", lang),
        "tiles": build_spec(slides.projector_tile_map, charts.indicator_tile_frame(mapping.tile_values(values), lang),
                            [c.label for c in values.classes], [c.colour for c in values.classes], "t", "l", lang,
                            show_legend=False),
    }
    if views.survey is not None:
        long = prof.survey_long(views.survey, filters.area, lang)
        specs["survey"] = build_spec(slides.survey_slide, long, views.survey, lang)
    specs["map"] = _map_spec(state, filters, package)
    return specs


def _map_spec(state: indicators.AsOf, filters: Filters, package: Path) -> dict:
    """The map slide's SVG map as ui.map.slide_map_spec builds it (boundaries packaged from the
    official reference files)."""
    from yhdyspinta.geodata import area_geometries, municipality_geometries

    areas = area_geometries(directory=package)
    level = mapping.LEVEL_AREAS if filters.area is None else mapping.LEVEL_MUNICIPALITIES
    values = mapping.indicator_values(mapping.AGREEMENT_STATUS, level, state, filters.lang)
    shapes = areas if filters.area is None else municipality_geometries(directory=package)
    outline = (None if filters.area is None
               else pd.DataFrame({"geometry": mapping.outline_geometries(areas, filters.area)}))
    return build_spec(slides.projector_map, mapping.shape_frame(values, shapes, filters.area), outline, "title",
                      level == mapping.LEVEL_MUNICIPALITIES, 860, 600, filters.lang)


@pytest.mark.parametrize(("filters", "shapes"), [(Filters(), 23), (Filters("sv", 13), 19)], ids=["country", "area-sv"])
def test_map_slide_shapes_take_the_map_views_colours(example: tuple[dict[str, pd.DataFrame], indicators.AsOf],
                                                     filters: Filters, shapes: int, built_package: Path) -> None:
    """Each shape is filled with the colour the map view gave its unit (no scale, no second
    computation), named and valued as the view's table; Web Mercator fitted to the shapes."""
    _, state = example
    spec = _map_spec(state, filters, built_package)
    level = mapping.LEVEL_AREAS if filters.area is None else mapping.LEVEL_MUNICIPALITIES
    frame = mapping.indicator_values(mapping.AGREEMENT_STATUS, level, state, filters.lang).frame
    expected = {str(r.name): (str(r.colour), str(r.label)) for r in frame.itertuples()}
    layers = spec["layer"]
    features = (layers[0].get("data") or spec["data"])["values"]  # Altair lifts a lone layer's data
    assert len(features) == shapes
    assert {f["name"]: (f["colour"], f["tip"].split(" (")[0]) for f in features} == {
        f["name"]: expected[f["name"]] for f in features}
    assert layers[0]["encoding"]["color"] == {"field": "colour", "scale": None, "type": "nominal"}
    assert spec["projection"] == {"type": slides.MAP_PROJECTION}
    assert len(layers) == (1 if filters.area is None else 2)  # the chosen area's outline on top
    if filters.area is not None:
        assert {f["area"] for f in features} == {facts.area_by_code()[filters.area].name(filters.lang)}


@pytest.mark.parametrize("filters", [Filters(), Filters("sv", 13)], ids=["country", "area-sv"])
def test_every_slide_chart_is_set_in_presentation_type(example: tuple[dict[str, pd.DataFrame], indicators.AsOf],
                                                       filters: Filters, built_package: Path) -> None:
    frames, state = example
    for name, spec in _slide_specs(frames, state, filters, built_package).items():
        config = spec["config"]
        for part, key in (("axis", "labelFontSize"), ("axis", "titleFontSize"), ("legend", "labelFontSize"),
                          ("legend", "titleFontSize"), ("title", "fontSize"), ("text", "fontSize")):
            assert config[part][key] >= slides.FONT, (name, part, key)
        small = [(where, size) for where, size in _font_sizes(spec) if size < slides.FONT]
        assert small == [], (name, small)


@pytest.mark.usefixtures("fresh_caches")
def test_forum_view_shows_attendance_recorded_after_it_opened(monkeypatch: pytest.MonkeyPatch) -> None:
    """The slide reads the data version on every run: attendance recorded while it is on the
    screen shows on the next rerun (the live check reruns it), and its QR code names the forum."""
    monkeypatch.setenv("YHDYSPINTA_PUBLIC_URL", "https://yhdyspinta.example/")
    today = finnish_today()
    at = open_app(None, {"esitys": "1", PARAM_VIEW: str(COVERAGE_VIEW), "alue": "13"})
    engine = open_store()
    forum = KINDS["forums"].validate({"held_on": today.isoformat(), "theme": "hyte", "title": "Tämän päivän foorumi"})
    repo.apply_changes(engine, "forums", repo.plan_upsert(engine, "forums", [forum]).changes, actor="lead@x.fi")
    at.run()
    assert at.selectbox(key=KEY_FORUM).value.day == today, "today's forum is picked by default"
    assert at.get("vega_lite_chart"), "the coverage chart is drawn"
    table = at.dataframe[0].value
    kuopio = table[table.iloc[:, 0] == "Kuopio"]
    assert kuopio.iloc[0, 2] == "Ei osallistujia"
    record = KINDS["participation"].validate({"forum_date": today.isoformat(), "org_type": OrgType.MUNICIPALITY.value,
                                             "org_key": "297", "participants": 3})
    repo.apply_changes(engine, "participation", repo.plan_upsert(engine, "participation", [record]).changes,
                       actor="lead@x.fi")
    at.run()
    assert not at.exception
    table = at.dataframe[0].value
    assert table[table.iloc[:, 0] == "Kuopio"].iloc[0, 2] == "Paikalla"
    images = at.get("image")
    assert len(images) == 1, "the slide shows its QR code"
    url = share.slide_url("https://yhdyspinta.example/", Filters("fi", 13), COVERAGE_VIEW, forum=today)
    assert f"{PARAM_FORUM}={today.isoformat()}" in url
    shown = images[0].proto.imgs[0]
    assert shown.alt.endswith(url), "the alt text gives the address as text"
    assert shown.url.endswith(".png"), "the code is sent as PNG, not a lossy JPEG"


@pytest.mark.usefixtures("fresh_caches")
@pytest.mark.parametrize("raw", ["2099-01-01", "x" * 10, "2026-02-30", "1" * 500, ""])
def test_forum_in_the_url_picks_the_forum_or_falls_back(raw: str) -> None:
    """A forum on the URL's day is shown (one still to come says so, with no chart); anything
    else falls back to the default forum without an error."""
    at = open_app(None, {"esitys": "1", PARAM_VIEW: str(COVERAGE_VIEW)})
    default = at.selectbox(key=KEY_FORUM).value
    engine = open_store()
    future = KINDS["forums"].validate({"held_on": "2099-01-01", "theme": "hyte", "title": "Tuleva"})
    repo.apply_changes(engine, "forums", repo.plan_upsert(engine, "forums", [future]).changes, actor="lead@x.fi")
    at.query_params[PARAM_FORUM] = raw
    at.run()
    assert not at.exception
    chosen = at.selectbox(key=KEY_FORUM).value
    if raw == "2099-01-01":
        assert chosen.day == date(2099, 1, 1)
        assert not at.get("vega_lite_chart"), "no coverage before the forum is held"
        assert any("Tuleva" in m.value and "2099" in m.value for m in at.markdown), "says it is still to come"
    else:
        assert chosen == default
        assert at.get("vega_lite_chart")
