"""Records: one validated dataclass per kind of row, in the shape people see and exchange.

Areas and municipalities are given by code; names are resolved by the importer before
a record is built. Validation errors name the field, so callers can point at a cell.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field, ValidationInfo, field_validator
from pydantic.dataclasses import dataclass

from yhdyspinta import facts
from yhdyspinta.domain import (
    WEB_ADDRESS_PATTERN,
    AgreementKind,
    AgreementStatus,
    ApprovalStatus,
    OrgType,
    RespondentRole,
    Role,
    StructureKind,
    SurveyLevel,
    Theme,
    join_themes,
    parse_themes,
)

FINNISH_DATE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")
MAX_TEXT = 200
MAX_URL = 1000
# Every date of every record lies in these bounds: imports, forms and restore share them.
FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2099, 12, 31)
MAX_PARTICIPANTS = 100_000
MAX_N = 1_000_000

CONFIG = ConfigDict(str_strip_whitespace=True, extra="forbid", frozen=True)


def _empty_to_none(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN from pandas
        return None
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _parse_date(value: Any) -> Any:
    value = _empty_to_none(value)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        match = FINNISH_DATE.match(value)
        if match:
            day, month, year = (int(g) for g in match.groups())
            return date(year, month, day)
        return value.strip()[:10] if re.match(r"^\d{4}-\d{2}-\d{2}", value.strip()) else value
    return value


def _area_code(value: int) -> int:
    area = facts.area_by_code().get(value)
    if area is None:
        raise ValueError(f"unknown area code {value}; expected 1–21 or 90")
    if not area.in_scope:
        raise ValueError(f"area {value} ({area.name_fi}) is outside the reform")
    return value


def _municipality_code(value: Any) -> str:
    text = str(value).strip()
    if text.isdigit():
        text = text.zfill(3)
    if text not in facts.municipality_by_code():
        raise ValueError(f"unknown municipality code {text!r}")
    return text


def _themes(value: Any) -> str:
    value = _empty_to_none(value)
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = ";".join(str(v) for v in value)
    return join_themes(parse_themes(str(value)))


def _integer(value: Any) -> Any:
    # Spreadsheets hand whole numbers over as floats (3.0); accept those, not 3.5.
    value = _empty_to_none(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _decimal(value: Any) -> Any:
    value = _empty_to_none(value)
    if isinstance(value, str):
        return value.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    return value


def _date_in_range(value: date | None) -> date | None:
    if value is not None and not FIRST_DAY <= value <= LAST_DAY:
        raise ValueError(f"date {value.isoformat()} is outside {FIRST_DAY.year}–{LAST_DAY.year}")
    return value


OptDate = Annotated[date | None, BeforeValidator(_parse_date), AfterValidator(_date_in_range)]
ReqDate = Annotated[date, BeforeValidator(_parse_date), AfterValidator(_date_in_range)]
AreaCode = Annotated[int, BeforeValidator(_integer), AfterValidator(_area_code)]
MunicipalityCode = Annotated[str, BeforeValidator(_integer), AfterValidator(_municipality_code)]
# Control characters (NUL and the like) in text: refused in every record, whatever brought it
# (a form, the package API, an import or a restore); a line break or tab may stay in a text.
ALLOWED_CONTROLS = frozenset("\t\n\r")


def _plain(value: str | None) -> str | None:
    if value is None:
        return None
    for position, char in enumerate(value, start=1):
        if char not in ALLOWED_CONTROLS and unicodedata.category(char) in ("Cc", "Cs"):
            raise ValueError(f"control character U+{ord(char):04X} at character {position}; remove it")
    return value


Text = Annotated[str, Field(min_length=1, max_length=MAX_TEXT), AfterValidator(_plain)]
OptText = Annotated[
    Annotated[str, Field(max_length=MAX_URL), AfterValidator(_plain)] | None, BeforeValidator(_empty_to_none)
]
OptUrl = Annotated[
    Annotated[str, Field(max_length=MAX_URL, pattern=WEB_ADDRESS_PATTERN), AfterValidator(_plain)] | None,
    BeforeValidator(_empty_to_none),
]
Themes = Annotated[str, BeforeValidator(_themes)]
MaturityScore = Annotated[int, BeforeValidator(_integer), Field(ge=1, le=3)]


# The day the wellbeing services counties started: the first term of their agreements.
FIRST_TERM_START = date(2023, 1, 1)


@dataclass(config=CONFIG)
class AgreementRecord:
    """One agreement of an area; (area, kind, term start) names it, so a renewal for a new
    term is a new record beside its predecessor. A record given without its term start is
    completed from the store before writing (see `kinds.KindSpec.complete`)."""

    area_code: AreaCode
    kind: AgreementKind
    title: Text
    status: AgreementStatus
    preparation_started_on: OptDate = None
    approved_on: OptDate = None
    valid_from: OptDate = None
    valid_until: OptDate = None
    themes: Themes = ""
    document_url: OptUrl = None
    term_start: OptDate = None


@dataclass(config=CONFIG)
class ApprovalRecord:
    """A municipal council's decision on one agreement, named by its area, kind and term
    start. Without a term start it is the area's latest agreement of that kind, filled in
    from the store before writing (see `kinds.KindSpec.complete`), so files from before terms import."""

    area_code: AreaCode
    agreement_kind: AgreementKind
    municipality_code: MunicipalityCode
    status: ApprovalStatus
    decided_on: OptDate = None
    agreement_term_start: OptDate = None

    @field_validator("municipality_code")
    @classmethod
    def _in_the_area(cls, code: str, info: ValidationInfo) -> str:
        # An approval is filed under its area (whose editors may write it): a council of
        # another area would be recorded – and permitted – under the wrong one.
        area = info.data.get("area_code")
        if area is None:  # the area itself was refused; that error says so
            return code
        municipality = facts.municipality_by_code()[code]
        if municipality.area_code != area:
            raise ValueError(
                f"municipality {code} ({municipality.name_fi}) belongs to area {municipality.area_code} "
                f"({facts.area_by_code()[municipality.area_code].name_fi}), not to area {area} "
                f"({facts.area_by_code()[area].name_fi})")
        return code


@dataclass(config=CONFIG)
class StructureRecord:
    area_code: AreaCode
    kind: StructureKind
    name: Text
    theme: Annotated[Theme | None, BeforeValidator(_empty_to_none)] = None
    established_on: OptDate = None
    url: OptUrl = None


@dataclass(config=CONFIG)
class ForumRecord:
    held_on: ReqDate
    theme: Theme
    title: Text
    recording_url: OptUrl = None


ASCII_CODE = re.compile(r"^[0-9]+(\.0+)?$")


def _org_key_text(value: Any) -> Any:
    """A code given as a number (13, 13.0) as text; anything else unchanged."""
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    return value


def _code_number(text: str, what: str) -> int:
    """A municipality or area code written with ASCII digits, zero padded or not, or as a
    spreadsheet writes whole numbers ("13.0"). Other scripts' digits (१३, full-width １３),
    signs and fractions are refused, not folded: a key must have one spelling."""
    if not ASCII_CODE.match(text):
        raise ValueError(f"{what} code {text!r} must be written with the digits 0–9 (e.g. {_EXAMPLES[what]})")
    return int(text.split(".")[0])


_EXAMPLES = {"municipality": "091 or 91", "area": "13"}


@dataclass(config=CONFIG)
class ParticipationRecord:
    """Participants of one organisation at one forum. The organisation's key has one form per
    type – a municipality's official three-digit code ("091"), an area's code as text ("13"),
    another organisation's name – so one organisation is always one record."""

    forum_date: ReqDate
    org_type: OrgType
    org_key: Annotated[str, BeforeValidator(_org_key_text), Field(min_length=1, max_length=MAX_TEXT),
                       AfterValidator(_plain)]
    participants: Annotated[int, BeforeValidator(_integer), Field(ge=0, le=MAX_PARTICIPANTS)]

    @field_validator("org_key")
    @classmethod
    def _one_key(cls, key: str, info: ValidationInfo) -> str:
        org_type = info.data.get("org_type")
        if org_type == OrgType.MUNICIPALITY:
            code = str(_code_number(key, "municipality")).zfill(3)
            if code in facts.MERGED_MUNICIPALITIES:
                raise ValueError(f"municipality {code} was merged into {facts.successor_code(code)}; "
                                 f"use {facts.successor_code(code)}")
            if code not in facts.municipality_by_code():
                raise ValueError(f"unknown municipality code {code!r}")
            return code
        if org_type == OrgType.AREA:
            return str(_area_code(_code_number(key, "area")))
        return key


