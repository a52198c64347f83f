"""Presentation mode (?esitys=1): every view renders, next/previous move through them and the
URL follows, the filters apply, and there is no sidebar."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest import open_app
from yhdyspinta import indicators, slides
from yhdyspinta.display import area_name
from yhdyspinta.domain import SMALL_N_THRESHOLD
from yhdyspinta.filters import Filters
from yhdyspinta.i18n import t
from yhdyspinta.indicators import finnish_today, labels
from yhdyspinta.ui.slideshow import KEY_EXIT, KEY_NEXT, KEY_PREV, KEY_START, PARAM_VIEW, VIEWS, view_index

pytestmark = pytest.mark.usefixtures("fresh_caches")


@pytest.mark.parametrize(
    ("raw", "index"),
    [(None, 0), ("1", 0), ("2", 1), (" 3 ", 2), (str(len(VIEWS)), len(VIEWS) - 1), ("99", len(VIEWS) - 1),
     ("0", 0), ("-1", 0), ("x", 0), ("", 0), ("²", 0), ("９", 0), pytest.param("9" * 5000, 0, id="5000-digits")],
)
def test_view_index_from_the_url(raw: str | None, index: int) -> None:
    assert view_index(raw, len(VIEWS)) == index



def present_at(query: dict[str, str]) -> AppTest:
    return open_app(None, {"esitys": "1", **query})


def assert_no_sidebar(at: AppTest) -> None:
    assert len(at.sidebar.children) == 0, "nothing is written to the sidebar"


@pytest.mark.parametrize("number", range(1, len(VIEWS) + 1))
@pytest.mark.parametrize("query", [{}, {"alue": "13", "kieli": "sv"}], ids=["country", "area-sv"])
def test_every_view_renders_without_a_sidebar(number: int, query: dict[str, str]) -> None:
    at = present_at({**query, PARAM_VIEW: str(number)})
    lang = query.get("kieli", "fi")
    assert at.title[0].value == t(VIEWS[number - 1].title_key, lang)
    assert_no_sidebar(at)
    assert any(f"{number} / {len(VIEWS)}" in m.value for m in at.markdown)
    if "alue" in query:
        assert any(area_name(13, "sv").strip() in m.value for m in at.markdown)
    assert at.metric or at.get("vega_lite_chart"), "each view shows figures or a chart"
    assert at.button(key=KEY_PREV).disabled == (number == 1)
    assert at.button(key=KEY_NEXT).disabled == (number == len(VIEWS))


def test_next_and_previous_move_through_the_views_and_the_url() -> None:
    at = present_at({})
    seen = [at.title[0].value]
    for number in range(2, len(VIEWS) + 1):
        at.button(key=KEY_NEXT).click().run()
        assert not at.exception
        assert at.query_params[PARAM_VIEW] == str(number)
        seen.append(at.title[0].value)
    assert seen == [t(v.title_key, "fi") for v in VIEWS]
    at.button(key=KEY_PREV).click().run()
    assert at.query_params[PARAM_VIEW] == str(len(VIEWS) - 1)
    assert at.title[0].value == t(VIEWS[-2].title_key, "fi")
    assert_no_sidebar(at)


def test_area_filter_narrows_the_views() -> None:
    at = present_at({"alue": "13", PARAM_VIEW: "1"})
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[labels.label("agreements_in_force", "fi")] in (t("indicator.yes", "fi"), t("indicator.no", "fi"))
    assert metrics[labels.label("council_approved_municipalities", "fi")].endswith("/ 19")


def test_entering_and_leaving_keeps_the_filters() -> None:
    at = open_app(None, {"kieli": "en", "alue": "13"})
    at.sidebar.button(key=KEY_START).click().run()
    assert not at.exception
    assert at.query_params["esitys"] == "1"
    assert_no_sidebar(at)
    assert at.title[0].value == t(VIEWS[0].title_key, "en")
    at.button(key=KEY_NEXT).click().run()
    at.button(key=KEY_EXIT).click().run()
    assert not at.exception
    assert "esitys" not in at.query_params and PARAM_VIEW not in at.query_params
    assert at.sidebar.selectbox[0].value == "en" and at.sidebar.selectbox[1].value == 13
    # Back at the root, with the area chosen: the area's own front page.
    assert at.title[0].value == area_name(13, "en")


def test_a_bad_filter_in_the_url_is_named() -> None:
    at = present_at({"alue": "91"})
    assert at.warning and "alue=91" in at.warning[0].value


def test_pure_views_follow_the_area() -> None:
    from yhdyspinta.store import repository as repo
    from yhdyspinta.store.engine import open_store
    from yhdyspinta.ui.profile_data import KINDS

    present_at({})  # loads the example data into the test's store
    engine = open_store()
    frames = {k: repo.read_kind(engine, k) for k in KINDS}
    state = indicators.resolve(frames, finnish_today())
    country = slides.build_views(frames, state, Filters())
    area = slides.build_views(frames, state, Filters(area=13))
    assert len(country.status) == 22 and list(area.status["code"]) == [13]
    part = frames["participation"]
    assert country.forums["organisations"].sum() == int((part["participants"] > 0).sum())
    assert area.forums["organisations"].sum() < country.forums["organisations"].sum()
    assert set(area.maturity["area"]) == {"Pohjois-Savo", t("profile.series.national", "fi")}


@pytest.mark.parametrize(("query", "noted"), [({}, False), ({"alue": "13"}, True)], ids=["country", "area"])
def test_the_survey_slide_says_what_a_lighter_bar_means(query: dict[str, str], noted: bool) -> None:
    """Pohjois-Savo's answers are under the threshold in the example data: its bars are lighter
    and flagged "⚠ N=…", which the slide now says, as the profile does; the country's are not."""
    number = next(i for i, v in enumerate(VIEWS, 1) if v.title_key == "present.view.survey")
    at = present_at({**query, PARAM_VIEW: str(number)})
    note = t("analysis.survey.small_n_note", "fi", n=SMALL_N_THRESHOLD)
    assert any(c.value == note for c in at.caption) is noted
