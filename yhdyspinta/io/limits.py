"""Every limit on a file to import, in one place.

A file breaking one is refused with a message naming the limit, and reading stops as soon as
it is crossed: a workbook is counted while it is unpacked and parsed, never after. The limits
are set so that no file costs much more than the largest ordinary one. On the shared 2-core
development machine a workbook of 100 000 rows of 12 columns (1.2 million cells, 3.5 MB) took
15-18 s to read; a 113 KB workbook of 2.7 million shared strings is refused in about 1 s (the
reader before these limits took 57 s and 320 MB for it, reading it twice), 37 KB of nine million
empty elements in 0.2 s, 16 KB of 1.6 million empty rows in 3.5 s.
"""

from __future__ import annotations

MB = 1024 * 1024

# The file as uploaded or named on the command line: CSV bytes or the compressed workbook.
# Streamlit's own cap, `server.maxUploadSize` in .streamlit/config.toml, is the same 20 (MB).
MAX_FILE_MB = 20
MAX_FILE_BYTES = MAX_FILE_MB * MB
# Data rows (the header row not counted).
MAX_ROWS = 100_000
# Cells read, counting the empty ones a row holds before its last value and one for each
# empty row: 100 000 rows of 15 columns.
MAX_CELLS = 1_500_000

# --- workbooks (.xlsx): a zip of XML parts --------------------------------------------------
# The parts unpacked: the sizes the zip declares for all of them, and the bytes actually read.
MAX_UNPACKED_MB = 100
MAX_UNPACKED_BYTES = MAX_UNPACKED_MB * MB
# Parts in the zip (a workbook has tens; each costs memory before anything is read).
MAX_PARTS = 10_000
# Distinct texts in the shared-string table (every one is read before any cell).
MAX_SHARED_STRINGS = 300_000
# XML elements of the sheet and the shared strings together, whatever they are: unknown or
# empty elements cost parsing time too.
MAX_XML_ELEMENTS = 8_000_000
# XML elements of each other part read (content types, workbook, its relationships, styles),
# which are parsed whole into objects, about 15 µs an element.
MAX_PART_ELEMENTS = 200_000


def shown_count(value: int) -> str:
    """100000 as "100 000", as the messages write a limit."""
    return f"{value:,}".replace(",", " ")
