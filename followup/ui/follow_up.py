"""Follow-up: the next step, the note (editable), its exports, and recording what was done."""

from __future__ import annotations

import ipywidgets as widgets

from followup.session import FollowUpView
from followup.ui.tables import action_words, findings_html
from followup.ui.widgets import (
    Field,
    SelectionPanel,
    button,
    hide,
    label,
    on_clicks,
    show_html,
    styled,
)

__all__ = ["FollowUpPanel"]

_DONE_WORDS = {
    "thank_you_sent": "Mark the thank-you as sent today",
    "check_in_sent": "Mark the check-in as sent today",
    "recruiter_called": "Mark the recruiter as called today",
}


class FollowUpPanel(SelectionPanel):
    """The follow-up of the selected opportunity (``session.follow_up``)."""

    title = "Follow-up"
    css = "followup-tab-followup"

    def build(self) -> None:
        host = self.host
        follow_up = self.session.follow_up
        self.heading = label("", "followup-heading", "followup-followup-title")
        self.nothing = label("Select or add an opportunity to plan its follow-up.")
        self.action = label("", "followup-next-action")
        self.due = label("", "followup-next-due")
        self.reason = label("", "followup-next-reason")
        self.refusal = label("", "followup-refusal")
        self.to = label("", "followup-draft-to")
        self.subject = label("", "followup-draft-subject")
        self.draft = Field(
            host,
            "",
            widgets.Textarea(rows=16, layout=widgets.Layout(width="48em")),
            lambda value: follow_up.edit_draft(self._id(), value),
            "followup-draft",
        )
        self.edited = label("", "followup-draft-edited")
        self.reset = button("Back to the generated text", "followup-reset-draft")
        self.reset.on_click(
            lambda _: host.act(lambda: follow_up.reset_draft(self._id()), self.message)
        )
        self.findings = styled(widgets.HTML(), "followup-findings")
        self.export_eml = button("Export .eml", "followup-export-eml", tooltip="An e-mail draft")
        self.export_md = button("Export .md", "followup-export-md", tooltip="A Markdown file")
        self.export_ics = button(
            "Export reminder .ics", "followup-export-ics", tooltip="A calendar reminder"
        )
        self.export_status = label("", "followup-export-status")
        on_clicks(
            {"eml": self.export_eml, "md": self.export_md, "ics": self.export_ics}, self.export
        )
        self.mark_done = button("", "followup-mark-sent")
        self.mark_done.on_click(
            lambda _: host.act(lambda: follow_up.mark_done(self._id()), self.message)
        )
        self.reply = button("A reply came today", "followup-record-reply")
        self.reply.on_click(
            lambda _: host.act(lambda: follow_up.record(self._id(), "reply_received"), self.message)
        )
        self.close = button("Close this opportunity", "followup-record-closed")
        self.close.on_click(
            lambda _: host.act(lambda: follow_up.record(self._id(), "closed"), self.message)
        )
        self.talking_points = styled(
            widgets.Textarea(rows=12, disabled=True, layout=widgets.Layout(width="48em")),
            "followup-talking-points",
        )
        self.talking_box = widgets.VBox(
            [
                label("Talking points for the recruiter call", "followup-heading"),
                self.talking_points,
            ]
        )
        self.draft_box = styled(
            widgets.VBox(
                [
                    label("The note (edit it freely; you send it yourself)", "followup-heading"),
                    self.to,
                    self.subject,
                    self.draft.box,
                    widgets.HBox([self.edited, self.reset]),
                    label("Writing check", "followup-heading"),
                    self.findings,
                ]
            ),
            "followup-draft-box",
        )
        self.content = widgets.VBox(
            [
                self.heading,
                styled(widgets.VBox([self.action, self.due, self.reason]), "followup-next-step"),
                self.refusal,
                self.draft_box,
                styled(
                    widgets.HBox([self.export_eml, self.export_md, self.export_ics]),
                    "followup-exports",
                ),
                self.export_status,
                styled(widgets.HBox([self.mark_done, self.reply, self.close]), "followup-events"),
                self.message,
                self.talking_box,
            ]
        )
        self.root.children = [self.nothing, self.content]

    def export(self, format_: str) -> None:
        """Export the note (or the reminder) and say where the file went."""
        written: list[object] = []
        done = self.host.act(
            lambda: written.append(self.session.follow_up.export(self._id(), format_)),
            self.export_status,
        )
        if done:
            self.export_status.value = f"Saved {written[0]}"

    def key(self) -> object:
        state = self.session.state
        return (state.revision, state.selected_id, state.current_date())

    def draw(self) -> None:
        opportunity = self._selection()
        if opportunity is None:
            return
        if opportunity.id != self._shown_id:
            self.export_status.value = ""
            self.message.value = ""
        self._shown_id = opportunity.id
        self.heading.value = f"Follow-up: {opportunity.company} — {opportunity.role}"
        view = self.session.follow_up.view(opportunity.id)
        self.show_step(view)
        self.show_draft(view)
        hide(self.talking_box, view.talking_points is None)
        self.talking_points.value = view.talking_points or ""

    def show_step(self, view: FollowUpView) -> None:
        step = view.step
        self.action.value = f"Next step: {action_words(step.action)}"
        due = f"Due {step.due:%A %d %B %Y}" if step.due else "Nothing due"
        self.due.value = due + (" — overdue" if step.overdue else "")
        self.reason.value = step.reason
        hide(self.mark_done, view.event_to_record is None)
        self.mark_done.description = _DONE_WORDS.get(view.event_to_record or "", "")
        events = {event.kind for event in self.session.state.opportunity(self._id()).events}
        hide(self.reply, "reply_received" in events or "closed" in events)
        hide(self.close, "closed" in events)

    def show_draft(self, view: FollowUpView) -> None:
        draft = view.draft
        hide(self.draft_box, draft is None)
        hide(self.refusal, draft is not None or not view.refusal)
        self.refusal.value = "" if draft is not None else (view.refusal or "")
        if draft is None:
            return
        self.to.value = f"To: {draft.to.name}" + (f" <{draft.to.email}>" if draft.to.email else "")
        self.subject.value = f"Subject: {draft.subject}"
        self.draft.show(draft.body)
        self.edited.value = "Edited by you." if view.edited else "Generated from your notes."
        hide(self.reset, not view.edited)
        show_html(self.findings, findings_html(view.findings))
