"""Writing to the terminal: user text made harmless, colour only on a terminal, fitted tables.

Everything a command prints goes through a :class:`Console`. User text is
first made terminal-safe (:func:`terminal_safe`): every character that could
steer a terminal (escape sequences, carriage returns, bidirectional
overrides, line separators) is shown as a visible escape, so a company named
``"\\x1b[2J"`` is printed as those characters rather than clearing the
screen. It then reaches rich only inside a ``rich.text.Text``, never as
markup, so ``"[bold]Acme[/bold]"`` prints as typed. rich wraps paragraphs and
lays out tables in the width of the terminal (80 columns at most, measuring
wide CJK characters as two) and adds colour, only when the stream is a
terminal (``NO_COLOR`` turns colour off, ``FORCE_COLOR`` turns it on).

rich is imported on the first print, not with this module: ``followup --help``
never prints through a Console and so never pays for it.
"""

from __future__ import annotations

import contextlib
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, NamedTuple, TextIO

from followup._text import BIDI_CONTROLS

if TYPE_CHECKING:
    from rich.console import Console as RichConsole
    from rich.console import RenderableType
    from rich.text import Text

__all__ = [
    "WIDTH",
    "Column",
    "Console",
    "Piece",
    "Styled",
    "colour_wanted",
    "one_line",
    "terminal_safe",
]

#: Tables and paragraphs are laid out in this many columns, or fewer on a narrower terminal.
WIDTH = 80
#: Tables never get fewer columns: narrower, the shortened columns would vanish altogether
#: (the terminal wraps the lines instead).
TABLE_MIN_WIDTH = 60

