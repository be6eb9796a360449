"""Recording what happened in a follow-up on a chosen day, and taking the last record back.

The app records an event (a note sent, a reply, the end of an opportunity)
on the day the person chooses, today unless they say otherwise; the day is
checked here and named in words when it is refused. The last event of an
opportunity can be undone: :class:`EventUndo` remembers the draft a
"sent" record let go of, so undoing it brings the person's text back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from followup.errors import EtiquetteError, Problem, ValidationError
from followup.model import English, Event, Opportunity, Workspace
from followup.model.checks import EARLIEST_DATE
from followup.notes.dates import written_date

__all__ = [
    "EVENT_WORDS",
    "EventUndo",
    "RecordedEvent",
    "event_date",
    "long_date",
    "without_last_event",
]

#: Each kind of event as a short phrase ("the thank-you sent").
EVENT_WORDS = {
    "recruiter_called": "the call with the recruiter",
    "thank_you_sent": "the thank-you sent",
    "check_in_sent": "the check-in sent",
    "reply_received": "their reply",
    "closed": "the closing",
}
#: The note whose draft a "sent" event lets go of.
SENT_NOTES = {"thank_you_sent": "thank_you", "check_in_sent": "check_in"}


def long_date(day: dt.date, *, english: English = "US") -> str:
    """A day as a person reads it, in the workspace's English: weekday, day, month and year.

    >>> long_date(dt.date(2026, 12, 1))
    'Tuesday, December 1, 2026'
    >>> long_date(dt.date(2026, 12, 1), english="UK")
    'Tuesday 1 December 2026'
    """
    return written_date(day, english=english, weekday=True)


def event_date(value: object, *, today: dt.date, english: English = "US") -> dt.date:
    """The day an event happened, from a date, typed text (``YYYY-MM-DD``) or None (today).

    A day after ``today`` is refused: what is recorded has happened.

    Raises
    ------
    ValidationError
        For text that is not a real day, no day at all (``""``), or a day
        after today; the message names the day as typed.

    Examples
    --------
    >>> today = dt.date(2026, 12, 1)
    >>> event_date(None, today=today), event_date(" 2026-11-30 ", today=today)
    (datetime.date(2026, 12, 1), datetime.date(2026, 11, 30))
    >>> event_date("2026-02-30", today=today)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    followup.errors.ValidationError: date must be a real day written year-month-day, ...
    """
    if value is None:
        return today
    day: dt.date | None = None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        day = value
    elif isinstance(value, str):
        text = value.strip()
        if not text:
            raise ValidationError([Problem("date", "must be given: the day it happened")])
        try:
            day = dt.date.fromisoformat(text) if len(text) == 10 else None
        except ValueError:
            day = None
    if day is None:
        example = today.isoformat()
        raise ValidationError(
            [Problem("date", f"must be a real day written year-month-day, like {example}", value)]
        )

    def spoken(day: dt.date) -> str:
        return long_date(day, english=english)

    if day > today:
        raise ValidationError(
            [Problem("date", f"must not be after today, {spoken(today)}", day.isoformat())]
        )
    if day < EARLIEST_DATE:
        raise ValidationError(
            [Problem("date", f"must be on or after {spoken(EARLIEST_DATE)}", day.isoformat())]
        )
    return day


@dataclass(frozen=True)
class RecordedEvent:
    """An event as the app last recorded it, with the draft edits its record let go of."""

    opportunity_id: str
    position: int
    event: Event
    #: The person's text of the note that was marked as sent, or None.
    cleared_draft: str | None


class EventUndo:
    """Remembers what each recording let go of, so that undoing it restores it.

    The memory lasts as long as the session; an event recorded earlier (or in
    another program) can still be undone, without a draft to bring back.
    """

    def __init__(self) -> None:
        self._recorded: dict[tuple[str, int], RecordedEvent] = {}

    def remember(self, before: Opportunity, after: Opportunity) -> None:
        """Note the event ``after`` has beyond ``before`` and the draft it cleared."""
        event = after.events[-1]
        note = SENT_NOTES.get(event.kind)
        cleared = before.drafts.get(note) if note is not None else None
        position = len(after.events) - 1
        self._recorded[(after.id, position)] = RecordedEvent(after.id, position, event, cleared)

    def undone(self, opportunity: Opportunity) -> Opportunity:
        """The opportunity without its last event, with the draft that event cleared restored."""
        if not opportunity.events:
            company = opportunity.company
            raise EtiquetteError(f"Nothing is recorded for {company} yet: nothing to undo.")
        position = len(opportunity.events) - 1
        last = opportunity.events[-1]
        remembered = self._recorded.pop((opportunity.id, position), None)
        undone = without_last_event(opportunity)
        note = SENT_NOTES.get(last.kind)
        if (
            remembered is not None
            and remembered.event == last
            and remembered.cleared_draft is not None
            and note is not None
            and undone.drafts.get(note) is None
        ):
            drafts = replace(undone.drafts, **{note: remembered.cleared_draft})
            undone = replace(undone, drafts=drafts)
        return undone


def without_last_event(opportunity: Opportunity) -> Opportunity:
    """The opportunity with its last recorded event taken back.

    >>> from followup import example_workspace
    >>> acme = example_workspace().opportunity("acme-data-engineer")
    >>> [e.kind for e in without_last_event(acme).events]
    []
    """
    try:
        return replace(opportunity, events=opportunity.events[:-1])
    except ValidationError as error:  # a rule of the file format the earlier events break
        what = EVENT_WORDS.get(opportunity.events[-1].kind, "the last record")
        raise EtiquetteError(
            f"Cannot undo {what} for {opportunity.company}: the records before it would "
            f"no longer hold ({error})."
        ) from None


def last_event_words(workspace: Workspace, opportunity_id: str) -> str | None:
    """The last event of an opportunity in words ("the thank-you sent on ..."), or None."""
    opportunity = workspace.opportunity(opportunity_id)
    if not opportunity.events:
        return None
    last = opportunity.events[-1]
    english = workspace.settings.english
    return f"{EVENT_WORDS.get(last.kind, last.kind)} on {long_date(last.date, english=english)}"
