"""The Franklin T of one opportunity: pluses on the left, minuses on the right."""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from followup.charts.labels import signed
from followup.charts.style import (
    INK,
    MINUS,
    MUTED,
    PLUS,
    FittedText,
    axes_size,
    fitted_text,
    set_title,
)
from followup.charts.t_layout import (
    FOOTER,
    HEADER,
    TLayout,
    TSide,
    fitting_layout,
    t_axes,
    t_sides,
    t_title,
)
from followup.decide.scoring import check_threshold, verdict_for
from followup.model import Opportunity, Workspace

__all__ = ["DrawnSide", "TChart", "draw_t", "plot_t"]


@dataclass
class DrawnSide:
    """The artists of one side of a drawn T that a change of weight alters."""

    shown: tuple[int, ...]  # which factors of the side have a row (see TSide)
    bars: list[Rectangle]
    numbers: list[Text]
    summary: FittedText | None  # the last row, for the factors without one

    @property
    def changing(self) -> list[Artist]:
        summary: list[Artist] = [] if self.summary is None else [self.summary]
        return [*self.bars, *self.numbers, *summary]

    def show(self, side: TSide, gap: float) -> None:
        for factor, bar, number in zip(side.shown_factors, self.bars, self.numbers, strict=True):
            bar.set_width(side.sign * factor.weight)
            number.set_x(side.sign * (factor.weight + gap))
            number.set_text(str(factor.weight))
        if self.summary is not None:
            # Shortened again, if need be, when drawn.
            self.summary.full_text = side.summary()
            self.summary.set_text(side.summary())


def _draw_side(ax: Axes, layout: TLayout, side: TSide, labels: list[str]) -> DrawnSide:
    """The bars, weights and labels of one side, and its summary row."""
    sign = side.sign
    color = PLUS if sign < 0 else MINUS
    inward = "right" if sign < 0 else "left"
    if not side.factors:
        empty = "no pluses yet" if sign < 0 else "no minuses yet"
        ax.text(
            sign * layout.label_edge,
            layout.centres[0],
            empty,
            ha=inward,
            va="center",
            color=MUTED,
            fontsize=layout.fontsize,
            fontstyle="italic",
        )
        return DrawnSide(side.shown, [], [], None)
    shown = side.shown_factors
    centres = layout.centres[: len(shown)]
    bars = ax.barh(
        centres,
        [sign * f.weight for f in shown],
        height=0.8,
        color=color,
        label="pluses" if sign < 0 else "minuses",
    )
    numbers = []
    rows = zip(centres, layout.row_lines, shown, labels, strict=False)
    for centre, lines, factor, label in rows:
        numbers.append(
            ax.text(
                0,
                centre,
                "",
                ha=inward,
                va="center",
                color=INK,
                fontsize=layout.fontsize,
                fontweight="bold",
            )
        )
        fitted_text(
            ax,
            sign * layout.label_edge,
            centre,
            factor.label,
            max_lines=lines,
            shown=label,
            ha=inward,
            va="center",
            fontsize=layout.fontsize,
        )
    summary = None
    if side.hidden_count:
        row = len(shown)
        summary = fitted_text(
            ax,
            sign * layout.label_edge,
            layout.centres[row],
            side.summary(),
            max_lines=layout.row_lines[row],
            shown=labels[row],
            ha=inward,
            va="center",
            fontsize=layout.fontsize,
            fontstyle="italic",
            color=MUTED,
        )
    return DrawnSide(side.shown, list(bars.patches), numbers, summary)


def _draw_frame(ax: Axes, layout: TLayout) -> tuple[list[Line2D], Text, Text, Text]:
    """The T itself, its headers, and (still empty) the totals and the balance."""
    size = layout.fontsize
    header = HEADER * 0.45
    for x, heading, color in (
        (-layout.half / 2, "Pluses", PLUS),
        (layout.half / 2, "Minuses", MINUS),
    ):
        ax.text(
            x,
            header,
            heading,
            ha="center",
            va="center",
            color=color,
            fontsize=size * 1.25,
            fontweight="bold",
        )
    bottom = layout.height - FOOTER
    lines = [
        *ax.plot([-layout.half, layout.half], [HEADER - 0.15] * 2, color=INK, linewidth=2),
        *ax.plot([0, 0], [HEADER - 0.15, bottom], color=INK, linewidth=2),
        *ax.plot([-layout.half, layout.half], [bottom] * 2, color=MUTED, linewidth=0.8),
    ]
    totals = bottom + 0.8
    # Filled in later; each total sits beside the T's stem, in its side's colour.
    plus_total, minus_total = (
        ax.text(
            x, totals, "", ha=ha, va="center", color=color, fontsize=size * 1.1, fontweight="bold"
        )
        for x, ha, color in ((-0.6, "right", PLUS), (0.6, "left", MINUS))
    )
    balance = ax.text(0, totals + 1.3, "", ha="center", va="center", color=INK, fontsize=size)
    return lines, plus_total, minus_total, balance


