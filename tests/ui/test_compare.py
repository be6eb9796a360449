"""Compare: the score table best first, the charts, and changes made on the T."""

from __future__ import annotations

import pytest

from followup import Workspace, example_workspace, score
from tests.ui.support import make_app, no_swallowed_errors  # noqa: F401


@pytest.mark.slow
def test_compare_shows_the_score_table_best_first_and_the_charts():
    view = make_app(example_workspace())
    view.show_tab(view.compare)
    table = view.compare.scores.value
    companies = list(score(example_workspace())["company"])
    positions = [table.index(f"<td>{company}</td>") for company in companies]
    assert positions == sorted(positions)
    assert "FAIL" in table and "PASS" in table
    assert "Chance of passing" in table
    for image in (
        view.compare.balance_chart,
        view.compare.categories_chart,
        view.compare.robustness_chart,
    ):
        assert bytes(image.value).startswith(b"\x89PNG")


@pytest.mark.slow
def test_compare_follows_changes_made_on_the_t():
    view = make_app(example_workspace())
    view.show_tab(view.compare)
    before = view.compare.scores.value
    view.show_tab(view.t_chart)
    view.t_chart.weights[4].value = 10
    view.show_tab(view.compare)
    assert view.compare.scores.value != before
    assert "<td>+11</td>" in view.compare.scores.value


def test_compare_on_an_empty_workspace_says_so():
    view = make_app(Workspace())
    view.show_tab(view.compare)
    assert view.compare.nothing.layout.display is None
