"""The workspace model: what a job search is made of, validated when built.

A :class:`Workspace` holds :class:`Opportunity` objects; each has weighted
:class:`Factor` objects (the two sides of the Franklin T), contacts, the
:class:`Notes` the follow-up recalls and the :class:`Event` objects that record
what was sent. Objects are frozen and validated when built (every problem at
once, each naming its field); edit them with :func:`dataclasses.replace` or
the ``with_*`` helpers, which validate again.

Modules: ``limits`` (the fixed vocabularies and every field's limit), ``checks``
(field checks shared by constructors and the file reader), ``base`` (building
from the file form), ``contact``, ``factor``, ``event`` (with the rules events
keep), ``notes`` (the notes and the person's draft edits), ``settings``,
``opportunity``, ``workspace`` and ``html`` (escaped notebook views).

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

from followup.model import limits
from followup.model.contact import Contact
from followup.model.event import Event
from followup.model.factor import Factor
from followup.model.limits import *  # noqa: F403 (its __all__ is part of this one)
from followup.model.notes import DraftEdits, Notes
from followup.model.opportunity import Opportunity
from followup.model.settings import Settings
from followup.model.workspace import FORMAT_NAME, FORMAT_VERSION, Workspace

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "Contact",
    "DraftEdits",
    "Event",
    "Factor",
    "Notes",
    "Opportunity",
    "Settings",
    "Workspace",
]
__all__ += limits.__all__
