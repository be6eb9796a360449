"""Refusals in the person's words: fields named as the app shows them, never a path or an id."""

from __future__ import annotations

import re

import pytest

from followup import example_workspace
from followup.errors import (
    ConflictError,
    EtiquetteError,
    Problem,
    UnknownOpportunityError,
    ValidationError,
    WorkspaceError,
)
from followup.session.wording import field_in_words, in_words, ordinal, problem_in_words
from tests.session.support import ACME, memory_session

CODE_WORDS = re.compile(r"\[\d+\]|\bNone\b|_|force=True|followup\.|acme-data-engineer")


def refusal(action) -> str:
    with pytest.raises((ValidationError, EtiquetteError, KeyError)) as caught:
        action()
    return in_words(caught.value, opportunity=example_workspace().opportunity(ACME))


def test_a_half_typed_interviewer_email_names_the_interviewer_and_what_was_typed():
    session = memory_session()
    words = refusal(lambda: session.details.set_interviewer(ACME, 0, "email", "dana.li@cont"))
    assert words == (
        "Interviewer 1's e-mail must be one e-mail address like name@example.com; "
        "you typed 'dana.li@cont'."
    )


def test_an_empty_factor_label_names_the_factor_by_its_side_and_place():
    session = memory_session()
    assert refusal(lambda: session.t_chart.set_label(ACME, 0, "  ")) == (
        "The first plus needs a label."
    )
    # acme's fifth factor is its first minus
    assert refusal(lambda: session.t_chart.set_label(ACME, 4, "")) == (
        "The first minus needs a label."
    )


def test_a_missing_owner_says_what_to_do_without_none():
    words = in_words(
        ValidationError([Problem("owner", "must be set to your name, to sign the note", None)])
    )
    assert "None" not in words
    assert words.startswith("Your name is needed to sign the note")


def test_an_event_before_the_interview_names_the_event_and_the_date():
    session = memory_session()
    words = refusal(lambda: session.details.set(ACME, "interview_date", "2026-11-20"))
    assert words.startswith("The date of the thank-you must be on or after the interview date")
    assert "2026-11-20" in words


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("interviewers[0].email", "Interviewer 1's e-mail"),
        ("interviewers[2].phone", "Interviewer 3's phone number"),
        ("recruiter.name", "The recruiter's name"),
        ("owner.email", "Your e-mail"),
        ("settings.threshold", "The pass threshold"),
        ("notes.learned[1]", "Line 2 of what I learned"),
        ("notes.company_fact", "The fact about the company"),
        ("interview_date", "The interview date"),
    ],
)
def test_fields_are_named_as_the_app_shows_them(path, expected):
    assert field_in_words(path) == expected


def test_ordinals_read_as_words_then_numbers():
    assert [ordinal(n) for n in (1, 2, 3, 10, 11, 12, 13, 21, 102)] == [
        "first", "second", "third", "tenth", "11th", "12th", "13th", "21st", "102nd",
    ]  # fmt: skip


def test_an_unknown_opportunity_is_said_without_its_id_or_the_others():
    words = in_words(
        UnknownOpportunityError(
            "opportunity_id must be the id of an opportunity in this workspace "
            "(acme-data-engineer); got 'gone'",
            opportunity_id="gone",
        )
    )
    assert "acme-data-engineer" not in words and "gone" not in words
    assert "no longer in this workspace" in words


def test_advice_for_python_users_is_left_out():
    words = in_words(
        WorkspaceError(
            "search.json is not valid JSON: Expecting value at line 1 column 1; the previous "
            "version is in search.json.bak (restore it with followup.restore_backup)"
        )
    )
    assert "followup." not in words and "restore_backup" not in words
    assert words.startswith("Search.json is not valid JSON")
    conflict = ConflictError(
        "refusing to replace x.json: ...; pass force=True to replace the file anyway",
        conflicts=(),
        conflict_copy=__import__("pathlib").Path("x.conflict-1.json"),
    )
    assert "force=True" not in in_words(conflict)
    assert "x.conflict-1.json" in in_words(conflict)


@pytest.mark.parametrize(
    "action",
    [
        lambda s: s.details.set(ACME, "company", ""),
        lambda s: s.details.set(ACME, "interview_date", "2026-02-30"),
        lambda s: s.details.set(ACME, "interview_date", "next week"),
        lambda s: s.details.set_interviewer(ACME, 0, "name", ""),
        lambda s: s.details.add_interviewer(ACME, ""),
        lambda s: s.details.set_recruiter(ACME, "email", "x@y.z"),
        lambda s: s.details.set_note(ACME, "learned", "ok\n" + "x" * 1001),
        lambda s: s.details.set_note(ACME, "company_fact", "a\x00b"),
        lambda s: s.t_chart.set_weight(ACME, 4, 11),
        lambda s: s.t_chart.set_weight(ACME, 40, 5),
        lambda s: s.t_chart.set_label(ACME, 1, "x" * 301),
        lambda s: s.settings.set("threshold", "lots"),
        lambda s: s.settings.set("check_in_after_days", "0"),
        lambda s: s.settings.set_owner("email", "me-at-home"),
        lambda s: s.debrief.answer(ACME, "learned", "  ", "note"),
        lambda s: s.opportunities.add("", ""),
        lambda s: s.follow_up.record(ACME, "thank_you_sent"),
        lambda s: s.state.select("no-such-opportunity"),
    ],
)
def test_no_refusal_the_app_can_show_holds_a_path_an_index_none_or_an_id(action):
    session = memory_session()
    words = refusal(lambda: action(session))
    assert words and words[0].isupper() and words.endswith(".")
    assert not CODE_WORDS.search(words), words


def test_each_problem_of_several_is_said():
    error = ValidationError(
        [
            Problem("company", "must be non-empty text", ""),
            Problem("role", "must be non-empty text", ""),
        ]
    )
    assert in_words(error) == "The company cannot be empty. The role cannot be empty."


def test_an_expectation_not_known_still_reads_as_a_sentence():
    words = problem_in_words(Problem("notes.fact_source", "must be 'interview' or 'website'", 3))
    # The app names the field as the details tab shows it.
    assert words == "Where I learned the company fact must be 'interview' or 'website'; not 3."
