"""The writing check: what a careful reader would notice in a follow-up note.

:func:`check_writing` looks for six kinds of problem and returns one
:class:`Finding` per problem, in the order they appear in the text:

``spelling``
    a word missing from the offline English dictionary (pyspellchecker) and
    from the caller's known words, with the dictionary's one-edit correction
    as the suggestion when there is one;
``repeated_word``
    the same word twice in a row ("from from"), also across a line break;
``capitalization``
    a sentence starting in lowercase, or a lone lowercase "i";
``tone``
    too familiar for a note to a possible employer: "hey", "gonna",
    "awesome", "lol", "super excited", emoji and emoticons, "!!", and words
    of four or more letters in capitals (shouting) that are not acronyms;
``placeholder``
    template text left unfilled: ``{{ name }}``, ``{% ... %}``, ``[NAME]``,
    ``<NAME>``, ``TODO``, ``TBD``, ``XXX``;
``length``
    only when the kind of note is given: a thank-you reads best with 120 to
    250 words, a check-in with at most 120.

Decisions worth knowing:

- Capitalised words are spell-checked too. The names that matter most in a
  note (the interviewer's, the company's) come from the workspace as known
  words, so a misspelt name is caught instead of being waved through as a
  "proper noun". Words the dictionary cannot judge are skipped: acronyms in
  capitals ("SQL"), mixed-case brands ("GitHub"), words next to digits
  ("Q3"), addresses, links and dotted names ("Node.js"), and words outside
  the dictionary's Latin alphabet.
- British spellings ("organise", "colour", "centre", "travelled") are
  accepted when the American form is in the dictionary; everyday workplace
  words the general dictionary lacks ("roadmap", "onboarding") are added.
- Suggestions come from one edit (insert, delete, replace or swap a letter):
  it finds the usual slip instantly, while a two-edit search costs up to a
  second per unknown name. Without a close word the finding says to check the
  spelling or add the word to the known words.

The dictionary loads on first use (about a third of a second) and stays
cached; :func:`load_dictionary` pays that cost up front. The patterns, word
lists and dictionary live in :mod:`followup.notes.writing_rules`; this module
applies them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from followup.errors import Problem, ValidationError
from followup.notes.writing_rules import (
    ABBREVIATION_BEFORE,
    ACRONYMS,
    COUNTED_WORD,
    FAMILIAR_WORDS,
    GRAMMATICAL_DOUBLES,
    LONE_I,
    PLACEHOLDERS,
    SENTENCE_START,
    TONE_PATTERNS,
    UNCHECKED,
    WORD,
    accepted_forms,
    correction,
    load_dictionary,
    spell_checker,
)

__all__ = [
    "FINDING_KINDS",
    "NOTE_LENGTHS",
    "Finding",
    "check_writing",
    "count_words",
    "load_dictionary",
]

FINDING_KINDS: tuple[str, ...] = (
    "spelling",
    "repeated_word",
    "capitalization",
    "tone",
    "placeholder",
    "length",
    "missing", "note_item", "name",  # about the notes: see followup.notes.completeness
)
#: Word count band (lowest, highest) for each kind of note.
NOTE_LENGTHS: dict[str, tuple[int, int]] = {"thank_you": (120, 250), "check_in": (0, 120)}
_NOTE_NAMES = {"thank_you": "A thank-you note", "check_in": "A check-in"}


@dataclass(frozen=True)
class Finding:
    """One thing to fix in a text.

    Attributes
    ----------
    kind : str
        One of :data:`FINDING_KINDS`.
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


# ---------------------------------------------------------------------------
# the check


