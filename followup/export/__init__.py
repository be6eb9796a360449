"""Taking notes and reminders out of followup: ``.eml`` drafts, ``.ics`` reminders, file names.

Modules: ``eml`` and ``mail_headers`` (an unsent e-mail draft every mail program
opens, with headers that cannot be smuggled), ``ics`` and ``reminders`` (a calendar
reminder for the check-in day) and ``filenames`` (safe names, never overwriting).

May import: :mod:`followup.errors`, :mod:`followup.model`,
:mod:`followup.etiquette` and the standard library; icalendar on first use.
"""

from __future__ import annotations

from followup.export.reminders import reminder_ics

__all__ = ["reminder_ics"]
