"""Today: the next step of every opportunity."""

from __future__ import annotations

import datetime as dt

from followup import example_workspace
from followup.session import Session
from tests.session.support import ACME, NOON, memory_session


def test_the_timeline_has_every_opportunity():
    session = memory_session()
    assert set(session.today.timeline().index) == set(session.state.workspace.ids)


def test_the_date_follows_the_calendar_the_session_was_given():
    days = iter([dt.date(2026, 11, 24), dt.date(2026, 11, 25)])
    session = Session(example_workspace(), today=lambda: next(days), now=NOON)
    assert session.today.date == dt.date(2026, 11, 24)
    assert session.today.date == dt.date(2026, 11, 25)


def test_the_timeline_is_made_for_the_sessions_date():
    early = memory_session(today=dt.date(2026, 11, 12)).today.timeline()
    late = memory_session().today.timeline()
    assert early.loc[ACME, "action"] == "wait"
    assert late.loc[ACME, "action"] == "send_check_in"


def test_each_row_offers_what_can_be_recorded_for_its_step():
    rows = {row.opportunity_id: row for row in memory_session().today.rows()}
    assert rows["umbrella-ml-engineer"].records == "recruiter_called"
    assert rows["northwind-platform-lead"].records == "thank_you_sent"
    assert rows[ACME].records == "check_in_sent"
    assert rows["globex-analytics-engineer"].action == "move_on"
    assert rows["globex-analytics-engineer"].records == "closed"
    waiting = rows["initech-backend-engineer"]
    assert waiting.action == "wait" and waiting.records is None


def test_the_rows_follow_the_timeline_order_and_overdue_marks():
    session = memory_session()
    frame = session.today.timeline()
    rows = session.today.rows()
    assert [row.opportunity_id for row in rows] == list(frame.index)
    assert [row.overdue for row in rows] == list(frame["overdue"])


def test_a_row_recorded_through_the_follow_up_moves_on_in_the_plan():
    session = memory_session()
    session.follow_up.mark_done("northwind-platform-lead", on="2026-11-30")
    row = next(r for r in session.today.rows() if r.opportunity_id == "northwind-platform-lead")
    assert row.action == "wait" and row.records is None
