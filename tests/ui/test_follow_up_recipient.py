"""The follow-up tab's choice of who the note is to, among several interviewers."""

from __future__ import annotations

import email
from dataclasses import replace
from email import policy

import ipywidgets as widgets

from followup import example_workspace, load_workspace
from followup.model import Contact
from followup.session import open_session
from followup.ui import DecisionApp
from tests.ui.support import (  # noqa: F401
    NOON,
    STORY_DAY,
    after_typing,
    make_app,
    no_swallowed_errors,
    with_class,
)
from tests.ui.test_follow_up import NORTHWIND, followup_app, saved_file

PRIYA, SAM = "Priya Natarajan", "Sam Okafor"


def shown(widget: widgets.Widget) -> bool:
    return widget.layout.display != "none"


def test_with_two_interviewers_the_note_can_go_to_either_by_name():
    panel = followup_app(NORTHWIND).follow_up
    choice = panel.recipient.input
    assert shown(panel.recipient_row)
    assert with_class(panel.root, "followup-recipient") == [choice]
    assert choice.options == (PRIYA, SAM)
    assert choice.value == PRIYA  # the first by default
    choice.value = SAM
    assert panel.to.value == "To: Sam Okafor <sam@northwind.example>"
    assert panel.draft.value.startswith("Dear Sam,")
    assert "Priya Natarajan" in panel.draft.value
    assert panel.edited.value == "Generated from your notes."
    assert panel.feedback.value == ""


def test_with_one_interviewer_there_is_no_choice():
    panel = followup_app("acme-data-engineer").follow_up
    assert not shown(panel.recipient_row)
    assert panel.to.value.startswith("To: Jordan Rivera")


def test_the_choice_has_an_accessible_name_and_a_visible_caption():
    panel = followup_app(NORTHWIND).follow_up
    assert panel.recipient.input.description == "Write to"
    assert panel.recipient.input.tooltip == "Who the note is written to"
    assert panel.recipient_hint.value == "The others are thanked by name in the note."


def test_the_export_and_its_download_follow_the_chosen_interviewer(tmp_path):
    panel = followup_app(NORTHWIND, tmp_path / "search.json").follow_up
    panel.export_eml.click()
    assert shown(panel.download)
    panel.recipient.input.value = SAM
    assert not shown(panel.download)  # the file no longer holds the note shown
    assert panel.export_status.value == ""
    panel.export_eml.click()
    message = email.message_from_bytes(
        saved_file(panel.export_status.value).read_bytes(), policy=policy.default
    )
    assert message["To"] == "Sam Okafor <sam@northwind.example>"
    assert message.get_content().startswith("Dear Sam,")
    panel.export_md.click()
    assert "**To:** Sam Okafor" in saved_file(panel.export_status.value).read_text("utf-8")


def test_switching_while_the_note_has_edits_asks_and_keep_keeps_them(tmp_path):
    path = tmp_path / "search.json"
    view = followup_app(NORTHWIND, path)
    panel = view.follow_up
    assert not shown(panel.recipient_ask)
    typed = panel.draft.value + "\n\nP.S. Thank you for the tour."
    panel.draft.input.value = typed
    panel.recipient.input.value = SAM
    assert shown(panel.recipient_ask)
    assert panel.recipient_question.value.startswith(
        "You have changed the note to Priya Natarajan. Write to Sam Okafor instead?"
    )
    assert panel.draft.value == typed  # nothing changed yet
    assert panel.to.value.startswith("To: Priya Natarajan")
    panel.keep_edits.click()
    assert not shown(panel.recipient_ask)
    assert panel.recipient.input.value == PRIYA
    assert panel.draft.value == typed and panel.edited.value == "Edited by you."
    after_typing(view)
    assert load_workspace(path).opportunity(NORTHWIND).drafts.thank_you == typed


def test_the_edits_go_only_when_the_person_drops_them(tmp_path):
    path = tmp_path / "search.json"
    view = followup_app(NORTHWIND, path)
    panel = view.follow_up
    panel.draft.input.value = panel.draft.value + "\n\nP.S."
    after_typing(view)
    panel.recipient.input.value = SAM
    assert panel.drop_edits.tooltip == "Write to Sam Okafor; drop my changes"
    panel.drop_edits.click()
    assert not shown(panel.recipient_ask)
    assert panel.recipient.input.value == SAM
    assert panel.draft.value.startswith("Dear Sam,") and not panel.draft.value.endswith("P.S.")
    assert panel.edited.value == "Generated from your notes."
    assert load_workspace(path).opportunity(NORTHWIND).drafts.thank_you is None


def test_an_edited_note_to_the_second_interviewer_is_still_theirs_after_a_reload(tmp_path):
    path = tmp_path / "search.json"
    view = followup_app(NORTHWIND, path)
    panel = view.follow_up
    panel.recipient.input.value = SAM
    typed = panel.draft.value.replace("Thank you for", "Many thanks for")
    panel.draft.input.value = typed
    after_typing(view)
    again = DecisionApp(open_session(path, today=STORY_DAY, now=NOON))
    again.opportunities.select.value = NORTHWIND
    again.show_tab(again.follow_up)
    assert again.follow_up.recipient.input.value == SAM
    assert again.follow_up.to.value.startswith("To: Sam Okafor")
    assert again.follow_up.draft.value == typed


def test_each_opportunity_keeps_its_own_choice():
    view = followup_app(NORTHWIND)
    view.follow_up.recipient.input.value = SAM
    view.opportunities.select.value = "acme-data-engineer"
    assert view.follow_up.to.value.startswith("To: Jordan Rivera")
    view.opportunities.select.value = NORTHWIND
    assert view.follow_up.recipient.input.value == SAM
    assert view.follow_up.to.value.startswith("To: Sam Okafor")


def test_renaming_an_interviewer_in_the_details_updates_the_choice():
    view = followup_app(NORTHWIND)
    view.follow_up.recipient.input.value = SAM
    view.show_tab(view.details)
    view.details.interviewer_rows[1].fields["name"].input.value = "Samuel Okafor"
    view.show_tab(view.follow_up)
    choice = view.follow_up.recipient.input
    assert choice.options == (PRIYA, "Samuel Okafor") and choice.value == "Samuel Okafor"
    assert view.follow_up.draft.value.startswith("Dear Samuel,")


def test_markup_typed_in_a_name_is_shown_as_text():
    workspace = example_workspace()
    northwind = workspace.opportunity(NORTHWIND)
    odd = '<b>Sam</b> & "Co"'
    people = (northwind.interviewers[0], Contact(odd, email="sam@northwind.example"))
    workspace = workspace.with_opportunity(replace(northwind, interviewers=people))
    panel = followup_app(NORTHWIND, workspace=workspace).follow_up
    choice = panel.recipient.input
    # A Dropdown shows its options as text (never as markup); the names are as typed.
    assert choice.options == (PRIYA, odd)
    panel.draft.input.value = panel.draft.value + "\nP.S."
    choice.value = odd
    assert isinstance(panel.recipient_question, widgets.Label)  # plain text, not HTML
    assert f"Write to {odd} instead?" in panel.recipient_question.value
    panel.drop_edits.click()
    assert isinstance(panel.to, widgets.Label)
    assert panel.to.value == f"To: {odd} <sam@northwind.example>"
