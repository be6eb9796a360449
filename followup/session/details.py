"""Details of an opportunity: company, role, interview date, interviewers, recruiter and notes.

Values arrive as a person typed them (text), one field at a time; empty text
clears an optional field. A bad value raises
:class:`~followup.errors.ValidationError` naming the field, and the workspace
keeps its last good value.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from followup.errors import Problem, ValidationError
from followup.model import Contact, Notes
from followup.session.fields import (
    CONTACT_FIELDS,
    checked_name,
    contact,
    contact_values,
    lines,
    optional,
)
from followup.session.state import SessionState

__all__ = [
    "DETAIL_FIELDS",
    "NOTE_FIELDS",
    "NOTE_LIST_FIELDS",
    "DetailsPart",
    "note_text",
]

DETAIL_FIELDS = ("company", "role", "interview_date")
NOTE_LIST_FIELDS = ("discussed", "learned", "stronger_because", "exciting", "concerns")
NOTE_FIELDS = (*NOTE_LIST_FIELDS, "company_fact", "fact_comment")


def note_text(notes: Notes, name: str) -> str:
    """A note field as a text box shows it: list fields one item per line.

    >>> note_text(Notes(learned=("they ship weekly", "no on-call")), "learned")
    'they ship weekly\\nno on-call'
    """
    value = getattr(notes, name)
    return "\n".join(value) if isinstance(value, tuple) else str(value)


class DetailsPart:
    """Edits who the opportunity is with, when the interview was, and the notes for the follow-up.

    Examples
    --------
    >>> import datetime as dt
    >>> from followup import example_workspace
    >>> state = SessionState(example_workspace(), today=dt.date(2026, 12, 1),
    ...                      now=dt.datetime(2026, 12, 1, 12, 4))
    >>> DetailsPart(state).set("acme-data-engineer", "interview_date", "2026-11-09")
    >>> state.opportunity("acme-data-engineer").interview_date
    datetime.date(2026, 11, 9)
    >>> DetailsPart(state).set_fact_source("acme-data-engineer", "interview")
    >>> state.opportunity("acme-data-engineer").notes.fact_source
    'interview'
    """

    def __init__(self, state: SessionState) -> None:
        self._state = state

    def set(self, opportunity_id: str, name: str, value: object) -> None:
        """Set ``company``, ``role`` or ``interview_date`` (``YYYY-MM-DD``; empty clears it).

        The id stays as it is when company or role change, so reminders and
        links made from it keep pointing at the same opportunity.
        """
        name = checked_name(name, DETAIL_FIELDS)
        opportunity = self._state.opportunity(opportunity_id)
        changes: dict[str, Any] = {name: optional(value) if name == "interview_date" else value}
        self._state.commit_opportunity(replace(opportunity, **changes))

    # -- contacts ----------------------------------------------------------

    def add_interviewer(self, opportunity_id: str, name: str, **fields: str) -> None:
        """Add an interviewer (name required; ``title``, ``email``, ``phone`` optional)."""
        opportunity = self._state.opportunity(opportunity_id)
        for key in fields:
            checked_name(key, CONTACT_FIELDS)
        index = len(opportunity.interviewers)
        person = contact({"name": name, **fields}, f"interviewers[{index}]")
        self._state.commit_opportunity(
            replace(opportunity, interviewers=(*opportunity.interviewers, person))
        )

    def set_interviewer(self, opportunity_id: str, index: int, name: str, value: object) -> None:
        """Change one field of an interviewer; clearing the name is refused (remove instead)."""
        name = checked_name(name, CONTACT_FIELDS)
        opportunity = self._state.opportunity(opportunity_id)
        interviewers = list(opportunity.interviewers)
        current = _at(interviewers, index, "interviewers")
        values = contact_values(current) | {name: optional(value)}
        interviewers[index] = contact(values, f"interviewers[{index}]")
        self._state.commit_opportunity(replace(opportunity, interviewers=tuple(interviewers)))

    def remove_interviewer(self, opportunity_id: str, index: int) -> None:
        """Remove an interviewer (the first one left is who the notes address)."""
        opportunity = self._state.opportunity(opportunity_id)
        interviewers = list(opportunity.interviewers)
        _at(interviewers, index, "interviewers")
        del interviewers[index]
        self._state.commit_opportunity(replace(opportunity, interviewers=tuple(interviewers)))

    def set_recruiter(self, opportunity_id: str, name: str, value: object) -> None:
        """Change one field of the recruiter; a recruiter starts with a name.

        Clearing the name of a recruiter who has no other detail removes them.
        """
        name = checked_name(name, CONTACT_FIELDS)
        opportunity = self._state.opportunity(opportunity_id)
        values = contact_values(opportunity.recruiter) | {name: optional(value)}
        recruiter = (
            None if all(v is None for v in values.values()) else contact(values, "recruiter")
        )
        self._state.commit_opportunity(replace(opportunity, recruiter=recruiter))

    def remove_recruiter(self, opportunity_id: str) -> None:
        """The opportunity has no recruiter (any more)."""
        self._state.commit_opportunity(
            replace(self._state.opportunity(opportunity_id), recruiter=None)
        )

    # -- notes -------------------------------------------------------------

    def set_note(self, opportunity_id: str, name: str, value: object) -> None:
        """Set a note: the five lists take one item per line, company fact and comment one line."""
        name = checked_name(name, NOTE_FIELDS)
        opportunity = self._state.opportunity(opportunity_id)
        if name in NOTE_LIST_FIELDS:
            value = lines(value, f"notes.{name}")
        elif value is None:
            value = ""
        changes: dict[str, Any] = {name: value}
        try:
            notes = replace(opportunity.notes, **changes)
        except ValidationError as error:
            raise error.prefixed("notes") from None
        self._state.commit_opportunity(replace(opportunity, notes=notes))

    def set_fact_source(self, opportunity_id: str, source: object) -> None:
        """Say where the company fact was learned: ``"interview"``, ``"website"``, or not said.

        Not said (``None`` or empty text) lets the note introduce the fact
        without naming where it came from.
        """
        opportunity = self._state.opportunity(opportunity_id)
        value = None if source is None or source == "" else source
        changes: dict[str, Any] = {"fact_source": value}  # Notes checks the choice
        try:
            notes = replace(opportunity.notes, **changes)
        except ValidationError as error:
            raise error.prefixed("notes") from None
        self._state.commit_opportunity(replace(opportunity, notes=notes))

    def add_note_items(self, opportunity_id: str, name: str, items: tuple[str, ...]) -> None:
        """Append items to one of the five note lists (each item is one line of text)."""
        name = checked_name(name, NOTE_LIST_FIELDS)
        current = getattr(self._state.opportunity(opportunity_id).notes, name)
        given: object = items
        if isinstance(given, str) or not isinstance(given, tuple | list):
            raise ValidationError([Problem(f"notes.{name}", "must be a list of text", given)])
        problems = [
            Problem(f"notes.{name}[{len(current) + offset}]", "must be text", item)
            for offset, item in enumerate(items)
            if not isinstance(item, str)
        ]
        if problems:
            raise ValidationError(problems)
        self.set_note(opportunity_id, name, "\n".join((*current, *items)))


def _at(items: list[Contact], index: object, path: str) -> Contact:
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(items):
        raise ValidationError(
            [Problem(f"{path} index", f"must be from 0 to {len(items) - 1}", index)]
        )
    return items[index]
