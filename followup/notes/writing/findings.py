"""What the writing check reports: a :class:`Finding`, its kinds, and how overlaps are resolved."""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["FINDING_KINDS", "NOTE_LEVEL_KINDS", "Finding", "resolve_overlaps"]

#: Every kind of finding, in the order findings at one place are listed.
FINDING_KINDS: tuple[str, ...] = (
    "placeholder",
    "name",
    "spelling",
    "grammar",
    "repeated_word",
    "capitalization",
    "tone",
    "style",
    "length",
    # About the notes a draft was made from, not its text: see followup.notes.completeness.
    "missing",
    "note_item",
)
#: Kinds about the note as a whole, not about a place in it (left out when checking a fragment).
NOTE_LEVEL_KINDS = frozenset({"length"})
# Kinds whose finding is the one word a reader could add to the dictionary.
_WORD_KINDS = frozenset({"spelling", "name"})


@dataclass(frozen=True)
class Finding:
    """One thing to fix in a text.

    Attributes
    ----------
    kind : str
        One of :data:`FINDING_KINDS`: ``placeholder`` (template text left
        unfilled), ``name`` (a slip in a name or term close to a known word),
        ``spelling``, ``grammar`` (a word that is a real word but the wrong
        one here: their/there, "a MBA", "would of"...), ``repeated_word``,
        ``capitalization``, ``tone`` (too familiar for a possible employer),
        ``style`` and ``length`` (of the whole note).
    text : str
        The offending fragment, exactly as it appears in the text.
    start : int
        Offset of the fragment in the text (``text[start:end] == fragment``).
    message : str
        A short sentence saying what to do.
    suggestion : str or None
        A replacement for the fragment, when there is a good one.
    """

    kind: str
    text: str
    start: int
    message: str
    suggestion: str | None

    @property
    def end(self) -> int:
        """Offset just after the fragment."""
        return self.start + len(self.text)

    @property
    def word(self) -> str | None:
        """The word to offer to "add to my dictionary", for a spelling or name finding.

        None for other kinds, whose fix is never to accept the text as it is.

        >>> Finding("spelling", "Okafor", 5, "Check the spelling.", None).word
        'Okafor'
        >>> print(Finding("grammar", "would of", 2, "Write 'would have'.", "would have").word)
        None
        """
        if self.kind in _WORD_KINDS and self.text and not any(c.isspace() for c in self.text):
            return self.text
        return None


# When two findings cover the same text, the first of these kinds is the one to show: a
# placeholder is not also misspelt, a familiar word is not also unknown to the dictionary.
_PRECEDENCE = ("placeholder", "name", "tone", "repeated_word", "spelling", "grammar", "style")
# Capitalization and length are independent of the rest: "The the" is a repeated word and
# nothing about its capital, so they only give way to a finding of their own kind.
_OWN_LAYER = frozenset({"capitalization", "length"})


def resolve_overlaps(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per problem, sorted by position.

    A finding is dropped when a finding of a kind that takes precedence (see
    ``_PRECEDENCE``) covers any of the same text, or one of its own kind that
    starts earlier, or at the same place but was listed first (so callers list
    the better source first). Empty findings (the length of a note too short)
    count as covering their own offset. O(n log n): one pass per kind.
    """
    order = {kind: index for index, kind in enumerate(FINDING_KINDS)}
    by_class: dict[str, list[tuple[int, int, Finding]]] = {}
    for index, finding in enumerate(findings):
        by_class.setdefault(finding.kind, []).append((finding.start, index, finding))
    kept: list[Finding] = []
    layers: dict[str, list[tuple[int, int]]] = {}
    for kind in (*_PRECEDENCE, *sorted(set(by_class) - set(_PRECEDENCE))):
        layer = kind if kind in _OWN_LAYER or kind not in _PRECEDENCE else "words"
        taken = layers.get(layer, [])
        accepted: list[tuple[int, int]] = []
        for start, _, finding in sorted(by_class.get(kind, ()), key=lambda item: item[:2]):
            end = max(finding.end, start + 1)
            if (accepted and accepted[-1][1] > start) or _overlaps(taken, start, end):
                continue
            accepted.append((start, end))
            kept.append(finding)
        layers[layer] = list(heapq.merge(taken, accepted))
    return sorted(kept, key=lambda f: (f.start, order.get(f.kind, len(order))))


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of ``spans`` (sorted by start, not overlapping)."""
    index = bisect.bisect_left(spans, (start, start))
    if index and spans[index - 1][1] > start:
        return True
    return index < len(spans) and spans[index][0] < end
