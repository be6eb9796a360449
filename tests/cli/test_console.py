"""Terminal output of the command line: harmless user text, colour rules, 80-column tables."""

from __future__ import annotations

import io
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup._text import display_width
from followup.cli.console import (
    WIDTH,
    Column,
    Console,
    Styled,
    colour_wanted,
    one_line,
    table_lines,
    terminal_safe,
)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


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


def test_table_fits_in_80_columns_by_shortening_long_cells() -> None:
    columns = [Column("ID", shrink=True), Column("COMPANY", shrink=True), Column("N", "right")]
    rows = [["a" * 64, "日" * 150, "12"], ["short", "Acme", "3"]]
    lines = table_lines(columns, rows)
    rendered = ["".join(p.text if isinstance(p, Styled) else p for p in line) for line in lines]
    assert all(display_width(line) <= WIDTH for line in rendered)
    assert "…" in rendered[1]
    assert rendered[2].startswith("short")
    assert rendered[2].rstrip().endswith("3")


def test_table_keeps_short_cells_whole_and_aligns_numbers_right() -> None:
    lines = table_lines(
        [Column("NAME"), Column("BALANCE", "right")], [["Acme", "+15"], ["B", "-2"]]
    )
    rendered = ["".join(p.text if isinstance(p, Styled) else p for p in line) for line in lines]
    assert rendered == ["NAME  BALANCE", "Acme      +15", "B          -2"]


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


def test_console_writes_plain_text_when_not_a_terminal() -> None:
    out = io.StringIO()
    Console(out, io.StringIO(), environ={}).print(Styled("pass", "pass"))
    assert out.getvalue() == "pass\n"


def test_console_error_is_one_line_on_stderr() -> None:
    err = io.StringIO()
    Console(io.StringIO(), err, environ={}).error("2 problems:\n  - a\n  - b")
    assert err.getvalue() == "error: 2 problems: a; b\n"


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
