"""A text read once for the writing check: its words, the spans to skip, its sentence starts."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from followup.notes.writing.patterns import (
    ABBREVIATION_BEFORE,
    LATIN_PHRASES,
    PLACEHOLDERS,
    UNCHECKED,
    WORD,
)

__all__ = ["Tokens", "inside", "merged", "normalized"]

# Reversed, the end of a gap that starts a sentence: opening quotes, space, closing quotes, a mark.
_SENTENCE_GAP_REVERSED = re.compile(r"[\"'(“‘]*+\s++[\"')\]’”]*+[.!?]")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*+\n")
_OPENING_ONLY = re.compile(r"[\s\"'(“‘]*+")


def normalized(word: str) -> str:
    """Lowercase, with the curly apostrophe made straight.

    >>> normalized("O’Neil")
    "o'neil"
    """
    return word.lower().replace("’", "'")


def merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones joined.

    >>> merged([(5, 9), (0, 2), (1, 3), (8, 12)])
    [(0, 3), (5, 12)]
    """
    result: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if result and start < result[-1][1]:
            result[-1] = (result[-1][0], max(end, result[-1][1]))
        else:
            result.append((start, end))
    return result


def inside(offset: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``offset`` lies in one of ``spans`` (sorted, not overlapping). O(log n)."""
    index = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


def overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether [start, end) overlaps one of ``spans`` (sorted, not overlapping). O(log n)."""
    index = bisect.bisect_right(spans, (start, float("inf"))) - 1
    if index >= 0 and spans[index][1] > start:
        return True
    return index + 1 < len(spans) and spans[index + 1][0] < end


@dataclass
class Tokens:
    """The parts of a text every rule needs, found in one linear pass.

    Attributes
    ----------
    text : str
        The text.
    placeholders : list of (int, int)
        Spans of unfilled template text.
    skipped : list of (int, int)
        Spans no rule looks into: placeholders, addresses, links, dotted names,
        Latin phrases ("pro bono").
    words : list of re.Match
        The words outside the skipped spans, in order.
    sentence_starts : set of int
        Indices into ``words`` of the words that start a sentence.
    """

    text: str
    placeholders: list[tuple[int, int]] = field(default_factory=list)
    skipped: list[tuple[int, int]] = field(default_factory=list)
    words: list[re.Match[str]] = field(default_factory=list)
    sentence_starts: set[int] = field(default_factory=set)

    @classmethod
    def read(cls, text: str) -> Tokens:
        """Read ``text``: O(len(text))."""
        placeholders = [(m.start(), m.end()) for m in PLACEHOLDERS.finditer(text)]
        skipped = merged(
            [
                *placeholders,
                *((m.start(), m.end()) for m in UNCHECKED.finditer(text)),
                *((m.start(), m.end()) for m in LATIN_PHRASES.finditer(text)),
            ]
        )
        words = [m for m in WORD.finditer(text) if not inside(m.start(), skipped)]
        tokens = cls(text, placeholders, skipped, words)
        tokens.sentence_starts = tokens._find_sentence_starts()
        return tokens

    def _find_sentence_starts(self) -> set[int]:
        """Words after a sentence end or a blank line, and the first word of the text.

        Each gap between two words is read once (backwards from the word), so
        the whole is linear, however many blank lines or dots there are.
        """
        starts: set[int] = set()
        text, previous_end = self.text, 0
        for index, match in enumerate(self.words):
            gap_start = previous_end
            previous_end = match.end()
            if index == 0:
                if _OPENING_ONLY.fullmatch(text, 0, match.start()):
                    starts.add(index)
                continue
            gap = text[gap_start : match.start()]
            reversed_end = _SENTENCE_GAP_REVERSED.match(gap[::-1])
            if reversed_end is not None:
                mark = match.start() - reversed_end.end()
                if not ABBREVIATION_BEFORE.search(text, max(0, mark - 12), mark + 1):
                    starts.add(index)
            elif _BLANK_LINE.search(gap):
                starts.add(index)
        return starts
