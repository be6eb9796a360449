"""Encoded words for display names: short, whole characters, and joined they give the text back."""

from __future__ import annotations

import base64
from email.header import decode_header, make_header

from hypothesis import given
from hypothesis import strategies as st

from followup.export.mail_headers import MAX_ENCODED_WORD, encoded_words

# Any text a display name may hold, with plenty of spaces and wide characters.
name_text = st.text(
    st.one_of(st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")), st.just(" ")),
    min_size=1,
    max_size=300,
)


def decoded(word: str) -> str:
    """One word on its own: raises if it holds part of a character."""
    assert word.startswith("=?utf-8?b?") and word.endswith("?=")
    return base64.b64decode(word[len("=?utf-8?b?") : -2]).decode("utf-8")


@given(name_text)
def test_the_words_joined_the_standard_way_give_the_text_back(text: str) -> None:
    words = encoded_words(text)
    # Readers drop the folding space between two encoded words (RFC 2047, section 6.2).
    assert str(make_header(decode_header("\r\n ".join(words)))) == text


@given(name_text)
def test_each_word_is_short_and_holds_whole_characters(text: str) -> None:
    words = encoded_words(text)
    assert all(len(word) <= MAX_ENCODED_WORD for word in words)
    assert "".join(decoded(word) for word in words) == text


def test_a_name_that_fits_in_one_word_stays_one_word() -> None:
    assert len(encoded_words("Ōkafor Adaeze")) == 1
    assert len(encoded_words("李" * 15)) == 1  # 45 bytes: as many as one word holds
    assert len(encoded_words("李" * 16)) == 2
