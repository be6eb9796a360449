"""Where everything of the Franklin T goes: which factors get a row, and how tall each row is.

A side of the T shows at most :data:`T_ROWS` rows, so that a T costs the
same to draw and stays readable however many factors it has. A side with
more factors shows its heaviest ones, in the order they were entered, and
one last row that sums up the rest: "… and 12 more pluses, weighing 41 in
all". Totals, balance and verdict always count every factor.
"""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from followup.charts.fonts import em_widths
from followup.charts.labels import shorten
from followup.charts.style import FONT_SIZE, TITLE_SIZE, axes_size, opportunity_title
from followup.model import Factor, Opportunity

__all__ = [
    "FOOTER",
    "HEADER",
    "LINE_EMS",
    "T_ROWS",
    "TLayout",
    "TSide",
    "fitting_layout",
    "t_axes",
    "t_figure_width",
    "t_sides",
    "t_title",
]

#: Rows one side of the T shows at most, its summary row included. Twenty factors a side
#: is more than any T a person weighs by hand (the example has three or four a side); a
#: side with more shows its 19 heaviest factors and sums up the rest in the twentieth row.
T_ROWS = 20

_FIGURE_WIDTH = 9.0  # inches, for a chart drawn on its own figure
_BAR_SHARE = 0.28  # share of each half of the T that the bars take
_NUMBER_ROOM = 0.3  # inches between the end of a full bar and the labels, for the weight
LINE_EMS = 1.3  # line height, in ems
_ROW_GAP = 0.55  # space between rows, in lines
HEADER = 2.0  # lines above the first row
FOOTER = 3.0  # lines below the last row
_MAX_LABEL_LINES = 3
_MIN_FONT_SIZE = 4.0
_NATURAL_WIDTH = 6.5  # inches: on narrower axes, all text of the T gets smaller
_MARGIN = 0.12  # inches around the T on its own figure
_MAX_WEIGHT = 10


@dataclass(frozen=True)
class TSide:
    """One side of the T: every factor on it, and which of them have a row of their own.

    ``shown`` holds positions in ``factors``, ascending: the rows keep the
    order the factors were entered in, so a T reads the same whether or not
    it is summed up, and a weight change moves no row.
    """

    sign: int  # -1 for the pluses (drawn to the left of the stem), +1 for the minuses
    factors: tuple[Factor, ...]
    shown: tuple[int, ...]

    @property
    def shown_factors(self) -> tuple[Factor, ...]:
        return tuple(self.factors[i] for i in self.shown)

    @property
    def hidden_count(self) -> int:
        return len(self.factors) - len(self.shown)

    @property
    def hidden_weight(self) -> int:
        hidden = set(range(len(self.factors))) - set(self.shown)
        return sum(self.factors[i].weight for i in hidden)

    @property
    def rows(self) -> int:
        """Rows the side takes: one per shown factor, and the summary row if there is one."""
        return len(self.shown) + (1 if self.hidden_count else 0)

    def summary(self, weight: int | None = None) -> str:
        """The summary row: ``"… and 12 more pluses, weighing 41 in all"`` ("" when none).

        ``weight`` stands in for the hidden factors' weight (to lay out the longest text).
        """
        count = self.hidden_count
        if not count:
            return ""
        singular, plural = ("plus", "pluses") if self.sign < 0 else ("minus", "minuses")
        noun = singular if count == 1 else plural
        total = self.hidden_weight if weight is None else weight
        return f"… and {count} more {noun}, weighing {total} in all"


def _side(factors: tuple[Factor, ...], sign: int) -> TSide:
    if len(factors) <= T_ROWS:
        return TSide(sign, factors, tuple(range(len(factors))))
    # The heaviest first; among equal weights, the one entered first.
    heaviest = sorted(range(len(factors)), key=lambda i: (-factors[i].weight, i))
    return TSide(sign, factors, tuple(sorted(heaviest[: T_ROWS - 1])))


def t_sides(opportunity: Opportunity) -> tuple[TSide, TSide]:
    """The pluses and the minuses of ``opportunity`` as the T shows them.

    >>> from followup import Factor, Opportunity
    >>> many = tuple(Factor(f"plus {n}", "plus", n % 10 + 1) for n in range(25))
    >>> pluses, minuses = t_sides(Opportunity("x", "X", "Role", factors=many))
    >>> len(pluses.shown), pluses.summary()
    (19, '… and 6 more pluses, weighing 9 in all')
    >>> minuses.rows
    0
    """
    return _side(opportunity.pluses, -1), _side(opportunity.minuses, +1)


