"""Saving and loading the workspace file: what safety costs.

A save writes a temporary file, syncs it, renames it over the file, syncs the
folder, keeps a backup and holds a lock; loading validates everything. The
baselines are the unsafe one-liners: ``path.write_bytes(...)`` and
``json.loads(...)`` of the same content.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from timing import Measurement, Section, median_seconds

from followup.model import Workspace
from followup.storage.fileformat import workspace_bytes
from followup.storage.files import example_workspace, load_workspace, save_workspace

__all__ = ["run"]


def run(*, quick: bool = False) -> list[Section]:
    repeat = 9 if quick else 31
    section = Section("Saving and loading the workspace file")
    example = example_workspace()
    other = Workspace(example.opportunities[1:], owner=example.owner, settings=example.settings)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "search.json"
        plain = Path(folder) / "plain.json"
        turn = {"n": 0}

        def save_alternating() -> None:
            turn["n"] += 1
            save_workspace(example if turn["n"] % 2 else other, path)

        def write_alternating() -> None:
            turn["n"] += 1
            plain.write_bytes(workspace_bytes(example if turn["n"] % 2 else other))

        saving = median_seconds(save_alternating, repeat=repeat)
        writing = median_seconds(write_alternating, repeat=repeat)
        save_workspace(example, path)
        raw = path.read_bytes()
        loading = median_seconds(lambda: load_workspace(path), repeat=repeat, min_sample=0.02)
        parsing = median_seconds(lambda: json.loads(raw), repeat=repeat, min_sample=0.02)
    section.measurements += [
        Measurement(
            "save_workspace (example)",
            saving,
            "path.write_bytes of the same JSON",
            writing,
            note=(
                "atomic replace, fsync of the file and of its folder, "
                "the backup kept as a hard link, the lock"
            ),
        ),
        Measurement(
            "load_workspace (example)",
            loading,
            "json.loads of the same bytes",
            parsing,
            note="every field validated",
        ),
    ]
    return [section]
