"""Who is using the app: Streamlit's built-in OIDC sign-in (`st.login`, `st.user`) when
`.streamlit/secrets.toml` has a complete `[auth]` section, else an anonymous viewer – except for
the local development switch, which only works on a server bound to 127.0.0.1 and reached
without a proxy (see docs/sign-in.md). A half-configured `[auth]` section stops every page
(`require_valid_sign_in`): it never falls back to read-only or development mode.

Pages ask `current_principal()`; what a principal may write is decided in the package
(`yhdyspinta.access`, `yhdyspinta.editing`), never here.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from typing import Any

import streamlit as st

from yhdyspinta import access
from yhdyspinta.access import ANONYMOUS, Principal
from yhdyspinta.display import area_name
from yhdyspinta.domain import Role
from yhdyspinta.history import role_label
from yhdyspinta.i18n import t
from yhdyspinta.ui import data, plain

AUTH_KEYS = access.SIGN_IN_KEYS
KEY_SIGN_IN = "auth.sign_in"
KEY_SIGN_OUT = "auth.sign_out"

logger = logging.getLogger("yhdyspinta.auth")


@dataclass(frozen=True)
class _NoSecrets:
    """That `secrets` found no secrets file when the files at `paths` were as `stamp` says."""
    secrets: object
    paths: tuple[str, ...]
    stamp: tuple[tuple[int, int] | None, ...]


_no_secrets: _NoSecrets | None = None


def _stamp(paths: tuple[str, ...]) -> tuple[tuple[int, int] | None, ...]:
    stamps: list[tuple[int, int] | None] = []
    for path in paths:
        try:
            info = os.stat(path)
            stamps.append((info.st_mtime_ns, info.st_size))
        except OSError:
            stamps.append(None)
    return tuple(stamps)


def _auth_section() -> Any:
    """The `[auth]` section, None without one.

    Without any secrets file Streamlit looks for the files again on every access, under one
    process-wide lock, and raises: under load (100 sessions on the overview, py-spy) that was
    77 % of the server's samples. That outcome is remembered for the same `st.secrets` object
    while the secrets files' paths still stat the same, so creating a secrets.toml is still
    noticed; a file once found is cached by Streamlit itself."""
    global _no_secrets
    secrets = st.secrets
    known = _no_secrets
    if known is not None and known.secrets is secrets and _stamp(known.paths) == known.stamp:
        return None
    try:
        return secrets.get("auth")
    except Exception:  # no secrets file at all: Streamlit raises rather than returning None
        paths = tuple(str(p) for p in st.get_option("secrets.files"))
        _no_secrets = _NoSecrets(secrets, paths, _stamp(paths))
        return None


def sign_in_state() -> access.SignInConfig:
    """The `[auth]` secrets validated (`yhdyspinta.access.sign_in_config`)."""
    return access.sign_in_config(_auth_section())


def auth_configured() -> bool:
    """True when secrets.toml carries a complete [auth] section for the default provider."""
    return sign_in_state().state == access.SIGN_IN_ON


@st.cache_resource(show_spinner=False)
def _log_incomplete(missing: tuple[str, ...]) -> bool:
    """Log the refusal once per process (and again if the missing keys change)."""
    logger.error("sign-in is half-configured: [auth] lacks %s; refusing to serve the app "
                 "(see docs/sign-in.md)", ", ".join(missing))
    return True


def require_valid_sign_in(lang: str) -> None:
    """Stop the page with an error naming the missing keys when `[auth]` is half-configured:
    neither read-only nor development mode, since either would be a silent failure to open."""
    config = sign_in_state()
    if config.state != access.SIGN_IN_INCOMPLETE:
        return
    _log_incomplete(config.missing)
    st.error(plain.text("auth.config.incomplete", lang, keys=", ".join(config.missing)), icon="⛔")
    st.stop()


def _signed_in_subject() -> str | None:
    try:
        if not st.user.is_logged_in:
            return None
        subject = st.user.get("email") or st.user.get("sub")
    except Exception:  # st.user outside a server session (e.g. a bare script run)
        return None
    return str(subject) if subject else None


def _dev_principal() -> Principal | None:
    subject = os.environ.get(access.ENV_DEV_LEAD)
    if not subject or sign_in_state().state != access.SIGN_IN_ABSENT:
        return None
    try:
        headers = {name: value for name, value in st.context.headers.items()}
        remote_ip = st.context.ip_address
    except Exception:  # no request context: nothing shows the request came from loopback
        return None
    host = next((v for k, v in headers.items() if k.lower() == "host"), None)
    return access.dev_lead(subject, server_address=st.get_option("server.address"),
                           host_header=host, remote_ip=remote_ip, headers=headers)


def current_principal() -> Principal:
    """The signed-in person's role (from the store; the configured first lead is a lead);
    anonymous when not signed in. Without sign-in configured only the loopback development
    switch can grant anything."""
    if auth_configured():
        subject = _signed_in_subject()
        if subject is None:
            return ANONYMOUS
        return access.principal_for(data.engine(), subject, first_lead=access.configured_first_lead())
    return _dev_principal() or ANONYMOUS


def read_only_note(lang: str) -> None:
    """Why there is nothing to edit, and what would change that."""
    principal = current_principal()
    if auth_configured():
        key = "access.note.sign_in" if principal.is_anonymous else "access.note.viewer"
    else:
        key = "access.note.read_only"
    # Plain text, not a caption: the note must be readable (caption grey fails contrast).
    st.markdown(t(key, lang), help=t("access.note.help", lang))


def sign_in_widget(lang: str) -> None:
    """Sidebar: who is signed in with which role, and the sign-in / sign-out button; without
    sign-in configured, the note that the app is read-only (or in development mode)."""
    sidebar = st.sidebar
    if not auth_configured():
        principal = _dev_principal()
        if principal is not None:
            sidebar.caption(plain.text("access.dev_mode", lang, subject=principal.subject))
        else:
            sidebar.caption(t("access.note.read_only", lang), help=t("access.note.help", lang))
        return
    subject = _signed_in_subject()
    if subject is None:
        if sidebar.button(t("access.sign_in", lang), key=KEY_SIGN_IN, icon=":material/login:"):
            st.login()
        return
    principal = current_principal()
    text = plain.text("access.signed_in_as", lang, subject=principal.subject,
                      role=role_label(principal.role.value, lang))
    if principal.role == Role.AREA_EDITOR:
        text += " – " + ", ".join(sorted(area_name(a, lang) for a in principal.areas))
    sidebar.caption(text)
    if sidebar.button(t("access.sign_out", lang), key=KEY_SIGN_OUT, icon=":material/logout:"):
        st.logout()
