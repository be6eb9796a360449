"""Charts at the limits of a workspace: a fixed number of rows, every weight still counted.

A workspace may hold 300 opportunities of 100 factors each. Every chart draws
at most a fixed number of rows (and the heatmap of columns), sums up the rest
in a last, muted row that says how many were left out, and keeps every total
right. These tests read what is drawn, never how long it took.
"""

from __future__ import annotations

import dataclasses
import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.axes import Axes

from followup import Factor, Opportunity, Workspace, score
from followup.charts import (
    plot_balance,
    plot_categories,
    plot_flip_points,
    plot_robustness,
    plot_t,
)
from followup.charts.categories import CATEGORY_COLUMNS
from followup.charts.flips import FLIP_ROWS
from followup.charts.labels import signed
from followup.charts.rows import MAX_ROWS, PER_ROW
from followup.charts.style import FittedText
from followup.charts.t_chart import draw_t
from followup.charts.t_layout import T_ROWS, t_sides
from followup.decide.frames import category_matrix
from followup.decide.sensitivity import robustness
from followup.decide.shares import percent
from followup.model.limits import MAX_FACTORS, MAX_OPPORTUNITIES
from tests.charts.support import (
    bars,
    drawn,
    every_text,
    extents,
    overlapping,
    row_names,
    texts,
)

# The most artists any chart may hold, whatever the size of the workspace: a chart
# of rows draws a few artists per kind of mark, never one per row.
MOST_ARTISTS = 60


def factor(number: int, side: str, weight: int, category: str | None = None) -> Factor:
    return Factor(f"{side} reason number {number}, told at length", side, weight, category)  # type: ignore[arg-type]


def big_t(pluses: int, minuses: int) -> Workspace:
    """One opportunity with many factors, weights 1 to 10 in a scattered order."""
    factors = [factor(n, "plus", n * 7 % 10 + 1) for n in range(pluses)]
    factors += [factor(n, "minus", n * 3 % 10 + 1) for n in range(minuses)]
    return Workspace((Opportunity("big", "Acme", "Engineer", factors=tuple(factors)),))


def many_opportunities(count: int = MAX_OPPORTUNITIES, *, categories: int = 3) -> Workspace:
    """``count`` opportunities of a few factors, spread over ``categories`` categories."""
    opportunities = []
    for n in range(count):
        factors = (
            factor(0, "plus", n % 10 + 1, f"topic {n % categories}"),
            factor(1, "plus", n * 3 % 10 + 1, f"topic {(n + 1) % categories}"),
            factor(2, "minus", n * 7 % 10 + 1, f"topic {(n + 2) % categories}"),
        )
        opportunities.append(Opportunity(f"o-{n}", f"Company {n}", "Engineer", factors=factors))
    return Workspace(tuple(opportunities))


def one_line(text: str) -> str:
    """A text as one line: shown on two, it reads the same."""
    return " ".join(text.split())


def artist_count(ax: Axes) -> int:
    return len(ax.get_children())


def assert_readable(ax: Axes) -> None:
    """No two texts overlap, and every one lies inside the figure."""
    drawn(ax)
    boxes = extents(ax, every_text(ax))
    assert overlapping(boxes) == []
    figure = ax.get_figure(root=True)
    assert figure is not None
    inside = figure.bbox
    for box in boxes:
        assert inside.x0 - 1 <= box.x0 and box.x1 <= inside.x1 + 1, box
        assert inside.y0 - 1 <= box.y0 and box.y1 <= inside.y1 + 1, box


# ---------------------------------------------------------------------------
# the T


def test_t_side_with_up_to_t_rows_factors_shows_them_all() -> None:
    pluses, minuses = t_sides(big_t(T_ROWS, 3).opportunities[0])
    assert pluses.shown == tuple(range(T_ROWS))
    assert pluses.summary() == ""
    assert minuses.rows == 3


@given(
    weights=st.lists(st.integers(1, 10), max_size=MAX_FACTORS),
)
def test_t_side_shows_its_heaviest_in_entered_order_and_counts_the_rest(weights: list[int]) -> None:
    factors = tuple(Factor(f"f{n}", "plus", w) for n, w in enumerate(weights))
    (side, _) = t_sides(Opportunity("x", "X", "R", factors=factors))
    assert side.rows <= T_ROWS
    assert list(side.shown) == sorted(side.shown)
    shown = [weights[i] for i in side.shown]
    hidden = [w for i, w in enumerate(weights) if i not in side.shown]
    assert sum(shown) + side.hidden_weight == sum(weights)
    assert side.hidden_count == len(hidden)
    if hidden:
        assert len(side.shown) == T_ROWS - 1
        assert min(shown) >= max(hidden)  # no hidden factor outweighs a shown one
        assert side.summary() == (
            f"… and {len(hidden)} more {'plus' if len(hidden) == 1 else 'pluses'}, "
            f"weighing {sum(hidden)} in all"
        )
    else:
        assert shown == weights


