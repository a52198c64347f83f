"""agreement terms: an area keeps a sequence of agreements of one kind

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 10:00:00

Agreements were unique on (area_code, kind), so a renewal (2022–2025, then 2026–2029) could
only overwrite its predecessor. They are now unique on (area_code, kind, term_start), where
`term_start` is the first day of the term the agreement is for.

Existing agreements get a term start from their own dates: valid_from, else approved_on, else
preparation_started_on, else 2023-01-01 – the day the wellbeing services counties started, so
an agreement with no date at all belongs to their first term. Every row and every approval's
link (approvals point at agreements.id, which does not change) is kept.

The change log names records by their natural key, and records agreements and approvals in
their exchanged shape. So that undo and the "as of" figures keep finding the records of
entries written before this revision, those entries get the new key and field too: the term
start the agreement got here, or, for an agreement since deleted, the one its last logged
state gives by the same rule.

The steps are plain Python and SQL written out here (not imported from the package), so this
revision does the same on every store however the package changes later.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

FIRST_TERM = date(2023, 1, 1)

agreements = sa.table(
    "agreements",
    sa.column("id", sa.Integer),
    sa.column("area_code", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("preparation_started_on", sa.Date),
    sa.column("approved_on", sa.Date),
    sa.column("valid_from", sa.Date),
    sa.column("term_start", sa.Date),
)
change_log = sa.table(
    "change_log",
    sa.column("id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("record_key", sa.String),
    sa.column("before", sa.Text),
    sa.column("after", sa.Text),
)


def upgrade() -> None:
    with op.batch_alter_table("agreements") as batch:
        batch.add_column(sa.Column("term_start", sa.Date(), nullable=True))
    op.execute(agreements.update().values(term_start=sa.func.coalesce(
        agreements.c.valid_from, agreements.c.approved_on, agreements.c.preparation_started_on,
        sa.literal(FIRST_TERM, sa.Date()))))
    with op.batch_alter_table("agreements") as batch:
        batch.alter_column("term_start", existing_type=sa.Date(), nullable=False)
        batch.drop_constraint("uq_agreements_area_kind", type_="unique")
        batch.create_unique_constraint("uq_agreements_area_kind_term", ["area_code", "kind", "term_start"])
    _rewrite_log(add_terms=True)


def downgrade() -> None:
    bind = op.get_bind()
    several = bind.execute(
        sa.select(agreements.c.area_code, agreements.c.kind)
        .group_by(agreements.c.area_code, agreements.c.kind)
        .having(sa.func.count() > 1)
    ).all()
    if several:
        listed = ", ".join(f"area {a} {k}" for a, k in several)
        raise RuntimeError(f"cannot downgrade below 0003: several agreements of one kind ({listed})")
    _rewrite_log(add_terms=False)
    with op.batch_alter_table("agreements") as batch:
        batch.drop_constraint("uq_agreements_area_kind_term", type_="unique")
        batch.create_unique_constraint("uq_agreements_area_kind", ["area_code", "kind"])
        batch.drop_column("term_start")


# --- the change log -------------------------------------------------------------------------

def _load(raw: str | None) -> dict[str, Any] | None:
    if not raw:
        return None
    value = json.loads(raw)
    return value if isinstance(value, dict) else None


def _dump(value: dict[str, Any] | None) -> str | None:
    # As yhdyspinta.store.repository.dump_record writes it.
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _term_of(state: dict[str, Any]) -> str:
    for name in ("valid_from", "approved_on", "preparation_started_on"):
        if state.get(name):
            return str(state[name])[:10]
    return FIRST_TERM.isoformat()


def _rewrite_log(*, add_terms: bool) -> None:
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(change_log.c.id, change_log.c.kind, change_log.c.before, change_log.c.after)
        .where(change_log.c.kind.in_(("agreements", "approvals")))
        .order_by(change_log.c.id)
    ).all()
    entries = [(r.id, r.kind, _load(r.before), _load(r.after)) for r in rows]
    terms: dict[tuple[str, str], str] = {}
    if add_terms:
        for area, kind, term in bind.execute(
                sa.select(agreements.c.area_code, agreements.c.kind, agreements.c.term_start)).all():
            terms[(str(area), str(kind))] = str(term)[:10]
        last_state: dict[tuple[str, str], dict[str, Any]] = {}
        for _id, kind, before, after in entries:
            state = after or before
            if kind == "agreements" and state and "area_code" in state and "kind" in state:
                last_state[(str(state["area_code"]), str(state["kind"]))] = state
        for key, state in last_state.items():
            terms.setdefault(key, _term_of(state))
    for entry_id, kind, before, after in entries:
        state = after or before
        if not state or "area_code" not in state:
            continue  # a refusal: no record
        field, kind_field = ("term_start", "kind") if kind == "agreements" else ("agreement_term_start",
                                                                                 "agreement_kind")
        if kind_field not in state:
            continue
        area, agreement_kind = str(state["area_code"]), str(state[kind_field])
        if add_terms:
            term = terms.get((area, agreement_kind), FIRST_TERM.isoformat())
            parts = [area, agreement_kind, term]
            for record in (before, after):
                if record is not None:
                    record[field] = term
        else:
            parts = [area, agreement_kind]
            for record in (before, after):
                if record is not None:
                    record.pop(field, None)
        if kind == "approvals":
            parts.append(str(state.get("municipality_code", "")))
        bind.execute(change_log.update().where(change_log.c.id == entry_id).values(
            record_key="|".join(parts), before=_dump(before), after=_dump(after)))
