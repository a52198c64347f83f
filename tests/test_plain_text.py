"""Text from the address bar or from people is shown as text, never as Markdown: the escaping
function on its own, and the pages (AppTest through the entry file) with hostile values in the
URL, in stored names and in an uploaded file's headers."""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from tests.apptest import open_app
from yhdyspinta import editing
from yhdyspinta.access import Principal
from yhdyspinta.domain import Role
from yhdyspinta.i18n import t
from yhdyspinta.store.engine import open_store
from yhdyspinta.ui import auth, plain

pytestmark = pytest.mark.usefixtures("fresh_caches")

LINK = "[click](https://evil.example)"
IMAGE = "![x](https://evil.example/a.png)"
LEAD = Principal("lead@kuntaliitto.fi", Role.PROJECT_LEAD)
SAVO = Principal("editor@pshyvinvointialue.fi", Role.AREA_EDITOR, frozenset({13}))

# Markdown that would make a link or load an image: [text](url), ![alt](url), <url>, and the
# autolinks GFM makes of a bare https://..., www.... or name@host.
LIVE = re.compile(r"\]\(|(?<!\\)<[a-z]+:|https?:|www\.|\w@\w")


def live_markup(body: str) -> list[str]:
    return [m.group(0) for m in LIVE.finditer(body)]


def unescape(markdown: str) -> str:
    """What CommonMark shows for a backslash-escaped text (and fails on an unescaped one)."""
    out, chars = [], iter(markdown)
    for c in chars:
        if c == "\\":
            out.append(next(chars))
        else:
            assert c not in string.punctuation, f"unescaped {c!r} in {markdown!r}"
            out.append(c)
    return "".join(out)


# --- the function ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("value", "escaped"),
    [
        (LINK, r"\[click\]\(https\:\/\/evil\.example\)"),
        (IMAGE, r"\!\[x\]\(https\:\/\/evil\.example\/a\.png\)"),
        ("<img src=x onerror=alert(1)>", r"\<img src\=x onerror\=alert\(1\)\>"),
        ("**13**\n# otsikko", r"\*\*13\*\* \# otsikko"),
        (":red[x] $x$ `x`", r"\:red\[x\] \$x\$ \`x\`"),
        ("Kuopio – Siilinjärvi", "Kuopio – Siilinjärvi"),
        (13, "13"),
    ],
)
def test_escape(value: object, escaped: str) -> None:
    assert plain.escape(value) == escaped
    assert not live_markup(plain.escape(value))


@given(st.text())
def test_escaped_text_shows_itself_on_one_line(value: str) -> None:
    escaped = plain.escape(value)
    shown = unescape(escaped)
    assert shown == "".join(" " if c in "\r\n\x85\u2028\u2029" or ord(c) < 0x20 or c == "\x7f" else c
                            for c in value)
    assert not live_markup(escaped)


def test_text_escapes_values_and_keeps_numbers() -> None:
    assert plain.text("filter.bad_param", "en", param="alue", value=LINK) == t(
        "filter.bad_param", "en", param="alue", value=r"\[click\]\(https\:\/\/evil\.example\)")
    assert plain.text("indicator.of", "fi", n=3, total=5) == t("indicator.of", "fi", n=3, total=5) == "3 / 5"


# --- the pages ------------------------------------------------------------------------------

def _bodies(at: AppTest) -> list[str]:
    """Everything the page renders as Markdown: text, alerts, captions, labels."""
    elements = [*at.markdown, *at.caption, *at.info, *at.warning, *at.error, *at.success]
    return [e.value for e in elements] + [c.label for c in at.checkbox]


def _assert_shown_as_text(at: AppTest, value: str) -> None:
    for body in _bodies(at):
        assert value not in body, body
    shown = [b for b in _bodies(at) if plain.escape(value) in b]
    assert shown, f"{value!r} is not on the page: {_bodies(at)}"
    for body in shown:
        assert not live_markup(body), body


@pytest.mark.parametrize(("param", "value"), [("alue", LINK), ("alue", IMAGE), ("kieli", IMAGE),
                                               ("kunta", LINK), ("alue", "https://evil.example")])
def test_url_values_in_the_notice_are_text(param: str, value: str) -> None:
    query = {param: value, **({"alue": "13"} if param == "kunta" else {})}
    at = open_app(None, query)
    assert at.warning
    _assert_shown_as_text(at, value)


def test_url_values_in_presentation_mode_are_text() -> None:
    at = open_app(None, {"esitys": "1", "alue": IMAGE})
    _assert_shown_as_text(at, IMAGE)


def test_stored_structure_name_in_the_form_is_text(monkeypatch: pytest.MonkeyPatch) -> None:
    open_app()  # the first start loads the example data
    editing.save(open_store(), LEAD, "structures", {"area_code": 13, "kind": "muu", "name": LINK},
                 expected_version=None)
    monkeypatch.setattr(auth, "current_principal", lambda: SAVO)
    at = open_app("structures.py", {"alue": "13"})
    at.selectbox(key="structures.structure_form.which").set_value(f"muu|{LINK}").run()
    assert not at.exception
    _assert_shown_as_text(at, LINK)


def test_stored_role_subject_in_the_forms_is_text(monkeypatch: pytest.MonkeyPatch) -> None:
    subject = f"{IMAGE}@evil.example"
    open_app()
    editing.save(open_store(), LEAD, "roles", {"subject": subject, "role": "project_lead", "area_codes": ""},
                 expected_version=None)
    monkeypatch.setattr(auth, "current_principal", lambda: LEAD)
    at = open_app("admin.py")
    at.selectbox(key="admin.role.which").set_value(subject).run()
    at.selectbox(key="admin.remove.which").set_value(subject).run()
    assert not at.exception
    _assert_shown_as_text(at, subject)
    at.checkbox(key="admin.remove.f.sure").check()
    at.button(key="admin.remove.submit").click().run()
    assert not at.exception
    _assert_shown_as_text(at, subject)  # "... removed"


def test_uploaded_headers_in_the_import_notes_are_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "current_principal", lambda: LEAD)
    at = open_app("upload.py")
    at.selectbox(key="upload.kind").select("forums").run()
    content = f"{IMAGE};{LINK}\n1;2\n".encode()
    at.file_uploader(key="upload.file").set_value(("x.csv", content, "text/csv")).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.info
    _assert_shown_as_text(at, IMAGE)
