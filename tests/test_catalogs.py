"""The gettext catalogs in yhdyspinta/locale/: complete in every language, consistent, and holding
every key the code asks for, so a missing message fails here rather than in front of a viewer.

Keys the code passes literally (`t("nav.home", lang)`) are checked one by one, both by a regex over
the source and by Babel's own extraction with the project's config (pyproject.toml). Keys built
at run time (`t(f"overview.kind.{kind}", lang)`, keys kept in data such as a page's `title_key`)
cannot be read from the source: for an f-string key the test only checks that its family exists,
and the pages' own tests render the rest.
"""

from __future__ import annotations

import re
import string
import tomllib
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_keywords

from yhdyspinta.i18n import (
    COLUMN_LABELS,
    ENUM_LABELS,
    LANGUAGES,
    LOCALE_DIR,
    MESSAGES,
    catalog_path,
    column_label,
    enum_label,
    message_key,
    read_catalog,
    t,
    tn,
)

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted([*(ROOT / "yhdyspinta").rglob("*.py"), *(ROOT / "app_pages").glob("*.py"), ROOT / "streamlit_app.py"])
PLURAL_FORMS = "nplurals=2; plural=(n != 1);"

# A call of t, tn, plain.text or importer.Count (a count rendered with tn) whose first argument is a
# string literal; `x.t(` and `st.text(` are not ours, an f-string (`t(f"...")`) is not a literal.
CALL = re.compile(r"""(?<![\w.])(?P<func>tn|t|plain\.text|Count)\(\s*(?P<q>["'])(?P<key>[^"'\\]+)(?P=q)""")
FSTRING_CALL = re.compile(r"""(?<![\w.])(?:tn|t|plain\.text|Count)\(\s*f(?P<q>["'])(?P<key>.+?)(?P=q)""")
# `t("a" if c else "b", lang)`: the regex would see only "a", Babel would extract "ab".
CONDITIONAL_KEY = re.compile(r"""(?<![\w.])(?:tn|t|plain\.text|Count)\(\s*(?P<q>["'])[^"'\\]+(?P=q)\s+if\b""")


@pytest.fixture(scope="module")
def catalogs() -> dict[str, Catalog]:
    return {lang: read_catalog(lang) for lang in LANGUAGES}


def _entries(catalog: Catalog) -> dict[str, Message]:
    return {message_key(m): m for m in catalog if m.id}


def _is_plural(message: Message) -> bool:
    return not isinstance(message.id, str)


def _forms(message: Message) -> list[str]:
    return [message.string] if isinstance(message.string, str) else list(message.string)


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def _source_calls() -> list[tuple[str, str, str]]:
    """(file:line, function, key) of every call with a literal key."""
    out = []
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        for match in CALL.finditer(text):
            where = f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, match.start()) + 1}"
            out.append((where, match["func"], match["key"]))
    return out


# ------------------------------------------------------------------------------ headers


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalog_header(catalogs: dict[str, Catalog], lang: str) -> None:
    catalog = catalogs[lang]
    assert catalog.plural_forms == PLURAL_FORMS
    # The header itself says so (Babel would otherwise take the rule from its locale data).
    assert dict(catalog.mime_headers)["Plural-Forms"] == PLURAL_FORMS
    assert str(catalog.locale) == lang
    assert not catalog.fuzzy, "the header is marked fuzzy"


# ------------------------------------------------------------------------------ completeness


