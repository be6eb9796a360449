"""Reading and writing the workspace file.

The format itself (bytes to :class:`Workspace` and back) lives in
:mod:`followup.storage.fileformat`; this module handles the file. Loading refuses anything it cannot
read with a :class:`~followup.errors.WorkspaceError` and never touches the
file; saving is atomic (:mod:`followup.storage.atomic`), happens under a lock beside
the file (:mod:`followup.storage.lock`) and keeps the previous version as
``<name>.bak``. For two programs editing one file, see
:class:`followup.storage.workspace_file.WorkspaceFile`.

Standard library only.
"""

from __future__ import annotations

import hashlib
import os
from importlib import resources
from pathlib import Path

from followup.errors import WorkspaceError
from followup.model import Workspace
from followup.storage.atomic import (
    existing_mode,
    link_atomically,
    sweep_temporary_files,
    temporary_files,
    write_atomically,
)
from followup.storage.fileformat import (
    MAX_FILE_BYTES,
    backup_path,
    parse_workspace,
    too_large,
    workspace_bytes,
)
from followup.storage.lock import DEFAULT_LOCK_TIMEOUT, hold_lock, try_lock

__all__ = [
    "MAX_FILE_BYTES",
    "backup_path",
    "example_workspace",
    "load_workspace",
    "parse_workspace",
    "restore_backup",
    "save_workspace",
    "workspace_bytes",
]

# Digests of file contents this process has read or written as valid workspaces
# (per path), so that a save need not validate again the file it is replacing.
_VALID_CONTENT: dict[str, str] = {}
_VALID_CONTENT_LIMIT = 256


def real_path(path: str | os.PathLike[str]) -> Path:
    """The file a path names: a symbolic link is followed, so that saving keeps the link.

    The lock, the backup and the temporary files then sit beside the real file,
    whichever name each program opened it by.
    """
    path = Path(path)
    return path.resolve() if path.is_symlink() else path


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
    """The bytes of a file, refused (before reading it) when over the size cap.

    Raises :class:`FileNotFoundError` for a missing file and
    :class:`WorkspaceError` for any other reason it cannot be read.
    """
    source = str(path)
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise too_large(source, size)
            # One byte more than the cap: a file that grew since fstat is caught by parse_workspace.
            return handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise
    except IsADirectoryError:
        raise WorkspaceError(f"{source} is a folder, not a workspace file") from None
    except OSError as error:
        raise WorkspaceError(f"{source} cannot be read: {error.strerror or error}") from None


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


def load_workspace(path: str | os.PathLike[str]) -> Workspace:
    """Read a workspace file.

    Refuses, with a :class:`~followup.errors.WorkspaceError` that says why and
    without touching the file: a missing or unreadable file, a file over 20 MB
    (before reading it), text that is not UTF-8 JSON (with line and column),
    a top level that is not an object, a missing or foreign ``format``, a
    ``version`` newer than this package reads, ``NaN``/``Infinity``, duplicate
    keys, deep nesting, and every invalid field (all listed, each with its
    path; the :class:`~followup.errors.ValidationError` is chained). A leading
    BOM is accepted. Temporary files left by a crashed save are swept when no
    save is running.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> save_workspace(example_workspace(), folder / "search.json")
    >>> load_workspace(folder / "search.json") == example_workspace()
    True
    """
    path = real_path(path)
    sweep_if_free(path)
    try:
        raw = read_capped(path)
    except FileNotFoundError:
        raise WorkspaceError(f"{path} does not exist") from None
    workspace = parse_workspace(raw, source=str(path))
    remember_valid(path, raw)
    return workspace


def example_workspace() -> Workspace:
    """The bundled example: a job search with six opportunities at different stages.

    >>> ws = example_workspace()
    >>> len(ws.opportunities) >= 5
    True
    """
    raw = resources.files("followup").joinpath("data", "example.json").read_bytes()
    return parse_workspace(raw, source="the bundled example")


# ---------------------------------------------------------------------------
# writing


