"""Fitting text on charts: wrapping, shortening with "…", signs and row names."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from followup._text import column_width, display_width, text_width
from followup.charts.fonts import em_widths
from followup.charts.labels import (
    ELLIPSIS,
    shorten,
    shorten_name,
    signed,
    unique_names,
)

# Letters of several scripts, wide ones, accents, spaces of several kinds, dollar signs.
TEXT = st.text(
    alphabet=st.sampled_from(list("abcWXYZ iİ$\\{}日本語é\u0301\u00a0\t-—😀")), max_size=250
)


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@given(text=TEXT, width=st.integers(min_value=2, max_value=60), lines=st.integers(1, 4))
def test_shortened_text_is_the_start_of_the_text(text: str, width: int, lines: int) -> None:
    shown = shorten(text, width, max_lines=lines)
    if shown.endswith(ELLIPSIS):
        assert squeezed(text).startswith(squeezed(shown.removesuffix(ELLIPSIS)))
    else:
        assert squeezed(shown) == squeezed(text)


@given(text=TEXT, width=st.integers(min_value=3, max_value=60), lines=st.integers(1, 4))
def test_shortened_text_fits_its_lines(text: str, width: int, lines: int) -> None:
    shown = shorten(text, width, max_lines=lines)
    assert shown.count("\n") < lines
    for line in shown.split("\n"):
        # A single character wider than the line is the only excuse.
        assert display_width(line) <= width or len(line.rstrip(ELLIPSIS)) <= 1


@given(text=TEXT, width=st.floats(min_value=2, max_value=40))
def test_shortening_in_ems_of_the_chart_font_fits_too(text: str, width: float) -> None:
    widths = em_widths()
    shown = shorten(text, width, max_lines=2, char_width=widths)
    room = max(width, 2 * widths(ELLIPSIS))  # a line always has room for a letter and "…"
    for line in shown.split("\n"):
        assert text_width(line, widths) <= room or len(line.rstrip(ELLIPSIS)) <= 1


def test_text_that_fits_is_left_alone() -> None:
    assert shorten("Loud open-plan office", 40) == "Loud open-plan office"
    assert shorten("Loud open-plan office", 10, max_lines=3) == "Loud\nopen-plan\noffice"


def test_long_words_are_broken_and_long_text_ends_with_an_ellipsis() -> None:
    assert shorten("a" * 25, 10, max_lines=3) == "a" * 10 + "\n" + "a" * 10 + "\n" + "a" * 5
    assert shorten("a" * 40, 10, max_lines=2) == "a" * 10 + "\n" + "a" * 9 + ELLIPSIS


def test_wide_characters_count_double_and_accents_not_at_all() -> None:
    assert column_width("日") == 2
    assert display_width("Société") == 7
    assert display_width("Socie\u0301te\u0301") == 7
    assert shorten("日本語日本語", 6) == "日本" + ELLIPSIS


def test_wide_letters_take_more_room_in_the_chart_font() -> None:
    widths = em_widths()
    assert text_width("WWWW", widths) > 2 * text_width("iiii", widths)
    assert 0.4 < text_width("Interesting payments domain", widths) / 27 < 0.7


def test_a_name_too_long_keeps_the_start_of_the_company_and_of_the_role() -> None:
    shown = shorten_name("Société Générale " * 10, "Backend Engineer", 40)
    company, role = shown.split(" — ")
    assert company.startswith("Société Générale") and company.endswith(ELLIPSIS)
    assert role.startswith("Backend")


def test_signed_numbers_use_a_true_minus_sign() -> None:
    assert [signed(n) for n in (17, -13, 0, 2.5, -0.0)] == ["+17", "−13", "0", "+2.5", "0"]


def test_repeated_names_get_their_id() -> None:
    assert unique_names(["Acme", "Hooli", "Acme"], ["a", "h", "b"]) == [
        "Acme (a)",
        "Hooli",
        "Acme (b)",
    ]
