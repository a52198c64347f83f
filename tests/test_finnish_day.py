"""Days are Finnish calendar days everywhere: the day figures are read on, the day an entry is
dated, and the day the change log's UTC instants fall on.

A server keeps UTC. Between 22 and 24 UTC (21 and 24 in summer) its `date.today()` is still
yesterday in Finland, so what had just been saved (logged on the Finnish day) did not yet count
"today": CI failed on this at 22:16 UTC.
"""

from __future__ import annotations

import ast
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from yhdyspinta import indicators
from yhdyspinta.cli import main
from yhdyspinta.indicators import asof
from yhdyspinta.kinds import KINDS
from yhdyspinta.store import repository as repo
from yhdyspinta.store.engine import open_store

PACKAGE = Path(__file__).resolve().parents[1] / "yhdyspinta"


@pytest.mark.parametrize(("instant", "day"), [
    (datetime(2026, 11, 29, 21, 59, tzinfo=UTC), date(2026, 11, 29)),  # 23.59 in Helsinki (UTC+2)
    (datetime(2026, 11, 29, 22, 0, tzinfo=UTC), date(2026, 11, 30)),  # midnight in Helsinki
    (datetime(2026, 11, 29, 23, 59, tzinfo=UTC), date(2026, 11, 30)),  # the server's day is still the 29th
    (datetime(2026, 6, 30, 20, 59, tzinfo=UTC), date(2026, 6, 30)),  # summer time: UTC+3
    (datetime(2026, 6, 30, 21, 0, tzinfo=UTC), date(2026, 7, 1)),
    (datetime(2026, 12, 31, 22, 30, tzinfo=UTC), date(2027, 1, 1)),  # the year turns in Finland first
])
def test_today_is_the_finnish_calendar_day(instant: datetime, day: date) -> None:
    assert indicators.finnish_today(instant) == day
    assert indicators.local_day(instant) == day  # the log's instants fall on the same days
    assert indicators.finnish_today(instant.replace(tzinfo=None)) == day  # a naive instant is UTC, as in the log


def _clock_calls(tree: ast.AST) -> list[tuple[int, str]]:
    """Calls that read the machine's own calendar day or a zone-less clock."""
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        owner = node.func.value
        name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
        if node.func.attr == "today" and name in {"date", "datetime", "Timestamp"}:
            found.append((node.lineno, f"{name}.today()"))
        if node.func.attr == "now" and name in {"datetime", "Timestamp"} and not (node.args or node.keywords):
            found.append((node.lineno, f"{name}.now() without a zone"))
    return found


@pytest.mark.parametrize(("source", "expected"), [
    ("date.today()", ["date.today()"]),
    ("datetime.date.today()", ["date.today()"]),
    ("pd.Timestamp.today()", ["Timestamp.today()"]),
    ("datetime.now()", ["datetime.now() without a zone"]),
    ("datetime.now(UTC)", []),
    ("finnish_today()", []),
])
def test_the_clock_check_finds_what_it_should(source: str, expected: list[str]) -> None:
    assert [what for _, what in _clock_calls(ast.parse(source))] == expected


def test_no_code_reads_the_servers_own_day() -> None:
    offenders = [f"{path.relative_to(PACKAGE.parent)}:{line}: {what}"
                 for path in sorted(PACKAGE.rglob("*.py"))
                 for line, what in _clock_calls(ast.parse(path.read_text(encoding="utf-8")))]
    assert not offenders, "use indicators.finnish_today() / datetime.now(UTC): " + "; ".join(offenders)


class _LateEvening(datetime):
    """A clock stopped at 21.30 UTC on a summer evening: already the next day in Finland."""

    INSTANT = datetime(2098, 6, 30, 21, 30, tzinfo=UTC)

    @classmethod
    def now(cls, tz: object = None) -> datetime:  # type: ignore[override]
        return cls.INSTANT if tz is not None else cls.INSTANT.replace(tzinfo=None)


def test_what_was_saved_a_moment_ago_counts_today(fresh_caches: None, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    # The store logs the approval at the frozen instant; the catalogue reads "today" from the same clock.
    monkeypatch.setattr(repo, "datetime", _LateEvening)
    monkeypatch.setattr(asof, "datetime", _LateEvening)
    engine = open_store()
    agreement = {"area_code": 13, "kind": "yhteistyosopimus", "title": "Puitesopimus", "status": "hyvaksytty",
                 "approved_on": "2098-01-15", "valid_from": "2098-01-15"}
    plan = repo.plan_upsert(engine, "agreements", [KINDS["agreements"].validate(agreement)])
    repo.apply_changes(engine, "agreements", plan.changes, actor="tester@example.fi")
    approval = {"area_code": 13, "agreement_kind": "yhteistyosopimus", "municipality_code": "204",
                "status": "hyvaksytty"}  # no decision date: it counts from the day it was saved
    plan = repo.plan_upsert(engine, "approvals", [KINDS["approvals"].validate(approval)])
    repo.apply_changes(engine, "approvals", plan.changes, actor="tester@example.fi")
    assert indicators.local_day(repo.read_kind(engine, "changelog")["at"].max()) == date(2098, 7, 1)
    engine.dispose()

    assert main(["indicators", "--format", "json", "--area", "13"]) == 0
    printed = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    approved = printed["council_approved_municipalities"]
    assert approved["as_of"] == "2098-07-01"
    assert approved["value"] == 1
