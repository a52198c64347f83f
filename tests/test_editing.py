"""The write functions as the forms and the history page call them, on SQLite and PostgreSQL:
permissions refused and logged, optimistic locking, and undo of single changes and batches."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from yhdyspinta import demo, editing
from yhdyspinta.access import (
    ANONYMOUS,
    PermissionDenied,
    Principal,
    dev_lead,
    editable_areas,
    principal_for,
)
from yhdyspinta.domain import Role
from yhdyspinta.kinds import get_kind
from yhdyspinta.store import repository as repo
from yhdyspinta.store import schema

LEAD = Principal("lead@kuntaliitto.fi", Role.PROJECT_LEAD)
LEAD2 = Principal("other.lead@kuntaliitto.fi", Role.PROJECT_LEAD)
SAVO = Principal("editor@pshyvinvointialue.fi", Role.AREA_EDITOR, frozenset({13}))
SAVO2 = Principal("second@pshyvinvointialue.fi", Role.AREA_EDITOR, frozenset({13}))
KEUSOTE = Principal("editor@keusote.fi", Role.AREA_EDITOR, frozenset({2}))
VIEWER = Principal("viewer@example.fi", Role.VIEWER)

TERM = date(2026, 1, 1)
AGREEMENT = {"area_code": 13, "kind": "yhteistyosopimus", "term_start": TERM, "title": "Yhteistyösopimus",
             "status": "valmistelussa"}
KEY = (13, "yhteistyosopimus", TERM)
APPROVAL_KEY = (*KEY, "297")
FORUM = {"held_on": date(2025, 1, 31), "theme": "hyte", "title": "HYTE-foorumi"}


def log(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(schema.change_log).order_by(schema.change_log.c.id)).mappings()]


def log_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(schema.change_log)).scalar_one())


def seed(engine: Engine) -> None:
    """An agreement in area 13 (Pohjois-Savo) with one council's approval, a structure and a
    forum, written by a project lead."""
    editing.save(engine, LEAD, "agreements", AGREEMENT, expected_version=None)
    editing.save(engine, LEAD, "approvals", {"area_code": 13, "agreement_kind": "yhteistyosopimus",
                                             "municipality_code": "297", "status": "kasittelematta"},
                 expected_version=None)
    editing.save(engine, LEAD, "structures", {"area_code": 13, "kind": "kuntafoorumi", "name": "Kuntafoorumi"},
                 expected_version=None)
    editing.save(engine, LEAD, "forums", FORUM, expected_version=None)


# --- permissions, enforced in the write functions themselves ----------------------------------

WRITES = [
    ("agreements", dict(AGREEMENT, status="paatoksenteossa")),
    ("agreements", dict(AGREEMENT, area_code=2, title="Keski-Uudenmaan sopimus")),
    ("approvals", {"area_code": 13, "agreement_kind": "yhteistyosopimus", "municipality_code": "297",
                   "status": "hyvaksytty", "decided_on": "2025-02-03"}),
    ("structures", {"area_code": 13, "kind": "hyte_neuvottelukunta", "name": "HYTE-neuvottelukunta"}),
    ("maturity", {"area_code": 13, "assessed_on": "2025-03-01", "respondent_no": 1, "respondent_role": "kunta",
                  **dict.fromkeys(schema.MATURITY_COLUMNS, 2)}),
    ("participation", {"forum_date": "2025-01-31", "org_type": "kunta", "org_key": "297", "participants": 4}),
    ("forums", dict(FORUM, title="Uusi otsikko")),
    ("roles", {"subject": "someone@example.fi", "role": "project_lead"}),
]


def _allowed(principal: Principal, kind: str, values: dict[str, Any]) -> bool:
    if principal.role is Role.PROJECT_LEAD:
        return True
    if principal.role is not Role.AREA_EDITOR or kind in ("forums", "roles"):
        return False
    area = values.get("area_code", 13)  # participation: Kuopio (297) lies in area 13
    return area in principal.areas


@pytest.mark.parametrize("principal", [VIEWER, ANONYMOUS, KEUSOTE, SAVO, LEAD], ids=lambda p: p.subject)
@pytest.mark.parametrize(("kind", "values"), WRITES, ids=[f"{k}-{i}" for i, (k, _) in enumerate(WRITES)])
def test_save_is_checked_where_it_writes(store: Engine, principal: Principal, kind: str,
                                         values: dict[str, Any]) -> None:
    seed(store)
    spec = get_kind(kind)
    with store.connect() as conn:  # an approval names no term: its agreement's is filled in
        key = editing.key_of(kind, spec.complete(conn, spec.validate(values)))
    current = editing.read_record(store, kind, key)
    version = None if current is None else current["row_version"]
    before = repo.read_kind(store, kind)
    entries = log_count(store)
    if _allowed(principal, kind, values):
        assert editing.save(store, principal, kind, values, expected_version=version) is not None
        assert log(store)[-1]["actor"] == principal.subject
        return
    with pytest.raises(PermissionDenied):
        editing.save(store, principal, kind, values, expected_version=version)
    assert repo.read_kind(store, kind).equals(before), "nothing written"
    assert log_count(store) == entries + 1
    last = log(store)[-1]
    assert (last["action"], last["actor"], last["kind"]) == ("denied", principal.subject, kind)


@pytest.mark.parametrize("principal", [VIEWER, KEUSOTE], ids=lambda p: p.subject)
def test_delete_of_another_areas_record_is_refused_and_logged(store: Engine, principal: Principal) -> None:
    seed(store)
    version = editing.read_record(store, "structures", (13, "kuntafoorumi", "Kuntafoorumi"))["row_version"]
    with pytest.raises(PermissionDenied):
        editing.delete_record(store, principal, "structures", (13, "kuntafoorumi", "Kuntafoorumi"),
                              expected_version=version)
    assert len(repo.read_kind(store, "structures")) == 1
    assert (log(store)[-1]["action"], log(store)[-1]["actor"]) == ("denied", principal.subject)


def test_an_editor_cannot_move_a_record_out_of_another_area(store: Engine) -> None:
    """`write` checks the old state too: a crafted change whose `after` is in the editor's
    area but whose `before` is another area's record is refused."""
    seed(store)
    current = editing.read_record(store, "agreements", KEY)
    crafted = repo.Change(repo.Action.UPDATE, (2, "yhteistyosopimus", TERM), {**current, "area_code": 2},
                          dict(AGREEMENT, area_code=13))
    with pytest.raises(PermissionDenied, match="area 2"):
        editing.write(store, SAVO, "agreements", [crafted])


