"""Argument types of the command line: the same rules as the model, one message shape."""

from __future__ import annotations

import argparse

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup.cli.arguments import threshold_argument
from followup.errors import ValidationError
from followup.model import Settings


@pytest.mark.parametrize(
    ("text", "expected"), [("0", 0), ("12", 12), ("-1000", -1000), ("1000", 1000), ("2.5", 2.5)]
)
def test_threshold_reads_a_number_and_keeps_an_integer_an_integer(
    text: str, expected: float
) -> None:
    value = threshold_argument(text)
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize(
    "text", ["1000.5", "-1001", "nan", "inf", "-inf", "1e309", "high", "", "True", " "]
)
def test_threshold_refuses_what_the_model_refuses_quoting_what_was_typed(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError) as refused:
        threshold_argument(text)
    assert str(refused.value) == f"must be a number from -1000 to 1000; got {text!r}"


def test_threshold_quotes_a_huge_number_shortened() -> None:
    with pytest.raises(argparse.ArgumentTypeError) as refused:
        threshold_argument("9" * 5000)
    message = str(refused.value)
    assert message.startswith("must be a number from -1000 to 1000; got '9999")
    assert len(message) < 200


@given(st.one_of(st.integers(-2000, 2000), st.floats(allow_nan=True, allow_infinity=True)))
def test_the_threshold_option_and_the_workspace_setting_agree(number: float) -> None:
    try:
        Settings(threshold=number)
        setting_accepts = True
    except ValidationError:
        setting_accepts = False
    try:
        option = threshold_argument(repr(number))
        option_accepts = True
    except argparse.ArgumentTypeError:
        option_accepts = False
    assert option_accepts is setting_accepts
    if option_accepts:
        assert option == Settings(threshold=number).threshold
