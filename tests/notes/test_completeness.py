"""What the notes do not give the thank-you: a checklist whose items point at the fields."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from followup.errors import ValidationError
from followup.model import Contact, Factor, Notes, Opportunity, Workspace
from followup.notes.completeness import NoteFinding, missing_parts
from followup.notes.compose import draft_note
from followup.notes.draft import Draft
from followup.notes.writing import FINDING_KINDS

INTERVIEW = dt.date(2026, 11, 20)
COMPLETE = Notes(
    discussed=("retrying failed card payments safely",),
    learned=("the team is replacing its billing service next year",),
    stronger_because=("I built an idempotent payments queue at my last job",),
    exciting=("the billing rewrite",),
    company_fact="Initech moved its payments to a new processor this year",
    fact_comment="it shows the team takes reliability seriously",
)


def draft(notes: Notes, **changes: object) -> Draft:
    opportunity = Opportunity(
        id="initech",
        company="Initech",
        role="Backend Engineer",
        interview_date=INTERVIEW,
        interviewers=(Contact("Bill Lumbergh", email="bill@initech.example"),),
        factors=(Factor("Interesting payments domain", "plus", 6),),
        notes=notes,
    )
    opportunity = replace(opportunity, **changes)
    workspace = Workspace(
        opportunities=(opportunity,), owner=Contact("Alex Example", email="a@x.example")
    )
    return draft_note(workspace, "initech", today=INTERVIEW)


@pytest.mark.parametrize(
    ("changes", "fields"),
    [
        ({}, []),
        ({"discussed": ()}, []),
        ({"discussed": (), "learned": ()}, ["notes.discussed"]),
        ({"stronger_because": ()}, ["notes.stronger_because"]),
        ({"company_fact": "", "fact_comment": ""}, ["notes.company_fact"]),
        ({"fact_comment": ""}, ["notes.fact_comment"]),
        (
            {"discussed": (), "learned": (), "stronger_because": (), "company_fact": ""},
            ["notes.discussed", "notes.stronger_because", "notes.company_fact"],
        ),
    ],
)
def test_each_missing_part_is_one_finding_pointing_at_its_field(
    changes: dict[str, object], fields: list[str]
) -> None:
    note = draft(replace(COMPLETE, **changes))  # type: ignore[arg-type]
    assert [finding.field for finding in note.checklist] == fields  # type: ignore[attr-defined]
    for finding in note.checklist:
        assert isinstance(finding, NoteFinding) and finding.kind == "missing"
        assert finding.field in finding.message
        assert finding.start == len(note.body) and finding.text == ""
    assert note.findings[len(note.findings) - len(fields) :] == note.checklist


def test_the_finding_kinds_are_known_to_the_writing_check() -> None:
    assert {"missing", "note_item", "name"} <= set(FINDING_KINDS)


def test_nothing_is_claimed_that_the_notes_do_not_support() -> None:
    body = draft(Notes(discussed=("the new seasonal menu",))).body
    for claim in ("strong fit", "confident", "that experience", "excited", "win", "learn"):
        assert claim not in body, claim
    assert "the new seasonal menu" in body


def test_an_empty_debrief_gives_an_empty_body_and_the_list_of_what_to_fill_in(
    tmp_path: Path,
) -> None:
    note = draft(Notes(concerns=("the commute",)))
    assert note.body == ""
    assert [f.field for f in note.findings] == [  # type: ignore[attr-defined]
        "notes.discussed",
        "notes.stronger_because",
        "notes.company_fact",
    ]
    assert note.subject == "Thank you for the Backend Engineer interview"
    with pytest.raises(ValidationError, match=r"body must not be empty: fill in notes.discussed"):
        note.save(tmp_path, format="md")
    with pytest.raises(ValidationError, match=r"notes\.stronger_because"):
        note.to_eml()
    assert list(tmp_path.iterdir()) == []
    # Writing the note by hand is still checked and can then be saved.
    written = note.with_body("Dear Bill,\n\nThank you for your time.\n\nBest regards,\nAlex")
    assert [f.field for f in written.checklist] == [f.field for f in note.checklist]  # type: ignore[attr-defined]
    assert written.save(tmp_path, format="md").exists()


def test_an_item_too_long_to_stitch_stands_alone_and_is_reported_where_it_is() -> None:
    long_item = (
        "we spent most of the hour on the move from paper files to the new system and on how "
        "the seniors review the work of the staff during the busy season"
    )
    note = draft(replace(COMPLETE, discussed=(long_item,)))
    (finding,) = [f for f in note.findings if f.kind == "note_item"]
    assert finding.field == "notes.discussed[0]"  # type: ignore[attr-defined]
    assert note.body[finding.start : finding.end] == finding.text
    assert finding.text.startswith("We spent most of the hour") and finding.text.endswith(".")
    assert "too long" in finding.message
    assert '<mark class="followup-finding followup-note_item"' in note.html_preview()


def test_an_item_with_nothing_after_its_lead_in_is_left_out_and_reported() -> None:
    note = draft(replace(COMPLETE, discussed=("We talked about", "retrying payments")))
    assert "We talked about" not in note.body and "retrying payments" in note.body
    (finding,) = [f for f in note.findings if f.kind == "note_item"]
    assert finding.field == "notes.discussed[0]" and finding.text == ""  # type: ignore[attr-defined]


def test_a_name_typed_in_lower_case_is_capitalised_and_reported() -> None:
    people = (Contact("bill lumbergh"), Contact("sam okafor"))
    note = draft(COMPLETE, interviewers=people)
    assert note.body.startswith("Dear Bill,") and "Sam Okafor" in note.body
    names = {f.field: f.text for f in note.findings if f.kind == "name"}  # type: ignore[attr-defined]
    assert names == {"interviewers[0].name": "Bill", "interviewers[1].name": "Sam Okafor"}


def test_missing_parts_from_notes_alone() -> None:
    assert missing_parts(COMPLETE) == ()
    (finding,) = missing_parts(replace(COMPLETE, fact_comment=""), at=7)
    assert (finding.field, finding.start) == ("notes.fact_comment", 7)
