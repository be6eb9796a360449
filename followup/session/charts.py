"""Charts as PNG bytes, drawn on figures made without pyplot (nothing global, nothing left open).

The parts that show pictures (the T, Compare) draw through here, at the
app's screen resolution.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["DPI", "chart_png"]

#: Screen resolution for the app's charts: sharp enough, and fast to draw.
DPI = 80


def chart_png(draw: Callable[..., Any], *args: Any, **options: Any) -> bytes:
    """PNG bytes of ``draw(*args, **options)``, drawn on a new figure sized to its content.

    >>> from followup import example_workspace, plot_balance
    >>> chart_png(plot_balance, example_workspace())[:4]
    b'\\x89PNG'
    """
    from followup.charts import figure_png

    png: bytes = figure_png(draw(*args, **options), dpi=DPI)
    return png
