"""Scoring exactly as documented: totals, balance, ratio, verdict, rank and row order."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pandas as pd
import pytest

from followup.decide.frames import factors_frame
from followup.decide.honesty import honesty_checks
from followup.decide.scoring import SCORE_COLUMNS, score, verdict_for
from followup.errors import ValidationError
from followup.model import Factor, Opportunity, Settings, Workspace


def plus(weight: int, label: str = "good") -> Factor:
    return Factor(label, "plus", weight)


def minus(weight: int, label: str = "bad") -> Factor:
    return Factor(label, "minus", weight)


def opportunity(identifier: str, *factors: Factor) -> Opportunity:
    return Opportunity(identifier, identifier.upper(), "Engineer", factors=factors)


def workspace(*opportunities: Opportunity, threshold: float = 0) -> Workspace:
    return Workspace(opportunities=opportunities, settings=Settings(threshold=threshold))


# ---------------------------------------------------------------------------
# the table


def test_score_has_the_documented_columns_and_index() -> None:
    table = score(workspace(opportunity("a", plus(3))))
    assert table.index.name == "opportunity"
    assert list(table.columns) == list(SCORE_COLUMNS)
    for column in ("company", "plus", "minus", "balance", "ratio", "verdict", "rank", "n_factors"):
        assert column in table.columns


def test_totals_balance_and_ratio_follow_the_definition() -> None:
    table = score(workspace(opportunity("a", plus(8), plus(5), minus(6), minus(3), minus(1))))
    row = table.loc["a"]
    assert row["plus"] == 8 + 5
    assert row["minus"] == 6 + 3 + 1, "minus is a positive total"
    assert row["balance"] == (8 + 5) - (6 + 3 + 1)
    assert row["ratio"] == pytest.approx(13 / (13 + 10))
    assert (row["n_factors"], row["n_plus"], row["n_minus"]) == (5, 2, 3)
    assert row["company"] == "A"


def test_numbers_are_integers_and_ratio_is_a_float() -> None:
    table = score(workspace(opportunity("a", plus(3)), opportunity("b")))
    for column in ("plus", "minus", "balance", "rank", "n_factors", "n_plus", "n_minus"):
        assert table[column].dtype == "int64", column
    assert table["ratio"].dtype == "float64"


@pytest.mark.parametrize(
    ("factors", "verdict"),
    [
        ((plus(5), minus(4)), "pass"),
        ((plus(5), minus(5)), "undecided"),
        ((plus(4), minus(5)), "fail"),
    ],
)
def test_verdict_compares_the_balance_with_the_default_threshold_of_0(
    factors: tuple[Factor, ...], verdict: str
) -> None:
    assert score(workspace(opportunity("a", *factors))).loc["a", "verdict"] == verdict


def test_the_workspace_threshold_setting_is_used() -> None:
    ws = workspace(opportunity("a", plus(7), minus(4)), threshold=3)
    assert score(ws).loc["a", "verdict"] == "undecided"
    assert (
        score(dataclasses.replace(ws, settings=Settings(threshold=2))).loc["a", "verdict"] == "pass"
    )
    assert (
        score(dataclasses.replace(ws, settings=Settings(threshold=4))).loc["a", "verdict"] == "fail"
    )


def test_an_explicit_threshold_overrides_the_setting() -> None:
    ws = workspace(opportunity("a", plus(7), minus(4)), threshold=3)
    assert score(ws, threshold=0).loc["a", "verdict"] == "pass"
    assert score(ws, threshold=10).loc["a", "verdict"] == "fail"
    assert score(ws, threshold=2.5).loc["a", "verdict"] == "pass"
    assert score(ws, threshold=np.int64(3)).loc["a", "verdict"] == "undecided"


@pytest.mark.parametrize("threshold", [math.nan, math.inf, -math.inf, "0", True, [0], 1001])
def test_a_threshold_must_be_a_number_the_setting_would_take(threshold: object) -> None:
    expected = r"^threshold must be a number from -1000 to 1000; got "
    with pytest.raises(ValidationError, match=expected):
        score(workspace(), threshold=threshold)  # type: ignore[arg-type]


def test_verdict_for_matches_the_table() -> None:
    assert [verdict_for(b, 1) for b in (2, 1, 0)] == ["pass", "undecided", "fail"]
    assert verdict_for(0.5, 0.25) == "pass"


def test_rank_one_is_the_highest_balance_and_ties_share_the_smaller_rank() -> None:
    ws = workspace(
        opportunity("low", minus(2)),  # -2
        opportunity("top", plus(9)),  # 9
        opportunity("tie-a", plus(4)),  # 4
        opportunity("tie-b", plus(6), minus(2)),  # 4
        opportunity("last", minus(9)),  # -9
    )
    table = score(ws)
    assert table["rank"].to_dict() == {"top": 1, "tie-a": 2, "tie-b": 2, "low": 4, "last": 5}


def test_rows_are_in_rank_order_with_ties_in_workspace_order() -> None:
    ws = workspace(
        opportunity("c", plus(1)),
        opportunity("a", plus(5)),
        opportunity("d", plus(1)),
        opportunity("b", plus(5)),
        opportunity("e"),
    )
    table = score(ws)
    assert table.index.tolist() == ["a", "b", "c", "d", "e"]
    assert table["rank"].is_monotonic_increasing


def test_an_empty_workspace_scores_to_an_empty_table_with_the_columns() -> None:
    table = score(Workspace())
    assert table.empty
    assert list(table.columns) == list(SCORE_COLUMNS)
    assert table.index.name == "opportunity"


# ---------------------------------------------------------------------------
# RELIABILITY row 20: no factors, only pluses, only minuses


def test_one_sided_and_empty_lists_get_defined_verdicts_without_nan_balances() -> None:
    ws = workspace(
        opportunity("none"),
        opportunity("only-pluses", plus(3), plus(4)),
        opportunity("only-minuses", minus(2), minus(5)),
    )
    table = score(ws)  # no ZeroDivisionError, no warning (warnings are errors here)
    assert not table[["plus", "minus", "balance", "rank", "n_factors"]].isna().any().any()
    assert table.loc["none", ["plus", "minus", "balance", "n_factors"]].tolist() == [0, 0, 0, 0]
    assert math.isnan(table.loc["none", "ratio"])
    assert table.loc["only-pluses", "ratio"] == 1.0
    assert table.loc["only-minuses", "ratio"] == 0.0
    assert table["verdict"].to_dict() == {
        "only-pluses": "pass",
        "none": "undecided",
        "only-minuses": "fail",
    }
    warned = honesty_checks(ws).groupby("opportunity")["check"].apply(set).to_dict()
    assert warned == {
        "none": {"too_few_factors"},
        "only-pluses": {"too_few_factors", "no_minuses"},
        "only-minuses": {"too_few_factors", "no_pluses"},
    }


def test_an_opportunity_without_factors_is_ranked_with_a_balance_of_0() -> None:
    table = score(
        workspace(opportunity("up", plus(1)), opportunity("none"), opportunity("down", minus(1)))
    )
    assert table.index.tolist() == ["up", "none", "down"]
    assert table["rank"].tolist() == [1, 2, 3]


# ---------------------------------------------------------------------------
# scoring a factors frame


def example_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "opportunity": ["b", "a", "b", "a", "c"],
            "company": ["Beta", "Alpha", "Beta", "Alpha", "Gamma"],
            "side": ["plus", "plus", "minus", "minus", "minus"],
            "weight": [6, 3, 2, 3, 1],
        }
    )


def test_a_factors_frame_scores_like_its_workspace_for_opportunities_with_factors() -> None:
    ws = workspace(
        opportunity("a", plus(8), minus(3)),
        opportunity("none"),
        opportunity("b", minus(4), plus(4), plus(1)),
    )
    from_frame = score(factors_frame(ws))
    from_workspace = score(ws).drop(index="none")
    pd.testing.assert_frame_equal(from_frame, from_workspace, check_index_type=False)


def test_a_factors_frame_knows_only_the_opportunities_it_lists() -> None:
    table = score(example_frame())
    assert sorted(table.index) == ["a", "b", "c"]
    assert table.loc["b", ["plus", "minus", "balance"]].tolist() == [6, 2, 4]
    assert table.loc["a", "verdict"] == "undecided"
    assert table.loc["c", "company"] == "Gamma"


def test_a_factors_frame_uses_the_explicit_threshold_or_0() -> None:
    ws = workspace(opportunity("a", plus(5), minus(3)), threshold=5)
    frame = factors_frame(ws)
    assert score(ws).loc["a", "verdict"] == "fail"
    assert score(frame).loc["a", "verdict"] == "pass", "a frame does not know the setting"
    assert score(frame, threshold=2).loc["a", "verdict"] == "undecided"


def test_a_factors_frame_without_a_company_column_is_scored() -> None:
    table = score(example_frame().drop(columns="company"))
    assert table["company"].isna().all()
    assert table.loc["b", "balance"] == 4


def test_a_frame_ties_keep_the_order_of_first_appearance() -> None:
    frame = pd.DataFrame({"opportunity": ["z", "y", "x"], "side": "plus", "weight": [2, 2, 2]})
    assert score(frame).index.tolist() == ["z", "y", "x"]


def test_an_empty_factors_frame_scores_to_an_empty_table() -> None:
    table = score(factors_frame(Workspace()))
    assert table.empty
    assert list(table.columns) == list(SCORE_COLUMNS)


@pytest.mark.parametrize(
    "weight",
    [math.nan, math.inf, -math.inf, float("1e309"), "high", True, None, 0, 11, 2.5, -1],
    ids=repr,
)
def test_a_frame_weight_that_is_not_an_integer_from_1_to_10_is_refused_before_scoring(
    weight: object,
) -> None:
    # RELIABILITY row 19: pandas would silently skip a NaN in a sum.
    frame = example_frame()
    frame["weight"] = frame["weight"].astype(object)
    frame.loc[3, "weight"] = weight
    with pytest.raises(ValidationError) as caught:
        score(frame)
    (problem,) = caught.value.problems
    assert problem.path == "weight[3]"
    assert problem.expectation == "must be an integer from 1 to 10"


@pytest.mark.parametrize(
    "column",
    [
        pd.Series([6.0, 3.0, 2.0, math.nan, 1.0]),
        pd.Series([6, 3, 2, None, 1], dtype="Int64"),
        pd.Series(["6", "3", "2", "high", "1"]),
        pd.Series([True, True, False, True, True]),
        pd.Series([6, 3, 2, 12, 1], dtype="int8"),
    ],
    ids=["float-nan", "nullable-na", "text", "bool", "int8-12"],
)
def test_bad_weights_are_refused_whatever_the_column_type(column: pd.Series) -> None:
    frame = example_frame().assign(weight=column)
    with pytest.raises(ValidationError, match=r"weight\[\d\] must be an integer from 1 to 10"):
        score(frame)


@pytest.mark.parametrize(
    "column",
    [
        pd.Series([6, 3, 2, 3, 1], dtype=object),
        pd.Series([6.0, 3.0, 2.0, 3.0, 1.0]),
        pd.Series([6, 3, 2, 3, 1], dtype="Int64"),
        pd.Series([6, 3, 2, 3, 1], dtype="uint8"),
    ],
    ids=["object", "float", "nullable", "uint8"],
)
def test_whole_number_weights_of_any_column_type_are_accepted(column: pd.Series) -> None:
    table = score(example_frame().assign(weight=column))
    assert table.loc["b", "balance"] == 4
    assert table["plus"].dtype == "int64"


def test_every_bad_row_of_a_frame_is_reported_by_its_index_label() -> None:
    frame = example_frame()
    frame.index = pd.Index([10, 20, 30, 40, 50])
    frame["weight"] = [6, 0, 2, 11, 1]
    frame["side"] = ["plus", "plus", "up", "minus", "minus"]
    with pytest.raises(ValidationError) as caught:
        score(frame)
    assert [str(p) for p in caught.value.problems] == [
        "side[30] must be 'plus' or 'minus'; got 'up'",
        "weight[20] must be an integer from 1 to 10; got 0",
        "weight[40] must be an integer from 1 to 10; got 11",
    ]


def test_a_frame_row_without_an_opportunity_is_refused() -> None:
    frame = example_frame()
    frame.loc[1, "opportunity"] = None
    with pytest.raises(ValidationError, match=r"^opportunity\[1\] must be an id; got "):
        score(frame)


def test_a_frame_missing_a_column_is_refused_naming_it() -> None:
    with pytest.raises(ValidationError, match=r"missing: weight"):
        score(example_frame().drop(columns="weight"))


@pytest.mark.parametrize("data", [None, [], {"opportunity": ["a"]}, "workspace.json"])
def test_score_refuses_data_that_is_neither_a_workspace_nor_a_frame(data: object) -> None:
    with pytest.raises(ValidationError, match=r"^data must be a Workspace or a factors frame"):
        score(data)  # type: ignore[arg-type]
