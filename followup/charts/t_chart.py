"""The Franklin T of one opportunity: pluses on the left, minuses on the right."""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from followup.charts.fonts import em_widths
from followup.charts.labels import shorten, signed
from followup.charts.style import (
    FONT_SIZE,
    INK,
    MINUS,
    MUTED,
    PLUS,
    TITLE_SIZE,
    axes_size,
    fitted_text,
    opportunity_title,
    set_title,
)
from followup.decide.scoring import check_threshold, verdict_for
from followup.model import Factor, Opportunity, Workspace

__all__ = ["TChart", "draw_t", "plot_t", "t_title"]

_FIGURE_WIDTH = 9.0  # inches, for a chart drawn on its own figure
_BAR_SHARE = 0.28  # share of each half of the T that the bars take
_NUMBER_ROOM = 0.3  # inches between the end of a full bar and the labels, for the weight
_LINE_EMS = 1.3  # line height, in ems
_ROW_GAP = 0.55  # space between rows, in lines
_HEADER = 2.0  # lines above the first row
_FOOTER = 3.0  # lines below the last row
_MAX_LABEL_LINES = 3
_MIN_FONT_SIZE = 4.0
_NATURAL_WIDTH = 6.5  # inches: on narrower axes, all text of the T gets smaller
_MARGIN = 0.12  # inches around the T on its own figure


@dataclass(frozen=True)
class _Layout:
    """Where everything of the T goes, in lines (y, top to bottom) and weights (x)."""

    fontsize: float
    half: float  # x reaches from -half to +half; a full bar is 10
    per_inch: float  # x units per inch
    label_edge: float  # labels end at -label_edge (pluses) and start at +label_edge (minuses)
    plus_labels: list[str]
    minus_labels: list[str]
    centres: list[float]
    row_lines: list[int]  # lines of text each row has room for
    height: float  # in lines

    @property
    def line_inches(self) -> float:
        return self.fontsize * _LINE_EMS / 72


def _layout(opportunity: Opportunity, width_inches: float, fontsize: float) -> _Layout:
    half_inches = width_inches / 2
    half = 10 / _BAR_SHARE
    per_inch = half / half_inches
    number_room = _NUMBER_ROOM * fontsize / FONT_SIZE
    label_edge = 10 + number_room * per_inch
    label_inches = half_inches - number_room - half_inches * _BAR_SHARE - 0.05
    ems = label_inches * 72 / fontsize
    plus_labels = [_fit(f.label, ems) for f in opportunity.pluses]
    minus_labels = [_fit(f.label, ems) for f in opportunity.minuses]
    rows = max(len(plus_labels), len(minus_labels), 1)
    centres = []
    row_lines = []
    top = _HEADER
    for index in range(rows):
        lines = max(
            plus_labels[index].count("\n") + 1 if index < len(plus_labels) else 1,
            minus_labels[index].count("\n") + 1 if index < len(minus_labels) else 1,
        )
        centres.append(top + (lines + _ROW_GAP) / 2)
        row_lines.append(lines)
        top += lines + _ROW_GAP
    return _Layout(
        fontsize,
        half,
        per_inch,
        label_edge,
        plus_labels,
        minus_labels,
        centres,
        row_lines,
        top + _FOOTER,
    )


def _fit(label: str, ems: float) -> str:
    return shorten(label, ems, max_lines=_MAX_LABEL_LINES, char_width=em_widths())


def _fitting_layout(opportunity: Opportunity, ax: Axes) -> _Layout:
    """The layout at the usual text size, or smaller text on axes too narrow or short for it."""
    width, height = axes_size(ax)
    fontsize = max(FONT_SIZE * min(1.0, width / _NATURAL_WIDTH), _MIN_FONT_SIZE)
    layout = _layout(opportunity, width, fontsize)
    needed = layout.height * layout.line_inches
    if needed > height > 0:
        smaller = max(fontsize * height / needed, _MIN_FONT_SIZE)
        layout = _layout(opportunity, width, smaller)
    return layout


def _draw_side(
    ax: Axes, layout: _Layout, factors: tuple[Factor, ...], labels: list[str], sign: int
) -> tuple[list[Rectangle], list[Text]]:
    """The bars and weights of one side (and its labels); returns the bars and the weights."""
    color = PLUS if sign < 0 else MINUS
    inward = "right" if sign < 0 else "left"
    centres = layout.centres[: len(factors)]
    if not factors:
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
        return [], []
    weights = [f.weight for f in factors]
    bars = ax.barh(
        centres,
        [sign * w for w in weights],
        height=0.8,
        color=color,
        label="pluses" if sign < 0 else "minuses",
    )
    numbers = []
    rows = zip(centres, layout.row_lines, factors, labels, strict=False)
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
    return list(bars.patches), numbers


