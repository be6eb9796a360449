"""The follow-up of one opportunity: the next step, the draft (as edited), exports and events.

The person edits the draft in the app; their text is kept in the workspace
(``Opportunity.drafts``) until the note is marked as sent or reset, so it
survives a reload, and it is what the writing check reads and what the
exports write. Typed key by key (inside ``state.typing()``, as the app's
fields do), the text counts at once and is saved a moment after the last
key. Events are recorded on the day the person chooses (today by default),
and the last one can be undone.

With several interviewers, the note goes to the one the person picks (the
first by default; see :mod:`followup.session.recipients`). The draft, its
checklist, the writing check and the exports follow that choice. The file
keeps one edited text per note, so picking someone else while the note has
edits of the person's own asks first (:attr:`FollowUpView.recipient_question`):
the edits are dropped only when the person says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from followup.errors import EtiquetteError, FollowupError, Problem, ValidationError
from followup.model import DraftEdits, Opportunity, Workspace
from followup.session.events import EventUndo, event_date, last_event_words
from followup.session.exports import (
    EXPORT_FORMATS,
    MEDIA_TYPES,
    ExportedFile,
    export_blockers,
    write_export,
)
from followup.session.recipients import (
    RecipientChoice,
    closest_text,
    name_key,
    recipient_names,
)
from followup.session.state import SessionState

__all__ = ["EXPORT_FORMATS", "FollowUpPart", "FollowUpView"]
#: What "mark as sent" (or done) records for each step that asks for an action.
STEP_EVENTS = {
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
    #: The writing check of the draft as it stands, and what its notes lack.
    findings: tuple[Any, ...]
    #: True when the draft text differs from the generated one.
    edited: bool
    #: Notes for the call with the recruiter, when there is a recruiter.
    talking_points: str | None
    #: The event "mark as sent" would record now, or None.
    event_to_record: str | None
    #: What the notes do not give the note yet (findings of kind "missing"), a checklist.
    checklist: tuple[Any, ...] = ()
    #: The findings about the wording, each with its suggestion.
    writing: tuple[Any, ...] = ()
    #: For each export format, why it cannot be made now (None when it can).
    export_blockers: dict[str, str | None] | None = None
    #: The last recorded event in words ("the thank-you sent on ..."), which can be undone.
    last_event: str | None = None
    #: Whether a reply, and the closing, are already recorded.
    replied: bool = False
    closed: bool = False
    #: The refusal as it was raised (for an app to say it in its own words), or None.
    refusal_error: FollowupError | None = None
    #: The interviewers the note can be written to, by name as typed.
    recipients: tuple[str, ...] = ()
    #: The interviewer the note is written to now (None: no interviewer).
    recipient: str | None = None
    #: The interviewer picked while the note had edits, waiting for an answer, or None.
    asked_recipient: str | None = None
    #: What picking them would do to the edits, as a question, or None.
    recipient_question: str | None = None


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
    >>> follow_up.mark_done("northwind-platform-lead", on="2026-11-30")
    'thank_you_sent'
    >>> follow_up.undo("northwind-platform-lead")
    'the thank-you sent on Monday 30 November 2026'
    """

    def __init__(self, state: SessionState) -> None:
        self._state = state
        self._undo = EventUndo()
        self._generated_for: Workspace | None = None
        self._generated: dict[
            tuple[str, dt.date, str | None], tuple[Any | None, FollowupError | None]
        ] = {}
        self._recipients = RecipientChoice(self._closest_recipient)

    @property
    def choice_revision(self) -> int:
        """Changes whenever the person picks an interviewer to write to (the file does not)."""
        return self._recipients.revision

    def next_step(self, opportunity_id: str) -> Any:
        """The etiquette plan's next step for this opportunity, as of today."""
        from followup.etiquette import next_step

        return next_step(self._state.workspace, opportunity_id, today=self._state.current_date())

    # -- the draft ---------------------------------------------------------

    def view(self, opportunity_id: str) -> FollowUpView:
        """The next step, the draft (or why there is none), its findings and talking points."""
        from followup.notes.compose import talking_points

        workspace = self._state.workspace
        step = self.next_step(opportunity_id)
        opportunity = workspace.opportunity(opportunity_id)
        draft, error = self._generated_draft(opportunity_id)
        refusal = None if error is None else str(error)
        findings: tuple[Any, ...] = ()
        edited = False
        if draft is not None:
            body = opportunity.drafts.get(draft.kind)
            if body is not None and body != draft.body:
                draft = draft.with_body(body)
                edited = True
            findings = tuple(draft.findings)
        points = (
            talking_points(workspace, opportunity_id) if opportunity.recruiter is not None else None
        )
        kinds = {event.kind for event in opportunity.events}
        recipient = self._recipients.recipient(opportunity)
        asked = self._recipients.asked(opportunity)
        question = None
        if asked is not None and recipient is not None:
            question = (
                f"You have changed the note to {recipient}. Write to {asked} instead? "
                f"The note to {asked} starts again from your notes, and your changes "
                f"to the note to {recipient} are dropped."
            )
        return FollowUpView(
            step=step,
            draft=draft,
            refusal=refusal,
            findings=findings,
            edited=edited,
            talking_points=points,
            event_to_record=STEP_EVENTS.get(step.action),
            checklist=tuple(f for f in findings if f.kind == "missing"),
            writing=tuple(f for f in findings if f.kind != "missing"),
            export_blockers=export_blockers(workspace, opportunity_id, draft, refusal),
            last_event=last_event_words(workspace, opportunity_id),
            replied="reply_received" in kinds,
            closed="closed" in kinds,
            refusal_error=error,
            recipients=recipient_names(opportunity),
            recipient=recipient,
            asked_recipient=asked,
            recipient_question=question,
        )

    def edit_draft(self, opportunity_id: str, body: object) -> None:
        """Keep the person's own version of the draft the plan calls for now.

        Inside ``state.typing()`` (text typed key by key) it is saved a moment
        after the last key; otherwise at once.
        """
        if not isinstance(body, str):
            raise ValidationError([Problem("draft", "must be text", body)])
        draft, error = self._generated_draft(opportunity_id)
        if draft is None:
            raise error if error is not None else EtiquetteError("There is no note to write now.")
        kept: str | None = None if body == draft.body else body  # the generated text: no edit
        opportunity = self._state.opportunity(opportunity_id)
        try:
            drafts = replace(opportunity.drafts, **{draft.kind: kept})
        except ValidationError as problem:
            raise problem.prefixed("draft") from None
        self._state.commit_opportunity(replace(opportunity, drafts=drafts))

    # -- who the note is to ----------------------------------------------

    def recipient(self, opportunity_id: str) -> str | None:
        """The interviewer the note is written to (the first, unless another was picked)."""
        return self._recipients.recipient(self._state.opportunity(opportunity_id))

    def choose_recipient(self, opportunity_id: str, name: object) -> bool:
        """Write the note to the interviewer called ``name`` (as typed; case and spacing aside).

        Returns True when the note now goes to them. While the note shown has
        edits of the person's own, nothing changes yet and False is returned:
        :meth:`view` asks (``recipient_question``), answered by
        :meth:`confirm_recipient` (drop the edits) or :meth:`keep_recipient`.
        A name that is none of the interviewers' is refused.
        """
        opportunity = self._state.opportunity(opportunity_id)
        names = recipient_names(opportunity)
        wanted = next(
            (n for n in names if isinstance(name, str) and name_key(n) == name_key(name)), None
        )
        if wanted is None:
            listed = ", ".join(names) or "none yet"
            raise ValidationError(
                [Problem("to", f"must be the name of one of the interviewers ({listed})", name)]
            )
        if wanted != self._recipients.recipient(opportunity) and self._edited(opportunity_id):
            self._recipients.ask(opportunity_id, wanted)
            return False
        self._recipients.choose(opportunity, wanted)
        return True

    def confirm_recipient(self, opportunity_id: str) -> None:
        """Write to the interviewer just picked, dropping the edits of the note shown now."""
        opportunity = self._state.opportunity(opportunity_id)
        wanted = self._recipients.asked(opportunity)
        if wanted is None:
            raise EtiquetteError("No other interviewer was picked; the note stays as it is.")
        draft, _ = self._generated_draft(opportunity_id)
        if draft is not None and opportunity.drafts.get(draft.kind) is not None:
            drafts = replace(opportunity.drafts, **{draft.kind: None})
            self._state.commit_opportunity(replace(opportunity, drafts=drafts))
        self._recipients.choose(opportunity, wanted)

    def keep_recipient(self, opportunity_id: str) -> None:
        """Keep writing to the same interviewer, edits and all (the question is answered)."""
        self._state.opportunity(opportunity_id)  # an unknown opportunity is refused
        self._recipients.forget_question(opportunity_id)

    def reset_draft(self, opportunity_id: str) -> None:
        """Forget the edits: the draft goes back to the generated text."""
        opportunity = self._state.opportunity(opportunity_id)
        self._state.commit_opportunity(replace(opportunity, drafts=DraftEdits()))

    # -- exports -----------------------------------------------------------

    def export(self, opportunity_id: str, format: str) -> Path:
        """Write the draft (``"eml"``, ``"md"``) or the check-in reminder (``"ics"``) to a file.

        Files go into the session's export folder and never replace an existing file.
        """
        return self.export_file(opportunity_id, format).path

    def export_file(self, opportunity_id: str, format: str) -> ExportedFile:
        """As :meth:`export`, with the file's bytes and media type (for a download)."""
        from followup.export.filenames import safe_filename

        if format not in EXPORT_FORMATS:
            raise ValidationError(
                [Problem("format", "must be one of " + ", ".join(EXPORT_FORMATS), format)]
            )
        state = self._state
        view = self.view(opportunity_id)
        assert view.export_blockers is not None  # view() always says
        blocker = view.export_blockers[format]
        if blocker is not None:
            raise EtiquetteError(blocker)
        if format == "ics":
            from followup.export.reminders import reminder_ics

            opportunity = state.opportunity(opportunity_id)
            data = reminder_ics(state.workspace, opportunity_id, today=state.current_date())
            name = safe_filename(
                opportunity.company, opportunity.role, "check-in-reminder", ext="ics"
            )
        else:
            draft = view.draft
            assert draft is not None  # a note export has no blocker only with a draft
            data = draft.to_eml() if format == "eml" else draft.to_markdown().encode("utf-8")
            kind = draft.kind.replace("_", "-")
            name = safe_filename(draft.company, draft.role, kind, ext=format)
        return write_export(state.export_folder, name, data, MEDIA_TYPES[format])

    # -- events ------------------------------------------------------------

    def mark_done(self, opportunity_id: str, on: object = None) -> str:
        """Record that the step the plan asks for was done (note sent, recruiter called).

        ``on`` is the day it was done: a date, ``YYYY-MM-DD`` text, or None for
        today. Returns the kind of event recorded; :class:`EtiquetteError` when
        the plan asks for nothing to be done now.
        """
        step = self.next_step(opportunity_id)
        kind = STEP_EVENTS.get(step.action)
        if kind is None:
            raise EtiquetteError(f"Nothing to mark as done now: {step.reason}")
        self.record(opportunity_id, kind, on)
        return kind

    def record(self, opportunity_id: str, kind: str, on: object = None) -> None:
        """Record a follow-up event (``reply_received``, ``closed``, ...) on a day (today: None)."""
        from followup.etiquette import record_event

        state = self._state
        day = event_date(on, today=state.current_date())
        before = state.opportunity(opportunity_id)
        # record_event refuses an unknown kind (ValidationError) before anything changes.
        workspace = record_event(state.workspace, opportunity_id, kind, on=day)
        self._undo.remember(before, workspace.opportunity(opportunity_id))
        state.commit(workspace)

    def undo(self, opportunity_id: str) -> str:
        """Take back the last event recorded for this opportunity; returns it in words.

        A note marked as sent by mistake gets back the text the person had
        written for it.
        """
        words = last_event_words(self._state.workspace, opportunity_id)
        opportunity = self._state.opportunity(opportunity_id)
        self._state.commit_opportunity(self._undo.undone(opportunity))
        assert words is not None  # undone() refuses an opportunity without events
        return words

    # -- helpers -----------------------------------------------------------

    def _generated_draft(self, opportunity_id: str) -> tuple[Any | None, FollowupError | None]:
        """The note the plan calls for, to the chosen interviewer, as generated, or why not."""
        to = self._recipients.recipient(self._state.opportunity(opportunity_id))
        return self._generated_to(opportunity_id, to)

    def _generated_to(
        self, opportunity_id: str, to: str | None
    ) -> tuple[Any | None, FollowupError | None]:
        from followup.notes.compose import draft_note

        workspace, today = self._state.workspace, self._state.current_date()
        if self._generated_for is not workspace:
            # While a person types, the workspace stays the same: each note is made once.
            self._generated_for, self._generated = workspace, {}
        key = (opportunity_id, today, to)
        result = self._generated.get(key)
        if result is None:
            try:
                result = (draft_note(workspace, opportunity_id, today=today, to=to), None)
            except FollowupError as error:
                # The plan refuses (too early, not passing, ...) or a detail is missing: say why.
                result = (None, error)
            self._generated[key] = result
        return result

    def _edited(self, opportunity_id: str) -> bool:
        """True when the note shown now has edits of the person's own."""
        draft, _ = self._generated_draft(opportunity_id)
        if draft is None:
            return False
        body = self._state.opportunity(opportunity_id).drafts.get(draft.kind)
        return body is not None and body != draft.body

    def _closest_recipient(self, opportunity: Opportunity, names: tuple[str, ...]) -> str | None:
        """Whom the kept edit of the note was written to (None: no edit to go by)."""
        if len(names) < 2:
            return None
        generated: dict[str, str] = {}
        edit: str | None = None
        for name in names:
            draft, _ = self._generated_to(opportunity.id, name)
            if draft is None:
                return None
            edit = opportunity.drafts.get(draft.kind)
            if edit is None:
                return None
            generated[name] = draft.body
        assert edit is not None  # there are at least two names
        return closest_text(edit, generated)
