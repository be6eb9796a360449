"""The follow-up: drafts and their edits, exports, and the events that move the plan on."""

from __future__ import annotations

import datetime as dt
import email
import re
from email import policy
from pathlib import Path

import pytest

from followup import (
    EtiquetteError,
    ValidationError,
    example_workspace,
    load_workspace,
    save_workspace,
)
from followup.errors import FollowupError
from followup.session import Session, drafts_folder, open_session
from followup.session.debounce import ManualScheduler
from followup.session.state import SAVE_DELAY
from tests.session.support import ACME, NOON, STORY_DAY, file_session, memory_session


def test_a_passing_opportunity_without_a_thank_you_gets_a_draft_to_edit():
    session = memory_session()
    view = session.follow_up.view("northwind-platform-lead")
    assert view.step.action == "send_thank_you"
    assert view.draft is not None and view.draft.kind == "thank_you"
    assert view.refusal is None
    assert view.event_to_record == "thank_you_sent"
    assert not view.edited


def test_an_edited_draft_is_kept_and_checked_again():
    session = memory_session()
    northwind = "northwind-platform-lead"
    body = session.follow_up.view(northwind).draft.body
    session.follow_up.edit_draft(northwind, body + "\n\nThis is gonna be awesome!!")
    view = session.follow_up.view(northwind)
    assert view.edited
    assert view.draft.body.endswith("awesome!!")
    assert {"tone"} <= {finding.kind for finding in view.findings}
    session.follow_up.reset_draft(northwind)
    assert session.follow_up.view(northwind).draft.body == body


def test_a_failing_opportunity_gets_a_friendly_refusal_instead_of_a_draft():
    session = memory_session()
    view = session.follow_up.view("globex-analytics-engineer")
    assert view.step.action == "move_on"
    assert view.draft is None
    assert view.refusal and "Traceback" not in view.refusal
    with pytest.raises(EtiquetteError):
        session.follow_up.edit_draft("globex-analytics-engineer", "Dear ...")
    with pytest.raises(EtiquetteError):
        session.follow_up.export("globex-analytics-engineer", "eml")


def test_talking_points_appear_only_when_a_recruiter_is_involved():
    session = memory_session()
    assert session.follow_up.view("umbrella-ml-engineer").talking_points
    assert session.follow_up.view(ACME).talking_points is None


def test_exports_go_to_a_drafts_folder_next_to_the_workspace(tmp_path):
    path = tmp_path / "search.json"
    session = file_session(path)
    northwind = "northwind-platform-lead"
    session.follow_up.edit_draft(
        northwind, session.follow_up.view(northwind).draft.body + "\n\nP.S. AT&T <R&D>"
    )
    eml = session.follow_up.export(northwind, "eml")
    markdown = session.follow_up.export(northwind, "md")
    assert eml.parent == markdown.parent == drafts_folder(path) == tmp_path / "search-drafts"
    message = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert message.get_content().rstrip().endswith("P.S. AT&T <R&D>")
    assert "P.S. AT&T <R&D>" in markdown.read_text(encoding="utf-8")
    assert session.follow_up.export(northwind, "eml") != eml  # never overwritten


def test_a_memory_session_exports_into_a_temporary_folder():
    session = memory_session()
    path = session.follow_up.export("northwind-platform-lead", "md")
    assert path.parent == session.state.export_folder
    assert path.is_file()


def test_the_reminder_is_exported_after_the_thank_you_and_refused_before():
    session = memory_session()
    with pytest.raises(EtiquetteError, match="thank-you"):
        session.follow_up.export("northwind-platform-lead", "ics")
    reminder = session.follow_up.export("initech-backend-engineer", "ics")
    assert reminder.suffix == ".ics"
    assert b"BEGIN:VEVENT" in reminder.read_bytes()
    with pytest.raises(ValidationError, match="format must be one of eml, md, ics"):
        session.follow_up.export(ACME, "pdf")


def test_marking_as_sent_records_the_event_today_and_moves_the_plan_on(tmp_path):
    path = tmp_path / "search.json"
    session = file_session(path)
    northwind = "northwind-platform-lead"
    assert session.follow_up.mark_done(northwind) == "thank_you_sent"
    event = load_workspace(path).opportunity(northwind).event("thank_you_sent")
    assert event is not None and event.date == STORY_DAY
    assert session.follow_up.next_step(northwind).action == "wait"
    with pytest.raises(EtiquetteError, match="Nothing to mark as done now"):
        session.follow_up.mark_done(northwind)


def test_calling_the_recruiter_is_what_is_marked_first_when_there_is_one():
    session = memory_session()
    assert session.follow_up.mark_done("umbrella-ml-engineer") == "recruiter_called"
    assert session.follow_up.next_step("umbrella-ml-engineer").action == "send_thank_you"


