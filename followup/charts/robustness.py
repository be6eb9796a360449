"""How sure each verdict is: the chance of passing and of ranking first under doubt."""

from __future__ import annotations

import inspect

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch
from matplotlib.ticker import PercentFormatter

from followup.charts.rows import (
    RowFrame,
    RowName,
    label_rows,
    names_by_id,
    row_bars,
    row_notes,
    rows_axes,
    shown_rows,
)
from followup.charts.style import (
    ACCENT,
    INK,
    MUTED,
    PLUS,
    RULE,
    VERDICT_WORDS,
    hide_spines,
    set_title,
    show_empty,
    top_legend,
)
from followup.charts.text_batch import TextBatch
from followup.decide.scoring import score
from followup.decide.sensitivity import robustness
from followup.decide.shares import percent
from followup.model import Workspace

__all__ = ["FIRST_PLACE", "plot_robustness"]

_TOP_HATCH = "////"
#: The key's words for the hatched bars: a first place shared by a tie is split.
FIRST_PLACE = "first place (a tie splits it)"


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
    hatched orange bars its share of the first places, a first place shared
    by a tie being split between the tied (so those bars add up to 100%);
    each bar's percentage is written at its end (see
    :func:`~followup.decide.shares.percent`), and today's verdict on the
    right. Opportunities are best first; with more than
    :data:`~followup.charts.rows.MAX_ROWS` (60), a last row sums up the rest.

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
    every_chance = robustness(workspace, **robustness_options)  # type: ignore[arg-type]
    table = score(workspace)
    every_chance = every_chance.reindex(table.index)
    shown = shown_rows(len(table))
    chances, rest = every_chance.iloc[:shown], every_chance.iloc[shown:]
    summary = _summary(rest)
    verdicts = [VERDICT_WORDS.get(str(v), str(v)) for v in table["verdict"].iloc[:shown]]
    notes = [f"now {verdict}" for verdict in verdicts]
    all_names = names_by_id(workspace)
    names: list[RowName] = [all_names[i] for i in chances.index]
    handles = [
        Patch(facecolor=PLUS, label="passes"),
        Patch(facecolor="white", edgecolor=ACCENT, hatch=_TOP_HATCH, label=FIRST_PLACE),
    ]
    frame = RowFrame(
        [*names, summary] if summary else names,
        notes=notes,
        legend=[str(h.get_label()) for h in handles],
    )
    ax = rows_axes(ax, frame)
    jitter, trials = _option(robustness_options, "jitter"), _option(robustness_options, "trials")
    title = f"How sure is each verdict? (weights ±{jitter}, {trials} trials)"
    if chances.empty:
        set_title(ax, title)
        show_empty(ax, "No opportunities yet")
        return ax
    rows = list(range(len(chances)))
    p_pass = chances["p_pass"].to_numpy(dtype="float64")
    p_top = chances["p_top"].to_numpy(dtype="float64")
    row_bars(ax, [r - 0.19 for r in rows], p_pass, height=0.36, facecolors=PLUS, label="passes")
    row_bars(
        ax,
        [r + 0.19 for r in rows],
        p_top,
        height=0.36,
        facecolors="white",
        edgecolors=ACCENT,
        hatch=_TOP_HATCH,
        linewidths=1.0,
        label="ranks first",
    )
    fontsize = label_rows(ax, names, summary=summary)
    small = min(fontsize, 8.0)
    for shares, shift, color in ((p_pass, -0.19, INK), (p_top, 0.19, MUTED)):
        ax.add_artist(
            TextBatch(
                [(share + 0.01, row + shift) for row, share in zip(rows, shares, strict=True)],
                [percent(share) for share in shares],
                transform=ax.transData,
                fontsize=small,
                colors=color,
                ha="left",
            )
        )
    row_notes(ax, notes, fontsize=fontsize)
    ax.set_xlim(0, 1.12)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
    ax.xaxis.set_major_formatter(PercentFormatter(xmax=1, decimals=0))
    ax.axvline(0.5, color=RULE, linewidth=0.8, linestyle=":", zorder=0)
    ax.set_xlabel("share of trials", color=MUTED)
    hide_spines(ax, "top", "right")
    set_title(ax, title, pad=top_legend(ax, handles))
    return ax


def _summary(rest: pd.DataFrame) -> str:
    """The last row, for the opportunities left out: how often they pass, and come first."""
    if rest.empty:
        return ""
    least, most = (percent(float(share)) for share in (rest["p_pass"].min(), rest["p_pass"].max()))
    passing = most if least == most else f"{least}–{most}"
    first = percent(float(rest["p_top"].sum()))
    return f"… and {len(rest)} more: passing {passing}, first {first} in all"
