"""The session: one workspace being worked on, its parts, and :func:`open_session` to start one."""

from __future__ import annotations

import datetime as dt
import os
from importlib import resources
from pathlib import Path
from typing import Unpack

from followup.errors import Problem, ValidationError, WorkspaceError
from followup.model import Workspace
from followup.session.compare import ComparePart
from followup.session.debounce import Scheduler
from followup.session.debrief import DebriefPart
from followup.session.details import DetailsPart
from followup.session.follow_up import FollowUpPart
from followup.session.opportunities import OpportunitiesPart
from followup.session.recovery import RecoveryPart
from followup.session.saving import FileStore, MemoryStore, Store
from followup.session.settings import SettingsPart
from followup.session.starting import StartingPart
from followup.session.state import Calendar, Clock, SessionState, StateOptions
from followup.session.t_chart import TChartPart
from followup.session.today import TodayPart
from followup.session.writing import WritingPart

__all__ = ["CREATE_CHOICES", "Session", "bundled_example_path", "open_session"]

#: What :func:`open_session` puts in a workspace file that does not exist yet.
CREATE_CHOICES = ("empty", "example")

EXAMPLE_NOTICE = (
    "You are trying out a copy of the bundled example: nothing you change here is kept, and "
    "it is gone when this page is closed. To keep your work, save it as a file."
)


class Session:
    """The state of the decision app and every change it can make, one part per tab (no widgets).

    :attr:`state` holds the workspace, the selection, the clock and where the
    work is saved; each other attribute is the part of the app of the same
    name: :attr:`opportunities`, :attr:`details`, :attr:`settings`,
    :attr:`t_chart`, :attr:`debrief`, :attr:`compare`, :attr:`today` and
    :attr:`follow_up`; :attr:`starting` asks for the person's name and saves
    the example's work as a file, :attr:`recovery` offers the ways on when
    another program changed the workspace file, and :attr:`writing` checks
    note items as they are typed.

    Each editing method validates its input and raises
    :class:`~followup.errors.ValidationError` (or
    :class:`~followup.errors.EtiquetteError`) without changing anything when
    the input is bad; otherwise it keeps the new workspace and saves it at
    once (see ``state.status``). The clock comes in as ``today`` and ``now``
    (values or functions), so the session itself never reads it; the other
    options (where to save, the notice, the export folder, the timer) are
    those of :class:`~followup.session.state.SessionState`.

    Examples
    --------
    >>> import datetime as dt
    >>> from followup import example_workspace
    >>> session = Session(example_workspace(), today=dt.date(2026, 12, 1),
    ...                   now=dt.datetime(2026, 12, 1, 12, 4))
    >>> session.t_chart.set_weight("acme-data-engineer", 4, 10)  # the commute weighs more
    >>> session.t_chart.summary("acme-data-engineer").balance
    11
    >>> session.follow_up.next_step("acme-data-engineer").action
    'send_check_in'
    """

    def __init__(
        self,
        workspace: Workspace,
        *,
        today: dt.date | Calendar,
        now: dt.datetime | Clock,
        **options: Unpack[StateOptions],
    ) -> None:
        self.state = SessionState(workspace, today=today, now=now, **options)
        self.opportunities = OpportunitiesPart(self.state)
        self.details = DetailsPart(self.state)
        self.settings = SettingsPart(self.state)
        self.t_chart = TChartPart(self.state)
        self.debrief = DebriefPart(details=self.details, t_chart=self.t_chart)
        self.compare = ComparePart(self.state)
        self.today = TodayPart(self.state)
        self.follow_up = FollowUpPart(self.state)
        self.starting = StartingPart(self.state, self.settings)
        self.recovery = RecoveryPart(self.state)
        self.writing = WritingPart(self.state)


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
    scheduler: Scheduler | None = None,
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
    scheduler
        What times the save of typed text (the kernel's event loop by default).

    Raises
    ------
    WorkspaceError
        When the file exists but cannot be read, or cannot be created.

    Examples
    --------
    >>> import datetime as dt
    >>> session = open_session(today=dt.date(2026, 12, 1), now=dt.datetime(2026, 12, 1, 12, 4))
    >>> session.state.path is None  # the bundled example, in memory
    True
    """
    from followup.storage.files import example_workspace

    if create not in CREATE_CHOICES:
        raise ValidationError([Problem("create", "must be 'empty' or 'example'", create)])
    store: Store
    if path is None or _is_bundled_example(Path(path).expanduser()):
        workspace = example_workspace()
        store = MemoryStore("a copy of the bundled example, in memory only")
        notice = EXAMPLE_NOTICE
    elif (file := Path(path).expanduser()).exists() or file.is_symlink():
        store = FileStore(file)
        workspace = store.load()
        notice = f"Workspace file: {file}"
    else:
        workspace = example_workspace() if create == "example" else Workspace()
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise WorkspaceError(
                f"{file} cannot be created: its folder cannot be made ({error.strerror or error})"
            ) from None
        store = FileStore(file)
        store.save(workspace)
        start = "a copy of the example" if create == "example" else "an empty workspace"
        notice = f"Workspace file: {file} (new, created with {start})"
    return Session(workspace, today=today, now=now, store=store, notice=notice, scheduler=scheduler)
