"""Indicators as of a day, from writes at known times (table-driven), and the list of recent changes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import Engine

from yhdyspinta import demo, facts, indicators, recent
from yhdyspinta.filters import Filters
from yhdyspinta.indicators import finnish_today
from yhdyspinta.kinds import KINDS
from yhdyspinta.store import repository as repo

KUOPIO, IISALMI, KAAVI = "297", "140", "204"  # Pohjois-Savo (13)
INARI = "148"  # Lappi (21)
PS, LAPPI, PH = 13, 21, 9
FRAME_KINDS = (*indicators.KINDS_NEEDED, "changelog")


class Clock:
    """Stands in for the store's clock, so each write is logged at a chosen instant."""

    def __init__(self) -> None:
        self.now = datetime(2025, 1, 1, tzinfo=UTC)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock()
    original = repo._log_values

    def logged_at_clock(**values: Any) -> dict[str, Any]:
        return {**original(**values), "at": clock.now}

    monkeypatch.setattr(repo, "_log_values", logged_at_clock)
    return clock


def write(engine: Engine, clock: Clock, at: datetime, kind: str, *records: dict[str, Any]) -> None:
    clock.now = at
    plan = repo.plan_upsert(engine, kind, [KINDS[kind].validate(r) for r in records])
    repo.apply_changes(engine, kind, plan.changes, actor="tester@example.fi")


def agreement(area: int, status: str, approved_on: str | None = None) -> dict[str, Any]:
    return {"area_code": area, "kind": "yhteistyosopimus", "title": "Strateginen yhteistyösopimus",
            "status": status, "approved_on": approved_on}


def approval(area: int, municipality: str, status: str, decided_on: str | None = None) -> dict[str, Any]:
    return {"area_code": area, "agreement_kind": "yhteistyosopimus", "municipality_code": municipality,
            "status": status, "decided_on": decided_on}


def survey_row(wave: str, published: str | None, statement: str, value: float, level: str = "koko_maa",
               key: str = "") -> dict[str, Any]:
    return {"survey": "Kuntapulssi", "wave": wave, "published_on": published, "statement": statement,
            "respondent_group": demo.ALL_RESPONDENTS, "level": level, "level_key": key, "value_pct": value, "n": 300}


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.fixture
def history(store: Engine, clock: Clock) -> Iterator[dict[str, pd.DataFrame]]:
    """A store written at known instants (UTC):

    * 10.1.2025: Pohjois-Savo approved (approved_on 1.12.2024), Päijät-Häme approved with no
      date, Lappi in decision-making; forums of 1.2.2025 and (planned) 1.1.2099; two waves of the
      survey's history begin: 1/2024 published 1.6.2024.
    * 1.3.2025: Lappi approved, no date; Kuopio's council approved on 15.2.2025; Iisalmi's
      decision dated 1.1.2030 (a typo); wave 2/2025 with no publication date.
    * 1.5.2025 23:30 UTC (2.5. in Finland): Kaavi approved, no date;
      1.6.2025 Kaavi set back to pending; 1.7.2025 approved again, still no date.
    """
    write(store, clock, utc("2025-01-10T10:00"), "agreements", agreement(PS, "hyvaksytty", "2024-12-01"),
          agreement(PH, "hyvaksytty"), agreement(LAPPI, "paatoksenteossa"))
    write(store, clock, utc("2025-01-10T10:00"), "forums",
          {"held_on": "2025-02-01", "theme": "hyte", "title": "Foorumi"},
          {"held_on": "2099-01-01", "theme": "talous", "title": "Tuleva foorumi"})
    write(store, clock, utc("2025-01-10T10:00"), "participation",
          {"forum_date": "2025-02-01", "org_type": "kunta", "org_key": KUOPIO, "participants": 3},
          {"forum_date": "2025-02-01", "org_type": "alue", "org_key": "13", "participants": 2},
          {"forum_date": "2025-02-01", "org_type": "muu", "org_key": "Kuntaliitto", "participants": 1},
          {"forum_date": "2099-01-01", "org_type": "kunta", "org_key": INARI, "participants": 1})
    write(store, clock, utc("2025-01-10T10:00"), "survey",
          survey_row("1/2024", "2024-06-01", "A", 40), survey_row("1/2024", "2024-06-01", "B", 60),
          survey_row("1/2024", "2024-06-01", "A", 30, "alue", "13"),
          survey_row("1/2024", "2024-06-01", "B", 50, "alue", "13"))
    write(store, clock, utc("2025-03-01T08:00"), "agreements", agreement(LAPPI, "hyvaksytty"))
    write(store, clock, utc("2025-03-01T08:00"), "approvals", approval(PS, KUOPIO, "hyvaksytty", "2025-02-15"),
          approval(PS, IISALMI, "hyvaksytty", "2030-01-01"))
    write(store, clock, utc("2025-03-01T08:00"), "survey",
          survey_row("2/2025", None, "A", 70), survey_row("2/2025", None, "B", 80))
    write(store, clock, utc("2025-05-01T23:30"), "approvals", approval(PS, KAAVI, "hyvaksytty"))
    write(store, clock, utc("2025-06-01T08:00"), "approvals", approval(PS, KAAVI, "kasittelematta"))
    write(store, clock, utc("2025-07-01T08:00"), "approvals", approval(PS, KAAVI, "hyvaksytty"))
    yield {kind: repo.read_kind(store, kind) for kind in FRAME_KINDS}