def test_t_of_a_hundred_factors_draws_a_bounded_number_of_rows() -> None:
    workspace = big_t(70, 30)
    opportunity = workspace.opportunities[0]
    ax = drawn(plot_t(workspace, "big"))
    pluses, minuses = t_sides(opportunity)
    assert bars(ax, "pluses") == [-f.weight for f in pluses.shown_factors]
    assert bars(ax, "minuses") == [f.weight for f in minuses.shown_factors]
    assert len(bars(ax, "pluses")) == len(bars(ax, "minuses")) == T_ROWS - 1
    labels = [t for t in ax.texts if isinstance(t, FittedText)]
    assert len(labels) == 2 * T_ROWS  # shown factors and one summary row a side
    summaries = [t.get_text().replace("\n", " ") for t in labels if t.get_text().startswith("…")]
    hidden_plus = sum(f.weight for f in opportunity.pluses) - sum(
        f.weight for f in pluses.shown_factors
    )
    hidden_minus = sum(f.weight for f in opportunity.minuses) - sum(
        f.weight for f in minuses.shown_factors
    )
    assert summaries == [
        f"… and 51 more pluses, weighing {hidden_plus} in all",
        f"… and 11 more minuses, weighing {hidden_minus} in all",
    ]
    # The totals, the balance and the verdict count every factor.
    shown = texts(ax)
    assert f"Total {opportunity.plus_total}" in shown
    assert f"Total {opportunity.minus_total}" in shown
    assert ax.get_title().endswith(f"({signed(opportunity.balance)})")
    assert any(t.startswith(f"Balance {opportunity.plus_total} − ") for t in shown)


def test_summary_rows_have_no_bar_and_are_muted() -> None:
    ax = drawn(plot_t(big_t(30, 2), "big"))
    (summary,) = [t for t in ax.texts if t.get_text().startswith("…")]
    assert summary.get_fontstyle() == "italic"
    rows = {round(p.get_y() + p.get_height() / 2, 6) for c in ax.containers for p in c.patches}
    assert round(summary.get_position()[1], 6) not in rows


@pytest.mark.slow
@pytest.mark.parametrize(("pluses", "minuses"), [(MAX_FACTORS, 0), (50, 50), (21, 79)])
def test_t_at_the_limit_stays_readable(pluses: int, minuses: int) -> None:
    ax = plot_t(big_t(pluses, minuses), "big")
    assert len(ax.texts) <= 4 * T_ROWS + 10
    assert_readable(ax)
    bar_boxes = [p.get_window_extent() for c in ax.containers for p in c.patches]
    label_boxes = extents(ax, [t for t in ax.texts if isinstance(t, FittedText)])
    assert overlapping(label_boxes + bar_boxes) == []


# ---------------------------------------------------------------------------
# the comparison charts


def test_balance_of_300_opportunities_shows_the_best_and_counts_the_rest() -> None:
    workspace = many_opportunities()
    table = score(workspace)
    ax = plot_balance(workspace)
    shown = table.iloc[: MAX_ROWS - 1]
    assert bars(ax, "pluses") == list(shown["plus"])
    assert bars(ax, "minuses") == [-m for m in shown["minus"]]
    names = row_names(ax)
    assert len(names) == MAX_ROWS
    left_out = table.iloc[MAX_ROWS - 1 :]["verdict"]
    counts = ", ".join(
        f"{(left_out == v).sum()} {v}"
        for v in ("pass", "undecided", "fail")
        if (left_out == v).any()
    )
    assert one_line(names[-1]) == f"… and {MAX_OPPORTUNITIES - MAX_ROWS + 1} more: {counts}"
    every = table["verdict"]
    assert ax.get_title() == "Every opportunity, best first: " + ", ".join(
        f"{(every == v).sum()} {v}" for v in ("pass", "undecided", "fail") if (every == v).any()
    )
    assert artist_count(ax) <= MOST_ARTISTS
    figure = ax.get_figure(root=True)
    assert figure is not None
    assert figure.get_figheight() <= MAX_ROWS * PER_ROW + 3


def test_balance_of_exactly_max_rows_shows_every_one() -> None:
    ax = plot_balance(many_opportunities(MAX_ROWS))
    assert len(bars(ax, "pluses")) == MAX_ROWS
    assert not any(name.startswith("…") for name in row_names(ax))


