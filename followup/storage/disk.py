"""The workspace file on disk: reading it safely, and replacing it without losing a version.

Reading opens without blocking and refuses anything but a regular file, and
refuses a file over the size cap before reading it. Replacing (always under
the lock of :mod:`followup.storage.lock`) writes the new content to a
temporary file first; only once that succeeded does the version it replaces
become ``<name>.bak`` (and, the first time a file of an older format version
is replaced, ``<name>.v<n>.bak`` too), and then the new file takes its place
in one step. A failed save therefore leaves the file *and* its backup as they
were. A file that is not a readable workspace is never replaced unless forced,
and then kept aside as ``<name>.corrupt-<n>``. A read-only file is never
replaced. Standard library only.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
from pathlib import Path

from followup.errors import WorkspaceError
from followup.model import FORMAT_VERSION
from followup.storage.atomic import (
    existing_mode,
    fsync_folder,
    link_temporary,
    sweep_temporary_files,
    temporary_files,
    write_atomically,
    write_temporary,
)
from followup.storage.fileformat import MAX_FILE_BYTES, format_version, parse_workspace, too_large
from followup.storage.lock import try_lock
from followup.storage.paths import backup_path, version_backup_path

__all__ = [
    "check_folder",
    "keep_aside",
    "read_capped",
    "read_current",
    "readable_or_none",
    "remember_valid",
    "replace_contents",
    "sweep_if_free",
]

# Digests of file contents this process has read or written as valid workspaces
# (per path), so that a save need not validate again the file it is replacing.
_VALID_CONTENT: dict[str, str] = {}
_VALID_CONTENT_LIMIT = 256
_VERSION = re.compile(rb'"version"\s*:\s*([0-9]{1,9})\b')


def _content_key(path: Path) -> str:
    return os.fspath(path.absolute())


def remember_valid(path: Path, raw: bytes) -> None:
    """Note that ``raw`` is a readable workspace, as read from or written to ``path``."""
    if len(_VALID_CONTENT) >= _VALID_CONTENT_LIMIT:
        del _VALID_CONTENT[next(iter(_VALID_CONTENT))]
    _VALID_CONTENT[_content_key(path)] = hashlib.sha256(raw).hexdigest()


def _known_valid(path: Path, raw: bytes) -> bool:
    return _VALID_CONTENT.get(_content_key(path)) == hashlib.sha256(raw).hexdigest()


# ---------------------------------------------------------------------------
# reading


def read_capped(path: Path) -> bytes:
    """The bytes of a regular file, refused (before reading it) when over the size cap.

    The file is opened without blocking, so that a named pipe put in its place
    is refused at once instead of waiting forever for a writer.

    Raises :class:`FileNotFoundError` for a missing file and
    :class:`WorkspaceError` for any other reason it cannot be read.
    """
    source = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise
    except IsADirectoryError:
        raise WorkspaceError(f"{source} is a folder, not a workspace file") from None
    except OSError as error:
        raise WorkspaceError(f"{source} cannot be read: {error.strerror or error}") from None
    try:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise WorkspaceError(f"{source} is a folder, not a workspace file")
        if not stat.S_ISREG(status.st_mode):
            raise WorkspaceError(
                f"{source} is not a regular file (a named pipe or a device): "
                "a workspace is a file of its own"
            )
        if status.st_size > MAX_FILE_BYTES:
            raise too_large(source, status.st_size)
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            # One byte more than the cap: a file that grew since fstat is caught by the parser.
            return handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise WorkspaceError(f"{source} cannot be read: {error.strerror or error}") from None
    finally:
        os.close(descriptor)


def readable_or_none(path: Path) -> bytes | None:
    """The file's bytes, or None when it is missing or cannot be read."""
    try:
        return read_capped(path)
    except (FileNotFoundError, WorkspaceError):
        return None


def sweep_if_free(path: Path) -> None:
    """Remove a crash's temporary files, but only if no writer holds the lock right now.

    A reader never waits for the lock, and takes it only when there is
    something to sweep (so that reading a file never creates a lock file
    beside it otherwise).
    """
    if not temporary_files(path):
        return
    with try_lock(path) as taken:
        if taken:
            sweep_temporary_files(path)


# ---------------------------------------------------------------------------
# replacing (the lock is held by the caller)


def check_folder(path: Path) -> None:
    """Refuse a path whose folder does not exist (before any lock file is made)."""
    if not path.parent.is_dir():
        raise WorkspaceError(f"{path} cannot be saved: the folder {path.parent} does not exist")


def read_current(path: Path, *, force: bool) -> bytes | None:
    """What the file holds now (None when there is no file), read before replacing it."""
    try:
        return read_capped(path)
    except FileNotFoundError:
        return None
    except WorkspaceError as error:
        if force and path.is_file():
            return None
        raise WorkspaceError(
            f"refusing to replace {path}: {error}; pass force=True to replace it anyway"
        ) from None


