"""The app's session: opening, saving on every change, editing, undo, debrief and follow-up."""

from __future__ import annotations

import datetime as dt
import email
import hashlib
from email import policy
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import (
    EtiquetteError,
    UnknownOpportunityError,
    ValidationError,
    Workspace,
    WorkspaceError,
    example_workspace,
    load_workspace,
    save_workspace,
)
from followup.session import (
    DEBRIEF_QUESTIONS,
    FileStore,
    MemoryStore,
    Session,
    drafts_folder,
    new_opportunity_id,
    open_session,
)
from followup.session.core import bundled_example_path

STORY_DAY = dt.date(2026, 12, 1)
NOON = dt.datetime(2026, 12, 1, 12, 4)
ACME = "acme-data-engineer"
COMMUTE = 4  # acme's "90-minute commute three days a week", a minus weighing 6


def memory_session(workspace: Workspace | None = None, today: dt.date = STORY_DAY) -> Session:
    return Session(example_workspace() if workspace is None else workspace, today=today, now=NOON)


def file_session(path: Path, workspace: Workspace | None = None) -> Session:
    save_workspace(example_workspace() if workspace is None else workspace, path)
    return open_session(path, today=STORY_DAY, now=NOON)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---------------------------------------------------------------------------
# opening


def test_without_a_path_the_session_works_on_an_in_memory_copy_of_the_example_and_says_so():
    session = open_session(today=STORY_DAY, now=NOON)
    assert session.workspace == example_workspace()
    assert session.path is None
    assert "copy of the bundled example" in session.notice
    assert "memory" in session.status.message


def test_the_bundled_example_file_is_never_modified_by_a_session():
    example = bundled_example_path()
    assert example is not None
    before = digest(example)
    for path in (None, example):
        session = open_session(path, today=STORY_DAY, now=NOON)
        session.set_factor_weight(ACME, COMMUTE, 10)
        session.delete_opportunity("globex-analytics-engineer")
        session.add_opportunity("Hooli", "Staff Engineer")
        assert session.path is None
    assert digest(example) == before


def test_a_missing_file_is_created_empty_by_default(tmp_path):
    path = tmp_path / "new" / "search.json"
    session = open_session(path, today=STORY_DAY, now=NOON)
    assert load_workspace(path) == Workspace() == session.workspace
    assert session.selected_id is None
    assert str(path) in session.notice


def test_a_missing_file_can_start_from_the_example(tmp_path):
    path = tmp_path / "search.json"
    session = open_session(path, today=STORY_DAY, now=NOON, create="example")
    assert load_workspace(path) == example_workspace() == session.workspace


def test_an_unknown_create_choice_is_refused(tmp_path):
    with pytest.raises(ValidationError, match="create must be 'empty' or 'example'; got 'full'"):
        open_session(tmp_path / "x.json", today=STORY_DAY, now=NOON, create="full")


def test_an_existing_file_is_opened_as_it_is(tmp_path):
    path = tmp_path / "search.json"
    workspace = example_workspace().without_opportunity(ACME)
    save_workspace(workspace, path)
    assert open_session(path, today=STORY_DAY, now=NOON).workspace == workspace


def test_an_unreadable_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "search.json"
    path.write_text('{"format": "followup-workspace", "version": 1, "opportunities": [')
    before = path.read_bytes()
    with pytest.raises(WorkspaceError, match="not valid JSON"):
        open_session(path, today=STORY_DAY, now=NOON)
    assert path.read_bytes() == before


def test_the_clock_must_be_a_date_or_a_function(tmp_path):
    with pytest.raises(ValidationError, match="today must be a date"):
        Session(example_workspace(), today="2026-12-01", now=NOON)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="now must be a datetime"):
        Session(example_workspace(), today=STORY_DAY, now=STORY_DAY)  # type: ignore[arg-type]


def test_today_can_be_a_function_so_a_long_running_app_follows_the_calendar():
    days = iter([dt.date(2026, 11, 24), dt.date(2026, 11, 25)])
    session = Session(example_workspace(), today=lambda: next(days), now=NOON)
    assert session.next_step(ACME).action == "wait"
    assert session.next_step(ACME).action == "send_check_in"


