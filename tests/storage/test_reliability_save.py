"""Saving survives crashes and faults: the file is always the old or the new workspace, whole.

A process killed with SIGKILL in the middle of saving, and a disk that
refuses a write, a sync or a rename, must never cost the person their job
search: afterwards the file loads, equals either version, and temporary files
left behind are swept by the next load or save.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import followup
from followup.errors import WorkspaceError
from followup.model import Workspace
from followup.storage.atomic import is_temporary_file, temporary_files
from followup.storage.fileformat import workspace_bytes
from followup.storage.files import example_workspace, load_workspace, restore_backup, save_workspace
from followup.storage.paths import backup_path

OLD = example_workspace()
NEW = OLD.without_opportunity(OLD.ids[0])

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork and SIGKILL (POSIX)")

# ---------------------------------------------------------------------------
# SIGKILL during save, many times

# One helper process imports followup once, then forks a fresh saver for
# every kill: a saver starts in about a millisecond instead of the second a
# new interpreter takes to import pandas.
SAVER_FACTORY = r"""
import os, sys
import filelock  # saving loads it on first use; loaded here so that every fork saves at once
from followup.storage.files import load_workspace, save_workspace

path, old_path, new_path = sys.argv[1:4]
old, new = load_workspace(old_path), load_workspace(new_path)
print("ready", flush=True)
for line in sys.stdin:
    command, *arguments = line.split()
    if command == "spawn":
        # Read the file first, as a person's session would have: the saver then
        # knows it is a workspace and starts writing at once.
        load_workspace(path)
        started, ready = os.pipe()
        pid = os.fork()
        if pid == 0:
            status = 1
            try:
                os.close(started)
                os.write(ready, b"1")  # saving starts now: the kill timer starts from here
                os.close(ready)
                turn = 0
                while True:  # alternate the two versions until killed
                    save_workspace(new if turn % 2 else old, path)
                    turn += 1
            except BaseException as error:
                print(f"saver failed: {error!r}", file=sys.stderr, flush=True)
            finally:
                os._exit(status)
        os.close(ready)
        os.read(started, 1)  # a busy machine may be slow to run the child: wait for it
        os.close(started)
        print(pid, flush=True)
    elif command == "reap":
        _, status = os.waitpid(int(arguments[0]), 0)
        print(status, flush=True)
"""


def replicated(workspace: Workspace, copies: int) -> Workspace:
    """A larger search: every opportunity ``copies`` times (so a save takes a while)."""
    return Workspace(
        tuple(
            dataclasses.replace(opportunity, id=f"{opportunity.id}-{copy}")
            for copy in range(copies)
            for opportunity in workspace.opportunities
        ),
        owner=workspace.owner,
        settings=workspace.settings,
    )


# The versions the killed savers alternate between: about 60 kB each.
BIG_OLD = replicated(OLD, 4)
BIG_NEW = BIG_OLD.without_opportunity(BIG_OLD.ids[0])
VERSION_BYTES = (workspace_bytes(BIG_OLD), workspace_bytes(BIG_NEW))


def environment_importing_followup() -> dict[str, str]:
    """The environment for a child interpreter that imports this checkout's followup."""
    root = str(Path(followup.__file__).resolve().parent.parent)
    existing = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": root if not existing else root + os.pathsep + existing}


class SaverFactory:
    """A helper process that forks savers alternating ``old`` and ``new`` into ``path``."""

    def __init__(self, path: Path, old: Workspace = BIG_OLD, new: Workspace = BIG_NEW) -> None:
        self.path = path
        self.versions = Path(tempfile.mkdtemp())
        save_workspace(old, self.versions / "old.json")
        save_workspace(new, self.versions / "new.json")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                SAVER_FACTORY,
                str(path),
                str(self.versions / "old.json"),
                str(self.versions / "new.json"),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=environment_importing_followup(),
        )
        assert self.ask(None) == "ready"

    def ask(self, command: str | None) -> str:
        assert self.process.stdin is not None and self.process.stdout is not None
        if command is not None:
            self.process.stdin.write(command + "\n")
            self.process.stdin.flush()
        return self.process.stdout.readline().strip()

    def spawn(self) -> int:
        return int(self.ask("spawn"))

    def reap(self, pid: int) -> int:
        return int(self.ask(f"reap {pid}"))

    def kill_mid_save(self, moments: random.Random) -> int:
        """Start a saver, SIGKILL it up to 30 ms later; its wait status."""
        pid = self.spawn()
        time.sleep(moments.uniform(0, 0.03))
        os.kill(pid, signal.SIGKILL)
        return self.reap(pid)

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=10)
        shutil.rmtree(self.versions, ignore_errors=True)


@pytest.fixture
def saver_factory(tmp_path: Path) -> Iterator[SaverFactory]:
    """Savers into ``search.json``, which holds the old version to begin with."""
    path = tmp_path / "search.json"
    save_workspace(BIG_OLD, path)
    factory = SaverFactory(path)
    yield factory
    factory.close()


