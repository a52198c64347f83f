"""One-off: write yhdyspinta/locale/{fi,sv,en}/LC_MESSAGES/messages.po from the Python text dicts.

Run once (`python tools/po_from_dicts.py`) when the texts moved to gettext catalogs; the .po files
are the source from then on and this script goes away with the dicts it reads.
"""

from __future__ import annotations

from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from yhdyspinta.i18n import COLUMN_LABELS, ENUM_LABELS, LANGUAGES, MESSAGES

NAMES = {"fi": "Finnish", "sv": "Swedish", "en": "English"}
HEADER = ("# {language} texts of Yhdyspinta: msgid is the key the code passes to\n"
          "# t() or tn(), msgstr the text. See the README, section Translations.")
NOW = datetime.now(UTC).replace(second=0, microsecond=0)
LOCALE_DIR = Path(__file__).resolve().parent.parent / "yhdyspinta" / "locale"


def entries() -> list[tuple[str, dict[str, str]]]:
    out = list(MESSAGES.items())
    out += [(f"column.{field}", texts) for field, texts in COLUMN_LABELS.items()]
    out += [(f"enum.{enum}.{code}", texts) for enum, codes in ENUM_LABELS.items() for code, texts in codes.items()]
    return out


def main() -> None:
    for lang in LANGUAGES:
        catalog = Catalog(locale=lang, domain="messages", project="yhdyspinta", version="0.1.0",
                          header_comment=HEADER.format(language=NAMES[lang]), msgid_bugs_address="",
                          last_translator="Yhdyspinta", language_team="Yhdyspinta",
                          creation_date=NOW, revision_date=NOW, charset="utf-8", fuzzy=False)
        for key, texts in entries():
            catalog.add(key, texts[lang])
        path = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
        path.parent.mkdir(parents=True, exist_ok=True)
        buffer = BytesIO()
        write_po(buffer, catalog, omit_header=False, sort_output=False, include_previous=False)
        # No address to report to: leave out Babel's placeholder.
        path.write_bytes(buffer.getvalue().replace(b'"Report-Msgid-Bugs-To: EMAIL@ADDRESS\\n"\n', b""))
        print(f"{path}: {len(catalog)} messages")


if __name__ == "__main__":
    main()
