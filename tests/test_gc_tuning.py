"""When the server process freezes its objects for the garbage collector (yhdyspinta/gc_tuning.py)."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.apptest import open_app
from tests.conftest import REPO_DIR
from yhdyspinta import gc_tuning
from yhdyspinta.gc_tuning import PROCESS_POLICY, FreezePolicy


@pytest.mark.parametrize(("limit", "runs", "frozen_after"), [
    (8, ["", "", ""], [True, False, False]),  # a page's reruns never freeze again
    (8, ["", "kartta", "", "kartta", "esitys"], [True, True, False, False, True]),
    (2, ["", "kartta", "alueprofiili", ""], [True, True, False, False]),  # at most `limit` times
    (0, ["", "kartta"], [False, False]),
])
def test_freezes_after_each_pages_first_run_up_to_the_limit(
    limit: int, runs: list[str], frozen_after: list[bool]
) -> None:
    calls: list[int] = []
    policy = FreezePolicy(limit=limit, freeze=lambda: calls.append(1))
    assert [policy.after_run(page) for page in runs] == frozen_after
    assert len(calls) == sum(frozen_after)


def test_the_entry_point_reports_the_page_it_ran(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A policy of its own: the process's has likely reached its limit in other tests already.
    policy = FreezePolicy(freeze=lambda: None)
    monkeypatch.setattr(gc_tuning, "PROCESS_POLICY", policy)
    open_app("map.py")
    assert "kartta" in policy.seen
    assert PROCESS_POLICY.freeze is not gc.freeze, "the tests' process must not freeze (tests/conftest.py)"


def test_the_default_policy_really_freezes() -> None:
    """In a process of its own (a freeze cannot be undone in the test process): after a page's
    first run the collector's permanent generation holds the process's objects."""
    code = textwrap.dedent("""
        import gc
        from yhdyspinta.gc_tuning import FreezePolicy
        policy = FreezePolicy()
        before = gc.get_freeze_count()
        policy.after_run("kartta")
        print(before, gc.get_freeze_count())
    """)
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO_DIR, capture_output=True, text=True, check=True)
    before, after = map(int, out.stdout.split())
    assert before == 0 and after > 1000
    assert gc.get_freeze_count() == 0, "the tests' own process must never be frozen"
