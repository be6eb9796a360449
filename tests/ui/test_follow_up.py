"""The follow-up tab: next step, the editable draft, exports that say where they went, events."""

from __future__ import annotations

import base64
import datetime as dt
import email
import html
import re
from dataclasses import replace
from email import policy
from pathlib import Path

from followup import example_workspace, load_workspace
from followup.session import open_session
from followup.ui import DecisionApp
from tests.ui.support import (  # noqa: F401
    NOON,
    STORY_DAY,
    after_typing,
    make_app,
    no_swallowed_errors,
)

NORTHWIND = "northwind-platform-lead"


def followup_app(opportunity_id, path=None, workspace=None):
    view = make_app(example_workspace() if workspace is None else workspace, path)
    view.opportunities.select.value = opportunity_id
    view.show_tab(view.follow_up)
    return view


def saved_file(status: str) -> Path:
    """The file an export says it saved ("Saved <path>")."""
    assert status.startswith("Saved "), status
    return Path(status.removeprefix("Saved "))


def test_a_passing_opportunity_shows_its_next_step_and_the_draft():
    view = followup_app(NORTHWIND)
    panel = view.follow_up
    assert panel.action.value == "Next step: Send the thank-you note"
    assert panel.due.value.startswith("Due Wednesday, November 25")
    assert panel.due.value.endswith("overdue")
    assert "Priya" in panel.reason.value
    assert "November 25" in panel.reason.value  # the plan's day in words, not 2026-11-25
    assert not re.search(r"\d{4}-\d{2}-\d{2}", panel.reason.value)
    assert panel.draft.value.startswith("Dear Priya,")
    assert panel.subject.value.startswith("Subject: ")
    assert panel.to.value == "To: Priya Natarajan <priya@northwind.example>"
    assert panel.draft_box.layout.display is None
    assert panel.refusal.layout.display == "none"
    assert "No findings" in panel.findings.value
    assert panel.mark_done.description == "Mark the thank-you as sent"
    assert panel.when.value == STORY_DAY  # the day it records on: today unless changed


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
    assert panel.export_ics.disabled
    assert "needs a recorded thank-you" in panel.export_ics.tooltip
    assert "needs a recorded thank-you" in panel.export_hint.value
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
    assert panel.export_eml.disabled and panel.export_md.disabled
    assert "No note to export now" in panel.export_hint.value


def test_talking_points_show_when_a_recruiter_is_involved():
    view = followup_app("umbrella-ml-engineer")
    panel = view.follow_up
    assert panel.action.value == "Next step: Call the recruiter"
    assert panel.talking_box.layout.display is None
    assert panel.talking_points.value
    assert panel.mark_done.description == "Mark the recruiter as called"
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
    view = make_app(replace(example_workspace(), owner=None))
    view.opportunities.select.value = NORTHWIND
    view.show_tab(view.follow_up)
    assert view.follow_up.draft_box.layout.display == "none"
    refusal = view.follow_up.refusal.value
    assert "Your name is needed to sign the note" in refusal and "You &amp; settings" in refusal
    assert "owner" not in refusal and "None" not in refusal


# -- the draft, saved as typed ----------------------------------------------------------------


def test_the_draft_is_saved_as_typed_soon_after_the_keys_and_survives_a_reload(tmp_path):
    path = tmp_path / "search.json"
    view = followup_app(NORTHWIND, path)
    panel = view.follow_up
    assert panel.draft.input.continuous_update  # every key reaches the kernel
    typed = panel.draft.value
    for letter in " P.S.":
        typed += letter
        panel.draft.input.value = typed
    assert panel.edited.value == "Edited by you."
    assert load_workspace(path).opportunity(NORTHWIND).drafts.thank_you is None
    after_typing(view)
    assert load_workspace(path).opportunity(NORTHWIND).drafts.thank_you == typed
    assert view.save_status.value.startswith("saved")
    again = DecisionApp(open_session(path, today=STORY_DAY, now=NOON))
    again.opportunities.select.value = NORTHWIND
    again.show_tab(again.follow_up)
    assert again.follow_up.draft.value == typed
    assert again.follow_up.edited.value == "Edited by you."