@dataclass(config=CONFIG)
class SurveyRecord:
    survey: Text
    wave: Annotated[str, Field(min_length=1, max_length=40), AfterValidator(_plain)]
    statement: Annotated[str, Field(min_length=1, max_length=MAX_URL), AfterValidator(_plain)]
    respondent_group: Text
    level: SurveyLevel
    value_pct: Annotated[float, BeforeValidator(_decimal), Field(ge=0, le=100, allow_inf_nan=False)]
    n: Annotated[int, BeforeValidator(_integer), Field(ge=0, le=MAX_N)]
    level_key: Annotated[str, BeforeValidator(lambda v: _empty_to_none(v) or ""), AfterValidator(_plain)] = ""
    published_on: OptDate = None


@dataclass(config=CONFIG)
class MaturityRecord:
    area_code: AreaCode
    assessed_on: ReqDate
    respondent_no: Annotated[int, BeforeValidator(_integer), Field(ge=1, le=100_000)]
    respondent_role: RespondentRole
    trust: MaturityScore
    communication: MaturityScore
    information_sharing: MaturityScore
    goals: MaturityScore
    power: MaturityScore
    resources: MaturityScore
    accountability: MaturityScore
    commitment: MaturityScore


@dataclass(config=CONFIG)
class PilotRecord:
    area_code: AreaCode
    started_on: OptDate = None
    ended_on: OptDate = None
    note: OptText = None


