"""The follow-up of one opportunity: the next step, the draft (as edited), exports and events.

The person edits the draft in the app; the edited text is kept per
opportunity and kind of note until it is marked as sent or reset, and it is
what the writing check reads and what the exports write.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from followup.errors import EtiquetteError, FollowupError, Problem, ValidationError
from followup.session.state import SessionState

__all__ = ["EXPORT_FORMATS", "FollowUpPart", "FollowUpView"]

EXPORT_FORMATS = ("eml", "md", "ics")
#: What "mark as sent" (or done) records for each step that asks for an action.
_STEP_EVENTS = {
    "send_thank_you": "thank_you_sent",
    "send_check_in": "check_in_sent",
    "call_recruiter": "recruiter_called",
}


@dataclass(frozen=True)
class FollowUpView:
    """Everything the follow-up panel shows for one opportunity."""

    #: The etiquette plan's next step (``action``, ``due``, ``reason``).
    step: Any
    #: The note the plan calls for now, with the person's edits, or None.
    draft: Any | None
    #: Why there is no draft now, in words, when there is none.
    refusal: str | None
    #: The writing check of the draft as it stands.
    findings: tuple[Any, ...]
    #: True when the draft text differs from the generated one.
    edited: bool
    #: Notes for the call with the recruiter, when there is a recruiter.
    talking_points: str | None
    #: The event "mark as sent" would record now, or None.
    event_to_record: str | None


class FollowUpPart:
    """Next steps, drafts (with the person's edits), exports and follow-up events.

    Examples
    --------
    >>> import datetime as dt
    >>> from followup import example_workspace
    >>> state = SessionState(example_workspace(), today=dt.date(2026, 12, 1),
    ...                      now=dt.datetime(2026, 12, 1, 12, 4))
    >>> follow_up = FollowUpPart(state)
    >>> follow_up.view("northwind-platform-lead").draft.kind
    'thank_you'
    >>> follow_up.mark_done("northwind-platform-lead")
    'thank_you_sent'
    """

    def __init__(self, state: SessionState) -> None:
        self._state = state
        # The person's own version of a draft, per (opportunity id, kind of note).
        self._draft_edits: dict[tuple[str, str], str] = {}

    def next_step(self, opportunity_id: str) -> Any:
        """The etiquette plan's next step for this opportunity, as of today."""
        from followup.etiquette import next_step

        return next_step(self._state.workspace, opportunity_id, today=self._state.current_date())

    # -- the draft ---------------------------------------------------------

    def view(self, opportunity_id: str) -> FollowUpView:
        """The next step, the draft (or why there is none), its findings and talking points."""
        from followup.notes.compose import talking_points

        step = self.next_step(opportunity_id)
        opportunity = self._state.opportunity(opportunity_id)
        draft, refusal = self._generated_draft(opportunity_id)
        findings: tuple[Any, ...] = ()
        edited = False
        if draft is not None:
            body = self._draft_edits.get((opportunity_id, draft.kind))
            if body is not None and body != draft.body:
                draft = draft.with_body(body)
                edited = True
            findings = tuple(draft.findings)
        points = (
            talking_points(self._state.workspace, opportunity_id)
            if opportunity.recruiter is not None
            else None
        )
        return FollowUpView(
            step=step,
            draft=draft,
            refusal=refusal,
            findings=findings,
            edited=edited,
            talking_points=points,
            event_to_record=_STEP_EVENTS.get(step.action),
        )

    def edit_draft(self, opportunity_id: str, body: object) -> None:
        """Keep the person's own version of the draft the plan calls for now."""
        if not isinstance(body, str):
            raise ValidationError([Problem("draft", "must be text", body)])
        draft, refusal = self._generated_draft(opportunity_id)
        if draft is None:
            raise EtiquetteError(refusal or "there is no note to write now")
        if self._draft_edits.get((opportunity_id, draft.kind)) != body:
            self._draft_edits[(opportunity_id, draft.kind)] = body
            self._state.mark_changed()

    def reset_draft(self, opportunity_id: str) -> None:
        """Forget the edits: the draft goes back to the generated text."""
        for key in [key for key in self._draft_edits if key[0] == opportunity_id]:
            del self._draft_edits[key]
            self._state.mark_changed()

    def export(self, opportunity_id: str, format: str) -> Path:
        """Write the draft (``"eml"``, ``"md"``) or the check-in reminder (``"ics"``) to a file.

        Files go into the session's export folder and never replace an existing file.
        """
        if format not in EXPORT_FORMATS:
            raise ValidationError(
                [Problem("format", "must be one of " + ", ".join(EXPORT_FORMATS), format)]
            )
        if format == "ics":
            return self._export_reminder(opportunity_id)
        view = self.view(opportunity_id)
        if view.draft is None:
            raise EtiquetteError(view.refusal or "there is no note to export now")
        path: Path = view.draft.save(self._state.export_folder, format=format)
        return path

    def _export_reminder(self, opportunity_id: str) -> Path:
        from followup.export.filenames import safe_filename, write_new_file
        from followup.export.reminders import reminder_ics

        state = self._state
        opportunity = state.opportunity(opportunity_id)
        data = reminder_ics(state.workspace, opportunity_id, today=state.current_date())
        name = safe_filename(opportunity.company, opportunity.role, "check-in-reminder", ext="ics")
        return write_new_file(state.export_folder, name, data)

    # -- events ------------------------------------------------------------

    def mark_done(self, opportunity_id: str) -> str:
        """Record today that the step the plan asks for was done (note sent, recruiter called).

        Returns the kind of event recorded; :class:`EtiquetteError` when the
        plan asks for nothing to be done now.
        """
        step = self.next_step(opportunity_id)
        kind = _STEP_EVENTS.get(step.action)
        if kind is None:
            raise EtiquetteError(f"Nothing to mark as done now: {step.reason}")
        self.record(opportunity_id, kind)
        return kind

    def record(self, opportunity_id: str, kind: str) -> None:
        """Record a follow-up event today (``reply_received``, ``closed``, ...)."""
        from followup.etiquette import record_event

        state = self._state
        # record_event refuses an unknown kind (ValidationError) before anything changes.
        state.commit(record_event(state.workspace, opportunity_id, kind, on=state.current_date()))
        if kind in ("thank_you_sent", "check_in_sent"):
            self._draft_edits.pop((opportunity_id, kind.removesuffix("_sent")), None)

    # -- helpers -----------------------------------------------------------

    def _generated_draft(self, opportunity_id: str) -> tuple[Any | None, str | None]:
        from followup.notes.compose import draft_note

        try:
            return draft_note(
                self._state.workspace, opportunity_id, today=self._state.current_date()
            ), None
        except FollowupError as error:
            # The plan refuses (too early, not passing, ...) or a detail is missing: say why.
            return None, str(error)
