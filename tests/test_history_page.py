"""Muutoshistoria: the pure history helpers (table-driven) and the page through the entry
file (AppTest): filters, masked actors for the public, undo for project leads only."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from tests.apptest import capture_downloads, open_app
from yhdyspinta import demo, editing, history
from yhdyspinta.access import ANONYMOUS, Principal
from yhdyspinta.domain import Role
from yhdyspinta.i18n import t
from yhdyspinta.store import repository as repo
from yhdyspinta.store.engine import open_store
from yhdyspinta.ui import auth

pytestmark = pytest.mark.usefixtures("fresh_caches")

LEAD = Principal("lead@kuntaliitto.fi", Role.PROJECT_LEAD)
SAVO = Principal("editor@pshyvinvointialue.fi", Role.AREA_EDITOR, frozenset({13}))
AGREEMENT_KEY = (13, "aiesopimus", date(2023, 1, 1))  # the example data's letter of intent in Pohjois-Savo
GRANTED = "matti.meikalainen@pshyvinvointialue.fi"
# An e-mail address; a masked one ("…@kunta.fi") has no local part and does not match.
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


# --- pure helpers ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("kind", "record_key", "before", "after", "area"),
    [
        ("agreements", "13|aiesopimus", None, {"area_code": 13}, 13),
        ("agreements", "13|aiesopimus", {"area_code": 13}, None, 13),
        ("approvals", "5|yhteistyosopimus|091", {"area_code": 5}, {"area_code": 5}, 5),
        ("participation", "2024-01-01|kunta|297", None, {"org_type": "kunta", "org_key": "297"}, 13),
        ("participation", "2024-01-01|alue|21", None, {"org_type": "alue", "org_key": "21"}, 21),
        ("participation", "2024-01-01|muu|Kuntaliitto", None, {"org_type": "muu", "org_key": "Kuntaliitto"}, None),
        ("forums", "2024-01-01", None, {"held_on": "2024-01-01"}, None),
        ("municipalities", "297", {"population": 1}, {"population": 2}, 13),
        ("meta", "example_data", None, {"value": "1"}, None),
        ("agreements", "*", None, None, None),  # a refusal
    ],
)
def test_entry_area(kind: str, record_key: str, before: dict[str, Any] | None, after: dict[str, Any] | None,
                    area: int | None) -> None:
    assert history.entry_area(kind, record_key, before, after) == area


@pytest.mark.parametrize(
    ("kind", "before", "after", "lang", "expected"),
    [
        ("agreements", {"status": "valmistelussa", "approved_on": None},
         {"status": "hyvaksytty", "approved_on": "2025-02-01"}, "fi",
         "tila: Valmistelussa → Hyväksytty; hyväksytty pvm: – → 1.2.2025"),
        ("agreements", {"status": "valmistelussa"}, {"status": "hyvaksytty"}, "en",
         "status: In preparation → Approved"),
        ("approvals", None, {"area_code": 13, "municipality_code": "297", "status": "hylatty"}, "fi",
         "alue: Pohjois-Savon hyvinvointialue; kunta: Kuopio (297); tila: Hylätty"),
        ("roles", {"role": "area_editor", "area_codes": "13"}, {"role": "project_lead", "area_codes": ""}, "fi",
         "rooli: Alueen muokkaaja → Projektin vetäjä; alueet: Pohjois-Savon hyvinvointialue → –"),
        ("survey", {"value_pct": 40.0}, {"value_pct": 42.5}, "fi", "osuus %: 40 → 42,5"),
        ("structures", {"name": "X", "url": None}, None, "fi", "nimi: X"),
        ("agreements", None, None, "fi", ""),
    ],
)
def test_describe_change(kind: str, before: dict[str, Any] | None, after: dict[str, Any] | None, lang: str,
                         expected: str) -> None:
    assert history.describe_change(kind, before, after, lang) == expected


@pytest.mark.parametrize(
    ("actor", "full", "shown"),
    [("editor@pshyvinvointialue.fi", False, "…@pshyvinvointialue.fi"),
     ("editor@pshyvinvointialue.fi", True, "editor@pshyvinvointialue.fi"),
     ("demo", False, "demo"), ("cli:root", False, "cli:root")],
)
def test_shown_actor(actor: str, full: bool, shown: str) -> None:
    assert history.shown_actor(actor, full=full) == shown


def _log_frame() -> pd.DataFrame:
    at = datetime(2025, 1, 1, 12, tzinfo=UTC)
    rows = [
        (1, "demo", "insert", "agreements", "13|aiesopimus", None, '{"area_code": 13, "status": "valmistelussa"}', "a"),
        (2, "demo", "insert", "forums", "2025-01-01", None, '{"held_on": "2025-01-01"}', "a"),
        (3, "x@y.fi", "update", "agreements", "13|aiesopimus", '{"area_code": 13, "status": "valmistelussa"}',
         '{"area_code": 13, "status": "hyvaksytty"}', "b"),
        (4, "x@y.fi", "denied", "agreements", "*", None, None, "c"),
        (5, "z@y.fi", "insert", "agreements", "2|aiesopimus", None, '{"area_code": 2, "status": "valmistelussa"}', "d"),
        (0, "system", "seed", "facts", "*", None, None, "facts"),
    ]
    return pd.DataFrame([{"id": i, "at": at, "actor": a, "action": ac, "kind": k, "record_key": rk, "before": b,
                          "after": af, "batch_id": bt, "note": None} for i, a, ac, k, rk, b, af, bt in rows])


def _roles_log() -> pd.DataFrame:
    """A lead grants a role and changes it; an editor saves an agreement; a refusal."""
    at = datetime(2025, 1, 1, 12, tzinfo=UTC)
    granted = f'{{"subject": "{GRANTED}", "role": "area_editor", "area_codes": "13"}}'
    changed = f'{{"subject": "{GRANTED}", "role": "project_lead", "area_codes": ""}}'
    rows = [
        (1, LEAD.subject, "insert", "roles", GRANTED, None, granted, "a", f"role for {GRANTED}"),
        (2, LEAD.subject, "update", "roles", GRANTED, granted, changed, "b", None),
        (3, SAVO.subject, "update", "agreements", "13|aiesopimus", '{"area_code": 13, "status": "valmistelussa"}',
         '{"area_code": 13, "status": "hyvaksytty"}', "c", None),
        (4, "someone@example.fi", "denied", "roles", "*", None, None, "d", None),
    ]
    return pd.DataFrame([{"id": i, "at": at, "actor": a, "action": ac, "kind": k, "record_key": rk, "before": b,
                          "after": af, "batch_id": bt, "note": n} for i, a, ac, k, rk, b, af, bt, n in rows])


def _addresses(frame: pd.DataFrame) -> set[str]:
    return {m for cell in frame.to_numpy().ravel() for m in EMAIL.findall(str(cell))}


def test_only_project_leads_see_email_addresses_in_the_history() -> None:
    entries = history.entries(_roles_log())
    everyone = {LEAD.subject, SAVO.subject, GRANTED, "someone@example.fi"}
    assert _addresses(history.display_table(entries, "fi", full_actors=True)) == everyone
    masked = history.display_table(entries, "fi", full_actors=False)
    assert _addresses(masked) == set()
    assert "…@pshyvinvointialue.fi" in set(masked["tekijä"])
    assert masked[t("access.history.change", "fi")].str.contains("…@pshyvinvointialue.fi").any()
    # The mask itself: every text of an entry, the records' values included.
    hidden = history.mask_personal(entries, full=False)
    assert not _addresses(hidden)
    assert hidden.iloc[-1]["after"]["subject"] == "…@pshyvinvointialue.fi"
    assert history.mask_personal(entries, full=True) is entries


def test_entries_filters_and_batches() -> None:
    frame = history.entries(_log_frame())
    assert list(frame["id"]) == [5, 4, 3, 2, 1, 0]
    assert list(history.filter_entries(frame, area=13)["id"]) == [3, 1]
    assert list(history.filter_entries(frame, kinds=["forums"])["id"]) == [2]
    assert list(history.filter_entries(frame, actors=["x@y.fi"])["id"]) == [4, 3]
    assert list(history.filter_entries(frame, area=13, actors=["demo"])["id"]) == [1]
    assert [(b.batch_id, b.changes, b.kinds) for b in history.batches(frame)] == [
        ("d", 1, ("agreements",)), ("b", 1, ("agreements",)), ("a", 2, ("agreements", "forums"))]
    table = history.display_table(frame, "fi", full_actors=False)
    assert table.iloc[2][t("access.history.change", "fi")] == "tila: Valmistelussa → Hyväksytty"
    assert table.iloc[2]["tekijä"] == "…@y.fi"
    assert table.iloc[0]["aika"] == "1.1.2025 14.00"  # Finnish time


# --- the page -------------------------------------------------------------------------------


@pytest.fixture
def seeded(data_dir: Path) -> Iterator[Engine]:
    """The example data plus one form save by Pohjois-Savo's editor."""
    engine = open_store()
    demo.load(engine)
    current = editing.read_record(engine, "agreements", AGREEMENT_KEY)
    assert current is not None
    status = "hyvaksytty" if current["status"] != "hyvaksytty" else "toimeenpanossa"
    editing.save(engine, SAVO, "agreements", {**{k: v for k, v in current.items() if k != "row_version"},
                                              "status": status}, expected_version=current["row_version"])
    yield engine
    engine.dispose()


