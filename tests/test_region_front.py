"""A region's own front page and the menu each role sees.

Pure parts first (population classes, similar areas, the catalogue over a group of areas, who
sees which page, which address names no page), then the pages through the entry file
(AppTest): the root with ``?alue=13`` is Pohjois-Savo's scorecard, old addresses still work,
and Streamlit's own sidebar menu (a flat list) shows what the signed-in role can use.
"""

from __future__ import annotations

import json
from datetime import date
from itertools import pairwise
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.Navigation_pb2 import Navigation
from streamlit.runtime.forward_msg_queue import ForwardMsgQueue

from tests.apptest import open_app
from yhdyspinta import facts, indicators
from yhdyspinta import profile as prof
from yhdyspinta.access import ANONYMOUS, PageAccess, Principal, may_open
from yhdyspinta.cli import main
from yhdyspinta.domain import Role
from yhdyspinta.i18n import LANGUAGES, enum_label, t
from yhdyspinta.indicators import finnish_today, labels, peers
from yhdyspinta.indicators.asof import survey_rows
from yhdyspinta.kinds import KINDS
from yhdyspinta.store import repository as repo
from yhdyspinta.store.engine import open_store
from yhdyspinta.ui import auth
from yhdyspinta.ui.pages import PAGES, menu_pages, unknown_path
from yhdyspinta.ui.views import profile as profile_view

PS = 13
PS_MEMBERS = [m.code for m in facts.municipalities() if m.area_code == PS]

# ------------------------------------------------------------------ population classes


@pytest.mark.parametrize(("people", "expected"), [
    (0, peers.SMALL), (149_999, peers.SMALL), (150_000, peers.MEDIUM), (299_999, peers.MEDIUM),
    (300_000, peers.LARGE), (664_028, peers.LARGE),
])
def test_population_class_bounds(people: int, expected: peers.PopulationClass) -> None:
    assert peers.population_class(people) == expected


def test_population_classes_cover_every_number_once() -> None:
    bounds = [(c.lower, c.upper) for c in peers.POPULATION_CLASSES]
    assert bounds[0][0] == 0 and bounds[-1][1] is None
    assert all(upper == next_lower for (_, upper), (next_lower, _) in pairwise(bounds))
    with pytest.raises(ValueError):
        peers.population_class(-1)


def _population(per_area: dict[int, int], default: int = 1_000) -> dict[str, int | None]:
    """Every municipality `default` people, except that each area in `per_area` has that many in all
    (on its first municipality)."""
    out: dict[str, int | None] = {}
    for m in facts.municipalities():
        out[m.code] = default
    for area, people in per_area.items():
        members = [m.code for m in facts.municipalities() if m.area_code == area]
        for code in members:
            out[code] = 0
        out[members[0]] = people
    return out


def test_similar_areas_are_the_others_of_the_same_class() -> None:
    population = _population({PS: 250_000, 14: 160_000, 15: 299_999, 8: 500_000})
    got = peers.similar_areas(population, PS)
    assert got is not None
    assert got.population == 250_000 and got.population_class == peers.MEDIUM
    assert got.areas == (14, 15)  # the other areas have 1 000 people per municipality: small
    assert got.scope == indicators.Scope(group=(14, 15))
    alone = peers.similar_areas(population, 8)
    assert alone is not None and alone.areas == () and alone.scope is None


def test_no_similar_areas_without_the_areas_population() -> None:
    population = _population({})
    population[PS_MEMBERS[0]] = None
    assert peers.area_population(population, PS) is None
    assert peers.similar_areas(population, PS) is None
    others = peers.similar_areas(population, 14)
    assert others is not None and PS not in others.areas  # an unknown area is nobody's peer


# ------------------------------------------------------------- the catalogue over a group


def test_a_group_scope_is_its_areas_and_nothing_else() -> None:
    scope = indicators.Scope(group=(14, PS))
    assert scope.code == "13+14"
    assert scope.areas() == [PS, 14]
    assert set(scope.members()) == {m.code for m in facts.municipalities() if m.area_code in (PS, 14)}
    assert not scope.is_country and indicators.Scope().is_country
    with pytest.raises(ValueError):
        indicators.Scope(area=PS, group=(14,))


