"""Reports to take home: one area's scorecard with its charts and map, as an A4 PDF or as
PowerPoint slides (`python -m yhdyspinta report`, and the download on the area profile)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from sqlalchemy import Engine

from yhdyspinta.report.content import Report, SpecBuilder, altair_spec, build

Format = Literal["pdf", "pptx"]
FORMATS: tuple[str, ...] = ("pdf", "pptx")
MIME_TYPES: dict[str, str] = {
    "pdf": "application/pdf",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}


def write(report: Report, fmt: str) -> bytes:
    """The report in `fmt` (pdf or pptx)."""
    if fmt == "pdf":
        from yhdyspinta.report import pdf

        return pdf.write(report)
    if fmt == "pptx":
        from yhdyspinta.report import slides

        return slides.write(report)
    raise ValueError(f"unknown report format {fmt!r}; expected one of {', '.join(FORMATS)}")


def make(engine: Engine, area: int, lang: str, as_of: date, fmt: str, *,
         spec: SpecBuilder = altair_spec) -> bytes:
    """The report of `area` on `as_of` in `lang`, as `fmt` bytes."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return write(build(engine, area, lang, as_of, spec=spec), fmt)


__all__ = ["FORMATS", "MIME_TYPES", "Format", "Report", "build", "make", "write"]
