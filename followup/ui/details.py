"""Details and notes of the selected opportunity: who, when, and what the follow-up will recall.

Beside the fact about the company, a small choice says where it was learned
(heard at the interview, read on the website, or not said): the thank-you
introduces the fact accordingly.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets

from followup.model import Contact, Opportunity
from followup.session import CONTACT_FIELDS, NOTE_LIST_FIELDS, note_text
from followup.ui.look import heading
from followup.ui.widgets import (
    Field,
    Host,
    SelectionPanel,
    button,
    hide,
    label,
    labelled_field,
    message_label,
    styled,
)
from followup.ui.writing import FindingsBox

__all__ = ["FACT_SOURCE_CHOICES", "ContactRow", "DetailsPanel"]

_CONTACT_CAPTIONS = {"name": "Name", "title": "Title", "email": "E-mail", "phone": "Phone"}
#: Where the company fact was learned: (what the choice shows, what the notes keep).
FACT_SOURCE_CHOICES = (
    ("Not said", ""),
    ("Heard at the interview", "interview"),
    ("Read on the website", "website"),
)
_NOTE_CAPTIONS = {
    "discussed": "What we discussed",
    "learned": "What I learned",
    "stronger_because": "Why I am an even stronger candidate now",
    "exciting": "What excited me",
    "concerns": "My concerns",
}

#: A small choice: as wide as its caption and options (not stretched like a text field);
#: on a narrow screen its caption goes above it, so its height follows.
_CHOICE_LAYOUT = dict(flex="0 1 24em", width="auto", height="auto", max_width="100%")


def _text(value: object) -> str:
    return "" if value is None else str(value)


class ContactRow:
    """Name, title, e-mail and phone of one person, each field saved on its own."""

    def __init__(
        self,
        host: Host,
        css: str,
        submit: Callable[[str, object], object],
        remove: Callable[[], object] | None,
        who: str = "",
    ) -> None:
        self.fields = {
            name: Field(
                host,
                _CONTACT_CAPTIONS[name],
                widgets.Text(),
                lambda value, name=name: submit(name, value),  # type: ignore[misc]
                f"followup-contact-{name}",
                name=f"{who}'s {_CONTACT_CAPTIONS[name].lower()}" if who else "",
                caption_width="4.5em",
            )
            for name in CONTACT_FIELDS
        }
        self.message = message_label("followup-message")
        self.remove = button(
            "Remove", "followup-remove-contact", tooltip=f"Remove {who}" if who else "Remove"
        )
        if remove is not None:
            self.remove.on_click(lambda _: host.act(remove, self.message))
        hide(self.remove, remove is None)
        self.root = styled(
            widgets.VBox(
                [
                    styled(
                        widgets.HBox([self.fields["name"].box, self.fields["title"].box]),
                        "followup-row",
                    ),
                    styled(
                        widgets.HBox([self.fields["email"].box, self.fields["phone"].box]),
                        "followup-row",
                    ),
                    styled(widgets.HBox([self.remove, self.message]), "followup-row"),
                ]
            ),
            "followup-contact",
            css,
        )

    def show(self, contact: Contact | None, *, force: bool = False) -> None:
        for name, field in self.fields.items():
            field.show(_text(getattr(contact, name, None)), force=force)


class DetailsPanel(SelectionPanel):
    """Company, role, interview date, interviewers, recruiter and notes (``session.details``)."""

    title = "Details & notes"
    css = "followup-tab-details"
    plain_words = True

    def build(self) -> None:
        host = self.host
        details = self.session.details
        self.nothing = label("Pick or add an opportunity to see its details.")

        def set_detail(name: str, value: object) -> None:
            details.set(self._id(), name, value)

        def set_note(name: str, value: object) -> None:
            details.set_note(self._id(), name, value)

        self.company = labelled_field(host, "Company", "followup-company", set_detail, "company")
        self.role = labelled_field(host, "Role", "followup-role", set_detail, "role")
        self.interview_date = labelled_field(
            host,
            "Interview date",
            "followup-interview-date",
            set_detail,
            "interview_date",
            widgets.Text(placeholder="YYYY-MM-DD"),
        )
        self.interviewers = styled(widgets.VBox(), "followup-interviewers")
        self.interviewer_rows: list[ContactRow] = []
        self.new_interviewer = {
            name: styled(
                widgets.Text(
                    placeholder=_CONTACT_CAPTIONS[name],
                    tooltip=f"New interviewer's {_CONTACT_CAPTIONS[name].lower()}",
                    # A click on "Add interviewer" reads everything typed, up to the last key.
                    continuous_update=True,
                    layout=widgets.Layout(width="12em"),
                ),
                f"followup-new-interviewer-{name}",
            )
            for name in ("name", "title", "email")
        }
        self.add_interviewer = button("Add interviewer", "followup-add-interviewer")
        self.add_interviewer.on_click(lambda _: self._add_interviewer())
        self.interviewer_message = message_label("followup-message", "followup-interviewer-message")
        self.recruiter = ContactRow(
            host,
            "followup-recruiter",
            lambda name, value: details.set_recruiter(self._id(), name, value),
            lambda: details.remove_recruiter(self._id()),
            who="Recruiter",
        )
        self.notes = {
            name: labelled_field(
                host,
                _NOTE_CAPTIONS[name],
                f"followup-note-{name.replace('_', '-')}",
                set_note,
                name,
                widgets.Textarea(rows=3, placeholder="one item per line"),
            )
            for name in NOTE_LIST_FIELDS
        }
        self.company_fact = labelled_field(
            host,
            "A fact about the company",
            "followup-note-company-fact",
            set_note,
            "company_fact",
            widgets.Text(),
        )
        self.fact_source = Field(
            host,
            "Where I learned it",
            widgets.Dropdown(options=FACT_SOURCE_CHOICES, layout=widgets.Layout(**_CHOICE_LAYOUT)),
            lambda source: details.set_fact_source(self._id(), source),
            "followup-note-fact-source",
            name="Where I learned the company fact",
            caption_width="9em",
        )
        self.fact_comment = labelled_field(
            host,
            "My comment on it",
            "followup-note-fact-comment",
            set_note,
            "fact_comment",
            widgets.Text(),
        )
        #: What the writing check finds in each note, shown under the field.
        self.note_fields: dict[str, Field] = {
            **self.notes,
            "company_fact": self.company_fact,
            "fact_comment": self.fact_comment,
        }
        self.findings = {
            name: FindingsBox(host, f"followup-findings-{name.replace('_', '-')}")
            for name in self.note_fields
        }
        boxes = {name: field.box for name, field in self.note_fields.items()}
        self.company_fact.box.layout.flex = "0 1 48em"  # its full width; the choice right beside
        boxes["company_fact"] = styled(
            widgets.HBox(
                [self.company_fact.box, self.fact_source.box],
                layout=widgets.Layout(flex_flow="row wrap", align_items="center"),
            ),
            "followup-company-fact-row",
        )
        notes_with_findings = [
            part for name in self.note_fields for part in (boxes[name], self.findings[name].root)
        ]
        self._interviewer_count = -1
        self.content = widgets.VBox(
            [
                heading("The opportunity"),
                self.company.box,
                self.role.box,
                self.interview_date.box,
                heading("Interviewers"),
                self.interviewers,
                styled(
                    widgets.HBox([*self.new_interviewer.values(), self.add_interviewer]),
                    "followup-row",
                ),
                self.interviewer_message,
                heading("Recruiter (if any)"),
                self.recruiter.root,
                heading("Notes for the follow-up"),
                *notes_with_findings,
            ]
        )
        self.root.children = [self.nothing, self.content]

    def _add_interviewer(self) -> None:
        values = {name: widget.value for name, widget in self.new_interviewer.items()}
        name = values.pop("name")
        fields = {key: value for key, value in values.items() if value.strip()}
        added = self.host.act(
            lambda: self.session.details.add_interviewer(self._id(), name, **fields),
            self.interviewer_message,
        )
        if added:
            for widget in self.new_interviewer.values():
                widget.value = ""

    def draw(self) -> None:
        opportunity = self._selection()
        if opportunity is None:
            return
        switched = opportunity.id != self._shown_id
        self._shown_id = opportunity.id
        self.company.show(opportunity.company, force=switched)
        self.role.show(opportunity.role, force=switched)
        date = opportunity.interview_date
        self.interview_date.show(date.isoformat() if date else "", force=switched)
        self._draw_interviewers(opportunity, switched)
        self.recruiter.show(opportunity.recruiter, force=switched)
        for name, field in self.notes.items():
            field.show(note_text(opportunity.notes, name), force=switched)
        self.company_fact.show(opportunity.notes.company_fact, force=switched)
        self.fact_source.show(opportunity.notes.fact_source or "", force=switched)
        self.fact_comment.show(opportunity.notes.fact_comment, force=switched)
        writing = self.session.writing
        for name, field in self.note_fields.items():
            # What is in the box (as typed), checked as note items are: fragments.
            self.findings[name].show(writing.check(opportunity.id, field.value))
        if switched:
            self.interviewer_message.value = ""

    def _draw_interviewers(self, opportunity: Opportunity, switched: bool) -> None:
        count = len(opportunity.interviewers)
        if switched or count != self._interviewer_count:
            self._interviewer_count = count
            opportunity_id = opportunity.id
            details = self.session.details
            self.interviewer_rows = [
                ContactRow(
                    self.host,
                    "followup-interviewer",
                    lambda name, value, index=index: details.set_interviewer(  # type: ignore[misc]
                        opportunity_id, index, name, value
                    ),
                    lambda index=index: details.remove_interviewer(opportunity_id, index),  # type: ignore[misc]
                    who=f"Interviewer {index + 1}",
                )
                for index in range(count)
            ]
            self.interviewers.children = [row.root for row in self.interviewer_rows]
            switched = True
        for row, contact in zip(self.interviewer_rows, opportunity.interviewers, strict=True):
            row.show(contact, force=switched)
