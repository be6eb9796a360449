"""The list of opportunities: pick one, search, add one in place, duplicate, delete (with undo).

Each row shows "company — role" (a button that picks it), its verdict badge
and its next step in words (``session.opportunities.entries``); closed
opportunities sit in a folded "Closed" group below the open ones. Rows are
reused, so a change of verdict only changes values on the page.
"""

from __future__ import annotations

import ipywidgets as widgets

from followup.session.opportunities import ListEntry
from followup.ui.look import heading, show_verdict, verdict_badge
from followup.ui.widgets import Host, button, hide, label, message_label, styled

__all__ = ["OpportunityList", "OpportunityRow", "Selection"]


class Selection:
    """The list seen as one choice, for code and tests: ``value`` is the id shown in the tabs.

    Setting ``value`` picks an opportunity as a click on its row does.
    """

    def __init__(self, opportunities: OpportunityList) -> None:
        self._list = opportunities

    @property
    def value(self) -> str | None:
        return self._list.session.state.selected_id

    @value.setter
    def value(self, opportunity_id: str) -> None:
        self._list.pick(opportunity_id)

    @property
    def options(self) -> tuple[tuple[str, str], ...]:
        """(title, id) of every opportunity, in workspace order."""
        return tuple(
            (entry.title, entry.id) for entry in self._list.session.opportunities.entries()
        )

    @property
    def label(self) -> str | None:
        """The title of the opportunity shown."""
        return next((title for title, id_ in self.options if id_ == self.value), None)


class OpportunityRow:
    """One opportunity in the list: its name (click to pick it), verdict badge and next step."""

    def __init__(self, pick: object) -> None:
        self.id = ""
        self.pick = button("", "followup-pick")
        self.badge = verdict_badge("followup-list-verdict")
        self.next_step = label("", "followup-next-words")
        self.pick.on_click(lambda _: pick(self.id))  # type: ignore[operator]
        self.root = styled(
            widgets.HBox([self.pick, self.badge, self.next_step]), "followup-opportunity-row"
        )

    def assign(self, entry: ListEntry, *, selected: bool) -> None:
        """Show ``entry`` in this row."""
        self.id = entry.id
        if self.pick.description != entry.title:
            self.pick.description = entry.title
        tooltip = f"{entry.title} (being shown)" if selected else f"Show {entry.title}"
        if self.pick.tooltip != tooltip:
            self.pick.tooltip = tooltip
        show_verdict(self.badge, entry.verdict)
        self.next_step.value = entry.next_step
        if selected:
            self.root.add_class("followup-selected")
        else:
            self.root.remove_class("followup-selected")


