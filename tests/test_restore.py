"""Restore trusts nothing it reads (issue 9, finding 10): malformed archives and rows that
break the records' rules are refused with one line naming what is wrong, memory stays bounded,
a store with roles or a change log counts as not empty, and nothing is ever written on a
refusal – the store stays byte-for-byte the same, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.corpus.backups import BACKUP_CASE_IDS, BACKUP_CASES, BackupCase, agreement, with_rows
from yhdyspinta import editing
from yhdyspinta.access import PermissionDenied, Principal
from yhdyspinta.cli import EXIT_BAD_INPUT, main
from yhdyspinta.domain import Role
from yhdyspinta.io import backup as backup_module
from yhdyspinta.io.backup import BackupError, backup, restore

LEAD = Principal("lead@kuntaliitto.fi", Role.PROJECT_LEAD)
VIEWER = Principal("viewer@example.fi", Role.VIEWER)


def test_the_unpacked_size_bound_is_a_named_constant() -> None:
    assert backup_module.MAX_UNPACKED_BYTES == 200 * 1024 * 1024


@pytest.mark.parametrize("case", BACKUP_CASES, ids=BACKUP_CASE_IDS)
def test_a_malformed_backup_is_refused_in_one_line_and_nothing_changes(case: BackupCase, store: Engine) -> None:
    before = backup(store)
    data = case.build(before)
    with pytest.raises(BackupError) as refused:
        restore(store, data)
    message = str(refused.value)
    assert "\n" not in message
    assert len(message) < 500
    assert refused.match(case.expected)
    assert backup(store) == before


def test_a_valid_backup_built_the_same_way_restores(store: Engine) -> None:
    """The corpus's rows differ from a good backup only in what each case breaks."""
    data = with_rows(backup(store), {"agreements": [agreement()]})
    assert restore(store, data)["agreements"] == 1


@pytest.mark.parametrize("what", ["role", "refusal"])
def test_a_store_with_roles_or_logged_changes_is_not_empty(what: str, store: Engine, second_store: Engine) -> None:
    data = backup(second_store)
    if what == "role":
        editing.save(store, LEAD, "roles", {"subject": "editor@pshyvinvointialue.fi", "role": "area_editor",
                                            "area_codes": "13"}, expected_version=None)
        expected = r"already holds 1 role"
    else:  # a refused write is logged: the log holds more than the facts seed
        with pytest.raises(PermissionDenied):
            editing.save(store, VIEWER, "forums", {"held_on": "2023-12-15", "theme": "hyte", "title": "x"},
                         expected_version=None)
        expected = r"already holds 1 change-log entry"
    before = backup(store)
    with pytest.raises(BackupError, match=expected + r".*use --force"):
        restore(store, data)
    assert backup(store) == before
    restore(store, data, force=True)


def test_an_untouched_store_takes_a_restore_without_force(store: Engine, second_store: Engine) -> None:
    restore(store, backup(second_store))


def test_the_command_line_names_the_file_and_the_problem(data_dir: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.zip"
    for case in BACKUP_CASES:
        if case.name in ("manifest is a list", "an agreement with an unknown status"):
            from yhdyspinta.store.engine import open_store

            engine = open_store(f"sqlite:///{data_dir / 'template.sqlite3'}")
            path.write_bytes(case.build(backup(engine)))
            engine.dispose()
            capsys.readouterr()
            assert main(["restore", str(path)]) == EXIT_BAD_INPUT
            err = capsys.readouterr().err
            assert err.startswith(f"error: {path}: ") and err.count("\n") == 1, err
