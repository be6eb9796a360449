"""The files the follow-up exports: what each holds, whether it can be made now, and why not.

An export is written into the folder beside the workspace (it never replaces
a file) and handed back with its bytes, so the app can also offer it as a
download in the browser. A folder that cannot be written is named, with the
reason the system gave, as the command line does.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from followup.errors import EtiquetteError, FollowupError, ValidationError
from followup.model import Workspace

__all__ = ["EXPORT_FORMATS", "MEDIA_TYPES", "ExportedFile", "export_blockers", "write_export"]

#: What the follow-up exports: the note as an e-mail draft or Markdown, the check-in reminder.
EXPORT_FORMATS = ("eml", "md", "ics")
#: The media type of each export, for a browser download.
MEDIA_TYPES = {"eml": "message/rfc822", "md": "text/markdown", "ics": "text/calendar"}


@dataclass(frozen=True)
class ExportedFile:
    """A file the follow-up wrote: where it went, and what it holds."""

    path: Path
    data: bytes
    media_type: str

    @property
    def name(self) -> str:
        """The file's name (also the name a download is offered under)."""
        return self.path.name


def export_blockers(
    workspace: Workspace, opportunity_id: str, draft: Any | None, refusal: str | None
) -> dict[str, str | None]:
    """For each export format, why it cannot be made now (None when it can).

    ``draft`` is the note as the person left it (None when the plan calls for
    no note, with ``refusal`` saying why).

    >>> from followup import example_workspace
    >>> blockers = export_blockers(example_workspace(), "northwind-platform-lead", None, "Wait.")
    >>> blockers["md"]
    'Wait.'
    >>> blockers["ics"]  # doctest: +ELLIPSIS
    'A check-in reminder for Northwind Health needs a recorded thank-you: ...'
    """
    from followup.export.reminders import check_in_date

    blockers: dict[str, str | None] = {}
    if draft is None:
        why = refusal or "There is no note to export now."
        blockers["eml"] = blockers["md"] = why
    elif not draft.body.strip():
        # Notes that give the note nothing to say make no note: nothing to send yet.
        blockers["eml"] = blockers["md"] = (
            "The note is empty: fill in what the checklist beside it asks for (or write it "
            "yourself), then export."
        )
    else:
        blockers["md"] = None
        blockers["eml"] = _eml_blocker(draft)
    try:
        check_in_date(workspace, opportunity_id)
    except EtiquetteError as error:
        blockers["ics"] = str(error)
    else:
        blockers["ics"] = None
    return blockers


def _eml_blocker(draft: Any) -> str | None:
    if draft.sender is None or not draft.sender.email:
        return "An e-mail draft needs your own e-mail address: add it on the You & settings tab."
    if not draft.to.email:
        return (
            f"An e-mail draft needs {draft.to.name}'s e-mail address: "
            "add it on the Details & notes tab."
        )
    return None


def write_export(folder: Path, name: str, data: bytes, media_type: str) -> ExportedFile:
    """Write a new file named like ``name`` into ``folder`` (never replacing one).

    Raises
    ------
    FollowupError
        When the folder cannot be made or written: the message names the
        folder and gives the system's reason.
    """
    from followup.export.filenames import write_new_file

    try:
        path = write_new_file(folder, name, data)
    except OSError as error:
        raise FollowupError(_folder_problem(folder, error)) from None
    except ValidationError:
        raise FollowupError(
            f"The file could not be saved: {folder} is a file, not a folder. "
            "Move that file away, then export again."
        ) from None
    return ExportedFile(path, data, media_type)


def _folder_problem(folder: Path, error: OSError) -> str:
    reason = error.strerror or str(error)
    where = os.fsdecode(error.filename) if error.filename is not None else str(folder)
    if where != str(folder):
        reason = f"{where}: {reason}"
    return (
        f"The file could not be saved in the folder {folder}: {reason}. Nothing was written; "
        "once the folder can be written to (or the disk has room), export again."
    )
