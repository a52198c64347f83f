"""Finnish, Swedish and English texts, and locale-aware number and date formatting.

The texts live in gettext catalogs, `yhdyspinta/locale/<lang>/LC_MESSAGES/messages.po`, one per
language; each msgid is the stable message key the code passes (`nav.home`, `column.<field>`,
`enum.<EnumName>.<code>`) and the msgstr its text. Babel reads them when this module is imported:
there is nothing to compile. A message with plural forms (msgid_plural) is read with `tn`, every
other one with `t`. There is no fallback between languages: a key or a translation that is
missing raises, and `tests/test_catalogs.py` makes sure none is.
"""

from __future__ import annotations

import gettext
import math
import operator
from collections.abc import Callable
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from pathlib import Path

import pandas as pd
from babel.dates import format_date as _babel_date
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent

LANGUAGES: tuple[str, ...] = ("fi", "sv", "en")
DEFAULT_LANGUAGE = "fi"
LOCALES = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_GB"}
LANGUAGE_NAMES = {"fi": "Suomi", "sv": "Svenska", "en": "English"}

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"
COLUMN_PREFIX = "column."
ENUM_PREFIX = "enum."

# One text per language; a plural message has one form per plural form of its language.
Text = str | tuple[str, ...]
Texts = dict[str, Text]


def catalog_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(lang: str) -> Catalog:
    with catalog_path(lang).open("rb") as po:
        return read_po(po, locale=lang, domain=DOMAIN)


def message_key(message: Message) -> str:
    """The key of a catalog entry: its msgid (the singular msgid of a plural entry)."""
    return message.id if isinstance(message.id, str) else message.id[0]


CATALOGS: dict[str, Catalog] = {lang: read_catalog(lang) for lang in LANGUAGES}

# Which plural form a count takes, from each catalog's Plural-Forms header.
_PLURAL_FORM: dict[str, Callable[[int], int]] = {
    lang: gettext.c2py(catalog.plural_expr) for lang, catalog in CATALOGS.items()}


def _messages() -> dict[str, Texts]:
    out: dict[str, Texts] = {}
    for lang, catalog in CATALOGS.items():
        for message in catalog:
            # A fuzzy entry is not a translation yet (as for gettext's msgfmt).
            if message.id and not message.fuzzy:
                string = message.string
                out.setdefault(message_key(message), {})[lang] = string if isinstance(string, str) else tuple(string)
    return out


# Every message, key → language → text: read-only views of the catalogs, not a second source.
MESSAGES: dict[str, Texts] = _messages()

# Column headers in exports and templates; imports accept any of these and the field name.
COLUMN_LABELS: dict[str, dict[str, str]] = {
    key.removeprefix(COLUMN_PREFIX): texts  # type: ignore[misc]
    for key, texts in MESSAGES.items() if key.startswith(COLUMN_PREFIX)}


def _enum_labels() -> dict[str, dict[str, dict[str, str]]]:
    out: dict[str, dict[str, dict[str, str]]] = {}
    for key, texts in MESSAGES.items():
        if key.startswith(ENUM_PREFIX):
            enum_name, code = key.removeprefix(ENUM_PREFIX).split(".", 1)
            out.setdefault(enum_name, {})[code] = texts  # type: ignore[assignment]
    return out


# Labels of enum codes, keyed by the enum's class name and the code.
ENUM_LABELS: dict[str, dict[str, dict[str, str]]] = _enum_labels()


def normalise_language(lang: str | None) -> str:
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def _text(key: str, lang: str) -> Text:
    texts = MESSAGES.get(key)
    if texts is None:
        raise KeyError(f"no text for {key!r}")
    text = texts.get(lang)
    if not text or not all(text):
        raise KeyError(f"no {lang!r} text for {key!r} (catalogs: {LOCALE_DIR})")
    return text


def t(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
    """The message `key` in `lang`, its `{placeholders}` filled from `params`."""
    text = _text(key, lang)
    if not isinstance(text, str):
        raise TypeError(f"{key!r} has plural forms: use tn({key!r}, n, lang)")
    return text.format(**params) if params else text


def tn(key: str, n: int, lang: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
    """The plural message `key` in `lang` in the form the count `n` takes ("1 rivi", "2 riviä").

    `{n}` in the text is `n` as it is, unless `params` gives its own `n` (e.g. a formatted one).
    """
    forms = _text(key, lang)
    if isinstance(forms, str):
        raise TypeError(f"{key!r} has no plural forms: use t({key!r}, lang)")
    count = operator.index(n)
    return forms[_PLURAL_FORM[lang](count)].format(**{"n": count, **params})


def column_label(field_name: str, lang: str = DEFAULT_LANGUAGE) -> str:
    key = COLUMN_PREFIX + field_name
    return t(key, lang) if key in MESSAGES else field_name


def enum_label(enum_name: str, code: object, lang: str = DEFAULT_LANGUAGE) -> str:
    if isinstance(code, Enum):
        code = code.value
    key = f"{ENUM_PREFIX}{enum_name}.{code}"
    if key not in MESSAGES:
        return "" if code is None else str(code)
    return t(key, lang)


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT


def round_half_away(value: float, digits: int = 0) -> Decimal:
    """`value` rounded to `digits` decimals, halves away from zero (46.5 → 47, −0.5 → −1), as
    every surface of the dashboard rounds; Babel on its own rounds halves to even. A value that
    rounds to zero is zero, without a sign (−0.04 → 0.0, which Babel would write "-0,0")."""
    rounded = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return rounded.copy_abs() if rounded.is_zero() else rounded


def format_number(value: float | int | None, lang: str = DEFAULT_LANGUAGE, digits: int = 0) -> str:
    if _missing(value):
        return "–"
    pattern = "#,##0" if digits == 0 else "#,##0." + "0" * digits
    return format_decimal(round_half_away(value, digits), format=pattern,  # type: ignore[arg-type]
                          locale=LOCALES[normalise_language(lang)])


def format_signed(value: float | None, lang: str = DEFAULT_LANGUAGE, digits: int = 0) -> str:
    """A difference or change: `format_number` with a plus sign where it rounds above zero
    ("+0,3", "-0,3", "0,0")."""
    if _missing(value):
        return "–"
    plus = "+" if round_half_away(value, digits) > 0 else ""  # type: ignore[arg-type]
    return plus + format_number(value, lang, digits)


def format_pct(value: float | None, lang: str = DEFAULT_LANGUAGE, digits: int = 0) -> str:
    """`value` is a share 0–1."""
    if _missing(value):
        return "–"
    locale = LOCALES[normalise_language(lang)]
    share = round_half_away(100 * value, digits).scaleb(-2)  # type: ignore[operator]
    if digits == 0:
        return format_percent(share, locale=locale)
    # Babel's own patterns carry no decimals; keep the locale's space before the sign.
    sign = "%" if lang == "en" else "\u00a0%"
    return format_percent(share, format="#,##0." + "0" * digits + sign, locale=locale)


def format_day(value: date | datetime | None, lang: str = DEFAULT_LANGUAGE) -> str:
    if value is None:
        return "–"
    if isinstance(value, datetime):
        value = value.date()
    return _babel_date(value, format="short" if lang == "en" else "d.M.yyyy",
                       locale=LOCALES[normalise_language(lang)])
