"""A calendar reminder for the check-in date.

After the thank-you, the etiquette is to wait; :func:`reminder_ics` puts the
day a check-in becomes fitting into the person's calendar, so waiting needs no
memory. Re-exporting gives the same event UID, so calendars update the event
instead of adding a second one.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from followup.errors import EtiquetteError, Problem, ValidationError
from followup.model import Workspace
from followup.model.checks import LATEST_DATE

__all__ = ["check_in_date", "reminder_ics", "reminder_uid"]


def reminder_uid(opportunity_id: str) -> str:
    """The stable UID of the check-in reminder of one opportunity.

    The UID is made from the opportunity's id but does not show it: a calendar
    keeps it, and an id made from a first draft of the name means nothing later.

    >>> reminder_uid("acme-data-engineer")
    'check-in-f9664ffa75d1197c@followup.invalid'
    """
    digest = hashlib.sha256(opportunity_id.encode("utf-8")).hexdigest()[:16]
    # ".invalid" is reserved (RFC 2606): the UID looks like an address but names no real host.
    return f"check-in-{digest}@followup.invalid"


def check_in_date(workspace: Workspace, opportunity_id: str) -> dt.date:
    """The day a check-in becomes fitting: the thank-you date plus ``check_in_after_days``.

    Raises
    ------
    EtiquetteError
        When no thank-you is recorded, a check-in already is, or the
        opportunity is closed or has had a reply.

    Examples
    --------
    >>> from followup import example_workspace
    >>> check_in_date(example_workspace(), "initech-backend-engineer").isoformat()
    '2026-12-05'
    """
    opportunity = workspace.opportunity(opportunity_id)
    company = opportunity.company
    thank_you = opportunity.event("thank_you_sent")
    if thank_you is None:
        raise EtiquetteError(
            f"A check-in reminder for {company} needs a recorded thank-you: "
            "record the thank-you first (the check-in date counts from it)."
        )
    check_in = opportunity.event("check_in_sent")
    if check_in is not None:
        raise EtiquetteError(
            f"The check-in for {company} was already sent on {check_in.date.isoformat()}: "
            "there is nothing left to remind you of."
        )
    for kind, what in (("reply_received", "replied"), ("closed", "was closed")):
        event = opportunity.event(kind)
        if event is not None:
            raise EtiquetteError(
                f"{company} {what} on {event.date.isoformat()}: a check-in reminder is not needed."
            )
    return thank_you.date + dt.timedelta(days=workspace.settings.check_in_after_days)


def reminder_ics(workspace: Workspace, opportunity_id: str, *, today: dt.date) -> bytes:
    """An iCalendar file with one all-day event on the check-in date, with an alarm.

    Parameters
    ----------
    workspace, opportunity_id
        The opportunity to be reminded of; it needs a recorded thank-you and no
        recorded check-in.
    today
        Stamps the event (``DTSTAMP``); followup never reads the clock.

    Returns
    -------
    bytes
        The ``.ics`` file content. The event's UID is the same on every export
        for this opportunity.

    Raises
    ------
    EtiquetteError
        See :func:`check_in_date`.

    Examples
    --------
    >>> import datetime as dt
    >>> from followup import example_workspace
    >>> today = dt.date(2026, 12, 1)
    >>> data = reminder_ics(example_workspace(), "initech-backend-engineer", today=today)
    >>> b"DTSTART;VALUE=DATE:20261205" in data
    True
    """
    from followup.export.ics import build_reminder_ics

    if isinstance(today, dt.datetime) or not isinstance(today, dt.date):
        raise ValidationError([Problem("today", "must be a date", today)])
    on = check_in_date(workspace, opportunity_id)
    opportunity = workspace.opportunity(opportunity_id)
    if on > LATEST_DATE:
        raise ValidationError(
            f"The check-in for {opportunity.company} would fall on {on.isoformat()}, after "
            f"{LATEST_DATE.isoformat()}, the last date followup handles: no reminder was made."
        )
    thank_you = opportunity.event("thank_you_sent")
    assert thank_you is not None  # check_in_date requires it
    who = opportunity.interviewers[0].name if opportunity.interviewers else "your interviewer"
    summary = f"Check in with {opportunity.company} about the {opportunity.role} role"
    description = (
        f"You sent your thank-you to {who} at {opportunity.company} on "
        f"{thank_you.date.isoformat()}. If you have heard nothing since, one short check-in "
        "about the role is fitting from today: draft it with followup. If they replied, "
        "record the reply instead."
    )
    return build_reminder_ics(
        uid=reminder_uid(opportunity_id),
        on=on,
        summary=summary,
        description=description,
        stamp=today,
    )
