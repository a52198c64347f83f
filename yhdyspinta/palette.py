"""One palette: each class of each indicator has one colour on every page, map and slide.

Okabe & Ito's colour-blind-safe colours for categories, ColorBrewer YlGnBu for sequences;
colour is never the only carrier of a value (labels, tables and shapes say it too).
"""

from __future__ import annotations

from yhdyspinta.domain import AgreementStatus, ApprovalStatus

BLUE, SKY, GREEN, ORANGE, VERMILLION, PURPLE, YELLOW = (
    "#0072B2", "#56B4E9", "#009E73", "#E69F00", "#D55E00", "#CC79A7", "#F0E442")
GREY, LIGHT_GREY = "#999999", "#DDDDDD"

# "Approved" is green wherever it appears: an agreement's status and a council's decision.
AGREEMENT_STATUS_COLOURS: dict[str, str] = {
    AgreementStatus.NOT_STARTED.value: "#BBBBBB",
    AgreementStatus.IN_PREPARATION.value: ORANGE,
    AgreementStatus.IN_DECISION.value: YELLOW,
    AgreementStatus.APPROVED.value: GREEN,
    AgreementStatus.IN_IMPLEMENTATION.value: BLUE,
    AgreementStatus.UNDER_REVISION.value: PURPLE,
}
STATUS_COLOURS: tuple[str, ...] = tuple(AGREEMENT_STATUS_COLOURS[s.value] for s in AgreementStatus)
EXPIRED_COLOUR = VERMILLION  # an agreement whose validity has ended: needs renewal
NOT_APPLICABLE_COLOUR = "#F2F2F2"  # Helsinki's agreement figures
APPROVAL_COLOURS: dict[str, str] = {
    ApprovalStatus.APPROVED.value: GREEN,
    ApprovalStatus.PENDING.value: YELLOW,
    ApprovalStatus.REJECTED.value: VERMILLION,
}
OUT_OF_SCOPE_COLOUR = "#E5E5E5"  # Åland
NO_DATA_COLOUR = "#FFFFFF"
# ColorBrewer YlGnBu without its palest step (which a reader could not tell from "no data").
SEQUENTIAL_COLOURS: tuple[str, ...] = ("#C7E9B4", "#7FCDBB", "#41B6C4", "#2C7FB8", "#253494")
MATURITY_COLOURS: tuple[str, ...] = ("#C7E9B4", "#41B6C4", "#253494")
PILOT_COLOUR = BLUE
# An area beside the whole country, on every page and slide.
AREA_COLOUR = BLUE
COUNTRY_COLOUR = ORANGE
AXIS_INK = "#31333F"  # darker than the theme's grey axis text: 4.5:1 contrast and readable from afar
