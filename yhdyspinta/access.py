"""Who may write what. Checked where the write happens (`yhdyspinta.editing`), never only by
hiding buttons: a viewer or another area's editor is refused, and the refusal is logged.

Also the two pieces of configuration that decide who starts as a project lead: the first
lead of a hosted deployment (`YHDYSPINTA_FIRST_LEAD`) and the local development switch
(`YHDYSPINTA_DEV_LEAD`), honoured only on a server bound to and reached through loopback."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Engine, select

from yhdyspinta import facts
from yhdyspinta.domain import OrgType, Role
from yhdyspinta.i18n import t
from yhdyspinta.store import schema

ANONYMOUS_SUBJECT = "anonymous"
ENV_FIRST_LEAD = "YHDYSPINTA_FIRST_LEAD"
ENV_DEV_LEAD = "YHDYSPINTA_DEV_LEAD"
# Host names and addresses that can only be reached from the machine itself.
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
# Headers a proxy adds: a request carrying any of them did not come straight from this machine,
# whatever its Host header and peer address say (a same-host proxy shows as 127.0.0.1).
PROXY_HEADERS = frozenset({"forwarded", "x-forwarded-for", "x-forwarded-host", "x-real-ip"})
# The keys Streamlit needs in [auth] for its default provider (streamlit/auth_util.py).
SIGN_IN_KEYS = ("redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url")
SIGN_IN_ON = "on"
SIGN_IN_ABSENT = "absent"
SIGN_IN_INCOMPLETE = "incomplete"
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


# Why a write was refused; each has a text in every language (texts key "access.refused.<code>").
REFUSED_VIEWER = "viewer"
REFUSED_NATIONAL = "national"
REFUSED_OTHER_AREA = "other_area"
REFUSED_UNDO = "undo"


class PermissionDenied(PermissionError):
    """A refused write. `reason` is the English note the change log keeps; `code` and `area`
    let the interface say the same in the user's language."""

    def __init__(self, principal: Principal, kind: str, reason: str, *, code: str,
                 area: int | None = None) -> None:
        super().__init__(f"{principal.subject} ({principal.role.value}) may not write {kind}: {reason}")
        self.principal = principal
        self.kind = kind
        self.reason = reason
        self.code = code
        self.area = area


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
        raise PermissionDenied(principal, kind, "viewers cannot write", code=REFUSED_VIEWER)
    for record in records:
        area = record_area(kind, record)
        if area is None:
            raise PermissionDenied(principal, kind, "national records are written by project leads",
                                   code=REFUSED_NATIONAL)
        if area not in principal.areas:
            raise PermissionDenied(principal, kind, f"area {area} is not one of theirs", code=REFUSED_OTHER_AREA,
                                   area=area)


def check_kind(principal: Principal, kind: str) -> None:
    """Raise PermissionDenied unless `principal` may write at least some records of `kind`:
    the question to ask before reading a file of them at all. `check` decides the records."""
    if principal.role == Role.PROJECT_LEAD:
        return
    if principal.role != Role.AREA_EDITOR:
        raise PermissionDenied(principal, kind, "viewers cannot write", code=REFUSED_VIEWER)
    if kind in NATIONAL_KINDS:
        raise PermissionDenied(principal, kind, "national records are written by project leads",
                               code=REFUSED_NATIONAL)


def refusal_text(exc: PermissionDenied, lang: str) -> str:
    """Why the write was refused, in `lang`."""
    area = facts.area_by_code()[exc.area].name(lang) if exc.area in facts.area_by_code() else str(exc.area)
    return t(f"access.refused.{exc.code}", lang, area=area)


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


def editable_areas(principal: Principal) -> frozenset[int]:
    """The in-scope areas whose records `principal` may write (all of them for a lead)."""
    if principal.role == Role.PROJECT_LEAD:
        return frozenset(a.code for a in facts.in_scope_areas())
    if principal.role == Role.AREA_EDITOR:
        return principal.areas
    return frozenset()


class PageAccess(StrEnum):
    """Who a page is in the menu for. The menu only leaves out what someone cannot use: every
    page keeps its address and checks writes itself (`yhdyspinta.editing`)."""

    EVERYONE = "everyone"  # the picture pages, also for anonymous visitors
    SIGNED_IN = "signed_in"  # the data pages: any signed-in role, viewers too
    WRITER = "writer"  # imports: area editors and project leads
    LEAD = "lead"  # role management: project leads


def may_open(principal: Principal, access: PageAccess) -> bool:
    """Whether `principal`'s menu lists a page of `access`."""
    if access is PageAccess.EVERYONE:
        return True
    if principal.is_anonymous:
        return False
    if access is PageAccess.SIGNED_IN:
        return True
    if access is PageAccess.WRITER:
        return principal.can_write_anything
    return principal.role == Role.PROJECT_LEAD


def configured_first_lead() -> str | None:
    """The e-mail address configured as the first project lead, if any."""
    value = os.environ.get(ENV_FIRST_LEAD, "").strip().lower()
    return value or None


@dataclass(frozen=True)
class SignInConfig:
    """What the `[auth]` secrets amount to: sign-in on, absent (read-only, the development
    switch possible) or incomplete (`missing` names the keys; the app refuses to serve)."""

    state: str
    missing: tuple[str, ...] = ()


def sign_in_config(section: Mapping[str, Any] | None) -> SignInConfig:
    """Validate the `[auth]` section of the secrets (None when there is none). Fails closed:
    a section with any key of SIGN_IN_KEYS missing or blank – even an empty section – is
    incomplete, never "no sign-in"."""
    if section is None:
        return SignInConfig(SIGN_IN_ABSENT)
    missing = tuple(k for k in SIGN_IN_KEYS if not str(section.get(k) or "").strip())
    return SignInConfig(SIGN_IN_INCOMPLETE, missing) if missing else SignInConfig(SIGN_IN_ON)


def _host_name(host: str | None) -> str | None:
    """`host` of a Host header without its port (keeps IPv6 brackets)."""
    if not host:
        return None
    host = host.strip().lower()
    if host.startswith("["):
        return host[: host.index("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def dev_lead(
    subject: str | None,
    *,
    server_address: str | None,
    host_header: str | None,
    remote_ip: str | None,
    headers: Mapping[str, str] | None = None,
) -> Principal | None:
    """The local development switch: a project lead named by `YHDYSPINTA_DEV_LEAD`, granted
    only when the server listens on loopback alone (`server_address`, Streamlit's
    `server.address` option) and the request came straight through loopback.

    A server bound to every interface (Streamlit's default) never qualifies, nor does a request
    whose Host header names another machine, nor one from a non-loopback address, nor one
    carrying any proxy header (PROXY_HEADERS, in `headers`): a proxy on the same host that
    rewrites Host to 127.0.0.1 would otherwise pass for a local browser. Streamlit reports
    loopback peers as `None`. Only call this when sign-in is absent (`sign_in_config`).
    """
    if not subject or not subject.strip():
        return None
    if any(str(name).lower() in PROXY_HEADERS for name in (headers or {})):
        return None
    if (server_address or "").strip().lower() not in LOOPBACK_HOSTS:
        return None
    if _host_name(host_header) not in LOOPBACK_HOSTS:
        return None
    if remote_ip is not None and remote_ip not in LOOPBACK_HOSTS:
        return None
    return Principal(subject.strip().lower(), Role.PROJECT_LEAD)
