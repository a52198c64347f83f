"""The report as PowerPoint slides (python-pptx) for a council meeting: one slide per section
of the report (`Report.sections()`): the title, the indicators beside the whole country (their
definitions in the slide's notes), each chart, the map, the sources."""

from __future__ import annotations

import io

from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import PP_ALIGN
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from yhdyspinta import chart_images
from yhdyspinta.i18n import t
from yhdyspinta.report.content import Figure, Report

SLIDE_WIDTH = Inches(13.333)  # 16:9
SLIDE_HEIGHT = Inches(7.5)
MARGIN = Inches(0.5)
TITLE_HEIGHT = Inches(0.9)
BLANK_LAYOUT = 6
TABLE_FONT = Pt(11)
HEADER_FILL = RGBColor(0xE1, 0xE8, 0xF0)
INK = RGBColor(0, 0, 0)
GREY = RGBColor(0x46, 0x46, 0x46)
IMAGE_SCALE = 2.0
# Columns of the scorecard (inches): indicator, the area, the whole country, N, note.
COLUMN_WIDTHS = (4.6, 2.4, 2.4, 0.8, 2.13)


def _text_box(slide: Slide, text: str, top: int, height: int, size: Pt, *, bold: bool = False,
              colour: RGBColor = INK) -> None:
    box = slide.shapes.add_textbox(MARGIN, top, SLIDE_WIDTH - 2 * MARGIN, height)
    frame = box.text_frame
    frame.word_wrap = True
    for i, line in enumerate(text.split("\n")):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.text = line
        paragraph.font.size = size
        paragraph.font.bold = bold
        paragraph.font.color.rgb = colour
        paragraph.space_after = Pt(6)


def _slide(deck: Presentation, title: str) -> Slide:  # type: ignore[valid-type]
    slide = deck.slides.add_slide(deck.slide_layouts[BLANK_LAYOUT])
    _text_box(slide, title, MARGIN // 2, TITLE_HEIGHT, Pt(28), bold=True)
    return slide


def _title_slide(deck: Presentation, report: Report) -> None:  # type: ignore[valid-type]
    slide = deck.slides.add_slide(deck.slide_layouts[BLANK_LAYOUT])
    _text_box(slide, report.title, Inches(2.0), Inches(1.6), Pt(40), bold=True)
    _text_box(slide, report.subtitle, Inches(3.7), Inches(0.7), Pt(28))
    lines = [report.data_line, *([t("banner.example", report.lang)] if report.example_data else [])]
    _text_box(slide, "\n".join(lines), Inches(4.6), Inches(1.5), Pt(16), colour=GREY)


def _indicator_slide(deck: Presentation, report: Report) -> None:  # type: ignore[valid-type]
    slide = _slide(deck, t("report.indicators", report.lang))
    rows, columns = len(report.rows) + 1, len(report.columns)
    top = MARGIN + TITLE_HEIGHT
    height = SLIDE_HEIGHT - top - MARGIN - Inches(0.3)
    shape = slide.shapes.add_table(rows, columns, MARGIN, top, SLIDE_WIDTH - 2 * MARGIN, height)
    table = shape.table
    for i, width in enumerate(COLUMN_WIDTHS):
        table.columns[i].width = Inches(width)
    cells = [list(report.columns), *([r.label, r.area, r.country, r.n, r.note] for r in report.rows)]
    row_height = int(height / rows)
    for r, values in enumerate(cells):
        table.rows[r].height = row_height
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.text = value
            cell.margin_top = cell.margin_bottom = Emu(0)
            paragraph = cell.text_frame.paragraphs[0]
            paragraph.font.size = Pt(9) if c == len(values) - 1 and r else TABLE_FONT
            paragraph.font.bold = r == 0
            paragraph.font.color.rgb = INK
            paragraph.alignment = PP_ALIGN.RIGHT if c in (1, 2, 3) else PP_ALIGN.LEFT
            cell.fill.solid()
            cell.fill.fore_color.rgb = HEADER_FILL if r == 0 else RGBColor(0xFF, 0xFF, 0xFF)
    notes = [t("report.definitions", report.lang), *(f"{r.label}: {r.about}" for r in report.rows),
             *report.table_notes]
    slide.notes_slide.notes_text_frame.text = "\n".join(notes)
    _text_box(slide, t("report.definitions_in_notes", report.lang), SLIDE_HEIGHT - MARGIN - Inches(0.2),
              Inches(0.4), Pt(10), colour=GREY)


def _figure_slide(deck: Presentation, figure: Figure) -> None:  # type: ignore[valid-type]
    slide = _slide(deck, figure.heading)
    png = chart_images.png(figure.spec, scale=IMAGE_SCALE)
    with Image.open(io.BytesIO(png)) as image:
        px_w, px_h = image.size
    note_height = Inches(0.6) if figure.note else 0
    box_w = SLIDE_WIDTH - 2 * MARGIN
    box_h = SLIDE_HEIGHT - MARGIN - TITLE_HEIGHT - MARGIN - note_height
    scale = min(box_w / px_w, box_h / px_h)
    width, height = int(px_w * scale), int(px_h * scale)
    left = int((SLIDE_WIDTH - width) / 2)
    picture = slide.shapes.add_picture(io.BytesIO(png), left, MARGIN + TITLE_HEIGHT, width, height)
    # The picture's description, read out by screen readers (PowerPoint's alt text).
    picture._element.nvPicPr.cNvPr.set("descr", f"{figure.heading}. {figure.note}".strip())
    if figure.note:
        _text_box(slide, figure.note, SLIDE_HEIGHT - MARGIN - note_height, note_height, Pt(12), colour=GREY)


def _sources_slide(deck: Presentation, report: Report) -> None:  # type: ignore[valid-type]
    slide = _slide(deck, t("report.sources", report.lang))
    lines = [*([report.map_missing] if report.map_missing else []), *report.sources]
    _text_box(slide, "\n".join(lines), MARGIN + TITLE_HEIGHT, SLIDE_HEIGHT - 2 * MARGIN - TITLE_HEIGHT, Pt(16))


def write(report: Report) -> bytes:
    """The report as .pptx bytes, one slide per section."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    deck.core_properties.title = report.title
    deck.core_properties.subject = report.subtitle
    deck.core_properties.author = "Yhdyspinta"
    deck.core_properties.language = report.lang
    _title_slide(deck, report)
    _indicator_slide(deck, report)
    for figure in report.figures:
        _figure_slide(deck, figure)
    _sources_slide(deck, report)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()