def _draw_frame(ax: Axes, layout: _Layout) -> tuple[list[Line2D], Text, Text, Text]:
    """The T itself, its headers, and (still empty) the totals and the balance."""
    size = layout.fontsize
    header = _HEADER * 0.45
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
    bottom = layout.height - _FOOTER
    lines = [
        *ax.plot([-layout.half, layout.half], [_HEADER - 0.15] * 2, color=INK, linewidth=2),
        *ax.plot([0, 0], [_HEADER - 0.15, bottom], color=INK, linewidth=2),
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

    :meth:`show` rewrites the bars, the weights, the totals, the balance and
    the title for new weights (or a new threshold) of the same factors, in
    place, with the same words and positions a fresh :func:`plot_t` gives.
    """

    ax: Axes
    plus_bars: list[Rectangle]
    minus_bars: list[Rectangle]
    plus_numbers: list[Text]
    minus_numbers: list[Text]
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
        sides = (
            (opportunity.pluses, self.plus_bars, self.plus_numbers, -1),
            (opportunity.minuses, self.minus_bars, self.minus_numbers, +1),
        )
        for factors, bars, numbers, sign in sides:
            for factor, bar, number in zip(factors, bars, numbers, strict=True):
                bar.set_width(sign * factor.weight)
                number.set_x(sign * (factor.weight + self.gap))
                number.set_text(str(factor.weight))
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
            *self.plus_bars,
            *self.minus_bars,
            *self.lines,
            *self.plus_numbers,
            *self.minus_numbers,
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
    if ax is None:
        ax = _t_axes(opportunity, threshold)
    layout = _fitting_layout(opportunity, ax)
    plus_bars, plus_numbers = _draw_side(ax, layout, opportunity.pluses, layout.plus_labels, -1)
    minus_bars, minus_numbers = _draw_side(ax, layout, opportunity.minuses, layout.minus_labels, +1)
    lines, plus_total, minus_total, balance = _draw_frame(ax, layout)
    ax.set_xlim(-layout.half, layout.half)
    visible_lines = axes_size(ax)[1] / layout.line_inches
    ax.set_ylim(max(layout.height, visible_lines), 0)
    ax.set_axis_off()
    title = set_title(ax, "")
    chart = TChart(
        ax,
        plus_bars,
        minus_bars,
        plus_numbers,
        minus_numbers,
        lines,
        plus_total,
        minus_total,
        balance,
        title,
        gap=0.06 * layout.per_inch,
        row_edges=_row_edges(layout),
    )
    chart.show(opportunity, threshold)
    # Everything is placed to fit inside the axes: a layout engine need not make room for it.
    for text in ax.texts:
        text.set_in_layout(False)
    return chart


def _row_edges(layout: _Layout) -> list[float]:
    edges = [_HEADER]
    for lines in layout.row_lines:
        edges.append(edges[-1] + lines + _ROW_GAP)
    return edges


def t_title(opportunity: Opportunity, verdict: str, balance: int, width_inches: float) -> str:
    """The T's title: the opportunity's name, shortened to fit, its verdict and its balance."""
    return opportunity_title(
        opportunity.company, opportunity.role, verdict, balance, width_inches=width_inches
    )


def t_figure_width() -> float:
    """Width in inches of the axes of a T drawn on its own figure."""
    return _FIGURE_WIDTH - 2 * _MARGIN


def _t_axes(opportunity: Opportunity, threshold: float) -> Axes:
    """Axes on a new figure just tall enough for the T and its title."""
    width = t_figure_width()
    layout = _layout(opportunity, width, FONT_SIZE)
    verdict = verdict_for(opportunity.balance, threshold)
    title_lines = t_title(opportunity, verdict, opportunity.balance, width).count("\n") + 1
    top = 0.2 + title_lines * TITLE_SIZE * _LINE_EMS / 72
    height = layout.height * layout.line_inches
    total = height + top + _MARGIN
    figure = Figure(figsize=(_FIGURE_WIDTH, total))
    box = (_MARGIN / _FIGURE_WIDTH, _MARGIN / total, width / _FIGURE_WIDTH, height / total)
    return figure.add_axes(box)
