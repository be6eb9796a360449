"""Getting started: the person's name first, and keeping the example's work as a file."""

from __future__ import annotations

from dataclasses import replace

import pytest

from followup import ValidationError, WorkspaceError, example_workspace, load_workspace
from followup.session import open_session
from tests.session.support import ACME, COMMUTE, NOON, STORY_DAY, memory_session


def test_a_workspace_without_an_owner_asks_for_the_name_and_keeps_it():
    session = memory_session(replace(example_workspace(), owner=None))
    assert session.starting.needs_name
    with pytest.raises(ValidationError, match=r"owner\.name must be non-empty"):
        session.starting.set_name("   ")
    assert session.starting.needs_name
    session.starting.set_name("  Sam Lee ")
    assert not session.starting.needs_name
    assert session.state.workspace.owner.name == "Sam Lee"


def test_the_example_is_in_memory_and_says_that_nothing_is_kept():
    session = open_session(today=STORY_DAY, now=NOON)
    assert session.starting.in_memory
    assert "nothing you change here is kept" in session.state.notice


def test_save_as_writes_a_new_file_and_the_session_goes_on_there(tmp_path):
    session = open_session(today=STORY_DAY, now=NOON)
    session.t_chart.set_weight(ACME, COMMUTE, 9)
    target = session.starting.save_as(tmp_path / "mine" / "search")
    assert target == (tmp_path / "mine" / "search.json").absolute()
    assert load_workspace(target).opportunity(ACME).factors[COMMUTE].weight == 9
    assert not session.starting.in_memory and session.state.path == target
    assert str(target) in session.state.notice
    assert session.state.export_folder == tmp_path / "mine" / "search-drafts"
    session.t_chart.set_weight(ACME, COMMUTE, 3)
    assert load_workspace(target).opportunity(ACME).factors[COMMUTE].weight == 3


def test_save_as_never_replaces_an_existing_file(tmp_path):
    existing = tmp_path / "search.json"
    existing.write_text("mine, not a workspace")
    session = open_session(today=STORY_DAY, now=NOON)
    with pytest.raises(WorkspaceError, match="already exists"):
        session.starting.save_as(existing)
    assert existing.read_text() == "mine, not a workspace"
    assert session.starting.in_memory


@pytest.mark.parametrize("name", ["", "   ", None])
def test_save_as_needs_a_file_name(name):
    session = open_session(today=STORY_DAY, now=NOON)
    with pytest.raises(ValidationError, match="file must be non-empty"):
        session.starting.save_as(name)
