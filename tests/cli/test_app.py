"""``followup app``: the decision app served on localhost with Voila."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
import pytest

import followup
from followup.cli import app as serve
from tests.cli.support import assert_refused, plain_output, run  # noqa: F401

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
        token_file = Path(env[serve.TOKEN_FILE_VARIABLE])
        self.token = token_file.read_text(encoding="utf-8")
        self.token_file_mode = token_file.stat().st_mode & 0o777
        self._listen(_port_in(command))
        return self

    def _listen(self, port: int) -> None:
        # Like a server that has started: followup opens the browser only once it listens.
        self.socket = socket.socket()
        try:
            self.socket.bind(("127.0.0.1", port))
            self.socket.listen()
        except OSError:  # something else listens there already: as good for this fake
            self.socket.close()

    def close(self) -> None:
        with contextlib.suppress(AttributeError):
            self.socket.close()

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


def _port_in(command: list[str]) -> int:
    (port,) = [int(arg.split("=", 1)[1]) for arg in command if arg.startswith("--port=")]
    return port


@pytest.fixture
def fake_voila(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeVoila]:
    fake = FakeVoila()
    monkeypatch.setattr(serve.subprocess, "Popen", fake)
    monkeypatch.setattr(serve, "DEFAULT_PORT", _free_port())  # 8866 may be in use here
    monkeypatch.delenv(serve.WORKSPACE_VARIABLE, raising=False)
    monkeypatch.delenv(serve.TODAY_VARIABLE, raising=False)
    yield fake
    if fake.command:
        fake.close()


class FakeBrowser:
    """Stands in for webbrowser.open: keeps what the opened page said (it is gone afterwards)."""

    def __init__(self) -> None:
        self.opened: list[str] = []
        self.pages: list[str] = []
        self.page_modes: list[int] = []

    def __call__(self, url: str) -> bool:
        self.opened.append(url)
        page = Path(urllib.request.url2pathname(urllib.parse.urlparse(url).path))
        self.pages.append(page.read_text(encoding="utf-8"))
        self.page_modes.append(page.stat().st_mode & 0o777)
        return True


@pytest.fixture(autouse=True)
def fake_browser(monkeypatch: pytest.MonkeyPatch) -> FakeBrowser:
    """No test opens a real browser window."""
    browser = FakeBrowser()
    monkeypatch.setattr("webbrowser.open", browser)
    return browser


def _printed_link(out: str) -> str:
    (link,) = re.findall(r"http://127\.0\.0\.1:\d+/\?token=[\w-]+", out)
    return link


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


def test_voila_serves_on_localhost_only_with_this_python_on_exactly_the_port() -> None:
    command = serve.voila_command(Path("/tmp/app.ipynb"), port=9000)
    assert command[:4] == [sys.executable, "-m", "voila", "/tmp/app.ipynb"]
    assert "--port=9000" in command
    assert "--Voila.ip=127.0.0.1" in command
    assert "--Voila.port_retries=0" in command  # a neighbouring port would miss the link
    # Voila would open the browser without the token: followup opens it instead.
    assert "--no-browser" in command
    # The token comes from the token file, never from the command line (ps shows it).
    assert "--Voila.auto_token=True" in command
    assert not any(".token=" in arg.lower() or arg.startswith("--token=") for arg in command)


def test_app_serves_the_workspace_by_its_absolute_path(
    capsys: pytest.CaptureFixture[str],
    fake_voila: FakeVoila,
    fake_browser: FakeBrowser,
    workspace_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(workspace_file.parent)
    port = _free_port()
    argv = [workspace_file.name, "--port", port, "--no-browser", "--today", "2026-12-01"]
    result = run(capsys, "app", *argv)
    assert result.status == 0
    assert fake_voila.environment[serve.WORKSPACE_VARIABLE] == str(workspace_file.resolve())
    assert fake_voila.environment[serve.TODAY_VARIABLE] == "2026-12-01"
    assert f"--port={port}" in fake_voila.command
    assert "followup.app(" in fake_voila.notebook_text
    assert f"http://127.0.0.1:{port}/" in result.out
    assert not Path(fake_voila.command[3]).exists()  # the temporary notebook is cleaned up


def test_app_without_a_file_leaves_the_workspace_to_the_app(
    capsys: pytest.CaptureFixture[str],
    fake_voila: FakeVoila,
    fake_browser: FakeBrowser,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(serve.WORKSPACE_VARIABLE, "/left/over/from/before.json")
    assert run(capsys, "app").status == 0
    assert serve.WORKSPACE_VARIABLE not in fake_voila.environment


def test_app_is_served_with_a_fresh_secret_token_printed_in_the_link(
    capsys: pytest.CaptureFixture[str],
    fake_voila: FakeVoila,
    fake_browser: FakeBrowser,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("JUPYTER_TOKEN", "a-token-set-for-something-else")
    tokens = []
    for _ in range(2):
        port = _free_port()
        result = run(capsys, "app", "--port", port, "--no-browser")
        assert result.status == 0
        assert _printed_link(result.out) == f"http://127.0.0.1:{port}/?token={fake_voila.token}"
        tokens.append(fake_voila.token)
        fake_voila.close()
    assert tokens[0] != tokens[1]
    assert all(len(token) >= 40 for token in tokens)  # 32 random bytes, URL-safe
    # Only its owner can read the file Voila takes the token from, and an inherited
    # JUPYTER_TOKEN (which Jupyter would prefer to the file) is not passed on.
    assert fake_voila.token_file_mode == 0o600
    assert "JUPYTER_TOKEN" not in fake_voila.environment
    assert not any(tokens[1] in arg for arg in fake_voila.command)
    assert fake_browser.opened == []


def test_app_opens_the_browser_with_the_token_through_a_private_page(
    capsys: pytest.CaptureFixture[str], fake_voila: FakeVoila, fake_browser: FakeBrowser
) -> None:
    result = run(capsys, "app")
    assert result.status == 0
    link = _printed_link(result.out)
    (opened,) = fake_browser.opened
    assert opened.startswith("file://") and fake_voila.token not in opened
    (page,) = fake_browser.pages
    assert f'url={link}"' in page and f'href="{link}"' in page
    assert fake_browser.page_modes == [0o600]


def test_app_refuses_a_port_another_program_listens_on_before_starting_anything(
    capsys: pytest.CaptureFixture[str], fake_voila: FakeVoila, fake_browser: FakeBrowser
) -> None:
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        result = run(capsys, "app", "--port", port)
    assert_refused(result)
    assert f"port {port} " in result.err and "--port" in result.err
    assert result.out == ""  # no link to a server that is not ours
    assert fake_voila.command == [] and fake_browser.opened == []


@pytest.mark.parametrize("browser", [True, False], ids=["browser", "no browser"])
def test_a_server_that_ends_before_listening_is_one_error_line_and_no_browser(
    capsys: pytest.CaptureFixture[str],
    fake_voila: FakeVoila,
    fake_browser: FakeBrowser,
    monkeypatch: pytest.MonkeyPatch,
    browser: bool,
) -> None:
    monkeypatch.setattr(FakeVoila, "_listen", lambda self, port: None)
    fake_voila.status = 1
    fake_voila.terminated = True  # poll() reports it ended: the port was taken, say
    port = _free_port()
    result = run(capsys, "app", "--port", port, *([] if browser else ["--no-browser"]))
    assert_refused(result)
    assert f"port {port} " in result.err and "--port" in result.err
    assert fake_browser.opened == []


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


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # a redirect (to the login page) is an answer in itself


_OPENER = urllib.request.build_opener(_NoRedirects)


@dataclass
class _Answer:
    status: int
    location: str
    body: str


def _get(url: str, timeout: float) -> _Answer | None:
    """The server's answer to GET ``url``, redirects not followed; None when nobody answers."""
    try:
        with _OPENER.open(url, timeout=timeout) as response:
            return _Answer(int(response.status), "", response.read().decode("utf-8", "replace"))
    except urllib.error.HTTPError as error:
        return _Answer(error.code, error.headers.get("Location", ""), "")
    except (urllib.error.URLError, OSError):
        return None


