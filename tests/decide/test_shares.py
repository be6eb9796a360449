"""One way to write a share, for every table and chart: never a certainty it is not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup.decide.shares import percent


@pytest.mark.parametrize(
    ("share", "written"),
    [
        (0.0, "0%"),
        (1.0, "100%"),
        (0.004, "<1%"),
        (0.0001, "<1%"),
        (0.9965, ">99%"),
        (0.9999, ">99%"),
        (0.666, "67%"),
        (0.5, "50%"),
        (0.99, "99%"),
        (0.01, "1%"),
    ],
)
def test_a_share_is_a_whole_percentage(share: float, written: str) -> None:
    assert percent(share) == written


@given(st.floats(min_value=0, max_value=1, exclude_min=True, exclude_max=True))
def test_only_exact_shares_read_as_never_or_always(share: float) -> None:
    assert percent(share) not in ("0%", "100%")


@given(st.floats(min_value=0, max_value=1), st.floats(min_value=0, max_value=1))
def test_a_larger_share_never_reads_smaller(first: float, second: float) -> None:
    def rank(text: str) -> float:
        if text == "<1%":
            return 0.5
        if text == ">99%":
            return 99.5
        return float(text.rstrip("%"))

    low, high = sorted((first, second))
    assert rank(percent(low)) <= rank(percent(high))
