"""Today: the next step of every opportunity, soonest first."""

from __future__ import annotations

import ipywidgets as widgets

from followup.ui.tables import timeline_html
from followup.ui.widgets import Panel, label, show_html, styled

__all__ = ["TodayPanel"]


class TodayPanel(Panel):
    """The timeline table of ``session.today``, across all opportunities."""

    title = "Today"
    css = "followup-tab-today"

    def build(self) -> None:
        self.date = label("", "followup-today-date")
        self.timeline = styled(widgets.HTML(), "followup-timeline")
        self.root.children = [self.date, self.timeline, self.message]

    def key(self) -> object:
        return (self.session.state.workspace, self.session.today.date)

    def draw(self) -> None:
        today = self.session.today.date
        self.date.value = f"What to do, as of {today:%A %d %B %Y}"
        if not self.session.state.workspace.opportunities:
            show_html(self.timeline, "<p>No opportunities yet.</p>")
            return
        show_html(self.timeline, timeline_html(self.session.today.timeline()))
