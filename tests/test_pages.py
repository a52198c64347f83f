"""Every page renders through the entry file's navigation, with no exception (AppTest)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.apptest import open_app
from yhdyspinta.domain import APPROVED_STATUSES
from yhdyspinta.i18n import t
from yhdyspinta.store import schema
from yhdyspinta.store.engine import open_store
from yhdyspinta.ui.pages import PAGES, PAGES_DIR

pytestmark = pytest.mark.usefixtures("fresh_caches")

@pytest.mark.parametrize("page", PAGES, ids=[p.file for p in PAGES])
def test_page_renders_with_title_filters_and_data(page: object) -> None:
    at = open_app(page.file)  # type: ignore[attr-defined]
    assert [title.value for title in at.title] == [t(page.title_key, "fi")]  # type: ignore[attr-defined]
    assert len(at.sidebar.selectbox) == 2  # language and area: the entry file ran
    assert at.dataframe, "every page lists its data"


def test_example_banner_shows_on_first_start() -> None:
    at = open_app()
    assert any(t("banner.example", "fi") in info.value for info in at.info)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_language_in_the_url(lang: str) -> None:
    at = open_app("agreements.py", {"kieli": lang})
    assert at.title[0].value == t("nav.agreements", lang)


def test_area_in_the_url_filters_every_table() -> None:
    at = open_app("agreements.py", {"alue": "13"})
    names = set(at.dataframe[0].value["alueen nimi"])
    assert names == {"Pohjois-Savon hyvinvointialue"}
    assert at.sidebar.selectbox[1].value == 13


@pytest.mark.parametrize("query", [{"alue": "99"}, {"alue": "91"}, {"alue": "abc"}, {"kieli": "de"},
                                   {"alue": "13", "kunta": "091"}])
def test_bad_url_values_give_a_notice_and_the_whole_country(query: dict[str, str]) -> None:
    at = open_app(None, query)  # the page a link lands on shows the notice
    assert at.warning, "a notice names the parameter"
    param, value = next(iter(query.items())) if "kunta" not in query else ("kunta", "091")
    assert f"{param}={value}" in at.warning[0].value
    at.switch_page(f"{PAGES_DIR}/agreements.py").run()
    assert not at.exception
    assert len(at.dataframe[0].value) == 34  # every area's agreements, renewals beside their predecessors


def test_overview_figures_match_the_store(data_dir: Path) -> None:
    at = open_app()
    engine = open_store()
    with engine.connect() as conn:
        approved_areas = conn.execute(
            select(func.count(func.distinct(schema.agreements.c.area_code))).where(
                schema.agreements.c.kind == "yhteistyosopimus",
                schema.agreements.c.status.in_([s.value for s in APPROVED_STATUSES]))).scalar_one()
        council = conn.execute(  # municipalities, each once though it decided on two terms' agreements
            select(func.count(func.distinct(schema.approvals.c.municipality_code)))
            .select_from(schema.approvals.join(schema.agreements)).where(
                schema.agreements.c.kind == "yhteistyosopimus",
                schema.approvals.c.status == "hyvaksytty")).scalar_one()
        forums = conn.execute(select(func.count()).select_from(schema.forums)).scalar_one()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t("home.approved_agreements", "fi")] == f"{approved_areas} / 22"
    assert metrics[t("home.council_approved", "fi")] == f"{council} / 292"
    assert metrics[t("home.forums", "fi")] == str(forums)
