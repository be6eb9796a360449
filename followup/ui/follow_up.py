"""Follow-up: the next step, the note (editable, saved as typed), its exports, and what happened.

The draft is saved as it is typed (a second after the last key); the
checklist beside it says what the notes could still give the note. With
several interviewers, a choice says who the note is written to (the others
are thanked by name in it); picking someone else while the note has edits of
the person's own asks before those edits are dropped. Exports
are written into the folder beside the workspace and offered as downloads;
an export that cannot be made now is switched off, with the reason. What
happened (a note sent, a reply, the closing) is recorded on a chosen day and
the last record can be undone.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

import ipywidgets as widgets

from followup.notes.dates import written_date
from followup.session import FollowUpView
from followup.session.exports import ExportedFile
from followup.session.wording import in_words
from followup.ui.checklist import Checklist, WritingFindings, open_field
from followup.ui.downloads import download_link
from followup.ui.look import heading
from followup.ui.tables import action_words
from followup.ui.widgets import (
    Field,
    Host,
    SelectionPanel,
    button,
    hide,
    label,
    message_label,
    on_clicks,
    show_html,
    styled,
)

__all__ = ["DONE_WORDS", "EXPORT_WORDS", "FollowUpPanel"]

#: The button that records the plan's step, by the event it records.
DONE_WORDS = {
    "thank_you_sent": "Mark the thank-you as sent",
    "check_in_sent": "Mark the check-in as sent",
    "recruiter_called": "Mark the recruiter as called",
}
#: Each export: (button, what the file is).
EXPORT_WORDS = {
    "eml": ("Export .eml", "an e-mail draft your mail program opens ready to send"),
    "md": ("Export .md", "the note as a Markdown text file"),
    "ics": ("Export reminder .ics", "a calendar reminder for the check-in day"),
}
_EXPORT_NAMES = {"eml": "E-mail draft (.eml)", "md": "Markdown (.md)", "ics": "Reminder (.ics)"}

#: A small choice: as wide as its caption and options (not stretched like a text field);
#: on a narrow screen its caption goes above it, so its height follows.
_CHOICE_LAYOUT = dict(flex="0 1 24em", width="auto", height="auto", max_width="100%")


def _sentence(text: str) -> str:
    return f'<span class="followup-sentence">{html.escape(text)}</span>'


class FollowUpPanel(SelectionPanel):
    """The follow-up of the selected opportunity (``session.follow_up``)."""

    title = "Follow-up"
    css = "followup-tab-followup"
    plain_words = True
    #: Opens the field of a note ("notes.learned") for the checklist; the app may replace it.
    go_to_field: Callable[[str], object]

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        #: The app itself (tabs, other panels), for the checklist's way to a field.
        self.app = host

    def build(self) -> None:
        host = self.host
        follow_up = self.session.follow_up
        self.go_to_field = lambda field: open_field(self.app, field)
        # Refusals of this tab's actions (the app's panel message is for drawing problems).
        self.feedback = message_label("followup-message", "followup-followup-feedback")
        self.heading = label("", "followup-title", "followup-followup-title")
        self.nothing = label("Select or add an opportunity to plan its follow-up.")
        self.action = label("", "followup-next-action")
        self.due = label("", "followup-next-due")
        self.reason = styled(widgets.HTML(), "followup-next-reason")
        self.refusal = styled(widgets.HTML(), "followup-refusal")
        self.recipient = Field(
            host,
            "Write to",
            widgets.Dropdown(layout=widgets.Layout(**_CHOICE_LAYOUT)),
            lambda name: follow_up.choose_recipient(self._id(), name),
            "followup-recipient",
            name="Who the note is written to",
            caption_width="5em",
        )
        self.recipient_hint = label(
            "The others are thanked by name in the note.",
            "followup-hint",
            "followup-recipient-hint",
        )
        self.recipient_row = styled(
            widgets.HBox(
                [self.recipient.box, self.recipient_hint],
                layout=widgets.Layout(flex_flow="row wrap", align_items="center"),
            ),
            "followup-recipient-row",
        )
        self.recipient_question = label("", "followup-recipient-question")
        self.drop_edits = button("Drop my changes and switch", "followup-recipient-drop")
        self.drop_edits.on_click(
            lambda _: host.act(lambda: follow_up.confirm_recipient(self._id()), self.feedback)
        )
        self.keep_edits = button("Keep my note as it is", "followup-recipient-keep")
        self.keep_edits.on_click(
            lambda _: host.act(lambda: follow_up.keep_recipient(self._id()), self.feedback)
        )
        self.recipient_ask = styled(
            widgets.VBox(
                [
                    self.recipient_question,
                    styled(widgets.HBox([self.drop_edits, self.keep_edits]), "followup-row"),
                ]
            ),
            "followup-recipient-ask",
        )
        hide(self.recipient_ask)  # until a switch waits for an answer
        self.to = label("", "followup-draft-to")
        self.subject = label("", "followup-draft-subject")
        self.draft = Field(
            host,
            "",
            widgets.Textarea(rows=16, layout=widgets.Layout(width="48em", max_width="100%")),
            lambda value: follow_up.edit_draft(self._id(), value),
            "followup-draft",
            name="The note",
        )
        self.edited = label("", "followup-draft-edited")
        self.reset = button("Back to the generated text", "followup-reset-draft")
        self.reset.on_click(
            lambda _: host.act(lambda: follow_up.reset_draft(self._id()), self.feedback)
        )
        self.checklist = Checklist(lambda field: self.go_to_field(field))
        self.writing = WritingFindings(host, self.session.writing.add_word, self.feedback)
        self.findings = self.writing.table
        self.export_buttons = {
            format_: button(words[0], f"followup-export-{format_}", tooltip=words[1].capitalize())
            for format_, words in EXPORT_WORDS.items()
        }
        self.export_eml = self.export_buttons["eml"]
        self.export_md = self.export_buttons["md"]
        self.export_ics = self.export_buttons["ics"]
        self.export_hint = styled(widgets.HTML(), "followup-export-hint")
        self.export_status = message_label("followup-export-status")
        self.download = styled(widgets.HTML(), "followup-download-link")
        hide(self.download)
        on_clicks(self.export_buttons, self.export)
        self._exported_at: object = None
        self.when = styled(
            widgets.DatePicker(
                description="On",
                layout=widgets.Layout(width="auto"),
                style={"description_width": "initial"},
            ),
            "followup-event-date",
        )
        self._default_day: dt.date | None = None
        self.mark_done = button("", "followup-mark-sent")
        self.mark_done.on_click(
            lambda _: self._record(lambda on: follow_up.mark_done(self._id(), on))
        )
        self.reply = button("A reply came", "followup-record-reply")
        self.reply.on_click(
            lambda _: self._record(lambda on: follow_up.record(self._id(), "reply_received", on))
        )
        self.close = button("Close this opportunity", "followup-record-closed")
        self.close.on_click(
            lambda _: self._record(lambda on: follow_up.record(self._id(), "closed", on))
        )
        self.last_event = label("", "followup-last-event")
        self.undo = button("Undo", "followup-undo-event")
        self.undo.on_click(lambda _: host.act(lambda: follow_up.undo(self._id()), self.feedback))
        self.talking_points = styled(
            widgets.Textarea(
                rows=12, disabled=True, layout=widgets.Layout(width="48em", max_width="100%")
            ),
            "followup-talking-points",
        )
        self.talking_box = widgets.VBox(
            [
                heading("Talking points for the recruiter call"),
                self.talking_points,
            ]
        )
        wrap = widgets.Layout(flex_flow="row wrap", align_items="center")
        self.draft_box = styled(
            widgets.VBox(
                [
                    heading("The note (edit it freely; you send it yourself)"),
                    self.recipient_row,
                    self.recipient_ask,
                    self.to,
                    self.subject,
                    styled(
                        widgets.HBox(
                            [self.draft.box, self.checklist.root],
                            layout=widgets.Layout(flex_flow="row wrap", align_items="flex-start"),
                        ),
                        "followup-draft-and-checklist",
                    ),
                    widgets.HBox([self.edited, self.reset], layout=wrap),
                    self.writing.root,
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
                heading("Export"),
                styled(
                    widgets.HBox(list(self.export_buttons.values()), layout=wrap),
                    "followup-exports",
                ),
                self.export_hint,
                self.export_status,
                self.download,
                heading("Record what happened"),
                styled(
                    widgets.HBox([self.when, self.mark_done, self.reply, self.close], layout=wrap),
                    "followup-events",
                ),
                styled(widgets.HBox([self.last_event, self.undo], layout=wrap), "followup-undo"),
                self.feedback,
                self.message,
                self.talking_box,
            ]
        )
        self.root.children = [self.nothing, self.content]

    # -- actions -----------------------------------------------------------

    def _record(self, record: Callable[[object], object]) -> None:
        """Record an event on the day chosen (an empty picker is refused, not taken as today)."""
        day = self.when.value
        given = day if day is not None else ""
        if self.host.act(lambda: record(given), self.feedback):
            self.when.value = self.session.state.current_date()

    def export(self, format_: str) -> None:
        """Export the note (or the reminder), say where the copy went, and offer the download."""
        written: list[ExportedFile] = []
        done = self.host.act(
            lambda: written.append(self.session.follow_up.export_file(self._id(), format_)),
            self.export_status,
        )
        self._offer_download(None)
        if not done:
            return
        exported = written[0]
        # The copy kept beside the workspace, named in full; the download is the link below.
        self.export_status.value = f"Saved {exported.path}"
        self._offer_download(exported)
        self._exported_at = self.key()

    def _offer_download(self, exported: ExportedFile | None) -> None:
        """Show the download link of a file just exported (None: no link)."""
        hide(self.download, exported is None)
        if exported is None:
            show_html(self.download, "")
            return
        text = f"⬇ Download {exported.name}"
        show_html(
            self.download, download_link(exported.name, exported.data, exported.media_type, text)
        )

    # -- drawing -----------------------------------------------------------

    def key(self) -> object:
        state = self.session.state
        choice = self.session.follow_up.choice_revision  # who the note is to: not in the file
        return (state.revision, state.selected_id, state.current_date(), choice)

    def draw(self) -> None:
        opportunity = self._selection()
        if opportunity is None:
            return
        if opportunity.id != self._shown_id:
            self.feedback.value = ""
        if self._exported_at != self.key():
            # What was exported no longer matches what is shown: no stale link or message.
            self.export_status.value = ""
            self._offer_download(None)
        self._shown_id = opportunity.id
        self.heading.value = f"Follow-up: {opportunity.company} — {opportunity.role}"
        view = self.session.follow_up.view(opportunity.id)
        self.show_step(view)
        self.show_draft(view)
        self.show_exports(view)
        hide(self.talking_box, view.talking_points is None)
        self.talking_points.value = view.talking_points or ""

    def show_step(self, view: FollowUpView) -> None:
        step = view.step
        self.action.value = f"Next step: {action_words(step.action)}"
        state = self.session.state
        due = (
            "Due "
            + written_date(
                step.due,
                english=state.workspace.settings.english,
                today=state.current_date(),
                weekday=True,
            )
            if step.due
            else "Nothing due"
        )
        self.due.value = due + (" — overdue" if step.overdue else "")
        show_html(self.reason, _sentence(step.reason))
        hide(self.mark_done, view.event_to_record is None)
        self.mark_done.description = DONE_WORDS.get(view.event_to_record or "", "")
        hide(self.reply, view.replied or view.closed)
        hide(self.close, view.closed)
        today = self.session.state.current_date()
        if self.when.value is None or self.when.value == self._default_day:
            self.when.value = today
        self._default_day = today
        self.last_event.value = (
            f"Last recorded: {view.last_event}." if view.last_event else "Nothing recorded yet."
        )
        hide(self.undo, view.last_event is None)
        self.undo.tooltip = f"Take back {view.last_event}" if view.last_event else ""

    def show_draft(self, view: FollowUpView) -> None:
        draft = view.draft
        hide(self.draft_box, draft is None)
        hide(self.refusal, draft is not None or not view.refusal)
        refusal = _refusal_words(view)
        if refusal.endswith(view.step.reason):
            refusal = "No note to write today (see the next step above)."  # not the reason twice
        show_html(self.refusal, "" if draft is not None else _sentence(refusal))
        self.show_recipient(view)
        if draft is None:
            return
        self.to.value = f"To: {draft.to.name}" + (f" <{draft.to.email}>" if draft.to.email else "")
        self.subject.value = f"Subject: {draft.subject}"
        self.draft.show(draft.body)
        self.edited.value = "Edited by you." if view.edited else "Generated from your notes."
        hide(self.reset, not view.edited)
        self.checklist.show(view.checklist)
        self.writing.show(view.writing)

    def show_recipient(self, view: FollowUpView) -> None:
        """The choice of interviewer (with two or more), and the question about edits, if any."""
        names = view.recipients
        hide(self.recipient_row, len(names) < 2)
        dropdown = self.recipient.input
        if tuple(dropdown.options) != names:
            dropdown.options = names
        shown = view.asked_recipient or view.recipient
        if shown is not None and dropdown.value != shown:
            self.recipient.show(shown, force=True)
        question = view.recipient_question
        hide(self.recipient_ask, question is None)
        self.recipient_question.value = question or ""
        if view.asked_recipient is not None and view.recipient is not None:
            self.drop_edits.tooltip = f"Write to {view.asked_recipient}; drop my changes"
            self.keep_edits.tooltip = f"Keep writing to {view.recipient}, with my changes"

    def show_exports(self, view: FollowUpView) -> None:
        blockers = view.export_blockers or {}
        reasons = []
        for format_, export in self.export_buttons.items():
            why = blockers.get(format_)
            export.disabled = why is not None
            if why is not None and why == view.refusal:
                why = _refusal_words(view)
            export.tooltip = why or EXPORT_WORDS[format_][1].capitalize()
            if why is not None and why != _refusal_words(view):
                reasons.append(f"{_EXPORT_NAMES[format_]}: {why}")
        if view.draft is None and view.refusal:
            reasons.insert(0, "No note to export now (see above).")
        show_html(self.export_hint, "<br>".join(_sentence(reason) for reason in reasons))
        hide(self.export_hint, not reasons)


def _refusal_words(view: FollowUpView) -> str:
    """Why there is no note, in the words of the app."""
    if view.refusal_error is not None:
        return in_words(view.refusal_error)
    return view.refusal or ""
