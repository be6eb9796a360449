"""Reading and writing the workspace file: the plain functions a notebook calls.

The format itself (bytes to :class:`Workspace` and back) lives in
:mod:`followup.storage.fileformat`; the file on disk in :mod:`followup.storage.disk`.
Loading refuses anything it cannot read with a
:class:`~followup.errors.WorkspaceError` and never touches the file; saving is
atomic, happens under a lock beside the file and keeps the previous version as
``<name>.bak``. A workspace loaded from a file remembers what it was loaded
from, so that saving it back over a file another program changed meanwhile
merges the two, or refuses, exactly as a
:class:`~followup.storage.workspace_file.WorkspaceFile` does.

Standard library only.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from followup.errors import WorkspaceError
from followup.model import Workspace
from followup.storage import workspace_file
from followup.storage.atomic import existing_mode, sweep_temporary_files, write_atomically
from followup.storage.disk import keep_aside, read_capped, readable_or_none
from followup.storage.fileformat import parse_workspace
from followup.storage.lock import DEFAULT_LOCK_TIMEOUT, hold_lock
from followup.storage.paths import backup_path, workspace_path

__all__ = [
    "example_workspace",
    "load_workspace",
    "restore_backup",
    "save_workspace",
]


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
    >>> _ = save_workspace(example_workspace(), folder / "search.json")
    >>> load_workspace(folder / "search.json") == example_workspace()
    True
    """
    workspace, _raw = workspace_file.load(path)
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
) -> Workspace:
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

    A workspace loaded from this file (or edited from one that was) remembers
    what the file held then. If another program saved the file meanwhile, the
    two are merged one opportunity at a time; if both changed the same
    opportunity (or the owner, or the settings) differently, nothing is saved,
    this version is kept as ``<stem>.conflict-<n>.json`` beside the file and
    :class:`~followup.errors.ConflictError` says which parts. A workspace built
    in memory (or loaded from another file) simply replaces what is there.

    Returns
    -------
    Workspace
        What is now in the file: ``workspace`` itself, or merged with the
        changes made elsewhere (keep working from this one).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "search.json"
    >>> _ = save_workspace(Workspace(), path)
    >>> _ = save_workspace(example_workspace(), path)
    >>> load_workspace(backup_path(path)) == Workspace()
    True
    """
    origin = getattr(workspace, "origin", None)  # anything but a Workspace is refused below
    return workspace_file.save(
        workspace,
        path,
        base=origin if isinstance(origin, workspace_file.LoadedFrom) else None,
        force=force,
        lock_timeout=lock_timeout,
    )


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
    >>> _ = save_workspace(example_workspace(), path)
    >>> _ = save_workspace(Workspace(), path)
    >>> _ = path.write_bytes(b'{"format": "followup-wor')   # damaged
    >>> restore_backup(path).name
    'search.json.corrupt-1'
    >>> load_workspace(path) == example_workspace()
    True
    """
    path = workspace_path(path)
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
                aside = keep_aside(path, readable_or_none(path), mode)
            write_atomically(path, raw, mode=mode)
        except OSError as error:
            raise WorkspaceError(
                f"{path} could not be restored from {backup} ({error.strerror or error})"
            ) from None
    return aside
