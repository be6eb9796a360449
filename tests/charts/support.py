"""Reading charts back: the artists a user sees, for tests of followup.charts."""

from __future__ import annotations

import re
from collections.abc import Iterable

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.container import BarContainer
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from followup.charts.labels import ELLIPSIS


def drawn(ax: Axes) -> Axes:
    """Draw the axes' figure with Agg, as a PNG export would, and return the axes."""
    figure = ax.get_figure(root=True)
    assert figure is not None
    FigureCanvasAgg(figure).draw()
    return ax


def bars(ax: Axes, label: str) -> list[float]:
    """The widths of the bars labelled ``label`` (negative when they grow to the left)."""
    found = [c for c in ax.containers if isinstance(c, BarContainer) and c.get_label() == label]
    return [patch.get_width() for container in found for patch in container.patches]


def texts(ax: Axes) -> list[str]:
    """Every piece of text drawn inside the axes (not ticks or title)."""
    return [t.get_text() for t in ax.texts]


def tick_labels(ax: Axes, axis: str = "y") -> list[str]:
    labels = ax.get_yticklabels() if axis == "y" else ax.get_xticklabels()
    return [t.get_text() for t in labels]


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def is_shortened_from(shown: str, original: str) -> bool:
    """True when ``shown`` is ``original`` (line breaks aside) or its start and "…"."""
    if squeezed(shown) == squeezed(original):
        return True
    return shown.endswith(ELLIPSIS) and squeezed(original).startswith(
        squeezed(shown.removesuffix(ELLIPSIS))
    )


def extents(ax: Axes, artists: Iterable[Text]) -> list[Bbox]:
    figure = ax.get_figure(root=True)
    assert figure is not None
    renderer = FigureCanvasAgg(figure).get_renderer()
    return [a.get_window_extent(renderer) for a in artists if a.get_text()]


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
