"""Compare: every opportunity's score, balance, categories and how robust each verdict is."""

from __future__ import annotations

import ipywidgets as widgets

from followup.ui.tables import score_table_html
from followup.ui.widgets import Panel, label, picture, show_html, styled

__all__ = ["ComparePanel"]

#: Trials of the robustness simulation: enough for whole percentages, quick enough to redraw.
ROBUSTNESS_TRIALS = 2000


class ComparePanel(Panel):
    """The score table and the comparison charts."""

    title = "Compare"
    css = "followup-tab-compare"

    def build(self) -> None:
        self.scores = styled(widgets.HTML(), "followup-score-table")
        self.balance_chart = picture("followup-balance-chart")
        self.categories_chart = picture("followup-category-chart")
        self.robustness_chart = picture("followup-robustness-chart")
        self.nothing = label("No opportunities to compare yet.")
        self.content = widgets.VBox(
            [
                label("Scores, best first", "followup-heading"),
                self.scores,
                label("Balance", "followup-heading"),
                self.balance_chart,
                label("By category", "followup-heading"),
                self.categories_chart,
                label("How robust is each verdict?", "followup-heading"),
                label(
                    "Each weight shaken by up to ±2, many times over: how often each passes and "
                    "comes first.",
                    "followup-hint",
                ),
                self.robustness_chart,
                self.message,
            ]
        )
        self.root.children = [self.nothing, self.content]

    def key(self) -> object:
        return self.session.workspace

    def draw(self) -> None:
        from followup.decide.scoring import score
        from followup.decide.sensitivity import robustness

        workspace = self.session.workspace
        empty = not workspace.opportunities
        self.nothing.layout.display = None if empty else "none"
        self.content.layout.display = "none" if empty else None
        if empty:
            return
        chances = robustness(workspace, trials=ROBUSTNESS_TRIALS)
        show_html(self.scores, score_table_html(score(workspace), chances))
        self.balance_chart.value = self.session.balance_chart_png()
        self.categories_chart.value = self.session.categories_chart_png()
        self.robustness_chart.value = self.session.robustness_chart_png()
