"""You & settings: the owner, the threshold, the check-in delay, and where files go."""

from __future__ import annotations

from followup import example_workspace
from tests.ui.support import make_app, no_swallowed_errors  # noqa: F401


def test_settings_edit_the_owner_and_the_threshold():
    view = make_app(example_workspace())
    view.show_tab(view.settings)
    settings = view.settings
    assert settings.owner["name"].value == "Alex Example"
    settings.threshold.input.value = "20"
    assert view.session.state.workspace.settings.threshold == 20
    view.show_tab(view.t_chart)
    assert view.t_chart.verdict.value == "FAIL — the balance is below the threshold of 20"
    view.show_tab(view.settings)
    settings.check_in_days.input.value = "fortnight"
    assert "check_in_after_days must be an integer" in settings.check_in_days.error.value
    assert view.session.state.workspace.settings.check_in_after_days == 14
    settings.owner["email"].input.value = "alex-at-example.com"
    assert "owner.email" in settings.owner["email"].error.value


def test_settings_say_where_the_work_and_the_exports_go(tmp_path):
    path = tmp_path / "search.json"
    view = make_app(example_workspace(), path)
    view.show_tab(view.settings)
    assert str(path) in view.settings.location.value
    assert str(tmp_path / "search-drafts") in view.settings.exports.value
