"""The follow-up of one opportunity: the next step, the draft (as edited), exports and events.

The person edits the draft in the app; the edited text is kept per
opportunity and kind of note until it is marked as sent or reset, and it is
what the writing check reads and what the exports write.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from followup.errors import EtiquetteError, FollowupError, Problem, ValidationError
from followup.session.charts import ChartRendering

if TYPE_CHECKING:  # pragma: no cover - types only
    import pandas as pd

__all__ = ["EXPORT_FORMATS", "FollowUpView", "Following", "drafts_folder"]

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


def drafts_folder(workspace_path: Path) -> Path:
    """Where exports of a workspace go: ``<stem>-drafts/`` beside the workspace file.

    >>> drafts_folder(Path("searches/mine.json")).as_posix()
    'searches/mine-drafts'
    """
    return workspace_path.with_name(f"{workspace_path.stem}-drafts")


class Following(ChartRendering):
    """Next steps, drafts, exports and follow-up events."""

    def next_step(self, opportunity_id: str) -> Any:
        """The etiquette plan's next step for this opportunity, as of today."""
        from followup.etiquette import next_step

        return next_step(self._workspace, opportunity_id, today=self.today())

    def timeline(self) -> pd.DataFrame:
        """The "what do I do today" table across all opportunities."""
        from followup.etiquette import timeline

        return timeline(self._workspace, today=self.today())

    @property
    def export_folder(self) -> Path:
        """Where exports go: beside the workspace file, or a temporary folder without one."""
        if self._export_folder is None:
            if self.path is not None:
                self._export_folder = drafts_folder(self.path)
            else:
                self._export_folder = Path(tempfile.mkdtemp(prefix="followup-drafts-"))
        return self._export_folder

    # -- the draft ---------------------------------------------------------

    def follow_up(self, opportunity_id: str) -> FollowUpView:
        """The next step, the draft (or why there is none), its findings and talking points."""
        from followup.notes.compose import talking_points

        step = self.next_step(opportunity_id)
        opportunity = self.opportunity(opportunity_id)
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
            talking_points(self._workspace, opportunity_id)
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
            self.revision += 1

    def reset_draft(self, opportunity_id: str) -> None:
        """Forget the edits: the draft goes back to the generated text."""
        for key in [key for key in self._draft_edits if key[0] == opportunity_id]:
            del self._draft_edits[key]
            self.revision += 1

    def export(self, opportunity_id: str, format: str) -> Path:
        """Write the draft (``"eml"``, ``"md"``) or the check-in reminder (``"ics"``) to a file.

        Files go into :attr:`export_folder` and never replace an existing file.
        """
        if format not in EXPORT_FORMATS:
            raise ValidationError(
                [Problem("format", "must be one of " + ", ".join(EXPORT_FORMATS), format)]
            )
        if format == "ics":
            return self._export_reminder(opportunity_id)
        view = self.follow_up(opportunity_id)
        if view.draft is None:
            raise EtiquetteError(view.refusal or "there is no note to export now")
        path: Path = view.draft.save(self.export_folder, format=format)
        return path

    def _export_reminder(self, opportunity_id: str) -> Path:
        from followup.export.filenames import safe_filename, write_new_file
        from followup.export.reminders import reminder_ics

        opportunity = self.opportunity(opportunity_id)
        data = reminder_ics(self._workspace, opportunity_id, today=self.today())
        name = safe_filename(opportunity.company, opportunity.role, "check-in-reminder", ext="ics")
        return write_new_file(self.export_folder, name, data)

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

        # record_event refuses an unknown kind (ValidationError) before anything changes.
        self._commit(record_event(self._workspace, opportunity_id, kind, on=self.today()))
        if kind in ("thank_you_sent", "check_in_sent"):
            self._draft_edits.pop((opportunity_id, kind.removesuffix("_sent")), None)

    # -- helpers -----------------------------------------------------------

    def _generated_draft(self, opportunity_id: str) -> tuple[Any | None, str | None]:
        from followup.notes.compose import draft_note

        try:
            return draft_note(self._workspace, opportunity_id, today=self.today()), None
        except FollowupError as error:
            # The plan refuses (too early, not passing, ...) or a detail is missing: say why.
            return None, str(error)
