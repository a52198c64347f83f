"""Who is using the app: Streamlit's built-in OIDC sign-in (`st.login`, `st.user`) when
`.streamlit/secrets.toml` has an `[auth]` section, else an anonymous viewer – except for the
local development switch, which only works on a server bound to 127.0.0.1 (see docs/sign-in.md).

Pages ask `current_principal()`; what a principal may write is decided in the package
(`yhdyspinta.access`, `yhdyspinta.editing`), never here.
"""

from __future__ import annotations

import os

import streamlit as st

from yhdyspinta import access
from yhdyspinta.access import ANONYMOUS, Principal
from yhdyspinta.display import area_name
from yhdyspinta.domain import Role
from yhdyspinta.history import role_label
from yhdyspinta.i18n import t
from yhdyspinta.ui import data, plain

# The keys Streamlit needs in [auth] for its default provider (streamlit/auth_util.py).
AUTH_KEYS = ("redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url")
KEY_SIGN_IN = "auth.sign_in"
KEY_SIGN_OUT = "auth.sign_out"


def auth_configured() -> bool:
    """True when secrets.toml carries a complete [auth] section for the default provider."""
    try:
        section = st.secrets.get("auth")
    except Exception:  # no secrets file at all: Streamlit raises rather than returning None
        return False
    if not section:
        return False
    return all(section.get(k) for k in AUTH_KEYS)


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
    if not subject:
        return None
    try:
        host = st.context.headers.get("Host")
        remote_ip = st.context.ip_address
    except Exception:  # no request context: nothing shows the request came from loopback
        return None
    return access.dev_lead(subject, server_address=st.get_option("server.address"),
                           host_header=host, remote_ip=remote_ip)


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
