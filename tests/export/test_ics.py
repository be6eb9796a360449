"""The .ics reminder: one all-day event with a morning alarm, stable id, text kept as text."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from followup.errors import ValidationError
from followup.export.ics import build_reminder_ics

UID = "acme-data-engineer-check-in@followup"
ON = dt.date(2026, 3, 16)
STAMP = dt.date(2026, 3, 2)
EVIL = "X\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:evil"


def reminder(**fields: object) -> bytes:
    arguments: dict[str, object] = {
        "uid": UID,
        "on": ON,
        "summary": "Check in with Acme about the Data Engineer role",
        "description": "Thank-you sent on 2026-03-02. One short, gentle note.",
        "stamp": STAMP,
    }
    arguments.update(fields)
    return build_reminder_ics(**arguments)  # type: ignore[arg-type]


def the_event(data: bytes) -> Any:
    calendar = Calendar.from_ical(data)
    (event,) = calendar.walk("VEVENT")
    return event


def test_the_calendar_holds_exactly_one_all_day_event_on_the_day() -> None:
    calendar = Calendar.from_ical(reminder())
    assert str(calendar["VERSION"]) == "2.0"
    assert "followup" in str(calendar["PRODID"])
    (event,) = calendar.walk("VEVENT")
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert type(start) is dt.date and start == ON  # a DATE, not a date-time
    assert type(end) is dt.date and end == ON + dt.timedelta(days=1)
    assert str(event["UID"]) == UID
    assert str(event["SUMMARY"]) == "Check in with Acme about the Data Engineer role"
    assert str(event["DESCRIPTION"]).startswith("Thank-you sent on 2026-03-02")


def test_the_stamp_is_midnight_utc_of_the_given_day() -> None:
    stamp = the_event(reminder()).decoded("DTSTAMP")
    assert stamp == dt.datetime(2026, 3, 2, tzinfo=dt.UTC)
    assert stamp.utcoffset() == dt.timedelta(0)


@pytest.mark.parametrize(
    ("days_before", "rings_at"),
    [
        (0, dt.datetime(2026, 3, 16, 9, 0)),
        (1, dt.datetime(2026, 3, 15, 9, 0)),
        (3, dt.datetime(2026, 3, 13, 9, 0)),
    ],
)
def test_the_alarm_rings_at_nine_in_the_morning(days_before: int, rings_at: dt.datetime) -> None:
    event = the_event(reminder(alarm_days_before=days_before))
    (alarm,) = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])
    trigger = alarm.decoded("TRIGGER")
    midnight = dt.datetime.combine(event.decoded("DTSTART"), dt.time())
    assert midnight + trigger == rings_at


def test_the_same_reminder_gives_the_same_bytes_so_a_re_import_updates() -> None:
    assert reminder() == reminder()
    later = the_event(reminder(on=dt.date(2026, 3, 20), stamp=dt.date(2026, 3, 5)))
    assert str(later["UID"]) == UID


@pytest.mark.parametrize("field", ["summary", "description"])
def test_calendar_syntax_in_the_text_stays_text_in_one_event(field: str) -> None:  # row 22
    data = reminder(**{field: EVIL})
    calendar = Calendar.from_ical(data)
    assert len(calendar.walk("VEVENT")) == 1
    lines = data.split(b"\r\n")
    assert lines.count(b"BEGIN:VEVENT") == 1 and lines.count(b"END:VEVENT") == 1
    (event,) = calendar.walk("VEVENT")
    assert str(event[field.upper()]) == EVIL.replace("\r\n", "\n")


def test_commas_semicolons_and_backslashes_read_back_exactly() -> None:
    text = 'Acme; Inc., "R&D" \\ <Legal>, 東京'
    assert str(the_event(reminder(summary=text))["SUMMARY"]) == text


@pytest.mark.parametrize(
    "text", ["\\N", "C:\\New hire", "\\\\N", "a\\nb", "\\,\\;", "ends with \\"]
)
def test_a_backslash_before_a_letter_stays_a_backslash_not_a_line_break(text: str) -> None:
    event = the_event(reminder(summary=text, description=text))
    assert str(event["SUMMARY"]) == text
    assert str(event["DESCRIPTION"]) == text
    (alarm,) = event.walk("VALARM")
    assert str(alarm["DESCRIPTION"]) == text


def test_an_empty_description_is_left_out() -> None:
    assert "DESCRIPTION" not in the_event(reminder(description=""))


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("uid", "acme check-in@followup", "uid must be 1 to 255 printable ASCII"),
        ("uid", "", "uid must be 1 to 255 printable ASCII"),
        ("uid", "café@followup", "uid must be 1 to 255 printable ASCII"),
        ("uid", "x" * 256, "uid must be 1 to 255 printable ASCII"),
        ("on", dt.datetime(2026, 3, 16, 9, 0), r"on must be a date \(YYYY-MM-DD\)"),
        ("on", dt.date(2300, 1, 1), "on must be a date from 1990-01-01 to 2100-12-31"),
        ("on", None, "on must be a date"),
        ("stamp", "last week", "stamp must be a date"),
        ("summary", "", "summary must be non-empty text"),
        ("summary", "Check in\x00", "summary must be text without a control character"),
        ("summary", "Check\u2028in", "summary must be text without"),
        ("description", "Call\x07", "description must be text without a control character"),
        ("alarm_days_before", -1, "alarm_days_before must be an integer from 0 to 30"),
        ("alarm_days_before", 31, "alarm_days_before must be an integer from 0 to 30"),
        ("alarm_days_before", True, "alarm_days_before must be an integer from 0 to 30"),
    ],
)
def test_a_bad_field_is_refused_naming_the_field(field: str, value: object, message: str) -> None:
    with pytest.raises(ValidationError, match=f"^{message}"):
        reminder(**{field: value})


calendar_text = st.text(
    st.one_of(
        st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")),
        # The characters iCalendar escapes, and the letters that follow a
        # backslash in an escape, drawn often enough to meet each other.
        st.sampled_from("\r\n\t\\;,nN"),
    ),
    min_size=1,
    max_size=200,
).filter(lambda text: text.strip() != "")


@settings(max_examples=150, deadline=None)
@given(summary=calendar_text, description=calendar_text)
def test_any_text_reads_back_as_one_event_with_the_same_text(
    summary: str, description: str
) -> None:
    event = the_event(reminder(summary=summary, description=description))
    assert str(event["SUMMARY"]) == summary.replace("\r\n", "\n").replace("\r", "\n").strip()
    assert str(event["DESCRIPTION"]) == (
        description.replace("\r\n", "\n").replace("\r", "\n").strip()
    )


@pytest.mark.slow
def test_importing_the_module_does_not_load_icalendar() -> None:
    code = "import sys, followup.export.ics; print('icalendar' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
