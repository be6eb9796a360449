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
