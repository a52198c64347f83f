"""Names of areas, municipalities and organisations as people write them, matched to codes;
and the shape of a raw attendance export (one row per person with an organisation column).

Finnish organisation names are in the genitive ("Keiteleen kunta", "Pohjois-Savon
hyvinvointialue"), Swedish ones often too ("Korsholms kommun"), so a name is matched after
its organisation word is removed, against the nominative names and genitives generated
from them. Only codes come out of here: names of people never enter this module.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from yhdyspinta import facts
from yhdyspinta.domain import OrgType

DASHES = re.compile(r"[\u2010-\u2015\u2212]")
SPACE_OR_HYPHEN = re.compile(r"[\s\-]+")
EDGE_PUNCTUATION = " \t.,;:\"'()[]{}*"
# Department after the organisation, e.g. "Kuopion kaupunki, sivistyspalvelut".
DEPARTMENT_SEPARATORS = re.compile(r"\s*(?:[,/|;]|\s[-–]\s)\s*")

# Short (nominative) area names in Finnish and Swedish; the official names are genitives.
AREA_SHORT_NAMES: dict[int, tuple[str, ...]] = {
    1: ("Itä-Uusimaa", "Östra Nyland"),
    2: ("Keski-Uusimaa", "Mellersta Nyland"),
    3: ("Länsi-Uusimaa", "Västra Nyland"),
    4: ("Vantaa ja Kerava", "Vantaa-Kerava", "Vanda och Kervo", "Vakehyva"),
    5: ("Varsinais-Suomi", "Egentliga Finland", "Varha"),
    6: ("Satakunta",),
    7: ("Kanta-Häme", "Egentliga Tavastland", "Oma Häme"),
    8: ("Pirkanmaa", "Birkaland"),
    9: ("Päijät-Häme", "Päijänne-Tavastland"),
    10: ("Kymenlaakso", "Kymmenedalen", "Kymenhva"),
    11: ("Etelä-Karjala", "Södra Karelen", "Eksote"),
    12: ("Etelä-Savo", "Södra Savolax", "Eloisa"),
    13: ("Pohjois-Savo", "Norra Savolax"),
    14: ("Pohjois-Karjala", "Norra Karelen", "Siun sote"),
    15: ("Keski-Suomi", "Mellersta Finland"),
    16: ("Etelä-Pohjanmaa", "Södra Österbotten"),
    17: ("Pohjanmaa", "Österbotten"),
    18: ("Keski-Pohjanmaa", "Mellersta Österbotten", "Soite"),
    19: ("Pohjois-Pohjanmaa", "Norra Österbotten"),
    20: ("Kainuu", "Kajanaland"),
    21: ("Lappi", "Lappland", "Lapland"),
    90: ("Helsinki", "Helsingfors", "Helsingin kaupunki", "Helsingfors stad"),
}
AREA_WORDS = ("hyvinvointialueen", "hyvinvointialue", "hyvinvointialueet", "hva", "välfärdsområdet",
              "välfärdsområde", "wellbeing services county of", "wellbeing services county",
              "welfare area", "county")
MUNICIPALITY_WORDS = ("kaupunki", "kunta", "kommun", "kommunen", "stad", "staden", "city of", "town of",
                      "municipality of", "city", "town", "municipality")
# Where a name has both markers ("Helsingin kaupunki" is also an area), the municipality wins.
HELSINKI_MUNICIPALITY = "091"

# Headers of an attendance export's organisation column (normalised: lower case, single spaces).
ORGANISATION_HEADERS = frozenset({
    "organisaatio", "organisaation nimi", "edustamasi organisaatio", "edustamasi taho", "taho",
    "organisaatio yritys", "yritys organisaatio", "yritys", "työnantaja", "työpaikka", "kunta tai alue",
    "kunta hyvinvointialue", "organisation", "organisationens namn", "arbetsgivare", "företag",
    "organization", "organisation name", "organization name", "company", "employer", "affiliation",
    "org", "organisaatio org", "organisation organisaatio",
})
# Columns that identify a person in such an export: read only to count each person once.
PERSON_HEADERS = frozenset({
    "sähköposti", "sähköpostiosoite", "email", "e mail", "e mail address", "email address", "e post",
    "e postadress", "epost", "sposti", "nimi", "koko nimi", "osallistujan nimi", "name", "full name",
    "participant name", "namn", "fullständigt namn", "deltagarens namn", "attendee", "participant",
})


@dataclass(frozen=True)
class OrgMatch:
    org_type: OrgType
    org_key: str  # municipality code, area code as text, or the cleaned name


def name_key(text: str) -> str:
    """Case, accents' composition, dashes and spacing forgiven: the key names are compared by."""
    text = unicodedata.normalize("NFC", text)
    text = DASHES.sub("-", text).casefold().strip(EDGE_PUNCTUATION)
    return SPACE_OR_HYPHEN.sub(" ", text).strip()


