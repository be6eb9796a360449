"""The workspace file: its format and versions, loading and saving, and sharing it safely.

Modules: ``paths`` (the names of the workspace and the files beside it; which paths
are refused), ``fileformat`` (bytes to :class:`~followup.model.Workspace` and back, one
reader per format version), ``atomic`` (write to a temporary file, sync, rename),
``lock`` (one writer at a time), ``disk`` (reading safely; replacing with backups),
``merge`` (three-way merge, one opportunity at a time), ``workspace_file`` (saving
without losing another program's edits; :class:`WorkspaceFile`) and ``files`` (the
plain functions: load, save, restore a backup, the bundled example).

May import: :mod:`followup.errors`, :mod:`followup.model` and the standard library
(no pandas, no matplotlib).
"""

from __future__ import annotations

from followup.storage.files import (
    example_workspace,
    load_workspace,
    restore_backup,
    save_workspace,
)
from followup.storage.workspace_file import WorkspaceFile

__all__ = [
    "WorkspaceFile",
    "example_workspace",
    "load_workspace",
    "restore_backup",
    "save_workspace",
]
