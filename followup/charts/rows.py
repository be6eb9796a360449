"""Charts with one row per opportunity (or factor): their names, their order and their size.

A chart of this kind shows at most a fixed number of rows, the last of them
a summary of the rows left out, so that it stays readable and quick to draw
at any size of workspace. On a figure of its own, the room around the rows
(names on the left, notes on the right, key and title above, the x axis
below) is reckoned from the text itself, with the widths of the chart font,
instead of measured by a layout engine: measuring every label costs more
than drawing it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import matplotlib as mpl
import numpy as np
import numpy.typing as npt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

from followup._text import text_width
from followup.charts.fonts import em_widths
from followup.charts.labels import shorten, shorten_name, unique_names
from followup.charts.style import (
    FONT_SIZE,
    INK,
    MUTED,
    TITLE_SIZE,
    axes_size,
    legend_pad,
    root_figure,
)
from followup.charts.text_batch import TextBatch
from followup.model import Workspace

__all__ = [
    "MAX_ROWS",
    "ROW_NAMES",
    "ROW_NOTES",
    "ROW_SUMMARY",
    "RowFrame",
    "RowName",
    "fit_names",
    "frame_names",
    "label_rows",
    "names_by_id",
    "plot_width",
    "row_bars",
    "row_notes",
    "rows_axes",
    "shown_rows",
]

#: Rows a chart of opportunities shows at most, its summary row included: every
#: opportunity of any real search (the example has 7), and for a workspace with more,
#: the best 59 and one row that sums up the rest.
MAX_ROWS = 60

_WIDTH = 8.0  # inches, for a chart drawn on its own figure
PER_ROW = 0.34  # inches per row
_MAX_LABEL_SHARE = 0.34  # of the figure's width, at most, for row labels
_MIN_FONT_SIZE = 4.0
_LINE = 1.25  # line height, in ems
_EDGE = 0.1  # inches left free at each edge of the figure
_BOLD = 1.08  # bold text is about this much wider than regular text
_NOTE_GAP = 0.01  # of the axes' width, between the axes and a row note


#: The gids of the artists that hold the names of the rows and the notes right of them.
ROW_NAMES = "row names"
ROW_SUMMARY = "row summary"  # the name of the last row, which sums up the rows left out
ROW_NOTES = "row notes"

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


def shown_rows(count: int, limit: int = MAX_ROWS) -> int:
    """How many of ``count`` items get a row of their own: all, or ``limit - 1`` and a summary.

    >>> shown_rows(7), shown_rows(60), shown_rows(300)
    (7, 60, 59)
    """
    return count if count <= limit else limit - 1


def _text_size(height_inches: float, rows: int, lines: int) -> float:
    row_points = height_inches * 72 / max(rows, 1)
    return float(min(FONT_SIZE, max(row_points / (lines * _LINE), _MIN_FONT_SIZE)))


def _fit(name: RowName, ems: float, max_lines: int) -> str:
    if isinstance(name, tuple):
        return shorten_name(*name, ems, max_lines=max_lines, char_width=em_widths())
    return shorten(name, ems, max_lines=max_lines, char_width=em_widths())


def fit_names(
    names: Sequence[RowName], *, height_inches: float, figure_width: float
) -> tuple[list[str], float]:
    """``names`` shortened to fit rows of axes ``height_inches`` tall, and their text size.

    Names wrap onto two lines when two lines of the usual size fit in a row,
    and take at most a third of the figure's width.
    """
    fontsize = _text_size(height_inches, len(names), 1)
    max_lines = 2 if _text_size(height_inches, len(names), 2) >= FONT_SIZE else 1
    ems = max(figure_width * _MAX_LABEL_SHARE * 72 / fontsize, 6)
    return [_fit(name, ems, max_lines) for name in names], fontsize


def label_rows(ax: Axes, names: Sequence[RowName], *, summary: str = "") -> float:
    """Write ``names`` left of the axes, row 0 at the top, shortened to fit and drawn as typed.

    ``summary``, when given, names one more row at the bottom (muted, in
    italics): the rows left out. The names are one artist (a
    :class:`~followup.charts.text_batch.TextBatch` with the gid
    :data:`ROW_NAMES`), not tick labels: quicker to make and to draw. Returns
    the text size used, smaller than usual only when the rows are too close
    for one line of the usual size.
    """
    figure_width = float(root_figure(ax).get_size_inches()[0])
    rows = [*names, summary] if summary else list(names)
    shown, fontsize = fit_names(rows, height_inches=axes_size(ax)[1], figure_width=figure_width)
    ax.set_yticks([])
    ax.set_ylim(len(rows) - 0.5, -0.5)
    where = ax.get_yaxis_transform()  # x across the axes, y in rows
    offset = (-float(mpl.rcParams["ytick.major.pad"]), 0.0)

    def write(first: int, last: int, **look: Any) -> TextBatch:
        batch = TextBatch(
            [(0.0, float(row)) for row in range(first, last)],
            shown[first:last],
            transform=where,
            fontsize=fontsize,
            ha="right",
            offset=offset,
            user_text=True,
            **look,
        )
        ax.add_artist(batch)
        return batch

    write(0, len(names), colors=INK).set_gid(ROW_NAMES)
    if summary:
        write(len(names), len(rows), colors=MUTED, fontstyle="italic").set_gid(ROW_SUMMARY)
    return fontsize


def row_notes(
    ax: Axes,
    notes: Sequence[str],
    *,
    fontsize: float,
    colors: str | Sequence[str] = INK,
    fontweight: str = "normal",
) -> TextBatch:
    """Write ``notes[row]`` in the column right of the axes, level with each row (one artist)."""
    batch = TextBatch(
        [(1.0 + _NOTE_GAP, float(row)) for row in range(len(notes))],
        notes,
        transform=ax.get_yaxis_transform(),
        fontsize=fontsize,
        colors=colors,
        ha="left",
        fontweight=fontweight,
    )
    batch.set_gid(ROW_NOTES)
    ax.add_artist(batch)
    return batch


def row_bars(
    ax: Axes,
    centres: Sequence[float],
    widths: Sequence[float] | npt.NDArray[np.float64],
    *,
    height: float,
    label: str,
    **style: Any,
) -> PolyCollection:
    """One bar per row from 0 to ``widths[row]`` (negative: leftwards), as one collection.

    Quicker to make and to draw than a patch per bar; ``label`` names it
    (``collection.get_label()``).
    """
    half = height / 2
    corners = [
        [(0.0, c - half), (float(w), c - half), (float(w), c + half), (0.0, c + half)]
        for c, w in zip(centres, widths, strict=True)
    ]
    style.setdefault("edgecolors", "none")
    collection = PolyCollection(corners, label=label, **style)
    ax.add_collection(collection, autolim=False)
    return collection


def _points(size: str | float) -> float:
    """A font size of matplotlib's settings ("medium", 10) in points."""
    return float(FontProperties(size=size).get_size_in_points())


