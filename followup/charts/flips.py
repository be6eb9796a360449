"""What would flip a verdict: each factor's weights from 1 to 10 and the verdict each gives."""

from __future__ import annotations

import math
from dataclasses import replace

import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from followup.charts.rows import (
    RowFrame,
    label_rows,
    plot_width,
    row_notes,
    rows_axes,
    shown_rows,
)
from followup.charts.style import (
    INK,
    MUTED,
    VERDICT_COLORS,
    hide_spines,
    opportunity_title,
    set_title,
    show_empty,
    top_legend,
)
from followup.decide.scoring import check_threshold, verdict_for
from followup.decide.sensitivity import flip_points
from followup.model import Workspace

__all__ = ["FLIP_ROWS", "plot_flip_points"]

#: Rows the chart shows at most, its summary row included: every factor of any T a
#: person weighs by hand (two sides of up to 20), nearest to flipping the verdict first.
FLIP_ROWS = 40

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
    commute" reads at a glance. With more than :data:`FLIP_ROWS` (40)
    factors, the 39 closest to flipping it have a row and a last row sums up
    the others.

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
    every_flip = _nearest_first(flip_points(workspace, opportunity_id))
    flips = every_flip.iloc[: shown_rows(len(every_flip), FLIP_ROWS)]
    summary = _summary(every_flip.iloc[len(flips) :])
    balance = opportunity.balance
    verdict = verdict_for(balance, threshold)
    sides = [str(side) for side in flips["side"]]
    flip_weights = [None if pd.isna(w) else int(w) for w in flips["flip_weight"]]
    notes = [
        f"{side}, {'never flips' if at is None else f'flips at {at}'}"
        for side, at in zip(sides, flip_weights, strict=True)
    ]
    labels = [str(label) for label in flips["label"]]
    handles = _legend_handles()
    frame = RowFrame(
        [*labels, summary] if summary else labels,
        notes=notes,
        legend=[str(h.get_label()) for h in handles],
    )
    title = opportunity_title(
        opportunity.company,
        opportunity.role,
        verdict,
        balance,
        width_inches=plot_width(ax, frame),
    )
    ax = rows_axes(ax, replace(frame, title_lines=title.count("\n") + 1))
    if flips.empty:
        set_title(ax, title)
        show_empty(ax, "No factors to weigh yet")
        return ax
    weights = [int(weight) for weight in flips["weight"]]
    _draw_stretches(ax, sides, weights, balance, threshold)
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
    fontsize = label_rows(ax, labels, summary=summary)
    row_notes(ax, notes, fontsize=fontsize)
    ax.set_xlim(0.4, 10.6)
    ax.set_xticks(list(_WEIGHTS))
    ax.set_xlabel("weight of that factor, the others as they are", color=MUTED)
    hide_spines(ax, "top", "right", "left")
    set_title(ax, title, pad=top_legend(ax, handles))
    return ax


def _summary(rest: pd.DataFrame) -> str:
    """The last row, for the factors left out: how many, and how far from flipping it."""
    if rest.empty:
        return ""
    never = int(rest["flip_weight"].isna().sum())
    distance = rest["change"].dropna().abs()
    parts = []
    if never:
        parts.append(f"{never} never flip{'s' if never == 1 else ''} the verdict")
    if len(distance):
        verb = "flips" if len(distance) == 1 else "flip"
        parts.append(f"{len(distance)} {verb} it {int(distance.min())} or more points away")
    return f"… and {len(rest)} more: " + ", ".join(parts)


def _draw_stretches(
    ax: Axes, sides: list[str], weights: list[int], balance: int, threshold: float
) -> None:
    """Each row's stretches of weights, one collection per look (few artists, quick to draw)."""
    passes_now = verdict_for(balance, threshold) == "pass"
    stretches: dict[tuple[str, bool], list[list[tuple[float, float]]]] = {}
    for row, (side, weight) in enumerate(zip(sides, weights, strict=True)):
        sign = 1 if side == "plus" else -1
        verdicts = [verdict_for(balance + sign * (w - weight), threshold) for w in _WEIGHTS]
        for run_verdict, first, last in _runs(verdicts):
            flipped = (run_verdict == "pass") != passes_now
            left, right, top, bottom = first - 0.5, last + 0.5, row - 0.3, row + 0.3
            corners = [(left, top), (right, top), (right, bottom), (left, bottom)]
            stretches.setdefault((run_verdict, flipped), []).append(corners)
    for (run_verdict, flipped), rectangles in stretches.items():
        ax.add_collection(
            PolyCollection(
                rectangles,
                facecolors=VERDICT_COLORS[run_verdict],
                edgecolors="white",
                linewidths=1.0,
                hatch=_FLIPPED_HATCH if flipped else None,
            ),
            autolim=False,
        )


def _legend_handles() -> list[Artist]:
    return [
        Patch(facecolor=VERDICT_COLORS["pass"], label="pass"),
        Patch(facecolor=VERDICT_COLORS["undecided"], label="undecided"),
        Patch(facecolor=VERDICT_COLORS["fail"], label="fail"),
        Patch(facecolor="white", edgecolor=INK, hatch=_FLIPPED_HATCH, label="verdict flips"),
        Line2D([], [], linestyle="none", marker="D", markersize=7, color=INK, label="weight now"),
    ]
