"""One workspace file, opened by several programs at once, with no update lost.

JupyterLab and Voila (or two notebooks) may have the same workspace open.
Whatever loads a workspace remembers what it loaded (the workspace and a hash
of the bytes); when it saves, it takes the lock beside the file and looks at
the file again:

- unchanged since loading (or only touched: same bytes, a new date): it saves;
- changed by another program: it merges, one opportunity at a time
  (:func:`~followup.storage.merge.merge_workspaces`). Edits to different
  opportunities (or the owner or settings changed on one side only) are
  merged and saved, and the merged workspace is returned so the caller can
  show it;
- both sides changed the same opportunity differently: nothing is saved, the
  caller's version is kept beside the file as ``<stem>.conflict-<n>.json``, and
  :class:`~followup.errors.ConflictError` names the opportunities.

A :class:`WorkspaceFile` is a handle that remembers the last load or save made
through it (what the app uses); :func:`load` and :func:`save` do the same for a
workspace that remembers where it was loaded from (what
:func:`~followup.storage.files.load_workspace` and
:func:`~followup.storage.files.save_workspace` use). Standard library only.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from followup.errors import ConflictError, WorkspaceError
from followup.model import Workspace
from followup.storage.atomic import existing_mode, sweep_temporary_files, write_atomically
from followup.storage.disk import (
    check_folder,
    read_capped,
    read_current,
    remember_valid,
    replace_contents,
    sweep_if_free,
)
from followup.storage.fileformat import parse_workspace, workspace_bytes
from followup.storage.lock import DEFAULT_LOCK_TIMEOUT, hold_lock
from followup.storage.merge import merge_workspaces
from followup.storage.paths import conflict_copy_path, workspace_path

__all__ = ["LoadedFrom", "WorkspaceFile", "load", "save"]


def _digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


@dataclass(frozen=True)
class LoadedFrom:
    """Where a workspace was loaded from (or last saved to), and what the file held then.

    Kept in :attr:`Workspace.origin <followup.model.Workspace.origin>`, which
    edits carry along, so that saving an edited workspace back merges with
    changes made to the file since.
    """

    path: Path
    digest: str
    base: Workspace


def _remember(workspace: Workspace, path: Path, raw: bytes, base: Workspace) -> None:
    # ``origin`` is bookkeeping outside the workspace's value (never compared, never
    # written): setting it on this object changes nothing any other code can see.
    object.__setattr__(workspace, "origin", LoadedFrom(path, _digest(raw), base))


def load(path: str | os.PathLike[str]) -> tuple[Workspace, bytes]:
    """Read a workspace file; the workspace remembers it (see :class:`LoadedFrom`).

    Raises
    ------
    WorkspaceError
        For every reason the file cannot be read; it is left untouched.
    """
    target = workspace_path(path)
    sweep_if_free(target)
    try:
        raw = read_capped(target)
    except FileNotFoundError:
        raise WorkspaceError(f"{target} does not exist") from None
    workspace = parse_workspace(raw, source=str(target))
    remember_valid(target, raw)
    _remember(workspace, target, raw, workspace)
    return workspace, raw


def save(
    workspace: Workspace,
    path: str | os.PathLike[str],
    *,
    base: LoadedFrom | None,
    force: bool = False,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    conflict_copy: tuple[Path, str] | None = None,
    remember: bool = False,
) -> Workspace:
    """Save ``workspace``, merging with changes made to the file since ``base`` was read.

    Returns the workspace now in the file (``workspace`` itself, or merged with
    the changes made elsewhere). ``conflict_copy`` is a copy
    this caller wrote before, refreshed instead of adding another while it is
    unchanged. Without a ``base`` for this path (a workspace built in memory,
    or saved under another name) the file is simply replaced, with the usual
    backup; the saved workspace then remembers the file only with ``remember``
    (a handle that keeps track of its file).
    """
    data = workspace_bytes(workspace)
    target = workspace_path(path)
    check_folder(target)
    if base is not None and base.path != target:
        base = None
    with hold_lock(target, timeout=lock_timeout):
        sweep_temporary_files(target)
        current = read_current(target, force=force)
        changed = current is not None and base is not None and _digest(current) != base.digest
        if changed and not force:
            assert current is not None and base is not None  # for the type checker
            workspace = _merged(workspace, data, current, target, base.base, conflict_copy)
            data = workspace_bytes(workspace)
        replace_contents(target, data, current, force=force)
    if base is not None or remember:
        # What this workspace (and what is edited from it) now stands on.
        _remember(workspace, target, data, workspace)
    return workspace


def _merged(
    mine: Workspace,
    mine_bytes: bytes,
    current: bytes,
    target: Path,
    base: Workspace,
    reusable: tuple[Path, str] | None,
) -> Workspace:
    """Merge with the file's current content, or keep ``mine`` aside and raise (lock held)."""
    try:
        theirs = parse_workspace(current, source=str(target))
    except WorkspaceError as error:
        copy = _keep_conflict_copy(mine_bytes, target, reusable)
        raise ConflictError(
            f"refusing to replace {target}: another program changed it and it is no "
            f"longer a readable followup workspace ({error}); your version is kept in "
            f"{copy}; pass force=True to replace the file anyway",
            conflicts=(),
            conflict_copy=copy,
        ) from None
    result = merge_workspaces(base, mine, theirs)
    remember_valid(target, current)
    if result.workspace is None:
        copy = _keep_conflict_copy(mine_bytes, target, reusable)
        raise ConflictError(
            f"{target} was changed by another program since it was loaded here, and both "
            f"changed {_describe_parts(result.conflicts, (base, theirs, mine))}: nothing was "
            f"saved to {target}. Your version is kept in {copy}; load the file again and redo "
            "those edits, or save with force=True to replace the other version (it stays in "
            "the .bak file)",
            conflicts=result.conflicts,
            conflict_copy=copy,
        )
    return result.workspace


