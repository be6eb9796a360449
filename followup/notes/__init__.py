"""The notes: the thank-you, the check-in and the talking points, and the writing check.

Modules: ``compose`` (from a workspace to a :class:`~followup.notes.draft.Draft`);
``phrases`` and ``phrase_words`` (a note item read by its grammar: lead-in,
shape, first capital); ``thank_you`` and ``check_in`` (the sentences of each
note), sharing ``framing`` (who writes to whom), ``variants`` (several
phrasings, chosen stably), ``dates`` (US/UK dates) and ``greeting``;
``completeness`` (what the notes lack, as a checklist); ``templating`` and
``templates/`` (the layout and subject lines); ``draft`` (a drafted note and
the ways to take it out of followup) and ``writing`` (the writing check, a
subpackage built on the Harper grammar engine).

May import: :mod:`followup.errors`, :mod:`followup.model`, :mod:`followup.decide`,
:mod:`followup.etiquette` and :mod:`followup.export`. jinja2 and the grammar
engine (harper) load on first use.
"""

from __future__ import annotations

from followup.notes.compose import draft_note, talking_points
from followup.notes.draft import Draft
from followup.notes.writing import Finding, check_writing

__all__ = ["Draft", "Finding", "check_writing", "draft_note", "talking_points"]
