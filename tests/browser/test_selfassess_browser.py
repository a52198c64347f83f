"""A whole self-assessment round in headless Chromium, from the invitation to the picture:

* the area editor of Pohjois-Savo signs in through the OIDC provider (the harness of
  `test_oidc_browser.py`), opens a round of two on Itsearviointi and reads the links off the page;
* two respondents open their links on a phone-sized screen (390×844), one in Finnish and one in
  Swedish, see only the form (no menu, no sidebar), answer the eight dimensions and send;
  the same link again is refused; axe-core finds nothing serious on the form;
* the tracker shows 2 / 2 for the area, the editor closes the round, and the area's maturity
  level on Kypsyys changes to what the answers say, as the catalogue computes it.

Screenshots (the form in fi and sv, after sending, the tracker) go to the test's temp folder.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser.harness import BrowserSession, axe_violations, format_axe_violations, goto, interact
from tests.browser.test_oidc_browser import (  # noqa: F401  (fixtures used by name)
    EDITOR,
    MAIN,
    SIDEBAR,
    OidcApp,
    main_has,
    oidc_app,
    oidc_server,
    provider,
    sign_in,
    visit,
)
from yhdyspinta import indicators
from yhdyspinta.display import area_name
from yhdyspinta.domain import MaturityLevel
from yhdyspinta.i18n import enum_label, t
from yhdyspinta.indicators import finnish_today, labels
from yhdyspinta.store import repository as repo
from yhdyspinta.store.engine import open_store
from yhdyspinta.store.schema import MATURITY_COLUMNS
from yhdyspinta.ui import respondent

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

AREA = 13
PHONE = {"width": 390, "height": 844}
LINK = re.compile(r"https?://\S+\?arvio=[A-Za-z0-9_-]+&kieli=fi")
TOP = MaturityLevel.COLLABORATION.value  # every dimension answered at the top level


def _area_level(store_url: str) -> indicators.Value:
    engine = open_store(store_url)
    try:
        frames = {k: repo.read_kind(engine, k) for k in (*indicators.KINDS_NEEDED, "changelog")}
    finally:
        engine.dispose()
    return indicators.evaluate("maturity_level", indicators.resolve(frames, finnish_today()), indicators.Scope(AREA))


def _phone(browser: BrowserSession) -> Page:
    context = browser.browser.new_context(viewport=PHONE, locale="fi-FI", is_mobile=True, has_touch=True,
                                          device_scale_factor=2, service_workers="block")
    context.set_default_timeout(30_000)
    return context.new_page()


def _whole(page: Page, path: Path) -> None:
    """The whole form in one picture: Streamlit scrolls inside its main block, so a full-page
    screenshot would show one screen; the viewport is made as tall as the content for it."""
    height = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": PHONE["width"], "height": int(height)})
    page.wait_for_timeout(300)
    page.screenshot(path=str(path))
    page.set_viewport_size(PHONE)


def _answer(page: Page, lang: str, tmp_path: Path) -> None:
    """Fill the form (every dimension at the top level) and send it; screenshots on the way."""
    main = page.locator(MAIN)
    expect(main).to_contain_text(t("selfassess.form.title", lang))
    expect(page.locator(SIDEBAR)).to_have_count(0)  # no menu, no filters
    expect(main.get_by_role("radiogroup")).to_have_count(2 + len(MATURITY_COLUMNS))  # language, side, dimensions
    expect(main.get_by_role("button", name=t("selfassess.form.submit", lang))).to_be_visible()
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]  # nothing wider than the phone
    page.screenshot(path=str(tmp_path / f"respondent-{lang}.png"))
    _whole(page, tmp_path / f"respondent-{lang}-full.png")
    found = axe_violations(page)
    assert found == [], format_axe_violations(found)
    role = main.get_by_role("radiogroup", name=t("selfassess.form.role", lang))
    role.get_by_text(enum_label("RespondentRole", "kunta", lang), exact=True).click()
    for column in MATURITY_COLUMNS:
        question, _help = respondent.QUESTIONS[column]
        group = main.get_by_role("radiogroup", name=re.compile(re.escape(t(question, lang))))
        group.get_by_text(f"{TOP} · ", exact=False).click()
    interact(page, lambda: main.get_by_role("button", name=t("selfassess.form.submit", lang)).click())
    expect(main).to_contain_text(t("selfassess.form.thanks", lang))
    page.screenshot(path=str(tmp_path / f"respondent-{lang}-sent.png"))


def test_a_round_from_invitation_to_the_picture(browser: BrowserSession, oidc_app: OidcApp,  # noqa: F811
                                               tmp_path: Path) -> None:
    server = oidc_app.server
    editor = sign_in(browser, server, EDITOR)  # the first run has loaded the example data
    before = _area_level(oidc_app.store_url)
    assert before.value is not None and before.value < TOP  # the example data's latest round
    visit(editor, server, "itsearviointi", alue=str(AREA))
    main = editor.locator(MAIN)
    main.get_by_label(t("selfassess.page.invitations", "fi")).fill("2")
    interact(editor, lambda: main.get_by_role("button", name=t("selfassess.page.open_button", "fi")).click())
    expect(main).to_contain_text(t("selfassess.page.links_once", "fi")[:40])
    links = LINK.findall(main.locator('[data-testid="stCode"]').inner_text())
    assert len(links) == 2 and links[0] != links[1] and all(link.startswith(server.url) for link in links)
    editor.screenshot(path=str(tmp_path / "links.png"))

    phone = _phone(browser)
    try:
        goto(phone, links[0])
        _answer(phone, "fi", tmp_path)
        goto(phone, links[1].replace("kieli=fi", "kieli=sv"))
        _answer(phone, "sv", tmp_path)
        goto(phone, links[0])  # a link answers once
        expect(phone.locator(MAIN)).to_contain_text(t("selfassess.token.used", "fi"))
        phone.screenshot(path=str(tmp_path / "respondent-used.png"))
        expect(phone.locator(MAIN).get_by_role("button", name=t("selfassess.form.submit", "fi"))).to_have_count(0)
    finally:
        phone.context.close()

    visit(editor, server, "itsearviointi")
    tracker = main.locator('[data-testid="stDataFrame"]')
    expect(tracker).to_be_visible()
    editor.screenshot(path=str(tmp_path / "tracker.png"))
    tracker.screenshot(path=str(tmp_path / "tracker-table.png"))
    # The page with its forms, the links and the tracker, the menu included: no exemption.
    found = axe_violations(editor)
    assert found == [], format_axe_violations(found)
    main_has(editor, t("selfassess.answered_of", "fi", answered=2, invited=2))
    interact(editor, lambda: main.get_by_role("button", name=t("selfassess.page.close_button", "fi")).click())
    main_has(editor, t("selfassess.page.no_open_rounds", "fi"))
    tracker.screenshot(path=str(tmp_path / "tracker-closed.png"))

    after = _area_level(oidc_app.store_url)
    assert after.value == TOP and after.value != before.value
    visit(editor, server, "kypsyys", alue=str(AREA))
    label = t("analysis.maturity.area_level", "fi", area=area_name(AREA, "fi"))
    metric = main.locator('[data-testid="stMetric"]').filter(has_text=label)
    expect(metric).to_contain_text(labels.value_text(after, "fi"))
    editor.screenshot(path=str(tmp_path / "maturity-after.png"))
    goto(editor, server.url_for("itsearviointi"))  # leave the session on a page of ours
