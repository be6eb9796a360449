"""What happened in the follow-up, on a date, and the rules the events of one opportunity keep.

The rules are the etiquette's hard limits, kept by the file format itself:
nothing before the interview, at most one thank-you and one check-in, and a
check-in only after (or on the day of) the thank-you. They are written once,
in :func:`broken_event_rules`: the model turns what it finds into problems
with paths, the etiquette into sentences. Standard library only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from followup.errors import Problem
from followup.model.base import FileForm, raise_if_any, set_fields
from followup.model.checks import check_choice, check_date, check_text
from followup.model.limits import EVENT_KINDS, EVENT_NOTE_LENGTH, EventKind

__all__ = ["BrokenEventRule", "Event", "EventRule", "broken_event_rules", "event_problems"]


@dataclass(frozen=True)
class Event(FileForm):
    """Something that happened in the follow-up, on a date.

    The date may be given as a :class:`datetime.date` or as ``"YYYY-MM-DD"``;
    the note is the only text in a workspace that may span several lines.

    >>> Event("thank_you_sent", "2026-11-19").date
    datetime.date(2026, 11, 19)
    """

    kind: EventKind
    date: dt.date
    note: str | None = None

    _required = ("kind", "date")

    def __post_init__(self) -> None:
        problems: list[Problem] = []
        check_choice(self.kind, "kind", problems, EVENT_KINDS)
        date = check_date(self.date, "date", problems, required=True)
        note = check_text(
            self.note,
            "note",
            problems,
            required=False,
            max_length=EVENT_NOTE_LENGTH,
            multiline=True,
        )
        raise_if_any(problems)
        set_fields(self, date=date, note=note)

    def to_dict(self) -> dict[str, Any]:
        """The file form: the date as ``YYYY-MM-DD``, ``None`` for no note."""
        return {"kind": self.kind, "date": self.date.isoformat(), "note": self.note}


#: The rules events keep, in the order they are checked.
EventRule = Literal[
    "before_interview", "repeated", "check_in_without_thank_you", "check_in_before_thank_you"
]
#: Kinds that may be recorded once per opportunity.
_ONCE = ("thank_you_sent", "check_in_sent")


@dataclass(frozen=True)
class BrokenEventRule:
    """One event that breaks a rule.

    Attributes
    ----------
    index
        The position of the event that breaks the rule.
    rule
        Which rule (see :data:`EventRule`).
    earlier
        The position of the event it clashes with: the first of its kind for
        ``"repeated"``, the thank-you for ``"check_in_before_thank_you"``; else None.
    """

    index: int
    rule: EventRule
    earlier: int | None = None


def broken_event_rules(
    events: Sequence[Event], interview_date: dt.date | None
) -> list[BrokenEventRule]:
    """Every rule the events break, in event order (each event's date rule first).

    >>> thanks = Event("thank_you_sent", "2026-11-19")
    >>> [b.rule for b in broken_event_rules([thanks, thanks], dt.date(2026, 11, 18))]
    ['repeated']
    >>> early = Event("check_in_sent", "2026-11-17")
    >>> [b.rule for b in broken_event_rules([early], dt.date(2026, 11, 18))]
    ['before_interview', 'check_in_without_thank_you']
    """
    broken: list[BrokenEventRule] = []
    first: dict[str, int] = {}
    for index, event in enumerate(events):
        if interview_date is not None and event.date < interview_date:
            broken.append(BrokenEventRule(index, "before_interview"))
        if event.kind in _ONCE and event.kind in first:
            broken.append(BrokenEventRule(index, "repeated", first[event.kind]))
        first.setdefault(event.kind, index)
    if "check_in_sent" in first:
        index = first["check_in_sent"]
        if "thank_you_sent" not in first:
            broken.append(BrokenEventRule(index, "check_in_without_thank_you"))
        elif events[index].date < events[thank_you := first["thank_you_sent"]].date:
            broken.append(BrokenEventRule(index, "check_in_before_thank_you", thank_you))
    broken.sort(key=lambda rule: rule.index)  # stable: each event's own order is kept
    return broken


def event_problems(events: Sequence[Event], interview_date: dt.date | None) -> list[Problem]:
    """The broken rules as problems with paths (``events[2].kind must not repeat ...``)."""
    problems = []
    for broken in broken_event_rules(events, interview_date):
        event = events[broken.index]
        path = f"events[{broken.index}]"
        if broken.rule == "before_interview":
            assert interview_date is not None  # the rule needs an interview date
            expectation = f"must be on or after the interview date {interview_date.isoformat()}"
            problems.append(Problem(f"{path}.date", expectation, event.date))
        elif broken.rule == "repeated":
            expectation = (
                f"must not repeat (at most one {event.kind} per opportunity; "
                f"the first is events[{broken.earlier}])"
            )
            problems.append(Problem(f"{path}.kind", expectation, event.kind))
        elif broken.rule == "check_in_without_thank_you":
            expectation = "must follow a thank_you_sent event (a check-in comes after a thank-you)"
            problems.append(Problem(f"{path}.kind", expectation, event.kind))
        else:
            assert broken.earlier is not None  # the thank-you it comes before
            thank_you = events[broken.earlier].date.isoformat()
            expectation = f"must be on or after the thank-you date {thank_you}"
            problems.append(Problem(f"{path}.date", expectation, event.date))
    return problems
