"""What the app says when it refuses something, in the words of the person using it.

The Python API names every problem by its exact place (``interviewers[0].email
must be one e-mail address like name@example.com; got 'dana.li@cont'``); the
app says the same thing as a person sees it: "Interviewer 1's e-mail must be
one e-mail address like name@example.com; you typed 'dana.li@cont'". Nothing
said here holds an index, ``None``, an opportunity's id or a field's internal
name. :func:`in_words` turns any error the app may meet into such a sentence;
:func:`field_in_words` names one field.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from followup.errors import (
    MISSING,
    ConflictError,
    EtiquetteError,
    Problem,
    UnknownOpportunityError,
    ValidationError,
    WorkspaceError,
    describe_value,
)
from followup.model import Opportunity

__all__ = ["field_in_words", "in_words", "ordinal", "problem_in_words"]

_ORDINALS = (
    "first", "second", "third", "fourth", "fifth",
    "sixth", "seventh", "eighth", "ninth", "tenth",
)  # fmt: skip
_CONTACT_PARTS = {"name": "name", "title": "title", "email": "e-mail", "phone": "phone number"}
_NOTE_NAMES = {
    "discussed": "What we discussed",
    "learned": "What I learned",
    "stronger_because": "Why I am a stronger candidate",
    "exciting": "What excited me",
    "concerns": "My concerns",
    "company_fact": "The fact about the company",
    "fact_comment": "My comment on the company fact",
    "fact_source": "Where I learned the company fact",
}
_PLAIN_FIELDS = {
    "company": "The company",
    "role": "The role",
    "interview_date": "The interview date",
    "threshold": "The pass threshold",
    "check_in_after_days": "The days to wait before a check-in",
    "english": "The English of the notes",
    "greeting": "The greeting",
    "answer": "The answer",
    "draft": "The note",
    "to": "The person to write to",
    "owner": "Your name",
    "dictionary": "The word",
    "file": "The file name",
}
_EVENT_WORDS = {
    "recruiter_called": "the recruiter call",
    "thank_you_sent": "the thank-you",
    "check_in_sent": "the check-in",
    "reply_received": "the reply",
    "closed": "the closing",
}
_INTERNAL_WORDS = {**_EVENT_WORDS, "thank_you": "thank-you", "check_in": "check-in"}
_STEP = re.compile(r"([A-Za-z_]+)|\[(\d+)\]|\.")


def ordinal(number: int) -> str:
    """``1`` → "first", ..., ``10`` → "tenth", then "11th", "12th", "23rd".

    >>> ordinal(1), ordinal(10), ordinal(11), ordinal(22)
    ('first', 'tenth', '11th', '22nd')
    """
    if 1 <= number <= len(_ORDINALS):
        return _ORDINALS[number - 1]
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def _steps(path: str) -> list[str | int]:
    """``interviewers[0].email`` → ``["interviewers", 0, "email"]``."""
    steps: list[str | int] = []
    for name, index in _STEP.findall(path.replace(" ", "_")):
        if name:
            steps.append(name)
        elif index:
            steps.append(int(index))
    return steps


def _factor_name(index: int, opportunity: Opportunity | None) -> str:
    """ "the first plus", from the factor's place among the factors of its side."""
    if opportunity is None or index >= len(opportunity.factors):
        return "the new factor"
    side = opportunity.factors[index].side
    position = sum(1 for f in opportunity.factors[: index + 1] if f.side == side)
    return f"the {ordinal(position)} {side}"


def _possessive(name: str) -> str:
    return name + "'s"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def field_in_words(path: str, opportunity: Opportunity | None = None) -> str:
    """The field a problem's path names, as the app shows it (capitalised).

    ``opportunity`` is the opportunity the path lies in, as it stood before
    the refused edit: it tells which side a factor is on.

    >>> field_in_words("interviewers[0].email")
    "Interviewer 1's e-mail"
    >>> field_in_words("notes.learned[1]")
    'Line 2 of what I learned'
    >>> field_in_words("settings.check_in_after_days")
    'The days to wait before a check-in'
    """
    steps = _steps(path)
    if opportunity is not None and steps and steps[0] == opportunity.id:
        steps = steps[1:]  # some messages start with the opportunity's id
    if steps and steps[0] in ("settings", "opportunity"):
        steps = steps[1:]
    if not steps:
        return "This value"
    head = steps[0]
    rest = steps[1:]
    if head in ("interviewers", "recruiter", "owner"):
        return _capital(_contact_field(head, rest, opportunity))
    if head == "factors" and rest and isinstance(rest[0], int):
        factor = _factor_name(rest[0], opportunity)
        part = rest[1] if len(rest) > 1 else None
        if part is None:
            return _capital(factor)
        return _capital(f"{_possessive(factor)} {part}")
    if head == "factor_index":
        return "That factor"
    if head == "interviewers_index":
        return "That interviewer"
    if head == "notes" and rest and isinstance(rest[0], str):
        name = _NOTE_NAMES.get(rest[0], _capital(rest[0].replace("_", " ")))
        if len(rest) > 1 and isinstance(rest[1], int):
            return f"Line {rest[1] + 1} of {name[:1].lower()}{name[1:]}"
        return name
    if head == "events" and rest and isinstance(rest[0], int):
        return _capital(_event_field(rest[0], rest[1:], opportunity))
    if isinstance(head, str) and head in _PLAIN_FIELDS:
        return _PLAIN_FIELDS[head]
    return _capital(str(head).replace("_", " "))