def test_a_second_thank_you_is_refused_by_the_etiquette():
    session = memory_session()
    with pytest.raises(EtiquetteError, match="second thank-you"):
        session.follow_up.record(ACME, "thank_you_sent")
    with pytest.raises(ValidationError, match="kind must be one of"):
        session.follow_up.record(ACME, "party")


def test_a_reply_or_closing_ends_the_plan():
    session = memory_session()
    session.follow_up.record(ACME, "reply_received")
    assert session.follow_up.next_step(ACME).action == "replied"
    session.follow_up.record(ACME, "closed")
    assert session.follow_up.next_step(ACME).action == "closed"


# -- the draft, kept in the workspace and saved as typed ------------------------------------


def test_an_edited_draft_survives_a_reload_of_the_workspace_file(tmp_path):
    path = tmp_path / "search.json"
    session = file_session(path)
    northwind = "northwind-platform-lead"
    body = session.follow_up.view(northwind).draft.body + "\n\nP.S. Thank you for the tour."
    session.follow_up.edit_draft(northwind, body)
    assert load_workspace(path).opportunity(northwind).drafts.thank_you == body
    reopened = open_session(path, today=STORY_DAY, now=NOON)
    view = reopened.follow_up.view(northwind)
    assert view.edited and view.draft.body == body


def typing_session(path):
    """A session on the example in a file, whose typed text waits for a clock moved by hand."""
    save_workspace(example_workspace(), path)
    scheduler = ManualScheduler()
    session = open_session(path, today=STORY_DAY, now=NOON, scheduler=scheduler)
    return session, scheduler


def type_into_draft(session, opportunity_id, text):
    """One key of the draft, as the app's text field sends it."""
    with session.state.typing():
        session.follow_up.edit_draft(opportunity_id, text)


def test_typing_counts_at_once_and_is_saved_a_moment_after_the_last_key(tmp_path):
    path = tmp_path / "search.json"
    session, clock = typing_session(path)
    northwind = "northwind-platform-lead"
    typed = session.follow_up.view(northwind).draft.body
    for letter in "P.S. see you":
        typed += letter
        type_into_draft(session, northwind, typed)
        assert session.follow_up.view(northwind).draft.body == typed  # the view follows each key
        clock.advance(0.1)
    assert load_workspace(path).opportunity(northwind).drafts.thank_you is None
    clock.advance(SAVE_DELAY - 0.1)
    assert load_workspace(path).opportunity(northwind).drafts.thank_you == typed
    assert SAVE_DELAY <= 1


def test_a_burst_of_keys_makes_one_save(tmp_path):
    path = tmp_path / "search.json"
    session, clock = typing_session(path)
    northwind = "northwind-platform-lead"
    body = session.follow_up.view(northwind).draft.body
    saves = []
    store_save = session.state.store.save
    session.state.store.save = lambda workspace, **kw: (
        saves.append(1) or store_save(workspace, **kw)
    )
    for count in range(1, 6):
        type_into_draft(session, northwind, body + "!" * count)
    assert saves == []
    clock.advance(SAVE_DELAY)
    assert saves == [1]
    assert load_workspace(path).opportunity(northwind).drafts.thank_you == body + "!!!!!"


def test_typing_back_the_generated_text_is_no_edit():
    session = memory_session()
    northwind = "northwind-platform-lead"
    body = session.follow_up.view(northwind).draft.body
    session.follow_up.edit_draft(northwind, body + " x")
    session.follow_up.edit_draft(northwind, body)
    assert not session.follow_up.view(northwind).edited
    assert session.state.workspace.opportunity(northwind).drafts.thank_you is None


def test_a_draft_too_long_is_refused_and_the_last_good_text_is_kept():
    session = memory_session()
    northwind = "northwind-platform-lead"
    body = session.follow_up.view(northwind).draft.body
    session.follow_up.edit_draft(northwind, body + " kept")
    with pytest.raises(ValidationError, match=r"draft\.thank_you must be at most"):
        session.follow_up.edit_draft(northwind, "x" * 200_000)
    assert session.follow_up.view(northwind).draft.body == body + " kept"


