"""Käyttäjät ja roolit through the entry file (AppTest): everyone sees what the roles may do,
only a project lead sees and manages assignments, and every change is checked and logged."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest import open_app
from yhdyspinta import editing
from yhdyspinta.access import ANONYMOUS, ENV_FIRST_LEAD, PermissionDenied, Principal, principal_for
from yhdyspinta.domain import Role
from yhdyspinta.i18n import t
from yhdyspinta.store import repository as repo
from yhdyspinta.store.engine import open_store
from yhdyspinta.ui import auth, plain

pytestmark = pytest.mark.usefixtures("fresh_caches")

LEAD = Principal("lead@kuntaliitto.fi", Role.PROJECT_LEAD)
SAVO = Principal("editor@pshyvinvointialue.fi", Role.AREA_EDITOR, frozenset({13}))
NEW_PERSON = "Uusi.Muokkaaja@PSHyvinvointialue.fi"
PREFIX = "admin.role"



def render(principal: Principal, monkeypatch: pytest.MonkeyPatch, lang: str = "fi") -> AppTest:
    monkeypatch.setattr(auth, "current_principal", lambda: principal)
    return open_app("admin.py", {"kieli": lang})


@pytest.mark.parametrize("principal", [ANONYMOUS, SAVO], ids=["anonymous", "area editor"])
def test_others_see_what_roles_may_do_but_no_people_and_no_forms(principal: Principal,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    editing.save(open_store(), LEAD, "roles", {"subject": SAVO.subject, "role": "area_editor", "area_codes": "13"},
                 expected_version=None)
    at = render(principal, monkeypatch)
    assert at.title[0].value == t("nav.admin", "fi")
    assert len(at.dataframe) == 1
    summary = at.dataframe[0].value
    assert list(summary[t("access.admin.role", "fi")]) == [t(f"access.role.{r.value}", "fi") for r in Role]
    assert list(summary[t("access.admin.count", "fi")]) == ["–", "1", "0"]
    assert SAVO.subject not in summary.to_string()
    assert [i.value for i in at.info] == [t("access.admin.leads_only", "fi")]
    assert not at.main.text_input and not at.main.button


def test_a_lead_adds_changes_and_removes_a_role(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = open_store()
    at = render(LEAD, monkeypatch)
    assert len(at.dataframe) == 2
    at.text_input(key=f"{PREFIX}.f.subject").input(NEW_PERSON)
    at.selectbox(key=f"{PREFIX}.f.role").set_value("area_editor")
    at.multiselect(key=f"{PREFIX}.f.areas").set_value([13, 12])
    at.button(key=f"{PREFIX}.submit").click().run()
    assert [s.value for s in at.success] == [t("access.form.saved", "fi")]
    subject = NEW_PERSON.lower()
    assert principal_for(engine, subject) == Principal(subject, Role.AREA_EDITOR, frozenset({12, 13}))
    assert subject in at.dataframe[1].value.to_string()

    at.selectbox(key=f"{PREFIX}.which").set_value(subject).run()
    assert at.selectbox(key=f"{PREFIX}.f.role").value == "area_editor"
    at.selectbox(key=f"{PREFIX}.f.role").set_value("project_lead")
    at.button(key=f"{PREFIX}.submit").click().run()
    assert principal_for(engine, subject).role is Role.PROJECT_LEAD
    assert principal_for(engine, subject).areas == frozenset(), "a lead is not limited to areas"

    at.selectbox(key="admin.remove.which").set_value(subject).run()
    at.button(key="admin.remove.submit").click().run()
    assert [e.value for e in at.error] == [t("access.admin.remove_confirm_needed", "fi")]
    assert principal_for(engine, subject).role is Role.PROJECT_LEAD
    at.checkbox(key="admin.remove.f.sure").check()
    at.button(key="admin.remove.submit").click().run()
    assert [s.value for s in at.success] == [plain.text("access.admin.removed", "fi", subject=subject)]
    assert principal_for(engine, subject).role is Role.VIEWER
    actions = list(repo.read_kind(engine, "changelog").query("kind == 'roles'")["action"])
    assert actions == ["insert", "update", "delete"]


def test_an_area_editor_needs_an_area_and_an_address_must_be_one(monkeypatch: pytest.MonkeyPatch) -> None:
    at = render(LEAD, monkeypatch, lang="en")
    at.text_input(key=f"{PREFIX}.f.subject").input(NEW_PERSON)
    at.selectbox(key=f"{PREFIX}.f.role").set_value("area_editor")
    at.button(key=f"{PREFIX}.submit").click().run()
    assert [e.value for e in at.error] == [t("access.admin.areas_required", "en")]
    at.text_input(key=f"{PREFIX}.f.subject").input("not an address")
    at.selectbox(key=f"{PREFIX}.f.role").set_value("viewer")
    at.button(key=f"{PREFIX}.submit").click().run()
    assert t("access.field.subject", "en") in at.error[0].value
    assert repo.read_kind(open_store(), "roles").empty


def test_the_first_lead_from_configuration_is_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_FIRST_LEAD, "Boss@Kuntaliitto.fi")
    at = render(LEAD, monkeypatch)
    assert list(at.dataframe[0].value[t("access.admin.count", "fi")]) == ["–", "0", "1"]
    assert plain.text("access.admin.first_lead", "fi", subject="boss@kuntaliitto.fi", env=ENV_FIRST_LEAD) in [
        c.value for c in at.caption]


def test_roles_are_written_by_project_leads_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The page hides the form from others; the package refuses them anyway (and logs it)."""
    engine = open_store()
    with pytest.raises(PermissionDenied):
        editing.save(engine, SAVO, "roles", {"subject": SAVO.subject, "role": "project_lead"}, expected_version=None)
    last = repo.read_kind(engine, "changelog").iloc[-1]
    assert (last["action"], last["kind"], last["actor"]) == ("denied", "roles", SAVO.subject)
