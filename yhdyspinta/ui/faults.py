"""Showing faults to a user: a database fault (`yhdyspinta.faults`) in their language, any
other exception as a short message – never SQL, parameters or a traceback. Each is logged on
the server with the full exception and a short random id, and the id is shown to the user, so
a report ("Error reference: 3F9A0C1B") can be found in the log."""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from yhdyspinta import faults
from yhdyspinta.i18n import t
from yhdyspinta.ui import widgets

logger = logging.getLogger("yhdyspinta.faults")
T = TypeVar("T")


def _log(exc: BaseException, what: str) -> str:
    fault_id = secrets.token_hex(4).upper()
    logger.error("%s [fault id %s]", what, fault_id, exc_info=exc, extra={"fault_id": fault_id})
    return fault_id


def report(exc: BaseException, lang: str, *, retry_button: bool = False) -> faults.Fault | None:
    """Log `exc` and say what went wrong in `lang`: a database fault's message (with a "try
    again" button where trying again can help and a button may be placed, i.e. not inside a
    form, whose own save button is the retry), anything else as an unexpected error."""
    fault = faults.classify(exc)
    key = fault.message_key if fault is not None else "fault.unexpected"
    fault_id = _log(exc, f"database fault ({fault.kind})" if fault is not None else "unexpected error")
    st.error(t(key, lang) + "\n\n" + t("fault.reference", lang, id=fault_id), icon="⚠️")
    if retry_button and fault is not None and fault.retry:
        st.button(t("fault.retry", lang), key=f"fault.retry.{fault_id}", icon=":material/refresh:")
    return fault


def guarded(render: Callable[[], T]) -> T | None:
    """Run `render` (a page, the sidebar), turning any exception into a message with an id;
    what `render` returned, or None after an exception.

    Streamlit's own flow control (`st.rerun`, `st.stop`, `st.switch_page`) raises
    BaseExceptions that are not caught here. With `YHDYSPINTA_RAISE_ERRORS` set (by the tests
    only) the exception is re-raised, so AppTest and the browser tests still fail on any bug."""
    try:
        return render()
    except Exception as exc:
        if os.environ.get(faults.ENV_RAISE):
            raise
        report(exc, widgets.language(), retry_button=True)
        return None
