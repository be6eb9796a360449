"""One workspace file, opened by several programs at once, with no update lost.

JupyterLab and Voila (or two notebooks) may have the same workspace open. A
:class:`WorkspaceFile` remembers what it loaded (and a hash of the bytes);
when it saves, it takes the lock beside the file and looks at the file again:

- unchanged since loading (or only touched: same bytes, a new date): it saves;
- changed by another program: it merges, one opportunity at a time
  (:func:`~followup.storage.merge.merge_workspaces`). Edits to different
  opportunities (or the owner or settings changed on one side only) are
  merged and saved, and the merged workspace is returned so the caller can
  show it;
- both sides changed the same opportunity differently: nothing is saved, the
  caller's version is kept beside the file as ``<stem>.conflict-<n>.json``, and
  :class:`ConflictError` names the opportunities.

Standard library only.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from followup.errors import ConflictError, WorkspaceError
from followup.model import Workspace
from followup.storage.atomic import existing_mode, sweep_temporary_files, write_atomically
from followup.storage.fileformat import parse_workspace, workspace_bytes
from followup.storage.files import (
    check_folder,
    read_capped,
    read_current,
    real_path,
    remember_valid,
    replace_contents,
    sweep_if_free,
)
from followup.storage.lock import DEFAULT_LOCK_TIMEOUT, hold_lock
from followup.storage.merge import merge_workspaces

__all__ = ["ConflictError", "WorkspaceFile", "conflict_copy_path"]


def conflict_copy_path(path: str | os.PathLike[str], number: int) -> Path:
    """The name of the ``number``-th conflict copy of a workspace file.

    >>> conflict_copy_path("searches/mine.json", 2).name
    'mine.conflict-2.json'
    """
    path = Path(path)
    return path.with_name(f"{path.stem}.conflict-{number}{path.suffix or '.json'}")


def _digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


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
    >>> save_workspace(example_workspace(), path)
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
        self.path = Path(path)
        self.lock_timeout = lock_timeout
        self._base: Workspace | None = None
        self._base_digest: str | None = None
        self._conflict_copy: tuple[Path, str] | None = None

    def __repr__(self) -> str:
        return f"WorkspaceFile({str(self.path)!r})"

    @property
    def base(self) -> Workspace | None:
        """The workspace as last loaded or saved through this object (None before that)."""
        return self._base

    def load(self) -> Workspace:
        """Read the file (as :func:`~followup.storage.files.load_workspace` does) and remember it.

        Raises
        ------
        WorkspaceError
            For every reason the file cannot be read; it is left untouched.
        """
        target = real_path(self.path)
        sweep_if_free(target)
        try:
            raw = read_capped(target)
        except FileNotFoundError:
            raise WorkspaceError(f"{self.path} does not exist") from None
        workspace = parse_workspace(raw, source=str(self.path))
        remember_valid(target, raw)
        self._remember(workspace, raw)
        return workspace

    def changed_on_disk(self) -> bool:
        """True when the file's bytes differ from what was last loaded or saved here.

        Touching the file (a new date, the same bytes) is not a change.
        """
        try:
            raw = read_capped(real_path(self.path))
        except (FileNotFoundError, WorkspaceError):
            return self._base_digest is not None
        return _digest(raw) != self._base_digest

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
        data = workspace_bytes(workspace)
        target = real_path(self.path)
        check_folder(target)
        with hold_lock(target, timeout=self.lock_timeout):
            sweep_temporary_files(target)
            current = read_current(target, force=force)
            if not force and self._changed_elsewhere(current):
                assert current is not None  # a missing file is not a change that needs merging
                workspace = self._merged(workspace, data, current, target)
                data = workspace_bytes(workspace)
            replace_contents(target, data, current, force=force)
        self._remember(workspace, data)
        return workspace

    def _changed_elsewhere(self, current: bytes | None) -> bool:
        # Never loaded: there is nothing to merge with, this is a plain save.
        # The file was deleted meanwhile: saving recreates it, nothing is lost.
        if self._base_digest is None or current is None:
            return False
        return _digest(current) != self._base_digest

    def _merged(
        self, mine: Workspace, mine_bytes: bytes, current: bytes, target: Path
    ) -> Workspace:
        """Merge with the file's current content, or keep ``mine`` aside and raise (lock held)."""
        assert self._base is not None
        try:
            theirs = parse_workspace(current, source=str(self.path))
        except WorkspaceError as error:
            copy = self._keep_conflict_copy(mine_bytes, target)
            raise WorkspaceError(
                f"refusing to replace {self.path}: another program changed it and it is no "
                f"longer a readable followup workspace ({error}); your version is kept in "
                f"{copy}; pass force=True to replace the file anyway"
            ) from None
        result = merge_workspaces(self._base, mine, theirs)
        remember_valid(target, current)
        if result.workspace is None:
            copy = self._keep_conflict_copy(mine_bytes, target)
            raise ConflictError(
                f"{self.path} was changed by another program since it was loaded here, and both "
                f"changed {_describe_parts(result.conflicts)}: nothing was saved to {self.path}. "
                f"Your version is kept in {copy}; load the file again and redo those edits, "
                "or save with force=True to replace the other version (it stays in the .bak file)",
                conflicts=result.conflicts,
                conflict_copy=copy,
            )
        return result.workspace

    def _keep_conflict_copy(self, data: bytes, target: Path) -> Path:
        copy = self._reusable_conflict_copy() or self._free_conflict_copy(target)
        try:
            write_atomically(copy, data, owner=target, mode=existing_mode(target))
        except OSError as error:
            raise WorkspaceError(
                f"{self.path} was changed by another program and your version could not be kept "
                f"in {copy} ({error.strerror or error}); nothing was saved, keep this program "
                "open and save your workspace under another name"
            ) from None
        self._conflict_copy = (copy, _digest(data))
        return copy

    @staticmethod
    def _free_conflict_copy(target: Path) -> Path:
        number = 1
        while os.path.lexists(copy := conflict_copy_path(target, number)):
            number += 1
        return copy

    def _reusable_conflict_copy(self) -> Path | None:
        """The conflict copy this handle wrote last, if it is still exactly as written.

        An app saves after every edit: until the conflict is resolved, each
        attempt refreshes one copy (the latest version holds the earlier edits
        too) instead of leaving a new file per keystroke.
        """
        if self._conflict_copy is None:
            return None
        copy, digest = self._conflict_copy
        try:
            unchanged = _digest(read_capped(copy)) == digest
        except (FileNotFoundError, WorkspaceError):
            return None
        return copy if unchanged else None

    def _remember(self, workspace: Workspace, raw: bytes) -> None:
        self._base = workspace
        self._base_digest = _digest(raw)
        self._conflict_copy = None


def _describe_parts(conflicts: tuple[str, ...]) -> str:
    opportunities = [part for part in conflicts if part not in ("owner", "settings")]
    words = []
    if opportunities:
        noun = "opportunity" if len(opportunities) == 1 else "opportunities"
        words.append(f"{noun} " + ", ".join(repr(part) for part in opportunities))
    words += [f"the {part}" for part in conflicts if part in ("owner", "settings")]
    return " and ".join(words)
