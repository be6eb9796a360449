"""You & settings: the owner, how notes are written, the threshold, the check-in delay, files."""

from __future__ import annotations

from followup import example_workspace, load_workspace
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
    error = settings.check_in_days.error.value
    assert error.startswith(
        "The days to wait before a check-in must be a whole number from 1 to 90"
    )
    assert "check_in_after_days" not in error
    assert view.session.state.workspace.settings.check_in_after_days == 14
    settings.owner["email"].input.value = "alex-at-example.com"
    assert settings.owner["email"].error.value.startswith("Your e-mail must be")
    assert "owner.email" not in settings.owner["email"].error.value


def test_every_field_says_what_it_is_for():
    view = make_app(example_workspace())
    view.show_tab(view.settings)
    settings = view.settings
    assert settings.owner["name"].input.description == "Your name"
    assert settings.owner["email"].input.description == "Your e-mail"
    hints = [
        child.children[1].value
        for child in settings.root.children
        if "followup-explained-field" in child._dom_classes
    ]
    assert len(hints) == 8
    assert "Signs every note, and starts the signature." in hints
    assert any("sender of the e-mail drafts" in hint for hint in hints)
    assert any("which spelling the writing check expects" in hint for hint in hints)
    assert any("greets an interviewer" in hint for hint in hints)


def test_english_and_the_greeting_are_chosen_from_a_list_and_saved(tmp_path):
    path = tmp_path / "search.json"
    view = make_app(example_workspace(), path)
    view.show_tab(view.settings)
    settings = view.settings
    assert settings.english.value == "US" and settings.greeting.value == "first_name"
    settings.english.input.value = "UK"
    settings.greeting.input.value = "formal"
    saved = load_workspace(path).settings
    assert (saved.english, saved.greeting) == ("UK", "formal")
    assert [label for label, _ in settings.english.input.options][1].startswith("UK English")


def test_settings_say_where_the_work_and_the_exports_go(tmp_path):
    path = tmp_path / "search.json"
    view = make_app(example_workspace(), path)
    view.show_tab(view.settings)
    assert str(path) in view.settings.location.value
    assert str(tmp_path / "search-drafts") in view.settings.exports.value
