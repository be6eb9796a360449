"""Phrasings chosen the same way every time, different across opportunities and colleagues."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from followup.notes.variants import UK_SPELLINGS, Chooser, spelled
from tests.strategies import slugs


@given(slugs, st.integers(min_value=0, max_value=5), st.integers(min_value=2, max_value=5))
def test_a_choice_is_stable_and_colleagues_never_share_it(
    opportunity_id: str, index: int, count: int
) -> None:
    choices = [f"phrasing {n}" for n in range(count)]
    chooser = Chooser(opportunity_id, index)
    assert chooser.pick("closing", choices) == Chooser(opportunity_id, index).pick(
        "closing", choices
    )
    colleague = Chooser(opportunity_id, (index + 1) % count)
    assert chooser.pick("closing", choices) != colleague.pick("closing", choices)


def test_different_opportunities_use_every_phrasing() -> None:
    choices = ["a", "b", "c", "d"]
    picked = {Chooser(f"opportunity-{n}").pick("closing", choices) for n in range(40)}
    assert picked == set(choices)


def test_uk_spelling_applies_to_framing_words_only_when_asked() -> None:
    for us, uk in UK_SPELLINGS.items():
        assert spelled(f"I {us} it.", "UK") == f"I {uk} it."
        assert spelled(f"I {us} it.", "US") == f"I {us} it."
    assert spelled("unrealized", "UK") == "unrealized"
