"""Dates as a note writes them, in US or UK English."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from followup.notes.dates import MONTHS, written_date


def test_us_and_uk_order_and_the_year_only_when_it_is_not_this_year() -> None:
    day = dt.date(2026, 2, 16)
    assert written_date(day, english="US", today=dt.date(2026, 2, 17)) == "February 16"
    assert written_date(day, english="UK", today=dt.date(2026, 2, 17)) == "16 February"
    assert written_date(day, english="US", today=dt.date(2027, 1, 2)) == "February 16, 2026"
    assert written_date(day, english="UK", today=dt.date(2027, 1, 2)) == "16 February 2026"


#: The dates a workspace holds (see followup.model.checks).
DATES = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))


@given(DATES, DATES, st.sampled_from(["US", "UK"]))
def test_every_date_names_its_day_and_month_and_its_year_when_needed(
    day: dt.date, today: dt.date, english: str
) -> None:
    text = written_date(day, english=english, today=today)  # type: ignore[arg-type]
    assert (
        MONTHS[day.month - 1] in text and str(day.day) in text.split()[0 if english == "UK" else 1]
    )
    assert (str(day.year) in text) == (day.year != today.year)