def _frames(**given: list[dict[str, object]]) -> dict[str, pd.DataFrame]:
    munis = pd.DataFrame([{"code": m.code, "name_fi": m.name_fi, "name_sv": m.name_sv, "area_code": m.area_code,
                           "language": m.language.value, "population": None, "population_year": None}
                          for m in facts.municipalities()])
    out = {"municipalities": munis}
    for kind in ("agreements", "approvals", "forums", "participation", "survey", "maturity", "pilots"):
        spec = KINDS[kind]
        out[kind] = pd.DataFrame([spec.validate(r) for r in given.get(kind, [])], columns=list(spec.fields))
    return out


def _survey(level: str, key: str, statement: str, value: float, n: int) -> dict[str, object]:
    return {"survey": "Kuntapulssi", "wave": "1/2024", "published_on": "2024-06-03", "statement": statement,
            "respondent_group": "Kaikki vastanneet", "level": level, "level_key": key, "value_pct": value, "n": n}


def test_the_catalogue_reads_a_group_as_its_areas_together() -> None:
    frames = _frames(
        agreements=[{"area_code": a, "kind": "yhteistyosopimus", "title": "S", "status": "hyvaksytty",
                     "approved_on": "2024-01-01", "valid_from": "2024-01-01"} for a in (PS, 14)],
        approvals=[{"area_code": PS, "agreement_kind": "yhteistyosopimus", "municipality_code": c,
                    "status": "hyvaksytty", "decided_on": "2024-02-01"} for c in PS_MEMBERS[:3]],
        survey=[_survey("alue", str(PS), "A", 20.0, 10), _survey("alue", "14", "A", 50.0, 30),
                _survey("alue", str(PS), "B", 40.0, 5), _survey("alue", "15", "B", 90.0, 100),
                _survey("koko_maa", "", "A", 33.0, 300), _survey("koko_maa", "", "B", 44.0, 300)],
    )
    state = indicators.resolve(frames, date(2026, 11, 29))
    group = indicators.Scope(group=(PS, 14))
    in_force = indicators.evaluate("agreements_in_force", state, group)
    assert (in_force.value, in_force.denominator) == (2, 2)
    council = indicators.evaluate("council_approved_municipalities", state, group)
    members = len(group.members())
    assert (council.value, council.denominator) == (3, members)
    pooled = survey_rows(state, (PS, 14)).set_index("statement")
    assert pooled.loc["A", "n"] == 40 and pooled.loc["A", "value_pct"] == pytest.approx((20 * 10 + 50 * 30) / 40)
    assert pooled.loc["B", "n"] == 5 and pooled.loc["B", "value_pct"] == pytest.approx(40.0)  # 15 not in the group
    mean = indicators.evaluate("survey_mean", state, group)
    assert mean.value == pytest.approx((42.5 + 40.0) / 2) and mean.n == 5 and mean.small_n
    helsinki_only = indicators.evaluate("agreements_in_force", state, indicators.Scope(group=(90,)))
    assert helsinki_only.status == indicators.Status.NOT_APPLICABLE


def test_comparison_table_flags_small_n_in_every_column() -> None:
    frames = _frames(survey=[_survey("alue", str(PS), "A", 20.0, 4), _survey("koko_maa", "", "A", 33.0, 300)])
    state = indicators.resolve(frames, date(2026, 11, 29))
    mine = indicators.evaluate_all(state, indicators.Scope(PS))
    table = labels.comparison_table(mine.values(), "fi", area="PS", country=indicators.evaluate_all(state),
                                    peers=indicators.evaluate_all(state, indicators.Scope(group=(14,))))
    row = table.set_index(t("indicator.col.label", "fi")).loc[labels.label("survey_mean", "fi")]
    assert row["PS"] == "20\xa0% ⚠ N=4"  # a no-break space before the per cent sign
    assert row[t("indicator.col.country", "fi")] == "33\xa0%"
    assert row[t("indicator.col.similar", "fi")] == "–"  # no respondents in area 14


