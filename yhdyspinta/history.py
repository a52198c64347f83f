"""The change log for people: which area an entry concerns, what it changed (old → new) in
words, filters by area, kind and person, and batches (an import, a form save, an undo).

Pure functions on the `changelog` kind's frame, so the history page stays thin.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd
from babel.dates import format_datetime

from yhdyspinta import facts
from yhdyspinta.access import record_area
from yhdyspinta.display import ENUM_COLUMNS, MULTI_THEME_COLUMNS, area_name, municipality_name, org_name
from yhdyspinta.domain import Role
from yhdyspinta.editing import REVERSIBLE_ACTIONS
from yhdyspinta.i18n import LOCALES, column_label, enum_label, format_day, format_number, normalise_language, t

MAX_SHOWN_TEXT = 60
NO_VALUE = "–"
# Columns of the frame `entries` returns.
ENTRY_COLUMNS = ("id", "at", "actor", "action", "kind", "record_key", "area_code", "batch_id", "note",
                 "before", "after")
ROLE_KIND = "roles"
# Fields whose labels the shared column labels lack (the roles kind is this part's own).
FIELD_TEXT_KEYS = {"subject": "access.field.subject", "role": "access.field.role",
                   "area_codes": "access.field.area_codes"}
# An e-mail address's local part, the part that names a person, with its "@" (the domain stays).
LOCAL_PART = re.compile(r"[^\s@]+@(?=[^\s@])")
MASKED_LOCAL_PART = "…@"
# The entries' columns that can hold an e-mail address: who acted, a role's key, a batch's
# note, and the records before and after (a role's subject).
PERSONAL_COLUMNS = ("actor", "record_key", "note", "before", "after")
# The project works in Finland: times are shown in Finnish time whatever the server's zone.
DISPLAY_ZONE = ZoneInfo("Europe/Helsinki")


def _parse(raw: object) -> dict[str, Any] | None:
    if raw is None or (isinstance(raw, float) and raw != raw) or raw == "":
        return None
    try:
        value = json.loads(str(raw))
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, dict) else None


def entry_area(kind: str, record_key: str, before: Mapping[str, Any] | None,
               after: Mapping[str, Any] | None) -> int | None:
    """The area a logged change concerns (None for national records and settings)."""
    for record in (after, before):
        if record:
            try:
                area = record_area(kind, record)
            except (TypeError, ValueError):
                area = None
            if area is not None:
                return area
    if kind == "municipalities":
        municipality = facts.municipality_by_code().get(str(record_key))
        return municipality.area_code if municipality else None
    return None


def entries(changelog: pd.DataFrame) -> pd.DataFrame:
    """The log newest first, with before/after as dicts and the area each entry concerns."""
    if changelog.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in ENTRY_COLUMNS})
    out = changelog.copy()
    out["before"] = out["before"].map(_parse)
    out["after"] = out["after"].map(_parse)
    out["area_code"] = [entry_area(k, rk, b, a) for k, rk, b, a in
                        zip(out["kind"], out["record_key"], out["before"], out["after"], strict=True)]
    out["area_code"] = out["area_code"].astype("Int64")
    return out.sort_values("id", ascending=False)[list(ENTRY_COLUMNS)].reset_index(drop=True)


def filter_entries(frame: pd.DataFrame, *, area: int | None = None, kinds: Iterable[str] = (),
                   actors: Iterable[str] = ()) -> pd.DataFrame:
    """Entries concerning `area` (None: all), of any of `kinds` and by any of `actors`
    (empty: no restriction)."""
    keep = pd.Series(True, index=frame.index)
    if area is not None:
        keep &= frame["area_code"] == area
    kinds, actors = set(kinds), set(actors)
    if kinds:
        keep &= frame["kind"].isin(kinds)
    if actors:
        keep &= frame["actor"].isin(actors)
    return frame[keep.fillna(False).astype(bool)]


def mask_emails(text: str) -> str:
    """Every e-mail address in `text` cut to its organisation's domain: 'matti@kunta.fi'
    becomes '…@kunta.fi'."""
    return LOCAL_PART.sub(MASKED_LOCAL_PART, text)


def _masked(value: Any) -> Any:
    if isinstance(value, str):
        return mask_emails(value)
    if isinstance(value, Mapping):
        return {k: _masked(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_masked(v) for v in value]
    return value


def mask_personal(entries: pd.DataFrame, *, full: bool) -> pd.DataFrame:
    """The entries (`entries`) as a reader may see them. Only a project lead (`full`) sees
    e-mail addresses; for anyone else every address – who made a change, a role's subject in
    the record's key, its values before and after, a note – shows only its domain."""
    if full:
        return entries
    out = entries.copy()
    for column in PERSONAL_COLUMNS:
        if column in out:
            out[column] = out[column].map(_masked)
    return out


def shown_actor(actor: str, *, full: bool) -> str:
    """Who made a change, for the reader: a project lead sees the address; anyone else only
    the organisation's domain, so the history names no person to them."""
    return actor if full else mask_emails(actor)


def _value_text(kind: str, field: str, value: Any, lang: str) -> str:
    if value is None or value == "":
        return NO_VALUE
    if field == "area_code":
        return area_name(value, lang)
    if field == "municipality_code":
        return f"{municipality_name(value, lang)} ({value})"
    if field == "role":
        return role_label(str(value), lang)
    if field == "area_codes":
        return ", ".join(area_name(c, lang) for c in str(value).split(";") if c) or NO_VALUE
    enum_name = ENUM_COLUMNS.get(kind, {}).get(field)
    if enum_name:
        return enum_label(enum_name, value, lang)
    if MULTI_THEME_COLUMNS.get(kind) == field:
        return ", ".join(enum_label("Theme", p, lang) for p in str(value).split(";") if p)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return format_number(value, lang, 0 if float(value).is_integer() else 1)
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return format_day(date.fromisoformat(value), lang)
        except ValueError:
            pass
    text = str(value)
    return text if len(text) <= MAX_SHOWN_TEXT else text[:MAX_SHOWN_TEXT] + "…"


