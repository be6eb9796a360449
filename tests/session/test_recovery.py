"""When another program damages or rewrites the workspace file: three ways on, nothing lost."""

from __future__ import annotations

import os
import time

import pytest

from followup import WorkspaceError, example_workspace, load_workspace, save_workspace
from followup.session import open_session
from followup.session.recovery import kept_copies, restore_copy
from tests.session.support import ACME, COMMUTE, NOON, STORY_DAY

GARBAGE = b'{"format": "followup-workspace", "version": 2, "opport'


def opened(path):
    save_workspace(example_workspace(), path)
    return open_session(path, today=STORY_DAY, now=NOON)


def damaged_while_open(path):
    session = opened(path)
    path.write_bytes(GARBAGE)  # a sync tool writes over the file
    session.t_chart.set_weight(ACME, COMMUTE, 9)
    return session


def test_a_file_damaged_while_the_app_is_open_asks_the_person_and_keeps_the_edit(tmp_path):
    path = tmp_path / "search.json"
    session = damaged_while_open(path)
    recovery = session.recovery
    assert recovery.needed
    assert not session.state.status.ok
    assert session.state.opportunity(ACME).factors[COMMUTE].weight == 9  # kept in the app
    words = recovery.explanation()
    assert "not a workspace" in words and "force=True" not in words
    assert path.read_bytes() == GARBAGE  # nothing overwritten without asking
    choices = {choice.key: choice for choice in recovery.choices()}
    assert list(choices) == ["keep_mine", "use_file", "open_copy"]
    assert choices["use_file"].unavailable == "The file on disk is damaged: it cannot be read."
    assert choices["keep_mine"].unavailable is None
    assert choices["open_copy"].unavailable is None  # the refused version was kept


def test_keep_my_version_writes_it_and_keeps_the_damaged_file_aside(tmp_path):
    path = tmp_path / "search.json"
    session = damaged_while_open(path)
    session.recovery.choose("keep_mine")
    assert not session.recovery.needed and session.state.status.ok
    assert load_workspace(path).opportunity(ACME).factors[COMMUTE].weight == 9
    aside = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert [p.read_bytes() for p in aside] == [GARBAGE]
    session.t_chart.set_weight(ACME, COMMUTE, 8)  # and saving goes on as before
    assert load_workspace(path).opportunity(ACME).factors[COMMUTE].weight == 8


def test_use_the_file_on_disk_takes_the_other_program_s_version(tmp_path):
    path = tmp_path / "search.json"
    lab = opened(path)
    voila = open_session(path, today=STORY_DAY, now=NOON)
    voila.t_chart.set_weight(ACME, COMMUTE, 2)
    lab.t_chart.set_weight(ACME, COMMUTE, 9)
    assert lab.recovery.needed
    choices = {choice.key: choice for choice in lab.recovery.choices()}
    assert choices["use_file"].unavailable is None
    lab.recovery.choose("use_file")
    assert not lab.recovery.needed
    assert lab.state.opportunity(ACME).factors[COMMUTE].weight == 2
    copy = lab.recovery.newest_conflict_copy()
    assert copy is not None
    assert load_workspace(copy.path).opportunity(ACME).factors[COMMUTE].weight == 9


def test_open_the_newest_conflict_copy_brings_back_the_refused_edits(tmp_path):
    path = tmp_path / "search.json"
    session = damaged_while_open(path)
    session.recovery.choose("open_copy")
    assert not session.recovery.needed
    assert load_workspace(path).opportunity(ACME).factors[COMMUTE].weight == 9
    assert session.state.opportunity(ACME).factors[COMMUTE].weight == 9


def test_saving_again_while_refused_refreshes_one_copy_instead_of_adding_more(tmp_path):
    path = tmp_path / "search.json"
    session = damaged_while_open(path)
    session.t_chart.set_weight(ACME, COMMUTE, 10)
    session.state.save()
    copies = [c for c in kept_copies(path) if c.kind == "conflict copy"]
    assert len(copies) == 1
    assert load_workspace(copies[0].path).opportunity(ACME).factors[COMMUTE].weight == 10


def test_kept_copies_lists_the_backup_and_the_conflict_copies_newest_first(tmp_path):
    path = tmp_path / "search.json"
    damaged_while_open(path)
    backup = path.with_name("search.json.bak")
    save_workspace(example_workspace(), backup)
    past = time.time() - 3600
    os.utime(backup, (past, past))
    copies = kept_copies(path)
    assert [c.kind for c in copies] == ["conflict copy", "backup"]
    assert copies[0].modified > copies[1].modified
    assert copies[1].describe().startswith("the backup saved ")


def test_restoring_a_conflict_copy_keeps_the_damaged_file_aside(tmp_path):
    path = tmp_path / "search.json"
    damaged_while_open(path)
    copy = next(c for c in kept_copies(path) if c.kind == "conflict copy")
    restore_copy(path, copy)
    assert load_workspace(path).opportunity(ACME).factors[COMMUTE].weight == 9
    assert any(p.read_bytes() == GARBAGE for p in tmp_path.iterdir() if ".corrupt-" in p.name)


def test_a_copy_that_cannot_be_read_is_refused_and_nothing_changes(tmp_path):
    path = tmp_path / "search.json"
    damaged_while_open(path)
    copy = next(c for c in kept_copies(path) if c.kind == "conflict copy")
    copy.path.write_bytes(b"nonsense")
    with pytest.raises(WorkspaceError):
        restore_copy(path, copy)
    assert path.read_bytes() == GARBAGE


def test_a_memory_session_never_needs_recovery():
    session = open_session(today=STORY_DAY, now=NOON)
    session.t_chart.set_weight(ACME, COMMUTE, 9)
    assert not session.recovery.needed


def test_a_conflict_names_the_opportunity_both_changed_as_the_person_knows_it(tmp_path):
    path = tmp_path / "search.json"
    lab = opened(path)
    voila = open_session(path, today=STORY_DAY, now=NOON)
    voila.t_chart.set_weight(ACME, COMMUTE, 2)
    lab.t_chart.set_weight(ACME, COMMUTE, 9)
    words = lab.recovery.explanation()
    assert "Acme Analytics — Senior Data Engineer" in words
    assert ACME not in words.replace(str(tmp_path), "")
