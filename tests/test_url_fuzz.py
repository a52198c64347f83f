"""Whatever the address bar holds, no page shows an exception (AppTest through the entry file).

Values for `alue`, `kunta`, `kieli`, `osio` (the area profile's part), `esitys` (and `nakyma` in
presentation mode) are generated:
codes that exist, digits that are digits to `str.isdigit` but not to `int()`, numbers thousands
of digits long, Markdown and HTML, arbitrary text, and parameters repeated. A value known to be
invalid gives a notice in the reader's language and the whole country; an unknown language
falls back to Finnish and keeps the other parameters.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from tests.apptest import APP, TIMEOUT
from yhdyspinta import facts
from yhdyspinta.display import area_name
from yhdyspinta.filters import PARAM_AREA, PARAM_LANGUAGE, PARAM_MUNICIPALITIES, PARAM_PRESENTATION
from yhdyspinta.i18n import DEFAULT_LANGUAGE, LANGUAGES, MESSAGES, t
from yhdyspinta.ui.pages import PAGES, PAGES_DIR
from yhdyspinta.ui.slideshow import PARAM_VIEW
from yhdyspinta.ui.views.profile import PARAM_SECTION, SECTIONS

FRONT_FILE = "home.py"  # the root: the overview, or with an area chosen that area's front page

pytestmark = pytest.mark.usefixtures("fresh_caches")

VALID, INVALID, UNKNOWN = "valid", "invalid", "unknown"
NOTICE_KEYS = ("filter.bad_param", "filter.bad_language", "filter.several_areas", "filter.out_of_scope",
               "profile.bad_section")
AREA_CODES = sorted(a.code for a in facts.in_scope_areas())
MARKUP = ["[click](https://evil.example)", "![x](https://evil.example/a.png)", "<b>13</b>", "**13**",
          "`13`", "13\n\n# otsikko", ":red[13]", "$13$", "https://evil.example", "javascript:alert(1)",
          "1e3", "0x0d", "13.0", "-13", "+13", "13,", ",", "%00", "\x00", "13\x0013"]


@dataclass(frozen=True)
class Value:
    """A parameter's value in the URL (a list: the parameter repeated) and what it should mean."""

    raw: str | tuple[str, ...]
    verdict: str

    @property
    def last(self) -> str:
        # Streamlit reads the last of repeated parameters.
        return self.raw[-1] if isinstance(self.raw, tuple) else self.raw

    @property
    def url_value(self) -> str | list[str]:
        return list(self.raw) if isinstance(self.raw, tuple) else self.raw


# Digits of other scripts, superscripts, fractions: at least one of them not ASCII.
unicode_digits = st.tuples(st.text(st.characters(categories=("Nd", "No")), max_size=4),
                           st.characters(categories=("Nd", "No"), min_codepoint=0x80)).map("".join)
huge_numbers = st.integers(min_value=20, max_value=6000).map(lambda n: "9" * n)
big_numbers = st.integers(min_value=92, max_value=10**40).map(str)
markup = st.sampled_from(MARKUP)
known_bad = st.one_of(unicode_digits, huge_numbers, big_numbers, markup)
anything = st.text(max_size=20)


def single(valid: st.SearchStrategy[str], invalid: st.SearchStrategy[str]) -> st.SearchStrategy[Value]:
    return st.one_of(valid.map(lambda v: Value(v, VALID)), invalid.map(lambda v: Value(v, INVALID)),
                     anything.map(lambda v: Value(v, UNKNOWN)))


def maybe_repeated(one: st.SearchStrategy[Value]) -> st.SearchStrategy[Value | None]:
    repeated = st.lists(one, min_size=2, max_size=3).map(
        lambda vs: Value(tuple(v.last for v in vs), vs[-1].verdict))
    return st.one_of(st.none(), one, repeated)


areas = maybe_repeated(single(st.sampled_from([str(c) for c in AREA_CODES]), st.one_of(known_bad, st.just("91"))))
languages = maybe_repeated(single(st.sampled_from(LANGUAGES),
                                  st.one_of(known_bad, st.sampled_from(["de", "FI", "se"]))))
