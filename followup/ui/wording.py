"""Refusals of the follow-up, today and settings tabs, in the words the person sees on screen.

The session speaks as the Python API does (``settings.check_in_after_days must
be an integer ...``); the app names each field by its caption ("Days to wait
before a check-in") and never shows an internal name, an index or ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from followup.errors import MISSING, FollowupError, Problem, ValidationError, describe_value

__all__ = ["FIELD_CAPTIONS", "in_words", "plainly"]

_T = TypeVar("_T")

#: The field of an error, by its path, as the tabs name it.
FIELD_CAPTIONS = {
    "owner.name": "Your name",
    "owner.title": "Your title",
    "owner.email": "Your e-mail",
    "owner.phone": "Your phone",
    "settings.threshold": "The pass threshold",
    "settings.check_in_after_days": "The days to wait before a check-in",
    "settings.english": "The English",
    "settings.greeting": "The greeting",
    "date": "The date",
    "draft": "The note",
    "draft.thank_you": "The note",
    "draft.check_in": "The note",
    "word": "The word",
    "dictionary": "Your dictionary",
}
_INDEX = re.compile(r"\[\d+\]")


def _caption(path: str) -> str:
    if path.startswith("dictionary["):
        return "The word"
    plain = _INDEX.sub("", path)
    if plain in FIELD_CAPTIONS:
        return FIELD_CAPTIONS[plain]
    last = plain.rsplit(".", 1)[-1].replace("_", " ")
    return f"The {last}" if last else "The value"


#: Expectations that read better as a sentence of their own, whatever the path.
_SENTENCES = {
    "must be set to your name, to sign the note": (
        "Your name is needed to sign the note: add it under You & settings."
    ),
    "must name at least one interviewer to address the note to": (
        "The note needs someone to go to: add an interviewer under Details & notes."
    ),
}


def _problem_in_words(problem: Problem) -> str:
    if problem.expectation in _SENTENCES:
        return _SENTENCES[problem.expectation]
    sentence = f"{_caption(problem.path)} {problem.expectation}"
    if problem.value is MISSING or problem.value is None or problem.value == "":
        return sentence + "."
    return f"{sentence}; you gave {describe_value(problem.value)}."


def in_words(error: FollowupError) -> str:
    """The refusal as the person should read it.

    >>> in_words(ValidationError([Problem("owner.email", "must be an e-mail address", "x")]))
    "Your e-mail must be an e-mail address; you gave 'x'."
    >>> in_words(ValidationError([Problem("owner.phone", "must be set", None)]))
    'Your phone must be set.'
    """
    if isinstance(error, ValidationError) and error.problems:
        return " ".join(_problem_in_words(problem) for problem in error.problems)
    return str(error)


def plainly(action: Callable[[], _T]) -> _T:
    """Run ``action``; a refusal it raises is raised again in the person's words."""
    try:
        return action()
    except ValidationError as error:
        raise FollowupError(in_words(error)) from None