def test_editable_areas() -> None:
    assert editable_areas(SAVO) == {13}
    assert editable_areas(VIEWER) == frozenset()
    assert len(editable_areas(LEAD)) == 22 and 91 not in editable_areas(LEAD)


def test_first_lead_from_configuration_is_a_lead_without_an_assignment(store: Engine) -> None:
    assert principal_for(store, "Boss@Kuntaliitto.fi", first_lead="boss@kuntaliitto.fi").role is Role.PROJECT_LEAD
    assert principal_for(store, "boss@kuntaliitto.fi").role is Role.VIEWER


# --- optimistic locking -----------------------------------------------------------------------

def test_the_second_editor_saving_the_same_record_gets_a_conflict(store: Engine) -> None:
    seed(store)
    seen_by_first = editing.read_record(store, "agreements", KEY)
    seen_by_second = editing.read_record(store, "agreements", KEY)
    assert seen_by_first == seen_by_second and seen_by_first["row_version"] == 1
    editing.save(store, SAVO, "agreements", dict(AGREEMENT, status="paatoksenteossa"),
                 expected_version=seen_by_first["row_version"])
    entries = log_count(store)
    with pytest.raises(repo.ConflictError, match="changed by someone else"):
        editing.save(store, SAVO2, "agreements", dict(AGREEMENT, status="hyvaksytty"),
                     expected_version=seen_by_second["row_version"])
    stored = editing.read_record(store, "agreements", KEY)
    assert (stored["status"], stored["row_version"]) == ("paatoksenteossa", 2)
    assert log_count(store) == entries, "the refused save left no trace in the data or the log"
    # With the version they now see, the second editor's save goes through.
    editing.save(store, SAVO2, "agreements", dict(AGREEMENT, status="hyvaksytty"), expected_version=2)
    assert editing.read_record(store, "agreements", KEY)["status"] == "hyvaksytty"


def test_a_record_added_or_removed_meanwhile_is_a_conflict(store: Engine) -> None:
    seed(store)
    with pytest.raises(repo.ConflictError, match="added by someone else"):
        editing.save(store, SAVO, "agreements", dict(AGREEMENT, status="hyvaksytty"), expected_version=None)
    structure = (13, "kuntafoorumi", "Kuntafoorumi")
    editing.delete_record(store, LEAD, "structures", structure, expected_version=1)
    with pytest.raises(repo.ConflictError, match="removed by someone else"):
        editing.save(store, SAVO, "structures", {"area_code": 13, "kind": "kuntafoorumi", "name": "Kuntafoorumi",
                                                 "url": "https://example.fi"}, expected_version=1)
    with pytest.raises(repo.ConflictError, match="removed"):
        editing.delete_record(store, LEAD, "structures", structure, expected_version=1)


