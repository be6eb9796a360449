"""Writing to the terminal: user text made harmless, colour only on a terminal, 80-column tables.

Everything a command prints goes through a :class:`Console`. Its
:meth:`Console.print` takes plain strings and :class:`Styled` pieces and shows
every character that could steer a terminal (escape sequences, carriage
returns, bidirectional overrides) as a visible escape, so a company named
``"\\x1b[2J"`` is printed as those characters rather than clearing the
screen. Colour codes are added after that, and only when the stream is a
terminal (``NO_COLOR`` turns colour off, ``FORCE_COLOR`` turns it on).
"""

from __future__ import annotations

import os
import textwrap
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple, TextIO

from followup._text import BIDI_CONTROLS, display_width

__all__ = [
    "WIDTH",
    "Column",
    "Console",
    "Styled",
    "colour_wanted",
    "one_line",
    "table_lines",
    "terminal_safe",
    "wrapped",
]

#: Tables and paragraphs are laid out for this many columns.
WIDTH = 80

_STYLES: dict[str, str] = {
    "bold": "1",
    "dim": "2",
    "pass": "32",
    "fail": "31",
    "undecided": "33",
    "warning": "33",
    "overdue": "1;31",
    "due": "1;33",
    "error": "1;31",
}
_LINE_SEPARATORS = frozenset("\u2028\u2029")


class Styled(NamedTuple):
    """A piece of text to print in a style (``"bold"``, ``"pass"``, ``"overdue"``, ...)."""

    text: str
    style: str


Piece = str | Styled


def terminal_safe(text: str, *, keep_newlines: bool = True) -> str:
    r"""The text with every character that could steer a terminal shown as an escape.

    Control characters (ESC, carriage return, NUL, C1 codes, ...),
    bidirectional overrides, Unicode line separators and lone surrogates (from
    file names that are not UTF-8) become ``\xNN`` or ``\uNNNN``; newlines and
    tabs are kept unless ``keep_newlines`` is false.

    >>> terminal_safe("\x1b[2JAcme")
    '\\x1b[2JAcme'
    >>> terminal_safe("AT&T <Legal> 東京")
    'AT&T <Legal> 東京'
    """
    if text.isprintable():
        return text
    kept = "\n\t" if keep_newlines else ""
    pieces = []
    for char in text:
        if char in kept:
            pieces.append(char)
        elif (
            unicodedata.category(char) in ("Cc", "Cs")
            or char in BIDI_CONTROLS
            or char in _LINE_SEPARATORS
        ):
            code = ord(char)
            pieces.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            pieces.append(char)
    return "".join(pieces)


def one_line(message: str) -> str:
    """A message of several lines (a list of problems) joined into one line.

    >>> one_line("2 problems:\\n  - a must be b; got 'c'\\n  - d must be e; got 'f'")
    "2 problems: a must be b; got 'c'; d must be e; got 'f'"
    """
    lines = [line.strip() for line in message.splitlines()]
    lines = [line.removeprefix("- ") for line in lines if line]
    if not lines:
        return ""
    return " ".join([lines[0], "; ".join(lines[1:])]).strip()


def _cut(text: str, width: int) -> str:
    """The text shortened to ``width`` columns, ending in an ellipsis when cut."""
    if display_width(text) <= width:
        return text
    kept, used = [], 0
    for char in text:
        char_width = display_width(char)
        if used + char_width > width - 1:
            break
        kept.append(char)
        used += char_width
    return "".join(kept) + "…"


def wrapped(text: str, *, indent: int = 0, hanging: int = 0, width: int = WIDTH) -> list[str]:
    """A paragraph wrapped to ``width`` columns, indented by ``indent`` spaces.

    Lines after the first are indented ``hanging`` spaces more (for list items).

    >>> wrapped("- one two three", indent=2, hanging=2, width=12)
    ['  - one two', '    three']
    """
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=" " * indent,
        subsequent_indent=" " * (indent + hanging),
        break_long_words=True,
        break_on_hyphens=False,
    ) or [" " * indent]


@dataclass(frozen=True)
class Column:
    """A table column: its header, alignment, and whether it may be shortened to fit."""

    header: str
    align: Literal["left", "right"] = "left"
    shrink: bool = False
    min_width: int = 8


