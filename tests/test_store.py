"""The store on SQLite and PostgreSQL: migrations, the one write path, and its change log."""

from __future__ import annotations

import json
from datetime import date

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError

from yhdyspinta import demo
from yhdyspinta.kinds import KINDS
from yhdyspinta.store import repository as repo
from yhdyspinta.store import schema
from yhdyspinta.store.engine import current_revision, migrate, seed_facts


def _count(engine: Engine, table: object) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def _agreement(**overrides: object) -> dict[str, object]:
    values = {"area_code": 13, "kind": "aiesopimus", "title": "Aiesopimus", "status": "valmistelussa"}
    values.update(overrides)
    return KINDS["agreements"].validate(values)


def test_migrations_create_exactly_the_declared_schema(store: Engine) -> None:
    with store.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), schema.metadata)
    assert diff == []
    assert current_revision(store) == "0004"


def test_open_store_is_idempotent_and_seeds_facts_once(store: Engine) -> None:
    migrate(store)
    assert seed_facts(store) is False
    assert _count(store, schema.areas) == 23
    assert _count(store, schema.municipalities) == 308
    assert repo.data_version(store) == 1  # the one logged seed entry


def test_demo_load_writes_every_kind_and_flags_example_data(store: Engine) -> None:
    counts = demo.load(store)
    assert counts["forums"] == 15
    assert repo.is_example_data(store)
    for kind, n in counts.items():
        assert len(repo.read_kind(store, kind)) == n, kind
    logged = _count(store, schema.change_log)
    assert logged == 1 + sum(counts.values()) + 1  # facts seed, every row, the meta flag


def test_demo_is_deterministic(store: Engine) -> None:
    assert demo.build() == demo.build()
    forums = demo.build()["forums"]
    assert forums[-1]["held_on"] == date(2023, 12, 15)
    assert forums[-1]["title"] == "Strateginen yhteistyö ja johtaminen"


def test_demo_refuses_to_overwrite_without_force(store: Engine) -> None:
    demo.load(store)
    with pytest.raises(demo.StoreNotEmpty):
        demo.load(store)
    before = repo.read_kind(store, "agreements")
    demo.load(store, force=True)
    assert repo.read_kind(store, "agreements").equals(before)


def test_every_write_is_logged_with_before_and_after(store: Engine) -> None:
    record = _agreement()
    repo.apply_changes(store, "agreements", [repo.Change(repo.Action.INSERT, (13, "aiesopimus"), None, record)],
                       actor="tester")
    changed = dict(record, status="hyvaksytty")
    plan = repo.plan_upsert(store, "agreements", [changed])
    assert plan.summary() == {"added": 0, "changed": 1, "unchanged": 0}
    repo.apply_changes(store, "agreements", plan.changes, actor="tester", note="status")
    log = repo.read_kind(store, "changelog")
    last = log.iloc[-1]
    assert (last["actor"], last["action"], last["kind"], last["record_key"]) == (
        "tester", "update", "agreements", "13|aiesopimus|2023-01-01")
    assert json.loads(last["before"])["status"] == "valmistelussa"
    assert json.loads(last["after"])["status"] == "hyvaksytty"


def test_a_failed_write_leaves_nothing_behind(store: Engine) -> None:
    record = _agreement()
    version = repo.data_version(store)
    good = repo.Change(repo.Action.INSERT, (13, "aiesopimus"), None, record)
    with pytest.raises(IntegrityError):
        repo.apply_changes(store, "agreements", [good, good], actor="tester")
    assert _count(store, schema.agreements) == 0
    assert repo.data_version(store) == version


def test_optimistic_locking_refuses_a_stale_update(store: Engine) -> None:
    record = _agreement()
    repo.apply_changes(store, "agreements", [repo.Change(repo.Action.INSERT, (13, "aiesopimus"), None, record)],
                       actor="a")
    stale = dict(record, row_version=1)
    first = repo.Change(repo.Action.UPDATE, (13, "aiesopimus"), stale, dict(record, status="hyvaksytty"))
    repo.apply_changes(store, "agreements", [first], actor="a")
    second = repo.Change(repo.Action.UPDATE, (13, "aiesopimus"), stale, dict(record, status="ei_aloitettu"))
    with pytest.raises(repo.ConflictError, match="changed by someone else"):
        repo.apply_changes(store, "agreements", [second], actor="b")
    assert repo.read_kind(store, "agreements").iloc[0]["status"] == "hyvaksytty"


def test_delete_is_logged_and_data_version_grows(store: Engine) -> None:
    record = _agreement()
    repo.apply_changes(store, "agreements", [repo.Change(repo.Action.INSERT, (13, "aiesopimus"), None, record)],
                       actor="a")
    version = repo.data_version(store)
    repo.apply_changes(store, "agreements", [repo.Change(repo.Action.DELETE, (13, "aiesopimus"), record, None)],
                       actor="a")
    assert repo.data_version(store) == version + 1
    assert _count(store, schema.agreements) == 0
    assert repo.read_kind(store, "changelog").iloc[-1]["action"] == "delete"


def test_references_must_exist(store: Engine) -> None:
    approval = KINDS["approvals"].validate({"area_code": 13, "agreement_kind": "aiesopimus",
                                            "municipality_code": "686", "status": "hyvaksytty"})
    with pytest.raises(LookupError, match="has no agreement"):
        repo.apply_changes(store, "approvals", [repo.Change(repo.Action.INSERT, (), None, approval)],
                           actor="a")
    assert _count(store, schema.change_log) == 1


def test_population_updates_are_logged(store: Engine) -> None:
    assert repo.update_population(store, [("091", 674_500, 2024), ("507", 7_800, 2024)], actor="ref") == 2
    assert repo.update_population(store, [("091", 674_500, 2024)], actor="ref") == 0
    munis = repo.read_kind(store, "municipalities").set_index("code")
    assert munis.loc["091", "population"] == 674_500
    with pytest.raises(repo.RecordNotFound):
        repo.update_population(store, [("999", 1, 2024)], actor="ref")