def _widest(texts: Sequence[str], fontsize: float) -> float:
    """Inches the widest line of ``texts`` takes at ``fontsize``."""
    widths = em_widths()
    ems = max((text_width(line, widths) for t in texts for line in t.split("\n")), default=0.0)
    return ems * fontsize / 72


@dataclass(frozen=True)
class RowFrame:
    """What a chart of rows holds around its axes: the text the room is reckoned from.

    ``names`` are the row labels (the summary row's included), ``notes`` the
    column of text right of the axes, ``legend`` the labels of the key above
    them, ``title_lines`` the lines of the title over the key, ``x_axis``
    whether numbers and a label sit below, ``over`` and ``beyond`` the
    inches other text (column labels) takes right above and right of the
    axes, and ``width`` the figure's width (it grows if the text needs it).
    """

    names: Sequence[RowName]
    notes: Sequence[str] = ()
    bold_notes: bool = False
    legend: Sequence[str] = ()
    title_lines: int = 1
    x_axis: bool = True
    over: float = 0.0
    beyond: float = 0.0
    width: float = _WIDTH


@dataclass(frozen=True)
class _Box:
    """Inches: the figure's size and the axes' place in it."""

    width: float
    height: float
    left: float
    bottom: float
    plot_width: float
    plot_height: float


def _box(frame: RowFrame) -> _Box:
    plot_height = PER_ROW * max(len(frame.names), 1)
    labels, fontsize = fit_names(frame.names, height_inches=plot_height, figure_width=frame.width)
    left = _EDGE + _widest(labels, fontsize) * 1.03 + mpl.rcParams["ytick.major.pad"] / 72
    notes = _widest(frame.notes, fontsize) * (_BOLD if frame.bold_notes else 1.0)
    beyond = max(notes, frame.beyond)
    plot_width = max(frame.width - left - _EDGE - beyond, 2.0)
    right = _EDGE + beyond + (_NOTE_GAP * plot_width if frame.notes else 0.0)
    title = frame.title_lines * TITLE_SIZE * 1.2 / 72
    top = _EDGE + title + legend_pad(plot_width, frame.legend) / 72 + frame.over
    bottom = _EDGE
    if frame.x_axis:
        points = (
            mpl.rcParams["xtick.major.size"]
            + mpl.rcParams["xtick.major.pad"]
            + 1.2 * _points(mpl.rcParams["xtick.labelsize"])
            + mpl.rcParams["axes.labelpad"]
            + 1.2 * _points(mpl.rcParams["axes.labelsize"])
        )
        bottom += points / 72
    width = max(frame.width, left + plot_width + right)
    return _Box(width, top + plot_height + bottom, left, bottom, plot_width, plot_height)


def plot_width(ax: Axes | None, frame: RowFrame) -> float:
    """Width in inches of ``ax``, or of the axes :func:`rows_axes` would make for ``frame``."""
    return axes_size(ax)[0] if ax is not None else _box(frame).plot_width


def rows_axes(ax: Axes | None, frame: RowFrame) -> Axes:
    """``ax``, or axes on a new figure (unknown to pyplot) with room for ``frame``'s rows and text.

    The rows are ``PER_ROW`` inches each; the figure is as tall as they and
    the text around them need, and at least ``frame.width`` wide.
    """
    if ax is not None:
        return ax
    box = _box(frame)
    figure = Figure(figsize=(box.width, box.height))
    return figure.add_axes(
        (
            box.left / box.width,
            box.bottom / box.height,
            box.plot_width / box.width,
            box.plot_height / box.height,
        )
    )
