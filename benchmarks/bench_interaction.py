"""Interaction: one weight change in the app, until scores, verdict and chart are redrawn.

Measured four ways on the bundled example and on 50 opportunities × 30
factors:

- **app**: the decision app (widgets, no browser) with its T tab in front,
  saving to a workspace file as it does for a person; a weight slider is set
  (``slider.value = w``, the path a browser change takes) and the time runs
  until every handler has returned (the summary, the verdict, the flip points,
  the honesty check, the list of opportunities and the T chart as PNG);
- **session**: the same change through :class:`followup.session.Session`
  alone: ``session.t_chart.set_weight`` then the score table, the T summary
  and the T chart as PNG, which the session draws with its kept
  :class:`followup.charts.live.TChartRenderer` (one figure kept, only the
  rows, totals, balance and title that changed drawn again);
- **renderer alone**: both for weights seen before (drawn bands are kept) and
  for weights never seen;
- **floor**: one bare matplotlib draw of the same figure to PNG, with nothing
  of followup around it: no interaction can be faster than this.

All are reported against the 100 ms threshold under which a change feels
instant.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from timing import Measurement, Section, median_seconds
from workloads import SyntheticSearch

from followup.decide.scoring import score
from followup.model import Workspace
from followup.storage.files import example_workspace, save_workspace

__all__ = ["run"]

INSTANT = 0.100
STORY_DAY = dt.date(2026, 12, 1)
NOW = dt.datetime(2026, 12, 1, 12, 0)
DPI = 80  # the app's screen resolution (followup.session.charts.DPI)


def _alternating(values: tuple[int, int]) -> Callable[[], int]:
    state = {"turn": 0}

    def next_value() -> int:
        state["turn"] += 1
        return values[state["turn"] % 2]

    return next_value


def _weights_for(workspace: Workspace, opportunity_id: str) -> tuple[int, tuple[int, int]]:
    """A factor to move and two weights to alternate between (each set is a real change)."""
    factor = workspace.opportunity(opportunity_id).factors[0]
    other = factor.weight + 1 if factor.weight < 10 else factor.weight - 1
    return 0, (factor.weight, other)


def _floor(workspace: Workspace, opportunity_id: str, repeat: int) -> float:
    """One bare matplotlib draw of the T chart's figure to PNG (the figure is built once)."""
    from followup.charts import plot_t

    figure = plot_t(workspace, opportunity_id).figure
    # The app's PNG settings: its resolution, and quick compression.
    options: dict[str, Any] = {"format": "png", "dpi": DPI, "pil_kwargs": {"compress_level": 1}}
    return median_seconds(lambda: figure.savefig(io.BytesIO(), **options), repeat=repeat)


def _variants(workspace: Workspace, opportunity_id: str) -> list[Workspace]:
    """The workspace with the first factor of the opportunity weighing 1, 2, ... 10."""
    opportunity = workspace.opportunity(opportunity_id)
    first, *others = opportunity.factors
    return [
        workspace.with_opportunity(
            opportunity.with_factors((dataclasses.replace(first, weight=w), *others))
        )
        for w in range(1, 11)
    ]


def _renderer_alone(
    workspace: Workspace, opportunity_id: str, repeat: int, *, band_memory: int | None
) -> float:
    """The T redrawn by a kept renderer, alternating two weights (each set is a real change).

    With ``band_memory=0`` no drawn band is kept: every changed band is drawn
    again, as for weights never seen before.
    """
    from followup.charts.live import TChartRenderer

    variants = _variants(workspace, opportunity_id)
    options = {} if band_memory is None else {"band_memory": band_memory}
    renderer = TChartRenderer(dpi=DPI, **options)
    _, values = _weights_for(workspace, opportunity_id)
    next_weight = _alternating(values)
    return median_seconds(
        lambda: renderer.render(variants[next_weight() - 1], opportunity_id), repeat=repeat
    )


def _session_and_app(
    workspace: Workspace, opportunity_id: str, folder: Path, repeat: int
) -> list[tuple[str, float]]:
    from followup.session import FileStore, Session

    path = folder / f"{opportunity_id}.json"
    save_workspace(workspace, path)
    store = FileStore(path)
    session = Session(store.load(), today=STORY_DAY, now=NOW, store=store)
    session.state.select(opportunity_id)
    index, values = _weights_for(workspace, opportunity_id)
    next_weight = _alternating(values)

    def session_change() -> None:
        session.t_chart.set_weight(opportunity_id, index, next_weight())
        score(session.state.workspace)
        session.t_chart.summary(opportunity_id)
        session.t_chart.png(opportunity_id)

    measured = [("session", median_seconds(session_change, repeat=repeat))]
    from followup.ui.app import DecisionApp

    app = DecisionApp(session)
    app.show_tab(app.t_chart)
    slider = app.t_chart.weights[index]

    def app_change() -> None:
        slider.value = next_weight()

    return [("app (widgets)", median_seconds(app_change, repeat=repeat)), *measured]


def _measure(
    name: str, workspace: Workspace, opportunity_id: str, goal: float, repeat: int
) -> list[Measurement]:
    floor = _floor(workspace, opportunity_id, repeat)
    goal_text = f"≤ {goal * 1000:.0f} ms"
    with tempfile.TemporaryDirectory() as folder:
        measured = _session_and_app(workspace, opportunity_id, Path(folder), repeat)
    measured += [
        (
            "TChartRenderer alone",
            _renderer_alone(workspace, opportunity_id, repeat, band_memory=None),
        ),
        (
            "TChartRenderer alone, no bands kept",
            _renderer_alone(workspace, opportunity_id, repeat, band_memory=0),
        ),
    ]
    lines = []
    for subject, seconds in measured:
        lines.append(
            Measurement(
                f"{name}: {subject}",
                seconds,
                "100 ms threshold",
                INSTANT,
                goal=goal_text,
                met=seconds <= goal,
            )
        )
        lines.append(Measurement(f"{name}: {subject}", seconds, "bare matplotlib draw", floor))
    return lines


def run(*, quick: bool = False) -> list[Section]:
    repeat = 9 if quick else 31
    section = Section("Interaction: a weight change, redrawn")
    example = example_workspace()
    section.measurements += _measure("example", example, "initech-backend-engineer", 0.050, repeat)
    search = SyntheticSearch(50, 30, seed=7)
    large = search.workspace()
    section.measurements += _measure("50 × 30", large, large.ids[-1], 0.150, repeat)
    section.remarks.append(
        "The app saves the workspace file on every change (atomically, with fsync); that is "
        "included. The floor is the same T chart figure, already built, drawn again to PNG. "
        "TChartRenderer keeps the drawn T and draws again only the rows, totals, balance and "
        "title that changed, reusing bands it has drawn before; 'no bands kept' draws every "
        "changed band, as for weights never seen."
    )
    return [section]