def _ignore_interrupt() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class _ServedApp:
    """``python -m followup app`` in a process of its own, as a person would start it."""

    def __init__(self, workspace: Path, *, interrupt_ignored: bool = False) -> None:
        self.port = _free_port()
        command = [sys.executable, "-m", "followup", "app", str(workspace)]
        command += ["--port", str(self.port), "--no-browser"]
        self.process = subprocess.Popen(
            command,
            env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
            # As a script's background job starts it: Ctrl+C comes in ignored.
            preexec_fn=_ignore_interrupt if interrupt_ignored else None,
        )
        self.lines: list[str] = []
        # Read everything it prints as it comes, so that a full pipe never blocks Voila.
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.link = self._wait_for_link()
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 90
        while _get(f"{self.base}/voila/static/favicon.ico", 1) is None:
            assert self.process.poll() is None, self.output
            assert time.monotonic() < deadline, f"the server did not start: {self.output}"
            time.sleep(0.2)

    @property
    def output(self) -> str:
        return "".join(self.lines)

    @property
    def token(self) -> str:
        return self.link.rsplit("=", 1)[1]

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)

    def _wait_for_link(self) -> str:
        deadline = time.monotonic() + 60
        while "?token=" not in self.output:
            assert self.process.poll() is None, self.output
            assert time.monotonic() < deadline, f"no link printed: {self.output}"
            time.sleep(0.1)
        return _printed_link(self.output)

    def stop(self) -> None:
        """Stop it as Ctrl+C would, and make sure nothing it started is left running."""
        voila = _children_of(self.process.pid)
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=30)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        for pid in voila:  # in a session of its own: the signal above does not reach it
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        self.process.wait()
        self._reader.join(timeout=10)
        if self.process.stdout:
            self.process.stdout.close()


