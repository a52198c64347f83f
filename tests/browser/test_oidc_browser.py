"""Sign-in through a real OIDC flow: `oidc-provider-mock` on 127.0.0.1, the app under
`streamlit run` with a generated secrets file (passed with `--secrets.files`, so the repo's
`.streamlit/` is never written), headless Chromium typing the e-mail into the provider's
authorisation form. Each role sees and can do exactly what it should:

* project lead (the first lead from configuration): the admin page's form, undo on the
  history page, edit forms for any area – and a save through the form lands in the store;
* area editor (assignment pre-seeded into the store): forms for their area only, a note
  elsewhere, no admin form, no undo;
* a signed-in person without a role, and an anonymous visitor: no forms, the read-only note.

Plus the local development switch: a project lead on a server bound to 127.0.0.1 only.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser.conftest import server_env
from tests.browser.harness import (
    BrowserSession,
    HarnessError,
    StreamlitServer,
    axe_available,
    axe_violations,
    exception_texts,
    format_axe_violations,
    free_port,
    goto,
    streamlit_server,
    wait_for_streamlit,
)
from yhdyspinta import editing
from yhdyspinta.access import ENV_DEV_LEAD, ENV_FIRST_LEAD, PageAccess, Principal
from yhdyspinta.domain import Role
from yhdyspinta.i18n import t
from yhdyspinta.store import repository as repo
from yhdyspinta.store.engine import open_store
from yhdyspinta.ui.pages import PAGES

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

LEAD = "lead@kuntaliitto.fi"
EDITOR = "editor@pshyvinvointialue.fi"  # area editor of Pohjois-Savo (13)
NOBODY = "someone@example.fi"  # signed in, no role: a viewer
CLIENT_ID = "yhdyspinta-test"
PROVIDER_START_TIMEOUT = 30.0
SIDEBAR = '[data-testid="stSidebar"]'
MAIN = '[data-testid="stMain"]'
SAVE = t("access.form.save", "fi")


# --------------------------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """oidc-provider-mock on a free loopback port; yields its discovery URL."""
    log_path = tmp_path_factory.mktemp("oidc") / "provider.log"
    port = free_port()
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "oidc_provider_mock", "--host", "127.0.0.1", "--port", str(port)],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    metadata = f"http://127.0.0.1:{port}/.well-known/openid-configuration"
    try:
        deadline = time.monotonic() + PROVIDER_START_TIMEOUT
        while True:
            try:
                with urllib.request.urlopen(metadata, timeout=2) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise HarnessError(f"oidc-provider-mock did not start:\n{log_path.read_text(errors='replace')}")
            time.sleep(0.2)
        yield metadata
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=10)


@dataclass(frozen=True)
class OidcApp:
    server: StreamlitServer
    store_url: str


@pytest.fixture(scope="module")
def oidc_app(provider: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[OidcApp]:
    """The app with sign-in configured; the area editor's role is already in its store."""
    folder = tmp_path_factory.mktemp("oidc-app")
    data_dir = folder / "data"
    data_dir.mkdir()
    store_url = f"sqlite:///{data_dir / 'yhdyspinta.sqlite3'}"
    engine = open_store(store_url)
    seeder = Principal("setup@kuntaliitto.fi", Role.PROJECT_LEAD)
    editing.save(engine, seeder, "roles", {"subject": EDITOR, "role": "area_editor", "area_codes": "13"},
                 expected_version=None)
    engine.dispose()
    secrets_file = folder / "secrets.toml"
    # "{port}" is Streamlit's own placeholder for server.port (the harness picks the port).
    secrets_file.write_text(
        "[auth]\n"
        'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_hex(32)}"\n'
        f'client_id = "{CLIENT_ID}"\n'
        'client_secret = "not-a-real-secret"\n'
        f'server_metadata_url = "{provider}"\n', encoding="utf-8")
    env = {**server_env(data_dir), ENV_FIRST_LEAD: LEAD, ENV_DEV_LEAD: ""}
    with streamlit_server(env=env, extra_args=("--secrets.files", str(secrets_file))) as server:
        yield OidcApp(server, store_url)


@pytest.fixture
def oidc_server(oidc_app: OidcApp) -> StreamlitServer:
    return oidc_app.server


# --------------------------------------------------------------------------------- helpers

# Playwright's expect() retries until the timeout: a page that has just settled may still be
# painting a part of the sidebar or the main area.
def sidebar_has(page: Page, text: str) -> None:
    expect(page.locator(SIDEBAR)).to_contain_text(text)


