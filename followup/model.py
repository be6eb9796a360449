"""The workspace model: frozen, validated value objects.

A :class:`Workspace` holds :class:`Opportunity` objects; each has weighted
:class:`Factor` objects (the two sides of the Franklin T), contacts, notes for
the follow-up and the :class:`Event` objects that record what was sent.

Objects are validated when built and never change; edit them with
:func:`dataclasses.replace` or the ``with_*`` helpers, which validate again.
Standard library only.

>>> factor = Factor("Team ships weekly", "plus", 8, "work")
>>> factor.signed_weight
8
>>> Factor("Long commute", "minus", 12)
Traceback (most recent call last):
...
followup.errors.ValidationError: weight must be an integer from 1 to 10; got 12
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal, TypeVar, cast

from followup.checks import (
    build,
    check_date,
    check_email,
    check_integer,
    check_items,
    check_mapping,
    check_number,
    check_text,
    is_slug,
    key_path,
    read_list,
)
from followup.errors import MISSING, Problem, UnknownOpportunityError, ValidationError

__all__ = [
    "CATEGORIES",
    "EVENT_KINDS",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "SIDES",
    "Contact",
    "Event",
    "Factor",
    "Notes",
    "Opportunity",
    "Settings",
    "Workspace",
]

FORMAT_NAME = "followup-workspace"
FORMAT_VERSION = 1

Side = Literal["plus", "minus"]
SIDES: tuple[str, ...] = ("plus", "minus")
EventKind = Literal[
    "recruiter_called", "thank_you_sent", "check_in_sent", "reply_received", "closed"
]
EVENT_KINDS: tuple[str, ...] = (
    "recruiter_called",
    "thank_you_sent",
    "check_in_sent",
    "reply_received",
    "closed",
)
#: Suggested categories, in the order charts and tables show them.
CATEGORIES: tuple[str, ...] = (
    "pay",
    "growth",
    "people",
    "work",
    "culture",
    "location",
    "stability",
    "other",
)

ID_LENGTH = 64
NAME_LENGTH = 200
PHONE_LENGTH = 40
LABEL_LENGTH = 300
CATEGORY_LENGTH = 40
NOTE_ITEM_LENGTH = 1000
EVENT_NOTE_LENGTH = 5000
MAX_NOTE_ITEMS = 100
#: How many known ids an "unknown id" message lists before it stops.
_IDS_SHOWN = 10

_T = TypeVar("_T")


def _raise_if(problems: list[Problem]) -> None:
    if problems:
        raise ValidationError(problems)


def _set(obj: object, **values: object) -> None:
    # Frozen dataclasses normalize their own fields once, while being built.
    for name, value in values.items():
        object.__setattr__(obj, name, value)


def _field_names(cls: type[Any]) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _from_dict(cls: type[_T], data: Mapping[str, Any]) -> _T:
    problems: list[Problem] = []
    built = cls._read(data, "", problems)  # type: ignore[attr-defined]
    _raise_if(problems)
    return cast(_T, built)


@dataclass(frozen=True)
class Contact:
    """A person: the owner of the workspace, an interviewer or a recruiter.

    >>> Contact("Jordan Rivera", email="jordan@acme.example").email
    'jordan@acme.example'
    """

    name: str
    title: str | None = None
    email: str | None = None
    phone: str | None = None

    def __post_init__(self) -> None:
        problems: list[Problem] = []
        name = check_text(self.name, "name", problems, required=True, max_length=NAME_LENGTH)
        title = check_text(self.title, "title", problems, required=False, max_length=NAME_LENGTH)
        email = check_email(self.email, "email", problems)
        phone = check_text(self.phone, "phone", problems, required=False, max_length=PHONE_LENGTH)
        _raise_if(problems)
        _set(self, name=name, title=title, email=email, phone=phone)

    def to_dict(self) -> dict[str, Any]:
        """The file form: every field, ``None`` for those not given."""
        return {"name": self.name, "title": self.title, "email": self.email, "phone": self.phone}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Contact:
        """Build from the file form; :class:`ValidationError` lists every problem."""
        return _from_dict(cls, data)

    @classmethod
    def _read(cls, data: object, path: str, problems: list[Problem]) -> Contact | None:
        raw = check_mapping(data, path, problems, known=_field_names(cls), required=("name",))
        return None if raw is None else build(cls, raw, path, problems)


@dataclass(frozen=True)
class Factor:
    """One line of the Franklin T: a plus or a minus with a weight from 1 to 10.

    >>> Factor("90-minute commute", "minus", 6, "location").signed_weight
    -6
    """

    label: str
    side: Side
    weight: int
    category: str | None = None

    def __post_init__(self) -> None:
        problems: list[Problem] = []
        label = check_text(self.label, "label", problems, required=True, max_length=LABEL_LENGTH)
        side: object = self.side
        if not isinstance(side, str) or side not in SIDES:
            problems.append(Problem("side", "must be 'plus' or 'minus'", side))
        weight = check_integer(self.weight, "weight", problems, low=1, high=10)
        category = check_text(
            self.category, "category", problems, required=False, max_length=CATEGORY_LENGTH
        )
        _raise_if(problems)
        _set(self, label=label, weight=weight, category=category)

    @property
    def signed_weight(self) -> int:
        """The weight, negative for a minus."""
        return self.weight if self.side == "plus" else -self.weight

    def to_dict(self) -> dict[str, Any]:
        """The file form: every field, ``None`` for a missing category."""
        return {
            "label": self.label,
            "side": self.side,
            "weight": self.weight,
            "category": self.category,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Factor:
        """Build from the file form; :class:`ValidationError` lists every problem."""
        return _from_dict(cls, data)

    @classmethod
    def _read(cls, data: object, path: str, problems: list[Problem]) -> Factor | None:
        raw = check_mapping(
            data, path, problems, known=_field_names(cls), required=("label", "side", "weight")
        )
        return None if raw is None else build(cls, raw, path, problems)


@dataclass(frozen=True)
class Event:
    """Something that happened in the follow-up, on a date.

    The date may be given as a :class:`datetime.date` or as ``"YYYY-MM-DD"``;
    the note is the only text in a workspace that may span several lines.

    >>> Event("thank_you_sent", "2026-11-19").date
    datetime.date(2026, 11, 19)
    """

    kind: EventKind
    date: dt.date
    note: str | None = None

    def __post_init__(self) -> None:
        problems: list[Problem] = []
        kind: object = self.kind
        if not isinstance(kind, str) or kind not in EVENT_KINDS:
            problems.append(Problem("kind", "must be one of " + ", ".join(EVENT_KINDS), kind))
        date = check_date(self.date, "date", problems, required=True)
        note = check_text(
            self.note,
            "note",
            problems,
            required=False,
            max_length=EVENT_NOTE_LENGTH,
            multiline=True,
        )
        _raise_if(problems)
        _set(self, date=date, note=note)

    def to_dict(self) -> dict[str, Any]:
        """The file form: the date as ``YYYY-MM-DD``, ``None`` for no note."""
        return {"kind": self.kind, "date": self.date.isoformat(), "note": self.note}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Event:
        """Build from the file form; :class:`ValidationError` lists every problem."""
        return _from_dict(cls, data)

    @classmethod
    def _read(cls, data: object, path: str, problems: list[Problem]) -> Event | None:
        raw = check_mapping(
            data, path, problems, known=_field_names(cls), required=("kind", "date")
        )
        return None if raw is None else build(cls, raw, path, problems)


_NOTE_LISTS = ("discussed", "learned", "stronger_because", "exciting", "concerns")
_NOTE_TEXTS = ("company_fact", "fact_comment")


@dataclass(frozen=True)
class Notes:
    """What the follow-up note will recall, in the candidate's own words.

    Every item is one line of text; lists may be given as any sequence and are
    kept as tuples.
    """

    discussed: tuple[str, ...] = ()
    learned: tuple[str, ...] = ()
    stronger_because: tuple[str, ...] = ()
    exciting: tuple[str, ...] = ()
    concerns: tuple[str, ...] = ()
    company_fact: str = ""
    fact_comment: str = ""

    def __post_init__(self) -> None:
        problems: list[Problem] = []
        values: dict[str, object] = {}
        for name in _NOTE_LISTS:
            values[name] = _text_items(getattr(self, name), name, problems)
        for name in _NOTE_TEXTS:
            text = check_text(
                getattr(self, name), name, problems, required=False, max_length=NOTE_ITEM_LENGTH
            )
            values[name] = text or ""
        _raise_if(problems)
        _set(self, **values)

    def to_dict(self) -> dict[str, Any]:
        """The file form: every list (possibly empty) and both texts (possibly ``""``)."""
        data: dict[str, Any] = {name: list(getattr(self, name)) for name in _NOTE_LISTS}
        data.update({name: getattr(self, name) for name in _NOTE_TEXTS})
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Notes:
        """Build from the file form; :class:`ValidationError` lists every problem."""
        return _from_dict(cls, data)

    @classmethod
    def _read(cls, data: object, path: str, problems: list[Problem]) -> Notes | None:
        if data is None:
            return cls()
        raw = check_mapping(data, path, problems, known=_field_names(cls))
        if raw is None:
            return None
        for name in _NOTE_TEXTS:
            if name in raw and raw[name] is None:
                raw[name] = ""
        wrong = False
        for name in _NOTE_LISTS:
            if name in raw and raw[name] is None:
                raw[name] = ()
            elif name in raw and not isinstance(raw[name], list):
                problems.append(Problem(key_path(path, name), "must be a list of text", raw[name]))
                raw[name] = ()  # still check the other fields
                wrong = True
        built = build(cls, raw, path, problems)
        return None if wrong else built


def _text_items(value: object, path: str, problems: list[Problem]) -> tuple[str, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        problems.append(Problem(path, "must be a list of text", value))
        return ()
    items: list[str] = []
    for index, item in enumerate(value):
        text = check_text(
            item, f"{path}[{index}]", problems, required=True, max_length=NOTE_ITEM_LENGTH
        )
        if text is not None:
            items.append(text)
    if len(items) > MAX_NOTE_ITEMS:
        problems.append(Problem(path, f"must have at most {MAX_NOTE_ITEMS} items", len(items)))
    return tuple(items)


@dataclass(frozen=True)
class Settings:
    """Workspace-wide settings: the pass threshold and the check-in delay in days."""

    threshold: float = 0
    check_in_after_days: int = 14

    def __post_init__(self) -> None:
        problems: list[Problem] = []
        threshold = check_number(self.threshold, "threshold", problems, limit=1000)
        days = check_integer(
            self.check_in_after_days, "check_in_after_days", problems, low=1, high=90
        )
        _raise_if(problems)
        _set(self, threshold=threshold, check_in_after_days=days)

    def to_dict(self) -> dict[str, Any]:
        """The file form."""
        return {"threshold": self.threshold, "check_in_after_days": self.check_in_after_days}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Settings:
        """Build from the file form; :class:`ValidationError` lists every problem."""
        return _from_dict(cls, data)

    @classmethod
    def _read(cls, data: object, path: str, problems: list[Problem]) -> Settings | None:
        if data is None:
            return cls()
        raw = check_mapping(data, path, problems, known=_field_names(cls))
        return None if raw is None else build(cls, raw, path, problems)


@dataclass(frozen=True)
class Opportunity:
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
    def from_dict(cls, data: Mapping[str, Any]) -> Opportunity:
        """Build from the file form; :class:`ValidationError` lists every problem."""
        return _from_dict(cls, data)

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
        from followup.display import opportunity_html

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


@dataclass(frozen=True)
class Workspace:
    """A job search: its owner, its settings and its opportunities.

    >>> ws = Workspace(opportunities=[Opportunity("acme", "Acme", "Engineer")])
    >>> ws.opportunity("acme").company
    'Acme'
    >>> Workspace.from_dict(ws.to_dict()) == ws
    True
    """

    opportunities: tuple[Opportunity, ...] = ()
    owner: Contact | None = None
    settings: Settings = field(default_factory=Settings)

    def __post_init__(self) -> None:
        problems: list[Problem] = []
        opportunities = check_items(
            self.opportunities, "opportunities", problems, Opportunity, "Opportunity"
        )
        owner: object = self.owner
        if owner is not None and not isinstance(owner, Contact):
            problems.append(Problem("owner", "must be a Contact or None", owner))
        settings: object = Settings() if self.settings is None else self.settings
        if not isinstance(settings, Settings):
            problems.append(Problem("settings", "must be a Settings", settings))
        problems += _duplicate_ids(
            [(index, o) for index, o in enumerate(opportunities) if isinstance(o, Opportunity)]
        )
        _raise_if(problems)
        _set(self, opportunities=opportunities, settings=settings)

    # -- reading ----------------------------------------------------------

    @property
    def ids(self) -> tuple[str, ...]:
        """The opportunity ids, in workspace order."""
        return tuple(o.id for o in self.opportunities)

    def __len__(self) -> int:
        return len(self.opportunities)

    def opportunity(self, opportunity_id: str) -> Opportunity:
        """The opportunity with this id.

        Raises
        ------
        UnknownOpportunityError
            (a ``KeyError``) naming the id when no opportunity has it.
        """
        for opportunity in self.opportunities:
            if opportunity.id == opportunity_id:
                return opportunity
        ids = self.ids
        known = ", ".join(ids[:_IDS_SHOWN]) or "none"
        if len(ids) > _IDS_SHOWN:
            known += f", and {len(ids) - _IDS_SHOWN} more"
        raise UnknownOpportunityError(
            "opportunity_id must be the id of an opportunity in this workspace "
            f"({known}); got {opportunity_id!r}",
            opportunity_id=opportunity_id,
        )

    # -- editing (each returns a new, validated workspace) -----------------

    def with_opportunity(self, opportunity: Opportunity) -> Workspace:
        """Replace the opportunity with the same id, or add it at the end."""
        given: object = opportunity
        if not isinstance(given, Opportunity):
            raise ValidationError([Problem("opportunity", "must be an Opportunity", given)])
        if opportunity.id in self.ids:
            return replace(
                self,
                opportunities=tuple(
                    opportunity if o.id == opportunity.id else o for o in self.opportunities
                ),
            )
        return replace(self, opportunities=(*self.opportunities, opportunity))

    def without_opportunity(self, opportunity_id: str) -> Workspace:
        """A copy without that opportunity (:class:`UnknownOpportunityError` if there is none)."""
        self.opportunity(opportunity_id)  # raises for an unknown id
        return replace(
            self, opportunities=tuple(o for o in self.opportunities if o.id != opportunity_id)
        )

    # -- the file format ---------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The canonical file content: every field written, optional ones as null or empty."""
        return {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "owner": self.owner.to_dict() if self.owner else None,
            "settings": self.settings.to_dict(),
            "opportunities": [o.to_dict() for o in self.opportunities],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Workspace:
        """Build from the file format (version 1); every problem is reported at once.

        Raises
        ------
        ValidationError
            Listing each problem with its path, e.g.
            ``opportunities[2].factors[0].weight must be an integer from 1 to 10; got 12``.
        """
        return _from_dict(cls, data)

    @classmethod
    def _read(cls, data: object, path: str, problems: list[Problem]) -> Workspace | None:
        known = ("format", "version", *_field_names(cls))
        required = ("format", "version", "opportunities")
        raw = check_mapping(data, path, problems, known=known, required=required)
        if raw is None:
            return None
        if raw["format"] is not MISSING and raw["format"] != FORMAT_NAME:
            problems.append(
                Problem(key_path(path, "format"), f"must be {FORMAT_NAME!r}", raw["format"])
            )
        version = raw["version"]
        if version is not MISSING and (type(version) is not int or version != FORMAT_VERSION):
            problems.append(
                Problem(key_path(path, "version"), f"must be {FORMAT_VERSION}", version)
            )
        before = len(problems)
        owner = raw.get("owner")
        if owner is not None:
            owner = Contact._read(owner, key_path(path, "owner"), problems)
        settings = Settings._read(raw.get("settings"), key_path(path, "settings"), problems)
        opportunities = _read_opportunities(
            raw["opportunities"], key_path(path, "opportunities"), problems
        )
        if len(problems) > before or opportunities is None:
            return None
        return build(
            cls,
            {"opportunities": opportunities, "owner": owner, "settings": settings},
            path,
            problems,
        )

    def _repr_html_(self) -> str:
        from followup.display import workspace_html

        return workspace_html(self)


def _read_opportunities(
    data: object, path: str, problems: list[Problem]
) -> tuple[Opportunity, ...] | None:
    if data is MISSING:
        return None  # reported as "must be given"
    if not isinstance(data, list):
        problems.append(Problem(path, "must be a list", data))
        return None
    read = [
        (index, Opportunity._read(item, f"{path}[{index}]", problems))
        for index, item in enumerate(data)
    ]
    good = [(index, o) for index, o in read if o is not None]
    # Duplicates among the readable ones are reported even when others are broken.
    problems += _duplicate_ids(good, prefix=path)
    if len(good) < len(read):
        return None
    return tuple(o for _, o in good)


def _duplicate_ids(
    opportunities: Sequence[tuple[int, Opportunity]], prefix: str = "opportunities"
) -> list[Problem]:
    problems: list[Problem] = []
    first_index: dict[str, int] = {}
    for index, opportunity in opportunities:
        if opportunity.id in first_index:
            problems.append(
                Problem(
                    f"{prefix}[{index}].id",
                    f"must be unique (already used by {prefix}[{first_index[opportunity.id]}])",
                    opportunity.id,
                )
            )
        else:
            first_index[opportunity.id] = index
    return problems
