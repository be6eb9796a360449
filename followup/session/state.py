"""The state every part of a session shares: the workspace, the selection, the clock and saving.

Every edit builds a new (validated) workspace and hands it to
:meth:`SessionState.commit`, which keeps it and saves it at once. An edit
that fails validation raises before anything changes, so the last good value
is always what is kept. Text typed key by key is kept at once too, but
written to the file a moment after the last key (:meth:`SessionState.typing`),
and at once by any other change. The date and time come in as values or
functions: nothing here reads the clock.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import tempfile
import threading
import weakref
from collections.abc import Callable, Hashable, Iterator
from pathlib import Path
from typing import TypedDict, TypeVar, cast

from followup.errors import ConflictError, Problem, ValidationError, WorkspaceError
from followup.model import Opportunity, Workspace
from followup.session.debounce import Debouncer, EventLoopScheduler, Scheduler
from followup.session.saving import MemoryStore, SaveStatus, Store, saved_message

__all__ = ["SAVE_DELAY", "Calendar", "Clock", "SessionState", "StateOptions", "drafts_folder"]

#: Seconds between the last key typed and the save of the text.
SAVE_DELAY = 1.0

Clock = Callable[[], dt.datetime]
Calendar = Callable[[], dt.date]


class StateOptions(TypedDict, total=False):
    """What :class:`SessionState` may be given besides the workspace and the clock."""

    store: Store | None
    notice: str
    export_folder: Path | None
    scheduler: Scheduler | None


_T = TypeVar("_T")


def drafts_folder(workspace_path: Path) -> Path:
    """Where exports of a workspace go: ``<stem>-drafts/`` beside the workspace file.

    >>> drafts_folder(Path("searches/mine.json")).as_posix()
    'searches/mine-drafts'
    """
    return workspace_path.with_name(f"{workspace_path.stem}-drafts")


def _calendar(today: dt.date | Calendar) -> Calendar:
    if isinstance(today, dt.datetime) or not (callable(today) or isinstance(today, dt.date)):
        raise ValidationError(
            [Problem("today", "must be a date or a function returning one", today)]
        )
    if callable(today):
        return today
    return lambda: today


def _clock(now: dt.datetime | Clock) -> Clock:
    if not (callable(now) or isinstance(now, dt.datetime)):
        raise ValidationError(
            [Problem("now", "must be a datetime or a function returning one", now)]
        )
    if callable(now):
        return now
    return lambda: now


class SessionState:
    """The workspace being edited, the opportunity looked at, the clock, and where work is saved.

    Examples
    --------
    >>> import datetime as dt
    >>> from followup import example_workspace
    >>> state = SessionState(example_workspace(), today=dt.date(2026, 12, 1),
    ...                      now=dt.datetime(2026, 12, 1, 12, 4))
    >>> state.selected_id, state.status.message
    ('acme-data-engineer', 'not saved to disk (kept in memory)')
    """

    def __init__(
        self,
        workspace: Workspace,
        *,
        today: dt.date | Calendar,
        now: dt.datetime | Clock,
        store: Store | None = None,
        notice: str = "",
        export_folder: Path | None = None,
        scheduler: Scheduler | None = None,
    ) -> None:
        if not isinstance(workspace, Workspace):
            raise ValidationError([Problem("workspace", "must be a Workspace", workspace)])
        self._workspace = workspace
        self._calendar = _calendar(today)
        self._clock = _clock(now)
        self.store: Store = store if store is not None else MemoryStore()
        #: A sentence about where the work lives (shown once, at the top of the app).
        self.notice = notice
        self._export_folder = export_folder
        #: Counts every change (of the workspace or of a draft); views compare it to know
        #: what is stale.
        self.revision = 0
        self.selected_id: str | None = workspace.ids[0] if workspace.ids else None
        self.status = SaveStatus(True, self._resting_status())
        #: The refused save that needs the person's choice (see followup.session.recovery).
        self.conflict: ConflictError | None = None
        # Derived results (pictures) with the data they were made from.
        self._memo: dict[str, tuple[Hashable, object]] = {}
        # Changes (and saves) happen one at a time, also when a timer saves typed text.
        self._lock = threading.RLock()
        self._typing = 0
        self._save_later = Debouncer(
            self._save_typed,
            delay=SAVE_DELAY,
            scheduler=scheduler if scheduler is not None else EventLoopScheduler(),
        )
        self._listeners: list[Callable[[], None]] = []
        # Typed text still waiting for its save is written when the kernel stops.
        atexit.register(_flush_at_exit, weakref.ref(self))

    # -- reading -----------------------------------------------------------

    @property
    def workspace(self) -> Workspace:
        """The workspace as it stands (always valid)."""
        return self._workspace

    @property
    def path(self) -> Path | None:
        """The workspace file, or None when the work is kept in memory only."""
        return self.store.path

    @property
    def selected(self) -> Opportunity | None:
        """The opportunity being looked at, or None in an empty workspace."""
        if self.selected_id is None:
            return None
        return self._workspace.opportunity(self.selected_id)

    def opportunity(self, opportunity_id: str) -> Opportunity:
        """The opportunity with this id (else :class:`~followup.errors.UnknownOpportunityError`)."""
        return self._workspace.opportunity(opportunity_id)

    def current_date(self) -> dt.date:
        """Today, from the calendar the session was given."""
        return self._calendar()

    def current_time(self) -> dt.datetime:
        """Now, from the clock the session was given."""
        return self._clock()

    @property
    def export_folder(self) -> Path:
        """Where exports go: beside the workspace file, or a temporary folder without one."""
        if self._export_folder is None:
            if self.path is not None:
                self._export_folder = drafts_folder(self.path)
            else:
                self._export_folder = Path(tempfile.mkdtemp(prefix="followup-drafts-"))
        return self._export_folder

    # -- selection ---------------------------------------------------------

    def select(self, opportunity_id: str | None) -> None:
        """Look at another opportunity (None: at none)."""
        if opportunity_id is not None:
            self._workspace.opportunity(opportunity_id)
        self.selected_id = opportunity_id
        self.flush()

    # -- changing ----------------------------------------------------------

    def commit(self, workspace: Workspace) -> bool:
        """Keep a new workspace and save it; False when nothing changed.

        Inside :meth:`typing`, the save waits until a moment after the last change.
        """
        with self._lock:
            if workspace == self._workspace:
                return False
            self._workspace = workspace
            self.revision += 1
            if self._typing:
                self._save_later.poke()
                if self.status.ok:
                    self.status = SaveStatus(True, "saving…")
            else:
                self._keep()
            return True

    @contextlib.contextmanager
    def typing(self) -> Iterator[None]:
        """Changes made inside are kept at once and saved :data:`SAVE_DELAY` s after the last.

        For text typed key by key: the file is not rewritten on every key, and
        any other change (or :meth:`flush`) saves at once.
        """
        with self._lock:
            self._typing += 1
            try:
                yield
            finally:
                self._typing -= 1

    @property
    def unsaved(self) -> bool:
        """True while typed text waits for its save."""
        return self._save_later.pending

    def flush(self) -> None:
        """Save typed text that is waiting, now."""
        with self._lock:
            if self._save_later.pending:
                self._save_later.cancel()
                self._keep()

    def listen(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` after a save made later (typed text), so a view can say so."""
        self._listeners.append(callback)

    def _save_typed(self) -> None:
        with self._lock:
            self._keep()
        for callback in list(self._listeners):
            callback()

    def commit_opportunity(self, opportunity: Opportunity) -> bool:
        """Keep an edited opportunity (in its place) and save; False when nothing changed."""
        return self.commit(self._workspace.with_opportunity(opportunity))

    def mark_changed(self) -> None:
        """Say that something outside the workspace (a draft) changed, so views redraw."""
        self.revision += 1

    def cached(self, name: str, key: Hashable, make: Callable[[], _T]) -> _T:
        """``make()``, made again only when ``key`` (the data it shows) differs from last time."""
        found = self._memo.get(name)
        if found is not None and found[0] == key:
            return cast("_T", found[1])
        result = make()
        self._memo[name] = (key, result)
        return result

    # -- saving ------------------------------------------------------------

    def save(self) -> SaveStatus:
        """Save the workspace now (again): after a failed save, once the cause is fixed."""
        with self._lock:
            self._save_later.cancel()
            self._keep()
        return self.status

    def reload(self) -> None:
        """Drop unsaved edits and read the workspace file again (when there is one).

        Raises :class:`~followup.errors.WorkspaceError` when the file cannot be
        read; nothing changes then.
        """
        load = getattr(self.store, "load", None)
        if load is None:
            return
        with self._lock:
            workspace = load()
            self._save_later.cancel()
            self._adopt(workspace)
            self.conflict = None
            self.status = SaveStatus(True, f"reloaded {self._clock():%H:%M}")

    def overwrite(self, workspace: Workspace | None = None) -> None:
        """Write ``workspace`` (by default the one kept here) over whatever the file holds.

        What the file held is kept beside it (``<name>.bak``, or
        ``<name>.corrupt-<n>`` when it was not a readable workspace).
        """
        with self._lock:
            self._save_later.cancel()
            stored = self.store.save(
                self._workspace if workspace is None else workspace, force=True
            )
            self.conflict = None
            if workspace is not None and stored == self._workspace:
                self.revision += 1  # a copy like the one shown: still a new state to show
            self._adopt(stored)
            self.status = SaveStatus(True, saved_message(self._clock()))

    def switch_store(self, store: Store, *, notice: str) -> None:
        """Keep the work somewhere else from now on (after it was written there)."""
        with self._lock:
            self._save_later.cancel()
            self.store = store
            self.notice = notice
            self.conflict = None
            self._export_folder = None
            self.status = SaveStatus(True, self._resting_status())
            self.revision += 1

    def _resting_status(self) -> str:
        return "saved" if self.store.path is not None else "not saved to disk (kept in memory)"

    def _keep(self) -> None:
        # The whole workspace is written: typed text waiting for its save goes with it.
        self._save_later.cancel()
        try:
            stored = self.store.save(self._workspace)
        except ConflictError as error:
            # Another program changed the file: the person chooses (followup.session.recovery).
            self.conflict = error
            self.status = SaveStatus(False, "not saved: another program changed the workspace file")
            return
        except (WorkspaceError, OSError) as error:
            # The edit stays in memory; the next change (or save()) tries again.
            self.status = SaveStatus(False, f"not saved: {error}")
            return
        self.conflict = None
        merged = stored != self._workspace
        if merged:
            self._adopt(stored)
        if self.store.path is None:
            self.status = SaveStatus(True, self._resting_status())
        else:
            self.status = SaveStatus(True, saved_message(self._clock(), merged=merged))

    def _adopt(self, workspace: Workspace) -> None:
        """Take a workspace that came from the file, keeping the selection when possible."""
        if workspace != self._workspace:
            self._workspace = workspace
            self.revision += 1
        if self.selected_id not in workspace.ids:
            self.selected_id = workspace.ids[0] if workspace.ids else None


def _flush_at_exit(state: weakref.ref[SessionState]) -> None:
    kept = state()
    if kept is not None:
        with contextlib.suppress(Exception):  # the process is ending: nothing left to tell
            kept.flush()
