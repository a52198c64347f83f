"""The upload page in headless Chromium: a real file input and the preview for a project lead
(the local development switch), the refusal for an anonymous visitor before any file is read,
and no serious or critical accessibility violations in the page's content."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser.conftest import server_env
from tests.browser.harness import (
    StreamlitServer,
    axe_available,
    axe_violations,
    exception_texts,
    goto,
    interact,
    streamlit_server,
)
from yhdyspinta.access import ENV_DEV_LEAD, ENV_FIRST_LEAD
from yhdyspinta.i18n import t

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

FILE_INPUT = '[data-testid="stFileUploader"] input[type="file"]'
METRICS = '[data-testid="stMetric"]'
CONFIRM = '[data-testid="stBaseButton-primary"]'
ATTENDANCE = ("Nimi;Sähköposti;Organisaatio\n"
              "Matti Meikäläinen;matti@example.fi;Keiteleen kunta\n"
              "Liisa Laaksonen;liisa@example.fi;Pohjois-Savon hyvinvointialue\n")


def choose_kind(page: Page, label: str, lang: str) -> None:
    interact(page, lambda: page.get_by_label(t("upload.kind", lang)).click())
    interact(page, lambda: page.get_by_role("option", name=label, exact=True).click())


@pytest.fixture(scope="module")
def lead_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    """A server on 127.0.0.1 whose visitors through 127.0.0.1 are project leads (the local
    development switch): only a writer gets a file read."""
    data_dir = tmp_path_factory.mktemp("data-lead")
    env = {**server_env(data_dir), ENV_DEV_LEAD: "lead@example.fi", ENV_FIRST_LEAD: ""}
    with streamlit_server(env=env) as server:
        yield server


def test_anonymous_visitor_cannot_upload(plain_server: StreamlitServer, tab: Page, tmp_path: Path) -> None:
    page = goto(tab, plain_server.url_for("tuonti", kieli="en"))
    assert exception_texts(page) == []
    assert page.get_by_role("heading", name=t("nav.upload", "en")).count() == 1
    assert page.get_by_text(t("upload.sign_in_needed", "en")).count() == 1
    choose_kind(page, t("nav.forums", "en"), "en")
    assert page.locator(FILE_INPUT).count() == 0  # nothing to pick a file with
    assert page.get_by_text(t("upload.sign_in_needed", "en")).count() == 1
    page.screenshot(path=str(tmp_path / "upload_anonymous.png"), full_page=True)
    if axe_available():
        # The page's own content; Streamlit's collapsed sidebar navigation has list-markup
        # violations of its own (ul > div) that no page can fix.
        assert [v["id"] for v in axe_violations(page, context={"include": [['[data-testid="stMain"]']]})] == []


def test_project_lead_previews_an_upload(lead_server: StreamlitServer, tab: Page, tmp_path: Path) -> None:
    page = goto(tab, lead_server.url_for("tuonti", kieli="en"))
    assert exception_texts(page) == []
    assert page.get_by_text(t("upload.sign_in_needed", "en")).count() == 0
    choose_kind(page, t("nav.forums", "en"), "en")
    path = tmp_path / "forums.csv"
    path.write_text("päivämäärä;teema;otsikko\n2.2.2024;hyte;HYTE-foorumi\n", encoding="utf-8")
    interact(page, lambda: page.locator(FILE_INPUT).set_input_files(str(path)))
    page.locator(METRICS).first.wait_for(timeout=30_000)
    assert exception_texts(page) == []
    metrics = [m.inner_text() for m in page.locator(METRICS).all()]
    assert metrics[0].split() == ["Added", "1"], metrics
    assert page.get_by_text(t("upload.added_rows", "en")).count() == 1
    assert page.get_by_role("button", name=t("upload.confirm", "en")).is_enabled()
    page.screenshot(path=str(tmp_path / "upload.png"), full_page=True)
    if axe_available():
        assert [v["id"] for v in axe_violations(page, context={"include": [['[data-testid="stMain"]']]})] == []


def test_attendance_list_needs_a_date_and_then_previews(lead_server: StreamlitServer, tab: Page,
                                                        tmp_path: Path) -> None:
    page = goto(tab, lead_server.url_for("tuonti"))
    choose_kind(page, t("nav.participation", "fi"), "fi")
    path = tmp_path / "osallistujat.csv"
    path.write_text(ATTENDANCE, encoding="utf-8")
    interact(page, lambda: page.locator(FILE_INPUT).set_input_files(str(path)))
    page.get_by_text(t("upload.problems", "fi", n=1)).wait_for(timeout=30_000)
    # The date field is three spin buttons; typing fills them in turn, leaving the field sends it.
    day = page.get_by_role("group", name=t("upload.forum_date", "fi")).get_by_role("spinbutton").first
    interact(page, lambda: (day.click(), page.keyboard.type("15122023"),
                            page.get_by_role("heading", name=t("nav.upload", "fi")).click()))
    page.locator(METRICS).first.wait_for(timeout=30_000)
    assert exception_texts(page) == []
    text = page.locator('[data-testid="stMain"]').inner_text()
    assert "Osallistujalista: 2 henkilöä, 2 organisaatiota" in text
    assert "Matti" not in text and "liisa@example.fi" not in text
    page.screenshot(path=str(tmp_path / "upload_attendance.png"), full_page=True)