KILLS = 100


@pytest.mark.slow
def test_sigkill_at_random_moments_leaves_the_old_or_the_new_workspace(
    saver_factory: SaverFactory,
) -> None:
    path = saver_factory.path
    moments = random.Random(20261201)
    kills_leaving_temporary_files = 0
    seen = set()
    for kill in range(KILLS):
        status = saver_factory.kill_mid_save(moments)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
            f"kill {kill}: the saver had stopped by itself (status {status})"
        )
        leftovers = temporary_files(path)
        kills_leaving_temporary_files += bool(leftovers)

        on_disk = load_workspace(path)  # also sweeps what the killed save left
        assert on_disk in (BIG_OLD, BIG_NEW), f"kill {kill}: the file holds neither version"
        seen.add(on_disk.ids)
        if backup_path(path).exists():  # byte for byte one of the two versions
            assert backup_path(path).read_bytes() in VERSION_BYTES
        assert temporary_files(path) == [], f"kill {kill}: {leftovers} were not swept by the load"

    # The kills really landed in the middle of saves, in both directions.
    assert kills_leaving_temporary_files >= 5, kills_leaving_temporary_files
    assert seen == {BIG_OLD.ids, BIG_NEW.ids}
    save_workspace(BIG_OLD, path)  # no lock was left held by a killed saver
    assert load_workspace(path) == BIG_OLD


@pytest.mark.slow
def test_a_save_after_a_crash_sweeps_what_the_crash_left(
    saver_factory: SaverFactory,
) -> None:
    path = saver_factory.path
    moments = random.Random(7)
    for _ in range(100):
        saver_factory.kill_mid_save(moments)
        if temporary_files(path):
            break
    else:
        pytest.fail("no kill landed while a temporary file existed")
    save_workspace(BIG_NEW, path)
    assert temporary_files(path) == []
    assert load_workspace(path) == BIG_NEW


# ---------------------------------------------------------------------------
# injected faults at write, fsync and replace

REASONS = {
    errno.ENOSPC: "No space left on device",
    errno.EACCES: "Permission denied",
    errno.EBUSY: "Device or resource busy",  # Windows-like: the target is held open elsewhere
}


def _is_temporary_path(file: object) -> bool:
    return isinstance(file, str | os.PathLike) and Path(os.fspath(file)).name.endswith(".tmp")


def _is_regular_descriptor(descriptor: int) -> bool:
    return stat.S_ISREG(os.fstat(descriptor).st_mode)


class Fault:
    """Make the ``occurrence``-th matching call of ``os.<name>`` raise ``OSError(code)``."""

    def __init__(self, name: str, code: int, occurrence: int, matches: Callable[..., bool]) -> None:
        self.name, self.code, self.occurrence, self.matches = name, code, occurrence, matches
        self.real: Callable[..., Any] = getattr(os, name)
        self.seen = 0
        self.fired = False

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self.matches(*args):
            self.seen += 1
            if self.seen == self.occurrence:
                self.fired = True
                raise OSError(self.code, os.strerror(self.code))
        return self.real(*args, **kwargs)


FAULT_POINTS: dict[str, Callable[..., bool]] = {
    "open": lambda file, *rest: _is_temporary_path(file),  # creating a temporary file
    "write": lambda *args: True,
    "fsync": lambda descriptor: _is_regular_descriptor(descriptor),  # a file, not the folder
    "replace": lambda *args: True,
}


def _prepare(folder: Path) -> Path:
    """A workspace file holding OLD, whose backup holds the empty workspace."""
    folder.mkdir()
    path = folder / "search.json"
    save_workspace(Workspace(), path)
    save_workspace(OLD, path)
    return path


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    return _prepare(tmp_path / "workspace")


def _calls_in_one_save(folder: Path, call: str) -> int:
    counter = Fault(call, 0, 0, FAULT_POINTS[call])  # counts, never fires
    path = _prepare(folder)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, call, counter)
        save_workspace(NEW, path)
    return counter.seen


