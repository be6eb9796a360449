"""The parts of the writing check: sentence starts, overlapping findings, known words."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup.notes.writing import Finding
from followup.notes.writing.findings import resolve_overlaps
from followup.notes.writing.known_words import KnownWords, edit_distance, slip_distance
from followup.notes.writing.tokens import Tokens


def starts(text: str) -> list[str]:
    tokens = Tokens.read(text)
    return [tokens.words[index].group() for index in sorted(tokens.sentence_starts)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One two. Three four! Five? Six", ["One", "Three", "Five", "Six"]),
        ('He said "yes." "Then" we went.', ["He", "Then"]),
        ("Dear Priya,\n\nthank you.\n  \nBest", ["Dear", "thank", "Best"]),
        ("We use tools, e.g. the planner. Dr. Lee agreed.", ["We", "Dr"]),
        ("Revenue grew 3.5 times.", ["Revenue"]),
        ("Wait... then go.", ["Wait"]),
        ("  (First) words", ["First"]),
        ("See www.example.com. the next", ["See", "the"]),
    ],
)
def test_sentence_starts(text: str, expected: list[str]) -> None:
    assert starts(text) == expected


def test_sentence_starts_of_a_long_run_of_blank_lines_and_dots() -> None:
    text = "one." + "\n\n" * 5000 + "two" + "..." * 5000 + " three"
    assert starts(text) == ["one", "two"]


def finding(kind: str, start: int, text: str) -> Finding:
    return Finding(kind, text, start, "Fix it.", None)


def test_the_finding_of_the_kind_that_takes_precedence_is_kept() -> None:
    engine_spelling = finding("spelling", 4, "TODO")
    placeholder = finding("placeholder", 4, "TODO")
    tone = finding("tone", 10, "lol")
    engine_lol = finding("spelling", 10, "lol")
    assert resolve_overlaps([engine_spelling, engine_lol, placeholder, tone]) == [
        placeholder,
        tone,
    ]


def test_capitalization_and_a_repeated_word_at_one_place_are_both_kept() -> None:
    repeated = finding("repeated_word", 0, "the the")
    capital = finding("capitalization", 0, "the")
    assert resolve_overlaps([capital, repeated]) == [repeated, capital]


def test_of_two_findings_of_one_kind_at_one_place_the_first_listed_is_kept() -> None:
    ours = finding("capitalization", 3, "i")
    theirs = Finding("capitalization", "i", 3, "Harper says so.", "I")
    assert resolve_overlaps([ours, theirs]) == [ours]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["spelling", "grammar", "tone", "capitalization", "name"]),
            st.integers(0, 40),
            st.integers(0, 6),
        ),
        max_size=30,
    )
)
def test_kept_findings_of_one_layer_never_overlap(items: list[tuple[str, int, int]]) -> None:
    findings = [finding(kind, start, "x" * length) for kind, start, length in items]
    kept = resolve_overlaps(findings)
    assert [f.start for f in kept] == sorted(f.start for f in kept)
    words = [f for f in kept if f.kind != "capitalization"]
    for first, second in itertools.pairwise(words):
        assert max(first.end, first.start + 1) <= second.start
    assert set(kept) <= set(findings)


@pytest.mark.parametrize(
    ("first", "second", "distance"),
    [
        ("rahmen", "rahman", 1),
        ("recieve", "receive", 1),
        ("nguyn", "nguyen", 1),
        ("okafor", "orator", 2),
        ("abc", "abc", 0),
        ("", "abc", 3),
        ("northwnd", "northwind", 1),
    ],
)
def test_edit_distance(first: str, second: str, distance: int) -> None:
    assert edit_distance(first, second, 3) == distance
    assert edit_distance(second, first, 3) == distance


def test_edit_distance_stops_past_its_limit() -> None:
    assert edit_distance("abcdefgh", "zyxwvuts", 2) == 3


def test_known_words_find_the_closest_name_and_keep_possessives() -> None:
    known = KnownWords.from_entries(["Aisha Rahman", "Jane O'Neil", "lakehouse"])
    assert "O’NEIL" in known and "Rahman's" in known and "rahmen" not in known
    assert known.closest("Rahmen") == "Rahman"
    assert known.closest("Rahmen's") == "Rahman's"
    assert known.closest("Rahman") is None  # known words are not slips
    assert known.closest("Zed") is None
    assert known.is_name("rahman") and not known.is_name("lakehouse")


def closest_by_full_scan(known: KnownWords, word: str) -> str | None:
    """What the deletion index must agree with: every known word measured."""
    lowered = word.lower()
    if len(lowered) < 3 or lowered in known.spelled:
        return None
    limit = slip_distance(lowered)
    best: tuple[int, int] | None = None
    for order, candidate in enumerate(known.spelled):
        if len(candidate) >= 3 and abs(len(candidate) - len(lowered)) <= limit:
            distance = edit_distance(lowered, candidate, limit)
            if distance <= limit and (best is None or (distance, order) < best):
                best = (distance, order)
    return None if best is None else list(known.spelled.values())[best[1]]


@given(
    st.lists(st.text(alphabet="abcde", min_size=1, max_size=9), max_size=25),
    st.text(alphabet="abcde", min_size=1, max_size=9),
)
def test_the_closest_known_word_is_the_one_a_full_scan_finds(entries: list[str], word: str) -> None:
    known = KnownWords.from_entries(entries)
    assert known.closest(word) == closest_by_full_scan(known, word)
