"""The small values a workspace is made of: Contact, Factor, Event, Notes and Settings.

Each is a frozen dataclass validated when built (every problem reported at
once, each naming its field), with a file form (``to_dict``/``from_dict``).
The field limits and the fixed vocabularies (sides, event kinds, suggested
categories) live here too. :mod:`followup.model.opportunity` and
:mod:`followup.model` build on these parts; import them from
:mod:`followup.model`. Standard library only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from typing import Any, ClassVar, Literal, Self, cast

from followup.errors import Problem, ValidationError
from followup.model.checks import (
    build,
    check_date,
    check_email,
    check_integer,
    check_mapping,
    check_number,
    check_text,
    key_path,
)

__all__ = [
    "CATEGORIES",
    "CATEGORY_LENGTH",
    "EVENT_KINDS",
    "EVENT_NOTE_LENGTH",
    "ID_LENGTH",
    "LABEL_LENGTH",
    "MAX_NOTE_ITEMS",
    "NAME_LENGTH",
    "NOTE_ITEM_LENGTH",
    "PHONE_LENGTH",
    "SIDES",
    "THRESHOLD_LIMIT",
    "Contact",
    "Event",
    "EventKind",
    "Factor",
    "Notes",
    "Settings",
    "Side",
]

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
#: A pass threshold lies within -THRESHOLD_LIMIT..THRESHOLD_LIMIT.
THRESHOLD_LIMIT = 1000

# The helpers below are shared with followup.model.opportunity and followup.model.


def _raise_if(problems: list[Problem]) -> None:
    if problems:
        raise ValidationError(problems)


def _set(obj: object, **values: object) -> None:
    # Frozen dataclasses normalize their own fields once, while being built.
    for name, value in values.items():
        object.__setattr__(obj, name, value)


def _field_names(cls: type[Any]) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


class _FileForm:
    """Reading the file form, the same way for every model class.

    A class names the keys its file form must give in ``_required``; one whose
    entry may be null (read as its defaults) sets ``_null_is_default``. A class
    whose file form needs more than a key-for-field check overrides ``_read``.
    """

    _required: ClassVar[tuple[str, ...]] = ()
    _null_is_default: ClassVar[bool] = False

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Build from the file form; :class:`ValidationError` lists every problem."""
        problems: list[Problem] = []
        built = cls._read(data, "", problems)
        _raise_if(problems)
        return cast(Self, built)  # no problem reported: it was built

    @classmethod
    def _read(cls, data: object, path: str, problems: list[Problem]) -> Self | None:
        if data is None and cls._null_is_default:
            return cls()
        raw = check_mapping(data, path, problems, known=_field_names(cls), required=cls._required)
        return None if raw is None else build(cls, raw, path, problems)


@dataclass(frozen=True)
class Contact(_FileForm):
    """A person: the owner of the workspace, an interviewer or a recruiter.

    >>> Contact("Jordan Rivera", email="jordan@acme.example").email
    'jordan@acme.example'
    """

    name: str
    title: str | None = None
    email: str | None = None
    phone: str | None = None

    _required = ("name",)

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


@dataclass(frozen=True)
class Factor(_FileForm):
    """One line of the Franklin T: a plus or a minus with a weight from 1 to 10.

    >>> Factor("90-minute commute", "minus", 6, "location").signed_weight
    -6
    """

    label: str
    side: Side
    weight: int
    category: str | None = None

    _required = ("label", "side", "weight")

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


@dataclass(frozen=True)
class Event(_FileForm):
    """Something that happened in the follow-up, on a date.

    The date may be given as a :class:`datetime.date` or as ``"YYYY-MM-DD"``;
    the note is the only text in a workspace that may span several lines.

    >>> Event("thank_you_sent", "2026-11-19").date
    datetime.date(2026, 11, 19)
    """

    kind: EventKind
    date: dt.date
    note: str | None = None

    _required = ("kind", "date")

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


_NOTE_LISTS = ("discussed", "learned", "stronger_because", "exciting", "concerns")
_NOTE_TEXTS = ("company_fact", "fact_comment")


@dataclass(frozen=True)
class Notes(_FileForm):
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
class Settings(_FileForm):
    """Workspace-wide settings: the pass threshold and the check-in delay in days."""

    threshold: float = 0
    check_in_after_days: int = 14

    _null_is_default = True

    def __post_init__(self) -> None:
        problems: list[Problem] = []
        threshold = check_number(self.threshold, "threshold", problems, limit=THRESHOLD_LIMIT)
        days = check_integer(
            self.check_in_after_days, "check_in_after_days", problems, low=1, high=90
        )
        _raise_if(problems)
        _set(self, threshold=threshold, check_in_after_days=days)

    def to_dict(self) -> dict[str, Any]:
        """The file form."""
        return {"threshold": self.threshold, "check_in_after_days": self.check_in_after_days}
