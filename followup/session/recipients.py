"""Who the note of each opportunity is written to, when there are several interviewers.

The workspace file has no place for this choice, so it lasts as long as the
app is open: the first interviewer unless the person picks another. The file
does keep the person's edited note, though, and an edited note is written to
someone ("Dear Sam,", the colleagues thanked by name). So when no choice was
made yet, the note goes to the interviewer whose generated note the kept edit
is closest to: after a reload, an edited note to Sam is still shown, and
exported, as a note to Sam.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass

from followup.model import Opportunity

__all__ = ["RecipientChoice", "closest_text", "name_key", "recipient_names"]


def name_key(name: str) -> str:
    """A name as the note matches it: without regard to case or spacing.

    >>> name_key("  Sam   OKAFOR ")
    'sam okafor'
    """
    return " ".join(name.split()).casefold()


def recipient_names(opportunity: Opportunity) -> tuple[str, ...]:
    """The interviewers a note can be written to, by name as typed (each name once).

    >>> from followup.model import Contact
    >>> people = (Contact("Priya Natarajan"), Contact("Sam Okafor"), Contact("sam okafor"))
    >>> recipient_names(Opportunity(id="a", company="A", role="B", interviewers=people))
    ('Priya Natarajan', 'Sam Okafor')
    """
    names: dict[str, str] = {}
    for person in opportunity.interviewers:
        names.setdefault(name_key(person.name), person.name)
    return tuple(names.values())


@dataclass(frozen=True)
class _Chosen:
    """The interviewer picked: their name, and their place among a list of ``count`` people."""

    name: str
    index: int
    count: int


class RecipientChoice:
    """The interviewer each opportunity's note goes to, and a switch waiting for an answer.

    ``closest`` gives, for an opportunity and its names, the name whose
    generated note the kept edit was written from (None: no edit to go by).

    Examples
    --------
    >>> from followup.model import Contact
    >>> people = (Contact("Priya Natarajan"), Contact("Sam Okafor"))
    >>> northwind = Opportunity(id="n", company="N", role="R", interviewers=people)
    >>> choice = RecipientChoice(lambda opportunity, names: None)
    >>> choice.recipient(northwind)
    'Priya Natarajan'
    >>> choice.choose(northwind, "Sam Okafor")
    >>> choice.recipient(northwind)
    'Sam Okafor'
    """

    def __init__(self, closest: Callable[[Opportunity, tuple[str, ...]], str | None]) -> None:
        self._closest = closest
        self._chosen: dict[str, _Chosen] = {}
        self._asked: dict[str, str] = {}
        #: Changes with every choice made or asked (what the app shows depends on it).
        self.revision = 0

    def recipient(self, opportunity: Opportunity) -> str | None:
        """The name the note is written to now (None: no interviewer)."""
        names = recipient_names(opportunity)
        if not names:
            return None
        people = opportunity.interviewers
        chosen = self._chosen.get(opportunity.id)
        if chosen is not None:
            for name in names:
                if name_key(name) == name_key(chosen.name):
                    return name
            if chosen.count == len(people) and chosen.index < len(people):
                # Renamed in place (a typo corrected): still the same person.
                name = people[chosen.index].name
                self._pin(opportunity, name)
                return name
        name = self._closest(opportunity, names) or names[0]
        # Kept for the rest of the session: the note does not change hands while it is typed.
        self._pin(opportunity, name)
        return name

    def choose(self, opportunity: Opportunity, name: str) -> None:
        """Write the note to ``name`` (one of :func:`recipient_names`) from now on."""
        self._asked.pop(opportunity.id, None)
        self._pin(opportunity, name)
        self.revision += 1

    def ask(self, opportunity_id: str, name: str) -> None:
        """Remember that the person picked ``name`` and is asked what happens to their edits."""
        self._asked[opportunity_id] = name
        self.revision += 1

    def asked(self, opportunity: Opportunity) -> str | None:
        """The name picked while the note had edits, still waiting for an answer (or None)."""
        name = self._asked.get(opportunity.id)
        if name is None or name_key(name) not in map(name_key, recipient_names(opportunity)):
            return None
        return name

    def forget_question(self, opportunity_id: str) -> None:
        """The question is answered (keep writing to the same person)."""
        if self._asked.pop(opportunity_id, None) is not None:
            self.revision += 1

    def _pin(self, opportunity: Opportunity, name: str) -> None:
        people = opportunity.interviewers
        index = next(
            (i for i, person in enumerate(people) if name_key(person.name) == name_key(name)), 0
        )
        self._chosen[opportunity.id] = _Chosen(name, index, len(people))


def closest_text(text: str, candidates: dict[str, str]) -> str | None:
    """The key of the candidate text most like ``text`` (the first on a tie; None if none).

    >>> closest_text("Dear Sam, thank you!", {"Priya": "Dear Priya, thank you.",
    ...                                        "Sam": "Dear Sam, thank you."})
    'Sam'
    """
    best: str | None = None
    best_ratio = -1.0
    for name, candidate in candidates.items():
        ratio = difflib.SequenceMatcher(None, text, candidate, autojunk=False).ratio()
        if ratio > best_ratio:
            best, best_ratio = name, ratio
    return best
