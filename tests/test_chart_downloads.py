"""Every chart of the app can be downloaded as PNG and SVG, and the area profile offers the
take-home report as PDF and PowerPoint (AppTest, through the entry file). The buttons' files
are made only when clicked; here the test makes them itself through the functions the buttons
hold, so each PNG and SVG is checked to be the chart shown beside it."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Any

import pytest
import streamlit
from pptx import Presentation

from tests.apptest import open_app
from yhdyspinta import chart_images
from yhdyspinta.i18n import t

pytestmark = pytest.mark.usefixtures("fresh_caches")


def _record(monkeypatch: pytest.MonkeyPatch) -> dict[str, Callable[[], bytes]]:
    """The deferred `data` function of every download button, by key."""
    got: dict[str, Callable[[], bytes]] = {}
    original = streamlit.download_button

    def download_button(label: str, data: Any, *args: Any, **kwargs: Any) -> bool:
        if callable(data) and kwargs.get("key"):
            got[kwargs["key"]] = data
        return original(label, data, *args, **kwargs)

    monkeypatch.setattr(streamlit, "download_button", download_button)
    return got


def _buttons(at: Any) -> dict[str, Any]:
    return {b.proto.id.rsplit("-", 1)[-1]: b.proto for b in at.get("download_button")}


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_chart_on_the_profile_downloads_as_png_and_svg(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    made = _record(monkeypatch)
    at = open_app("profile.py", {"alue": "13", "kieli": lang})
    charts = at.get("vega_lite_chart")
    buttons = _buttons(at)
    png = {k: b for k, b in buttons.items() if k.endswith(".png")}
    svg = {k: b for k, b in buttons.items() if k.endswith(".svg")}
    assert len(charts) >= 4
    assert len(png) == len(svg) == len(charts), "one PNG and one SVG button under every chart"
    assert {b.label for b in png.values()} == {t("chart.download_png", lang)}
    assert {b.label for b in svg.values()} == {t("chart.download_svg", lang)}
    shown = [chart.proto.spec for chart in charts]
    for key in png:
        image = made[key]()
        assert image.startswith(b"\x89PNG\r\n\x1a\n"), key
        drawing = made[key.removesuffix(".png") + ".svg"]().decode()
        assert drawing.startswith("<svg"), key
    helps = {b.help for b in png.values()}
    for title in filter(None, (chart_images.title_of(json.loads(spec)) for spec in shown)):
        assert t("chart.download_help", lang, format="PNG", title=title) in helps
    assert all(b.ignore_rerun and b.deferred_file_id for b in (*png.values(), *svg.values())), \
        "made when clicked, without rerunning the page"


def test_profile_offers_the_report_as_pdf_and_pptx(monkeypatch: pytest.MonkeyPatch) -> None:
    made = _record(monkeypatch)
    at = open_app("profile.py", {"alue": "13", "kieli": "sv"})
    buttons = _buttons(at)
    assert buttons["report.pdf"].label == t("report.download_pdf", "sv")
    assert buttons["report.pptx"].label == t("report.download_pptx", "sv")
    assert made["report.pdf"]().startswith(b"%PDF-")
    deck = Presentation(io.BytesIO(made["report.pptx"]()))
    assert "Norra Savolax" in deck.slides[0].shapes[0].text_frame.text


def test_no_report_without_an_area() -> None:
    at = open_app("profile.py", {"kieli": "fi"})
    assert not {"report.pdf", "report.pptx"} & set(_buttons(at))


def test_presentation_slides_have_no_download_buttons() -> None:
    seen_chart = False
    for view in range(1, 6):
        at = open_app(None, {"esitys": "1", "alue": "13", "nakyma": str(view)})
        seen_chart |= bool(at.get("vega_lite_chart"))
        assert not [k for k in _buttons(at) if k.endswith((".png", ".svg"))], view
    assert seen_chart, "some presentation view shows a chart"
