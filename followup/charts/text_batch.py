"""Many short texts of one font drawn as one artist: row names, notes, numbers in cells.

A chart of fifty opportunities writes hundreds of short texts. As
:class:`matplotlib.text.Text` objects each one costs an artist of its own,
with its own transforms, font lookup and layout every time it is drawn: more
than drawing its letters. A :class:`TextBatch` holds them all, looks the font
up once and hands every line straight to the renderer. It is always literal:
no mathtext, no TeX.

Drawing letters is still the dearest part, and charts repeat their text: the
names of the opportunities appear in three charts and again each time a
weight changes, "+5" in many cells. On matplotlib's Agg renderer (PNG), each
distinct line is therefore drawn once into a small image, kept (by text,
font, colour, resolution and hinting, within a memory budget) and stamped
where it goes, to the nearest pixel. Other renderers (SVG, PDF) get real text.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import Literal

import matplotlib as mpl
import numpy as np
import numpy.typing as npt
from matplotlib import colors as mcolors
from matplotlib.artist import Artist
from matplotlib.backend_bases import RendererBase
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.font_manager import FontProperties, findfont
from matplotlib.transforms import Bbox, Transform, TransformedPath

from followup.charts.fonts import font_family

__all__ = ["TextBatch", "forget_drawn_lines"]

_LINE_SPACING = 1.2  # baseline to baseline, in heights of a line
_STAMP_MEMORY = 8 * 2**20  # bytes of drawn lines kept
_STAMP_MARGIN = 2  # pixels around a line in its image: antialiasing reaches past its box


Size = tuple[float, float, float]  # width, height and descent, in pixels
RGBA = tuple[float, float, float, float]


class _Stamps:
    """Lines of text measured and drawn once, kept by everything their pixels depend on."""

    def __init__(self, memory: int) -> None:
        self.memory = memory
        self._sizes: dict[Hashable, Size] = {}
        self._images: OrderedDict[Hashable, tuple[npt.NDArray[np.uint8], int]] = OrderedDict()
        self._bytes = 0

    @staticmethod
    def look(font: FontProperties, dpi: float) -> Hashable:
        """Everything but the text that the pixels of a line depend on, but its colour."""
        return (
            findfont(font),  # the font file the family comes to, with the settings of now
            tuple(font.get_family()),
            font.get_style(),
            font.get_weight(),
            font.get_size_in_points(),
            dpi,
            mpl.rcParams["text.hinting"],
            mpl.rcParams["text.antialiased"],
        )

    def size(self, renderer: RendererAgg, line: str, font: FontProperties, look: Hashable) -> Size:
        key = (line, look)
        found = self._sizes.get(key)
        if found is None:
            if len(self._sizes) > 50_000:  # a bound, far above any chart's distinct lines
                self._sizes.clear()
            measured = renderer.get_text_width_height_descent(  # type: ignore[no-untyped-call]
                line, font, ismath=False
            )
            found = self._sizes[key] = (float(measured[0]), float(measured[1]), float(measured[2]))
        return found

    def image(
        self, renderer: RendererAgg, line: str, font: FontProperties, look: Hashable, color: RGBA
    ) -> tuple[npt.NDArray[np.uint8], int]:
        """The line drawn alone (bottom row first, as ``draw_image`` takes it), and how many
        rows of it lie below its baseline."""
        key = (line, look, color)
        found = self._images.get(key)
        if found is not None:
            self._images.move_to_end(key)
            return found
        width, height, descent = self.size(renderer, line, font, look)
        below = _STAMP_MARGIN + math.ceil(descent)
        columns = math.ceil(width) + 2 * _STAMP_MARGIN
        rows = math.ceil(height) + 2 * _STAMP_MARGIN + 1
        alone = RendererAgg(columns, rows, renderer.dpi)  # type: ignore[no-untyped-call]
        gc = alone.new_gc()
        gc.set_foreground(color, isRGBA=True)
        # Agg counts y downwards from the top; the baseline sits ``below`` rows up.
        alone.draw_text(  # type: ignore[no-untyped-call]
            gc, _STAMP_MARGIN, rows - below, line, font, 0.0, ismath=False
        )
        gc.restore()
        pixels = np.asarray(alone.buffer_rgba())[::-1].copy()  # type: ignore[no-untyped-call]
        found = (pixels, below)
        self._images[key] = found
        self._bytes += pixels.nbytes
        while self._bytes > self.memory and self._images:
            _, (forgotten, _) = self._images.popitem(last=False)
            self._bytes -= forgotten.nbytes
        return found

    def clear(self) -> None:
        self._sizes.clear()
        self._images.clear()
        self._bytes = 0


_STAMPS = _Stamps(_STAMP_MEMORY)


def forget_drawn_lines() -> None:
    """Let go of every line of text kept drawn (they are drawn again when next needed)."""
    _STAMPS.clear()


class TextBatch(Artist):
    """Texts at their own places (in ``transform``'s coordinates), each centred on its place
    vertically and aligned on it horizontally by ``ha``, all in one font.

    Parameters
    ----------
    positions
        One (x, y) per text.
    texts
        The texts; a text may hold line breaks.
    transform
        Where ``positions`` are measured: ``ax.transData``, a blended transform...
    fontsize
        In points.
    colors
        One colour for all, or one per text.
    ha
        Which end of each line sits at its x: "left", "center" or "right".
    offset
        Points to move every text by, right and up, after ``transform``.
    user_text
        Text typed by a person: drawn with fonts for every script.
    fontweight, fontstyle
        As for :class:`matplotlib.text.Text`.
    """

    zorder = 3  # as a Text

    def __init__(
        self,
        positions: Sequence[tuple[float, float]],
        texts: Sequence[str],
        *,
        transform: Transform,
        fontsize: float,
        colors: str | Sequence[str],
        ha: Literal["left", "center", "right"] = "center",
        offset: tuple[float, float] = (0.0, 0.0),
        user_text: bool = False,
        fontweight: str = "normal",
        fontstyle: Literal["normal", "italic", "oblique"] = "normal",
    ) -> None:
        super().__init__()
        if len(positions) != len(texts):
            raise ValueError(f"{len(positions)} positions for {len(texts)} texts")
        self.positions = np.asarray(positions, dtype="float64").reshape(-1, 2)
        self.texts = tuple(texts)
        self.colors = [colors] * len(texts) if isinstance(colors, str) else [str(c) for c in colors]
        self.ha = ha
        self.offset = offset
        family = font_family() if user_text else None
        self.font = FontProperties(family=family, size=fontsize, weight=fontweight, style=fontstyle)
        self.set_transform(transform)
        self.set_clip_on(False)

    def _sizer(self, renderer: RendererBase) -> Callable[[str], Size]:
        """How big a line is, in pixels: from the kept sizes on Agg, else as the renderer says."""
        if isinstance(renderer, RendererAgg):
            look = _STAMPS.look(self.font, renderer.dpi)
            return lambda line: _STAMPS.size(renderer, line, self.font, look)

        def measure(line: str) -> Size:
            width, height, descent = renderer.get_text_width_height_descent(
                line, self.font, ismath=False
            )
            return float(width), float(height), float(descent)

        return measure

    def _lines(
        self, renderer: RendererBase, size: Callable[[str], Size]
    ) -> list[tuple[float, float, str, str]]:
        """Each line to draw: x and y of its baseline's start (display units), text, colour."""
        points = self.get_transform().transform(self.positions)
        points += np.asarray(self.offset) * renderer.points_to_pixels(1.0)
        height, descent = size("lp")[1:]
        ascent = height - descent
        pitch = _LINE_SPACING * height
        widths: dict[str, float] = {}
        share = {"left": 0.0, "center": 0.5, "right": 1.0}[self.ha]
        lines = []
        for (x, y), text, color in zip(points, self.texts, self.colors, strict=True):
            parts = text.split("\n")
            top = y + (height + (len(parts) - 1) * pitch) / 2
            for index, line in enumerate(parts):
                if not line:
                    continue
                width = widths.get(line)
                if width is None:
                    width = widths[line] = size(line)[0]
                baseline = top - ascent - index * pitch
                lines.append((x - share * width, baseline, line, color))
        return lines

    def draw(self, renderer: RendererBase) -> None:
        if not self.get_visible() or not self.texts:
            return
        renderer.open_group("textbatch", self.get_gid())
        canvas_height = renderer.get_canvas_width_height()[1]
        gc = renderer.new_gc()
        if self.get_clip_on():
            box, path = self.get_clip_box(), self.get_clip_path()
            if box is not None:
                gc.set_clip_rectangle(box)
            if isinstance(path, TransformedPath):
                gc.set_clip_path(path)
        alpha = self.get_alpha()
        look = _STAMPS.look(self.font, renderer.dpi) if isinstance(renderer, RendererAgg) else None
        for x, y, line, color in self._lines(renderer, self._sizer(renderer)):
            rgba = mcolors.to_rgba(color, alpha)
            if isinstance(renderer, RendererAgg):
                # Each distinct line is drawn once, then stamped where it goes.
                pixels, below = _STAMPS.image(renderer, line, self.font, look, rgba)
                renderer.draw_image(gc, round(x) - _STAMP_MARGIN, round(y) - below, pixels)
            else:
                gc.set_foreground(rgba, isRGBA=True)
                shown_y = canvas_height - y if renderer.flipy() else y
                renderer.draw_text(gc, x, shown_y, line, self.font, 0.0, ismath=False)
        gc.restore()
        renderer.close_group("textbatch")
        self.stale = False

    def get_window_extents(self, renderer: RendererBase | None = None) -> list[Bbox | None]:
        """The box of each text (its lines together) in display units; None for an empty one."""
        renderer = renderer or self._canvas_renderer()
        if renderer is None:
            return [None] * len(self.texts)
        owners = [i for i, text in enumerate(self.texts) for line in text.split("\n") if line]
        boxes: list[Bbox | None] = [None] * len(self.texts)
        size = self._sizer(renderer)
        for (x, y, line, _), owner in zip(self._lines(renderer, size), owners, strict=True):
            width, height, descent = size(line)
            box = Bbox.from_extents(x, y - descent, x + width, y - descent + height)
            found = boxes[owner]
            boxes[owner] = box if found is None else Bbox.union([found, box])
        return boxes

    def get_window_extent(self, renderer: RendererBase | None = None) -> Bbox:
        boxes = [b for b in self.get_window_extents(renderer) if b is not None]
        return Bbox.union(boxes) if boxes else Bbox.null()

    def _canvas_renderer(self) -> RendererBase | None:
        figure = self.get_figure(root=True)
        get_renderer = getattr(getattr(figure, "canvas", None), "get_renderer", None)
        return None if get_renderer is None else get_renderer()
