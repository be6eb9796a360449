"""A person: the owner of the workspace (who signs the notes), an interviewer or a recruiter.

Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from followup.errors import Problem
from followup.model.base import FileForm, raise_if_any, set_fields
from followup.model.checks import check_email, check_text
from followup.model.limits import NAME_LENGTH, PHONE_LENGTH

__all__ = ["Contact"]


@dataclass(frozen=True)
class Contact(FileForm):
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
        raise_if_any(problems)
        set_fields(self, name=name, title=title, email=email, phone=phone)

    def to_dict(self) -> dict[str, Any]:
        """The file form: every field, ``None`` for those not given."""
        return {"name": self.name, "title": self.title, "email": self.email, "phone": self.phone}