def test_a_refused_draft_says_so_in_words_next_to_it():
    panel = followup_app(NORTHWIND).follow_up
    panel.draft.input.value = "x" * 200_000
    assert panel.draft.error.value.startswith("The note can be at most 20000 characters")
    assert "thank_you" not in panel.draft.error.value and "[" not in panel.draft.error.value


# -- recording on a day, and undo -----------------------------------------------------------


def test_mark_as_sent_on_an_earlier_day_and_undo_it(tmp_path):
    path = tmp_path / "search.json"
    view = followup_app(NORTHWIND, path)
    panel = view.follow_up
    # The typing below waits for its save (the clock does not move): marking sent saves it.
    mine = panel.draft.value + "\n\nMy own P.S."
    panel.draft.input.value = mine
    panel.when.value = dt.date(2026, 11, 27)
    panel.mark_done.click()
    event = load_workspace(path).opportunity(NORTHWIND).event("thank_you_sent")
    assert event is not None and event.date == dt.date(2026, 11, 27)
    assert panel.when.value == STORY_DAY  # back to today for the next record
    recorded = "Last recorded: the thank-you sent on Friday, November 27, 2026."
    assert panel.last_event.value == recorded
    assert panel.undo.layout.display is None
    panel.undo.click()
    assert load_workspace(path).opportunity(NORTHWIND).event("thank_you_sent") is None
    assert panel.action.value == "Next step: Send the thank-you note"
    assert panel.draft.value == mine  # the note marked as sent by mistake is back as written
    assert panel.mark_done.layout.display is None


def test_a_bad_day_is_refused_in_words_and_nothing_is_recorded():
    view = followup_app(NORTHWIND)
    panel = view.follow_up
    panel.when.value = None  # the picker was cleared, or holds half a date
    panel.mark_done.click()
    assert panel.feedback.value == "Date must be given: the day it happened."
    panel.when.value = dt.date(2026, 12, 5)
    panel.reply.click()
    assert panel.feedback.value.startswith(
        "Date must not be after today, Tuesday, December 1, 2026"
    )
    assert view.session.state.opportunity(NORTHWIND).events == ()


def test_a_day_before_the_interview_is_refused_by_the_etiquette_in_words():
    panel = followup_app(NORTHWIND).follow_up
    panel.when.value = dt.date(2026, 11, 1)
    panel.close.click()
    assert "before the interview" in panel.feedback.value
    assert panel.close.layout.display is None


# -- exports: switched off with the reason, no stale words, a download ------------------------


def test_after_mark_as_sent_the_earlier_refusal_goes_and_the_reminder_can_be_exported(tmp_path):
    view = followup_app(NORTHWIND, tmp_path / "search.json")
    panel = view.follow_up
    panel.export_ics.click()
    assert "needs a recorded thank-you" in panel.export_status.value
    panel.mark_done.click()
    assert panel.export_status.value == ""
    assert "needs a recorded thank-you" not in panel.export_hint.value
    assert not panel.export_ics.disabled
    assert panel.export_eml.disabled and panel.export_md.disabled  # no note to write now


def test_an_export_is_offered_as_a_download_carrying_the_same_bytes(tmp_path):
    view = followup_app(NORTHWIND, tmp_path / "search.json")
    panel = view.follow_up
    panel.export_md.click()
    written = saved_file(panel.export_status.value)
    link = panel.download.value
    name = re.search(r'download="([^"]+)"', link).group(1)
    assert html.unescape(name) == written.name
    data = re.search(r'href="data:text/markdown;charset=utf-8;base64,([^"]+)"', link).group(1)
    assert base64.b64decode(data) == written.read_bytes()
    assert f"Download {written.name}" in link
    panel.draft.input.value = panel.draft.value + " changed"
    assert panel.download.value == "" or "followup-download" not in panel.download.value
    assert panel.export_status.value == ""  # the file no longer holds what is shown


def test_a_company_name_with_markup_is_escaped_in_the_download_link(tmp_path):
    workspace = example_workspace()
    northwind = workspace.opportunity(NORTHWIND)
    odd = replace(northwind, company='Quote" <b>Co</b>')
    view = followup_app(NORTHWIND, tmp_path / "search.json", workspace.with_opportunity(odd))
    panel = view.follow_up
    panel.export_md.click()
    link = panel.download.value
    assert "<b>" not in link and 'Quote"' not in link


