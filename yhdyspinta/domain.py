"""Domain vocabulary: the closed sets of codes the store accepts.

Labels for people live in `yhdyspinta.i18n`; here are only the codes, their order and the
rules that tie them together.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class AgreementKind(StrEnum):
    COLLABORATION = "yhteistyosopimus"
    INTERFACE = "yhdyspintasopimus"
    LETTER_OF_INTENT = "aiesopimus"


class AgreementStatus(StrEnum):
    """Lifecycle of an agreement, in order; the last two follow approval."""

    NOT_STARTED = "ei_aloitettu"
    IN_PREPARATION = "valmistelussa"
    IN_DECISION = "paatoksenteossa"
    APPROVED = "hyvaksytty"
    IN_IMPLEMENTATION = "toimeenpanossa"
    UNDER_REVISION = "paivitettavana"


# Statuses at which the agreement has been approved by the area at least once.
APPROVED_STATUSES: frozenset[AgreementStatus] = frozenset(
    {AgreementStatus.APPROVED, AgreementStatus.IN_IMPLEMENTATION, AgreementStatus.UNDER_REVISION}
)


class ApprovalStatus(StrEnum):
    """A municipal council's decision on its area's agreement."""

    PENDING = "kasittelematta"
    APPROVED = "hyvaksytty"
    REJECTED = "hylatty"


# A web address a record may hold (a document, a recording, a structure's page): http or https
# only, so a link built from one can open nothing else.
WEB_ADDRESS_PATTERN = r"^https?://\S+$"

# The decisions a council has made (pending is none): each has a day of its own.
DECIDED_STATUSES: frozenset[ApprovalStatus] = frozenset({ApprovalStatus.APPROVED, ApprovalStatus.REJECTED})


class StructureKind(StrEnum):
    MUNICIPAL_FORUM = "kuntafoorumi"
    HYTE_BOARD = "hyte_neuvottelukunta"
    THEME_GROUP = "teematyoryhma"
    LEADERSHIP_GROUP = "johtoryhma"
    OTHER = "muu"


class OrgType(StrEnum):
    MUNICIPALITY = "kunta"
    AREA = "alue"
    OTHER = "muu"


class SurveyLevel(StrEnum):
    NATIONAL = "koko_maa"
    AREA = "alue"
    MUNICIPALITY_GROUP = "kuntaryhma"


class RespondentRole(StrEnum):
    MUNICIPALITY = "kunta"
    COUNTY = "hyvinvointialue"
    OTHER = "muu"


class MaturityLevel(IntEnum):
    """Keast & Mandell (2014): the continuum of strategic collaboration."""

    COOPERATION = 1
    COORDINATION = 2
    COLLABORATION = 3


class MaturityDimension(StrEnum):
    TRUST = "luottamus"
    COMMUNICATION = "kommunikaatio"
    INFORMATION_SHARING = "tiedon_jakaminen"
    GOALS = "tavoitteet"
    POWER = "valta"
    RESOURCES = "resurssit"
    ACCOUNTABILITY = "tilivelvollisuus"
    COMMITMENT = "sitoutuminen"


MATURITY_DIMENSIONS: tuple[MaturityDimension, ...] = tuple(MaturityDimension)


class Role(StrEnum):
    """What a signed-in person may do. Viewers read; writers are checked per record."""

    VIEWER = "viewer"
    AREA_EDITOR = "area_editor"
    PROJECT_LEAD = "project_lead"


class Theme(StrEnum):
    """Interface themes (yhdyspinnat), plus general leadership and collaboration models."""

    LEADERSHIP = "johtaminen"
    HYTE = "hyte"
    EDUCATION_SOTE = "sivistys_sote"
    EMPLOYMENT = "tyollisyys"
    IMMIGRATION = "maahanmuutto"
    SAFETY = "turvallisuus"
    CHILDREN_FAMILIES = "lapset_perheet"
    OLDER_PEOPLE = "ikaihmiset"
    SUBSTANCE_MENTAL_HEALTH = "paihteet_mielenterveys"
    SERVICE_NETWORK = "palveluverkko"
    ORGANISATIONS = "jarjestot"
    VITALITY = "elinvoima"
    EQUALITY = "yhdenvertaisuus"
    EARLY_CHILDHOOD = "varhaiskasvatus"
    FUNERALS = "hautaustoimi"
    FINANCE = "talous"
    FOOD_AID = "ruoka_apu"


THEME_SEPARATOR = ";"


def parse_themes(raw: str | None) -> tuple[Theme, ...]:
    """Parse a separator-joined list of theme codes; raises ValueError naming a bad code."""
    if raw is None:
        return ()
    parts = [p.strip() for p in raw.replace(",", THEME_SEPARATOR).split(THEME_SEPARATOR)]
    themes: list[Theme] = []
    for part in parts:
        if not part:
            continue
        try:
            theme = Theme(part.lower())
        except ValueError:
            raise ValueError(f"unknown theme {part!r}") from None
        if theme not in themes:
            themes.append(theme)
    return tuple(sorted(themes, key=list(Theme).index))


def join_themes(themes: tuple[Theme, ...] | list[Theme]) -> str:
    return THEME_SEPARATOR.join(t.value for t in themes)


# The respondent group of a survey wave that holds everyone who answered.
ALL_RESPONDENTS = "Kaikki vastanneet"

SMALL_N_THRESHOLD = 30  # survey values from fewer respondents are flagged as unreliable