def field_label(name: str, lang: str) -> str:
    key = FIELD_TEXT_KEYS.get(name)
    return t(key, lang) if key else column_label(name, lang)


def role_label(role: str, lang: str) -> str:
    try:
        return t(f"access.role.{Role(role).value}", lang)
    except ValueError:
        return role


def describe_change(kind: str, before: Mapping[str, Any] | None, after: Mapping[str, Any] | None,
                    lang: str) -> str:
    """Old → new for every field that changed, with labels and names in `lang`; a new record
    lists its values, a removed one what it held."""
    if before is None and after is None:
        return ""
    fields = list(dict.fromkeys([*(before or {}), *(after or {})]))
    parts = []
    for name in fields:
        old = (before or {}).get(name)
        new = (after or {}).get(name)
        label = field_label(name, lang)
        if before is None:
            if new not in (None, ""):
                parts.append(f"{label}: {_value_text(kind, name, new, lang)}")
        elif after is None:
            if old not in (None, ""):
                parts.append(f"{label}: {_value_text(kind, name, old, lang)}")
        elif old != new:
            parts.append(f"{label}: {_value_text(kind, name, old, lang)} → {_value_text(kind, name, new, lang)}")
    return "; ".join(parts)


def record_label(kind: str, record_key: str, before: Mapping[str, Any] | None,
                 after: Mapping[str, Any] | None, lang: str) -> str:
    """The record in words: the area's or municipality's name where the key has a code."""
    record = after or before or {}
    parts = []
    if "area_code" in record:
        parts.append(area_name(record["area_code"], lang))
    if "municipality_code" in record:
        parts.append(municipality_name(record["municipality_code"], lang))
    if kind == "participation" and "org_type" in record:
        parts.append(org_name(str(record["org_type"]), str(record.get("org_key", "")), lang))
    if kind == "municipalities":
        parts.append(municipality_name(record_key, lang))
    for name in ("kind", "agreement_kind", "term_start", "agreement_term_start", "name", "title", "held_on",
                 "forum_date", "assessed_on", "respondent_no", "statement", "subject"):
        if name in record and record[name] not in (None, ""):
            parts.append(_value_text(kind, name, record[name], lang))
    return " · ".join(parts) if parts else record_key


@dataclass(frozen=True)
class BatchSummary:
    batch_id: str
    at: Any
    actor: str
    kinds: tuple[str, ...]
    changes: int
    note: str | None


def batches(frame: pd.DataFrame) -> list[BatchSummary]:
    """Batches that changed data, newest first (refusals and the facts' seeding are not
    batches one can undo)."""
    data = frame[frame["action"].isin(REVERSIBLE_ACTIONS)]
    out = []
    for batch_id, group in data.groupby("batch_id", sort=False):
        first = group.sort_values("id").iloc[0]
        out.append(BatchSummary(str(batch_id), first["at"], str(first["actor"]),
                                tuple(dict.fromkeys(group.sort_values("id")["kind"])), len(group),
                                first["note"] if isinstance(first["note"], str) else None))
    order = {b: i for i, b in enumerate(data["batch_id"])}
    return sorted(out, key=lambda b: order[b.batch_id])


def format_time(value: Any, lang: str) -> str:
    """A log time in Finnish time, e.g. 27.11.2026 20.38 (fi) or 27/11/2026, 20:38 (en)."""
    if not isinstance(value, datetime):
        try:
            value = pd.Timestamp(value).to_pydatetime()
        except (TypeError, ValueError):
            return str(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    pattern = "short" if lang == "en" else "d.M.yyyy HH.mm"
    return format_datetime(value, pattern, tzinfo=DISPLAY_ZONE, locale=LOCALES[normalise_language(lang)])


def kind_label(kind: str, lang: str) -> str:
    key = f"access.kind.{kind}"
    try:
        return t(key, lang)
    except KeyError:
        return kind


def action_label(action: str, lang: str) -> str:
    try:
        return t(f"access.action.{action}", lang)
    except KeyError:
        return action


def display_table(frame: pd.DataFrame, lang: str, *, full_actors: bool) -> pd.DataFrame:
    """The entries as people read them, headers in `lang`; e-mail addresses only when
    `full_actors` (a project lead reads), see `mask_personal`."""
    frame = mask_personal(frame, full=full_actors)
    rows = {
        "id": frame["id"].astype(int).tolist(),
        "at": [format_time(v, lang) for v in frame["at"]],
        "actor": [str(a) for a in frame["actor"]],
        "action": [action_label(str(a), lang) for a in frame["action"]],
        "kind": [kind_label(str(k), lang) for k in frame["kind"]],
        "record_key": [record_label(k, rk, b, a, lang) for k, rk, b, a in
                       zip(frame["kind"], frame["record_key"], frame["before"], frame["after"], strict=True)],
        "change": [describe_change(k, b, a, lang) for k, b, a in
                   zip(frame["kind"], frame["before"], frame["after"], strict=True)],
        "batch_id": frame["batch_id"].astype(str).tolist(),
        "note": [n if isinstance(n, str) else "" for n in frame["note"]],
    }
    out = pd.DataFrame(rows)
    own = {"change": "access.history.change", "kind": "access.history.kind"}
    return out.rename(columns={c: t(own[c], lang) if c in own else column_label(c, lang) for c in out.columns})
