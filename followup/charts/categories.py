"""Where each opportunity's weight comes from: an opportunity × category heatmap."""

from __future__ import annotations

import math
from dataclasses import dataclass

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.font_manager import FontProperties

from followup._text import text_width
from followup.charts.fonts import em_widths
from followup.charts.labels import ELLIPSIS, shorten, signed
from followup.charts.rows import RowFrame, RowName, label_rows, names_by_id, rows_axes, shown_rows
from followup.charts.style import (
    INK,
    MINUS,
    MUTED,
    PLUS,
    hide_spines,
    protect,
    set_title,
    show_empty,
)
from followup.charts.text_batch import TextBatch
from followup.decide.frames import category_matrix
from followup.decide.scoring import score
from followup.model import Workspace

__all__ = ["CATEGORY_COLUMNS", "plot_categories"]

#: Vermillion for minuses through light grey (nothing) to blue for pluses.
SIGNED_WEIGHT_COLORS = LinearSegmentedColormap.from_list(
    "followup-signed", [MINUS, "#F2F2F2", PLUS]
)
#: Columns the heatmap shows at most: the suggested categories and a few of one's own.
#: With more, the heaviest 11 keep a column, in their usual order, and a last column
#: ("… 5 more") adds up the others.
CATEGORY_COLUMNS = 12

_COLUMN_EMS = 9  # category names wider than this are turned
_MAX_CATEGORY_EMS = 16
_TURN = 35  # degrees
_CELL_WIDTH = 0.62  # inches per column, on a figure of its own
_TITLE_PAD = 10.0  # points between the column names and the title


def _columns(matrix: pd.DataFrame) -> tuple[np.ndarray, list[str]]:
    """The matrix's values and column names, its lightest categories added up in one column."""
    values = matrix.to_numpy(dtype="float64")
    names = [str(c) for c in matrix.columns]
    if len(names) <= CATEGORY_COLUMNS:
        return values, names
    heaviest = np.argsort(-np.abs(values).sum(axis=0), kind="stable")[: CATEGORY_COLUMNS - 1]
    kept = np.sort(heaviest)
    rest = np.setdiff1d(np.arange(len(names)), kept)
    summed = values[:, rest].sum(axis=1, keepdims=True)
    return np.hstack([values[:, kept], summed]), [
        *(names[i] for i in kept),
        f"{ELLIPSIS} {len(rest)} more",
    ]


@dataclass(frozen=True)
class _ColumnLabels:
    shown: list[str]
    turned: bool
    fontsize: float

    def over(self) -> float:
        """Inches the labels take above the axes."""
        line = 1.2 * self.fontsize / 72
        pad = float(mpl.rcParams["xtick.major.pad"]) / 72
        if not self.turned:
            return line + pad
        turn = math.radians(_TURN)
        return self._widest() * math.sin(turn) + line * math.cos(turn) + pad

    def beyond(self) -> float:
        """Inches the labels reach past the axes' right edge (turned labels lean right)."""
        if not self.turned or not self.shown:
            return 0.0
        lean = math.cos(math.radians(_TURN)) * self.fontsize / 72
        # Each label starts half a column left of the next; columns are at least this wide.
        narrowest = 0.4
        return max(
            text_width(label, em_widths()) * lean - (len(self.shown) - 0.5 - column) * narrowest
            for column, label in enumerate(self.shown)
        )

    def _widest(self) -> float:
        return max(text_width(c, em_widths()) for c in self.shown) * self.fontsize / 72


def _column_labels(categories: list[str]) -> _ColumnLabels:
    widths = em_widths()
    shown = [shorten(c, _MAX_CATEGORY_EMS, char_width=widths) for c in categories]
    turned = any(text_width(c, widths) > _COLUMN_EMS for c in shown)
    fontsize = FontProperties(size=mpl.rcParams["xtick.labelsize"]).get_size_in_points()
    return _ColumnLabels(shown, turned, float(fontsize))