def test_typing_waiting_to_be_saved_is_saved_when_the_note_is_marked_sent(tmp_path):
    path = tmp_path / "search.json"
    session, _ = typing_session(path)  # the clock never moves: only the record saves
    northwind = "northwind-platform-lead"
    body = session.follow_up.view(northwind).draft.body + "\n\nMy own words."
    type_into_draft(session, northwind, body)
    session.follow_up.mark_done(northwind)
    saved = load_workspace(path).opportunity(northwind)
    assert saved.event("thank_you_sent") is not None
    assert saved.drafts.thank_you is None  # sent: the edits are let go of
    session.follow_up.undo(northwind)
    restored = load_workspace(path).opportunity(northwind)
    assert restored.event("thank_you_sent") is None
    assert restored.drafts.thank_you == body  # undoing brings the person's text back
    assert session.follow_up.view(northwind).draft.body == body


def test_reset_forgets_typing_that_was_not_saved_yet(tmp_path):
    path = tmp_path / "search.json"
    session, clock = typing_session(path)
    northwind = "northwind-platform-lead"
    body = session.follow_up.view(northwind).draft.body
    type_into_draft(session, northwind, body + " typed")
    session.follow_up.reset_draft(northwind)
    assert session.follow_up.view(northwind).draft.body == body
    clock.advance(SAVE_DELAY)
    assert load_workspace(path).opportunity(northwind).drafts.thank_you is None


# -- events on a chosen day, and undo ------------------------------------------------------


def test_an_event_is_recorded_on_the_day_given():
    session = memory_session()
    northwind = "northwind-platform-lead"
    session.follow_up.mark_done(northwind, on="2026-11-27")
    assert session.state.opportunity(northwind).event("thank_you_sent").date == dt.date(
        2026, 11, 27
    )
    session.follow_up.record(ACME, "reply_received", dt.date(2026, 11, 30))
    assert session.state.opportunity(ACME).event("reply_received").date == dt.date(2026, 11, 30)


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("2026-02-30", "must be a real day written year-month-day, like 2026-12-01"),
        ("30/11/2026", "must be a real day written year-month-day"),
        ("", "must be given"),
        ("2026-12-02", "must not be after today, Tuesday, December 1, 2026"),
        (dt.datetime(2026, 11, 30, 9), "must be a real day"),
    ],
)
def test_a_bad_day_is_refused_in_words_and_nothing_is_recorded(typed, words):
    session = memory_session()
    before = session.state.workspace
    with pytest.raises(ValidationError, match=re.escape(words)):
        session.follow_up.mark_done("northwind-platform-lead", on=typed)
    assert session.state.workspace is before


def test_a_day_before_the_interview_is_refused_by_the_etiquette():
    session = memory_session()
    with pytest.raises(EtiquetteError, match="before the interview"):
        session.follow_up.mark_done("northwind-platform-lead", on="2026-11-01")


def test_undo_takes_back_the_last_event_only(tmp_path):
    path = tmp_path / "search.json"
    session = file_session(path)
    session.follow_up.record(ACME, "reply_received", "2026-11-30")
    session.follow_up.record(ACME, "closed")
    assert session.follow_up.view(ACME).last_event == "the closing on Tuesday, December 1, 2026"
    assert session.follow_up.undo(ACME) == "the closing on Tuesday, December 1, 2026"
    kinds = [event.kind for event in load_workspace(path).opportunity(ACME).events]
    assert kinds[-1] == "reply_received" and "closed" not in kinds
    assert session.follow_up.next_step(ACME).action == "replied"


def test_an_event_recorded_before_this_session_can_be_undone_too():
    session = memory_session()
    events = session.state.opportunity(ACME).events
    session.follow_up.undo(ACME)
    assert session.state.opportunity(ACME).events == events[:-1]


def test_undo_with_nothing_recorded_says_so():
    session = memory_session()
    northwind = "northwind-platform-lead"
    assert session.follow_up.view(northwind).last_event is None
    with pytest.raises(EtiquetteError, match="nothing to undo"):
        session.follow_up.undo(northwind)


# -- what can be exported now, and why not ----------------------------------------------------


def test_each_export_says_why_it_cannot_be_made_now():
    session = memory_session()
    northwind = session.follow_up.view("northwind-platform-lead").export_blockers
    assert northwind["eml"] is None and northwind["md"] is None
    assert "needs a recorded thank-you" in northwind["ics"]
    globex = session.follow_up.view("globex-analytics-engineer")
    assert globex.export_blockers["eml"] == globex.refusal
    assert globex.export_blockers["md"] == globex.refusal
    assert session.follow_up.view("initech-backend-engineer").export_blockers["ics"] is None


def test_an_e_mail_draft_needs_both_addresses_and_says_which_is_missing():
    session = memory_session()
    session.settings.set_owner("email", "")
    blockers = session.follow_up.view("northwind-platform-lead").export_blockers
    assert "your own e-mail address" in blockers["eml"] and "You & settings" in blockers["eml"]
    assert blockers["md"] is None
    with pytest.raises(EtiquetteError, match="your own e-mail address"):
        session.follow_up.export("northwind-platform-lead", "eml")


