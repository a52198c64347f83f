"""An area keeps a sequence of agreements of one kind (2023–2025, then 2026–2029), on SQLite and
PostgreSQL: the migration that made the term start part of the key, renewals that never
overwrite their predecessor, each agreement's own council approvals, files from before terms,
undo, the example data and the figures "as of" a day."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from typing import Any

import pandas as pd
import pytest
import sqlalchemy as sa
from sqlalchemy import Engine

from yhdyspinta import analysis, demo, editing, facts, indicators, profile
from yhdyspinta.access import Principal
from yhdyspinta.domain import Role
from yhdyspinta.i18n import column_label, t
from yhdyspinta.indicators import asof, labels
from yhdyspinta.io.export import export_kind
from yhdyspinta.io.importer import commit_import, prepare_import
from yhdyspinta.kinds import KINDS, get_kind
from yhdyspinta.store import repository as repo
from yhdyspinta.store.engine import create_store_engine, current_revision, downgrade, migrate, seed_facts

LEAD = Principal("lead@kuntaliitto.fi", Role.PROJECT_LEAD)
SAVO = Principal("editor@pshyvinvointialue.fi", Role.AREA_EDITOR, frozenset({13}))
PS = 13
COLLAB = "yhteistyosopimus"
FIRST, SECOND = date(2023, 1, 1), date(2026, 1, 1)
KUOPIO, IISALMI, KAAVI = "297", "140", "204"

FIRST_AGREEMENT = {"area_code": PS, "kind": COLLAB, "term_start": FIRST, "title": "Yhteistyösopimus 2023–2025",
                   "status": "toimeenpanossa", "approved_on": date(2023, 9, 4), "valid_from": date(2023, 10, 1),
                   "valid_until": date(2025, 12, 31)}
RENEWAL = {"area_code": PS, "kind": COLLAB, "term_start": SECOND, "title": "Yhteistyösopimus 2026–2029",
           "status": "paatoksenteossa", "preparation_started_on": date(2025, 3, 3), "valid_from": SECOND,
           "valid_until": date(2029, 12, 31)}


def _approval(municipality: str, status: str, decided_on: date | None = None,
              term: date | None = None) -> dict[str, Any]:
    return {"area_code": PS, "agreement_kind": COLLAB, "agreement_term_start": term,
            "municipality_code": municipality, "status": status, "decided_on": decided_on}


def _first_term(engine: Engine) -> None:
    """Pohjois-Savo's agreement for 2023–2025, approved by two councils."""
    editing.save(engine, LEAD, "agreements", FIRST_AGREEMENT, expected_version=None)
    for code, day in ((KUOPIO, date(2023, 8, 28)), (IISALMI, date(2023, 9, 11))):
        editing.save(engine, LEAD, "approvals", _approval(code, "hyvaksytty", day), expected_version=None)


def _import(engine: Engine, kind: str, text: str, principal: Principal = LEAD) -> Any:
    report = prepare_import(engine, kind, text.encode("utf-8"), f"{kind}.csv")
    if report.ok:
        commit_import(engine, report, principal)
    return report


# --- the migration --------------------------------------------------------------------------

AGREEMENTS_0002 = sa.table(
    "agreements", *(sa.column(c) for c in ("id", "area_code", "kind", "title", "status", "preparation_started_on",
                                           "approved_on", "valid_from", "valid_until", "themes", "row_version")))
APPROVALS = sa.table("approvals", *(sa.column(c) for c in ("id", "agreement_id", "municipality_code", "status",
                                                           "decided_on", "row_version")))
LOG = sa.table("change_log", *(sa.column(c) for c in ("id", "at", "actor", "action", "kind", "record_key",
                                                      "before", "after", "batch_id", "note")))

# Agreements as a store at 0002 held them, and the term start each gets.
OLD_AGREEMENTS = [
    # id, area, kind, preparation started, approved, valid from -> term start
    (1, 13, "yhteistyosopimus", date(2023, 2, 1), date(2023, 9, 4), date(2023, 10, 1), date(2023, 10, 1)),
    (2, 13, "aiesopimus", date(2023, 3, 1), date(2023, 6, 12), None, date(2023, 6, 12)),
    (3, 13, "yhdyspintasopimus", date(2023, 5, 2), None, None, date(2023, 5, 2)),
    (4, 21, "yhteistyosopimus", None, None, None, date(2023, 1, 1)),
]


