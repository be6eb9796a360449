"""Details and notes: every field saves on its own; a bad value shows a message next to it."""

from __future__ import annotations

import datetime as dt

from followup import example_workspace, load_workspace
from tests.ui.support import (  # noqa: F401
    after_typing,
    all_widgets,
    make_app,
    no_swallowed_errors,
)

ACME = "acme-data-engineer"


def details_app(path=None):
    view = make_app(example_workspace(), path)
    view.show_tab(view.details)
    return view


def test_details_show_the_selected_opportunity():
    view = details_app()
    details = view.details
    assert details.company.value == "Acme Analytics"
    assert details.role.value == "Senior Data Engineer"
    assert details.interview_date.value == "2026-11-10"
    assert [row.fields["name"].value for row in details.interviewer_rows] == ["Jordan Rivera"]
    assert details.notes["learned"].value == "the platform team is doubling next year"
    assert details.company_fact.value == "Acme published an open data charter in October"


def test_an_impossible_interview_date_shows_a_message_next_to_the_field_and_keeps_the_date(
    tmp_path,
):
    path = tmp_path / "search.json"
    view = details_app(path)
    before = path.read_bytes()
    field = view.details.interview_date
    field.input.value = "2026-02-30"
    assert "The interview date must be a real calendar date" in field.error.value
    assert "you typed '2026-02-30'" in field.error.value
    assert field.error in field.box.children  # next to the field
    assert field.input.value == "2026-02-30"  # still there to correct
    assert view.session.state.opportunity(ACME).interview_date == dt.date(2026, 11, 10)
    assert path.read_bytes() == before
    field.input.value = "2026-11-09"
    assert field.error.value == ""
    after_typing(view)
    assert load_workspace(path).opportunity(ACME).interview_date == dt.date(2026, 11, 9)


def test_a_refused_value_stays_visible_while_other_fields_are_edited():
    view = details_app()
    view.details.interview_date.input.value = "next week"
    view.details.role.input.value = "Lead Data Engineer"
    assert view.details.interview_date.input.value == "next week"
    assert "The interview date must be a date" in view.details.interview_date.error.value


def test_selecting_another_opportunity_replaces_a_refused_value_with_the_saved_one():
    view = details_app()
    view.details.interview_date.input.value = "2026-13-01"
    view.opportunities.select.value = "globex-analytics-engineer"
    assert view.details.interview_date.value == "2026-11-12"
    assert view.details.interview_date.error.value == ""
    view.opportunities.select.value = ACME
    assert view.details.interview_date.value == "2026-11-10"


def test_an_email_without_at_shows_a_message_and_keeps_the_address(tmp_path):
    path = tmp_path / "search.json"
    view = details_app(path)
    email = view.details.interviewer_rows[0].fields["email"]
    email.input.value = "jordan.acme.example"
    assert "Interviewer 1's e-mail must be one e-mail address" in email.error.value
    assert "you typed 'jordan.acme.example'" in email.error.value
    after_typing(view)
    assert load_workspace(path).opportunity(ACME).interviewers[0].email == "jordan@acme.example"


def test_interviewers_are_added_and_removed_from_the_form():
    view = details_app()
    details = view.details
    details.new_interviewer["name"].value = "Dana Lee"
    details.new_interviewer["email"].value = "dana@acme.example"
    details.add_interviewer.click()
    assert [c.name for c in view.session.state.opportunity(ACME).interviewers] == [
        "Jordan Rivera",
        "Dana Lee",
    ]
    assert details.new_interviewer["name"].value == ""
    assert len(details.interviewer_rows) == 2
    details.interviewer_rows[0].remove.click()
    assert [c.name for c in view.session.state.opportunity(ACME).interviewers] == ["Dana Lee"]
    assert details.interviewer_rows[0].fields["name"].value == "Dana Lee"


def test_a_new_interviewer_without_a_name_is_refused_and_the_form_kept():
    view = details_app()
    details = view.details
    details.new_interviewer["email"].value = "nobody@acme.example"
    details.add_interviewer.click()
    assert details.interviewer_message.value == "The new interviewer needs a name."
    assert details.new_interviewer["email"].value == "nobody@acme.example"
    assert len(view.session.state.opportunity(ACME).interviewers) == 1


def test_a_recruiter_is_added_by_typing_a_name():
    view = details_app()
    recruiter = view.details.recruiter
    recruiter.fields["email"].input.value = "casey@example.com"
    assert "The recruiter needs a name" in recruiter.fields["email"].error.value
    recruiter.fields["name"].input.value = "Casey Morgan"
    saved = view.session.state.opportunity(ACME).recruiter
    assert saved is not None and saved.email is None
    assert "The recruiter needs a name" in recruiter.fields["email"].error.value  # still not saved
    recruiter.fields["email"].input.value = "casey.morgan@example.com"
    saved = view.session.state.opportunity(ACME).recruiter
    assert saved is not None and saved.email == "casey.morgan@example.com"
    assert recruiter.fields["email"].error.value == ""
    recruiter.remove.click()
    assert view.session.state.opportunity(ACME).recruiter is None
    assert recruiter.fields["name"].value == ""


