"""Properties of the core that hold for every valid workspace (hypothesis)."""

from __future__ import annotations

import dataclasses
import json

import pandas as pd
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from followup.decide.frames import category_matrix, factors_frame
from followup.decide.scoring import score
from followup.decide.sensitivity import flip_points, robustness
from followup.model import Factor, Opportunity, Workspace
from tests.strategies import factors, opportunities, settings_values, workspaces

# Scoring needs only the factors: lean workspaces draw faster.
scored_workspaces = workspaces(full=False, max_opportunities=5, settings=settings_values)


def per_opportunity(table: pd.DataFrame) -> pd.DataFrame:
    """The score table without its row order (which is allowed to depend on workspace order)."""
    return table.sort_index()


@pytest.mark.slow
@given(scored_workspaces, st.randoms(use_true_random=False))
def test_scores_do_not_depend_on_the_order_of_opportunities_or_factors(
    workspace: Workspace, random: object
) -> None:
    shuffled = list(workspace.opportunities)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    reordered = []
    for opportunity in shuffled:
        factor_order = list(opportunity.factors)
        random.shuffle(factor_order)  # type: ignore[attr-defined]
        reordered.append(opportunity.with_factors(factor_order))
    other = dataclasses.replace(workspace, opportunities=tuple(reordered))
    pd.testing.assert_frame_equal(per_opportunity(score(workspace)), per_opportunity(score(other)))


@given(scored_workspaces, st.data())
def test_a_new_plus_never_lowers_the_balance_and_a_new_minus_never_raises_it(
    workspace: Workspace, data: st.DataObject
) -> None:
    assume(len(workspace) > 0)
    target = data.draw(st.sampled_from(workspace.ids), label="opportunity")
    factor = data.draw(factors, label="new factor")
    changed = workspace.with_opportunity(workspace.opportunity(target).with_factor(factor))
    before, after = score(workspace)["balance"], score(changed)["balance"]
    if factor.side == "plus":
        assert after[target] > before[target]
    else:
        assert after[target] < before[target]
    others = [i for i in workspace.ids if i != target]
    pd.testing.assert_series_equal(after[others], before[others])


