"""Editing an opportunity's details, contacts and notes, one field at a time.

Values arrive as a person typed them (text); empty text clears an optional
field. A bad value raises :class:`~followup.errors.ValidationError` naming the
field, and the workspace keeps its last good value.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from followup.errors import Problem, ValidationError
from followup.model import Contact, Notes
from followup.session.base import SessionBase

__all__ = [
    "CONTACT_FIELDS",
    "DETAIL_FIELDS",
    "NOTE_FIELDS",
    "NOTE_LIST_FIELDS",
    "SETTING_FIELDS",
    "DetailEditing",
    "OwnerEditing",
    "note_text",
]

DETAIL_FIELDS = ("company", "role", "interview_date")
CONTACT_FIELDS = ("name", "title", "email", "phone")
NOTE_LIST_FIELDS = ("discussed", "learned", "stronger_because", "exciting", "concerns")
NOTE_FIELDS = (*NOTE_LIST_FIELDS, "company_fact", "fact_comment")
SETTING_FIELDS = ("threshold", "check_in_after_days")


def _field(name: object, allowed: tuple[str, ...], path: str) -> str:
    if name not in allowed:
        raise ValidationError([Problem(path, "must be one of " + ", ".join(allowed), name)])
    return str(name)


def _optional(value: object) -> object:
    """Empty (or blank) text means "not given"."""
    return None if isinstance(value, str) and not value.strip() else value


def _lines(value: object, path: str) -> tuple[str, ...]:
    """One item per line; blank lines are skipped."""
    if not isinstance(value, str):
        raise ValidationError([Problem(path, "must be text (one item per line)", value)])
    return tuple(line.strip() for line in value.splitlines() if line.strip())


def note_text(notes: Notes, name: str) -> str:
    """A note field as a text box shows it: list fields one item per line."""
    value = getattr(notes, name)
    return "\n".join(value) if isinstance(value, tuple) else str(value)


class DetailEditing(SessionBase):
    """Company, role, interview date, interviewers, recruiter and notes."""

    def set_detail(self, opportunity_id: str, name: str, value: object) -> None:
        """Set ``company``, ``role`` or ``interview_date`` (``YYYY-MM-DD``; empty clears it).

        The id stays as it is when company or role change, so reminders and
        links made from it keep pointing at the same opportunity.
        """
        name = _field(name, DETAIL_FIELDS, "field")
        opportunity = self.opportunity(opportunity_id)
        changes: dict[str, Any] = {name: _optional(value) if name == "interview_date" else value}
        self._replace(replace(opportunity, **changes))

    # -- contacts ----------------------------------------------------------

    def add_interviewer(self, opportunity_id: str, name: str, **fields: str) -> None:
        """Add an interviewer (name required; ``title``, ``email``, ``phone`` optional)."""
        opportunity = self.opportunity(opportunity_id)
        for key in fields:
            _field(key, CONTACT_FIELDS, "field")
        index = len(opportunity.interviewers)
        contact = _contact({"name": name, **fields}, f"interviewers[{index}]")
        self._replace(replace(opportunity, interviewers=(*opportunity.interviewers, contact)))

    def set_interviewer(self, opportunity_id: str, index: int, name: str, value: object) -> None:
        """Change one field of an interviewer; clearing the name is refused (remove instead)."""
        name = _field(name, CONTACT_FIELDS, "field")
        opportunity = self.opportunity(opportunity_id)
        interviewers = list(opportunity.interviewers)
        current = _at(interviewers, index, "interviewers")
        values = _contact_values(current) | {name: _optional(value)}
        interviewers[index] = _contact(values, f"interviewers[{index}]")
        self._replace(replace(opportunity, interviewers=tuple(interviewers)))

    def remove_interviewer(self, opportunity_id: str, index: int) -> None:
        """Remove an interviewer (the first one left is who the notes address)."""
        opportunity = self.opportunity(opportunity_id)
        interviewers = list(opportunity.interviewers)
        _at(interviewers, index, "interviewers")
        del interviewers[index]
        self._replace(replace(opportunity, interviewers=tuple(interviewers)))

    def set_recruiter(self, opportunity_id: str, name: str, value: object) -> None:
        """Change one field of the recruiter; a recruiter starts with a name.

        Clearing the name of a recruiter who has no other detail removes them.
        """
        name = _field(name, CONTACT_FIELDS, "field")
        opportunity = self.opportunity(opportunity_id)
        current = (
            dict.fromkeys(CONTACT_FIELDS)
            if opportunity.recruiter is None
            else _contact_values(opportunity.recruiter)
        )
        values = current | {name: _optional(value)}
        if all(v is None for v in values.values()):
            recruiter = None
        else:
            recruiter = _contact(values, "recruiter")
        self._replace(replace(opportunity, recruiter=recruiter))

    def remove_recruiter(self, opportunity_id: str) -> None:
        """The opportunity has no recruiter (any more)."""
        self._replace(replace(self.opportunity(opportunity_id), recruiter=None))

    # -- notes -------------------------------------------------------------

    def set_note(self, opportunity_id: str, name: str, value: object) -> None:
        """Set a note: the five lists take one item per line, company fact and comment one line."""
        name = _field(name, NOTE_FIELDS, "field")
        opportunity = self.opportunity(opportunity_id)
        if name in NOTE_LIST_FIELDS:
            value = _lines(value, f"notes.{name}")
        elif value is None:
            value = ""
        changes: dict[str, Any] = {name: value}
        try:
            notes = replace(opportunity.notes, **changes)
        except ValidationError as error:
            raise error.prefixed("notes") from None
        self._replace(replace(opportunity, notes=notes))

    def add_note_items(self, opportunity_id: str, name: str, items: tuple[str, ...]) -> None:
        """Append items to one of the five note lists (each item is one line)."""
        name = _field(name, NOTE_LIST_FIELDS, "field")
        current = getattr(self.opportunity(opportunity_id).notes, name)
        self.set_note(opportunity_id, name, "\n".join((*current, *items)))


def _at(items: list[Contact], index: object, path: str) -> Contact:
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(items):
        raise ValidationError(
            [Problem(f"{path} index", f"must be from 0 to {len(items) - 1}", index)]
        )
    return items[index]


def _contact_values(contact: Contact) -> dict[str, Any]:
    return {key: getattr(contact, key) for key in CONTACT_FIELDS}


def _contact(values: dict[str, Any], path: str) -> Contact:
    try:
        fields: dict[str, Any] = {key: _optional(values.get(key)) for key in CONTACT_FIELDS}
        return Contact(**fields)
    except ValidationError as error:
        raise error.prefixed(path) from None


def _number(value: object) -> object:
    """A number typed as text ("2", "-1.5") becomes a number; anything else is left as it is."""
    if isinstance(value, str):
        text = value.strip()
        for kind in (int, float):
            try:
                return kind(text)
            except ValueError:
                continue
    return value


class OwnerEditing(DetailEditing):
    """The owner of the workspace (who signs the notes) and the workspace settings."""

    def set_owner(self, name: str, value: object) -> None:
        """Change one field of the owner; clearing every field removes the owner."""
        name = _field(name, CONTACT_FIELDS, "field")
        owner = self._workspace.owner
        current = dict.fromkeys(CONTACT_FIELDS) if owner is None else _contact_values(owner)
        values = current | {name: _optional(value)}
        contact = None if all(v is None for v in values.values()) else _contact(values, "owner")
        self._commit(replace(self._workspace, owner=contact))

    def set_setting(self, name: str, value: object) -> None:
        """Set ``threshold`` (a number) or ``check_in_after_days`` (days, 1-90); text is parsed."""
        name = _field(name, SETTING_FIELDS, "field")
        changes: dict[str, Any] = {name: _number(value)}
        try:
            settings = replace(self._workspace.settings, **changes)
        except ValidationError as error:
            raise error.prefixed("settings") from None
        self._commit(replace(self._workspace, settings=settings))