def test_timeline_has_terms_and_the_approvals_over_time() -> None:
    frames = _frames(
        agreements=[{"area_code": PS, "kind": "yhteistyosopimus", "title": "S", "status": "hyvaksytty",
                     "term_start": "2026-01-01", "approved_on": "2025-11-01", "valid_from": "2026-01-01",
                     "valid_until": "2029-12-31"}],
        approvals=[{"area_code": PS, "agreement_kind": "yhteistyosopimus", "agreement_term_start": "2026-01-01",
                    "municipality_code": c, "status": "hyvaksytty", "decided_on": f"2026-0{i + 1}-15"}
                   for i, c in enumerate(PS_MEMBERS[:3])],
    )
    name = f"{enum_label('AgreementKind', 'yhteistyosopimus', 'fi')} 2026–2029"
    events = prof.agreement_events(PS, frames, "fi")
    assert set(events["agreement"]) == {name}
    curve = prof.approval_curve(events)
    assert list(curve["approved"]) == [1, 2, 3]
    assert list(curve["day"]) == [date(2026, 1, 15), date(2026, 2, 15), date(2026, 3, 15)]
    terms = prof.agreement_terms(PS, frames, date(2026, 11, 29), "fi")
    assert terms.to_dict("records") == [{"agreement": name, "start": date(2026, 1, 1), "end": date(2029, 12, 31),
                                         "term": "2026–2029"}]


# ---------------------------------------------------------------- who sees which page

VIEWER = Principal("viewer@kunta.fi", Role.VIEWER)
EDITOR = Principal("editor@kunta.fi", Role.AREA_EDITOR, frozenset({PS}))
LEAD = Principal("lead@kuntaliitto.fi", Role.PROJECT_LEAD)
PICTURE = ["tilannekuva", "kartta", "alueprofiili", "sopimukset", "rakenteet", "foorumit", "osallistuminen",
           "kysely", "kypsyys", "pilotit"]
DATA_READ = ["alueet", "kunnat", "historia", "viitetiedot"]
ALL_LISTED = frozenset({*PICTURE, *DATA_READ, "tuonti", "hallinta"})  # pages added later are not judged here
MENUS = {
    "anonymous": (ANONYMOUS, PICTURE),
    "viewer": (VIEWER, [*PICTURE, *DATA_READ]),
    "area editor": (EDITOR, [*PICTURE, *DATA_READ, "tuonti"]),
    "project lead": (LEAD, [*PICTURE, *DATA_READ, "tuonti", "hallinta"]),
}


@pytest.mark.parametrize(("principal", "access", "expected"), [
    (ANONYMOUS, PageAccess.EVERYONE, True), (ANONYMOUS, PageAccess.SIGNED_IN, False),
    (VIEWER, PageAccess.SIGNED_IN, True), (VIEWER, PageAccess.WRITER, False),
    (EDITOR, PageAccess.WRITER, True), (EDITOR, PageAccess.LEAD, False), (LEAD, PageAccess.LEAD, True),
])
def test_may_open(principal: Principal, access: PageAccess, expected: bool) -> None:
    assert may_open(principal, access) is expected


@pytest.mark.parametrize("role", list(MENUS))
def test_menu_pages_per_role(role: str) -> None:
    principal, expected = MENUS[role]
    assert [p.url_path for p in menu_pages(principal) if p.url_path in ALL_LISTED] == expected


@pytest.mark.parametrize(("url", "base", "expected"), [
    ("http://h:8501", "", None), ("http://h:8501/", "", None), ("http://h:8501/kartta", "", None),
    ("http://h:8501/tilannekuva", "", None), ("http://h:8501/foo", "", "foo"),
    ("http://h:8501/Kartta", "", "Kartta"), ("http://h:8501/a/b", "", "a/b"),
    ("http://h/yp/kartta", "/yp/", None), ("http://h/yp", "yp", None), ("http://h/yp/x%C3%A4", "yp", "xä"),
    ("http://h/other/foo", "yp", None), (None, "", None),
])
def test_unknown_path(url: str | None, base: str, expected: str | None) -> None:
    assert unknown_path(url, base) == expected


