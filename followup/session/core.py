"""The session: one workspace being worked on, and :func:`open_session` to start one."""

from __future__ import annotations

import datetime as dt
import os
from importlib import resources
from pathlib import Path

from followup.errors import Problem, ValidationError, WorkspaceError
from followup.model import Workspace
from followup.session.base import Calendar, Clock
from followup.session.follow_up import Following
from followup.session.saving import FileStore, MemoryStore

__all__ = ["CREATE_CHOICES", "Session", "open_session"]

#: What :func:`open_session` puts in a workspace file that does not exist yet.
CREATE_CHOICES = ("empty", "example")

EXAMPLE_NOTICE = (
    "You are working on a copy of the bundled example: changes are kept in memory only and "
    "are lost when the kernel stops. Open a workspace file to keep your work."
)


class Session(Following):
    """The state of the decision app, with every change it can make (no widgets).

    Each editing method validates its input and raises
    :class:`~followup.errors.ValidationError` (or
    :class:`~followup.errors.EtiquetteError`) without changing anything when
    the input is bad; otherwise it keeps the new workspace and saves it at
    once (see :attr:`status`). The clock comes in as ``today`` and ``now``
    (values or functions), so the session itself never reads it.

    Examples
    --------
    >>> import datetime as dt
    >>> from followup import example_workspace
    >>> session = Session(example_workspace(), today=dt.date(2026, 12, 1),
    ...                   now=dt.datetime(2026, 12, 1, 12, 4))
    >>> session.set_factor_weight("acme-data-engineer", 4, 10)  # the commute weighs more
    >>> session.t_summary("acme-data-engineer").balance
    11
    """


def bundled_example_path() -> Path | None:
    """The file of the bundled example, when the package is installed as plain files."""
    resource = resources.files("followup").joinpath("data", "example.json")
    return Path(str(resource)) if isinstance(resource, os.PathLike) else None


def _is_bundled_example(path: Path) -> bool:
    example = bundled_example_path()
    try:
        return example is not None and path.exists() and path.samefile(example)
    except OSError:
        return False


def open_session(
    path: str | os.PathLike[str] | None = None,
    *,
    today: dt.date | Calendar,
    now: dt.datetime | Clock,
    create: str = "empty",
) -> Session:
    """Open a workspace file for the app, creating it when it does not exist.

    Parameters
    ----------
    path
        The workspace file. ``None`` works on an in-memory copy of the bundled
        example (so does the bundled example's own file, which is never
        changed).
    today, now
        The date and time, or functions returning them.
    create
        What a new file starts with: ``"empty"`` or ``"example"`` (a copy of
        the bundled example). Ignored when the file exists.

    Raises
    ------
    WorkspaceError
        When the file exists but cannot be read, or cannot be created.
    """
    from followup.storage.files import example_workspace

    if create not in CREATE_CHOICES:
        raise ValidationError([Problem("create", "must be 'empty' or 'example'", create)])
    if path is None or _is_bundled_example(Path(path).expanduser()):
        memory = MemoryStore("a copy of the bundled example, in memory only")
        return Session(
            example_workspace(), today=today, now=now, store=memory, notice=EXAMPLE_NOTICE
        )
    file = Path(path).expanduser()
    if file.exists() or file.is_symlink():
        store = FileStore(file)
        workspace = store.load()
        return Session(
            workspace, today=today, now=now, store=store, notice=f"Workspace file: {file}"
        )
    workspace = example_workspace() if create == "example" else Workspace()
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WorkspaceError(
            f"{file} cannot be created: its folder cannot be made ({error.strerror or error})"
        ) from None
    store = FileStore(file)
    store.save(workspace)
    session = Session(workspace, today=today, now=now, store=store)
    start = "a copy of the example" if create == "example" else "an empty workspace"
    session.notice = f"Workspace file: {file} (new, created with {start})"
    return session
