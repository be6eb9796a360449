"""The writing check with its grammar engine: real-word errors, names, varieties, fragments."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup.errors import ValidationError
from followup.notes.writing import (
    NOTE_LEVEL_KINDS,
    English,
    Finding,
    check_writing,
    load_dictionary,
)
from followup.notes.writing.engine import MAX_CHUNK, _the_engine, chunks, unknown_words


def kinds_and_texts(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(finding.kind, finding.text) for finding in findings]


# ---------------------------------------------------------------------------
# the errors a reader notices


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("Their going to send the offer next week.", "Their", "They're"),
        ("Please let me know if their is anything else.", "their", "there"),
        ("I could tell the team takes pride in there work.", "there", "their"),
        ("Its clear that your school values families.", "Its", "It's"),
        ("I was impressed by how the store managed it's inventory.", "it's", "its"),
        ("I have a MBA from Leeds.", "a", "an"),
        ("It was an pleasure to meet you.", "an", "a"),
        ("I would of called sooner.", "would of", "would have"),
        ("I appreciated you time on Tuesday.", "you", "your"),
        ("Thank you for you're time.", "you're", "your"),
        ("Your welcome to call my previous manager.", "Your", "You're"),
        ("The new tool will effect how quickly we ship.", "effect", "affect"),
        ("The report was more detailed then I expected.", "then", "than"),
        ("I look forward to hear from you.", "hear", "hearing"),
    ],
)
def test_real_word_errors_are_found_with_the_right_word(text: str, wrong: str, right: str) -> None:
    findings = [f for f in check_writing(text) if f.text == wrong]
    assert findings, check_writing(text)
    assert findings[0].kind == "grammar"
    assert findings[0].suggestion == right
    assert text[findings[0].start : findings[0].end] == wrong


def test_a_misspelt_name_suggests_the_known_name() -> None:
    text = "Thank you for meeting with me, Aisha Rahmen."
    (finding,) = check_writing(text, known_words=["Aisha Rahman", "Northwind"])
    assert (finding.kind, finding.text, finding.suggestion) == ("name", "Rahmen", "Rahman")
    assert "'Rahman'" in finding.message


def test_a_real_word_standing_as_a_known_name_is_a_slip_for_it() -> None:
    # "Jonathon" is a name in the dictionary, but the known person is Jonathan Pierce.
    (finding,) = check_writing("Please thank Jonathon Pierce.", known_words=["Jonathan Pierce"])
    assert (finding.kind, finding.suggestion) == ("name", "Jonathan")
    (finding,) = check_writing("Dear Mark, thank you.", known_words=["Marc Haddad"])
    assert (finding.kind, finding.suggestion) == ("name", "Marc")


def test_a_word_close_to_a_known_name_elsewhere_is_left_alone() -> None:
    # "Data" is one letter from "Dana" but does not stand as a name here.
    assert check_writing("Data quality matters to me.", known_words=["Dana Whitfield"]) == []


def test_a_misspelt_company_keeps_its_possessive() -> None:
    (finding,) = check_writing("I enjoyed Northwnd's tour.", known_words=["Northwind Logistics"])
    assert (finding.kind, finding.suggestion) == ("name", "Northwind's")


def test_a_known_name_in_lowercase_is_a_capitalization_finding() -> None:
    (finding,) = check_writing("I met Ms. okafor today.", known_words=["Chidi Okafor"])
    assert (finding.kind, finding.text, finding.suggestion) == (
        "capitalization",
        "okafor",
        "Okafor",
    )


# ---------------------------------------------------------------------------
# what it leaves alone


@pytest.mark.parametrize(
    "text",
    [
        "I enjoyed the tour of the CCRN unit and the ICU.",
        "I passed my ACCA exams and know GAAP, IFRS and HIPAA.",
        "We set KPIs and OKRs every quarter.",
        "The app and the tech stack were modern.",
        "We discussed the lakehouse and the wireframes.",
        "The roadmap is ambitious.",
        "I enjoyed hearing about A&E and R&D.",
        "It was an honour to meet the team.",
        "I do pro bono work and I am paid a per diem, ad hoc, et al.",
    ],
)
def test_acronyms_workplace_words_latin_and_silent_h_are_not_flagged(text: str) -> None:
    english: English = "UK" if "honour" in text else "US"
    assert check_writing(text, english=english) == []


def test_an_acronym_in_capitals_is_not_shouting_but_a_shouted_word_is() -> None:
    assert kinds_and_texts(check_writing("The CCRN team was AMAZING.")) == [("tone", "AMAZING")]


@pytest.mark.parametrize(
    "text",
    [
        "I can send you time slots for next week.",
        "It's time to move the reports to the cloud.",
        "We had to weather the storm of a hard quarter.",
        "Thank you for the good advice.",
        "The team took its time to decide.",
        "Did you time the release for the quiet period?",
        "I'd be glad to follow up with the references.",
        "They're all very welcoming.",
    ],
)
def test_phrases_close_to_a_real_word_error_are_not_flagged(text: str) -> None:
    assert check_writing(text) == []


# ---------------------------------------------------------------------------
# English varieties


@pytest.mark.parametrize(
    ("text", "english", "flagged"),
    [
        ("I organised the colour review at the centre.", "UK", []),
        ("I organized the color review at the center.", "US", []),
        (
            "I organised the colour review at the centre.",
            "US",
            [("organised", "organized"), ("colour", "color"), ("centre", "center")],
        ),
        (
            "I organized the color review at the center.",
            "UK",
            [("color", "colour"), ("center", "centre")],
        ),
        ("We analysed the data.", "UK", []),
        ("We analyzed the data.", "UK", [("analyzed", "analysed")]),
        ("The programme was well run.", "US", [("programme", "program")]),
    ],
)
def test_the_variety_of_english_sets_the_spelling(
    text: str, english: English, flagged: list[tuple[str, str]]
) -> None:
    findings = check_writing(text, english=english)
    assert [(f.text, f.suggestion) for f in findings] == flagged
    for finding in findings:
        theirs = "British" if english == "US" else "American"
        assert theirs in finding.message


@pytest.mark.parametrize("english", ["uk", "GB", "", None])
def test_an_unknown_variety_is_refused_naming_english_and_value(english: object) -> None:
    with pytest.raises(ValidationError, match=rf"^english must be 'US' or 'UK'; got {english!r}$"):
        check_writing("Thank you.", english=english)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# known words and the user's dictionary


def test_known_words_silence_a_misspelling_and_the_finding_offers_the_word() -> None:
    text = "We talked about Brightwell and Xylonbridge."
    findings = check_writing(text)
    assert [f.word for f in findings] == ["Brightwell", "Xylonbridge"]
    assert check_writing(text, known_words=["Brightwell", "xylonbridge"]) == []


def test_only_spelling_and_name_findings_offer_a_word_for_the_dictionary() -> None:
    findings = check_writing("Hey, I would of met Rahmen.", known_words=["Rahman"])
    offered = {f.kind: f.word for f in findings}
    assert offered == {"tone": None, "grammar": None, "name": "Rahmen"}


# ---------------------------------------------------------------------------
# fragments: a debrief note item


@pytest.mark.parametrize(
    "text",
    [
        "moving the batch jobs to streaming",
        "asked about the on-call rota",
        "budget approved. two more analysts next year",
    ],
)
def test_a_fragment_need_not_be_a_sentence(text: str) -> None:
    assert check_writing(text, scope="fragment", english="UK") == []
    # The same text as a note starts a sentence in lowercase.
    assert {f.kind for f in check_writing(text, english="UK")} == {"capitalization"}


def test_a_fragment_is_still_checked_for_spelling_grammar_and_tone() -> None:
    findings = check_writing("there team uses Jira, recieved lol", scope="fragment")
    assert kinds_and_texts(findings) == [
        ("grammar", "there"),
        ("spelling", "recieved"),
        ("tone", "lol"),
    ]


def test_a_fragment_has_no_note_level_findings_and_refuses_a_kind() -> None:
    assert {"length"} == NOTE_LEVEL_KINDS
    with pytest.raises(ValidationError, match=r"^kind must be None when scope is 'fragment'"):
        check_writing("short", scope="fragment", kind="thank_you")
    with pytest.raises(ValidationError, match=r"^scope must be 'note' or 'fragment'; got 'line'$"):
        check_writing("short", scope="line")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# the engine's input


def test_chunks_cover_every_word_and_hold_whole_sentences_when_they_fit() -> None:
    sentence = "We discussed the plan for the next quarter in detail. "
    text = ("Dear Priya,\n\n" + sentence * 40 + "\n\n") * 3
    spans = list(chunks(text))
    assert all(end - start <= MAX_CHUNK for start, end in spans)
    assert all(text[start:end].strip().endswith((".", ",")) for start, end in spans)
    covered = " ".join(text[start:end] for start, end in spans)
    assert covered.split() == text.split()


def test_a_run_longer_than_a_chunk_without_a_space_is_left_out() -> None:
    text = "Hello there. " + "x" * (3 * MAX_CHUNK) + " and more words."
    spans = list(chunks(text))
    assert all("x" * 10 not in text[start:end] for start, end in spans)
    assert any("more words" in text[start:end] for start, end in spans)


@given(
    st.text(alphabet=st.sampled_from("ab .\n"), max_size=400),
    st.integers(min_value=4, max_value=40),
)
def test_chunks_are_short_in_order_and_keep_every_short_word_whole(text: str, limit: int) -> None:
    spans = list(chunks(text, limit=limit))
    assert all(0 <= start < end <= len(text) and end - start <= limit for start, end in spans)
    assert all(first[1] <= second[0] for first, second in itertools.pairwise(spans))
    for word in re.finditer(r"\S+", text):
        if len(word.group()) < limit:
            assert any(start <= word.start() and word.end() <= end for start, end in spans)


def test_a_long_run_after_a_cut_at_a_space_is_skipped_and_the_rest_checked() -> None:
    # One sentence longer than a chunk, cut at a space just before a run longer than a chunk.
    text = "We talked about plans and " * 40 + "x" * (3 * MAX_CHUNK) + " and the the end."
    (finding,) = check_writing(text)
    assert (finding.kind, finding.start) == ("repeated_word", text.index("the the"))
    assert any("the end" in text[start:end] for start, end in chunks(text))


def test_an_error_past_the_first_chunk_is_found_at_its_offset() -> None:
    text = "I enjoyed the visit. " * 200 + "I recieved the offer."
    (finding,) = check_writing(text)
    assert finding.start == text.index("recieved")


def test_lone_surrogates_do_not_break_the_check() -> None:
    text = "Thank you \ud800 for the recieved note."
    (finding,) = check_writing(text)
    assert text[finding.start : finding.end] == "recieved"


def test_unknown_words_are_told_apart_from_words_of_the_dictionary() -> None:
    assert unknown_words({"amazing", "ccrn", "hipaa", "thanks"}, "US") == {"ccrn", "hipaa"}


def test_checks_from_several_threads_at_once_agree() -> None:
    text = "Their going to review you time, Rahmen."
    expected = check_writing(text, known_words=["Rahman"])
    results: list[list[Finding]] = []

    def check() -> None:
        results.append(check_writing(text, known_words=["Rahman"]))

    threads = [threading.Thread(target=check) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 6
    assert len(expected) == 3


_CHECK_THEN_EXIT = """
from followup.notes.writing import engine
engine._Engine.WARM_UP_DELAY = 0.0  # the background set-up runs while the program ends
from followup.notes.writing import check_writing
for text in ["I saw untill there.", "Their going to the the office.", "Its a great team."]:
    check_writing(text)
print("done")
"""


@pytest.mark.slow
def test_a_program_that_ends_during_the_engines_background_set_up_ends_cleanly() -> None:
    # Without waiting for Harper at exit, about one run in four aborted here.
    for _ in range(8):
        result = subprocess.run(
            [sys.executable, "-c", _CHECK_THEN_EXIT], capture_output=True, text=True, check=False
        )
        assert (result.returncode, result.stdout.strip()) == (0, "done"), result.stderr


def test_after_loading_every_check_runs_on_the_worker_that_has_the_suggestion_automaton() -> None:
    load_dictionary()
    engine = _the_engine()
    assert engine._warm
    # A long unknown word no longer costs the automaton's one-off set-up.
    assert [f.text for f in check_writing("We met the Zyxwvutsrqp team.")] == ["Zyxwvutsrqp"]


def test_every_one_of_them_is_right_and_a_lone_every_one_is_not() -> None:
    assert check_writing("Reliable billing matters to every one of them.") == []
    findings = check_writing("Thank you to every one who came to the open day.")
    assert [(f.text, f.suggestion) for f in findings] == [("every one", "everyone")]
