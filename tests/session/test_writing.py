"""The writing check where notes are typed, and the person's own dictionary."""

from __future__ import annotations

import pytest

from followup import ValidationError, load_workspace
from tests.session.support import ACME, file_session, memory_session


def test_a_misspelt_word_in_a_note_item_is_found_with_its_word():
    session = memory_session()
    findings = session.writing.check(ACME, "the team ships to producton weekly")
    assert [f.word for f in findings] == ["producton"]
    assert findings[0].suggestion == "production"
    assert "producton" in findings[0].message or findings[0].fragment == "producton"


def test_a_note_item_is_a_fragment_not_a_sentence():
    session = memory_session()
    assert session.writing.check(ACME, "moving the nightly batch jobs to streaming") == ()


def test_the_people_and_the_company_are_never_flagged():
    session = memory_session()
    assert session.writing.check(ACME, "Jordan Rivera at Acme Analytics") == ()


def test_a_word_added_to_the_dictionary_is_saved_and_never_flagged_again(tmp_path):
    path = tmp_path / "search.json"
    session = file_session(path)
    assert session.writing.check(ACME, "our lakehouse migraton")
    session.writing.add_word("migraton")
    assert "migraton" in load_workspace(path).dictionary
    assert [f.word for f in session.writing.check(ACME, "our lakehouse migraton")] == [
        w for w in ["lakehouse"] if session.writing.check(ACME, "lakehouse")
    ]


@pytest.mark.parametrize("word", ["two words", "", None])
def test_only_one_word_can_be_added(word):
    session = memory_session()
    with pytest.raises(ValidationError):
        session.writing.add_word(word)
    assert session.state.workspace.dictionary == ()


def test_empty_text_has_nothing_to_find():
    assert memory_session().writing.check(ACME, "   ") == ()
