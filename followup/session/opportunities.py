"""The list of opportunities: adding, duplicating, deleting, and undoing a delete."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace

from followup.model import Opportunity
from followup.session.state import SessionState

__all__ = ["OpportunitiesPart", "new_opportunity_id"]

_ID_LENGTH = 48
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def new_opportunity_id(company: str, role: str, taken: Iterable[str]) -> str:
    """A readable, unused id made from company and role (``acme-data-engineer``, then ``-2``, ...).

    >>> new_opportunity_id("Acmé GmbH", "Data Engineer", ["acme-gmbh-data-engineer"])
    'acme-gmbh-data-engineer-2'
    >>> new_opportunity_id("日本", "", [])
    'opportunity'
    """
    folded = unicodedata.normalize("NFKD", f"{company} {role}").encode("ascii", "ignore").decode()
    stem = _NOT_SLUG.sub("-", folded.lower()).strip("-")[:_ID_LENGTH].strip("-") or "opportunity"
    used = set(taken)
    candidate, number = stem, 1
    while candidate in used:
        number += 1
        candidate = f"{stem}-{number}"
    return candidate


class OpportunitiesPart:
    """Adds, copies and deletes opportunities; the one added or copied becomes the selection.

    Examples
    --------
    >>> import datetime as dt
    >>> from followup import Workspace
    >>> state = SessionState(Workspace(), today=dt.date(2026, 12, 1),
    ...                      now=dt.datetime(2026, 12, 1, 12, 4))
    >>> opportunities = OpportunitiesPart(state)
    >>> opportunities.add("Initrode", "Analyst")
    'initrode-analyst'
    >>> opportunities.delete("initrode-analyst")
    >>> opportunities.undo_description
    'Initrode — Analyst'
    """

    def __init__(self, state: SessionState) -> None:
        self._state = state
        # What was deleted, and where it stood, newest last.
        self._deleted: list[tuple[int, Opportunity]] = []

    def add(self, company: str = "New company", role: str = "New role") -> str:
        """Add an opportunity, select it and return its id (made from company and role)."""
        state = self._state
        new_id = new_opportunity_id(company, role, state.workspace.ids)
        state.commit(state.workspace.with_opportunity(Opportunity(new_id, company, role)))
        state.selected_id = new_id
        return new_id

    def duplicate(self, opportunity_id: str) -> str:
        """Copy an opportunity (not its follow-up events), select the copy, return its id.

        The copy's role gets " (copy)" so the two can be told apart in the list.
        """
        state = self._state
        workspace = state.workspace
        original = workspace.opportunity(opportunity_id)
        role = _with_suffix(original.role, " (copy)")
        new_id = new_opportunity_id(original.company, role, workspace.ids)
        copy = replace(original, id=new_id, role=role, events=())
        opportunities = list(workspace.opportunities)
        opportunities.insert(opportunities.index(original) + 1, copy)
        state.commit(replace(workspace, opportunities=tuple(opportunities)))
        state.selected_id = new_id
        return new_id

    def delete(self, opportunity_id: str) -> None:
        """Remove an opportunity; :meth:`undo_delete` brings it back."""
        state = self._state
        opportunity = state.workspace.opportunity(opportunity_id)
        position = state.workspace.opportunities.index(opportunity)
        state.commit(state.workspace.without_opportunity(opportunity_id))
        self._deleted.append((position, opportunity))
        if state.selected_id == opportunity_id:
            remaining = state.workspace.ids
            state.selected_id = remaining[min(position, len(remaining) - 1)] if remaining else None

    @property
    def undo_description(self) -> str | None:
        """What :meth:`undo_delete` would bring back, in words (None when nothing)."""
        if not self._deleted:
            return None
        opportunity = self._deleted[-1][1]
        return f"{opportunity.company} — {opportunity.role}"

    def undo_delete(self) -> str | None:
        """Put back the last deleted opportunity where it was; select it and return its id."""
        if not self._deleted:
            return None
        state = self._state
        position, opportunity = self._deleted.pop()
        if opportunity.id in state.workspace.ids:
            # The id was taken again meanwhile (by an add, or by another program).
            new_id = new_opportunity_id(opportunity.company, opportunity.role, state.workspace.ids)
            opportunity = replace(opportunity, id=new_id)
        opportunities = list(state.workspace.opportunities)
        opportunities.insert(min(position, len(opportunities)), opportunity)
        state.commit(replace(state.workspace, opportunities=tuple(opportunities)))
        state.selected_id = opportunity.id
        return opportunity.id


def _with_suffix(text: str, suffix: str, limit: int = 200) -> str:
    return text[: limit - len(suffix)] + suffix
