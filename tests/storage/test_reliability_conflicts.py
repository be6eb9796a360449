"""Two programs, one workspace: no update lost, nothing silently overwritten.

JupyterLab and Voila (or two notebooks) may hold the same workspace open.
Each saves through a :class:`WorkspaceFile`: edits to different opportunities
merge, overlapping edits are refused with a message naming the
opportunities, and the refused version is kept in a conflict copy.
"""

from __future__ import annotations

import errno
import json
import os
import pickle
import stat
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

import followup
from followup.errors import WorkspaceError
from followup.model import Contact, Factor, Settings, Workspace
from followup.storage.fileformat import backup_path, workspace_bytes
from followup.storage.files import example_workspace, load_workspace, save_workspace
from followup.storage.workspace_file import ConflictError, WorkspaceFile, conflict_copy_path

BASE = example_workspace()
FIRST, SECOND, THIRD = BASE.ids[:3]


def with_plus(workspace: Workspace, opportunity_id: str, label: str, weight: int = 4) -> Workspace:
    opportunity = workspace.opportunity(opportunity_id)
    return workspace.with_opportunity(opportunity.with_factor(Factor(label, "plus", weight)))


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "search.json"
    save_workspace(BASE, path)
    return path


@dataclass(frozen=True)
class Programs:
    """Two handles on one file (JupyterLab and Voila), each with the workspace it loaded."""

    lab: WorkspaceFile
    voila: WorkspaceFile
    lab_view: Workspace
    voila_view: Workspace


def open_both(path: Path) -> Programs:
    lab, voila = WorkspaceFile(path), WorkspaceFile(path)
    return Programs(lab, voila, lab.load(), voila.load())


def voila_edits_first(programs: Programs) -> Workspace:
    """Voila saves a plus on FIRST: the lab's next edit of FIRST overlaps it. Returns theirs."""
    return programs.voila.save(with_plus(programs.voila_view, FIRST, "Voila's edit"))


@pytest.fixture
def programs(path: Path) -> Programs:
    return open_both(path)


@pytest.fixture
def theirs(programs: Programs) -> Workspace:
    return voila_edits_first(programs)


# ---------------------------------------------------------------------------
# in one process, two handles on the file


def test_edits_to_different_opportunities_are_merged_and_returned(
    path: Path, programs: Programs
) -> None:
    programs.voila.save(with_plus(programs.voila_view, SECOND, "Voila's edit"))
    merged = programs.lab.save(with_plus(programs.lab_view, FIRST, "Lab's edit"))

    on_disk = load_workspace(path)
    assert on_disk == merged
    assert on_disk.opportunity(FIRST).factors[-1].label == "Lab's edit"
    assert on_disk.opportunity(SECOND).factors[-1].label == "Voila's edit"
    assert not list(path.parent.glob("*.conflict-*"))


def test_overlapping_edits_are_refused_naming_the_opportunity_and_kept_in_a_copy(
    path: Path, programs: Programs, theirs: Workspace
) -> None:
    mine = with_plus(programs.lab_view, FIRST, "Lab's edit")
    with pytest.raises(ConflictError) as caught:
        programs.lab.save(mine)

    copy = path.with_name("search.conflict-1.json")
    assert str(caught.value) == (
        f"{path} was changed by another program since it was loaded here, and both changed "
        f"opportunity '{FIRST}': nothing was saved to {path}. Your version is kept in {copy}; "
        "load the file again and redo those edits, or save with force=True to replace the "
        "other version (it stays in the .bak file)"
    )
    assert caught.value.conflicts == (FIRST,)
    assert caught.value.conflict_copy == copy
    assert load_workspace(path) == theirs, "the other program's version was overwritten"
    assert load_workspace(copy) == mine, "the refused version was lost"


def test_several_conflicting_parts_are_all_named(programs: Programs) -> None:
    lab, voila = programs.lab, programs.voila
    theirs = replace(with_plus(with_plus(programs.voila_view, FIRST, "v"), THIRD, "v"), owner=None)
    voila.save(theirs)
    mine = with_plus(with_plus(programs.lab_view, FIRST, "l"), THIRD, "l")
    with pytest.raises(ConflictError, match=f"opportunities '{FIRST}', '{THIRD}' and the owner"):
        lab.save(replace(mine, owner=Contact("Sam")))


