"""Compare, Today and the settings tab."""

from __future__ import annotations

from followup import Workspace, example_workspace, score
from tests.ui.support import make_app, no_swallowed_errors  # noqa: F401

ACME = "acme-data-engineer"


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


def test_compare_follows_changes_made_on_the_t():
    view = make_app(example_workspace())
    view.show_tab(view.compare)
    before = view.compare.scores.value
    view.show_tab(view.t)
    view.t.weights[4].value = 10
    view.show_tab(view.compare)
    assert view.compare.scores.value != before
    assert "<td>+11</td>" in view.compare.scores.value


def test_compare_and_today_on_an_empty_workspace_say_so():
    view = make_app(Workspace())
    view.show_tab(view.compare)
    assert view.compare.nothing.layout.display is None
    view.show_tab(view.today)
    assert "No opportunities yet" in view.today.timeline.value


def test_today_lists_every_opportunity_soonest_first_with_overdue_marked():
    view = make_app(example_workspace())
    view.show_tab(view.today)
    table = view.today.timeline.value
    assert table.count("<tr") == len(example_workspace().opportunities) + 1
    assert "(overdue)" in table
    assert "Tuesday 01 December 2026" in view.today.date.value
    assert table.index("Umbrella Labs") < table.index("Initech")


def test_settings_edit_the_owner_and_the_threshold():
    view = make_app(example_workspace())
    view.show_tab(view.settings)
    settings = view.settings
    assert settings.owner["name"].value == "Alex Example"
    settings.threshold.input.value = "20"
    assert view.session.workspace.settings.threshold == 20
    view.show_tab(view.t)
    assert view.t.verdict.value == "FAIL — the balance is below the threshold of 20"
    view.show_tab(view.settings)
    settings.check_in_days.input.value = "fortnight"
    assert "check_in_after_days must be an integer" in settings.check_in_days.error.value
    assert view.session.workspace.settings.check_in_after_days == 14
    settings.owner["email"].input.value = "alex-at-example.com"
    assert "owner.email" in settings.owner["email"].error.value


def test_settings_say_where_the_work_and_the_exports_go(tmp_path):
    path = tmp_path / "search.json"
    view = make_app(example_workspace(), path)
    view.show_tab(view.settings)
    assert str(path) in view.settings.location.value
    assert str(tmp_path / "search-drafts") in view.settings.exports.value
