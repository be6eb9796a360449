"""Helpers for the session tests: a fixed clock and sessions in memory or on a workspace file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from followup import Workspace, example_workspace, save_workspace
from followup.session import Session, open_session

STORY_DAY = dt.date(2026, 12, 1)
NOON = dt.datetime(2026, 12, 1, 12, 4)
ACME = "acme-data-engineer"
COMMUTE = 4  # acme's "90-minute commute three days a week", a minus weighing 6


def memory_session(workspace: Workspace | None = None, today: dt.date = STORY_DAY) -> Session:
    """A session on the example (or ``workspace``), kept in memory."""
    return Session(example_workspace() if workspace is None else workspace, today=today, now=NOON)


def file_session(path: Path, workspace: Workspace | None = None) -> Session:
    """A session on a workspace file at ``path`` holding the example (or ``workspace``)."""
    save_workspace(example_workspace() if workspace is None else workspace, path)
    return open_session(path, today=STORY_DAY, now=NOON)
