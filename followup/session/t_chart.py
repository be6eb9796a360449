"""The Franklin T of one opportunity: editing its factors, the debrief, and what the T says.

Factors are addressed by their position in ``opportunity.factors`` (pluses
and minuses share one numbering), which is what a row of the T remembers.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from followup.errors import Problem, ValidationError
from followup.model import Factor, Opportunity, Workspace
from followup.session.details import OwnerEditing

__all__ = [
    "DEBRIEF_QUESTIONS",
    "DEFAULT_WEIGHT",
    "DebriefQuestion",
    "TSummary",
    "Weighing",
    "t_summary",
]

DEFAULT_WEIGHT = 5


@dataclass(frozen=True)
class DebriefQuestion:
    """A question to ask oneself right after an interview, and where its answer goes as a note."""

    key: str
    question: str
    note: str
    suggested_side: str | None = None


#: The guided debrief, in the order to answer it.
DEBRIEF_QUESTIONS: tuple[DebriefQuestion, ...] = (
    DebriefQuestion("discussed", "What did we talk about?", "discussed"),
    DebriefQuestion(
        "exciting",
        "What did I hear that was exciting, and that I did not expect?",
        "exciting",
        "plus",
    ),
    DebriefQuestion("worries", "What worried me, or left me unsure?", "concerns", "minus"),
    DebriefQuestion("learned", "What did I learn?", "learned"),
    DebriefQuestion("stronger", "Why am I now an even stronger candidate?", "stronger_because"),
    DebriefQuestion(
        "hire", "If I were the hiring manager, would I hire me? Why?", "stronger_because"
    ),
)
_QUESTIONS = {question.key: question for question in DEBRIEF_QUESTIONS}
_NOTE_NAMES = {
    "discussed": "what we discussed",
    "exciting": "what excited me",
    "concerns": "my concerns",
    "learned": "what I learned",
    "stronger_because": "why I am a stronger candidate",
}


@dataclass(frozen=True)
class TSummary:
    """What the T of one opportunity says right now."""

    plus_total: int
    minus_total: int
    balance: int
    threshold: float
    #: ``"pass"``, ``"undecided"`` or ``"fail"``.
    verdict: str
    #: The nearest weight changes that would flip the verdict, in words.
    flips: tuple[str, ...]
    #: Honesty warnings about a one-sided list.
    warnings: tuple[str, ...]


def t_summary(workspace: Workspace, opportunity_id: str, *, flip_limit: int = 3) -> TSummary:
    """Totals, balance, verdict, flip hints and honesty warnings for one opportunity.

    >>> from followup import example_workspace
    >>> summary = t_summary(example_workspace(), "acme-data-engineer")
    >>> summary.verdict, summary.balance
    ('pass', 15)
    """
    from followup.decide.honesty import checks_for
    from followup.decide.scoring import verdict_for
    from followup.decide.sensitivity import flip_sentences

    opportunity = workspace.opportunity(opportunity_id)
    plus_total, minus_total = opportunity.plus_total, opportunity.minus_total
    threshold = workspace.settings.threshold
    balance = plus_total - minus_total
    warnings = tuple(message for _check, message in checks_for(opportunity))
    return TSummary(
        plus_total=plus_total,
        minus_total=minus_total,
        balance=balance,
        threshold=threshold,
        verdict=verdict_for(balance, threshold),
        flips=tuple(flip_sentences(workspace, opportunity_id, limit=flip_limit)),
        warnings=warnings,
    )


def _side(side: object) -> str:
    if side not in ("plus", "minus"):
        raise ValidationError([Problem("side", "must be 'plus' or 'minus'", side)])
    return str(side)


class Weighing(OwnerEditing):
    """Adding, weighing and removing factors; turning debrief answers into factors or notes."""

    def add_factor(
        self,
        opportunity_id: str,
        side: str,
        label: str | None = None,
        *,
        weight: int = DEFAULT_WEIGHT,
        category: str | None = None,
    ) -> int:
        """Add a plus or a minus ("New plus"/"New minus" unless labelled); return its index."""
        side = _side(side)
        opportunity = self.opportunity(opportunity_id)
        index = len(opportunity.factors)
        factor = _factor(
            label if label is not None else f"New {side}", side, weight, category, index
        )
        self._replace(opportunity.with_factor(factor))
        return index

    def set_factor_label(self, opportunity_id: str, index: int, label: object) -> None:
        """Rename a factor (one line, at most 300 characters)."""
        self._edit_factor(opportunity_id, index, label=label)

    def set_factor_weight(self, opportunity_id: str, index: int, weight: object) -> None:
        """Weigh a factor: an integer from 1 to 10."""
        self._edit_factor(opportunity_id, index, weight=weight)

    def set_factor_category(self, opportunity_id: str, index: int, category: object) -> None:
        """Set a factor's category; empty text means none (counted as "other")."""
        if isinstance(category, str) and not category.strip():
            category = None
        self._edit_factor(opportunity_id, index, category=category)

    def remove_factor(self, opportunity_id: str, index: int) -> None:
        """Take a factor off the T (the others keep their order)."""
        opportunity = self.opportunity(opportunity_id)
        _check_index(opportunity, index)
        factors = opportunity.factors[:index] + opportunity.factors[index + 1 :]
        self._replace(opportunity.with_factors(factors))

    def _edit_factor(self, opportunity_id: str, index: int, **changes: object) -> None:
        opportunity = self.opportunity(opportunity_id)
        factor = _check_index(opportunity, index)
        try:
            edited = replace(factor, **changes)  # type: ignore[arg-type]
        except ValidationError as error:
            raise error.prefixed(f"factors[{index}]") from None
        factors = (*opportunity.factors[:index], edited, *opportunity.factors[index + 1 :])
        self._replace(opportunity.with_factors(factors))

    # -- the debrief -------------------------------------------------------

    def debrief(self, opportunity_id: str, question: str, answer: object, as_: str) -> str:
        """Turn a debrief answer into pluses, minuses (weight 5) or notes; say what was added.

        Each line of the answer becomes one factor or one note item.
        """
        if question not in _QUESTIONS:
            raise ValidationError(
                [Problem("question", "must be one of " + ", ".join(_QUESTIONS), question)]
            )
        if as_ not in ("plus", "minus", "note"):
            raise ValidationError([Problem("as", "must be 'plus', 'minus' or 'note'", as_)])
        lines = (
            tuple(line.strip() for line in answer.splitlines() if line.strip())
            if isinstance(answer, str)
            else ()
        )
        if not lines:
            raise ValidationError([Problem("answer", "must be non-empty text", answer)])
        opportunity = self.opportunity(opportunity_id)
        if as_ == "note":
            note = _QUESTIONS[question].note
            self.add_note_items(opportunity_id, note, lines)
            return f"Added to the notes ({_NOTE_NAMES[note]})."
        start = len(opportunity.factors)
        factors = [
            _factor(line, as_, DEFAULT_WEIGHT, None, start + offset)
            for offset, line in enumerate(lines)
        ]
        self._replace(opportunity.with_factors((*opportunity.factors, *factors)))
        noun = (
            ("plus" if len(lines) == 1 else "pluses")
            if as_ == "plus"
            else ("minus" if len(lines) == 1 else "minuses")
        )
        return f"Added {len(lines)} {noun} to the T (weight {DEFAULT_WEIGHT}; adjust it there)."

    def t_summary(self, opportunity_id: str) -> TSummary:
        """What the T of this opportunity says now (see :func:`t_summary`)."""
        return t_summary(self._workspace, opportunity_id)


def _check_index(opportunity: Opportunity, index: object) -> Factor:
    count = len(opportunity.factors)
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < count:
        raise ValidationError(
            [Problem("factor index", f"must be from 0 to {count - 1}", index)]
            if count
            else [Problem("factor index", "must point at a factor, but there are none", index)]
        )
    return opportunity.factors[index]


def _factor(label: object, side: str, weight: object, category: object, index: int) -> Factor:
    try:
        return Factor(label, side, weight, category)  # type: ignore[arg-type]
    except ValidationError as error:
        raise error.prefixed(f"factors[{index}]") from None
