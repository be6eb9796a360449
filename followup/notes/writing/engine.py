"""Harper, the grammar engine: one linter per English variety, built on first use.

Harper (Automattic's offline grammar checker, through the ``harper-py``
bindings) finds misspellings and the real-word errors a reader notices:
their/there, its/it's, "a MBA", "would of", "then" for "than", "effect" as a
verb. This module is the only one that imports it, and only when a check runs.

- **Dialect.** The linter is built for American or British English, so
  "organised" is a misspelling in one and right in the other.
- **Rules.** Harper's rules that followup applies itself (sentence capitals,
  repeated words, a lowercase "i"), and typography or style preferences
  that are not errors in a note (the Oxford comma, long sentences, two
  spaces, "--" for a dash, "..." for an ellipsis), are switched off.
- **Words.** :data:`~followup.notes.writing.vocabulary.WORKPLACE_WORDS`
  are added to its dictionary. The caller's known words are not: they are
  applied to what Harper reports (see :mod:`~followup.notes.writing.engine_findings`),
  so a list that changes with every call costs nothing here.
- **Speed.** Harper's time grows faster than the length of some texts (runs
  of dots, dashes, digits or emoji), so a text is linted in chunks of at
  most :data:`MAX_CHUNK` characters: whole paragraphs, else whole sentences,
  else cut at a space. A run of more than :data:`MAX_CHUNK` characters
  without a space is not a word and is not linted. Chunks without a letter
  are not linted either. The whole is linear in the length of the text.
- **One thread.** Every call runs on one worker thread (see :class:`_Worker`):
  Harper's linter is not safe to share between threads, and its costly
  one-off set-up for spelling suggestions is made per thread.
"""

from __future__ import annotations

import itertools
import queue
import re
import threading
from collections.abc import Callable, Collection, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from followup.notes.writing.patterns import PARAGRAPH_BREAK, SENTENCE_END
from followup.notes.writing.vocabulary import WORKPLACE_WORDS, English

if TYPE_CHECKING:
    import harper

__all__ = ["DISABLED_RULES", "MAX_CHUNK", "EngineLint", "chunks", "lint", "load", "unknown_words"]

#: The most characters linted in one call.
MAX_CHUNK = 600

#: Harper rules that are off: followup's own rules cover them, or they are style preferences.
DISABLED_RULES = frozenset({
    # followup's own rules, which know about abbreviations, acronyms and note fragments
    "SentenceCapitalization", "RepeatedWords", "CapitalizePersonalPronouns",
    # typography and style preferences, not errors in a note
    "OxfordComma", "LongSentences", "Spaces", "Dashes", "UseEllipsisCharacter",
    "NumericRangeEnDash", "NoFrenchSpaces", "UseTitleCase",
    "ExpandMemoryShorthands", "ExpandTimeShorthands", "ExpandStandardInputAndOutput",
    # "lakehouse" is not "lake house": a closed compound the dictionary lacks is a term to add,
    # and followup's spelling finding says so; "roadmap" is standard business English
    "SplitWords", "RoadMap",
})  # fmt: skip

