"""The ``app`` command: the decision app served on localhost as a web page, with Voila.

The app is :func:`followup.app`. An installed package has no notebooks
folder, so the command writes a one-cell notebook that shows the app into a
temporary folder and serves that; the workspace path (absolute, since the
kernel runs in that folder) and the planning date reach the notebook through
the environment variables ``FOLLOWUP_WORKSPACE`` and ``FOLLOWUP_TODAY``.

Anyone who can open the page can read and change the whole job search, and on
a shared computer every user can reach 127.0.0.1. So each start makes a fresh
random key (a Jupyter token) and the server refuses every request without it.
The key never appears on a command line, which other users can read (``ps``):
Voila reads it from a file in the private temporary folder
(``JUPYTER_TOKEN_FILE``), and the browser is sent to it through a page in
that folder, as Jupyter itself does. The one place it is shown is the link
printed on the terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from followup.cli.arguments import Command, add_today, port_argument
from followup.cli.common import load
from followup.cli.console import Console, Styled
from followup.errors import FollowupError

__all__ = [
    "APP",
    "DEFAULT_PORT",
    "TODAY_VARIABLE",
    "TOKEN_FILE_VARIABLE",
    "WORKSPACE_VARIABLE",
    "app_notebook",
    "browser_page",
    "voila_command",
]

DEFAULT_PORT = 8866
WORKSPACE_VARIABLE = "FOLLOWUP_WORKSPACE"
TODAY_VARIABLE = "FOLLOWUP_TODAY"
#: Where Jupyter servers read their token from (``JUPYTER_TOKEN``, if set, would win over it).
TOKEN_FILE_VARIABLE = "JUPYTER_TOKEN_FILE"
_STOP_SECONDS = 10
#: How long to wait for Voila to listen before giving up on opening the browser.
_START_SECONDS = 120

APP_EXAMPLES = """\
examples:
  followup app                         the app on a copy of the bundled example
  followup app search.json             the app on your own workspace
  followup app search.json --port 9000 --no-browser

Serves the decision app (weigh pluses and minuses, compare, draft the
follow-up) as a web page on http://127.0.0.1:PORT/ only, not on the network,
and opens it in the browser. The page opens only with the link printed at the
start: it carries a key made afresh for each run, so other users of this
computer cannot open your job search. Every change is saved to FILE as you go.
Stop it with Ctrl+C.
"""

_APP_SOURCE = f"""\
import datetime as dt
import os

import followup

_today = os.environ.get({TODAY_VARIABLE!r})
followup.app(
    os.environ.get({WORKSPACE_VARIABLE!r}) or None,
    today=dt.date.fromisoformat(_today) if _today else None,
)"""


def app_notebook() -> dict[str, Any]:
    """The notebook Voila serves: one code cell that shows :func:`followup.app`."""
    return {
        "cells": [
            {
                "cell_type": "code",
                "execution_count": None,
                "id": "followup-app",
                "metadata": {},
                "outputs": [],
                "source": _APP_SOURCE.splitlines(keepends=True),
            }
        ],
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def voila_command(notebook: Path, *, port: int) -> list[str]:
    """The command line that serves ``notebook`` on 127.0.0.1 with this Python's Voila.

    Voila takes its token from the file named by :data:`TOKEN_FILE_VARIABLE`
    (``auto_token`` keeps it from switching the token off), serves on exactly
    ``port`` (not a neighbour, which the printed link would miss) and leaves
    the browser to followup (Voila would open it without the token).
    """
    return [
        sys.executable,
        "-m",
        "voila",
        str(notebook),
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--Voila.port_retries=0",
        "--Voila.auto_token=True",
        "--no-browser",
    ]


def browser_page(url: str) -> str:
    """A page that sends the browser on to ``url`` (opening a file keeps the key off ``ps``).

    >>> "url=http://127.0.0.1:8866/?token=a&amp;b" in browser_page("http://127.0.0.1:8866/?token=a&b")
    True
    """
    import html

    link = html.escape(url, quote=True)
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f'<meta http-equiv="refresh" content="0; url={link}"><title>followup</title></head>\n'
        f'<body><p><a href="{link}">Open the followup app</a></p></body></html>\n'
    )


def run_app(args: argparse.Namespace, console: Console) -> int:
    import secrets

    if importlib.util.find_spec("voila") is None:
        raise FollowupError("followup app needs Voila; install it with: pip install voila")
    environment = dict(os.environ)
    for inherited in (WORKSPACE_VARIABLE, TODAY_VARIABLE, "JUPYTER_TOKEN"):
        environment.pop(inherited, None)
    if args.file is not None:
        path = Path(args.file).resolve()
        if path.exists():
            load(str(path))  # refuse an unreadable workspace here, in one line, not in the page
        environment[WORKSPACE_VARIABLE] = str(path)
    if args.today is not None:
        environment[TODAY_VARIABLE] = args.today.isoformat()
    _refuse_a_taken_port(args.port)
    token = secrets.token_urlsafe(32)
    url = f"http://127.0.0.1:{args.port}/?token={token}"
    # The folder is the caller's alone (mode 0700): the key and the page may sit in it.
    with tempfile.TemporaryDirectory(prefix="followup-app-") as folder:
        notebook = Path(folder) / "followup.ipynb"
        notebook.write_text(json.dumps(app_notebook(), indent=1), encoding="utf-8")
        environment[TOKEN_FILE_VARIABLE] = str(_private_file(Path(folder) / "token", token))
        page = (
            None
            if args.no_browser
            else _private_file(Path(folder) / "open.html", browser_page(url))
        )
        console.print("Serving the followup app on ", Styled(url, "bold"), " (Ctrl+C stops it).")
        console.print("Only this link opens it: the key in it is new for this run.")
        console.flush()
        return _serve(voila_command(notebook, port=args.port), environment, args.port, page)


def _refuse_a_taken_port(port: int) -> None:
    """Refuse a port another program listens on: the browser would open that program instead."""
    import socket

    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server will
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            raise FollowupError(
                f"port {port} on 127.0.0.1 is in use by another program; choose another with --port"
            ) from None


def _private_file(path: Path, text: str) -> Path:
    """``text`` written to a new file only its owner can read."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path


