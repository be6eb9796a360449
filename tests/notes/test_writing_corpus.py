"""The writing check on the corpus: most real errors caught, few correct sentences flagged.

The corpus (tests/notes/writing_corpus/) holds sentences with one labelled error
each and correct professional sentences, from several fields, in US and UK
English. ``python -m tests.notes.writing_corpus`` prints the figures with every
miss and false alarm.
"""

from __future__ import annotations

from collections import Counter

import pytest

from tests.notes.writing_corpus import Entry, Score, load, score

CAUGHT_GOAL = 0.85
FALSE_ALARM_GOAL = 0.05


@pytest.fixture(scope="module")
def errors() -> list[Entry]:
    return load("errors")


@pytest.fixture(scope="module")
def correct() -> list[Entry]:
    return load("correct")


@pytest.fixture(scope="module")
def result(errors: list[Entry], correct: list[Entry]) -> Score:
    return score(errors, correct)


def test_the_corpus_is_large_and_varied_enough_to_mean_something(
    errors: list[Entry], correct: list[Entry]
) -> None:
    for entries in (errors, correct):
        assert len(entries) >= 60
        varieties = Counter(entry.english for entry in entries)
        assert set(varieties) == {"US", "UK"}
        assert min(varieties.values()) >= 25
        assert len({entry.field for entry in entries}) >= 8
        assert {entry.scope for entry in entries} == {"note", "fragment"}
    assert len({entry.error for entry in errors}) >= 30
    for entry in errors:
        start, end = entry.error_span()  # every labelled error is in its sentence
        assert end > start and entry.error
    assert not [entry for entry in correct if entry.error or entry.fragment]
    assert len({entry.text for entry in errors + correct}) == len(errors) + len(correct)


@pytest.mark.slow
@pytest.mark.parametrize("english", [None, "US", "UK"], ids=["all", "US", "UK"])
def test_most_errors_are_caught_and_few_correct_sentences_flagged(
    result: Score, english: str | None
) -> None:
    assert result.caught_rate(english) >= CAUGHT_GOAL, result.report()
    assert result.false_alarm_rate(english) <= FALSE_ALARM_GOAL, result.report()
