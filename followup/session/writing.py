"""The writing check where notes are typed (details, debrief), and the person's own dictionary.

Note items are fragments ("moving the batch jobs to streaming"), not
sentences: they are checked as such (no sentence capitals, no length). Each
spelling finding names the word, which "Add to my dictionary" keeps in the
workspace (:attr:`~followup.model.Workspace.dictionary`), saved like any
other edit; the words of the dictionary, the people, the company and the role
are never flagged.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from followup.errors import Problem, ValidationError
from followup.session.state import SessionState

__all__ = ["NoteFinding", "WritingPart"]

#: Kinds of finding that speak of a whole note, not of a fragment of one.
_WHOLE_NOTE_KINDS = ("capitalization", "length")
#: Kinds whose word can be added to the dictionary.
_WORD_KINDS = ("spelling", "name")
#: How many checked texts are kept (the fields of a tab, typed key by key).
_KEPT = 64


@dataclass(frozen=True)
class NoteFinding:
    """One thing a careful reader would notice in a note item, in words."""

    #: What to do, as a sentence.
    message: str
    #: The words it is about, as typed.
    fragment: str
    #: A replacement, when there is a good one.
    suggestion: str | None
    #: The word "Add to my dictionary" would keep, for a spelling finding; else None.
    word: str | None


def _check_fragment(text: str, known: Iterable[str], english: str) -> list[Any]:
    """The writing check of a fragment, with the fragment scope when the check has one."""
    from followup.notes.writing import check_writing

    options: dict[str, Any] = {"known_words": tuple(known)}
    parameters = inspect.signature(check_writing).parameters
    if "scope" in parameters:
        options["scope"] = "fragment"
    if "english" in parameters:
        options["english"] = english
    findings = check_writing(text, **options)
    return [f for f in findings if f.kind not in _WHOLE_NOTE_KINDS]


def _word_of(finding: Any) -> str | None:
    word = getattr(finding, "word", None)
    if word is None and finding.kind in _WORD_KINDS:
        word = finding.text
    return word if isinstance(word, str) and word and not any(c.isspace() for c in word) else None


class WritingPart:
    """Checks note items as they are typed; adds words to the person's dictionary.

    Examples
    --------
    >>> import datetime as dt
    >>> from followup import example_workspace
    >>> state = SessionState(example_workspace(), today=dt.date(2026, 12, 1),
    ...                      now=dt.datetime(2026, 12, 1, 12, 4))
    >>> writing = WritingPart(state)
    >>> [f.word for f in writing.check("acme-data-engineer", "the lakehous team")]
    ['lakehous']
    >>> writing.add_word("lakehous")
    >>> writing.check("acme-data-engineer", "the lakehous team")
    ()
    """

    def __init__(self, state: SessionState) -> None:
        self._state = state
        self._kept: dict[tuple[str, tuple[str, ...], str], tuple[NoteFinding, ...]] = {}

    def check(self, opportunity_id: str | None, text: object) -> tuple[NoteFinding, ...]:
        """What the writing check finds in ``text``, a note item of this opportunity."""
        if not isinstance(text, str) or not text.strip():
            return ()
        from followup.notes.compose import known_words

        workspace = self._state.workspace
        known = known_words(workspace, opportunity_id) if opportunity_id else ()
        english = str(getattr(workspace.settings, "english", "US"))
        key = (text, tuple(known), english)
        found = self._kept.get(key)
        if found is None:
            found = tuple(
                NoteFinding(f.message, f.text, f.suggestion, _word_of(f))
                for f in _check_fragment(text, known, english)
            )
            if len(self._kept) >= _KEPT:
                self._kept.clear()
            self._kept[key] = found
        return found

    def add_word(self, word: object) -> None:
        """Keep ``word`` in the person's dictionary: it is never flagged again."""
        if not isinstance(word, str):
            raise ValidationError([Problem("dictionary", "must be one word of text", word)])
        self._state.commit(self._state.workspace.with_word(word))