@st.composite
def scaled_workspaces(draw: st.DrawFn) -> tuple[Workspace, int]:
    """A workspace whose weights stay within 1-10 when multiplied by the drawn factor."""
    multiplier = draw(st.integers(min_value=1, max_value=10))
    workspace = draw(
        workspaces(full=False, weights=st.integers(min_value=1, max_value=10 // multiplier))
    )
    return workspace, multiplier


def scaled(workspace: Workspace, multiplier: int) -> Workspace:
    return dataclasses.replace(
        workspace,
        opportunities=tuple(
            o.with_factors(dataclasses.replace(f, weight=f.weight * multiplier) for f in o.factors)
            for o in workspace.opportunities
        ),
    )


@given(scaled_workspaces())
def test_multiplying_every_weight_by_the_same_integer_keeps_the_ranks(
    drawn: tuple[Workspace, int],
) -> None:
    workspace, multiplier = drawn
    before, after = score(workspace), score(scaled(workspace, multiplier))
    pd.testing.assert_series_equal(before["rank"], after["rank"])
    assert before.index.tolist() == after.index.tolist()
    # With the default threshold of 0 the sign of each balance, hence each verdict, stays too.
    pd.testing.assert_series_equal(before["verdict"], after["verdict"])


@pytest.mark.slow
@given(workspaces())
def test_the_file_form_round_trips(workspace: Workspace) -> None:
    assert Workspace.from_dict(workspace.to_dict()) == workspace
    text = json.dumps(workspace.to_dict(), allow_nan=False, ensure_ascii=False)
    assert Workspace.from_dict(json.loads(text)) == workspace


@pytest.mark.slow
@given(workspaces(max_opportunities=2), workspaces(max_opportunities=2))
def test_workspaces_are_equal_exactly_when_their_dicts_are(one: Workspace, two: Workspace) -> None:
    assert (one == two) == (one.to_dict() == two.to_dict())


@given(opportunities(), st.data())
def test_a_one_field_change_makes_a_different_dict_and_a_different_object(
    opportunity: Opportunity, data: st.DataObject
) -> None:
    company = data.draw(
        st.text("abcdefgh", min_size=1, max_size=5).filter(lambda c: c != opportunity.company)
    )
    changed = dataclasses.replace(opportunity, company=company)
    one, two = Workspace(opportunities=(opportunity,)), Workspace(opportunities=(changed,))
    assert one != two
    assert one.to_dict() != two.to_dict()


def passes(workspace: Workspace, opportunity_id: str, index: int, weight: int) -> bool:
    opportunity = workspace.opportunity(opportunity_id)
    factors_now = list(opportunity.factors)
    factors_now[index] = dataclasses.replace(factors_now[index], weight=weight)
    changed = workspace.with_opportunity(opportunity.with_factors(factors_now))
    return bool(score(changed).loc[opportunity_id, "verdict"] == "pass")


@pytest.mark.slow
@given(
    workspaces(full=False, min_opportunities=1, min_factors=1, settings=settings_values), st.data()
)
def test_flip_points_really_flip_and_one_step_short_does_not(
    workspace: Workspace, data: st.DataObject
) -> None:
    target = data.draw(st.sampled_from(workspace.ids), label="opportunity")
    opportunity = workspace.opportunity(target)
    assume(opportunity.factors)
    passing_now = score(workspace).loc[target, "verdict"] == "pass"
    table = flip_points(workspace, target)
    for index, row in enumerate(table.itertuples()):
        if pd.isna(row.flip_weight):
            # No weight from 1 to 10 flips it.
            assert all(passes(workspace, target, index, w) == passing_now for w in range(1, 11))
            continue
        flip_weight, change = int(row.flip_weight), int(row.change)
        assert change == flip_weight - row.weight != 0
        assert passes(workspace, target, index, flip_weight) != passing_now
        short = flip_weight - (1 if change > 0 else -1)
        assert passes(workspace, target, index, short) == passing_now
        # And it is the nearest: nothing closer flips.
        assert all(
            passes(workspace, target, index, w) == passing_now
            for w in range(1, 11)
            if abs(w - row.weight) < abs(change)
        )


@pytest.mark.slow
@given(scored_workspaces)
def test_signed_weights_and_category_rows_add_up_to_the_balance(workspace: Workspace) -> None:
    balance = score(workspace)["balance"]
    frame = factors_frame(workspace)
    by_opportunity = frame.groupby("opportunity")["signed_weight"].sum()
    for identifier in workspace.ids:
        assert by_opportunity.get(identifier, 0) == balance[identifier]
    matrix = category_matrix(workspace)
    assert matrix.index.tolist() == list(workspace.ids)
    assert matrix.sum(axis=1).to_dict() == balance.loc[list(workspace.ids)].to_dict()


@pytest.mark.slow
@given(scored_workspaces)
def test_scoring_the_factors_frame_agrees_with_scoring_the_workspace(workspace: Workspace) -> None:
    threshold = workspace.settings.threshold
    from_frame = score(factors_frame(workspace), threshold=threshold)
    with_factors = [o.id for o in workspace.opportunities if o.factors]
    expected = score(workspace).loc[lambda t: t.index.isin(with_factors)]
    assert from_frame.index.tolist() == expected.index.tolist()
    # Ranks differ only where opportunities without factors were ranked in between.
    pd.testing.assert_frame_equal(
        from_frame.drop(columns="rank"), expected.drop(columns="rank"), check_index_type=False
    )
    assert from_frame["rank"].tolist() == (
        expected["balance"].rank(method="min", ascending=False).astype("int64").tolist()
    )


@pytest.mark.slow
@given(scored_workspaces)
def test_score_matches_a_plain_pandas_groupby(workspace: Workspace) -> None:
    frame = factors_frame(workspace)
    ids = pd.Index(list(workspace.ids), name="opportunity")
    plus = (
        frame[frame["side"] == "plus"]
        .groupby("opportunity")["weight"]
        .sum()
        .reindex(ids, fill_value=0)
    )
    minus = (
        frame[frame["side"] == "minus"]
        .groupby("opportunity")["weight"]
        .sum()
        .reindex(ids, fill_value=0)
    )
    table = score(workspace).loc[ids]
    assert table["plus"].tolist() == plus.tolist()
    assert table["minus"].tolist() == minus.tolist()
    ranks = (plus - minus).rank(method="min", ascending=False).astype(int)
    assert table["rank"].tolist() == ranks.tolist()


@pytest.mark.slow
@given(scored_workspaces, st.integers(min_value=0, max_value=2**32))
def test_robustness_shares_are_consistent(workspace: Workspace, seed: int) -> None:
    table = robustness(workspace, trials=40, seed=seed)
    assert table.index.tolist() == list(workspace.ids)
    assert ((table >= 0) & (table <= 1)).all().all()
    if len(workspace):
        # Every trial has at least one top opportunity.
        assert table["p_top"].sum() >= 1 - 1e-9
    pd.testing.assert_frame_equal(table, robustness(workspace, trials=40, seed=seed))


@pytest.mark.slow
@given(scored_workspaces)
def test_robustness_without_jitter_is_the_plain_verdict(workspace: Workspace) -> None:
    table = robustness(workspace, trials=3, jitter=0)
    verdicts = score(workspace)["verdict"]
    for identifier in workspace.ids:
        expected = 1.0 if verdicts[identifier] == "pass" else 0.0
        assert table.loc[identifier, "p_pass"] == expected


@given(factors)
def test_a_drawn_factor_is_accepted_unchanged_by_its_own_constructor(factor: Factor) -> None:
    assert Factor(**dataclasses.asdict(factor)) == factor