def _contact_field(head: str | int, rest: list[str | int], opportunity: Opportunity | None) -> str:
    if head == "owner":
        part = rest[0] if rest else "name"
        return f"your {_CONTACT_PARTS.get(str(part), str(part))}"
    if head == "recruiter":
        person = "the recruiter"
    else:
        index = rest[0] if rest and isinstance(rest[0], int) else None
        rest = rest[1:] if index is not None else rest
        count = len(opportunity.interviewers) if opportunity is not None else None
        if index is None:
            person = "the interviewers"
        elif count is not None and index >= count:
            person = "the new interviewer"
        else:
            person = f"interviewer {index + 1}"
    if not rest or not isinstance(rest[0], str):
        return person
    return f"{_possessive(person)} {_CONTACT_PARTS.get(rest[0], rest[0])}"


def _event_field(index: int, rest: list[str | int], opportunity: Opportunity | None) -> str:
    if opportunity is not None and index < len(opportunity.events):
        event = _EVENT_WORDS.get(opportunity.events[index].kind, "this event")
    else:
        event = "this event"
    if rest and rest[0] == "date":
        return f"the date of {event}"
    return event


def _typed(value: object) -> str:
    """ "; you typed 'x'" for typed text, "; not 12" for other values, nothing for none."""
    if value is MISSING or value is None:
        return ""
    if isinstance(value, str):
        return f"; you typed {describe_value(value)}"
    if isinstance(value, bool):
        return ""
    return f"; not {describe_value(value)}"


def _plain(text: str) -> str:
    """Internal names (``thank_you_sent``, ``events[0]``) turned into words."""
    for internal, words in _INTERNAL_WORDS.items():
        text = text.replace(internal, words)
    return re.sub(r"\s*\(?the first is events\[\d+\]\)?", "", text)


_Rule = Callable[[str, re.Match[str], object], str]

#: How each expectation of the model reads in the app: (pattern, sentence maker).
_RULES: tuple[tuple[re.Pattern[str], _Rule], ...] = (
    (re.compile(r"must be non-empty text$"), lambda field, _m, _v: _empty(field)),
    (
        re.compile(r"must be one e-mail address like (\S+)$"),
        lambda field, m, v: f"{field} must be one e-mail address like {m[1]}{_typed(v)}",
    ),
    (
        re.compile(r"must be a real calendar date"),
        lambda field, _m, v: f"{field} must be a real calendar date, like 2026-11-18{_typed(v)}",
    ),
    (
        re.compile(r"must be a date from (\S+) to (\S+)$"),
        lambda field, m, v: f"{field} must be a date from {m[1]} to {m[2]}{_typed(v)}",
    ),
    (
        re.compile(r"must be a date \(YYYY-MM-DD\)$"),
        lambda field, _m, v: f"{field} must be a date written like 2026-11-18{_typed(v)}",
    ),
    (
        re.compile(r"must be an integer from (-?\d+) to (-?\d+)$"),
        lambda field, m, v: f"{field} must be a whole number from {m[1]} to {m[2]}{_typed(v)}",
    ),
    (
        re.compile(r"must be a number from (\S+) to (\S+)$"),
        lambda field, m, v: f"{field} must be a number from {m[1]} to {m[2]}{_typed(v)}",
    ),
    (
        re.compile(r"must be at most (\d+) characters$"),
        lambda field, m, v: (
            f"{field} can be at most {m[1]} characters long"
            + (f"; it has {len(v)}" if isinstance(v, str) else "")
        ),
    ),
    (
        re.compile(r"must be single-line text without (a line break|an unusual line break)"),
        lambda field, _m, _v: f"{field} must fit on one line (no line breaks)",
    ),
    (
        re.compile(r"must be (?:single-line )?text without (a control character|a lone surrogate)"),
        lambda field, _m, _v: (
            f"{field} holds an invisible character that cannot be kept; please type it again"
        ),
    ),
    (
        re.compile(r"must be on or after the (interview|thank-you) date (\S+)$"),
        lambda field, m, _v: f"{field} must be on or after the {m[1]} date ({m[2]})",
    ),
    (
        re.compile(r"must not repeat"),
        lambda field, _m, v: (
            f"{_capital(_EVENT_WORDS.get(str(v), field))} is already recorded: "
            "it can be recorded only once"
        ),
    ),
    (
        re.compile(r"must follow a thank_you_sent event"),
        lambda _field, _m, _v: "A check-in can be recorded only after the thank-you",
    ),
    (
        re.compile(r"must be set to your name"),
        lambda _field, _m, _v: (
            "Your name is needed to sign the note: type it at the top of "
            "the app, or under You & settings"
        ),
    ),
    (
        re.compile(r"must name at least one interviewer"),
        lambda _field, _m, _v: (
            "The note needs someone to go to: add an interviewer under Details & notes"
        ),
    ),
    (
        re.compile(r"must be one word, without spaces$"),
        lambda field, _m, v: f"{field} must be one word, without spaces{_typed(v)}",
    ),
    (
        re.compile(r"must have at most (\d+) (items|words)$"),
        lambda field, m, _v: (
            f"{field} can hold at most {m[1]} {'lines' if m[2] == 'items' else 'words'}"
        ),
    ),
    (
        re.compile(r"^must be from 0 to|^must point at a factor"),
        lambda field, _m, _v: f"{field} is no longer there (it may have been removed meanwhile)",
    ),
)