# ---------------------------------------------------------------------------
# saving


def test_every_change_is_saved_at_once_with_the_time_in_the_status(tmp_path):
    path = tmp_path / "search.json"
    session = file_session(path)
    session.set_factor_weight(ACME, COMMUTE, 9)
    assert load_workspace(path).opportunity(ACME).factors[COMMUTE].weight == 9
    assert session.status.ok
    assert session.status.message == "saved 12:04"


def test_a_refused_edit_changes_neither_the_session_nor_the_file(tmp_path):
    path = tmp_path / "search.json"
    session = file_session(path)
    before, revision = path.read_bytes(), session.revision
    with pytest.raises(ValidationError, match="interview_date must be a real calendar date"):
        session.set_detail(ACME, "interview_date", "2026-02-30")
    assert session.opportunity(ACME).interview_date == dt.date(2026, 11, 10)
    assert path.read_bytes() == before
    assert session.revision == revision


def test_an_edit_that_changes_nothing_does_not_save(tmp_path):
    path = tmp_path / "search.json"
    session = file_session(path)
    revision = session.revision
    session.set_factor_weight(ACME, COMMUTE, 6)
    assert session.revision == revision


class FlakyStore:
    """A store whose disk is full until it is told otherwise."""

    def __init__(self, path: Path) -> None:
        self.path: Path | None = path
        self.full = True
        self.saved: Workspace | None = None

    def save(self, workspace: Workspace) -> Workspace:
        if self.full:
            raise WorkspaceError(f"{self.path} could not be saved (No space left on device)")
        self.saved = workspace
        return workspace

    def describe(self) -> str:
        return str(self.path)


def test_a_failed_save_keeps_the_edit_says_so_and_succeeds_when_tried_again(tmp_path):
    store = FlakyStore(tmp_path / "search.json")
    session = Session(example_workspace(), today=STORY_DAY, now=NOON, store=store)
    session.set_factor_weight(ACME, COMMUTE, 9)
    assert not session.status.ok
    assert "not saved" in session.status.message
    assert "No space left on device" in session.status.message
    assert session.opportunity(ACME).factors[COMMUTE].weight == 9
    store.full = False
    assert session.save().ok
    assert store.saved is not None
    assert store.saved.opportunity(ACME).factors[COMMUTE].weight == 9


def test_edits_from_another_program_to_other_opportunities_are_merged_in(tmp_path):
    path = tmp_path / "search.json"
    save_workspace(example_workspace(), path)
    lab = open_session(path, today=STORY_DAY, now=NOON)
    voila = open_session(path, today=STORY_DAY, now=NOON)
    voila.set_factor_weight("globex-analytics-engineer", 0, 10)
    lab.set_factor_weight(ACME, COMMUTE, 9)
    on_disk = load_workspace(path)
    assert on_disk.opportunity(ACME).factors[COMMUTE].weight == 9
    assert on_disk.opportunity("globex-analytics-engineer").factors[0].weight == 10
    assert lab.workspace == on_disk
    assert "merged" in lab.status.message


def test_overlapping_edits_are_refused_without_overwriting_and_reload_takes_the_file(tmp_path):
    path = tmp_path / "search.json"
    save_workspace(example_workspace(), path)
    lab = open_session(path, today=STORY_DAY, now=NOON)
    voila = open_session(path, today=STORY_DAY, now=NOON)
    voila.set_factor_weight(ACME, COMMUTE, 2)
    lab.set_factor_weight(ACME, COMMUTE, 9)
    assert not lab.status.ok
    assert "another program" in lab.status.message
    assert load_workspace(path).opportunity(ACME).factors[COMMUTE].weight == 2
    lab.reload()
    assert lab.status.ok
    assert lab.opportunity(ACME).factors[COMMUTE].weight == 2


def test_a_memory_session_never_writes_and_says_so():
    session = Session(example_workspace(), today=STORY_DAY, now=NOON, store=MemoryStore())
    session.set_factor_weight(ACME, COMMUTE, 9)
    assert session.status.ok
    assert "not saved to disk" in session.status.message


# ---------------------------------------------------------------------------
# opportunities