def check_writing(
    text: str, *, known_words: Iterable[str] = (), kind: str | None = None
) -> list[Finding]:
    """Find spelling, repetition, capitalization, tone, placeholder and length problems.

    Parameters
    ----------
    text : str
        The note to check.
    known_words : iterable of str
        Names and terms to accept as correctly spelt, in any case; entries may
        hold several words ("Jane O'Neil", "Acme Data Platform").
    kind : {None, "thank_you", "check_in"}
        The kind of note; when given, the word count is checked against
        :data:`NOTE_LENGTHS`.

    Returns
    -------
    list of Finding
        Sorted by position in the text; empty when there is nothing to fix.

    Raises
    ------
    ValidationError
        If ``text`` is not text, ``known_words`` does not hold text, or
        ``kind`` is not one of the kinds above.

    Examples
    --------
    >>> [(f.kind, f.text, f.suggestion) for f in check_writing("I was glad to recieve it.")]
    [('spelling', 'recieve', 'receive')]
    >>> finding = check_writing("I look forward to hearing from from you.")[0]
    >>> finding.kind, finding.text
    ('repeated_word', 'from from')
    >>> check_writing("Thank you for the the tour.", kind="memo")
    Traceback (most recent call last):
    ...
    followup.errors.ValidationError: kind must be None, 'thank_you' or 'check_in'; got 'memo'
    """
    known = _validate(text, known_words, kind)
    placeholders = [(m.start(), m.end()) for m in PLACEHOLDERS.finditer(text)]
    skipped = placeholders + [(m.start(), m.end()) for m in UNCHECKED.finditer(text)]
    words = [m for m in WORD.finditer(text) if not _inside(m.start(), skipped)]

    findings = [
        *_placeholder_findings(text, placeholders),
        *_spelling_findings(text, words, known),
        *_repeated_word_findings(text, words),
        *_capitalization_findings(text, words, skipped),
        *_tone_findings(text, words, known, skipped),
    ]
    if kind is not None:
        findings += _length_findings(text, kind)
    return _deduplicated(findings)


def count_words(text: str) -> int:
    """Count words the way the length check does: runs of letters, apostrophes and hyphens.

    >>> count_words("Thank you for the well-organised day, it's appreciated. 10/10")
    8
    """
    return sum(1 for _ in COUNTED_WORD.finditer(text))


def _validate(text: object, known_words: object, kind: object) -> frozenset[str]:
    problems: list[Problem] = []
    if not isinstance(text, str):
        problems.append(Problem("text", "must be text", text))
    if kind is not None and kind not in NOTE_LENGTHS:
        problems.append(Problem("kind", "must be None, 'thank_you' or 'check_in'", kind))
    entries: list[str] = []
    if isinstance(known_words, str):
        entries = [known_words]
    elif isinstance(known_words, Iterable):
        items: list[object] = list(known_words)
        for index, entry in enumerate(items):
            if isinstance(entry, str):
                entries.append(entry)
            else:
                problems.append(Problem(f"known_words[{index}]", "must be text", entry))
    else:
        problems.append(Problem("known_words", "must be a list of words", known_words))
    if problems:
        raise ValidationError(problems)
    # Split names the way the text is split, so "Jane O'Neil" accepts "Jane" and "O'Neil".
    return frozenset(
        _normalized(match.group()) for entry in entries for match in WORD.finditer(entry)
    )


