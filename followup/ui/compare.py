"""Compare: every opportunity's score, balance, categories and how robust each verdict is."""

from __future__ import annotations

import ipywidgets as widgets

from followup.ui.look import heading
from followup.ui.tables import score_table_html
from followup.ui.widgets import Panel, label, picture, show_html, styled

#: Said under the table: how a tie for first is counted (the robustness simulation shares it).
TIES_NOTE = (
    "Chance of ranking first: when several opportunities tie for first in a trial, they share "
    "that first place (a tie of three gives each a third), so this column adds up to 100%."
)

__all__ = ["ComparePanel"]


class ComparePanel(Panel):
    """The score table and the comparison charts of ``session.compare``."""

    title = "Compare"
    css = "followup-tab-compare"
    plain_words = True

    def build(self) -> None:
        self.scores = styled(widgets.HTML(), "followup-score-table")
        self.balance_chart = picture("followup-balance-chart")
        self.categories_chart = picture("followup-category-chart")
        self.robustness_chart = picture("followup-robustness-chart")
        self.ties = label(TIES_NOTE, "followup-hint", "followup-ties-note")
        self.nothing = label("No opportunities to compare yet.")
        self.content = widgets.VBox(
            [
                heading("Scores, best first"),
                self.scores,
                self.ties,
                heading("Balance"),
                label("Pluses minus minuses of every opportunity, best first.", "followup-hint"),
                self.balance_chart,
                heading("By category"),
                label(
                    "Where the weight comes from: each category's pluses minus minuses, per "
                    "opportunity.",
                    "followup-hint",
                ),
                self.categories_chart,
                heading("How robust is each verdict?"),
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
        roles = {o.id: o.role for o in self.session.state.workspace.opportunities}
        show_html(self.scores, score_table_html(compare.scores(), compare.robustness(), roles))
        self.balance_chart.value = compare.balance_png()
        self.categories_chart.value = compare.categories_png()
        self.robustness_chart.value = compare.robustness_png()