def test_a_stale_delete_is_a_conflict(store: Engine) -> None:
    seed(store)
    editing.save(store, LEAD, "agreements", dict(AGREEMENT, status="hyvaksytty"), expected_version=1)
    with pytest.raises(repo.ConflictError):
        editing.delete_record(store, LEAD2, "agreements", KEY, expected_version=1)
    assert editing.read_record(store, "agreements", KEY) is not None


def test_save_validates_like_an_import_and_writes_nothing_when_unchanged(store: Engine) -> None:
    seed(store)
    with pytest.raises(ValueError, match="status"):
        editing.save(store, LEAD, "agreements", dict(AGREEMENT, status="valmis"), expected_version=1)
    with pytest.raises(ValueError, match="document_url"):
        editing.save(store, LEAD, "agreements", dict(AGREEMENT, document_url="www.example.fi"), expected_version=1)
    entries = log_count(store)
    assert editing.save(store, LEAD, "agreements", dict(AGREEMENT), expected_version=1) is None
    assert log_count(store) == entries


def test_read_record_carries_the_row_version(store: Engine) -> None:
    seed(store)
    approval = APPROVAL_KEY
    assert editing.read_record(store, "approvals", approval)["row_version"] == 1
    editing.save(store, SAVO, "approvals", {"area_code": 13, "agreement_kind": "yhteistyosopimus",
                                            "municipality_code": "297", "status": "hyvaksytty"}, expected_version=1)
    record = editing.read_record(store, "approvals", approval)
    assert (record["status"], record["row_version"]) == ("hyvaksytty", 2)
    assert editing.read_record(store, "approvals", (*KEY, "263")) is None


# --- undo -----------------------------------------------------------------------------------

def last_entry(engine: Engine, **where: Any) -> dict[str, Any]:
    rows = [r for r in log(engine) if all(r[k] == v for k, v in where.items())]
    return rows[-1]


def test_undo_an_update(store: Engine) -> None:
    seed(store)
    editing.save(store, SAVO, "agreements", dict(AGREEMENT, status="hyvaksytty", approved_on="2025-02-01"),
                 expected_version=1)
    change = last_entry(store, kind="agreements", action="update")
    batch = editing.undo_change(store, LEAD, change["id"])
    restored = editing.read_record(store, "agreements", KEY)
    assert (restored["status"], restored["approved_on"]) == ("valmistelussa", None)
    undo = log(store)[-1]
    assert (undo["action"], undo["actor"], undo["batch_id"]) == ("undo", LEAD.subject, batch)
    assert undo["note"] == f"undo of change {change['id']}"


def test_undo_an_insert_and_a_delete(store: Engine) -> None:
    seed(store)
    structure = (13, "kuntafoorumi", "Kuntafoorumi")
    inserted = last_entry(store, kind="structures", action="insert")
    editing.undo_change(store, LEAD, inserted["id"])
    assert editing.read_record(store, "structures", structure) is None
    # The undo was a delete: undoing the undo puts the structure back.
    editing.undo_change(store, LEAD, last_entry(store, action="undo")["id"])
    assert editing.read_record(store, "structures", structure)["name"] == "Kuntafoorumi"
    editing.delete_record(store, SAVO, "structures", structure, expected_version=1)
    editing.undo_change(store, LEAD, last_entry(store, kind="structures", action="delete")["id"])
    assert editing.read_record(store, "structures", structure) is not None


def test_undo_a_whole_import_batch(store: Engine) -> None:
    seed(store)
    before = {k: repo.read_kind(store, k) for k in ("agreements", "approvals")}
    rows = [dict(AGREEMENT, status="paatoksenteossa"),
            *[dict(AGREEMENT, area_code=a, title=f"Sopimus {a}") for a in (1, 2, 3)]]
    plan = repo.plan_upsert(store, "agreements", [get_kind("agreements").validate(r) for r in rows])
    assert plan.summary() == {"added": 3, "changed": 1, "unchanged": 0}
    batch = editing.write(store, LEAD, "agreements", plan.changes, note="import agreements.xlsx")
    assert len(repo.read_kind(store, "agreements")) == 4
    editing.undo_batch(store, LEAD2, batch)
    after = {k: repo.read_kind(store, k) for k in ("agreements", "approvals")}
    for kind in before:
        assert after[kind].equals(before[kind]), kind
    undos = [r for r in log(store) if r["action"] == "undo"]
    assert len(undos) == 4 and {r["note"] for r in undos} == {f"undo of batch {batch}"}
    assert len({r["batch_id"] for r in undos}) == 1


def test_undo_the_example_data_across_kinds(store: Engine) -> None:
    demo.load(store)
    batch = log(store)[-1]["batch_id"]
    editing.undo_batch(store, LEAD, batch)
    assert repo.count_user_rows(store) == 0
    assert repo.get_meta(store, repo.META_EXAMPLE_DATA) is None


