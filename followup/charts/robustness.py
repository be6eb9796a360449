"""How sure each verdict is: the chance of passing and of ranking first under doubt."""

from __future__ import annotations

import inspect

from matplotlib.axes import Axes
from matplotlib.patches import Patch
from matplotlib.ticker import PercentFormatter

from followup.charts.rows import label_rows, names_by_id, rows_axes
from followup.charts.style import (
    ACCENT,
    INK,
    MUTED,
    PLUS,
    RULE,
    VERDICT_WORDS,
    hide_spines,
    row_note,
    set_title,
    show_empty,
    top_legend,
)
from followup.decide.scoring import score
from followup.decide.sensitivity import robustness
from followup.model import Workspace

__all__ = ["plot_robustness"]

_TOP_HATCH = "////"


def percent(share: float) -> str:
    """A share as a whole percentage that never rounds to a certainty it is not.

    >>> percent(0.9965), percent(0.004), percent(0.666), percent(1.0)
    ('>99%', '<1%', '67%', '100%')
    """
    if 0 < share < 0.01:
        return "<1%"
    if 0.99 < share < 1:
        return ">99%"
    return f"{share:.0%}"


def _option(options: dict[str, object], name: str) -> object:
    """An option as given, or the default of :func:`robustness`, for the title."""
    if name in options:
        return options[name]
    return inspect.signature(robustness).parameters[name].default


def plot_robustness(
    workspace: Workspace, *, ax: Axes | None = None, **robustness_options: object
) -> Axes:
    """Draw each opportunity's chance of passing and of ranking first when the weights are in doubt.

    Every weight is moved at random by up to ``jitter`` points in each of
    ``trials`` trials (see :func:`~followup.decide.sensitivity.robustness`). Solid
    blue bars give the share of trials in which the opportunity passes,
    hatched orange bars the share in which it ranks first; each bar's
    percentage is written at its end, and today's verdict on the right.

    Parameters
    ----------
    workspace
        The workspace.
    ax
        Axes to draw on; without one, a new figure sized to the number of
        opportunities (not known to pyplot).
    **robustness_options
        ``trials``, ``jitter`` and ``seed``, passed to
        :func:`~followup.decide.sensitivity.robustness`.

    Returns
    -------
    Axes
        The axes drawn on.

    Examples
    --------
    >>> from followup import example_workspace
    >>> ax = plot_robustness(example_workspace(), trials=200)
    >>> ax.get_title()
    'How sure is each verdict? (weights ±2, 200 trials)'
    """
    chances = robustness(workspace, **robustness_options)  # type: ignore[arg-type]
    table = score(workspace)
    chances = chances.reindex(table.index)
    ax = rows_axes(ax, len(chances), extra=1.7)
    jitter, trials = _option(robustness_options, "jitter"), _option(robustness_options, "trials")
    title = f"How sure is each verdict? (weights ±{jitter}, {trials} trials)"
    if chances.empty:
        set_title(ax, title)
        show_empty(ax, "No opportunities yet")
        return ax
    rows = list(range(len(chances)))
    p_pass = chances["p_pass"].to_numpy(dtype="float64")
    p_top = chances["p_top"].to_numpy(dtype="float64")
    ax.barh([r - 0.19 for r in rows], p_pass, height=0.36, color=PLUS, label="passes")
    ax.barh(
        [r + 0.19 for r in rows],
        p_top,
        height=0.36,
        color="white",
        edgecolor=ACCENT,
        hatch=_TOP_HATCH,
        linewidth=1.0,
        label="ranks first",
    )
    names = names_by_id(workspace)
    fontsize = label_rows(ax, [names[i] for i in chances.index])
    small = min(fontsize, 8.0)
    for row, share_pass, share_top in zip(rows, p_pass, p_top, strict=True):
        ax.text(
            share_pass + 0.01,
            row - 0.19,
            percent(share_pass),
            va="center",
            fontsize=small,
            color=INK,
        )
        ax.text(
            share_top + 0.01,
            row + 0.19,
            percent(share_top),
            va="center",
            fontsize=small,
            color=MUTED,
        )
    for row, verdict in zip(rows, table["verdict"], strict=True):
        row_note(ax, row, f"now {VERDICT_WORDS.get(str(verdict), str(verdict))}", fontsize=fontsize)
    ax.set_xlim(0, 1.12)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
    ax.xaxis.set_major_formatter(PercentFormatter(xmax=1, decimals=0))
    ax.axvline(0.5, color=RULE, linewidth=0.8, linestyle=":", zorder=0)
    ax.set_xlabel("share of trials", color=MUTED)
    hide_spines(ax, "top", "right")
    handles = [
        Patch(facecolor=PLUS, label="passes"),
        Patch(facecolor="white", edgecolor=ACCENT, hatch=_TOP_HATCH, label="ranks first"),
    ]
    set_title(ax, title, pad=top_legend(ax, handles))
    return ax