class OpportunityList:
    """The opportunities as rows, a search box, the add form, and buttons that change the list."""

    def __init__(self, host: Host) -> None:
        self.host = host
        self.session = host.session
        opportunities = self.session.opportunities
        self.message = message_label("followup-message", "followup-list-message")
        # Add: company and role typed in place, both needed.
        self.new_company = styled(
            widgets.Text(description="Company", placeholder="e.g. Acme Analytics"),
            "followup-new-company",
        )
        self.new_role = styled(
            widgets.Text(description="Role", placeholder="e.g. Data Engineer"),
            "followup-new-role",
        )
        for typed in (self.new_company, self.new_role):
            typed.continuous_update = True  # a click on Add reads all that was typed
        self.add = button("Add", "followup-add-opportunity", tooltip="Add this opportunity")
        self.add.on_click(lambda _: self._add())
        self.search = styled(
            widgets.Text(
                description="Search",
                placeholder="company or role",
                continuous_update=True,
            ),
            "followup-search",
        )
        self.search.observe(lambda _: host.act(lambda: None, self.message), "value")
        self.rows_box = styled(widgets.VBox(), "followup-opportunity-list")
        self.closed_box = styled(widgets.VBox(), "followup-closed-list")
        self.closed = styled(
            widgets.Accordion(children=[self.closed_box], titles=("Closed",)),
            "followup-closed",
        )
        self.closed.selected_index = None  # folded: closed ones are rarely needed
        self.rows: list[OpportunityRow] = []
        #: The list as one choice (``select.value`` is the id shown in the tabs).
        self.select = Selection(self)
        self.empty = label(
            "No opportunities yet: type a company and a role above, then Add.",
            "followup-no-opportunities",
        )
        self.no_match = label("", "followup-no-match", "followup-hint")
        self.duplicate = button(
            "Duplicate", "followup-duplicate-opportunity", tooltip="Copy this opportunity"
        )
        self.delete = button("Delete", "followup-delete-opportunity", tooltip="Delete it")
        self.undo = button("Undo delete", "followup-undo-delete")
        self.undo_note = label("", "followup-undo-note")
        self.duplicate.on_click(
            lambda _: host.act(
                lambda: opportunities.duplicate(self._id()), self.message, plain=True
            )
        )
        self.delete.on_click(
            lambda _: host.act(lambda: opportunities.delete(self._id()), self.message, plain=True)
        )
        self.undo.on_click(lambda _: host.act(opportunities.undo_delete, self.message, plain=True))
        self.root = styled(
            widgets.VBox(
                [
                    heading("Opportunities", level=2),
                    styled(
                        widgets.HBox([self.new_company, self.new_role, self.add]),
                        "followup-row",
                        "followup-add-form",
                    ),
                    self.search,
                    self.empty,
                    self.no_match,
                    self.rows_box,
                    self.closed,
                    styled(
                        widgets.HBox([self.duplicate, self.delete, self.undo_note, self.undo]),
                        "followup-row",
                    ),
                    self.message,
                ]
            ),
            "followup-opportunities",
        )

    def _id(self) -> str:
        selected = self.session.state.selected_id
        if selected is None:
            raise ValueError("Pick an opportunity first.")
        return selected

    def pick(self, opportunity_id: str) -> None:
        """Show this opportunity in the tabs."""
        state = self.session.state
        self.host.act(lambda: state.select(opportunity_id), self.message, plain=True)

    def _add(self) -> None:
        company, role = self.new_company.value, self.new_role.value
        added = self.host.act(
            lambda: self.session.opportunities.add(company, role), self.message, plain=True
        )
        if added:
            self.new_company.value = ""
            self.new_role.value = ""

    @property
    def titles(self) -> list[str]:
        """The titles shown, open ones first, then the closed ones (as on the page)."""
        shown = [*self.rows_box.children, *self.closed_box.children]
        by_root = {row.root: row for row in self.rows}
        return [by_root[root].pick.description for root in shown]

    def row_for(self, opportunity_id: str) -> OpportunityRow:
        """The row showing this opportunity."""
        return next(row for row in self.rows if row.id == opportunity_id and row.root in (
            *self.rows_box.children, *self.closed_box.children))  # fmt: skip

    def render(self) -> None:
        """Show the opportunities, the selection and the undo offer as the session has them."""
        session = self.session
        search = self.search.value
        entries = session.opportunities.entries(search)
        selected = session.state.selected_id
        while len(self.rows) < len(entries):
            self.rows.append(OpportunityRow(self.pick))
        open_roots: list[widgets.Widget] = []
        closed_roots: list[widgets.Widget] = []
        for row, entry in zip(self.rows, entries, strict=False):
            row.assign(entry, selected=entry.id == selected)
            (closed_roots if entry.closed else open_roots).append(row.root)
        if tuple(self.rows_box.children) != tuple(open_roots):
            self.rows_box.children = open_roots
        if tuple(self.closed_box.children) != tuple(closed_roots):
            self.closed_box.children = closed_roots
        self.closed.set_title(0, f"Closed ({len(closed_roots)})")
        hide(self.closed, not closed_roots)
        nothing = not session.state.workspace.opportunities
        hide(self.empty, not nothing)
        hide(self.search, nothing)
        self.no_match.value = (
            f"No company or role holds “{search.strip()}”."
            if search.strip() and not entries and not nothing
            else ""
        )
        hide(self.no_match, not self.no_match.value)
        self.duplicate.disabled = self.delete.disabled = selected is None
        undo = session.opportunities.undo_description
        hide(self.undo, undo is None)
        self.undo_note.value = f"Deleted {undo}." if undo else ""
        hide(self.undo_note, undo is None)
