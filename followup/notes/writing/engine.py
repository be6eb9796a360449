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
- **Worker threads.** Every call runs on a worker thread that owns its
  linters (Harper's linter is not safe to share between threads); a second
  worker pays Harper's one-off set-up for spelling suggestions in the
  background, then takes over (see :class:`_Engine`).
"""

from __future__ import annotations

import atexit
import contextlib
import queue
import re
import threading
import time
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
_SPACE_RUN = re.compile(r"\s*+")
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


class _HarperCalls:
    """Calls into Harper in progress, so that the program ends only between them.

    A daemon thread still inside Harper's Rust code when Python shuts down
    aborts the whole process as it comes back. So at exit no new call starts
    and the ones in progress (one chunk each, a few milliseconds; the
    one-off set-up, a second or two) are waited for.
    """

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._running = 0
        self._closing = False
        atexit.register(self.close)

    @contextlib.contextmanager
    def call(self) -> Iterator[None]:
        with self._condition:
            if self._closing:
                raise RuntimeError("the program is ending: no new grammar check starts")
            self._running += 1
        try:
            yield
        finally:
            with self._condition:
                self._running -= 1
                self._condition.notify_all()

    def close(self, timeout: float = 60.0) -> None:
        with self._condition:
            self._closing = True
            self._condition.wait_for(lambda: self._running == 0, timeout)


_harper_calls = _HarperCalls()


class _Worker:
    """A thread that runs Harper calls one at a time, with linters of its own.

    A Harper linter must not be used by two threads at once; a worker's
    linters are only ever used by its thread. The thread is a daemon: it
    never delays the end of the program.
    """

    def __init__(self) -> None:
        self._requests: queue.SimpleQueue[_Request | None] = queue.SimpleQueue()
        self._linters: dict[str, harper.Linter] = {}
        thread = threading.Thread(target=self._serve, name="followup-writing-engine", daemon=True)
        thread.start()

    def submit(self, action: Callable[[_LinterFor], _T]) -> Future[_T]:
        """Run ``action(linter_for)`` on this worker's thread; its result comes in the future."""
        future: Future[_T] = Future()
        self._requests.put((action, future))
        return future

    def stop(self) -> None:
        """End the thread once the calls submitted so far are done."""
        self._requests.put(None)

    def _linter(self, english: English) -> harper.Linter:
        linter = self._linters.get(english)
        if linter is None:
            import harper

            with _harper_calls.call():
                linter = harper.Linter(getattr(harper.Dialect, _DIALECT_NAMES[english]))
                config = linter.get_default_lint_config()
                linter.set_lint_config(
                    {rule: on and rule not in DISABLED_RULES for rule, on in config.items()}
                )
                linter.import_words([*WORKPLACE_WORDS["both"], *WORKPLACE_WORDS[english]])
            self._linters[english] = linter
        return linter

    def _serve(self) -> None:
        while (request := self._requests.get()) is not None:
            action, future = request
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(action(self._linter))
            except BaseException as error:  # handed to the caller, who raises it
                future.set_exception(error)


class _Engine:
    """Which worker lints now, and the hand-over to one that has paid Harper's one-off cost.

    Harper builds its spelling-suggestion automaton once per thread, on the
    first unknown word of ten letters or more, and that takes one to three
    seconds. So a few seconds after the first check (:attr:`WARM_UP_DELAY`:
    a one-off command has ended by then and pays nothing), a second worker
    builds it in the background; once it has, it takes over every later
    check. Checks never wait for it: until then the first worker goes on
    serving them (and pays the cost itself if a long unknown word comes first).
    """

    #: Seconds between the first check and the start of the background set-up.
    WARM_UP_DELAY = 3.0

    # An unknown word of more than ten letters, so that Harper builds its automaton.
    _WARM_UP = "We spoke about Qwertyuiopasd."

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._serving = _Worker()
        self._warming: _Worker | None = None
        self._warm = False

    def run(self, action: Callable[[_LinterFor], _T], english: English) -> _T:
        """Run ``action`` on the serving worker; start the hand-over after the first call."""
        worker = self._serving
        result = worker.submit(action).result()
        if not self._warm and self._warming is None:
            self.warm_up(english, wait=False, delay=self.WARM_UP_DELAY)
        return result

    def warm_up(self, english: English, *, wait: bool, delay: float = 0.0) -> None:
        """Have a worker with the linter for ``english`` and the automaton serve the checks."""
        with self._lock:
            if self._warm:
                self._serving.submit(lambda linter_for: linter_for(english)).result()
                return
            if self._warming is None:
                self._warming = _Worker()
                self._warming.submit(
                    lambda linter_for: self._warm_up_now(linter_for, english, delay)
                )
            warming = self._warming
        if wait:
            warming.submit(lambda linter_for: linter_for(english)).result()

    def _warm_up_now(self, linter_for: _LinterFor, english: English, delay: float) -> None:
        time.sleep(delay)
        linter = linter_for(english)
        with _harper_calls.call():
            linter.lint(self._WARM_UP, language="plaintext")
        with self._lock:
            assert self._warming is not None
            retired, self._serving, self._warm = self._serving, self._warming, True
        retired.stop()


_LinterFor = Callable[[English], "harper.Linter"]
_Request = tuple[Callable[[_LinterFor], Any], "Future[Any]"]
_T = TypeVar("_T")
_engine: list[_Engine] = []
_engine_lock = threading.Lock()


def _the_engine() -> _Engine:
    if not _engine:
        with _engine_lock:
            if not _engine:
                _engine.append(_Engine())
    return _engine[0]


def load(english: English = "US", *, wait: bool = True) -> None:
    """Build the linter for ``english`` and Harper's suggestion automaton now.

    With ``wait`` (the default), return once both are built (a few seconds),
    so that every later check runs at full speed; otherwise they are built
    in the background.
    """
    _the_engine().warm_up(english, wait=wait)


def chunks(text: str, limit: int = MAX_CHUNK) -> Iterator[tuple[int, int]]:
    """Spans of ``text`` to lint one at a time, each at most ``limit`` characters.

    Paragraphs whole when they fit; else runs of whole sentences; a sentence
    longer than ``limit`` is cut at a space; a run of ``limit`` characters or
    more without a space is left out. Space at the start of a span is left out.

    >>> list(chunks("One. Two.\\n\\nThree four five six.", limit=12))
    [(0, 9), (11, 21), (22, 31)]
    """
    start = 0
    for paragraph_break in PARAGRAPH_BREAK.finditer(text):
        yield from _paragraph_chunks(text, start, paragraph_break.start(), limit)
        start = paragraph_break.end()
    yield from _paragraph_chunks(text, start, len(text), limit)


def _paragraph_chunks(text: str, start: int, end: int, limit: int) -> Iterator[tuple[int, int]]:
    while True:
        start = _SPACE_RUN.match(text, start, end).end()  # type: ignore[union-attr]
        if end - start <= limit:
            break
        window_end = start + limit
        cut = None
        for sentence_end in SENTENCE_END.finditer(text, start, window_end):
            cut = sentence_end.end()
        if cut is None:
            cut = _last_space(text, start + 1, window_end)
        if cut is None:
            # A run of at least ``limit`` characters without a space: not a word, skipped.
            start = _NOT_SPACE_RUN.match(text, start, end).end()  # type: ignore[union-attr]
            continue
        yield start, cut
        start = cut
    if start < end:
        yield start, end


def _last_space(text: str, start: int, end: int) -> int | None:
    """The offset of the last whitespace character in text[start:end], if any."""
    window = text[start:end]
    match = _SPACE.search(window[::-1])
    return None if match is None else end - 1 - match.start()


def lint(text: str, english: English) -> list[EngineLint]:
    """Harper's findings on ``text``, linted chunk by chunk (see :func:`chunks`)."""
    return _the_engine().run(lambda linter_for: _lint_chunks(linter_for(english), text), english)


def _lint_chunks(linter: harper.Linter, text: str) -> list[EngineLint]:
    found: list[EngineLint] = []
    for start, end in chunks(text):
        chunk = text[start:end]
        if not _LETTER.search(chunk):
            continue
        # Harper takes UTF-8; a lone surrogate cannot be encoded, and has the same length
        # in code points as the replacement character, so offsets are kept.
        chunk = _SURROGATE.sub("\ufffd", chunk)
        with _harper_calls.call():
            results = linter.lint(chunk, language="plaintext", dedup=False)
        for result in results:
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