def _log_row(entry_id: int, kind: str, key: str, after: dict[str, Any] | None, action: str = "insert") -> dict:
    return {"id": entry_id, "at": pd.Timestamp("2024-01-15T10:00:00Z").to_pydatetime(), "actor": "lead@x.fi",
            "action": action, "kind": kind, "record_key": key, "before": None,
            "after": None if after is None else json.dumps(after, ensure_ascii=False, sort_keys=True),
            "batch_id": f"b{entry_id}", "note": None}


def _store_at_0002(url: str) -> Engine:
    engine = create_store_engine(url)
    migrate(engine, "0002")
    seed_facts(engine)
    with engine.begin() as conn:
        conn.execute(sa.insert(AGREEMENTS_0002), [
            {"id": i, "area_code": a, "kind": k, "title": f"Sopimus {i}", "status": "hyvaksytty",
             "preparation_started_on": p, "approved_on": ap, "valid_from": v, "valid_until": None, "themes": "",
             "row_version": 1} for i, a, k, p, ap, v, _ in OLD_AGREEMENTS])
        conn.execute(sa.insert(APPROVALS), [
            {"id": 10, "agreement_id": 1, "municipality_code": KUOPIO, "status": "hyvaksytty",
             "decided_on": date(2023, 8, 28), "row_version": 1},
            {"id": 11, "agreement_id": 1, "municipality_code": IISALMI, "status": "kasittelematta",
             "decided_on": None, "row_version": 2},
            {"id": 12, "agreement_id": 2, "municipality_code": KUOPIO, "status": "hyvaksytty",
             "decided_on": None, "row_version": 1},
        ])
        agreement_4 = {"area_code": 21, "kind": "yhteistyosopimus", "title": "Sopimus 4", "status": "hyvaksytty",
                       "preparation_started_on": None, "approved_on": None, "valid_from": None,
                       "valid_until": None, "themes": "", "document_url": None}
        deleted = dict(agreement_4, area_code=20, approved_on="2024-05-06")
        conn.execute(sa.insert(LOG), [
            _log_row(100, "agreements", "21|yhteistyosopimus", agreement_4),
            _log_row(101, "approvals", "13|yhteistyosopimus|297",
                     {"area_code": 13, "agreement_kind": "yhteistyosopimus", "municipality_code": KUOPIO,
                      "status": "hyvaksytty", "decided_on": "2023-08-28"}),
            _log_row(102, "agreements", "20|yhteistyosopimus", deleted),  # an agreement deleted since
            _log_row(103, "agreements", "*", None, action="denied"),
        ])
        if conn.dialect.name == "postgresql":  # rows came with their ids: move the sequences past them
            for table in ("agreements", "approvals", "change_log"):
                conn.execute(sa.text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                     f"(SELECT max(id) FROM {table}))"))
    assert current_revision(engine) == "0002"
    return engine


def _rows(engine: Engine, table: str) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(sa.text(f"SELECT * FROM {table} ORDER BY id")).mappings()]


def test_upgrading_a_store_at_0002_keeps_every_agreement_approval_and_link(store_url: str) -> None:
    engine = _store_at_0002(store_url)
    approvals_before = _rows(engine, "approvals")
    migrate(engine)
    assert current_revision(engine) == "0004"  # upgraded to the latest
    agreements = _rows(engine, "agreements")
    assert [(r["id"], r["area_code"], r["kind"], r["title"], _day(r["term_start"])) for r in agreements] == [
        (i, a, k, f"Sopimus {i}", term) for i, a, k, _p, _ap, _v, term in OLD_AGREEMENTS]
    assert [_day(r["valid_from"]) for r in agreements] == [v for *_, v, _t in OLD_AGREEMENTS]  # left as it was
    assert _rows(engine, "approvals") == approvals_before  # every row and its agreement_id
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # enforced again after migrating
    frame = repo.read_kind(engine, "approvals")
    assert list(zip(frame["agreement_kind"], frame["agreement_term_start"], frame["municipality_code"],
                    strict=True)) == [("aiesopimus", date(2023, 6, 12), KUOPIO),
                                      (COLLAB, date(2023, 10, 1), IISALMI), (COLLAB, date(2023, 10, 1), KUOPIO)]
    # The log names records by the new key, and its records carry the term they got.
    log = {r["id"]: r for r in _rows(engine, "change_log")}
    assert log[100]["record_key"] == "21|yhteistyosopimus|2023-01-01"
    assert json.loads(log[100]["after"])["term_start"] == "2023-01-01"
    assert log[101]["record_key"] == "13|yhteistyosopimus|2023-10-01|297"
    assert json.loads(log[101]["after"])["agreement_term_start"] == "2023-10-01"
    assert log[102]["record_key"] == "20|yhteistyosopimus|2024-05-06"  # its last logged state's approval day
    assert (log[103]["record_key"], log[103]["after"]) == ("*", None)
    # A change logged before the migration is undone by its new key.
    editing.undo_change(engine, LEAD, 101)
    assert editing.read_record(engine, "approvals", (13, COLLAB, date(2023, 10, 1), KUOPIO)) is None
    engine.dispose()


