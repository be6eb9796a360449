"""The candidate's notes for the follow-up, and their own edits of a drafted note.

:class:`Notes` hold what the thank-you will recall, in the candidate's own
words; :class:`DraftEdits` keep the person's version of a draft until the
note is marked as sent. Standard library only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from followup.errors import Problem
from followup.model.base import FileForm, field_names, raise_if_any, set_fields
from followup.model.checks import build, check_choice, check_mapping, check_text, key_path
from followup.model.limits import (
    DRAFT_LENGTH,
    FACT_SOURCES,
    MAX_NOTE_ITEMS,
    NOTE_ITEM_LENGTH,
    FactSource,
)

__all__ = ["NOTE_LISTS", "NOTE_TEXTS", "DraftEdits", "Notes"]

#: The notes that are lists, one line per item.
NOTE_LISTS = ("discussed", "learned", "stronger_because", "exciting", "concerns")
#: The notes that are one text each.
NOTE_TEXTS = ("company_fact", "fact_comment")


@dataclass(frozen=True)
class Notes(FileForm):
    """What the follow-up note will recall, in the candidate's own words.

    Every item is one line of text; lists may be given as any sequence and are
    kept as tuples. ``fact_source`` says where the company fact was learned
    (``"interview"`` or ``"website"``), when the candidate said so.

    >>> Notes(company_fact="The school won a STEM grant", fact_source="interview").fact_source
    'interview'
    """

    discussed: tuple[str, ...] = ()
    learned: tuple[str, ...] = ()
    stronger_because: tuple[str, ...] = ()
    exciting: tuple[str, ...] = ()
    concerns: tuple[str, ...] = ()
    company_fact: str = ""
    fact_comment: str = ""
    fact_source: FactSource | None = None

    def __post_init__(self) -> None:
        problems: list[Problem] = []
        values: dict[str, object] = {}
        for name in NOTE_LISTS:
            values[name] = _text_items(getattr(self, name), name, problems)
        for name in NOTE_TEXTS:
            text = check_text(
                getattr(self, name), name, problems, required=False, max_length=NOTE_ITEM_LENGTH
            )
            values[name] = text or ""
        if self.fact_source is not None:
            check_choice(self.fact_source, "fact_source", problems, FACT_SOURCES)
        raise_if_any(problems)
        set_fields(self, **values)

    def to_dict(self) -> dict[str, Any]:
        """The file form: every list (possibly empty) and both texts (possibly ``""``)."""
        data: dict[str, Any] = {name: list(getattr(self, name)) for name in NOTE_LISTS}
        data.update({name: getattr(self, name) for name in NOTE_TEXTS})
        data["fact_source"] = self.fact_source
        return data

    @classmethod
    def _read(cls, data: object, path: str, problems: list[Problem]) -> Notes | None:
        if data is None:
            return cls()
        raw = check_mapping(data, path, problems, known=field_names(cls))
        if raw is None:
            return None
        for name in NOTE_TEXTS:
            if name in raw and raw[name] is None:
                raw[name] = ""
        wrong = False
        for name in NOTE_LISTS:
            if name in raw and raw[name] is None:
                raw[name] = ()
            elif name in raw and not isinstance(raw[name], list):
                problems.append(Problem(key_path(path, name), "must be a list of text", raw[name]))
                raw[name] = ()  # still check the other fields
                wrong = True
        built = build(cls, raw, path, problems)
        return None if wrong else built


def _text_items(value: object, path: str, problems: list[Problem]) -> tuple[str, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        problems.append(Problem(path, "must be a list of text", value))
        return ()
    if isinstance(value, list | tuple) and len(value) > MAX_NOTE_ITEMS:
        problems.append(Problem(path, f"must have at most {MAX_NOTE_ITEMS} items", len(value)))
        return ()
    items: list[str] = []
    for index, item in enumerate(value):
        text = check_text(
            item, f"{path}[{index}]", problems, required=True, max_length=NOTE_ITEM_LENGTH
        )
        if text is not None:
            items.append(text)
    if len(items) > MAX_NOTE_ITEMS:
        problems.append(Problem(path, f"must have at most {MAX_NOTE_ITEMS} items", len(items)))
    return tuple(items)


@dataclass(frozen=True)
class DraftEdits(FileForm):
    """The person's own version of each note, kept until the note is marked as sent.

    ``None`` means "not edited": the draft is the generated text. Bodies may
    span several lines.

    >>> DraftEdits(thank_you="Dear Priya, thank you ...").check_in is None
    True
    """

    thank_you: str | None = None
    check_in: str | None = None

    _null_is_default = True

    def __post_init__(self) -> None:
        problems: list[Problem] = []
        values = {
            name: check_text(
                getattr(self, name),
                name,
                problems,
                required=False,
                max_length=DRAFT_LENGTH,
                multiline=True,
                strip=False,
            )
            for name in ("thank_you", "check_in")
        }
        raise_if_any(problems)
        set_fields(self, **values)

    def to_dict(self) -> dict[str, Any]:
        """The file form: each note's edited body, or ``None``."""
        return {"thank_you": self.thank_you, "check_in": self.check_in}

    def get(self, kind: str) -> str | None:
        """The edited body of the note of this kind (``"thank_you"``/``"check_in"``), or None."""
        if kind not in ("thank_you", "check_in"):
            return None
        body: str | None = getattr(self, kind)
        return body