def test_a_conflict_is_a_workspace_error_and_survives_pickling(
    programs: Programs, theirs: Workspace
) -> None:
    with pytest.raises(WorkspaceError) as caught:
        programs.lab.save(with_plus(programs.lab_view, FIRST, "l"))
    assert isinstance(caught.value, ConflictError) and isinstance(caught.value, ValueError)
    copy = pickle.loads(pickle.dumps(caught.value))
    assert (str(copy), copy.conflicts, copy.conflict_copy) == (
        str(caught.value),
        caught.value.conflicts,
        caught.value.conflict_copy,
    )


def test_saving_again_before_resolving_refreshes_the_same_conflict_copy(
    path: Path, programs: Programs, theirs: Workspace
) -> None:
    mine = programs.lab_view
    for attempt in (1, 2, 3):  # an app saves after every edit
        mine = with_plus(mine, FIRST, f"edit {attempt}")
        with pytest.raises(ConflictError):
            programs.lab.save(mine)
    assert load_workspace(conflict_copy_path(path, 1)) == mine, "the latest edits were not kept"
    assert not conflict_copy_path(path, 2).exists()


def test_a_conflict_copy_someone_changed_is_never_overwritten(
    path: Path, programs: Programs, theirs: Workspace
) -> None:
    lab, lab_view = programs.lab, programs.lab_view
    with pytest.raises(ConflictError):
        lab.save(with_plus(lab_view, FIRST, "first"))
    first_copy = conflict_copy_path(path, 1)
    first_copy.write_bytes(first_copy.read_bytes() + b"\n")  # opened and saved by a person
    second = with_plus(lab_view, FIRST, "second")
    with pytest.raises(ConflictError) as caught:
        lab.save(second)
    assert caught.value.conflict_copy == conflict_copy_path(path, 2)
    assert load_workspace(conflict_copy_path(path, 2)) == second
    assert load_workspace(first_copy) == with_plus(lab_view, FIRST, "first")


def test_separate_conflicts_get_separate_copies(path: Path) -> None:
    lab, voila = WorkspaceFile(path), WorkspaceFile(path)
    for attempt in (1, 2):
        lab_view, voila_view = lab.load(), voila.load()  # loading starts afresh
        voila.save(with_plus(voila_view, FIRST, f"voila {attempt}"))
        mine = with_plus(lab_view, FIRST, f"lab {attempt}")
        with pytest.raises(ConflictError):
            lab.save(mine)
        assert load_workspace(conflict_copy_path(path, attempt)) == mine


def test_the_same_edit_on_both_sides_is_not_a_conflict(programs: Programs) -> None:
    programs.voila.save(with_plus(programs.voila_view, FIRST, "same"))
    saved = programs.lab.save(with_plus(programs.lab_view, FIRST, "same"))
    assert saved == with_plus(BASE, FIRST, "same")


def test_removed_here_and_edited_there_is_a_conflict(programs: Programs, theirs: Workspace) -> None:
    with pytest.raises(ConflictError, match=f"opportunity '{FIRST}'"):
        programs.lab.save(programs.lab_view.without_opportunity(FIRST))


def test_owner_changed_here_and_settings_there_are_merged(path: Path, programs: Programs) -> None:
    programs.voila.save(replace(programs.voila_view, settings=Settings(threshold=2)))
    merged = programs.lab.save(replace(programs.lab_view, owner=Contact("Sam Example")))
    assert merged.settings == Settings(threshold=2)
    assert merged.owner == Contact("Sam Example")
    assert load_workspace(path) == merged


def test_touching_the_file_without_changing_it_is_not_a_conflict(path: Path) -> None:
    lab = WorkspaceFile(path)
    view = lab.load()
    os.utime(path, ns=(1, 1))
    assert not lab.changed_on_disk()
    mine = view.without_opportunity(FIRST)
    assert lab.save(mine) == mine
    assert load_workspace(path) == mine


def test_another_program_writing_the_same_bytes_is_not_a_conflict(path: Path) -> None:
    lab = WorkspaceFile(path)
    view = lab.load()
    path.unlink()
    path.write_bytes(workspace_bytes(BASE))  # a new file (new inode and date), same bytes
    mine = with_plus(view, FIRST, "l")
    assert lab.save(mine) == mine


def test_a_reformatted_but_equal_file_merges_to_mine(path: Path) -> None:
    lab = WorkspaceFile(path)
    view = lab.load()
    path.write_text(json.dumps(BASE.to_dict()))  # same content, other bytes
    assert lab.changed_on_disk()
    mine = with_plus(view, FIRST, "l")
    assert lab.save(mine) == mine


