"""Rules of the records themselves (issue 9, finding 8): a council approval's municipality
belongs to the approval's area, and a participation names its organisation by one key. The
records enforce them, so forms, the package API, imports and restore all do."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError
from sqlalchemy import Engine, func, select

from yhdyspinta import editing, records
from yhdyspinta.access import Principal
from yhdyspinta.domain import Role
from yhdyspinta.store import repository as repo
from yhdyspinta.store import schema

LEAD = Principal("lead@kuntaliitto.fi", Role.PROJECT_LEAD)
SAVO = Principal("editor@pshyvinvointialue.fi", Role.AREA_EDITOR, frozenset({13}))
TERM = date(2026, 1, 1)
AGREEMENT = {"area_code": 13, "kind": "yhteistyosopimus", "term_start": TERM, "title": "Yhteistyösopimus",
             "status": "valmistelussa"}
FORUM = {"held_on": date(2025, 1, 31), "theme": "hyte", "title": "HYTE-foorumi"}


def _count(engine: Engine, table: object) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def _participation(org_type: str, org_key: object) -> records.ParticipationRecord:
    return records.ParticipationRecord(forum_date=FORUM["held_on"], org_type=org_type, org_key=org_key,
                                       participants=2)


# --- approvals: the municipality belongs to the area ----------------------------------------

def test_an_approval_names_a_municipality_of_its_own_area() -> None:
    records.ApprovalRecord(area_code=13, agreement_kind="yhteistyosopimus", municipality_code="297",
                           status="hyvaksytty")
    with pytest.raises(ValidationError, match=r"municipality 698 \(Rovaniemi\) belongs to area 21 "
                                              r"\(Lapin hyvinvointialue\), not to area 13 \(Pohjois-Savon "):
        records.ApprovalRecord(area_code=13, agreement_kind="yhteistyosopimus", municipality_code="698",
                               status="hyvaksytty")


def test_an_area_editor_cannot_record_another_areas_council_under_their_area(store: Engine) -> None:
    editing.save(store, LEAD, "agreements", AGREEMENT, expected_version=None)
    logged = _count(store, schema.change_log)
    for who in (SAVO, LEAD):
        with pytest.raises(ValidationError, match="belongs to area 21"):
            editing.save(store, who, "approvals", {"area_code": 13, "agreement_kind": "yhteistyosopimus",
                                                   "municipality_code": "698", "status": "hyvaksytty"},
                         expected_version=None)
    assert _count(store, schema.approvals) == 0
    assert _count(store, schema.change_log) == logged


# --- participation: one key per organisation --------------------------------------------------

@pytest.mark.parametrize("given", ["5", "05", "005", "0005", "5.0", " 005 ", 5, 5.0])
def test_a_municipality_key_is_its_official_three_digit_code(given: object) -> None:
    assert _participation("kunta", given).org_key == "005"


@pytest.mark.parametrize("given", ["13", "013", "13.0", 13, 13.0])
def test_an_area_key_is_its_code_as_text(given: object) -> None:
    assert _participation("alue", given).org_key == "13"


@pytest.mark.parametrize(("org_type", "given", "message"), [
    ("kunta", "१४०", "digits 0–9"),  # Devanagari digits
    ("kunta", "１４０", "digits 0–9"),  # full-width digits
    ("kunta", "+140", "digits 0–9"),
    ("kunta", "140.5", "digits 0–9"),
    ("kunta", "999", "unknown municipality code '999'"),
    ("kunta", "588", "merged into 507"),
    ("kunta", "Kuopio", "digits 0–9"),
    ("alue", "१३", "digits 0–9"),
    ("alue", "22", "unknown area code 22"),
    ("alue", "91", "outside the reform"),
])
def test_other_keys_of_municipalities_and_areas_are_refused(org_type: str, given: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        _participation(org_type, given)


def test_other_organisations_keep_their_name() -> None:
    assert _participation("muu", "Kuntaliitto").org_key == "Kuntaliitto"


def test_the_package_api_stores_one_record_per_municipality(store: Engine) -> None:
    editing.save(store, LEAD, "forums", FORUM, expected_version=None)
    editing.save(store, LEAD, "participation", {"forum_date": FORUM["held_on"], "org_type": "kunta",
                                                "org_key": "140", "participants": 2}, expected_version=None)
    for variant in ("0140", "140.0", 140):
        with pytest.raises(repo.ConflictError, match="added by someone else"):
            editing.save(store, LEAD, "participation", {"forum_date": FORUM["held_on"], "org_type": "kunta",
                                                        "org_key": variant, "participants": 3},
                         expected_version=None)
    with pytest.raises(ValidationError, match="digits 0–9"):
        editing.save(store, LEAD, "participation", {"forum_date": FORUM["held_on"], "org_type": "kunta",
                                                    "org_key": "१४०", "participants": 3}, expected_version=None)
    assert editing.read_record(store, "participation", (FORUM["held_on"], "kunta", "140"))["participants"] == 2
    assert _count(store, schema.participation) == 1


@pytest.mark.parametrize("title", ["HYTE\x00foorumi", "HYTE\x1bfoorumi", "HYTE\x7f", "A\x00\x00\x00"],
                         ids=["nul", "escape", "delete", "nul-run"])
def test_control_characters_are_refused_on_every_path(store: Engine, title: str) -> None:
    """Forms and the package API (editing.save), imports and restore all build the records:
    a NUL stored by SQLite and refused by PostgreSQL can no longer reach either."""
    before = _count(store, schema.forums)
    with pytest.raises(ValidationError, match="control character U\\+00"):
        editing.save(store, LEAD, "forums", {**FORUM, "title": title}, expected_version=None)
    assert _count(store, schema.forums) == before
    records.ForumRecord(**{**FORUM, "title": "HYTE\nforum\tkaksi riviä"})  # a line break or tab may stay
