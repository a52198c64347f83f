"""What changed lately: the overview's list of recent changes, newest first.

The figures themselves live in the indicator catalogue (`yhdyspinta.indicators`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pandas as pd

from yhdyspinta import facts
from yhdyspinta.access import record_area
from yhdyspinta.display import area_name, municipality_name, org_name
from yhdyspinta.filters import Filters
from yhdyspinta.i18n import column_label, enum_label, format_day, t, tn
from yhdyspinta.indicators.asof import as_date, load_logged, local_day
from yhdyspinta.store.repository import (
    DEMO_ACTOR,
    FACTS_KIND,
    META_KIND,
    QUIET_LOG_ACTIONS,
    SELFASSESS_KIND,
    SYSTEM_KINDS,
)

__all__ = ["ChangeLine", "ReferenceUpdates", "is_reference_update", "local_day", "recent_changes",
           "reference_updates"]


# "What changed lately" leaves out what is not a change in the picture: the facts seed, the
# example data (and its replacement), flags, roles (who may edit), self-assessment rounds
# opened and answered (a closed round's result shows as maturity assessments) and refused writes.
QUIET_KINDS = frozenset({FACTS_KIND, META_KIND, "roles", SELFASSESS_KIND})
QUIET_ACTIONS = QUIET_LOG_ACTIONS
STATUS_ENUMS = {"agreements": "AgreementStatus", "approvals": "ApprovalStatus"}
# A write that only sets these fields of a municipality is an update of reference data
# (population from Statistics Finland, `reference fetch`/`import`), not a change of the picture's
# own data: it is counted apart, never as "308 changes".
REFERENCE_FIELDS: dict[str, frozenset[str]] = {"municipalities": frozenset({"population", "population_year"})}


def is_reference_update(kind: str, before: dict[str, Any] | None, after: dict[str, Any] | None) -> bool:
    """True for a logged write that changed nothing but reference fields of a record."""
    fields = REFERENCE_FIELDS.get(kind)
    if fields is None or before is None or after is None:
        return False
    changed = {k for k in set(before) | set(after) if k != "row_version" and before.get(k) != after.get(k)}
    return bool(changed) and changed <= fields


@dataclass(frozen=True)
class ChangeLine:
    """One line of the recent changes: a single write, or a whole batch (an import) as one."""

    at: datetime
    batch_id: str
    count: int
    text: str


def _record_area(kind: str, record: dict[str, Any], record_key: str) -> int | None:
    if kind == "municipalities":
        m = facts.municipality_by_code().get(record_key)
        return m.area_code if m else None
    try:
        return record_area(kind, record)
    except (TypeError, ValueError):
        return None


def _describe(kind: str, record: dict[str, Any], record_key: str, lang: str) -> str:
    def day(value: object) -> str:
        return format_day(as_date(value), lang)

    if kind == "agreements":
        return f"{area_name(record['area_code'], lang)}: {enum_label('AgreementKind', record['kind'], lang)}"
    if kind == "approvals":
        return (f"{municipality_name(record['municipality_code'], lang)}: "
                f"{enum_label('AgreementKind', record['agreement_kind'], lang)}")
    if kind == "structures":
        return f"{area_name(record['area_code'], lang)}: {record['name']}"
    if kind == "forums":
        return f"{day(record['held_on'])} {record['title']}"
    if kind == "participation":
        return f"{org_name(record['org_type'], str(record['org_key']), lang)}, {day(record['forum_date'])}"
    if kind == "survey":
        return f"{record['survey']} {record['wave']}: {record['statement']}"
    if kind == "maturity":
        return f"{area_name(record['area_code'], lang)}, {day(record['assessed_on'])}"
    if kind == "pilots":
        return area_name(record["area_code"], lang)
    if kind == "municipalities":
        return municipality_name(record_key, lang)
    return record_key


def _single_text(kind: str, action: str, before: dict[str, Any] | None, after: dict[str, Any] | None,
                 record_key: str, lang: str) -> str:
    if kind in SYSTEM_KINDS:  # no record to name: a restore of a whole backup, a setting
        return t("overview.change.bare", lang, action=t(f"overview.action.{action}", lang),
                 kind=t(f"overview.kind.{kind}", lang))
    record = after if after is not None else before or {}
    text = t("overview.change.one", lang, action=t(f"overview.action.{action}", lang),
             kind=t(f"overview.kind.{kind}", lang), record=_describe(kind, record, record_key, lang))
    if before is not None and after is not None:
        enum_name = STATUS_ENUMS.get(kind)
        if enum_name and before.get("status") != after.get("status"):
            return text + f" ({enum_label(enum_name, before.get('status'), lang)} → " \
                          f"{enum_label(enum_name, after.get('status'), lang)})"
        fields = [column_label(k, lang) for k in after if k != "row_version" and before.get(k) != after.get(k)]
        if fields:
            return text + f" ({', '.join(fields)})"
    return text


def _entries(log: pd.DataFrame, filters: Filters, *, reference: bool) -> dict[str, list[tuple[Any, ...]]]:
    """The log's meaningful writes in the selection, newest first, by batch: (at, kind,
    action, key, before, after); only reference updates if `reference`, else none of them."""
    if log.empty:
        return {}
    rows = log[~log["kind"].isin(QUIET_KINDS) & ~log["action"].isin(QUIET_ACTIONS) & (log["actor"] != DEMO_ACTOR)]
    rows = rows.sort_values("id", ascending=False)
    batches: dict[str, list[tuple[Any, ...]]] = {}
    for entry in zip(rows["batch_id"], rows["at"], rows["kind"], rows["action"], rows["record_key"],
                     rows["before"], rows["after"], strict=True):
        batch, _at, kind, _action, key, before_raw, after_raw = entry
        before, after = load_logged(before_raw), load_logged(after_raw)
        if is_reference_update(kind, before, after) != reference:
            continue
        record = after if after is not None else before or {}
        area = _record_area(kind, record, key)
        if filters.area is not None and area is not None and area != filters.area:
            continue
        batches.setdefault(batch, []).append((*entry[1:5], before, after))
    return batches


@dataclass(frozen=True)
class ReferenceUpdates:
    """Updates of reference data (population) in the selection: how many imports, how many
    records they changed, and when the latest was."""

    imports: int
    records: int
    latest: datetime


def reference_updates(log: pd.DataFrame, filters: Filters) -> ReferenceUpdates | None:
    """The reference imports the latest changes leave out, counted apart (None if there are none)."""
    batches = _entries(log, filters, reference=True)
    if not batches:
        return None
    latest = max(e[0] for entries in batches.values() for e in entries)
    return ReferenceUpdates(imports=len(batches), records=sum(len(e) for e in batches.values()),
                            latest=pd.Timestamp(latest).to_pydatetime())


def recent_changes(log: pd.DataFrame, filters: Filters, lang: str, limit: int = 10) -> list[ChangeLine]:
    """The last `limit` meaningful changes of the picture's data, newest first; a batch of
    several writes (an import) is one line with its count. Updates of reference data are left
    out (see `reference_updates`). With an area chosen, writes that belong to another area are
    left out (national ones, such as forums, stay)."""
    batches = _entries(log, filters, reference=False)
    lines = []
    for batch, entries in list(batches.items())[:limit]:
        latest = max(e[0] for e in entries)
        when = pd.Timestamp(latest).to_pydatetime()
        if len(entries) == 1:
            _at, kind, action, key, before, after = entries[0]
            text = _single_text(kind, action, before, after, key, lang)
        else:
            kinds = ", ".join(t(f"overview.kind.{k}", lang) for k in dict.fromkeys(e[1] for e in entries))
            text = tn("overview.change.batch", len(entries), lang, kinds=kinds)
        lines.append(ChangeLine(at=when, batch_id=str(batch), count=len(entries), text=text))
    return lines
