"""Where a session keeps its workspace: a file saved on every change, or memory only.

A store's ``save`` returns the workspace as it now stands on disk, which can
hold edits made meanwhile by another program (a second kernel on the same
file) when they did not overlap with ours.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from followup.model import Workspace

__all__ = ["FileStore", "MemoryStore", "SaveStatus", "Store", "saved_message"]


@dataclass(frozen=True)
class SaveStatus:
    """What the last save did, in words: ``ok`` is False when the work is not on disk."""

    ok: bool
    message: str


class Store(Protocol):
    """Keeps a session's workspace somewhere."""

    #: The workspace file, or None when nothing is written to disk.
    path: Path | None

    def save(self, workspace: Workspace, *, force: bool = False) -> Workspace:
        """Keep ``workspace``; return the workspace as it is now kept.

        ``force`` replaces what another program left there (kept aside).
        """
        ...  # pragma: no cover - protocol

    def describe(self) -> str:
        """Where the work is kept, for a person."""
        ...  # pragma: no cover - protocol


class MemoryStore:
    """Keeps the workspace in memory only: nothing is ever written."""

    path: Path | None = None

    def __init__(self, description: str = "kept in memory only; nothing is saved to disk") -> None:
        self._description = description

    def save(self, workspace: Workspace, *, force: bool = False) -> Workspace:
        """Nothing to write: the workspace stays as it is."""
        return workspace

    def describe(self) -> str:
        """Where the work is kept, for a person."""
        return self._description


class FileStore:
    """Saves to a workspace file, atomically, with a backup of the previous version.

    Edits saved meanwhile by another program (a second kernel on the same
    file) are merged when they touch other opportunities; overlapping edits
    raise :class:`~followup.storage.workspace_file.ConflictError` (a
    :class:`~followup.errors.WorkspaceError`) and leave the file as the other
    program wrote it.
    """

    def __init__(self, path: Path) -> None:
        from followup.storage.workspace_file import WorkspaceFile

        self.path: Path | None = path
        self._file = WorkspaceFile(path)

    def load(self) -> Workspace:
        """Read the file (again); :class:`~followup.errors.WorkspaceError` when it cannot be."""
        return self._file.load()

    def save(self, workspace: Workspace, *, force: bool = False) -> Workspace:
        """Save; return what the file now holds (merged with edits made elsewhere).

        With ``force`` the file is replaced without merging; what it held is
        kept beside it (``<name>.bak``, or ``<name>.corrupt-<n>`` when damaged).
        """
        return self._file.save(workspace, force=force)

    def describe(self) -> str:
        """The path of the file."""
        return str(self._file.path)


def saved_message(now: dt.datetime, *, merged: bool = False) -> str:
    """``"saved 12:04"``, noting when edits made elsewhere were merged in."""
    text = f"saved {now:%H:%M}"
    return text + " (with changes made elsewhere merged in)" if merged else text