# ------------------------------------------------------------------ pages (AppTest)


@pytest.fixture
def with_population(fresh_caches: None, data_dir: Path, reference: Path) -> None:
    """The example data (first start) with the municipalities' population loaded."""
    open_app(None)  # the first start fills the store with the example data
    assert main(["reference", "import", str(reference / "population_by_municipality.csv")]) == 0
    st.cache_data.clear()
    st.cache_resource.clear()


def _store_state() -> indicators.AsOf:
    engine = open_store()
    frames = {k: repo.read_kind(engine, k) for k in (*indicators.KINDS_NEEDED, "changelog")}
    return indicators.resolve(frames, finnish_today())


def _scorecard(at: object, lang: str) -> pd.DataFrame:
    return next(df.value for df in at.dataframe  # type: ignore[attr-defined]
                if t("indicator.col.country", lang) in df.value.columns)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_root_with_an_area_is_its_scorecard(with_population: None, lang: str) -> None:
    at = open_app(None, {"alue": str(PS), "kieli": lang})
    area = facts.area_by_code()[PS].name(lang)
    assert at.title[0].value == area
    state = _store_state()
    similar = peers.similar_areas(state.population, PS)
    assert similar is not None and similar.population_class == peers.MEDIUM and len(similar.areas) == 11
    table = _scorecard(at, lang).set_index(t("indicator.col.label", lang))
    assert list(table.columns[:3]) == [area, t("indicator.col.similar", lang), t("indicator.col.country", lang)]
    mine = indicators.evaluate_all(state, indicators.Scope(PS))
    others = indicators.evaluate_all(state, indicators.Scope(group=similar.areas))
    country = indicators.evaluate_all(state)
    assert len(table) == len(indicators.BY_ID)
    for i in indicators.BY_ID:
        row = table.loc[labels.label(i, lang)]
        assert (row[area], row[t("indicator.col.similar", lang)], row[t("indicator.col.country", lang)]) == (
            labels.flagged_text(mine[i], lang), labels.flagged_text(others[i], lang),
            labels.flagged_text(country[i], lang))
    # The example survey has 4–30 respondents an area: Pohjois-Savo's value is flagged, with the note.
    assert mine["survey_mean"].small_n and "⚠ N=" in table.loc[labels.label("survey_mean", lang), area]
    notes = [m.value for m in at.markdown]
    assert any(t("analysis.survey.small_n_note", lang, n=30) in n for n in notes)
    names = sorted(facts.area_by_code()[a].name(lang) for a in similar.areas)
    assert any(", ".join(names) in n for n in notes), "the similar areas are named"
    subheaders = [s.value for s in at.subheader]
    for key in ("scorecard.heading", "scorecard.map", "profile.agreements"):
        assert t(key, lang) in subheaders
    charts = [json.dumps(json.loads(c.proto.spec), ensure_ascii=False) for c in at.get("vega_lite_chart")]
    assert any(t("profile.timeline", lang) in spec for spec in charts)
    assert any(t("scorecard.approvals_title", lang, members=len(PS_MEMBERS)) in spec for spec in charts)
    # The front page is the profile, in the same parts: the municipalities' and the agreements'
    # tables are one step away.
    at.radio(key=profile_view.KEY_SECTION).set_value(profile_view.AGREEMENTS).run()
    assert at.title[0].value == area and at.query_params["osio"] == profile_view.AGREEMENTS
    subheaders = [s.value for s in at.subheader]
    for key in ("profile.municipalities", "profile.agreement_rows", "profile.structures"):
        assert t(key, lang) in subheaders


def test_root_without_population_says_why_there_are_no_similar_areas(fresh_caches: None) -> None:
    at = open_app(None, {"alue": str(PS), "kieli": "sv"})
    table = _scorecard(at, "sv")
    assert t("indicator.col.similar", "sv") not in table.columns
    assert any(m.value.startswith(t("scorecard.no_population", "sv")) for m in at.markdown)