def test_downgrade_restores_0002_unless_an_area_has_several_agreements_of_a_kind(store_url: str) -> None:
    engine = _store_at_0002(store_url)
    agreements_before = _rows(engine, "agreements")
    log_before = _rows(engine, "change_log")
    migrate(engine)
    downgrade(engine, "0002")
    assert current_revision(engine) == "0002"
    assert _rows(engine, "agreements") == agreements_before
    assert _rows(engine, "change_log") == log_before
    migrate(engine)
    editing.save(engine, LEAD, "agreements", dict(RENEWAL), expected_version=None)
    with pytest.raises(RuntimeError, match="several agreements of one kind"):
        downgrade(engine, "0002")
    assert current_revision(engine) == "0004"  # upgraded to the latest
    assert len(repo.read_kind(engine, "agreements")) == len(agreements_before) + 1
    engine.dispose()


def _day(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(str(value)[:10])


# --- renewals ---------------------------------------------------------------------------------

def test_a_renewal_is_added_beside_its_predecessor_with_its_own_approvals(store: Engine) -> None:
    _first_term(store)
    predecessor = editing.read_record(store, "agreements", (PS, COLLAB, FIRST))
    old_approvals = repo.read_kind(store, "approvals")
    header = ";".join(column_label(f) for f in ("area_code", "kind", "term_start", "title", "status",
                                                  "valid_from", "valid_until"))
    report = _import(store, "agreements", f"{header}\n13;{COLLAB};1.1.2026;Yhteistyösopimus 2026–2029;"
                                          f"paatoksenteossa;1.1.2026;31.12.2029\n", SAVO)
    assert report.ok and report.plan.summary() == {"added": 1, "changed": 0, "unchanged": 0}
    assert editing.read_record(store, "agreements", (PS, COLLAB, FIRST)) == predecessor
    assert editing.read_record(store, "agreements", (PS, COLLAB, SECOND))["status"] == "paatoksenteossa"
    # An approvals file in the shape from before terms decides on the latest agreement.
    report = _import(store, "approvals", "alue;sopimuksen tyyppi;kunta;tila;päätöspäivä\n"
                                         f"13;{COLLAB};Kuopio;hyvaksytty;9.3.2026\n13;{COLLAB};Kaavi;hylatty;16.3.2026\n")
    assert report.ok and report.plan.summary() == {"added": 2, "changed": 0, "unchanged": 0}
    approvals = repo.read_kind(store, "approvals")
    assert approvals[approvals["agreement_term_start"] == FIRST].reset_index(drop=True).equals(old_approvals)
    renewal = approvals[approvals["agreement_term_start"] == SECOND]
    assert dict(zip(renewal["municipality_code"], renewal["status"], strict=True)) == {
        KUOPIO: "hyvaksytty", KAAVI: "hylatty"}
    # Naming the term decides on that agreement: Iisalmi's decision on 2023–2025 is corrected alone.
    report = _import(store, "approvals", f"{';'.join(column_label(f) for f in KINDS['approvals'].fields)}\n"
                                         f"13;{COLLAB};1.1.2023;140;hylatty;11.9.2023\n")
    assert report.ok and report.plan.summary() == {"added": 0, "changed": 1, "unchanged": 0}
    assert editing.read_record(store, "approvals", (PS, COLLAB, FIRST, IISALMI))["status"] == "hylatty"
    assert editing.read_record(store, "approvals", (PS, COLLAB, SECOND, IISALMI)) is None


def test_saving_a_new_term_never_overwrites_and_undo_removes_only_the_renewal(store: Engine) -> None:
    _first_term(store)
    before = {k: repo.read_kind(store, k) for k in ("agreements", "approvals")}
    batch = editing.save(store, SAVO, "agreements", RENEWAL, expected_version=None)
    assert len(repo.read_kind(store, "agreements")) == 2
    editing.save(store, SAVO, "approvals", _approval(KAAVI, "hyvaksytty", date(2026, 2, 2)), expected_version=None)
    log = repo.read_kind(store, "changelog")
    assert list(log["record_key"].iloc[-2:]) == ["13|yhteistyosopimus|2026-01-01",
                                                 "13|yhteistyosopimus|2026-01-01|204"]
    editing.undo_batch(store, LEAD, str(log.iloc[-1]["batch_id"]))
    editing.undo_batch(store, LEAD, batch)
    for kind, frame in before.items():
        assert repo.read_kind(store, kind).equals(frame), kind
    undos = repo.read_kind(store, "changelog").iloc[-2:]
    assert list(undos["action"]) == ["undo", "undo"]
    assert list(undos["record_key"]) == ["13|yhteistyosopimus|2026-01-01|204", "13|yhteistyosopimus|2026-01-01"]


def test_an_agreement_without_a_term_start_is_the_areas_one_or_the_one_its_dates_name(store: Engine) -> None:
    header = "alue;tyyppi;otsikko;tila;hyväksytty pvm;voimassa alkaen\n"
    # The area's first agreement of the kind: its term starts when it is valid from.
    assert _import(store, "agreements", header + f"13;{COLLAB};Sopimus;hyvaksytty;4.9.2023;1.10.2023\n").ok
    assert list(repo.read_kind(store, "agreements")["term_start"]) == [date(2023, 10, 1)]
    # While it is the area's only one of the kind, a file from before terms updates it, dates and all.
    report = _import(store, "agreements", header + f"13;{COLLAB};Sopimus;toimeenpanossa;4.9.2023;1.1.2024\n")
    assert report.ok and report.plan.summary() == {"added": 0, "changed": 1, "unchanged": 0}
    stored = editing.read_record(store, "agreements", (PS, COLLAB, date(2023, 10, 1)))
    assert (stored["status"], stored["valid_from"]) == ("toimeenpanossa", date(2024, 1, 1))
    # Beside a renewal, the dates must name one of the two; else the term start must be given.
    editing.save(store, LEAD, "agreements", RENEWAL, expected_version=None)
    report = _import(store, "agreements", header + f"13;{COLLAB};Sopimus;paivitettavana;4.9.2023;1.1.2024\n")
    assert [p.message("en") for p in report.problems] == [
        "row 2, column sopimuskausi alkaa: value '': area Pohjois-Savon hyvinvointialue already has agreements of "
        "kind yhteistyosopimus for the terms starting 2023-10-01, 2026-01-01; give the term start: an existing "
        "term's start updates that agreement, a new date adds an agreement for a new term"]
    report = _import(store, "agreements", header + f"13;{COLLAB};Uusi sopimus;hyvaksytty;15.12.2025;1.1.2026\n")
    assert report.ok and report.plan.summary() == {"added": 0, "changed": 1, "unchanged": 0}
    assert editing.read_record(store, "agreements", (PS, COLLAB, SECOND))["title"] == "Uusi sopimus"
    assert editing.read_record(store, "agreements", (PS, COLLAB, date(2023, 10, 1)))["title"] == "Sopimus"


def test_an_approval_for_a_term_the_area_has_no_agreement_for_is_refused(store: Engine) -> None:
    _first_term(store)
    header = ";".join(column_label(f, "en") for f in KINDS["approvals"].fields)
    report = prepare_import(store, "approvals", f"{header}\n13;{COLLAB};1.1.2026;204;hyvaksytty;\n".encode(), "a.csv")
    assert [p.message("en") for p in report.problems] == [
        "row 2, column agreement term starts: value '2026-01-01': area Pohjois-Savon hyvinvointialue has no "
        "agreement of kind yhteistyosopimus for the term starting 2026-01-01; add the agreement first (kind "
        "agreements) or leave the term start empty to mean the area's latest agreement"]


def test_exports_name_the_term_and_reimport_unchanged(store: Engine) -> None:
    _first_term(store)
    editing.save(store, LEAD, "agreements", RENEWAL, expected_version=None)
    editing.save(store, LEAD, "approvals", _approval(KUOPIO, "kasittelematta"), expected_version=None)
    for kind, field in (("agreements", "term_start"), ("approvals", "agreement_term_start")):
        data = export_kind(store, kind, "csv")
        assert column_label(field) in data.decode("utf-8-sig").splitlines()[0].split(";")
        report = prepare_import(store, kind, data, f"{kind}.csv")
        assert report.plan is not None and report.plan.summary() == {
            "added": 0, "changed": 0, "unchanged": len(repo.read_kind(store, kind))}


# --- the example data ------------------------------------------------------------------------

def test_example_agreements_run_for_terms_with_renewals_and_none_for_helsinki() -> None:
    data = demo.build()
    agreements, approvals = data["agreements"], data["approvals"]
    helsinki = facts.HELSINKI_AREA_CODE
    assert not [a for a in agreements if a["area_code"] == helsinki]
    assert not [a for a in approvals if a["area_code"] == helsinki]
    strategic = Counter(a["area_code"] for a in agreements if a["kind"] == COLLAB)
    renewed = {code for code, n in strategic.items() if n == 2}
    assert len(strategic) == 21 and set(strategic.values()) == {1, 2} and len(renewed) >= 5
    first = [a for a in agreements if a["term_start"] == demo.FIRST_TERM_START and a["approved_on"]]
    assert {a["valid_until"] for a in first} >= {date(2025, 12, 31)}
    second = [a for a in agreements if a["kind"] == COLLAB and a["term_start"] > demo.FIRST_TERM_START]
    assert Counter(a["term_start"] for a in second)[date(2026, 1, 1)] >= 5
    assert {a["valid_until"] for a in second} == {date(2029, 12, 31)}
    assert {"paatoksenteossa", "hyvaksytty"} <= {a["status"] for a in second}
    # Renewals in decision-making: councils decide municipality by municipality over months of 2026.
    every_month: set[date] = set()
    for renewal in (a for a in second if a["status"] == "paatoksenteossa"):
        mine = [r for r in approvals if r["area_code"] == renewal["area_code"]
                and r["agreement_term_start"] == renewal["term_start"]]
        months = {r["decided_on"].replace(day=1) for r in mine if r["decided_on"] is not None}
        assert len(months) >= 2 and all(m.year == 2026 for m in months)
        assert any(r["status"] == "kasittelematta" for r in mine)
        every_month |= months
    assert len(every_month) >= 6
    # Every approval names an agreement the data has.
    terms = {(a["area_code"], a["kind"], a["term_start"]) for a in agreements}
    assert all((r["area_code"], r["agreement_kind"], r["agreement_term_start"]) in terms for r in approvals)


def test_example_data_as_of_today_and_before_the_renewals(store: Engine) -> None:
    demo.load(store)
    frames = {k: repo.read_kind(store, k) for k in (*indicators.KINDS_NEEDED, "changelog")}
    today = indicators.resolve(frames, date(2026, 11, 29))
    assert Counter(s.state.value for s in today.strategic.values()) == {"in_force": 7, "expired": 13,
                                                                        "not_in_force": 1}
    assert facts.HELSINKI_AREA_CODE not in today.strategic
    mid_2025 = indicators.resolve(frames, date(2025, 6, 1))
    assert Counter(s.state.value for s in mid_2025.strategic.values()) == {"in_force": 20, "not_in_force": 1}


# --- figures as of a day ----------------------------------------------------------------------

def _frames(agreements: list[dict[str, Any]], approvals: list[dict[str, Any]]) -> dict[str, pd.DataFrame]:
    frames = {k: pd.DataFrame(columns=list(get_kind(k).export_fields)) for k in indicators.KINDS_NEEDED}
    frames["agreements"] = pd.DataFrame(agreements, columns=list(get_kind("agreements").export_fields))
    frames["approvals"] = pd.DataFrame(approvals, columns=list(get_kind("approvals").export_fields))
    frames["municipalities"] = pd.DataFrame([{"code": m.code, "area_code": m.area_code, "population": None,
                                              "language": m.language} for m in facts.municipalities()])
    return frames


@pytest.mark.parametrize(
    ("day", "state", "until", "kuopio"),
    [
        (date(2025, 6, 1), "in_force", date(2025, 12, 31), "hyvaksytty"),
        # The renewal is approved but its term has not begun: its predecessor is still in force,
        # and the councils' decisions on the predecessor hold.
        (date(2025, 12, 20), "in_force", date(2025, 12, 31), "hyvaksytty"),
        (date(2026, 2, 1), "in_force", date(2029, 12, 31), "kasittelematta"),
        (date(2026, 4, 1), "in_force", date(2029, 12, 31), "hyvaksytty"),
    ],
)
def test_the_agreement_of_the_day_and_its_councils(day: date, state: str, until: date, kuopio: str) -> None:
    frames = _frames(
        [dict(FIRST_AGREEMENT), dict(RENEWAL, status="hyvaksytty", approved_on=date(2025, 12, 9))],
        [_approval(KUOPIO, "hyvaksytty", date(2023, 8, 28), FIRST),
         _approval(KUOPIO, "hyvaksytty", date(2026, 3, 2), SECOND)])
    resolved = indicators.resolve(frames, day)
    assert (resolved.strategic[PS].state.value, resolved.strategic[PS].valid_until) == (state, until)
    assert resolved.council_status[KUOPIO] == kuopio


def test_a_renewal_still_in_decision_leaves_the_area_expired() -> None:
    frames = _frames([dict(FIRST_AGREEMENT), dict(RENEWAL)],
                     [_approval(KUOPIO, "hyvaksytty", date(2023, 8, 28), FIRST),
                      _approval(KUOPIO, "kasittelematta", None, SECOND)])
    resolved = indicators.resolve(frames, date(2026, 11, 29))
    assert resolved.strategic[PS].state.value == "expired"
    assert resolved.council_status[KUOPIO] == "kasittelematta"
    assert KUOPIO not in resolved.council_approved


@pytest.mark.parametrize(("day", "approved", "pending"), [
    (date(2025, 6, 1), 2, 0),  # the first term: Kuopio and Iisalmi approved it
    (date(2026, 2, 1), 0, 2),  # the renewal's term has begun: Kuopio undecided, Kaavi's decision not yet made
    (date(2026, 11, 29), 1, 1),  # Kaavi approved the renewal, Kuopio has not decided
])
def test_the_agreements_page_counts_the_councils_as_the_catalogue_does(day: date, approved: int, pending: int) -> None:
    frames = _frames([dict(FIRST_AGREEMENT), dict(RENEWAL)],
                     [_approval(KUOPIO, "hyvaksytty", date(2023, 8, 28), FIRST),
                      _approval(IISALMI, "hyvaksytty", date(2023, 9, 11), FIRST),
                      _approval(KUOPIO, "kasittelematta", None, SECOND),
                      _approval(KAAVI, "hyvaksytty", date(2026, 3, 2), SECOND)])
    per_municipality = analysis.municipality_approvals(frames["agreements"], frames["approvals"], day)
    members = [m.code for m in facts.municipalities() if m.area_code == PS]
    assert len(per_municipality[per_municipality["area_code"] == PS]) == len(members)  # one row each
    row = analysis.approval_counts(per_municipality).set_index("area_code").loc[PS]
    assert (row["hyvaksytty"], row["kasittelematta"], row["total"]) == (approved, pending, len(members))
    state = indicators.resolve(frames, day)
    assert row["hyvaksytty"] == sum(m in state.council_approved for m in members), "the catalogue's count"


def test_a_begun_renewal_without_decisions_counts_no_council_anywhere() -> None:
    """The example data's Pohjanmaa: the 2023–2025 agreement expired, the 2026–2029 one in
    preparation with no council decisions yet. The overview's card, the agreements page and the
    profile's municipality table all say that no council has approved the agreement of the day."""
    frames = _frames([dict(FIRST_AGREEMENT), dict(RENEWAL, status="valmistelussa")],
                     [_approval(KUOPIO, "hyvaksytty", date(2023, 8, 28), FIRST),
                      _approval(IISALMI, "hyvaksytty", date(2023, 9, 11), FIRST)])
    day = date(2026, 11, 29)
    state = indicators.resolve(frames, day)
    assert not state.council_approved
    row = analysis.approval_counts(analysis.municipality_approvals(frames["agreements"], frames["approvals"], day)
                                   ).set_index("area_code").loc[PS]
    assert row["hyvaksytty"] == 0 and row[analysis.NOT_SUBMITTED] == row["total"]
    table = profile.municipality_table(PS, frames, state, "en")
    assert set(table[t("profile.col.council", "en")]) == {t("profile.no_decision", "en")}
    assert table[column_label("decided_on", "en")].isna().all(), "no day of a decision on an expired agreement"


@pytest.mark.parametrize(("day", "title", "status", "letter"), [
    (date(2025, 6, 1), "Yhteistyösopimus 2023–2025", "hyvaksytty", "toimeenpanossa"),
    # the renewal's term has begun, still in decision: the first agreement is the expired one (as on the map)
    (date(2026, 11, 29), "Yhteistyösopimus 2023–2025", "expired", "toimeenpanossa"),
    (date(2027, 3, 1), "Yhteistyösopimus 2023–2025", "expired", "valmistelussa"),
])
def test_the_stage_grid_shows_each_kinds_agreement_of_the_day(day: date, title: str, status: str,
                                                              letter: str) -> None:
    letters = [{"area_code": PS, "kind": "aiesopimus", "term_start": FIRST, "title": "Aiesopimus 2023",
                "status": "toimeenpanossa"},
               {"area_code": PS, "kind": "aiesopimus", "term_start": date(2027, 1, 1), "title": "Aiesopimus 2027",
                "status": "valmistelussa"}]
    frames = _frames([dict(FIRST_AGREEMENT, status="hyvaksytty"), dict(RENEWAL), *letters], [])
    grid = analysis.agreement_grid(frames["agreements"], indicators.resolve(frames, day)).set_index(["area_code",
                                                                                                      "kind"])
    assert (grid.loc[(PS, COLLAB), "title"], grid.loc[(PS, COLLAB), "status"]) == (title, status)
    assert grid.loc[(PS, "aiesopimus"), "status"] == letter


def test_a_decision_not_made_by_the_day_has_no_day_beside_it() -> None:
    frames = _frames([dict(FIRST_AGREEMENT)], [_approval(KUOPIO, "hyvaksytty", date(2023, 8, 28), FIRST)])
    day = date(2023, 6, 1)  # before Kuopio's council decided
    per_municipality = analysis.municipality_approvals(frames["agreements"], frames["approvals"], day)
    kuopio = per_municipality.set_index("municipality_code").loc[KUOPIO]
    assert (kuopio["status"], kuopio["decided_on"]) == ("kasittelematta", None)
    table = profile.municipality_table(PS, frames, indicators.resolve(frames, day), "en")
    row = table[table[column_label("code", "en")] == KUOPIO].iloc[0]
    assert pd.isna(row[column_label("decided_on", "en")])
    later = profile.municipality_table(PS, frames, indicators.resolve(frames, date(2023, 9, 1)), "en")
    assert later[later[column_label("code", "en")] == KUOPIO].iloc[0][column_label("decided_on", "en")] == \
        date(2023, 8, 28)


@pytest.mark.parametrize(("status", "decided_on", "day", "known"), [
    ("hyvaksytty", date(2023, 8, 28), date(2023, 9, 1), ("hyvaksytty", date(2023, 8, 28))),
    ("hyvaksytty", date(2023, 8, 28), date(2023, 8, 28), ("hyvaksytty", date(2023, 8, 28))),  # on the day
    ("hyvaksytty", date(2023, 8, 28), date(2023, 8, 27), ("kasittelematta", None)),  # not yet decided
    ("hylatty", date(2023, 8, 28), date(2023, 9, 1), ("hylatty", date(2023, 8, 28))),
    ("hyvaksytty", None, date(2023, 9, 1), ("hyvaksytty", None)),  # no day recorded: counted, no day shown
    ("kasittelematta", date(2023, 8, 28), date(2023, 9, 1), ("kasittelematta", None)),  # pending has no day
])
def test_a_decision_and_its_day_are_known_together(status: str, decided_on: date | None, day: date,
                                                    known: tuple[str, date | None]) -> None:
    """One rule gives a council's decision and its day (the agreements page and the profile
    read both from it): the day beside a decision only once the decision is known."""
    rows = pd.DataFrame([_approval(KUOPIO, status, decided_on, FIRST), _approval(IISALMI, "kasittelematta")])
    decisions = asof.known_decisions(rows, None, day)
    assert (decisions[KUOPIO].status, decisions[KUOPIO].decided_on) == known
    assert decisions[IISALMI] == asof.KnownDecision("kasittelematta", None)
    assert asof.decisions_known(rows, None, day) == {KUOPIO: known[0], IISALMI: "kasittelematta"}


def test_the_area_timeline_shows_each_councils_decision_once_under_its_own_agreement() -> None:
    frames = _frames([dict(FIRST_AGREEMENT), dict(RENEWAL)],
                     [_approval(KUOPIO, "hyvaksytty", date(2023, 8, 28), FIRST),
                      _approval(KUOPIO, "hylatty", date(2026, 3, 2), SECOND)])
    events = profile.agreement_events(PS, frames, "en")
    councils = events[events["who"] == "Kuopio"]
    assert list(zip(councils["day"], councils["event"], strict=True)) == [
        (date(2023, 8, 28), "council_approved"), (date(2026, 3, 2), "council_rejected")]


@pytest.mark.parametrize(("day", "shown"), [
    (date(2025, 6, 1), "paatoksenteossa"),  # before the renewal's term: the first agreement's own status
    (date(2027, 1, 1), "ei_aloitettu"),  # the renewal's term has begun
])
def test_an_area_with_nothing_approved_shows_the_status_of_its_agreement_of_the_day(day: date, shown: str) -> None:
    """No agreement approved yet: the map, grid and slide read the agreement of the day's stored
    status, not that of whichever term the store happens to list last."""
    renewal = dict(RENEWAL, term_start=date(2027, 1, 1), valid_from=date(2027, 1, 1), status="ei_aloitettu")
    for agreements in ([dict(FIRST_AGREEMENT, status="paatoksenteossa"), renewal],
                       [renewal, dict(FIRST_AGREEMENT, status="paatoksenteossa")]):
        frames = _frames(agreements, [])
        state = indicators.resolve(frames, day)
        assert (state.strategic[PS].state.value, state.strategic[PS].shown) == ("not_in_force", shown)
        grid = analysis.agreement_grid(frames["agreements"], state).set_index(["area_code", "kind"])
        assert grid.loc[(PS, COLLAB), "status"] == shown


def test_the_profiles_agreement_table_shows_each_terms_status_and_councils_as_of_the_day() -> None:
    """An earlier term whose validity has ended reads "expired" as on the map, and a later
    term's councils count only the decisions made by the day."""
    frames = _frames([dict(FIRST_AGREEMENT), dict(RENEWAL)],
                     [_approval(KUOPIO, "hyvaksytty", date(2023, 8, 28), FIRST),
                      _approval(IISALMI, "hyvaksytty", date(2023, 9, 11), FIRST),
                      _approval(KAAVI, "hyvaksytty", date(2026, 3, 2), SECOND)])
    members = sum(m.area_code == PS for m in facts.municipalities())
    status, council = column_label("status", "en"), t("profile.col.council_approved", "en")

    def rows(day: date) -> list[tuple[str, str]]:
        table = profile.agreement_table(PS, frames, indicators.resolve(frames, day), "en")
        return list(zip(table[status], table[council], strict=True))

    assert rows(date(2025, 6, 1)) == [("In implementation", f"2 / {members}"), ("In decision-making", f"0 / {members}")]
    assert rows(date(2026, 11, 29))[0] == (t("map.expired", "en"), f"2 / {members}")
    assert rows(date(2026, 11, 29))[1][0] == "In decision-making"
    assert rows(date(2023, 9, 1))[0][1] == f"1 / {members}", "Iisalmi decided on 11 September"


@pytest.mark.parametrize(("renewal", "title", "status"), [
    # a gap between terms: the renewal approved, its term not begun, the first one ended
    (dict(RENEWAL, term_start=date(2026, 3, 1), valid_from=date(2026, 3, 1), status="hyvaksytty",
          approved_on=date(2025, 12, 9)), "Yhteistyösopimus 2026–2029", "hyvaksytty"),
    (dict(RENEWAL, term_start=date(2026, 3, 1), valid_from=date(2026, 3, 1)), "Yhteistyösopimus 2023–2025", "expired"),
])
def test_the_stage_grid_names_the_strategic_agreement_the_map_shows(renewal: dict[str, Any], title: str,
                                                                   status: str) -> None:
    frames = _frames([dict(FIRST_AGREEMENT, status="hyvaksytty"), renewal], [])
    state = indicators.resolve(frames, date(2026, 1, 15))
    grid = analysis.agreement_grid(frames["agreements"], state).set_index(["area_code", "kind"])
    assert (grid.loc[(PS, COLLAB), "title"], grid.loc[(PS, COLLAB), "status"]) == (title, status)
    assert state.strategic[PS].shown == status


@pytest.mark.parametrize(("day", "letter"), [(date(2025, 6, 1), "hyvaksytty"), (date(2026, 6, 1), "expired")])
def test_every_kind_of_agreement_shows_expired_once_its_validity_ends(day: date, letter: str) -> None:
    """As the profile's agreement table shows each agreement (asof.shown_status)."""
    frames = _frames([dict(FIRST_AGREEMENT), {"area_code": PS, "kind": "aiesopimus", "term_start": FIRST,
                                              "title": "Aiesopimus 2023", "status": "hyvaksytty",
                                              "valid_from": FIRST, "valid_until": date(2025, 12, 31)}], [])
    state = indicators.resolve(frames, day)
    grid = analysis.agreement_grid(frames["agreements"], state).set_index(["area_code", "kind"])
    assert grid.loc[(PS, "aiesopimus"), "status"] == letter
    table = profile.agreement_table(PS, frames, state, "en")
    assert table[column_label("status", "en")].iloc[1] == labels.status_text(letter, "en")
