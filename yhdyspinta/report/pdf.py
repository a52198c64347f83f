"""The report as an A4 PDF (fpdf2): real, searchable text in DejaVu Sans (Debian's
fonts-dejavu-core, for å, ä and ö), the charts and the map as PNG images rendered by
vl-convert from the app's own Vega-Lite specs, each with its heading as alternative text."""

from __future__ import annotations

import io
import os
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace
from PIL import Image

from yhdyspinta import chart_images
from yhdyspinta.i18n import t
from yhdyspinta.report.content import Figure, Report

ENV_FONT_DIR = "YHDYSPINTA_FONT_DIR"
FONT_DIRS: tuple[Path, ...] = (Path("/usr/share/fonts/truetype/dejavu"),)
FONT = "DejaVu"
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}

MARGIN = 15.0  # mm
PAGE_WIDTH = 210.0
PAGE_HEIGHT = 297.0
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
FOOTER_SPACE = 14.0
MM_PER_PX = 25.4 / 96  # a CSS pixel
IMAGE_SCALE = 2.0  # vl-convert renders at twice the spec's size
# Columns of the scorecard: indicator, the area, the whole country, N, note (mm; sum = TEXT_WIDTH).
COLUMN_WIDTHS = (64.0, 32.0, 32.0, 14.0, 38.0)
INK = (0, 0, 0)
GREY = (70, 70, 70)
RULE = (150, 150, 150)
HEADING_FILL = (225, 232, 240)
BANNER_FILL = (255, 240, 200)
ZEBRA_FILL = (244, 246, 249)


class FontMissing(RuntimeError):
    """DejaVu Sans is not installed (Debian: fonts-dejavu-core)."""


def font_dir() -> Path:
    candidates = [Path(os.environ[ENV_FONT_DIR])] if os.environ.get(ENV_FONT_DIR) else []
    for folder in (*candidates, *FONT_DIRS):
        if all((folder / name).is_file() for name in FONT_FILES.values()):
            return folder
    raise FontMissing("DejaVu Sans not found: install Debian's fonts-dejavu-core "
                      f"or set {ENV_FONT_DIR} to a folder with {', '.join(FONT_FILES.values())}")


class _Document(FPDF):
    def __init__(self, report: Report) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.report = report
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, margin=FOOTER_SPACE + 4)
        folder = font_dir()
        for style, name in FONT_FILES.items():
            self.add_font(FONT, style, str(folder / name))
        self.set_lang(report.lang)
        self.set_title(report.title)
        self.set_subject(report.subtitle)
        self.set_author("Yhdyspinta")
        self.set_creator("Yhdyspinta")
        self.set_creation_date(datetime.now(UTC))

    def footer(self) -> None:
        self.set_y(-FOOTER_SPACE)
        self.set_font(FONT, "", 8)
        self.set_text_color(*GREY)
        left = f"Yhdyspinta · {self.report.area_name} · {self.report.subtitle}"
        self.cell(TEXT_WIDTH * 0.75, 5, left, align="L")
        self.cell(TEXT_WIDTH * 0.25, 5, t("report.page", self.report.lang, page=self.page_no(), pages="{nb}"),
                  align="R")


def _heading(pdf: _Document, text: str, size: float = 13) -> None:
    pdf.set_font(FONT, "B", size)
    pdf.set_text_color(*INK)
    pdf.multi_cell(TEXT_WIDTH, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def _paragraph(pdf: _Document, text: str, size: float = 9, colour: tuple[int, int, int] = INK) -> None:
    pdf.set_font(FONT, "", size)
    pdf.set_text_color(*colour)
    pdf.multi_cell(TEXT_WIDTH, size * 0.48, text, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)


def _title(pdf: _Document, report: Report) -> None:
    pdf.set_font(FONT, "B", 20)
    pdf.multi_cell(TEXT_WIDTH, 9, report.title, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 13)
    pdf.cell(TEXT_WIDTH, 8, report.subtitle, new_x="LMARGIN", new_y="NEXT")
    _paragraph(pdf, report.data_line, 8.5, GREY)
    if report.example_data:
        pdf.set_fill_color(*BANNER_FILL)
        pdf.set_font(FONT, "B", 9)
        pdf.multi_cell(TEXT_WIDTH, 5, t("banner.example", report.lang), fill=True, padding=1.5, align="L",
                       new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.ln(2)


def _scorecard(pdf: _Document, report: Report) -> None:
    _heading(pdf, t("report.indicators", report.lang))
    pdf.set_font(FONT, "", 8.5)
    pdf.set_text_color(*INK)
    pdf.set_draw_color(*RULE)
    pdf.set_fill_color(255, 255, 255)
    headings = FontFace(emphasis="BOLD", fill_color=HEADING_FILL)
    with pdf.table(col_widths=COLUMN_WIDTHS, text_align=("LEFT", "RIGHT", "RIGHT", "RIGHT", "LEFT"),
                   headings_style=headings, line_height=4.4, padding=1, first_row_as_headings=True,
                   width=TEXT_WIDTH, cell_fill_color=ZEBRA_FILL, cell_fill_mode="ROWS") as table:
        table.row(list(report.columns))
        for row in report.rows:
            table.row([row.label, row.area, row.country, row.n, row.note])
    pdf.ln(2)
    for note in report.table_notes:
        _paragraph(pdf, note, 8.5)
    _heading(pdf, t("report.definitions", report.lang), 11)
    for row in report.rows:
        with pdf.unbreakable() as block:  # a definition never runs over a page break
            block.set_font(FONT, "B", 8.5)
            block.set_text_color(*INK)
            block.multi_cell(TEXT_WIDTH, 4.2, row.label, align="L", new_x="LMARGIN", new_y="NEXT")
            _paragraph(block, row.about.replace("\n\n", "\n"), 8.5)


def _figure(pdf: _Document, figure: Figure) -> None:
    png = chart_images.png(figure.spec, scale=IMAGE_SCALE)
    with Image.open(io.BytesIO(png)) as image:
        px_w, px_h = image.size
    width = min(TEXT_WIDTH, px_w / IMAGE_SCALE * MM_PER_PX)
    height = width * px_h / px_w
    room = PAGE_HEIGHT - MARGIN - FOOTER_SPACE - 4
    heading_space = 12.0
    limit = room - MARGIN - heading_space - 12  # a whole page: the heading and a note fit too
    if height > limit:
        width, height = width * limit / height, limit
    if pdf.get_y() + heading_space + height > room:
        pdf.add_page()
    _heading(pdf, figure.heading)
    pdf.image(io.BytesIO(png), x=MARGIN + (TEXT_WIDTH - width) / 2, w=width, h=height,
              alt_text=f"{figure.heading}. {figure.note}".strip(), title=figure.heading)
    pdf.ln(2)
    if figure.note:
        _paragraph(pdf, figure.note, 8.5, GREY)
    pdf.ln(3)


def write(report: Report) -> bytes:
    """The report as PDF bytes."""
    pdf = _Document(report)
    pdf.add_page()
    _title(pdf, report)
    _scorecard(pdf, report)
    pdf.ln(4)
    for figure in report.figures:
        _figure(pdf, figure)
    _heading(pdf, t("report.sources", report.lang))
    if report.map_missing:
        _paragraph(pdf, report.map_missing)
    for line in report.sources:
        with pdf.unbreakable() as block:
            _paragraph(block, line)
    return bytes(pdf.output())
