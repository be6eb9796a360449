"""A lock beside the workspace file, so that one writer at a time replaces it.

Every save holds an exclusive lock on ``<name>.lock`` (beside the workspace)
while it reads what is on disk, writes and renames. Two kernels (JupyterLab
and Voila, say) saving the same workspace therefore take turns, and a
temporary file found while holding the lock can only be a crash's leftover.

The lock is an operating-system lock on an open file (``flock`` on POSIX,
``msvcrt.locking`` on Windows): it disappears when its holder exits or is
killed, so a crash never leaves the workspace locked. The lock file itself is
never deleted (deleting it would let two writers lock two different files).
Standard library only.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from followup.errors import WorkspaceError

__all__ = ["DEFAULT_LOCK_TIMEOUT", "hold_lock", "lock_path", "try_lock"]

DEFAULT_LOCK_TIMEOUT = 10.0
_FIRST_PAUSE = 0.005
_LONGEST_PAUSE = 0.1


def lock_path(path: str | os.PathLike[str]) -> Path:
    """The lock file of a workspace: ``<name>.lock`` beside it.

    >>> lock_path("searches/mine.json").name
    'mine.json.lock'
    """
    path = Path(path)
    return path.with_name(path.name + ".lock")


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_acquire(descriptor: int) -> bool:
        try:
            os.lseek(descriptor, 0, os.SEEK_SET)
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _release(descriptor: int) -> None:
        os.lseek(descriptor, 0, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_acquire(descriptor: int) -> bool:
        # flock (not lockf): two opens in one process exclude each other too,
        # so two WorkspaceFile objects in one kernel take turns as well.
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _release(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)


def _open_lock_file(workspace: Path) -> int:
    lock = lock_path(workspace)
    try:
        return os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o666)
    except OSError as error:
        raise WorkspaceError(
            f"{workspace} cannot be locked for saving: {lock} cannot be opened "
            f"({error.strerror or error}); the file on disk is unchanged"
        ) from None


@contextlib.contextmanager
def hold_lock(
    workspace: str | os.PathLike[str], *, timeout: float = DEFAULT_LOCK_TIMEOUT
) -> Iterator[None]:
    """Hold the workspace's lock for the duration of a ``with`` block.

    Waits up to ``timeout`` seconds for another writer to finish, then raises
    :class:`~followup.errors.WorkspaceError`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> workspace = pathlib.Path(tempfile.mkdtemp()) / "search.json"
    >>> with hold_lock(workspace):
    ...     lock_path(workspace).exists()
    True
    """
    workspace = Path(workspace)
    descriptor = _open_lock_file(workspace)
    try:
        deadline = time.monotonic() + timeout
        pause = _FIRST_PAUSE
        while not _try_acquire(descriptor):
            if time.monotonic() >= deadline:
                raise WorkspaceError(
                    f"{workspace} is being saved by another program (it holds "
                    f"{lock_path(workspace)}) and did not finish within {timeout:g} seconds; "
                    "the file on disk is unchanged, try saving again"
                )
            time.sleep(pause)
            pause = min(pause * 2, _LONGEST_PAUSE)
        try:
            yield
        finally:
            _release(descriptor)
    finally:
        os.close(descriptor)


@contextlib.contextmanager
def try_lock(workspace: str | os.PathLike[str]) -> Iterator[bool]:
    """Take the lock only if it is free right now; yields whether it was taken.

    Never waits and never raises: a reader uses it for housekeeping it can skip.
    """
    workspace = Path(workspace)
    try:
        descriptor = os.open(
            lock_path(workspace), os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o666
        )
    except OSError:
        yield False
        return
    try:
        taken = _try_acquire(descriptor)
        try:
            yield taken
        finally:
            if taken:
                _release(descriptor)
    finally:
        os.close(descriptor)
