"""Who the note is to: the choice among several interviewers, and the edits it must not lose."""

from __future__ import annotations

import email
from dataclasses import replace
from email import policy

import pytest

from followup import EtiquetteError, ValidationError, example_workspace, load_workspace
from followup.model import Contact
from followup.notes.compose import draft_note
from followup.session import open_session
from followup.session.wording import in_words
from tests.session.support import ACME, NOON, STORY_DAY, file_session, memory_session

NORTHWIND = "northwind-platform-lead"
PRIYA, SAM = "Priya Natarajan", "Sam Okafor"


def with_interviewers(*people: Contact, notes=None):
    """The example, with Northwind's interviewers (and notes) replaced."""
    workspace = example_workspace()
    northwind = workspace.opportunity(NORTHWIND)
    changed = replace(northwind, interviewers=people, notes=notes or northwind.notes)
    return workspace.with_opportunity(changed)


def test_the_note_goes_to_the_first_interviewer_until_another_is_chosen():
    follow_up = memory_session().follow_up
    view = follow_up.view(NORTHWIND)
    assert view.recipients == (PRIYA, SAM)
    assert view.recipient == PRIYA
    assert view.draft.to.name == PRIYA
    assert follow_up.choose_recipient(NORTHWIND, SAM)
    view = follow_up.view(NORTHWIND)
    assert view.recipient == SAM
    assert view.draft.to.name == SAM
    assert view.draft.body.startswith("Dear Sam,")
    assert "Priya Natarajan" in view.draft.body  # the colleague is thanked by name
    assert view.recipient_question is None


def test_a_name_is_matched_without_regard_to_case_or_spacing():
    follow_up = memory_session().follow_up
    assert follow_up.choose_recipient(NORTHWIND, "  sam   OKAFOR ")
    assert follow_up.recipient(NORTHWIND) == SAM  # shown as the user typed it in the details


def test_the_checklist_and_writing_check_follow_the_chosen_interviewer():
    notes = replace(example_workspace().opportunity(NORTHWIND).notes, company_fact="")
    session = memory_session(with_interviewers(Contact(PRIYA), Contact("sam okafor"), notes=notes))
    follow_up = session.follow_up
    follow_up.choose_recipient(NORTHWIND, "sam okafor")
    view = follow_up.view(NORTHWIND)
    expected = draft_note(session.state.workspace, NORTHWIND, today=STORY_DAY, to="sam okafor")
    assert view.draft.body == expected.body
    assert view.checklist == tuple(f for f in expected.findings if f.kind == "missing")
    assert {f.field for f in view.checklist} >= {"notes.company_fact"}
    # The name typed in lower case is found where this note writes it: in the greeting.
    (name,) = [f for f in view.writing if f.kind == "name"]
    assert view.draft.body[name.start :].startswith("Sam,")
    follow_up.choose_recipient(NORTHWIND, PRIYA)
    (name,) = [f for f in follow_up.view(NORTHWIND).writing if f.kind == "name"]
    assert name.text == "Sam Okafor"  # thanked as a colleague, further down


def test_exports_are_addressed_to_the_chosen_interviewer(tmp_path):
    session = file_session(tmp_path / "search.json")
    session.follow_up.choose_recipient(NORTHWIND, SAM)
    message = email.message_from_bytes(
        session.follow_up.export(NORTHWIND, "eml").read_bytes(), policy=policy.default
    )
    assert message["To"] == "Sam Okafor <sam@northwind.example>"
    assert message.get_content().startswith("Dear Sam,")
    markdown = session.follow_up.export(NORTHWIND, "md").read_text(encoding="utf-8")
    assert "**To:** Sam Okafor <sam@northwind.example>" in markdown


def test_picking_someone_else_while_the_note_has_edits_asks_and_keeps_them(tmp_path):
    path = tmp_path / "search.json"
    follow_up = file_session(path).follow_up
    edited = follow_up.view(NORTHWIND).draft.body + "\n\nP.S. Thank you for the tour."
    follow_up.edit_draft(NORTHWIND, edited)
    assert not follow_up.choose_recipient(NORTHWIND, SAM)
    view = follow_up.view(NORTHWIND)
    assert view.recipient == PRIYA and view.asked_recipient == SAM
    assert view.draft.body == edited  # nothing changed yet
    assert "Priya Natarajan" in view.recipient_question
    assert "dropped" in view.recipient_question
    assert load_workspace(path).opportunity(NORTHWIND).drafts.thank_you == edited
    follow_up.keep_recipient(NORTHWIND)
    view = follow_up.view(NORTHWIND)
    assert view.recipient_question is None and view.asked_recipient is None
    assert view.recipient == PRIYA and view.draft.body == edited


