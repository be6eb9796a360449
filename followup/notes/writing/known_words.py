"""The caller's known words (names, company, role, the user's dictionary) and slips near them.

A name is the word a reader checks first: "Aisha Rahmen" in a note to Aisha
Rahman is noticed at once. :class:`KnownWords` accepts the known words in any
case and finds, for a word that is not one of them, the known word it is
probably a slip for: at most one letter added, dropped, changed or two
swapped (two for words of seven letters or more).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from followup.notes.writing.findings import Finding
from followup.notes.writing.patterns import WORD
from followup.notes.writing.tokens import Tokens, normalized
from followup.notes.writing.vocabulary import CONTRACTION_ENDINGS, word_set

__all__ = ["KnownWords", "edit_distance", "slip_distance", "slips_beside_names"]


def edit_distance(first: str, second: str, limit: int) -> int:
    """Letters added, dropped, changed or swapped with a neighbour to turn one word into the other.

    Stops counting past ``limit`` (returns ``limit + 1``), so a long word far
    from every known word costs little.

    >>> edit_distance("rahmen", "rahman", 2), edit_distance("recieve", "receive", 2)
    (1, 1)
    >>> edit_distance("okafor", "orator", 1)
    2
    """
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    previous_previous: list[int] = []
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, 1):
        current = [i] + [0] * len(second)
        for j, b in enumerate(second, 1):
            cost = 0 if a == b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                current[j] = min(current[j], previous_previous[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous_previous, previous = previous, current
    return min(previous[-1], limit + 1)


def slip_distance(word: str) -> int:
    """How many edits still make a slip for a word of this length (1, or 2 from seven letters)."""
    return 2 if len(word) >= 7 else 1


_POSSESSIVE = re.compile(r"['’]s\Z", re.IGNORECASE)


@dataclass
class KnownWords:
    """Known words, compared in lowercase, remembering how each was written.

    >>> known = KnownWords.from_entries(["Aisha Rahman", "Northwind Logistics"])
    >>> "rahman" in known, known.written("northwind")
    (True, 'Northwind')
    >>> known.closest("Rahmen")
    'Rahman'
    """

    spelled: dict[str, str] = field(default_factory=dict)
    _closest: dict[str, str | None] = field(default_factory=dict, repr=False)

    @classmethod
    def from_entries(cls, entries: Iterable[str]) -> KnownWords:
        """Split each entry the way text is split, so "Jane O'Neil" knows "Jane" and "O'Neil"."""
        spelled: dict[str, str] = {}
        for entry in entries:
            for match in WORD.finditer(entry):
                spelled.setdefault(normalized(match.group()), match.group())
        return cls(spelled)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.base(word) in self.spelled

    def __len__(self) -> int:
        return len(self.spelled)

    def base(self, word: str) -> str:
        """``word`` in lowercase, without an ending ("'s", "'re"...) it is not known with."""
        lowered = normalized(word)
        if lowered in self.spelled:
            return lowered
        for ending in CONTRACTION_ENDINGS:
            if lowered.endswith(ending) and lowered[: -len(ending)] in self.spelled:
                return lowered[: -len(ending)]
        return lowered

    def written(self, word: str) -> str | None:
        """How the known word ``word`` was written by the caller, or None if it is not known."""
        return self.spelled.get(self.base(word))

    def is_name(self, word: str) -> bool:
        """Whether the known word was given with a capital ("Rahman", not "lakehouse")."""
        written = self.written(word)
        return written is not None and written[:1].isupper()

    def closest(self, word: str) -> str | None:
        """The known word ``word`` is probably a slip for, as written, or None.

        A possessive is kept: "Rahmen's" gives "Rahman's". Words of fewer than
        three letters are never slips.
        """
        possessive = _POSSESSIVE.search(word)
        stem = word[: possessive.start()] if possessive else word
        lowered = normalized(stem)
        if len(lowered) < 3 or lowered in self.spelled:
            return None
        if lowered not in self._closest:
            limit = slip_distance(lowered)
            index = _deletion_index(self.spelled)
            best: tuple[int, int, str] | None = None
            for candidate in index.candidates(lowered, limit):
                if abs(len(candidate) - len(lowered)) > limit:
                    continue
                distance = edit_distance(lowered, candidate, limit)
                rank = (distance, index.order[candidate], self.spelled[candidate])
                if distance <= limit and (best is None or rank < best):
                    best = rank
            self._closest[lowered] = None if best is None else best[2]
        found = self._closest[lowered]
        if found is None:
            return None
        return found + (possessive.group() if possessive else "")


def _deletions(word: str, depth: int) -> set[str]:
    """``word`` and every string made from it by deleting up to ``depth`` letters.

    >>> sorted(_deletions("abc", 1))
    ['ab', 'abc', 'ac', 'bc']
    """
    found, frontier = {word}, {word}
    for _ in range(depth):
        frontier = {part[:i] + part[i + 1 :] for part in frontier for i in range(len(part))}
        found |= frontier
    return found


@dataclass(frozen=True)
class _DeletionIndex:
    """Known words by the strings their deletions make, so a slip is found without a full scan.

    Two words are at most ``d`` edits apart only if deleting at most ``d``
    letters from each makes the same string, so the candidates for a word
    are the known words that share one of its deletions (then measured
    exactly). A known word of five letters or more is indexed with up to
    two deletions, a shorter one with one: a word the index could miss is
    never close enough (see :func:`slip_distance`).
    """

    order: dict[str, int]
    by_deletion: dict[str, list[str]]

    @classmethod
    def of(cls, words: Iterable[str]) -> _DeletionIndex:
        order: dict[str, int] = {}
        by_deletion: dict[str, list[str]] = {}
        for position, word in enumerate(words):
            order[word] = position
            if len(word) >= 3:
                for variant in _deletions(word, 2 if len(word) >= 5 else 1):
                    by_deletion.setdefault(variant, []).append(word)
        return cls(order, by_deletion)

    def candidates(self, word: str, limit: int) -> set[str]:
        return {
            candidate
            for variant in _deletions(word, limit)
            for candidate in self.by_deletion.get(variant, ())
        }


# The last few indexes, since the same known words come with every check.
_indexes: dict[frozenset[str], _DeletionIndex] = {}
_INDEXES_KEPT = 4


def _deletion_index(spelled: dict[str, str]) -> _DeletionIndex:
    key = frozenset(spelled)
    index = _indexes.get(key)
    if index is None:
        index = _DeletionIndex.of(spelled)
        if len(_indexes) >= _INDEXES_KEPT:
            _indexes.pop(next(iter(_indexes)))
        _indexes[key] = index
    return index


# Words after which a capitalised word is a name: "Dear Mark", "Dr. Nguyen".
_NAME_TITLES = word_set(
    "dear hi hello mr mrs ms mx miss dr prof professor sir madam dame lord lady"
)
_NAME_GAP = re.compile(r"\.?[ \t]++|-")
_SAME_SENTENCE_GAP = re.compile(r"[ \t]++|-")


def slips_beside_names(
    tokens: Tokens, known: KnownWords, misspelt: Collection[int]
) -> Iterator[Finding]:
    """A real word one slip from a known name, where it stands as a name.

    "Dear Mark" to Marc, or "Jonathon Pierce" to Jonathan Pierce: the word is
    in the dictionary (so not misspelt) but reads as the name misspelt. It
    counts only after a title or greeting, or next to another word of a known
    name, so "Data" in a text to Dana is left alone. Misspelt words (the
    starts in ``misspelt``) are left to the spelling check.
    """
    text, words = tokens.text, tokens.words
    for index, match in enumerate(words):
        word = match.group()
        if (
            len(word) < 3
            or not word[0].isupper()
            or word.isupper()
            or match.start() in misspelt
            or word in known
        ):
            continue
        if not _stands_as_name(text, words, index, known):
            continue
        slip = known.closest(word)
        if slip is not None and slip[:1].isupper():
            message = f"Check the name {word!r}: did you mean {slip!r}?"
            yield Finding("name", word, match.start(), message, slip)


def _stands_as_name(
    text: str, words: Sequence[re.Match[str]], index: int, known: KnownWords
) -> bool:
    if index > 0:
        before = words[index - 1]
        gap = text[before.end() : words[index].start()]
        if _NAME_GAP.fullmatch(gap) and before.group().lower() in _NAME_TITLES:
            return True
        if (
            _SAME_SENTENCE_GAP.fullmatch(gap)
            and before.group()[:1].isupper()
            and known.is_name(before.group())
        ):
            return True
    if index + 1 < len(words):
        after = words[index + 1]
        gap = text[words[index].end() : after.start()]
        if _SAME_SENTENCE_GAP.fullmatch(gap) and after.group()[:1].isupper():
            return known.is_name(after.group())
    return False
