"""Charts with one row per opportunity: their names, their order and their size."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from matplotlib.axes import Axes

from followup.charts.fonts import em_widths
from followup.charts.labels import shorten, shorten_name, unique_names
from followup.charts.style import (
    FONT_SIZE,
    axes_size,
    chart_axes,
    protect,
    root_figure,
)
from followup.model import Workspace

__all__ = ["frame_names", "label_rows", "names_by_id", "row_text_size", "rows_axes"]

_WIDTH = 8.0  # inches, for a chart drawn on its own figure
_PER_ROW = 0.34  # inches per opportunity
_MAX_LABEL_SHARE = 0.34  # of the figure's width, at most, for row labels
_MIN_FONT_SIZE = 4.0


#: A row's name: plain text, or (company, role) to be shortened part by part.
RowName = str | tuple[str, str]


def names_by_id(workspace: Workspace) -> dict[str, RowName]:
    """Row names by id: ``("Initech", "Backend Engineer")``; a repeated name gets its id too."""
    full = [f"{o.company} — {o.role}" for o in workspace.opportunities]
    distinct = unique_names(full, workspace.ids)
    return {
        o.id: (o.company, o.role if name == plain else f"{o.role} ({o.id})")
        for o, name, plain in zip(workspace.opportunities, distinct, full, strict=True)
    }


def frame_names(table: pd.DataFrame) -> list[str]:
    """Row names for a table indexed by opportunity id: its ``company``, else the id."""
    ids = [str(i) for i in table.index]
    if "company" not in table.columns:
        return ids
    companies = [
        str(c) if isinstance(c, str) and c.strip() else i
        for c, i in zip(table["company"], ids, strict=True)
    ]
    return unique_names(companies, ids)


def rows_axes(ax: Axes | None, rows: int, *, extra: float = 1.5, width: float = _WIDTH) -> Axes:
    """``ax``, or axes on a new figure tall enough for ``rows`` rows plus ``extra`` inches."""
    return chart_axes(ax, (width, extra + _PER_ROW * max(rows, 1)))


def row_text_size(ax: Axes, rows: int, *, lines: int = 1) -> float:
    """The text size (points) at which ``lines`` lines fit in each of ``rows`` rows of ``ax``."""
    row_points = axes_size(ax)[1] * 72 / max(rows, 1)
    return float(min(FONT_SIZE, max(row_points / (lines * 1.25), _MIN_FONT_SIZE)))


def _fit(name: RowName, ems: float, max_lines: int) -> str:
    if isinstance(name, tuple):
        return shorten_name(*name, ems, max_lines=max_lines, char_width=em_widths())
    return shorten(name, ems, max_lines=max_lines, char_width=em_widths())


def label_rows(ax: Axes, names: Sequence[RowName]) -> float:
    """Put ``names`` on the y axis (row 0 at the top), shortened to fit and drawn as typed.

    Returns the text size used, smaller than usual only when the rows are too
    close for one line of the usual size.
    """
    fontsize = row_text_size(ax, len(names))
    max_lines = 2 if row_text_size(ax, len(names), lines=2) >= FONT_SIZE else 1
    figure_width = float(root_figure(ax).get_size_inches()[0])
    ems = max(figure_width * _MAX_LABEL_SHARE * 72 / fontsize, 6)
    shown = [_fit(name, ems, max_lines) for name in names]
    ax.set_yticks(range(len(names)), labels=shown, fontsize=fontsize)
    ax.set_ylim(len(names) - 0.5, -0.5)
    protect(*ax.get_yticklabels())
    ax.tick_params(axis="y", length=0)
    return fontsize
