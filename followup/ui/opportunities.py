"""The list of opportunities: pick one, add, duplicate, delete (with undo)."""

from __future__ import annotations

import ipywidgets as widgets

from followup.ui.widgets import Host, button, hide, label, message_label, styled

__all__ = ["OpportunityList"]


class OpportunityList:
    """A selectable list of "company — role" with the buttons that change it."""

    def __init__(self, host: Host) -> None:
        self.host = host
        self.session = host.session
        self.select = styled(
            widgets.Select(
                options=[], rows=8, layout=widgets.Layout(width="30em", max_width="100%")
            ),
            "followup-opportunity-list",
        )
        self.add = button("Add", "followup-add-opportunity", tooltip="Add an opportunity")
        self.duplicate = button(
            "Duplicate", "followup-duplicate-opportunity", tooltip="Copy this opportunity"
        )
        self.delete = button("Delete", "followup-delete-opportunity", tooltip="Delete it")
        self.undo = button("Undo delete", "followup-undo-delete")
        self.undo_note = label("", "followup-undo-note")
        self.empty = label("No opportunities yet: add one to start.", "followup-no-opportunities")
        self.message = message_label("followup-message", "followup-list-message")
        session = self.session
        self.select.observe(
            lambda change: host.act(lambda: session.state.select(change["new"]), self.message),
            "value",
        )
        self.add.on_click(lambda _: host.act(session.opportunities.add, self.message))
        self.duplicate.on_click(
            lambda _: host.act(lambda: session.opportunities.duplicate(self._id()), self.message)
        )
        self.delete.on_click(
            lambda _: host.act(lambda: session.opportunities.delete(self._id()), self.message)
        )
        self.undo.on_click(lambda _: host.act(session.opportunities.undo_delete, self.message))
        # The list sits above the tabs, so the T gets the whole width of the page.
        self.root = styled(
            widgets.VBox(
                [
                    label("Opportunities", "followup-heading"),
                    self.empty,
                    widgets.HBox(
                        [
                            self.select,
                            widgets.VBox(
                                [
                                    widgets.HBox([self.add, self.duplicate, self.delete]),
                                    self.undo_note,
                                    self.undo,
                                    self.message,
                                ]
                            ),
                        ],
                        layout=widgets.Layout(flex_flow="row wrap"),
                    ),
                ]
            ),
            "followup-opportunities",
        )

    def _id(self) -> str:
        selected = self.session.state.selected_id
        if selected is None:
            raise ValueError("select an opportunity first")
        return selected

    def render(self) -> None:
        """Show the opportunities, the selection and the undo offer as the session has them."""
        workspace = self.session.state.workspace
        options = tuple((f"{o.company} — {o.role}", o.id) for o in workspace.opportunities)
        if tuple(self.select.options) != options:
            self.select.options = options
        selected = self.session.state.selected_id
        if self.select.value != selected:
            self.select.value = selected
        self.select.rows = min(max(len(options), 3), 12)
        nothing = not options
        hide(self.empty, not nothing)
        hide(self.select, nothing)
        self.duplicate.disabled = self.delete.disabled = nothing
        undo = self.session.opportunities.undo_description
        hide(self.undo, undo is None)
        self.undo_note.value = f"Deleted {undo}." if undo else ""
        hide(self.undo_note, undo is None)
