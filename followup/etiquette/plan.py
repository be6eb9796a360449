"""The follow-up plan: the next step for one opportunity, and when it is due.

:func:`next_step` applies the rules of the etiquette, first match wins:
closed or replied ends the plan; an opportunity that does not pass gets no
note; the recruiter is called first when there is one; then one thank-you the
day after the interview, one check-in after the set number of days of
silence, and nothing more. Each :class:`Step` carries a sentence a person can
act on. Pure: ``today`` is always a parameter. Import from
:mod:`followup.etiquette`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, get_args

from followup.errors import Problem, ValidationError
from followup.model import Event, Opportunity, Workspace

__all__ = ["ACTIONS", "ACTION_PHRASES", "NOTE_KINDS", "Action", "NoteKind", "Step", "next_step"]

Action = Literal[
    "closed",
    "replied",
    "move_on",
    "call_recruiter",
    "send_thank_you",
    "wait",
    "send_check_in",
    "leave_it_alone",
]
#: Every action :func:`next_step` can return, in the order of the rules.
ACTIONS: tuple[str, ...] = get_args(Action)
#: Each action as a person would say it, written to start a sentence; every front end uses these.
ACTION_PHRASES: dict[str, str] = {
    "closed": "Closed",
    "replied": "Answer their reply personally",
    "move_on": "Move on",
    "call_recruiter": "Call the recruiter",
    "send_thank_you": "Send the thank-you note",
    "wait": "Wait",
    "send_check_in": "Send the check-in",
    "leave_it_alone": "Leave it alone",
}
NoteKind = Literal["thank_you", "check_in"]
#: The notes that can be drafted.
NOTE_KINDS: tuple[str, ...] = get_args(NoteKind)


@dataclass(frozen=True)
class Step:
    """The next step for one opportunity.

    Attributes
    ----------
    action
        One of :data:`ACTIONS`.
    due
        The date the step is due (or, for ``"wait"``, the date waiting ends);
        None when nothing is due.
    reason
        A sentence a person can act on: what to do, for whom, and by when.
    overdue
        True when ``due`` is before the ``today`` the step was planned for.
    allowed_kinds
        The notes that may be drafted today (``"thank_you"``, ``"check_in"``);
        empty when no note is appropriate.
    """

    action: Action
    due: dt.date | None
    reason: str
    overdue: bool = False
    allowed_kinds: tuple[NoteKind, ...] = ()


# ---------------------------------------------------------------------------
# the plan


def next_step(workspace: Workspace, opportunity_id: str, *, today: dt.date) -> Step:
    """What to do next for one opportunity; the first matching rule wins.

    1. a ``closed`` event: ``"closed"``;
    2. a ``reply_received`` event: ``"replied"`` (answer personally);
    3. the verdict is not pass: ``"move_on"``;
    4. a recruiter and no ``recruiter_called`` event: ``"call_recruiter"``,
       due on the interview date;
    5. no ``thank_you_sent``: ``"send_thank_you"``, due the day after the
       interview (today without an interview date);
    6. a thank-you and no check-in: ``"wait"`` until the thank-you date plus
       ``settings.check_in_after_days``, ``"send_check_in"`` from that date;
    7. a check-in: ``"leave_it_alone"``.

    Parameters
    ----------
    workspace
        The workspace holding the opportunity and the settings.
    opportunity_id
        The id of the opportunity.
    today
        The date to plan for.

    Returns
    -------
    Step

    Examples
    --------
    >>> import datetime as dt
    >>> from followup import example_workspace
    >>> ws = example_workspace()
    >>> next_step(ws, "acme-data-engineer", today=dt.date(2026, 11, 24)).action
    'wait'
    >>> next_step(ws, "acme-data-engineer", today=dt.date(2026, 11, 25)).action
    'send_check_in'
    """
    _check_today(today)
    opportunity = workspace.opportunity(opportunity_id)
    verdicts = _verdicts(workspace)
    return _plan(opportunity, verdicts[opportunity.id], workspace, today)


def _check_today(today: object) -> None:
    if isinstance(today, dt.datetime) or not isinstance(today, dt.date):
        raise ValidationError([Problem("today", "must be a date", today)])


def _verdicts(workspace: Workspace) -> dict[str, tuple[str, int]]:
    """Verdict and balance per opportunity id, from the scoring table."""
    from followup.decide.scoring import score

    table = score(workspace)
    return {
        str(opportunity_id): (str(verdict), int(balance))
        for opportunity_id, verdict, balance in zip(
            table.index, table["verdict"], table["balance"], strict=True
        )
    }


def _addressee(opportunity: Opportunity) -> str:
    return opportunity.interviewers[0].name if opportunity.interviewers else "your interviewer"


def _plan(
    opportunity: Opportunity, verdict: tuple[str, int], workspace: Workspace, today: dt.date
) -> Step:
    """The rules, on one opportunity whose verdict is already known."""
    company = opportunity.company
    closed = opportunity.event("closed")
    if closed is not None:
        return Step(
            "closed",
            None,
            f"{company} was closed on {closed.date.isoformat()}: there is nothing more to send.",
        )
    reply = opportunity.event("reply_received")
    if reply is not None:
        return Step(
            "replied",
            None,
            f"{company} replied on {reply.date.isoformat()}: answer them personally; "
            "no more automatic follow-ups.",
        )
    verdict_name, balance = verdict
    if verdict_name != "pass":
        threshold = workspace.settings.threshold
        return Step(
            "move_on",
            None,
            f"{company} does not pass: its balance is {balance:+d}, not above the threshold of "
            f"{threshold:g}. No follow-up note; put your energy into the opportunities that pass.",
        )
    interview = opportunity.interview_date
    recruiter = opportunity.recruiter
    if recruiter is not None and opportunity.event("recruiter_called") is None:
        due = interview or today
        late = due < today
        when = f"today (it was due on {due.isoformat()})" if late else f"on {due.isoformat()}"
        return Step(
            "call_recruiter",
            due,
            f"Call the recruiter {recruiter.name} {when} before writing to {company}: give your "
            "feedback on the interview and follow their instructions, then record the call.",
            overdue=late,
        )
    thank_you = opportunity.event("thank_you_sent")
    if thank_you is None:
        return _thank_you_step(opportunity, today)
    check_in = opportunity.event("check_in_sent")
    if check_in is None:
        return _check_in_step(opportunity, thank_you, workspace.settings.check_in_after_days, today)
    return Step(
        "leave_it_alone",
        None,
        f"You checked in with {company} on {check_in.date.isoformat()} after your thank-you of "
        f"{thank_you.date.isoformat()}: leave it alone now, and record a reply if one comes.",
    )


def _thank_you_step(opportunity: Opportunity, today: dt.date) -> Step:
    interview = opportunity.interview_date
    who = _addressee(opportunity)
    company = opportunity.company
    if interview is None:
        return Step(
            "send_thank_you",
            today,
            f"Send one thank-you note to {who} at {company} today (no interview date is recorded).",
            allowed_kinds=("thank_you",),
        )
    due = interview + dt.timedelta(days=1)
    if today < interview:
        reason = (
            f"After the interview at {company} on {interview.isoformat()}, send one thank-you "
            f"note to {who} by {due.isoformat()}."
        )
        return Step("send_thank_you", due, reason)
    if today <= due:
        reason = (
            f"Send one thank-you note to {who} at {company} by {due.isoformat()}, "
            "the day after the interview."
        )
    else:
        reason = (
            f"Send one thank-you note to {who} at {company} today: it was due on "
            f"{due.isoformat()}, the day after the interview."
        )
    return Step("send_thank_you", due, reason, overdue=today > due, allowed_kinds=("thank_you",))


def _check_in_step(opportunity: Opportunity, thank_you: Event, days: int, today: dt.date) -> Step:
    due = thank_you.date + dt.timedelta(days=days)
    who = _addressee(opportunity)
    company = opportunity.company
    sent = thank_you.date.isoformat()
    if today < due:
        return Step(
            "wait",
            due,
            f"You thanked {who} on {sent}; give {company} time to answer. If nothing comes, "
            f"one short check-in is fitting from {due.isoformat()} ({days} days later).",
        )
    when = f"from today, {due.isoformat()}" if today == due else f"since {due.isoformat()}"
    return Step(
        "send_check_in",
        due,
        f"Nothing heard from {company} since your thank-you of {sent}: send one short check-in "
        f"to {who} (fitting {when}).",
        overdue=today > due,
        allowed_kinds=("check_in",),
    )
