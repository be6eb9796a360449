"""One job opportunity: who, what, the Franklin T, the notes and the follow-up so far.

An :class:`Opportunity` gathers the company and role, the contacts, the
weighted factors of the Franklin T, the notes for the follow-up, the person's
edits of a draft, and the events that record what was sent. Its events keep
the rules of :mod:`followup.model.event`. Standard library only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from followup.errors import Problem, ValidationError
from followup.model.base import FileForm, field_names, raise_if_any, set_fields
from followup.model.checks import (
    build,
    check_date,
    check_items,
    check_mapping,
    check_text,
    is_slug,
    key_path,
    read_list,
)
from followup.model.contact import Contact
from followup.model.event import Event, event_problems
from followup.model.factor import Factor
from followup.model.limits import (
    EVENT_KINDS,
    ID_LENGTH,
    MAX_CONTACTS,
    MAX_EVENTS,
    MAX_FACTORS,
    NAME_LENGTH,
)
from followup.model.notes import DraftEdits, Notes

__all__ = ["Opportunity"]


@dataclass(frozen=True)
class Opportunity(FileForm):
    """One job opportunity: who, what, the Franklin T, the notes and the follow-up so far.

    >>> acme = Opportunity("acme", "Acme", "Engineer", interview_date="2026-11-18")
    >>> acme.with_factor(Factor("Weekly releases", "plus", 8)).pluses[0].weight
    8
    """

    id: str
    company: str
    role: str
    interview_date: dt.date | None = None
    interviewers: tuple[Contact, ...] = ()
    recruiter: Contact | None = None
    factors: tuple[Factor, ...] = ()
    notes: Notes = field(default_factory=Notes)
    events: tuple[Event, ...] = ()
    drafts: DraftEdits = field(default_factory=DraftEdits)

    def __post_init__(self) -> None:
        problems: list[Problem] = []
        identifier: object = self.id
        if not isinstance(identifier, str) or not is_slug(identifier, max_length=ID_LENGTH):
            problems.append(
                Problem(
                    "id",
                    "must be a slug of lowercase letters, digits and single hyphens, "
                    f"at most {ID_LENGTH} characters",
                    identifier,
                )
            )
        company = check_text(
            self.company, "company", problems, required=True, max_length=NAME_LENGTH
        )
        role = check_text(self.role, "role", problems, required=True, max_length=NAME_LENGTH)
        interview_date = check_date(self.interview_date, "interview_date", problems, required=False)
        interviewers = check_items(
            self.interviewers, "interviewers", problems, Contact, "Contact", max_items=MAX_CONTACTS
        )
        recruiter: object = self.recruiter
        if recruiter is not None and not isinstance(recruiter, Contact):
            problems.append(Problem("recruiter", "must be a Contact or None", recruiter))
        factors = check_items(
            self.factors, "factors", problems, Factor, "Factor", max_items=MAX_FACTORS
        )
        notes: object = Notes() if self.notes is None else self.notes
        if not isinstance(notes, Notes):
            problems.append(Problem("notes", "must be a Notes", notes))
        before = len(problems)
        drafts: object = DraftEdits() if self.drafts is None else self.drafts
        if not isinstance(drafts, DraftEdits):
            problems.append(Problem("drafts", "must be a DraftEdits", drafts))
        events = check_items(
            self.events, "events", problems, Event, "Event", max_items=MAX_EVENTS
        )
        if len(problems) == before:
            # The rules need real events; a bad interview date was reported already.
            problems += event_problems(events, interview_date)
        raise_if_any(problems)
        set_fields(
            self,
            company=company,
            role=role,
            interview_date=interview_date,
            interviewers=interviewers,
            factors=factors,
            notes=notes,
            events=events,
            drafts=drafts,
        )

    # -- reading ----------------------------------------------------------

    @property
    def pluses(self) -> tuple[Factor, ...]:
        """The factors on the plus side, in order."""
        return tuple(f for f in self.factors if f.side == "plus")

    @property
    def minuses(self) -> tuple[Factor, ...]:
        """The factors on the minus side, in order."""
        return tuple(f for f in self.factors if f.side == "minus")

    @property
    def plus_total(self) -> int:
        """The sum of the plus weights."""
        return sum(f.weight for f in self.factors if f.side == "plus")

    @property
    def minus_total(self) -> int:
        """The sum of the minus weights, as a positive number."""
        return sum(f.weight for f in self.factors if f.side == "minus")

    @property
    def balance(self) -> int:
        """Pluses minus minuses: the side the T leans to.

        >>> factors = [Factor("Weekly releases", "plus", 8), Factor("Commute", "minus", 3)]
        >>> o = Opportunity("acme", "Acme", "Engineer", factors=factors)
        >>> o.plus_total, o.minus_total, o.balance
        (8, 3, 5)
        """
        return self.plus_total - self.minus_total

    def event(self, kind: str) -> Event | None:
        """The first event of this kind, or None (an unknown kind is refused, not ignored)."""
        if kind not in EVENT_KINDS:
            raise ValidationError(
                [Problem("kind", "must be one of " + ", ".join(EVENT_KINDS), kind)]
            )
        return next((e for e in self.events if e.kind == kind), None)

    # -- editing (each returns a new, validated opportunity) ---------------

    def with_factor(self, factor: Factor) -> Opportunity:
        """A copy with ``factor`` added at the end."""
        return replace(self, factors=(*self.factors, factor))

    def with_factors(self, factors: Iterable[Factor]) -> Opportunity:
        """A copy with these factors instead of the current ones."""
        return replace(self, factors=tuple(factors))

    def with_event(self, event: Event) -> Opportunity:
        """A copy with ``event`` added at the end (the event rules are checked again)."""
        return replace(self, events=(*self.events, event))

    # -- the file format ---------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The file form: every field, ``None`` or empty for those not given."""
        return {
            "id": self.id,
            "company": self.company,
            "role": self.role,
            "interview_date": self.interview_date.isoformat() if self.interview_date else None,
            "interviewers": [c.to_dict() for c in self.interviewers],
            "recruiter": self.recruiter.to_dict() if self.recruiter else None,
            "factors": [f.to_dict() for f in self.factors],
            "notes": self.notes.to_dict(),
            "events": [e.to_dict() for e in self.events],
            "drafts": self.drafts.to_dict(),
        }

    @classmethod
    def _read(cls, data: object, path: str, problems: list[Problem]) -> Opportunity | None:
        raw = check_mapping(
            data, path, problems, known=field_names(cls), required=("id", "company", "role")
        )
        if raw is None:
            return None
        before = len(problems)
        interviewers = read_list(
            raw.get("interviewers"),
            key_path(path, "interviewers"),
            problems,
            Contact._read,
            max_items=MAX_CONTACTS,
        )
        recruiter = raw.get("recruiter")
        if recruiter is not None:
            recruiter = Contact._read(recruiter, key_path(path, "recruiter"), problems)
        factors = read_list(
            raw.get("factors"),
            key_path(path, "factors"),
            problems,
            Factor._read,
            max_items=MAX_FACTORS,
        )
        notes = Notes._read(raw.get("notes"), key_path(path, "notes"), problems)
        events = read_list(
            raw.get("events"), key_path(path, "events"), problems, Event._read, max_items=MAX_EVENTS
        )
        drafts = DraftEdits._read(raw.get("drafts"), key_path(path, "drafts"), problems)
        broken = len(problems) > before
        # Build even when a part is broken (with that part left empty) so that the
        # problems of the other fields are reported in the same pass.
        raw.update(
            interviewers=interviewers or (),
            recruiter=recruiter,
            factors=factors or (),
            notes=notes or Notes(),
            events=events or (),
            drafts=drafts or DraftEdits(),
        )
        built = build(cls, raw, path, problems)
        return None if broken else built

    def _repr_html_(self) -> str:
        from followup.model.html import opportunity_html

        return opportunity_html(self)