def test_after_a_merge_the_next_save_keeps_the_other_programs_edit(
    path: Path, programs: Programs
) -> None:
    lab = programs.lab
    programs.voila.save(with_plus(programs.voila_view, SECOND, "v"))
    merged = lab.save(with_plus(programs.lab_view, FIRST, "l1"))
    again = lab.save(with_plus(merged, FIRST, "l2"))
    assert again.opportunity(SECOND).factors[-1].label == "v"
    assert [f.label for f in load_workspace(path).opportunity(FIRST).factors[-2:]] == ["l1", "l2"]


def test_a_file_deleted_since_loading_is_recreated(path: Path) -> None:
    lab = WorkspaceFile(path)
    view = lab.load()
    path.unlink()
    assert lab.changed_on_disk()
    lab.save(view)
    assert load_workspace(path) == view


def test_a_file_damaged_since_loading_is_not_replaced_and_mine_is_kept(path: Path) -> None:
    lab = WorkspaceFile(path)
    mine = lab.load().without_opportunity(FIRST)
    path.write_bytes(b'{"format": "followup-work')
    copy = conflict_copy_path(path, 1)
    with pytest.raises(WorkspaceError) as caught:
        lab.save(mine)
    assert str(caught.value).startswith(
        f"refusing to replace {path}: another program changed it and it is no longer a "
        f"readable followup workspace ({path} is not valid JSON: "
    )
    assert str(caught.value).endswith(
        f"your version is kept in {copy}; pass force=True to replace the file anyway"
    )
    assert path.read_bytes() == b'{"format": "followup-work'
    assert load_workspace(copy) == mine


def test_force_overwrites_without_merging_and_keeps_the_other_version_as_backup(
    path: Path, programs: Programs, theirs: Workspace
) -> None:
    mine = with_plus(programs.lab_view, FIRST, "l")
    assert programs.lab.save(mine, force=True) == mine
    assert load_workspace(path) == mine
    assert load_workspace(backup_path(path)) == theirs


def test_a_handle_that_never_loaded_saves_like_save_workspace(path: Path) -> None:
    fresh = WorkspaceFile(path)
    assert fresh.base is None
    assert fresh.save(Workspace()) == Workspace()
    assert load_workspace(path) == Workspace()
    assert load_workspace(backup_path(path)) == BASE
    assert fresh.base == Workspace()


def test_changed_on_disk_tells_whether_another_program_saved(programs: Programs) -> None:
    assert not programs.lab.changed_on_disk()
    programs.voila.save(programs.voila_view.without_opportunity(FIRST))
    assert programs.lab.changed_on_disk()
    assert not programs.voila.changed_on_disk()


def test_the_conflict_copy_is_as_private_as_the_workspace(path: Path) -> None:
    path.chmod(0o600)
    programs = open_both(path)
    voila_edits_first(programs)
    with pytest.raises(ConflictError) as caught:
        programs.lab.save(with_plus(programs.lab_view, FIRST, "l"))
    assert stat.S_IMODE(caught.value.conflict_copy.stat().st_mode) == 0o600


