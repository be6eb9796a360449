"""Flip points and robustness: how far a verdict is from changing, and how it fares under noise."""

from __future__ import annotations

import pandas as pd
import pytest

from followup.decide import sensitivity
from followup.decide.scoring import score
from followup.decide.sensitivity import FLIP_COLUMNS, flip_points, flip_sentences, robustness
from followup.errors import UnknownOpportunityError, ValidationError
from followup.model import Factor, Opportunity, Settings, Workspace


def plus(weight: int, label: str = "good") -> Factor:
    return Factor(label, "plus", weight)


def minus(weight: int, label: str = "bad") -> Factor:
    return Factor(label, "minus", weight)


def single(*factors: Factor, threshold: float = 0) -> Workspace:
    return Workspace(
        opportunities=(Opportunity("only", "Only", "Engineer", factors=factors),),
        settings=Settings(threshold=threshold),
    )


def flips(*factors: Factor, threshold: float = 0) -> list[object]:
    """The flip weights (None for <NA>) of an opportunity with these factors."""
    frame = flip_points(single(*factors, threshold=threshold), "only")
    return [None if pd.isna(value) else int(value) for value in frame["flip_weight"]]


# ---------------------------------------------------------------------------
# flip points


def test_flip_points_has_one_row_per_factor_with_the_documented_columns() -> None:
    frame = flip_points(single(plus(6, "pay"), minus(2, "commute"), plus(3, "team")), "only")
    assert list(frame.columns) == list(FLIP_COLUMNS)
    assert list(frame.columns) == ["label", "side", "weight", "flip_weight", "change"]
    assert frame["label"].tolist() == ["pay", "commute", "team"]
    assert frame["side"].tolist() == ["plus", "minus", "plus"]
    assert frame["weight"].tolist() == [6, 2, 3]
    assert str(frame["flip_weight"].dtype) == "Int64"
    assert str(frame["change"].dtype) == "Int64"


def test_a_pass_flips_at_the_nearest_weight_that_brings_the_balance_down_to_the_threshold() -> None:
    # Balance 6 + 3 - 2 = 7. "pay" alone must drop by 7 (to -1): impossible; "team" too.
    # "commute" must rise by 7 to 9 (balance 0, undecided): that is a flip.
    assert flips(plus(6), minus(2), plus(3)) == [None, 9, None]


def test_a_pass_by_one_flips_one_step_away() -> None:
    # Balance 5 - 4 = 1: plus 5 -> 4 or minus 4 -> 5 makes it undecided.
    frame = flip_points(single(plus(5), minus(4)), "only")
    assert frame["flip_weight"].tolist() == [4, 5]
    assert frame["change"].tolist() == [-1, 1]


def test_undecided_counts_as_not_passing_and_flips_to_pass_one_step_away() -> None:
    # Balance 0 at threshold 0: undecided. One more plus point, or one less minus point, passes.
    frame = flip_points(single(plus(5), minus(5)), "only")
    assert frame["flip_weight"].tolist() == [6, 4]
    assert frame["change"].tolist() == [1, -1]


def test_a_fail_flips_to_pass_when_a_weight_can_make_the_balance_exceed_the_threshold() -> None:
    # Balance 2 - 5 = -3: plus 2 -> 6 gives +1; minus 5 -> 1 gives +1 as well.
    assert flips(plus(2), minus(5)) == [6, 1]


def test_no_flip_weight_when_no_weight_from_1_to_10_changes_the_verdict() -> None:
    frame = flip_points(single(plus(10), plus(10), minus(1)), "only")
    assert frame["flip_weight"].isna().all()
    assert frame["change"].isna().all()


def test_flip_points_use_the_workspace_threshold() -> None:
    # Balance 3 passes threshold 0 but is undecided at threshold 3.
    assert flips(plus(5), minus(2), threshold=0) == [2, 5]
    assert flips(plus(5), minus(2), threshold=3) == [6, 1]
    assert flips(plus(5), minus(2), threshold=2.5) == [4, 3]


def test_change_is_the_flip_weight_minus_the_weight() -> None:
    frame = flip_points(single(plus(7), minus(3), minus(2)), "only")
    expected = (frame["flip_weight"] - frame["weight"]).tolist()
    assert frame["change"].tolist() == expected


def test_flip_points_of_an_opportunity_without_factors_is_an_empty_frame() -> None:
    frame = flip_points(single(), "only")
    assert frame.empty
    assert list(frame.columns) == list(FLIP_COLUMNS)


def test_flip_points_of_an_unknown_opportunity_names_the_id() -> None:
    with pytest.raises(UnknownOpportunityError, match="'ghost'"):
        flip_points(single(plus(3)), "ghost")


