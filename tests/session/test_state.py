"""The shared state: the clock, saving on every change, failed saves, merges and reloads."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from followup import (
    ValidationError,
    Workspace,
    WorkspaceError,
    example_workspace,
    load_workspace,
    save_workspace,
)
from followup.session import MemoryStore, Session, open_session
from tests.session.support import ACME, COMMUTE, NOON, STORY_DAY, file_session


def test_the_clock_must_be_a_date_or_a_function(tmp_path):
    with pytest.raises(ValidationError, match="today must be a date"):
        Session(example_workspace(), today="2026-12-01", now=NOON)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="now must be a datetime"):
        Session(example_workspace(), today=STORY_DAY, now=STORY_DAY)  # type: ignore[arg-type]


def test_today_can_be_a_function_so_a_long_running_app_follows_the_calendar():
    days = iter([dt.date(2026, 11, 24), dt.date(2026, 11, 25)])
    session = Session(example_workspace(), today=lambda: next(days), now=NOON)
    assert session.follow_up.next_step(ACME).action == "wait"
    assert session.follow_up.next_step(ACME).action == "send_check_in"


def test_every_change_is_saved_at_once_with_the_time_in_the_status(tmp_path):
    path = tmp_path / "search.json"
    session = file_session(path)
    session.t_chart.set_weight(ACME, COMMUTE, 9)
    assert load_workspace(path).opportunity(ACME).factors[COMMUTE].weight == 9
    assert session.state.status.ok
    assert session.state.status.message == "saved 12:04"


def test_a_refused_edit_changes_neither_the_session_nor_the_file(tmp_path):
    path = tmp_path / "search.json"
    session = file_session(path)
    before, revision = path.read_bytes(), session.state.revision
    with pytest.raises(ValidationError, match="interview_date must be a real calendar date"):
        session.details.set(ACME, "interview_date", "2026-02-30")
    assert session.state.opportunity(ACME).interview_date == dt.date(2026, 11, 10)
    assert path.read_bytes() == before
    assert session.state.revision == revision


def test_an_edit_that_changes_nothing_does_not_save(tmp_path):
    path = tmp_path / "search.json"
    session = file_session(path)
    revision = session.state.revision
    session.t_chart.set_weight(ACME, COMMUTE, 6)
    assert session.state.revision == revision


class FlakyStore:
    """A store whose disk is full until it is told otherwise."""

    def __init__(self, path: Path) -> None:
        self.path: Path | None = path
        self.full = True
        self.saved: Workspace | None = None

    def save(self, workspace: Workspace) -> Workspace:
        if self.full:
            raise WorkspaceError(f"{self.path} could not be saved (No space left on device)")
        self.saved = workspace
        return workspace

    def describe(self) -> str:
        return str(self.path)


def test_a_failed_save_keeps_the_edit_says_so_and_succeeds_when_tried_again(tmp_path):
    store = FlakyStore(tmp_path / "search.json")
    session = Session(example_workspace(), today=STORY_DAY, now=NOON, store=store)
    session.t_chart.set_weight(ACME, COMMUTE, 9)
    assert not session.state.status.ok
    assert "not saved" in session.state.status.message
    assert "No space left on device" in session.state.status.message
    assert session.state.opportunity(ACME).factors[COMMUTE].weight == 9
    store.full = False
    assert session.state.save().ok
    assert store.saved is not None
    assert store.saved.opportunity(ACME).factors[COMMUTE].weight == 9


def test_edits_from_another_program_to_other_opportunities_are_merged_in(tmp_path):
    path = tmp_path / "search.json"
    save_workspace(example_workspace(), path)
    lab = open_session(path, today=STORY_DAY, now=NOON)
    voila = open_session(path, today=STORY_DAY, now=NOON)
    voila.t_chart.set_weight("globex-analytics-engineer", 0, 10)
    lab.t_chart.set_weight(ACME, COMMUTE, 9)
    on_disk = load_workspace(path)
    assert on_disk.opportunity(ACME).factors[COMMUTE].weight == 9
    assert on_disk.opportunity("globex-analytics-engineer").factors[0].weight == 10
    assert lab.state.workspace == on_disk
    assert "merged" in lab.state.status.message


def test_overlapping_edits_are_refused_without_overwriting_and_reload_takes_the_file(tmp_path):
    path = tmp_path / "search.json"
    save_workspace(example_workspace(), path)
    lab = open_session(path, today=STORY_DAY, now=NOON)
    voila = open_session(path, today=STORY_DAY, now=NOON)
    voila.t_chart.set_weight(ACME, COMMUTE, 2)
    lab.t_chart.set_weight(ACME, COMMUTE, 9)
    assert not lab.state.status.ok
    assert "another program" in lab.state.status.message
    assert load_workspace(path).opportunity(ACME).factors[COMMUTE].weight == 2
    lab.state.reload()
    assert lab.state.status.ok
    assert lab.state.opportunity(ACME).factors[COMMUTE].weight == 2


def test_a_memory_session_never_writes_and_says_so():
    session = Session(example_workspace(), today=STORY_DAY, now=NOON, store=MemoryStore())
    session.t_chart.set_weight(ACME, COMMUTE, 9)
    assert session.state.status.ok
    assert "not saved to disk" in session.state.status.message
