"""Replacing the file on disk: a read-only file is left alone; backups kept only once sure."""

from __future__ import annotations

import dataclasses
import errno
import json
import os
import stat
from pathlib import Path

import pytest

from followup.errors import WorkspaceError
from followup.model import Workspace
from followup.storage.fileformat import workspace_bytes
from followup.storage.files import example_workspace, load_workspace, save_workspace
from followup.storage.paths import backup_path, version_backup_path

EXAMPLE = example_workspace()


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "search.json"
    save_workspace(Workspace(), path)
    save_workspace(EXAMPLE, path)
    return path


def version_1_bytes(workspace: Workspace) -> bytes:
    """The workspace as followup wrote it in format version 1 (no version 2 field)."""
    data = workspace.to_dict()
    data["version"] = 1
    for name in ("dictionary",):
        del data[name]
    for name in ("english", "greeting"):
        del data["settings"][name]
    for opportunity in data["opportunities"]:
        del opportunity["drafts"]
        del opportunity["notes"]["fact_source"]
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode()


def as_version_1(workspace: Workspace) -> Workspace:
    """The workspace as a version 1 file can hold it: no fact source in the notes."""
    for opportunity in workspace.opportunities:
        notes = dataclasses.replace(opportunity.notes, fact_source=None)
        workspace = workspace.with_opportunity(dataclasses.replace(opportunity, notes=notes))
    return workspace


def test_a_read_only_file_is_refused_and_left_as_it_is(saved: Path) -> None:
    before = saved.read_bytes()
    saved.chmod(0o444)
    with pytest.raises(WorkspaceError, match=r"is read-only, so it was not replaced"):
        save_workspace(Workspace(), saved)
    with pytest.raises(WorkspaceError, match=r"is read-only"):
        save_workspace(Workspace(), saved, force=True)
    assert saved.read_bytes() == before
    assert stat.S_IMODE(saved.stat().st_mode) == 0o444
    assert load_workspace(backup_path(saved)) == Workspace()


def test_a_full_disk_leaves_the_file_and_the_backup_as_they_were(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before, backup_before = saved.read_bytes(), backup_path(saved).read_bytes()
    real_write = os.write

    def full(descriptor: int, data: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(WorkspaceError, match="No space left on device"):
        save_workspace(Workspace(), saved)
    monkeypatch.setattr(os, "write", real_write)
    assert saved.read_bytes() == before
    assert backup_path(saved).read_bytes() == backup_before


def test_a_backup_that_is_a_folder_is_named_in_the_refusal(saved: Path) -> None:
    backup = backup_path(saved)
    backup.unlink()
    backup.mkdir()
    before = saved.read_bytes()
    with pytest.raises(WorkspaceError) as caught:
        save_workspace(Workspace(), saved)
    assert f"its backup {backup} is a folder" in str(caught.value)
    assert "move or rename that folder" in str(caught.value)
    assert saved.read_bytes() == before


def test_a_version_1_file_is_read_and_written_back_as_version_2_keeping_it_once(
    tmp_path: Path,
) -> None:
    path = tmp_path / "search.json"
    old = version_1_bytes(EXAMPLE)
    path.write_bytes(old)
    loaded = load_workspace(path)
    assert loaded == as_version_1(EXAMPLE)
    assert path.read_bytes() == old, "loading changed the file"
    save_workspace(loaded.without_opportunity(loaded.ids[0]), path)
    assert json.loads(path.read_bytes())["version"] == 2
    assert version_backup_path(path, 1).read_bytes() == old
    assert backup_path(path).read_bytes() == old
    save_workspace(Workspace(), path)
    assert version_backup_path(path, 1).read_bytes() == old, "the version 1 copy was replaced"
    assert json.loads(backup_path(path).read_bytes())["version"] == 2


def test_a_version_2_file_is_never_kept_as_a_version_1_backup(saved: Path) -> None:
    save_workspace(Workspace(), saved)
    assert not version_backup_path(saved, 1).exists()
    assert not version_backup_path(saved, 2).exists()


def test_saving_the_same_content_again_writes_nothing(saved: Path) -> None:
    before = saved.stat().st_mtime_ns, backup_path(saved).read_bytes()
    save_workspace(EXAMPLE, saved)
    assert (saved.stat().st_mtime_ns, backup_path(saved).read_bytes()) == before
    assert saved.read_bytes() == workspace_bytes(EXAMPLE)
