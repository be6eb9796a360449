"""You and the settings: the owner of the workspace (who signs the notes) and how it decides.

Values arrive as typed text: numbers are parsed, empty text clears a field of
the owner. A bad value raises :class:`~followup.errors.ValidationError`
naming the field, and the workspace keeps its last good value.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from followup.errors import ValidationError
from followup.session.fields import (
    CONTACT_FIELDS,
    checked_name,
    contact,
    contact_values,
    number,
    optional,
)
from followup.session.state import SessionState

__all__ = ["SETTING_FIELDS", "SettingsPart"]

SETTING_FIELDS = ("threshold", "check_in_after_days", "english", "greeting")
_NUMBERS = ("threshold", "check_in_after_days")


class SettingsPart:
    """Edits the owner and the workspace settings, one field at a time.

    Examples
    --------
    >>> import datetime as dt
    >>> from followup import example_workspace
    >>> state = SessionState(example_workspace(), today=dt.date(2026, 12, 1),
    ...                      now=dt.datetime(2026, 12, 1, 12, 4))
    >>> SettingsPart(state).set("threshold", "2.5")
    >>> state.workspace.settings.threshold
    2.5
    """

    def __init__(self, state: SessionState) -> None:
        self._state = state

    def set_owner(self, name: str, value: object) -> None:
        """Change one field of the owner; clearing every field removes the owner."""
        name = checked_name(name, CONTACT_FIELDS)
        workspace = self._state.workspace
        values = contact_values(workspace.owner) | {name: optional(value)}
        owner = None if all(v is None for v in values.values()) else contact(values, "owner")
        self._state.commit(replace(workspace, owner=owner))

    def set(self, name: str, value: object) -> None:
        """Set one setting from typed text or a choice.

        ``threshold`` (a number) and ``check_in_after_days`` (days, 1-90) are
        parsed from text; ``english`` is ``"US"`` or ``"UK"`` and ``greeting``
        ``"first_name"`` or ``"formal"``.
        """
        name = checked_name(name, SETTING_FIELDS)
        workspace = self._state.workspace
        changes: dict[str, Any] = {name: number(value) if name in _NUMBERS else value}
        try:
            settings = replace(workspace.settings, **changes)
        except ValidationError as error:
            raise error.prefixed("settings") from None
        self._state.commit(replace(workspace, settings=settings))
