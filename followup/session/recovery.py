"""When the workspace file was damaged or changed by another program: the person's three choices.

While the app is open, another program (a second window, an editor, a sync
tool) may write over the workspace file. The next save then refuses to
overwrite it and keeps the app's version in a conflict copy beside the file
(:class:`~followup.errors.ConflictError`). :class:`RecoveryPart` says what
happened in plain words and offers three ways on:

- **keep my version**: the app's version is written to the file; what was
  there is kept aside (``<name>.bak``, or ``<name>.corrupt-<n>`` when it was
  not a readable workspace);
- **use the file on disk**: the app takes the file as it is now (only when it
  is readable); the app's last edits stay in the conflict copy;
- **open the newest conflict copy**: the newest copy kept beside the file
  becomes the workspace, and is written to the file.

When a file cannot be opened at all, :func:`kept_copies` lists the backup and
the conflict copies with their times, and :func:`restore_copy` puts one back.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from followup.errors import WorkspaceError
from followup.session.saving import FileStore
from followup.session.state import SessionState
from followup.session.wording import in_words

__all__ = ["RECOVERY_CHOICES", "KeptCopy", "RecoveryChoice", "RecoveryPart", "kept_copies",
           "restore_copy"]  # fmt: skip

#: The three ways on, in the order the app offers them.
RECOVERY_CHOICES = ("keep_mine", "use_file", "open_copy")


@dataclass(frozen=True)
class KeptCopy:
    """A version of the workspace kept beside its file: a backup or a conflict copy."""

    path: Path
    #: ``"backup"`` (the version before the last save) or ``"conflict copy"``.
    kind: str
    #: When the copy was written (the file's modification time, local time).
    modified: dt.datetime

    def describe(self) -> str:
        """ "the backup (saved 1 December 2026 at 12:03)", for a button or a list."""
        from followup.notes.dates import written_date

        # Day first, month spelled out: clear whatever English the (unreadable) file asked for.
        day = written_date(self.modified.date(), english="UK")
        return f"the {self.kind} saved {day} at {self.modified:%H:%M}"


@dataclass(frozen=True)
class RecoveryChoice:
    """One way on, with its words, and why it cannot be taken now (None when it can)."""

    key: str
    words: str
    explanation: str
    unavailable: str | None = None


def _modified(path: Path) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return None


def kept_copies(path: str | os.PathLike[str]) -> tuple[KeptCopy, ...]:
    """The backup and the conflict copies of a workspace file, newest first.

    >>> import tempfile, pathlib
    >>> from followup import Workspace, save_workspace
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "search.json"
    >>> _ = save_workspace(Workspace(), path); _ = save_workspace(Workspace(), path, force=True)
    >>> kept_copies(path)
    ()
    """
    from followup.storage.paths import backup_path

    file = Path(path)
    found: list[KeptCopy] = []
    backup = backup_path(file)
    when = _modified(backup)
    if when is not None and backup.is_file():
        found.append(KeptCopy(backup, "backup", when))
    pattern = re.compile(
        re.escape(file.stem) + r"\.conflict-\d+" + re.escape(file.suffix or ".json")
    )
    folder = file.parent if str(file.parent) else Path()
    try:
        candidates = sorted(folder.iterdir())
    except OSError:
        candidates = []
    for candidate in candidates:
        if pattern.fullmatch(candidate.name) and candidate.is_file():
            when = _modified(candidate)
            if when is not None:
                found.append(KeptCopy(candidate, "conflict copy", when))
    return tuple(sorted(found, key=lambda copy: copy.modified, reverse=True))


def restore_copy(path: str | os.PathLike[str], copy: KeptCopy) -> None:
    """Put a kept copy back as the workspace file; the file it replaces is kept aside.

    Raises :class:`~followup.errors.WorkspaceError` when the copy is not a
    readable workspace (nothing changes then).
    """
    from followup.storage.files import load_workspace, restore_backup, save_workspace

    if copy.kind == "backup":
        restore_backup(path)
        return
    # Loaded from the copy, saved to the workspace path: the file there becomes the backup,
    # or is kept aside as <name>.corrupt-<n> when it is not readable.
    save_workspace(load_workspace(copy.path), path, force=True)


class RecoveryPart:
    """The recovery panel's state: what happened, and the three ways on (no widgets)."""

    def __init__(self, state: SessionState) -> None:
        self._state = state

    @property
    def needed(self) -> bool:
        """True when a save was refused and the person has to choose."""
        return self._state.conflict is not None

    def explanation(self) -> str:
        """What happened, in plain words, whole."""
        conflict = self._state.conflict
        if conflict is None:
            return ""
        return in_words(conflict)

    def _file(self) -> FileStore:
        store = self._state.store
        if not isinstance(store, FileStore):
            raise WorkspaceError("this workspace is kept in memory only; there is no file")
        return store

    def _file_readable(self) -> bool:
        """Whether the file on disk is a workspace now (it may have been damaged since)."""
        from followup.storage.files import load_workspace

        path = self._state.path
        if path is None:
            return False
        try:
            load_workspace(path)
        except WorkspaceError:
            return False
        return True

    def copies(self) -> tuple[KeptCopy, ...]:
        """The backup and the conflict copies beside the workspace file, newest first."""
        path = self._state.path
        return () if path is None else kept_copies(path)

    def newest_conflict_copy(self) -> KeptCopy | None:
        """The conflict copy written last, if any."""
        return next((c for c in self.copies() if c.kind == "conflict copy"), None)

    def choices(self) -> tuple[RecoveryChoice, ...]:
        """The three ways on, each with why it cannot be taken now, when it cannot."""
        readable = self._file_readable()
        newest = self.newest_conflict_copy()
        kept_aside = "what is in the file now is kept aside" + (
            " as the backup" if readable else ", as it is damaged"
        )
        return (
            RecoveryChoice(
                "keep_mine",
                "Keep my version",
                f"Write what you see here to the workspace file; {kept_aside}.",
            ),
            RecoveryChoice(
                "use_file",
                "Use the file on disk",
                "Show the workspace as the other program left it; your last changes stay in "
                "the conflict copy.",
                None if readable else "The file on disk is damaged: it cannot be read.",
            ),
            RecoveryChoice(
                "open_copy",
                "Open the newest conflict copy",
                (
                    f"Use {newest.describe()} ({newest.path.name}) and write it to the "
                    "workspace file."
                    if newest is not None
                    else "Use the newest conflict copy."
                ),
                None if newest is not None else "There is no conflict copy.",
            ),
        )

    def choose(self, key: str) -> str:
        """Take one way on (``"keep_mine"``, ``"use_file"``, ``"open_copy"``); say what was done."""
        # Typed text still waiting for its save goes into the conflict copy first.
        self._state.flush()
        if key == "keep_mine":
            return self.keep_mine()
        if key == "use_file":
            return self.use_file()
        if key == "open_copy":
            return self.open_newest_copy()
        raise WorkspaceError(f"there is no choice named {key!r}")

    def keep_mine(self) -> str:
        """Write the app's version to the file; what was there is kept aside."""
        self._file()
        self._state.overwrite()
        return "Your version is in the workspace file; what was there before is kept beside it."

    def use_file(self) -> str:
        """Take the file on disk as it is now."""
        self._state.reload()
        return "The workspace now shows the file on disk."

    def open_newest_copy(self) -> str:
        """Make the newest conflict copy the workspace, and write it to the file."""
        from followup.storage.files import load_workspace

        newest = self.newest_conflict_copy()
        if newest is None:
            raise WorkspaceError("there is no conflict copy beside the workspace file")
        self._file()
        self._state.overwrite(load_workspace(newest.path))
        return f"Opened {newest.describe()} and wrote it to the workspace file."
