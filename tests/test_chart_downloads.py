"""Every chart of the app can be downloaded as PNG and SVG (a page's charts in one zip), and the area profile offers the
take-home report as PDF and PowerPoint (AppTest, through the entry file). The buttons' files
are made only when clicked; here the test makes them itself through the functions the buttons
hold, so each PNG and SVG is checked to be the chart shown beside it."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
import streamlit
from pptx import Presentation
from streamlit.elements.widgets.button import ButtonMixin

from tests.apptest import open_app
from yhdyspinta import chart_images
from yhdyspinta.i18n import t, tn
from yhdyspinta.ui import charting

pytestmark = pytest.mark.usefixtures("fresh_caches")


def _record(monkeypatch: pytest.MonkeyPatch) -> dict[str, Callable[[], bytes]]:
    """The deferred `data` function of every download button, by key (st.download_button in
    the main area and the sidebar's)."""
    got: dict[str, Callable[[], bytes]] = {}
    original_main = streamlit.download_button
    original_method = ButtonMixin.download_button

    def remember(data: Any, kwargs: dict[str, Any]) -> None:
        if callable(data) and kwargs.get("key"):
            got[kwargs["key"]] = data

    def download_button(label: str, data: Any, *args: Any, **kwargs: Any) -> bool:
        remember(data, kwargs)
        return original_main(label, data, *args, **kwargs)

    def method(self: Any, label: str, data: Any, *args: Any, **kwargs: Any) -> bool:
        remember(data, kwargs)
        return original_method(self, label, data, *args, **kwargs)

    monkeypatch.setattr(streamlit, "download_button", download_button)
    monkeypatch.setattr(ButtonMixin, "download_button", method)
    return got


def _buttons(at: Any) -> dict[str, Any]:
    return {b.proto.id.rsplit("-", 1)[-1]: b.proto for b in at.get("download_button")}


@pytest.mark.parametrize(("lang", "part"), [("fi", "yhteenveto"), ("sv", "osallistuminen")])
def test_every_chart_on_the_profile_downloads_as_png_and_svg(lang: str, part: str,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Each part of the profile with charts: the summary (the cards' series, the timeline, the
    approvals) and participation (participation, survey, maturity)."""
    made = _record(monkeypatch)
    at = open_app("profile.py", {"alue": "13", "kieli": lang, "osio": part})
    charts = at.get("vega_lite_chart")
    assert len(charts) >= 3
    button = _buttons(at)[charting.IMAGES_KEY]
    assert button.label == tn("chart.download_page", len(charts), lang)
    assert button.ignore_rerun and button.deferred_file_id, "made when clicked, without rerunning the page"
    shown = [json.loads(chart.proto.spec) for chart in charts]
    titles = [chart_images.title_of(spec) for spec in shown]
    for title in filter(None, titles):
        assert title in button.help
    archive = zipfile.ZipFile(io.BytesIO(made[charting.IMAGES_KEY]()))
    names = archive.namelist()
    assert len(names) == 2 * len(charts), "every chart shown, as PNG and as SVG"
    for name in names:
        content = archive.read(name)
        if name.endswith(".png"):
            assert content.startswith(b"\x89PNG\r\n\x1a\n"), name
        else:
            assert name.endswith(".svg") and content.lstrip().startswith(b"<svg"), name
    stems = [chart_images.file_stem(spec) for spec in shown]
    assert {n.rsplit(".", 1)[0].rsplit("-", 1)[0] for n in names} >= {s.rsplit("-", 1)[0] for s in stems}


def test_a_page_without_charts_offers_no_images() -> None:
    at = open_app("municipalities.py", {"kieli": "fi"})
    assert not at.get("vega_lite_chart")
    assert charting.IMAGES_KEY not in _buttons(at)


def test_images_are_named_after_their_charts_and_numbered_when_names_repeat() -> None:
    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "title": "Sopimukset ja päätökset",
            "data": {"values": [{"a": 1}]}, "mark": "bar", "encoding": {"x": {"field": "a", "type": "quantitative"}}}
    archive = zipfile.ZipFile(io.BytesIO(chart_images.images_zip([spec, spec, {**spec, "title": ""}])))
    assert archive.namelist() == ["sopimukset-ja-paatokset.png", "sopimukset-ja-paatokset.svg",
                                  "sopimukset-ja-paatokset-2.png", "sopimukset-ja-paatokset-2.svg",
                                  "chart.png", "chart.svg"]


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
        assert charting.IMAGES_KEY not in _buttons(at), view
    assert seen_chart, "some presentation view shows a chart"
