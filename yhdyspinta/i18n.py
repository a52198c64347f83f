"""Finnish, Swedish and English texts, and locale-aware number and date formatting.

Finnish is the default; a missing translation falls back to Finnish so nothing is blank.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum

import pandas as pd
from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal, format_percent

from yhdyspinta import texts

LANGUAGES: tuple[str, ...] = ("fi", "sv", "en")
DEFAULT_LANGUAGE = "fi"
LOCALES = {"fi": "fi_FI", "sv": "sv_FI", "en": "en_GB"}
LANGUAGE_NAMES = {"fi": "Suomi", "sv": "Svenska", "en": "English"}

Texts = dict[str, str]

MESSAGES: dict[str, Texts] = texts.merged()

# Column headers in exports and templates; imports accept any of these and the field name.
COLUMN_LABELS: dict[str, Texts] = {
    "code": {"fi": "koodi", "sv": "kod", "en": "code"},
    "name_fi": {"fi": "nimi suomeksi", "sv": "namn på finska", "en": "name in Finnish"},
    "name_sv": {"fi": "nimi ruotsiksi", "sv": "namn på svenska", "en": "name in Swedish"},
    "name_en": {"fi": "nimi englanniksi", "sv": "namn på engelska", "en": "name in English"},
    "in_scope": {"fi": "uudistuksen piirissä", "sv": "inom reformen", "en": "in scope"},
    "area_code": {"fi": "alue", "sv": "område", "en": "area"},
    "language": {"fi": "kielisuhde", "sv": "språkstatus", "en": "language status"},
    "population": {"fi": "asukasluku", "sv": "invånarantal", "en": "population"},
    "population_year": {"fi": "asukasluvun vuosi", "sv": "invånarantalets år",
                        "en": "population year"},
    "kind": {"fi": "tyyppi", "sv": "typ", "en": "kind"},
    "title": {"fi": "otsikko", "sv": "rubrik", "en": "title"},
    "status": {"fi": "tila", "sv": "status", "en": "status"},
    "preparation_started_on": {"fi": "valmistelu alkoi", "sv": "beredningen började",
                               "en": "preparation started"},
    "approved_on": {"fi": "hyväksytty pvm", "sv": "godkänt datum", "en": "approved on"},
    "valid_from": {"fi": "voimassa alkaen", "sv": "giltigt från", "en": "valid from"},
    "valid_until": {"fi": "voimassa asti", "sv": "giltigt till", "en": "valid until"},
    "term_start": {"fi": "sopimuskausi alkaa", "sv": "avtalsperioden börjar", "en": "term starts"},
    "themes": {"fi": "teemat", "sv": "teman", "en": "themes"},
    "document_url": {"fi": "asiakirjan linkki", "sv": "länk till dokumentet",
                     "en": "document link"},
    "agreement_kind": {"fi": "sopimuksen tyyppi", "sv": "avtalets typ", "en": "agreement kind"},
    "agreement_term_start": {"fi": "sopimuksen kausi alkaa", "sv": "avtalets period börjar",
                             "en": "agreement term starts"},
    "municipality_code": {"fi": "kunta", "sv": "kommun", "en": "municipality"},
    "decided_on": {"fi": "päätöspäivä", "sv": "beslutsdatum", "en": "decided on"},
    "name": {"fi": "nimi", "sv": "namn", "en": "name"},
    "theme": {"fi": "teema", "sv": "tema", "en": "theme"},
    "established_on": {"fi": "perustettu", "sv": "inrättad", "en": "established on"},
    "url": {"fi": "linkki", "sv": "länk", "en": "link"},
    "held_on": {"fi": "päivämäärä", "sv": "datum", "en": "date"},
    "recording_url": {"fi": "tallenteen linkki", "sv": "länk till inspelningen",
                      "en": "recording link"},
    "forum_date": {"fi": "foorumin päivämäärä", "sv": "forumets datum", "en": "forum date"},
    "org_type": {"fi": "organisaation tyyppi", "sv": "organisationens typ",
                 "en": "organisation type"},
    "org_key": {"fi": "organisaatio", "sv": "organisation", "en": "organisation"},
    "participants": {"fi": "osallistujia", "sv": "deltagare", "en": "participants"},
    "survey": {"fi": "kysely", "sv": "enkät", "en": "survey"},
    "wave": {"fi": "kierros", "sv": "omgång", "en": "wave"},
    "published_on": {"fi": "julkaistu", "sv": "publicerad", "en": "published on"},
    "statement": {"fi": "väittämä", "sv": "påstående", "en": "statement"},
    "respondent_group": {"fi": "vastaajaryhmä", "sv": "svarsgrupp", "en": "respondent group"},
    "level": {"fi": "taso", "sv": "nivå", "en": "level"},
    "level_key": {"fi": "tason tunniste", "sv": "nivåns id", "en": "level key"},
    "value_pct": {"fi": "osuus %", "sv": "andel %", "en": "share %"},
    "n": {"fi": "N", "sv": "N", "en": "N"},
    "assessed_on": {"fi": "arviointipäivä", "sv": "bedömningsdatum", "en": "assessed on"},
    "respondent_no": {"fi": "vastaajan nro", "sv": "svarandens nr", "en": "respondent no"},
    "respondent_role": {"fi": "vastaajan rooli", "sv": "svarandens roll",
                        "en": "respondent role"},
    "trust": {"fi": "luottamus", "sv": "förtroende", "en": "trust"},
    "communication": {"fi": "kommunikaatio", "sv": "kommunikation", "en": "communication"},
    "information_sharing": {"fi": "tiedon jakaminen", "sv": "informationsdelning",
                            "en": "information sharing"},
    "goals": {"fi": "tavoitteet", "sv": "mål", "en": "goals"},
    "power": {"fi": "valta", "sv": "makt", "en": "power"},
    "resources": {"fi": "resurssit", "sv": "resurser", "en": "resources"},
    "accountability": {"fi": "tilivelvollisuus", "sv": "ansvarsskyldighet",
                       "en": "accountability"},
    "commitment": {"fi": "sitoutuminen", "sv": "engagemang", "en": "commitment"},
    "started_on": {"fi": "alkoi", "sv": "började", "en": "started on"},
    "ended_on": {"fi": "päättyi", "sv": "slutade", "en": "ended on"},
    "note": {"fi": "huomautus", "sv": "anmärkning", "en": "note"},
    "id": {"fi": "nro", "sv": "nr", "en": "no"},
    "at": {"fi": "aika", "sv": "tid", "en": "time"},
    "actor": {"fi": "tekijä", "sv": "utförare", "en": "by"},
    "action": {"fi": "toiminto", "sv": "åtgärd", "en": "action"},
    "record_key": {"fi": "tietue", "sv": "post", "en": "record"},
    "before": {"fi": "ennen", "sv": "före", "en": "before"},
    "after": {"fi": "jälkeen", "sv": "efter", "en": "after"},
    "batch_id": {"fi": "erä", "sv": "parti", "en": "batch"},
    "area_name": {"fi": "alueen nimi", "sv": "områdets namn", "en": "area name"},
    "municipality_name": {"fi": "kunnan nimi", "sv": "kommunens namn", "en": "municipality name"},
    "org_name": {"fi": "organisaation nimi", "sv": "organisationens namn",
                 "en": "organisation name"},
}

# Labels of enum codes, keyed by the enum's class name and the code.
ENUM_LABELS: dict[str, dict[str, Texts]] = {
    "ChangeAction": {
        "insert": {"fi": "Lisäys", "sv": "Tillägg", "en": "Added"},
        "update": {"fi": "Muutos", "sv": "Ändring", "en": "Changed"},
        "delete": {"fi": "Poisto", "sv": "Borttagning", "en": "Removed"},
        "seed": {"fi": "Perustiedot", "sv": "Grunddata", "en": "Base data"},
        "restore": {"fi": "Palautus varmuuskopiosta", "sv": "Återställning", "en": "Restored from backup"},
        "denied": {"fi": "Estetty", "sv": "Nekad", "en": "Refused"},
        "undo": {"fi": "Peruutus", "sv": "Ångrad", "en": "Undone"},
    },
    "AgreementKind": {
        "yhteistyosopimus": {"fi": "Strateginen yhteistyösopimus", "sv": "Strategiskt samarbetsavtal",
                             "en": "Strategic collaboration agreement"},
        "yhdyspintasopimus": {"fi": "Yhdyspintasopimus", "sv": "Gränsytavtal",
                              "en": "Interface agreement"},
        "aiesopimus": {"fi": "Aiesopimus", "sv": "Avsiktsförklaring", "en": "Letter of intent"},
    },
    "AgreementStatus": {
        "ei_aloitettu": {"fi": "Ei aloitettu", "sv": "Inte påbörjat", "en": "Not started"},
        "valmistelussa": {"fi": "Valmistelussa", "sv": "Under beredning", "en": "In preparation"},
        "paatoksenteossa": {"fi": "Päätöksenteossa", "sv": "I beslutsfattande",
                            "en": "In decision-making"},
        "hyvaksytty": {"fi": "Hyväksytty", "sv": "Godkänt", "en": "Approved"},
        "toimeenpanossa": {"fi": "Toimeenpanossa", "sv": "Verkställs", "en": "In implementation"},
        "paivitettavana": {"fi": "Päivitettävänä", "sv": "Under revidering",
                           "en": "Under revision"},
    },
    "ApprovalStatus": {
        "kasittelematta": {"fi": "Käsittelemättä", "sv": "Obehandlat", "en": "Pending"},
        "hyvaksytty": {"fi": "Hyväksytty", "sv": "Godkänt", "en": "Approved"},
        "hylatty": {"fi": "Hylätty", "sv": "Förkastat", "en": "Rejected"},
    },
    "StructureKind": {
        "kuntafoorumi": {"fi": "Kuntafoorumi", "sv": "Kommunforum", "en": "Municipal forum"},
        "hyte_neuvottelukunta": {"fi": "HYTE-neuvottelukunta", "sv": "Delegation för välfärd och hälsa",
                                 "en": "Wellbeing and health promotion board"},
        "teematyoryhma": {"fi": "Teematyöryhmä", "sv": "Temaarbetsgrupp", "en": "Theme working group"},
        "johtoryhma": {"fi": "Yhteistyön johtoryhmä", "sv": "Samarbetets ledningsgrupp",
                       "en": "Collaboration steering group"},
        "muu": {"fi": "Muu", "sv": "Annan", "en": "Other"},
    },
    "OrgType": {
        "kunta": {"fi": "Kunta", "sv": "Kommun", "en": "Municipality"},
        "alue": {"fi": "Hyvinvointialue", "sv": "Välfärdsområde", "en": "Wellbeing services county"},
        "muu": {"fi": "Muu organisaatio", "sv": "Annan organisation", "en": "Other organisation"},
    },
    "SurveyLevel": {
        "koko_maa": {"fi": "Koko maa", "sv": "Hela landet", "en": "Whole country"},
        "alue": {"fi": "Alue", "sv": "Område", "en": "Area"},
        "kuntaryhma": {"fi": "Kuntaryhmä", "sv": "Kommungrupp", "en": "Municipality group"},
    },
    "RespondentRole": {
        "kunta": {"fi": "Kunta", "sv": "Kommun", "en": "Municipality"},
        "hyvinvointialue": {"fi": "Hyvinvointialue", "sv": "Välfärdsområde", "en": "County"},
        "muu": {"fi": "Muu", "sv": "Annan", "en": "Other"},
    },
    "MaturityLevel": {
        "1": {"fi": "Yhteistyö", "sv": "Samarbete", "en": "Cooperation"},
        "2": {"fi": "Koordinaatio", "sv": "Koordinering", "en": "Coordination"},
        "3": {"fi": "Strateginen yhteistyö ja kumppanuus", "sv": "Strategiskt samarbete och partnerskap",
              "en": "Strategic collaboration and partnership"},
    },
    "Language": {
        "fi": {"fi": "Suomenkielinen", "sv": "Finskspråkig", "en": "Finnish-speaking"},
        "sv": {"fi": "Ruotsinkielinen", "sv": "Svenskspråkig", "en": "Swedish-speaking"},
        "fi_sv": {"fi": "Kaksikielinen (enemmistö suomi)", "sv": "Tvåspråkig (majoritet finska)",
                  "en": "Bilingual (Finnish majority)"},
        "sv_fi": {"fi": "Kaksikielinen (enemmistö ruotsi)", "sv": "Tvåspråkig (majoritet svenska)",
                  "en": "Bilingual (Swedish majority)"},
    },
    "Theme": {
        "johtaminen": {"fi": "Yhteistyön toimintamallit ja johtaminen",
                       "sv": "Samarbetsmodeller och ledning",
                       "en": "Collaboration models and leadership"},
        "hyte": {"fi": "Hyvinvoinnin ja terveyden edistäminen", "sv": "Främjande av välfärd och hälsa",
                 "en": "Wellbeing and health promotion"},
        "sivistys_sote": {"fi": "Sivistys ja sote", "sv": "Bildning och social- och hälsovård",
                          "en": "Education and social and health services"},
        "tyollisyys": {"fi": "Työllisyys", "sv": "Sysselsättning", "en": "Employment"},
        "maahanmuutto": {"fi": "Maahanmuutto ja kotoutuminen", "sv": "Invandring och integration",
                         "en": "Immigration and integration"},
        "turvallisuus": {"fi": "Turvallisuus ja varautuminen", "sv": "Säkerhet och beredskap",
                         "en": "Safety and preparedness"},
        "lapset_perheet": {"fi": "Lasten, nuorten ja perheiden palvelut",
                           "sv": "Tjänster för barn, unga och familjer",
                           "en": "Services for children, young people and families"},
        "ikaihmiset": {"fi": "Ikäihmisten palvelut", "sv": "Äldreomsorg",
                       "en": "Older people's services"},
        "paihteet_mielenterveys": {"fi": "Nuorten päihteet ja mielenterveys",
                                   "sv": "Ungas missbruk och psykiska hälsa",
                                   "en": "Substance use and mental health of the young"},
        "palveluverkko": {"fi": "Palveluverkko, maankäyttö ja kiinteistöt",
                          "sv": "Servicenät, markanvändning och fastigheter",
                          "en": "Service network, land use and premises"},
        "jarjestot": {"fi": "Järjestöyhteistyö", "sv": "Organisationssamarbete",
                      "en": "Collaboration with organisations"},
        "elinvoima": {"fi": "Elinvoima", "sv": "Livskraft", "en": "Vitality"},
        "yhdenvertaisuus": {"fi": "Yhdenvertaisuus, tasa-arvo ja lähisuhdeväkivalta",
                            "sv": "Likabehandling, jämställdhet och våld i nära relationer",
                            "en": "Equality and domestic violence"},
        "varhaiskasvatus": {"fi": "Varhaiskasvatus ja alle kouluikäisten palvelut",
                            "sv": "Småbarnspedagogik och tjänster för barn under skolåldern",
                            "en": "Early childhood services"},
        "hautaustoimi": {"fi": "Hautaustoimen järjestelyt", "sv": "Begravningsväsendet",
                         "en": "Funeral arrangements"},
        "talous": {"fi": "Talous", "sv": "Ekonomi", "en": "Finance"},
        "ruoka_apu": {"fi": "Ruoka-apu", "sv": "Mathjälp", "en": "Food aid"},
    },
}


def normalise_language(lang: str | None) -> str:
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
    texts = MESSAGES.get(key)
    if texts is None:
        raise KeyError(f"no text for {key!r}")
    text = texts.get(lang) or texts[DEFAULT_LANGUAGE]
    return text.format(**params) if params else text


def column_label(field_name: str, lang: str = DEFAULT_LANGUAGE) -> str:
    texts = COLUMN_LABELS.get(field_name)
    if texts is None:
        return field_name
    return texts.get(lang) or texts[DEFAULT_LANGUAGE]


def enum_label(enum_name: str, code: object, lang: str = DEFAULT_LANGUAGE) -> str:
    if isinstance(code, Enum):
        code = code.value
    texts = ENUM_LABELS.get(enum_name, {}).get(str(code))
    if texts is None:
        return "" if code is None else str(code)
    return texts.get(lang) or texts[DEFAULT_LANGUAGE]


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT


def round_half_away(value: float, digits: int = 0) -> Decimal:
    """`value` rounded to `digits` decimals, halves away from zero (46.5 → 47, −0.5 → −1), as
    every surface of the dashboard rounds; Babel on its own rounds halves to even."""
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def format_number(value: float | int | None, lang: str = DEFAULT_LANGUAGE, digits: int = 0) -> str:
    if _missing(value):
        return "–"
    pattern = "#,##0" if digits == 0 else "#,##0." + "0" * digits
    return format_decimal(round_half_away(value, digits), format=pattern,  # type: ignore[arg-type]
                          locale=LOCALES[normalise_language(lang)])


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
