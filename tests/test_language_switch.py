"""Which session values the language switch sets again (yhdyspinta.ui.widgets._keep_choices);
the switch itself is tested in a browser (tests/browser/test_pages_browser.py)."""

from __future__ import annotations

from datetime import date

import pytest

from yhdyspinta.ui.widgets import _is_choice


@pytest.mark.parametrize(("value", "is_choice"), [
    (13, True), ("all", True), (2.5, True), (["091", "297"], True), ((1, "a"), True),
    (True, False), (False, False),  # a button's state cannot be set
    (None, False), ([], False),  # nothing chosen; also an empty upload's state, which cannot be set
    ([None], False), ([True], False), ([["a"]], False), ({"a": 1}, False), ({1, 2}, False), (date(2026, 1, 1), False),
    (b"bytes", False),
])
def test_only_texts_numbers_and_lists_of_them_are_choices(value: object, is_choice: bool) -> None:
    assert _is_choice(value) is is_choice