def _normalized(word: str) -> str:
    return word.lower().replace("’", "'")


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _deduplicated(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per kind and place (a lone "i" that also starts a sentence is one problem)."""
    seen: dict[tuple[str, int], Finding] = {}
    for finding in findings:
        seen.setdefault((finding.kind, finding.start), finding)
    order = {kind: index for index, kind in enumerate(FINDING_KINDS)}
    return sorted(seen.values(), key=lambda f: (f.start, order[f.kind]))


def _placeholder_findings(text: str, spans: list[tuple[int, int]]) -> Iterator[Finding]:
    for start, end in spans:
        fragment = text[start:end]
        message = f"Replace the placeholder {fragment!r} with the real text."
        yield Finding("placeholder", fragment, start, message, None)


def _checkable(text: str, match: re.Match[str], letters: frozenset[str]) -> bool:
    """Whether the dictionary can judge this word (see the module notes)."""
    word = match.group()
    before = text[match.start() - 1] if match.start() else ""
    after = text[match.end()] if match.end() < len(text) else ""
    if before.isdigit() or before == "_" or after.isdigit() or after == "_":
        return False
    if len(word) < 2 or word.isupper() or any(char.isupper() for char in word[1:]):
        return False
    return all(char in letters for char in _normalized(word))


def _spelling_findings(
    text: str, words: list[re.Match[str]], known: frozenset[str]
) -> Iterator[Finding]:
    candidates = [
        match
        for match in words
        if _normalized(match.group()) not in known
        and _normalized(match.group()) not in FAMILIAR_WORDS
    ]
    if not candidates:
        return
    checker = spell_checker()
    letters = frozenset(checker.word_frequency.letters)
    candidates = [match for match in candidates if _checkable(text, match, letters)]
    unknown = checker.unknown({_normalized(match.group()) for match in candidates})
    dictionary = checker.word_frequency.dictionary
    misspelt = {
        word
        for word in unknown
        if not any(form in known or form in dictionary for form in accepted_forms(word))
    }
    for match in candidates:
        word = match.group()
        if _normalized(word) not in misspelt:
            continue
        suggestion = correction(_normalized(word))
        if suggestion is not None and word[:1].isupper():
            suggestion = suggestion[:1].upper() + suggestion[1:]
        if suggestion is None:
            message = (
                f"Check the spelling of {word!r}; if it is a name or a term, "
                "add it to the known words."
            )
        else:
            message = f"Check the spelling of {word!r}: did you mean {suggestion!r}?"
        yield Finding("spelling", word, match.start(), message, suggestion)



def _acronym_beside_word(first: str, second: str) -> bool:
    """"at AT&T" or "IT it" is a word beside an acronym, not a word typed twice."""
    if first == second:
        return False
    return any(len(word) > 1 and word.isupper() for word in (first, second))


def _repeated_word_findings(text: str, words: list[re.Match[str]]) -> Iterator[Finding]:
    for first, second in itertools.pairwise(words):
        word = first.group().lower()
        between = text[first.end() : second.start()]
        if (
            second.group().lower() == word
            and between.strip() == ""
            and word not in GRAMMATICAL_DOUBLES
            and not _acronym_beside_word(first.group(), second.group())
        ):
            fragment = text[first.start() : second.end()]
            message = f"Remove the repeated word {first.group()!r}."
            yield Finding("repeated_word", fragment, first.start(), message, first.group())


def _capitalization_findings(
    text: str, words: list[re.Match[str]], skipped: list[tuple[int, int]]
) -> Iterator[Finding]:
    starts = {match.start(): match for match in words}
    for boundary in SENTENCE_START.finditer(text):
        match = starts.get(boundary.end())
        if match is None:
            continue
        word = match.group()
        # "iPhone" is written that way on purpose.
        if not word[0].islower() or any(char.isupper() for char in word[1:]):
            continue
        if ABBREVIATION_BEFORE.search(text, 0, boundary.start()):
            continue
        capitalized = word[0].upper() + word[1:]
        message = f"Start the sentence with a capital letter: {capitalized!r}."
        yield Finding("capitalization", word, match.start(), message, capitalized)
    for match in LONE_I.finditer(text):
        if _inside(match.start(), skipped):
            continue
        fragment = match.group()
        message = 'Write the word "I" as a capital letter.'
        yield Finding("capitalization", fragment, match.start(), message, "I" + fragment[1:])


def _tone_findings(
    text: str,
    words: list[re.Match[str]],
    known: frozenset[str],
    skipped: list[tuple[int, int]],
) -> Iterator[Finding]:
    for match in words:
        word = match.group()
        normalized = _normalized(word)
        if normalized in known:  # "Hey Labs" may be the company's name
            continue
        if normalized in FAMILIAR_WORDS and word != "U":
            replacement = FAMILIAR_WORDS[normalized]
            advice = f"use {replacement!r}" if replacement else "leave it out"
            message = f"{word!r} is too familiar for this note; {advice}."
            yield Finding("tone", word, match.start(), message, replacement)
        elif len(word) >= 4 and word.isupper() and word not in ACRONYMS:
            message = (
                f"{word!r} in capitals reads as shouting; write it in lowercase "
                "(or add it to the known words if it is an acronym)."
            )
            yield Finding("tone", word, match.start(), message, word.lower())
    for match in TONE_PATTERNS.finditer(text):
        if _inside(match.start(), skipped):
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


def _words(count: int) -> str:
    return "1 word" if count == 1 else f"{count} words"


def _length_findings(text: str, kind: str) -> list[Finding]:
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
