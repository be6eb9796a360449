"""Committed notebooks carry no outputs, execution counts or widget state.

A notebook's outputs belong to whoever ran it (and may hold their data); nbval runs the
notebooks from scratch, so nothing of a run needs to be kept. Plain JSON, no nbformat:
this runs with the unit tests and must stay cheap.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CLEAN_TOOL = ROOT / "tools" / "clean_notebooks.py"


def _load(path: Path) -> dict[str, Any]:
    notebook: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return notebook


def _code_cells(notebook: dict[str, Any]) -> list[dict[str, Any]]:
    return [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("clean_notebooks", CLEAN_TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_decision_notebook_and_the_walkthrough_are_committed() -> None:
    assert {path.name for path in NOTEBOOKS} >= {"decide.ipynb", "walkthrough.ipynb"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_committed_notebook_has_no_outputs_or_execution_counts(path: Path) -> None:
    notebook = _load(path)
    assert _code_cells(notebook), f"{path.name} has no code cells"
    with_outputs = [i for i, cell in enumerate(notebook["cells"]) if cell.get("outputs")]
    counted = [
        i for i, cell in enumerate(notebook["cells"]) if cell.get("execution_count") is not None
    ]
    hint = "run: .venv/bin/python tools/clean_notebooks.py"
    assert with_outputs == [], f"{path.name}: cells {with_outputs} have outputs; {hint}"
    assert counted == [], f"{path.name}: cells {counted} have execution counts; {hint}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_committed_notebook_has_no_widget_state(path: Path) -> None:
    notebook = _load(path)
    assert "widgets" not in notebook.get("metadata", {})
    assert all("widgets" not in cell.get("metadata", {}) for cell in notebook["cells"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.name)
def test_committed_notebook_states_its_claims_as_assert_cells(path: Path) -> None:
    sources = ["".join(cell["source"]) for cell in _code_cells(_load(path))]
    assert any(line.lstrip().startswith("assert ") for s in sources for line in s.splitlines())


def _run_leftovers_added(notebook: dict[str, Any]) -> dict[str, Any]:
    """The notebook as JupyterLab saves it after Run All with a widget on screen."""
    run = json.loads(json.dumps(notebook))
    run["metadata"]["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    for number, cell in enumerate(_code_cells(run), start=1):
        cell["execution_count"] = number
        cell["outputs"] = [{"output_type": "stream", "name": "stdout", "text": ["hello\n"]}]
        cell["metadata"]["execution"] = {"iopub.status.busy": "2026-12-01T10:00:00Z"}
    return run


@pytest.mark.slow
def test_clean_tool_removes_what_a_run_leaves_and_keeps_the_sources(tmp_path: Path) -> None:
    committed = _load(NOTEBOOKS[0])
    path = tmp_path / "run.ipynb"
    path.write_text(json.dumps(_run_leftovers_added(committed)), encoding="utf-8")

    check = [sys.executable, str(CLEAN_TOOL), "--check", str(path)]
    assert subprocess.run(check, capture_output=True, check=False).returncode == 1
    subprocess.run([sys.executable, str(CLEAN_TOOL), str(path)], capture_output=True, check=True)
    assert subprocess.run(check, capture_output=True, check=False).returncode == 0

    result = _load(path)
    assert [c["source"] for c in result["cells"]] == [c["source"] for c in committed["cells"]]
    assert all(not cell["outputs"] for cell in _code_cells(result))
    assert "widgets" not in result["metadata"]


def test_clean_tool_reports_each_leftover_by_cell() -> None:
    notebook = {
        "metadata": {"widgets": {}},
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": "# title"},
            {
                "cell_type": "code",
                "metadata": {},
                "source": "1",
                "outputs": [{}],
                "execution_count": 3,
            },
        ],
    }
    assert _tool().run_leftovers(notebook) == [
        "notebook metadata 'widgets'",
        "cell 2 has outputs",
        "cell 2 has an execution count",
    ]
