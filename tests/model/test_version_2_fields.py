"""The fields format version 2 added: settings for the notes, the person's words, draft edits."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from followup.errors import ValidationError
from followup.etiquette import record_event
from followup.model import DraftEdits, Notes, Opportunity, Settings, Workspace
from followup.model.event import Event, broken_event_rules, event_problems

INTERVIEW = dt.date(2026, 11, 18)


def test_settings_default_to_us_english_and_first_names() -> None:
    assert (Settings().english, Settings().greeting) == ("US", "first_name")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"english": "British"}, "english must be 'US' or 'UK'; got 'British'"),
        ({"greeting": "Sir"}, "greeting must be 'first_name' or 'formal'; got 'Sir'"),
    ],
)
def test_a_setting_outside_its_choices_is_refused(changes: dict[str, str], message: str) -> None:
    with pytest.raises(ValidationError, match=f"^{message}$"):
        Settings(**changes)  # type: ignore[arg-type]


def test_the_dictionary_is_kept_sorted_and_once_each() -> None:
    workspace = Workspace(dictionary=["lakehouse", "CCRN", "lakehouse", " Okonkwo "])
    assert workspace.dictionary == ("CCRN", "Okonkwo", "lakehouse")
    assert workspace.with_word("dbt").dictionary == ("CCRN", "Okonkwo", "dbt", "lakehouse")


@pytest.mark.parametrize(
    ("word", "message"),
    [
        ("two words", "dictionary[0] must be one word, without spaces; got 'two words'"),
        ("", "dictionary[0] must be non-empty text; got ''"),
        ("x" * 61, "dictionary[0] must be at most 60 characters"),
    ],
)
def test_a_dictionary_entry_must_be_one_word(word: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message.replace("[", r"\[").replace("]", r"\]")):
        Workspace(dictionary=[word])


def test_where_the_fact_came_from_is_one_of_two_places() -> None:
    assert Notes(fact_source="website").fact_source == "website"
    with pytest.raises(ValidationError, match="fact_source must be 'interview' or 'website'"):
        Notes(fact_source="a friend")  # type: ignore[arg-type]


def test_draft_edits_keep_the_text_exactly_as_typed() -> None:
    body = "Dear Priya,\n\nThank you for the time.  \n"
    assert DraftEdits(thank_you=body).thank_you == body
    assert DraftEdits(thank_you="   ").thank_you is None
    assert DraftEdits(check_in=body).get("check_in") == body
    assert DraftEdits().get("thank_you") is None


def test_draft_edits_refuse_control_characters_and_huge_text() -> None:
    with pytest.raises(ValidationError, match="thank_you must be text without"):
        DraftEdits(thank_you="Dear\x00Priya")
    with pytest.raises(ValidationError, match="check_in must be at most 20000 characters"):
        DraftEdits(check_in="x" * 20_001)


def test_marking_a_note_sent_lets_go_of_its_edits_only() -> None:
    opportunity = Opportunity(
        "acme",
        "Acme",
        "Engineer",
        interview_date=INTERVIEW,
        drafts=DraftEdits(thank_you="My own words", check_in="Later words"),
    )
    workspace = Workspace(opportunities=[opportunity])
    sent = record_event(workspace, "acme", "thank_you_sent", on=INTERVIEW)
    assert sent.opportunity("acme").drafts == DraftEdits(check_in="Later words")


def test_every_version_2_field_round_trips_the_file_form() -> None:
    opportunity = Opportunity(
        "acme",
        "Acme",
        "Engineer",
        notes=Notes(company_fact="They won a grant", fact_source="interview"),
        drafts=DraftEdits(thank_you="Dear Jo,\n\nThanks."),
    )
    workspace = Workspace(
        opportunities=[opportunity],
        settings=Settings(english="UK", greeting="formal"),
        dictionary=["lakehouse"],
    )
    assert Workspace.from_dict(workspace.to_dict()) == workspace


# -- the rules events keep, written once -------------------------------------------------


def test_broken_rules_name_the_event_and_the_one_it_clashes_with() -> None:
    thanks = Event("thank_you_sent", "2026-11-19")
    check_in = Event("check_in_sent", "2026-11-18")
    broken = broken_event_rules([thanks, check_in, thanks], INTERVIEW)
    assert [(b.index, b.rule, b.earlier) for b in broken] == [
        (1, "check_in_before_thank_you", 0),
        (2, "repeated", 0),
    ]


def test_the_model_and_the_etiquette_refuse_the_same_event_for_the_same_rule() -> None:
    from followup.errors import EtiquetteError

    opportunity = Opportunity("acme", "Acme", "Engineer", interview_date=INTERVIEW)
    early = Event("thank_you_sent", "2026-11-17")
    problems = event_problems([early], INTERVIEW)
    assert [str(p) for p in problems] == [
        "events[0].date must be on or after the interview date 2026-11-18; got '2026-11-17'"
    ]
    with pytest.raises(ValidationError, match="must be on or after the interview date"):
        replace(opportunity, events=(early,))
    workspace = Workspace(opportunities=[opportunity])
    with pytest.raises(EtiquetteError, match="that is before the interview on 2026-11-18"):
        record_event(workspace, "acme", "thank_you_sent", on=early.date)
