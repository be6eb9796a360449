"""The follow-up etiquette: what to do next, which note may be sent, what may be recorded.

For an opportunity that passes: call the recruiter first when there is one, send
one thank-you note the day after the interview, one gentle check-in when nothing
is heard for a while (14 days by default), and then leave it alone. A reply or a
closed opportunity ends the plan.

Modules: ``plan`` (:func:`next_step` and :class:`Step`, the rules in order),
``timeline`` (the next step of every opportunity as one table) and ``gates``
(:func:`check_note_allowed` and :func:`record_event`, which keep to the plan).
Everything here is pure: ``today`` is always a parameter.

May import: :mod:`followup.errors`, :mod:`followup.model` and
:mod:`followup.decide` (for the verdicts).

>>> import datetime as dt
>>> from followup import example_workspace
>>> step = next_step(example_workspace(), "initech-backend-engineer", today=dt.date(2026, 12, 1))
>>> step.action, step.due.isoformat()
('wait', '2026-12-05')
"""

from __future__ import annotations

from followup.etiquette.gates import check_note_allowed, record_event
from followup.etiquette.plan import (
    ACTION_PHRASES,
    ACTIONS,
    NOTE_KINDS,
    Action,
    NoteKind,
    Step,
    next_step,
)
from followup.etiquette.timeline import TIMELINE_COLUMNS, timeline

__all__ = [
    "ACTIONS",
    "ACTION_PHRASES",
    "NOTE_KINDS",
    "TIMELINE_COLUMNS",
    "Action",
    "NoteKind",
    "Step",
    "check_note_allowed",
    "next_step",
    "record_event",
    "timeline",
]