def _empty(field: str) -> str:
    """An empty field: "The first plus needs a label", "The company cannot be empty"."""
    for part, noun in (("'s label", "a label"), ("'s name", "a name")):
        if field.endswith(part):
            return f"{field[: -len(part)]} needs {noun}"
    if field == "The answer":
        return "Type an answer first"
    if field == "Your name":
        return "Your name cannot be empty"
    return f"{field} cannot be empty"


def problem_in_words(problem: Problem, *, opportunity: Opportunity | None = None) -> str:
    """One problem as a sentence for the app (no index, internal name or ``None``).

    >>> problem_in_words(Problem("factors[0].label", "must be non-empty text", ""))
    'The new factor needs a label.'
    >>> problem_in_words(Problem("interview_date", "must be a real calendar date (YYYY-MM-DD)",
    ...                          "2026-02-30"))
    "The interview date must be a real calendar date, like 2026-11-18; you typed '2026-02-30'."
    """
    field = field_in_words(problem.path, opportunity)
    for pattern, rule in _RULES:
        match = pattern.search(problem.expectation)
        if match is not None:
            return rule(field, match, problem.value) + "."
    return f"{field} {_plain(problem.expectation)}{_typed(problem.value)}."


def in_words(error: BaseException, *, opportunity: Opportunity | None = None) -> str:
    """Any refusal the app may show, as one or more plain sentences.

    Parameters
    ----------
    error
        What was raised: a :class:`~followup.errors.ValidationError` (each
        problem is said in words), an unknown opportunity, a refusal of the
        follow-up etiquette, a workspace file that cannot be read or written,
        or an :class:`OSError` from writing a file.
    opportunity
        The opportunity the refused edit was made on, as it stood before: it
        names factors ("the first plus") and interviewers.

    Examples
    --------
    >>> error = ValidationError([Problem("interviewers[0].email",
    ...     "must be one e-mail address like name@example.com", "dana.li@cont")])
    >>> print(in_words(error).replace("; ", ";" + chr(10)))
    Interviewer 1's e-mail must be one e-mail address like name@example.com;
    you typed 'dana.li@cont'.
    """
    if isinstance(error, ValidationError):
        if not error.problems:
            return _sentence(_plain(str(error)))
        return " ".join(problem_in_words(p, opportunity=opportunity) for p in error.problems)
    if isinstance(error, UnknownOpportunityError):
        return (
            "That opportunity is no longer in this workspace (it may have been deleted in "
            "another window)."
        )
    if isinstance(error, ConflictError):
        return _conflict_in_words(error)
    if isinstance(error, WorkspaceError | EtiquetteError):
        return _sentence(_without_code(_plain(str(error))))
    if isinstance(error, OSError):
        where = f" {error.filename}" if error.filename else ""
        return f"The file{where} could not be written: {error.strerror or error}."
    return _sentence(_without_code(_plain(str(error))))


def _conflict_in_words(error: ConflictError) -> str:
    if not error.conflicts:
        return (
            "The workspace file was replaced by something that is not a workspace (another "
            "program, or a sync tool, wrote over it). Your version is safe in "
            f"{error.conflict_copy}."
        )
    # The storage names the parts as a person knows them ("the opportunity Acme — Engineer").
    named = re.search(r"both changed (.+?): nothing was saved", str(error))
    parts = named[1] if named else "the same part of the workspace"
    return (
        f"Another window or program changed {parts} in the workspace file since it was opened "
        f"here; nothing was overwritten. Your version is safe in {error.conflict_copy}."
    )


def _without_code(text: str) -> str:
    """Drop the advice meant for Python users (``force=True``, ``restore_backup(...)``)."""
    text = re.sub(r"\s*\([^()]*followup\.\w+[^()]*\)", "", text)
    kept = [
        part
        for part in re.split(r"(?<=[;.])\s+", text)
        if "force=True" not in part and "restore_backup(" not in part
    ]
    return " ".join(kept).rstrip(";. ")


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return "That could not be done."
    return _capital(text) + ("" if text.endswith((".", "!", "?")) else ".")