def test_categories_of_300_opportunities_and_many_categories_keep_every_weight() -> None:
    workspace = many_opportunities(categories=40)
    ax = plot_categories(workspace)
    (image,) = ax.images
    cells = np.asarray(image.get_array())
    columns = [t.get_text() for t in ax.get_xticklabels()]
    assert len(columns) == cells.shape[1] == CATEGORY_COLUMNS
    assert columns[-1] == f"… {40 - CATEGORY_COLUMNS + 1} more"
    matrix = category_matrix(workspace).reindex(score(workspace).index)
    assert cells.shape[0] == MAX_ROWS - 1
    # Each row still adds up to the opportunity's balance; each kept column is as it was.
    assert cells.sum(axis=1).tolist() == matrix.sum(axis=1).iloc[: MAX_ROWS - 1].tolist()
    for index, name in enumerate(columns[:-1]):
        assert cells[:, index].tolist() == matrix[name].iloc[: MAX_ROWS - 1].tolist()
    assert one_line(row_names(ax)[-1]) == f"… and {MAX_OPPORTUNITIES - MAX_ROWS + 1} more"
    assert len(texts(ax)) == int((cells != 0).sum())
    assert artist_count(ax) <= MOST_ARTISTS


def test_categories_keep_the_heaviest_columns_in_their_usual_order() -> None:
    heavy = [Factor(f"f{n}", "plus", 10, f"cat {n:02d}") for n in range(0, 30, 2)]
    light = [Factor(f"g{n}", "minus", 1, f"cat {n:02d}") for n in range(1, 30, 2)]
    workspace = Workspace((Opportunity("o", "O", "R", factors=(*heavy, *light)),))
    columns = [t.get_text() for t in plot_categories(workspace).get_xticklabels()]
    assert columns[:-1] == [f"cat {n:02d}" for n in range(0, 22, 2)]
    assert columns[-1] == f"… {30 - CATEGORY_COLUMNS + 1} more"


def test_robustness_of_300_opportunities_shows_the_best_and_sums_up_the_rest() -> None:
    workspace = many_opportunities()
    chances = robustness(workspace, trials=200).reindex(score(workspace).index)
    ax = plot_robustness(workspace, trials=200)
    shown, rest = chances.iloc[: MAX_ROWS - 1], chances.iloc[MAX_ROWS - 1 :]
    assert bars(ax, "passes") == list(shown["p_pass"])
    assert bars(ax, "ranks first") == list(shown["p_top"])
    passing = f"{percent(rest['p_pass'].min())}–{percent(rest['p_pass'].max())}"
    assert one_line(row_names(ax)[-1]) == (
        f"… and {len(rest)} more: passing {passing}, first {percent(rest['p_top'].sum())} in all"
    )
    assert artist_count(ax) <= MOST_ARTISTS


def test_flip_points_of_a_hundred_factors_show_the_nearest_and_count_the_rest() -> None:
    workspace = big_t(60, 40)
    ax = plot_flip_points(workspace, "big")
    names = row_names(ax)
    assert len(names) == FLIP_ROWS
    summary = one_line(names[-1])
    match = re.fullmatch(r"… and (\d+) more: (.*)", summary)
    assert match is not None
    assert int(match.group(1)) == MAX_FACTORS - FLIP_ROWS + 1
    assert artist_count(ax) <= MOST_ARTISTS


@pytest.mark.slow
@pytest.mark.parametrize(
    "draw",
    [
        lambda: plot_balance(many_opportunities()),
        lambda: plot_categories(many_opportunities(categories=40)),
        lambda: plot_robustness(many_opportunities(), trials=100),
        lambda: plot_flip_points(big_t(60, 40), "big"),
    ],
    ids=["balance", "categories", "robustness", "flip points"],
)
def test_charts_at_the_limits_stay_readable(draw: object) -> None:
    assert callable(draw)
    assert_readable(draw())


def test_a_drawn_t_refuses_weights_that_give_other_factors_a_row() -> None:
    workspace = big_t(25, 0)
    chart = draw_t(workspace, "big")
    opportunity = workspace.opportunity("big")
    hidden = next(i for i in range(25) if i not in t_sides(opportunity)[0].shown)
    heavier = dataclasses.replace(opportunity.factors[hidden], weight=10)
    factors = list(opportunity.factors)
    factors[hidden] = heavier
    with pytest.raises(ValueError, match="draw it again"):
        chart.show(opportunity.with_factors(factors), threshold=0)
