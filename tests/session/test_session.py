"""The session: opening a workspace file (or the example), and what holds across its parts."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import (
    ValidationError,
    Workspace,
    WorkspaceError,
    example_workspace,
    load_workspace,
    save_workspace,
)
from followup.session import open_session
from followup.session.session import bundled_example_path
from tests.session.support import ACME, COMMUTE, NOON, STORY_DAY, file_session


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_without_a_path_the_session_works_on_an_in_memory_copy_of_the_example_and_says_so():
    session = open_session(today=STORY_DAY, now=NOON)
    assert session.state.workspace == example_workspace()
    assert session.state.path is None
    assert "copy of the bundled example" in session.state.notice
    assert "memory" in session.state.status.message


def test_the_bundled_example_file_is_never_modified_by_a_session():
    example = bundled_example_path()
    assert example is not None
    before = digest(example)
    for path in (None, example):
        session = open_session(path, today=STORY_DAY, now=NOON)
        session.t_chart.set_weight(ACME, COMMUTE, 10)
        session.opportunities.delete("globex-analytics-engineer")
        session.opportunities.add("Hooli", "Staff Engineer")
        assert session.state.path is None
    assert digest(example) == before


def test_a_missing_file_is_created_empty_by_default(tmp_path):
    path = tmp_path / "new" / "search.json"
    session = open_session(path, today=STORY_DAY, now=NOON)
    assert load_workspace(path) == Workspace() == session.state.workspace
    assert session.state.selected_id is None
    assert str(path) in session.state.notice


def test_a_missing_file_can_start_from_the_example(tmp_path):
    path = tmp_path / "search.json"
    session = open_session(path, today=STORY_DAY, now=NOON, create="example")
    assert load_workspace(path) == example_workspace() == session.state.workspace


def test_an_unknown_create_choice_is_refused(tmp_path):
    with pytest.raises(ValidationError, match="create must be 'empty' or 'example'; got 'full'"):
        open_session(tmp_path / "x.json", today=STORY_DAY, now=NOON, create="full")


def test_an_existing_file_is_opened_as_it_is(tmp_path):
    path = tmp_path / "search.json"
    workspace = example_workspace().without_opportunity(ACME)
    save_workspace(workspace, path)
    assert open_session(path, today=STORY_DAY, now=NOON).state.workspace == workspace


def test_an_unreadable_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "search.json"
    path.write_text('{"format": "followup-workspace", "version": 1, "opportunities": [')
    before = path.read_bytes()
    with pytest.raises(WorkspaceError, match="not valid JSON"):
        open_session(path, today=STORY_DAY, now=NOON)
    assert path.read_bytes() == before


_OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(["weight", "add", "delete", "undo", "duplicate", "label", "plus"]),
        st.integers(0, 20),
        st.integers(1, 10),
    ),
    max_size=12,
)


@pytest.mark.slow
@given(_OPERATIONS)
def test_the_file_always_holds_what_the_session_shows(operations):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "search.json"
        session = file_session(path)
        for name, number, weight in operations:
            ids = session.state.workspace.ids
            target = ids[number % len(ids)] if ids else None
            if name == "add" or target is None:
                session.opportunities.add(f"Company {number}", "Role")
            elif name == "delete":
                session.opportunities.delete(target)
            elif name == "undo":
                session.opportunities.undo_delete()
            elif name == "duplicate":
                session.opportunities.duplicate(target)
            elif name == "plus":
                session.t_chart.add_factor(target, "plus", weight=weight)
            else:
                factors = session.state.opportunity(target).factors
                if factors:
                    index = number % len(factors)
                    if name == "weight":
                        session.t_chart.set_weight(target, index, weight)
                    else:
                        session.t_chart.set_label(target, index, f"Label {weight}")
            assert session.state.status.ok
            assert load_workspace(path) == session.state.workspace
            assert (
                session.state.selected_id is None
                or session.state.selected_id in session.state.workspace.ids
            )