def _keep_conflict_copy(data: bytes, target: Path, reusable: tuple[Path, str] | None) -> Path:
    copy = _unchanged_copy(reusable) or _free_conflict_copy(target)
    try:
        write_atomically(copy, data, owner=target, mode=existing_mode(target))
    except OSError as error:
        raise WorkspaceError(
            f"{target} was changed by another program and your version could not be kept "
            f"in {copy} ({error.strerror or error}); nothing was saved, keep this program "
            "open and save your workspace under another name"
        ) from None
    return copy


def _free_conflict_copy(target: Path) -> Path:
    number = 1
    while os.path.lexists(copy := conflict_copy_path(target, number)):
        number += 1
    return copy


def _unchanged_copy(reusable: tuple[Path, str] | None) -> Path | None:
    """A conflict copy written before, if it is still exactly as written."""
    if reusable is None:
        return None
    copy, digest = reusable
    try:
        unchanged = _digest(read_capped(copy)) == digest
    except (FileNotFoundError, WorkspaceError):
        return None
    return copy if unchanged else None


def _describe_parts(conflicts: tuple[str, ...], versions: tuple[Workspace, ...]) -> str:
    """The conflicting parts in words, each opportunity by the name it had when loaded."""
    names: dict[str, str] = {}
    for version in versions:
        for o in version.opportunities:
            names.setdefault(o.id, f"{o.company} — {o.role}")
    opportunities = [part for part in conflicts if part not in ("owner", "settings")]
    words = []
    if opportunities:
        noun = "opportunity" if len(opportunities) == 1 else "opportunities"
        words.append(f"the {noun} " + ", ".join(names.get(part, part) for part in opportunities))
    words += [f"the {part}" for part in conflicts if part in ("owner", "settings")]
    return " and ".join(words)


class WorkspaceFile:
    """A workspace file that saves without overwriting another program's edits.

    Parameters
    ----------
    path
        The workspace file.
    lock_timeout
        How long a save waits for another program's save to finish.

    Notes
    -----
    Merging needs to know what was loaded: a handle that has not loaded yet
    saves like :func:`~followup.storage.files.save_workspace` (replacing whatever
    workspace is in the file, with the usual backup).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from followup.storage.files import example_workspace, save_workspace
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "search.json"
    >>> _ = save_workspace(example_workspace(), path)
    >>> lab, voila = WorkspaceFile(path), WorkspaceFile(path)
    >>> mine, theirs = lab.load(), voila.load()
    >>> _ = voila.save(theirs.without_opportunity("globex-analytics-engineer"))
    >>> merged = lab.save(mine.without_opportunity("initech-backend-engineer"))
    >>> "globex-analytics-engineer" in merged.ids, "initech-backend-engineer" in merged.ids
    (False, False)
    """

    def __init__(
        self, path: str | os.PathLike[str], *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT
    ) -> None:
        workspace_path(path)  # refuse an impossible path at once
        self.path = Path(path)
        self.lock_timeout = lock_timeout
        self._loaded: LoadedFrom | None = None
        self._conflict_copy: tuple[Path, str] | None = None

    def __repr__(self) -> str:
        return f"WorkspaceFile({str(self.path)!r})"

    @property
    def base(self) -> Workspace | None:
        """The workspace as last loaded or saved through this object (None before that)."""
        return None if self._loaded is None else self._loaded.base

    def load(self) -> Workspace:
        """Read the file (as :func:`~followup.storage.files.load_workspace` does) and remember it.

        Raises
        ------
        WorkspaceError
            For every reason the file cannot be read; it is left untouched.
        """
        workspace, _raw = load(self.path)
        self._loaded = workspace.origin if isinstance(workspace.origin, LoadedFrom) else None
        self._conflict_copy = None
        return workspace

    def changed_on_disk(self) -> bool:
        """True when the file's bytes differ from what was last loaded or saved here.

        Touching the file (a new date, the same bytes) is not a change.
        """
        try:
            raw = read_capped(workspace_path(self.path))
        except (FileNotFoundError, WorkspaceError):
            return self._loaded is not None
        return self._loaded is None or _digest(raw) != self._loaded.digest

    def save(self, workspace: Workspace, *, force: bool = False) -> Workspace:
        """Save, merging edits another program saved since this one loaded.

        Parameters
        ----------
        workspace
            The edited workspace.
        force
            Overwrite whatever is on disk without merging (the previous
            version is still kept as ``<name>.bak``, an unreadable one as
            ``<name>.corrupt-<n>``).

        Returns
        -------
        Workspace
            What is now in the file: ``workspace`` itself, or the merge of it
            with the other program's edits. Keep editing from this one: it is
            also the new base for the next save.

        Raises
        ------
        ConflictError
            Both sides changed the same opportunity (or the owner, or the
            settings) differently. Nothing was saved; ``workspace`` was
            written to ``<stem>.conflict-<n>.json`` beside the file (saving
            again before loading refreshes that same copy). Resolve by
            loading again (the other version) or saving with ``force=True``
            (this one).
        WorkspaceError
            The file could not be saved; it is left as it was.
        """
        try:
            saved = save(
                workspace,
                self.path,
                base=self._loaded,
                force=force,
                lock_timeout=self.lock_timeout,
                conflict_copy=self._conflict_copy,
                remember=True,
            )
        except ConflictError as error:
            self._conflict_copy = (error.conflict_copy, _digest(workspace_bytes(workspace)))
            raise
        self._loaded = saved.origin if isinstance(saved.origin, LoadedFrom) else None
        self._conflict_copy = None
        return saved
