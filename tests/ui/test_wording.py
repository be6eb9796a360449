"""Refusals in the person's words: no field path, index or None."""

from __future__ import annotations

import pytest

from followup.errors import FollowupError, Problem, ValidationError
from followup.ui.wording import in_words, plainly


@pytest.mark.parametrize(
    ("path", "caption"),
    [
        ("owner.email", "Your e-mail"),
        ("settings.check_in_after_days", "The days to wait before a check-in"),
        ("settings.threshold", "The pass threshold"),
        ("date", "The date"),
        ("draft.thank_you", "The note"),
        ("dictionary[3]", "The word"),
    ],
)
def test_each_field_is_named_as_the_tab_shows_it(path, caption):
    words = in_words(ValidationError([Problem(path, "must be right", "typed")]))
    assert words == f"{caption} must be right; you gave 'typed'."


def test_none_and_missing_values_are_not_shown():
    words = in_words(ValidationError([Problem("owner.name", "must be set", None)]))
    assert words == "Your name must be set."
    assert "None" not in words


def test_other_refusals_keep_their_sentence():
    assert in_words(FollowupError("Already in words.")) == "Already in words."
    assert in_words(ValidationError("A sentence of its own.")) == "A sentence of its own."


def test_plainly_raises_the_refusal_again_in_words():
    def refuse():
        raise ValidationError([Problem("settings.threshold", "must be a number", "x")])

    with pytest.raises(FollowupError, match=r"^The pass threshold must be a number"):
        plainly(refuse)
    assert plainly(lambda: 3) == 3