def test_when_the_conflict_copy_cannot_be_written_nothing_is_saved(
    path: Path, programs: Programs, theirs: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(descriptor: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", full_disk)
    with pytest.raises(WorkspaceError, match=r"could not be kept in .*\(No space left on device\)"):
        programs.lab.save(with_plus(programs.lab_view, FIRST, "l"))
    monkeypatch.undo()
    assert load_workspace(path) == theirs
    assert not list(path.parent.glob("*.conflict-*"))


def test_loading_through_a_handle_refuses_what_load_workspace_refuses(tmp_path: Path) -> None:
    path = tmp_path / "search.json"
    with pytest.raises(WorkspaceError, match="does not exist"):
        WorkspaceFile(path).load()
    path.write_bytes(b"[]")
    with pytest.raises(WorkspaceError, match="not a followup workspace"):
        WorkspaceFile(path).load()


# ---------------------------------------------------------------------------
# two real processes

EDITOR = r"""
import sys
from followup.model import Factor
from followup.storage.workspace_file import ConflictError, WorkspaceFile

handle = WorkspaceFile(sys.argv[1])
workspace = None
print("ready", flush=True)
for line in sys.stdin:
    command, *arguments = line.split()
    try:
        if command == "load":
            workspace = handle.load()
            print("loaded", flush=True)
        elif command == "edit":  # edit <opportunity> <label>: add a plus
            plus = Factor(arguments[1], "plus", 5)
            edited = workspace.opportunity(arguments[0]).with_factor(plus)
            workspace = workspace.with_opportunity(edited)
            print("edited", flush=True)
        elif command == "save":
            saved = handle.save(workspace)
            print("saved merged" if saved != workspace else "saved", flush=True)
            workspace = saved
        elif command == "burst":  # burst <opportunity> <prefix> <n>: n edits, each saved at once
            opportunity_id, prefix, count = arguments[0], arguments[1], int(arguments[2])
            for number in range(count):
                opportunity = workspace.opportunity(opportunity_id)
                factor = Factor(f"{prefix}-{number}", "plus", 1 + number % 10)
                workspace = handle.save(workspace.with_opportunity(opportunity.with_factor(factor)))
            print("done", flush=True)
    except ConflictError as error:
        print("conflict", " ".join(error.conflicts), flush=True)
"""


class Editor:
    """A separate Python process editing the workspace through its own WorkspaceFile."""

    def __init__(self, path: Path) -> None:
        root = str(Path(followup.__file__).resolve().parent.parent)
        existing = os.environ.get("PYTHONPATH")
        self.process = subprocess.Popen(
            [sys.executable, "-c", EDITOR, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": root + (os.pathsep + existing if existing else "")},
        )

    def send(self, command: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()

    def answer(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def ask(self, command: str) -> str:
        self.send(command)
        return self.answer()

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=20)
        assert self.process.returncode == 0


@pytest.fixture
def two_editors(path: Path) -> Iterator[tuple[Editor, Editor]]:
    lab, voila = Editor(path), Editor(path)  # both start (and import) at the same time
    try:
        assert (lab.answer(), voila.answer()) == ("ready", "ready")
        yield lab, voila
    finally:
        lab.close()
        voila.close()


BURST = 25


@pytest.mark.slow
def test_two_processes_saving_at_the_same_time_lose_no_update(
    path: Path, two_editors: tuple[Editor, Editor]
) -> None:
    lab, voila = two_editors
    assert (lab.ask("load"), voila.ask("load")) == ("loaded", "loaded")
    lab.send(f"burst {FIRST} lab {BURST}")
    voila.send(f"burst {SECOND} voila {BURST}")
    assert (lab.answer(), voila.answer()) == ("done", "done")

    on_disk = load_workspace(path)
    added_by_lab = [f.label for f in on_disk.opportunity(FIRST).factors[-BURST:]]
    added_by_voila = [f.label for f in on_disk.opportunity(SECOND).factors[-BURST:]]
    assert added_by_lab == [f"lab-{n}" for n in range(BURST)]
    assert added_by_voila == [f"voila-{n}" for n in range(BURST)]
    assert not list(path.parent.glob("*.conflict-*"))


def load_and_edit(editors: tuple[Editor, Editor], lab_edits: str, voila_edits: str) -> None:
    """Both load, then each adds a plus (from-lab, from-voila) to the opportunity named."""
    lab, voila = editors
    assert (lab.ask("load"), voila.ask("load")) == ("loaded", "loaded")
    assert lab.ask(f"edit {lab_edits} from-lab") == "edited"
    assert voila.ask(f"edit {voila_edits} from-voila") == "edited"


@pytest.mark.slow
def test_two_processes_editing_different_opportunities_merge_step_by_step(
    path: Path, two_editors: tuple[Editor, Editor]
) -> None:
    lab, voila = two_editors
    load_and_edit(two_editors, lab_edits=FIRST, voila_edits=SECOND)
    assert lab.ask("save") == "saved"
    assert voila.ask("save") == "saved merged"
    on_disk = load_workspace(path)
    assert on_disk.opportunity(FIRST).factors[-1].label == "from-lab"
    assert on_disk.opportunity(SECOND).factors[-1].label == "from-voila"


@pytest.mark.slow
def test_two_processes_editing_one_opportunity_conflict_and_nothing_is_lost(
    path: Path, two_editors: tuple[Editor, Editor]
) -> None:
    lab, voila = two_editors
    load_and_edit(two_editors, lab_edits=FIRST, voila_edits=FIRST)
    assert voila.ask("save") == "saved"
    assert lab.ask("save") == f"conflict {FIRST}"

    assert load_workspace(path).opportunity(FIRST).factors[-1].label == "from-voila"
    kept = load_workspace(conflict_copy_path(path, 1))
    assert kept.opportunity(FIRST).factors[-1].label == "from-lab"
