"""Today: the next step of every opportunity, soonest first, each row with its own action."""

from __future__ import annotations

import datetime as dt

from followup import Workspace, example_workspace, load_workspace
from tests.ui.support import STORY_DAY, make_app, no_swallowed_errors  # noqa: F401


def today_app(path=None):
    view = make_app(example_workspace(), path)
    view.show_tab(view.today)
    return view


def row_of(view, opportunity_id):
    rows = view.today._row_views[: len(view.today.rows.children)]
    return next(row for row in rows if row.opportunity_id == opportunity_id)


def test_today_on_an_empty_workspace_says_so():
    view = make_app(Workspace())
    view.show_tab(view.today)
    assert "No opportunities yet" in view.today.empty.value
    assert view.today.empty.layout.display is None
    assert view.today.rows.layout.display == "none"


def test_today_lists_every_opportunity_soonest_first_with_overdue_marked():
    view = today_app()
    rows = view.today._row_views[: len(view.today.rows.children)]
    assert len(rows) == len(example_workspace().opportunities)
    assert any("(overdue)" in row.text.value for row in rows)
    assert "Tuesday, December 1, 2026" in view.today.date.value
    texts = [row.text.value for row in rows]
    umbrella = next(i for i, text in enumerate(texts) if "<strong>Umbrella Labs" in text)
    initech = next(i for i, text in enumerate(texts) if "<strong>Initech" in text)
    assert umbrella < initech
    assert "Call the recruiter, due Monday, November 23 (overdue)" in texts[umbrella]


def test_each_row_carries_the_button_of_its_step():
    view = today_app()
    assert row_of(view, "northwind-platform-lead").act.description == "Mark the thank-you as sent"
    assert row_of(view, "umbrella-ml-engineer").act.description == "Mark the recruiter as called"
    assert row_of(view, "globex-analytics-engineer").act.description == "Close this opportunity"
    waiting = row_of(view, "initech-backend-engineer")
    assert waiting.act.layout.display == "none"
    assert "Wait, due" in waiting.text.value


def test_a_row_records_its_step_on_the_day_chosen_and_can_undo_it(tmp_path):
    path = tmp_path / "search.json"
    view = today_app(path)
    today = view.today
    assert today.when.value == STORY_DAY
    today.when.value = dt.date(2026, 11, 26)
    row_of(view, "northwind-platform-lead").act.click()
    event = load_workspace(path).opportunity("northwind-platform-lead").event("thank_you_sent")
    assert event is not None and event.date == dt.date(2026, 11, 26)
    assert today.recorded.value == (
        "Recorded for Northwind Health: the thank-you sent on Thursday, November 26, 2026."
    )
    assert row_of(view, "northwind-platform-lead").row.action == "wait"
    assert today.when.value == STORY_DAY
    today.undo.click()
    assert load_workspace(path).opportunity("northwind-platform-lead").events == ()
    assert "Send the thank-you note" in row_of(view, "northwind-platform-lead").text.value
    assert today.recorded.value.startswith("Took back the thank-you sent")
    assert today.undo.layout.display == "none"


def test_closing_from_a_row_moves_it_to_the_end_of_the_plan():
    view = today_app()
    row_of(view, "globex-analytics-engineer").act.click()
    assert "Closed, nothing due" in row_of(view, "globex-analytics-engineer").text.value
    assert row_of(view, "globex-analytics-engineer").act.layout.display == "none"


def test_a_bad_day_is_refused_in_words_from_a_row():
    view = today_app()
    view.today.when.value = None
    row_of(view, "northwind-platform-lead").act.click()
    assert view.today.feedback.value == "Date must be given: the day it happened."
    assert view.session.state.opportunity("northwind-platform-lead").events == ()


def test_the_undo_offer_goes_when_the_record_is_taken_back_elsewhere():
    view = today_app()
    row_of(view, "northwind-platform-lead").act.click()
    assert view.today.undo.layout.display is None
    view.session.follow_up.undo("northwind-platform-lead")
    view.render()
    assert view.today.undo.layout.display == "none"


def test_open_shows_the_follow_up_of_that_row():
    view = today_app()
    row_of(view, "globex-analytics-engineer").open.click()
    assert view.session.state.selected_id == "globex-analytics-engineer"
    assert view.visible_panel is view.follow_up
    assert view.follow_up.action.value == "Next step: Move on"
