"""The day an event is recorded on, and what undoing the last record brings back."""

from __future__ import annotations

import datetime as dt

import pytest

from followup import EtiquetteError, ValidationError, example_workspace
from followup.etiquette import record_event
from followup.session.events import EventUndo, event_date, last_event_words, long_date

TODAY = dt.date(2026, 12, 1)


def test_no_day_means_today_and_text_is_read_as_year_month_day():
    assert event_date(None, today=TODAY) == TODAY
    assert event_date("2026-11-30", today=TODAY) == dt.date(2026, 11, 30)
    assert event_date(dt.date(2026, 11, 2), today=TODAY) == dt.date(2026, 11, 2)


@pytest.mark.parametrize("typed", ["2026-13-01", "tomorrow", "2026-1-5", 20261130, "1989-12-31"])
def test_a_day_that_is_not_a_real_day_in_range_is_refused_naming_what_was_typed(typed):
    with pytest.raises(ValidationError) as caught:
        event_date(typed, today=TODAY)
    assert caught.value.problems[0].path == "date"
    assert str(typed) in str(caught.value)


def test_the_day_is_written_for_people_in_their_english():
    assert long_date(dt.date(2026, 11, 5)) == "Thursday, November 5, 2026"
    assert long_date(dt.date(2026, 11, 5), english="UK") == "Thursday 5 November 2026"


def test_a_refused_day_is_named_in_the_workspaces_english():
    with pytest.raises(ValidationError) as caught:
        event_date("2026-12-02", today=TODAY, english="UK")
    assert "must not be after today, " + long_date(TODAY, english="UK") in str(caught.value)


def test_undo_brings_back_the_draft_a_sent_record_let_go_of():
    from dataclasses import replace

    workspace = example_workspace()
    northwind = workspace.opportunity("northwind-platform-lead")
    with_draft = replace(northwind, drafts=replace(northwind.drafts, thank_you="Dear Priya, mine"))
    workspace = workspace.with_opportunity(with_draft)
    undo = EventUndo()
    sent = record_event(workspace, with_draft.id, "thank_you_sent", on=TODAY)
    after = sent.opportunity(with_draft.id)
    undo.remember(with_draft, after)
    assert after.drafts.thank_you is None
    back = undo.undone(after)
    assert back.events == with_draft.events
    assert back.drafts.thank_you == "Dear Priya, mine"
    said = last_event_words(sent, with_draft.id)
    assert said == "the thank-you sent on Tuesday, December 1, 2026"


def test_undo_never_overwrites_a_draft_typed_since():
    from dataclasses import replace

    workspace = example_workspace()
    northwind = workspace.opportunity("northwind-platform-lead")
    with_draft = replace(northwind, drafts=replace(northwind.drafts, thank_you="old"))
    undo = EventUndo()
    after = record_event(
        workspace.with_opportunity(with_draft), northwind.id, "thank_you_sent", on=TODAY
    ).opportunity(northwind.id)
    undo.remember(with_draft, after)
    typed_since = replace(after, drafts=replace(after.drafts, thank_you="new"))
    assert undo.undone(typed_since).drafts.thank_you == "new"


def test_undo_of_nothing_is_refused_in_words():
    northwind = example_workspace().opportunity("northwind-platform-lead")
    with pytest.raises(EtiquetteError, match="Nothing is recorded for Northwind Health yet"):
        EventUndo().undone(northwind)
