"""The writing check: what it flags in a follow-up note, and what it leaves alone."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup.errors import ValidationError
from followup.notes.writing import (
    FINDING_KINDS,
    NOTE_LENGTHS,
    NOTE_LEVEL_KINDS,
    English,
    Finding,
    check_writing,
    count_words,
)

KNOWN = ("Priya Raman", "Northwind Analytics", "Alex Morgan")

THANK_YOU = """Dear Priya,

Thank you for taking the time to meet with me on Tuesday to discuss the Senior Data Engineer \
role at Northwind Analytics. I enjoyed our conversation about moving the nightly batch \
pipelines to streaming, and I appreciated hearing how the team balances delivery with careful \
code review.

I learned that the data platform team works closely with product analysts, and that the next \
quarter focuses on data quality and observability. That made me even more confident in my fit: \
I have spent three years building data quality checks in Python and SQL, and I led the rollout \
of alerting for our own warehouse, which cut incident response time by half.

I am very interested in continuing the conversation. I believe my experience would help the \
team reach its reliability goals sooner, and the role would let me grow into the architecture \
work I enjoy most.

Please let me know if I can provide anything else. I look forward to hearing from you.

Kind regards,
Alex Morgan
"""

CHECK_IN = """Dear Priya,

I hope you are well. I'm writing to follow up on my interview on March 3 for the Senior Data \
Engineer role. Did you receive my note afterwards? Has a decision been made? If not, I would \
welcome the chance to come back and make my case.

Thank you again for your time.

Best regards,
Alex Morgan
"""

BRITISH_AND_PLAIN = """Dear Dr. Okafor,

Thank you for the well-organised day at Northwind Analytics. I've thought a lot about the \
team's roadmap since, e.g. the move to a shared data catalogue, and it's exactly the kind of \
work I enjoy: I realised how much the colour-coded on-call rota helps the programme.

You'll find my portfolio at https://example.com/alex.morgan and I'm happy to share more by \
e-mail (alex.morgan@example.com) or on GitHub. We also discussed Q3 planning, SQL and Node.js.

