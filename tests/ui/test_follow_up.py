"""The follow-up tab: next step, the editable draft, exports that say where they went, events."""

from __future__ import annotations

import email
from email import policy
from pathlib import Path

from followup import example_workspace, load_workspace
from tests.ui.support import STORY_DAY, make_app, no_swallowed_errors  # noqa: F401

NORTHWIND = "northwind-platform-lead"


def followup_app(opportunity_id, path=None):
    view = make_app(example_workspace(), path)
    view.opportunities.select.value = opportunity_id
    view.show_tab(view.follow_up)
    return view


def test_a_passing_opportunity_shows_its_next_step_and_the_draft():
    view = followup_app(NORTHWIND)
    panel = view.follow_up
    assert panel.action.value == "Next step: Send the thank-you note"
    assert panel.due.value.startswith("Due Wednesday 25 November 2026")
    assert panel.due.value.endswith("overdue")
    assert "Priya" in panel.reason.value
    assert panel.draft.value.startswith("Dear Priya,")
    assert panel.subject.value.startswith("Subject: ")
    assert panel.to.value == "To: Priya Natarajan <priya@northwind.example>"
    assert panel.draft_box.layout.display is None
    assert panel.refusal.layout.display == "none"
    assert "No findings" in panel.findings.value
    assert panel.mark_done.description == "Mark the thank-you as sent today"


def test_editing_the_draft_checks_the_writing_again():
    view = followup_app(NORTHWIND)
    panel = view.follow_up
    panel.draft.input.value = panel.draft.value + "\n\nThis is gonna be awesome!!"
    assert "gonna" in panel.findings.value
    assert panel.edited.value == "Edited by you."
    assert panel.reset.layout.display is None
    panel.reset.click()
    assert "gonna" not in panel.draft.value
    assert panel.edited.value == "Generated from your notes."


def test_a_typed_html_tag_in_the_draft_is_escaped_in_the_findings():
    view = followup_app(NORTHWIND)
    panel = view.follow_up
    panel.draft.input.value = panel.draft.value + "\n\n<script>alert(1)</script> TODO"
    assert "<script>" not in panel.findings.value
    assert "TODO" in panel.findings.value


def test_export_buttons_say_where_the_file_went_and_write_the_edited_text(tmp_path):
    path = tmp_path / "search.json"
    view = followup_app(NORTHWIND, path)
    panel = view.follow_up
    panel.draft.input.value = panel.draft.value + "\n\nP.S. See you at AT&T Park."
    panel.export_eml.click()
    assert panel.export_status.value.startswith("Saved ")
    written = panel.export_status.value.removeprefix("Saved ")
    assert written.startswith(str(tmp_path / "search-drafts"))
    assert written.endswith(".eml")
    message = email.message_from_bytes(Path(written).read_bytes(), policy=policy.default)
    assert message.get_content().rstrip().endswith("P.S. See you at AT&T Park.")
    panel.export_md.click()
    assert panel.export_status.value.endswith(".md")


def test_the_reminder_export_explains_why_it_has_to_wait_for_the_thank_you(tmp_path):
    view = followup_app(NORTHWIND, tmp_path / "search.json")
    panel = view.follow_up
    panel.export_ics.click()
    assert "thank-you" in panel.export_status.value
    assert not (tmp_path / "search-drafts").exists()


def test_mark_as_sent_records_the_thank_you_today_and_moves_on(tmp_path):
    path = tmp_path / "search.json"
    view = followup_app(NORTHWIND, path)
    panel = view.follow_up
    panel.mark_done.click()
    event = load_workspace(path).opportunity(NORTHWIND).event("thank_you_sent")
    assert event is not None and event.date == STORY_DAY
    assert panel.action.value == "Next step: Wait"
    assert panel.draft_box.layout.display == "none"
    assert panel.refusal.value  # why no note now, in words
    assert panel.mark_done.layout.display == "none"
    panel.export_ics.click()
    assert panel.export_status.value.endswith(".ics")


def test_a_failing_opportunity_gets_a_friendly_message_and_no_draft():
    view = followup_app("globex-analytics-engineer")
    panel = view.follow_up
    assert panel.action.value == "Next step: Move on"
    assert panel.draft_box.layout.display == "none"
    assert panel.refusal.layout.display is None
    assert panel.refusal.value and "Traceback" not in panel.refusal.value
    panel.export_eml.click()
    assert panel.export_status.value and "Saved" not in panel.export_status.value


def test_talking_points_show_when_a_recruiter_is_involved():
    view = followup_app("umbrella-ml-engineer")
    panel = view.follow_up
    assert panel.action.value == "Next step: Call the recruiter"
    assert panel.talking_box.layout.display is None
    assert panel.talking_points.value
    assert panel.mark_done.description == "Mark the recruiter as called today"
    panel.mark_done.click()
    assert panel.action.value == "Next step: Send the thank-you note"
    view.opportunities.select.value = "acme-data-engineer"
    assert panel.talking_box.layout.display == "none"


def test_a_reply_and_closing_are_recorded_from_their_buttons():
    view = followup_app("acme-data-engineer")
    panel = view.follow_up
    panel.reply.click()
    assert panel.action.value == "Next step: Answer their reply personally"
    assert panel.reply.layout.display == "none"
    panel.close.click()
    assert panel.action.value == "Next step: Closed"
    assert panel.close.layout.display == "none"


def test_a_note_without_an_owner_says_what_to_add():
    from dataclasses import replace

    view = make_app(replace(example_workspace(), owner=None))
    view.opportunities.select.value = NORTHWIND
    view.show_tab(view.follow_up)
    assert view.follow_up.draft_box.layout.display == "none"
    assert "owner" in view.follow_up.refusal.value
