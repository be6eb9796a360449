"""From what Harper reports to followup's findings, with the caller's known words applied.

- A misspelling that is a known word is not one; written in lowercase when the
  known word is a name ("rahman"), it is a capitalization finding.
- A misspelling one slip from a known word is a ``name`` finding (or a
  ``spelling`` one for a known term written in lowercase) suggesting the
  known word: "Rahmen" -> "Rahman".
- Words no dictionary can judge are not misspellings: acronyms ("CCRN",
  "KPIs"), mixed-case brands ("GitHub", "SENCo"), words next to digits
  ("Q3"); nor is anything inside a placeholder, an address or a link.
- A suggestion far from the word (more than one edit in four letters) is
  dropped: the message then says to add the word to the dictionary.
- A British spelling in American English (and the reverse) says so.
- "an" before a silent "h" ("an honour") is right, whatever the engine says.
- Harper's messages are made plain text (quotes for its backticks) and end
  with a period.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator, Sequence

from followup.notes.writing.engine import EngineLint
from followup.notes.writing.findings import Finding
from followup.notes.writing.known_words import KnownWords, edit_distance
from followup.notes.writing.tokens import Tokens, overlaps
from followup.notes.writing.vocabulary import English, american_forms, is_other_variety

__all__ = ["best_suggestion", "engine_findings", "misspelt_words"]

_KINDS = {
    "Spelling": "spelling",
    "Typo": "spelling",
    "BoundaryError": "spelling",
    "Capitalization": "capitalization",
    "Repetition": "repeated_word",
    "Style": "style",
    "Readability": "style",
    "Enhancement": "style",
    "Formatting": "style",
    "Redundancy": "style",
}
_SPELLING_CATEGORIES = frozenset({"Spelling", "Typo"})
_VARIETY_NAMES = {"US": ("American", "British"), "UK": ("British", "American")}
_BACKTICKS = re.compile(r"`([^`]*)`")
_SINGLE_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# Words whose "h" is silent, so "an" before them is right ("an honour", "an hour").
_SILENT_H = re.compile(r"\s++(?:hono|hour|heir|honest)", re.IGNORECASE)


_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)


def misspelt_words(tokens: Tokens, lints: list[EngineLint]) -> set[int]:
    """Starts of the words Harper reported as misspelt (whatever the known words say)."""
    return {
        found.start
        for found in lints
        if found.category in _SPELLING_CATEGORIES
        and _SINGLE_WORD.fullmatch(tokens.text, found.start, found.end)
    }


def _judgeable(text: str, start: int, end: int) -> bool:
    """Whether a dictionary can judge the word text[start:end] (see the module notes)."""
    word = text[start:end]
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if before.isdigit() or before == "_" or after.isdigit() or after == "_":
        return False
    # Capitals after the first letter: an acronym ("CCRN", "KPIs") or a brand ("GitHub").
    return not any(char.isupper() for char in word[1:])


def _plain(message: str) -> str:
    message = _BACKTICKS.sub(r"'\1'", message).strip()
    return message if message.endswith((".", "?", "!")) else message + "."


def _cased_like(word: str, suggestion: str) -> str:
    if word.isupper() and len(word) > 1:
        return suggestion.upper()
    if word[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def engine_findings(
    tokens: Tokens,
    lints: list[EngineLint],
    known: KnownWords,
    english: English,
    unknown_words: Callable[[Collection[str]], Collection[str]],
) -> Iterator[Finding]:
    """Harper's lints as findings, in the text's order; see the module notes.

    ``unknown_words`` tells which of some lowercase words the dictionary does not know.
    """
    text = tokens.text
    misspelt = misspelt_words(tokens, lints)
    for found in lints:
        if found.end <= found.start or overlaps(found.start, found.end, tokens.skipped):
            continue
        if found.category == "Capitalization" and found.start in misspelt:
            continue  # an unknown word is one problem, whatever its capitals
        fragment = text[found.start : found.end]
        single_word = _SINGLE_WORD.fullmatch(fragment) is not None
        if found.category in _SPELLING_CATEGORIES and single_word:
            if _judgeable(text, found.start, found.end):
                yield from _spelling(found, fragment, known, english, unknown_words)
            continue
        if single_word and fragment in known:
            continue  # "Sam" is a name, whatever the dictionary says about "SAM"
        if fragment.lower() == "an" and _SILENT_H.match(text, found.end):
            continue  # the engine takes the British "honour" for a sounded "h"
        if fragment.lower() == "every one" and _OF_AFTER.match(text, found.end):
            continue  # "every one of them" is right; only a lone "every one" means "everyone"
        kind = _KINDS.get(found.category, "grammar")
        suggestion = found.suggestions[0] if found.suggestions else None
        if suggestion == fragment:
            suggestion = None
        yield Finding(kind, fragment, found.start, _plain(found.message), suggestion)


def _spelling(
    found: EngineLint,
    word: str,
    known: KnownWords,
    english: English,
    unknown_words: Callable[[Collection[str]], Collection[str]],
) -> Iterator[Finding]:
    written = known.written(word)
    if written is not None:
        if known.is_name(word) and word.islower():
            capitalized = written + word[len(known.base(word)) :]
            message = f"Write the name with a capital: {capitalized!r}."
            yield Finding("capitalization", word, found.start, message, capitalized)
        return
    slip = known.closest(word)
    if slip is not None:
        kind = "name" if slip[:1].isupper() else "spelling"
        noun = "name" if kind == "name" else "word"
        message = f"Check the {noun} {word!r}: did you mean {slip!r}?"
        yield Finding(kind, word, found.start, message, slip)
        return
    ours, theirs = _VARIETY_NAMES[english]
    candidates = list(found.suggestions)
    if english == "US":
        # The engine may not offer the American form ("programme" -> "programmed"): ask.
        forms = [form for form in american_forms(word.lower()) if form not in candidates]
        unknown = unknown_words(forms) if forms else set()
        candidates += [form for form in forms if form not in unknown]
    for candidate in candidates:
        if is_other_variety(word, candidate):
            variant = _cased_like(word, candidate)
            message = f"{word!r} is the {theirs} spelling; in {ours} English write {variant!r}."
            yield Finding("spelling", word, found.start, message, variant)
            return
    best = best_suggestion(word, found.suggestions)
    suggestion = None if best is None else _cased_like(word, best)
    if suggestion is None:
        message = (
            f"Check the spelling of {word!r}; if it is a name or a term, add it to your dictionary."
        )
    else:
        message = f"Check the spelling of {word!r}: did you mean {suggestion!r}?"
    yield Finding("spelling", word, found.start, message, suggestion)


def best_suggestion(word: str, suggestions: Sequence[str]) -> str | None:
    """The engine's suggestion most likely to be what was meant, or None if none is close.

    Close: at most one edit in four letters. Among the closest, the slips
    people make most come first: a letter typed twice or once too few
    ("moove", "comittee"), two letters swapped, a letter left out ("wich"),
    an extra letter; a different letter comes last. A word split in two is
    offered only when both parts have four letters or more ("look forward",
    not "a dress" for "adress").

    >>> best_suggestion("moove", ["moose", "move"]), best_suggestion("wich", ["wish", "which"])
    ('move', 'which')
    >>> print(best_suggestion("adress", ["a dress"]), best_suggestion("untill", ["distill"]))
    None None
    """
    lowered = word.lower()
    limit = max(1, len(word) // 4)
    ranked: list[tuple[int, int, int, str]] = []
    for order, suggestion in enumerate(suggestions):
        candidate = suggestion.lower()
        if " " in candidate and min(len(part) for part in candidate.split()) < 4:
            continue
        distance = edit_distance(lowered, candidate.replace(" ", ""), limit)
        if " " in candidate:
            distance = max(distance, 1)
        if distance <= limit:
            ranked.append((distance, _slip_rank(lowered, candidate), order, suggestion))
    return min(ranked)[3] if ranked else None


def _slip_rank(typed: str, meant: str) -> int:
    """How common the one-edit slip from ``meant`` to ``typed`` is (0 most common)."""
    if len(typed) == len(meant) + 1:
        extra = next(
            (i for i, (a, b) in enumerate(zip(typed, meant, strict=False)) if a != b), len(meant)
        )
        return 0 if extra and typed[extra] == typed[extra - 1] else 3  # a key pressed twice
    if len(typed) + 1 == len(meant):
        missing = next(
            (i for i, (a, b) in enumerate(zip(typed, meant, strict=False)) if a != b), len(typed)
        )
        return 0 if missing and meant[missing] == meant[missing - 1] else 2  # a double typed once
    if len(typed) == len(meant):
        differing = [i for i, (a, b) in enumerate(zip(typed, meant, strict=True)) if a != b]
        if len(differing) == 2 and differing[1] == differing[0] + 1:
            return 1  # two letters swapped
    return 4