def table_lines(
    columns: Sequence[Column], rows: Iterable[Sequence[Piece]], *, width: int = WIDTH
) -> list[list[Piece]]:
    """Lay out a table in at most ``width`` columns (header first, two spaces between columns).

    Cells are strings or :class:`Styled` pieces. When the table is too wide,
    the widest shrinkable column is shortened (its cells end in "…") until it
    fits or every shrinkable column is at its minimum width.
    """
    body = [[_as_styled(cell) for cell in row] for row in rows]
    texts = [[terminal_safe(cell.text, keep_newlines=False) for cell in row] for row in body]
    widths = [display_width(column.header) for column in columns]
    for row in texts:
        for index, text in enumerate(row):
            widths[index] = max(widths[index], display_width(text))
    gap = 2 * (len(columns) - 1)
    while sum(widths) + gap > width:
        candidates = [
            index
            for index, column in enumerate(columns)
            if column.shrink and widths[index] > max(column.min_width, display_width(column.header))
        ]
        if not candidates:
            break
        widest = max(candidates, key=lambda index: widths[index])
        widths[widest] -= 1
    header = [Styled(column.header, "bold") for column in columns]
    lines = [_table_row(columns, widths, header, [c.text for c in header])]
    lines += [
        _table_row(columns, widths, cells, row) for cells, row in zip(body, texts, strict=True)
    ]
    return lines


def _as_styled(cell: Piece) -> Styled:
    return cell if isinstance(cell, Styled) else Styled(cell, "")


def _table_row(
    columns: Sequence[Column], widths: Sequence[int], cells: Sequence[Styled], texts: Sequence[str]
) -> list[Piece]:
    pieces: list[Piece] = []
    last = len(columns) - 1
    for index, (column, cell, text) in enumerate(zip(columns, cells, texts, strict=True)):
        shown = _cut(text, widths[index])
        padding = " " * (widths[index] - display_width(shown))
        if index == last and column.align == "left":
            padding = ""  # no trailing spaces
        if column.align == "right":
            pieces.append(padding)
        pieces.append(Styled(shown, cell.style))
        if column.align == "left":
            pieces.append(padding)
        if index != last:
            pieces.append("  ")
    return pieces


def colour_wanted(stream: TextIO, environ: Mapping[str, str] | None = None) -> bool:
    """Whether to colour what goes to ``stream``: a terminal, unless the environment says otherwise.

    ``NO_COLOR`` (non-empty) turns colour off and wins; ``FORCE_COLOR``
    (non-empty) turns it on; ``TERM=dumb`` turns it off.
    """
    environ = os.environ if environ is None else environ
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    if environ.get("TERM") == "dumb":
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


class Console:
    """Where a command's output goes: ``out`` for results, ``err`` for errors and notices."""

    def __init__(
        self,
        out: TextIO,
        err: TextIO,
        *,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        self.out = out
        self.err = err
        self.out_colour = colour_wanted(out, environ)
        self.err_colour = colour_wanted(err, environ)

    def print(self, *pieces: Piece, file: Literal["out", "err"] = "out") -> None:
        """Print pieces on one line; user text is made terminal-safe, styles become colour."""
        stream, colour = (
            (self.out, self.out_colour) if file == "out" else (self.err, self.err_colour)
        )
        _write(stream, "".join(_render(piece, colour) for piece in pieces) + "\n")

    def lines(self, lines: Iterable[Sequence[Piece]]) -> None:
        """Print several lines, each a sequence of pieces."""
        for line in lines:
            self.print(*line)

    def paragraph(self, text: str, *, indent: int = 0, hanging: int = 0) -> None:
        """Print text wrapped to the terminal width (see :func:`wrapped`)."""
        for line in wrapped(text, indent=indent, hanging=hanging):
            self.print(line)

    def data(self, text: str) -> None:
        """Print machine-readable output (CSV, JSON) as it is (made terminal-safe on a terminal)."""
        try:
            interactive = self.out.isatty()
        except (AttributeError, ValueError, OSError):
            interactive = False
        text = text if text.endswith("\n") else text + "\n"
        _write(self.out, terminal_safe(text) if interactive else text)

    def error(self, message: str) -> None:
        """The one line an error gets on stderr: ``error: <message>``."""
        self.print(Styled("error:", "error"), " ", one_line(message), file="err")

    def notice(self, message: str) -> None:
        """A line on stderr that is not an error (a hint, a warning)."""
        self.print(message, file="err")


def _write(stream: TextIO, text: str) -> None:
    try:
        stream.write(text)
    except UnicodeEncodeError:
        # A terminal that cannot show a character (a legacy code page) gets an escape instead.
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "backslashreplace").decode(encoding))


def _render(piece: Piece, colour: bool) -> str:
    if isinstance(piece, Styled):
        text = terminal_safe(piece.text)
        code = _STYLES.get(piece.style)
        if colour and code and text:
            return f"\x1b[{code}m{text}\x1b[0m"
        return text
    return terminal_safe(piece)