class _Terminated(BaseException):
    """SIGTERM or SIGHUP arrived while serving (a BaseException, like KeyboardInterrupt)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _serve(command: list[str], environment: dict[str, str], port: int, page: Path | None) -> int:
    # Voila runs in its own session: Ctrl+C in the terminal reaches only this process,
    # which stops Voila with SIGTERM (it shuts its kernels down cleanly), instead of
    # interrupting kernels half-started.
    import webbrowser

    process = subprocess.Popen(command, env=environment, start_new_session=True)
    with _stop_on_terminate():
        try:
            if _listening(process, port):
                if page is not None:
                    webbrowser.open(page.as_uri())
            elif process.poll() is not None:
                raise FollowupError(
                    f"the server stopped before serving on port {port} (its messages are above; "
                    "if another program uses that port, choose another with --port)"
                )
            return process.wait()
        except KeyboardInterrupt:
            _stop(process)
            return 0
        except _Terminated as signalled:
            _stop(process)
            return 128 + signalled.signum


def _listening(process: subprocess.Popen[bytes], port: int) -> bool:
    """Wait until the server accepts connections on ``port``; false if it ended first."""
    import socket

    deadline = time.monotonic() + _START_SECONDS
    while process.poll() is None and time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return True
        except OSError:
            time.sleep(0.1)
    return False


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=_STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextlib.contextmanager
def _stop_on_terminate() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP (terminal closed) into :class:`_Terminated` while serving.

    SIGINT (Ctrl+C) raises KeyboardInterrupt even when it came in ignored, as it does
    for a command started in the background by a script: the server always stops on it.
    """

    def terminated(signum: int, frame: object) -> None:
        raise _Terminated(signum)

    names = ("SIGTERM", "SIGHUP")
    numbers = [getattr(signal, name) for name in names if hasattr(signal, name)]
    handlers: dict[int, Any] = {number: terminated for number in numbers}
    handlers[signal.SIGINT] = signal.default_int_handler
    try:
        previous = {number: signal.signal(number, handler) for number, handler in handlers.items()}
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _app_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        metavar="FILE",
        nargs="?",
        help="the workspace file (default: a copy of the bundled example, not saved)",
    )
    parser.add_argument(
        "--port",
        type=port_argument,
        default=DEFAULT_PORT,
        help=f"the port to serve on (default: {DEFAULT_PORT})",
    )
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser window")


APP = Command(
    "app",
    summary="open the decision app in the browser (served on localhost)",
    description="Serve the decision app as a web page on this computer (Voila).",
    examples=APP_EXAMPLES,
    arguments=(_app_arguments, add_today),
    run=run_app,
)
