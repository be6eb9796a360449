"""The timeline: the next step of every opportunity, as one table to work from today.

One row per opportunity, sorted by due date, from the rules of
:mod:`followup.etiquette.plan`. Import :func:`timeline` from :mod:`followup.etiquette`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from followup.etiquette.plan import _check_today, _plan, _verdicts
from followup.model import Workspace

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["TIMELINE_COLUMNS", "timeline"]

TIMELINE_COLUMNS = ("company", "role", "verdict", "action", "due", "overdue", "reason")


def timeline(workspace: Workspace, *, today: dt.date) -> pd.DataFrame:
    """The "what do I do today" table: the next step of every opportunity.

    Parameters
    ----------
    workspace
        The workspace to plan.
    today
        The date to plan for.

    Returns
    -------
    DataFrame
        Index ``opportunity``; columns ``company``, ``role``, ``verdict``,
        ``action``, ``due`` (a :class:`datetime.date` or None), ``overdue``
        (bool) and ``reason``. Sorted by due date; rows without a due date come
        last, each group keeping the workspace order.

    Examples
    --------
    >>> import datetime as dt
    >>> from followup import example_workspace
    >>> table = timeline(example_workspace(), today=dt.date(2026, 12, 1))
    >>> row = table.loc["northwind-platform-lead"]
    >>> row["action"], row["due"].isoformat(), bool(row["overdue"])
    ('send_thank_you', '2026-11-25', True)
    """
    import pandas as pd

    _check_today(today)
    verdicts = _verdicts(workspace)
    rows = []
    for opportunity in workspace.opportunities:
        step = _plan(opportunity, verdicts[opportunity.id], workspace, today)
        rows.append(
            {
                "opportunity": opportunity.id,
                "company": opportunity.company,
                "role": opportunity.role,
                "verdict": verdicts[opportunity.id][0],
                "action": step.action,
                "due": step.due,
                "overdue": step.overdue,
                "reason": step.reason,
            }
        )
    # sorted() is stable: equal dates (and all undated rows) keep the workspace order.
    rows.sort(key=lambda row: (row["due"] is None, row["due"] or dt.date.min))
    index = pd.Index([row.pop("opportunity") for row in rows], name="opportunity", dtype=object)
    frame = pd.DataFrame(rows, index=index, columns=list(TIMELINE_COLUMNS))
    frame["due"] = frame["due"].astype(object)
    frame["overdue"] = frame["overdue"].astype(bool)
    return frame
