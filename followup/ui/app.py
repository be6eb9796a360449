"""The decision app: a thin ipywidgets view over a :class:`~followup.session.Session`.

The view keeps a handle on each widget as an attribute and has one
:meth:`DecisionApp.render` path. Each tab is a panel named as the session
part it shows (``app.t_chart`` shows ``session.t_chart``, ...), and every
handler is one line that calls a method of that part through
:meth:`DecisionApp.act`. Only the visible tab is redrawn, and each panel
redraws only when what it shows has changed. Above the tabs: the person's
name on a first run, "Save as a file" in the example, the recovery panel
when another program changed the file, the save status, and a short "How
this works" (folded away).
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Callable

import ipywidgets as widgets

from followup.errors import WorkspaceError
from followup.session import Session, open_session
from followup.session.wording import in_words
from followup.ui.aria import AccessibleNames
from followup.ui.compare import ComparePanel
from followup.ui.debrief import DebriefPanel
from followup.ui.details import DetailsPanel
from followup.ui.follow_up import FollowUpPanel
from followup.ui.look import heading, stylesheet
from followup.ui.opportunities import OpportunityList
from followup.ui.recovery import RecoveryPanel, ReopenChoices
from followup.ui.settings import SettingsPanel
from followup.ui.starting import StartingBar
from followup.ui.t_chart import TChartPanel
from followup.ui.today import TodayPanel
from followup.ui.widgets import (
    Panel,
    button,
    hide,
    label,
    message_label,
    run_action,
    styled,
)

__all__ = ["DecisionApp", "OpenProblem", "app"]


class DecisionApp(widgets.VBox):  # type: ignore[misc]  # ipywidgets has no types
    """The whole app as one widget: the opportunity list above the tabs, with the save status."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        # Handlers may run on more than one thread: one change (and drawing) at a time.
        self._lock = threading.RLock()
        self._renderer: int | None = None
        self.starting = StartingBar(self)
        starting_bar = self.starting
        # The pieces tests and the page find by name.
        self.first_run = starting_bar.first_run
        self.name_input, self.name_button = starting_bar.name_input, starting_bar.name_button
        self.name_message = starting_bar.name_message
        self.notice = starting_bar.notice
        self.example_bar = starting_bar.example_bar
        self.save_as_path, self.save_as = starting_bar.save_as_path, starting_bar.save_as
        self.save_as_message = starting_bar.save_as_message
        self.how_it_works = starting_bar.how_it_works
        self.how_it_works_text = starting_bar.how_it_works_text
        self.save_status = label("", "followup-save-status")
        self.save_again = button("Save again", "followup-save-again")
        self.reload = button("Reload from file", "followup-reload")
        self.status_message = message_label("followup-status-message")
        self.save_again.on_click(lambda _: self.act(self.session.state.save, self.status_message))
        self.reload.on_click(
            lambda _: self.act(self.session.state.reload, self.status_message, plain=True)
        )
        status_bar = styled(
            widgets.HBox([self.save_status, self.save_again, self.reload, self.status_message]),
            "followup-status-bar",
            "followup-row",
        )
        self.recovery = RecoveryPanel(self)
        self.opportunities = OpportunityList(self)
        self.t_chart = TChartPanel(self)
        self.debrief = DebriefPanel(self)
        self.details = DetailsPanel(self)
        self.compare = ComparePanel(self)
        self.follow_up = FollowUpPanel(self)
        self.today = TodayPanel(self)
        self.settings = SettingsPanel(self)
        self.panels: tuple[Panel, ...] = (
            self.t_chart,
            self.debrief,
            self.details,
            self.compare,
            self.follow_up,
            self.today,
            self.settings,
        )
        self.tabs = styled(
            widgets.Tab(
                children=[panel.root for panel in self.panels],
                titles=[panel.title for panel in self.panels],
            ),
            "followup-tabs",
        )
        self.tabs.observe(lambda _: self._tab_changed(), "selected_index")
        body = styled(widgets.VBox([self.opportunities.root, self.tabs]), "followup-body")
        self.children = [
            stylesheet(),
            AccessibleNames(),
            self.first_run,
            self.notice,
            self.example_bar,
            self.recovery.root,
            status_bar,
            self.how_it_works,
            body,
        ]
        self.add_class("followup-app")
        # Typed text is saved a moment after the last key: say so when it is.
        session.state.listen(self._saved_later)
        self.render()

    # -- the one way the view changes --------------------------------------

    @property
    def rendering(self) -> bool:
        """True while this thread brings the view up to date (its own value changes are ignored)."""
        return self._renderer == threading.get_ident()

    def act(
        self,
        action: Callable[[], object],
        message: widgets.Label,
        *,
        plain: bool = False,
        typing: bool = False,
    ) -> bool:
        """Run one session change; show a refusal in ``message``; redraw what changed.

        ``plain`` says the refusal in the person's words (naming the field as
        the app shows it). Text typed key by key (``typing``) is saved a moment
        after the last key; any other action first saves such text at once.
        Changes are applied one at a time: a kernel may deliver widget messages
        on another thread (a subshell) while this one is still drawing, and
        such a change waits for the drawing to finish instead of being lost.
        """
        if self.rendering:
            return False
        with self._lock:
            state = self.session.state
            before = state.selected
            if not typing:
                state.flush()

            def words(error: BaseException) -> str:
                return in_words(error, opportunity=before) if plain else str(error)

            done = run_action(action, message, words=words)
            self.render()
        return done

    def show_tab(self, panel: Panel) -> None:
        """Bring a tab to the front (as a click on its title does)."""
        self.tabs.selected_index = self.panels.index(panel)

    @property
    def visible_panel(self) -> Panel:
        return self.panels[self.tabs.selected_index or 0]

    def _tab_changed(self) -> None:
        with self._lock:
            self.session.state.flush()
        self.render()

    def _saved_later(self) -> None:
        # What waited for the typing to pause (the T chart) is drawn now, with the status.
        self.render()

    def render(self) -> None:
        """Bring the visible part of the view up to date with the session."""
        if self.rendering:
            return
        with self._lock:
            self._renderer = threading.get_ident()
            try:
                self._render()
            finally:
                self._renderer = None

    def _render_status(self) -> None:
        state = self.session.state
        status = state.status
        self.save_status.value = status.message
        self.save_status.remove_class("followup-save-failed" if status.ok else "followup-saved")
        self.save_status.add_class("followup-saved" if status.ok else "followup-save-failed")
        conflict = state.conflict is not None
        hide(self.save_again, status.ok or conflict)
        hide(self.reload, status.ok or conflict or state.path is None)

    def _render(self) -> None:
        self._render_status()
        self.starting.render()
        self.recovery.render()
        self.opportunities.render()
        panel = self.visible_panel
        # A drawing failure is a bug: say so in the panel rather than show a traceback.
        run_action(panel.render, panel.message)


