"""Reports to take home: `python -m yhdyspinta report` writes an A4 PDF whose text holds the
area's name and every indicator value exactly as the catalogue's labels give them, whose pages
poppler renders, and PowerPoint slides, one per section; charts rendered by vl-convert."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation

from yhdyspinta import chart_images, facts, indicators, report
from yhdyspinta.cli import EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, main
from yhdyspinta.geodata import import_reference, registry
from yhdyspinta.i18n import t
from yhdyspinta.indicators import labels
from yhdyspinta.report import content
from yhdyspinta.store.engine import open_store

AREA = 13  # Pohjois-Savo: a pilot with council decisions of every kind, small survey samples
AS_OF = date(2025, 6, 30)
BOUNDARY_FILE = "kuntarajat_2024.geojson"
A4_POINTS = (595.28, 841.89)
SCREENSHOT = Path(__file__).resolve().parent.parent / "docs" / "screenshots" / "report-page1.png"
UPDATE_SCREENSHOTS_ENV = "YHDYSPINTA_UPDATE_SCREENSHOTS"
POPPLER = pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
                             reason="poppler-utils (pdftotext, pdftoppm) not installed")


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory, reference: Path) -> Iterator[Path]:
    """A data folder with the example data and the official boundaries from the reference copy."""
    folder = tmp_path_factory.mktemp("report-data")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("YHDYSPINTA_DATA_DIR", str(folder))
        patch.delenv("YHDYSPINTA_DB_URL", raising=False)
        assert run("demo") == EXIT_OK
        import_reference(reference / BOUNDARY_FILE, year=2024)
        yield folder


@pytest.fixture
def here(store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("YHDYSPINTA_DATA_DIR", str(store_dir))
    monkeypatch.delenv("YHDYSPINTA_DB_URL", raising=False)
    return store_dir


def run(*args: str) -> int:
    try:
        return main(list(args))
    except SystemExit as exc:
        return int(exc.code or 0)


def catalogue_values(as_of: date) -> tuple[dict[str, indicators.Value], dict[str, indicators.Value]]:
    """The area's and the country's values straight from the catalogue, for comparison."""
    frames = content.read_frames(open_store())
    state = indicators.resolve(frames, as_of)
    return indicators.evaluate_all(state, indicators.Scope(AREA)), indicators.evaluate_all(state)


def flat(text: str) -> str:
    """Runs of white space as one space. pdftotext writes every gap between words as a space,
    so the no-break space of "41\u00a0%" (as the labels give it) comes out as a plain one."""
    return " ".join(text.split())


# --------------------------------------------------------------------------- PDF


@POPPLER
@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_cli_pdf_holds_the_area_and_every_value_as_the_catalogue_gives_it(
        here: Path, tmp_path: Path, lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"report_{lang}.pdf"
    assert run("report", "--area", str(AREA), "--lang", lang, "--as-of", AS_OF.isoformat(),
               "--format", "pdf", "--out", str(out)) == EXIT_OK
    assert str(out) in capsys.readouterr().out
    assert out.read_bytes().startswith(b"%PDF-")
    # -raw: text in the order it is drawn, spaces as written (the layout mode reads "0 / 1" as
    # "0/1" when every gap on a short line is a space).
    text = flat(subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(out), "-"], check=True,
                               capture_output=True, text=True).stdout)
    name = facts.area_by_code()[AREA].name(lang)
    assert t("report.title", lang, area=name) in text
    assert t("report.as_of", lang, day="30.6.2025") in text
    area_values, country = catalogue_values(AS_OF)
    assert len(area_values) == len(indicators.CATALOGUE)
    for indicator, value in area_values.items():
        # label, the area's value, the country's value and N, side by side in one table row
        n = "–" if value.n is None else str(value.n)
        row = flat(f"{labels.label(indicator, lang)} {labels.value_text(value, lang)} "
                   f"{labels.value_text(country[indicator], lang)} {n}")
        assert row in text, row
        assert flat(labels.definition(indicator, lang)) in text
    flagged = [i for i, v in area_values.items() if v.small_n]
    assert flagged, "the example data has a small survey sample in this area"
    assert t("indicator.small_n", lang, limit=content.SMALL_N_THRESHOLD) in text
    assert flat(t("source.credit.nls_municipalities", lang)) in text, "the loaded boundaries are credited"
    assert registry.NLS_MUNICIPALITIES.attribution not in text, "in the report's language, not the registry's English"
    assert t("banner.example", lang) in text


@POPPLER
def test_pdf_pages_are_a4_and_render(here: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    out.write_bytes(report.make(open_store(), AREA, "fi", AS_OF, "pdf"))
    info = subprocess.run(["pdfinfo", str(out)], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))  # type: ignore[union-attr]
    assert re.search(r"^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info, re.MULTILINE), info
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(out), str(tmp_path / "page")], check=True)
    rendered = sorted(tmp_path.glob("page-*.png"))
    assert len(rendered) == pages >= 4
    for path in rendered:
        with Image.open(path) as image:
            low, high = image.convert("L").getextrema()
            assert low < 100 < high, f"{path.name} is blank"
    if os.environ.get(UPDATE_SCREENSHOTS_ENV) == "1":  # the README's picture of page 1
        subprocess.run(["pdftoppm", "-r", "80", "-f", "1", "-l", "1", "-singlefile", "-png", str(out),
                        str(SCREENSHOT.with_suffix(""))], check=True)


def test_report_sections_and_figures(here: Path) -> None:
    built = report.build(open_store(), AREA, "sv", AS_OF)
    area_values, country = catalogue_values(AS_OF)
    assert [(r.indicator, r.area, r.country) for r in built.rows] == [
        (i, labels.value_text(v, "sv"), labels.value_text(country[i], "sv")) for i, v in area_values.items()]
    assert built.sections() == ["title", "indicators", "series", "timeline", "participation", "survey",
                                "maturity", "map", "sources"]
    assert built.map_missing is None
    figure = {f.key: f for f in built.figures}["map"]
    names = {row["name"] for layer in figure.spec["layer"] if "values" in layer.get("data", {})
             for row in layer["data"]["values"] if "name" in row}
    members = {m.name("sv") for m in facts.municipalities() if m.area_code == AREA}
    assert names == members, "every municipality of the area, named in Swedish, and no other"


def test_without_boundaries_the_report_says_so(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(content, "_boundaries", lambda: (None, None))
    built = report.build(open_store(), AREA, "fi", AS_OF)
    assert "map" not in built.sections()
    assert built.map_missing == t("report.map_missing", "fi")
    boundaries = t("report.source.boundaries", "fi", credit="", year="").split(":")[0]
    assert not any(line.startswith(boundaries) for line in built.sources), built.sources


def test_helsinki_report_tells_why_agreements_do_not_apply(here: Path) -> None:
    built = report.build(open_store(), facts.HELSINKI_AREA_CODE, "fi", AS_OF)
    rows = {r.indicator: r for r in built.rows}
    assert rows["agreements_in_force"].area == t("indicator.not_applicable", "fi")
    assert t("indicator.not_applicable_helsinki", "fi") in built.table_notes


# --------------------------------------------------------------------------- PPTX


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_cli_pptx_has_one_slide_per_section(here: Path, tmp_path: Path, lang: str) -> None:
    out = tmp_path / f"slides_{lang}.pptx"
    assert run("--lang", lang, "report", "--area", str(AREA), "--as-of", AS_OF.isoformat(),
               "--format", "pptx", "--out", str(out)) == EXIT_OK
    deck = Presentation(str(out))
    built = report.build(open_store(), AREA, lang, AS_OF)
    slides = list(deck.slides)
    assert len(slides) == len(built.sections()) == 2 + len(built.figures) + 1

    def texts(slide: object) -> str:
        return flat(" ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame))  # type: ignore[attr-defined]

    name = facts.area_by_code()[AREA].name(lang)
    assert t("report.title", lang, area=name) in texts(slides[0])
    table = next(s for s in slides[1].shapes if s.has_table).table
    cells = [[table.cell(r, c).text for c in range(len(table.columns))] for r in range(len(table.rows))]
    area_values, country = catalogue_values(AS_OF)
    assert cells[0][1] == name
    assert [(r[0], r[1], r[2]) for r in cells[1:]] == [
        (labels.label(i, lang), labels.value_text(v, lang), labels.value_text(country[i], lang))
        for i, v in area_values.items()]
    notes = slides[1].notes_slide.notes_text_frame.text
    assert all(labels.definition(i, lang) in notes for i in area_values)
    for slide, figure in zip(slides[2:-1], built.figures, strict=True):
        assert figure.heading in texts(slide)
        pictures = [s for s in slide.shapes if s.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
        assert len(pictures) == 1
        with Image.open(io.BytesIO(pictures[0].image.blob)) as image:
            assert image.format == "PNG" and image.width > 400
    assert t("report.sources", lang) in texts(slides[-1])


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(("args", "code", "message"), [
    (["--area", "91"], EXIT_BAD_INPUT, "not an area of the reform"),
    (["--area", "x13"], EXIT_BAD_INPUT, "not an area of the reform"),
    (["--area", "13", "--as-of", "2025-13-01"], EXIT_BAD_INPUT, "not a date"),
    (["--area", "13", "--format", "doc"], EXIT_USAGE, "invalid choice"),
    (["--area", "13", "--lang", "de"], EXIT_USAGE, "invalid choice"),
])
def test_cli_errors(here: Path, tmp_path: Path, args: list[str], code: int, message: str,
                    capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.pdf"
    full = ["report", *args]
    if "--format" not in args:
        full += ["--format", "pdf"]
    assert run(*full, "--out", str(out)) == code
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_cli_unwritable_output(here: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert run("report", "--area", "13", "--format", "pdf", "--out", str(blocker / "x.pdf")) == EXIT_BAD_INPUT
    assert "cannot write" in capsys.readouterr().err


# --------------------------------------------------------------------------- chart images

BAR = {"data": {"values": [{"a": "Äänekoski", "b": 3}]}, "mark": "bar", "title": "Kuntien määrä – Åland",
       "encoding": {"x": {"field": "a", "type": "nominal"}, "y": {"field": "b", "type": "quantitative"}}}


def test_chart_images_render_offline() -> None:
    png = chart_images.png(BAR)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    svg = chart_images.svg(BAR).decode()
    assert svg.startswith("<svg") and "Äänekoski" in svg, "SVG keeps its text as text"
    assert chart_images.file_stem(BAR) == "kuntien-maara-aland"
    assert chart_images.file_stem({"mark": "bar"}) == "chart"


def test_chart_images_never_fetch_data() -> None:
    remote = {**BAR, "data": {"url": "https://example.org/data.json"}}
    with pytest.raises(chart_images.ChartImageError, match="not allowed"):
        chart_images.png(remote)
    with pytest.raises(chart_images.ChartImageError, match="not allowed"):
        chart_images.svg(remote)


def test_report_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("report", "--help") == EXIT_OK
    out = capsys.readouterr().out
    assert all(option in out for option in ("--area", "--lang", "--as-of", "--format", "--out"))
