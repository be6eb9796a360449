"""The exception tree and the one message shape: `<path> must be <expectation>; got <value>`."""

from __future__ import annotations

import copy
import datetime as dt
import pickle

import numpy as np
import pytest

from followup.errors import (
    MISSING,
    EtiquetteError,
    FollowupError,
    Problem,
    UnknownOpportunityError,
    ValidationError,
    WorkspaceError,
    describe_value,
)
from followup.model import Factor, Workspace


@pytest.mark.parametrize(
    ("error", "builtin"),
    [
        (ValidationError, ValueError),
        (WorkspaceError, ValueError),
        (EtiquetteError, ValueError),
        (UnknownOpportunityError, KeyError),
    ],
)
def test_every_error_is_a_followup_error_and_the_builtin_callers_expect(
    error: type[Exception], builtin: type[Exception]
) -> None:
    assert issubclass(error, FollowupError)
    assert issubclass(error, builtin)
    assert issubclass(FollowupError, Exception)


def test_a_problem_reads_path_must_expectation_got_value() -> None:
    problem = Problem("opportunities[2].factors[0].weight", "must be an integer from 1 to 10", 12)
    assert (
        str(problem) == "opportunities[2].factors[0].weight must be an integer from 1 to 10; got 12"
    )


def test_a_problem_without_a_path_speaks_of_the_value() -> None:
    assert str(Problem("", "must be an object", [])) == "value must be an object; got []"


def test_a_missing_value_reads_got_nothing() -> None:
    assert str(Problem("company", "must be given", MISSING)) == "company must be given; got nothing"


def test_a_problem_seen_from_an_enclosing_object_gets_its_prefix() -> None:
    problem = Problem("weight", "must be an integer from 1 to 10", 12)
    assert problem.prefixed("factors[0]").path == "factors[0].weight"
    assert problem.prefixed("").path == "weight"
    indexed = Problem("[3]", "must be a Factor", None).prefixed("factors")
    assert indexed.path == "factors[3]"


def test_a_validation_error_with_one_problem_is_one_line() -> None:
    error = ValidationError([Problem("weight", "must be an integer from 1 to 10", 0)])
    assert str(error) == "weight must be an integer from 1 to 10; got 0"
    assert len(error.problems) == 1


def test_a_validation_error_lists_every_problem_counted() -> None:
    problems = [
        Problem(f"factors[{i}].weight", "must be an integer from 1 to 10", 11) for i in range(3)
    ]
    message = str(ValidationError(problems))
    assert message.splitlines()[0] == "3 problems:"
    for i in range(3):
        assert f"  - factors[{i}].weight must be an integer from 1 to 10; got 11" in message


def test_a_long_list_of_problems_is_capped_with_a_count_of_the_rest() -> None:
    problems = [Problem(f"x[{i}]", "must be text", i) for i in range(250)]
    error = ValidationError(problems)
    lines = str(error).splitlines()
    assert lines[0] == "250 problems:"
    assert lines[-1].strip() == "... and 230 more"
    assert len(lines) == 22
    assert len(error.problems) == 250, "the message is capped, the list of problems is not"


def test_a_validation_error_can_carry_a_plain_message() -> None:
    error = ValidationError("nothing to score")
    assert str(error) == "nothing to score"
    assert error.problems == ()


def test_a_validation_error_seen_from_an_enclosing_object_prefixes_every_path() -> None:
    error = ValidationError([Problem("weight", "must be an integer from 1 to 10", 0)])
    assert str(error.prefixed("factors[1]")) == (
        "factors[1].weight must be an integer from 1 to 10; got 0"
    )


@pytest.mark.parametrize(
    "clone", [copy.copy, copy.deepcopy, lambda e: pickle.loads(pickle.dumps(e))]
)
def test_a_copied_or_pickled_validation_error_keeps_its_problems(clone: object) -> None:
    with pytest.raises(ValidationError) as caught:
        Factor("Pay", "plus", 12)
    copied = clone(caught.value)  # type: ignore[operator]
    assert copied.problems == caught.value.problems
    assert str(copied) == str(caught.value)


def test_an_unknown_opportunity_error_reads_as_a_sentence_not_a_quoted_key() -> None:
    with pytest.raises(UnknownOpportunityError) as caught:
        Workspace().opportunity("ghost")
    assert not str(caught.value).startswith(("'", '"'))
    assert "'ghost'" in str(caught.value)
    assert caught.value.opportunity_id == "ghost"


def test_an_unknown_opportunity_error_survives_pickling() -> None:
    error = UnknownOpportunityError("no such opportunity", opportunity_id="ghost")
    copied = pickle.loads(pickle.dumps(error))
    assert str(copied) == "no such opportunity"
    assert copied.opportunity_id == "ghost"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (12, "12"),
        ("high", "'high'"),
        (None, "None"),
        (float("nan"), "nan"),
        (True, "True"),
        (dt.date(2026, 11, 18), "'2026-11-18'"),
        (np.int64(11), "11"),
        (np.float64(2.5), "2.5"),
    ],
)
def test_describe_value_shows_what_the_user_typed(value: object, shown: str) -> None:
    assert describe_value(value) == shown


def test_describe_value_shortens_long_text_and_keeps_the_quotes() -> None:
    shown = describe_value("x" * 500)
    assert len(shown) <= 80
    assert shown.startswith("'x") and shown.endswith("...'")


def test_describe_value_shows_hidden_characters_escaped() -> None:
    assert describe_value("Jane\u2028Bcc") == "'Jane\\u2028Bcc'"
    assert describe_value("a\x00b") == "'a\\x00b'"


def test_a_value_too_deeply_nested_to_show_is_named_by_its_type() -> None:
    nested: list[object] = []
    for _ in range(100_000):
        nested = [nested]
    assert describe_value(nested) == "a list"
