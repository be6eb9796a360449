"""The lock beside the workspace: one writer at a time, in one process or several."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from followup.errors import WorkspaceError
from followup.storage.lock import hold_lock, lock_path, try_lock


def test_two_holders_in_one_process_take_turns(tmp_path: Path) -> None:
    workspace = tmp_path / "search.json"
    order: list[str] = []
    with hold_lock(workspace):
        waiter = threading.Thread(
            target=lambda: (hold_lock(workspace, timeout=5).__enter__(), order.append("second"))
        )
        waiter.start()
        time.sleep(0.2)
        order.append("first done")
    waiter.join(timeout=5)
    assert order == ["first done", "second"]


def test_a_held_lock_makes_the_other_wait_then_give_up_with_a_message(tmp_path: Path) -> None:
    workspace = tmp_path / "search.json"
    with (
        hold_lock(workspace),
        pytest.raises(WorkspaceError, match="is being saved by another"),
        hold_lock(workspace, timeout=0.1),
    ):
        pass  # pragma: no cover - never reached


def test_try_lock_says_whether_it_was_taken_and_never_waits(tmp_path: Path) -> None:
    workspace = tmp_path / "search.json"
    with hold_lock(workspace), try_lock(workspace) as taken:
        assert taken is False
    with try_lock(workspace) as taken:
        assert taken is True


def test_the_lock_file_stays_after_the_lock_is_released(tmp_path: Path) -> None:
    workspace = tmp_path / "search.json"
    with hold_lock(workspace):
        pass
    assert lock_path(workspace).is_file()
    assert lock_path(workspace).stat().st_size == 0


@pytest.mark.slow
def test_a_killed_holder_leaves_the_lock_free(tmp_path: Path) -> None:
    workspace = tmp_path / "search.json"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from followup.storage.lock import hold_lock\n"
            f"with hold_lock({str(workspace)!r}):\n"
            "    print('held', flush=True)\n"
            "    time.sleep(60)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "held"
    with try_lock(workspace) as taken:
        assert taken is False
    holder.kill()
    holder.wait(timeout=10)
    with hold_lock(workspace, timeout=2):
        pass
