"""One job opportunity and the rules its follow-up events must keep.

An :class:`Opportunity` gathers the company and role, the contacts, the
weighted factors of the Franklin T, the notes for the follow-up and the events
that record what was sent. Its events follow the etiquette the file format
itself enforces: nothing before the interview, at most one thank-you and one
check-in, and a check-in only after the thank-you. Import it from
:mod:`followup.model`. Standard library only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from followup.errors import Problem, ValidationError
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
from followup.model.parts import (
    EVENT_KINDS,
    ID_LENGTH,
    NAME_LENGTH,
    Contact,
    Event,
    Factor,
    Notes,
    _field_names,
    _FileForm,
    _raise_if,
    _set,
)

__all__ = ["Opportunity"]


@dataclass(frozen=True)
class Opportunity(_FileForm):
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
        interviewers = check_items(self.interviewers, "interviewers", problems, Contact, "Contact")
        recruiter: object = self.recruiter
        if recruiter is not None and not isinstance(recruiter, Contact):
            problems.append(Problem("recruiter", "must be a Contact or None", recruiter))
        factors = check_items(self.factors, "factors", problems, Factor, "Factor")
        notes: object = Notes() if self.notes is None else self.notes
        if not isinstance(notes, Notes):
            problems.append(Problem("notes", "must be a Notes", notes))
        before = len(problems)
        events = check_items(self.events, "events", problems, Event, "Event")
        if len(problems) == before:
            # The rules need real events; a bad interview date was reported already.
            problems += _event_problems(events, interview_date)
        _raise_if(problems)
        _set(
            self,
            company=company,
            role=role,
            interview_date=interview_date,
            interviewers=interviewers,
            factors=factors,
            notes=notes,
            events=events,
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
        }

    @classmethod
    def _read(cls, data: object, path: str, problems: list[Problem]) -> Opportunity | None:
        raw = check_mapping(
            data, path, problems, known=_field_names(cls), required=("id", "company", "role")
        )
        if raw is None:
            return None
        before = len(problems)
        interviewers = read_list(
            raw.get("interviewers"), key_path(path, "interviewers"), problems, Contact._read
        )
        recruiter = raw.get("recruiter")
        if recruiter is not None:
            recruiter = Contact._read(recruiter, key_path(path, "recruiter"), problems)
        factors = read_list(raw.get("factors"), key_path(path, "factors"), problems, Factor._read)
        notes = Notes._read(raw.get("notes"), key_path(path, "notes"), problems)
        events = read_list(raw.get("events"), key_path(path, "events"), problems, Event._read)
        broken = len(problems) > before
        # Build even when a part is broken (with that part left empty) so that the
        # problems of the other fields are reported in the same pass.
        raw.update(
            interviewers=interviewers or (),
            recruiter=recruiter,
            factors=factors or (),
            notes=notes or Notes(),
            events=events or (),
        )
        built = build(cls, raw, path, problems)
        return None if broken else built

    def _repr_html_(self) -> str:
        from followup.model.html import opportunity_html

        return opportunity_html(self)


def _event_problems(events: tuple[Event, ...], interview_date: dt.date | None) -> list[Problem]:
    """The follow-up rules the file format itself enforces."""
    problems: list[Problem] = []
    first: dict[str, int] = {}
    for index, event in enumerate(events):
        path = f"events[{index}]"
        if interview_date is not None and event.date < interview_date:
            problems.append(
                Problem(
                    f"{path}.date",
                    f"must be on or after the interview date {interview_date.isoformat()}",
                    event.date,
                )
            )
        if event.kind in ("thank_you_sent", "check_in_sent") and event.kind in first:
            problems.append(
                Problem(
                    f"{path}.kind",
                    f"must not repeat (at most one {event.kind} per opportunity; "
                    f"the first is events[{first[event.kind]}])",
                    event.kind,
                )
            )
        first.setdefault(event.kind, index)
    if "check_in_sent" in first:
        index = first["check_in_sent"]
        check_in = events[index]
        if "thank_you_sent" not in first:
            problems.append(
                Problem(
                    f"events[{index}].kind",
                    "must follow a thank_you_sent event (a check-in comes after a thank-you)",
                    check_in.kind,
                )
            )
        elif check_in.date < (thank_you := events[first["thank_you_sent"]]).date:
            problems.append(
                Problem(
                    f"events[{index}].date",
                    f"must be on or after the thank-you date {thank_you.date.isoformat()}",
                    check_in.date,
                )
            )
    return problems