def test_old_profile_address_keeps_its_page_with_the_scorecard(fresh_caches: None) -> None:
    at = open_app("profile.py", {"alue": str(PS)})
    assert at.title[0].value == t("nav.profile", "fi")
    assert t("scorecard.heading", "fi") in [s.value for s in at.subheader]


def test_root_without_an_area_is_the_overview(fresh_caches: None) -> None:
    at = open_app(None, {"kieli": "en"})
    assert at.title[0].value == t("nav.home", "en")
    assert t("scorecard.heading", "en") not in [s.value for s in at.subheader]


def _record_navigation(monkeypatch: pytest.MonkeyPatch) -> list[Navigation]:
    """The navigation messages the app sends from now on (Streamlit's menu travels in them,
    not as elements of the page)."""
    sent: list[Navigation] = []
    original = ForwardMsgQueue.enqueue

    def enqueue(self: ForwardMsgQueue, msg: ForwardMsg) -> None:
        if msg.WhichOneof("type") == "navigation":
            copy = Navigation()
            copy.CopyFrom(msg.navigation)
            sent.append(copy)
        original(self, msg)

    monkeypatch.setattr(ForwardMsgQueue, "enqueue", enqueue)
    return sent


def _menu_titles(navigation: Navigation) -> list[str]:
    """The titles Streamlit's menu shows, in order."""
    return [p.page_name for p in navigation.app_pages if not p.is_hidden]


@pytest.mark.parametrize("role", list(MENUS))
def test_sidebar_menu_per_role(fresh_caches: None, role: str, monkeypatch: pytest.MonkeyPatch) -> None:
    principal, expected = MENUS[role]
    monkeypatch.setattr(auth, "current_principal", lambda: principal)
    sent = _record_navigation(monkeypatch)
    at = open_app(None, {"kieli": "sv", "alue": str(PS)})
    by_path = {p.url_path: p for p in PAGES}
    judged = {t(by_path[p].title_key, "sv") for p in ALL_LISTED}
    navigation = sent[-1]
    # Streamlit's own menu in the sidebar, open, as one flat list (no section headings).
    assert navigation.position == Navigation.Position.SIDEBAR and navigation.expanded
    assert list(navigation.sections) == [""]
    assert [title for title in _menu_titles(navigation) if title in judged] == \
        [t(by_path[p].title_key, "sv") for p in expected]
    # Every page stays registered (the others hidden), so every address keeps working.
    registered = {p.url_pathname for p in navigation.app_pages}
    assert {"" if page is PAGES[0] else page.url_path for page in PAGES} <= registered
    # The menu adds no element to the page: no page links or headings in the sidebar.
    assert at.sidebar.get("page_link") == [] and list(at.sidebar.subheader) == []
    # A click in the menu opens the page's bare address; the session writes its filters back.
    at.query_params.clear()
    at.switch_page("app_pages/map.py").run()
    assert not at.exception
    assert at.title[0].value == t("nav.map", "sv")
    assert (at.query_params["kieli"], at.query_params["alue"]) == ("sv", str(PS))


def test_menu_follows_sign_in_within_a_session(fresh_caches: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The built pages are kept per session, language and set of pages shown: signing in
    in the same session shows the data pages, signing out hides them again."""
    who = {"principal": ANONYMOUS}
    monkeypatch.setattr(auth, "current_principal", lambda: who["principal"])
    sent = _record_navigation(monkeypatch)
    at = open_app(None, {"kieli": "fi"})
    anonymous = [t(p.title_key, "fi") for p in menu_pages(ANONYMOUS)]
    assert _menu_titles(sent[-1]) == anonymous
    who["principal"] = LEAD
    at.run()
    assert _menu_titles(sent[-1]) == [t(p.title_key, "fi") for p in menu_pages(LEAD)]
    who["principal"] = ANONYMOUS
    at.run()
    assert _menu_titles(sent[-1]) == anonymous
