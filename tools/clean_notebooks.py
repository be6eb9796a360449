"""Strip outputs, execution counts and widget state from notebooks before they are committed.

Usage::

    .venv/bin/python tools/clean_notebooks.py            # clean every notebooks/*.ipynb in place
    .venv/bin/python tools/clean_notebooks.py FILE...    # clean these notebooks
    .venv/bin/python tools/clean_notebooks.py --check    # only report; exit 1 if any is not clean

Notebooks are committed clean so that a diff shows only what a person wrote, and so that
no widget state or personal data from a run ends up in the repository. Only the JSON
standard library is used, so the script runs before anything is installed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"

# Metadata a run leaves behind: widget models (notebook level) and timings (cell level).
NOTEBOOK_RUN_METADATA = ("widgets",)
CELL_RUN_METADATA = ("execution", "widgets", "collapsed", "scrolled", "ExecuteTime")


def run_leftovers(notebook: dict[str, Any]) -> list[str]:
    """What a run left in this notebook, one phrase per problem (empty when clean)."""
    found = [
        f"notebook metadata {key!r}"
        for key in NOTEBOOK_RUN_METADATA
        if key in notebook.get("metadata", {})
    ]
    for number, cell in enumerate(notebook.get("cells", []), start=1):
        if cell.get("cell_type") == "code":
            if cell.get("outputs"):
                found.append(f"cell {number} has outputs")
            if cell.get("execution_count") is not None:
                found.append(f"cell {number} has an execution count")
        found += [
            f"cell {number} metadata {key!r}"
            for key in CELL_RUN_METADATA
            if key in cell.get("metadata", {})
        ]
    return found


def cleaned(notebook: dict[str, Any]) -> dict[str, Any]:
    """A copy of the notebook without outputs, execution counts or run metadata."""
    notebook = json.loads(json.dumps(notebook))
    for key in NOTEBOOK_RUN_METADATA:
        notebook.get("metadata", {}).pop(key, None)
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        for key in CELL_RUN_METADATA:
            cell.get("metadata", {}).pop(key, None)
    return notebook


def _write(notebook: dict[str, Any], path: Path) -> None:
    # The layout nbformat itself writes, so that saving in JupyterLab changes nothing.
    text = json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "paths", nargs="*", type=Path, help="notebooks (default: notebooks/*.ipynb)"
    )
    parser.add_argument(
        "--check", action="store_true", help="report only; exit 1 if any is not clean"
    )
    options = parser.parse_args(argv)
    paths = options.paths or sorted(NOTEBOOKS.glob("*.ipynb"))
    dirty = 0
    for path in paths:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        leftovers = run_leftovers(notebook)
        if not leftovers:
            continue
        dirty += 1
        if options.check:
            print(f"{path}: {'; '.join(leftovers)}")
        else:
            _write(cleaned(notebook), path)
            print(f"{path}: cleaned ({len(leftovers)} leftovers)")
    return 1 if options.check and dirty else 0


if __name__ == "__main__":
    sys.exit(main())
