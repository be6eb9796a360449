"""Terminal output of the command line: harmless user text, colour rules, tables that fit."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import followup
from followup._text import display_width
from followup.cli.console import (
    WIDTH,
    Column,
    Console,
    Styled,
    colour_wanted,
    one_line,
    terminal_safe,
)

PROJECT_ROOT = Path(followup.__file__).resolve().parent.parent


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _plain() -> Console:
    return Console(io.StringIO(), io.StringIO(), environ={})


def _coloured() -> Console:
    return Console(_Terminal(), _Terminal(), environ={})


def _out(console: Console) -> str:
    assert isinstance(console.out, io.StringIO)
    return console.out.getvalue()


def _err(console: Console) -> str:
    assert isinstance(console.err, io.StringIO)
    return console.err.getvalue()


@pytest.mark.parametrize(
    "hostile",
    ["\x1b[2J", "\x1b]0;title\x07", "a\rb", "\x9b31m", "\x00", "x\u202ey", "a\u2028b", "\udcff"],
)
def test_terminal_safe_shows_control_sequences_as_visible_escapes(hostile: str) -> None:
    shown = terminal_safe(hostile)
    assert shown.isprintable()
    assert "\x1b" not in shown and "\r" not in shown


@pytest.mark.slow
@given(st.text())
def test_terminal_safe_output_never_holds_a_control_character(text: str) -> None:
    shown = terminal_safe(text, keep_newlines=False)
    steering = {"Cc", "Cs", "Zl", "Zp"}
    assert not any(unicodedata.category(char) in steering for char in shown)
    assert not any("\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069" for char in shown)


@pytest.mark.parametrize("text", ['AT&T "R&D" <Legal>', "Société Générale", "東京", "{{ 7*7 }}"])
def test_terminal_safe_keeps_printable_text_exactly(text: str) -> None:
    assert terminal_safe(text) == text


def test_terminal_safe_keeps_newlines_and_tabs_unless_asked() -> None:
    assert terminal_safe("a\n\tb") == "a\n\tb"
    assert terminal_safe("a\nb", keep_newlines=False) == "a\\x0ab"


def test_one_line_joins_a_list_of_problems() -> None:
    message = "2 problems:\n  - a must be b; got 1\n  - c must be d; got 2"
    assert one_line(message) == "2 problems: a must be b; got 1; c must be d; got 2"
    assert "\n" not in one_line("a\rb\x85c")


def test_display_width_counts_wide_characters_twice() -> None:
    assert display_width("Acme") == 4
    assert display_width("日本") == 4
    assert display_width("e\u0301") == 1


# ---------------------------------------------------------------------------
# user text is printed as typed, never interpreted

_MARKUP = ["[bold]Acme[/bold]", "[red]x[/]", ":smile: :thumbs_up:", "[link=http://x]y[/link]"]


@pytest.mark.parametrize("text", _MARKUP)
@pytest.mark.parametrize("make", [_plain, _coloured], ids=["plain", "coloured"])
def test_rich_markup_and_emoji_codes_in_user_text_print_literally(
    text: str, make: Callable[[], Console]
) -> None:
    console = make()
    console.print(text, " ", Styled(text, "bold"))
    console.paragraph(text, indent=2, bullet=True)
    console.table([Column("COMPANY", shrink=True)], [[text], [Styled(text, "pass")]])
    lines = [line.strip() for line in _strip_colour(_out(console)).splitlines()]
    assert lines == [f"{text} {text}", f"- {text}", "COMPANY", text, text]


@pytest.mark.parametrize("make", [_plain, _coloured], ids=["plain", "coloured"])
def test_control_codes_in_user_text_are_shown_not_executed_anywhere(
    make: Callable[[], Console],
) -> None:
    console = make()
    hostile = "\x1b[2J\x1b]0;title\x07\r\u202eAcme"
    console.print(hostile)
    console.paragraph(hostile)
    console.table([Column("COMPANY", shrink=True)], [[hostile]])
    console.error(hostile)
    out, err = _strip_colour(_out(console)), _strip_colour(_err(console))
    for visible in ("\\x1b[2J", "\\x1b]0;title\\x07", "\\x0d", "\\u202eAcme"):
        assert out.count(visible) == 3, out
    # An error message is one line: a line break in it (\r included) joins the lines.
    assert err == "error: \\x1b[2J\\x1b]0;title\\x07 \\u202eAcme\n"
    for shown in (out, err):
        assert "\x1b" not in shown and "\r" not in shown and "\u202e" not in shown


def _strip_colour(text: str) -> str:
    """The text without the colour codes the console adds (and nothing else)."""
    import re

    return re.sub(r"\x1b\[[0-9;]*m", "", text)


# ---------------------------------------------------------------------------
# tables and paragraphs


def test_table_fits_in_80_columns_by_shortening_long_cells() -> None:
    console = _plain()
    columns = [Column("ID", shrink=True), Column("COMPANY", shrink=True), Column("N", "right")]
    console.table(columns, [["a" * 64, "日" * 150, "12"], ["short", "Acme", "3"]])
    rendered = _out(console).splitlines()
    assert len(rendered) == 3
    assert all(display_width(line) <= WIDTH for line in rendered)
    assert "…" in rendered[1]
    assert rendered[2].startswith("short")
    assert rendered[2].rstrip().endswith("3")


def test_table_keeps_short_cells_whole_and_aligns_numbers_right() -> None:
    console = _plain()
    console.table([Column("NAME"), Column("BALANCE", "right")], [["Acme", "+15"], ["B", "-2"]])
    assert _out(console).splitlines() == ["NAME  BALANCE", "Acme      +15", "B          -2"]


def test_table_lines_end_without_padding() -> None:
    for console in (_plain(), _coloured()):
        console.table(
            [Column("NAME"), Column("VERDICT")],
            [["Acme", Styled("pass", "pass")], ["Initech", Styled("undecided", "undecided")]],
        )
        for line in _out(console).splitlines():
            assert not _strip_colour(line).endswith(" "), repr(line)


def test_table_never_shortens_a_column_that_may_not_shrink() -> None:
    console = _plain()
    columns = [Column("COMPANY", shrink=True), Column("VERDICT"), Column("BALANCE", "right")]
    console.table(columns, [["Extremely Long Company Name " * 5, "undecided", "+12"]])
    row = _out(console).splitlines()[1]
    assert row.endswith("  undecided      +12")
    assert "…" in row and display_width(row) == WIDTH


def test_paragraph_wraps_wide_characters_by_their_width_under_a_bullet() -> None:
    console = _plain()
    text = "Pied Piper: " + "日本" * 40 + " lists 5 pluses against 1 minus."
    console.paragraph(text, indent=2, bullet=True)
    lines = _out(console).splitlines()
    assert lines[0].startswith("  - Pied Piper:")
    assert all(line.startswith("    ") and line[4] != " " for line in lines[1:])
    assert all(display_width(line) <= WIDTH for line in lines)
    assert "".join("".join(lines).split()) == "-" + "".join(text.split())


class _PseudoTerminal:
    """A real pseudo-terminal of a given width: a text stream to write to, and what it shows."""

    def __init__(self, columns: int) -> None:
        import pty

        self._main, terminal = pty.openpty()
        self.stream = os.fdopen(terminal, "w", encoding="utf-8")  # closed in close()
        self.resize(columns)

    def resize(self, columns: int) -> None:
        import fcntl
        import struct
        import termios

        size = struct.pack("HHHH", 24, columns, 0, 0)  # rows, columns, pixel sizes unused
        fcntl.ioctl(self.stream.fileno(), termios.TIOCSWINSZ, size)

    def shown(self) -> list[str]:
        """The lines written so far (the terminal turns each newline into CR LF)."""
        import select

        self.stream.flush()
        data = b""
        while select.select([self._main], [], [], 0.2)[0]:
            data += os.read(self._main, 65536)
        return data.decode().replace("\r\n", "\n").splitlines()

    def close(self) -> None:
        self.stream.close()
        os.close(self._main)


@pytest.fixture
def terminal_44() -> Iterator[_PseudoTerminal]:
    """A real pseudo-terminal 44 columns wide."""
    pytest.importorskip("termios")  # POSIX only
    terminal = _PseudoTerminal(44)
    try:
        yield terminal
    finally:
        terminal.close()


def test_paragraphs_fit_a_narrower_terminal_and_tables_keep_every_column(
    terminal_44: _PseudoTerminal,
) -> None:
    console = Console(terminal_44.stream, io.StringIO(), environ={"NO_COLOR": "1"})
    console.paragraph("Every minus of Pied Piper is weighted 2 or less while a plus is 10.")
    paragraph = terminal_44.shown()
    assert len(paragraph) == 2
    assert all(display_width(line) <= 44 for line in paragraph)
    headers = ["OPPORTUNITY", "COMPANY", "PLUS", "MINUS", "BALANCE", "VERDICT"]
    columns = [Column(name, shrink=True) for name in headers[:2]]
    columns += [Column(name, "right") for name in headers[2:5]] + [Column("VERDICT")]
    row = ["pied-piper-compression", "Pied Piper Incorporated", "46", "1", "+45", "pass"]
    console.table(columns, [row])
    header, shown = terminal_44.shown()
    assert header.split() == headers
    assert shown.startswith("pied-piper") and shown.endswith("46      1      +45  pass")
    assert "…" in shown
    assert display_width(shown) <= 60  # narrower, the shortened columns would vanish


def test_a_wide_terminal_still_gets_80_columns(terminal_44: _PseudoTerminal) -> None:
    terminal_44.resize(200)
    console = Console(terminal_44.stream, io.StringIO(), environ={})
    console.paragraph("word " * 40)
    assert [display_width(line) for line in terminal_44.shown()] == [79, 79, 39]


# ---------------------------------------------------------------------------
# colour


@pytest.mark.parametrize(
    ("environ", "terminal", "expected"),
    [
        ({}, True, True),
        ({}, False, False),
        ({"NO_COLOR": "1"}, True, False),
        ({"NO_COLOR": ""}, True, True),
        ({"FORCE_COLOR": "1"}, False, True),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, False),
        ({"TERM": "dumb"}, True, False),
    ],
)
def test_colour_only_on_a_terminal_unless_the_environment_says_otherwise(
    environ: dict[str, str], terminal: bool, expected: bool
) -> None:
    stream = _Terminal() if terminal else io.StringIO()
    assert colour_wanted(stream, environ) is expected


def test_console_colours_styles_on_a_terminal_but_never_user_control_codes() -> None:
    out = _Terminal()
    console = Console(out, io.StringIO(), environ={})
    console.print(Styled("pass", "pass"), " ", Styled("\x1b[2J", "bold"))
    text = out.getvalue()
    assert "\x1b[32mpass\x1b[0m" in text
    assert "\x1b[2J" not in text
    assert "\\x1b[2J" in text


@pytest.mark.parametrize("environ", [{}, {"NO_COLOR": "1"}], ids=["a pipe", "NO_COLOR"])
def test_console_writes_no_escape_code_at_all_without_colour(environ: dict[str, str]) -> None:
    out = _Terminal() if environ else io.StringIO()
    console = Console(out, io.StringIO(), environ=environ)
    console.print(Styled("pass", "pass"))
    console.table([Column("VERDICT")], [[Styled("overdue", "overdue")]])
    console.paragraph("a paragraph")
    assert out.getvalue() == "pass\nVERDICT\noverdue\na paragraph\n"


def test_console_colours_table_cells_and_headers_on_a_terminal() -> None:
    console = _coloured()
    console.table([Column("VERDICT")], [[Styled("fail", "fail")]])
    assert _out(console) == "\x1b[1mVERDICT\x1b[0m\n\x1b[31mfail\x1b[0m\n"


def test_console_error_is_one_line_on_stderr() -> None:
    err = io.StringIO()
    Console(io.StringIO(), err, environ={}).error("2 problems:\n  - a\n  - b")
    assert err.getvalue() == "error: 2 problems: a; b\n"


def test_console_error_is_red_on_a_terminal_and_stays_one_line_however_long() -> None:
    err = _Terminal()
    Console(io.StringIO(), err, environ={}).error("x" * 300)
    assert err.getvalue() == "\x1b[1;31merror:\x1b[0m " + "x" * 300 + "\n"


def test_console_data_is_literal_in_a_pipe_and_made_safe_on_a_terminal() -> None:
    pipe, terminal = io.StringIO(), _Terminal()
    Console(pipe, io.StringIO(), environ={}).data("a,b\r\n")
    Console(terminal, io.StringIO(), environ={}).data("a,b\r\n")
    assert pipe.getvalue() == "a,b\r\n"
    assert terminal.getvalue() == "a,b\\x0d\n"


def test_console_survives_a_stream_that_cannot_encode_the_text() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii")
    Console(stream, io.StringIO(), environ={}).print("Société 東京")
    stream.flush()
    assert raw.getvalue() == b"Soci\\xe9t\\xe9 \\u6771\\u4eac\n"


# ---------------------------------------------------------------------------
# what --help costs

_MODULES_AFTER = """
import json, sys
from followup.cli import main
status = main(sys.argv[1:])
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


@pytest.mark.slow
@pytest.mark.parametrize(
    ("argv", "loads_rich"),
    [(["--help"], False), (["score", "--help"], False), (["--version"], False), (["bogus"], True)],
)
def test_help_and_version_never_import_rich(argv: list[str], loads_rich: bool) -> None:
    environment = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", _MODULES_AFTER, *argv],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=False,
    )
    modules = json.loads(result.stderr.splitlines()[-1])
    assert ("rich" in modules) is loads_rich
