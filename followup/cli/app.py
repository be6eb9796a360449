"""The ``app`` command: the decision app served on localhost as a web page, with Voila.

The app is :func:`followup.app`. An installed package has no notebooks
folder, so the command writes a one-cell notebook that shows the app into a
temporary folder and serves that; the workspace path (absolute, since the
kernel runs in that folder) and the planning date reach the notebook through
the environment variables ``FOLLOWUP_WORKSPACE`` and ``FOLLOWUP_TODAY``.
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
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from followup.cli.arguments import Commands, add_today, port_argument
from followup.cli.common import load
from followup.cli.console import Console, Styled
from followup.errors import FollowupError

__all__ = [
    "DEFAULT_PORT",
    "TODAY_VARIABLE",
    "WORKSPACE_VARIABLE",
    "app_notebook",
    "register",
    "voila_command",
]

DEFAULT_PORT = 8866
WORKSPACE_VARIABLE = "FOLLOWUP_WORKSPACE"
TODAY_VARIABLE = "FOLLOWUP_TODAY"
_STOP_SECONDS = 10

APP_EXAMPLES = """\
examples:
  followup app                         the app on a copy of the bundled example
  followup app search.json             the app on your own workspace
  followup app search.json --port 9000 --no-browser

Serves the decision app (weigh pluses and minuses, compare, draft the
follow-up) as a web page on http://127.0.0.1:PORT/ only, not on the network.
Every change is saved to FILE as you go. Stop it with Ctrl+C.
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


def register(commands: Commands) -> None:
    parser = commands.add_parser(
        "app",
        help="open the decision app in the browser (served on localhost)",
        description="Serve the decision app as a web page on this computer (Voila).",
        epilog=APP_EXAMPLES,
    )
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
    add_today(parser)
    parser.set_defaults(handler=run_app)


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


def voila_command(notebook: Path, *, port: int, open_browser: bool) -> list[str]:
    """The command line that serves ``notebook`` on 127.0.0.1 with this Python's Voila."""
    command = [
        sys.executable,
        "-m",
        "voila",
        str(notebook),
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
    ]
    if not open_browser:
        command.append("--no-browser")
    return command


def run_app(args: argparse.Namespace, console: Console) -> int:
    if importlib.util.find_spec("voila") is None:
        raise FollowupError("followup app needs Voila; install it with: pip install voila")
    environment = dict(os.environ)
    environment.pop(WORKSPACE_VARIABLE, None)
    environment.pop(TODAY_VARIABLE, None)
    if args.file is not None:
        path = Path(args.file).resolve()
        if path.exists():
            load(str(path))  # refuse an unreadable workspace here, in one line, not in the page
        environment[WORKSPACE_VARIABLE] = str(path)
    if args.today is not None:
        environment[TODAY_VARIABLE] = args.today.isoformat()
    with tempfile.TemporaryDirectory(prefix="followup-app-") as folder:
        notebook = Path(folder) / "followup.ipynb"
        notebook.write_text(json.dumps(app_notebook(), indent=1), encoding="utf-8")
        command = voila_command(notebook, port=args.port, open_browser=not args.no_browser)
        console.print(
            "Serving the followup app on ",
            Styled(f"http://127.0.0.1:{args.port}/", "bold"),
            " (Ctrl+C stops it).",
        )
        return _serve(command, environment)


class _Terminated(BaseException):
    """SIGTERM or SIGHUP arrived while serving (a BaseException, like KeyboardInterrupt)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _serve(command: list[str], environment: dict[str, str]) -> int:
    # Voila runs in its own session: Ctrl+C in the terminal reaches only this process,
    # which stops Voila with SIGTERM (it shuts its kernels down cleanly), instead of
    # interrupting kernels half-started.
    process = subprocess.Popen(command, env=environment, start_new_session=True)
    with _stop_on_terminate():
        try:
            return process.wait()
        except KeyboardInterrupt:
            _stop(process)
            return 0
        except _Terminated as signalled:
            _stop(process)
            return 128 + signalled.signum


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
    """Turn SIGTERM and SIGHUP (terminal closed) into :class:`_Terminated` while serving."""

    def terminated(signum: int, frame: object) -> None:
        raise _Terminated(signum)

    names = ("SIGTERM", "SIGHUP")
    numbers = [getattr(signal, name) for name in names if hasattr(signal, name)]
    try:
        previous = {number: signal.signal(number, terminated) for number in numbers}
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
