"""Export a reminder as an iCalendar file (``.ics``): one all-day event with an alarm.

A calendar program imports the file as one event on the reminder day. The UID
is chosen by the caller and stays the same for the same reminder, so importing
a newer file updates the event instead of adding a second one.

The alarm fires at 09:00 on the morning of the day (``TRIGGER:PT9H``, counted
from the start of the all-day event, which is midnight in the calendar's own
time zone). An alarm at the start itself (``-P0D``) would ring at midnight,
when nobody can act on it; ``alarm_days_before`` moves the alarm to 09:00 that
many days earlier.

Text (summary, description) is written literally: line breaks, commas,
semicolons and backslashes are escaped (RFC 5545, section 3.3.11), so a summary
such as ``X\\r\\nEND:VEVENT\\r\\nBEGIN:VEVENT`` stays text inside the one
event, and any text reads back exactly as it was given.
"""

from __future__ import annotations

import datetime as dt
import re

from followup.errors import Problem, ValidationError
from followup.model.checks import check_date, check_integer, check_text

__all__ = ["ALARM_TIME", "build_reminder_ics", "escape_text"]

#: When the alarm rings, counted from the start (midnight) of the reminder day.
ALARM_TIME = dt.timedelta(hours=9)
PRODID = "-//followup//follow-up reminders//EN"
_UID = re.compile(r"[!-~]{1,255}")  # printable ASCII, no spaces
_MAX_SUMMARY = 300
_MAX_DESCRIPTION = 10_000


def build_reminder_ics(
    *,
    uid: str,
    on: dt.date,
    summary: str,
    description: str,
    stamp: dt.date,
    alarm_days_before: int = 0,
) -> bytes:
    """The bytes of a calendar with one all-day reminder event on ``on``.

    Parameters
    ----------
    uid : str
        A stable id for this reminder, printable ASCII without spaces (for
        example ``"acme-data-engineer-check-in@followup"``); the same id makes
        a calendar update the event when the file is imported again.
    on : date
        The day of the reminder (``DTSTART``; ``DTEND`` is the next day).
    summary : str
        The event's title. Line breaks are kept as text (``\\r\\n`` and
        ``\\r`` become ``\\n``); spaces and line breaks around it are removed.
    description : str
        The event's notes; may be empty.
    stamp : date
        The day the file is made; ``DTSTAMP`` is midnight UTC of that day.
    alarm_days_before : int
        0 (the default) rings at 09:00 on the day; ``n`` at 09:00 ``n`` days
        earlier (0 to 30).

    Returns
    -------
    bytes
        An iCalendar (RFC 5545) file with CRLF line ends.

    Raises
    ------
    ValidationError
        If a field is missing, out of range, or holds a control character.

    Examples
    --------
    >>> import datetime as dt
    >>> from icalendar import Calendar
    >>> data = build_reminder_ics(
    ...     uid="acme-check-in@followup",
    ...     on=dt.date(2026, 3, 16),
    ...     summary="Check in with Acme",
    ...     description="One short, gentle note.",
    ...     stamp=dt.date(2026, 3, 2),
    ... )
    >>> event, = Calendar.from_ical(data).walk("VEVENT")
    >>> event.decoded("dtstart"), str(event["summary"])
    (datetime.date(2026, 3, 16), 'Check in with Acme')
    """
    problems: list[Problem] = []
    if not isinstance(uid, str) or not _UID.fullmatch(uid):
        problems.append(
            Problem("uid", "must be 1 to 255 printable ASCII characters without spaces", uid)
        )
    day = check_date(on, "on", problems, required=True)
    stamp_day = check_date(stamp, "stamp", problems, required=True)
    summary_text = _text(summary, "summary", problems, required=True, max_length=_MAX_SUMMARY)
    description_text = _text(
        description, "description", problems, required=False, max_length=_MAX_DESCRIPTION
    )
    days_before = check_integer(alarm_days_before, "alarm_days_before", problems, low=0, high=30)
    if problems:
        raise ValidationError(problems)
    assert day is not None and stamp_day is not None
    assert summary_text is not None and days_before is not None

    from icalendar import Alarm, Calendar, Event
    from icalendar.prop import vText

    class ExactText(vText):
        """TEXT escaped by ``escape_text``, so that any text reads back exactly.

        ``vText`` turns a literal backslash followed by ``N`` into a line break
        before it escapes backslashes (icalendar 7 treats ``\\N`` in a Python
        string as a line-break marker), so a note holding ``C:\\New`` would
        come back from a calendar as ``C:`` and a new line with ``ew``. The
        reading side of icalendar unescapes correctly; only writing needs this.
        """

        __slots__ = ()

        def to_ical(self) -> bytes:
            return escape_text(self).encode("utf-8")

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", ExactText(summary_text))
    alarm.add("trigger", ALARM_TIME - dt.timedelta(days=days_before))

    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", dt.datetime.combine(stamp_day, dt.time(0, 0), tzinfo=dt.UTC))
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", ExactText(summary_text))
    if description_text:
        event.add("description", ExactText(description_text))
    # A reminder does not make the person busy for the day.
    event.add("transp", "TRANSPARENT")
    event.add_component(alarm)

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def escape_text(text: str) -> str:
    r"""The iCalendar form of a TEXT value (RFC 5545, section 3.3.11).

    Backslashes are doubled first, so that every backslash the result holds
    starts exactly one escape; ``;`` and ``,`` get a backslash, and a line
    break (``\r\n``, ``\r`` or ``\n``) becomes ``\n``.

    Parameters
    ----------
    text : str
        The text as the person wrote it.

    Returns
    -------
    str
        The escaped text, on one line.

    Examples
    --------
    >>> print(escape_text("C:\\New; one, two\nthree"))
    C:\\New\; one\, two\nthree
    """
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def _text(
    value: object, path: str, problems: list[Problem], *, required: bool, max_length: int
) -> str | None:
    """Check event text: line breaks allowed (as ``\\n``), other control characters refused."""
    if isinstance(value, str):
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    # Multi-line text check: refuses NUL and other control characters, and the
    # rarer line separators (U+2028, NEL, ...) that calendar readers disagree on.
    return check_text(
        value, path, problems, required=required, max_length=max_length, multiline=True
    )
