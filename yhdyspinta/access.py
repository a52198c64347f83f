"""Who may write what. Checked where the write happens (`yhdyspinta.editing`), never only by
hiding buttons: a viewer or another area's editor is refused, and the refusal is logged."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select

from yhdyspinta import facts
from yhdyspinta.domain import OrgType, Role
from yhdyspinta.store import schema

ANONYMOUS_SUBJECT = "anonymous"
# Kinds whose records belong to no single area: only a project lead writes them.
NATIONAL_KINDS = frozenset({"forums", "survey", "roles"})


@dataclass(frozen=True)
class Principal:
    """A person acting on the store: their identity and what their role lets them write."""

    subject: str
    role: Role = Role.VIEWER
    areas: frozenset[int] = frozenset()

    @property
    def is_anonymous(self) -> bool:
        return self.subject == ANONYMOUS_SUBJECT

    @property
    def can_write_anything(self) -> bool:
        return self.role in (Role.AREA_EDITOR, Role.PROJECT_LEAD)


ANONYMOUS = Principal(ANONYMOUS_SUBJECT)


class PermissionDenied(PermissionError):
    def __init__(self, principal: Principal, kind: str, reason: str) -> None:
        super().__init__(f"{principal.subject} ({principal.role.value}) may not write {kind}: {reason}")
        self.principal = principal
        self.kind = kind
        self.reason = reason


def record_area(kind: str, record: Mapping[str, Any]) -> int | None:
    """The area a record belongs to, or None for national records."""
    if kind in NATIONAL_KINDS:
        return None
    if "area_code" in record and record["area_code"] is not None:
        return int(record["area_code"])
    if kind == "participation":
        if record.get("org_type") == OrgType.AREA:
            return int(record["org_key"])
        if record.get("org_type") == OrgType.MUNICIPALITY:
            m = facts.municipality_by_code().get(str(record["org_key"]))
            return m.area_code if m else None
    return None


def check(principal: Principal, kind: str, records: Iterable[Mapping[str, Any]]) -> None:
    """Raise PermissionDenied unless `principal` may write every record of `kind`."""
    if principal.role == Role.PROJECT_LEAD:
        return
    if principal.role != Role.AREA_EDITOR:
        raise PermissionDenied(principal, kind, "viewers cannot write")
    for record in records:
        area = record_area(kind, record)
        if area is None:
            raise PermissionDenied(principal, kind, "national records are written by project leads")
        if area not in principal.areas:
            raise PermissionDenied(principal, kind, f"area {area} is not one of theirs")


def principal_for(engine: Engine, subject: str, *, first_lead: str | None = None) -> Principal:
    """The role assigned to a signed-in subject; `first_lead` (from configuration) is always
    a project lead, so a new deployment can grant the first roles."""
    key = subject.strip().lower()
    if first_lead and key == first_lead.strip().lower():
        return Principal(key, Role.PROJECT_LEAD)
    with engine.connect() as conn:
        row = conn.execute(select(schema.role_assignments)
                           .where(schema.role_assignments.c.subject == key)).mappings().one_or_none()
    if row is None:
        return Principal(key, Role.VIEWER)
    areas = frozenset(int(c) for c in row["area_codes"].split(";") if c)
    return Principal(key, Role(row["role"]), areas)
