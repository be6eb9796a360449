"""Dates as a note writes them, in US or UK English.

US English writes "November 24", UK English "24 November"; the year is added
only when it is not the year of ``today`` ("November 24, 2025" /
"24 November 2025"). Month names are spelled out here rather than with
``strftime``, which follows the machine's locale.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

__all__ = ["MONTHS", "WEEKDAYS", "written_date"]

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def written_date(
    date: dt.date,
    *,
    english: Literal["US", "UK"],
    today: dt.date | None = None,
    weekday: bool = False,
) -> str:
    """The date as a note writes it: the year only when it is not this year.

    Parameters
    ----------
    date
        The date to write.
    english
        ``"US"`` ("February 16") or ``"UK"`` ("16 February").
    today
        The day the note is written; without it the year is always written.
    weekday
        Name the day of the week first ("Friday, February 16" / "Friday 16 February").

    Examples
    --------
    >>> import datetime as dt
    >>> day, today = dt.date(2026, 2, 16), dt.date(2026, 3, 1)
    >>> written_date(day, english="US", today=today), written_date(day, english="UK", today=today)
    ('February 16', '16 February')
    >>> written_date(day, english="US", today=dt.date(2027, 1, 4))
    'February 16, 2026'
    >>> written_date(day, english="UK")
    '16 February 2026'
    >>> written_date(day, english="US", today=today, weekday=True)
    'Monday, February 16'
    """
    month = MONTHS[date.month - 1]
    with_year = today is None or today.year != date.year
    if english == "UK":
        text = f"{date.day} {month} {date.year}" if with_year else f"{date.day} {month}"
        return f"{WEEKDAYS[date.weekday()]} {text}" if weekday else text
    text = f"{month} {date.day}, {date.year}" if with_year else f"{month} {date.day}"
    return f"{WEEKDAYS[date.weekday()]}, {text}" if weekday else text