def render(principal: Principal, monkeypatch: pytest.MonkeyPatch, query: dict[str, str] | None = None) -> AppTest:
    monkeypatch.setattr(auth, "current_principal", lambda: principal)
    return open_app("history.py", query)


def _table(at: AppTest) -> pd.DataFrame:
    return at.dataframe[0].value


def test_anonymous_reads_the_history_with_masked_people_and_no_undo(
        seeded: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    at = render(ANONYMOUS, monkeypatch)
    assert at.title[0].value == t("nav.history", "fi")
    table = _table(at)
    assert table.iloc[0]["tekijä"] == "…@pshyvinvointialue.fi"
    assert "tila:" in table.iloc[0][t("access.history.change", "fi")]
    assert t("access.undo.leads_only", "fi") in [c.value for c in at.caption]
    assert not [b for b in at.button if "undo" in str(b.key)]


def test_filters_by_area_kind_and_person(seeded: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    at = render(SAVO, monkeypatch, {"alue": "2"})
    assert not (_table(at)["tietue"].str.contains("Pohjois-Savon")).any()
    at = render(SAVO, monkeypatch, {"alue": "13"})
    assert set(_table(at)["tekijä"]) == {"demo", "…@pshyvinvointialue.fi"}
    at.multiselect(key="history.actors").set_value(["…@pshyvinvointialue.fi"]).run()
    assert list(_table(at)["tekijä"]) == ["…@pshyvinvointialue.fi"]
    at.multiselect(key="history.actors").set_value([]).run()
    at.multiselect(key="history.kinds").set_value(["approvals"]).run()
    assert set(_table(at)["tietolaji"]) == {t("access.kind.approvals", "fi")}
    assert _table(at)["tietue"].str.startswith("Pohjois-Savon hyvinvointialue").all()
    at.multiselect(key="history.kinds").set_value(["forums"]).run()
    assert _table(at).empty, "forums belong to no area"


def _download_texts(files: dict[str, bytes]) -> dict[str, str]:
    out = {}
    for name, content in files.items():
        if name.endswith(".csv"):
            out[name] = content.decode("utf-8-sig")
        elif name.endswith(".xlsx"):
            book = load_workbook(io.BytesIO(content), read_only=True)
            out[name] = "\n".join(str(v) for ws in book for row in ws.iter_rows(values_only=True) for v in row)
    return out


@pytest.mark.parametrize("principal", [ANONYMOUS, SAVO], ids=["anonymous", "area-editor"])
def test_no_email_address_on_the_page_or_in_its_downloads(
        seeded: Engine, principal: Principal, monkeypatch: pytest.MonkeyPatch) -> None:
    editing.save(seeded, LEAD, "roles", {"subject": GRANTED, "role": "area_editor", "area_codes": "13"},
                 expected_version=None)
    files = capture_downloads(monkeypatch)
    at = render(principal, monkeypatch)
    assert (at.dataframe[0].value[t("access.history.kind", "fi")] == t("access.kind.roles", "fi")).any()
    assert not _addresses(_table(at))
    assert not [o for o in at.multiselect(key="history.actors").options if EMAIL.search(o)]
    texts = _download_texts(files)
    assert {"yhdyspinta_changelog.csv", "yhdyspinta_changelog.xlsx"} <= set(texts)
    for name, text in texts.items():  # the overview's indicator download is captured too on the first run
        assert "…@pshyvinvointialue.fi" in text or "xlsx" in name or not name.startswith("yhdyspinta_changelog")
        assert not EMAIL.findall(text), name
    assert t("access.history.actors_masked", "fi") in [c.value for c in at.caption]


def test_a_project_lead_sees_the_addresses_on_the_page_and_in_its_downloads(
        seeded: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    editing.save(seeded, LEAD, "roles", {"subject": GRANTED, "role": "area_editor", "area_codes": "13"},
                 expected_version=None)
    files = capture_downloads(monkeypatch)
    at = render(LEAD, monkeypatch)
    assert {LEAD.subject, SAVO.subject, GRANTED} <= _addresses(_table(at))
    texts = _download_texts(files)
    assert {LEAD.subject, SAVO.subject, GRANTED} <= set(EMAIL.findall(texts["yhdyspinta_changelog.csv"]))
    assert GRANTED in texts["yhdyspinta_changelog.xlsx"]


def test_a_lead_undoes_a_change_and_the_undo_is_logged(seeded: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    change = repo.read_kind(seeded, "changelog").iloc[-1]
    before = editing.read_record(seeded, "agreements", AGREEMENT_KEY)
    at = render(LEAD, monkeypatch)
    at.selectbox(key="history.change_id").set_value(int(change["id"]))
    at.button(key="history.undo_change_submit").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == [t("access.undo.done", "fi")]
    restored = editing.read_record(seeded, "agreements", AGREEMENT_KEY)
    assert restored["status"] == repo.json.loads(change["before"])["status"] != before["status"]
    newest = _table(at).iloc[0]
    assert (newest["toiminto"], newest["tekijä"]) == (t("access.action.undo", "fi"), LEAD.subject)
    # Undoing it again is refused with a message: the record is no longer what the change left.
    at.selectbox(key="history.change_id").set_value(int(change["id"]))
    at.button(key="history.undo_change_submit").click().run()
    assert at.error and at.error[0].value.startswith(t("access.undo.conflict", "fi").split("(")[0].strip())


def test_a_lead_undoes_a_whole_batch(seeded: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    log = repo.read_kind(seeded, "changelog")
    demo_batch = str(log[log["actor"] == "demo"].iloc[0]["batch_id"])
    at = render(LEAD, monkeypatch)
    at.selectbox(key="history.batch_id").set_value(demo_batch)
    at.button(key="history.undo_batch_submit").click().run()
    # The form save changed an example agreement since: the whole undo is refused.
    assert at.error and not at.success
    assert repo.count_user_rows(seeded) > 0
    save_batch = str(log.iloc[-1]["batch_id"])
    at.selectbox(key="history.batch_id").set_value(save_batch)
    at.button(key="history.undo_batch_submit").click().run()
    assert [s.value for s in at.success] == [t("access.undo.done", "fi")]
    at.selectbox(key="history.batch_id").set_value(demo_batch)
    at.button(key="history.undo_batch_submit").click().run()
    assert [s.value for s in at.success] == [t("access.undo.done", "fi")]
    assert repo.count_user_rows(seeded) == 0