With best wishes,
Alex Morgan
"""


def of_kind(findings: list[Finding], kind: str) -> list[Finding]:
    return [finding for finding in findings if finding.kind == kind]


# ---------------------------------------------------------------------------
# well-written notes


@pytest.mark.parametrize(
    ("text", "kind", "english"),
    [
        (THANK_YOU, "thank_you", "US"),
        (CHECK_IN, "check_in", "US"),
        (BRITISH_AND_PLAIN, None, "UK"),
    ],
    ids=["thank-you", "check-in", "british-links-acronyms"],
)
def test_well_written_notes_have_no_findings(text: str, kind: str | None, english: English) -> None:
    assert check_writing(text, known_words=[*KNOWN, "Okafor"], kind=kind, english=english) == []


def test_the_example_notes_have_the_lengths_their_kind_asks_for() -> None:
    # Guards the fixtures above: they must really sit inside the bands they are said to pass.
    low, high = NOTE_LENGTHS["thank_you"]
    assert low <= count_words(THANK_YOU) <= high
    assert count_words(CHECK_IN) <= NOTE_LENGTHS["check_in"][1]


# ---------------------------------------------------------------------------
# spelling


def test_a_typo_is_found_at_its_offset_with_the_dictionarys_suggestion() -> None:
    text = THANK_YOU.replace("careful code review", "careful code reveiw")
    (finding,) = check_writing(text, known_words=KNOWN)
    assert finding.kind == "spelling"
    assert finding.text == "reveiw"
    assert text[finding.start : finding.end] == "reveiw"
    assert finding.suggestion == "review"
    assert "'reveiw'" in finding.message and "'review'" in finding.message


def test_a_capitalised_typo_gets_a_capitalised_suggestion() -> None:
    (finding,) = check_writing("Recieve my thanks.")
    assert (finding.text, finding.suggestion) == ("Recieve", "Receive")


def test_a_misspelt_name_is_flagged_unless_it_is_a_known_word() -> None:
    text = "Dear Jnae, thank you for your time."
    assert [f.text for f in of_kind(check_writing(text), "spelling")] == ["Jnae"]
    assert of_kind(check_writing(text, known_words=["Jane Doe", "Jnae"]), "spelling") == []


def test_a_word_far_from_any_dictionary_word_says_to_add_it_to_the_dictionary() -> None:
    (finding,) = check_writing("We talked about Xylonbridge.")
    assert finding.suggestion is None
    assert "add it to your dictionary" in finding.message
    assert finding.word == "Xylonbridge"


@pytest.mark.parametrize("known", [["NORTHWIND"], ["northwind"], ["Northwind Analytics"]])
def test_known_words_match_in_any_case_and_multi_word_entries_are_split(known: list[str]) -> None:
    assert check_writing("I enjoyed meeting the Northwind team.", known_words=known) == []


def test_a_single_string_of_known_words_is_one_entry_not_its_letters() -> None:
    assert check_writing("I enjoyed meeting the Northwind team.", known_words="Northwind") == []


@pytest.mark.parametrize(
    "text",
    [
        "I'm grateful.",
        "You're kind.",
        "The team's work impressed me.",
        "I’m grateful, and we’ll see.",  # curly apostrophes
        "We don't, won't and can't stop.",
        "Northwind's roadmap is clear.",
    ],
)
def test_contractions_and_possessives_are_not_flagged(text: str) -> None:
    assert of_kind(check_writing(text, known_words=["Northwind"]), "spelling") == []


def test_hyphenated_words_are_checked_part_by_part() -> None:
    findings = check_writing("A cross-functoinal and well-organised team.", english="UK")
    assert [(f.text, f.suggestion) for f in findings] == [("functoinal", "functional")]


@pytest.mark.parametrize(
    "text",
    [
        "We use SQL and AWS.",  # acronyms
        "I saw it on GitHub and LinkedIn.",  # mixed-case brand names
        "Plans for Q3 and the 2nd phase.",  # words next to digits
        "Write to jane.doe@northwnd.example.",  # addresses
        "See https://exampel.com/recieve for more.",  # links
        "We build on Node.js and the snake_case API.",
        "We talked about onboarding, the roadmap and analytics.",  # workplace words
        "We met in 東京 and Москва.",  # other alphabets
    ],
)
def test_words_the_dictionary_cannot_judge_are_not_flagged_as_spelling(text: str) -> None:
    assert of_kind(check_writing(text), "spelling") == []


# ---------------------------------------------------------------------------
# repeated words


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("I look forward to hearing from from you.", "from from"),
        ("The the team was kind.", "The the"),
        ("I look forward to hearing from\nfrom you.", "from\nfrom"),
    ],
)
def test_a_repeated_word_is_flagged_also_across_a_line_break(text: str, fragment: str) -> None:
    (finding,) = of_kind(check_writing(text), "repeated_word")
    assert finding.text == fragment
    assert text[finding.start : finding.end] == fragment
    assert finding.suggestion == fragment.split()[0]


@pytest.mark.parametrize(
    "text", ["It had had an effect.", "Yes, yes. Yes.", "The team, team spirit.", "Bye-bye."]
)
def test_grammatical_or_punctuated_repeats_are_not_flagged(text: str) -> None:
    assert of_kind(check_writing(text), "repeated_word") == []


# ---------------------------------------------------------------------------
# capitalization


@pytest.mark.parametrize(
    ("text", "fragment", "suggestion"),
    [
        ("thank you for your time.", "thank", "Thank"),
        ("It went well. the team was kind.", "the", "The"),
        ("Dear Priya,\n\nthank you.", "thank", "Thank"),
        ("Was it received? if not, I can resend.", "if", "If"),
        ('I said "Yes." "the answer stands."', "the", "The"),
        ("Then i said yes.", "i", "I"),
        ("Then i'm sure.", "i'm", "I'm"),
        ("Kind of you, as i.", "i", "I"),
    ],
)
def test_a_sentence_start_or_lone_i_in_lowercase_is_flagged(
    text: str, fragment: str, suggestion: str
) -> None:
    (finding,) = of_kind(check_writing(text, known_words=["Priya"]), "capitalization")
    assert (finding.text, finding.suggestion) == (fragment, suggestion)
    assert text[finding.start : finding.end] == fragment


@pytest.mark.parametrize(
    "text",
    [
        "We discussed tools, e.g. the scheduler, and i.e. nothing else.",
        "I met Dr. lee and Ms. okafor.",
        "Revenue grew 3.5 times.",
        "I wrote it on an iPhone. iPhones are handy.",
        "I wonder... maybe not.",
        "See (i) and (ii).",
    ],
)
def test_abbreviations_numbers_and_brands_do_not_start_a_sentence(text: str) -> None:
    assert of_kind(check_writing(text), "capitalization") == []


def test_a_lone_i_at_a_sentence_start_is_one_finding() -> None:
    assert len(check_writing("i think so.")) == 1


# ---------------------------------------------------------------------------
# tone


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Hey Priya, thanks.", "Hey"),
        ("I am gonna apply.", "gonna"),
        ("I wanna join.", "wanna"),
        ("It was awesome.", "awesome"),
        ("It was fun lol.", "lol"),
        ("I am super excited.", "super excited"),
        ("Thank you 🎉", "🎉"),
        ("Thank you 👍🏽", "👍🏽"),
        ("Thank you :)", ":)"),
        ("Thank you!!", "!!"),
        ("Thank you!!!", "!!!"),
        ("Really?!", "?!"),
        ("It was AMAZING.", "AMAZING"),
    ],
)
def test_familiar_words_emoji_and_shouting_are_flagged_as_tone(text: str, fragment: str) -> None:
    (finding,) = of_kind(check_writing(text, known_words=["Priya"]), "tone")
    assert finding.text == fragment
    assert text[finding.start : finding.end] == fragment
    assert finding.message.endswith(".")


def test_a_familiar_word_that_is_a_known_name_is_not_flagged() -> None:
    assert check_writing("I enjoyed meeting the Hey Labs team.", known_words=["Hey Labs"]) == []


def test_familiar_words_suggest_a_plainer_word() -> None:
    suggestions = {f.text: f.suggestion for f in check_writing("I am gonna say it was awesome.")}
    assert suggestions == {"gonna": "going to", "awesome": "excellent"}


@pytest.mark.parametrize(
    "text",
    [
        "Thank you!",  # one exclamation mark is fine
        "We render HTML and JSON.",  # acronyms of four or more letters
        "The NORTHWIND team.",  # a known word in capitals
        "The meeting ran 10:30-11:00 (room 3).",
        "Hello Priya, it was a superb day.",
    ],
)
def test_plain_professional_text_has_no_tone_findings(text: str) -> None:
    assert of_kind(check_writing(text, known_words=["Northwind", "Priya"]), "tone") == []


# ---------------------------------------------------------------------------
# placeholders


@pytest.mark.parametrize(
    "fragment",
    [
        "{{ interviewer }}",
        "{% if fact %}",
        "{# note #}",
        "[NAME]",
        "[Your Name]",
        "[insert date]",
        "<NAME>",
        "{company}",
        "TODO",
        "TBD",
        "XXX",
    ],
)
def test_unfilled_placeholders_are_flagged(fragment: str) -> None:
    text = f"Dear Priya, thank you for meeting me at {fragment} on Monday."
    (finding,) = of_kind(check_writing(text, known_words=["Priya"]), "placeholder")
    assert finding.text == fragment
    assert text[finding.start : finding.end] == fragment


def test_words_inside_a_placeholder_are_not_also_flagged_as_spelling_or_tone() -> None:
    findings = check_writing("Dear {{ intervewer_nmae }}, [AWESOME NAME] here.")
    assert {f.kind for f in findings} == {"placeholder"}


@pytest.mark.parametrize(
    "text", ["The quote was cut [...] here.", 'AT&T "R&D" <Legal> wrote.', "It read [sic] so."]
)
def test_brackets_that_are_not_placeholders_are_left_alone(text: str) -> None:
    assert of_kind(check_writing(text), "placeholder") == []


# ---------------------------------------------------------------------------
# length


def words(count: int) -> str:
    return " ".join(("Thanks", "again")[index % 2] for index in range(count)) + "."


def test_length_is_only_checked_when_the_kind_of_note_is_given() -> None:
    assert of_kind(check_writing(words(400)), "length") == []


@pytest.mark.parametrize(
    ("kind", "count", "flagged"),
    [
        ("thank_you", 119, True),
        ("thank_you", 120, False),
        ("thank_you", 250, False),
        ("thank_you", 251, True),
        ("check_in", 1, False),
        ("check_in", 120, False),
        ("check_in", 121, True),
    ],
)
def test_length_finding_at_the_edges_of_each_band(kind: str, count: int, flagged: bool) -> None:
    findings = of_kind(check_writing(words(count), kind=kind), "length")
    assert bool(findings) is flagged
    if flagged:
        assert str(count) in findings[0].message


def test_a_note_too_long_is_flagged_from_the_first_word_over_the_limit() -> None:
    text = words(130)
    (finding,) = check_writing(text, kind="check_in")
    assert finding.start == len("Thanks again ") * 60
    assert count_words(finding.text) == 10


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("well-organised day", 2),
        ("it's the team's", 3),
        ("Room 10, 10:30 - 11:00", 1),
        ("— a — b", 2),
        ("", 0),
    ],
)
def test_words_are_runs_of_letters_apostrophes_and_hyphens(text: str, count: int) -> None:
    assert count_words(text) == count


# ---------------------------------------------------------------------------
# the contract


@pytest.mark.parametrize("kind", ["memo", "", "THANK_YOU"])
def test_an_unknown_kind_is_refused_naming_kind_and_value(kind: str) -> None:
    expected = rf"^kind must be None, 'thank_you' or 'check_in'; got {kind!r}$"
    with pytest.raises(ValidationError, match=expected):
        check_writing("Thank you.", kind=kind)


def test_text_that_is_not_text_is_refused() -> None:
    with pytest.raises(ValidationError, match="text must be text; got None"):
        check_writing(None)  # type: ignore[arg-type]


def test_known_words_that_are_not_text_are_refused_naming_the_entry() -> None:
    with pytest.raises(ValidationError, match=r"known_words\[1\] must be text; got 3"):
        check_writing("Thank you.", known_words=["Acme", 3])  # type: ignore[list-item]


def test_findings_are_sorted_by_position() -> None:
    findings = check_writing("hey TODO. the the recieve!!")
    starts = [finding.start for finding in findings]
    assert starts == sorted(starts)
    assert {f.kind for f in findings} >= {"tone", "placeholder", "repeated_word", "spelling"}


@settings(max_examples=150, deadline=None)
@given(
    st.text(max_size=300),
    st.sampled_from([None, "thank_you", "check_in"]),
    st.sampled_from(["US", "UK"]),
)
def test_any_text_gives_findings_that_point_at_their_fragment(
    text: str, kind: str | None, english: English
) -> None:
    findings = check_writing(text, kind=kind, english=english)
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    for finding in findings:
        assert finding.kind in FINDING_KINDS
        assert text[finding.start : finding.end] == finding.text
        assert finding.message
    # A fragment gets what the note gets, less the sentence capitals and the note's length.
    note = [f for f in check_writing(text, english=english) if f.kind not in NOTE_LEVEL_KINDS]
    fragment = check_writing(text, scope="fragment", english=english)
    capitals = "capitalization"
    assert [f for f in fragment if f.kind != capitals] == [f for f in note if f.kind != capitals]
    fragment_capitals = [f for f in fragment if f.kind == capitals]
    assert {f.start for f in fragment_capitals} <= {f.start for f in note if f.kind == capitals}
    assert not [f for f in fragment_capitals if f.message.startswith("Start the sentence")]


@pytest.mark.slow
def test_importing_the_module_does_not_load_the_engine() -> None:
    code = (
        "import sys, followup.notes.writing\n"
        "print(sorted({'harper', 'spellchecker'} & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_a_word_beside_an_acronym_that_spells_it_is_not_a_repeated_word() -> None:
    findings = check_writing("I enjoyed my time at AT&T and in the IT team.")
    assert [f for f in findings if f.kind == "repeated_word"] == []


def test_a_repeated_word_in_another_case_is_still_found() -> None:
    findings = check_writing("The the team was welcoming.")
    assert [f.text for f in findings if f.kind == "repeated_word"] == ["The the"]


def test_the_length_message_counts_one_word_in_the_singular() -> None:
    text = "Thank you. " + "Word " * 120
    (finding,) = [f for f in check_writing(text, kind="check_in") if f.kind == "length"]
    assert "Cut about 2 words." in finding.message
    shorter = check_writing("Thank you. " + "Word " * 119, kind="check_in")
    (finding,) = [f for f in shorter if f.kind == "length"]
    assert "Cut about 1 word." in finding.message
