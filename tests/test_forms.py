"""The editing forms (yhdyspinta.ui.forms) in AppTest, each on its own small script so they
are tested whichever page they sit on: who sees a form, saving, validation messages, and
the second of two editors getting a conflict instead of overwriting."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from yhdyspinta import editing
from yhdyspinta.access import ANONYMOUS, Principal
from yhdyspinta.domain import Role
from yhdyspinta.i18n import column_label, t
from yhdyspinta.store import repository as repo
from yhdyspinta.store.engine import open_store
from yhdyspinta.ui import auth

pytestmark = pytest.mark.usefixtures("fresh_caches")

TIMEOUT = 60
LEAD = Principal("lead@kuntaliitto.fi", Role.PROJECT_LEAD)
SAVO = Principal("editor@pshyvinvointialue.fi", Role.AREA_EDITOR, frozenset({13}))
SAVO2 = Principal("second@pshyvinvointialue.fi", Role.AREA_EDITOR, frozenset({13}))
VIEWER = Principal("viewer@example.fi", Role.VIEWER)
PREFIX = "t"
NEW_TERM_CHOICE = "__new__"
FIRST_TERM = date(2023, 1, 1)  # the example data's first agreements
RENEWAL_START = date(2026, 1, 1)



def _script(form: str, area: int | None, lang: str) -> None:
    from yhdyspinta.filters import Filters
    from yhdyspinta.ui import auth, data, forms

    filters = Filters(lang=lang, area=area)
    getattr(forms, form)(filters, data.data_version(), auth.current_principal(), "t")


def form_app(form: str, principal: Principal, monkeypatch: pytest.MonkeyPatch, *, area: int | None = 13,
             lang: str = "fi") -> AppTest:
    monkeypatch.setattr(auth, "current_principal", lambda: principal)
    at = AppTest.from_function(_script, default_timeout=TIMEOUT, args=(form, area, lang))
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _submit(at: AppTest) -> AppTest:
    at.button(key=f"{PREFIX}.submit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _field(at: AppTest, name: str) -> Any:
    return f"{PREFIX}.f.{name}"


FORMS = ["agreement_form", "approval_form", "structure_form", "maturity_form"]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("principal", [VIEWER, ANONYMOUS], ids=["viewer", "anonymous"])
def test_viewers_see_only_a_note(form: str, principal: Principal, monkeypatch: pytest.MonkeyPatch) -> None:
    at = form_app(form, principal, monkeypatch)
    assert not at.button and not at.selectbox and not at.text_input
    assert [m.value for m in at.markdown] == [t("access.note.read_only", "fi")]


@pytest.mark.parametrize("form", FORMS)
def test_another_areas_editor_sees_no_form_for_this_area(form: str, monkeypatch: pytest.MonkeyPatch) -> None:
    at = form_app(form, SAVO, monkeypatch, area=2)
    assert not at.button
    assert "Pohjois-Savon hyvinvointialue" in at.markdown[0].value


@pytest.mark.parametrize("form", FORMS)
def test_own_area_editor_sees_the_form(form: str, monkeypatch: pytest.MonkeyPatch) -> None:
    at = form_app(form, SAVO, monkeypatch)
    assert at.button(key=f"{PREFIX}.submit").label == t("access.form.save", "fi")


def test_without_an_area_a_lead_chooses_among_all_and_an_editor_among_theirs(monkeypatch: pytest.MonkeyPatch) -> None:
    at = form_app("agreement_form", LEAD, monkeypatch, area=None)
    assert len(at.selectbox(key=f"{PREFIX}.area").options) == 22
    at = form_app("agreement_form", SAVO, monkeypatch, area=None)
    assert at.selectbox(key=f"{PREFIX}.area").options == ["Pohjois-Savon hyvinvointialue"]


def test_agreement_status_change_is_saved_and_logged(monkeypatch: pytest.MonkeyPatch) -> None:
    at = form_app("agreement_form", SAVO, monkeypatch)
    engine = open_store()
    key = (13, at.selectbox(key=f"{PREFIX}.kind").value, at.selectbox(key=f"{PREFIX}.term").value)
    before = editing.read_record(engine, "agreements", key)
    new_status = "toimeenpanossa" if before is None or before["status"] != "toimeenpanossa" else "paivitettavana"
    at.selectbox(key=_field(at, "status")).set_value(new_status)
    _submit(at)
    assert [s.value for s in at.success] == [t("access.form.saved", "fi")]
    after = editing.read_record(engine, "agreements", key)
    assert after["status"] == new_status
    assert after["row_version"] == (before["row_version"] + 1 if before else 1)
    last = repo.read_kind(engine, "changelog").iloc[-1]
    assert (last["actor"], last["kind"]) == (SAVO.subject, "agreements")


def test_the_second_editor_gets_a_conflict_message(monkeypatch: pytest.MonkeyPatch) -> None:
    first = form_app("agreement_form", SAVO, monkeypatch)
    second = form_app("agreement_form", SAVO2, monkeypatch)  # both opened the same record
    engine = open_store()
    key = (13, first.selectbox(key=f"{PREFIX}.kind").value, first.selectbox(key=f"{PREFIX}.term").value)
    shown = first.selectbox(key=_field(first, "status")).value
    mine, theirs = [s for s in ("hyvaksytty", "toimeenpanossa", "paivitettavana") if s != shown][:2]
    first.selectbox(key=_field(first, "status")).set_value(theirs)
    _submit(first)
    assert [s.value for s in first.success] == [t("access.form.saved", "fi")]
    second.selectbox(key=_field(second, "status")).set_value(mine)
    _submit(second)
    assert [e.value for e in second.error] == [t("access.form.conflict", "fi")]
    assert not second.success
    assert editing.read_record(engine, "agreements", key)["status"] == theirs
    # The form now shows the saved record; saving again is a deliberate second change.
    assert second.selectbox(key=_field(second, "status")).value == theirs
    second.selectbox(key=_field(second, "status")).set_value(mine)
    _submit(second)
    assert editing.read_record(engine, "agreements", key)["status"] == mine


def test_a_bad_link_names_the_field_and_saves_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    at = form_app("agreement_form", SAVO, monkeypatch, lang="en")
    engine = open_store()
    entries = len(repo.read_kind(engine, "changelog"))
    at.text_input(key=_field(at, "document_url")).input("www.example.fi")
    _submit(at)
    message = at.error[0].value
    assert column_label("document_url", "en") in message and t("access.form.reason.pattern", "en") in message
    assert len(repo.read_kind(engine, "changelog")) == entries


def test_council_approval(monkeypatch: pytest.MonkeyPatch) -> None:
    at = form_app("approval_form", SAVO, monkeypatch)
    at.selectbox(key=f"{PREFIX}.municipality").set_value("297").run()
    key = (13, at.selectbox(key=f"{PREFIX}.kind").value, at.selectbox(key=f"{PREFIX}.term").value, "297")
    before = editing.read_record(open_store(), "approvals", key)
    new_status = "hylatty" if before is None or before["status"] != "hylatty" else "kasittelematta"
    at.selectbox(key=_field(at, "status")).set_value(new_status)
    _submit(at)
    assert editing.read_record(open_store(), "approvals", key)["status"] == new_status


def test_new_structure_and_a_duplicate(monkeypatch: pytest.MonkeyPatch) -> None:
    at = form_app("structure_form", SAVO, monkeypatch)
    at.selectbox(key=_field(at, "kind")).set_value("teematyoryhma")
    at.text_input(key=_field(at, "name")).input("Työllisyyden teemaryhmä")
    at.selectbox(key=_field(at, "theme")).set_value("tyollisyys")
    _submit(at)
    record = editing.read_record(open_store(), "structures", (13, "teematyoryhma", "Työllisyyden teemaryhmä"))
    assert record["theme"] == "tyollisyys"
    at.selectbox(key=f"{PREFIX}.which").set_value("__new__").run()
    at.selectbox(key=_field(at, "kind")).set_value("teematyoryhma")
    at.text_input(key=_field(at, "name")).input("Työllisyyden teemaryhmä")
    _submit(at)
    assert [e.value for e in at.error] == [t("access.form.structure.exists", "fi")]


def test_maturity_self_assessment_needs_every_dimension(monkeypatch: pytest.MonkeyPatch) -> None:
    at = form_app("maturity_form", SAVO, monkeypatch)
    engine = open_store()
    count = len(repo.read_kind(engine, "maturity"))
    radios = [r for r in at.radio if r.key.startswith(f"{PREFIX}.f.")]
    assert len(radios) == 8
    assert radios[0].options == ["1 – Yhteistyö", "2 – Koordinaatio", "3 – Strateginen yhteistyö ja kumppanuus"]
    for radio in radios[:7]:
        radio.set_value(2)
    _submit(at)
    assert column_label("commitment", "fi") in at.error[0].value
    assert len(repo.read_kind(engine, "maturity")) == count
    at.radio(key=_field(at, "commitment")).set_value(3)
    _submit(at)
    frame = repo.read_kind(engine, "maturity")
    assert len(frame) == count + 1
    newest = frame[frame["area_code"] == 13].sort_values(["assessed_on", "respondent_no"]).iloc[-1]
    assert (newest["trust"], newest["commitment"]) == (2, 3)


def test_a_new_term_adds_a_renewal_beside_its_predecessor(monkeypatch: pytest.MonkeyPatch) -> None:
    at = form_app("agreement_form", SAVO, monkeypatch)
    engine = open_store()
    kind = at.selectbox(key=f"{PREFIX}.kind").value
    term = at.selectbox(key=f"{PREFIX}.term")
    predecessor_term = term.value
    predecessor = editing.read_record(engine, "agreements", (13, kind, predecessor_term))
    approvals = repo.read_kind(engine, "approvals")
    term.set_value(NEW_TERM_CHOICE).run()
    assert at.caption[0].value == t("access.form.agreement.renewal", "fi")
    _submit(at)  # no term start given
    assert [e.value for e in at.error] == [t("access.form.agreement.term_needed", "fi")]
    at.date_input(key=_field(at, "term_start")).set_value(RENEWAL_START)
    at.text_input(key=_field(at, "title")).input("Strateginen yhteistyösopimus 2026–2029")
    at.selectbox(key=_field(at, "status")).set_value("paatoksenteossa")
    _submit(at)
    assert [s.value for s in at.success] == [t("access.form.saved", "fi")]
    renewal = editing.read_record(engine, "agreements", (13, kind, RENEWAL_START))
    assert (renewal["title"], renewal["status"], renewal["row_version"]) == (
        "Strateginen yhteistyösopimus 2026–2029", "paatoksenteossa", 1)
    assert editing.read_record(engine, "agreements", (13, kind, predecessor_term)) == predecessor
    assert repo.read_kind(engine, "approvals").equals(approvals)
    # The form now offers the renewal first; a second "new" agreement for the same term is refused.
    assert at.selectbox(key=f"{PREFIX}.term").options == [
        "1.1.2026 – Strateginen yhteistyösopimus 2026–2029", f"1.1.2023 – {predecessor['title']}",
        t("access.form.agreement.new_term", "fi")]
    at.selectbox(key=f"{PREFIX}.term").set_value(NEW_TERM_CHOICE).run()
    at.date_input(key=_field(at, "term_start")).set_value(RENEWAL_START)
    _submit(at)
    assert [e.value for e in at.error] == [t("access.form.agreement.exists", "fi")]


def test_a_council_decision_is_recorded_on_the_chosen_terms_agreement(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = open_store()
    form_app("approval_form", SAVO, monkeypatch)  # opens the store with the example data
    first = editing.read_record(engine, "agreements", (13, "yhteistyosopimus", FIRST_TERM))
    editing.save(engine, SAVO, "agreements", {**{k: v for k, v in first.items() if k != "row_version"},
                                              "term_start": RENEWAL_START, "status": "paatoksenteossa"},
                 expected_version=None)
    old = editing.read_record(engine, "approvals", (13, "yhteistyosopimus", FIRST_TERM, "297"))
    at = form_app("approval_form", SAVO, monkeypatch)
    assert at.selectbox(key=f"{PREFIX}.term").value == RENEWAL_START  # the newest first
    at.selectbox(key=f"{PREFIX}.municipality").set_value("297").run()
    at.selectbox(key=_field(at, "status")).set_value("hyvaksytty")
    at.date_input(key=_field(at, "decided_on")).set_value(date(2026, 3, 9))
    _submit(at)
    new = editing.read_record(engine, "approvals", (13, "yhteistyosopimus", RENEWAL_START, "297"))
    assert (new["status"], new["decided_on"]) == ("hyvaksytty", date(2026, 3, 9))
    assert editing.read_record(engine, "approvals", (13, "yhteistyosopimus", FIRST_TERM, "297")) == old
