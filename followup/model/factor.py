"""One line of the Franklin T: a plus or a minus, weighed from 1 to 10.

Standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from followup.errors import Problem
from followup.model.base import FileForm, raise_if_any, set_fields
from followup.model.checks import check_choice, check_integer, check_text
from followup.model.limits import CATEGORY_LENGTH, LABEL_LENGTH, SIDES, Side

__all__ = ["Factor"]


@dataclass(frozen=True)
class Factor(FileForm):
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
        check_choice(self.side, "side", problems, SIDES)
        weight = check_integer(self.weight, "weight", problems, low=1, high=10)
        category = check_text(
            self.category, "category", problems, required=False, max_length=CATEGORY_LENGTH
        )
        raise_if_any(problems)
        set_fields(self, label=label, weight=weight, category=category)

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
