"""Workspace-wide settings: when a T passes, when to check in, and how the notes are written.

Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from followup.errors import Problem
from followup.model.base import FileForm, raise_if_any, set_fields
from followup.model.checks import check_choice, check_integer, check_number
from followup.model.limits import ENGLISH_VARIETIES, GREETINGS, THRESHOLD_LIMIT, English, Greeting

__all__ = ["Settings"]


@dataclass(frozen=True)
class Settings(FileForm):
    """Workspace-wide settings.

    Attributes
    ----------
    threshold
        A T passes when its balance is above this (a number from -1000 to 1000).
    check_in_after_days
        Days of silence after the thank-you before one check-in is fitting (1-90).
    english
        ``"US"`` or ``"UK"``: how the notes write dates ("February 16" or
        "16 February") and which spelling the writing check expects.
    greeting
        ``"first_name"`` ("Dear Jordan,") or ``"formal"`` ("Dear Jordan Rivera,"),
        for names typed without an honorific; "Dr. Amara Okonkwo" is always
        greeted "Dear Dr. Okonkwo,".

    >>> Settings(english="UK").english
    'UK'
    """

    threshold: float = 0
    check_in_after_days: int = 14
    english: English = "US"
    greeting: Greeting = "first_name"

    _null_is_default = True

    def __post_init__(self) -> None:
        problems: list[Problem] = []
        threshold = check_number(self.threshold, "threshold", problems, limit=THRESHOLD_LIMIT)
        days = check_integer(
            self.check_in_after_days, "check_in_after_days", problems, low=1, high=90
        )
        check_choice(self.english, "english", problems, ENGLISH_VARIETIES)
        check_choice(self.greeting, "greeting", problems, GREETINGS)
        raise_if_any(problems)
        set_fields(self, threshold=threshold, check_in_after_days=days)

    def to_dict(self) -> dict[str, Any]:
        """The file form."""
        return {
            "threshold": self.threshold,
            "check_in_after_days": self.check_in_after_days,
            "english": self.english,
            "greeting": self.greeting,
        }
