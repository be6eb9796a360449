"""A lock beside the workspace file, so that one writer at a time replaces it.

Every save holds an exclusive lock on ``<name>.lock`` (beside the workspace)
while it reads what is on disk, writes and renames. Two kernels (JupyterLab
and Voila, say) saving the same workspace therefore take turns, and a
temporary file found while holding the lock can only be a crash's leftover.

The lock is filelock's operating-system lock on an open file (``flock`` on
POSIX, ``msvcrt.locking`` on Windows): it disappears when its holder exits or
is killed, so a crash never leaves the workspace locked. Two locks taken in one
process exclude each other too (each opens the file anew), so two
:class:`~followup.storage.workspace_file.WorkspaceFile` objects in one kernel
take turns as well. The lock file itself stays (an empty file).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from followup.errors import WorkspaceError

if TYPE_CHECKING:
    from filelock import FileLock

__all__ = ["DEFAULT_LOCK_TIMEOUT", "hold_lock", "lock_path", "try_lock"]

DEFAULT_LOCK_TIMEOUT = 10.0
_POLL_INTERVAL = 0.01


def lock_path(path: str | os.PathLike[str]) -> Path:
    """The lock file of a workspace: ``<name>.lock`` beside it.

    >>> lock_path("searches/mine.json").name
    'mine.json.lock'
    """
    path = Path(path)
    return path.with_name(path.name + ".lock")


def _lock(workspace: Path, timeout: float) -> FileLock:
    # Imported when first saving: filelock takes longer to import than a save takes.
    from filelock import FileLock

    # Not thread-local and not shared: every call opens its own lock, so that two
    # savers in one process (or one thread) wait for each other like two processes do.
    return FileLock(
        lock_path(workspace),
        timeout=timeout,
        thread_local=False,
        poll_interval=_POLL_INTERVAL,
        preserve_lock_file=True,
    )


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
    from filelock import Timeout

    workspace = Path(workspace)
    lock = _lock(workspace, timeout)
    try:
        lock.acquire()
    except Timeout:
        raise WorkspaceError(
            f"{workspace} is being saved by another program (it holds "
            f"{lock_path(workspace)}) and did not finish within {timeout:g} seconds; "
            "the file on disk is unchanged, try saving again"
        ) from None
    except OSError as error:
        raise WorkspaceError(
            f"{workspace} cannot be locked for saving: {lock_path(workspace)} cannot be opened "
            f"({error.strerror or error}); the file on disk is unchanged"
        ) from None
    try:
        yield
    finally:
        lock.release()


@contextlib.contextmanager
def try_lock(workspace: str | os.PathLike[str]) -> Iterator[bool]:
    """Take the lock only if it is free right now; yields whether it was taken.

    Never waits and never raises: a reader uses it for housekeeping it can skip.
    """
    from filelock import Timeout

    lock = _lock(Path(workspace), timeout=0)
    try:
        lock.acquire(blocking=False)
    except (Timeout, OSError):
        yield False
        return
    try:
        yield True
    finally:
        with contextlib.suppress(OSError):
            lock.release()
