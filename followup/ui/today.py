"""Today: the next step of every opportunity, soonest first, each row with its own action.

A row's button records what the row asks for (a note sent, the recruiter
called, or the closing of an opportunity to move on from) on the day chosen
at the top, today unless changed, through the same session methods as the
follow-up tab; the last record can be undone from here too. "Open" shows the
opportunity's follow-up tab.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from followup.model import English
from followup.notes.dates import written_date
from followup.session.events import last_event_words
from followup.session.today import TodayRow
from followup.session.wording import dates_in_words
from followup.ui.follow_up import DONE_WORDS
from followup.ui.tables import action_words
from followup.ui.widgets import Host, Panel, button, hide, label, message_label, show_html, styled

__all__ = ["TodayPanel", "TodayRowView"]

_ROW_BUTTON_WORDS = {**DONE_WORDS, "closed": "Close this opportunity"}


def row_html(row: TodayRow, *, english: English = "US", today: dt.date | None = None) -> str:
    """One row of the plan as text: who, the step and when, and why; every piece escaped.

    >>> import datetime as dt
    >>> row = TodayRow("a", "AT&T", "Engineer", "pass", "send_thank_you",
    ...                dt.date(2026, 11, 25), True, "Send it <today>.", "thank_you_sent")
    >>> "AT&amp;T — Engineer" in row_html(row), "Send it &lt;today&gt;." in row_html(row)
    (True, True)
    """
    due = (
        f"due {written_date(row.due, english=english, today=today, weekday=True)}"
        if row.due
        else "nothing due"
    )
    if row.overdue:
        due += " (overdue)"
    return (
        '<div class="followup-today-text" style="line-height: 1.4">'
        f'<div class="followup-today-opportunity"><strong>{html.escape(row.company)} — '
        f"{html.escape(row.role)}</strong> · {html.escape(row.verdict.upper())}</div>"
        f'<div class="followup-today-step">{html.escape(action_words(row.action))}, '
        f"{html.escape(due)}</div>"
        f'<div class="followup-today-reason">'
        f"{html.escape(dates_in_words(row.reason, english=english, today=today))}</div></div>"
    )


class TodayRowView:
    """The widgets of one row, reused from one drawing to the next."""

    def __init__(self, panel: TodayPanel) -> None:
        self.row: TodayRow | None = None
        self.text = styled(
            widgets.HTML(layout=widgets.Layout(flex="1 1 24em", min_width="0")),
            "followup-today-row-text",
        )
        self.act = button("", "followup-today-act")
        self.act.on_click(lambda _: panel.record(self.opportunity_id, self.records))
        self.open = button("Open", "followup-today-open", tooltip="Open its follow-up tab")
        self.open.on_click(lambda _: panel.open(self.opportunity_id))
        for action in (self.act, self.open):
            action.layout.flex = "0 0 auto"  # a button keeps its words; the row wraps instead
        buttons = widgets.HBox([self.act, self.open], layout=widgets.Layout(flex_flow="row wrap"))
        self.root = styled(
            widgets.HBox(
                [self.text, buttons],
                layout=widgets.Layout(
                    flex_flow="row wrap",
                    align_items="center",
                    border_bottom="1px solid #ddd",
                    padding="4px 0",
                ),
            ),
            "followup-today-row",
        )

    @property
    def opportunity_id(self) -> str:
        return self.row.opportunity_id if self.row is not None else ""

    @property
    def records(self) -> str | None:
        return self.row.records if self.row is not None else None

    def show(self, row: TodayRow, *, english: English = "US", today: dt.date | None = None) -> None:
        self.row = row
        show_html(self.text, row_html(row, english=english, today=today))
        self.act.description = _ROW_BUTTON_WORDS.get(row.records or "", "")
        self.act.tooltip = f"{self.act.description} ({row.company})"
        hide(self.act, row.records is None)
        self.open.tooltip = f"Open the follow-up of {row.company}"
        for css, on in (("followup-row-overdue", row.overdue), ("followup-row", not row.overdue)):
            if on:
                self.root.add_class(css)
            else:
                self.root.remove_class(css)


class TodayPanel(Panel):
    """The plan of ``session.today`` across all opportunities, one row each, with its action."""

    title = "Today"
    css = "followup-tab-today"
    plain_words = True

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        #: The app itself, to show another tab ("Open").
        self.app = host

    def build(self) -> None:
        self.date = label("", "followup-title", "followup-today-date")
        # Refusals of this tab's actions (the app's panel message is for drawing problems).
        self.feedback = message_label("followup-message", "followup-today-feedback")
        self.when = styled(
            widgets.DatePicker(
                description="Record on",
                layout=widgets.Layout(width="auto"),
                style={"description_width": "initial"},
            ),
            "followup-today-record-date",
        )
        self._default_day: dt.date | None = None
        self.empty = label("No opportunities yet.", "followup-today-empty")
        self.rows = styled(widgets.VBox(), "followup-timeline")
        self._row_views: list[TodayRowView] = []
        self.recorded = label("", "followup-today-recorded")
        self.undo = button("Undo", "followup-today-undo")
        self.undo.on_click(lambda _: self.undo_last())
        self._undo_id: str | None = None
        self._undo_count = -1
        self.root.children = [
            self.date,
            styled(
                widgets.HBox(
                    [self.when, label("(the buttons record on this day)", "followup-hint")],
                    layout=widgets.Layout(flex_flow="row wrap", align_items="center"),
                ),
                "followup-today-date-row",
            ),
            styled(
                widgets.HBox(
                    [self.recorded, self.undo],
                    layout=widgets.Layout(flex_flow="row wrap", align_items="center"),
                ),
                "followup-today-undo-row",
            ),
            self.feedback,
            self.message,
            self.empty,
            self.rows,
        ]
        hide(self.undo)

    # -- actions -----------------------------------------------------------

    def record(self, opportunity_id: str, records: str | None) -> None:
        """Record what a row asks for, on the day chosen at the top."""
        follow_up = self.session.follow_up
        day = self.when.value if self.when.value is not None else ""
        action: Callable[[], Any]
        if records == "closed":
            action = lambda: follow_up.record(opportunity_id, "closed", day)  # noqa: E731
        else:
            action = lambda: follow_up.mark_done(opportunity_id, day)  # noqa: E731
        if self.host.act(action, self.feedback):
            workspace = self.session.state.workspace
            company = workspace.opportunity(opportunity_id).company
            recorded = last_event_words(workspace, opportunity_id)
            self.said(opportunity_id, f"Recorded for {company}: {recorded}.")
            self.when.value = self.session.state.current_date()

    def undo_last(self) -> None:
        """Take back the record just made from this tab."""
        if self._undo_id is None:
            return
        opportunity_id = self._undo_id
        words: list[str] = []
        if self.host.act(
            lambda: words.append(self.session.follow_up.undo(opportunity_id)), self.feedback
        ):
            company = self.session.state.opportunity(opportunity_id).company
            self.said(None, f"Took back {words[0]} for {company}.")

    def said(self, undo_id: str | None, text: str) -> None:
        """Say what was just done; offer to undo the record made for ``undo_id``."""
        self._undo_id = undo_id
        self._undo_count = (
            len(self.session.state.opportunity(undo_id).events) if undo_id is not None else -1
        )
        self.recorded.value = text
        hide(self.undo, undo_id is None)

    def open(self, opportunity_id: str) -> None:
        """Select the opportunity and show its follow-up tab."""
        if self.host.act(lambda: self.session.state.select(opportunity_id), self.feedback):
            show_tab: Callable[[Any], object] | None = getattr(self.app, "show_tab", None)
            follow_up = getattr(self.app, "follow_up", None)
            if show_tab is not None and follow_up is not None:
                show_tab(follow_up)

    # -- drawing -----------------------------------------------------------

    def key(self) -> object:
        return (self.session.state.workspace, self.session.today.date)

    def draw(self) -> None:
        today = self.session.today.date
        english = self.session.state.workspace.settings.english
        self.date.value = f"What to do, as of {written_date(today, english=english, weekday=True)}"
        if self.when.value is None or self.when.value == self._default_day:
            self.when.value = today
        self._default_day = today
        rows = self.session.today.rows() if self.session.state.workspace.opportunities else []
        hide(self.empty, bool(rows))
        hide(self.rows, not rows)
        while len(self._row_views) < len(rows):
            self._row_views.append(TodayRowView(self))
        for view, row in zip(self._row_views, rows, strict=False):
            view.show(row, english=english, today=today)
        shown = [view.root for view in self._row_views[: len(rows)]]
        if list(self.rows.children) != shown:
            self.rows.children = shown
        workspace = self.session.state.workspace
        undo_id = self._undo_id
        if undo_id is not None and (
            undo_id not in workspace.ids
            or len(workspace.opportunity(undo_id).events) != self._undo_count
        ):
            # The record was taken back (or more was recorded) elsewhere: nothing stale to undo.
            self.said(None, "")