WHOLE = Filters()
AREA = Filters(area=PS)
COUNTRY, SAVO = indicators.Scope(), indicators.Scope(PS)


def values(frames: dict[str, pd.DataFrame], as_of: date | None = None,
           scope: indicators.Scope = COUNTRY) -> dict[str, indicators.Value]:
    return indicators.evaluate_all(indicators.resolve(frames, as_of or finnish_today()), scope)


@pytest.mark.parametrize(
    ("as_of", "scope", "areas", "councils", "forums", "municipalities_took_part"),
    [
        # Pohjois-Savo counts from its own date, before it was entered (best present knowledge).
        (date(2024, 11, 30), COUNTRY, 0, 0, 0, 0),
        (date(2024, 12, 1), COUNTRY, 1, 0, 0, 0),
        # Päijät-Häme has no date: placed on the day it was logged.
        (date(2025, 1, 9), COUNTRY, 1, 0, 0, 0),
        (date(2025, 1, 10), COUNTRY, 2, 0, 0, 0),
        (date(2025, 2, 1), COUNTRY, 2, 0, 1, 1),
        # Kuopio's decision counts from its own date.
        (date(2025, 2, 15), COUNTRY, 2, 1, 1, 1),
        # Lappi (undated) and Iisalmi (future date) count from the day they were logged.
        (date(2025, 2, 28), COUNTRY, 2, 1, 1, 1),
        (date(2025, 3, 1), COUNTRY, 3, 2, 1, 1),
        # Kaavi's first approval was withdrawn; its current one counts from 1.7.2025.
        (date(2025, 5, 2), COUNTRY, 3, 2, 1, 1),
        (date(2025, 6, 30), COUNTRY, 3, 2, 1, 1),
        (date(2025, 7, 1), COUNTRY, 3, 3, 1, 1),
        # The planned forum of 2099 is not held yet, nor is Inari's participation counted.
        (date(2026, 1, 1), COUNTRY, 3, 3, 1, 1),
        (date(2025, 3, 1), SAVO, 1, 2, 1, 1),
        (date(2024, 11, 30), SAVO, 0, 0, 0, 0),
    ],
)
def test_figures_as_of_a_day(history: dict[str, pd.DataFrame], as_of: date, scope: indicators.Scope, areas: int,
                             councils: int, forums: int, municipalities_took_part: int) -> None:
    got = values(history, as_of, scope)
    assert got["agreements_in_force"].value == areas
    assert got["agreements_in_force"].denominator == (21 if scope == COUNTRY else 1)  # Helsinki not counted
    assert got["council_approved_municipalities"].value == councils
    assert got["council_approved_municipalities"].denominator == (291 if scope == COUNTRY else 19)
    assert got["forums_held"].value == forums
    assert got["municipalities_participated"].value == municipalities_took_part
    assert got["municipalities_participated"].denominator == (292 if scope == COUNTRY else 19)


def test_change_between_two_days_is_the_difference_of_the_two_days(history: dict[str, pd.DataFrame]) -> None:
    now, then = values(history, date(2026, 1, 1)), values(history, date(2025, 1, 10))
    diff = {k: (now[k].value or 0) - (then[k].value or 0)
            for k in ("agreements_in_force", "council_approved_municipalities", "forums_held",
                      "organisations_reached", "municipalities_participated")}
    assert diff == {"agreements_in_force": 1, "council_approved_municipalities": 3, "forums_held": 1,
                    "organisations_reached": 3, "municipalities_participated": 1}


def test_today_counts_every_record_in_a_counted_state(history: dict[str, pd.DataFrame]) -> None:
    """Today's figure never depends on dates: a log entry is never later than today."""
    got = values(history)
    agreements = history["agreements"]
    assert got["agreements_in_force"].value == int(agreements["status"].isin(indicators.APPROVED_CODES).sum())
    assert got["council_approved_municipalities"].value == int((history["approvals"]["status"] == "hyvaksytty").sum())


def test_without_the_change_log_undated_records_count_on_every_day(history: dict[str, pd.DataFrame]) -> None:
    frames = {k: v for k, v in history.items() if k != "changelog"}
    got = values(frames, date(2024, 1, 1))
    assert got["agreements_in_force"].value == 2  # Päijät-Häme and Lappi: no date, no log
    assert got["council_approved_municipalities"].value == 1  # Kaavi; Iisalmi's date is in the future


