"""Field checks shared by the model's constructors and its file reader.

Each check appends :class:`~followup.errors.Problem` objects to a list instead
of raising, so that one pass over a file can report every problem at once.
Standard library only.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata

from followup.errors import Problem

__all__ = [
    "EARLIEST_DATE",
    "LATEST_DATE",
    "check_date",
    "check_email",
    "check_text",
    "is_slug",
]

EARLIEST_DATE = dt.date(1990, 1, 1)
LATEST_DATE = dt.date(2100, 12, 31)

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# One address, no display name, no list: the part before and after "@" may not
# hold white space, separators or angle brackets, and the domain needs a dot.
_EMAIL = re.compile(r"[^@\s,;:<>()\[\]\"\\]+@[^@\s,;:<>()\[\]\"\\.]+(?:\.[^@\s,;:<>()\[\]\"\\.]+)+")
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def is_slug(text: str, *, max_length: int = 64) -> bool:
    """True for ``acme-data-engineer``: lowercase letters, digits, single hyphens.

    >>> is_slug("acme-data-engineer"), is_slug("Acme"), is_slug("a--b")
    (True, False, False)
    """
    return len(text) <= max_length and _SLUG.fullmatch(text) is not None


def _bad_character(text: str, *, multiline: bool) -> str | None:
    for char in text:
        if char in _LINE_BREAKS:
            if multiline and char in "\n\r":
                continue
            return "a line break"
        if char == "\t" and multiline:
            continue
        if unicodedata.category(char) == "Cc":
            return "a control character"
    return None


def check_text(
    value: object,
    path: str,
    problems: list[Problem],
    *,
    required: bool,
    max_length: int,
    multiline: bool = False,
) -> str | None:
    """Check a text field; return it with surrounding spaces removed (None when empty).

    Empty or blank text counts as missing. Single-line fields refuse line
    breaks of every kind and control characters (NUL included).
    """
    if value is None:
        if required:
            problems.append(Problem(path, "must be non-empty text", value))
        return None
    if not isinstance(value, str):
        problems.append(Problem(path, "must be text", value))
        return None
    bad = _bad_character(value, multiline=multiline)
    if bad is not None:
        kind = "text" if multiline else "single-line text"
        problems.append(Problem(path, f"must be {kind} without {bad}", value))
        return None
    text = value.strip(" ") if not multiline else value.strip()
    if not text:
        if required:
            problems.append(Problem(path, "must be non-empty text", value))
        return None
    if len(text) > max_length:
        problems.append(Problem(path, f"must be at most {max_length} characters", value))
        return None
    return text


def check_email(value: object, path: str, problems: list[Problem]) -> str | None:
    """Check an optional e-mail address: exactly one plain ``name@domain.tld``."""
    text = check_text(value, path, problems, required=False, max_length=254)
    if text is None:
        return None
    if _EMAIL.fullmatch(text) is None:
        problems.append(Problem(path, "must be one e-mail address like name@example.com", value))
        return None
    return text


def check_date(value: object, path: str, problems: list[Problem], *, required: bool) -> dt.date | None:
    """Check a calendar date (a ``date`` or an ISO ``YYYY-MM-DD`` string) from 1990 to 2100."""
    if value is None:
        if required:
            problems.append(Problem(path, "must be a date (YYYY-MM-DD)", value))
        return None
    date: dt.date | None = None
    if isinstance(value, dt.datetime):
        date = None
    elif isinstance(value, dt.date):
        date = value
    elif isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            date = dt.date.fromisoformat(value)
        except ValueError:
            problems.append(Problem(path, "must be a real calendar date (YYYY-MM-DD)", value))
            return None
    if date is None:
        problems.append(Problem(path, "must be a date (YYYY-MM-DD)", value))
        return None
    if not EARLIEST_DATE <= date <= LATEST_DATE:
        problems.append(Problem(path, "must be a date from 1990-01-01 to 2100-12-31", value))
        return None
    return date


def check_integer(
    value: object, path: str, problems: list[Problem], *, low: int, high: int
) -> int | None:
    """Check an integer in ``low..high``; booleans and floats (even 2.0) are refused."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        problems.append(Problem(path, f"must be an integer from {low} to {high}", value))
        return None
    return value


def check_number(value: object, path: str, problems: list[Problem], *, limit: float) -> float | int | None:
    """Check a finite number within ``-limit..limit``; booleans are refused."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or not -limit <= value <= limit
    ):
        problems.append(Problem(path, f"must be a number from {-limit:g} to {limit:g}", value))
        return None
    return value
