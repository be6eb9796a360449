"""Impossible workspace paths are refused at once, naming the path and the reason."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from followup.errors import WorkspaceError
from followup.model import Workspace
from followup.storage.files import load_workspace, restore_backup, save_workspace
from followup.storage.paths import workspace_path
from followup.storage.workspace_file import WorkspaceFile

#: Every entry point that takes a workspace path.
ENTRY_POINTS: dict[str, Callable[[object], object]] = {
    "load_workspace": load_workspace,  # type: ignore[dict-item]
    "save_workspace": lambda path: save_workspace(Workspace(), path),  # type: ignore[arg-type]
    "restore_backup": restore_backup,  # type: ignore[dict-item]
    "WorkspaceFile": WorkspaceFile,  # type: ignore[dict-item]
    "WorkspaceFile.load": lambda path: WorkspaceFile(path).load(),  # type: ignore[arg-type]
}


def loop(tmp_path: Path) -> Path:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.symlink_to(b)
    b.symlink_to(a)
    return a


def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    return path


CASES: dict[str, tuple[Callable[[Path], object], str]] = {
    "empty": (lambda tmp: "", "the workspace path is empty"),
    "blank": (lambda tmp: "   ", "the workspace path is empty"),
    "nul": (lambda tmp: str(tmp / "se\0arch.json"), "cannot hold a NUL character"),
    "name-too-long": (lambda tmp: tmp / ("a" * 300 + ".json"), "file names have at most 255 bytes"),
    "wide-name-too-long": (lambda tmp: tmp / ("日" * 90 + ".json"), "275 bytes long"),
    "symlink-loop": (loop, "it is a loop of symbolic links"),
    "root": (lambda tmp: "/", "/ is a folder, not a workspace file"),
    "dot": (lambda tmp: ".", ". is a folder, not a workspace file"),
    "folder": (lambda tmp: tmp, "is a folder, not a workspace file"),
    "fifo": (fifo, "is a named pipe, not a regular file"),
    "not-a-path": (lambda tmp: 42, "the workspace path must be a file path; got 42"),
}


@pytest.mark.parametrize("entry", sorted(ENTRY_POINTS))
@pytest.mark.parametrize("case", sorted(CASES))
def test_an_impossible_path_is_a_workspace_error_naming_it(
    tmp_path: Path, case: str, entry: str
) -> None:
    make, reason = CASES[case]
    path = make(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(WorkspaceError, match=reason.replace(".", r"\.")) as caught:
        ENTRY_POINTS[entry](path)
    assert caught.value.__traceback__ is not None
    assert type(caught.value) is WorkspaceError
    assert sorted(p.name for p in tmp_path.iterdir()) == before, "something was written"


def test_a_fifo_is_refused_at_once_instead_of_blocking(tmp_path: Path) -> None:
    # Opening a named pipe for reading blocks until a writer comes: it must not be opened.
    path = fifo(tmp_path)
    with pytest.raises(WorkspaceError, match="named pipe"):
        load_workspace(path)


def test_a_symbolic_link_is_followed_to_the_real_file(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert workspace_path(link) == real


def test_a_path_with_a_tilde_means_the_home_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "/home/someone")
    assert workspace_path("~/search.json") == Path("/home/someone/search.json")