class OpenProblem(widgets.VBox):  # type: ignore[misc]  # ipywidgets has no types
    """Shown instead of the app when the workspace file cannot be opened.

    It says why in plain words and lists the versions kept beside the file
    (the backup and the conflict copies, with their times), each one click
    from being put back; the file as it is now is kept aside, never deleted.
    """

    def __init__(
        self, path: str | os.PathLike[str], error: Exception, retry: Callable[[], widgets.Widget]
    ) -> None:
        super().__init__()
        self.add_class("followup-app")
        self.add_class("followup-open-problem")
        self.problem = label(
            f"The workspace cannot be opened: {in_words(error)}", "followup-open-error"
        )
        self.message = message_label("followup-message")
        self.opened: widgets.Widget | None = None
        self.choices = ReopenChoices(path, self.message, self._reopen)
        self._retry = retry
        #: The button that puts the backup back (hidden when there is none).
        self.restore = self.choices.backup_button
        self.children = [
            stylesheet(),
            heading("This workspace file cannot be opened", level=2),
            self.problem,
            self.choices.root,
            self.message,
        ]

    def _reopen(self) -> None:
        self.opened = self._retry()
        self.children = [self.opened]


def app(
    path: str | os.PathLike[str] | None = None,
    *,
    today: dt.date | None = None,
    create: str = "empty",
) -> widgets.Widget:
    """The decision app for a workspace file: weigh, compare and follow up, without code.

    Parameters
    ----------
    path
        The workspace file. It is created when missing (``create="empty"`` or
        ``"example"``) and saved after every change. ``None`` works on an
        in-memory copy of the bundled example, which is never changed.
    today
        The date the follow-up plan is made for; the computer's date when None.
    create
        What a new workspace file starts with: ``"empty"`` or ``"example"``.

    Returns
    -------
    Widget
        A :class:`DecisionApp`, or, when the file cannot be opened, a short
        explanation that offers the versions kept beside it.

    Examples
    --------
    >>> import datetime as dt
    >>> view = app(today=dt.date(2026, 12, 1))
    >>> "PASS" in view.t_chart.verdict.value
    True
    """

    def open_app() -> widgets.Widget:
        # The edge of the program: the only place the app reads the clock.
        session = open_session(
            path,
            today=today if today is not None else dt.date.today,
            now=dt.datetime.now,
            create=create,
        )
        return DecisionApp(session)

    try:
        return open_app()
    except WorkspaceError as error:
        if path is None:  # the bundled example always opens; anything else is a bug
            raise
        return OpenProblem(path, error, open_app)
