"""The Franklin T of one opportunity: its factors, what the T says, and its picture.

Factors are addressed by their position in ``opportunity.factors`` (pluses
and minuses share one numbering), which is what a row of the T remembers.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from followup.errors import Problem, ValidationError
from followup.model import Factor, Opportunity, Workspace
from followup.session.charts import DPI
from followup.session.state import SessionState

if TYPE_CHECKING:  # pragma: no cover - types only
    from followup.charts import TChartRenderer

__all__ = ["DEFAULT_WEIGHT", "TChartPart", "TSummary", "t_summary"]

#: The weight of a new factor until the person weighs it.
DEFAULT_WEIGHT = 5

# One renderer for every session of the process (a kernel may hold several apps, and a
# cell run again makes a new one): a T drawn for one is kept for the others. The lock
# keeps two threads (a kernel's subshells) from drawing with it at once.
_shared_renderer: TChartRenderer | None = None
_renderer_lock = threading.Lock()


def _draw_t(workspace: Workspace, opportunity_id: str) -> bytes:
    global _shared_renderer
    with _renderer_lock:
        if _shared_renderer is None:
            from followup.charts import TChartRenderer

            _shared_renderer = TChartRenderer(dpi=DPI)
        return _shared_renderer.render(workspace, opportunity_id)


@dataclass(frozen=True)
class TSummary:
    """What the T of one opportunity says right now."""

    plus_total: int
    minus_total: int
    balance: int
    threshold: float
    #: ``"pass"``, ``"undecided"`` or ``"fail"``.
    verdict: str
    #: The nearest weight changes that would flip the verdict, in words.
    flips: tuple[str, ...]
    #: Honesty warnings about a one-sided list.
    warnings: tuple[str, ...]


def t_summary(workspace: Workspace, opportunity_id: str, *, flip_limit: int = 3) -> TSummary:
    """Totals, balance, verdict, flip hints and honesty warnings for one opportunity.

    >>> from followup import example_workspace
    >>> summary = t_summary(example_workspace(), "acme-data-engineer")
    >>> summary.verdict, summary.balance
    ('pass', 15)
    """
    from followup.decide.honesty import checks_for
    from followup.decide.scoring import verdict_for
    from followup.decide.sensitivity import flip_sentences

    opportunity = workspace.opportunity(opportunity_id)
    plus_total, minus_total = opportunity.plus_total, opportunity.minus_total
    threshold = workspace.settings.threshold
    balance = plus_total - minus_total
    warnings = tuple(message for _check, message in checks_for(opportunity))
    return TSummary(
        plus_total=plus_total,
        minus_total=minus_total,
        balance=balance,
        threshold=threshold,
        verdict=verdict_for(balance, threshold),
        flips=tuple(flip_sentences(workspace, opportunity_id, limit=flip_limit)),
        warnings=warnings,
    )


class TChartPart:
    """Adds, weighs and removes the factors of an opportunity; says and draws what its T shows.

    Examples
    --------
    >>> import datetime as dt
    >>> from followup import example_workspace
    >>> state = SessionState(example_workspace(), today=dt.date(2026, 12, 1),
    ...                      now=dt.datetime(2026, 12, 1, 12, 4))
    >>> t_chart = TChartPart(state)
    >>> t_chart.set_weight("acme-data-engineer", 4, 10)  # the commute weighs more
    >>> t_chart.summary("acme-data-engineer").balance
    11
    """

    def __init__(self, state: SessionState) -> None:
        self._state = state
        # Removed factors, newest last, with the opportunity and the place they had.
        self._removed: list[tuple[str, int, Factor]] = []

    # -- the factors -------------------------------------------------------

    def add_factor(
        self,
        opportunity_id: str,
        side: str,
        label: str | None = None,
        *,
        weight: int = DEFAULT_WEIGHT,
        category: str | None = None,
    ) -> int:
        """Add a plus or a minus ("New plus"/"New minus" unless labelled); return its index."""
        side = _side(side)
        opportunity = self._state.opportunity(opportunity_id)
        index = len(opportunity.factors)
        factor = _factor(
            label if label is not None else f"New {side}", side, weight, category, index
        )
        self._state.commit_opportunity(opportunity.with_factor(factor))
        return index

    def add_factors(self, opportunity_id: str, side: str, labels: Iterable[str]) -> None:
        """Add several factors on one side, each weighing :data:`DEFAULT_WEIGHT`, in one change."""
        side = _side(side)
        opportunity = self._state.opportunity(opportunity_id)
        start = len(opportunity.factors)
        factors = [
            _factor(label, side, DEFAULT_WEIGHT, None, start + offset)
            for offset, label in enumerate(labels)
        ]
        self._state.commit_opportunity(opportunity.with_factors((*opportunity.factors, *factors)))

    def set_label(self, opportunity_id: str, index: int, label: object) -> None:
        """Rename a factor (one line, at most 300 characters)."""
        self._edit(opportunity_id, index, label=label)

    def set_weight(self, opportunity_id: str, index: int, weight: object) -> None:
        """Weigh a factor: an integer from 1 to 10."""
        self._edit(opportunity_id, index, weight=weight)

    def set_category(self, opportunity_id: str, index: int, category: object) -> None:
        """Set a factor's category; empty text means none (counted as "other")."""
        if isinstance(category, str) and not category.strip():
            category = None
        self._edit(opportunity_id, index, category=category)

    def remove_factor(self, opportunity_id: str, index: int) -> None:
        """Take a factor off the T (the others keep their order).

        :meth:`undo_remove` puts it back.
        """
        opportunity = self._state.opportunity(opportunity_id)
        factor = _check_index(opportunity, index)
        factors = opportunity.factors[:index] + opportunity.factors[index + 1 :]
        self._state.commit_opportunity(opportunity.with_factors(factors))
        self._removed.append((opportunity_id, index, factor))

    def removed(self, opportunity_id: str) -> Factor | None:
        """The factor :meth:`undo_remove` would put back on this opportunity's T, if any."""
        return next((f for o, _i, f in reversed(self._removed) if o == opportunity_id), None)

    def undo_remove(self, opportunity_id: str) -> int | None:
        """Put the last factor removed from this opportunity back where it was; return its index.

        >>> import datetime as dt
        >>> from followup import example_workspace
        >>> state = SessionState(example_workspace(), today=dt.date(2026, 12, 1),
        ...                      now=dt.datetime(2026, 12, 1, 12, 4))
        >>> t_chart = TChartPart(state)
        >>> t_chart.remove_factor("acme-data-engineer", 4)
        >>> t_chart.removed("acme-data-engineer").label
        '90-minute commute three days a week'
        >>> t_chart.undo_remove("acme-data-engineer")
        4
        >>> state.workspace == example_workspace()
        True
        """
        for position in range(len(self._removed) - 1, -1, -1):
            removed_from, index, factor = self._removed[position]
            if removed_from == opportunity_id:
                break
        else:
            return None
        opportunity = self._state.opportunity(opportunity_id)
        index = min(index, len(opportunity.factors))
        factors = (*opportunity.factors[:index], factor, *opportunity.factors[index:])
        self._state.commit_opportunity(opportunity.with_factors(factors))
        del self._removed[position]
        return index

    def _edit(self, opportunity_id: str, index: int, **changes: object) -> None:
        opportunity = self._state.opportunity(opportunity_id)
        factor = _check_index(opportunity, index)
        try:
            edited = replace(factor, **changes)  # type: ignore[arg-type]
        except ValidationError as error:
            raise error.prefixed(f"factors[{index}]") from None
        factors = (*opportunity.factors[:index], edited, *opportunity.factors[index + 1 :])
        self._state.commit_opportunity(opportunity.with_factors(factors))

    # -- what the T says ---------------------------------------------------

    def summary(self, opportunity_id: str) -> TSummary:
        """What the T of this opportunity says now (see :func:`t_summary`)."""
        return t_summary(self._state.workspace, opportunity_id)

    def png(self, opportunity_id: str) -> bytes:
        """The Franklin T of one opportunity, as PNG bytes.

        Drawn by one renderer kept for the process: a weight change redraws only
        the bars, numbers and title that changed, not the labels (the slow part),
        and the last few Ts drawn, by any session, are kept.
        """
        workspace = self._state.workspace
        key = (workspace.opportunity(opportunity_id), workspace.settings)
        return self._state.cached("t", key, lambda: _draw_t(workspace, opportunity_id))

    def load_drawing(self) -> None:
        """Load what drawing the T takes (matplotlib), so that the first :meth:`png` only draws.

        Safe to call from another thread: it only imports.
        """
        import followup.charts.live  # noqa: F401


def _side(side: object) -> str:
    if side not in ("plus", "minus"):
        raise ValidationError([Problem("side", "must be 'plus' or 'minus'", side)])
    return str(side)


def _check_index(opportunity: Opportunity, index: object) -> Factor:
    count = len(opportunity.factors)
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < count:
        raise ValidationError(
            [Problem("factor index", f"must be from 0 to {count - 1}", index)]
            if count
            else [Problem("factor index", "must point at a factor, but there are none", index)]
        )
    return opportunity.factors[index]


def _factor(label: object, side: str, weight: object, category: object, index: int) -> Factor:
    try:
        return Factor(label, side, weight, category)  # type: ignore[arg-type]
    except ValidationError as error:
        raise error.prefixed(f"factors[{index}]") from None
