"""Local servers for the browser tests and the browser benchmark: Chromium, ports, start and stop.

Both start Jupyter servers (JupyterLab, Voila) on 127.0.0.1 in a process group
of their own, wait until they answer, and stop them by that process group.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

__all__ = [
    "CHROMIUM_ARGS",
    "NotServingError",
    "chromium_executable",
    "free_port",
    "stop_server",
    "wait_until_serving",
]

#: Headless Chromium without sandbox (containers), GPU, QUIC or background network traffic.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class NotServingError(Exception):
    """The server stopped, or did not answer in time; the message says which."""


def chromium_executable() -> str | None:
    """``FOLLOWUP_CHROMIUM`` when set (and then only that), else Debian's Chromium."""
    chosen = os.environ.get("FOLLOWUP_CHROMIUM")
    candidates = [chosen] if chosen else ["/usr/bin/chromium", shutil.which("chromium")]
    return next((c for c in candidates if c and Path(c).is_file() and os.access(c, os.X_OK)), None)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_until_serving(
    process: subprocess.Popen[bytes], url: str, *, name: str, seconds: float
) -> None:
    """Return once ``url`` answers; raise :class:`NotServingError` if the server stops first."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise NotServingError(f"{name} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise NotServingError(f"{name} did not answer {url} in {seconds:g} s")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    """Stop a server started with ``start_new_session=True``, its kernels included.

    SIGTERM lets the server shut its kernels down. The kill, of the process
    group started for this server alone, is for a server that does not listen.
    """
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
