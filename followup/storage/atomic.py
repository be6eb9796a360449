"""Atomic file writes and the sweeping of temporary files left by a crash.

A write goes to a temporary file in the target's own folder (so that the final
rename never crosses a file system), is synced to disk, then renamed over the
target with :func:`os.replace`, and the folder is synced so that the rename
itself survives a power cut. A crash at any moment leaves either the old file
or the new one, never a torn one; at worst a temporary file stays behind,
named ``.<workspace name>.<16 hex digits>.tmp``, which
:func:`sweep_temporary_files` removes later (callers do so while holding the
workspace lock, when no other writer can be using one).

The low-level calls (``os.open``, ``os.write``, ``os.fsync``, ``os.replace``,
which :meth:`pathlib.Path.replace` uses) are looked up on :mod:`os` at call
time, so tests can inject faults there.
Standard library only.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
from pathlib import Path

__all__ = [
    "existing_mode",
    "fsync_folder",
    "is_temporary_file",
    "link_atomically",
    "link_temporary",
    "sweep_temporary_files",
    "temporary_files",
    "write_atomically",
    "write_temporary",
]

_TEMP_SUFFIX = ".tmp"
_TOKEN_HEX_DIGITS = 16
_NEW_FILE_MODE = 0o666  # the umask applies, as for any file a program creates
_WRITE_CHUNK = 1 << 20


def _temp_pattern(owner: Path) -> re.Pattern[str]:
    return re.compile(
        rf"\.{re.escape(owner.name)}\.[0-9a-f]{{{_TOKEN_HEX_DIGITS}}}{re.escape(_TEMP_SUFFIX)}"
    )


def is_temporary_file(candidate: Path, owner: Path) -> bool:
    """True when ``candidate`` is a temporary file that a write for ``owner`` creates.

    >>> from pathlib import Path
    >>> is_temporary_file(Path(".search.json.0123456789abcdef.tmp"), Path("search.json"))
    True
    >>> is_temporary_file(Path("search.json.bak"), Path("search.json"))
    False
    """
    return _temp_pattern(owner).fullmatch(candidate.name) is not None


def temporary_files(owner: Path) -> list[Path]:
    """The temporary files of ``owner`` present in its folder (none if it cannot be listed)."""
    pattern = _temp_pattern(owner)
    folder = owner.parent
    try:
        names = [entry.name for entry in folder.iterdir()]
    except OSError:
        return []
    return sorted(folder / name for name in names if pattern.fullmatch(name))


def sweep_temporary_files(owner: Path) -> list[Path]:
    """Remove the temporary files of ``owner``; return those removed.

    Only call this while holding the workspace lock: a temporary file is
    stale only when no writer can be using it.
    """
    removed = []
    for candidate in temporary_files(owner):
        with contextlib.suppress(FileNotFoundError):
            # lstat, not stat: a symlink with the temp name is removed, never followed.
            if stat.S_ISREG(candidate.lstat().st_mode) or candidate.is_symlink():
                candidate.unlink()
                removed.append(candidate)
    return removed


def existing_mode(path: Path) -> int | None:
    """The permission bits of an existing file, or None when there is none."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return None


def write_atomically(
    target: Path,
    data: bytes,
    *,
    owner: Path | None = None,
    mode: int | None = None,
    sync_folder: bool = True,
) -> None:
    """Replace ``target`` with ``data`` in one step; on any error leave it as it was.

    Parameters
    ----------
    target
        The file to create or replace.
    data
        Its new content.
    owner
        The workspace the write belongs to (``target`` itself by default); the
        temporary file is named after it so that one sweep finds the temporary
        files of the workspace, its backup and its conflict copies.
    mode
        Permission bits for the new file; by default those of the file being
        replaced, or the usual ones (after the umask) for a new file.
    sync_folder
        Sync the folder after the rename (skip it when another write to the
        same folder follows at once: its sync covers both renames).

    Raises
    ------
    OSError
        Whatever the system refused; the temporary file is removed first.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "notes.txt"
    >>> write_atomically(target, b"hello\\n")
    >>> target.read_bytes()
    b'hello\\n'
    """
    temp_path = write_temporary(target, data, owner=owner, mode=mode)
    try:
        temp_path.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp_path.unlink()
        raise
    if sync_folder:
        fsync_folder(target.parent)