def test_new_ids_are_readable_slugs_and_never_taken():
    assert new_opportunity_id("Acme", "Data Engineer", []) == "acme-data-engineer"
    assert new_opportunity_id("Acme", "Data Engineer", ["acme-data-engineer"]) == (
        "acme-data-engineer-2"
    )
    assert new_opportunity_id("<img src=x>", "", []) == "img-src-x"
    assert new_opportunity_id("", "", []) == "opportunity"


@given(st.text(max_size=300), st.text(max_size=300))
def test_any_company_and_role_give_a_valid_opportunity_id(company, role):
    from followup.model.checks import is_slug

    taken = [new_opportunity_id(company, role, [])]
    assert is_slug(new_opportunity_id(company, role, taken))
    assert new_opportunity_id(company, role, taken) not in taken


def test_adding_an_opportunity_selects_it():
    session = memory_session(Workspace())
    new_id = session.add_opportunity("Initrode", "Analyst")
    assert session.selected_id == new_id == "initrode-analyst"
    assert session.selected is not None and session.selected.company == "Initrode"


def test_renaming_keeps_the_id_so_reminders_and_links_stay_valid():
    session = memory_session()
    session.set_detail(ACME, "company", "Acme Analytics GmbH")
    session.set_detail(ACME, "role", "Lead Data Engineer")
    renamed = session.opportunity(ACME)
    assert (renamed.company, renamed.role) == ("Acme Analytics GmbH", "Lead Data Engineer")


def test_an_empty_company_is_refused_naming_the_field():
    session = memory_session()
    with pytest.raises(ValidationError, match="company must be non-empty text"):
        session.set_detail(ACME, "company", "   ")
    assert session.opportunity(ACME).company == "Acme Analytics"


def test_duplicating_copies_everything_but_the_follow_up_events_and_sits_next_to_the_original():
    session = memory_session()
    copy_id = session.duplicate_opportunity(ACME)
    copy, original = session.opportunity(copy_id), session.opportunity(ACME)
    assert copy.role == "Senior Data Engineer (copy)"
    assert copy.factors == original.factors and copy.notes == original.notes
    assert copy.events == () and original.events
    assert session.workspace.ids.index(copy_id) == session.workspace.ids.index(ACME) + 1
    assert session.selected_id == copy_id


def test_undo_brings_back_a_deleted_opportunity_where_it_was():
    session = memory_session()
    before = session.workspace
    session.select("globex-analytics-engineer")
    session.delete_opportunity("globex-analytics-engineer")
    assert "globex-analytics-engineer" not in session.workspace.ids
    assert session.selected_id == "initech-backend-engineer"  # the next one
    assert session.undo_description == "Globex Corporation — Analytics Engineer"
    assert session.undo_delete() == "globex-analytics-engineer"
    assert session.workspace == before
    assert session.undo_description is None
    assert session.undo_delete() is None


def test_undo_restores_several_deletes_in_reverse_order():
    session = memory_session()
    before = session.workspace
    session.delete_opportunity(ACME)
    session.delete_opportunity("hooli-site-reliability")
    session.undo_delete()
    session.undo_delete()
    assert session.workspace == before


def test_undo_gives_a_new_id_when_the_old_one_was_taken_meanwhile():
    session = memory_session(Workspace())
    first = session.add_opportunity("Acme", "Engineer")
    session.delete_opportunity(first)
    session.add_opportunity("Acme", "Engineer")
    assert session.undo_delete() == "acme-engineer-2"
    assert len(session.workspace.opportunities) == 2


def test_deleting_the_last_opportunity_leaves_nothing_selected():
    session = memory_session(Workspace())
    only = session.add_opportunity()
    session.delete_opportunity(only)
    assert session.selected_id is None and session.selected is None


def test_unknown_ids_are_refused_with_the_known_ones_named():
    session = memory_session()
    with pytest.raises(UnknownOpportunityError, match="acme-data-engineer"):
        session.select("nope")
    with pytest.raises(KeyError):
        session.delete_opportunity("nope")


# ---------------------------------------------------------------------------
# details, contacts, notes