def main_has(page: Page, text: str) -> None:
    expect(page.locator(MAIN)).to_contain_text(text)


def buttons(page: Page, name: str, count: int, where: str = MAIN) -> None:
    expect(page.locator(where).get_by_role("button", name=name, exact=True)).to_have_count(count)


def save_buttons(page: Page, count: int) -> None:
    buttons(page, SAVE, count)


def open_app(browser: BrowserSession, server: StreamlitServer, path: str = "", **query: str) -> Page:
    page = browser.open_page(server.url_for(path, **query))
    assert exception_texts(page) == []
    return page


def sign_in(browser: BrowserSession, server: StreamlitServer, email: str) -> Page:
    """Click the sidebar's sign-in button, type `email` into the provider's form, return to the app."""
    page = open_app(browser, server)
    page.locator(SIDEBAR).get_by_role("button", name=t("access.sign_in", "fi")).click()
    subject = page.locator('input[name="sub"]')
    subject.wait_for(timeout=30_000)
    assert "/oauth2/authorize" in page.url and not page.url.startswith(server.url), "at the provider"
    subject.fill(email)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(lambda url: url.startswith(server.url) and "oauth2callback" not in url, timeout=30_000)
    wait_for_streamlit(page)
    return page


# The menu each role sees (yhdyspinta/ui/pages.py): the picture pages for everyone, the data
# pages for anyone signed in, imports for writers, roles for project leads. It is Streamlit's
# own navigation, one flat list; the other pages are registered hidden.
MENU = f'{SIDEBAR} [data-testid="stSidebarNav"]'
MENU_LINKS = f'{MENU} a[data-testid="stSidebarNavLink"]'


def menu_is(page: Page, *accesses: PageAccess) -> None:
    """The sidebar menu lists exactly the registry's pages of `accesses`, in registry order, as
    one flat list (a list item per link, no section headings), and axe-core finds no serious
    or critical violation on the page, menu included, with no exemption."""
    wanted = [p for p in PAGES if p.access in accesses]
    links = page.locator(MENU_LINKS)
    expect(links).to_have_count(len(wanted))
    labels = [text.strip() for text in page.locator(f"{MENU_LINKS} p").all_inner_texts()]
    assert labels == [t(p.title_key, "fi") for p in wanted]
    children = page.locator(f"{MENU} ul").evaluate_all(
        "lists => lists.flatMap(ul => [...ul.children].map(c => c.tagName))")
    assert children == ["LI"] * len(wanted)
    assert page.locator(f'{SIDEBAR} [data-testid="stPageLink"], {SIDEBAR} h3').count() == 0
    if axe_available():
        violations = axe_violations(page, impacts=("serious", "critical"))
        assert violations == [], format_axe_violations(violations)


def visit(page: Page, server: StreamlitServer, path: str, **query: str) -> Page:
    goto(page, server.url_for(path, **query))
    assert exception_texts(page) == []
    return page


# ----------------------------------------------------------------------------------- tests

def test_project_lead(browser: BrowserSession, oidc_app: OidcApp, oidc_server: StreamlitServer) -> None:
    page = sign_in(browser, oidc_server, LEAD)
    sidebar_has(page, t("access.signed_in_as", "fi", subject=LEAD, role=t("access.role.project_lead", "fi")))
    menu_is(page, *PageAccess)

    visit(page, oidc_server, "hallinta")
    main_has(page, t("access.admin.add_title", "fi"))
    save_buttons(page, 1)
    buttons(page, t("access.admin.remove", "fi"), 1)

    visit(page, oidc_server, "historia")
    buttons(page, t("access.undo.change_button", "fi"), 1)
    buttons(page, t("access.undo.batch_button", "fi"), 1)

    # Any area: a new structure for Keski-Uusimaa (2), saved through the form.
    visit(page, oidc_server, "rakenteet", alue="2")
    save_buttons(page, 1)
    page.locator(MAIN).get_by_label("nimi", exact=True).fill("Johdon yhteistyöryhmä")
    page.locator(MAIN).get_by_role("button", name=SAVE, exact=True).click()
    page.get_by_text(t("access.form.saved", "fi")).wait_for(timeout=30_000)
    wait_for_streamlit(page)
    engine = open_store(oidc_app.store_url)
    try:
        assert editing.read_record(engine, "structures", (2, "kuntafoorumi", "Johdon yhteistyöryhmä")) is not None
        last = repo.read_kind(engine, "changelog").iloc[-1]
        assert (last["actor"], last["action"], last["kind"]) == (LEAD, "insert", "structures")
    finally:
        engine.dispose()