def test_flip_sentences_say_which_weight_flips_the_verdict() -> None:
    # Balance 6 - 3 + 2 = 5: "Pay" down to 1 or "Commute" up to 8 brings it to 0; "Gym" cannot.
    workspace = single(plus(6, "Pay"), minus(3, "Commute"), plus(2, "Gym"))
    assert flip_sentences(workspace, "only") == [
        "The verdict flips if 'Pay' goes from 6 to 1.",
        "The verdict flips if 'Commute' goes from 3 to 8.",
    ]
    assert flip_sentences(workspace, "only", limit=1) == [
        "The verdict flips if 'Pay' goes from 6 to 1."
    ]
    assert flip_sentences(workspace, "only", limit=0) == []
    assert flip_sentences(single(plus(10), plus(10), minus(1)), "only") == []


@pytest.mark.parametrize("limit", [-1, 1.5, "3", True])
def test_flip_sentences_limit_must_be_a_non_negative_integer(limit: object) -> None:
    with pytest.raises(ValidationError, match=r"^limit must be a non-negative integer"):
        flip_sentences(single(plus(3)), "only", limit=limit)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# robustness


@pytest.fixture
def three() -> Workspace:
    return Workspace(
        opportunities=(
            Opportunity("close", "Close", "E", factors=(plus(5), minus(4), plus(3), minus(3))),
            Opportunity("clear", "Clear", "E", factors=(plus(9), plus(8), minus(2))),
            Opportunity("bad", "Bad", "E", factors=(plus(2), minus(8), minus(7))),
        )
    )


def test_robustness_has_a_row_per_opportunity_in_workspace_order(three: Workspace) -> None:
    table = robustness(three, trials=200)
    assert table.index.name == "opportunity"
    assert table.index.tolist() == ["close", "clear", "bad"]
    assert list(table.columns) == ["p_pass", "p_top"]
    assert ((table >= 0) & (table <= 1)).all().all()


def test_the_same_seed_gives_the_same_numbers(three: Workspace) -> None:
    pd.testing.assert_frame_equal(
        robustness(three, trials=500, seed=7), robustness(three, trials=500, seed=7)
    )


def test_different_seeds_generally_give_different_numbers(three: Workspace) -> None:
    results = {
        float(robustness(three, trials=300, seed=s).loc["close", "p_pass"]) for s in range(6)
    }
    assert len(results) > 1


def test_without_jitter_every_trial_is_the_plain_verdict() -> None:
    workspace = Workspace(
        opportunities=(
            Opportunity("pass", "P", "E", factors=(plus(5), minus(1))),
            Opportunity("undecided", "U", "E", factors=(plus(5), minus(5))),
            Opportunity("fail", "F", "E", factors=(plus(1), minus(5))),
            Opportunity("empty", "N", "E"),
        )
    )
    table = robustness(workspace, trials=50, jitter=0)
    assert table["p_pass"].to_dict() == {"pass": 1.0, "undecided": 0.0, "fail": 0.0, "empty": 0.0}
    assert table["p_top"].to_dict() == {"pass": 1.0, "undecided": 0.0, "fail": 0.0, "empty": 0.0}
    verdicts = score(workspace)["verdict"]
    for identifier, p_pass in table["p_pass"].items():
        assert (p_pass == 1.0) == (verdicts[identifier] == "pass")


def test_a_tie_for_the_top_shares_the_first_place_equally() -> None:
    twins = Workspace(
        opportunities=(
            Opportunity("a", "A", "E", factors=(plus(6),)),
            Opportunity("b", "B", "E", factors=(plus(6),)),
            Opportunity("c", "C", "E", factors=(plus(2),)),
        )
    )
    assert robustness(twins, trials=20, jitter=0)["p_top"].tolist() == [0.5, 0.5, 0.0]
    triplets = Workspace(
        opportunities=tuple(
            Opportunity(name, name.upper(), "E", factors=(plus(4),)) for name in "xyz"
        )
    )
    assert robustness(triplets, trials=9, jitter=0)["p_top"].tolist() == pytest.approx([1 / 3] * 3)


def test_first_places_sum_to_one_in_every_workspace(three: Workspace) -> None:
    assert float(robustness(three, trials=500, jitter=4)["p_top"].sum()) == pytest.approx(1.0)
    twins = Workspace(
        opportunities=(
            Opportunity("a", "A", "E", factors=(plus(5),)),
            Opportunity("b", "B", "E", factors=(plus(5),)),
        )
    )
    assert robustness(twins, trials=300, jitter=2)["p_top"].sum() == pytest.approx(1.0)


def test_noise_is_a_uniform_integer_from_minus_jitter_to_plus_jitter() -> None:
    # Balance 5 - 4 = 1; with jitter 1 each weight moves by -1, 0 or +1 (no clipping here):
    # the balance stays above 0 unless the minus moved up more than the plus: 6 of 9 cases.
    workspace = single(plus(5), minus(4))
    p_pass = float(robustness(workspace, trials=40_000, jitter=1, seed=3).loc["only", "p_pass"])
    assert p_pass == pytest.approx(6 / 9, abs=0.015)


