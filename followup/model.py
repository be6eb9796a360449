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
    check_date,
    check_email,
    check_integer,
    check_number,
    check_text,
    is_slug,
)
from followup.errors import _MISSING, Problem, UnknownOpportunityError, ValidationError

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
EventKind = Literal["recruiter_called", "thank_you_sent", "check_in_sent", "reply_received", "closed"]
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

NAME_LENGTH = 200
LABEL_LENGTH = 300
CATEGORY_LENGTH = 40
NOTE_ITEM_LENGTH = 1000
EVENT_NOTE_LENGTH = 5000
MAX_NOTE_ITEMS = 100

_T = TypeVar("_T")


def _raise_if(problems: list[Problem]) -> None:
    if problems:
        raise ValidationError(problems)


def _set(obj: object, **values: object) -> None:
    # Frozen dataclasses normalize their own fields once, while being built.
    for name, value in values.items():
        object.__setattr__(obj, name, value)


def _items(
    value: object, path: str, problems: list[Problem], kind: type[_T], kind_name: str
) -> tuple[_T, ...]:
    """Check a sequence of already-built objects (constructor use)."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        problems.append(Problem(path, f"must be a list of {kind_name}", value))
        return ()
    items = tuple(value)
    for index, item in enumerate(items):
        if not isinstance(item, kind):
            problems.append(Problem(f"{path}[{index}]", f"must be a {kind_name}", item))
    return items


# ---------------------------------------------------------------------------
# reading plain dicts (the file format) with every problem collected


def _mapping(
    data: object, path: str, problems: list[Problem], cls: type[Any], required: Sequence[str]
) -> dict[str, Any] | None:
    """Check that ``data`` is an object with no unknown and all required keys.

    Returns the known keys, with each missing required one set to ``_MISSING`` so
    that the constructor still reports the problems of the other fields.
    """
    if not isinstance(data, Mapping):
        problems.append(Problem(path, "must be an object", data))
        return None
    known = {f.name for f in fields(cls)}
    raw: dict[str, Any] = {}
    for key, value in data.items():
        if key in known:
            raw[key] = value
            continue
        hint = _closest(str(key), known)
        expectation = "must not be here (unknown field" + (f"; did you mean {hint!r}?)" if hint else ")")
        where = f"{path}.{key}" if path else str(key)
        problems.append(Problem(where, expectation, value))
    for key in required:
        if key not in data:
            where = f"{path}.{key}" if path else key
            problems.append(Problem(where, "must be given", _MISSING))
            raw[key] = _MISSING
    return raw


def _closest(word: str, choices: Iterable[str]) -> str | None:
    import difflib  # only needed on the error path

    matches = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def _build(cls: type[_T], kwargs: dict[str, Any], path: str, problems: list[Problem]) -> _T | None:
    """Construct ``cls``; on failure add its problems (seen from ``path``) and return None."""
    missing = {key for key, value in kwargs.items() if value is _MISSING}
    call = {key: (None if value is _MISSING else value) for key, value in kwargs.items()}
    try:
        built = cls(**call)
    except ValidationError as error:
        # A missing field was already reported as "must be given".
        kept = [p for p in error.problems if p.path.split(".")[0].split("[")[0] not in missing]
        problems.extend(p.prefixed(path) for p in kept)
        return None
    return None if missing else built


def _list_of(
    data: object,
    path: str,
    problems: list[Problem],
    reader: Any,
) -> tuple[Any, ...] | None:
    if data is None:
        return ()
    if not isinstance(data, list):
        problems.append(Problem(path, "must be a list", data))
        return None
    items = [reader(item, f"{path}[{index}]", problems) for index, item in enumerate(data)]
    if any(item is None for item in items):
        return None
    return tuple(items)


# ---------------------------------------------------------------------------
# the value objects


@dataclass(frozen=True)
class Contact:
    """A person: the owner of the workspace, an interviewer or a recruiter."""

    name: str
    title: str | None = None
    email: str | None = None
    phone: str | None = None

    def __post_init__(self) -> None:
        problems: list[Problem] = []
        name = check_text(self.name, "name", problems, required=True, max_length=NAME_LENGTH)
        title = check_text(self.title, "title", problems, required=False, max_length=NAME_LENGTH)
        email = check_email(self.email, "email", problems)
        phone = check_text(self.phone, "phone", problems, required=False, max_length=40)
        _raise_if(problems)
        _set(self, name=name, title=title, email=email, phone=phone)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "email": self.email, "phone": self.phone}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Contact:
        return _from_dict(cls, data)

    @classmethod
    def _read(cls, data: object, path: str, problems: list[Problem]) -> Contact | None:
        raw = _mapping(data, path, problems, cls, required=("name",))
        return None if raw is None else _build(cls, raw, path, problems)


@dataclass(frozen=True)
class Factor:
    """One line of the Franklin T: a plus or a minus with a weight from 1 to 10."""

    label: str
    side: Side
    weight: int
    category: str | None = None

    def __post_init__(self) -> None:
        problems: list[Problem] = []
        label = check_text(self.label, "label", problems, required=True, max_length=LABEL_LENGTH)
        if self.side not in SIDES:
            problems.append(Problem("side", "must be 'plus' or 'minus'", self.side))
        check_integer(self.weight, "weight", problems, low=1, high=10)
        category = check_text(
            self.category, "category", problems, required=False, max_length=CATEGORY_LENGTH
        )
        _raise_if(problems)
        _set(self, label=label, category=category)

    @property
    def signed_weight(self) -> int:
        """The weight, negative for a minus."""
        return self.weight if self.side == "plus" else -self.weight

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "side": self.side, "weight": self.weight, "category": self.category}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Factor:
        return _from_dict(cls, data)

    @classmethod
    def _read(cls, data: object, path: str, problems: list[Problem]) -> Factor | None:
        raw = _mapping(data, path, problems, cls, required=("label", "side", "weight"))
        return None if raw is None else _build(cls, raw, path, problems)


@dataclass(frozen=True)
class Event:
    """Something that happened in the follow-up, on a date."""

    kind: EventKind
    date: dt.date
    note: str | None = None

    def __post_init__(self) -> None:
        problems: list[Problem] = []
        if self.kind not in EVENT_KINDS:
            problems.append(Problem("kind", "must be one of " + ", ".join(EVENT_KINDS), self.kind))
        date = check_date(self.date, "date", problems, required=True)
        note = check_text(
            self.note, "note", problems, required=False, max_length=EVENT_NOTE_LENGTH, multiline=True
        )
        _raise_if(problems)
        _set(self, date=date, note=note)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "date": self.date.isoformat(), "note": self.note}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Event:
        return _from_dict(cls, data)

    @classmethod
    def _read(cls, data: object, path: str, problems: list[Problem]) -> Event | None:
        raw = _mapping(data, path, problems, cls, required=("kind", "date"))
        return None if raw is None else _build(cls, raw, path, problems)


_NOTE_LISTS = ("discussed", "learned", "stronger_because", "exciting", "concerns")


@dataclass(frozen=True)
class Notes:
    """What the follow-up note will recall, in the candidate's own words."""

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
        for name in ("company_fact", "fact_comment"):
            text = check_text(getattr(self, name), name, problems, required=False, max_length=NOTE_ITEM_LENGTH)
            values[name] = text or ""
        _raise_if(problems)
        _set(self, **values)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {name: list(getattr(self, name)) for name in _NOTE_LISTS}
        data["company_fact"] = self.company_fact
        data["fact_comment"] = self.fact_comment
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Notes:
        return _from_dict(cls, data)

    @classmethod
    def _read(cls, data: object, path: str, problems: list[Problem]) -> Notes | None:
        if data is None:
            return cls()
        raw = _mapping(data, path, problems, cls, required=())
        if raw is None:
            return None
        for name in ("company_fact", "fact_comment"):
            if raw.get(name, "") is None:
                raw[name] = ""
        for name in _NOTE_LISTS:
            if name in raw and raw[name] is None:
                raw[name] = ()
            elif name in raw and not isinstance(raw[name], list):
                problems.append(Problem(f"{path}.{name}", "must be a list of text", raw[name]))
                return None
        return _build(cls, raw, path, problems)