def write_temporary(
    target: Path, data: bytes, *, owner: Path | None = None, mode: int | None = None
) -> Path:
    """Write ``data`` to a new temporary file beside ``target`` and sync it; return its path.

    The caller renames it over ``target`` (or removes it). On any error the
    temporary file is removed and the error raised; ``target`` is not touched.
    ``owner`` and ``mode`` are as for :func:`write_atomically`.
    """
    owner = target if owner is None else owner
    if mode is None:
        mode = existing_mode(target)
    descriptor, temp_path = _create_temporary(target.parent, owner)
    try:
        try:
            if mode is not None:
                _set_mode(descriptor, temp_path, mode)
            _write_all(descriptor, data)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
    except BaseException:
        with contextlib.suppress(OSError):
            temp_path.unlink()
        raise
    return temp_path


def link_temporary(source: Path, *, owner: Path) -> Path:
    """A second name for the file ``source`` (a hard link), under a temporary name beside it.

    Raises :class:`OSError` where hard links are not supported.
    """
    while True:
        temp_path = _temporary_name(source.parent, owner)
        try:
            os.link(source, temp_path, follow_symlinks=False)
            return temp_path
        except FileExistsError:  # pragma: no cover - 64 random bits collided
            continue


def link_atomically(source: Path, target: Path, *, owner: Path) -> None:
    """Make ``target`` a second name of the file ``source`` (a hard link), in one step.

    Used for backups: the old version is kept without copying or syncing its
    bytes again. Raises :class:`OSError` where hard links are not supported
    (the caller then copies); the temporary name is removed on any error.
    The folder is not synced (the write that follows does it).
    """
    while True:
        temp_path = _temporary_name(target.parent, owner)
        try:
            os.link(source, temp_path, follow_symlinks=False)
            break
        except FileExistsError:  # pragma: no cover - 64 random bits collided
            continue
    try:
        temp_path.replace(target)
    finally:
        # Renaming a name over another name of the same file succeeds without doing
        # anything (POSIX rename), which leaves the temporary name behind.
        with contextlib.suppress(OSError):
            temp_path.unlink()


def _temporary_name(folder: Path, owner: Path) -> Path:
    token = secrets.token_hex(_TOKEN_HEX_DIGITS // 2)
    return folder / f".{owner.name}.{token}{_TEMP_SUFFIX}"


def _create_temporary(folder: Path, owner: Path) -> tuple[int, Path]:
    flags = (
        os.O_WRONLY
        | os.O_CREAT
        | os.O_EXCL
        | getattr(os, "O_BINARY", 0)
        | getattr(os, "O_NOFOLLOW", 0)
    )
    while True:
        temp_path = _temporary_name(folder, owner)
        try:
            return os.open(temp_path, flags, _NEW_FILE_MODE), temp_path
        except FileExistsError:  # pragma: no cover - 64 random bits collided
            continue


def _set_mode(descriptor: int, temp_path: Path, mode: int) -> None:
    if hasattr(os, "fchmod"):
        os.fchmod(descriptor, mode)
    else:  # pragma: no cover - Windows before Python 3.13
        temp_path.chmod(mode)


def _write_all(descriptor: int, data: bytes) -> None:
    # os.write may write less than asked (a full disk, a signal): loop until done.
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view[:_WRITE_CHUNK])
        if written <= 0:  # never expected from a regular file; refuse to spin
            raise OSError(errno.EIO, "the system wrote nothing")
        view = view[written:]


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable; silently skipped where folders cannot be opened."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
