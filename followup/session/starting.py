"""Getting started: the person's own name (it signs the notes), and keeping the example's work.

On a first run the workspace has no owner: the app asks for the person's name
before anything else. In the bundled example nothing is kept; "Save as a
file" writes the work to a new workspace file and goes on there.
"""

from __future__ import annotations

import os
from pathlib import Path

from followup.errors import Problem, ValidationError, WorkspaceError
from followup.session.saving import FileStore, MemoryStore
from followup.session.settings import SettingsPart
from followup.session.state import SessionState

__all__ = ["StartingPart"]


class StartingPart:
    """Asks for the person's name once, and saves in-memory work as a new file.

    Examples
    --------
    >>> import datetime as dt
    >>> from followup import Workspace
    >>> state = SessionState(Workspace(), today=dt.date(2026, 12, 1),
    ...                      now=dt.datetime(2026, 12, 1, 12, 4))
    >>> starting = StartingPart(state, SettingsPart(state))
    >>> starting.needs_name
    True
    >>> starting.set_name("Alex Example")
    >>> starting.needs_name, state.workspace.owner.name
    (False, 'Alex Example')
    """

    def __init__(self, state: SessionState, settings: SettingsPart) -> None:
        self._state = state
        self._settings = settings

    @property
    def needs_name(self) -> bool:
        """True until the workspace knows whose search it is (the name that signs the notes)."""
        return self._state.workspace.owner is None

    def set_name(self, name: object) -> None:
        """Keep the person's name (refused when empty: it signs every note)."""
        if not isinstance(name, str) or not name.strip():
            raise ValidationError([Problem("owner.name", "must be non-empty text", name)])
        self._settings.set_owner("name", name)

    @property
    def in_memory(self) -> bool:
        """True when nothing is written to disk (the bundled example)."""
        return isinstance(self._state.store, MemoryStore)

    def save_as(self, path: str | os.PathLike[str]) -> Path:
        """Write the work to a new workspace file and keep working there; return its full path.

        An existing file is never replaced: choose another name.
        """
        from followup.storage.paths import workspace_path

        if not isinstance(path, str | os.PathLike) or not str(path).strip():
            raise ValidationError(
                [
                    Problem(
                        "file", "must be non-empty text (a file name such as my-search.json)", path
                    )
                ]
            )
        text = str(path).strip()
        target = workspace_path(Path(text if text.endswith(".json") else f"{text}.json"))
        target = target.expanduser().absolute()
        if target.exists():
            raise WorkspaceError(
                f"{target} already exists: choose another name (nothing was replaced)"
            )
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise WorkspaceError(
                f"{target.parent} cannot be made: {error.strerror or error}"
            ) from None
        store = FileStore(target)
        store.save(self._state.workspace)
        self._state.switch_store(store, notice=f"Workspace file: {target}")
        return target