@dataclass(frozen=True)
class TLayout:
    """Where everything of the T goes, in lines (y, top to bottom) and weights (x)."""

    fontsize: float
    half: float  # x reaches from -half to +half; a full bar is 10
    per_inch: float  # x units per inch
    label_edge: float  # labels end at -label_edge (pluses) and start at +label_edge (minuses)
    plus_labels: list[str]  # one per row of the pluses: shown labels, then the summary
    minus_labels: list[str]
    centres: list[float]
    row_lines: list[int]  # lines of text each row has room for
    height: float  # in lines

    @property
    def line_inches(self) -> float:
        return self.fontsize * LINE_EMS / 72

    @property
    def row_edges(self) -> list[float]:
        """The y of the top of each row, then of the bottom of the last."""
        edges = [HEADER]
        for lines in self.row_lines:
            edges.append(edges[-1] + lines + _ROW_GAP)
        return edges


def _fit(label: str, ems: float) -> str:
    return shorten(label, ems, max_lines=_MAX_LABEL_LINES, char_width=em_widths())


def _side_labels(side: TSide, ems: float) -> list[str]:
    labels = [_fit(f.label, ems) for f in side.shown_factors]
    if side.hidden_count:
        # Laid out for the heaviest the hidden factors could weigh, so that a weight
        # change never needs a taller row.
        labels.append(_fit(side.summary(weight=side.hidden_count * _MAX_WEIGHT), ems))
    return labels


def _layout(sides: tuple[TSide, TSide], width_inches: float, fontsize: float) -> TLayout:
    half_inches = width_inches / 2
    half = 10 / _BAR_SHARE
    per_inch = half / half_inches
    number_room = _NUMBER_ROOM * fontsize / FONT_SIZE
    label_edge = 10 + number_room * per_inch
    label_inches = half_inches - number_room - half_inches * _BAR_SHARE - 0.05
    ems = label_inches * 72 / fontsize
    plus_labels, minus_labels = (_side_labels(side, ems) for side in sides)
    rows = max(len(plus_labels), len(minus_labels), 1)
    centres = []
    row_lines = []
    top = HEADER
    for index in range(rows):
        lines = max(
            plus_labels[index].count("\n") + 1 if index < len(plus_labels) else 1,
            minus_labels[index].count("\n") + 1 if index < len(minus_labels) else 1,
        )
        centres.append(top + (lines + _ROW_GAP) / 2)
        row_lines.append(lines)
        top += lines + _ROW_GAP
    return TLayout(
        fontsize,
        half,
        per_inch,
        label_edge,
        plus_labels,
        minus_labels,
        centres,
        row_lines,
        top + FOOTER,
    )


def fitting_layout(sides: tuple[TSide, TSide], ax: Axes) -> TLayout:
    """The layout at the usual text size, or smaller text on axes too narrow or short for it."""
    width, height = axes_size(ax)
    fontsize = max(FONT_SIZE * min(1.0, width / _NATURAL_WIDTH), _MIN_FONT_SIZE)
    layout = _layout(sides, width, fontsize)
    needed = layout.height * layout.line_inches
    if needed > height > 0:
        smaller = max(fontsize * height / needed, _MIN_FONT_SIZE)
        layout = _layout(sides, width, smaller)
    return layout


def t_title(opportunity: Opportunity, verdict: str, balance: int, width_inches: float) -> str:
    """The T's title: the opportunity's name, shortened to fit, its verdict and its balance."""
    return opportunity_title(
        opportunity.company, opportunity.role, verdict, balance, width_inches=width_inches
    )


def t_figure_width() -> float:
    """Width in inches of the axes of a T drawn on its own figure."""
    return _FIGURE_WIDTH - 2 * _MARGIN


def t_axes(opportunity: Opportunity, sides: tuple[TSide, TSide], verdict: str) -> Axes:
    """Axes on a new figure just tall enough for the T and its title."""
    width = t_figure_width()
    layout = _layout(sides, width, FONT_SIZE)
    title_lines = t_title(opportunity, verdict, opportunity.balance, width).count("\n") + 1
    top = 0.2 + title_lines * TITLE_SIZE * LINE_EMS / 72
    height = layout.height * layout.line_inches
    total = height + top + _MARGIN
    figure = Figure(figsize=(_FIGURE_WIDTH, total))
    box = (_MARGIN / _FIGURE_WIDTH, _MARGIN / total, width / _FIGURE_WIDTH, height / total)
    return figure.add_axes(box)
