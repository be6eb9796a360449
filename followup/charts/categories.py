"""Where each opportunity's weight comes from: an opportunity × category heatmap."""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import LinearSegmentedColormap

from followup._text import text_width
from followup.charts.fonts import em_widths
from followup.charts.labels import shorten, signed
from followup.charts.rows import label_rows, names_by_id, rows_axes
from followup.charts.style import (
    INK,
    MINUS,
    PLUS,
    hide_spines,
    protect,
    set_title,
    show_empty,
)
from followup.decide.frames import category_matrix
from followup.decide.scoring import score
from followup.model import Workspace

__all__ = ["plot_categories"]

#: Vermillion for minuses through light grey (nothing) to blue for pluses.
SIGNED_WEIGHT_COLORS = LinearSegmentedColormap.from_list(
    "followup-signed", [MINUS, "#F2F2F2", PLUS]
)
_COLUMN_EMS = 9  # category names wider than this are turned
_MAX_CATEGORY_EMS = 16


def plot_categories(workspace: Workspace, *, ax: Axes | None = None) -> Axes:
    """Draw an opportunity × category heatmap of signed weight, each cell written out.

    A cell holds the pluses minus the minuses of one opportunity in one
    category: blue when pluses weigh more, vermillion when minuses do, its
    number written in the cell ("+7", "−6"; empty for nothing), so it reads
    without colour. Opportunities are best first, categories in their usual
    order; uncategorized factors count as "other".

    Parameters
    ----------
    workspace
        The workspace.
    ax
        Axes to draw on; without one, a new figure sized to the table (not
        known to pyplot).

    Returns
    -------
    Axes
        The axes drawn on.

    Examples
    --------
    >>> from followup import example_workspace
    >>> ax = plot_categories(example_workspace())
    >>> [t.get_text() for t in ax.get_xticklabels()][:3]
    ['pay', 'growth', 'people']
    """
    order = score(workspace).index
    matrix = category_matrix(workspace).reindex(order)
    ax = rows_axes(ax, len(matrix), extra=1.7, width=max(6.0, 3.8 + 0.62 * len(matrix.columns)))
    set_title(ax, "Signed weight by category (pluses − minuses)", above_ticks=True, pad=10)
    if matrix.empty or len(matrix.columns) == 0:
        show_empty(ax, "No factors yet" if len(matrix) else "No opportunities yet")
        return ax
    values = matrix.to_numpy(dtype="float64")
    reach = max(float(np.abs(values).max()), 1.0)
    ax.imshow(
        values,
        cmap=SIGNED_WEIGHT_COLORS,
        vmin=-reach,
        vmax=reach,
        aspect="auto",
        interpolation="nearest",
    )
    names = names_by_id(workspace)
    fontsize = label_rows(ax, [names[i] for i in matrix.index])
    for (row, column), value in np.ndenumerate(values):
        if value:  # an empty cell is plainer than a written 0
            ax.text(
                column,
                row,
                signed(value),
                ha="center",
                va="center",
                fontsize=fontsize,
                color="white" if abs(value) > 0.55 * reach else INK,
                fontweight="bold",
            )
    _label_columns(ax, [str(c) for c in matrix.columns])
    ax.tick_params(length=0)
    hide_spines(ax)
    ax.set_xticks(np.arange(len(matrix.columns) + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(len(matrix) + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="white", linewidth=2)
    ax.tick_params(which="minor", length=0)
    return ax


def _label_columns(ax: Axes, categories: list[str]) -> None:
    widths = em_widths()
    shown = [shorten(c, _MAX_CATEGORY_EMS, char_width=widths) for c in categories]
    turned = any(text_width(c, widths) > _COLUMN_EMS for c in shown)
    ax.set_xticks(range(len(categories)), labels=shown)
    ax.xaxis.tick_top()
    labels = ax.get_xticklabels()
    protect(*labels)
    if turned:
        for label in labels:
            label.set_rotation(35)
            label.set_horizontalalignment("left")
            label.set_rotation_mode("anchor")
