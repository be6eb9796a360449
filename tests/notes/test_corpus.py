"""The drafts of a corpus of realistic notes, read as the hiring manager who receives them.

Each case of :mod:`tests.notes.note_corpus` holds what a careful writer's
draft must and must not say; these tests hold the generated drafts to it,
and measure how much of each draft is boilerplate shared with the others.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable

import pytest

from followup.etiquette import next_step, record_event
from followup.model import Workspace
from followup.notes.compose import draft_note
from followup.notes.draft import Draft
from tests.notes.note_corpus import CASES, EMPTY_DEBRIEF, TEACHER_TO_UX, Case

STORY_DAY = dt.date(2026, 12, 1)
#: Kinds of finding that would be the note's own making, not the person's words.
OWN_MAKING = {"repeated_word", "capitalization", "tone", "placeholder"}
# Sentences that would betray pasting: a lead-in or a capital right after a frame word.
PASTED = re.compile(
    r"(?-i:\b(?:of|that|about) (?:We|They|I asked|I learned|The|Their|A|An)\b)"
    r"|(?:discussion of|conversation about|learn that|hear that) (?:we talked|we discussed|"
    r"they told|i asked|learned:)",
    re.IGNORECASE,
)


def corpus_draft(case: Case) -> Draft:
    return draft_note(case.workspace(), case.id, today=case.today, kind=case.kind, to=case.to)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_the_draft_says_what_a_careful_writer_would(case: Case) -> None:
    draft = corpus_draft(case)
    for text in case.must:
        assert text in draft.body, f"{case.id}: {text!r} is missing from\n{draft.body}"
    for text in case.must_not:
        assert text not in draft.body, f"{case.id}: {text!r} should not be in\n{draft.body}"
    assert not PASTED.search(draft.body), draft.body
    assert [f.field for f in draft.checklist] == list(case.missing)  # type: ignore[attr-defined]
    assert not {finding.kind for finding in draft.findings} & OWN_MAKING, draft.findings


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_no_sentence_is_built_twice_and_no_punctuation_doubles(case: Case) -> None:
    body = corpus_draft(case).body
    assert not re.search(r"[.!?,;:]\s*[.!?,;:]", body), body
    assert "  " not in body and " ." not in body and " ," not in body
    sentences = [s for s in split_sentences(body) if len(s.split()) > 3]
    assert len(sentences) == len(set(sentences)), body


def test_an_empty_debrief_asks_for_the_notes_instead_of_a_form_letter() -> None:
    draft = corpus_draft(EMPTY_DEBRIEF)
    assert draft.body == ""
    assert [f.kind for f in draft.findings] == ["missing"] * 3


def test_colleagues_get_notes_framed_differently() -> None:
    case = TEACHER_TO_UX
    workspace = case.workspace()
    first, second = (
        draft_note(workspace, case.id, today=case.today, to=person.name).body
        for person in case.interviewers
    )
    assert first.startswith("Dear Sam,") and second.startswith("Dear Alex,")
    assert "Alex Kim" in first and "Sam Rivera" in second
    shared = set(split_sentences(first)) & set(split_sentences(second))
    framing = [s for s in shared if len(s.split()) > 3]
    assert not [s for s in framing if "Thank you" in s or "look forward" in s], framing


# -- boilerplate: sentences shared by most drafts ------------------------------------------


def split_sentences(body: str) -> list[str]:
    """The sentences of a body (greeting, sign-off and signature count as sentences)."""
    pieces: list[str] = []
    for line in body.split("\n"):
        pieces += [p for p in re.split(r"(?<=[.!?])\s+(?=[A-Z])", line.strip()) if p]
    return pieces


def largest_shared_share(bodies: Iterable[str]) -> float:
    """The largest share of a draft's words that sit in sentences most drafts share."""
    bodies = [body for body in bodies if body]
    sentence_lists = [split_sentences(body) for body in bodies]
    counts = Counter(sentence for sentences in sentence_lists for sentence in set(sentences))
    shared = {sentence for sentence, count in counts.items() if count > len(bodies) / 2}
    shares = []
    for sentences in sentence_lists:
        total = sum(len(s.split()) for s in sentences)
        common = sum(len(s.split()) for s in sentences if s in shared)
        shares.append(common / total)
    return max(shares)


def example_drafts(workspace: Workspace) -> list[Draft]:
    """Every note the example can give on the story day, to each interviewer, and further on."""
    drafts = []
    for opportunity_id in workspace.ids:
        step = next_step(workspace, opportunity_id, today=STORY_DAY)
        for kind in step.allowed_kinds:
            for person in workspace.opportunity(opportunity_id).interviewers:
                drafts.append(
                    draft_note(
                        workspace, opportunity_id, today=STORY_DAY, kind=kind, to=person.name
                    )
                )
    later = record_event(
        workspace, "umbrella-ml-engineer", "recruiter_called", on=dt.date(2026, 11, 24)
    )
    drafts.append(draft_note(later, "umbrella-ml-engineer", today=STORY_DAY))
    drafts.append(draft_note(workspace, "initech-backend-engineer", today=dt.date(2026, 12, 9)))
    return drafts


def test_boilerplate_is_at_most_a_quarter_of_any_example_draft(workspace: Workspace) -> None:
    drafts = example_drafts(workspace)
    thank_yous = [d.body for d in drafts if d.kind == "thank_you"]
    check_ins = [d.body for d in drafts if d.kind == "check_in"]
    assert len(thank_yous) >= 4 and len(check_ins) >= 2
    assert largest_shared_share(d.body for d in drafts) <= 0.25
    assert largest_shared_share(thank_yous) <= 0.25


def test_boilerplate_is_at_most_a_quarter_of_any_corpus_draft() -> None:
    drafts = [corpus_draft(case) for case in CASES]
    assert largest_shared_share(d.body for d in drafts) <= 0.25
    assert largest_shared_share(d.body for d in drafts if d.kind == "thank_you") <= 0.25


def test_the_measure_finds_boilerplate_when_there_is_some() -> None:
    stock = "I enjoyed our conversation and came away even more enthusiastic about it."
    bodies = [f"Dear {name},\n\n{stock} {stock.replace('it', 'the role')}" for name in "ABC"]
    assert largest_shared_share(bodies) > 0.9