def test_every_message_is_in_every_language(catalogs: dict[str, Catalog]) -> None:
    """Missing in sv or en, or a stray key that Finnish lacks: both fail."""
    keys = {lang: set(_entries(catalog)) for lang, catalog in catalogs.items()}
    problems = [f"{catalog_path(lang)} lacks what {other} has: {sorted(keys[other] - keys[lang])}"
                for lang in LANGUAGES for other in LANGUAGES if keys[other] - keys[lang]]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_has_its_text(catalogs: dict[str, Catalog], lang: str) -> None:
    catalog = catalogs[lang]
    empty = [key for key, m in _entries(catalog).items() if not all(form.strip() for form in _forms(m))]
    fuzzy = [key for key, m in _entries(catalog).items() if m.fuzzy]
    assert not empty, f"{catalog_path(lang)}: no text for {empty}"
    assert not fuzzy, f"{catalog_path(lang)}: fuzzy (not yet translated) {fuzzy}"
    assert not catalog.obsolete, f"{catalog_path(lang)}: obsolete entries (#~) {list(catalog.obsolete)}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_key_is_there_once(lang: str) -> None:
    """Babel keeps the last of two entries with one msgid without a word; the file itself must not."""
    ids = re.findall(r'^msgid "(.+)"$', catalog_path(lang).read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_plural_messages_have_every_form_in_every_language(catalogs: dict[str, Catalog]) -> None:
    fi = _entries(catalogs["fi"])
    plural_keys = {key for key, m in fi.items() if _is_plural(m)}
    for lang, catalog in catalogs.items():
        entries = _entries(catalog)
        assert {key for key, m in entries.items() if _is_plural(m)} == plural_keys, lang
        for key in plural_keys:
            message = entries[key]
            # The key is also the msgid_plural, as `pybabel extract` writes it for tn (keyword tn:1,1).
            assert message.id == (key, key), (lang, message.id)
            assert len(_forms(message)) == catalog.num_plurals, (lang, key, _forms(message))


def test_placeholders_are_the_same_in_every_language_and_form(catalogs: dict[str, Catalog]) -> None:
    fi = _entries(catalogs["fi"])
    for key, message in fi.items():
        want = _placeholders(_forms(message)[-1])
        for lang, catalog in catalogs.items():
            for form in _forms(_entries(catalog)[key]):
                assert _placeholders(form) == want, f"{key} ({lang}): {form!r} has not the placeholders {want}"


def test_the_views_are_the_catalogs() -> None:
    for lang, catalog in {lang: read_catalog(lang) for lang in LANGUAGES}.items():
        for key, message in _entries(catalog).items():
            assert MESSAGES[key][lang] == (message.string if isinstance(message.string, str)
                                           else tuple(message.string))
    assert COLUMN_LABELS["code"] == {"fi": "koodi", "sv": "kod", "en": "code"}
    assert ENUM_LABELS["ApprovalStatus"]["hylatty"]["sv"] == "Förkastat"


# ------------------------------------------------------------------------------ the code's keys


def test_every_literal_key_in_the_code_is_in_the_catalogs() -> None:
    calls = _source_calls()
    assert len(calls) > 300, "the regex no longer finds the calls"
    unknown = [(where, key) for where, _, key in calls if key not in MESSAGES]
    assert not unknown, f"keys not in {LOCALE_DIR}: {unknown}"
    wrong = [(where, func, key) for where, func, key in calls
             if (func in ("tn", "Count")) != isinstance(MESSAGES[key]["fi"], tuple)]
    assert not wrong, f"t() for a plural message or tn() (Count) for a singular one: {wrong}"


def test_no_key_is_chosen_inside_the_call() -> None:
    found = [f"{path.relative_to(ROOT)}: {m.group(0)}" for path in SOURCES
             for m in CONDITIONAL_KEY.finditer(path.read_text(encoding="utf-8"))]
    assert not found, f"write t('a', lang) if c else t('b', lang), so both keys can be checked: {found}"


def test_every_f_string_key_family_exists() -> None:
    """`t(f"overview.kind.{kind}", lang)`: some key fits the pattern (which ones are used, only a
    run can tell)."""
    found = 0
    for path in SOURCES:
        for match in FSTRING_CALL.finditer(path.read_text(encoding="utf-8")):
            template = match["key"]
            pattern = "".join(".+" if part.startswith("{") else re.escape(part)
                              for part in re.split(r"(\{[^{}]*\})", template) if part)
            assert any(re.fullmatch(pattern, key) for key in MESSAGES), f"{path.name}: no key fits {template!r}"
            found += 1
    assert found > 10, "the regex no longer finds the f-string keys"


def test_babel_extraction_config_finds_only_catalog_keys() -> None:
    """What `pybabel extract` collects with the config in pyproject.toml is in the catalogs, with
    the same plural or singular kind. It is what the regex finds less the keys Babel cannot see on
    Python 3.11: those in f-strings and those passed to plain.text()."""
    babel = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["babel"]
    config = babel["extract_messages"]
    assert config["mapping_file"] == "pyproject.toml" and config["no_default_keywords"]
    keywords = parse_keywords(config["keywords"])
    method_map = [(pattern, mapping["method"]) for mapping in babel["mappings"]
                  for pattern in ([mapping["pattern"]] if isinstance(mapping["pattern"], str) else mapping["pattern"])]
    extracted: dict[str, bool] = {}
    for path in config["input_paths"]:
        if (ROOT / path).is_file():
            method_map_file = [(Path(path).name, method) for _, method in method_map]
            results = extract_from_dir(ROOT / Path(path).parent, method_map=method_map_file, keywords=keywords)
        else:
            results = extract_from_dir(ROOT / path, method_map=method_map, keywords=keywords)
        for _file, _line, message, _comments, _context in results:
            key = message if isinstance(message, str) else message[0]
            extracted[key] = not isinstance(message, str)
    regex_keys = {key for _, _, key in _source_calls()}
    assert extracted.keys() <= regex_keys
    assert len(extracted) > 0.9 * len(regex_keys)
    for key, plural in extracted.items():
        assert key in MESSAGES, key
        assert plural == isinstance(MESSAGES[key]["fi"], tuple), key


# ------------------------------------------------------------------------------ lookups


def test_unknown_key_raises() -> None:
    with pytest.raises(KeyError, match=r"no text for 'no\.such\.key'"):
        t("no.such.key", "fi")
    with pytest.raises(KeyError, match=r"no text for 'no\.such\.key'"):
        tn("no.such.key", 2, "fi")


def test_no_fallback_to_finnish(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(MESSAGES, "test.only_finnish", {"fi": "vain suomeksi", "sv": ""})
    assert t("test.only_finnish", "fi") == "vain suomeksi"
    for lang in ("sv", "en", "de"):
        with pytest.raises(KeyError, match=rf"no '{lang}' text for 'test\.only_finnish'"):
            t("test.only_finnish", lang)


def test_column_and_enum_labels_read_the_catalogs() -> None:
    assert column_label("approved_on", "sv") == "godkänt datum"
    assert column_label("no_such_field", "en") == "no_such_field"
    assert enum_label("Theme", "hyte", "en") == "Wellbeing and health promotion"
    assert enum_label("MaturityLevel", 2, "fi") == "Koordinaatio"
    assert enum_label("Theme", "no_such_code", "fi") == "no_such_code"
    assert enum_label("Theme", None, "fi") == ""


# ------------------------------------------------------------------------------ plurals


@pytest.mark.parametrize(("lang", "one", "two"), [("fi", "1 rivi", "2 riviä"), ("sv", "1 rad", "2 rader"),
                                                  ("en", "1 row", "2 rows")])
def test_a_count_takes_the_plural_form_of_its_language(lang: str, one: str, two: str) -> None:
    assert tn("common.rows", 1, lang) == one
    assert tn("common.rows", 2, lang) == two
    assert tn("common.rows", 0, lang) == two.replace("2", "0")


def test_a_plural_message_can_show_its_count_formatted() -> None:
    assert tn("access.history.shown", 1234, "en", shown="500", n="1,234") == "Showing the newest 500 of 1,234 changes."
    assert tn("map.detail.reached", 1, "en", n=0, total=1) == "0/1 municipality"
    assert tn("map.detail.reached", 21, "sv", n=3, total=21) == "3/21 kommuner"


def test_plural_and_singular_messages_are_not_mixed_up() -> None:
    with pytest.raises(TypeError, match="use tn"):
        t("common.rows", "fi", n=1)
    with pytest.raises(TypeError, match="use t"):
        tn("nav.home", 1, "fi")
    with pytest.raises(TypeError):
        tn("common.rows", 1.5, "fi")  # type: ignore[arg-type]


def test_import_messages_put_each_count_in_its_form() -> None:
    from yhdyspinta.io.importer import Count, Problem, Reason

    problem = Problem("extra_cells", row=2, value="x",
                      params={"cells": Count("count.cells", 2), "columns": Count("count.columns", 1)})
    assert "the row has 2 cells but the header row 1 column (" in problem.message("en")
    assert "rivillä on 2 solua mutta otsikkorivillä 1 sarake (" in problem.message("fi")
    too_long = Reason("too_long", {"max": Count("count.characters", 1), "length": Count("count.characters", 2)})
    assert too_long.text("en") == "too long (2 characters); at most 1 character"
    assert too_long.text("sv") == "för lång (2 tecken); högst 1 tecken"
