"""Headline figures of the picture, computed from the store's frames."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from yhdyspinta import facts
from yhdyspinta.domain import APPROVED_STATUSES, AgreementKind, ApprovalStatus, OrgType
from yhdyspinta.filters import Filters


@dataclass(frozen=True)
class Overview:
    areas_in_scope: int
    areas_with_approved_agreement: int
    municipalities_in_scope: int
    municipalities_council_approved: int
    population_in_scope: int | None
    population_council_approved: int | None
    forums_held: int
    organisations_reached: int
    municipalities_participated: int
    pilot_areas: int


def overview(frames: dict[str, pd.DataFrame], filters: Filters, today: date | None = None) -> Overview:
    """`frames` holds the raw frames of agreements, approvals, forums, participation,
    municipalities and pilots; counts follow the area filter."""
    today = today or date.today()
    area_codes = [a.code for a in facts.in_scope_areas()
                  if filters.area is None or a.code == filters.area]
    munis = frames["municipalities"]
    munis = munis[munis["area_code"].isin(area_codes)]
    if filters.municipalities:
        munis = munis[munis["code"].isin(filters.municipalities)]
    muni_codes = set(munis["code"])

    agreements = frames["agreements"]
    strategic = agreements[(agreements["kind"] == AgreementKind.COLLABORATION)
                           & agreements["area_code"].isin(area_codes)]
    approved_areas = strategic[strategic["status"].isin([s.value for s in APPROVED_STATUSES])]

    approvals = frames["approvals"]
    council = approvals[(approvals["agreement_kind"] == AgreementKind.COLLABORATION)
                        & (approvals["status"] == ApprovalStatus.APPROVED)
                        & approvals["municipality_code"].isin(muni_codes)]
    council_codes = set(council["municipality_code"])

    population = munis.set_index("code")["population"]
    has_population = population.notna().all() and not population.empty
    forums = frames["forums"]
    held = forums[pd.to_datetime(forums["held_on"]).dt.date <= today]
    part = frames["participation"]
    part = part[part["forum_date"].isin(held["held_on"])]
    muni_part = part[(part["org_type"] == OrgType.MUNICIPALITY) & part["org_key"].isin(muni_codes)]
    area_part = part[(part["org_type"] == OrgType.AREA) & part["org_key"].isin([str(c) for c in area_codes])]
    reached = part if filters.area is None else pd.concat([muni_part, area_part])
    pilots = frames["pilots"]
    return Overview(
        areas_in_scope=len(area_codes),
        areas_with_approved_agreement=int(approved_areas["area_code"].nunique()),
        municipalities_in_scope=len(muni_codes),
        municipalities_council_approved=len(council_codes),
        population_in_scope=int(population.sum()) if has_population else None,
        population_council_approved=int(population[list(council_codes)].sum()) if has_population else None,
        forums_held=len(held),
        organisations_reached=int(reached[["org_type", "org_key"]].drop_duplicates().shape[0]),
        municipalities_participated=int(muni_part["org_key"].nunique()),
        pilot_areas=int(pilots["area_code"].isin(area_codes).sum()),
    )
