"""Every opportunity side by side: pluses one way, minuses the other, the balance marked."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from followup.charts.labels import signed
from followup.charts.rows import (
    RowFrame,
    RowName,
    frame_names,
    label_rows,
    names_by_id,
    row_bars,
    row_notes,
    rows_axes,
    shown_rows,
)
from followup.charts.style import (
    INK,
    MINUS,
    MUTED,
    PLUS,
    RULE,
    VERDICT_COLORS,
    VERDICT_MARKERS,
    VERDICT_WORDS,
    hide_spines,
    set_title,
    show_empty,
    top_legend,
)
from followup.decide.scoring import check_threshold, score, verdict_for
from followup.errors import Problem, ValidationError
from followup.model import Workspace

__all__ = ["plot_balance"]

_FACTOR_COLUMNS = {"opportunity", "side", "weight"}
_SCORE_COLUMNS = {"plus", "minus", "balance", "verdict"}


def implied_threshold(table: pd.DataFrame) -> float:
    """A threshold that agrees with a score table's verdicts: 0 when 0 does.

    >>> table = pd.DataFrame({"balance": [5, 3, 1], "verdict": ["pass", "undecided", "fail"]})
    >>> implied_threshold(table)
    3.0
    """
    balance = table["balance"].astype("float64")
    verdict = table["verdict"].astype("str")
    undecided = balance[verdict == "undecided"]
    if len(undecided):
        return float(undecided.iloc[0])
    passing = balance[verdict == "pass"]
    failing = balance[verdict == "fail"]
    low = float(failing.max()) if len(failing) else None
    high = float(passing.min()) if len(passing) else None
    if (low is None or low < 0) and (high is None or high > 0):
        return 0.0
    if low is None:
        return (high or 0.0) - 1
    if high is None:
        return low + 1
    return (low + high) / 2


def _scored(data: object, threshold: float | None) -> tuple[pd.DataFrame, Sequence[RowName], float]:
    """The score table best first, the row names, and the threshold to draw."""
    if isinstance(data, Workspace):
        limit = check_threshold(data.settings.threshold if threshold is None else threshold)
        table = score(data, threshold=limit)
        names = names_by_id(data)
        return table, [names[i] for i in table.index], limit
    if isinstance(data, pd.DataFrame) and set(data.columns) >= _SCORE_COLUMNS:
        table = data.sort_values("balance", ascending=False, kind="stable")
        if threshold is None:
            limit = implied_threshold(table)
        else:
            limit = check_threshold(threshold)
            table = table.assign(verdict=[verdict_for(b, limit) for b in table["balance"]])
        return table, frame_names(table), limit
    if isinstance(data, pd.DataFrame) and set(data.columns) >= _FACTOR_COLUMNS:
        table = score(data, threshold=threshold)
        return table, frame_names(table), check_threshold(0 if threshold is None else threshold)
    raise ValidationError(
        [Problem("data", "must be a Workspace or a table from score()", type(data).__name__)]
    )


def plot_balance(
    data: Workspace | pd.DataFrame, *, threshold: float | None = None, ax: Axes | None = None
) -> Axes:
    """Draw every opportunity's pluses and minuses side by side, best first, with the threshold.

    Each row is one opportunity: its plus total to the right of zero, its
    minus total to the left, and its balance as a black marker whose shape
    gives the verdict (▲ pass, ● undecided, ▼ fail), also written at the
    right ("PASS +17"), so the chart reads without colour. With more than
    :data:`~followup.charts.rows.MAX_ROWS` (60) opportunities, the best 59
    have a row and a last row counts the verdicts of the others; the title
    counts every opportunity.

    Parameters
    ----------
    data
        A :class:`~followup.model.Workspace`, a table from
        :func:`~followup.decide.scoring.score`, or a factors frame (which is scored).
    threshold
        The balance to beat. Default: the workspace's setting; for a score
        table, the threshold its verdicts imply (0 when they allow it). Given
        with a score table, the verdicts are judged again against it.
    ax
        Axes to draw on; without one, a new figure sized to the number of
        opportunities (not known to pyplot).

    Returns
    -------
    Axes
        The axes drawn on.

    Examples
    --------
    >>> from followup import example_workspace
    >>> ax = plot_balance(example_workspace())
    >>> ax.get_title()
    'Every opportunity, best first: 6 pass, 1 fail'
    """
    table, names, limit = _scored(data, threshold)
    every_verdict = [str(v) for v in table["verdict"]]
    shown = shown_rows(len(table))
    left_out = every_verdict[shown:]
    table, names = table.iloc[:shown], list(names[:shown])
    verdicts = every_verdict[:shown]
    summary = f"… and {len(left_out)} more: {_counts(left_out)}" if left_out else ""
    balance = table["balance"].to_numpy(dtype="float64")
    notes = [
        f"{VERDICT_WORDS.get(v, v)} {signed(b)}" for v, b in zip(verdicts, balance, strict=True)
    ]
    handles = _legend_handles(verdicts)
    frame = RowFrame(
        [*names, summary] if summary else names,
        notes=notes,
        bold_notes=True,
        legend=[str(h.get_label()) for h in handles],
    )
    ax = rows_axes(ax, frame)
    if table.empty:
        show_empty(ax, "No opportunities yet")
        return ax
    rows = [float(row) for row in range(len(table))]
    plus = table["plus"].to_numpy(dtype="float64")
    minus = table["minus"].to_numpy(dtype="float64")
    row_bars(ax, rows, plus, height=0.62, facecolors=PLUS, label="pluses")
    row_bars(ax, rows, -minus, height=0.62, facecolors=MINUS, label="minuses")
    for verdict, marker in VERDICT_MARKERS.items():
        where = [i for i, v in enumerate(verdicts) if v == verdict]
        if where:
            ax.scatter(
                balance[where],
                where,
                marker=marker,
                s=70,
                color=INK,
                edgecolors="white",
                linewidths=1.2,
                zorder=3,
                label=f"balance ({VERDICT_WORDS[verdict]})",
            )
    fontsize = label_rows(ax, names, summary=summary)
    colors = [VERDICT_COLORS.get(verdict, INK) for verdict in verdicts]
    row_notes(ax, notes, fontsize=fontsize, colors=colors, fontweight="bold")
    reach = max(float(plus.max()), float(minus.max()), abs(limit), 5.0) * 1.08 + 1
    ax.set_xlim(-reach, reach)
    ax.axvline(0, color=RULE, linewidth=0.8, zorder=0)
    ax.axvline(limit, color=INK, linestyle=(0, (4, 3)), linewidth=1.1, zorder=2)
    # A strip above the first row holds the threshold's name.
    ax.set_ylim(len(table) + (0.5 if summary else -0.5), -1.1)
    ax.text(
        limit, -0.8, f" threshold {signed(limit)}", ha="left", va="center", fontsize=8, color=INK
    )
    # Both directions count weight: 20 on the left is 20 of minuses.
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{abs(x):g}"))
    ax.set_xlabel("← minuses     weight     pluses →", color=MUTED)
    ax.grid(axis="x", color=RULE, linewidth=0.5, alpha=0.6)
    ax.set_axisbelow(True)
    hide_spines(ax, "top", "right", "left")
    pad = top_legend(ax, handles)
    set_title(ax, "Every opportunity, best first: " + _counts(every_verdict), pad=pad)
    return ax


def _counts(verdicts: list[str]) -> str:
    """``"6 pass, 1 fail"``: how many of each verdict, in the usual order."""
    return ", ".join(f"{verdicts.count(v)} {v}" for v in VERDICT_WORDS if verdicts.count(v))


def _legend_handles(verdicts: list[str]) -> list[Artist]:
    handles: list[Artist] = [
        Patch(color=PLUS, label="pluses"),
        Patch(color=MINUS, label="minuses"),
    ]
    handles += [
        Line2D(
            [],
            [],
            linestyle="none",
            marker=marker,
            markersize=8,
            color=INK,
            label=f"balance: {verdict}",
        )
        for verdict, marker in VERDICT_MARKERS.items()
        if verdict in verdicts
    ]
    return handles
