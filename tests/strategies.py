"""Hypothesis strategies for valid workspace objects, for any test module to reuse.

Every strategy here draws objects that the constructors accept unchanged:
text is already stripped and single-line where it must be, dates lie from
1990 to 2100, ids are unique slugs and events follow the follow-up rules.
So ``Factor(**vars(factor)) == factor`` for anything drawn here, and a test
may build variations with :func:`dataclasses.replace`.

Import with ``from tests.strategies import workspaces`` (pytest puts the
repository root on ``sys.path``)::

    @given(workspaces(max_opportunities=4))
    def test_something(workspace): ...

The main entry points: :func:`workspaces`, :func:`opportunities`,
:data:`factors`, :func:`factor_lists`, :data:`contacts`, :func:`event_lists`,
:data:`notes`, :data:`settings_values`; the building blocks :data:`slugs`,
:func:`single_line_text`, :data:`dates`, :data:`weights`; and
:data:`invalid_weights`, values no weight may take.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from typing import TypeVar

from hypothesis import strategies as st

from followup.model import (
    CATEGORIES,
    EVENT_KINDS,
    Contact,
    Event,
    Factor,
    Notes,
    Opportunity,
    Settings,
    Workspace,
)
from followup.model.checks import EARLIEST_DATE, LATEST_DATE

__all__ = [
    "categories",
    "contacts",
    "dates",
    "emails",
    "event_lists",
    "factor_lists",
    "factors",
    "invalid_weights",
    "notes",
    "opportunities",
    "settings_values",
    "single_line_text",
    "slugs",
    "weights",
    "workspaces",
]

_T = TypeVar("_T")

# -- building blocks -------------------------------------------------------

_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
_parts = st.text(_ALNUM, min_size=1, max_size=12)

#: Opportunity ids: lowercase letters and digits in hyphen-separated parts, at most 64 characters.
#: (Built from parts rather than a regex: much faster to draw.)
slugs: st.SearchStrategy[str] = st.lists(_parts, min_size=1, max_size=4).map("-".join)

#: Weights a factor may have.
weights: st.SearchStrategy[int] = st.integers(min_value=1, max_value=10)

#: Values that are never a weight (RELIABILITY row 19 and their kin).
invalid_weights: st.SearchStrategy[object] = st.one_of(
    st.sampled_from(
        [math.nan, math.inf, -math.inf, float("1e309"), "high", "5", True, False, None, 0, 11, 2.5]
    ),
    st.integers(max_value=0),
    st.integers(min_value=11),
    st.floats().filter(lambda x: not (math.isfinite(x) and x.is_integer() and 1 <= x <= 10)),
)

#: Characters allowed in single-line text: no control characters, line or paragraph
#: separators, or lone surrogates.
_LINE_CHARACTERS = st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp"))


@functools.cache
def single_line_text(*, max_size: int = 40) -> st.SearchStrategy[str]:
    """Non-blank single-line text without surrounding white space (as the model stores it)."""
    return st.text(_LINE_CHARACTERS, min_size=1, max_size=max_size).map(str.strip).filter(bool)


#: Multi-line text as an event note may hold (``\\n`` and tabs inside).
_note_text = (
    st.text(st.one_of(_LINE_CHARACTERS, st.sampled_from("\n\t")), min_size=1, max_size=60)
    .map(str.strip)
    .filter(bool)
)

#: Dates the model accepts.
dates: st.SearchStrategy[dt.date] = st.dates(min_value=EARLIEST_DATE, max_value=LATEST_DATE)

#: Plain single addresses such as ``a.b@x-y.example``.
emails: st.SearchStrategy[str] = st.builds(
    "{}@{}.{}".format,
    st.lists(_parts, min_size=1, max_size=2).map(".".join),
    st.lists(_parts, min_size=1, max_size=2).map("-".join),
    st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=6),
)

_phones = st.lists(st.text("0123456789", min_size=2, max_size=4), min_size=2, max_size=4).map(
    lambda groups: "+" + " ".join(groups)
)

#: A factor's category: a suggested one, some other short text, or none.
categories: st.SearchStrategy[str | None] = st.one_of(
    st.none(), st.sampled_from(CATEGORIES), single_line_text(max_size=20)
)

# -- value objects -----------------------------------------------------------

#: A person with any mix of optional fields.
contacts: st.SearchStrategy[Contact] = st.builds(
    Contact,
    name=single_line_text(),
    title=st.none() | single_line_text(),
    email=st.none() | emails,
    phone=st.none() | _phones,
)

#: One factor of either side.
factors: st.SearchStrategy[Factor] = st.builds(
    Factor,
    label=single_line_text(),
    side=st.sampled_from(("plus", "minus")),
    weight=weights,
    category=categories,
)


@functools.cache
def factor_lists(
    *,
    min_size: int = 0,
    max_size: int = 8,
    weights: st.SearchStrategy[int] = weights,
    sides: tuple[str, ...] = ("plus", "minus"),
) -> st.SearchStrategy[list[Factor]]:
    """Lists of factors; ``weights`` and ``sides`` narrow what is drawn."""
    factor = st.builds(
        Factor,
        label=single_line_text(),
        side=st.sampled_from(sides),
        weight=weights,
        category=categories,
    )
    return st.lists(factor, min_size=min_size, max_size=max_size)


#: Notes with a few items in each list.
notes: st.SearchStrategy[Notes] = st.builds(
    Notes,
    discussed=st.lists(single_line_text(), max_size=3).map(tuple),
    learned=st.lists(single_line_text(), max_size=3).map(tuple),
    stronger_because=st.lists(single_line_text(), max_size=3).map(tuple),
    exciting=st.lists(single_line_text(), max_size=3).map(tuple),
    concerns=st.lists(single_line_text(), max_size=3).map(tuple),
    company_fact=st.just("") | single_line_text(),
    fact_comment=st.just("") | single_line_text(),
)

_OTHER_KINDS = tuple(k for k in EVENT_KINDS if k not in ("thank_you_sent", "check_in_sent"))


@st.composite
def event_lists(draw: st.DrawFn, interview_date: dt.date | None = None) -> list[Event]:
    """Events that follow the rules: at most one thank-you and one check-in, the check-in
    only after a thank-you and not before it, nothing before ``interview_date``.

    The list comes in any order (the rules do not depend on it).
    """
    start = interview_date or EARLIEST_DATE
    on_or_after = st.dates(min_value=start, max_value=LATEST_DATE)
    note = st.none() | _note_text
    events: list[Event] = []
    if draw(st.booleans()):
        thanked = draw(on_or_after)
        events.append(Event("thank_you_sent", thanked, draw(note)))
        if draw(st.booleans()):
            checked = draw(st.dates(min_value=thanked, max_value=LATEST_DATE))
            events.append(Event("check_in_sent", checked, draw(note)))
    others = draw(
        st.lists(
            st.builds(Event, kind=st.sampled_from(_OTHER_KINDS), date=on_or_after, note=note),
            max_size=3,
        )
    )
    return draw(st.permutations(events + others))


def _maybe(draw: st.DrawFn, strategy: st.SearchStrategy[_T], empty: _T, full: bool | None) -> _T:
    if full is None:
        return draw(st.just(empty) | strategy)
    return draw(strategy) if full else empty


@st.composite
def opportunities(
    draw: st.DrawFn,
    *,
    opportunity_id: str | None = None,
    min_factors: int = 0,
    max_factors: int = 8,
    weights: st.SearchStrategy[int] = weights,
    full: bool | None = None,
) -> Opportunity:
    """A valid opportunity; ``opportunity_id`` fixes its id, ``weights`` narrows its weights.

    ``full=True`` fills every optional field (interview date, contacts, notes,
    events), ``False`` leaves them all empty; by default each is drawn either way.
    """
    interview_date = _maybe(draw, dates, None, full)
    no_contact: Contact | None = None
    return Opportunity(
        id=opportunity_id if opportunity_id is not None else draw(slugs),
        company=draw(single_line_text()),
        role=draw(single_line_text()),
        interview_date=interview_date,
        interviewers=tuple(_maybe(draw, st.lists(contacts, min_size=1, max_size=2), [], full)),
        recruiter=_maybe(draw, contacts, no_contact, full),
        factors=tuple(
            draw(factor_lists(min_size=min_factors, max_size=max_factors, weights=weights))
        ),
        notes=_maybe(draw, notes, Notes(), full),
        events=tuple(_maybe(draw, event_lists(interview_date), [], full)),
    )


#: Workspace settings: a threshold (integer or not) and a check-in delay.
settings_values: st.SearchStrategy[Settings] = st.builds(
    Settings,
    threshold=st.one_of(
        st.just(0),
        st.integers(min_value=-20, max_value=20),
        st.floats(min_value=-20, max_value=20, allow_nan=False).map(lambda x: round(x, 1)),
    ),
    check_in_after_days=st.integers(min_value=1, max_value=90),
)


@st.composite
def workspaces(
    draw: st.DrawFn,
    *,
    min_opportunities: int = 0,
    max_opportunities: int = 5,
    min_factors: int = 0,
    max_factors: int = 8,
    weights: st.SearchStrategy[int] = weights,
    settings: st.SearchStrategy[Settings] | None = None,
    full: bool | None = None,
) -> Workspace:
    """A valid workspace with unique opportunity ids.

    ``settings`` defaults to the default :class:`Settings` (threshold 0); pass
    :data:`settings_values` to vary the threshold too.
    """
    ids = draw(st.lists(slugs, min_size=min_opportunities, max_size=max_opportunities, unique=True))
    drawn = [
        draw(
            opportunities(
                opportunity_id=identifier,
                min_factors=min_factors,
                max_factors=max_factors,
                weights=weights,
                full=full,
            )
        )
        for identifier in ids
    ]
    owner = draw(st.none() | contacts) if full is None else (draw(contacts) if full else None)
    chosen = draw(settings) if settings is not None else Settings()
    return Workspace(opportunities=tuple(drawn), owner=owner, settings=chosen)