def _children_of(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux /proc; none found elsewhere)."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            # "pid (name) state ppid ...": the name may hold spaces, so split after it.
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                children.append(int(stat.parent.name))
    return children


@pytest.fixture(scope="module")
def served_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[_ServedApp]:
    folder = tmp_path_factory.mktemp("served")
    workspace = folder / "search.json"
    followup.save_workspace(followup.example_workspace(), workspace)
    app = _ServedApp(workspace)
    try:
        yield app
    finally:
        app.stop()


@pytest.mark.slow
@pytest.mark.parametrize(
    "path", ["/", "/?token=wrong", "/voila/render/followup.ipynb", "/api/kernels", "/tree"]
)
def test_the_served_app_refuses_every_request_without_its_token(
    served_app: _ServedApp, path: str
) -> None:
    answer = _get(served_app.base + path, 30)
    assert answer is not None
    assert answer.status in (302, 403), answer
    if answer.status == 302:
        assert "/login" in answer.location, answer
    assert "widget-view+json" not in answer.body


@pytest.mark.slow
def test_the_served_app_opens_with_the_printed_link(served_app: _ServedApp) -> None:
    answer = _get(served_app.link, 90)
    assert answer is not None and answer.status == 200, answer
    assert "widget-view+json" in answer.body  # the app's widgets, not a login page


@pytest.mark.slow
def test_the_token_is_shown_only_in_the_printed_link_and_on_no_command_line(
    served_app: _ServedApp,
) -> None:
    assert _get(served_app.link, 90) is not None  # let Voila log a request with the token
    assert _get(f"{served_app.base}/?token={served_app.token}x", 30) is not None
    assert served_app.output.count(served_app.token) == 1, served_app.output
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        with contextlib.suppress(OSError):
            assert served_app.token.encode() not in cmdline.read_bytes(), cmdline


@pytest.mark.slow
@pytest.mark.parametrize("interrupt_ignored", [False, True], ids=["terminal", "background"])
def test_app_serves_the_page_on_localhost_and_stops_on_ctrl_c(
    workspace_file: Path, interrupt_ignored: bool
) -> None:
    app = _ServedApp(workspace_file, interrupt_ignored=interrupt_ignored)
    try:
        answer = _get(app.link, 90)
        assert answer is not None and answer.status == 200, answer
        voila = _children_of(app.process.pid)
        assert voila, "no Voila process found"
        app.process.send_signal(signal.SIGINT)  # Ctrl+C reaches followup, not Voila's session
        assert app.process.wait(timeout=30) == 0
        deadline = time.monotonic() + 20
        while _get(f"{app.base}/voila/static/favicon.ico", 1) is not None:
            assert time.monotonic() < deadline, "Voila kept serving after followup stopped"
            time.sleep(0.2)
        assert not [pid for pid in voila if Path(f"/proc/{pid}").exists()]
    finally:
        # Whatever happened above, nothing this test started is left running.
        app.stop()
