"""Every page renders through the entry file's navigation, with no exception (AppTest)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, or_, select

from tests.apptest import open_app
from yhdyspinta import facts
from yhdyspinta.domain import APPROVED_STATUSES
from yhdyspinta.i18n import t
from yhdyspinta.indicators import finnish_today, labels
from yhdyspinta.store import schema
from yhdyspinta.store.engine import open_store
from yhdyspinta.ui import plain
from yhdyspinta.ui.pages import PAGES, PAGES_DIR
from yhdyspinta.ui.widgets import ALL

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


@pytest.mark.parametrize(("query", "key"), [({"kunta": "297,091"}, "filter.several_areas"),
                                             ({"kunta": "035"}, "filter.out_of_scope")])
def test_a_municipality_list_the_dashboard_cannot_show_as_one_area_says_why(query: dict[str, str],
                                                                           key: str) -> None:
    at = open_app(None, query)
    assert [w.value for w in at.warning] == [plain.text(key, "fi", param="kunta", value=query["kunta"])]
    assert at.sidebar.selectbox[1].value == ALL, "the whole country"


def test_overview_figures_match_the_store(data_dir: Path) -> None:
    """The overview against plain SQL on the store, written from the catalogue's rules."""
    at = open_app()
    engine = open_store()
    today = finnish_today()
    a, g = schema.agreements.c, schema.approvals.c
    with engine.connect() as conn:
        in_force = conn.execute(
            select(func.count(func.distinct(a.area_code))).where(
                a.kind == "yhteistyosopimus", a.area_code != facts.HELSINKI_AREA_CODE,
                a.status.in_([s.value for s in APPROVED_STATUSES]),
                or_(a.approved_on.is_(None), a.approved_on <= today),
                or_(a.valid_from.is_(None), a.valid_from <= today),
                or_(a.valid_until.is_(None), a.valid_until >= today))).scalar_one()
        decisions = conn.execute(
            select(a.area_code, a.term_start, g.municipality_code, g.status, g.decided_on)
            .select_from(schema.approvals.join(schema.agreements)).where(
                a.kind == "yhteistyosopimus", a.area_code != facts.HELSINKI_AREA_CODE)).all()
        terms = conn.execute(select(a.area_code, a.term_start).where(a.kind == "yhteistyosopimus")).all()
        forums = conn.execute(select(func.count()).select_from(schema.forums).where(
            schema.forums.c.held_on <= today)).scalar_one()
    # Councils are counted on each area's agreement of the day: its latest term begun by today.
    current = {area: max((d for x, d in terms if x == area and d <= today),
                         default=min(d for x, d in terms if x == area)) for area, _ in terms}
    council = len({m for area, term, m, status, day in decisions
                   if term == current[area] and status == "hyvaksytty" and (day is None or day <= today)})
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[labels.label("agreements_in_force", "fi")] == f"{in_force} / 21"
    assert metrics[labels.label("council_approved_municipalities", "fi")] == f"{council} / 291"
    assert metrics[labels.label("forums_held", "fi")] == str(forums)


def test_sessions_share_built_pages_but_not_their_objects(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each language's pages are built (files resolved, icons checked) once per process; every
    session gets objects of its own, since Streamlit marks on a page object that it may run."""
    from streamlit.navigation.page import StreamlitPage

    from yhdyspinta.ui import pages

    built: list[str] = []  # the caches are empty (fresh_caches)
    original = StreamlitPage.__init__

    def counting(self: StreamlitPage, page: object, **kwargs: object) -> None:
        if isinstance(page, str):
            built.append(page)
        original(self, page, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(StreamlitPage, "__init__", counting)
    first, second = open_app("map.py"), open_app("agreements.py")
    assert len(built) == len(PAGES)  # the second session built none
    assert [first.title[0].value, second.title[0].value] == [t("nav.map", "fi"), t("nav.agreements", "fi")]
    ids = {id(page) for session in (first, second)
           for kept in session.session_state[pages.KEY_PAGES].values() for page in kept}
    assert len(ids) == 2 * len(PAGES)
    open_app("map.py", {"kieli": "sv"})
    assert len(built) == 2 * len(PAGES)  # Swedish names: a set of its own