@pytest.mark.parametrize("code", sorted(REASONS), ids=lambda code: errno.errorcode[code])
@pytest.mark.parametrize("call", sorted(FAULT_POINTS))
def test_any_failing_call_leaves_the_old_file_byte_identical_and_no_temporary_file(
    tmp_path: Path, call: str, code: int
) -> None:
    calls = _calls_in_one_save(tmp_path / "count", call)
    assert calls >= 1, f"a save makes no os.{call} call to fail"
    refusals = 0
    for occurrence in range(1, calls + 1):  # each of the save's calls fails in turn
        path = _prepare(tmp_path / f"fail-{occurrence}")
        before, mode_before = path.read_bytes(), path.stat().st_mode
        fault = Fault(call, code, occurrence, FAULT_POINTS[call])
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(os, call, fault)
            try:
                save_workspace(NEW, path)
            except WorkspaceError as error:
                refusals += 1
                assert str(error) == (
                    f"{path} could not be saved ({REASONS[code]}); the file on disk and its "
                    "backup are unchanged"
                )
                assert path.read_bytes() == before
                assert path.stat().st_mode == mode_before
                assert load_workspace(backup_path(path)) == Workspace(), "the backup was replaced"
            else:
                # Only a step with a fallback may fail without failing the save (the
                # backup's hard link, then copied): then the save is complete.
                assert load_workspace(path) == NEW
                assert load_workspace(backup_path(path)) == OLD

        assert fault.fired
        assert [p for p in path.parent.iterdir() if is_temporary_file(p, path)] == []
        assert load_workspace(backup_path(path)) in (Workspace(), OLD)
        save_workspace(NEW, path)  # the next save, on a healthy disk, works
        assert load_workspace(path) == NEW
        assert load_workspace(backup_path(path)) in (OLD, NEW)
    assert refusals >= 1, f"no failing os.{call} call was reported"


def test_without_hard_links_the_backup_is_copied(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fault = Fault("link", errno.EPERM, 1, lambda *args: True)  # e.g. a FAT or network drive
    monkeypatch.setattr(os, "link", fault)
    save_workspace(NEW, saved)
    monkeypatch.undo()
    assert fault.fired
    assert load_workspace(saved) == NEW
    assert load_workspace(backup_path(saved)) == OLD
    assert temporary_files(saved) == []


def test_the_backup_is_a_separate_file_from_the_workspace(saved: Path) -> None:
    save_workspace(NEW, saved)
    assert not backup_path(saved).samefile(saved)
    saved.write_bytes(b"overwritten in place by another program")
    assert load_workspace(backup_path(saved)) == OLD


def _write_that_fills_the_disk() -> tuple[str, Callable[..., int]]:
    real_write = os.write
    room = [4096 + 100]  # the file runs out of space part-way

    def filling_write(descriptor: int, data: bytes | memoryview) -> int:
        if room[0] <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written = real_write(descriptor, bytes(data[: room[0]]))
        room[0] -= written
        return written

    return "write", filling_write


def _fsync_interrupted() -> tuple[str, Callable[..., None]]:
    def interrupted_fsync(descriptor: int) -> None:
        raise KeyboardInterrupt

    return "fsync", interrupted_fsync


@pytest.mark.parametrize(
    ("broken_call", "raised", "match"),
    [
        (
            _write_that_fills_the_disk,
            WorkspaceError,
            r"could not be saved \(No space left on device\)",
        ),
        (_fsync_interrupted, KeyboardInterrupt, None),  # reported, not swallowed
    ],
    ids=["disk filling up mid-write", "interrupt during the write"],
)
def test_a_save_cut_short_leaves_the_old_file_and_no_temporary_file(
    saved: Path,
    monkeypatch: pytest.MonkeyPatch,
    broken_call: Callable[[], tuple[str, Callable[..., Any]]],
    raised: type[BaseException],
    match: str | None,
) -> None:
    before = saved.read_bytes()
    call, replacement = broken_call()
    monkeypatch.setattr(os, call, replacement)
    with pytest.raises(raised, match=match):
        save_workspace(NEW, saved)
    monkeypatch.undo()
    assert saved.read_bytes() == before
    assert temporary_files(saved) == []


def test_a_folder_that_cannot_be_synced_does_not_fail_the_save(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Some file systems refuse to sync a folder; the rename already happened.
    fault = Fault(
        "fsync", errno.EINVAL, 1, lambda descriptor: not _is_regular_descriptor(descriptor)
    )
    monkeypatch.setattr(os, "fsync", fault)
    save_workspace(NEW, saved)
    monkeypatch.undo()
    assert fault.fired
    assert load_workspace(saved) == NEW


def test_a_fault_while_restoring_the_backup_keeps_the_damaged_file_aside(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved.write_bytes(b"damaged")
    monkeypatch.setattr(os, "write", Fault("write", errno.ENOSPC, 1, lambda *args: True))
    with pytest.raises(
        WorkspaceError, match=r"could not be restored from .*search\.json\.bak \(No space"
    ):
        restore_backup(saved)
    monkeypatch.undo()
    assert saved.read_bytes() == b"damaged", "the file went missing"
    assert saved.with_name("search.json.corrupt-1").read_bytes() == b"damaged"
    assert temporary_files(saved) == []
    assert restore_backup(saved) == saved.with_name("search.json.corrupt-2")
    assert load_workspace(saved) == Workspace()


def test_the_bytes_on_disk_are_exactly_the_canonical_content(saved: Path) -> None:
    assert saved.read_bytes() == workspace_bytes(OLD)
