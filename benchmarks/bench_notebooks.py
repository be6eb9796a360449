"""Notebooks: wall time of the nbval run of every notebook, as the test suite runs them.

The baseline is the same command on a notebook with a single empty cell: the
fixed cost of pytest, nbval and a kernel, which no notebook can go below.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import Measurement, Section

__all__ = ["run"]

ROOT = Path(__file__).resolve().parent.parent
_EMPTY_NOTEBOOK = {
    "cells": [
        {
            "cell_type": "code",
            "execution_count": None,
            "metadata": {},
            "outputs": [],
            "source": ["1"],
        }
    ],
    "metadata": {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}
    },
    "nbformat": 4,
    "nbformat_minor": 5,
}


def _nbval_seconds(target: Path, cwd: Path) -> tuple[float, int]:
    existing = os.environ.get("PYTHONPATH")
    environment = {
        **os.environ,
        "PYTHONPATH": str(ROOT) + (os.pathsep + existing if existing else ""),
    }
    environment.setdefault("MPLBACKEND", "Agg")
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "--nbval-lax",
        "--nbval-current-env",
        str(target),
    ]
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True)
    return time.perf_counter() - started, result.returncode


def run(*, quick: bool = False) -> list[Section]:
    section = Section("Notebooks under nbval")
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    if not notebooks:
        section.skipped = "no notebooks in notebooks/"
        return [section]
    seconds, code = _nbval_seconds(ROOT / "notebooks", ROOT)
    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "empty.ipynb"
        empty.write_text(json.dumps(_EMPTY_NOTEBOOK))
        floor, _ = _nbval_seconds(empty, Path(folder))
    section.measurements.append(
        Measurement(
            f"nbval run of all {len(notebooks)} notebooks",
            seconds,
            "nbval run of one empty notebook",
            floor,
            note="one run each (wall time, pytest start-up included)",
        )
    )
    if code != 0:
        section.remarks.append(
            f"The notebook run failed (pytest exit code {code}); its time is still shown."
        )
    return [section]