def test_notes_take_one_item_per_line(tmp_path):
    path = tmp_path / "search.json"
    view = details_app(path)
    view.details.notes["discussed"].input.value = "streaming\n\ndata contracts\n"
    after_typing(view)
    assert load_workspace(path).opportunity(ACME).notes.discussed == (
        "streaming",
        "data contracts",
    )
    # While typing, the box keeps the blank line and the new line just typed; shown again
    # later, it holds the items as kept.
    assert view.details.notes["discussed"].value == "streaming\n\ndata contracts\n"
    view.opportunities.select.value = "globex-analytics-engineer"
    view.opportunities.select.value = ACME
    assert view.details.notes["discussed"].value == "streaming\ndata contracts"


def test_text_fields_send_every_keystroke_so_nothing_typed_waits_in_the_page():
    view = details_app()
    assert view.details.company.input.continuous_update is True
    assert view.details.notes["learned"].input.continuous_update is True


def test_a_button_reads_the_whole_of_what_was_typed_up_to_the_last_key():
    view = details_app()
    details = view.details
    assert all(w.continuous_update for w in details.new_interviewer.values())
    for end in range(1, len("dana.li@contoso.com") + 1):
        details.new_interviewer["email"].value = "dana.li@contoso.com"[:end]
    details.new_interviewer["name"].value = "Dana Li"
    details.add_interviewer.click()
    assert view.session.state.opportunity(ACME).interviewers[-1].email == "dana.li@contoso.com"


def test_a_half_typed_email_is_shown_as_an_error_in_words_and_never_lost_from_the_field():
    view = details_app()
    email = view.details.interviewer_rows[0].fields["email"]
    email.input.value = "dana.li@cont"
    assert email.input.value == "dana.li@cont"
    assert email.error.value.startswith(
        "Interviewer 1's e-mail must be one e-mail address like name@example.com"
    )
    assert "followup-invalid" in email.input._dom_classes
    email.input.value = "dana.li@contoso.com"
    assert email.error.value == ""
    assert "followup-invalid" not in email.input._dom_classes
    assert view.session.state.opportunity(ACME).interviewers[0].email == "dana.li@contoso.com"


def test_captions_are_the_inputs_own_labels():
    view = details_app()
    assert view.details.company.input.description == "Company"
    assert view.details.notes["stronger_because"].input.description == (
        "Why I am an even stronger candidate now"
    )
    assert view.details.interviewer_rows[0].fields["email"].input.tooltip == (
        "Interviewer 1's e-mail"
    )


def test_the_writing_check_shows_beside_the_note_and_a_word_can_join_the_dictionary(tmp_path):
    path = tmp_path / "search.json"
    view = details_app(path)
    learned = view.details.notes["learned"]
    box = view.details.findings["learned"]
    assert box.root.layout.display == "none"  # the example's notes are clean
    learned.input.value = "they run a lakehous on Spark"
    assert box.root.layout.display is None
    assert [f.word for f in box.findings] == ["lakehous"]
    add = box.add_buttons["lakehous"]
    assert add.description == "Add “lakehous” to my dictionary"
    add.click()
    assert box.root.layout.display == "none"
    assert "lakehous" in view.session.state.workspace.dictionary
    assert "lakehous" in load_workspace(path).dictionary  # saved like any edit


def test_where_the_company_fact_was_learned_is_chosen_beside_it_and_saved_at_once(tmp_path):
    path = tmp_path / "search.json"
    view = details_app(path)
    source = view.details.fact_source
    row = view.details.company_fact.box
    beside = [box for box in all_widgets(view.details.root) if row in getattr(box, "children", ())]
    assert source.box in beside[0].children  # on the company fact's own row
    assert source.input.description == "Where I learned it"
    assert source.input.tooltip == "Where I learned the company fact"
    assert [label for label, _ in source.input.options] == [
        "Not said",
        "Heard at the interview",
        "Read on the website",
    ]
    assert source.input.label == "Read on the website"  # as the example's notes say
    source.input.label = "Heard at the interview"
    assert load_workspace(path).opportunity(ACME).notes.fact_source == "interview"
    assert source.error.value == ""
    source.input.label = "Not said"
    assert load_workspace(path).opportunity(ACME).notes.fact_source is None


def test_the_fact_source_shows_in_the_thank_you():
    view = details_app()
    view.opportunities.select.value = "northwind-platform-lead"
    view.details.fact_source.input.label = "Heard at the interview"
    view.show_tab(view.follow_up)
    (sentence,) = [
        line
        for line in view.follow_up.draft.value.split(". ")
        if "three new community clinics" in line
    ]
    assert "to hear" in sentence and "website" not in sentence


def test_the_fact_source_follows_the_selected_opportunity():
    view = details_app()
    assert view.details.fact_source.input.value == "website"
    view.opportunities.select.value = "globex-analytics-engineer"
    assert view.details.fact_source.input.value == ""
    view.opportunities.select.value = "pied-piper-compression"
    assert view.details.fact_source.input.label == "Heard at the interview"


def test_a_refused_fact_source_is_said_in_words_next_to_it(monkeypatch):
    view = details_app()
    details = view.session.details

    def refuse(opportunity_id, source):
        details.__class__.set_fact_source(details, opportunity_id, "radio")

    monkeypatch.setattr(details, "set_fact_source", refuse)
    source = view.details.fact_source
    source.input.value = "interview"
    assert source.error.value.startswith(
        "Where I learned the company fact must be 'interview' or 'website'"
    )
    assert view.session.state.opportunity(ACME).notes.fact_source == "website"
