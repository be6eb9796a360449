"""What the writing check finds in a note item, shown beside the field it was typed in.

Each finding is a sentence; a spelling finding has a button "Add 'word' to
my dictionary" (``session.writing.add_word``), after which the word is never
flagged again.
"""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as widgets

from followup.session.writing import NoteFinding
from followup.ui.widgets import Host, button, hide, label, message_label, styled

__all__ = ["FindingsBox"]


class FindingsBox:
    """The findings of one field, each with its "Add to my dictionary" button when it has a word."""

    def __init__(self, host: Host, *classes: str) -> None:
        self.host = host
        self.message = message_label("followup-message")
        self.list = styled(widgets.VBox(), "followup-findings-list")
        self.root = styled(
            widgets.VBox([self.list, self.message]), "followup-note-findings", *classes
        )
        self._shown: tuple[NoteFinding, ...] = ()
        #: The "Add to my dictionary" buttons, by word.
        self.add_buttons: dict[str, widgets.Button] = {}
        hide(self.root)

    @property
    def findings(self) -> tuple[NoteFinding, ...]:
        """The findings shown now."""
        return self._shown

    def show(self, findings: Sequence[NoteFinding]) -> None:
        """Show these findings (rebuilt only when they change)."""
        findings = tuple(findings)
        if findings == self._shown:
            return
        self._shown = findings
        self.add_buttons = {}
        rows = []
        writing = self.host.session.writing
        for finding in findings:
            parts: list[widgets.Widget] = [label(finding.message, "followup-finding-message")]
            if finding.word is not None and finding.word not in self.add_buttons:
                word = finding.word
                add = button(
                    f"Add “{word}” to my dictionary",
                    "followup-add-word",
                    tooltip=f"Never flag “{word}” again",
                )
                add.on_click(
                    lambda _, word=word: self.host.act(
                        lambda: writing.add_word(word), self.message, plain=True
                    )
                )
                self.add_buttons[word] = add
                parts.append(add)
            rows.append(styled(widgets.HBox(parts), "followup-finding", "followup-row"))
        self.list.children = rows
        hide(self.root, not findings)
