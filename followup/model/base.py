"""What every model class shares: building from the file form, and validating once.

Each model class is a frozen dataclass that checks its fields in
``__post_init__``, collecting every problem before raising one
:class:`~followup.errors.ValidationError`, and normalises its own fields once
while being built. Standard library only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from typing import Any, ClassVar, Self, cast

from followup.errors import Problem, ValidationError
from followup.model.checks import build, check_mapping

__all__ = ["FileForm", "field_names", "raise_if_any", "set_fields"]


def raise_if_any(problems: list[Problem]) -> None:
    """Raise one :class:`ValidationError` listing ``problems``, when there are any."""
    if problems:
        raise ValidationError(problems)


def set_fields(obj: object, **values: object) -> None:
    """Set fields of a frozen dataclass while it is being built (its normalised values)."""
    for name, value in values.items():
        object.__setattr__(obj, name, value)


def field_names(cls: type[Any]) -> tuple[str, ...]:
    """The names of a dataclass's fields, in order: the keys of its file form.

    A field marked ``metadata={"in_file": False}`` (bookkeeping such as where a
    workspace was loaded from) is not one of them.
    """
    return tuple(f.name for f in fields(cls) if f.metadata.get("in_file", True))


class FileForm:
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
        raise_if_any(problems)
        return cast(Self, built)  # no problem reported: it was built

    @classmethod
    def _read(cls, data: object, path: str, problems: list[Problem]) -> Self | None:
        if data is None and cls._null_is_default:
            return cls()
        raw = check_mapping(data, path, problems, known=field_names(cls), required=cls._required)
        return None if raw is None else build(cls, raw, path, problems)
