"""Writing the follow-up: a thank-you note, a check-in, talking points for a call.

:func:`draft_note` turns an opportunity's notes into a :class:`Draft`: the
sentences are built by :mod:`followup.notes.thank_you` and
:mod:`followup.notes.check_in` from the person's own words, read by their
grammar (:mod:`followup.notes.phrases`); the greeting follows
:mod:`followup.notes.greeting`; the layout (greeting, paragraphs, signature)
and the subject lines come from the Jinja2 templates in
``followup/notes/templates`` (see :mod:`followup.notes.templating`). The
user's words reach the templates only as values: they are never parsed as a
template, so ``{{ 7*7 }}`` typed in a note stays ``{{ 7*7 }}``. Text bodies are
not HTML-escaped ("AT&T" stays "AT&T");
:meth:`followup.notes.draft.Draft.html_preview` escapes for HTML.

A thank-you whose notes give nothing of the person's own to say (no
discussed, learned, stronger_because, exciting or company_fact) is not
padded into a form letter: its draft has an empty body and its findings say
which notes to fill in; saving or exporting it is refused until then.

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

from followup.errors import Problem, ValidationError
from followup.etiquette import check_note_allowed
from followup.model import CATEGORIES, Contact, Opportunity, Workspace
from followup.notes.check_in import check_in_paragraphs
from followup.notes.completeness import NoteFinding, missing_parts
from followup.notes.dates import written_date
from followup.notes.draft import Draft
from followup.notes.framing import Paragraphs, Writing, listed
from followup.notes.greeting import greeting_name, lowercase_name, name_capitalized
from followup.notes.phrases import capitalized, read_item
from followup.notes.templating import render
from followup.notes.thank_you import thank_you_paragraphs

__all__ = ["draft_note", "greeting_name", "known_words", "talking_points"]

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def known_words(workspace: Workspace, opportunity_id: str | None = None) -> tuple[str, ...]:
    """Names and terms of the workspace that the spelling check should accept.

    These are the names of people (owner, interviewers, recruiter), companies,
    roles and categories, the interviewers' titles and the words of the
    workspace's dictionary. The notes are not included: a typo typed into a
    note must still be flagged.

    >>> from followup import example_workspace
    >>> "Okafor" in known_words(example_workspace(), "northwind-platform-lead")
    True
    """
    opportunities: Sequence[Opportunity] = (
        workspace.opportunities
        if opportunity_id is None
        else (workspace.opportunity(opportunity_id),)
    )
    texts: list[str] = [*CATEGORIES, *workspace.dictionary]
    if workspace.owner is not None:
        texts.append(workspace.owner.name)
    for opportunity in opportunities:
        texts += [opportunity.company, opportunity.role]
        for person in _people_of(opportunity):
            texts += [person.name, person.title or ""]
        texts += [factor.category or "" for factor in opportunity.factors]
    words: set[str] = set()
    for text in texts:
        for word in _WORD.findall(text):
            words.add(word)
            words.update(part for part in re.split(r"['’-]", word) if part)
    return tuple(sorted(words))


def _people_of(opportunity: Opportunity) -> list[Contact]:
    people = [*opportunity.interviewers]
    if opportunity.recruiter is not None:
        people.append(opportunity.recruiter)
    return people


def _capitalised_names(workspace: Workspace, opportunity: Opportunity) -> frozenset[str]:
    """What keeps its capital at the start of a note item: names, the company, the dictionary."""
    names: set[str] = set(workspace.dictionary)
    people = _people_of(opportunity)
    if workspace.owner is not None:
        people.append(workspace.owner)
    for person in people:
        names.update(word for word in _WORD.findall(person.name) if word[:1].isupper())
    names.add(opportunity.company)
    # "Classcraft is used in 3,000 schools" for the company "Classcraft Learning".
    first = opportunity.company.split()[0].rstrip(".,")
    if first[:1].isupper() and first.lower() not in ("the", "a", "an"):
        names.add(first)
    return frozenset(names)


# ---------------------------------------------------------------------------
# notes


def draft_note(
    workspace: Workspace,
    opportunity_id: str,
    *,
    today: dt.date,
    kind: str | None = None,
    to: str | None = None,
) -> Draft:
    """Draft the follow-up note the etiquette allows today.

    Parameters
    ----------
    workspace, opportunity_id
        The opportunity to write about; the owner of the workspace signs.
    today
        The date the note would be sent (dates of this year are written
        without the year).
    kind
        ``"thank_you"`` or ``"check_in"``; by default, what the plan calls for.
    to
        The name of the interviewer to write to (any of them, matched without
        regard to case or spacing); by default the first. The others are
        thanked by name in the note, and each colleague's note is phrased
        differently.

    Returns
    -------
    Draft
        With its ``findings``: the writing check of the body, the parts of a
        thank-you the notes do not give (kind ``"missing"``, each with the
        ``field`` to fill in), note items that had to stand as sentences of
        their own (``"note_item"``) and names typed in lower case
        (``"name"``). When the notes give a thank-you nothing to say, the
        body is empty and the findings list what to fill in.

    Raises
    ------
    EtiquetteError
        When the plan does not allow that note today, saying why and, where it
        applies, from which date it would be allowed.
    ValidationError
        When the opportunity has no interviewer to address, ``to`` names none
        of them, or the workspace has no owner to sign.

    Examples
    --------
    >>> import datetime as dt
    >>> from followup import example_workspace
    >>> draft = draft_note(example_workspace(), "acme-data-engineer", today=dt.date(2026, 12, 1))
    >>> draft.kind, draft.subject
    ('check_in', 'Following up on the Senior Data Engineer interview')
    >>> ws, day = example_workspace(), dt.date(2026, 12, 1)
    >>> draft = draft_note(ws, "northwind-platform-lead", today=day, to="Sam Okafor")
    >>> draft.body.splitlines()[0]
    'Dear Sam,'
    """
    note_kind = check_note_allowed(workspace, opportunity_id, today=today, kind=kind)
    opportunity = workspace.opportunity(opportunity_id)
    index, recipient, sender = _people(workspace, opportunity, to)
    shown = {
        person.name: name_capitalized(person.name.split())
        for person in [*_people_of(opportunity), sender]
        if lowercase_name(person)
    }
    writing = Writing(
        opportunity=opportunity,
        recipient=recipient,
        recipient_index=index,
        sender=sender,
        english=workspace.settings.english,
        today=today,
        names=_capitalised_names(workspace, opportunity),
        shown_names=shown,
    )
    paragraphs = (
        thank_you_paragraphs(writing) if note_kind == "thank_you" else check_in_paragraphs(writing)
    )
    context = {
        "greeting_name": greeting_name(recipient, workspace.settings.greeting),
        "paragraphs": paragraphs.paragraphs,
        "sender_name": writing.name_of(sender),
        "role": opportunity.role,
    }
    subject = render(f"{note_kind}_subject.txt.j2", context)
    body = render(f"{note_kind}.txt.j2", context) if paragraphs.paragraphs else ""
    findings = _note_findings(body, paragraphs, opportunity, index, sender, shown)
    if note_kind == "thank_you":
        findings += missing_parts(opportunity.notes, at=len(body))
    return Draft.checked(
        kind=note_kind,
        to=recipient,
        sender=sender,
        subject=subject,
        body=body,
        company=opportunity.company,
        role=opportunity.role,
        known_words=known_words(workspace, opportunity_id),
        note_findings=findings,
        english=workspace.settings.english,
    )


def _people(
    workspace: Workspace, opportunity: Opportunity, to: str | None
) -> tuple[int, Contact, Contact]:
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
    index = 0 if to is None else _interviewer_index(opportunity, to)
    return index, opportunity.interviewers[index], workspace.owner


def _interviewer_index(opportunity: Opportunity, to: object) -> int:
    def key(name: str) -> str:
        return " ".join(name.split()).casefold()

    if isinstance(to, str):
        for index, person in enumerate(opportunity.interviewers):
            if key(person.name) == key(to):
                return index
    names = ", ".join(person.name for person in opportunity.interviewers)
    raise ValidationError(
        [Problem("to", f"must be the name of one of the interviewers ({names})", to)]
    )


def _note_findings(
    body: str,
    paragraphs: Paragraphs,
    opportunity: Opportunity,
    recipient_index: int,
    sender: Contact,
    shown: dict[str, str],
) -> tuple[NoteFinding, ...]:
    findings: list[NoteFinding] = []
    for problem in paragraphs.problems:
        start = body.find(problem.shown) if problem.shown and body else -1
        text, at = (problem.shown, start) if start >= 0 else ("", len(body))
        findings.append(
            NoteFinding("note_item", text, at, problem.message, None, field=problem.field)
        )
    if not body:
        return tuple(findings)
    fields = {
        person.name: f"interviewers[{index}].name"
        for index, person in enumerate(opportunity.interviewers)
    }
    if opportunity.recruiter is not None:
        fields.setdefault(opportunity.recruiter.name, "recruiter.name")
    fields.setdefault(sender.name, "owner.name")
    for typed, written in shown.items():
        written_here = written
        if typed == opportunity.interviewers[recipient_index].name:
            written_here = _greeted_part(body)
        start = body.find(written_here)
        if start < 0:
            continue
        message = (
            f"The name {typed!r} is typed in lower case; the note writes "
            f"{written_here!r}: correct it in {fields[typed]}."
        )
        findings.append(
            NoteFinding("name", written_here, start, message, written_here, field=fields[typed])
        )
    return tuple(findings)


def _greeted_part(body: str) -> str:
    first_line = body.split("\n", 1)[0]
    return first_line.removeprefix("Dear ").removesuffix(",")


# ---------------------------------------------------------------------------
# talking points


def talking_points(
    workspace: Workspace,
    opportunity_id: str,
) -> str:
    """Talking points for the call with the recruiter (or any call about the role).

    Lists the candidate's interest (the balance, what excited them, why they
    fit), the pluses to mention, the concerns to raise (their own concerns
    first, then the minuses, heaviest first) and the questions to ask. Note
    items are read like the notes' (lead-ins taken off, by their grammar).

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
    names = _capitalised_names(workspace, opportunity)
    notes = opportunity.notes
    context = {
        "company": opportunity.company,
        "role": opportunity.role,
        "recruiter_line": _contact_line(opportunity.recruiter) if opportunity.recruiter else "",
        "has_recruiter": opportunity.recruiter is not None,
        "interview_line": _interview_line(opportunity, workspace.settings.english),
        "interviewer_name": opportunity.interviewers[0].name
        if opportunity.interviewers
        else "the interviewer",
        "interest": interest,
        "exciting": [_excited_point(item, names) for item in notes.exciting],
        "stronger_because": [_fit_point(item, names) for item in notes.stronger_because],
        "pluses": [f"{f.label} (weight {f.weight})" for f in by_weight if f.side == "plus"],
        "concerns": [
            *(capitalized(item) for item in notes.concerns),
            *(f"{f.label} (weight {f.weight})" for f in by_weight if f.side == "minus"),
        ],
    }
    return render("talking_points.txt.j2", context) + "\n"


def _excited_point(item: str, names: frozenset[str]) -> str:
    phrase = read_item(item, names=names, item_list="exciting", addressed=False)
    if phrase.shape == "sentence":
        return phrase.text
    if phrase.shape == "clause":
        return f"Excited that {phrase.text}."
    return f"Excited about {phrase.text}."


def _fit_point(item: str, names: frozenset[str]) -> str:
    phrase = read_item(item, names=names, item_list="stronger_because", addressed=False)
    if phrase.shape == "sentence":
        return f"Why I fit: {phrase.text}"
    return f"Why I fit: {phrase.text}."


def _contact_line(contact: Contact) -> str:
    name = f"{contact.name} ({contact.title})" if contact.title else contact.name
    return ", ".join(part for part in (name, contact.phone, contact.email) if part)


def _interview_line(opportunity: Opportunity, english: str) -> str:
    date = opportunity.interview_date
    names = listed([person.name for person in opportunity.interviewers])
    when = f" on {written_date(date, english='UK' if english == 'UK' else 'US')}" if date else ""
    who = f" with {names}" if names else ""
    return f"Interview{when}{who}." if when or who else ""
