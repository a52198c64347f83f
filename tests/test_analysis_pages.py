"""The four analysis pages through the entry file (AppTest): every language, with and
without an area and a municipality in the URL."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest import open_app
from yhdyspinta import indicators
from yhdyspinta.display import area_name
from yhdyspinta.i18n import LANGUAGES, column_label, enum_label, t
from yhdyspinta.indicators import finnish_today, labels
from yhdyspinta.store import repository
from yhdyspinta.store.engine import open_store

pytestmark = pytest.mark.usefixtures("fresh_caches")

PAGES = {"agreements": "nav.agreements", "forums": "nav.forums", "survey": "nav.survey", "maturity": "nav.maturity"}
QUERIES = {"all": {}, "area": {"alue": "13"}, "municipality": {"alue": "13", "kunta": "686"}}
AREA = 13



def render(page: str, query: dict[str, str]) -> AppTest:
    return open_app(f"{page}.py", query)


def chart_specs(at: AppTest) -> list[str]:
    """The Vega-Lite specs of the page's Altair charts, as JSON text (non-ASCII as is)."""
    return [json.dumps(json.loads(chart.proto.spec), ensure_ascii=False) for chart in at.get("vega_lite_chart")]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("query", QUERIES, ids=list(QUERIES))
@pytest.mark.parametrize("page", PAGES)
def test_page_renders_charts_and_tables(page: str, query: str, lang: str) -> None:
    at = render(page, {**QUERIES[query], "kieli": lang})
    assert [title.value for title in at.title] == [t(PAGES[page], lang)]
    specs = chart_specs(at)
    assert specs, "at least one chart"
    assert at.dataframe, "at least one table"
    assert all(json.loads(spec).get("title") for spec in specs), "every chart has a title"
    assert len(at.get("download_button")) >= 2, "the underlying rows can be downloaded"
    if query != "all":
        # The chosen area stands out among the whole country somewhere on the page.
        assert any("▶" in spec for spec in specs) or page == "survey"


def test_agreements_headline_and_national_context() -> None:
    at = render("agreements", QUERIES["area"])
    engine = open_store()
    frames = {k: repository.read_kind(engine, k) for k in (*indicators.KINDS_NEEDED, "changelog")}
    state = indicators.resolve(frames, finnish_today())
    council = indicators.evaluate("council_approved_municipalities", state, indicators.Scope(AREA))
    metrics = {m.label: m.value for m in at.metric}
    # The catalogue's figure, not a count of its own (tests/test_indicator_consistency.py covers all three).
    assert metrics[labels.label("council_approved_municipalities", "fi")] == labels.value_text(council, "fi")
    # The first table lists only the area's agreements; the grid still shows every area.
    assert set(at.dataframe[0].value[column_label("area_name", "fi")]) == {area_name(AREA, "fi")}
    interface = enum_label("AgreementKind", "yhdyspintasopimus", "fi")
    grid = next(df.value for df in at.dataframe if interface in df.value.columns)
    assert len(grid) == 23  # the 22 areas and Åland, out of scope
    assert "▶ Pohjois-Savo" in chart_specs(at)[0]


def test_municipality_filter_narrows_the_municipality_table() -> None:
    at = render("agreements", QUERIES["municipality"])
    tables = [df.value for df in at.dataframe]
    decisions = next(tb for tb in tables if t("analysis.agreements.council_decision", "fi") in tb.columns)
    assert set(decisions[column_label("municipality_code", "fi")]) == {"686"}


def test_survey_area_is_compared_with_the_whole_country() -> None:
    at = render("survey", {**QUERIES["area"], "kieli": "en"})
    specs = chart_specs(at)
    assert any("North Savo" in s and t("analysis.survey.national", "en") in s for s in specs)
    assert any(t("analysis.survey.small_n_note", "en", n=30)[:20] in c.value for c in at.caption)


def test_a_waves_chart_has_only_that_waves_rows_beside_it() -> None:
    """The tables under the chosen wave's charts (the area against the country, the groups)
    hold that wave's rows; the table under the chart of every wave holds them all."""
    at = render("survey", {**QUERIES["area"], "kieli": "en"})
    wave_column = column_label("wave", "en")
    chosen = at.selectbox(key="survey.wave").value
    waves = [set(df.value[wave_column]) for df in at.dataframe if wave_column in df.value.columns]
    assert len([w for w in waves if w == {chosen}]) == 2, (chosen, waves)  # the area chart's and the groups'
    assert any(len(w) > 1 for w in waves), "the example data has several waves; the waves chart shows them all"


def test_maturity_of_an_area_without_assessments_says_so() -> None:
    engine = open_store()  # the app's store, filled with the example data on the first run below
    render("maturity", {})
    assessed = set(repository.read_kind(engine, "maturity")["area_code"])
    missing = next(c for c in (90, 1, 2, 4, 5, 6) if c not in assessed)
    at = render("maturity", {"alue": str(missing)})
    assert any(area_name(missing, "fi") in info.value for info in at.info)
    assert chart_specs(at), "the national picture still shows"
