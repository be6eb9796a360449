"""You and the settings: who signs the notes, the pass threshold, the check-in delay."""

from __future__ import annotations

from followup.session import CONTACT_FIELDS, drafts_folder
from followup.ui.widgets import Panel, label, labelled_field, styled

__all__ = ["SettingsPanel"]

_CAPTIONS = {"name": "Your name", "title": "Your title", "email": "Your e-mail", "phone": "Phone"}


class SettingsPanel(Panel):
    """The owner of the workspace and its settings, edited through ``session.settings``."""

    title = "You & settings"
    css = "followup-tab-settings"

    def build(self) -> None:
        host = self.host
        settings = self.session.settings
        self.owner = {
            name: labelled_field(
                host, _CAPTIONS[name], f"followup-owner-{name}", settings.set_owner, name
            )
            for name in CONTACT_FIELDS
        }
        self.threshold = labelled_field(
            host,
            "Pass threshold (balance above it passes)",
            "followup-threshold",
            settings.set,
            "threshold",
        )
        self.check_in_days = labelled_field(
            host,
            "Days to wait before a check-in",
            "followup-check-in-days",
            settings.set,
            "check_in_after_days",
        )
        self.location = label("", "followup-workspace-location")
        self.exports = label("", "followup-export-folder")
        self.root.children = [
            label("You (the notes are signed with your name)", "followup-heading"),
            *(field.box for field in self.owner.values()),
            label("Settings", "followup-heading"),
            self.threshold.box,
            self.check_in_days.box,
            label("Files", "followup-heading"),
            styled(self.location, "followup-hint"),
            styled(self.exports, "followup-hint"),
        ]

    def key(self) -> object:
        workspace = self.session.state.workspace
        return (workspace.owner, workspace.settings)

    def draw(self) -> None:
        workspace = self.session.state.workspace
        for name, field in self.owner.items():
            value = getattr(workspace.owner, name, None) if workspace.owner else None
            field.show("" if value is None else str(value))
        self.threshold.show(f"{workspace.settings.threshold:g}")
        self.check_in_days.show(str(workspace.settings.check_in_after_days))
        path = self.session.state.path
        self.location.value = (
            f"Workspace file: {path}" if path else "Workspace: kept in memory (not saved to disk)"
        )
        self.exports.value = (
            f"Exported notes go to: {drafts_folder(path)}"
            if path
            else "Exported notes go to a temporary folder."
        )
