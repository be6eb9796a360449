"""The follow-up: drafts and their edits, exports, and the events that move the plan on."""

from __future__ import annotations

import email
from email import policy

import pytest

from followup import EtiquetteError, ValidationError, load_workspace
from followup.session import drafts_folder
from tests.session.support import ACME, STORY_DAY, file_session, memory_session


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
