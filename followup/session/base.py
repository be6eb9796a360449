"""The heart of a session: the workspace being edited, the selection, saving and undo.

Every edit builds a new (validated) workspace and hands it to
:meth:`SessionBase._commit`, which keeps it and saves it at once. An edit that
fails validation raises before anything changes, so the last good value is
always what is kept. The clock comes in as a parameter.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable
from dataclasses import replace
from pathlib import Path

from followup.errors import Problem, ValidationError, WorkspaceError
from followup.model import Opportunity, Workspace
from followup.session.saving import MemoryStore, SaveStatus, Store, saved_message

__all__ = ["Clock", "SessionBase", "new_opportunity_id"]

Clock = Callable[[], dt.datetime]
Calendar = Callable[[], dt.date]

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


def _calendar(today: dt.date | Calendar) -> Calendar:
    if isinstance(today, dt.datetime) or not (callable(today) or isinstance(today, dt.date)):
        raise ValidationError(
            [Problem("today", "must be a date or a function returning one", today)]
        )
    if callable(today):
        return today
    return lambda: today


def _clock(now: dt.datetime | Clock) -> Clock:
    if not (callable(now) or isinstance(now, dt.datetime)):
        raise ValidationError(
            [Problem("now", "must be a datetime or a function returning one", now)]
        )
    if callable(now):
        return now
    return lambda: now


class SessionBase:
    """State shared by every part of a session; see :class:`followup.session.Session`."""

    def __init__(
        self,
        workspace: Workspace,
        *,
        today: dt.date | Calendar,
        now: dt.datetime | Clock,
        store: Store | None = None,
        notice: str = "",
        export_folder: Path | None = None,
    ) -> None:
        if not isinstance(workspace, Workspace):
            raise ValidationError([Problem("workspace", "must be a Workspace", workspace)])
        self._workspace = workspace
        self._today = _calendar(today)
        self._now = _clock(now)
        self.store: Store = store if store is not None else MemoryStore()
        #: A sentence about where the work lives (shown once, at the top of the app).
        self.notice = notice
        self._export_folder = export_folder
        #: Counts every change (of the workspace or of a draft); views compare it to know
        #: what is stale.
        self.revision = 0
        self.selected_id: str | None = workspace.ids[0] if workspace.ids else None
        self.status = SaveStatus(True, self._resting_status())
        self._deleted: list[tuple[int, Opportunity]] = []
        # Derived results (pictures, tables) with the data they were made from.
        self._memo: dict[str, tuple[Hashable, object]] = {}
        # The person's own version of a draft, per (opportunity id, kind of note).
        self._draft_edits: dict[tuple[str, str], str] = {}

    # -- reading -----------------------------------------------------------

    @property
    def workspace(self) -> Workspace:
        """The workspace as it stands (always valid)."""
        return self._workspace

    @property
    def path(self) -> Path | None:
        """The workspace file, or None when the work is kept in memory only."""
        return self.store.path

    @property
    def selected(self) -> Opportunity | None:
        """The opportunity being looked at, or None in an empty workspace."""
        if self.selected_id is None:
            return None
        return self._workspace.opportunity(self.selected_id)

    def today(self) -> dt.date:
        """Today, from the clock the session was given."""
        return self._today()

    def opportunity(self, opportunity_id: str) -> Opportunity:
        """The opportunity with this id (else :class:`~followup.errors.UnknownOpportunityError`)."""
        return self._workspace.opportunity(opportunity_id)

    # -- selection ---------------------------------------------------------

    def select(self, opportunity_id: str | None) -> None:
        """Look at another opportunity (None: at none)."""
        if opportunity_id is not None:
            self._workspace.opportunity(opportunity_id)
        self.selected_id = opportunity_id

    # -- saving ------------------------------------------------------------

    def save(self) -> SaveStatus:
        """Save the workspace now (again): after a failed save, once the cause is fixed."""
        self._keep()
        return self.status

    def reload(self) -> None:
        """Drop unsaved edits and read the workspace file again (when there is one)."""
        load = getattr(self.store, "load", None)
        if load is None:
            return
        try:
            workspace = load()
        except WorkspaceError as error:
            self.status = SaveStatus(False, f"could not reload: {error}")
            return
        self._adopt(workspace)
        self.status = SaveStatus(True, f"reloaded {self._now():%H:%M}")

    def _resting_status(self) -> str:
        return "saved" if self.store.path is not None else "not saved to disk (kept in memory)"

    def _commit(self, workspace: Workspace) -> bool:
        """Keep a new workspace and save it; False when nothing changed."""
        if workspace == self._workspace:
            return False
        self._workspace = workspace
        self.revision += 1
        self._keep()
        return True

    def _keep(self) -> None:
        try:
            stored = self.store.save(self._workspace)
        except (WorkspaceError, OSError) as error:
            # The edit stays in memory; the next change (or save()) tries again.
            self.status = SaveStatus(False, f"not saved: {error}")
            return
        merged = stored != self._workspace
        if merged:
            self._adopt(stored)
        if self.store.path is None:
            self.status = SaveStatus(True, self._resting_status())
        else:
            self.status = SaveStatus(True, saved_message(self._now(), merged=merged))

    def _adopt(self, workspace: Workspace) -> None:
        """Take a workspace that came from the file, keeping the selection when possible."""
        if workspace != self._workspace:
            self._workspace = workspace
            self.revision += 1
        if self.selected_id not in workspace.ids:
            self.selected_id = workspace.ids[0] if workspace.ids else None

    def _replace(self, opportunity: Opportunity) -> bool:
        return self._commit(self._workspace.with_opportunity(opportunity))

    # -- adding, duplicating, deleting -------------------------------------

    def add_opportunity(self, company: str = "New company", role: str = "New role") -> str:
        """Add an opportunity, select it and return its id (made from company and role)."""
        new_id = new_opportunity_id(company, role, self._workspace.ids)
        self._commit(self._workspace.with_opportunity(Opportunity(new_id, company, role)))
        self.selected_id = new_id
        return new_id

    def duplicate_opportunity(self, opportunity_id: str) -> str:
        """Copy an opportunity (not its follow-up events), select the copy, return its id.

        The copy's role gets " (copy)" so the two can be told apart in the list.
        """
        original = self._workspace.opportunity(opportunity_id)
        role = _with_suffix(original.role, " (copy)")
        new_id = new_opportunity_id(original.company, role, self._workspace.ids)
        copy = replace(original, id=new_id, role=role, events=())
        opportunities = list(self._workspace.opportunities)
        opportunities.insert(opportunities.index(original) + 1, copy)
        self._commit(replace(self._workspace, opportunities=tuple(opportunities)))
        self.selected_id = new_id
        return new_id

    def delete_opportunity(self, opportunity_id: str) -> None:
        """Remove an opportunity; :meth:`undo_delete` brings it back."""
        opportunity = self._workspace.opportunity(opportunity_id)
        position = self._workspace.opportunities.index(opportunity)
        self._commit(self._workspace.without_opportunity(opportunity_id))
        self._deleted.append((position, opportunity))
        if self.selected_id == opportunity_id:
            remaining = self._workspace.ids
            self.selected_id = remaining[min(position, len(remaining) - 1)] if remaining else None

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
        position, opportunity = self._deleted.pop()
        if opportunity.id in self._workspace.ids:
            # The id was taken again meanwhile (by an add, or by another program).
            new_id = new_opportunity_id(opportunity.company, opportunity.role, self._workspace.ids)
            opportunity = replace(opportunity, id=new_id)
        opportunities = list(self._workspace.opportunities)
        opportunities.insert(min(position, len(opportunities)), opportunity)
        self._commit(replace(self._workspace, opportunities=tuple(opportunities)))
        self.selected_id = opportunity.id
        return opportunity.id


def _with_suffix(text: str, suffix: str, limit: int = 200) -> str:
    return text[: limit - len(suffix)] + suffix
