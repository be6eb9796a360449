"""Helpers the commands share: the workspace from FILE, today's date, CSV and JSON output."""

from __future__ import annotations

import datetime as dt
import json
import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from followup.model import Workspace
from followup.storage.files import load_workspace

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "data_text",
    "frame_records",
    "json_text",
    "json_value",
    "load",
    "shell_word",
    "today_or_now",
    "with_threshold",
]


def load(file: str) -> Workspace:
    """The workspace in FILE (every reason to refuse it is a WorkspaceError)."""
    return load_workspace(Path(file))


def today_or_now(today: dt.date | None) -> dt.date:
    """The date given on the command line, or the real date: the only place that reads the clock."""
    return today if today is not None else dt.date.today()


def with_threshold(workspace: Workspace, threshold: float | None) -> Workspace:
    """The workspace with its pass threshold replaced (for this run only), or as it is."""
    if threshold is None:
        return workspace
    return replace(workspace, settings=replace(workspace.settings, threshold=threshold))


def json_value(value: object) -> Any:
    """A pandas or numpy cell as plain JSON: NaN and NA become null, dates ISO text."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str | bool):
        return value
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, int | str | bool):
        return value
    if isinstance(value, Mapping):
        return {str(key): json_value(item) for key, item in value.items()}
    if isinstance(value, Sequence):
        return [json_value(item) for item in value]
    try:
        import pandas as pd

        if pd.isna(value):  # type: ignore[call-overload]
            return None
    except (TypeError, ValueError):
        pass
    return str(value)


def data_text(frame: pd.DataFrame, format: str, *, key: str, index: bool = True) -> str:
    """A frame as CSV or as JSON (``{key: [records]}``), with or without its index."""
    if format == "csv":
        return str(frame.to_csv(lineterminator="\n", index=index))
    return json_text({key: frame_records(frame, index=index)})


def frame_records(frame: pd.DataFrame, *, index: bool = True) -> list[dict[str, Any]]:
    """The rows of a frame as plain JSON objects (the index first, under its name)."""
    records: list[dict[str, Any]] = []
    for label, row in zip(frame.index, frame.to_dict("records"), strict=True):
        record: dict[str, Any] = {}
        if index:
            record[str(frame.index.name or "index")] = json_value(label)
        record.update({str(column): json_value(value) for column, value in row.items()})
        records.append(record)
    return records


def json_text(document: object) -> str:
    """Indented JSON, never NaN (not valid JSON), non-ASCII text as it is."""
    return json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False)


def shell_word(text: str) -> str:
    """A file name as it would be typed in a shell (quoted when needed)."""
    import shlex

    return shlex.quote(os.fspath(text))