def _subject(value: Any) -> Any:
    return value.strip().lower() if isinstance(value, str) else value


def _area_codes(value: Any) -> str:
    value = _empty_to_none(value)
    if value is None:
        return ""
    parts = [p.strip() for p in str(value).replace(",", ";").split(";") if p.strip()]
    codes = sorted({_area_code(_whole_number(p)) for p in parts})
    return ";".join(str(c) for c in codes)


def _whole_number(text: str) -> int:
    """"13" or "13.0" (as spreadsheets write it); anything else, "1e400" and "nan" included,
    is a ValueError, which the validator reports, rather than an overflow it would not catch."""
    try:
        number = float(text)
    except ValueError:
        raise ValueError(f"{text!r} is not an area code; expected 1–21 or 90") from None
    if not number.is_integer():
        raise ValueError(f"{text!r} is not an area code; expected 1–21 or 90")
    return int(number)


@dataclass(config=CONFIG)
class RoleRecord:
    subject: Annotated[str, BeforeValidator(_subject),
                       Field(min_length=3, max_length=MAX_TEXT, pattern=r"^[^@\s]+@[^@\s]+$")]
    role: Role
    area_codes: Annotated[str, BeforeValidator(_area_codes)] = ""

    def __post_init__(self) -> None:
        if self.role == Role.AREA_EDITOR and not self.area_codes:
            raise ValueError("an area editor needs at least one area code")
        if self.role != Role.AREA_EDITOR and self.area_codes:
            raise ValueError("only an area editor is limited to areas")