def test_the_edits_are_dropped_only_when_the_person_says_so(tmp_path):
    path = tmp_path / "search.json"
    follow_up = file_session(path).follow_up
    follow_up.edit_draft(NORTHWIND, follow_up.view(NORTHWIND).draft.body + "\nP.S.")
    follow_up.choose_recipient(NORTHWIND, SAM)
    follow_up.confirm_recipient(NORTHWIND)
    view = follow_up.view(NORTHWIND)
    assert view.recipient == SAM and not view.edited
    assert view.draft.body.startswith("Dear Sam,")
    assert load_workspace(path).opportunity(NORTHWIND).drafts.thank_you is None
    with pytest.raises(EtiquetteError, match="No other interviewer was picked"):
        follow_up.confirm_recipient(NORTHWIND)


def test_picking_the_same_interviewer_while_editing_asks_nothing():
    follow_up = memory_session().follow_up
    follow_up.edit_draft(NORTHWIND, follow_up.view(NORTHWIND).draft.body + "\nP.S.")
    assert follow_up.choose_recipient(NORTHWIND, PRIYA)
    assert follow_up.view(NORTHWIND).recipient_question is None


def test_an_edit_is_compared_with_the_note_to_the_chosen_interviewer():
    follow_up = memory_session().follow_up
    follow_up.choose_recipient(NORTHWIND, SAM)
    generated = follow_up.view(NORTHWIND).draft.body
    follow_up.edit_draft(NORTHWIND, generated)  # Sam's own generated text: no edit
    assert not follow_up.view(NORTHWIND).edited
    assert follow_up.choose_recipient(NORTHWIND, PRIYA)  # so nothing to ask about


def test_an_edited_note_comes_back_to_its_interviewer_after_a_reload(tmp_path):
    path = tmp_path / "search.json"
    follow_up = file_session(path).follow_up
    follow_up.choose_recipient(NORTHWIND, SAM)
    edited = follow_up.view(NORTHWIND).draft.body.replace("Thank you for", "Many thanks for")
    follow_up.edit_draft(NORTHWIND, edited)
    reopened = open_session(path, today=STORY_DAY, now=NOON).follow_up
    view = reopened.view(NORTHWIND)
    assert view.recipient == SAM  # the kept note is the one to Sam, so it is shown as such
    assert view.edited and view.draft.body == edited
    assert view.draft.to.name == SAM


def test_without_edits_the_choice_lasts_only_while_the_app_is_open(tmp_path):
    # The workspace file has no place for the choice (its format is unchanged).
    path = tmp_path / "search.json"
    follow_up = file_session(path).follow_up
    follow_up.choose_recipient(NORTHWIND, SAM)
    assert open_session(path, today=STORY_DAY, now=NOON).follow_up.recipient(NORTHWIND) == PRIYA


def test_renaming_the_chosen_interviewer_keeps_the_choice():
    session = memory_session()
    session.follow_up.choose_recipient(NORTHWIND, SAM)
    session.details.set_interviewer(NORTHWIND, 1, "name", "Samuel Okafor")
    view = session.follow_up.view(NORTHWIND)
    assert view.recipient == "Samuel Okafor" and view.draft.body.startswith("Dear Samuel,")


def test_removing_the_chosen_interviewer_writes_to_the_first_again():
    session = memory_session()
    session.follow_up.choose_recipient(NORTHWIND, SAM)
    session.details.remove_interviewer(NORTHWIND, 1)
    view = session.follow_up.view(NORTHWIND)
    assert view.recipients == (PRIYA,) and view.recipient == PRIYA


def test_a_name_that_is_no_interviewer_is_refused_in_words():
    follow_up = memory_session().follow_up
    with pytest.raises(ValidationError) as raised:
        follow_up.choose_recipient(NORTHWIND, "<b>Bob</b>")
    assert in_words(raised.value) == (
        "The person to write to must be the name of one of the interviewers "
        "(Priya Natarajan, Sam Okafor); you typed '<b>Bob</b>'."
    )
    assert follow_up.recipient(NORTHWIND) == PRIYA


def test_the_same_name_twice_is_one_choice():
    session = memory_session(with_interviewers(Contact(PRIYA), Contact(SAM), Contact("sam okafor")))
    assert session.follow_up.view(NORTHWIND).recipients == (PRIYA, SAM)


def test_one_interviewer_is_the_only_choice():
    view = memory_session().follow_up.view(ACME)
    assert view.recipients == ("Jordan Rivera",) and view.recipient == "Jordan Rivera"
