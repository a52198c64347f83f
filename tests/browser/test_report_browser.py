"""In a real browser, on the area profile with the boundaries loaded: a chart's PNG and SVG
buttons and the report's PDF and PowerPoint buttons hand over real files (made on the
server when clicked), and the buttons add no serious accessibility violation."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.harness import (
    StreamlitServer,
    axe_available,
    axe_violations,
    exception_texts,
    format_axe_violations,
    goto,
)
from tests.browser.test_pages_browser import _settle_visuals
from yhdyspinta import facts
from yhdyspinta.i18n import t, tn

AREA = 13
LANG = "sv"
DOWNLOAD_TIMEOUT = 60_000  # ms: the report renders six charts on a busy 2-core machine


def _images_label(page: Page) -> re.Pattern[str]:
    """The sidebar button's label, whatever the number of charts (the page's charts may still be
    drawing when it is read)."""
    return re.compile("^" + re.escape(tn("chart.download_page", 2, LANG)).replace("2", r"\d+") + "$")


def _download(page: Page, name: str | re.Pattern[str], folder: Path) -> bytes:
    button = page.get_by_role("button", name=name).first
    button.scroll_into_view_if_needed()
    with page.expect_download(timeout=DOWNLOAD_TIMEOUT) as info:
        button.click()
    path = folder / info.value.suggested_filename
    info.value.save_as(path)
    return path.read_bytes()


def test_chart_and_report_downloads(tab: Page, geo_server: StreamlitServer, tmp_path: Path) -> None:
    goto(tab, geo_server.url_for("alueprofiili", alue=str(AREA), kieli=LANG))
    assert exception_texts(tab) == []
    _settle_visuals(tab)

    images = zipfile.ZipFile(io.BytesIO(_download(tab, _images_label(tab), tmp_path)))
    names = images.namelist()
    assert names and len(names) % 2 == 0
    assert all(images.read(n).startswith(b"\x89PNG\r\n\x1a\n") for n in names if n.endswith(".png"))
    assert all(images.read(n).lstrip().startswith(b"<svg") for n in names if n.endswith(".svg"))

    pdf = _download(tab, t("report.download_pdf", LANG), tmp_path)
    assert pdf.startswith(b"%PDF-")
    pdf_path = tmp_path / "report.pdf"
    pdf_path.write_bytes(pdf)
    text = " ".join(subprocess.run(["pdftotext", "-raw", str(pdf_path), "-"], check=True, capture_output=True,
                                   text=True).stdout.split())
    assert facts.area_by_code()[AREA].name(LANG) in text
    assert t("report.map", LANG) in text, "the map section is there: the boundaries are loaded"

    pptx = _download(tab, t("report.download_pptx", LANG), tmp_path)
    assert "ppt/presentation.xml" in zipfile.ZipFile(io.BytesIO(pptx)).namelist()
    assert exception_texts(tab) == [], "clicking a download does not break the page"


@pytest.mark.skipif(not axe_available(), reason="axe-playwright-python is not installed")
def test_download_buttons_keep_the_profile_accessible(tab: Page, geo_server: StreamlitServer) -> None:
    goto(tab, geo_server.url_for("alueprofiili", alue=str(AREA), kieli=LANG))
    _settle_visuals(tab)
    # Auto-retrying: the tab may still show the previous test's page while this one draws.
    expect(tab.get_by_role("button", name=_images_label(tab))).to_have_count(1, timeout=DOWNLOAD_TIMEOUT)
    expect(tab.get_by_role("button", name=t("report.download_pdf", LANG))).to_have_count(1, timeout=DOWNLOAD_TIMEOUT)
    violations = axe_violations(tab, impacts=("serious", "critical"))  # no exemption
    assert violations == [], format_axe_violations(violations)