def _text_items(value: object, path: str, problems: list[Problem]) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        problems.append(Problem(path, "must be a list of text", value))
        return ()
    items: list[str] = []
    for index, item in enumerate(value):
        text = check_text(item, f"{path}[{index}]", problems, required=True, max_length=NOTE_ITEM_LENGTH)
        if text is not None:
            items.append(text)
    if len(items) > MAX_NOTE_ITEMS:
        problems.append(Problem(path, f"must have at most {MAX_NOTE_ITEMS} items", f"{len(items)} items"))
    return tuple(items)


@dataclass(frozen=True)
class Settings:
    """Workspace-wide settings: the pass threshold and the check-in delay."""

    threshold: float = 0
    check_in_after_days: int = 14

    def __post_init__(self) -> None:
        problems: list[Problem] = []
        check_number(self.threshold, "threshold", problems, limit=1000)
        check_integer(self.check_in_after_days, "check_in_after_days", problems, low=1, high=90)
        _raise_if(problems)

    def to_dict(self) -> dict[str, Any]:
        return {"threshold": self.threshold, "check_in_after_days": self.check_in_after_days}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Settings:
        return _from_dict(cls, data)

    @classmethod
    def _read(cls, data: object, path: str, problems: list[Problem]) -> Settings | None:
        if data is None:
            return cls()
        raw = _mapping(data, path, problems, cls, required=())
        return None if raw is None else _build(cls, raw, path, problems)


