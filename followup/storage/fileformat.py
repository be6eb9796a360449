"""The workspace file format: bytes in, :class:`Workspace` out, and back.

A named, versioned envelope (``"format": "followup-workspace"``,
``"version": 2``) around :meth:`Workspace.to_dict`, with one reader per
version. Parsing refuses anything it cannot read with a
:class:`~followup.errors.WorkspaceError`; writing is canonical (indented
UTF-8, never NaN) and always in the current version. Files are handled by
:mod:`followup.storage.files`.

Versions:

1. The first format.
2. Adds ``settings.english`` and ``settings.greeting``, the workspace's
   ``dictionary``, ``notes.fact_source`` and each opportunity's ``drafts``.
   Every addition is optional, so a version 1 file is read as version 2 with
   the defaults (and one that already holds a version 2 field is read too).

Standard library only.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from followup.errors import MISSING, ValidationError, WorkspaceError, describe_value
from followup.model import FORMAT_NAME, FORMAT_VERSION, Workspace
from followup.storage.paths import backup_path

__all__ = [
    "MAX_FILE_BYTES",
    "format_version",
    "parse_workspace",
    "too_large",
    "workspace_bytes",
]

MAX_FILE_BYTES = 20 * 1024 * 1024


# ---------------------------------------------------------------------------
# reading bytes


class _RefusedJSONError(Exception):
    pass


def _reject_constant(name: str) -> Any:
    raise _RefusedJSONError(f"{name} is not a number JSON allows (write a plain number or null)")


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _RefusedJSONError(f"the key {key!r} appears twice in one object")
        result[key] = value
    return result


#: Digits a whole number in a workspace may have: weights and days need two, a
#: threshold four. Longer ones are refused before Python converts them (which is
#: slow for huge numbers, and refused past 4300 digits without a position).
_MAX_DIGITS = 30


class _NumberTooLongError(Exception):
    def __init__(self, digits: str) -> None:
        super().__init__(digits)
        self.digits = digits


def _small_int(digits: str) -> int:
    if len(digits.lstrip("-")) > _MAX_DIGITS:
        raise _NumberTooLongError(digits)
    return int(digits)


def _position(text: str, digits: str) -> str:
    """"line L column C" of the first place ``digits`` appear as a number in ``text``."""
    index = max(text.find(digits), 0)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"line {line} column {column}"


def _describe_top_level(data: object) -> str:
    kinds = {list: "a list", str: "a string", type(None): "null", bool: "a boolean"}
    return kinds.get(type(data), "a number")


def _read_version_1(data: dict[str, Any]) -> Workspace:
    # Version 2 only added optional fields: a version 1 file is a version 2 file without them.
    return Workspace.from_dict({**data, "version": 2})


_READERS: dict[int, Callable[[dict[str, Any]], Workspace]] = {
    1: _read_version_1,
    2: Workspace.from_dict,
}


def format_version(raw: bytes) -> int | None:
    """The format version a readable workspace file was written in (None if not readable).

    >>> format_version(b'{"format": "followup-workspace", "version": 1, "opportunities": []}')
    1
    """
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    version = data.get("version") if isinstance(data, dict) else None
    return version if type(version) is int else None


def too_large(source: str, size: int) -> WorkspaceError:
    return WorkspaceError(
        f"{source} is {size:,} bytes; a workspace file must be at most {MAX_FILE_BYTES:,} bytes"
    )


def parse_workspace(raw: bytes, *, source: str = "workspace") -> Workspace:
    """Parse the bytes of a workspace file; :class:`WorkspaceError` for every reason to refuse.

    ``source`` names the file in messages.

    Examples
    --------
    >>> parse_workspace(b'{"format": "followup-workspace", "version": 1, "opportunities": []}').ids
    ()
    >>> parse_workspace(b"[]", source="mine.json")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    followup.errors.WorkspaceError: mine.json is not a followup workspace: the top level must be ...
    """
    if len(raw) > MAX_FILE_BYTES:
        raise too_large(source, len(raw))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise WorkspaceError(
            f"{source} is not UTF-8 text: byte {error.start} is "
            f"{raw[error.start : error.start + 1]!r}"
        ) from None
    if not text.strip():
        raise WorkspaceError(
            f"{source} is not a followup workspace: it is empty (line 1 column 1)"
            + _backup_hint(source)
        )
    try:
        data = json.loads(
            text,
            object_pairs_hook=_no_duplicate_keys,
            parse_constant=_reject_constant,
            parse_int=_small_int,
        )
    except json.JSONDecodeError as error:
        # Some messages end in "at" already ("Unterminated string starting at").
        at = "" if error.msg.endswith(" at") else " at"
        raise WorkspaceError(
            f"{source} is not valid JSON: {error.msg}{at} line {error.lineno} column {error.colno}"
            + _backup_hint(source)
        ) from None
    except _NumberTooLongError as error:
        raise WorkspaceError(
            f"{source} is not a followup workspace: a number of {len(error.digits):,} digits at "
            f"{_position(text, error.digits)} is too long (numbers in a workspace have at most "
            f"{_MAX_DIGITS} digits)"
        ) from None
    except _RefusedJSONError as error:
        raise WorkspaceError(f"{source} is not a followup workspace: {error}") from None
    except RecursionError:
        raise WorkspaceError(
            f"{source} is not a followup workspace: it is nested too deeply"
        ) from None
    except ValueError as error:
        # e.g. an integer with more digits than Python converts (int_max_str_digits).
        raise WorkspaceError(f"{source} is not a followup workspace: {error}") from None
    return _read_envelope(data, source)


def _read_envelope(data: object, source: str) -> Workspace:
    if not isinstance(data, dict):
        raise WorkspaceError(
            f"{source} is not a followup workspace: the top level must be an object; "
            f"got {_describe_top_level(data)}"
        )
    if data.get("format") != FORMAT_NAME:
        got = describe_value(data.get("format", MISSING))
        raise WorkspaceError(
            f"{source} is not a followup workspace: format must be {FORMAT_NAME!r}; got {got}"
        )
    version = data.get("version")
    if type(version) is not int:
        got = describe_value(data.get("version", MISSING))
        raise WorkspaceError(f"{source}: version must be an integer; got {got}")
    if version > FORMAT_VERSION:
        raise WorkspaceError(
            f"{source} was created by a newer followup (format version {version}); this followup "
            f"reads versions up to {FORMAT_VERSION}: upgrade followup to open it"
        )
    reader = _READERS.get(version)
    if reader is None:
        raise WorkspaceError(f"{source}: version must be one of {sorted(_READERS)}; got {version}")
    try:
        return reader(data)
    except ValidationError as error:
        raise WorkspaceError(f"{source} is not a valid workspace: {error}") from error
    except RecursionError:
        raise WorkspaceError(
            f"{source} is not a followup workspace: it is nested too deeply"
        ) from None


def _backup_hint(source: str) -> str:
    backup = backup_path(source)
    try:
        present = backup.is_file()
    except (OSError, ValueError):
        present = False
    if present:
        return f"; the previous version is in {backup} (restore it with followup.restore_backup)"
    return ""


# ---------------------------------------------------------------------------
# writing bytes


def workspace_bytes(workspace: Workspace) -> bytes:
    """The canonical file content: indented UTF-8 JSON, never NaN, ending in a newline.

    >>> workspace_bytes(Workspace())[:40]
    b'{\\n  "format": "followup-workspace",\\n  "v'
    """
    if not isinstance(workspace, Workspace):
        raise WorkspaceError(f"workspace must be a Workspace; got {type(workspace).__name__}")
    try:
        text = json.dumps(workspace.to_dict(), indent=2, ensure_ascii=False, allow_nan=False)
        return (text + "\n").encode("utf-8")
    except (ValueError, UnicodeEncodeError) as error:
        # The model refuses NaN and broken text; this guards the file regardless.
        raise WorkspaceError(
            f"the workspace cannot be written as a workspace file: {error}"
        ) from None