presenting = st.one_of(st.none(), st.just(Value("1", VALID)), st.one_of(anything, unicode_digits).map(
    lambda v: Value(v, UNKNOWN)))
sections = maybe_repeated(single(st.sampled_from(SECTIONS),
                                 st.one_of(known_bad, st.sampled_from(["Yhteenveto", "SOPIMUKSET", " "]))))
views = st.one_of(st.none(), st.sampled_from(["1", "2", "6"]), unicode_digits, huge_numbers, markup, anything)


def _municipalities(data: st.DataObject, area: Value | None) -> Value | None:
    """Municipalities of the chosen area (valid), known nonsense (invalid), anything."""
    if area is not None and area.verdict == VALID:
        members = sorted(m.code for m in facts.municipalities() if m.area_code == int(area.last))
        valid = st.lists(st.sampled_from(members), min_size=1, max_size=3).map(",".join)
    else:
        valid = st.nothing()
    invalid = st.one_of(known_bad, st.just("091,xyz"), st.just(",".join(["091"] * 400)))
    return data.draw(maybe_repeated(single(valid, invalid)), label=PARAM_MUNICIPALITIES)


def _open(query: dict[str, object]) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.query_params.update(query)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _expected_lang(lang: Value | None) -> str:
    return lang.last if lang is not None and lang.last in LANGUAGES else DEFAULT_LANGUAGE


def _check_notices(at: AppTest, lang: str, named: set[str]) -> None:
    """Every notice is one of ours in `lang`, and every parameter known to be bad is named."""
    warnings = [w.value for w in at.warning]
    prefixes = tuple(MESSAGES[key][lang].split("{")[0] for key in NOTICE_KEYS if key in MESSAGES)
    for text in warnings:
        assert text.startswith(prefixes), text
    for param in named:
        assert any(f"{param}=" in text for text in warnings), (param, warnings)