def plot_categories(workspace: Workspace, *, ax: Axes | None = None) -> Axes:
    """Draw an opportunity × category heatmap of signed weight, each cell written out.

    A cell holds the pluses minus the minuses of one opportunity in one
    category: blue when pluses weigh more, vermillion when minuses do, its
    number written in the cell ("+7", "−6"; empty for nothing), so it reads
    without colour. Opportunities are best first, categories in their usual
    order; uncategorized factors count as "other". At most
    :data:`~followup.charts.rows.MAX_ROWS` (60) rows, the last counting the
    opportunities left out, and :data:`CATEGORY_COLUMNS` (12) columns, the
    last adding up the lightest categories.

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
    title = "Signed weight by category (pluses − minuses)"
    order = score(workspace).index
    matrix = category_matrix(workspace).reindex(order)
    values, categories = _columns(matrix)
    shown = shown_rows(len(matrix))
    values = values[:shown]
    left_out = len(matrix) - shown
    summary = f"{ELLIPSIS} and {left_out} more" if left_out else ""
    all_names = names_by_id(workspace)
    names: list[RowName] = [all_names[i] for i in matrix.index[:shown]]
    column_labels = _column_labels(categories)
    frame = RowFrame(
        [*names, summary] if summary else names,
        x_axis=False,
        over=column_labels.over(),
        beyond=column_labels.beyond(),
        width=max(6.0, 3.8 + _CELL_WIDTH * len(categories)),
    )
    own_figure = ax is None
    ax = rows_axes(ax, frame)
    if own_figure:
        # The room over the axes is known: the title need not measure the column names.
        set_title(ax, title, pad=column_labels.over() * 72 + _TITLE_PAD)
    else:
        set_title(ax, title, above_ticks=True, pad=_TITLE_PAD)
    if matrix.empty or not categories:
        show_empty(ax, "No factors yet" if len(matrix) else "No opportunities yet")
        return ax
    reach = max(float(np.abs(values).max()), 1.0)
    ax.imshow(
        values,
        cmap=SIGNED_WEIGHT_COLORS,
        vmin=-reach,
        vmax=reach,
        aspect="auto",
        interpolation="nearest",
    )
    fontsize = label_rows(ax, names, summary=summary)
    filled_rows, filled_columns = np.nonzero(values)  # an empty cell is plainer than a 0
    written = values[filled_rows, filled_columns]
    ax.add_artist(
        TextBatch(
            np.column_stack([filled_columns, filled_rows]).astype(float).tolist(),
            [signed(value) for value in written],
            transform=ax.transData,
            fontsize=fontsize,
            colors=["white" if abs(value) > 0.55 * reach else INK for value in written],
            fontweight="bold",
        )
    )
    _label_columns(ax, column_labels, summed=len(categories) < len(matrix.columns))
    ax.tick_params(length=0)
    hide_spines(ax)
    # White lines between the cells: two artists, where a grid would make a tick per line.
    rows, width = values.shape
    ax.vlines(np.arange(1, width) - 0.5, -0.5, rows - 0.5, colors="white", linewidth=2)
    ax.hlines(np.arange(1, rows) - 0.5, -0.5, width - 0.5, colors="white", linewidth=2)
    ax.set_xlim(-0.5, width - 0.5)
    return ax


def _label_columns(ax: Axes, columns: _ColumnLabels, *, summed: bool) -> None:
    ax.set_xticks(range(len(columns.shown)), labels=columns.shown)
    ax.xaxis.tick_top()
    labels = ax.get_xticklabels()
    protect(*labels)
    if summed:
        labels[-1].set_color(MUTED)
        labels[-1].set_fontstyle("italic")
    if columns.turned:
        for label in labels:
            label.set_rotation(_TURN)
            label.set_horizontalalignment("left")
            label.set_rotation_mode("anchor")
