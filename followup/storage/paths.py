"""The names of a workspace file and of the files kept beside it, and which paths are refused.

Every function that takes a workspace path checks it here first, so that an
empty path, a NUL, a name too long for the file system, a loop of symbolic
links, a folder, or a file that is not a regular file (a named pipe, which
would block the reader forever) is refused at once with a
:class:`~followup.errors.WorkspaceError` naming the path and the reason.
Standard library only.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from followup.errors import WorkspaceError, describe_value

__all__ = [
    "NAME_BYTES",
    "backup_path",
    "conflict_copy_path",
    "version_backup_path",
    "workspace_path",
]

#: The longest file name (in bytes) the common file systems take.
NAME_BYTES = 255

_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def workspace_path(path: object) -> Path:
    """The workspace file a path names, or :class:`WorkspaceError` saying why it cannot be one.

    A symbolic link is followed (so that saving keeps the link, and the lock,
    the backup and the temporary files sit beside the real file whichever name
    each program opened it by). The file need not exist.

    >>> workspace_path("searches/mine.json").name
    'mine.json'
    >>> workspace_path("")
    Traceback (most recent call last):
    ...
    followup.errors.WorkspaceError: the workspace path is empty: name a file such as search.json
    >>> workspace_path("/")
    Traceback (most recent call last):
    ...
    followup.errors.WorkspaceError: / is a folder, not a workspace file
    """
    if not isinstance(path, str | os.PathLike):
        raise WorkspaceError(f"the workspace path must be a file path; got {describe_value(path)}")
    text = os.fspath(path)
    if not isinstance(text, str):
        text = os.fsdecode(text)
    if not text.strip():
        raise WorkspaceError("the workspace path is empty: name a file such as search.json")
    if "\0" in text:
        raise WorkspaceError(
            f"{text!r} cannot be a workspace file: a file name cannot hold a NUL character"
        )
    candidate = Path(text).expanduser()
    _refuse_long_names(candidate, text)
    try:
        if candidate.is_symlink():
            candidate = candidate.resolve(strict=False)
    except (RuntimeError, OSError):
        # Python 3.11 raises RuntimeError for a loop; later ones OSError (ELOOP).
        raise WorkspaceError(f"{text} cannot be opened: it is a loop of symbolic links") from None
    _refuse_long_names(candidate, text)
    _refuse_special(candidate, text)
    return candidate


def _refuse_long_names(candidate: Path, text: str) -> None:
    for part in candidate.parts:
        size = len(os.fsencode(part))
        if size > NAME_BYTES:
            raise WorkspaceError(
                f"{text} cannot be a workspace file: the name {describe_value(part)} is "
                f"{size} bytes long, and file names have at most {NAME_BYTES} bytes"
            )


def _refuse_special(candidate: Path, text: str) -> None:
    """Refuse a folder or a file that is not a regular file (the path may not exist)."""
    if candidate.name in ("", ".", ".."):
        raise WorkspaceError(f"{text} is a folder, not a workspace file")
    try:
        mode = candidate.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        if error.errno == getattr(os, "ELOOP", None):
            loop = f"{text} cannot be opened: it is a loop of symbolic links"
            raise WorkspaceError(loop) from None
        return  # reading or saving reports the reason in its own words
    if stat.S_ISDIR(mode):
        raise WorkspaceError(f"{text} is a folder, not a workspace file")
    for test, kind in _KINDS:
        if test(mode):
            raise WorkspaceError(
                f"{text} is {kind}, not a regular file: a workspace is a file of its own"
            )


def backup_path(path: str | os.PathLike[str]) -> Path:
    """Where saving keeps the previous version: ``<name>.bak`` beside the file.

    >>> backup_path("searches/mine.json").name
    'mine.json.bak'
    """
    path = Path(path)
    return path.with_name(path.name + ".bak")


def version_backup_path(path: str | os.PathLike[str], version: int) -> Path:
    """Where the last file of an older format version is kept once: ``<name>.v<n>.bak``.

    >>> version_backup_path("searches/mine.json", 1).name
    'mine.json.v1.bak'
    """
    path = Path(path)
    return path.with_name(f"{path.name}.v{version}.bak")


def conflict_copy_path(path: str | os.PathLike[str], number: int) -> Path:
    """The name of the ``number``-th conflict copy of a workspace file.

    >>> conflict_copy_path("searches/mine.json", 2).name
    'mine.conflict-2.json'
    """
    path = Path(path)
    return path.with_name(f"{path.stem}.conflict-{number}{path.suffix or '.json'}")
