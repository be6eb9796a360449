"""Fixtures shared by the unit tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from followup import Workspace, example_workspace, save_workspace

#: A day on which the example tells its whole story: a check-in due, a thank-you due,
#: a recruiter to call.
STORY_DAY = dt.date(2026, 12, 1)


@pytest.fixture
def workspace() -> Workspace:
    """The bundled example workspace."""
    return example_workspace()


@pytest.fixture
def workspace_file(tmp_path: Path, workspace: Workspace) -> Path:
    """A copy of the example workspace in a temporary folder."""
    path = tmp_path / "search.json"
    save_workspace(workspace, path)
    return path


@pytest.fixture
def story_day() -> dt.date:
    return STORY_DAY


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    """Every test leaves no open pyplot figure behind (only checked when pyplot was used)."""
    yield
    import sys

    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
