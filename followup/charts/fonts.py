"""Fonts for chart text: a glyph for every script, and the width of every character.

User text may be in any script: after the configured font come fonts with CJK
glyphs when installed, then matplotlib's own last-resort font, which draws a
placeholder box instead of warning about a missing glyph.
"""

from __future__ import annotations

import functools
import unicodedata

import matplotlib as mpl
from matplotlib.ft2font import FT2Font

from followup._text import CharWidth

__all__ = ["em_widths", "font_family"]

_MEASURE_SIZE = 64  # points per em of the font used to measure characters
_GENEROUS = 1.04  # measured widths ignore kerning and hinting: round them up a little
_WIDE_GLYPH_EMS = 1.2  # a CJK or placeholder glyph, from a fallback font

# Fonts with CJK glyphs, tried after the usual font for characters it lacks.
_WIDE_FONTS = (
    "Noto Sans CJK JP",
    "Noto Sans CJK SC",
    "Source Han Sans",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
    "IPAGothic",
    "IPAexGothic",
    "Hiragino Sans",
    "Yu Gothic",
    "Meiryo",
    "Microsoft YaHei",
    "Malgun Gothic",
    "Arial Unicode MS",
)
# Listed explicitly, matplotlib's own last-resort font draws a placeholder box
# for a character no font has, instead of warning about the missing glyph.
_LAST_RESORT = "Last Resort High-Efficiency"


@functools.cache
def _fallback_fonts() -> tuple[str, ...]:
    from matplotlib import font_manager

    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    return tuple(name for name in (*_WIDE_FONTS, _LAST_RESORT) if name in installed)


def font_family() -> list[str]:
    """The font family list for user text: the configured family, then fonts for any script."""
    return [*_base_family(), *_fallback_fonts()]


@functools.cache
def _main_font_path(family: tuple[str, ...]) -> str:
    from matplotlib.font_manager import FontProperties, findfont

    return str(findfont(FontProperties(family=list(family))))


@functools.cache
def _char_ems(char: str, font_path: str) -> float:
    from matplotlib.ft2font import LoadFlags

    font = _measuring_font(font_path)
    if char.isspace():
        char = " "
    if font.get_char_index(ord(char)) == 0:
        # Drawn by a fallback font: CJK and placeholder glyphs are about one em wide.
        return 0.0 if unicodedata.combining(char) else _WIDE_GLYPH_EMS
    glyph = font.load_char(ord(char), flags=LoadFlags.NO_HINTING)
    return float(glyph.linearHoriAdvance) / 65536 / _MEASURE_SIZE


@functools.cache
def _measuring_font(font_path: str) -> FT2Font:
    from matplotlib.ft2font import FT2Font

    font = FT2Font(font_path)
    font.set_size(_MEASURE_SIZE, 72)
    return font


@functools.cache
def _widths_in(font_path: str) -> CharWidth:
    widths: dict[str, float] = {}

    def width(char: str) -> float:
        found = widths.get(char)
        if found is None:
            found = widths[char] = _char_ems(char, font_path) * _GENEROUS
        return found

    return width


def em_widths() -> CharWidth:
    """Character widths in the chart font, in ems (a little generous), for :func:`shorten`.

    Wrapping with these widths keeps labels inside their column whatever the
    letters: ``"WWW"`` is twice as wide as ``"iii"``.
    """
    return _widths_in(_main_font_path(tuple(_base_family())))


def _base_family() -> list[str]:
    configured = mpl.rcParams["font.family"]
    return [configured] if isinstance(configured, str) else list(configured)
