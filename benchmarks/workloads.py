"""Synthetic job searches of any size, as a workspace, a factors frame and a decision matrix.

Every opportunity weighs the same factors (criteria), each always on the same
side, with its own weights: the shape both a Franklin T and a multi-criteria
decision matrix describe. The same seed gives the same search.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from followup.model import CATEGORIES, Factor, Opportunity, Workspace

__all__ = ["SyntheticSearch"]

_LABELS = (
    "Salary above my target",
    "Team ships every week",
    "Manager gives direct feedback",
    "Long commute",
    "On-call every fifth week",
    "Mentoring budget",
    "Remote two days a week",
    "Legacy code base",
    "Clear promotion path",
    "Small team, broad role",
)


@dataclass(frozen=True)
class SyntheticSearch:
    """``opportunities`` × ``factors`` weights from 1 to 10, about 55 % of the factors pluses."""

    opportunities: int
    factors: int
    seed: int = 0

    @property
    def ids(self) -> list[str]:
        return [f"opportunity-{number:06d}" for number in range(self.opportunities)]

    @property
    def weights(self) -> np.ndarray:
        rng = np.random.default_rng(self.seed)
        return rng.integers(1, 11, size=(self.opportunities, self.factors), dtype=np.int64)

    @property
    def is_plus(self) -> np.ndarray:
        """One side per factor (criterion), the same for every opportunity."""
        rng = np.random.default_rng(self.seed + 1)
        return rng.random(self.factors) < 0.55

    def labels(self) -> list[str]:
        return [f"{_LABELS[j % len(_LABELS)]} ({j + 1})" for j in range(self.factors)]

    def categories(self) -> list[str]:
        return [CATEGORIES[j % len(CATEGORIES)] for j in range(self.factors)]

    def frame(self) -> pd.DataFrame:
        """The factors frame :func:`followup.factors_frame` would give for :meth:`workspace`."""
        n, k = self.opportunities, self.factors
        weights = self.weights.ravel()
        plus = np.tile(self.is_plus, n)
        ids = np.repeat(np.array(self.ids, dtype=object), k)
        frame = pd.DataFrame(
            {
                "opportunity": ids,
                "company": np.repeat(np.array([f"Company {i}" for i in range(n)], dtype=object), k),
                "label": np.tile(np.array(self.labels(), dtype=object), n),
                "side": np.where(plus, "plus", "minus"),
                "weight": weights,
                "signed_weight": np.where(plus, weights, -weights),
                "category": np.tile(np.array(self.categories(), dtype=object), n),
            }
        )
        return frame.astype(
            {
                "opportunity": "str",
                "company": "str",
                "label": "str",
                "side": "str",
                "category": "str",
            }
        )

    def workspace(self) -> Workspace:
        """The same search as validated model objects (slow to build at large sizes)."""
        labels, categories = self.labels(), self.categories()
        sides = ["plus" if p else "minus" for p in self.is_plus]
        weights = self.weights.tolist()
        opportunities = [
            Opportunity(
                opportunity_id,
                f"Company {i}",
                "Engineer",
                factors=tuple(
                    Factor(labels[j], sides[j], weights[i][j], categories[j])  # type: ignore[arg-type]
                    for j in range(self.factors)
                ),
            )
            for i, opportunity_id in enumerate(self.ids)
        ]
        return Workspace(tuple(opportunities))
