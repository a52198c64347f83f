"""The guarded write path: every change from a person goes through here, so permissions
are enforced in one place and every refusal is logged like every write."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Engine

from yhdyspinta.access import PermissionDenied, Principal, check
from yhdyspinta.store import repository as repo


def write(
    engine: Engine,
    principal: Principal,
    kind: str,
    changes: Sequence[repo.Change],
    *,
    note: str | None = None,
) -> str:
    """Check, then write the changes in one transaction; returns the batch id."""
    records = [c.after if c.after is not None else c.before for c in changes]
    try:
        check(principal, kind, [r for r in records if r is not None])
    except PermissionDenied as exc:
        log_denied(engine, exc)
        raise
    return repo.apply_changes(engine, kind, changes, actor=principal.subject, note=note)


def log_denied(engine: Engine, exc: PermissionDenied) -> None:
    with engine.begin() as conn:
        repo.log_entry(conn, actor=exc.principal.subject, action="denied", kind=exc.kind,
                       record_key="*", before=None, after=None, batch_id=repo.new_batch_id(),
                       note=exc.reason)
