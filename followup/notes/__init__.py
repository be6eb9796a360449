"""The notes: the thank-you, the check-in and the talking points, and the writing check.

Modules: ``compose`` (from a workspace to a :class:`~followup.notes.draft.Draft`),
``templating`` and ``templates/`` (the Jinja2 templates and their filters),
``draft`` (a drafted note and the ways to take it out of followup) and
``writing`` (the writing check, a subpackage).

May import: :mod:`followup.errors`, :mod:`followup.model`, :mod:`followup.decide`,
:mod:`followup.etiquette` and :mod:`followup.export`. jinja2 and the grammar
engine (harper) load on first use.
"""

from __future__ import annotations

from followup.notes.compose import draft_note, talking_points
from followup.notes.draft import Draft
from followup.notes.writing import Finding, check_writing

__all__ = ["Draft", "Finding", "check_writing", "draft_note", "talking_points"]