@settings(max_examples=30, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_no_page_fails_whatever_the_address_holds(data: st.DataObject) -> None:
    area = data.draw(areas, label=PARAM_AREA)
    munis = _municipalities(data, area)
    lang = data.draw(languages, label=PARAM_LANGUAGE)
    present = data.draw(presenting, label=PARAM_PRESENTATION)
    section = data.draw(sections, label=PARAM_SECTION)
    page = data.draw(st.sampled_from(PAGES), label="page")
    query = {name: value.url_value for name, value in
             ((PARAM_AREA, area), (PARAM_MUNICIPALITIES, munis), (PARAM_LANGUAGE, lang), (PARAM_PRESENTATION, present),
              (PARAM_SECTION, section))
             if value is not None}
    presentation = present is not None and present.last == "1"
    if presentation:
        view = data.draw(views, label=PARAM_VIEW)
        if view is not None:
            query[PARAM_VIEW] = view

    event("presentation" if presentation else f"page {page.file}")
    at = _open(query)
    expected_lang = _expected_lang(lang)
    bad_area = area is not None and area.verdict == INVALID
    bad_munis = not bad_area and area is not None and area.verdict == VALID and munis is not None \
        and munis.verdict == INVALID
    # The root with an area is the area's profile, which reads its part from the address. Whether
    # an area is chosen is read from the app: a value drawn as "anything" may or may not be valid.
    front = not presentation and at.sidebar.selectbox[1].value != 0
    bad_section = front and section is not None and section.last.strip() != "" and section.last not in SECTIONS
    named = {p for p, bad in ((PARAM_AREA, bad_area), (PARAM_MUNICIPALITIES, bad_munis),
                              (PARAM_LANGUAGE, lang is not None and lang.verdict == INVALID),
                              (PARAM_SECTION, bad_section)) if bad}
    _check_notices(at, expected_lang, named)
    if not bad_section:
        assert not any(f"{PARAM_SECTION}=" in w.value for w in at.warning), [w.value for w in at.warning]
    if presentation:
        if bad_area or bad_munis:
            assert any(m.value.startswith(f"**{t('filter.area.all', expected_lang)}**") for m in at.markdown)
        return

    country = bad_area or bad_munis
    area_box = at.sidebar.selectbox[1]
    if country:
        assert area_box.value == 0, "the whole country"
    elif area is not None and area.verdict == VALID and (munis is None or munis.verdict == VALID):
        assert area_box.value == int(area.last)
        if munis is not None:
            assert at.sidebar.multiselect[0].value == list(dict.fromkeys(munis.last.split(",")))
    chosen = area_box.value != 0  # an area in the sidebar (a value drawn as "anything" may be valid)
    at.switch_page(f"{PAGES_DIR}/{page.file}").run()
    assert not at.exception, [e.value for e in at.exception]
    if page.file == FRONT_FILE and chosen:  # the root with an area is the area's front page
        assert at.title[0].value == area_name(at.sidebar.selectbox[1].value, expected_lang)
    else:
        assert at.title[0].value == t(page.title_key, expected_lang)
    if country:
        assert at.sidebar.selectbox[1].value == 0


def test_every_page_after_a_hostile_address() -> None:
    """Unicode digits, a number too long for `int()`, repeats and an unknown language: a
    Finnish notice for each, the whole country, and every page renders."""
    at = _open({PARAM_AREA: ["13", "²"], PARAM_MUNICIPALITIES: "9" * 5000, PARAM_LANGUAGE: "de"})
    _check_notices(at, "fi", {PARAM_AREA, PARAM_LANGUAGE})
    assert len(at.warning) == 2
    assert at.sidebar.selectbox[0].value == "fi" and at.sidebar.selectbox[1].value == 0
    for page in PAGES:
        at.switch_page(f"{PAGES_DIR}/{page.file}").run()
        assert not at.exception, (page.file, [e.value for e in at.exception])
        assert at.title[0].value == t(page.title_key, "fi")


@pytest.mark.parametrize("value", ["²", "9" * 5000, "١٣"], ids=["superscript", "5000-digits", "arabic-indic"])
def test_unicode_or_huge_area_gives_a_notice(value: str) -> None:
    at = _open({PARAM_AREA: value})
    _check_notices(at, "fi", {PARAM_AREA})
    assert at.sidebar.selectbox[1].value == 0


def test_unknown_language_keeps_area_and_municipalities() -> None:
    at = _open({PARAM_LANGUAGE: "de", PARAM_AREA: "13", PARAM_MUNICIPALITIES: "686"})
    _check_notices(at, "fi", {PARAM_LANGUAGE})
    assert at.sidebar.selectbox[0].value == "fi"
    assert at.sidebar.selectbox[1].value == 13
    assert at.sidebar.multiselect[0].value == ["686"]
    assert at.query_params.get(PARAM_MUNICIPALITIES) == "686"


@pytest.mark.parametrize("view", ["²", "9" * 5000], ids=["superscript", "5000-digits"])
def test_presentation_view_number_in_unicode_or_huge(view: str) -> None:
    _open({PARAM_PRESENTATION: "1", PARAM_VIEW: view})


def test_a_bad_municipality_list_with_a_part_gives_the_country_overview() -> None:
    """Found by the test above: a municipality list that is not the area's turns the root into
    the whole country's overview, so the profile's part (`osio`) is not read and not named."""
    at = _open({PARAM_AREA: "1", PARAM_MUNICIPALITIES: "0", PARAM_SECTION: "9" * 20})
    _check_notices(at, "fi", {PARAM_MUNICIPALITIES})
    assert len(at.warning) == 1
    assert at.sidebar.selectbox[1].value == 0
    assert at.title[0].value == t("nav.home", "fi")


def test_an_area_with_an_unknown_part_names_it_on_the_front_page() -> None:
    at = _open({PARAM_AREA: "1", PARAM_SECTION: "9" * 20})
    _check_notices(at, "fi", {PARAM_SECTION})
    assert at.title[0].value == area_name(1, "fi")
