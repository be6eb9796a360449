"""When the workspace file was damaged or changed elsewhere: the recovery panel, the reopen screen.

Both only show what :mod:`followup.session.recovery` decides: what happened,
in whole sentences, the ways on (each with what it does, or why it cannot be
taken now), and the versions kept beside the file with their times.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import ipywidgets as widgets

from followup.session.recovery import KeptCopy, kept_copies, restore_copy
from followup.ui.look import heading
from followup.ui.widgets import (
    Host,
    bullet_list,
    button,
    hide,
    label,
    message_label,
    run_action,
    show_html,
    styled,
)

__all__ = ["RecoveryPanel", "ReopenChoices"]


def _copies_html(copies: tuple[KeptCopy, ...]) -> str:
    return bullet_list(
        (f"{copy.describe()[:1].upper()}{copy.describe()[1:]}: {copy.path}" for copy in copies),
        empty="No backup or conflict copy is kept beside the file.",
    )


class RecoveryPanel:
    """Shown above the tabs while a save is refused: what happened, and three ways on."""

    def __init__(self, host: Host) -> None:
        self.host = host
        self.session = host.session
        recovery = self.session.recovery
        self.explanation = label("", "followup-recovery-explanation")
        self.message = message_label("followup-message", "followup-recovery-message")
        self.buttons: dict[str, widgets.Button] = {}
        self.descriptions: dict[str, widgets.Label] = {}
        rows = []
        for choice in recovery.choices():
            chosen = button(choice.words, f"followup-recovery-{choice.key.replace('_', '-')}")
            chosen.on_click(
                lambda _, key=choice.key: host.act(
                    lambda: recovery.choose(key), self.message, plain=True
                )
            )
            described = label("", "followup-recovery-choice-words")
            self.buttons[choice.key] = chosen
            self.descriptions[choice.key] = described
            rows.append(styled(widgets.HBox([chosen, described]), "followup-row"))
        self.copies = styled(widgets.HTML(), "followup-recovery-copies")
        self.root = styled(
            widgets.VBox(
                [
                    heading("Your work is not saved yet: choose how to go on", level=2),
                    self.explanation,
                    *rows,
                    label("Kept beside the workspace file:", "followup-hint"),
                    self.copies,
                    self.message,
                ]
            ),
            "followup-recovery",
        )
        hide(self.root)

    def render(self) -> None:
        """Show the panel (up to date) while the person has to choose; hide it otherwise."""
        recovery = self.session.recovery
        needed = recovery.needed
        hide(self.root, not needed)
        if not needed:
            return
        self.explanation.value = recovery.explanation()
        for choice in recovery.choices():
            self.buttons[choice.key].disabled = choice.unavailable is not None
            self.descriptions[choice.key].value = (
                choice.explanation if choice.unavailable is None else choice.unavailable
            )
        show_html(self.copies, _copies_html(recovery.copies()))


class ReopenChoices:
    """The versions kept beside a file that cannot be opened, each one click from being put back."""

    def __init__(
        self, path: str | os.PathLike[str], message: widgets.Label, reopen: Callable[[], None]
    ) -> None:
        self.path = path
        self.message = message
        self._reopen = reopen
        try:
            self.copies = kept_copies(path)
        except OSError:
            self.copies = ()
        backup = next((copy for copy in self.copies if copy.kind == "backup"), None)
        self.backup_button = button(
            "Restore the previous version" if backup is None else f"Use {backup.describe()}",
            "followup-restore-backup",
        )
        hide(self.backup_button, backup is None)
        if backup is not None:
            self.backup_button.on_click(lambda _, copy=backup: self.use(copy))
        self.copy_buttons: list[widgets.Button] = []
        for copy in self.copies:
            if copy.kind == "backup":
                continue
            chosen = button(f"Use {copy.describe()}", "followup-restore-copy")
            chosen.tooltip = str(copy.path)
            chosen.on_click(lambda _, copy=copy: self.use(copy))
            self.copy_buttons.append(chosen)
        explanation = (
            "A conflict copy holds changes that could not be saved to the file; the backup is "
            "the version before the last save. Whichever you choose, the file as it is now is "
            "kept aside, not deleted."
        )
        listing = styled(widgets.HTML(), "followup-kept-copies")
        show_html(listing, _copies_html(self.copies))
        self.root = styled(
            widgets.VBox(
                [
                    label(explanation, "followup-hint"),
                    listing,
                    styled(widgets.HBox([self.backup_button, *self.copy_buttons]), "followup-row"),
                ]
            ),
            "followup-reopen-choices",
        )
        hide(self.root, not self.copies)

    def use(self, copy: KeptCopy) -> None:
        """Put ``copy`` back as the workspace file and open the app on it."""

        def put_back() -> None:
            restore_copy(self.path, copy)
            self._reopen()

        run_action(put_back, self.message, words=_words)


def _words(error: BaseException) -> str:
    from followup.session.wording import in_words

    return in_words(error)