@dataclass(frozen=True)
class Opportunity:
    """One job opportunity: who, what, the Franklin T, the notes and the follow-up so far."""

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
        if not isinstance(self.id, str) or not is_slug(self.id):
            problems.append(
                Problem(
                    "id",
                    "must be a slug of lowercase letters, digits and single hyphens, at most 64 characters",
                    self.id,
                )
            )
        company = check_text(self.company, "company", problems, required=True, max_length=NAME_LENGTH)
        role = check_text(self.role, "role", problems, required=True, max_length=NAME_LENGTH)
        interview_date = check_date(self.interview_date, "interview_date", problems, required=False)
        interviewers = _items(self.interviewers, "interviewers", problems, Contact, "Contact")
        if self.recruiter is not None and not isinstance(self.recruiter, Contact):
            problems.append(Problem("recruiter", "must be a Contact or None", self.recruiter))
        factors = _items(self.factors, "factors", problems, Factor, "Factor")
        if not isinstance(self.notes, Notes):
            problems.append(Problem("notes", "must be a Notes", self.notes))
        events = _items(self.events, "events", problems, Event, "Event")
        if not problems:
            problems += _event_problems(events, interview_date)
        _raise_if(problems)
        _set(
            self,
            company=company,
            role=role,
            interview_date=interview_date,
            interviewers=interviewers,
            factors=factors,
            events=events,
        )

    # -- reading ----------------------------------------------------------

    @property
    def pluses(self) -> tuple[Factor, ...]:
        return tuple(f for f in self.factors if f.side == "plus")

    @property
    def minuses(self) -> tuple[Factor, ...]:
        return tuple(f for f in self.factors if f.side == "minus")

    def event(self, kind: str) -> Event | None:
        """The first event of this kind, or None."""
        return next((e for e in self.events if e.kind == kind), None)

    # -- editing (each returns a new, validated opportunity) ---------------

    def with_factor(self, factor: Factor) -> Opportunity:
        return replace(self, factors=(*self.factors, factor))

    def with_factors(self, factors: Iterable[Factor]) -> Opportunity:
        return replace(self, factors=tuple(factors))

    def with_event(self, event: Event) -> Opportunity:
        return replace(self, events=(*self.events, event))

    # -- the file format ---------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
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
        return _from_dict(cls, data)

    @classmethod
    def _read(cls, data: object, path: str, problems: list[Problem]) -> Opportunity | None:
        raw = _mapping(data, path, problems, cls, required=("id", "company", "role"))
        if raw is None:
            return None
        before = len(problems)
        raw["interviewers"] = _list_of(raw.get("interviewers"), f"{path}.interviewers", problems, Contact._read)
        recruiter = raw.get("recruiter")
        raw["recruiter"] = None if recruiter is None else Contact._read(recruiter, f"{path}.recruiter", problems)
        raw["factors"] = _list_of(raw.get("factors"), f"{path}.factors", problems, Factor._read)
        raw["notes"] = Notes._read(raw.get("notes"), f"{path}.notes", problems)
        raw["events"] = _list_of(raw.get("events"), f"{path}.events", problems, Event._read)
        if len(problems) > before:
            return None
        return _build(cls, raw, path, problems)

    def _repr_html_(self) -> str:
        from followup.display import opportunity_html

        return opportunity_html(self)


