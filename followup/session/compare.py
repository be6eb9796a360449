"""Compare: every opportunity's score, how robust each verdict is, and the comparison pictures.

Each picture is kept with the workspace it was drawn from, and drawn again
only when the workspace has changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from followup.session.charts import chart_png
from followup.session.state import SessionState

if TYPE_CHECKING:  # pragma: no cover - types only
    import pandas as pd

__all__ = ["ROBUSTNESS_TRIALS", "ComparePart"]

#: Trials of the robustness simulation: enough for whole percentages, quick enough to redraw.
ROBUSTNESS_TRIALS = 2000


class ComparePart:
    """The score table, the robustness of each verdict, and the balance/category/robustness charts.

    Examples
    --------
    >>> import datetime as dt
    >>> from followup import example_workspace
    >>> state = SessionState(example_workspace(), today=dt.date(2026, 12, 1),
    ...                      now=dt.datetime(2026, 12, 1, 12, 4))
    >>> ComparePart(state).scores()["verdict"].iloc[0]
    'pass'
    """

    def __init__(self, state: SessionState) -> None:
        self._state = state

    def scores(self) -> pd.DataFrame:
        """Every opportunity's totals, balance, verdict and rank, best first."""
        from followup.decide.scoring import score

        return score(self._state.workspace)

    def robustness(self) -> pd.DataFrame:
        """The chance of passing and of ranking first under honest doubt about the weights."""
        from followup.decide.sensitivity import robustness

        return robustness(self._state.workspace, trials=ROBUSTNESS_TRIALS)

    def balance_png(self) -> bytes:
        """Every opportunity's balance, best first."""
        from followup.charts import plot_balance

        return self._picture("balance", plot_balance)

    def categories_png(self) -> bytes:
        """Opportunity × category heatmap of signed weights."""
        from followup.charts import plot_categories

        return self._picture("categories", plot_categories)

    def robustness_png(self) -> bytes:
        """Chance of passing and of ranking first under honest doubt about the weights."""
        from followup.charts import plot_robustness

        return self._picture("robustness", plot_robustness)

    def _picture(self, name: str, plot: Callable[..., Any]) -> bytes:
        """``plot`` of the whole workspace, drawn again only when the workspace changed."""
        workspace = self._state.workspace
        return self._state.cached(name, workspace, lambda: chart_png(plot, workspace))
