"""Today: the next step of every opportunity, soonest first."""

from __future__ import annotations

from followup import Workspace, example_workspace
from tests.ui.support import make_app, no_swallowed_errors  # noqa: F401


def test_today_on_an_empty_workspace_says_so():
    view = make_app(Workspace())
    view.show_tab(view.today)
    assert "No opportunities yet" in view.today.timeline.value


def test_today_lists_every_opportunity_soonest_first_with_overdue_marked():
    view = make_app(example_workspace())
    view.show_tab(view.today)
    table = view.today.timeline.value
    assert table.count("<tr") == len(example_workspace().opportunities) + 1
    assert "(overdue)" in table
    assert "Tuesday 01 December 2026" in view.today.date.value
    assert table.index("Umbrella Labs") < table.index("Initech")
