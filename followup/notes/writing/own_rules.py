"""followup's own rules: placeholders, repeated words, capitals, tone and the length of a note.

These are what a grammar engine does not know about a note to a possible
employer (unfilled template text, a tone too familiar, the length a thank-you
should have) or what followup does more precisely (an acronym is not a
shouted word, "e.g. the" does not start a sentence). Each takes the
:class:`~followup.notes.writing.tokens.Tokens` of the text and is linear in it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection, Container, Iterator

from followup.notes.writing.findings import Finding
from followup.notes.writing.patterns import COUNTED_WORD, LONE_I, TONE_PATTERNS
from followup.notes.writing.tokens import Tokens, inside, normalized
from followup.notes.writing.vocabulary import ACRONYMS, FAMILIAR_WORDS, GRAMMATICAL_DOUBLES

__all__ = [
    "NOTE_LENGTHS",
    "capitalization_findings",
    "length_findings",
    "placeholder_findings",
    "repeated_word_findings",
    "tone_findings",
]

#: Word count band (lowest, highest) for each kind of note.
NOTE_LENGTHS: dict[str, tuple[int, int]] = {"thank_you": (120, 250), "check_in": (0, 120)}
_NOTE_NAMES = {"thank_you": "A thank-you note", "check_in": "A check-in"}


def placeholder_findings(tokens: Tokens) -> Iterator[Finding]:
    """Template text left unfilled: ``{{ name }}``, ``[NAME]``, ``TODO``..."""
    for start, end in tokens.placeholders:
        fragment = tokens.text[start:end]
        message = f"Replace the placeholder {fragment!r} with the real text."
        yield Finding("placeholder", fragment, start, message, None)


def _acronym_beside_word(first: str, second: str) -> bool:
    """ "IT it" is a word beside an acronym, not a word typed twice."""
    if first == second:
        return False
    return any(len(word) > 1 and word.isupper() for word in (first, second))


def repeated_word_findings(tokens: Tokens) -> Iterator[Finding]:
    """The same word twice in a row ("from from"), also across a line break."""
    text = tokens.text
    for first, second in itertools.pairwise(tokens.words):
        word = first.group().lower()
        if (
            second.group().lower() == word
            and text[first.end() : second.start()].isspace()
            and word not in GRAMMATICAL_DOUBLES
            and not _acronym_beside_word(first.group(), second.group())
        ):
            fragment = text[first.start() : second.end()]
            message = f"Remove the repeated word {first.group()!r}."
            yield Finding("repeated_word", fragment, first.start(), message, first.group())


def capitalization_findings(tokens: Tokens, *, sentence_starts: bool = True) -> Iterator[Finding]:
    """A sentence starting in lowercase (unless ``sentence_starts`` is off), a lone "i"."""
    if sentence_starts:
        for index in sorted(tokens.sentence_starts):
            match = tokens.words[index]
            word = match.group()
            # "iPhone" is written that way on purpose.
            if not word[0].islower() or any(char.isupper() for char in word[1:]):
                continue
            capitalized = word[0].upper() + word[1:]
            message = f"Start the sentence with a capital letter: {capitalized!r}."
            yield Finding("capitalization", word, match.start(), message, capitalized)
    for match in LONE_I.finditer(tokens.text):
        if inside(match.start(), tokens.skipped):
            continue
        fragment = match.group()
        message = 'Write the word "I" as a capital letter.'
        yield Finding("capitalization", fragment, match.start(), message, "I" + fragment[1:])


def tone_findings(
    tokens: Tokens,
    known: Container[str],
    unknown_words: Callable[[Collection[str]], Collection[str]],
) -> Iterator[Finding]:
    """Familiar words, emoji, "!!", "super excited", and English words shouted in capitals.

    ``unknown_words`` tells which of some lowercase words the dictionary does
    not know: a word in capitals that is not an English word is an acronym
    ("CCRN", "HIPAA"), while "AMAZING" is shouting.
    """
    text = tokens.text
    capitals: list[tuple[str, int]] = []
    for match in tokens.words:
        word = match.group()
        lowered = normalized(word)
        if lowered in FAMILIAR_WORDS and word != "U":
            if lowered in known:  # "Hey Labs" may be the company's name
                continue
            replacement = FAMILIAR_WORDS[lowered]
            advice = f"use {replacement!r}" if replacement else "leave it out"
            message = f"{word!r} is too familiar for this note; {advice}."
            yield Finding("tone", word, match.start(), message, replacement)
        elif (
            len(word) >= 4
            and word.isupper()
            and word not in ACRONYMS
            and lowered not in known
            and not _in_code(text, match.start(), match.end())
        ):
            capitals.append((word, match.start()))
    if capitals:
        not_words = set(unknown_words({word.lower() for word, _ in capitals}))
        for word, start in capitals:
            if word.lower() in not_words:
                continue
            message = (
                f"{word!r} in capitals reads as shouting; write it in lowercase "
                "(or add it to your dictionary if it is an acronym)."
            )
            yield Finding("tone", word, start, message, word.lower())
    for match in TONE_PATTERNS.finditer(text):
        if inside(match.start(), tokens.skipped):
            continue
        fragment = match.group()
        if match.group("emoji") or match.group("emoticon"):
            message = "Leave out emoji and emoticons in a note to a possible employer."
            suggestion = None
        elif match.group("marks"):
            suggestion = "?" if "?" in fragment else "!"
            message = f"Use one punctuation mark instead of {fragment!r}."
        else:
            suggestion = f"very {match.group('adjective')}"
            message = f"{fragment!r} is too familiar for this note; use {suggestion!r}."
        yield Finding("tone", fragment, match.start(), message, suggestion)


def _in_code(text: str, start: int, end: int) -> bool:
    """Whether a word is part of a name in code ("NO_COLOR=1", "Q3"), not prose."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return any(char.isdigit() or char in "_=" for char in before + after)


def _words(count: int) -> str:
    return "1 word" if count == 1 else f"{count} words"


def length_findings(text: str, kind: str) -> list[Finding]:
    """Too long: the words past the limit are the fragment. Too short: an empty one at the end."""
    low, high = NOTE_LENGTHS[kind]
    counted = list(COUNTED_WORD.finditer(text))
    note, total = _NOTE_NAMES[kind], len(counted)
    if total > high:
        start = counted[high].start()
        message = f"{note} should have at most {high} words; this one has {total}. "
        message += f"Cut about {_words(total - high)}."
        return [Finding("length", text[start:], start, message, None)]
    if total < low:
        message = f"{note} should have at least {low} words; this one has {total}. "
        message += f"Add about {_words(low - total)}."
        return [Finding("length", "", len(text), message, None)]
    return []
