"""Field checks shared by the model's constructors and its file reader.

Each check appends :class:`~followup.errors.Problem` objects to a list instead
of raising, so that one pass over a file can report every problem at once.
Standard library only.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import numbers
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from followup.errors import MISSING, Problem, ValidationError

__all__ = [
    "EARLIEST_DATE",
    "LATEST_DATE",
    "build",
    "check_choice",
    "check_date",
    "check_email",
    "check_integer",
    "check_items",
    "check_mapping",
    "check_number",
    "check_text",
    "is_slug",
    "key_path",
    "read_list",
]

_T = TypeVar("_T")

EARLIEST_DATE = dt.date(1990, 1, 1)
LATEST_DATE = dt.date(2100, 12, 31)

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
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
    """Describe the first character a field of this kind may not hold, or None."""
    if text.isprintable():
        return None  # the common case, checked in C: no control character, no line break
    for char in text:
        if multiline and char in "\n\r\t":
            continue
        if char in _LINE_BREAKS:
            kind = "an unusual line break" if multiline else "a line break"
            return f"{kind} (U+{ord(char):04X})"
        category = unicodedata.category(char)
        if category == "Cc":
            return f"a control character (U+{ord(char):04X})"
        if category == "Cs":
            # A lone surrogate cannot be written as UTF-8: the file could not be saved.
            return f"a lone surrogate (U+{ord(char):04X})"
    return None


def check_text(
    value: object,
    path: str,
    problems: list[Problem],
    *,
    required: bool,
    max_length: int,
    multiline: bool = False,
    strip: bool = True,
) -> str | None:
    """Check a text field; return it with surrounding spaces removed (None when empty).

    Empty or blank text counts as missing. Single-line fields refuse line
    breaks of every kind (U+2028, U+2029 and U+0085 too) and control characters
    (NUL included); multi-line fields allow ``\n``, ``\r`` and tabs. Text that
    cannot be stored as UTF-8 (a lone surrogate) is refused everywhere. With
    ``strip`` false the text is kept exactly as typed (a draft the person is
    editing), surrounding spaces included.
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
    # Any white space counts as blank (a no-break space too); line breaks and
    # control characters were refused above.
    if not value.strip():
        if required:
            problems.append(Problem(path, "must be non-empty text", value))
        return None
    text = value.strip() if strip else value
    if len(text) > max_length:
        problems.append(Problem(path, f"must be at most {max_length} characters", value))
        return None
    return text


def check_choice(
    value: object, path: str, problems: list[Problem], choices: tuple[str, ...]
) -> str | None:
    """Check that ``value`` is one of the ``choices`` (a fixed vocabulary); return it.

    >>> problems = []
    >>> check_choice("plus", "side", problems, ("plus", "minus")), problems
    ('plus', [])
    >>> _ = check_choice("pluss", "side", problems, ("plus", "minus")); print(problems[0])
    side must be 'plus' or 'minus'; got 'pluss'
    """
    if isinstance(value, str) and value in choices:
        return value
    if len(choices) == 2:
        expectation = f"must be {choices[0]!r} or {choices[1]!r}"
    else:
        expectation = "must be one of " + ", ".join(choices)
    problems.append(Problem(path, expectation, value))
    return None


def check_email(value: object, path: str, problems: list[Problem]) -> str | None:
    """Check an optional e-mail address: exactly one plain ``name@domain.tld``."""
    text = check_text(value, path, problems, required=False, max_length=254)
    if text is None:
        return None
    if _EMAIL.fullmatch(text) is None:
        problems.append(Problem(path, "must be one e-mail address like name@example.com", value))
        return None
    return text


def check_date(
    value: object, path: str, problems: list[Problem], *, required: bool
) -> dt.date | None:
    """Check a calendar date (a ``date`` or an ISO ``YYYY-MM-DD`` string) from 1990 to 2100."""
    if value is None:
        if required:
            problems.append(Problem(path, "must be a date (YYYY-MM-DD)", value))
        return None
    date: dt.date | None = None
    # A datetime is a date too, but a time of day has no place in these fields.
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
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
    """Check an integer in ``low..high``; return it as a plain ``int``.

    Integers of any kind (numpy's too) are accepted; booleans and floats (even
    ``2.0``) are refused, so that a typo or a NaN never becomes a weight.
    """
    if (
        isinstance(value, bool)
        or not isinstance(value, numbers.Integral)
        or not low <= int(value) <= high
    ):
        problems.append(Problem(path, f"must be an integer from {low} to {high}", value))
        return None
    return int(value)


