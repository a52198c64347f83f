"""Text from people or from the address bar, shown as text and never as Markdown.

Streamlit renders Markdown – links, images, emphasis, `:colour[...]` directives, `$maths$` –
in `st.markdown`, `st.caption`, `st.write`, the alerts (`st.info`, `st.warning`, ...), widget
labels, expander labels and help tooltips. A value someone typed (a stored name, an e-mail
address, a file's column headers, an error naming a record) or put in the address (`?alue=...`)
reaches those only through this module:

* `text(key, lang, **values)`: the message `key` with every value escaped (numbers as they are);
* `escape(value)`: one value escaped, for a Markdown string of our own (`f"**{escape(name)}**"`).

Escaping puts a backslash before every ASCII punctuation character (CommonMark lets each be
escaped and then shows it as itself), so no link, image, emphasis, HTML, autolink, directive or
maths survives; line breaks become spaces, so a value cannot start a heading, list or code
block. Selectbox and multiselect options and table cells are plain text already: not for those.
"""

from __future__ import annotations

import string

from yhdyspinta.i18n import t

_ESCAPES: dict[int, str] = {ord(c): "\\" + c for c in string.punctuation}
_ESCAPES.update({code: " " for code in (*range(0x20), 0x7F, 0x85, 0x2028, 0x2029)})


def escape(value: object) -> str:
    """`value` as Markdown that shows exactly its text, on one line."""
    return str(value).translate(_ESCAPES)


def text(key: str, lang: str, /, **values: object) -> str:
    """The message `key` in `lang`, every value in it shown as text (numbers unchanged)."""
    return t(key, lang, **{name: value if isinstance(value, int | float) else escape(value)
                           for name, value in values.items()})
