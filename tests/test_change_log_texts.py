"""Every kind of change-log entry has its texts, and every page renders after each.

The landing page once crashed for everyone after one undo or any restore: "latest changes"
met an action with no text. These tests go over every action the log records and every kind
it names, in every language, and then render the pages after a real undo, refusal and restore.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pandas as pd
import pytest

from tests.apptest import open_app
from yhdyspinta import demo, editing, recent
from yhdyspinta.access import Principal
from yhdyspinta.display import kind_title
from yhdyspinta.domain import Role
from yhdyspinta.filters import Filters
from yhdyspinta.i18n import LANGUAGES, enum_label
from yhdyspinta.io import backup
from yhdyspinta.kinds import KINDS
from yhdyspinta.store import repository as repo
from yhdyspinta.store.engine import open_store
from yhdyspinta.ui.pages import PAGES

LOGGED_KINDS = (*(k for k in KINDS if k != "changelog"), *repo.SYSTEM_KINDS)  # the log never logs itself
LEAD = Principal("lead@kuntaliitto.fi", Role.PROJECT_LEAD)
SAVO = Principal("editor@pshyvinvointialue.fi", Role.AREA_EDITOR, frozenset({13}))


@pytest.fixture(scope="module")
def sample_records(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    """One real record of each kind, as the log stores it, from the example data."""
    engine = open_store(f"sqlite:///{tmp_path_factory.mktemp('store') / 'store.sqlite3'}")
    demo.load(engine)
    out: dict[str, dict[str, object]] = {}
    for kind in KINDS:
        frame = repo.read_kind(engine, kind)
        if len(frame):
            row = frame.iloc[0].to_dict()
            out[kind] = {k: v for k, v in row.items() if not k.startswith("_")}
    engine.dispose()
    return out


def one_entry_log(kind: str, action: str, record: dict[str, object] | None) -> pd.DataFrame:
    raw = json.dumps(record, default=str) if record is not None else None
    return pd.DataFrame([{
        "id": 1, "at": datetime(2026, 11, 1, 10, tzinfo=UTC), "actor": "someone@example.fi", "action": action,
        "kind": kind, "record_key": "*" if record is None else "k", "before": raw, "after": raw,
        "batch_id": "b1", "note": None,
    }])


@pytest.mark.parametrize("action", list(repo.LogAction))
@pytest.mark.parametrize("kind", LOGGED_KINDS)
def test_every_action_on_every_kind_has_its_texts(action: repo.LogAction, kind: str,
                                                  sample_records: dict[str, dict[str, object]]) -> None:
    log = one_entry_log(kind, action.value, sample_records.get(kind))
    for lang in LANGUAGES:
        lines = recent.recent_changes(log, Filters(lang=lang), lang)
        shown = kind not in recent.QUIET_KINDS and action.value not in recent.QUIET_ACTIONS
        assert len(lines) == int(shown)
        assert all(line.text for line in lines)
        assert kind_title(kind, lang) != kind  # the history page names the kind
        assert enum_label("ChangeAction", action.value, lang) != action.value  # and the action


def test_every_page_renders_after_undo_refusal_and_restore(fresh_caches: None) -> None:
    engine = open_store()
    demo.load(engine)
    batch = editing.save(engine, LEAD, "forums", {"held_on": "2026-12-01", "theme": "hyte", "title": "Joulu"},
                         expected_version=None)
    assert batch is not None
    editing.undo_batch(engine, LEAD, batch)  # an undo entry
    with pytest.raises(editing.PermissionDenied):
        editing.save(engine, SAVO, "agreements", {"area_code": 21, "kind": "aiesopimus", "title": "Lappi",
                                                  "status": "valmistelussa"}, expected_version=None)
    backup.restore(engine, backup.backup(engine), force=True)  # a restore entry
    actions = set(repo.read_kind(engine, "changelog")["action"])
    assert {"insert", "undo", "denied", "restore"} <= actions
    engine.dispose()

    for query in ({}, {"esitys": "1"}, {"esitys": "1", "kieli": "sv", "alue": "13"}):
        open_app(query=query)  # fails on any exception shown
    for page in PAGES:
        open_app(page.file, {"kieli": "en"})
