"""Text helpers every layer shares: how wide a string is, and which characters reorder text.

Standard library only; imports nothing from followup, so that the model, the
exports, the charts and the command line can all use it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

__all__ = ["BIDI_CONTROLS", "CharWidth", "column_width", "display_width", "text_width"]

#: Characters that reorder the text around them (bidirectional marks, embeddings,
#: overrides and isolates): never let into a header, and shown escaped on a terminal.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)

#: The width of one character, in whatever unit a caller measures (columns, points).
CharWidth = Callable[[str], float]


def column_width(char: str) -> int:
    """Terminal columns one character takes: two for wide ones (CJK, many emoji), none for marks.

    Combining accents and invisible format characters (a zero-width joiner, say)
    take no column.

    >>> column_width("a"), column_width("日"), column_width("\u0301"), column_width("\u200d")
    (1, 2, 0, 0)
    """
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Terminal columns the text takes: wide East Asian characters count two, marks none.

    >>> display_width("Acme"), display_width("日本語"), display_width("Socie\u0301te\u0301")
    (4, 6, 7)
    """
    return sum(column_width(char) for char in text)


def text_width(text: str, char_width: CharWidth) -> float:
    """The width of ``text`` in the unit ``char_width`` measures (points, ems, ...).

    >>> text_width("Acme", lambda char: 0.5)
    2.0
    """
    return sum(char_width(char) for char in text)
