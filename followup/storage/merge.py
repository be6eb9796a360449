"""Three-way merge of workspaces, one opportunity at a time.

When two programs edit the same workspace file, the one that saves second has
three versions: the *base* it loaded, *mine* (its edits) and *theirs* (what
is on disk now). Each opportunity (by id), the owner and the settings are
merged separately: a part changed on one side only takes that side's version;
a part changed on both sides the same way is kept; a part changed differently
on both sides (including removed on one side and edited on the other) is a
conflict. The person's dictionary never conflicts: words added on either side
are kept, and words removed on either side are gone. Standard library only.

>>> from followup.model import Opportunity, Workspace
>>> base = Workspace([Opportunity("acme", "Acme", "Engineer")])
>>> mine = base.with_opportunity(Opportunity("globex", "Globex", "Analyst"))
>>> theirs = base.without_opportunity("acme")
>>> result = merge_workspaces(base, mine, theirs)
>>> result.workspace.ids, result.conflicts
(('globex',), ())
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TypeVar

from followup.model import Opportunity, Workspace

__all__ = ["MergeResult", "merge_workspaces"]

_T = TypeVar("_T")


@dataclass(frozen=True)
class MergeResult:
    """The merged workspace, or the parts both sides changed differently.

    ``workspace`` is None exactly when ``conflicts`` is not empty. Conflicts
    name opportunities by id, and the workspace-wide parts as ``"owner"`` and
    ``"settings"``.
    """

    workspace: Workspace | None
    conflicts: tuple[str, ...]


class _Conflict:
    """Marker for a part that both sides changed differently."""


_CONFLICT = _Conflict()


def _merge_part(base: _T, mine: _T, theirs: _T) -> _T | _Conflict:
    if mine == theirs:
        return mine
    if mine == base:
        return theirs
    if theirs == base:
        return mine
    return _CONFLICT


def merge_workspaces(base: Workspace, mine: Workspace, theirs: Workspace) -> MergeResult:
    """Merge the edits of ``mine`` and ``theirs``, both made from ``base``.

    Opportunities keep the order on disk (``theirs``) unless only ``mine``
    reordered them; opportunities only ``mine`` added come last, in its order.
    """
    by_id = [{o.id: o for o in side.opportunities} for side in (base, mine, theirs)]
    base_ids, mine_ids, theirs_ids = by_id
    conflicts: list[str] = []
    merged: dict[str, Opportunity] = {}
    for opportunity_id in _union_in_order(mine.ids, theirs.ids, base.ids):
        part = _merge_part(
            base_ids.get(opportunity_id),
            mine_ids.get(opportunity_id),
            theirs_ids.get(opportunity_id),
        )
        if isinstance(part, _Conflict):
            conflicts.append(opportunity_id)
        elif part is not None:
            merged[opportunity_id] = part
    owner = _merge_part(base.owner, mine.owner, theirs.owner)
    settings = _merge_part(base.settings, mine.settings, theirs.settings)
    if isinstance(owner, _Conflict):
        conflicts.append("owner")
    if isinstance(settings, _Conflict):
        conflicts.append("settings")
    if conflicts or isinstance(owner, _Conflict) or isinstance(settings, _Conflict):
        return MergeResult(None, tuple(conflicts))
    leading = mine.ids if theirs.ids == base.ids else theirs.ids
    order = [i for i in _union_in_order(leading, mine.ids) if i in merged]
    workspace = replace(
        theirs,
        opportunities=tuple(merged[i] for i in order),
        owner=owner,
        settings=settings,
        dictionary=_merged_words(base.dictionary, mine.dictionary, theirs.dictionary),
    )
    return MergeResult(workspace, ())


def _merged_words(
    base: tuple[str, ...], mine: tuple[str, ...], theirs: tuple[str, ...]
) -> tuple[str, ...]:
    """Words kept by both sides, plus the words either side added.

    >>> _merged_words(("a", "b"), ("a", "b", "c"), ("b", "d"))
    ('b', 'c', 'd')
    """
    kept = set(base) & set(mine) & set(theirs)
    added = (set(mine) | set(theirs)) - set(base)
    return tuple(sorted(kept | added))


def _union_in_order(*sequences: tuple[str, ...]) -> list[str]:
    seen: dict[str, None] = {}
    for sequence in sequences:
        for item in sequence:
            seen.setdefault(item, None)
    return list(seen)
