"""Details: company, role, interview date, interviewers, recruiter and notes, from typed text."""

from __future__ import annotations

import datetime as dt

import pytest

from followup import ValidationError, load_workspace
from followup.session.wording import in_words
from tests.session.support import ACME, file_session, memory_session


def test_renaming_keeps_the_id_so_reminders_and_links_stay_valid():
    session = memory_session()
    session.details.set(ACME, "company", "Acme Analytics GmbH")
    session.details.set(ACME, "role", "Lead Data Engineer")
    renamed = session.state.opportunity(ACME)
    assert (renamed.company, renamed.role) == ("Acme Analytics GmbH", "Lead Data Engineer")


def test_an_empty_company_is_refused_naming_the_field():
    session = memory_session()
    with pytest.raises(ValidationError, match="company must be non-empty text"):
        session.details.set(ACME, "company", "   ")
    assert session.state.opportunity(ACME).company == "Acme Analytics"


def test_the_interview_date_takes_iso_text_and_empty_clears_it():
    session = memory_session()
    session.details.set("globex-analytics-engineer", "interview_date", "2026-11-13")
    assert session.state.opportunity("globex-analytics-engineer").interview_date == dt.date(
        2026, 11, 13
    )
    session.details.set("globex-analytics-engineer", "interview_date", "")
    assert session.state.opportunity("globex-analytics-engineer").interview_date is None


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
        session.details.set(ACME, "interview_date", text)
    assert "interview_date" in str(caught.value) and repr(text) in str(caught.value)


def test_an_interview_date_after_a_recorded_event_is_refused():
    session = memory_session()
    with pytest.raises(ValidationError, match="on or after the interview date"):
        session.details.set(ACME, "interview_date", "2026-11-20")


def test_an_unknown_detail_field_is_refused():
    with pytest.raises(ValidationError, match="field must be one of company, role"):
        memory_session().details.set(ACME, "id", "hacked")


def test_interviewers_are_added_changed_and_removed():
    session = memory_session()
    session.details.add_interviewer(ACME, "Dana Lee", title="CTO", email="dana@acme.example")
    assert session.state.opportunity(ACME).interviewers[1].email == "dana@acme.example"
    session.details.set_interviewer(ACME, 1, "title", "")
    assert session.state.opportunity(ACME).interviewers[1].title is None
    session.details.remove_interviewer(ACME, 0)
    assert [c.name for c in session.state.opportunity(ACME).interviewers] == ["Dana Lee"]


@pytest.mark.parametrize(
    "address",
    ["jordan.example.com", "jane@", "jane@x.com, boss@x.com", "jane@x.com\r\nBcc: evil@x.com"],
)
def test_a_bad_interviewer_email_is_refused_naming_the_interviewer(address):
    session = memory_session()
    with pytest.raises(ValidationError, match=r"interviewers\[0\]\.email must be"):
        session.details.set_interviewer(ACME, 0, "email", address)
    assert session.state.opportunity(ACME).interviewers[0].email == "jordan@acme.example"


def test_an_interviewer_needs_a_name():
    session = memory_session()
    with pytest.raises(ValidationError, match=r"interviewers\[0\]\.name must be non-empty"):
        session.details.set_interviewer(ACME, 0, "name", "")
    with pytest.raises(ValidationError, match=r"interviewers\[1\]\.name"):
        session.details.add_interviewer(ACME, "")


def test_an_interviewer_index_out_of_range_is_refused():
    with pytest.raises(ValidationError, match="interviewers index must be from 0 to 0"):
        memory_session().details.set_interviewer(ACME, 3, "name", "X")


def test_a_recruiter_starts_with_a_name_and_goes_when_emptied():
    session = memory_session()
    with pytest.raises(ValidationError, match=r"recruiter\.name must be non-empty"):
        session.details.set_recruiter(ACME, "email", "casey@example.com")
    session.details.set_recruiter(ACME, "name", "Casey Morgan")
    session.details.set_recruiter(ACME, "email", "casey@example.com")
    assert session.state.opportunity(ACME).recruiter is not None
    session.details.set_recruiter(ACME, "email", "")
    session.details.set_recruiter(ACME, "name", "")
    assert session.state.opportunity(ACME).recruiter is None


def test_note_lists_take_one_item_per_line_and_skip_blank_lines():
    session = memory_session()
    session.details.set_note(
        ACME, "learned", "the team is doubling\n\n  data contracts are reviewed weekly \n"
    )
    assert session.state.opportunity(ACME).notes.learned == (
        "the team is doubling",
        "data contracts are reviewed weekly",
    )


def test_a_note_item_that_is_too_long_is_refused_naming_the_line():
    session = memory_session()
    with pytest.raises(ValidationError, match=r"notes\.learned\[1\] must be at most 1000"):
        session.details.set_note(ACME, "learned", "short\n" + "x" * 1001)


def test_the_company_fact_and_comment_are_single_line_text():
    session = memory_session()
    session.details.set_note(ACME, "company_fact", "Acme opened an office in Lyon")
    assert session.state.opportunity(ACME).notes.company_fact == "Acme opened an office in Lyon"


def test_where_the_company_fact_was_learned_is_saved_and_changes_the_note(tmp_path):
    path = tmp_path / "search.json"
    session = file_session(path)
    northwind = "northwind-platform-lead"

    def fact_sentence():
        body = session.follow_up.view(northwind).draft.body
        (sentence,) = [line for line in body.split(". ") if "three new community clinics" in line]
        return sentence

    assert "on your website" in fact_sentence()
    session.details.set_fact_source(northwind, "interview")
    assert load_workspace(path).opportunity(northwind).notes.fact_source == "interview"
    assert "to hear" in fact_sentence() and "website" not in fact_sentence()
    session.details.set_fact_source(northwind, "")  # not said
    assert load_workspace(path).opportunity(northwind).notes.fact_source is None
    assert "to learn" in fact_sentence() and "website" not in fact_sentence()


@pytest.mark.parametrize("source", ["radio", 3, "Website"])
def test_an_unknown_fact_source_is_refused_in_words_and_the_last_is_kept(source):
    session = memory_session()
    with pytest.raises(ValidationError) as raised:
        session.details.set_fact_source(ACME, source)
    assert in_words(raised.value).startswith(
        "Where I learned the company fact must be 'interview' or 'website'"
    )
    assert session.state.opportunity(ACME).notes.fact_source == "website"


@pytest.mark.parametrize("items", [(None,), ("fine", 3), "not a list of items"])
def test_note_items_that_are_not_text_are_refused_naming_the_line(items):
    session = memory_session()
    before = session.state.opportunity(ACME).notes
    with pytest.raises(ValidationError, match=r"notes\.learned"):
        session.details.add_note_items(ACME, "learned", items)
    assert session.state.opportunity(ACME).notes == before
