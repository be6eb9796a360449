"""The guided debrief: questions for right after an interview; answers become factors or notes.

Each line of an answer becomes one plus, one minus (on the T, weighing
:data:`~followup.session.t_chart.DEFAULT_WEIGHT`) or one item of the note the
question feeds.
"""

from __future__ import annotations

from dataclasses import dataclass

from followup.errors import Problem, ValidationError
from followup.session.details import DetailsPart
from followup.session.t_chart import DEFAULT_WEIGHT, TChartPart

__all__ = ["DEBRIEF_QUESTIONS", "DebriefPart", "DebriefQuestion"]


@dataclass(frozen=True)
class DebriefQuestion:
    """A question to ask oneself right after an interview, and where its answer goes as a note."""

    key: str
    question: str
    note: str
    suggested_side: str | None = None


#: The guided debrief, in the order to answer it.
DEBRIEF_QUESTIONS: tuple[DebriefQuestion, ...] = (
    DebriefQuestion("discussed", "What did we talk about?", "discussed"),
    DebriefQuestion(
        "exciting",
        "What did I hear that was exciting, and that I did not expect?",
        "exciting",
        "plus",
    ),
    DebriefQuestion("worries", "What worried me, or left me unsure?", "concerns", "minus"),
    DebriefQuestion("learned", "What did I learn?", "learned"),
    DebriefQuestion("stronger", "Why am I now an even stronger candidate?", "stronger_because"),
    DebriefQuestion(
        "hire", "If I were the hiring manager, would I hire me? Why?", "stronger_because"
    ),
)
_QUESTIONS = {question.key: question for question in DEBRIEF_QUESTIONS}
_NOTE_NAMES = {
    "discussed": "what we discussed",
    "exciting": "what excited me",
    "concerns": "my concerns",
    "learned": "what I learned",
    "stronger_because": "why I am a stronger candidate",
}


class DebriefPart:
    """Keeps debrief answers on the T or in the notes, through the parts that edit those.

    Examples
    --------
    >>> import datetime as dt
    >>> from followup import example_workspace
    >>> from followup.session.state import SessionState
    >>> state = SessionState(example_workspace(), today=dt.date(2026, 12, 1),
    ...                      now=dt.datetime(2026, 12, 1, 12, 4))
    >>> debrief = DebriefPart(details=DetailsPart(state), t_chart=TChartPart(state))
    >>> debrief.answer("acme-data-engineer", "worries", "on-call load", "minus")
    'Added 1 minus to the T (weight 5; adjust it there).'
    """

    def __init__(self, *, details: DetailsPart, t_chart: TChartPart) -> None:
        self._details = details
        self._t_chart = t_chart

    def answer(self, opportunity_id: str, question: str, text: object, as_: str) -> str:
        """Turn the answer to ``question`` into pluses, minuses or notes; say what was added.

        ``as_`` is ``"plus"``, ``"minus"`` or ``"note"``; each line of ``text``
        becomes one factor or one note item.
        """
        if question not in _QUESTIONS:
            raise ValidationError(
                [Problem("question", "must be one of " + ", ".join(_QUESTIONS), question)]
            )
        if as_ not in ("plus", "minus", "note"):
            raise ValidationError([Problem("as", "must be 'plus', 'minus' or 'note'", as_)])
        lines = (
            tuple(line.strip() for line in text.splitlines() if line.strip())
            if isinstance(text, str)
            else ()
        )
        if not lines:
            raise ValidationError([Problem("answer", "must be non-empty text", text)])
        if as_ == "note":
            note = _QUESTIONS[question].note
            self._details.add_note_items(opportunity_id, note, lines)
            return f"Added to the notes ({_NOTE_NAMES[note]})."
        self._t_chart.add_factors(opportunity_id, as_, lines)
        one = len(lines) == 1
        noun = ("plus" if one else "pluses") if as_ == "plus" else ("minus" if one else "minuses")
        return f"Added {len(lines)} {noun} to the T (weight {DEFAULT_WEIGHT}; adjust it there)."