def check_number(
    value: object, path: str, problems: list[Problem], *, limit: float
) -> float | int | None:
    """Check a finite number within ``-limit..limit``; return a plain ``int`` or ``float``.

    Booleans are refused.
    """
    number = math.nan
    if not isinstance(value, bool) and isinstance(value, numbers.Real):
        with contextlib.suppress(OverflowError):  # an int too large for a float
            number = float(value)
    if not (math.isfinite(number) and -limit <= number <= limit):
        problems.append(Problem(path, f"must be a number from {-limit:g} to {limit:g}", value))
        return None
    return int(value) if isinstance(value, numbers.Integral) else number


# ---------------------------------------------------------------------------
# objects and lists: shared by the constructors and the file reader


def check_items(
    value: object,
    path: str,
    problems: list[Problem],
    kind: type[_T],
    kind_name: str,
    *,
    max_items: int,
) -> tuple[_T, ...]:
    """Check a sequence of already-built objects (constructor use); return it as a tuple.

    At most ``max_items`` of them: the limits keep a broken or hostile file
    from costing unbounded time and memory.
    """
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        problems.append(Problem(path, f"must be a list of {kind_name}", value))
        return ()
    items = tuple(value)
    if len(items) > max_items:
        problems.append(Problem(path, f"must have at most {max_items} items", len(items)))
        return ()
    for index, item in enumerate(items):
        if not isinstance(item, kind):
            problems.append(Problem(f"{path}[{index}]", f"must be a {kind_name}", item))
    return items


def key_path(path: str, key: object) -> str:
    """The path of ``key`` inside the object at ``path`` (odd keys shown quoted)."""
    if isinstance(key, str) and key.isidentifier():
        return f"{path}.{key}" if path else key
    return f"{path}[{key!r}]"


def check_mapping(
    data: object,
    path: str,
    problems: list[Problem],
    *,
    known: Iterable[str],
    required: Iterable[str] = (),
) -> dict[str, Any] | None:
    """Check that ``data`` is an object with no unknown and all required keys.

    Returns the known keys, each missing required one set to the missing
    marker, so that the constructor still reports the problems of the other
    fields. An unknown key is refused with a hint at the closest known one, so
    that a typo such as ``wieght`` never vanishes silently.
    """
    if not isinstance(data, Mapping):
        problems.append(Problem(path, "must be an object", data))
        return None
    names = set(known)
    raw: dict[str, Any] = {}
    for key, value in data.items():
        if key in names:
            raw[key] = value
            continue
        hint = _closest(str(key), names)
        advice = f"; did you mean {hint!r}?" if hint else ""
        problems.append(
            Problem(key_path(path, key), f"must not be here (unknown field{advice})", value)
        )
    for key in required:
        if key not in data:
            problems.append(Problem(key_path(path, key), "must be given", MISSING))
            raw[key] = MISSING
    return raw


def _closest(word: str, choices: Iterable[str]) -> str | None:
    import difflib  # only needed on the error path

    matches = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def build(
    cls: Callable[..., _T], kwargs: dict[str, Any], path: str, problems: list[Problem]
) -> _T | None:
    """Construct ``cls(**kwargs)``; on failure add its problems (seen from ``path``).

    Returns None when the object could not be built or a required field was
    missing (that one is already reported as "must be given").
    """
    missing = {key for key, value in kwargs.items() if value is MISSING}
    call = {key: (None if value is MISSING else value) for key, value in kwargs.items()}
    try:
        built = cls(**call)
    except ValidationError as error:
        kept = [p for p in error.problems if _field_of(p.path) not in missing]
        problems.extend(p.prefixed(path) for p in kept)
        return None
    return None if missing else built


def _field_of(path: str) -> str:
    return path.split(".")[0].split("[")[0]


def read_list(
    data: object,
    path: str,
    problems: list[Problem],
    reader: Callable[[object, str, list[Problem]], _T | None],
    *,
    max_items: int,
    allow_null: bool = True,
) -> tuple[_T, ...] | None:
    """Read a JSON list item by item, collecting every item's problems.

    ``null`` counts as an empty list when ``allow_null``. A list longer than
    ``max_items`` is refused before any item is read. Returns None when
    anything was wrong.
    """
    if data is None and allow_null:
        return ()
    if not isinstance(data, list):
        problems.append(Problem(path, "must be a list", data))
        return None
    if len(data) > max_items:
        problems.append(Problem(path, f"must have at most {max_items} items", len(data)))
        return None
    items = [reader(item, f"{path}[{index}]", problems) for index, item in enumerate(data)]
    kept = [item for item in items if item is not None]
    return tuple(kept) if len(kept) == len(items) else None
