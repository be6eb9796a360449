"""The workspace as pandas frames: one row per factor, and the category matrix."""

from __future__ import annotations

import pandas as pd
import pytest

from followup.decide.frames import FACTOR_COLUMNS, category_matrix, factors_frame
from followup.model import Factor, Opportunity, Workspace


def opportunity(identifier: str, *factors: Factor, company: str = "") -> Opportunity:
    return Opportunity(identifier, company or identifier.title(), "Engineer", factors=factors)


@pytest.fixture
def small() -> Workspace:
    return Workspace(
        opportunities=(
            opportunity(
                "acme",
                Factor("Weekly releases", "plus", 8, "work"),
                Factor("Long commute", "minus", 6, "location"),
                Factor("Nice people", "plus", 5),
            ),
            opportunity("empty"),
            opportunity(
                "globex",
                Factor("Reorganization", "minus", 7, "stability"),
                Factor("On-call", "minus", 3, "work"),
                Factor("Gym", "plus", 2, "perks"),
            ),
        )
    )


def test_factors_frame_has_one_row_per_factor_in_workspace_order(small: Workspace) -> None:
    frame = factors_frame(small)
    assert list(frame.columns) == list(FACTOR_COLUMNS)
    assert list(frame.columns) == [
        "opportunity",
        "company",
        "label",
        "side",
        "weight",
        "signed_weight",
        "category",
    ]
    assert frame["opportunity"].tolist() == ["acme"] * 3 + ["globex"] * 3
    assert frame["label"].tolist() == [
        "Weekly releases",
        "Long commute",
        "Nice people",
        "Reorganization",
        "On-call",
        "Gym",
    ]
    assert frame["company"].tolist() == ["Acme"] * 3 + ["Globex"] * 3


def test_signed_weight_is_negative_for_minuses(small: Workspace) -> None:
    frame = factors_frame(small)
    assert frame["weight"].tolist() == [8, 6, 5, 7, 3, 2]
    assert frame["signed_weight"].tolist() == [8, -6, 5, -7, -3, 2]


def test_a_missing_category_shows_as_other(small: Workspace) -> None:
    assert factors_frame(small)["category"].tolist() == [
        "work",
        "location",
        "other",
        "stability",
        "work",
        "perks",
    ]


def test_an_empty_workspace_gives_the_same_columns_and_types(small: Workspace) -> None:
    empty = factors_frame(Workspace())
    assert empty.empty
    pd.testing.assert_series_equal(empty.dtypes, factors_frame(small).dtypes)
    assert empty["weight"].dtype == "int64"


def test_weights_are_integers(small: Workspace) -> None:
    frame = factors_frame(small)
    assert frame["weight"].dtype == "int64"
    assert frame["signed_weight"].dtype == "int64"


# ---------------------------------------------------------------------------
# the category matrix


def test_category_matrix_sums_signed_weights_per_category(small: Workspace) -> None:
    matrix = category_matrix(small)
    assert matrix.loc["acme", "work"] == 8
    assert matrix.loc["acme", "location"] == -6
    assert matrix.loc["globex", "work"] == -3
    assert matrix.loc["globex", "stability"] == -7


def test_uncategorized_factors_count_as_other(small: Workspace) -> None:
    assert category_matrix(small).loc["acme", "other"] == 5


def test_category_matrix_has_a_row_for_every_opportunity_with_zeros_where_none(
    small: Workspace,
) -> None:
    matrix = category_matrix(small)
    assert matrix.index.name == "opportunity"
    assert matrix.index.tolist() == ["acme", "empty", "globex"]
    assert (matrix.loc["empty"] == 0).all()
    assert matrix.loc["acme", "stability"] == 0
    assert not matrix.isna().any().any()
    assert (matrix.dtypes == "int64").all()


def test_suggested_categories_come_first_in_their_order_then_others_alphabetically() -> None:
    workspace = Workspace(
        opportunities=(
            opportunity(
                "a",
                Factor("z", "plus", 1, "zebra"),
                Factor("o", "plus", 1),
                Factor("w", "plus", 1, "work"),
                Factor("b", "plus", 1, "bonus"),
                Factor("p", "plus", 1, "pay"),
            ),
        )
    )
    assert category_matrix(workspace).columns.tolist() == ["pay", "work", "other", "bonus", "zebra"]


def test_each_row_of_the_category_matrix_adds_up_to_the_balance(small: Workspace) -> None:
    totals = category_matrix(small).sum(axis=1)
    assert totals.to_dict() == {"acme": 7, "empty": 0, "globex": -8}


def test_category_matrix_of_a_workspace_without_factors_has_rows_and_no_columns() -> None:
    matrix = category_matrix(Workspace(opportunities=(opportunity("a"), opportunity("b"))))
    assert matrix.index.tolist() == ["a", "b"]
    assert matrix.columns.tolist() == []


def test_category_matrix_of_an_empty_workspace_is_empty() -> None:
    matrix = category_matrix(Workspace())
    assert matrix.shape == (0, 0)
    assert matrix.index.name == "opportunity"
