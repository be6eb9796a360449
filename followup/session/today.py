"""Today: the next step of every opportunity, as of the session's date, and what each row offers.

Each row of the plan says what to do and offers the one thing that can be
recorded for it: the step itself when it is an action (a note sent, the
recruiter called), or closing an opportunity the plan says to move on from.
The recording goes through the follow-up's own methods
(:meth:`~followup.session.follow_up.FollowUpPart.mark_done` and
:meth:`~followup.session.follow_up.FollowUpPart.record`), so a row and the
follow-up tab record exactly the same thing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from followup.session.follow_up import STEP_EVENTS
from followup.session.state import SessionState

if TYPE_CHECKING:  # pragma: no cover - types only
    import pandas as pd

__all__ = ["ROW_ACTIONS", "TodayPart", "TodayRow"]

#: What a row offers to record, by the plan's action: the step itself, or the closing.
ROW_ACTIONS: dict[str, str] = {
    **STEP_EVENTS,
    "move_on": "closed",
    "replied": "closed",
    "leave_it_alone": "closed",
}


@dataclass(frozen=True)
class TodayRow:
    """One opportunity in the "what do I do today" plan."""

    opportunity_id: str
    company: str
    role: str
    verdict: str
    #: The plan's action (see :data:`followup.etiquette.plan.ACTIONS`).
    action: str
    due: dt.date | None
    overdue: bool
    reason: str
    #: The event the row's button records ("thank_you_sent", "closed", ...), or None.
    records: str | None


class TodayPart:
    """The "what do I do today" table across all opportunities.

    Examples
    --------
    >>> import datetime as dt
    >>> from followup import example_workspace
    >>> state = SessionState(example_workspace(), today=dt.date(2026, 12, 1),
    ...                      now=dt.datetime(2026, 12, 1, 12, 4))
    >>> today = TodayPart(state)
    >>> today.date
    datetime.date(2026, 12, 1)
    >>> len(today.timeline()) == len(state.workspace.opportunities)
    True
    >>> [(row.company, row.records) for row in today.rows()][:2]
    [('Umbrella Labs', 'recruiter_called'), ('Acme Analytics', 'check_in_sent')]
    """

    def __init__(self, state: SessionState) -> None:
        self._state = state

    @property
    def date(self) -> dt.date:
        """The date the plan is made for (the session's calendar)."""
        return self._state.current_date()

    def timeline(self) -> pd.DataFrame:
        """The next step of every opportunity, soonest first, as of :attr:`date`."""
        from followup.etiquette import timeline

        return timeline(self._state.workspace, today=self.date)

    def rows(self) -> list[TodayRow]:
        """The timeline as rows, each with the event its button records."""
        rows = []
        for opportunity_id, row in self.timeline().iterrows():
            action = str(row["action"])
            rows.append(
                TodayRow(
                    opportunity_id=str(opportunity_id),
                    company=str(row["company"]),
                    role=str(row["role"]),
                    verdict=str(row["verdict"]),
                    action=action,
                    due=row["due"],
                    overdue=bool(row["overdue"]),
                    reason=str(row["reason"]),
                    records=ROW_ACTIONS.get(action),
                )
            )
        return rows
