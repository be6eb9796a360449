"""The workspace model: what a job search is made of, validated when built.

A :class:`Workspace` holds :class:`Opportunity` objects; each has weighted
:class:`Factor` objects (the two sides of the Franklin T), contacts, the
:class:`Notes` the follow-up recalls and the :class:`Event` objects that record
what was sent. Objects are frozen and validated when built (every problem at
once, each naming its field); edit them with :func:`dataclasses.replace` or
the ``with_*`` helpers, which validate again.

Modules: ``checks`` (field checks shared by constructors and the file reader),
``parts`` (Contact, Factor, Event, Notes, Settings and the field limits),
``opportunity``, ``workspace``, ``html`` (escaped notebook views).

May import: the standard library and :mod:`followup.errors` only.

>>> factor = Factor("Team ships weekly", "plus", 8, "work")
>>> factor.signed_weight
8
>>> Factor("Long commute", "minus", 12)
Traceback (most recent call last):
...
followup.errors.ValidationError: weight must be an integer from 1 to 10; got 12
"""

from __future__ import annotations

from followup.model.opportunity import Opportunity
from followup.model.parts import (
    CATEGORIES,
    CATEGORY_LENGTH,
    EVENT_KINDS,
    EVENT_NOTE_LENGTH,
    ID_LENGTH,
    LABEL_LENGTH,
    MAX_NOTE_ITEMS,
    NAME_LENGTH,
    NOTE_ITEM_LENGTH,
    PHONE_LENGTH,
    SIDES,
    THRESHOLD_LIMIT,
    Contact,
    Event,
    EventKind,
    Factor,
    Notes,
    Settings,
    Side,
)
from followup.model.workspace import FORMAT_NAME, FORMAT_VERSION, Workspace

__all__ = [
    "CATEGORIES",
    "CATEGORY_LENGTH",
    "EVENT_KINDS",
    "EVENT_NOTE_LENGTH",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "ID_LENGTH",
    "LABEL_LENGTH",
    "MAX_NOTE_ITEMS",
    "NAME_LENGTH",
    "NOTE_ITEM_LENGTH",
    "PHONE_LENGTH",
    "SIDES",
    "THRESHOLD_LIMIT",
    "Contact",
    "Event",
    "EventKind",
    "Factor",
    "Notes",
    "Opportunity",
    "Settings",
    "Side",
    "Workspace",
]
