"""What every note's sentences share: who writes to whom, the phrasings, the notes as phrases.

:class:`Writing` gathers what the sentence builders of
:mod:`followup.notes.thank_you` and :mod:`followup.notes.check_in` need: the
opportunity, the recipient and their colleagues, the English, the day, the
names that keep their capitals, and a :class:`~followup.notes.variants.Chooser`.
:class:`Paragraphs` collects the sentences and remembers the note items that
had to stand as sentences of their own, to be reported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from followup.model import Contact, Opportunity
from followup.notes.dates import written_date
from followup.notes.phrases import ItemList, Phrase, read_item
from followup.notes.variants import Chooser, spelled

__all__ = ["ItemProblem", "Paragraphs", "Writing", "listed"]


def listed(items: Sequence[str], *, each: str = "", clauses: bool = False) -> str:
    """Join phrases the way a sentence lists them: "a", "a and b", "a, b and c".

    Three or more phrases that hold commas themselves are separated by
    semicolons, so that the list stays readable; two ``clauses`` with their
    own subjects take a comma before "and".

    >>> listed(["caching"]), listed(["a", "b"], each="that "), listed(["a", "b", "c"])
    ('caching', 'that a and that b', 'a, b and c')
    >>> listed(["caching, mostly", "tracing", "queues"])
    'caching, mostly; tracing and queues'
    >>> listed(["I led the move", "I trained the team"], clauses=True)
    'I led the move, and I trained the team'
    """
    phrases = [each + item for item in items]
    if len(phrases) == 2 and clauses:
        return ", and ".join(phrases)
    if len(phrases) <= 2:
        return " and ".join(phrases)
    separator = "; " if any("," in phrase for phrase in phrases) else ", "
    return separator.join(phrases[:-1]) + " and " + phrases[-1]


@dataclass(frozen=True)
class ItemProblem:
    """A note item that could not be stitched into a sentence.

    ``shown`` is the text as it stands in the note ("" when the item was left out).
    """

    field: str
    shown: str
    message: str


_PROBLEM_MESSAGES = {
    "too long": (
        "{field} is too long to fit into a sentence, so it stands as a sentence of its own; "
        "shorten it to a topic of a few words."
    ),
    "several sentences": (
        "{field} holds several sentences, so it stands as typed; make it one topic or one fact."
    ),
    "run-on": (
        "{field} runs two sentences together, so it stands as typed; split it into two items."
    ),
    "nothing after the lead-in": (
        "{field} ({typed!r}) says nothing after its lead-in, so the note leaves it out; "
        "add what it was about."
    ),
}


@dataclass
class Paragraphs:
    """The note's paragraphs, built sentence by sentence, and the items that stood alone."""

    paragraphs: list[str] = field(default_factory=list)
    problems: list[ItemProblem] = field(default_factory=list)

    def add(self, sentences: Iterable[str]) -> None:
        """Add a paragraph of these sentences (nothing when there are none)."""
        text = " ".join(sentence for sentence in sentences if sentence)
        if text:
            self.paragraphs.append(text)

    def report(self, phrase: Phrase, field_path: str) -> None:
        """Remember an item that stands as its own sentence (or was left out), and why."""
        if phrase.problem is None:
            return
        shown = "" if phrase.problem == "nothing after the lead-in" else phrase.text
        message = _PROBLEM_MESSAGES[phrase.problem].format(field=field_path, typed=phrase.typed)
        self.problems.append(ItemProblem(field_path, shown, message))


@dataclass(frozen=True)
class Writing:
    """Everything a note's sentences depend on besides the notes' own words."""

    opportunity: Opportunity
    recipient: Contact
    recipient_index: int
    sender: Contact
    english: Literal["US", "UK"]
    today: dt.date
    #: Words and names that keep their capitals at the start of a note item.
    names: frozenset[str]
    #: How each person is named in the note (their name with capitals where typed without).
    shown_names: dict[str, str] = field(default_factory=dict)

    @property
    def chooser(self) -> Chooser:
        """The phrasing chooser of this note."""
        return Chooser(self.opportunity.id, self.recipient_index)

    def pick(self, slot: str, choices: Sequence[str]) -> str:
        """One phrasing of a framing sentence, in the workspace's English."""
        return spelled(self.chooser.pick(slot, choices), self.english)

    def day(self, date: dt.date) -> str:
        """A date as the note writes it."""
        return written_date(date, english=self.english, today=self.today)

    def on_day(self, date: dt.date | None) -> str:
        """Inside a sentence: " on November 24" (a leading space), or nothing without a date.

        In US English a year inside a sentence is followed by a comma:
        "on December 30, 2026, about the role".
        """
        if date is None:
            return ""
        text = f" on {self.day(date)}"
        return text + "," if self.english == "US" and date.year != self.today.year else text

    def name_of(self, contact: Contact) -> str:
        """The name of a person as the note shows it."""
        return self.shown_names.get(contact.name, contact.name)

    @property
    def colleagues(self) -> tuple[Contact, ...]:
        """The other interviewers, in workspace order."""
        return tuple(
            person
            for index, person in enumerate(self.opportunity.interviewers)
            if index != self.recipient_index
        )

    def phrases(self, items: Iterable[str], item_list: ItemList) -> list[Phrase]:
        """The note items of one list, read."""
        return [read_item(item, names=self.names, item_list=item_list) for item in items]