def save_workspace(
    workspace: Workspace,
    path: str | os.PathLike[str],
    *,
    force: bool = False,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
) -> None:
    """Write a workspace file atomically, keeping the previous version as ``<name>.bak``.

    The new content goes to a temporary file in the same folder, is synced,
    then replaces the file in one step (and the folder is synced), so a crash
    leaves either the old or the new file, never a torn one. Saves hold a lock
    on ``<name>.lock`` beside the file, so two programs saving at once take
    turns; temporary files a crash left behind are removed. The file's
    permission bits are kept. An existing file that is not a readable
    workspace is never replaced unless ``force=True`` (and even then it is
    kept as ``<name>.corrupt-<n>``). Any failure raises
    :class:`WorkspaceError` and leaves the file as it was.

    This function overwrites whatever workspace is in the file; to save
    without losing edits another program made since loading, use
    :class:`followup.storage.workspace_file.WorkspaceFile`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "search.json"
    >>> save_workspace(Workspace(), path)
    >>> save_workspace(example_workspace(), path)
    >>> load_workspace(backup_path(path)) == Workspace()
    True
    """
    data = workspace_bytes(workspace)
    path = real_path(path)
    check_folder(path)
    with hold_lock(path, timeout=lock_timeout):
        sweep_temporary_files(path)
        previous = read_current(path, force=force)
        replace_contents(path, data, previous, force=force)


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
        if force and not path.is_dir():
            return None
        raise WorkspaceError(
            f"refusing to replace {path}: {error}; pass force=True to replace it anyway"
        ) from None


def replace_contents(path: Path, data: bytes, previous: bytes | None, *, force: bool) -> None:
    """Replace the file's content (lock held), keeping what it held before.

    ``previous`` is what :func:`read_current` found. A readable previous
    version becomes ``<name>.bak``. A file that is not a readable workspace is
    refused, or with ``force`` kept aside as ``<name>.corrupt-<n>`` (the
    backup of the last good version stays as it is).
    """
    if previous is not None and previous == data:
        return  # already on disk: keep the file, its backup and its mtime
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
        if previous is not None and problem is None:
            _keep_backup(path, previous, mode)
        elif os.path.lexists(path):
            _keep_aside(path, previous, mode)
        write_atomically(path, data, mode=mode)
    except OSError as error:
        raise WorkspaceError(
            f"{path} could not be saved ({error.strerror or error}); the file on disk is unchanged"
        ) from None
    remember_valid(path, data)


def _keep_backup(path: Path, previous: bytes, mode: int | None) -> None:
    """Make the version about to be replaced ``<name>.bak`` (lock held)."""
    try:
        # The old file itself becomes the backup: nothing to copy or sync again.
        link_atomically(path, backup_path(path), owner=path)
    except OSError:
        # No hard links here (some network or FAT file systems): copy it.
        write_atomically(backup_path(path), previous, owner=path, mode=mode, sync_folder=False)


def _workspace_problem(raw: bytes, path: Path) -> WorkspaceError | None:
    try:
        parse_workspace(raw, source=str(path))
    except WorkspaceError as error:
        return error
    return None


def _keep_aside(path: Path, previous: bytes | None, mode: int | None) -> Path:
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


def _readable_or_none(path: Path) -> bytes | None:
    try:
        return read_capped(path)
    except (FileNotFoundError, WorkspaceError):
        return None


def _free_aside_path(path: Path) -> Path:
    number = 1
    while os.path.lexists(aside := path.with_name(f"{path.name}.corrupt-{number}")):
        number += 1
    return aside


def restore_backup(
    path: str | os.PathLike[str], *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT
) -> Path:
    """Put ``<name>.bak`` back in place of a damaged workspace file.

    The file being replaced is never deleted: it is moved aside to
    ``<name>.corrupt-<n>`` first. The backup must itself be a readable
    workspace, and stays where it is.

    Returns
    -------
    Path
        Where the replaced file was set aside (the workspace path itself when
        there was no file to set aside).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "search.json"
    >>> save_workspace(example_workspace(), path)
    >>> save_workspace(Workspace(), path)
    >>> _ = path.write_bytes(b'{"format": "followup-wor')   # damaged
    >>> restore_backup(path).name
    'search.json.corrupt-1'
    >>> load_workspace(path) == example_workspace()
    True
    """
    path = real_path(path)
    backup = backup_path(path)
    with hold_lock(path, timeout=lock_timeout):
        sweep_temporary_files(path)
        try:
            raw = read_capped(backup)
        except FileNotFoundError:
            raise WorkspaceError(f"{backup} does not exist; nothing was changed") from None
        parse_workspace(raw, source=str(backup))
        aside = path
        mode = existing_mode(path)
        try:
            if os.path.lexists(path):
                # Linked (or copied) aside, then replaced: the path never goes missing.
                aside = _keep_aside(path, _readable_or_none(path), mode)
            write_atomically(path, raw, mode=mode)
        except OSError as error:
            raise WorkspaceError(
                f"{path} could not be restored from {backup} ({error.strerror or error})"
            ) from None
    return aside