#: The styles pieces of output may ask for, as rich style definitions.
STYLES: dict[str, str] = {
    "bold": "bold",
    "dim": "dim",
    "pass": "green",
    "fail": "red",
    "undecided": "yellow",
    "warning": "yellow",
    "overdue": "bold red",
    "due": "bold yellow",
    "error": "bold red",
}
_LINE_SEPARATORS = frozenset("\u2028\u2029")
# rich pads every table cell and wrapped line to its width; the padding at the end of a
# line (possibly followed by the codes that end a style) is noise in a pasted table.
_TRAILING_SPACES = re.compile(r" +((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)


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
    tabs are kept unless ``keep_newlines`` is false. (rich itself lets ESC
    through and drops only five other controls, silently.)

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


@dataclass(frozen=True)
class Column:
    """A table column: its header, alignment, and whether it may be shortened to fit.

    A column that may not shrink keeps its width (numbers, verdicts); when the
    table is too wide, the widest shrinkable columns are shortened first and
    their cells end in "…".
    """

    header: str
    align: Literal["left", "right"] = "left"
    shrink: bool = False


def colour_wanted(stream: TextIO, environ: Mapping[str, str] | None = None) -> bool:
    """Whether to colour what goes to ``stream``: a terminal, unless the environment says otherwise.

    ``NO_COLOR`` (non-empty) turns colour off and wins; ``FORCE_COLOR``
    (non-empty) turns it on; ``TERM=dumb`` turns it off. (Decided here rather
    than by rich, which keeps bold under ``NO_COLOR`` and would have to be
    imported to decide.)

    >>> import io
    >>> colour_wanted(io.StringIO(), {"FORCE_COLOR": "1"}), colour_wanted(io.StringIO(), {})
    (True, False)
    """
    environ = os.environ if environ is None else environ
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    if environ.get("TERM") == "dumb":
        return False
    return _is_terminal(stream)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def _width_of(stream: TextIO) -> int:
    """:data:`WIDTH`, or the terminal's width when ``stream`` is a narrower terminal."""
    if not _is_terminal(stream):
        return WIDTH
    try:
        columns = os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, ValueError, OSError):
        return WIDTH
    return min(WIDTH, columns) if columns > 0 else WIDTH


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
        self.width = _width_of(out)
        self._renderers: dict[bool, RichConsole] = {}

    def print(self, *pieces: Piece, file: Literal["out", "err"] = "out") -> None:
        """Print pieces on one line, as long as it is; user text is made terminal-safe."""
        if file == "out":
            self._show(_text(pieces), self.out, self.out_colour)
        else:
            self._show(_text(pieces), self.err, self.err_colour)

    def paragraph(self, text: str, *, indent: int = 0, bullet: bool = False) -> None:
        """Print text wrapped to the width, indented by ``indent`` spaces.

        With ``bullet`` the paragraph is a list item: ``- `` first, and the
        lines after the first indented under the text.
        """
        from rich.padding import Padding
        from rich.table import Table

        body: RenderableType = _text([text])
        if bullet:
            body = Table.grid()
            body.add_column()
            body.add_column(overflow="fold")  # a word too long for a line is cut, not dropped
            body.add_row("- ", _text([text]))
        self._show(Padding(body, (0, 0, 0, indent)), self.out, self.out_colour, width=self.width)

    def table(self, columns: Sequence[Column], rows: Iterable[Sequence[Piece]]) -> None:
        """Print a table in the width (header first, two spaces between columns).

        Cells are strings or :class:`Styled` pieces, each kept on one line.
        When the table is too wide, the widest shrinkable columns are shortened
        (their cells end in "…") until it fits.
        """
        from rich.table import Table

        grid = Table(box=None, padding=(0, 1), pad_edge=False, show_edge=False, header_style="")
        for column in columns:
            grid.add_column(
                _text([Styled(column.header, "bold")], cell=True),
                justify=column.align,
                no_wrap=not column.shrink,
            )
        for row in rows:
            grid.add_row(*(_text([piece], cell=True) for piece in row))
        self._show(grid, self.out, self.out_colour, width=max(self.width, TABLE_MIN_WIDTH))

    def data(self, text: str) -> None:
        """Print machine-readable output (CSV, JSON) as it is (made terminal-safe on a terminal)."""
        text = text if text.endswith("\n") else text + "\n"
        _write(self.out, terminal_safe(text) if _is_terminal(self.out) else text)

    def error(self, message: str) -> None:
        """The one line an error gets on stderr: ``error: <message>``."""
        self.print(Styled("error:", "error"), " ", one_line(message), file="err")

    def notice(self, message: str) -> None:
        """A line on stderr that is not an error (a hint, a warning)."""
        self.print(message, file="err")

    def flush(self) -> None:
        """Send what was printed on now (a pipe would hold it back)."""
        for stream in (self.out, self.err):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()

    def _renderer(self, colour: bool) -> RichConsole:
        """A rich console that renders into a string (written by :func:`_write`)."""
        if colour not in self._renderers:
            import io

            from rich.console import Console as RichConsole

            # Every choice rich would make from the environment is made here instead.
            self._renderers[colour] = RichConsole(
                file=io.StringIO(),
                width=max(self.width, TABLE_MIN_WIDTH),
                color_system="standard" if colour else None,
                force_terminal=colour,
                force_jupyter=False,
                no_color=not colour,
                markup=False,
                emoji=False,
                highlight=False,
                legacy_windows=False,
            )
        return self._renderers[colour]

    def _show(
        self, renderable: RenderableType, stream: TextIO, colour: bool, *, width: int | None = None
    ) -> None:
        """Print through rich: as it is, or laid out in ``width`` columns."""
        renderer = self._renderer(colour)
        with renderer.capture() as captured:
            renderer.print(renderable, soft_wrap=width is None, width=width)
        rendered = captured.get()
        _write(stream, rendered if width is None else _TRAILING_SPACES.sub(r"\1", rendered))


def _text(pieces: Iterable[Piece], *, cell: bool = False) -> Text:
    """Pieces as one rich Text: terminal-safe, styled by span, never read as markup.

    A table ``cell`` stays on one line, shortened with an ellipsis rather than wrapped.
    """
    from rich.text import Text

    # Styled by spans, not by a base style, so that the padding rich adds stays plain.
    text = Text(no_wrap=cell or None, overflow="ellipsis" if cell else None)
    for piece in pieces:
        styled = piece if isinstance(piece, Styled) else Styled(piece, "")
        text.append(terminal_safe(styled.text, keep_newlines=not cell), STYLES.get(styled.style))
    return text


def _write(stream: TextIO, text: str) -> None:
    try:
        stream.write(text)
    except UnicodeEncodeError:
        # A terminal that cannot show a character (a legacy code page) gets an escape instead.
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "backslashreplace").decode(encoding))