def test_undo_is_refused_when_the_record_changed_since(store: Engine) -> None:
    seed(store)
    inserted = last_entry(store, kind="agreements", action="insert")
    editing.save(store, SAVO, "agreements", dict(AGREEMENT, status="paatoksenteossa"), expected_version=1)
    entries = log_count(store)
    with pytest.raises(repo.ConflictError, match="has changed since"):
        editing.undo_change(store, LEAD, inserted["id"])
    with pytest.raises(repo.ConflictError):
        editing.undo_batch(store, LEAD, inserted["batch_id"])
    assert editing.read_record(store, "agreements", KEY)["status"] == "paatoksenteossa"
    assert log_count(store) == entries


def test_undo_twice_is_refused(store: Engine) -> None:
    seed(store)
    change = last_entry(store, kind="forums", action="insert")
    editing.undo_change(store, LEAD, change["id"])
    with pytest.raises(repo.ConflictError):
        editing.undo_change(store, LEAD, change["id"])


@pytest.mark.parametrize("principal", [SAVO, VIEWER, ANONYMOUS], ids=lambda p: p.subject)
def test_only_project_leads_undo_and_refusals_are_logged(store: Engine, principal: Principal) -> None:
    seed(store)
    editing.save(store, SAVO, "agreements", dict(AGREEMENT, status="paatoksenteossa"), expected_version=1)
    change = last_entry(store, kind="agreements", action="update")
    with pytest.raises(PermissionDenied, match="only project leads may undo"):
        editing.undo_change(store, principal, change["id"])
    with pytest.raises(PermissionDenied):
        editing.undo_batch(store, principal, change["batch_id"])
    assert editing.read_record(store, "agreements", KEY)["status"] == "paatoksenteossa"
    refusals = [r for r in log(store) if r["action"] == "denied"]
    assert [r["record_key"] for r in refusals] == [str(change["id"]), f"batch {change['batch_id']}"]
    assert {r["actor"] for r in refusals} == {principal.subject}


def test_what_cannot_be_undone_says_why(store: Engine) -> None:
    seed(store)
    with pytest.raises(editing.UndoError, match="no change number 999999"):
        editing.undo_change(store, LEAD, 999999)
    with pytest.raises(editing.UndoError, match="no batch"):
        editing.undo_batch(store, LEAD, "nosuchbatch")
    with pytest.raises(PermissionDenied):
        editing.save(store, VIEWER, "agreements", AGREEMENT, expected_version=1)
    denied = last_entry(store, action="denied")
    with pytest.raises(editing.UndoError, match="changed no data"):
        editing.undo_change(store, LEAD, denied["id"])


def test_undo_restores_a_deleted_child_only_while_its_parent_exists(store: Engine) -> None:
    seed(store)
    editing.delete_record(store, LEAD, "approvals", APPROVAL_KEY, expected_version=1)
    deleted = last_entry(store, kind="approvals", action="delete")
    editing.delete_record(store, LEAD, "agreements", KEY, expected_version=1)
    with pytest.raises(editing.UndoError, match="has no agreement"):
        editing.undo_change(store, LEAD, deleted["id"])


# --- the local development switch --------------------------------------------------------------

@pytest.mark.parametrize(
    ("server_address", "host", "ip", "granted"),
    [
        ("127.0.0.1", "127.0.0.1:8501", None, True),
        ("localhost", "localhost:8501", None, True),
        ("127.0.0.1", "localhost", "127.0.0.1", True),
        ("::1", "[::1]:8501", None, True),
        (None, "127.0.0.1:8501", None, False),  # Streamlit's default: every interface
        ("", "localhost:8501", None, False),
        ("0.0.0.0", "127.0.0.1:8501", None, False),
        ("192.168.1.5", "192.168.1.5:8501", "192.168.1.7", False),
        ("127.0.0.1", "yhdyspinta.example.fi", None, False),  # a proxy forwarding outside traffic
        ("127.0.0.1", None, None, False),
        ("127.0.0.1", "127.0.0.1:8501", "10.0.0.8", False),
    ],
)
def test_dev_lead_only_on_loopback(server_address: str | None, host: str | None, ip: str | None,
                                   granted: bool) -> None:
    principal = dev_lead("Dev@Example.fi", server_address=server_address, host_header=host, remote_ip=ip)
    assert (principal == Principal("dev@example.fi", Role.PROJECT_LEAD)) is granted
    if not granted:
        assert principal is None


def test_dev_lead_needs_a_subject() -> None:
    assert dev_lead("", server_address="127.0.0.1", host_header="127.0.0.1", remote_ip=None) is None
    assert dev_lead(None, server_address="127.0.0.1", host_header="127.0.0.1", remote_ip=None) is None
