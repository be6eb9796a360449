"""The gates that keep to the etiquette: which note may be drafted, what may be recorded.

:func:`check_note_allowed` answers "may this note be drafted today?" from the
plan of :mod:`followup.etiquette.plan`; :func:`record_event` records what
happened, refusing what the etiquette forbids with a sentence that says why.
Everything here is pure: ``today`` is always a parameter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from followup.errors import EtiquetteError, Problem, ValidationError
from followup.etiquette.plan import NOTE_KINDS, NoteKind, Step, next_step
from followup.model import EVENT_KINDS, Event, Opportunity, Workspace
from followup.model.event import broken_event_rules

__all__ = ["check_note_allowed", "record_event"]


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
    only what the file format forbids is refused. Recording a note as sent
    lets go of the person's edits of that note's draft (they were sent).

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
        sent = {"thank_you_sent": "thank_you", "check_in_sent": "check_in"}.get(event.kind)
        if sent is not None and updated.drafts.get(sent) is not None:
            updated = replace(updated, drafts=replace(updated.drafts, **{sent: None}))
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
    """The first rule of :mod:`followup.model.event` the new event would break, as a sentence."""
    events = (*opportunity.events, event)
    broken = [
        rule
        for rule in broken_event_rules(events, opportunity.interview_date)
        if rule.index == len(opportunity.events)
    ]
    if not broken:
        return None
    rule = broken[0]
    company = opportunity.company
    day = event.date.isoformat()
    earlier = None if rule.earlier is None else events[rule.earlier].date.isoformat()
    if rule.rule == "before_interview":
        assert opportunity.interview_date is not None  # the rule needs one
        return (
            f"Cannot record {_event_name(event.kind)} for {company} on {day}: that is before "
            f"the interview on {opportunity.interview_date.isoformat()}."
        )
    if rule.rule == "repeated":
        second = "a second thank-you" if event.kind == "thank_you_sent" else "a second check-in"
        return (
            f"Cannot record {second} for {company} on {day}: "
            f"one was already recorded on {earlier}."
        )
    if rule.rule == "check_in_without_thank_you":
        return (
            f"Cannot record a check-in for {company} on {day}: a check-in follows a "
            "thank-you, and none is recorded. Record the thank-you first."
        )
    return (
        f"Cannot record a check-in for {company} on {day}: that is before the "
        f"thank-you of {earlier}."
    )