def test_the_interview_date_takes_iso_text_and_empty_clears_it():
    session = memory_session()
    session.set_detail("globex-analytics-engineer", "interview_date", "2026-11-13")
    assert session.opportunity("globex-analytics-engineer").interview_date == dt.date(2026, 11, 13)
    session.set_detail("globex-analytics-engineer", "interview_date", "")
    assert session.opportunity("globex-analytics-engineer").interview_date is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-02-30", "must be a real calendar date"),
        ("next week", "must be a date"),
        ("2300-01-01", "from 1990-01-01 to 2100-12-31"),
    ],
)
def test_bad_interview_dates_are_refused_naming_the_field_and_value(text, expected):
    session = memory_session()
    with pytest.raises(ValidationError, match=expected) as caught:
        session.set_detail(ACME, "interview_date", text)
    assert "interview_date" in str(caught.value) and repr(text) in str(caught.value)


def test_an_interview_date_after_a_recorded_event_is_refused():
    session = memory_session()
    with pytest.raises(ValidationError, match="on or after the interview date"):
        session.set_detail(ACME, "interview_date", "2026-11-20")


def test_an_unknown_detail_field_is_refused():
    with pytest.raises(ValidationError, match="field must be one of company, role"):
        memory_session().set_detail(ACME, "id", "hacked")


def test_interviewers_are_added_changed_and_removed():
    session = memory_session()
    session.add_interviewer(ACME, "Dana Lee", title="CTO", email="dana@acme.example")
    assert session.opportunity(ACME).interviewers[1].email == "dana@acme.example"
    session.set_interviewer(ACME, 1, "title", "")
    assert session.opportunity(ACME).interviewers[1].title is None
    session.remove_interviewer(ACME, 0)
    assert [c.name for c in session.opportunity(ACME).interviewers] == ["Dana Lee"]


@pytest.mark.parametrize(
    "address",
    ["jordan.example.com", "jane@", "jane@x.com, boss@x.com", "jane@x.com\r\nBcc: evil@x.com"],
)
def test_a_bad_interviewer_email_is_refused_naming_the_interviewer(address):
    session = memory_session()
    with pytest.raises(ValidationError, match=r"interviewers\[0\]\.email must be"):
        session.set_interviewer(ACME, 0, "email", address)
    assert session.opportunity(ACME).interviewers[0].email == "jordan@acme.example"


def test_an_interviewer_needs_a_name():
    session = memory_session()
    with pytest.raises(ValidationError, match=r"interviewers\[0\]\.name must be non-empty"):
        session.set_interviewer(ACME, 0, "name", "")
    with pytest.raises(ValidationError, match=r"interviewers\[1\]\.name"):
        session.add_interviewer(ACME, "")


def test_an_interviewer_index_out_of_range_is_refused():
    with pytest.raises(ValidationError, match="interviewers index must be from 0 to 0"):
        memory_session().set_interviewer(ACME, 3, "name", "X")


def test_a_recruiter_starts_with_a_name_and_goes_when_emptied():
    session = memory_session()
    with pytest.raises(ValidationError, match=r"recruiter\.name must be non-empty"):
        session.set_recruiter(ACME, "email", "casey@example.com")
    session.set_recruiter(ACME, "name", "Casey Morgan")
    session.set_recruiter(ACME, "email", "casey@example.com")
    assert session.opportunity(ACME).recruiter is not None
    session.set_recruiter(ACME, "email", "")
    session.set_recruiter(ACME, "name", "")
    assert session.opportunity(ACME).recruiter is None


def test_note_lists_take_one_item_per_line_and_skip_blank_lines():
    session = memory_session()
    session.set_note(
        ACME, "learned", "the team is doubling\n\n  data contracts are reviewed weekly \n"
    )
    assert session.opportunity(ACME).notes.learned == (
        "the team is doubling",
        "data contracts are reviewed weekly",
    )


def test_a_note_item_that_is_too_long_is_refused_naming_the_line():
    session = memory_session()
    with pytest.raises(ValidationError, match=r"notes\.learned\[1\] must be at most 1000"):
        session.set_note(ACME, "learned", "short\n" + "x" * 1001)