def clean_name(text: str) -> str:
    """An organisation name as stored for "other" organisations: spacing tidied, case kept
    (and nothing else, so a stored name comes back unchanged from an export)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _strip_word(key: str, words: tuple[str, ...]) -> str | None:
    """The key without one organisation word at its end or start, or None if it has none."""
    for word in words:
        if key.endswith(" " + word):
            return key[: -len(word) - 1].strip()
        if key.startswith(word + " "):
            return key[len(word) + 1:].strip()
    return None


# --- areas ------------------------------------------------------------------------------

def _without_area_word(key: str) -> str:
    stripped = _strip_word(key, AREA_WORDS)
    return stripped if stripped is not None else key


@cache
def _area_keys() -> dict[str, int]:
    out: dict[str, int] = {}
    for area in facts.in_scope_areas():
        names = [area.name_fi, area.name_sv, area.name_en, *AREA_SHORT_NAMES.get(area.code, ())]
        for name in names:
            key = name_key(name)
            out[key] = area.code
            stem = _without_area_word(key)
            out.setdefault(stem, area.code)
            if stem.endswith("s") and not stem.endswith(("savolax", "ss")):
                out.setdefault(stem[:-1], area.code)  # Swedish genitive: "österbottens"
    return out


def match_area(text: str) -> int | None:
    """An area's code from its code, full name, short name or genitive, in Finnish, Swedish or
    English; None if the text names no area in scope."""
    key = name_key(text)
    if re.fullmatch(r"\d{1,2}(\.0)?", key):
        code = int(float(key))
        area = facts.area_by_code().get(code)
        return code if area is not None and area.in_scope else None
    keys = _area_keys()
    if key in keys:
        return keys[key]
    return keys.get(_without_area_word(key))


# --- municipalities --------------------------------------------------------------------

# Consonant gradation of the stem's last consonants (strong -> weak), longest first.
GRADATION: tuple[tuple[str, str], ...] = (
    ("nk", "ng"), ("mp", "mm"), ("nt", "nn"), ("lt", "ll"), ("rt", "rr"), ("ht", "hd"),
    ("kk", "k"), ("pp", "p"), ("tt", "t"), ("k", ""), ("t", "d"), ("p", "v"),
)
VOWELS = "aeiouyäö"
# Compounds whose first part is inflected too: "Uusikaupunki" -> "Uudenkaupungin".
FIRST_PARTS: tuple[tuple[str, str], ...] = (("uusi", "uuden"), ("iso", "ison"))


def _weak(stem: str) -> set[str]:
    """The stem with and without weak grade in its last consonant cluster."""
    out = {stem}
    for strong, weak in GRADATION:
        if stem.endswith(strong) and len(stem) > len(strong) and stem[-len(strong) - 1] in VOWELS + "lnrh":
            out.add(stem[: -len(strong)] + weak)
            break
    return out


def genitives(name: str) -> set[str]:
    """Plausible Finnish genitives of a municipality's name (as keys)."""
    key = name_key(name)
    out: set[str] = set()
    if key.endswith("nen"):
        out |= {key[:-3] + "sen", key[:-3] + "sten"}
    elif key.endswith(("us", "ys")):
        out |= {key[:-1] + "ksen", key[:-1] + "den"}
    elif key.endswith(("es", "is")):
        out |= {key[:-1] + "ksen"}
    elif key.endswith(("as", "äs")):
        stem = key[:-2]
        # These take the strong grade in the genitive: Pihtipudas -> Pihtiputaan.
        strong = stem[:-1] + "t" if stem.endswith("d") else stem
        out |= {s + key[-2] * 2 + "n" for s in (stem, strong)}
    elif key and key[-1] in VOWELS:
        stem, vowel = key[:-1], key[-1]
        for weak in _weak(stem):
            out.add(weak + vowel + "n")
            if vowel == "i":
                out.add(weak + "en")  # järvi -> järven, lahti -> lahden
            if vowel == "e":
                out.add(key + "en")  # Keitele -> Keiteleen
        out.add(key + "n")
    for first, inflected in FIRST_PARTS:
        if key.startswith(first) and len(key) > len(first) + 2:
            out |= {inflected + g for g in genitives(key[len(first):])}
    out.discard(key)
    return out


