"""One real-word rule of the writing check: a pattern, the word to write, and when it holds.

:mod:`followup.notes.writing.confusions` lists the rules; this module says
what a rule is (:class:`Confusion`), builds one (:func:`rule`) and applies it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from followup.notes.writing.findings import Finding
from followup.notes.writing.tokens import Tokens, overlaps
from followup.notes.writing.vocabulary import word_set

__all__ = ["Confusion", "any_of", "rule"]


def any_of(words: str) -> str:
    """A regular expression for any of the space-separated words, as whole words."""
    return r"\b(?:" + "|".join(sorted(words.split(), key=len, reverse=True)) + r")\b"


@dataclass(frozen=True)
class Confusion:
    """A pattern whose group ``wrong`` is a real word used in place of ``right``.

    Attributes
    ----------
    pattern : re.Pattern
        Matches the wrong word with the neighbours that show it is wrong; the
        wrong word is the group whose name starts with ``wrong`` (a pattern of
        several alternatives names them ``wrong``, ``wrong2``...).
    right : str, mapping or callable
        The word to write: one word, a word per (lowercase) wrong word, or a
        function of the wrong word.
    message : str
        What to do; ``{wrong}`` and ``{right}`` are filled in.
    not_after : frozenset of str
        Lowercase words that make the match correct when they come just before it
        (before the whole match, not just the wrong word).
    sentence_start : bool
        Whether the match counts only at the start of a sentence.
    triggers : frozenset of str or None
        Lowercase words of which one must be in the text for the pattern to
        match: without them the text is not searched at all (None: always searched).
    """

    pattern: re.Pattern[str]
    right: str | Mapping[str, str] | Callable[[str], str]
    message: str
    not_after: frozenset[str] = frozenset()
    sentence_start: bool = False
    triggers: frozenset[str] | None = None

    def replacement(self, wrong: str) -> str:
        """What to write instead of ``wrong``, in its case."""
        if isinstance(self.right, str):
            right = self.right
        elif callable(self.right):
            right = self.right(wrong)
        else:
            right = self.right[wrong.lower().replace("’", "'")]
        return right[:1].upper() + right[1:] if wrong[:1].isupper() else right

    def findings(self, tokens: Tokens, sentence_starts: set[int]) -> Iterator[Finding]:
        """Where the rule holds in ``tokens`` (``sentence_starts``: offsets of sentence starts)."""
        text = tokens.text
        for match in self.pattern.finditer(text):
            start, end = next(
                match.span(name)
                for name, value in match.groupdict().items()
                if name.startswith("wrong") and value is not None
            )
            if overlaps(start, end, tokens.skipped):
                continue
            if self.sentence_start and start not in sentence_starts:
                continue
            if self.not_after and _previous_word(text, match.start()) in self.not_after:
                continue
            wrong = text[start:end]
            right = self.replacement(wrong)
            message = self.message.format(wrong=wrong, right=right)
            yield Finding("grammar", wrong, start, message, right or None)


def rule(
    triggers: str | None,
    pattern: str,
    right: str | Mapping[str, str] | Callable[[str], str],
    message: str,
    *,
    not_after: frozenset[str] = frozenset(),
    sentence_start: bool = False,
    ignore_case: bool = True,
) -> Confusion:
    """A :class:`Confusion` from its parts; ``triggers`` are space-separated words."""
    flags = re.IGNORECASE if ignore_case else 0
    return Confusion(
        re.compile(pattern, flags),
        right,
        message,
        not_after,
        sentence_start,
        None if triggers is None else word_set(triggers),
    )


_PREVIOUS_WORD = re.compile(r"\W*+(\w++)")


def _previous_word(text: str, start: int) -> str:
    """The word just before ``start``, lowercase ("" if none within 40 characters)."""
    window = text[max(0, start - 40) : start][::-1]
    match = _PREVIOUS_WORD.match(window)
    return "" if match is None else match.group(1)[::-1].lower()
