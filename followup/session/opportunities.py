"""The list of opportunities: what each stands at, searching, adding, duplicating, deleting, undo.

Each opportunity shows in the list as "company — role" with its verdict and
its next step in words; a closed one (a "closed" event was recorded) goes to
a group of its own. An opportunity that got a reply stays open: a reply is
the start of a conversation, not its end.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace

from followup.errors import Problem, ValidationError
from followup.model import English, Opportunity
from followup.session.state import SessionState

__all__ = ["ListEntry", "OpportunitiesPart", "new_opportunity_id", "step_words"]

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


@dataclass(frozen=True)
class ListEntry:
    """One line of the list of opportunities."""

    id: str
    #: "company — role", as the person typed them.
    title: str
    #: ``"pass"``, ``"undecided"`` or ``"fail"``.
    verdict: str
    #: The next step in words ("Send the thank-you note, due November 25 (overdue)").
    next_step: str
    #: True once a "closed" event is recorded.
    closed: bool


def step_words(
    action: str,
    due: dt.date | None,
    overdue: bool,
    *,
    english: English = "US",
    today: dt.date | None = None,
) -> str:
    """The next step as the list shows it, its date in the workspace's English.

    >>> today = dt.date(2026, 12, 1)
    >>> step_words("send_thank_you", dt.date(2026, 11, 25), True, today=today)
    'Send the thank-you note, due November 25 (overdue)'
    >>> step_words("wait", dt.date(2026, 12, 9), False, english="UK", today=today)
    'Wait until 9 December'
    """
    from followup.etiquette.plan import ACTION_PHRASES
    from followup.notes.dates import written_date

    phrase = ACTION_PHRASES.get(action, action)
    if due is None:
        return phrase
    when = written_date(due, english=english, today=today)
    text = f"{phrase} until {when}" if action == "wait" else f"{phrase}, due {when}"
    return text + (" (overdue)" if overdue else "")


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold() or (
        text.casefold()
    )


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

    # -- the list ----------------------------------------------------------

    def entries(self, search: str = "") -> tuple[ListEntry, ...]:
        """Every opportunity (or those whose company or role holds ``search``), in list order.

        Letters are compared without case or accents ("acme" finds "Acmé").
        """
        from followup.decide.scoring import verdict_for

        state = self._state
        today = state.current_date()
        workspace = state.workspace
        threshold = workspace.settings.threshold
        # The next steps depend on the verdicts, not on the weights themselves: a slider
        # move that flips no verdict keeps the list as it was (no new plan to make).
        plan_inputs = tuple(
            (o.id, o.company, o.role, o.interview_date, o.recruiter, o.interviewers, o.events,
             verdict_for(o.balance, threshold))
            for o in workspace.opportunities
        )  # fmt: skip
        frame = state.cached(
            "timeline", (plan_inputs, workspace.settings, today), lambda: self._timeline(today)
        )
        wanted = _folded(search.strip()) if isinstance(search, str) else ""
        found = []
        for opportunity in state.workspace.opportunities:
            title = f"{opportunity.company} — {opportunity.role}"
            if wanted and wanted not in _folded(title):
                continue
            verdict, action, due, overdue = frame[opportunity.id]
            found.append(
                ListEntry(
                    opportunity.id,
                    title,
                    verdict,
                    step_words(
                        action, due, overdue, english=workspace.settings.english, today=today
                    ),
                    any(event.kind == "closed" for event in opportunity.events),
                )
            )
        return tuple(found)

    def _timeline(self, today: dt.date) -> dict[str, tuple[str, str, dt.date | None, bool]]:
        from followup.etiquette import timeline

        table = timeline(self._state.workspace, today=today)
        return {
            str(opportunity_id): (str(verdict), str(action), due, bool(overdue))
            for opportunity_id, verdict, action, due, overdue in zip(
                table.index,
                table["verdict"],
                table["action"],
                table["due"],
                table["overdue"],
                strict=True,
            )
        }

    # -- changing the list --------------------------------------------------

    def add(self, company: str = "New company", role: str = "New role") -> str:
        """Add an opportunity, select it and return its id (made from company and role).

        Both are needed: empty text is refused, naming the field.
        """
        state = self._state
        problems = [
            Problem(name, "must be non-empty text", value)
            for name, value in (("company", company), ("role", role))
            if not isinstance(value, str) or not value.strip()
        ]
        if problems:
            raise ValidationError(problems)
        company, role = company.strip(), role.strip()
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
