"""Charts of the Franklin T: one opportunity, the comparison, and how fragile each verdict is.

Each ``plot_*`` function takes the data first and options by keyword, draws
on ``ax`` when given (otherwise on a new figure sized to its content, made
without pyplot, so nothing is left open) and returns the axes; none calls
``show()`` or ``savefig()``. :func:`figure_png` renders a chart to PNG bytes;
:class:`TChartRenderer` keeps a drawn T and redraws only what a change of
weight alters, for an app that redraws on every slider move.
"""

from __future__ import annotations

from followup.charts.balance import plot_balance
from followup.charts.categories import plot_categories
from followup.charts.flips import plot_flip_points
from followup.charts.live import TChartRenderer
from followup.charts.robustness import plot_robustness
from followup.charts.style import figure_png
from followup.charts.t_chart import plot_t

__all__ = [
    "TChartRenderer",
    "figure_png",
    "plot_balance",
    "plot_categories",
    "plot_flip_points",
    "plot_robustness",
    "plot_t",
]