@dataclass
class TChart:
    """A drawn Franklin T with a handle on every artist a change of weight alters.

    :meth:`show` rewrites the bars, the weights, the summary rows, the totals,
    the balance and the title for new weights (or a new threshold) of the
    same factors, in place, with the same words and positions a fresh
    :func:`plot_t` gives, as long as the same factors have a row of their own
    (see :func:`~followup.charts.t_layout.t_sides`).
    """

    ax: Axes
    plus: DrawnSide
    minus: DrawnSide
    lines: list[Line2D]  # the T: the stem crosses the bars' ends at zero
    plus_total: Text
    minus_total: Text
    balance: Text
    title: Text
    gap: float  # between a bar's end and its weight, in weights
    row_edges: list[float]  # y of the top of each row, then of the bottom of the last

    def show(self, opportunity: Opportunity, threshold: float) -> None:
        """Show the weights of ``opportunity`` (the factors the T was drawn for)."""
        plus, minus = opportunity.plus_total, opportunity.minus_total
        verdict = verdict_for(opportunity.balance, threshold)
        for drawn, side in zip((self.plus, self.minus), t_sides(opportunity), strict=True):
            if side.shown != drawn.shown:
                raise ValueError("the T was drawn for other factors; draw it again")
            drawn.show(side, self.gap)
        self.plus_total.set_text(f"Total {plus}")
        self.minus_total.set_text(f"Total {minus}")
        relation = {"pass": "above", "undecided": "on", "fail": "below"}[verdict]
        self.balance.set_text(
            f"Balance {plus} − {minus} = {signed(plus - minus)}, "
            f"{relation} the threshold of {signed(threshold)}"
        )
        self.title.set_text(t_title(opportunity, verdict, plus - minus, axes_size(self.ax)[0]))

    @property
    def changing(self) -> list[Artist]:
        """The artists :meth:`show` alters, with the T's lines drawn over the bars."""
        return [
            *self.plus.bars,
            *self.minus.bars,
            *self.lines,
            *self.plus.numbers,
            *self.minus.numbers,
            *(side.summary for side in (self.plus, self.minus) if side.summary is not None),
            self.plus_total,
            self.minus_total,
            self.balance,
            self.title,
        ]


def plot_t(workspace: Workspace, opportunity_id: str, *, ax: Axes | None = None) -> Axes:
    """Draw the Franklin T of one opportunity: each weight as a bar, the totals, the verdict.

    Pluses grow to the left of the T's stem and minuses to the right, in the
    order they were entered, each with its weight written at the bar's end.
    The title names the opportunity, its verdict and its balance. Long labels
    wrap onto at most three lines and end with "…"; user text is drawn
    exactly as typed.

    A side shows at most :data:`~followup.charts.t_layout.T_ROWS` (20) rows:
    a side with more factors shows its 19 heaviest, still in the order they
    were entered, and sums up the others in a last, muted row without a bar
    ("… and 12 more pluses, weighing 41 in all"). The totals, the balance and
    the verdict always count every factor.

    Parameters
    ----------
    workspace
        The workspace holding the opportunity (its threshold decides the verdict).
    opportunity_id
        The id of the opportunity to draw.
    ax
        Axes to draw on. Without one, a new figure sized to the T is made
        (with :class:`matplotlib.figure.Figure`, so pyplot never knows of it).

    Returns
    -------
    Axes
        The axes drawn on; ``ax.get_figure()`` gives the figure to show or save.

    Raises
    ------
    UnknownOpportunityError
        When the workspace has no opportunity ``opportunity_id``.

    Examples
    --------
    >>> from followup import example_workspace
    >>> ax = plot_t(example_workspace(), "initech-backend-engineer")
    >>> ax.get_title()
    'Initech — Backend Engineer: PASS (+2)'
    """
    return draw_t(workspace, opportunity_id, ax=ax).ax


def draw_t(workspace: Workspace, opportunity_id: str, *, ax: Axes | None = None) -> TChart:
    """Draw the T like :func:`plot_t`; returns it with the artists a weight change alters."""
    opportunity = workspace.opportunity(opportunity_id)
    threshold = check_threshold(workspace.settings.threshold)
    sides = t_sides(opportunity)
    if ax is None:
        ax = t_axes(opportunity, sides, verdict_for(opportunity.balance, threshold))
    layout = fitting_layout(sides, ax)
    plus = _draw_side(ax, layout, sides[0], layout.plus_labels)
    minus = _draw_side(ax, layout, sides[1], layout.minus_labels)
    lines, plus_total, minus_total, balance = _draw_frame(ax, layout)
    ax.set_xlim(-layout.half, layout.half)
    visible_lines = axes_size(ax)[1] / layout.line_inches
    ax.set_ylim(max(layout.height, visible_lines), 0)
    ax.set_axis_off()
    title = set_title(ax, "")
    chart = TChart(
        ax,
        plus,
        minus,
        lines,
        plus_total,
        minus_total,
        balance,
        title,
        gap=0.06 * layout.per_inch,
        row_edges=layout.row_edges,
    )
    chart.show(opportunity, threshold)
    # Everything is placed to fit inside the axes: a layout engine need not make room for it.
    for text in ax.texts:
        text.set_in_layout(False)
    return chart