@cache
def _municipality_keys() -> tuple[dict[str, str], dict[str, str]]:
    """(names -> code, genitives -> code); a genitive shared by two municipalities is left out."""
    names: dict[str, str] = {}
    for m in facts.municipalities():
        for name in (m.name_fi, m.name_sv):
            key = name_key(name)
            names[key] = m.code
            stripped = _strip_word(key, MUNICIPALITY_WORDS)
            if stripped:
                names.setdefault(stripped, m.code)  # "Pedersören kunta" is the official name
    for name, code in facts.MERGED_MUNICIPALITY_NAMES.items():
        names[name_key(name)] = code
    owners: dict[str, set[str]] = {}
    sources = [(m.name_fi, m.code) for m in facts.municipalities()]
    sources += list(facts.MERGED_MUNICIPALITY_NAMES.items())
    for name, code in sources:
        for genitive in genitives(name):
            owners.setdefault(genitive, set()).add(code)
    gens = {g: next(iter(codes)) for g, codes in owners.items() if len(codes) == 1 and g not in names}
    return names, gens


def _prefix_match(key: str) -> str | None:
    """Last resort for irregular genitives: the one name sharing all but its last two letters."""
    names, _ = _municipality_keys()
    best: list[tuple[int, str]] = []
    for name, code in names.items():
        if len(key) > len(name) + 4 or len(name) < 4:
            continue
        common = len(_common_prefix(name, key))
        if common >= max(3, len(name) - 2):
            best.append((common, code))
    if not best:
        return None
    top = max(c for c, _ in best)
    codes = {code for c, code in best if c == top}
    return codes.pop() if len(codes) == 1 else None


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def match_municipality(text: str, *, genitive: bool = True) -> str | None:
    """A municipality's code (merged ones' old code, for the caller to map and warn) from its
    code or name in Finnish or Swedish, or an organisation name such as "Keiteleen kunta"."""
    key = name_key(text)
    if re.fullmatch(r"\d{1,3}(\.0)?", key):
        code = str(int(float(key))).zfill(3)
        known = code in facts.municipality_by_code() or code in facts.MERGED_MUNICIPALITIES
        return code if known else None
    names, gens = _municipality_keys()
    if key in names:
        return names[key]
    stripped = _strip_word(key, MUNICIPALITY_WORDS)
    stem = stripped if stripped is not None else key
    if stem in names:
        return names[stem]
    if stem.endswith("s") and stem[:-1] in names:
        return names[stem[:-1]]  # Swedish genitive: "Korsholms kommun"
    if not genitive and stripped is None:
        return None
    if stem in gens:
        return gens[stem]
    return _prefix_match(stem) if stripped is not None else None


def match_organisation(text: str) -> OrgMatch | None:
    """A municipality or an area for an organisation name; None when it is neither (or unknown)."""
    for candidate in _candidates(text):
        found = _match_one(candidate)
        if found is not None:
            return found
    return None


def _candidates(text: str) -> list[str]:
    parts = [p for p in DEPARTMENT_SEPARATORS.split(text) if p.strip()]
    return [text, *parts[:1]] if len(parts) > 1 else [text]


def _match_one(text: str) -> OrgMatch | None:
    key = name_key(text)
    if not key:
        return None
    if _strip_word(key, MUNICIPALITY_WORDS) is not None:
        code = match_municipality(key)
        if code is not None:
            return OrgMatch(OrgType.MUNICIPALITY, code)
    if _strip_word(key, AREA_WORDS) is not None:
        area = match_area(key)
        return OrgMatch(OrgType.AREA, str(area)) if area is not None else None
    code = match_municipality(key, genitive=False)
    if code is not None:
        return OrgMatch(OrgType.MUNICIPALITY, code)
    area = match_area(key)
    if area is not None:
        return OrgMatch(OrgType.AREA, str(area))
    return None
