"""The follow-up plan: what to do next for each opportunity, and when.

The etiquette is short: for an opportunity that passes, call the recruiter
first when there is one, send one thank-you note the day after the interview,
one gentle check-in when nothing is heard for a while (14 days by default),
and then leave it alone. A reply or a closed opportunity ends the plan.

Everything here is pure: ``today`` is always a parameter.

>>> import datetime as dt
>>> from followup import example_workspace
>>> step = next_step(example_workspace(), "initech-backend-engineer", today=dt.date(2026, 12, 1))
>>> step.action, step.due.isoformat()
('wait', '2026-12-05')
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from followup.errors import EtiquetteError, Problem, ValidationError
from followup.model import EVENT_KINDS, Event, Opportunity, Workspace

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ACTIONS",
    "NOTE_KINDS",
    "Step",
    "check_note_allowed",
    "next_step",
    "record_event",
    "timeline",
]

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
ACTIONS: tuple[str, ...] = (
    "closed",
    "replied",
    "move_on",
    "call_recruiter",
    "send_thank_you",
    "wait",
    "send_check_in",
    "leave_it_alone",
)
NoteKind = Literal["thank_you", "check_in"]
#: The notes that can be drafted.
NOTE_KINDS: tuple[str, ...] = ("thank_you", "check_in")

TIMELINE_COLUMNS = ("company", "role", "verdict", "action", "due", "overdue", "reason")


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


def timeline(workspace: Workspace, *, today: dt.date) -> pd.DataFrame:
    """The "what do I do today" table: the next step of every opportunity.

    Parameters
    ----------
    workspace
        The workspace to plan.
    today
        The date to plan for.

    Returns
    -------
    DataFrame
        Index ``opportunity``; columns ``company``, ``role``, ``verdict``,
        ``action``, ``due`` (a :class:`datetime.date` or None), ``overdue``
        (bool) and ``reason``. Sorted by due date; rows without a due date come
        last, each group keeping the workspace order.

    Examples
    --------
    >>> import datetime as dt
    >>> from followup import example_workspace
    >>> table = timeline(example_workspace(), today=dt.date(2026, 12, 1))
    >>> row = table.loc["northwind-platform-lead"]
    >>> row["action"], row["due"].isoformat(), bool(row["overdue"])
    ('send_thank_you', '2026-11-25', True)
    """
    import pandas as pd

    _check_today(today)
    verdicts = _verdicts(workspace)
    rows = []
    for opportunity in workspace.opportunities:
        step = _plan(opportunity, verdicts[opportunity.id], workspace, today)
        rows.append(
            {
                "opportunity": opportunity.id,
                "company": opportunity.company,
                "role": opportunity.role,
                "verdict": verdicts[opportunity.id][0],
                "action": step.action,
                "due": step.due,
                "overdue": step.overdue,
                "reason": step.reason,
            }
        )
    # sorted() is stable: equal dates (and all undated rows) keep the workspace order.
    rows.sort(key=lambda row: (row["due"] is None, row["due"] or dt.date.min))
    index = pd.Index([row.pop("opportunity") for row in rows], name="opportunity", dtype=object)
    frame = pd.DataFrame(rows, index=index, columns=list(TIMELINE_COLUMNS))
    frame["due"] = frame["due"].astype(object)
    frame["overdue"] = frame["overdue"].astype(bool)
    return frame


def _check_today(today: object) -> None:
    if isinstance(today, dt.datetime) or not isinstance(today, dt.date):
        raise ValidationError([Problem("today", "must be a date", today)])


def _verdicts(workspace: Workspace) -> dict[str, tuple[str, int]]:
    """Verdict and balance per opportunity id, from the scoring table."""
    from followup.scoring import score

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


# ---------------------------------------------------------------------------
# may this note be drafted?


def check_note_allowed(
    workspace: Workspace, opportunity_id: str, *, today: dt.date, kind: str | None = None
) -> NoteKind:
    """The kind of note to draft today, or :class:`EtiquetteError` saying why not.

    Parameters
    ----------
    workspace, opportunity_id
        The opportunity to write about.
    today
        The date the note would be sent.
    kind
        ``"thank_you"`` or ``"check_in"``; by default the note the plan calls for.

    Returns
    -------
    str
        The kind of note that may be drafted.

    Raises
    ------
    EtiquetteError
        When the plan does not allow that note today; the message says why and,
        where it applies, from which date it would be allowed.

    Examples
    --------
    >>> import datetime as dt
    >>> from followup import example_workspace
    >>> check_note_allowed(example_workspace(), "initech-backend-engineer",
    ...                    today=dt.date(2026, 12, 1), kind="check_in")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    followup.errors.EtiquetteError: A check-in for Initech is allowed from 2026-12-05 (14 days ...
    """
    if kind is not None and kind not in NOTE_KINDS:
        raise ValidationError([Problem("kind", "must be 'thank_you', 'check_in' or None", kind)])
    step = next_step(workspace, opportunity_id, today=today)
    if kind is None:
        if step.allowed_kinds:
            return step.allowed_kinds[0]
        raise EtiquetteError(f"No note to draft today: {step.reason}")
    if kind in step.allowed_kinds:
        return kind
    opportunity = workspace.opportunity(opportunity_id)
    raise EtiquetteError(_refusal(opportunity, kind, step, workspace.settings.check_in_after_days))


def _refusal(opportunity: Opportunity, kind: str, step: Step, days: int) -> str:
    """Why the note of ``kind`` may not be drafted, given the planned step."""
    company = opportunity.company
    note = "A thank-you" if kind == "thank_you" else "A check-in"
    if step.action in ("closed", "replied", "move_on"):
        return f"{note} for {company} is not appropriate: {step.reason}"
    recruiter = opportunity.recruiter
    if step.action == "call_recruiter" and recruiter is not None:
        return (
            f"{note} for {company} waits for your call with the recruiter {recruiter.name}: "
            "call first and follow their instructions, then record the call."
        )
    thank_you = opportunity.event("thank_you_sent")
    check_in = opportunity.event("check_in_sent")
    if kind == "thank_you":
        if thank_you is not None:
            return (
                f"The thank-you for {company} was sent on {thank_you.date.isoformat()}; "
                "one thank-you is enough."
            )
        interview = opportunity.interview_date
        assert interview is not None  # a thank-you is only refused before the interview
        return (
            f"A thank-you for {company} is allowed from {interview.isoformat()}, "
            "the day of the interview."
        )
    if thank_you is None:
        return f"A check-in for {company} comes after a thank-you: send the thank-you first."
    if check_in is not None:
        return (
            f"The check-in for {company} was sent on {check_in.date.isoformat()}; "
            "leave it alone now."
        )
    assert step.due is not None  # waiting always has an end date
    return (
        f"A check-in for {company} is allowed from {step.due.isoformat()} "
        f"({days} days after the thank-you of {thank_you.date.isoformat()})."
    )


# ---------------------------------------------------------------------------
# recording what happened


def record_event(
    workspace: Workspace,
    opportunity_id: str,
    kind: str,
    *,
    on: dt.date,
    note: str | None = None,
) -> Workspace:
    """Record that something happened; return the updated workspace.

    Facts are recorded as they are (a check-in sent early is still a fact);
    only what the file format forbids is refused.

    Parameters
    ----------
    workspace, opportunity_id
        Where to record the event.
    kind
        One of ``recruiter_called``, ``thank_you_sent``, ``check_in_sent``,
        ``reply_received``, ``closed``.
    on
        The date it happened.
    note
        An optional note (for example, what the reply said).

    Raises
    ------
    EtiquetteError
        For a second thank-you or check-in, a check-in without a thank-you, or
        a date before the interview (or a check-in before the thank-you).
    ValidationError
        For a kind, date or note that is not valid at all.

    Examples
    --------
    >>> import datetime as dt
    >>> from followup import example_workspace
    >>> ws = record_event(example_workspace(), "northwind-platform-lead", "thank_you_sent",
    ...                   on=dt.date(2026, 11, 25))
    >>> next_step(ws, "northwind-platform-lead", today=dt.date(2026, 11, 26)).action
    'wait'
    """
    opportunity = workspace.opportunity(opportunity_id)
    event = Event(kind, on, note)  # type: ignore[arg-type]  # Event validates the kind
    problem = _format_refusal(opportunity, event)
    if problem is not None:
        raise EtiquetteError(problem)
    try:
        updated = opportunity.with_event(event)
    except ValidationError as error:  # a rule of the file format not foreseen above
        what = _event_name(event.kind)
        raise EtiquetteError(f"Cannot record {what} for {opportunity.company}: {error}") from None
    return workspace.with_opportunity(updated)


_EVENT_NAMES = dict(
    zip(
        EVENT_KINDS,
        ("the recruiter call", "a thank-you", "a check-in", "a reply", "the closing"),
        strict=True,
    )
)


def _event_name(kind: str) -> str:
    return _EVENT_NAMES.get(kind, kind)


def _format_refusal(opportunity: Opportunity, event: Event) -> str | None:
    """The file format's rules, as sentences naming the date and the kind."""
    company = opportunity.company
    day = event.date.isoformat()
    what = _event_name(event.kind)
    interview = opportunity.interview_date
    if interview is not None and event.date < interview:
        return (
            f"Cannot record {what} for {company} on {day}: that is before the interview "
            f"on {interview.isoformat()}."
        )
    thank_you = opportunity.event("thank_you_sent")
    check_in = opportunity.event("check_in_sent")
    if event.kind == "thank_you_sent" and thank_you is not None:
        return (
            f"Cannot record a second thank-you for {company} on {day}: "
            f"one was already recorded on {thank_you.date.isoformat()}."
        )
    if event.kind == "check_in_sent":
        if check_in is not None:
            return (
                f"Cannot record a second check-in for {company} on {day}: "
                f"one was already recorded on {check_in.date.isoformat()}."
            )
        if thank_you is None:
            return (
                f"Cannot record a check-in for {company} on {day}: a check-in follows a "
                "thank-you, and none is recorded. Record the thank-you first."
            )
        if event.date < thank_you.date:
            return (
                f"Cannot record a check-in for {company} on {day}: that is before the "
                f"thank-you of {thank_you.date.isoformat()}."
            )
    return None
