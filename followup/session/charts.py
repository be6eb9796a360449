"""Charts as PNG bytes, drawn on figures made without pyplot (nothing global, nothing left open).

Each picture is cached against exactly the data it shows, so moving a slider
redraws the T of the opportunity being weighed and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from followup.session.t_chart import Weighing

__all__ = ["DPI", "ChartRendering", "chart_png"]

#: Screen resolution for the app's charts: sharp enough, and fast to draw.
DPI = 80


def chart_png(draw: Callable[..., Any], *args: Any, **options: Any) -> bytes:
    """PNG bytes of ``draw(*args, **options)``, drawn on a new figure sized to its content."""
    from followup.charts import figure_png

    png: bytes = figure_png(draw(*args, **options), dpi=DPI)
    return png


class ChartRendering(Weighing):
    """PNG pictures of the workspace, redrawn only when what they show has changed."""

    def _cached(self, name: str, key: Hashable, make: Callable[[], bytes]) -> bytes:
        found = self._memo.get(name)
        if found is not None and found[0] == key and isinstance(found[1], bytes):
            return found[1]
        png = make()
        self._memo[name] = (key, png)
        return png

    def _workspace_chart(self, name: str, plot: Callable[..., Any]) -> bytes:
        """``plot`` of the whole workspace, redrawn only when the workspace changed."""
        workspace = self._workspace
        return self._cached(name, workspace, lambda: chart_png(plot, workspace))

    def t_chart_png(self, opportunity_id: str) -> bytes:
        """The Franklin T of one opportunity.

        Drawn by one renderer kept for the session: a weight change redraws only
        the bars, numbers and title that changed, not the labels (the slow part).
        """
        workspace = self._workspace
        key = (workspace.opportunity(opportunity_id), workspace.settings)
        return self._cached("t", key, lambda: self._t_renderer().render(workspace, opportunity_id))

    def _t_renderer(self) -> Any:
        renderer = self.__dict__.get("_t_chart_renderer")
        if renderer is None:
            from followup.charts import TChartRenderer

            renderer = TChartRenderer(dpi=DPI)
            self.__dict__["_t_chart_renderer"] = renderer
        return renderer

    def balance_chart_png(self) -> bytes:
        """Every opportunity's balance, best first."""
        from followup.charts import plot_balance

        return self._workspace_chart("balance", plot_balance)

    def categories_chart_png(self) -> bytes:
        """Opportunity × category heatmap of signed weights."""
        from followup.charts import plot_categories

        return self._workspace_chart("categories", plot_categories)

    def robustness_chart_png(self) -> bytes:
        """Chance of passing and of ranking first under honest doubt about the weights."""
        from followup.charts import plot_robustness

        return self._workspace_chart("robustness", plot_robustness)
