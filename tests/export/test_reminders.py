"""The check-in reminder: one all-day event with an alarm, on the right day, with a stable UID."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from icalendar import Calendar

from followup.errors import EtiquetteError, ValidationError
from followup.etiquette import record_event
from followup.export.reminders import check_in_date, reminder_ics
from followup.model import Settings, Workspace

STORY_DAY = dt.date(2026, 12, 1)


def events_of(data: bytes) -> list[object]:
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_one_all_day_event_on_the_check_in_date_with_an_alarm(workspace: Workspace) -> None:
    (event,) = events_of(reminder_ics(workspace, "initech-backend-engineer", today=STORY_DAY))
    assert event.decoded("dtstart") == dt.date(2026, 12, 5)  # thank-you 2026-11-21 + 14 days
    assert event.decoded("dtend") == dt.date(2026, 12, 6)
    assert len(event.walk("VALARM")) == 1
    assert "Initech" in str(event["summary"]) and "Backend Engineer" in str(event["summary"])
    assert "Bill Lumbergh" in str(event["description"])


def test_today_stamps_the_event(workspace: Workspace) -> None:
    (event,) = events_of(reminder_ics(workspace, "initech-backend-engineer", today=STORY_DAY))
    assert event.decoded("dtstamp").date() == STORY_DAY


def test_the_uid_is_stable_per_opportunity_so_re_exports_update(workspace: Workspace) -> None:
    def uid(ws: Workspace, opportunity_id: str, today: dt.date) -> str:
        (event,) = events_of(reminder_ics(ws, opportunity_id, today=today))
        return str(event["uid"])

    first = uid(workspace, "initech-backend-engineer", STORY_DAY)
    later = uid(workspace, "initech-backend-engineer", STORY_DAY + dt.timedelta(days=3))
    assert first == later
    assert uid(workspace, "acme-data-engineer", STORY_DAY) != first


def test_the_date_follows_the_check_in_setting(workspace: Workspace) -> None:
    ws = replace(workspace, settings=Settings(check_in_after_days=10))
    assert check_in_date(ws, "initech-backend-engineer") == dt.date(2026, 12, 1)


def test_a_reminder_needs_a_recorded_thank_you(workspace: Workspace) -> None:
    with pytest.raises(EtiquetteError, match="needs a recorded thank-you"):
        reminder_ics(workspace, "northwind-platform-lead", today=STORY_DAY)


def test_no_reminder_after_the_check_in(workspace: Workspace) -> None:
    ws = record_event(workspace, "acme-data-engineer", "check_in_sent", on=dt.date(2026, 11, 26))
    with pytest.raises(EtiquetteError, match="already sent on 2026-11-26"):
        reminder_ics(ws, "acme-data-engineer", today=STORY_DAY)


def test_no_reminder_after_a_reply(workspace: Workspace) -> None:
    with pytest.raises(EtiquetteError, match="replied on 2026-11-09"):
        reminder_ics(workspace, "hooli-site-reliability", today=STORY_DAY)


def test_today_must_be_a_date(workspace: Workspace) -> None:
    with pytest.raises(ValidationError, match="today must be a date"):
        reminder_ics(workspace, "initech-backend-engineer", today="2026-12-01")  # type: ignore[arg-type]


def test_hostile_company_text_stays_inside_one_event(workspace: Workspace) -> None:
    hostile = "X END:VEVENT BEGIN:VEVENT SUMMARY:evil; a, b"
    opportunity = replace(workspace.opportunity("initech-backend-engineer"), company=hostile)
    ws = workspace.with_opportunity(opportunity)
    (event,) = events_of(reminder_ics(ws, opportunity.id, today=STORY_DAY))
    assert hostile in str(event["summary"])


def test_a_reminder_beyond_2100_is_refused_in_words() -> None:
    import dataclasses

    from followup import example_workspace
    from followup.errors import ValidationError
    from followup.etiquette import record_event
    from followup.export.reminders import reminder_ics

    workspace = example_workspace()
    late = dataclasses.replace(
        workspace.opportunity("northwind-platform-lead"), interview_date=dt.date(2100, 12, 20)
    )
    workspace = record_event(
        workspace.with_opportunity(late), late.id, "thank_you_sent", on=dt.date(2100, 12, 25)
    )
    with pytest.raises(ValidationError) as caught:
        reminder_ics(workspace, late.id, today=dt.date(2100, 12, 26))
    assert str(caught.value) == (
        "The check-in for Northwind Health would fall on 2101-01-08, after 2100-12-31, the last "
        "date followup handles: no reminder was made."
    )


def test_the_reminder_uid_does_not_show_the_opportunity_id() -> None:
    from followup.export.reminders import reminder_uid

    uid = reminder_uid("new-company-new-role")
    assert "new-company" not in uid
    assert uid == reminder_uid("new-company-new-role")
    assert uid != reminder_uid("acme-data-engineer")
