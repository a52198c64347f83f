"""One date rule for every record: the same bounds for imports, forms and restore."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from yhdyspinta import records
from yhdyspinta.io import importer
from yhdyspinta.ui import forms


@pytest.mark.parametrize(("given", "ok"), [
    ("1.1.2000", True), ("2099-12-31", True), ("31.12.1999", False), ("2100-01-01", False),
    (date(1900, 1, 1), False), (date(2045, 12, 31), True), (date(2046, 1, 1), True),
])
def test_every_record_date_lies_in_the_one_range(given: object, ok: bool) -> None:
    def forum() -> object:
        return records.ForumRecord(held_on=given, theme="hyte", title="x")  # type: ignore[arg-type]

    def agreement() -> object:
        return records.AgreementRecord(area_code=13, kind="aiesopimus", title="x", status="valmistelussa",
                                       valid_until=given)  # type: ignore[arg-type]

    for build in (forum, agreement):
        if ok:
            build()
        else:
            with pytest.raises(ValidationError, match="outside 2000–2099"):
                build()


def test_imports_and_forms_use_the_records_bounds() -> None:
    assert (importer.DATE_MIN, importer.DATE_MAX) == (records.FIRST_DAY, records.LAST_DAY)
    assert (forms.FIRST_DAY, forms.LAST_DAY) == (records.FIRST_DAY, records.LAST_DAY)