_DIALECT_NAMES: dict[str, str] = {"US": "AMERICAN", "UK": "BRITISH"}
_LETTER = re.compile(r"[^\W\d_]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SPACE = re.compile(r"\s")
_NOT_SPACE_RUN = re.compile(r"\S*+")


@dataclass(frozen=True)
class EngineLint:
    """One problem Harper found, with offsets into the whole text.

    Attributes
    ----------
    start, end : int
        The span of the problem (``text[start:end]``).
    category : str
        Harper's kind of lint ("Spelling", "Grammar", "WordChoice"...).
    message : str
        Harper's description.
    suggestions : tuple of str
        Replacements for ``text[start:end]``, best first.
    """

    start: int
    end: int
    category: str
    message: str
    suggestions: tuple[str, ...]


class _Worker:
    """The one thread that runs every Harper call, and owns the linters.

    Harper builds its spelling-suggestion automaton once per thread, on the
    first unknown word of ten letters or more, and that takes a second or
    two. Running every call on one thread pays it once per process, and the
    worker pays it in the background right after its first check (a
    request waiting at that moment goes first; one arriving while it runs
    waits for it). A Harper linter must not be used by two threads at once,
    which one thread also ensures. The thread is a daemon: it never delays
    the end of the program.
    """

    _WARM_UP = "We spoke about Qwertyuiopasd."

    def __init__(self) -> None:
        self._requests: queue.PriorityQueue[tuple[int, int, _Request]] = queue.PriorityQueue()
        self._order = itertools.count()
        self._linters: dict[str, harper.Linter] = {}
        self._warm = threading.Event()
        thread = threading.Thread(target=self._serve, name="followup-writing-engine", daemon=True)
        thread.start()

    def run(self, action: Callable[[Callable[[English], harper.Linter]], _T]) -> _T:
        """Run ``action(linter_for)`` on the worker thread and return its result."""
        future: Future[_T] = Future()
        self._requests.put((0, next(self._order), (action, future)))
        return future.result()

    def warm_up(self, english: English, *, wait: bool) -> None:
        """Build the linter for ``english``, then the suggestion automaton (in the background)."""
        self.run(lambda linter_for: linter_for(english))
        if not self._warm.is_set():
            future: Future[None] = Future()
            self._requests.put((1, next(self._order), (self._warm_up_now, future)))
            if wait:
                future.result()

    def _warm_up_now(self, linter_for: Callable[[English], harper.Linter]) -> None:
        if not self._warm.is_set():
            english = next(iter(self._linters), "US")
            linter_for(english).lint(self._WARM_UP, language="plaintext")  # type: ignore[arg-type]
            self._warm.set()

    def _linter(self, english: English) -> harper.Linter:
        linter = self._linters.get(english)
        if linter is None:
            import harper

            linter = harper.Linter(getattr(harper.Dialect, _DIALECT_NAMES[english]))
            config = linter.get_default_lint_config()
            linter.set_lint_config(
                {rule: on and rule not in DISABLED_RULES for rule, on in config.items()}
            )
            linter.import_words([*WORKPLACE_WORDS["both"], *WORKPLACE_WORDS[english]])
            self._linters[english] = linter
        return linter

    def _serve(self) -> None:
        while True:
            _, _, (action, future) = self._requests.get()
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(action(self._linter))
            except BaseException as error:  # handed to the caller, who raises it
                future.set_exception(error)


_Request = tuple[Callable[[Callable[[English], "harper.Linter"]], Any], "Future[Any]"]
_T = TypeVar("_T")
_worker: list[_Worker] = []
_worker_lock = threading.Lock()


def _the_worker() -> _Worker:
    if not _worker:
        with _worker_lock:
            if not _worker:
                _worker.append(_Worker())
    return _worker[0]


def load(english: English = "US", *, wait: bool = True) -> None:
    """Build the linter for ``english`` now (most of a second), and Harper's suggestion automaton.

    With ``wait`` (the default), return once both are built, so that every
    later check runs at full speed; otherwise the automaton is built in the
    background.
    """
    _the_worker().warm_up(english, wait=wait)


def chunks(text: str, limit: int = MAX_CHUNK) -> Iterator[tuple[int, int]]:
    """Spans of ``text`` to lint one at a time, each at most ``limit`` characters.

    Paragraphs whole when they fit; else runs of whole sentences; a sentence
    longer than ``limit`` is cut at a space; a run of more than ``limit``
    characters without a space is left out. Spans holding only space are left out.

    >>> list(chunks("One. Two.\\n\\nThree four five six.", limit=12))
    [(0, 9), (11, 21), (21, 31)]
    """
    start = 0
    for paragraph_break in PARAGRAPH_BREAK.finditer(text):
        yield from _paragraph_chunks(text, start, paragraph_break.start(), limit)
        start = paragraph_break.end()
    yield from _paragraph_chunks(text, start, len(text), limit)


def _paragraph_chunks(text: str, start: int, end: int, limit: int) -> Iterator[tuple[int, int]]:
    while end - start > limit:
        window_end = start + limit
        cut = None
        for sentence_end in SENTENCE_END.finditer(text, start, window_end):
            cut = sentence_end.end()
        if cut is None:
            space = _last_space(text, start + 1, window_end)
            if space is None:
                # No space in a whole window: skip the run of non-space characters.
                start = _NOT_SPACE_RUN.match(text, start).end()  # type: ignore[union-attr]
                continue
            cut = space
        if not text[start:cut].isspace():
            yield start, cut
        start = cut
    if start < end and not text[start:end].isspace():
        yield start, end


def _last_space(text: str, start: int, end: int) -> int | None:
    """The offset of the last whitespace character in text[start:end], if any."""
    window = text[start:end]
    match = _SPACE.search(window[::-1])
    return None if match is None else end - 1 - match.start()


def lint(text: str, english: English) -> list[EngineLint]:
    """Harper's findings on ``text``, linted chunk by chunk (see :func:`chunks`)."""
    worker = _the_worker()
    first_use = english not in worker._linters
    found = worker.run(lambda linter_for: _lint_chunks(linter_for(english), text))
    if first_use:
        worker.warm_up(english, wait=False)
    return found


def _lint_chunks(linter: harper.Linter, text: str) -> list[EngineLint]:
    found: list[EngineLint] = []
    for start, end in chunks(text):
        chunk = text[start:end]
        if not _LETTER.search(chunk):
            continue
        # Harper takes UTF-8; a lone surrogate cannot be encoded, and has the same length
        # in code points as the replacement character, so offsets are kept.
        chunk = _SURROGATE.sub("\ufffd", chunk)
        for result in linter.lint(chunk, language="plaintext"):
            span = result.span
            found.append(
                EngineLint(
                    start + span.start,
                    start + span.end,
                    result.lint_kind,
                    result.message,
                    tuple(_replacement(result.problem_text, s) for s in result.suggestions),
                )
            )
    return found


def _replacement(problem: str, suggestion: harper.Suggestion) -> str:
    """What the problem text becomes with ``suggestion`` applied."""
    kind = int(suggestion.kind)
    if kind == 1:  # remove
        return ""
    if kind == 2:  # insert after
        return problem + suggestion.replacement_text
    return suggestion.replacement_text


_unknown_cache: dict[tuple[str, str], bool] = {}
_UNKNOWN_CACHE_SIZE = 20_000


def unknown_words(words: Collection[str], english: English) -> set[str]:
    """The words (single words, no spaces) that Harper's dictionary does not know.

    Answers are remembered (up to 20,000 words), so asking again costs nothing.

    >>> sorted(unknown_words({"amazing", "ccrn"}, "US"))
    ['ccrn']
    """
    asked = sorted(word for word in words if (english, word) not in _unknown_cache)
    if asked:
        # One call for all of them: one word a line.
        offsets: dict[int, str] = {}
        position = 0
        for word in asked:
            offsets[position] = word
            position += len(word) + 1
        flagged = {
            offsets[found.start]
            for found in lint("\n".join(asked), english)
            if found.category == "Spelling" and found.start in offsets
        }
        if len(_unknown_cache) + len(asked) > _UNKNOWN_CACHE_SIZE:
            _unknown_cache.clear()
        for word in asked:
            _unknown_cache[(english, word)] = word in flagged
    return {word for word in words if _unknown_cache.get((english, word), False)}