def test_area_editor(browser: BrowserSession, oidc_server: StreamlitServer) -> None:
    page = sign_in(browser, oidc_server, EDITOR)
    sidebar_has(page, t("access.signed_in_as", "fi", subject=EDITOR, role=t("access.role.area_editor", "fi")))
    sidebar_has(page, "Pohjois-Savon hyvinvointialue")
    menu_is(page, PageAccess.EVERYONE, PageAccess.SIGNED_IN, PageAccess.WRITER)

    visit(page, oidc_server, "rakenteet", alue="13")
    save_buttons(page, 1)
    visit(page, oidc_server, "sopimukset", alue="13")
    main_has(page, t("access.form.agreement.title", "fi"))
    save_buttons(page, 2)  # the agreement and a council's approval

    visit(page, oidc_server, "rakenteet", alue="2")
    main_has(page, "Voit muokata vain näiden alueiden tietoja: Pohjois-Savon hyvinvointialue")
    save_buttons(page, 0)

    visit(page, oidc_server, "hallinta")
    main_has(page, t("access.admin.leads_only", "fi"))
    save_buttons(page, 0)
    visit(page, oidc_server, "historia")
    main_has(page, t("access.undo.leads_only", "fi"))
    buttons(page, t("access.undo.change_button", "fi"), 0)


def test_signed_in_viewer(browser: BrowserSession, oidc_server: StreamlitServer) -> None:
    page = sign_in(browser, oidc_server, NOBODY)
    sidebar_has(page, t("access.role.viewer", "fi"))
    menu_is(page, PageAccess.EVERYONE, PageAccess.SIGNED_IN)
    for path in ("sopimukset", "rakenteet", "kypsyys"):
        visit(page, oidc_server, path, alue="13")
        main_has(page, t("access.note.viewer", "fi"))
        save_buttons(page, 0)
    visit(page, oidc_server, "hallinta")
    main_has(page, t("access.admin.leads_only", "fi"))
    save_buttons(page, 0)


def test_anonymous_visitor(browser: BrowserSession, oidc_server: StreamlitServer) -> None:
    page = open_app(browser, oidc_server, "sopimukset", alue="13")
    buttons(page, t("access.sign_in", "fi"), 1, SIDEBAR)
    menu_is(page, PageAccess.EVERYONE)
    main_has(page, t("access.note.sign_in", "fi"))
    save_buttons(page, 0)
    visit(page, oidc_server, "hallinta")
    main_has(page, t("access.admin.leads_only", "fi"))
    save_buttons(page, 0)


def test_sign_out(browser: BrowserSession, oidc_server: StreamlitServer) -> None:
    page = sign_in(browser, oidc_server, LEAD)
    page.locator(SIDEBAR).get_by_role("button", name=t("access.sign_out", "fi")).click()
    page.get_by_role("button", name="End session").click()  # the provider's end-session page
    page.wait_for_url(lambda url: url.startswith(oidc_server.url), timeout=30_000)
    wait_for_streamlit(page)
    buttons(page, t("access.sign_in", "fi"), 1, SIDEBAR)
    visit(page, oidc_server, "hallinta")
    main_has(page, t("access.admin.leads_only", "fi"))
    save_buttons(page, 0)


# ------------------------------------------------------------- the local development switch

@pytest.mark.parametrize(("bind", "granted"), [("127.0.0.1", True), ("0.0.0.0", False)])
def test_dev_switch_only_on_loopback(browser: BrowserSession, tmp_path: Path, bind: str, granted: bool) -> None:
    """No secrets file: read-only, unless the server is bound to 127.0.0.1 and the switch is set.
    Both servers are opened through 127.0.0.1; only the binding differs."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    env = {**server_env(data_dir), ENV_DEV_LEAD: "dev@example.fi", ENV_FIRST_LEAD: ""}
    with streamlit_server(env=env, host=bind) as server:
        page = browser.open_page(f"http://127.0.0.1:{server.port}/hallinta")
        assert exception_texts(page) == []
        if granted:
            sidebar_has(page, t("access.dev_mode", "fi", subject="dev@example.fi"))
            save_buttons(page, 1)
        else:
            sidebar_has(page, t("access.note.read_only", "fi"))
            main_has(page, t("access.admin.leads_only", "fi"))
            save_buttons(page, 0)
