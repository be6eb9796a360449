"""Reading charts back: the artists a user sees, for tests of followup.charts."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.collections import PolyCollection
from matplotlib.container import BarContainer
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from followup.charts.labels import ELLIPSIS
from followup.charts.rows import ROW_NAMES, ROW_SUMMARY
from followup.charts.text_batch import TextBatch, forget_drawn_lines


def drawn(ax: Axes) -> Axes:
    """Draw the axes' figure with Agg, as a PNG export would, and return the axes."""
    figure = ax.get_figure(root=True)
    assert figure is not None
    FigureCanvasAgg(figure).draw()
    return ax


def bars(ax: Axes, label: str) -> list[float]:
    """The widths of the bars labelled ``label`` (negative when they grow to the left)."""
    widths = [
        patch.get_width()
        for container in ax.containers
        if isinstance(container, BarContainer) and container.get_label() == label
        for patch in container.patches
    ]
    for collection in ax.collections:
        if isinstance(collection, PolyCollection) and collection.get_label() == label:
            widths += [
                float(path.vertices[1, 0] - path.vertices[0, 0]) for path in collection.get_paths()
            ]
    return widths


def _batches(ax: Axes, *gids: str | None) -> list[TextBatch]:
    return [a for a in ax.artists if isinstance(a, TextBatch) and a.get_gid() in gids]


def texts(ax: Axes) -> list[str]:
    """Every piece of text drawn inside the axes or beside its rows (not names, ticks or title)."""
    found = []
    for child in ax.get_children():
        if isinstance(child, Text) and child in ax.texts:
            found.append(child.get_text())
        elif isinstance(child, TextBatch) and child.get_gid() not in (ROW_NAMES, ROW_SUMMARY):
            found += child.texts
    return found


def row_names(ax: Axes) -> list[str]:
    """The names of the rows, top first, as shown (the summary row's last)."""
    return [t for batch in _batches(ax, ROW_NAMES, ROW_SUMMARY) for t in batch.texts]


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def is_shortened_from(shown: str, original: str) -> bool:
    """True when ``shown`` is ``original`` (line breaks aside) or its start and "…"."""
    if squeezed(shown) == squeezed(original):
        return True
    return shown.endswith(ELLIPSIS) and squeezed(original).startswith(
        squeezed(shown.removesuffix(ELLIPSIS))
    )


def extents(ax: Axes, artists: Iterable[Text | TextBatch]) -> list[Bbox]:
    """The box of each text drawn (each text of a batch on its own)."""
    figure = ax.get_figure(root=True)
    assert figure is not None
    renderer = FigureCanvasAgg(figure).get_renderer()
    boxes = []
    for artist in artists:
        if isinstance(artist, TextBatch):
            boxes += [b for b in artist.get_window_extents(renderer) if b is not None]
        elif artist.get_text():
            boxes.append(artist.get_window_extent(renderer))
    return boxes


def every_text(ax: Axes) -> list[Text | TextBatch]:
    """Every artist of text the axes hold, batches included (not ticks or title)."""
    return [a for a in ax.get_children() if a in ax.texts or isinstance(a, TextBatch)]


def overlapping(boxes: list[Bbox]) -> list[tuple[int, int]]:
    """Pairs of boxes that overlap by more than a pixel."""
    pairs = []
    for i, first in enumerate(boxes):
        for j in range(i + 1, len(boxes)):
            second = boxes[j]
            width = min(first.x1, second.x1) - max(first.x0, second.x0)
            height = min(first.y1, second.y1) - max(first.y0, second.y0)
            if width > 1 and height > 1:
                pairs.append((i, j))
    return pairs


def drawn_strings(ax: Axes) -> list[tuple[str, object]]:
    """Each line of text the renderer is asked to draw, with how it was to be read (math or not).

    Lines a :class:`TextBatch` keeps drawn are forgotten first, so that every
    line is drawn again.
    """
    figure = ax.get_figure(root=True)
    assert figure is not None
    forget_drawn_lines()
    calls: list[tuple[str, object]] = []
    draw_text = RendererAgg.draw_text

    def spy(self: RendererAgg, *args: Any, ismath: object = False, **kwargs: Any) -> None:
        calls.append((args[3], ismath))
        draw_text(self, *args, ismath=ismath, **kwargs)

    RendererAgg.draw_text = spy  # type: ignore[method-assign]
    try:
        FigureCanvasAgg(figure).draw()
    finally:
        RendererAgg.draw_text = draw_text  # type: ignore[method-assign]
    return calls


def assert_drawn_literally(ax: Axes, text: str) -> None:
    """Every line of ``text`` is drawn as typed: never read as mathtext or TeX."""
    calls = drawn_strings(ax)
    for line in text.split("\n"):
        assert (line, False) in calls, f"{line!r} is not drawn as typed: {calls}"
