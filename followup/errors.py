"""The exception tree of followup.

Every error the package raises on purpose is a :class:`FollowupError`. Each
concrete class also inherits the builtin a caller would naturally catch, so
``except ValueError`` and ``except KeyError`` keep working.

Messages share one shape, naming the place and the value::

    opportunities[2].factors[0].weight must be an integer from 1 to 10; got 12
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "MISSING",
    "ConflictError",
    "EtiquetteError",
    "FollowupError",
    "Problem",
    "UnknownOpportunityError",
    "ValidationError",
    "WorkspaceError",
    "describe_value",
]

_MAX_VALUE_CHARS = 80
_MAX_PROBLEMS_SHOWN = 20


def describe_value(value: object) -> str:
    """Render a bad value for an error message: ``repr``, shortened when long.

    A numpy scalar shows as the Python number it holds (``12``, not
    ``np.int64(12)``), a date as its ISO text.

    >>> describe_value(12)
    '12'
    >>> describe_value("x" * 100)[-5:]
    "...'"
    """
    if value is MISSING:
        return "nothing"
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        # Without importing numpy: its scalars convert themselves to plain Python.
        value = value.item()
    if isinstance(value, dt.date):
        return repr(value.isoformat())
    try:
        text = repr(value)
    except (RecursionError, ValueError):
        # A value nested too deeply to show (read from a hostile file, say): name its type.
        return f"a {type(value).__name__}"
    if len(text) > _MAX_VALUE_CHARS:
        quoted = text[:1] in "'\""
        text = (
            text[: _MAX_VALUE_CHARS - 4] + "..." + text[0]
            if quoted
            else text[:_MAX_VALUE_CHARS] + "..."
        )
    return text


class _Missing:
    """Marker for a required key that is absent from a mapping."""

    def __repr__(self) -> str:
        return "nothing"


#: Stands for a required key that is absent (shown as "got nothing").
MISSING = _Missing()


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a value: where it is, what was expected, what was found."""

    path: str
    expectation: str
    value: object = MISSING

    def prefixed(self, prefix: str) -> Problem:
        """The same problem seen from an enclosing object (``prefix.path``)."""
        if not prefix:
            return self
        joiner = "" if self.path.startswith("[") or not self.path else "."
        return Problem(f"{prefix}{joiner}{self.path}", self.expectation, self.value)

    def __str__(self) -> str:
        subject = self.path or "value"
        return f"{subject} {self.expectation}; got {describe_value(self.value)}"


class FollowupError(Exception):
    """Base class of every error followup raises on purpose."""


class ValidationError(FollowupError, ValueError):
    """A value does not fit the workspace model.

    ``problems`` lists every problem found, each with its path, so a caller (or
    a form in the app) can point at the exact field.
    """

    def __init__(self, problems: Iterable[Problem] | str) -> None:
        if isinstance(problems, str):
            self.problems: tuple[Problem, ...] = ()
            message = problems
        else:
            self.problems = tuple(problems)
            message = format_problems(self.problems)
        super().__init__(message)

    def prefixed(self, prefix: str) -> ValidationError:
        """The same error with every path seen from an enclosing object."""
        return ValidationError(problem.prefixed(prefix) for problem in self.problems)

    def __reduce__(self) -> tuple[type[ValidationError], tuple[object]]:
        # Rebuilt from the problems (not the message) so that a copy or a
        # pickled error, e.g. from a worker process, keeps them.
        return (type(self), (self.problems if self.problems else str(self),))


class WorkspaceError(FollowupError, ValueError):
    """A workspace file cannot be read or written; the file is left as it was."""


class ConflictError(WorkspaceError):
    """Two programs changed the same part of a workspace; nothing was overwritten.

    ``conflicts`` names the parts (opportunity ids, ``"owner"``,
    ``"settings"``), and is empty when the file on disk is no longer a readable
    workspace at all; ``conflict_copy`` is where the unsaved version was kept.
    """

    def __init__(self, message: str, *, conflicts: tuple[str, ...], conflict_copy: Path) -> None:
        super().__init__(message)
        self.conflicts = conflicts
        self.conflict_copy = conflict_copy

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_conflict, (str(self), self.conflicts, self.conflict_copy))


def _rebuild_conflict(message: str, conflicts: tuple[str, ...], copy: Path) -> ConflictError:
    return ConflictError(message, conflicts=conflicts, conflict_copy=copy)


class EtiquetteError(FollowupError, ValueError):
    """The follow-up etiquette does not allow this step (now, or at all)."""


class UnknownOpportunityError(FollowupError, KeyError):
    """No opportunity has the id asked for.

    ``opportunity_id`` holds the id that was asked for, when known.
    """

    def __init__(self, *args: object, opportunity_id: object = None) -> None:
        super().__init__(*args)
        self.opportunity_id = opportunity_id

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_unknown, (self.args, self.opportunity_id))

    def __str__(self) -> str:
        # KeyError's own __str__ shows the repr of its argument; a sentence reads better.
        return str(self.args[0]) if self.args else ""


def _rebuild_unknown(args: tuple[object, ...], opportunity_id: object) -> UnknownOpportunityError:
    return UnknownOpportunityError(*args, opportunity_id=opportunity_id)


def format_problems(problems: tuple[Problem, ...]) -> str:
    """One line for one problem; a counted list for several (capped)."""
    if len(problems) == 1:
        return str(problems[0])
    lines = [f"{len(problems)} problems:"]
    lines += [f"  - {problem}" for problem in problems[:_MAX_PROBLEMS_SHOWN]]
    if len(problems) > _MAX_PROBLEMS_SHOWN:
        lines.append(f"  ... and {len(problems) - _MAX_PROBLEMS_SHOWN} more")
    return "\n".join(lines)
