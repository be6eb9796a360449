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


@pytest.mark.slow
def test_the_table_has_a_role_column_and_writes_shares_as_the_chart_does(monkeypatch):
    import pandas as pd

    from followup.decide.shares import percent

    view = make_app(example_workspace())
    ids = example_workspace().ids
    # Shares that the old table rounded to a certainty it is not.
    shares = pd.DataFrame(
        {"p_pass": [0.9965] + [0.5] * (len(ids) - 1), "p_top": [0.004] + [0.2] * (len(ids) - 1)},
        index=pd.Index(ids, name="opportunity"),
    )
    monkeypatch.setattr(view.session.compare, "robustness", lambda: shares)
    view.show_tab(view.compare)
    table = view.compare.scores.value
    assert "<th>Role</th>" in table and "<td>Senior Data Engineer</td>" in table
    assert f"<td>{percent(0.9965)}</td>" in table.replace("&gt;", ">")
    assert ">99%" in table.replace("&gt;", ">") and "100%" not in table
    assert "<1%" in table.replace("&lt;", "<")
    assert "share that first place" in view.compare.ties.value