def _event_problems(events: tuple[Event, ...], interview_date: dt.date | None) -> list[Problem]:
    """The follow-up rules the file format itself enforces."""
    problems: list[Problem] = []
    seen: dict[str, dt.date] = {}
    for index, event in enumerate(events):
        path = f"events[{index}]"
        if interview_date is not None and event.date < interview_date:
            problems.append(
                Problem(f"{path}.date", f"must be on or after the interview date {interview_date.isoformat()}", event.date)
            )
        if event.kind in ("thank_you_sent", "check_in_sent") and event.kind in seen:
            problems.append(
                Problem(f"{path}.kind", "must not repeat (at most one per opportunity)", event.kind)
            )
            continue
        seen.setdefault(event.kind, event.date)
    check_in = next((e for e in events if e.kind == "check_in_sent"), None)
    thank_you = next((e for e in events if e.kind == "thank_you_sent"), None)
    if check_in is not None:
        index = events.index(check_in)
        if thank_you is None:
            problems.append(
                Problem(f"events[{index}].kind", "must follow a thank_you_sent event (a check-in comes after a thank-you)", check_in.kind)
            )
        elif check_in.date < thank_you.date:
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
        opportunities = _items(self.opportunities, "opportunities", problems, Opportunity, "Opportunity")
        if self.owner is not None and not isinstance(self.owner, Contact):
            problems.append(Problem("owner", "must be a Contact or None", self.owner))
        if not isinstance(self.settings, Settings):
            problems.append(Problem("settings", "must be a Settings", self.settings))
        if not problems:
            problems += _duplicate_ids(opportunities)
        _raise_if(problems)
        _set(self, opportunities=opportunities)

    # -- reading ----------------------------------------------------------

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.opportunities)

    def __len__(self) -> int:
        return len(self.opportunities)

    def opportunity(self, opportunity_id: str) -> Opportunity:
        """The opportunity with this id; :class:`UnknownOpportunityError` (a KeyError) if none."""
        for opportunity in self.opportunities:
            if opportunity.id == opportunity_id:
                return opportunity
        known = ", ".join(self.ids) or "none"
        raise UnknownOpportunityError(
            f"opportunity_id must be the id of an opportunity in this workspace ({known}); got {opportunity_id!r}"
        )

    # -- editing (each returns a new, validated workspace) -----------------

    def with_opportunity(self, opportunity: Opportunity) -> Workspace:
        """Replace the opportunity with the same id, or add it at the end."""
        if opportunity.id in self.ids:
            return replace(
                self,
                opportunities=tuple(opportunity if o.id == opportunity.id else o for o in self.opportunities),
            )
        return replace(self, opportunities=(*self.opportunities, opportunity))

    def without_opportunity(self, opportunity_id: str) -> Workspace:
        self.opportunity(opportunity_id)  # raises for an unknown id
        return replace(self, opportunities=tuple(o for o in self.opportunities if o.id != opportunity_id))

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
        """Build from the file format (version 1); every problem is reported at once."""
        problems: list[Problem] = []
        workspace = cls._read(data, "", problems)
        _raise_if(problems)
        return cast(Workspace, workspace)

    @classmethod
    def _read(cls, data: object, path: str, problems: list[Problem]) -> Workspace | None:
        if not isinstance(data, Mapping):
            problems.append(Problem(path, "must be an object", data))
            return None
        known = {"format", "version"} | {f.name for f in fields(cls)}
        for key in ("format", "version", "opportunities"):
            if key not in data:
                problems.append(Problem(key, "must be given", _MISSING))
        if "format" in data and data["format"] != FORMAT_NAME:
            problems.append(Problem("format", f"must be {FORMAT_NAME!r}", data["format"]))
        if "version" in data and (type(data["version"]) is not int or data["version"] != FORMAT_VERSION):
            problems.append(Problem("version", f"must be {FORMAT_VERSION}", data["version"]))
        for key in data:
            if key not in known:
                hint = _closest(str(key), known)
                expectation = "must not be here (unknown field" + (f"; did you mean {hint!r}?)" if hint else ")")
                problems.append(Problem(str(key), expectation, data[key]))
        before = len(problems)
        owner = data.get("owner")
        owner_obj = None if owner is None else Contact._read(owner, "owner", problems)
        settings = Settings._read(data.get("settings"), "settings", problems)
        opportunities = _list_of(data.get("opportunities", []), "opportunities", problems, Opportunity._read)
        if len(problems) > before:
            return None
        if opportunities is not None:
            problems += _duplicate_ids(opportunities, prefix="opportunities")
        if problems:
            return None
        return _build(
            cls, {"opportunities": opportunities, "owner": owner_obj, "settings": settings}, path, problems
        )

    def _repr_html_(self) -> str:
        from followup.display import workspace_html

        return workspace_html(self)


def _duplicate_ids(opportunities: Sequence[Opportunity], prefix: str = "opportunities") -> list[Problem]:
    problems: list[Problem] = []
    first_index: dict[str, int] = {}
    for index, opportunity in enumerate(opportunities):
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


def _from_dict(cls: type[_T], data: Mapping[str, Any]) -> _T:
    problems: list[Problem] = []
    built = cls._read(data, "", problems)  # type: ignore[attr-defined]
    _raise_if(problems)
    return cast(_T, built)

