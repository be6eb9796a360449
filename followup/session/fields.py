"""Values as a person types them into a field: the field's name checked, text turned into values.

Shared by the parts that edit one field at a time (details, settings). Empty
(or blank) text means "not given"; a contact is built from its four fields
and any problem is named from where the contact sits (``recruiter.email``).
"""

from __future__ import annotations

from typing import Any

from followup.errors import Problem, ValidationError
from followup.model import Contact

__all__ = [
    "CONTACT_FIELDS",
    "checked_name",
    "contact",
    "contact_values",
    "lines",
    "number",
    "optional",
]

CONTACT_FIELDS = ("name", "title", "email", "phone")


def checked_name(name: object, allowed: tuple[str, ...], path: str = "field") -> str:
    """``name`` when it is one of ``allowed``; otherwise a :class:`ValidationError` naming them.

    >>> checked_name("email", CONTACT_FIELDS)
    'email'
    """
    if name not in allowed:
        raise ValidationError([Problem(path, "must be one of " + ", ".join(allowed), name)])
    return str(name)


def optional(value: object) -> object:
    """Empty (or blank) text means "not given".

    >>> optional("  "), optional("Dana")
    (None, 'Dana')
    """
    return None if isinstance(value, str) and not value.strip() else value


def lines(value: object, path: str) -> tuple[str, ...]:
    """One item per line; blank lines are skipped.

    >>> lines("first\\n\\n second ", "notes.learned")
    ('first', 'second')
    """
    if not isinstance(value, str):
        raise ValidationError([Problem(path, "must be text (one item per line)", value)])
    return tuple(line.strip() for line in value.splitlines() if line.strip())


def number(value: object) -> object:
    """A number typed as text ("2", "-1.5") becomes a number; anything else is left as it is.

    >>> number("2"), number(" -1.5 "), number("two")
    (2, -1.5, 'two')
    """
    if isinstance(value, str):
        text = value.strip()
        for kind in (int, float):
            try:
                return kind(text)
            except ValueError:
                continue
    return value


def contact_values(person: Contact | None) -> dict[str, Any]:
    """The four fields of a contact (all None when there is none)."""
    if person is None:
        return dict.fromkeys(CONTACT_FIELDS)
    return {key: getattr(person, key) for key in CONTACT_FIELDS}


def contact(values: dict[str, Any], path: str) -> Contact:
    """A contact from typed values; a problem is named from ``path`` (``interviewers[1].email``)."""
    try:
        fields: dict[str, Any] = {key: optional(values.get(key)) for key in CONTACT_FIELDS}
        return Contact(**fields)
    except ValidationError as error:
        raise error.prefixed(path) from None
