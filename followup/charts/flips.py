"""What would flip a verdict: each factor's weights from 1 to 10 and the verdict each gives."""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from followup.charts.rows import label_rows, rows_axes
from followup.charts.style import (
    INK,
    MUTED,
    VERDICT_COLORS,
    axes_size,
    hide_spines,
    opportunity_title,
    row_note,
    set_title,
    show_empty,
    top_legend,
)
from followup.decide.scoring import check_threshold, verdict_for
from followup.decide.sensitivity import flip_points
from followup.model import Workspace

__all__ = ["plot_flip_points"]

_WEIGHTS = range(1, 11)
_FLIPPED_HATCH = "////"


def _nearest_first(flips: pd.DataFrame) -> pd.DataFrame:
    """Factors closest to flipping the verdict first; those that never flip it last."""
    distance = flips["change"].abs().astype("float64").fillna(math.inf)
    return flips.assign(_distance=distance).sort_values("_distance", kind="stable")


def _runs(verdicts: list[str]) -> list[tuple[str, int, int]]:
    """Consecutive weights with the same verdict: (verdict, first weight, last weight)."""
    runs: list[tuple[str, int, int]] = []
    for weight, verdict in zip(_WEIGHTS, verdicts, strict=True):
        if runs and runs[-1][0] == verdict:
            runs[-1] = (verdict, runs[-1][1], weight)
        else:
            runs.append((verdict, weight, weight))
    return runs


def plot_flip_points(workspace: Workspace, opportunity_id: str, *, ax: Axes | None = None) -> Axes:
    """Draw, for each factor, the verdict at every weight from 1 to 10 and where it flips.

    One bar per factor, like a slider track: each stretch of weights is
    coloured by the verdict it would give with every other weight unchanged
    (blue pass, grey undecided, vermillion fail), and hatched where the
    verdict would flip. A diamond marks today's weight, and the right column
    says where the verdict flips ("flips at 9") or that it never does. The
    factor closest to flipping the verdict is on top: "this hinges on the
    commute" reads at a glance.

    Parameters
    ----------
    workspace
        The workspace holding the opportunity (its threshold decides verdicts).
    opportunity_id
        The id of the opportunity.
    ax
        Axes to draw on; without one, a new figure sized to the number of
        factors (not known to pyplot).

    Returns
    -------
    Axes
        The axes drawn on.

    Examples
    --------
    >>> from followup import example_workspace
    >>> ax = plot_flip_points(example_workspace(), "initech-backend-engineer")
    >>> ax.get_title()
    'Initech — Backend Engineer: PASS (+2)'
    """
    opportunity = workspace.opportunity(opportunity_id)
    threshold = check_threshold(workspace.settings.threshold)
    flips = _nearest_first(flip_points(workspace, opportunity_id))
    balance = opportunity.balance
    verdict = verdict_for(balance, threshold)
    ax = rows_axes(ax, len(flips), extra=1.7)
    title = opportunity_title(
        opportunity.company, opportunity.role, verdict, balance, width_inches=axes_size(ax)[0]
    )
    if flips.empty:
        set_title(ax, title)
        show_empty(ax, "No factors to weigh yet")
        return ax
    passes_now = verdict == "pass"
    sides = [str(side) for side in flips["side"]]
    weights = [int(weight) for weight in flips["weight"]]
    flip_weights = [None if pd.isna(w) else int(w) for w in flips["flip_weight"]]
    for row, (side, weight) in enumerate(zip(sides, weights, strict=True)):
        sign = 1 if side == "plus" else -1
        verdicts = [verdict_for(balance + sign * (w - weight), threshold) for w in _WEIGHTS]
        for run_verdict, first, last in _runs(verdicts):
            flipped = (run_verdict == "pass") != passes_now
            ax.broken_barh(
                [(first - 0.5, last - first + 1)],
                (row - 0.3, 0.6),
                facecolors=VERDICT_COLORS[run_verdict],
                edgecolor="white",
                linewidth=1.0,
                hatch=_FLIPPED_HATCH if flipped else None,
            )
    ax.scatter(
        weights,
        range(len(flips)),
        marker="D",
        s=55,
        color=INK,
        edgecolors="white",
        linewidths=1.2,
        zorder=3,
        label="weight now",
    )
    fontsize = label_rows(ax, [str(label) for label in flips["label"]])
    for row, (side, flip_weight) in enumerate(zip(sides, flip_weights, strict=True)):
        where = "never flips" if flip_weight is None else f"flips at {flip_weight}"
        row_note(ax, row, f"{side}, {where}", fontsize=fontsize)
    ax.set_xlim(0.4, 10.6)
    ax.set_xticks(list(_WEIGHTS))
    ax.set_xlabel("weight of that factor, the others as they are", color=MUTED)
    hide_spines(ax, "top", "right", "left")
    set_title(ax, title, pad=top_legend(ax, _legend_handles()))
    return ax


def _legend_handles() -> list[Artist]:
    return [
        Patch(facecolor=VERDICT_COLORS["pass"], label="pass"),
        Patch(facecolor=VERDICT_COLORS["undecided"], label="undecided"),
        Patch(facecolor=VERDICT_COLORS["fail"], label="fail"),
        Patch(facecolor="white", edgecolor=INK, hatch=_FLIPPED_HATCH, label="verdict flips"),
        Line2D([], [], linestyle="none", marker="D", markersize=7, color=INK, label="weight now"),
    ]
