"""You and the settings: the owner and the workspace settings, from typed text."""

from __future__ import annotations

import pytest

from followup import ValidationError
from tests.session.support import memory_session


def test_the_owner_and_settings_can_be_edited_from_text():
    session = memory_session()
    session.settings.set_owner("email", "alex@work.example")
    session.settings.set("threshold", "2.5")
    session.settings.set("check_in_after_days", "10")
    assert session.state.workspace.owner is not None
    assert session.state.workspace.owner.email == "alex@work.example"
    assert session.state.workspace.settings.threshold == 2.5
    assert session.state.workspace.settings.check_in_after_days == 10
    with pytest.raises(ValidationError, match=r"settings\.check_in_after_days must be an integer"):
        session.settings.set("check_in_after_days", "two weeks")
    with pytest.raises(ValidationError, match=r"settings\.threshold must be a number"):
        session.settings.set("threshold", "nan")


def test_english_and_the_greeting_are_chosen_and_kept(tmp_path):
    from followup import load_workspace
    from tests.session.support import file_session

    path = tmp_path / "search.json"
    session = file_session(path)
    session.settings.set("english", "UK")
    session.settings.set("greeting", "formal")
    settings = load_workspace(path).settings
    assert (settings.english, settings.greeting) == ("UK", "formal")
    with pytest.raises(ValidationError, match=r"settings\.english must be .US. or .UK."):
        session.settings.set("english", "Australian")
    with pytest.raises(ValidationError, match=r"settings\.greeting must be"):
        session.settings.set("greeting", "Hey")
    assert load_workspace(path).settings.english == "UK"


def test_the_greeting_setting_changes_how_the_note_greets():
    session = memory_session()
    northwind = "northwind-platform-lead"
    first = session.follow_up.view(northwind).draft.body
    session.settings.set("greeting", "formal")
    formal = session.follow_up.view(northwind).draft.body
    assert first.startswith("Dear Priya,")
    assert formal.startswith("Dear Priya Natarajan,")