def test_the_company_fact_and_comment_are_single_line_text():
    session = memory_session()
    session.set_note(ACME, "company_fact", "Acme opened an office in Lyon")
    assert session.opportunity(ACME).notes.company_fact == "Acme opened an office in Lyon"


def test_the_owner_and_settings_can_be_edited_from_text():
    session = memory_session()
    session.set_owner("email", "alex@work.example")
    session.set_setting("threshold", "2.5")
    session.set_setting("check_in_after_days", "10")
    assert session.workspace.owner is not None
    assert session.workspace.owner.email == "alex@work.example"
    assert session.workspace.settings.threshold == 2.5
    assert session.workspace.settings.check_in_after_days == 10
    with pytest.raises(ValidationError, match=r"settings\.check_in_after_days must be an integer"):
        session.set_setting("check_in_after_days", "two weeks")
    with pytest.raises(ValidationError, match=r"settings\.threshold must be a number"):
        session.set_setting("threshold", "nan")


# ---------------------------------------------------------------------------
# the T


def test_a_heavier_minus_can_flip_the_verdict():
    session = memory_session()
    initech = "initech-backend-engineer"
    assert session.t_summary(initech).verdict == "pass"
    sentence = session.t_summary(initech).flips[0]
    assert sentence.startswith("The verdict flips if '")
    factor_label, _, rest = sentence.removeprefix("The verdict flips if '").partition(
        "' goes from "
    )
    old, new = (int(part) for part in rest.rstrip(".").split(" to "))
    index = next(
        i for i, f in enumerate(session.opportunity(initech).factors) if f.label == factor_label
    )
    assert session.opportunity(initech).factors[index].weight == old
    session.set_factor_weight(initech, index, new)
    assert session.t_summary(initech).verdict != "pass"


def test_the_summary_adds_up_the_two_sides():
    session = memory_session()
    summary = session.t_summary(ACME)
    opportunity = session.opportunity(ACME)
    assert summary.plus_total == sum(f.weight for f in opportunity.pluses)
    assert summary.minus_total == sum(f.weight for f in opportunity.minuses)
    assert summary.balance == summary.plus_total - summary.minus_total


def test_factors_are_added_on_either_side_edited_and_removed():
    session = memory_session(Workspace())
    new_id = session.add_opportunity("Initrode", "Analyst")
    plus = session.add_factor(new_id, "plus")
    minus = session.add_factor(new_id, "minus", "Long commute", weight=7, category="location")
    session.set_factor_label(new_id, plus, "Great mentor")
    session.set_factor_category(new_id, plus, "people")
    factors = session.opportunity(new_id).factors
    assert [(f.label, f.side, f.weight, f.category) for f in factors] == [
        ("Great mentor", "plus", 5, "people"),
        ("Long commute", "minus", 7, "location"),
    ]
    session.set_factor_category(new_id, plus, "")
    assert session.opportunity(new_id).factors[plus].category is None
    session.remove_factor(new_id, minus)
    assert len(session.opportunity(new_id).factors) == 1


@pytest.mark.parametrize("weight", [0, 11, 2.5, True, None, "high", float("nan")])
def test_bad_weights_are_refused_naming_the_factor(weight):
    session = memory_session()
    expected = r"factors\[4\]\.weight must be an integer from 1 to 10"
    with pytest.raises(ValidationError, match=expected):
        session.set_factor_weight(ACME, COMMUTE, weight)
    assert session.opportunity(ACME).factors[COMMUTE].weight == 6


def test_factor_indexes_and_sides_are_checked():
    session = memory_session()
    with pytest.raises(ValidationError, match="factor index must be from 0 to 6"):
        session.set_factor_weight(ACME, 7, 5)
    with pytest.raises(ValidationError, match="side must be 'plus' or 'minus'"):
        session.add_factor(ACME, "maybe")
    with pytest.raises(ValidationError, match=r"factors\[4\]\.label must be non-empty"):
        session.set_factor_label(ACME, COMMUTE, "")


# ---------------------------------------------------------------------------
# the debrief


def test_every_debrief_question_is_a_question_with_a_note_field():
    assert len(DEBRIEF_QUESTIONS) >= 5
    from followup.session import NOTE_LIST_FIELDS

    for question in DEBRIEF_QUESTIONS:
        assert question.question.endswith("?")
        assert question.note in NOTE_LIST_FIELDS


