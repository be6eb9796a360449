"""The look shared by every chart: colours, user text, titles, new figures and PNG bytes.

Figures are made with :class:`matplotlib.figure.Figure`, never with pyplot,
so that drawing a chart leaves nothing open and registers nothing globally.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Sequence
from typing import Any

import matplotlib as mpl
import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.figure import Figure, SubFigure
from matplotlib.text import Text

from followup._text import text_width
from followup.charts.fonts import em_widths, font_family
from followup.charts.labels import shorten, shorten_name, signed
from followup.charts.png import encode_png

__all__ = [
    "ACCENT",
    "INK",
    "MINUS",
    "MUTED",
    "PLUS",
    "RULE",
    "UNDECIDED",
    "VERDICT_COLORS",
    "VERDICT_MARKERS",
    "drawing",
    "figure_png",
    "fitted_text",
    "hide_spines",
    "legend_pad",
    "protect",
    "root_figure",
    "set_title",
    "show_empty",
    "top_legend",
    "verdict_title",
]

# Okabe & Ito's colour-blind-safe palette: blue for pluses and passing,
# vermillion for minuses and failing, grey for undecided.
PLUS = "#0072B2"
MINUS = "#D55E00"
UNDECIDED = "#8C8C8C"
ACCENT = "#E69F00"
INK = "#222222"
MUTED = "#6B6B6B"
RULE = "#BBBBBB"

VERDICT_COLORS: dict[str, str] = {"pass": PLUS, "undecided": UNDECIDED, "fail": MINUS}
#: Marker shapes so that a verdict reads without colour: up passes, down fails.
VERDICT_MARKERS: dict[str, str] = {"pass": "^", "undecided": "o", "fail": "v"}
VERDICT_WORDS: dict[str, str] = {"pass": "PASS", "undecided": "UNDECIDED", "fail": "FAIL"}

#: Text size of labels, in points.
FONT_SIZE = 9.0
TITLE_SIZE = 12.0
_FIT_ATTEMPTS = 4


def protect(*texts: Text) -> None:
    """Make text literal: no math between dollar signs, no LaTeX, fonts for every script."""
    family = font_family()
    for text in texts:
        text.set_parse_math(False)
        text.set_usetex(False)
        text.set_fontfamily(family)


class FittedText(Text):
    """User text that shortens itself, when drawn, to the room left before its axes' edge.

    The chart lays text out for the axes' size when it is made; a layout
    engine may later make the axes narrower (a neighbour's labels need room).
    Re-shortening at draw time keeps a label from ever running past the edge.
    """

    def __init__(
        self, x: float, y: float, text: str, *, full_text: str, max_lines: int, **options: Any
    ) -> None:
        super().__init__(x, y, text, parse_math=False, usetex=False, **options)
        self.full_text = full_text
        self.max_lines = max_lines
        self.set_fontfamily(font_family())

    def draw(self, renderer: RendererBase) -> None:
        if self.axes is not None and self.get_visible():
            x = self.get_transform().transform(self.get_unitless_position())[0]
            box = self.axes.bbox
            room = x - box.x0 if self.get_horizontalalignment() == "right" else box.x1 - x
            ems = room / renderer.points_to_pixels(self.get_fontsize())
            # Hinting rounds each glyph to whole pixels, so small text runs a little wider
            # than its font says: measure, and shorten again until it fits.
            for _ in range(_FIT_ATTEMPTS):
                self.set_text(
                    shorten(self.full_text, ems, max_lines=self.max_lines, char_width=em_widths())
                )
                width = self.get_window_extent(renderer).width
                if width <= room or not self.get_text():
                    break
                ems *= 0.97 * room / width
        super().draw(renderer)


def fitted_text(
    ax: Axes,
    x: float,
    y: float,
    text: str,
    *,
    max_lines: int,
    shown: str | None = None,
    **options: Any,
) -> FittedText:
    """User ``text`` at (x, y) in data coordinates that never runs past the axes' edge.

    ``ha="right"`` text may reach the left edge, ``ha="left"`` text the right
    edge; when drawn it is shortened to fit in ``max_lines`` lines. ``shown``
    is what it says until then (the text as laid out for the axes' size now).
    """
    options.setdefault("fontsize", FONT_SIZE)
    options.setdefault("color", INK)
    options["transform"] = ax.transData
    initial = text if shown is None else shown
    artist = FittedText(x, y, initial, full_text=text, max_lines=max_lines, **options)
    ax.add_artist(artist)
    artist.set_clip_path(None)  # add_artist clips to the axes; the text fits on its own
    return artist


def verdict_title(name: str, verdict: str, balance: float) -> str:
    """``"Initech — Backend Engineer: PASS (+2)"``."""
    return f"{name}: {VERDICT_WORDS.get(verdict, verdict.upper())} ({signed(balance)})"


def opportunity_title(
    company: str, role: str, verdict: str, balance: float, *, width_inches: float
) -> str:
    """A title that names the opportunity, shortened to fit, and always shows the verdict."""
    # A layout engine may yet narrow the axes: leave some room.
    ems = 0.85 * width_inches * 72 / TITLE_SIZE
    suffix = verdict_title("", verdict, balance)
    room = max(ems - text_width(suffix, em_widths()), 8.0)
    return shorten_name(company, role, room, max_lines=2, char_width=em_widths()) + suffix


def set_title(ax: Axes, title: str, *, above_ticks: bool = False, **options: Any) -> Text:
    """Set a title that may hold user text: drawn as typed.

    Unless ``above_ticks``, the title sits at a fixed height over the axes:
    matplotlib then need not measure every tick to place it, which makes
    drawing noticeably faster.
    """
    if not above_ticks:
        options.setdefault("y", 1.0)
    options.setdefault("fontsize", TITLE_SIZE)
    options.setdefault("color", INK)
    text = ax.set_title(title, **options)
    protect(text)
    return text


def root_figure(artist: Axes | Figure | SubFigure) -> Figure:
    """The top-level figure an axes (or subfigure) is drawn on."""
    figure = artist.get_figure(root=True) if not isinstance(artist, Figure) else artist
    if not isinstance(figure, Figure):
        raise TypeError("the axes must belong to a figure")
    return figure


def axes_size(ax: Axes) -> tuple[float, float]:
    """Width and height of ``ax`` in inches, as laid out now."""
    figure = root_figure(ax)
    box = ax.get_position()
    width, height = figure.get_size_inches()
    return float(box.width * width), float(box.height * height)


# The key's look, in its own font size and ems of it.
_KEY_FONT_SIZE = 8.0
_KEY_HANDLE = 1.4  # the coloured patch or marker
_KEY_HANDLE_GAP = 0.8  # matplotlib's gap between a handle and its words
_KEY_COLUMN_GAP = 1.2
_KEY_BORDER = 0.4  # matplotlib's pad inside the key's box


def _legend_shape(width_inches: float, labels: Sequence[str]) -> tuple[int, int]:
    """Columns and rows of a key of ``labels``: as many columns as fit in ``width_inches``.

    Matplotlib splits the entries into columns in order, the first columns
    taking one more when they do not share out evenly; a column is as wide as
    its widest entry.
    """
    entries = [_KEY_HANDLE + _KEY_HANDLE_GAP + text_width(t, em_widths()) for t in labels]
    room = width_inches * 72 / _KEY_FONT_SIZE - 2 * _KEY_BORDER
    for columns in range(len(entries), 1, -1):
        shares = [len(entries) // columns + (i < len(entries) % columns) for i in range(columns)]
        starts = [sum(shares[:i]) for i in range(columns)]
        widths = [max(entries[s : s + n]) for s, n in zip(starts, shares, strict=True)]
        if sum(widths) + _KEY_COLUMN_GAP * (columns - 1) <= room:
            return columns, max(shares)
    return 1, len(entries)


def legend_pad(width_inches: float, labels: Sequence[str]) -> float:
    """Points between axes ``width_inches`` wide and a title over a key of ``labels`` above them.

    >>> legend_pad(6.0, ["pluses", "minuses"]), legend_pad(1.0, ["pluses", "minuses"])
    (26.0, 40.0)
    >>> legend_pad(6.0, [])
    6.0
    """
    if not labels:
        return 6.0  # matplotlib's usual pad of a title
    return 12.0 + 14.0 * _legend_shape(width_inches, labels)[1]


def top_legend(ax: Axes, handles: Sequence[Artist]) -> float:
    """A key above the axes, in as many rows as its width needs; returns the title pad in points."""
    width = axes_size(ax)[0]
    labels = [str(handle.get_label()) for handle in handles]
    ax.legend(
        handles=handles,
        loc="lower center",
        bbox_to_anchor=(0.5, 1.0),
        ncols=_legend_shape(width, labels)[0],
        frameon=False,
        fontsize=_KEY_FONT_SIZE,
        handlelength=_KEY_HANDLE,
        handletextpad=_KEY_HANDLE_GAP,
        columnspacing=_KEY_COLUMN_GAP,
        borderpad=_KEY_BORDER,
        borderaxespad=0.2,
    )
    return legend_pad(width, labels)


def hide_spines(ax: Axes, *sides: str) -> None:
    """Draw no frame on ``sides`` of the axes (all four when none are named)."""
    for side in sides or tuple(ax.spines.keys()):
        ax.spines[side].set_visible(False)


def show_empty(ax: Axes, message: str) -> None:
    """An empty chart that says why it is empty."""
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center", color=MUTED)


def drawing() -> contextlib.AbstractContextManager[Any]:
    """The matplotlib settings in force while a chart is drawn to pixels.

    Text is drawn without hinting: glyphs keep the widths the font gives them
    (which the charts lay their text out by), and drawing takes about half
    the time.
    """
    return mpl.rc_context({"text.hinting": "no_hinting"})


def figure_png(
    figure_or_axes: Figure | SubFigure | Axes, *, dpi: float = 100, compress_level: int = 1
) -> bytes:
    """Render the figure of a chart to PNG bytes with matplotlib's Agg renderer (no pyplot).

    Text is drawn without hinting (see :func:`drawing`): glyphs keep their
    true widths, and drawing is about twice as quick.

    Parameters
    ----------
    figure_or_axes
        A figure, or an axes (such as a ``plot_*`` function returns) whose
        whole figure is rendered.
    dpi
        Dots per inch: 80-100 for a screen, 150-200 for a document.
    compress_level
        zlib level from 0 to 9: 1 is quick (for redrawing as sliders move),
        9 gives the smallest file.

    Examples
    --------
    >>> from followup import example_workspace
    >>> from followup.charts import plot_t
    >>> png = figure_png(plot_t(example_workspace(), "initech-backend-engineer"), dpi=50)
    >>> png[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
    True
    """
    figure = root_figure(figure_or_axes)
    buffer = io.BytesIO()
    # savefig switches to the Agg canvas only while printing, so a figure that belongs to
    # an interactive window keeps its own canvas. Its raw pixels are encoded here: quicker
    # than through Pillow, for files no larger.
    with drawing():
        figure.savefig(buffer, format="rgba", dpi=dpi)
    width, height = (int(size * dpi) for size in figure.get_size_inches())
    pixels = np.frombuffer(buffer.getbuffer(), dtype=np.uint8)
    if pixels.size != width * height * 4:  # pragma: no cover - matplotlib sized it otherwise
        raise RuntimeError(f"expected {width}×{height} pixels; got {pixels.size // 4}")
    return encode_png(pixels.reshape(height, width, 4), dpi=dpi, compress_level=compress_level)
