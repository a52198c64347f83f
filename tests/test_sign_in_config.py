"""Sign-in configuration fails closed (issue 9, finding 12): a complete [auth] section turns
sign-in on, none leaves the app read-only (with the loopback development switch), and a
half-configured one stops every page with an error naming the missing keys – never read-only
or development mode. The development switch refuses any proxied request."""

from __future__ import annotations

import logging

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest import APP
from yhdyspinta.access import (
    ENV_DEV_LEAD,
    SIGN_IN_ABSENT,
    SIGN_IN_INCOMPLETE,
    SIGN_IN_ON,
    Principal,
    dev_lead,
    sign_in_config,
)
from yhdyspinta.domain import Role
from yhdyspinta.i18n import t

pytestmark = pytest.mark.usefixtures("fresh_caches")

COMPLETE = {
    "redirect_uri": "https://yhdyspinta.example.fi/oauth2callback",
    "cookie_secret": "0123456789abcdef",
    "client_id": "yhdyspinta",
    "client_secret": "s3cret",
    "server_metadata_url": "https://login.example.fi/.well-known/openid-configuration",
}


def _without(*keys: str) -> dict[str, str]:
    return {k: v for k, v in COMPLETE.items() if k not in keys}


@pytest.mark.parametrize(("section", "state", "missing"), [
    (None, SIGN_IN_ABSENT, ()),
    (COMPLETE, SIGN_IN_ON, ()),
    (dict(COMPLETE, extra="ignored"), SIGN_IN_ON, ()),
    (_without("client_secret"), SIGN_IN_INCOMPLETE, ("client_secret",)),
    (_without("redirect_uri"), SIGN_IN_INCOMPLETE, ("redirect_uri",)),
    (_without("cookie_secret"), SIGN_IN_INCOMPLETE, ("cookie_secret",)),
    (_without("server_metadata_url"), SIGN_IN_INCOMPLETE, ("server_metadata_url",)),
    ({"client_id": "yhdyspinta"}, SIGN_IN_INCOMPLETE,
     ("redirect_uri", "cookie_secret", "client_secret", "server_metadata_url")),
    (dict(COMPLETE, client_secret="  "), SIGN_IN_INCOMPLETE, ("client_secret",)),  # blank is missing
    ({}, SIGN_IN_INCOMPLETE, tuple(COMPLETE)),  # an empty [auth] section is not "no sign-in"
])
def test_sign_in_configuration_is_complete_absent_or_refused(section: dict[str, str] | None, state: str,
                                                              missing: tuple[str, ...]) -> None:
    config = sign_in_config(section)
    assert (config.state, config.missing) == (state, missing)


LOOPBACK = {"server_address": "127.0.0.1", "host_header": "127.0.0.1:8501", "remote_ip": None}


@pytest.mark.parametrize(("headers", "granted"), [
    ({}, True),
    ({"Host": "127.0.0.1:8501", "User-Agent": "x"}, True),
    ({"X-Forwarded-For": "203.0.113.9"}, False),
    ({"x-forwarded-for": "203.0.113.9"}, False),
    ({"X-Forwarded-Host": "yhdyspinta.example.fi"}, False),
    ({"X-Real-IP": "203.0.113.9"}, False),
    ({"Forwarded": "for=203.0.113.9"}, False),
    ({"X-Forwarded-For": ""}, False),  # present at all: a proxy is in the way
])
def test_the_development_switch_refuses_proxied_requests(headers: dict[str, str], granted: bool) -> None:
    principal = dev_lead("dev@example.fi", headers=headers, **LOOPBACK)  # type: ignore[arg-type]
    assert principal == (Principal("dev@example.fi", Role.PROJECT_LEAD) if granted else None)


def _app(secrets: dict[str, object] | None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    if secrets is not None:
        at.secrets["auth"] = secrets
    return at


@pytest.mark.parametrize("page", [None, "admin.py", "agreements.py"])
def test_half_configured_sign_in_stops_every_page(page: str | None, monkeypatch: pytest.MonkeyPatch,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv(ENV_DEV_LEAD, "dev@example.fi")
    at = _app(_without("client_secret", "cookie_secret"))
    with caplog.at_level(logging.ERROR, logger="yhdyspinta"):
        at.run()
        if page is not None:
            at.switch_page(f"app_pages/{page}").run()
    assert not at.exception, [e.value for e in at.exception]
    [error] = at.error
    assert "cookie\\_secret" in error.value and "client\\_secret" in error.value
    texts = [c.value for c in at.caption] + [m.value for m in at.markdown]
    assert t("access.dev_mode", "fi", subject="dev@example.fi") not in texts
    assert t("access.note.read_only", "fi") not in texts
    assert not at.button and not at.selectbox and not at.title
    assert any("cookie_secret" in r.getMessage() and "client_secret" in r.getMessage() for r in caplog.records)


def test_complete_sign_in_offers_the_sign_in_button() -> None:
    at = _app(COMPLETE)
    at.run()
    assert not at.exception and not at.error
    assert at.button(key="auth.sign_in").label == t("access.sign_in", "fi")


def test_without_sign_in_the_app_is_read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """AppTest has no request headers, so even a loopback bind gives no development mode here."""
    monkeypatch.setenv(ENV_DEV_LEAD, "dev@example.fi")
    at = _app(None)
    at.run()
    assert not at.exception and not at.error
    assert t("access.note.read_only", "fi") in [c.value for c in at.sidebar.caption]