def test_a_debrief_answer_becomes_one_plus_per_line():
    session = memory_session()
    before = len(session.opportunity(ACME).factors)
    message = session.debrief(ACME, "exciting", "a data platform from scratch\nequity", "plus")
    factors = session.opportunity(ACME).factors
    assert [f.label for f in factors[before:]] == ["a data platform from scratch", "equity"]
    assert all(f.side == "plus" and f.weight == 5 for f in factors[before:])
    assert message.startswith("Added 2 pluses")


def test_a_debrief_answer_becomes_a_minus():
    session = memory_session()
    assert session.debrief(ACME, "worries", "no budget for training", "minus").startswith(
        "Added 1 minus"
    )
    assert session.opportunity(ACME).factors[-1].side == "minus"


def test_a_debrief_answer_becomes_a_note_in_the_field_the_question_feeds():
    session = memory_session()
    session.debrief(ACME, "stronger", "I shipped the same migration last year", "note")
    assert session.opportunity(ACME).notes.stronger_because[-1] == (
        "I shipped the same migration last year"
    )
    session.debrief(ACME, "worries", "on-call load", "note")
    assert session.opportunity(ACME).notes.concerns[-1] == "on-call load"


def test_an_empty_debrief_answer_or_unknown_question_is_refused():
    session = memory_session()
    with pytest.raises(ValidationError, match="answer must be non-empty text"):
        session.debrief(ACME, "learned", "  \n ", "note")
    with pytest.raises(ValidationError, match="question must be one of"):
        session.debrief(ACME, "salary", "more", "plus")
    with pytest.raises(ValidationError, match="as must be 'plus', 'minus' or 'note'"):
        session.debrief(ACME, "learned", "x", "maybe")


# ---------------------------------------------------------------------------
# the follow-up


def test_a_passing_opportunity_without_a_thank_you_gets_a_draft_to_edit():
    session = memory_session()
    view = session.follow_up("northwind-platform-lead")
    assert view.step.action == "send_thank_you"
    assert view.draft is not None and view.draft.kind == "thank_you"
    assert view.refusal is None
    assert view.event_to_record == "thank_you_sent"
    assert not view.edited


def test_an_edited_draft_is_kept_and_checked_again():
    session = memory_session()
    northwind = "northwind-platform-lead"
    body = session.follow_up(northwind).draft.body
    session.edit_draft(northwind, body + "\n\nThis is gonna be awesome!!")
    view = session.follow_up(northwind)
    assert view.edited
    assert view.draft.body.endswith("awesome!!")
    assert {"tone"} <= {finding.kind for finding in view.findings}
    session.reset_draft(northwind)
    assert session.follow_up(northwind).draft.body == body


def test_a_failing_opportunity_gets_a_friendly_refusal_instead_of_a_draft():
    session = memory_session()
    view = session.follow_up("globex-analytics-engineer")
    assert view.step.action == "move_on"
    assert view.draft is None
    assert view.refusal and "Traceback" not in view.refusal
    with pytest.raises(EtiquetteError):
        session.edit_draft("globex-analytics-engineer", "Dear ...")
    with pytest.raises(EtiquetteError):
        session.export("globex-analytics-engineer", "eml")


def test_talking_points_appear_only_when_a_recruiter_is_involved():
    session = memory_session()
    assert session.follow_up("umbrella-ml-engineer").talking_points
    assert session.follow_up(ACME).talking_points is None


def test_exports_go_to_a_drafts_folder_next_to_the_workspace(tmp_path):
    path = tmp_path / "search.json"
    session = file_session(path)
    northwind = "northwind-platform-lead"
    session.edit_draft(northwind, session.follow_up(northwind).draft.body + "\n\nP.S. AT&T <R&D>")
    eml = session.export(northwind, "eml")
    markdown = session.export(northwind, "md")
    assert eml.parent == markdown.parent == drafts_folder(path) == tmp_path / "search-drafts"
    message = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert message.get_content().rstrip().endswith("P.S. AT&T <R&D>")
    assert "P.S. AT&T <R&D>" in markdown.read_text(encoding="utf-8")
    assert session.export(northwind, "eml") != eml  # never overwritten


