"""Start-up: ``import followup`` against ``import pandas``, each in a fresh interpreter.

The import is timed inside the child process (interpreter start-up is the
same for both and left out); the children alternate so that a busy moment of
the machine hits both alike.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

from timing import Measurement, Section

__all__ = ["run"]

ROOT = Path(__file__).resolve().parent.parent
_TIMED_IMPORT = (
    "import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
)


def _import_seconds(module: str) -> float:
    existing = os.environ.get("PYTHONPATH")
    environment = {
        **os.environ,
        "PYTHONPATH": str(ROOT) + (os.pathsep + existing if existing else ""),
    }
    result = subprocess.run(
        [sys.executable, "-c", _TIMED_IMPORT.format(module=module)],
        capture_output=True,
        text=True,
        check=True,
        env=environment,
    )
    return float(result.stdout.strip())


def run(*, quick: bool = False) -> list[Section]:
    rounds = 5 if quick else 15
    _import_seconds("followup")  # warm the file cache for both
    _import_seconds("pandas")
    followup_times, pandas_times = [], []
    for _ in range(rounds):
        followup_times.append(_import_seconds("followup"))
        pandas_times.append(_import_seconds("pandas"))
    ours, theirs = statistics.median(followup_times), statistics.median(pandas_times)
    section = Section("Start-up")
    section.measurements.append(
        Measurement(
            "import followup",
            ours,
            "import pandas",
            theirs,
            goal="≤ 1.3×",
            met=ours <= 1.3 * theirs,
            note=f"fresh interpreter each time, median of {rounds}",
        )
    )
    section.remarks.append(
        "matplotlib, jinja2, ipywidgets, the spelling dictionary and icalendar load on first "
        "use; tests/test_startup_modules.py holds the list of modules `import followup` loads."
    )
    return [section]
