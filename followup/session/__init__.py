"""The decision app's state and every change it can make, in plain Python (no widgets).

A :class:`Session` holds the workspace being worked on, the opportunity
being looked at, and where the work is saved; :func:`open_session` opens (or
creates) a workspace file. The widget view in :mod:`followup.ui` only shows a
session and calls its methods, so everything the app does is tested here.
"""

from __future__ import annotations

from followup.session.base import new_opportunity_id
from followup.session.core import CREATE_CHOICES, Session, open_session
from followup.session.details import (
    CONTACT_FIELDS,
    DETAIL_FIELDS,
    NOTE_FIELDS,
    NOTE_LIST_FIELDS,
    SETTING_FIELDS,
    note_text,
)
from followup.session.follow_up import EXPORT_FORMATS, FollowUpView, drafts_folder
from followup.session.saving import FileStore, MemoryStore, SaveStatus
from followup.session.t_chart import DEBRIEF_QUESTIONS, DebriefQuestion, TSummary, t_summary

__all__ = [
    "CONTACT_FIELDS",
    "CREATE_CHOICES",
    "DEBRIEF_QUESTIONS",
    "DETAIL_FIELDS",
    "EXPORT_FORMATS",
    "NOTE_FIELDS",
    "NOTE_LIST_FIELDS",
    "SETTING_FIELDS",
    "DebriefQuestion",
    "FileStore",
    "FollowUpView",
    "MemoryStore",
    "SaveStatus",
    "Session",
    "TSummary",
    "drafts_folder",
    "new_opportunity_id",
    "note_text",
    "open_session",
    "t_summary",
]