def test_a_memory_session_exports_into_a_temporary_folder():
    session = memory_session()
    path = session.export("northwind-platform-lead", "md")
    assert path.parent == session.export_folder
    assert path.is_file()


def test_the_reminder_is_exported_after_the_thank_you_and_refused_before():
    session = memory_session()
    with pytest.raises(EtiquetteError, match="thank-you"):
        session.export("northwind-platform-lead", "ics")
    reminder = session.export("initech-backend-engineer", "ics")
    assert reminder.suffix == ".ics"
    assert b"BEGIN:VEVENT" in reminder.read_bytes()
    with pytest.raises(ValidationError, match="format must be one of eml, md, ics"):
        session.export(ACME, "pdf")


def test_marking_as_sent_records_the_event_today_and_moves_the_plan_on(tmp_path):
    path = tmp_path / "search.json"
    session = file_session(path)
    northwind = "northwind-platform-lead"
    assert session.mark_done(northwind) == "thank_you_sent"
    event = load_workspace(path).opportunity(northwind).event("thank_you_sent")
    assert event is not None and event.date == STORY_DAY
    assert session.next_step(northwind).action == "wait"
    with pytest.raises(EtiquetteError, match="Nothing to mark as done now"):
        session.mark_done(northwind)


def test_calling_the_recruiter_is_what_is_marked_first_when_there_is_one():
    session = memory_session()
    assert session.mark_done("umbrella-ml-engineer") == "recruiter_called"
    assert session.next_step("umbrella-ml-engineer").action == "send_thank_you"


def test_a_second_thank_you_is_refused_by_the_etiquette():
    session = memory_session()
    with pytest.raises(EtiquetteError, match="second thank-you"):
        session.record(ACME, "thank_you_sent")
    with pytest.raises(ValidationError, match="kind must be one of"):
        session.record(ACME, "party")


def test_a_reply_or_closing_ends_the_plan():
    session = memory_session()
    session.record(ACME, "reply_received")
    assert session.next_step(ACME).action == "replied"
    session.record(ACME, "closed")
    assert session.next_step(ACME).action == "closed"


def test_the_timeline_has_every_opportunity():
    session = memory_session()
    assert set(session.timeline().index) == set(session.workspace.ids)


# ---------------------------------------------------------------------------
# invariants


_OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(["weight", "add", "delete", "undo", "duplicate", "label", "plus"]),
        st.integers(0, 20),
        st.integers(1, 10),
    ),
    max_size=12,
)


@given(_OPERATIONS)
def test_the_file_always_holds_what_the_session_shows(operations):
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "search.json"
        session = file_session(path)
        for name, number, weight in operations:
            ids = session.workspace.ids
            target = ids[number % len(ids)] if ids else None
            if name == "add" or target is None:
                session.add_opportunity(f"Company {number}", "Role")
            elif name == "delete":
                session.delete_opportunity(target)
            elif name == "undo":
                session.undo_delete()
            elif name == "duplicate":
                session.duplicate_opportunity(target)
            elif name == "plus":
                session.add_factor(target, "plus", weight=weight)
            else:
                factors = session.opportunity(target).factors
                if factors:
                    index = number % len(factors)
                    if name == "weight":
                        session.set_factor_weight(target, index, weight)
                    else:
                        session.set_factor_label(target, index, f"Label {weight}")
            assert session.status.ok
            assert load_workspace(path) == session.workspace
            assert session.selected_id is None or session.selected_id in session.workspace.ids


@given(st.lists(st.integers(0, 6), min_size=1, max_size=6, unique=True))
def test_undoing_every_delete_gives_back_the_workspace(positions):
    session = memory_session()
    before = session.workspace
    for position in positions:
        ids = session.workspace.ids
        session.delete_opportunity(ids[position % len(ids)])
    while session.undo_delete() is not None:
        pass
    assert session.workspace == before


def test_file_store_reports_where_it_saves(tmp_path):
    store = FileStore(tmp_path / "search.json")
    assert store.describe() == str(tmp_path / "search.json")
