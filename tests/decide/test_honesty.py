"""Honesty checks: each warning appears exactly at its documented limit, and not just below it."""

from __future__ import annotations

import pytest

from followup.decide.honesty import HONESTY_CHECKS, honesty_checks
from followup.model import Factor, Opportunity, Workspace

# An honest-looking list: enough factors, both sides, varied weights.
BALANCED = ([7, 5], [6, 3])


def workspace_of(pluses: list[int], minuses: list[int], company: str = "Acme") -> Workspace:
    factors = [Factor(f"plus {i}", "plus", w) for i, w in enumerate(pluses)]
    factors += [Factor(f"minus {i}", "minus", w) for i, w in enumerate(minuses)]
    return Workspace(opportunities=(Opportunity("acme", company, "Engineer", factors=factors),))


def checks(pluses: list[int], minuses: list[int]) -> set[str]:
    return set(honesty_checks(workspace_of(pluses, minuses))["check"])


def test_an_honest_looking_list_gets_no_warning() -> None:
    assert checks(*BALANCED) == set()


def test_the_frame_has_the_documented_columns_even_when_empty() -> None:
    for workspace in (Workspace(), workspace_of(*BALANCED)):
        frame = honesty_checks(workspace)
        assert list(frame.columns) == ["opportunity", "check", "message"]
    assert honesty_checks(Workspace()).empty


def test_every_check_reported_is_a_documented_one() -> None:
    frame = honesty_checks(workspace_of([10, 10, 10, 10], []))
    assert set(frame["check"]) <= set(HONESTY_CHECKS)
    assert {"too_few_factors", "no_minuses", "no_pluses", "all_pluses_max", "lopsided"} <= set(
        HONESTY_CHECKS
    )


def test_an_opportunity_without_factors_gets_too_few_factors_only() -> None:
    frame = honesty_checks(workspace_of([], []))
    assert frame["check"].tolist() == ["too_few_factors"]
    assert frame["opportunity"].tolist() == ["acme"]


@pytest.mark.parametrize(
    ("pluses", "minuses", "warned"),
    [([6], [], True), ([6], [4], True), ([6, 5], [4], False), ([6], [4, 3], False)],
)
def test_too_few_factors_below_3(pluses: list[int], minuses: list[int], warned: bool) -> None:
    assert ("too_few_factors" in checks(pluses, minuses)) is warned


def test_no_minuses_when_there_are_pluses_only() -> None:
    assert "no_minuses" in checks([7, 5, 3], [])
    assert "no_minuses" not in checks([7, 5, 3], [1])
    assert "no_pluses" not in checks([7, 5, 3], [])


def test_no_pluses_when_there_are_minuses_only() -> None:
    assert "no_pluses" in checks([], [7, 5, 3])
    assert "no_pluses" not in checks([1], [7, 5, 3])
    assert "no_minuses" not in checks([], [7, 5, 3])


@pytest.mark.parametrize(
    ("pluses", "warned"),
    [([10, 10], True), ([10, 10, 10], True), ([10], False), ([10, 10, 9], False), ([9, 9], False)],
)
def test_all_pluses_max_when_at_least_two_pluses_all_weigh_10(
    pluses: list[int], warned: bool
) -> None:
    assert ("all_pluses_max" in checks(pluses, [4, 3])) is warned


@pytest.mark.parametrize(
    ("pluses", "minuses", "warned"),
    [
        (4, 1, True),  # 4 >= 3 x 1 and 4 >= 4
        (3, 1, False),  # 3 times as many, but fewer than 4
        (6, 2, True),  # exactly 3 times
        (5, 2, False),  # 2.5 times
        (1, 4, True),  # the other way round
        (2, 5, False),
        (4, 0, True),  # one side empty
    ],
)
def test_lopsided_when_one_side_has_3_times_as_many_factors_and_at_least_4(
    pluses: int, minuses: int, warned: bool
) -> None:
    # Varied weights, so that no other weight-based check interferes.
    result = checks([5 + i % 3 for i in range(pluses)], [4 + i % 3 for i in range(minuses)])
    assert ("lopsided" in result) is warned


def test_the_lopsided_message_counts_both_sides_in_words() -> None:
    frame = honesty_checks(workspace_of([5, 6, 7, 5], [4]))
    (message,) = frame.loc[frame["check"] == "lopsided", "message"]
    assert message == "Acme lists 4 pluses against 1 minus: look again at the other side."
    frame = honesty_checks(workspace_of([5], [4, 5, 6, 7, 4, 5]))
    (message,) = frame.loc[frame["check"] == "lopsided", "message"]
    assert message.startswith("Acme lists 6 minuses against 1 plus")


@pytest.mark.parametrize(
    ("pluses", "minuses", "warned"),
    [
        ([8, 5], [2, 1], True),
        ([9, 5], [2, 2], True),
        ([8, 5], [3, 1], False),  # one minus above 2
        ([7, 5], [2, 1], False),  # no plus reaches 8
    ],
)
def test_minuses_downplayed_when_every_minus_is_2_or_less_beside_a_plus_of_8_or_more(
    pluses: list[int], minuses: list[int], warned: bool
) -> None:
    assert ("minuses_downplayed" in checks(pluses, minuses)) is warned


@pytest.mark.parametrize(
    ("pluses", "minuses", "warned"),
    [
        ([5, 5], [5, 5], True),
        ([5, 5, 5], [5, 5], True),
        ([5, 5], [5], False),
        ([5, 5], [5, 4], False),
    ],
)
def test_same_weight_everywhere_from_4_factors(
    pluses: list[int], minuses: list[int], warned: bool
) -> None:
    assert ("same_weight_everywhere" in checks(pluses, minuses)) is warned


def test_messages_name_the_company_as_typed() -> None:
    frame = honesty_checks(workspace_of([9], [], company='AT&T "R&D" <Legal>'))
    assert all(message.startswith('AT&T "R&D" <Legal> ') for message in frame["message"])


def test_rows_follow_the_workspace_order() -> None:
    balanced = workspace_of(*BALANCED).opportunity("acme")
    workspace = Workspace(
        opportunities=(
            Opportunity("b", "B", "E"),
            Opportunity("a", "A", "E", factors=(Factor("x", "plus", 3),)),
            balanced,
        )
    )
    assert honesty_checks(workspace)["opportunity"].tolist() == ["b", "a", "a"]


def test_the_example_pitch_is_caught(workspace: Workspace) -> None:
    frame = honesty_checks(workspace)
    pitched = set(frame.loc[frame["opportunity"] == "pied-piper-compression", "check"])
    assert pitched
    assert pitched <= set(HONESTY_CHECKS)
