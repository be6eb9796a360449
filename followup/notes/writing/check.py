"""The writing check: the grammar engine and followup's own rules, on one text."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Literal

from followup.errors import Problem, ValidationError
from followup.notes.writing import engine
from followup.notes.writing.confusions import confusion_findings
from followup.notes.writing.engine_findings import engine_findings, misspelt_words
from followup.notes.writing.findings import Finding, resolve_overlaps
from followup.notes.writing.known_words import KnownWords, slips_beside_names
from followup.notes.writing.own_rules import (
    NOTE_LENGTHS,
    capitalization_findings,
    length_findings,
    placeholder_findings,
    repeated_word_findings,
    tone_findings,
)
from followup.notes.writing.patterns import COUNTED_WORD
from followup.notes.writing.tokens import Tokens
from followup.notes.writing.vocabulary import English

__all__ = ["ENGLISH_VARIETIES", "SCOPES", "check_writing", "count_words", "load_dictionary"]

#: The values of ``english``: American or British English.
ENGLISH_VARIETIES: tuple[str, ...] = ("US", "UK")
#: The values of ``scope``: a whole note, or a fragment (a note item, a phrase).
SCOPES: tuple[str, ...] = ("note", "fragment")

Scope = Literal["note", "fragment"]


def check_writing(
    text: str,
    *,
    known_words: Iterable[str] = (),
    kind: str | None = None,
    english: English = "US",
    scope: Scope = "note",
) -> list[Finding]:
    """Find what a careful reader would notice: spelling, grammar, names, tone, placeholders.

    The grammar engine (Harper, offline) finds misspellings and real words
    in the wrong place (their/there, "a MBA", "would of", "then" for "than");
    followup's own rules add the rest: unfilled placeholders, a name or term
    one slip from a known word, tone too familiar for a possible employer
    (acronyms are not shouting), repeated words, sentence capitals, real-word
    slips the engine misses ("for you time"), and the length of the note.

    Parameters
    ----------
    text : str
        The note, or the fragment, to check.
    known_words : iterable of str
        Names and terms to accept as correctly spelt, in any case: the people,
        the company, the role, the user's own dictionary. Entries may hold
        several words ("Jane O'Neil", "Acme Data Platform"). A word one slip
        from a known name is a ``name`` finding suggesting the known spelling.
    kind : {None, "thank_you", "check_in"}
        The kind of note; when given, the word count is checked against
        :data:`NOTE_LENGTHS`. Only for ``scope="note"``.
    english : {"US", "UK"}
        The variety of English: sets the engine's dialect and the dictionary,
        so "organised" and "colour" are right in UK English and misspellings
        in US English, and "color" the reverse.
    scope : {"note", "fragment"}
        ``"fragment"`` checks a piece of text that need not be a sentence (a
        debrief note item, "moving the batch jobs to streaming"): no sentence
        capitals, and nothing about the note as a whole (length).

    Returns
    -------
    list of Finding
        Sorted by position; at most one finding per problem; empty when there
        is nothing to fix. A ``spelling`` or ``name`` finding's
        :attr:`Finding.word` is the word to offer to add to the dictionary.

    Raises
    ------
    ValidationError
        If ``text`` is not text, ``known_words`` does not hold text, or
        ``kind``, ``english`` or ``scope`` is not one of the values above.

    Notes
    -----
    The first call loads the engine (most of a second); :func:`load_dictionary`
    pays that cost up front (see there). The time is linear in the length of
    the text.

    Examples
    --------
    >>> [(f.kind, f.text, f.suggestion) for f in check_writing("I was glad to recieve it.")]
    [('spelling', 'recieve', 'receive')]
    >>> [(f.kind, f.text, f.suggestion) for f in check_writing("Their going to call me.")]
    [('grammar', 'Their', "They're")]
    >>> [f.suggestion for f in check_writing("Dear Ms Rahmen,", known_words=["Aisha Rahman"])]
    ['Rahman']
    >>> check_writing("I organised the colour review.", english="UK")
    []
    >>> check_writing("moving the batch jobs to streaming", scope="fragment")
    []
    >>> check_writing("Thank you for the the tour.", kind="memo")
    Traceback (most recent call last):
    ...
    followup.errors.ValidationError: kind must be None, 'thank_you' or 'check_in'; got 'memo'
    """
    known = _validate(text, known_words, kind, english, scope)
    tokens = Tokens.read(text)
    lints = engine.lint(text, english)
    misspelt = misspelt_words(tokens, lints)
    note = scope == "note"

    def unknown_words(words: Collection[str]) -> set[str]:
        return engine.unknown_words(words, english)

    findings = [
        *placeholder_findings(tokens),
        *slips_beside_names(tokens, known, misspelt),
        *tone_findings(tokens, known, unknown_words),
        *repeated_word_findings(tokens),
        *capitalization_findings(tokens, sentence_starts=note),
        *engine_findings(tokens, lints, known, english, unknown_words),
        *confusion_findings(tokens, english),
    ]
    if kind is not None:
        findings += length_findings(text, kind)
    return resolve_overlaps(findings)


def count_words(text: str) -> int:
    """Count words the way the length check does: runs of letters, apostrophes and hyphens.

    >>> count_words("Thank you for the well-organised day, it's appreciated. 10/10")
    8
    """
    return sum(1 for _ in COUNTED_WORD.finditer(text))


def load_dictionary(*, english: English = "US") -> None:
    """Load the grammar engine and its dictionary now, so later checks start at full speed.

    The first :func:`check_writing` call loads the engine (most of a second)
    and then, in the background, the part that suggests spellings for long
    unknown words (a second or two more); a check arriving meanwhile may wait
    for it. Calling this first pays both, up front, at a moment of the
    caller's choosing. Each variety of English loads once.

    >>> load_dictionary(english="UK")
    """
    if english not in ENGLISH_VARIETIES:
        raise ValidationError([Problem("english", "must be 'US' or 'UK'", english)])
    engine.load(english)


def _validate(
    text: object, known_words: object, kind: object, english: object, scope: object
) -> KnownWords:
    problems: list[Problem] = []
    if not isinstance(text, str):
        problems.append(Problem("text", "must be text", text))
    if kind is not None and kind not in NOTE_LENGTHS:
        problems.append(Problem("kind", "must be None, 'thank_you' or 'check_in'", kind))
    if english not in ENGLISH_VARIETIES:
        problems.append(Problem("english", "must be 'US' or 'UK'", english))
    if scope not in SCOPES:
        problems.append(Problem("scope", "must be 'note' or 'fragment'", scope))
    elif scope == "fragment" and kind is not None:
        problems.append(Problem("kind", "must be None when scope is 'fragment'", kind))
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
    return KnownWords.from_entries(entries)
