"""The decision app's state and every change it can make, in plain Python (no widgets).

A :class:`Session` holds a :class:`SessionState` (the workspace being worked
on, the opportunity being looked at, the clock, where the work is saved) and
one small part per feature of the app, named as the app's tabs are:
``opportunities``, ``details``, ``settings``, ``t_chart``, ``debrief``,
``compare``, ``today`` and ``follow_up``. :func:`open_session` opens (or
creates) a workspace file. The widget view in :mod:`followup.ui` only shows a
session and calls its parts, so everything the app does is tested here.

May import every part of followup except :mod:`followup.ui` and
:mod:`followup.cli`; never ipywidgets. matplotlib, Jinja2 and the other heavy
libraries load inside the functions that need them.
"""

from __future__ import annotations

from followup.session.debrief import DEBRIEF_QUESTIONS, DebriefQuestion
from followup.session.details import NOTE_LIST_FIELDS, note_text
from followup.session.fields import CONTACT_FIELDS
from followup.session.follow_up import FollowUpView
from followup.session.saving import FileStore, MemoryStore, SaveStatus
from followup.session.session import Session, open_session
from followup.session.state import SessionState, drafts_folder
from followup.session.t_chart import TSummary, t_summary

__all__ = [
    "CONTACT_FIELDS",
    "DEBRIEF_QUESTIONS",
    "NOTE_LIST_FIELDS",
    "DebriefQuestion",
    "FileStore",
    "FollowUpView",
    "MemoryStore",
    "SaveStatus",
    "Session",
    "SessionState",
    "TSummary",
    "drafts_folder",
    "note_text",
    "open_session",
    "t_summary",
]