def test_tied_twins_under_noise_each_win_half_the_first_places() -> None:
    # Two equal opportunities: a is first alone in 3 of 9 cases, tied in 3 (half each).
    twins = Workspace(
        opportunities=(
            Opportunity("a", "A", "E", factors=(plus(5),)),
            Opportunity("b", "B", "E", factors=(plus(5),)),
        )
    )
    table = robustness(twins, trials=40_000, jitter=1, seed=11)
    assert table["p_top"].tolist() == pytest.approx([3 / 9 + 3 / 18] * 2, abs=0.015)


def test_a_close_runner_up_wins_its_share_of_ties_under_noise() -> None:
    # a (5) against b (4), each moved by -1, 0 or +1: a is first alone in 6 of 9 cases,
    # tied in 2 (half each), and b first alone in 1.
    pair = Workspace(
        opportunities=(
            Opportunity("a", "A", "E", factors=(plus(5),)),
            Opportunity("b", "B", "E", factors=(plus(4),)),
        )
    )
    table = robustness(pair, trials=40_000, jitter=1, seed=5)
    assert table["p_top"].tolist() == pytest.approx([7 / 9, 2 / 9], abs=0.015)


def test_jittered_weights_are_clipped_to_1_to_10() -> None:
    # A lone plus of 1 can never drop below 1, so it always passes; a lone minus never does.
    workspace = Workspace(
        opportunities=(
            Opportunity("up", "U", "E", factors=(plus(1),)),
            Opportunity("down", "D", "E", factors=(minus(1),)),
        )
    )
    table = robustness(workspace, trials=2000, jitter=9, seed=1)
    assert table.loc["up", "p_pass"] == 1.0
    assert table.loc["down", "p_pass"] == 0.0


def test_an_opportunity_without_factors_keeps_a_balance_of_0() -> None:
    workspace = Workspace(
        opportunities=(
            Opportunity("empty", "E", "E"),
            Opportunity("down", "D", "E", factors=(minus(3),)),
        )
    )
    table = robustness(workspace, trials=300, jitter=2)
    assert table.loc["empty"].tolist() == [0.0, 1.0]


def test_robustness_of_an_empty_workspace_is_an_empty_table() -> None:
    table = robustness(Workspace(), trials=10)
    assert table.empty
    assert list(table.columns) == ["p_pass", "p_top"]


def test_robustness_uses_the_workspace_threshold() -> None:
    assert robustness(single(plus(5), threshold=4), jitter=0, trials=5).loc["only", "p_pass"] == 1.0
    assert robustness(single(plus(5), threshold=5), jitter=0, trials=5).loc["only", "p_pass"] == 0.0


def test_a_seed_of_none_draws_fresh_numbers_that_are_still_shares(three: Workspace) -> None:
    table = robustness(three, trials=100, seed=None)
    assert ((table["p_pass"] * 100).round(9) % 1 == 0).all()
    assert float(table["p_top"].sum()) == pytest.approx(1.0)


def test_trials_split_into_chunks_still_count_every_trial(
    three: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sensitivity, "_CELLS_PER_CHUNK", 20)  # 10 factors: 2 trials a chunk
    table = robustness(three, trials=7, jitter=3)
    assert ((table["p_pass"] * 7).round(9) % 1 == 0).all()
    assert float(table["p_top"].sum()) == pytest.approx(1.0)  # each trial's first place, once
    exact = robustness(three, trials=7, jitter=0)
    assert exact["p_pass"].tolist() == [1.0, 1.0, 0.0]


@pytest.mark.parametrize(
    ("options", "path"),
    [
        ({"trials": 0}, "trials"),
        ({"trials": -5}, "trials"),
        ({"trials": 1.5}, "trials"),
        ({"trials": True}, "trials"),
        ({"trials": 10**7}, "trials"),
        ({"jitter": -1}, "jitter"),
        ({"jitter": 10}, "jitter"),
        ({"jitter": 0.5}, "jitter"),
        ({"seed": -1}, "seed"),
        ({"seed": "abc"}, "seed"),
        ({"seed": 1.5}, "seed"),
    ],
)
def test_robustness_options_are_checked(options: dict[str, object], path: str) -> None:
    with pytest.raises(ValidationError) as caught:
        robustness(single(plus(3)), **options)  # type: ignore[arg-type]
    (problem,) = caught.value.problems
    assert problem.path == path


def test_all_bad_robustness_options_are_reported_at_once() -> None:
    with pytest.raises(ValidationError) as caught:
        robustness(single(plus(3)), trials=0, jitter=-1, seed=-1)
    assert [p.path for p in caught.value.problems] == ["trials", "jitter", "seed"]
