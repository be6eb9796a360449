"""Many short texts of one font drawn as one artist: row names, notes, numbers in cells.

A chart of fifty opportunities writes hundreds of short texts. As
:class:`matplotlib.text.Text` objects each one costs an artist of its own,
with its own transforms, font lookup and layout every time it is drawn: more
than drawing its letters. A :class:`TextBatch` holds them all, looks the font
up once, measures each distinct text once per drawing and hands every line
straight to the renderer (so it works with every backend, and text stays
text in SVG and PDF). It is always literal: no mathtext, no TeX.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
from matplotlib import colors as mcolors
from matplotlib.artist import Artist
from matplotlib.backend_bases import RendererBase
from matplotlib.font_manager import FontProperties
from matplotlib.transforms import Bbox, Transform, TransformedPath

from followup.charts.fonts import font_family

__all__ = ["TextBatch"]

_LINE_SPACING = 1.2  # baseline to baseline, in heights of a line


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

    def _lines(self, renderer: RendererBase) -> list[tuple[float, float, str, str]]:
        """Each line to draw: x and y of its baseline's start (display units), text, colour."""
        points = self.get_transform().transform(self.positions)
        points += np.asarray(self.offset) * renderer.points_to_pixels(1.0)
        height, descent = renderer.get_text_width_height_descent("lp", self.font, ismath=False)[1:]
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
                    width = widths[line] = renderer.get_text_width_height_descent(
                        line, self.font, ismath=False
                    )[0]
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
        for x, y, line, color in self._lines(renderer):
            gc.set_foreground(mcolors.to_rgba(color, alpha), isRGBA=True)
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
        for (x, y, line, _), owner in zip(self._lines(renderer), owners, strict=True):
            size = renderer.get_text_width_height_descent(line, self.font, ismath=False)
            width, height, descent = size
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
