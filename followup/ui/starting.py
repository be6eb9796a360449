"""Above the tabs: the person's name on a first run, "Save as a file" in the example, where
the work lives, and a short "How this works" (folded away).

Each piece shows what ``session.starting`` says (no name yet, kept in memory);
its buttons act through the app, in plain words.
"""

from __future__ import annotations

import ipywidgets as widgets

from followup.ui.look import heading
from followup.ui.widgets import Host, button, hide, label, message_label, show_html, styled

__all__ = ["StartingBar"]

_HOW_IT_WORKS = """
<p>Put what you think of each opportunity on a <b>Franklin T</b>: pluses on the left, minuses on
the right, each weighed honestly from 1 to 10. An opportunity <i>passes</i> when its pluses
outweigh its minuses: those deserve one thank-you note and, after about two weeks of silence,
one gentle check-in. The app drafts the notes; you send them yourself.</p>
<ul>
<li><b>Opportunities</b> (the list at the top): pick one to work on, search, add one by typing
its company and role, duplicate or delete it (with undo). Closed ones are gathered at the
bottom.</li>
<li><b>The T</b>: the pluses and minuses with their weights; the balance, the verdict, the chart,
what would flip the verdict and an honesty check follow every slider.</li>
<li><b>Debrief</b>: questions to answer right after an interview; each answer becomes a plus,
a minus or a note.</li>
<li><b>Details &amp; notes</b>: company, role, interview date, interviewers, recruiter, and the
notes your follow-up will use.</li>
<li><b>Compare</b>: every opportunity side by side, and how sure each verdict is.</li>
<li><b>Follow-up</b>: the next step and the note to send, with its writing check and
exports.</li>
<li><b>Today</b>: what to do today across your whole search.</li>
<li><b>You &amp; settings</b>: your name and e-mail (they sign the notes), the pass threshold,
and how long to wait before a check-in.</li>
</ul>
"""
_SAVING_WORDS = {
    True: "<p>Every change is saved to your workspace file as you make it (text a second after "
    "you stop typing); the line at the top says when.</p>",
    False: "<p>This is the bundled example: nothing you change is kept. Use "
    "<b>Save as a file</b> at the top to keep your work.</p>",
}


class StartingBar:
    """The first-run name, the example's "Save as a file", the notice and "How this works"."""

    def __init__(self, host: Host) -> None:
        self.host = host
        self.session = host.session
        starting = self.session.starting
        self.name_input = styled(
            widgets.Text(
                description="Your name", placeholder="e.g. Alex Rivera", continuous_update=True
            ),
            "followup-first-name",
        )
        self.name_button = button("Start", "followup-first-name-save", tooltip="Keep my name")
        self.name_message = message_label("followup-message", "followup-first-name-message")
        self.name_button.on_click(
            lambda _: self.host.act(
                lambda: starting.set_name(self.name_input.value), self.name_message, plain=True
            )
        )
        self.first_run = styled(
            widgets.VBox(
                [
                    heading("Welcome! What is your name?", level=2),
                    label(
                        "It signs the notes the app drafts for you; you can add your e-mail "
                        "and title later under You & settings.",
                        "followup-hint",
                    ),
                    styled(widgets.HBox([self.name_input, self.name_button]), "followup-row"),
                    self.name_message,
                ]
            ),
            "followup-first-run",
        )
        self.notice = label("", "followup-notice", "followup-hint")
        self.save_as_path = styled(
            widgets.Text(
                description="File name",
                value="my-job-search.json",
                placeholder="e.g. my-job-search.json",
                continuous_update=True,
            ),
            "followup-save-as-path",
        )
        self.save_as = button("Save as a file…", "followup-save-as")
        self.save_as_message = message_label("followup-message", "followup-save-as-message")
        self.save_as.on_click(lambda _: self._save_as())
        self.example_bar = styled(
            widgets.VBox(
                [
                    styled(widgets.HBox([self.save_as_path, self.save_as]), "followup-row"),
                    self.save_as_message,
                ]
            ),
            "followup-example-bar",
            "followup-panel-box",
        )
        self.how_it_works_text = styled(widgets.HTML(), "followup-how-it-works-text")
        self.how_it_works = styled(
            widgets.Accordion(children=[self.how_it_works_text], titles=("How this works",)),
            "followup-how-it-works",
        )
        self.how_it_works.selected_index = None  # folded away: the T comes first

    def _save_as(self) -> None:
        saved: list[object] = []
        done = self.host.act(
            lambda: saved.append(self.session.starting.save_as(self.save_as_path.value)),
            self.save_as_message,
            plain=True,
        )
        if done:
            self.notice.value = (
                f"Saved as {saved[0]}. From now on every change is saved there; to come back "
                "to it, open that file."
            )

    def render(self) -> None:
        """Show what applies now: the name asked once, "Save as a file" only in memory."""
        starting = self.session.starting
        hide(self.first_run, not starting.needs_name)
        hide(self.example_bar, not starting.in_memory)
        if not self.notice.value.startswith("Saved as"):
            self.notice.value = self.session.state.notice
        hide(self.notice, not self.notice.value)
        show_html(self.how_it_works_text, _HOW_IT_WORKS + _SAVING_WORDS[not starting.in_memory])
