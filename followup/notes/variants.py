"""Several phrasings of each framing sentence, chosen the same way every time.

A note that reads like everybody else's is a form letter. The sentences that
frame the person's own words (the opening thanks, the closing line, the
questions of a check-in) therefore come in several phrasings. Which one a note
uses is decided by a stable hash of the opportunity id and the slot: the
same workspace always gives the same draft (no randomness, no clock), while
different opportunities read differently. The recipient's place among the
interviewers is added, so the notes to two colleagues never share a phrasing
(as long as there are no more colleagues than phrasings).

The framing text is written in US English and turned into UK spelling by
:func:`spelled` when the workspace asks for it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

__all__ = ["UK_SPELLINGS", "Chooser", "spelled"]

_T = TypeVar("_T")

#: US spellings of followup's own framing words and their UK forms.
UK_SPELLINGS: dict[str, str] = {
    "realize": "realise",
    "realized": "realised",
    "organize": "organise",
    "organized": "organised",
    "recognize": "recognise",
    "favorite": "favourite",
    "honored": "honoured",
}
_UK_WORD = re.compile(r"\b(" + "|".join(sorted(UK_SPELLINGS, key=len, reverse=True)) + r")\b")


def spelled(text: str, english: Literal["US", "UK"]) -> str:
    """Framing text in the workspace's English (only followup's own words, never the user's).

    >>> spelled("I realize these decisions take time.", "UK")
    'I realise these decisions take time.'
    >>> spelled("I realize these decisions take time.", "US")
    'I realize these decisions take time.'
    """
    if english != "UK":
        return text
    return _UK_WORD.sub(lambda match: UK_SPELLINGS[match.group()], text)


@dataclass(frozen=True)
class Chooser:
    """Picks one phrasing per slot for one note: stable, different across opportunities.

    >>> chooser = Chooser("acme-data-engineer", 0)
    >>> chooser.pick("closing", ["a", "b", "c"]) == chooser.pick("closing", ["a", "b", "c"])
    True
    >>> Chooser("acme", 0).pick("x", "ab") != Chooser("acme", 1).pick("x", "ab")
    True
    """

    opportunity_id: str
    #: The recipient's place among the interviewers: colleagues get different phrasings.
    recipient_index: int = 0

    def index(self, slot: str, count: int) -> int:
        """The phrasing number (from 0) for this slot, among ``count`` phrasings."""
        digest = hashlib.blake2b(f"{self.opportunity_id}\0{slot}".encode(), digest_size=8)
        return (int.from_bytes(digest.digest(), "big") + self.recipient_index) % count

    def pick(self, slot: str, choices: Sequence[_T]) -> _T:
        """One of ``choices`` for this slot."""
        return choices[self.index(slot, len(choices))]
