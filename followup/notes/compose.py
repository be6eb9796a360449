"""Writing the follow-up: a thank-you note, a check-in, talking points for a call.

Notes are rendered from Jinja2 templates shipped in ``followup/notes/templates``
(see :mod:`followup.notes.templating`).
The user's own words (what was discussed, learned, ...) reach the templates
only as values: they are never parsed as a template, so ``{{ 7*7 }}`` typed in
a note stays ``{{ 7*7 }}``. Text bodies are not HTML-escaped ("AT&T" stays
"AT&T"); :meth:`followup.notes.draft.Draft.html_preview` escapes for HTML.

jinja2 and the spelling dictionary are imported on first use.

>>> import datetime as dt
>>> from followup import example_workspace
>>> draft = draft_note(example_workspace(), "northwind-platform-lead", today=dt.date(2026, 11, 25))
>>> draft.body.splitlines()[0]
'Dear Priya,'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from followup.errors import Problem, ValidationError
from followup.etiquette import check_note_allowed
from followup.model import CATEGORIES, Contact, Opportunity, Workspace
from followup.notes.draft import Draft
from followup.notes.templating import join_phrases, render, that_clause

__all__ = ["draft_note", "greeting_name", "known_words", "talking_points"]

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Titles that make a first-name greeting wrong ("Dear Dr.,"): greet with the name as typed.
_HONORIFICS = frozenset({"dr", "prof", "professor", "mr", "mrs", "ms", "mx", "miss", "sir", "dame"})
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


# ---------------------------------------------------------------------------
# small text helpers


def _day(date: dt.date) -> str:
    # Month names are spelled out here rather than with strftime, which follows the locale.
    return f"{date.day} {_MONTHS[date.month - 1]}"


def greeting_name(contact: Contact) -> str:
    """The name to greet someone with: the first name, or the name as typed.

    After an interview in tech the conversation is usually on first-name terms,
    and "Dear Jordan," is warm while staying professional; "Dear Jordan Rivera,"
    reads like a form letter, and "Dear Ms Rivera," would guess a title. When the
    name starts with a title or an initial ("Dr. Jane Smith", "J. Rivera"), the
    person chose that form: it is kept whole.

    >>> greeting_name(Contact("Jordan Rivera")), greeting_name(Contact("Dr. Jane Smith"))
    ('Jordan', 'Dr. Jane Smith')
    """
    parts = contact.name.split()
    first = parts[0]
    if len(parts) == 1 or first.endswith(".") or first.lower() in _HONORIFICS:
        return contact.name
    return first


def known_words(workspace: Workspace, opportunity_id: str | None = None) -> tuple[str, ...]:
    """Names and terms of the workspace that the spelling check should accept.

    These are the names of people (owner, interviewers, recruiter), companies,
    roles and categories, plus the interviewers' titles. The notes are not
    included: a typo typed into a note must still be flagged.

    >>> from followup import example_workspace
    >>> "Okafor" in known_words(example_workspace(), "northwind-platform-lead")
    True
    """
    opportunities: Sequence[Opportunity] = (
        workspace.opportunities
        if opportunity_id is None
        else (workspace.opportunity(opportunity_id),)
    )
    texts: list[str] = list(CATEGORIES)
    if workspace.owner is not None:
        texts.append(workspace.owner.name)
    for opportunity in opportunities:
        texts += [opportunity.company, opportunity.role]
        people = [*opportunity.interviewers]
        if opportunity.recruiter is not None:
            people.append(opportunity.recruiter)
        for person in people:
            texts += [person.name, person.title or ""]
        texts += [factor.category or "" for factor in opportunity.factors]
    words: set[str] = set()
    for text in texts:
        for word in _WORD.findall(text):
            words.add(word)
            words.update(part for part in re.split(r"['’-]", word) if part)
    return tuple(sorted(words))


# ---------------------------------------------------------------------------
# notes


def draft_note(
    workspace: Workspace,
    opportunity_id: str,
    *,
    today: dt.date,
    kind: str | None = None,
) -> Draft:
    """Draft the follow-up note the etiquette allows today.

    Parameters
    ----------
    workspace, opportunity_id
        The opportunity to write about; the owner of the workspace signs.
    today
        The date the note would be sent.
    kind
        ``"thank_you"`` or ``"check_in"``; by default, what the plan calls for.

    Returns
    -------
    Draft
        Addressed to the first interviewer, with its writing check in
        ``findings``.

    Raises
    ------
    EtiquetteError
        When the plan does not allow that note today, saying why and, where it
        applies, from which date it would be allowed.
    ValidationError
        When the opportunity has no interviewer to address, the workspace has
        no owner to sign.

    Examples
    --------
    >>> import datetime as dt
    >>> from followup import example_workspace
    >>> draft = draft_note(example_workspace(), "acme-data-engineer", today=dt.date(2026, 12, 1))
    >>> draft.kind, draft.subject
    ('check_in', 'Following up on the Senior Data Engineer interview')
    """
    note_kind = check_note_allowed(workspace, opportunity_id, today=today, kind=kind)
    opportunity = workspace.opportunity(opportunity_id)
    recipient, sender = _people(workspace, opportunity)
    context = _note_context(opportunity, recipient, sender)
    subject = render(f"{note_kind}_subject.txt.j2", context)
    body = render(f"{note_kind}.txt.j2", context)
    return Draft.checked(
        kind=note_kind,
        to=recipient,
        sender=sender,
        subject=subject,
        body=body,
        company=opportunity.company,
        role=opportunity.role,
        known_words=known_words(workspace, opportunity_id),
    )


def _people(workspace: Workspace, opportunity: Opportunity) -> tuple[Contact, Contact]:
    problems = []
    if not opportunity.interviewers:
        problems.append(
            Problem(
                f"{opportunity.id}.interviewers",
                "must name at least one interviewer to address the note to",
                opportunity.interviewers,
            )
        )
    if workspace.owner is None:
        problems.append(Problem("owner", "must be set to your name, to sign the note", None))
    if problems:
        raise ValidationError(problems)
    assert workspace.owner is not None  # checked just above
    return opportunity.interviewers[0], workspace.owner


def _note_context(opportunity: Opportunity, recipient: Contact, sender: Contact) -> dict[str, Any]:
    notes = opportunity.notes
    thank_you = opportunity.event("thank_you_sent")
    return {
        "greeting_name": greeting_name(recipient),
        "interviewer_name": recipient.name,
        "other_interviewers": [person.name for person in opportunity.interviewers[1:]],
        "sender_name": sender.name,
        "company": opportunity.company,
        "role": opportunity.role,
        "interview_day": _day(opportunity.interview_date) if opportunity.interview_date else "",
        "thank_you_day": _day(thank_you.date) if thank_you else "",
        "discussed": list(notes.discussed),
        "learned": [that_clause(item) for item in notes.learned],
        "stronger_because": list(notes.stronger_because),
        "exciting": list(notes.exciting),
        "company_fact": notes.company_fact,
        "fact_comment": notes.fact_comment,
    }


def talking_points(
    workspace: Workspace,
    opportunity_id: str,
) -> str:
    """Talking points for the call with the recruiter (or any call about the role).

    Lists the candidate's interest (the balance, what excited them, why they
    fit), the pluses to mention, the concerns to raise (their own concerns
    first, then the minuses, heaviest first) and the questions to ask.

    Examples
    --------
    >>> from followup import example_workspace
    >>> points = talking_points(example_workspace(), "umbrella-ml-engineer")
    >>> points.splitlines()[1]  # doctest: +ELLIPSIS
    'Call with Casey Morgan (Talent Partner, BrightPath Recruiting), +1 555 0134, ...'
    """
    from followup.decide.scoring import score

    opportunity = workspace.opportunity(opportunity_id)
    table = score(workspace)
    numbers = table.loc[opportunity_id, ["balance", "plus", "minus"]].to_numpy(dtype="int64")
    balance, plus, minus = (int(number) for number in numbers)
    totals = f"the balance is {balance:+d} (pluses {plus}, minuses {minus})"
    if table.at[opportunity_id, "verdict"] == "pass":
        interest = f"I want to continue: {totals}."
    else:
        interest = f"I am not sure I want to continue: {totals}."
    by_weight = sorted(opportunity.factors, key=lambda factor: -factor.weight)
    context = {
        "company": opportunity.company,
        "role": opportunity.role,
        "recruiter_line": _contact_line(opportunity.recruiter) if opportunity.recruiter else "",
        "has_recruiter": opportunity.recruiter is not None,
        "interview_line": _interview_line(opportunity),
        "interviewer_name": opportunity.interviewers[0].name
        if opportunity.interviewers
        else "the interviewer",
        "interest": interest,
        "exciting": list(opportunity.notes.exciting),
        "stronger_because": list(opportunity.notes.stronger_because),
        "pluses": [f"{f.label} (weight {f.weight})" for f in by_weight if f.side == "plus"],
        "concerns": [
            *opportunity.notes.concerns,
            *(f"{f.label} (weight {f.weight})" for f in by_weight if f.side == "minus"),
        ],
    }
    return render("talking_points.txt.j2", context) + "\n"


def _contact_line(contact: Contact) -> str:
    name = f"{contact.name} ({contact.title})" if contact.title else contact.name
    return ", ".join(part for part in (name, contact.phone, contact.email) if part)


def _interview_line(opportunity: Opportunity) -> str:
    date = opportunity.interview_date
    names = join_phrases((person.name for person in opportunity.interviewers), trim=False)
    when = f" on {_day(date)} {date.year}" if date else ""
    who = f" with {names}" if names else ""
    return f"Interview{when}{who}." if when or who else ""
