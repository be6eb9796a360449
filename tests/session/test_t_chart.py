"""The T: factors added, weighed and removed; what the T says."""

from __future__ import annotations

import pytest

from followup import ValidationError, Workspace
from tests.session.support import ACME, COMMUTE, memory_session


def test_a_heavier_minus_can_flip_the_verdict():
    session = memory_session()
    initech = "initech-backend-engineer"
    assert session.t_chart.summary(initech).verdict == "pass"
    sentence = session.t_chart.summary(initech).flips[0]
    assert sentence.startswith("The verdict flips if '")
    factor_label, _, rest = sentence.removeprefix("The verdict flips if '").partition(
        "' goes from "
    )
    old, new = (int(part) for part in rest.rstrip(".").split(" to "))
    index = next(
        i
        for i, f in enumerate(session.state.opportunity(initech).factors)
        if f.label == factor_label
    )
    assert session.state.opportunity(initech).factors[index].weight == old
    session.t_chart.set_weight(initech, index, new)
    assert session.t_chart.summary(initech).verdict != "pass"


def test_the_summary_adds_up_the_two_sides():
    session = memory_session()
    summary = session.t_chart.summary(ACME)
    opportunity = session.state.opportunity(ACME)
    assert summary.plus_total == sum(f.weight for f in opportunity.pluses)
    assert summary.minus_total == sum(f.weight for f in opportunity.minuses)
    assert summary.balance == summary.plus_total - summary.minus_total


def test_factors_are_added_on_either_side_edited_and_removed():
    session = memory_session(Workspace())
    new_id = session.opportunities.add("Initrode", "Analyst")
    plus = session.t_chart.add_factor(new_id, "plus")
    minus = session.t_chart.add_factor(
        new_id, "minus", "Long commute", weight=7, category="location"
    )
    session.t_chart.set_label(new_id, plus, "Great mentor")
    session.t_chart.set_category(new_id, plus, "people")
    factors = session.state.opportunity(new_id).factors
    assert [(f.label, f.side, f.weight, f.category) for f in factors] == [
        ("Great mentor", "plus", 5, "people"),
        ("Long commute", "minus", 7, "location"),
    ]
    session.t_chart.set_category(new_id, plus, "")
    assert session.state.opportunity(new_id).factors[plus].category is None
    session.t_chart.remove_factor(new_id, minus)
    assert len(session.state.opportunity(new_id).factors) == 1


@pytest.mark.parametrize("weight", [0, 11, 2.5, True, None, "high", float("nan")])
def test_bad_weights_are_refused_naming_the_factor(weight):
    session = memory_session()
    expected = r"factors\[4\]\.weight must be an integer from 1 to 10"
    with pytest.raises(ValidationError, match=expected):
        session.t_chart.set_weight(ACME, COMMUTE, weight)
    assert session.state.opportunity(ACME).factors[COMMUTE].weight == 6


def test_factor_indexes_and_sides_are_checked():
    session = memory_session()
    with pytest.raises(ValidationError, match="factor index must be from 0 to 6"):
        session.t_chart.set_weight(ACME, 7, 5)
    with pytest.raises(ValidationError, match="side must be 'plus' or 'minus'"):
        session.t_chart.add_factor(ACME, "maybe")
    with pytest.raises(ValidationError, match=r"factors\[4\]\.label must be non-empty"):
        session.t_chart.set_label(ACME, COMMUTE, "")


def test_the_t_picture_is_drawn_again_only_when_what_it_shows_changed():
    session = memory_session()
    picture = session.t_chart.png(ACME)
    assert picture.startswith(b"\x89PNG")
    session.t_chart.set_weight("globex-analytics-engineer", 0, 10)
    assert session.t_chart.png(ACME) is picture
    session.t_chart.set_weight(ACME, COMMUTE, 10)
    assert session.t_chart.png(ACME) != picture


def test_removing_a_factor_can_be_undone_and_it_comes_back_where_it_was():
    session = memory_session()
    before = session.state.opportunity(ACME)
    session.t_chart.remove_factor(ACME, 1)
    session.t_chart.remove_factor(ACME, COMMUTE - 1)
    assert session.t_chart.removed(ACME).label == before.factors[COMMUTE].label
    assert session.t_chart.removed("globex-analytics-engineer") is None
    assert session.t_chart.undo_remove(ACME) == COMMUTE - 1
    assert session.t_chart.undo_remove(ACME) == 1
    assert session.state.opportunity(ACME) == before
    assert session.t_chart.undo_remove(ACME) is None


def test_undoing_a_removal_after_other_edits_keeps_those_edits():
    session = memory_session()
    session.t_chart.remove_factor(ACME, 0)
    session.t_chart.set_weight(ACME, 0, 1)
    session.t_chart.undo_remove(ACME)
    factors = session.state.opportunity(ACME).factors
    assert factors[0].label == "Team ships to production every week"
    assert factors[1].weight == 1
