"""The debrief: answers become pluses, minuses or notes."""

from __future__ import annotations

import pytest

from followup import ValidationError
from followup.session import DEBRIEF_QUESTIONS, NOTE_LIST_FIELDS
from tests.session.support import ACME, memory_session


def test_every_debrief_question_is_a_question_with_a_note_field():
    assert len(DEBRIEF_QUESTIONS) >= 5
    for question in DEBRIEF_QUESTIONS:
        assert question.question.endswith("?")
        assert question.note in NOTE_LIST_FIELDS


def test_a_debrief_answer_becomes_one_plus_per_line():
    session = memory_session()
    before = len(session.state.opportunity(ACME).factors)
    message = session.debrief.answer(
        ACME, "exciting", "a data platform from scratch\nequity", "plus"
    )
    factors = session.state.opportunity(ACME).factors
    assert [f.label for f in factors[before:]] == ["a data platform from scratch", "equity"]
    assert all(f.side == "plus" and f.weight == 5 for f in factors[before:])
    assert message.startswith("Added 2 pluses")


def test_a_debrief_answer_becomes_a_minus():
    session = memory_session()
    assert session.debrief.answer(ACME, "worries", "no budget for training", "minus").startswith(
        "Added 1 minus"
    )
    assert session.state.opportunity(ACME).factors[-1].side == "minus"


def test_a_debrief_answer_becomes_a_note_in_the_field_the_question_feeds():
    session = memory_session()
    session.debrief.answer(ACME, "stronger", "I shipped the same migration last year", "note")
    assert session.state.opportunity(ACME).notes.stronger_because[-1] == (
        "I shipped the same migration last year"
    )
    session.debrief.answer(ACME, "worries", "on-call load", "note")
    assert session.state.opportunity(ACME).notes.concerns[-1] == "on-call load"


def test_an_empty_debrief_answer_or_unknown_question_is_refused():
    session = memory_session()
    with pytest.raises(ValidationError, match="answer must be non-empty text"):
        session.debrief.answer(ACME, "learned", "  \n ", "note")
    with pytest.raises(ValidationError, match="question must be one of"):
        session.debrief.answer(ACME, "salary", "more", "plus")
    with pytest.raises(ValidationError, match="as must be 'plus', 'minus' or 'note'"):
        session.debrief.answer(ACME, "learned", "x", "maybe")