def test_an_export_comes_back_with_its_bytes_for_a_download(tmp_path):
    session = file_session(tmp_path / "search.json")
    exported = session.follow_up.export_file("northwind-platform-lead", "md")
    assert exported.data == exported.path.read_bytes()
    assert exported.media_type == "text/markdown"
    assert exported.name == exported.path.name and exported.name.endswith("thank-you.md")
    reminder = session.follow_up.export_file("initech-backend-engineer", "ics")
    assert reminder.media_type == "text/calendar" and b"BEGIN:VCALENDAR" in reminder.data


def test_exporting_into_a_folder_that_cannot_be_made_names_it_and_the_reason(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    session = Session(
        example_workspace(), today=STORY_DAY, now=NOON, export_folder=blocker / "drafts"
    )
    with pytest.raises(FollowupError) as caught:
        session.follow_up.export("northwind-platform-lead", "md")
    message = str(caught.value)
    assert str(blocker / "drafts") in message and "Not a directory" in message
    assert "Traceback" not in message and "Error" not in message


def test_exporting_into_a_folder_without_permission_names_it_and_the_reason(tmp_path, monkeypatch):
    folder = tmp_path / "search-drafts"
    session = file_session(tmp_path / "search.json")

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(FollowupError) as caught:
        session.follow_up.export("northwind-platform-lead", "eml")
    assert str(caught.value).startswith(f"The file could not be saved in the folder {folder}")
    assert "Permission denied" in str(caught.value)


def test_an_export_folder_that_is_a_file_is_named(tmp_path):
    session = file_session(tmp_path / "search.json")
    (tmp_path / "search-drafts").write_text("in the way", encoding="utf-8")
    with pytest.raises(FollowupError, match="is a file, not a folder"):
        session.follow_up.export("northwind-platform-lead", "md")


# -- the person's dictionary -------------------------------------------------------------------


def test_a_word_added_to_the_dictionary_is_kept_in_the_workspace_file(tmp_path):
    path = tmp_path / "search.json"
    session = file_session(path)
    session.writing.add_word("lakehouse")
    session.writing.add_word("lakehouse")  # once is enough
    assert load_workspace(path).dictionary.count("lakehouse") == 1
    with pytest.raises(ValidationError):
        session.writing.add_word("two words")


def test_a_word_added_to_the_dictionary_is_no_longer_a_spelling_finding():
    session = memory_session()
    northwind = "northwind-platform-lead"
    session.follow_up.edit_draft(
        northwind, session.follow_up.view(northwind).draft.body + "\n\nOur Zorblat pipeline."
    )
    spelling = [f.text for f in session.follow_up.view(northwind).writing if f.kind == "spelling"]
    assert spelling == ["Zorblat"]
    session.writing.add_word("Zorblat")
    view = session.follow_up.view(northwind)
    assert view.draft.body.endswith("Our Zorblat pipeline.")  # the edit is kept
    assert [f for f in view.writing if f.kind == "spelling"] == []


def test_what_the_notes_lack_is_a_checklist_apart_from_the_writing_findings():
    session = memory_session()
    northwind = "northwind-platform-lead"
    session.details.set_note(northwind, "stronger_because", "")
    session.details.set_note(northwind, "company_fact", "")
    view = session.follow_up.view(northwind)
    assert [f.field for f in view.checklist] == ["notes.stronger_because", "notes.company_fact"]
    assert all(f.kind != "missing" for f in view.writing)
    session.details.set_note(northwind, "stronger_because", "I ran audited releases")
    assert [f.field for f in session.follow_up.view(northwind).checklist] == ["notes.company_fact"]


def test_a_note_with_nothing_to_say_cannot_be_exported_until_the_notes_give_it_something():
    from dataclasses import replace

    from followup.model import Notes

    workspace = example_workspace()
    northwind = workspace.opportunity("northwind-platform-lead")
    session = memory_session(workspace.with_opportunity(replace(northwind, notes=Notes())))
    view = session.follow_up.view(northwind.id)
    assert view.draft is not None and not view.draft.body.strip()
    assert [f.field for f in view.checklist][:1] == ["notes.discussed"]
    assert "The note is empty" in view.export_blockers["md"]
    assert "The note is empty" in view.export_blockers["eml"]
    with pytest.raises(EtiquetteError, match="The note is empty"):
        session.follow_up.export(northwind.id, "md")
    session.follow_up.edit_draft(northwind.id, "Dear Priya,\n\nThank you.\n\nAlex")
    assert session.follow_up.view(northwind.id).export_blockers["md"] is None
