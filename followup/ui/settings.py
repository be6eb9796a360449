"""You and the settings: who signs the notes, how they are written, and how the app decides.

Every field says in one line what it is for: the name signs the notes, the
e-mail is the sender of an e-mail draft, the title and phone go under the
name; English sets how dates are written and which spelling the writing
check expects; the greeting says how an interviewer is addressed.
"""

from __future__ import annotations

from typing import NamedTuple

import ipywidgets as widgets

from followup.session import CONTACT_FIELDS, drafts_folder
from followup.ui.look import heading
from followup.ui.widgets import Field, Panel, label, labelled_field, styled

__all__ = ["SettingsPanel"]

#: Each field of the owner: (caption, what it is for).
OWNER_WORDS = {
    "name": ("Your name", "Signs every note, and starts the signature."),
    "title": ("Your title", "Goes under your name in the signature (optional)."),
    "email": ("Your e-mail", "The sender of the e-mail drafts (.eml) the app exports."),
    "phone": ("Your phone", "Goes at the end of the signature (optional)."),
}
ENGLISH_CHOICES = (("US English", "US"), ("UK English", "UK"))
GREETING_CHOICES = (("First name", "first_name"), ("Formal (full name)", "formal"))


class SettingWords(NamedTuple):
    """How one setting is shown: its caption, its CSS class, what it is for, its choices if any."""

    caption: str
    css: str
    explanation: str
    choices: tuple[tuple[str, str], ...] = ()


#: The settings under their headings, in the order they are shown.
SETTING_GROUPS: tuple[tuple[str, dict[str, SettingWords]], ...] = (
    (
        "How the notes are written",
        {
            "english": SettingWords(
                "English",
                "followup-english",
                "How the notes write dates (US: December 1, 2026; UK: 1 December 2026) and "
                "which spelling the writing check expects (color or colour).",
                ENGLISH_CHOICES,
            ),
            "greeting": SettingWords(
                "Greeting",
                "followup-greeting",
                "How a note greets an interviewer: “Dear Priya,” or “Dear Priya Natarajan,” "
                "(“Dr. Amara Okonkwo” is always “Dear Dr. Okonkwo,”).",
                GREETING_CHOICES,
            ),
        },
    ),
    (
        "How the app decides",
        {
            "threshold": SettingWords(
                "Pass threshold",
                "followup-threshold",
                "A T passes when its balance (pluses minus minuses) is above this number.",
            ),
            "check_in_after_days": SettingWords(
                "Days before a check-in",
                "followup-check-in-days",
                "Days of silence after the thank-you before one check-in is fitting (1 to 90).",
            ),
        },
    ),
)


def _choice(choices: tuple[tuple[str, str], ...]) -> widgets.Dropdown:
    return widgets.Dropdown(options=choices, layout=widgets.Layout(width="12em"))


def _explained(field: Field, explanation: str, css: str) -> widgets.Widget:
    """A field with one line under it that says what it is for."""
    hint = label(explanation, "followup-hint", f"{css}-hint")
    # Under the input, from its left edge (the stylesheet lines it up with the input).
    return styled(widgets.VBox([field.box, hint]), "followup-explained-field")


class SettingsPanel(Panel):
    """The owner of the workspace and its settings, edited through ``session.settings``."""

    title = "You & settings"
    css = "followup-tab-settings"
    plain_words = True

    def build(self) -> None:
        host = self.host
        settings = self.session.settings
        set_owner, set_setting = settings.set_owner, settings.set
        self.owner = {
            name: labelled_field(
                host, OWNER_WORDS[name][0], f"followup-owner-{name}", set_owner, name
            )
            for name in CONTACT_FIELDS
        }
        self.setting = {
            name: labelled_field(
                host,
                words.caption,
                words.css,
                set_setting,
                name,
                _choice(words.choices) if words.choices else None,
            )
            for _, group in SETTING_GROUPS
            for name, words in group.items()
        }
        self.english = self.setting["english"]
        self.greeting = self.setting["greeting"]
        self.threshold = self.setting["threshold"]
        self.check_in_days = self.setting["check_in_after_days"]
        self.location = label("", "followup-workspace-location")
        self.exports = label("", "followup-export-folder")
        self.root.children = [
            heading("You (the notes are signed with your name)"),
            *(
                _explained(field, OWNER_WORDS[name][1], f"followup-owner-{name}")
                for name, field in self.owner.items()
            ),
            *self._setting_rows(),
            heading("Files"),
            styled(self.location, "followup-hint"),
            styled(self.exports, "followup-hint"),
        ]

    def _setting_rows(self) -> list[widgets.Widget]:
        rows: list[widgets.Widget] = []
        for title, group in SETTING_GROUPS:
            rows.append(heading(title))
            rows.extend(
                _explained(self.setting[name], words.explanation, words.css)
                for name, words in group.items()
            )
        return rows

    def key(self) -> object:
        workspace = self.session.state.workspace
        return (workspace.owner, workspace.settings, self.session.state.path)

    def draw(self) -> None:
        workspace = self.session.state.workspace
        for name, field in self.owner.items():
            value = getattr(workspace.owner, name, None) if workspace.owner else None
            field.show("" if value is None else str(value))
        self.english.show(workspace.settings.english)
        self.greeting.show(workspace.settings.greeting)
        self.threshold.show(f"{workspace.settings.threshold:g}")
        self.check_in_days.show(str(workspace.settings.check_in_after_days))
        path = self.session.state.path
        self.location.value = (
            f"Workspace file: {path}" if path else "Workspace: kept in memory (not saved to disk)"
        )
        self.exports.value = (
            f"Exported notes are also saved in: {drafts_folder(path)}"
            if path
            else "Exported notes are also saved in a temporary folder."
        )
