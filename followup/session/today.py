"""Today: the next step of every opportunity, as of the session's date."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from followup.session.state import SessionState

if TYPE_CHECKING:  # pragma: no cover - types only
    import pandas as pd

__all__ = ["TodayPart"]


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
