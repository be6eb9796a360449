"""Helpers for the command-line tests: run ``followup`` in-process, check its one-line errors.

A test module applies the autouse fixture by importing it::

    from tests.cli.support import plain_output  # noqa: F401
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from followup import Workspace, example_workspace, save_workspace
from followup.cli import main


@dataclass(frozen=True)
class Result:
    """What one run of the command gave: exit status, standard output, standard error."""

    status: int
    out: str
    err: str


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> Result:
    """Run ``followup`` with ``argv`` (each turned into text) and capture what it printed."""
    status = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return Result(status, captured.out, captured.err)


def assert_refused(result: Result, status: int = 1) -> None:
    """The command refused with one ``error: ...`` line: no traceback, no bug report."""
    assert result.status == status, result
    assert result.err.startswith("error: "), result.err
    assert result.err.count("\n") == 1, result.err
    assert "Traceback" not in result.err
    assert "unexpected" not in result.err, result.err


@pytest.fixture(autouse=True)
def plain_output(monkeypatch: pytest.MonkeyPatch) -> None:
    """No colour codes and no re-raised bugs, whatever the environment running the tests says."""
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("FOLLOWUP_DEBUG", raising=False)


def saved_to(tmp_path: Path, workspace: Workspace) -> Path:
    """``workspace`` saved as ``search.json`` in ``tmp_path``."""
    path = tmp_path / "search.json"
    save_workspace(workspace, path)
    return path


def example_with(opportunity_id: str, **changes: object) -> Workspace:
    """The bundled example with fields of one opportunity replaced."""
    base = example_workspace()
    opportunity = base.opportunity(opportunity_id)
    return base.with_opportunity(replace(opportunity, **changes))