@pytest.mark.parametrize(
    ("as_of", "scope", "wave", "mean"),
    [
        (date(2024, 5, 31), COUNTRY, None, None),
        (date(2024, 6, 1), COUNTRY, "1/2024", 50.0),
        (date(2024, 6, 1), SAVO, "1/2024", 40.0),
        (date(2025, 2, 28), COUNTRY, "1/2024", 50.0),
        # The undated wave counts from the day it was logged; it has no area rows.
        (date(2025, 3, 1), COUNTRY, "2/2025", 75.0),
        (date(2025, 3, 1), SAVO, "2/2025", None),
    ],
)
def test_survey_mean_is_the_latest_published_wave(history: dict[str, pd.DataFrame], as_of: date,
                                                  scope: indicators.Scope, wave: str | None,
                                                  mean: float | None) -> None:
    got = values(history, as_of, scope)["survey_mean"]
    assert got.value == mean
    assert got.status == (indicators.Status.OK if mean is not None else indicators.Status.NO_DATA)
    if mean is not None:
        assert (got.detail["wave"], got.detail["statements"], got.n) == (wave, 2, 300)


@pytest.mark.parametrize(
    ("instant", "day"),
    [("2025-05-01T20:59:59", date(2025, 5, 1)), ("2025-05-01T21:00:00", date(2025, 5, 2)),
     ("2025-01-01T21:59:59", date(2025, 1, 1)), ("2025-01-01T22:00:00", date(2025, 1, 2))],
)
def test_log_instants_become_finnish_days(instant: str, day: date) -> None:
    assert recent.local_day(utc(instant)) == day
    assert recent.local_day(pd.Timestamp(instant)) == day  # naive: read as UTC


def test_population_share_needs_every_population(store: Engine, clock: Clock) -> None:
    write(store, clock, utc("2025-01-10T10:00"), "agreements", agreement(PS, "hyvaksytty", "2024-12-01"))
    write(store, clock, utc("2025-01-10T10:00"), "approvals", approval(PS, KUOPIO, "hyvaksytty", "2025-01-01"))
    members = [m.code for m in facts.municipalities() if m.area_code == PS]
    repo.update_population(store, [(code, 1000 if code != KUOPIO else 9000, 2024) for code in members],
                           actor="tester@example.fi")
    frames = {k: repo.read_kind(store, k) for k in FRAME_KINDS}
    area = values(frames, scope=SAVO)["council_approved_population_share"]
    assert area.denominator == 1000 * (len(members) - 1) + 9000
    assert area.value == pytest.approx(9000 / area.denominator)
    country = values(frames)["council_approved_population_share"]
    assert country.value is None and country.status == indicators.Status.NO_DATA  # not loaded elsewhere


def test_recent_changes_group_a_batch_and_skip_the_example_data(store: Engine, clock: Clock) -> None:
    demo.load(store)
    # A change of Kuopio's decision on the latest agreement, whatever the example data drew for it.
    approvals = repo.read_kind(store, "approvals")
    shown = approvals[(approvals["municipality_code"] == KUOPIO)
                      & (approvals["agreement_kind"] == "yhteistyosopimus")].iloc[-1]["status"]
    decision, label = ("hyvaksytty", "Hyväksytty") if shown == "hylatty" else ("hylatty", "Hylätty")
    write(store, clock, utc("2026-11-01T10:00"), "approvals", approval(PS, KUOPIO, decision, "2026-10-30"))
    write(store, clock, utc("2026-11-02T10:00"), "forums", {"held_on": "2026-12-01", "theme": "hyte",
                                                           "title": "Joulufoorumi"})
    write(store, clock, utc("2026-11-03T10:00"), "approvals",
          *[approval(LAPPI, m.code, "hyvaksytty", "2026-11-02") for m in facts.municipalities() if m.area_code == 21])
    log = repo.read_kind(store, "changelog")
    lapland = sum(1 for m in facts.municipalities() if m.area_code == LAPPI)

    lines = recent.recent_changes(log, WHOLE, "fi")
    texts = [line.text for line in lines]
    changed = sum(1 for r in repo.read_kind(store, "approvals").itertuples()
                  if r.area_code == LAPPI and r.status == "hyvaksytty")
    assert lines[0].count == changed <= lapland  # one line for the batch, with its count
    assert texts[0] == f"{changed} muutosta kerralla: Valtuuston hyväksyntä"
    assert texts[1] == "Foorumi lisätty: 1.12.2026 Joulufoorumi"
    assert texts[2].startswith("Valtuuston hyväksyntä muutettu: Kuopio: Strateginen yhteistyösopimus (")
    assert texts[2].endswith(f"→ {label})")
    assert len(lines) == 3  # nothing of the example data or the facts seed
    assert [line.at.date() for line in lines] == [date(2026, 11, 3), date(2026, 11, 2), date(2026, 11, 1)]

    in_area = [line.text for line in recent.recent_changes(log, AREA, "en")]
    assert in_area == ["Forum added: 01/12/2026 Joulufoorumi",
                       in_area[1]]  # Lappi's batch is left out; national forums stay
    assert in_area[1].startswith("Council approval changed: Kuopio: Strategic collaboration agreement")
    assert len(recent.recent_changes(log, WHOLE, "sv", limit=2)) == 2
