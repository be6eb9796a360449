"""followup: weigh interview opportunities on a Franklin T, then follow up with etiquette.

After an interview, list what excited you (pluses) and what worried you
(minuses), each weighed from 1 to 10. followup scores every opportunity,
shows how robust each verdict is, and for those that pass drafts one
thank-you note, one gentle check-in two weeks later, and then nothing more.

>>> import followup
>>> ws = followup.example_workspace()
>>> followup.score(ws).loc["acme-data-engineer", "verdict"]
'pass'

This module is the notebook user's API. The core (model, file, scoring) loads
with pandas; charts, notes, the writing check, calendar export and the app
load when first used. The app's own parts (the session, the widgets, the
chart renderer) are imported from their subpackages.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from followup.decide import (
    category_matrix,
    factors_frame,
    flip_points,
    honesty_checks,
    robustness,
    score,
)
from followup.errors import (
    ConflictError,
    EtiquetteError,
    FollowupError,
    UnknownOpportunityError,
    ValidationError,
    WorkspaceError,
)
from followup.model import Contact, Event, Factor, Notes, Opportunity, Settings, Workspace
from followup.storage import (
    WorkspaceFile,
    example_workspace,
    load_workspace,
    restore_backup,
    save_workspace,
)

if TYPE_CHECKING:  # the lazily loaded names, typed for editors and mypy
    from followup.charts import (
        plot_balance,
        plot_categories,
        plot_flip_points,
        plot_robustness,
        plot_t,
    )
    from followup.etiquette import Step, next_step, record_event, timeline
    from followup.export import reminder_ics
    from followup.notes import Draft, Finding, check_writing, draft_note, talking_points
    from followup.ui import app

__version__ = "0.1.0"

#: Public names whose modules have heavy imports, loaded on first use.
_LAZY: dict[str, str] = {
    "plot_t": "followup.charts",
    "plot_balance": "followup.charts",
    "plot_flip_points": "followup.charts",
    "plot_categories": "followup.charts",
    "plot_robustness": "followup.charts",
    "Step": "followup.etiquette",
    "next_step": "followup.etiquette",
    "timeline": "followup.etiquette",
    "record_event": "followup.etiquette",
    "Draft": "followup.notes",
    "draft_note": "followup.notes",
    "talking_points": "followup.notes",
    "Finding": "followup.notes",
    "check_writing": "followup.notes",
    "reminder_ics": "followup.export",
    "app": "followup.ui",
}

__all__ = [
    "ConflictError",
    "Contact",
    "Draft",
    "EtiquetteError",
    "Event",
    "Factor",
    "Finding",
    "FollowupError",
    "Notes",
    "Opportunity",
    "Settings",
    "Step",
    "UnknownOpportunityError",
    "ValidationError",
    "Workspace",
    "WorkspaceError",
    "WorkspaceFile",
    "__version__",
    "app",
    "category_matrix",
    "check_writing",
    "draft_note",
    "example_workspace",
    "factors_frame",
    "flip_points",
    "honesty_checks",
    "load_workspace",
    "next_step",
    "plot_balance",
    "plot_categories",
    "plot_flip_points",
    "plot_robustness",
    "plot_t",
    "record_event",
    "reminder_ics",
    "restore_backup",
    "robustness",
    "save_workspace",
    "score",
    "talking_points",
    "timeline",
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