def test_an_e_mail_draft_without_your_address_is_switched_off_with_the_reason():
    workspace = example_workspace()
    owner = replace(workspace.owner, email=None)
    panel = followup_app(NORTHWIND, workspace=replace(workspace, owner=owner)).follow_up
    assert panel.export_eml.disabled and not panel.export_md.disabled
    assert "your own e-mail address" in panel.export_hint.value


def test_exporting_into_a_folder_that_cannot_be_written_names_the_folder(tmp_path):
    (tmp_path / "search-drafts").write_text("in the way", encoding="utf-8")
    panel = followup_app(NORTHWIND, tmp_path / "search.json").follow_up
    panel.export_md.click()
    status = panel.export_status.value
    assert str(tmp_path / "search-drafts") in status and "is a file, not a folder" in status
    assert "Something went wrong" not in status
    assert panel.download.value == "" or "followup-download" not in panel.download.value


# -- the checklist and the dictionary ----------------------------------------------------------


def test_a_misspelt_word_can_be_added_to_my_dictionary(tmp_path):
    path = tmp_path / "search.json"
    view = followup_app(NORTHWIND, path)
    panel = view.follow_up
    panel.draft.input.value = panel.draft.value + "\n\nOur Zorblat pipeline."
    assert "Zorblat" in panel.writing.unknown_words
    add = panel.writing.button_for("Zorblat")
    assert add.description == "Add “Zorblat” to my dictionary"
    add.click()
    assert "Zorblat" in load_workspace(path).dictionary
    assert panel.feedback.value == ""


def test_what_the_notes_lack_shows_beside_the_draft_each_a_click_from_its_field(monkeypatch):
    view = followup_app(NORTHWIND)
    session = view.session
    assert view.follow_up.checklist.root.layout.display == "none"  # nothing lacking
    session.details.set_note(NORTHWIND, "stronger_because", "")
    session.details.set_note(NORTHWIND, "company_fact", "")
    view.render()
    panel = view.follow_up
    assert panel.checklist.root.layout.display is None
    assert panel.checklist.fields == ("notes.stronger_because", "notes.company_fact")
    first_text, first_go = panel.checklist.items.children[0].children
    assert "Why you are now an even stronger candidate" in first_text.value
    assert "notes." not in first_text.value
    focused = []
    view.show_tab(view.details)
    monkeypatch.setattr(
        view.details.notes["stronger_because"].input, "focus", lambda: focused.append(1)
    )
    view.show_tab(view.follow_up)
    first_go.click()
    assert view.visible_panel is view.details
    assert focused == [1]


def test_a_finding_about_a_note_item_names_the_field_as_the_details_tab_does():
    view = followup_app(NORTHWIND)
    long_item = "the roadmap for next year " + "which has many parts " * 8
    view.session.details.set_note(NORTHWIND, "discussed", long_item)
    view.render()
    findings = view.follow_up.findings.value
    assert "The first item of “What we discussed” is too long" in findings
    assert "notes.discussed" not in findings


def test_adding_a_word_to_my_dictionary_checks_the_draft_again():
    view = followup_app(NORTHWIND)
    panel = view.follow_up
    panel.draft.input.value = panel.draft.value + "\n\nOur Zorblat pipeline."
    panel.writing.button_for("Zorblat").click()
    assert "Zorblat" not in panel.findings.value
    assert panel.writing.unknown_words == ()
    assert panel.draft.value.endswith("Our Zorblat pipeline.")


def test_a_note_without_an_interviewer_says_where_to_add_one_without_an_id():
    workspace = example_workspace()
    northwind = replace(workspace.opportunity(NORTHWIND), interviewers=())
    view = followup_app(NORTHWIND, workspace=workspace.with_opportunity(northwind))
    refusal = view.follow_up.refusal.value
    assert "add an interviewer under Details &amp; notes" in refusal
    assert NORTHWIND not in refusal and "interviewers" not in refusal
