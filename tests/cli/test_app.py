"""``followup app``: the decision app served on localhost with Voila."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import nbformat
import pytest

import followup
from followup.cli import app as serve
from tests.cli.support import plain_output, run  # noqa: F401

PROJECT_ROOT = Path(followup.__file__).resolve().parent.parent


class FakeVoila:
    """Stands in for subprocess.Popen: records what would be served, serves nothing."""

    def __init__(self, status: int = 0, interrupt: bool = False) -> None:
        self.status = status
        self.interrupt = interrupt
        self.terminate_me = False
        self.own_session = False
        self.command: list[str] = []
        self.environment: dict[str, str] = {}
        self.notebook_text = ""
        self.terminated = False

    def __call__(
        self, command: list[str], *, env: dict[str, str], start_new_session: bool = False
    ) -> FakeVoila:
        self.command = command
        self.environment = env
        self.own_session = start_new_session
        self.notebook_text = Path(command[3]).read_text(encoding="utf-8")
        return self

    def wait(self, timeout: float | None = None) -> int:
        if self.interrupt and not self.terminated and timeout is None:
            raise KeyboardInterrupt
        if self.terminate_me and not self.terminated and timeout is None:
            os.kill(os.getpid(), signal.SIGTERM)  # as `kill PID` from another terminal
        return self.status

    def poll(self) -> int | None:
        return self.status if self.terminated else None

    def terminate(self) -> None:
        self.terminated = True

    def kill(self) -> None:
        self.terminated = True


@pytest.fixture
def fake_voila(monkeypatch: pytest.MonkeyPatch) -> FakeVoila:
    fake = FakeVoila()
    monkeypatch.setattr(serve.subprocess, "Popen", fake)
    monkeypatch.delenv(serve.WORKSPACE_VARIABLE, raising=False)
    monkeypatch.delenv(serve.TODAY_VARIABLE, raising=False)
    return fake


def test_the_app_notebook_is_a_valid_notebook_without_outputs() -> None:
    notebook = nbformat.from_dict(serve.app_notebook())
    nbformat.validate(notebook)
    (cell,) = notebook.cells
    assert cell.outputs == []


def test_the_app_notebook_opens_the_workspace_and_date_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[tuple[Any, Any]] = []
    monkeypatch.setattr(
        followup, "app", lambda path, *, today: calls.append((path, today)), raising=False
    )
    source = "".join(serve.app_notebook()["cells"][0]["source"])
    monkeypatch.setenv(serve.WORKSPACE_VARIABLE, "/somewhere/search.json")
    monkeypatch.setenv(serve.TODAY_VARIABLE, "2026-12-01")
    exec(compile(source, "app.ipynb", "exec"), {})
    monkeypatch.delenv(serve.WORKSPACE_VARIABLE)
    monkeypatch.delenv(serve.TODAY_VARIABLE)
    exec(compile(source, "app.ipynb", "exec"), {})
    assert calls == [("/somewhere/search.json", dt.date(2026, 12, 1)), (None, None)]


def test_voila_serves_on_localhost_only_with_this_python() -> None:
    command = serve.voila_command(Path("/tmp/app.ipynb"), port=9000, open_browser=False)
    assert command[:4] == [sys.executable, "-m", "voila", "/tmp/app.ipynb"]
    assert "--port=9000" in command
    assert "--Voila.ip=127.0.0.1" in command
    assert "--no-browser" in command
    assert "--no-browser" not in serve.voila_command(Path("x"), port=1, open_browser=True)


def test_app_serves_the_workspace_by_its_absolute_path(
    capsys: pytest.CaptureFixture[str],
    fake_voila: FakeVoila,
    workspace_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(workspace_file.parent)
    result = run(
        capsys,
        "app",
        workspace_file.name,
        "--port",
        "9123",
        "--no-browser",
        "--today",
        "2026-12-01",
    )
    assert result.status == 0
    assert fake_voila.environment[serve.WORKSPACE_VARIABLE] == str(workspace_file.resolve())
    assert fake_voila.environment[serve.TODAY_VARIABLE] == "2026-12-01"
    assert "--port=9123" in fake_voila.command
    assert "followup.app(" in fake_voila.notebook_text
    assert "http://127.0.0.1:9123/" in result.out
    assert not Path(fake_voila.command[3]).exists()  # the temporary notebook is cleaned up


def test_app_without_a_file_leaves_the_workspace_to_the_app(
    capsys: pytest.CaptureFixture[str], fake_voila: FakeVoila, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(serve.WORKSPACE_VARIABLE, "/left/over/from/before.json")
    assert run(capsys, "app").status == 0
    assert serve.WORKSPACE_VARIABLE not in fake_voila.environment
    assert "--no-browser" not in fake_voila.command


def test_app_passes_a_missing_file_on_for_the_app_to_create(
    capsys: pytest.CaptureFixture[str], fake_voila: FakeVoila, tmp_path: Path
) -> None:
    assert run(capsys, "app", tmp_path / "new.json").status == 0
    assert fake_voila.environment[serve.WORKSPACE_VARIABLE] == str(tmp_path / "new.json")


def test_app_refuses_an_unreadable_workspace_before_starting_a_server(
    capsys: pytest.CaptureFixture[str], fake_voila: FakeVoila, tmp_path: Path
) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{", encoding="utf-8")
    result = run(capsys, "app", path)
    assert result.status == 1
    assert result.err.startswith("error: ") and result.err.count("\n") == 1
    assert fake_voila.command == []


def test_app_passes_on_the_servers_exit_status(
    capsys: pytest.CaptureFixture[str], fake_voila: FakeVoila
) -> None:
    fake_voila.status = 3
    assert run(capsys, "app").status == 3


def test_ctrl_c_stops_the_server_and_ends_cleanly(
    capsys: pytest.CaptureFixture[str], fake_voila: FakeVoila
) -> None:
    fake_voila.interrupt = True
    assert run(capsys, "app").status == 0
    assert fake_voila.terminated


def test_sigterm_stops_the_server_too_instead_of_orphaning_it(
    capsys: pytest.CaptureFixture[str], fake_voila: FakeVoila
) -> None:
    fake_voila.terminate_me = True
    before = signal.getsignal(signal.SIGTERM)
    assert run(capsys, "app").status == 128 + signal.SIGTERM
    assert fake_voila.terminated
    assert signal.getsignal(signal.SIGTERM) == before


def test_voila_runs_in_its_own_session_so_ctrl_c_reaches_followup_first(
    capsys: pytest.CaptureFixture[str], fake_voila: FakeVoila
) -> None:
    run(capsys, "app")
    assert fake_voila.own_session


def test_app_without_voila_says_how_to_install_it(
    capsys: pytest.CaptureFixture[str], fake_voila: FakeVoila, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(serve.importlib.util, "find_spec", lambda name: None)
    result = run(capsys, "app")
    assert result.status == 1
    assert "pip install voila" in result.err
    assert fake_voila.command == []


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _status_of(url: str, timeout: float) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, OSError):
        return None


@pytest.mark.slow
def test_app_serves_the_page_on_localhost_and_stops_on_ctrl_c(workspace_file: Path) -> None:
    port = _free_port()
    environment = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    command = [
        sys.executable,
        "-m",
        "followup",
        "app",
        str(workspace_file),
        "--port",
        str(port),
        "--no-browser",
    ]
    process = subprocess.Popen(
        command,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while _status_of(f"http://127.0.0.1:{port}/voila/static/", 1) is None:
            assert process.poll() is None, process.stdout.read() if process.stdout else ""
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)
        assert _status_of(f"http://127.0.0.1:{port}/", 60) == 200
        process.send_signal(signal.SIGINT)  # Ctrl+C reaches followup, not Voila's session
        assert process.wait(timeout=30) == 0
        deadline = time.monotonic() + 20
        while _status_of(f"http://127.0.0.1:{port}/voila/static/", 1) is not None:
            assert time.monotonic() < deadline, "Voila kept serving after followup stopped"
            time.sleep(0.2)
    finally:
        # Whatever happened above, nothing this test started is left running.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        if process.stdout:
            process.stdout.close()
