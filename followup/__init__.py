"""followup: weigh interview opportunities on a Franklin T, then follow up with etiquette.

After an interview, list what excited you (pluses) and what worried you
(minuses), each weighed from 1 to 10. followup scores every opportunity,
shows how robust each verdict is, and for those that pass drafts one
thank-you note, one gentle check-in two weeks later, and then nothing more.

>>> import followup
>>> ws = followup.example_workspace()
>>> followup.score(ws).loc["acme-data-engineer", "verdict"]
'pass'

The core (model, file, scoring) loads with pandas; charts, drafting, the
spelling dictionary, calendar export and the widget app load when first used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from followup.errors import (
    EtiquetteError,
    FollowupError,
    UnknownOpportunityError,
    ValidationError,
    WorkspaceError,
)
from followup.frames import category_matrix, factors_frame
from followup.honesty import honesty_checks
from followup.model import Contact, Event, Factor, Notes, Opportunity, Settings, Workspace
from followup.scoring import score
from followup.sensitivity import flip_points, flip_sentences, robustness
from followup.store import example_workspace, load_workspace, restore_backup, save_workspace
from followup.workspace_file import ConflictError, WorkspaceFile

__version__ = "0.1.0"

# Public names that live in modules with heavy imports, loaded on first use.
_LAZY: dict[str, str] = {
    "plot_t": "followup.charts",
    "plot_balance": "followup.charts",
    "plot_flip_points": "followup.charts",
    "plot_categories": "followup.charts",
    "plot_robustness": "followup.charts",
    "figure_png": "followup.charts",
    "TChartRenderer": "followup.charts",
    "Step": "followup.etiquette",
    "next_step": "followup.etiquette",
    "timeline": "followup.etiquette",
    "record_event": "followup.etiquette",
    "Draft": "followup.draft",
    "draft_note": "followup.compose",
    "talking_points": "followup.compose",
    "reminder_ics": "followup.reminders",
    "Finding": "followup.writing",
    "check_writing": "followup.writing",
    "app": "followup.ui",
    "DecisionApp": "followup.ui",
    "Session": "followup.session",
    "open_session": "followup.session",
}

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    pass

__all__ = [
    "ConflictError",
    "Contact",
    "EtiquetteError",
    "Event",
    "Factor",
    "FollowupError",
    "Notes",
    "Opportunity",
    "Settings",
    "UnknownOpportunityError",
    "ValidationError",
    "Workspace",
    "WorkspaceError",
    "WorkspaceFile",
    "__version__",
    "category_matrix",
    "example_workspace",
    "factors_frame",
    "flip_points",
    "flip_sentences",
    "honesty_checks",
    "load_workspace",
    "restore_backup",
    "robustness",
    "save_workspace",
    "score",
    *_LAZY,
]


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'followup' has no attribute {name!r}")
    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
