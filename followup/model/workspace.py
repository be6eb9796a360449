"""The workspace: a job search, with its owner, its settings and its opportunities.

This module holds :class:`Workspace` and its file form (the current format
version); older versions are read by :mod:`followup.storage.fileformat`.
Objects are validated when built and never change; edit them with
:func:`dataclasses.replace` or the ``with_*`` helpers, which validate again.
Standard library only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from followup.errors import MISSING, Problem, UnknownOpportunityError, ValidationError
from followup.model.base import FileForm, field_names, raise_if_any, set_fields
from followup.model.checks import build, check_items, check_mapping, check_text, key_path
from followup.model.contact import Contact
from followup.model.limits import DICTIONARY_WORD_LENGTH, MAX_DICTIONARY_WORDS, MAX_OPPORTUNITIES
from followup.model.opportunity import Opportunity
from followup.model.settings import Settings

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "Workspace"]

FORMAT_NAME = "followup-workspace"
#: The version this followup writes; it reads every version up to this one.
FORMAT_VERSION = 2

#: How many known ids an "unknown id" message lists before it stops.
_IDS_SHOWN = 10


@dataclass(frozen=True)
class Workspace(FileForm):
    """A job search: its owner, its settings, its opportunities and the person's own words.

    ``dictionary`` holds the words the person added to the writing check's
    dictionary (names, terms of their field), kept sorted and without repeats.

    >>> ws = Workspace(opportunities=[Opportunity("acme", "Acme", "Engineer")])
    >>> ws.opportunity("acme").company
    'Acme'
    >>> Workspace.from_dict(ws.to_dict()) == ws
    True
    """

    opportunities: tuple[Opportunity, ...] = ()
    owner: Contact | None = None
    settings: Settings = field(default_factory=Settings)
    dictionary: tuple[str, ...] = ()
    #: Where the workspace was loaded from, set by :mod:`followup.storage` (None for a
    #: workspace built in memory). Edits carry it along, so that saving back merges with
    #: changes made to the file since; it is not part of the workspace's value: never
    #: compared, hashed, shown or written.
    origin: object = field(
        default=None, compare=False, repr=False, kw_only=True, metadata={"in_file": False}
    )

    def __post_init__(self) -> None:
        problems: list[Problem] = []
        opportunities = check_items(
            self.opportunities,
            "opportunities",
            problems,
            Opportunity,
            "Opportunity",
            max_items=MAX_OPPORTUNITIES,
        )
        owner: object = self.owner
        if owner is not None and not isinstance(owner, Contact):
            problems.append(Problem("owner", "must be a Contact or None", owner))
        settings: object = Settings() if self.settings is None else self.settings
        if not isinstance(settings, Settings):
            problems.append(Problem("settings", "must be a Settings", settings))
        problems += _duplicate_ids(
            [(index, o) for index, o in enumerate(opportunities) if isinstance(o, Opportunity)]
        )
        dictionary = _dictionary(self.dictionary, problems)
        raise_if_any(problems)
        set_fields(self, opportunities=opportunities, settings=settings, dictionary=dictionary)

    # -- reading ----------------------------------------------------------

    @property
    def ids(self) -> tuple[str, ...]:
        """The opportunity ids, in workspace order."""
        return tuple(o.id for o in self.opportunities)

    def __len__(self) -> int:
        return len(self.opportunities)

    def opportunity(self, opportunity_id: str) -> Opportunity:
        """The opportunity with this id.

        Raises
        ------
        UnknownOpportunityError
            (a ``KeyError``) naming the id when no opportunity has it.
        """
        for opportunity in self.opportunities:
            if opportunity.id == opportunity_id:
                return opportunity
        ids = self.ids
        known = ", ".join(ids[:_IDS_SHOWN]) or "none"
        if len(ids) > _IDS_SHOWN:
            known += f", and {len(ids) - _IDS_SHOWN} more"
        raise UnknownOpportunityError(
            "opportunity_id must be the id of an opportunity in this workspace "
            f"({known}); got {opportunity_id!r}",
            opportunity_id=opportunity_id,
        )

    # -- editing (each returns a new, validated workspace) -----------------

    def with_opportunity(self, opportunity: Opportunity) -> Workspace:
        """Replace the opportunity with the same id, or add it at the end."""
        given: object = opportunity
        if not isinstance(given, Opportunity):
            raise ValidationError([Problem("opportunity", "must be an Opportunity", given)])
        if opportunity.id in self.ids:
            return replace(
                self,
                opportunities=tuple(
                    opportunity if o.id == opportunity.id else o for o in self.opportunities
                ),
            )
        return replace(self, opportunities=(*self.opportunities, opportunity))

    def with_word(self, word: str) -> Workspace:
        """A copy whose dictionary also holds ``word`` (one word, no spaces).

        >>> Workspace().with_word("lakehouse").with_word("CCRN").dictionary
        ('CCRN', 'lakehouse')
        """
        return replace(self, dictionary=(*self.dictionary, word))

    def without_opportunity(self, opportunity_id: str) -> Workspace:
        """A copy without that opportunity (:class:`UnknownOpportunityError` if there is none)."""
        self.opportunity(opportunity_id)  # raises for an unknown id
        return replace(
            self, opportunities=tuple(o for o in self.opportunities if o.id != opportunity_id)
        )

    # -- the file format ---------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The canonical file content: every field written, optional ones as null or empty."""
        return {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "owner": self.owner.to_dict() if self.owner else None,
            "settings": self.settings.to_dict(),
            "dictionary": list(self.dictionary),
            "opportunities": [o.to_dict() for o in self.opportunities],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Workspace:
        """Build from the file format (version 1); every problem is reported at once.

        Raises
        ------
        ValidationError
            Listing each problem with its path, e.g.
            ``opportunities[2].factors[0].weight must be an integer from 1 to 10; got 12``.
        """
        return super().from_dict(data)

    @classmethod
    def _read(cls, data: object, path: str, problems: list[Problem]) -> Workspace | None:
        known = ("format", "version", *field_names(cls))
        required = ("format", "version", "opportunities")
        raw = check_mapping(data, path, problems, known=known, required=required)
        if raw is None:
            return None
        if raw["format"] is not MISSING and raw["format"] != FORMAT_NAME:
            problems.append(
                Problem(key_path(path, "format"), f"must be {FORMAT_NAME!r}", raw["format"])
            )
        version = raw["version"]
        if version is not MISSING and (type(version) is not int or version != FORMAT_VERSION):
            problems.append(
                Problem(key_path(path, "version"), f"must be {FORMAT_VERSION}", version)
            )
        before = len(problems)
        owner = raw.get("owner")
        if owner is not None:
            owner = Contact._read(owner, key_path(path, "owner"), problems)
        settings = Settings._read(raw.get("settings"), key_path(path, "settings"), problems)
        opportunities = _read_opportunities(
            raw["opportunities"], key_path(path, "opportunities"), problems
        )
        dictionary = raw.get("dictionary")
        if dictionary is None:
            dictionary = ()
        elif not isinstance(dictionary, list):
            problems.append(Problem(key_path(path, "dictionary"), "must be a list", dictionary))
        if len(problems) > before or opportunities is None:
            return None
        return build(
            cls,
            {
                "opportunities": opportunities,
                "owner": owner,
                "settings": settings,
                "dictionary": dictionary,
            },
            path,
            problems,
        )

    def _repr_html_(self) -> str:
        from followup.model.html import workspace_html

        return workspace_html(self)


def _read_opportunities(
    data: object, path: str, problems: list[Problem]
) -> tuple[Opportunity, ...] | None:
    if data is MISSING:
        return None  # reported as "must be given"
    if not isinstance(data, list):
        problems.append(Problem(path, "must be a list", data))
        return None
    if len(data) > MAX_OPPORTUNITIES:
        problems.append(Problem(path, f"must have at most {MAX_OPPORTUNITIES} items", len(data)))
        return None
    read = [
        (index, Opportunity._read(item, f"{path}[{index}]", problems))
        for index, item in enumerate(data)
    ]
    good = [(index, o) for index, o in read if o is not None]
    # Duplicates among the readable ones are reported even when others are broken.
    problems += _duplicate_ids(good, prefix=path)
    if len(good) < len(read):
        return None
    return tuple(o for _, o in good)


def _duplicate_ids(
    opportunities: Sequence[tuple[int, Opportunity]], prefix: str = "opportunities"
) -> list[Problem]:
    problems: list[Problem] = []
    first_index: dict[str, int] = {}
    for index, opportunity in opportunities:
        if opportunity.id in first_index:
            problems.append(
                Problem(
                    f"{prefix}[{index}].id",
                    f"must be unique (already used by {prefix}[{first_index[opportunity.id]}])",
                    opportunity.id,
                )
            )
        else:
            first_index[opportunity.id] = index
    return problems


def _dictionary(words: object, problems: list[Problem]) -> tuple[str, ...]:
    """The person's words: each one word of text, sorted, each once."""
    if isinstance(words, str | bytes) or not isinstance(words, Iterable):
        problems.append(Problem("dictionary", "must be a list of words", words))
        return ()
    given = list(words)
    if len(given) > MAX_DICTIONARY_WORDS:
        problems.append(
            Problem("dictionary", f"must have at most {MAX_DICTIONARY_WORDS} words", len(given))
        )
        return ()
    kept: set[str] = set()
    for index, word in enumerate(given):
        path = f"dictionary[{index}]"
        text = check_text(word, path, problems, required=True, max_length=DICTIONARY_WORD_LENGTH)
        if text is not None and any(char.isspace() for char in text):
            problems.append(Problem(path, "must be one word, without spaces", word))
        elif text is not None:
            kept.add(text)
    return tuple(sorted(kept))
