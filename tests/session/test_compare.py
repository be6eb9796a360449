"""Compare: every opportunity's score and robustness, and pictures that follow the workspace."""

from __future__ import annotations

import pytest

from tests.session.support import ACME, COMMUTE, memory_session


def test_the_scores_rank_every_opportunity_best_first():
    session = memory_session()
    scores = session.compare.scores()
    assert set(scores.index) == set(session.state.workspace.ids)
    assert list(scores["rank"]) == sorted(scores["rank"])
    assert list(scores["balance"]) == sorted(scores["balance"], reverse=True)


def test_robustness_gives_every_opportunity_a_chance_of_passing_and_of_coming_first():
    session = memory_session()
    chances = session.compare.robustness()
    assert set(chances.index) == set(session.state.workspace.ids)
    assert chances["p_pass"].between(0, 1).all()
    assert abs(chances["p_top"].sum() - 1) < 1e-9


@pytest.mark.slow
def test_the_pictures_are_kept_until_the_workspace_changes():
    session = memory_session()
    compare = session.compare
    pictures = [compare.balance_png(), compare.categories_png(), compare.robustness_png()]
    assert all(picture.startswith(b"\x89PNG") for picture in pictures)
    assert compare.balance_png() is pictures[0]
    session.t_chart.set_weight(ACME, COMMUTE, 10)
    assert compare.balance_png() != pictures[0]