def replace_contents(path: Path, data: bytes, previous: bytes | None, *, force: bool) -> None:
    """Replace the file's content (lock held), keeping what it held before.

    ``previous`` is what :func:`read_current` found. A readable previous
    version becomes ``<name>.bak`` once the new content is safely written. A
    file that is not a readable workspace is refused, or with ``force`` kept
    aside as ``<name>.corrupt-<n>`` (the backup of the last good version stays
    as it is). A read-only file is refused even with ``force``: someone made it
    read-only on purpose.
    """
    if previous is not None and previous == data:
        return  # already on disk: keep the file, its backup and its mtime
    _refuse_read_only(path)
    if previous is None or _known_valid(path, previous):
        problem = None
    else:
        problem = _workspace_problem(previous, path)
    if problem is not None and not force:
        raise WorkspaceError(
            f"refusing to replace {path}: it is not a readable followup workspace ({problem}); "
            "pass force=True to replace it anyway"
        )
    # The copies of the old version are as private as the file itself.
    mode = existing_mode(path)
    try:
        if (previous is not None and problem is not None) or (previous is None and path.exists()):
            keep_aside(path, previous, mode)  # a damaged file is kept before anything else
        _replace_keeping_backups(path, data, previous if problem is None else None, mode)
    except OSError as error:
        raise WorkspaceError(
            f"{path} could not be saved ({error.strerror or error}); the file on disk and its "
            "backup are unchanged"
        ) from None
    remember_valid(path, data)


def _replace_keeping_backups(
    path: Path, data: bytes, previous: bytes | None, mode: int | None
) -> None:
    """Write ``data`` over ``path``; the version it replaces becomes the backup only then.

    Order matters: the new content is written and synced first, then the
    current file gets a second (temporary) name, then the new file takes its
    place, and only then does that second name become ``<name>.bak``. A
    failure before the last step leaves the file and its backup as they were;
    a crash leaves at worst a temporary name, swept by the next save.
    """
    new = write_temporary(path, data, mode=mode)
    kept: list[tuple[Path, Path]] = []
    try:
        if previous is not None:
            kept = _second_names(path, previous, mode)
        new.replace(path)
    except BaseException:
        for temporary in (new, *(temporary for temporary, _ in kept)):
            with contextlib.suppress(OSError):
                temporary.unlink()
        raise
    for temporary, final in kept:
        try:
            temporary.replace(final)
        except OSError:
            # The save itself is done: keep the replaced version by copying it instead.
            with contextlib.suppress(OSError):
                temporary.unlink()
            with contextlib.suppress(OSError):
                write_atomically(final, previous or b"", owner=path, mode=mode, sync_folder=False)
    fsync_folder(path.parent)


def _refuse_read_only(path: Path) -> None:
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if stat.S_ISREG(mode) and not mode & stat.S_IWUSR:
        raise WorkspaceError(
            f"{path} is read-only, so it was not replaced; nothing was saved. Make it writable "
            "again (for example chmod u+w) to save your changes to it"
        )


def _second_names(path: Path, previous: bytes, mode: int | None) -> list[tuple[Path, Path]]:
    """Temporary names for the version about to be replaced, each with the name it will take.

    That is ``<name>.bak``, and the first time a file of an older format
    version is replaced, ``<name>.v<n>.bak`` too (for a followup that only
    reads that version).
    """
    backup = backup_path(path)
    if backup.is_dir():
        reason = f"its backup {backup} is a folder; move or rename that folder to save again"
        raise IsADirectoryError(0, reason)
    targets = [backup]
    # A canonical file names its version near the top: no need to parse all of it.
    found = _VERSION.search(previous, 0, 4096)
    version = int(found.group(1)) if found else format_version(previous)
    if version is not None and version < FORMAT_VERSION:
        older = version_backup_path(path, version)
        if not os.path.lexists(older):
            targets.append(older)
    kept = []
    for target in targets:
        try:
            # The old file itself gets the name: nothing to write or sync again.
            temporary = link_temporary(path, owner=path)
        except OSError:
            # No hard links here (some network or FAT file systems): copy it.
            temporary = write_temporary(target, previous, owner=path, mode=mode)
        kept.append((temporary, target))
    return kept


def _workspace_problem(raw: bytes, path: Path) -> WorkspaceError | None:
    try:
        parse_workspace(raw, source=str(path))
    except WorkspaceError as error:
        return error
    return None


def keep_aside(path: Path, previous: bytes | None, mode: int | None) -> Path:
    """Keep a copy of a file about to be replaced as ``<name>.corrupt-<n>``."""
    aside = _free_aside_path(path)
    try:
        # A hard link keeps even a file too large or not permitted to read, at no cost.
        os.link(path, aside, follow_symlinks=False)
    except OSError:
        if previous is None:
            raise
        write_atomically(aside, previous, owner=path, mode=mode, sync_folder=False)
    return aside


def _free_aside_path(path: Path) -> Path:
    number = 1
    while os.path.lexists(aside := path.with_name(f"{path.name}.corrupt-{number}")):
        number += 1
    return aside
