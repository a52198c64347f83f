"""Permissions are enforced in the write path itself, on both backends."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from sqlalchemy import Engine

from yhdyspinta import editing
from yhdyspinta.access import (
    ANONYMOUS,
    PermissionDenied,
    Principal,
    check,
    check_kind,
    principal_for,
    record_area,
    refusal_text,
)
from yhdyspinta.domain import Role
from yhdyspinta.kinds import KINDS
from yhdyspinta.records import RoleRecord
from yhdyspinta.store import repository as repo

LEAD = Principal("lead@kuntaliitto.fi", Role.PROJECT_LEAD)
SAVO = Principal("editor@pshyvinvointialue.fi", Role.AREA_EDITOR, frozenset({13}))
VIEWER = Principal("viewer@example.fi", Role.VIEWER)


def _insert(kind: str, values: dict[str, object]) -> repo.Change:
    record = KINDS[kind].validate(values)
    return repo.Change(repo.Action.INSERT, tuple(record[k] for k in KINDS[kind].key), None, record)


AGREEMENT_13 = {"area_code": 13, "kind": "aiesopimus", "title": "Aiesopimus", "status": "valmistelussa"}
AGREEMENT_21 = dict(AGREEMENT_13, area_code=21)
FORUM = {"held_on": "2025-01-31", "theme": "hyte", "title": "HYTE-foorumi"}


@pytest.mark.parametrize(
    ("principal", "kind", "values", "allowed"),
    [
        (LEAD, "agreements", AGREEMENT_21, True),
        (LEAD, "forums", FORUM, True),
        (SAVO, "agreements", AGREEMENT_13, True),
        (SAVO, "agreements", AGREEMENT_21, False),
        (SAVO, "forums", FORUM, False),
        (VIEWER, "agreements", AGREEMENT_13, False),
        (ANONYMOUS, "agreements", AGREEMENT_13, False),
    ],
)
def test_writes_are_checked_and_refusals_logged(store: Engine, principal: Principal, kind: str,
                                                values: dict[str, object], allowed: bool) -> None:
    change = _insert(kind, values)
    before = len(repo.read_kind(store, kind))
    if allowed:
        editing.write(store, principal, kind, [change])
        assert len(repo.read_kind(store, kind)) == before + 1
        assert repo.read_kind(store, "changelog").iloc[-1]["actor"] == principal.subject
        return
    with pytest.raises(PermissionDenied):
        editing.write(store, principal, kind, [change])
    assert len(repo.read_kind(store, kind)) == before
    last = repo.read_kind(store, "changelog").iloc[-1]
    assert (last["action"], last["actor"], last["kind"]) == ("denied", principal.subject, kind)


def test_one_foreign_record_refuses_the_whole_batch(store: Engine) -> None:
    with pytest.raises(PermissionDenied, match="area 21"):
        editing.write(store, SAVO, "agreements", [_insert("agreements", AGREEMENT_13),
                                                  _insert("agreements", AGREEMENT_21)])
    assert repo.read_kind(store, "agreements").empty


@pytest.mark.parametrize(
    ("kind", "record", "area"),
    [
        ("agreements", {"area_code": 13}, 13),
        ("participation", {"org_type": "kunta", "org_key": "686"}, 13),
        ("participation", {"org_type": "alue", "org_key": "21"}, 21),
        ("participation", {"org_type": "muu", "org_key": "Kuntaliitto"}, None),
        ("forums", {"held_on": "2025-01-01"}, None),
        ("survey", {"level": "alue", "level_key": "13"}, None),
    ],
)
def test_record_area(kind: str, record: dict[str, object], area: int | None) -> None:
    assert record_area(kind, record) == area


def test_principal_for_reads_role_assignments(store: Engine) -> None:
    editing.write(store, LEAD, "roles", [_insert("roles", {"subject": "Editor@PSHyvinvointialue.fi",
                                                           "role": "area_editor", "area_codes": "13"})])
    assert principal_for(store, "editor@pshyvinvointialue.fi") == SAVO
    assert principal_for(store, "someone@else.fi").role is Role.VIEWER
    assert principal_for(store, "Lead@Kuntaliitto.fi", first_lead="lead@kuntaliitto.fi") == LEAD


@pytest.mark.parametrize(
    ("principal", "kind", "record", "lang", "expected"),
    [
        (VIEWER, "forums", FORUM, "fi", "katselijana et voi tallentaa tietoja"),
        (SAVO, "forums", FORUM, "sv", "nationella uppgifter sparas endast av projektledare"),
        (SAVO, "structures", {"area_code": 21, "kind": "muu", "name": "X"}, "fi",
         "Lapin hyvinvointialue ei kuulu alueisiin, joiden tietoja voit muokata"),
        (SAVO, "structures", {"area_code": 21, "kind": "muu", "name": "X"}, "sv",
         "Lapplands välfärdsområde hör inte till de områden vars uppgifter du får redigera"),
        (SAVO, "structures", {"area_code": 21, "kind": "muu", "name": "X"}, "en",
         "Lapland wellbeing services county is not one of the areas whose records you may edit"),
    ],
)
def test_refusals_are_told_in_the_users_language(principal: Principal, kind: str, record: dict[str, object],
                                                 lang: str, expected: str) -> None:
    with pytest.raises(PermissionDenied) as refused:
        check(principal, kind, [record])
    assert refusal_text(refused.value, lang) == expected


@pytest.mark.parametrize(
    ("area_codes", "stored"),
    [("13", "13"), ("13.0", "13"), ("21, 13", "13;21"), ("13;13", "13"),
     ("1e400", None), ("nan", None), ("1.5", None), ("inf", None), ("Lappi", None), ("91", None), ("99", None)],
)
def test_role_area_codes_are_whole_in_scope_codes(area_codes: str, stored: str | None) -> None:
    values = {"subject": "editor@example.fi", "role": "area_editor", "area_codes": area_codes}
    if stored is None:
        with pytest.raises(ValidationError):
            RoleRecord(**values)
    else:
        assert RoleRecord(**values).area_codes == stored


@pytest.mark.parametrize(("principal", "kind", "code"), [
    (LEAD, "forums", None), (LEAD, "agreements", None), (SAVO, "agreements", None), (SAVO, "participation", None),
    (SAVO, "forums", "national"), (SAVO, "survey", "national"), (VIEWER, "agreements", "viewer"),
    (ANONYMOUS, "pilots", "viewer"),
])
def test_whether_a_principal_may_import_a_kind_at_all(principal: Principal, kind: str, code: str | None) -> None:
    """Asked before a file is read: the records themselves are checked by `check` afterwards."""
    if code is None:
        check_kind(principal, kind)
        return
    with pytest.raises(PermissionDenied) as info:
        check_kind(principal, kind)
    assert info.value.code == code
