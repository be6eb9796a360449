"""Charts: the app's Compare tab, and every chart at the limits of a workspace.

Measured, as PNG at the app's resolution (80 dpi):

- **Compare tab**: what the tab waits for before it is complete: the
  robustness simulation for its score table (2,000 trials), then the balance,
  category and robustness charts (the last runs its simulation again, as the
  app does), on the bundled example (7 opportunities) and on 50 opportunities
  × 30 factors;
- **each chart alone** on the same workspaces;
- **at the limits**: the T and the flip points of an opportunity of 100
  factors, the comparison charts of 300 opportunities (the categories with a
  category of their own for every factor);
- **growth**: how the time of each chart grows with the number of rows, up to
  the limits; it stops growing where the chart starts summing up rows.

Baseline, measured in the same run on the same data: a bare matplotlib figure
of the same size with the same number of bars (one ``barh`` per series, a
patch per bar) and the row names as tick labels, saved to PNG at the same
resolution: what the plainest chart of those rows costs, drawn the usual way.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable
from typing import Any

from timing import Measurement, Section, median_seconds, milliseconds
from workloads import SyntheticSearch

from followup.model import Workspace
from followup.storage.files import example_workspace

__all__ = ["run"]

DPI = 80  # the app's screen resolution (followup.session.charts.DPI)
TRIALS = 2000  # the Compare tab's robustness trials (followup.ui.compare.ROBUSTNESS_TRIALS)
COMPARE_GOAL = 1.0  # seconds: the Compare tab complete
LIMIT_GOAL = 1.0  # seconds: any one chart, whatever the workspace
GROWTH_OPPORTUNITIES = (10, 50, 100, 300)
GROWTH_FACTORS = (10, 20, 50, 100)


def _bare(rows: int, series: int, names: list[str], *, width: float = 8.0) -> Callable[[], bytes]:
    """A bare matplotlib chart of ``rows`` rows of ``series`` bars each, to PNG."""
    from matplotlib.figure import Figure

    def draw() -> bytes:
        figure = Figure(figsize=(width, 1.7 + 0.34 * rows))
        ax = figure.add_subplot()
        for shift in range(series):
            ax.barh([r + 0.3 * shift for r in range(rows)], [1 + r % 10 for r in range(rows)])
        ax.set_yticks(range(rows), labels=names[:rows])
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI, pil_kwargs={"compress_level": 1})
        return buffer.getvalue()

    return draw


def forget_drawn_lines() -> None:
    from followup.charts.text_batch import forget_drawn_lines as forget

    forget()


def _png(draw: Callable[[], Any]) -> Callable[[], bytes]:
    from followup.charts import figure_png

    return lambda: figure_png(draw(), dpi=DPI)


def _compare_tab(workspace: Workspace) -> Callable[[], None]:
    """What the Compare tab computes and draws (ui/compare.py, session/charts.py)."""
    from followup.charts import figure_png, plot_balance, plot_categories, plot_robustness
    from followup.decide.scoring import score
    from followup.decide.sensitivity import robustness

    def tab() -> None:
        robustness(workspace, trials=TRIALS)
        score(workspace)
        for plot in (plot_balance, plot_categories, plot_robustness):
            figure_png(plot(workspace), dpi=DPI)

    return tab


def _names(workspace: Workspace) -> list[str]:
    return [f"{o.company} — {o.role}" for o in workspace.opportunities]


def _bare_compare_tab(workspace: Workspace) -> Callable[[], None]:
    """The same three charts drawn bare: 2 bars a row, 1 (a heatmap row), 2 bars a row."""
    rows = len(workspace.opportunities)
    names = _names(workspace)
    charts = [_bare(rows, 2, names), _bare(rows, 1, names), _bare(rows, 2, names)]

    def tab() -> None:
        for draw in charts:
            draw()

    return tab


def _own_categories(workspace: Workspace) -> Workspace:
    """Every factor in a category of its own name: as many categories as factors a T has."""
    return Workspace(
        tuple(
            o.with_factors(
                dataclasses.replace(f, category=f"topic {n}") for n, f in enumerate(o.factors)
            )
            for o in workspace.opportunities
        )
    )


def _one_big_t(factors: int) -> Workspace:
    return SyntheticSearch(1, factors, seed=factors).workspace()


def _chart_measurements(
    label: str, workspace: Workspace
) -> list[tuple[str, Callable[[], Any], Callable[[], Any]]]:
    """(name, chart, bare chart of as many rows) for every chart of ``workspace``."""
    from followup.charts import (
        plot_balance,
        plot_categories,
        plot_flip_points,
        plot_robustness,
        plot_t,
    )

    rows = len(workspace.opportunities)
    names = _names(workspace)
    last = workspace.opportunities[-1]
    factors = len(last.factors)
    labels = [f.label for f in last.factors]
    return [
        (f"{label}: balance", _png(lambda: plot_balance(workspace)), _bare(rows, 2, names)),
        (f"{label}: categories", _png(lambda: plot_categories(workspace)), _bare(rows, 1, names)),
        (
            f"{label}: robustness ({TRIALS:,} trials)",
            _png(lambda: plot_robustness(workspace, trials=TRIALS)),
            _bare(rows, 2, names),
        ),
        (
            f"{label}: T of {factors} factors",
            _png(lambda: plot_t(workspace, last.id)),
            _bare(factors, 1, labels, width=9.0),
        ),
        (
            f"{label}: flip points of {factors} factors",
            _png(lambda: plot_flip_points(workspace, last.id)),
            _bare(factors, 1, labels),
        ),
    ]


def _growth(repeat: int) -> tuple[str, list[str], list[list[str]]]:
    from followup.charts import (
        plot_balance,
        plot_categories,
        plot_flip_points,
        plot_robustness,
        plot_t,
    )

    def timed(plot: Callable[..., Any], *args: Any, **options: Any) -> str:
        return milliseconds(median_seconds(_png(lambda: plot(*args, **options)), repeat=repeat))

    rows = []
    for size in GROWTH_OPPORTUNITIES:
        workspace = SyntheticSearch(size, 5, seed=size).workspace()
        rows.append(
            [
                f"{size} opportunities",
                timed(plot_balance, workspace),
                timed(plot_categories, workspace),
                timed(plot_robustness, workspace, trials=TRIALS),
                "",
                "",
            ]
        )
    for count in GROWTH_FACTORS:
        workspace = _one_big_t(count)
        only = workspace.ids[0]
        rows.append(
            [
                f"{count} factors",
                "",
                "",
                "",
                timed(plot_t, workspace, only),
                timed(plot_flip_points, workspace, only),
            ]
        )
    header = ["size", "balance", "categories", "robustness", "T", "flip points"]
    return ("Median time to PNG, by size (5 factors per opportunity)", header, rows)


def run(*, quick: bool = False) -> list[Section]:
    repeat = 3 if quick else 9
    compare = Section("Charts: the Compare tab, complete")
    example = example_workspace()
    fifty = SyntheticSearch(50, 30, seed=7).workspace()
    for label, workspace in (("example (7 opportunities)", example), ("50 × 30", fifty)):
        bare = median_seconds(_bare_compare_tab(workspace), repeat=repeat)
        first = median_seconds(
            _compare_tab(workspace), repeat=repeat, before_each=forget_drawn_lines
        )
        again = median_seconds(_compare_tab(workspace), repeat=repeat)
        for when, seconds in (("first sight", first), ("drawn again", again)):
            compare.measurements.append(
                Measurement(
                    f"{label}: Compare tab, {when}",
                    seconds,
                    "the same three charts, bare matplotlib",
                    bare,
                    goal=f"≤ {COMPARE_GOAL:g} s",
                    met=seconds <= COMPARE_GOAL,
                )
            )
    compare.remarks.append(
        "The tab's work: robustness for the score table (2,000 trials), the score table, then the "
        "balance, category and robustness charts as PNG at 80 dpi (the robustness chart runs its "
        "simulation again, as the app does). 'First sight' forgets the lines of text kept drawn "
        "before each run, as for a workspace never drawn; 'drawn again' keeps them, as when a "
        "weight changes and the tab is drawn anew. The bare baseline draws the same three figures "
        "with a patch per bar and the names as tick labels, and no simulation at all."
    )

    alone = Section("Charts: each chart alone, and at the limits of a workspace")
    limits = SyntheticSearch(300, 100, seed=3).workspace()
    workloads = [
        ("example", example, False),
        ("50 × 30", fifty, False),
        ("300 × 100, own categories", _own_categories(limits), True),
    ]
    for label, workspace, at_limit in workloads:
        for name, chart, bare in _chart_measurements(label, workspace):
            seconds = median_seconds(chart, repeat=repeat)
            alone.measurements.append(
                Measurement(
                    name,
                    seconds,
                    "bare matplotlib, as many rows",
                    median_seconds(bare, repeat=repeat),
                    goal=f"≤ {LIMIT_GOAL:g} s" if at_limit else None,
                    met=seconds <= LIMIT_GOAL if at_limit else None,
                )
            )
    alone.remarks.append(
        "At the limits (300 opportunities, 100 factors each, every factor in a category of its "
        "own), the charts draw at most 60 rows of opportunities (the last summing up the others), "
        "20 rows a side of the T, 40 rows of flip points and 12 columns of categories; the bare "
        "baseline draws every row."
    )
    growth = Section("Charts: growth with the number of rows")
    growth.tables.append(_growth(repeat))
    growth.remarks.append(
        "The time stops growing where a chart starts summing up: past 60 opportunities, "
        "20 factors a side of a T, 40 flip points."
    )
    return [compare, alone, growth]
