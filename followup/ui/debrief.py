"""The debrief: questions for right after an interview; answers become pluses, minuses, notes."""

from __future__ import annotations

import ipywidgets as widgets

from followup.session import DEBRIEF_QUESTIONS, DebriefQuestion
from followup.ui.widgets import Host, SelectionPanel, button, label, on_clicks, run_action, styled
from followup.ui.writing import FindingsBox

__all__ = ["DebriefPanel", "DebriefQuestionBox"]


class DebriefQuestionBox:
    """One question, the answer box and the three ways to keep the answer."""

    def __init__(self, host: Host, panel: DebriefPanel, question: DebriefQuestion) -> None:
        self.question = question
        self.answer = styled(
            widgets.Textarea(
                rows=2,
                placeholder="one item per line",
                tooltip=question.question,
                # A click on a button below reads everything typed, up to the last key.
                continuous_update=True,
                layout=widgets.Layout(width="40em", max_width="100%"),
            ),
            "followup-debrief-answer",
            f"followup-debrief-{question.key}",
        )
        self.as_plus = button("→ plus", "followup-debrief-plus", tooltip="Add as a plus to the T")
        self.as_minus = button(
            "→ minus", "followup-debrief-minus", tooltip="Add as a minus to the T"
        )
        self.as_note = button(
            "→ note", "followup-debrief-note", tooltip="Keep as a note for the follow-up"
        )
        self.question_label = label(question.question, "followup-debrief-question")
        self.result = label("", "followup-debrief-result")
        self.findings = FindingsBox(host, "followup-debrief-findings")
        self.answer.observe(lambda _: panel.check(self), "value")
        on_clicks(
            {"plus": self.as_plus, "minus": self.as_minus, "note": self.as_note},
            lambda side: panel.keep(self, side),
        )
        self.root = styled(
            widgets.VBox(
                [
                    self.question_label,
                    self.answer,
                    styled(
                        widgets.HBox([self.as_plus, self.as_minus, self.as_note, self.result]),
                        "followup-row",
                    ),
                    self.findings.root,
                ]
            ),
            "followup-debrief-item",
        )


class DebriefPanel(SelectionPanel):
    """The guided debrief for the selected opportunity."""

    title = "Debrief"
    css = "followup-tab-debrief"
    plain_words = True

    def build(self) -> None:
        host = self.host
        self.heading = label("", "followup-title", "followup-debrief-title")
        self.nothing = label("Pick or add an opportunity to debrief it.")
        self.questions = [DebriefQuestionBox(host, self, q) for q in DEBRIEF_QUESTIONS]
        self.content = widgets.VBox(
            [
                self.heading,
                label(
                    "Answer right after the interview, while it is fresh; "
                    "each line of an answer becomes one plus, minus or note.",
                    "followup-hint",
                ),
                *(question.root for question in self.questions),
            ]
        )
        self.root.children = [self.nothing, self.content]

    def keep(self, box: DebriefQuestionBox, side: str) -> None:
        """Turn the answer in ``box`` into a plus, a minus or a note."""
        opportunity_id = self._shown_id
        answer = box.answer.value
        outcome: list[str] = []
        kept = self.host.act(
            lambda: outcome.append(
                self.session.debrief.answer(opportunity_id or "", box.question.key, answer, side)
            ),
            box.result,
        )
        if kept:
            box.result.value = outcome[0]
            box.result.remove_class("followup-error")
            box.answer.value = ""
        else:
            box.result.add_class("followup-error")

    def check(self, box: DebriefQuestionBox) -> None:
        """Show what the writing check finds in an answer as it is typed."""
        if self.host.rendering:
            return
        writing = self.session.writing
        run_action(
            lambda: box.findings.show(writing.check(self._shown_id, box.answer.value)),
            box.findings.message,
        )

    def key(self) -> object:
        # Answers are not part of the workspace: only the selection (and the words of the
        # dictionary, which change what the writing check says) change this panel.
        state = self.session.state
        return (state.selected_id, state.selected, state.workspace.dictionary)

    def draw(self) -> None:
        opportunity = self._selection()
        if opportunity is None:
            return
        self.heading.value = f"Debrief: {opportunity.company} — {opportunity.role}"
        if opportunity.id != self._shown_id:
            self._shown_id = opportunity.id
            for box in self.questions:
                box.answer.value = ""
                box.result.value = ""
        writing = self.session.writing
        for box in self.questions:
            box.findings.show(writing.check(opportunity.id, box.answer.value))
