"""Compare: every opportunity's score, balance, categories and how robust each verdict is."""

from __future__ import annotations

import ipywidgets as widgets

from followup.ui.tables import score_table_html
from followup.ui.widgets import Panel, label, picture, show_html, styled

__all__ = ["ComparePanel"]


class ComparePanel(Panel):
    """The score table and the comparison charts of ``session.compare``."""

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
        return self.session.state.workspace

    def draw(self) -> None:
        compare = self.session.compare
        empty = not self.session.state.workspace.opportunities
        self.nothing.layout.display = None if empty else "none"
        self.content.layout.display = "none" if empty else None
        if empty:
            return
        show_html(self.scores, score_table_html(compare.scores(), compare.robustness()))
        self.balance_chart.value = compare.balance_png()
        self.categories_chart.value = compare.categories_png()
        self.robustness_chart.value = compare.robustness_png()
