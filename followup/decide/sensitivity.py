"""How robust a verdict is: the weight that would flip it, and the verdict under noise."""

from __future__ import annotations

import numbers

import numpy as np
import numpy.typing as npt
import pandas as pd

from followup.errors import Problem, ValidationError
from followup.model import Workspace

__all__ = ["FLIP_COLUMNS", "flip_points", "flip_sentences", "robustness"]

FLIP_COLUMNS = ("label", "side", "weight", "flip_weight", "change")
_WEIGHTS = np.arange(1, 11)
# Trials are drawn in chunks so that memory stays bounded for large workspaces.
_CELLS_PER_CHUNK = 4_000_000
MAX_TRIALS = 1_000_000


def flip_points(workspace: Workspace, opportunity_id: str) -> pd.DataFrame:
    """For each factor, the nearest weight (1-10) at which it alone would flip the verdict.

    "Flip" means going from pass to not-pass, or from not-pass (fail or
    undecided) to pass, with every other weight unchanged.

    Returns
    -------
    DataFrame
        One row per factor, in the opportunity's order: ``label``, ``side``,
        ``weight``, ``flip_weight`` (nullable integer, ``<NA>`` when no weight
        from 1 to 10 flips the verdict) and ``change`` (``flip_weight -
        weight``).

    Examples
    --------
    >>> from followup import example_workspace
    >>> flips = flip_points(example_workspace(), "initech-backend-engineer")
    >>> int(flips["change"].abs().min())
    2
    """
    opportunity = workspace.opportunity(opportunity_id)
    threshold = workspace.settings.threshold
    factors = opportunity.factors
    weights = np.array([f.weight for f in factors], dtype=np.int64)
    signs = np.array([1 if f.side == "plus" else -1 for f in factors], dtype=np.int64)
    balance = int((weights * signs).sum())
    passes_now = balance > threshold
    # Balance with each factor set to each weight 1..10: shape (factors, 10).
    trial_balance = balance + signs[:, None] * (_WEIGHTS[None, :] - weights[:, None])
    flips = (trial_balance > threshold) != passes_now
    distance = np.where(flips, np.abs(_WEIGHTS[None, :] - weights[:, None]), 99)
    nearest = distance.argmin(axis=1) if len(factors) else np.array([], dtype=np.int64)
    has_flip = flips.any(axis=1) if len(factors) else np.array([], dtype=bool)
    flip_weight = pd.array(np.where(has_flip, _WEIGHTS[nearest], 0), dtype="Int64")
    flip_weight[~has_flip] = pd.NA
    frame = pd.DataFrame(
        {
            "label": pd.Series([f.label for f in factors], dtype="str"),
            "side": pd.Series([f.side for f in factors], dtype="str"),
            "weight": pd.array(weights, dtype="int64"),
            "flip_weight": flip_weight,
        }
    )
    frame["change"] = frame["flip_weight"] - frame["weight"]
    return frame


def flip_sentences(workspace: Workspace, opportunity_id: str, *, limit: int = 3) -> list[str]:
    """The closest flip points in words, nearest first (at most ``limit`` of them).

    >>> from followup import example_workspace
    >>> flip_sentences(example_workspace(), "initech-backend-engineer", limit=1)
    ["The verdict flips if 'Interesting payments domain' goes from 6 to 4."]
    """
    count = _integer(limit)
    if count is None or count < 0:
        raise ValidationError([Problem("limit", "must be a non-negative integer", limit)])
    flips = flip_points(workspace, opportunity_id).dropna(subset=["flip_weight"])
    flips = flips.assign(distance=flips["change"].abs()).sort_values("distance", kind="stable")
    return [
        f"The verdict flips if '{row.label}' goes from {row.weight} to {row.flip_weight}."
        for row in flips.head(count).itertuples()
    ]


def _integer(value: object) -> int | None:
    """The value as a plain ``int`` when it is an integer of any kind (not a bool), else None."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        return None
    return int(value)


def _check_robustness_options(
    trials: object, jitter: object, seed: object
) -> tuple[int, int, int | None]:
    problems: list[Problem] = []
    trial_count, noise, seed_number = _integer(trials), _integer(jitter), _integer(seed)
    if trial_count is None or not 1 <= trial_count <= MAX_TRIALS:
        problems.append(Problem("trials", f"must be an integer from 1 to {MAX_TRIALS}", trials))
    if noise is None or not 0 <= noise <= 9:
        problems.append(Problem("jitter", "must be an integer from 0 to 9", jitter))
    if seed is not None and (seed_number is None or seed_number < 0):
        problems.append(Problem("seed", "must be a non-negative integer or None", seed))
    if problems or trial_count is None or noise is None:
        raise ValidationError(problems)
    return trial_count, noise, seed_number


def robustness(
    workspace: Workspace, *, trials: int = 2000, jitter: int = 2, seed: int | None = 0
) -> pd.DataFrame:
    """How often each verdict survives honest doubt about the weights.

    Each trial adds an independent random integer from ``-jitter`` to
    ``+jitter`` to every weight (clipped to 1-10). ``p_pass`` is the share of
    trials in which the opportunity passes. ``p_top`` is its share of the
    first places: each trial has one first place, shared equally when several
    opportunities tie for the highest balance (a tie of three gives each a
    third), so the ``p_top`` column always sums to 1. The same seed gives the
    same numbers; ``seed=None`` draws fresh ones.

    Parameters
    ----------
    workspace
        The workspace; its threshold setting decides what passes.
    trials
        How many noisy versions to score, from 1 to 1,000,000.
    jitter
        The largest change added to or taken from a weight, from 0 to 9.
    seed
        A non-negative integer for repeatable numbers, or None.

    Returns
    -------
    DataFrame
        Index ``opportunity`` (every opportunity, in workspace order), columns
        ``p_pass`` and ``p_top`` (shares from 0 to 1). An opportunity without
        factors has a balance of 0 in every trial.

    Examples
    --------
    >>> from followup import example_workspace
    >>> chances = robustness(example_workspace(), trials=500)
    >>> float(chances.loc["globex-analytics-engineer", "p_pass"])
    0.0
    >>> round(float(chances["p_top"].sum()), 9)
    1.0
    """
    trials, jitter, seed = _check_robustness_options(trials, jitter, seed)
    opportunities = workspace.opportunities
    ids = pd.Index([o.id for o in opportunities], name="opportunity", dtype="str")
    counts = np.array([len(o.factors) for o in opportunities], dtype=np.int64)
    factors = [f for o in opportunities for f in o.factors]
    weights = np.array([f.weight for f in factors], dtype=np.int8)
    signs = np.array([1 if f.side == "plus" else -1 for f in factors], dtype=np.int8)
    pass_count, top_share = _simulate(
        counts,
        weights,
        signs,
        workspace.settings.threshold,
        trials,
        jitter,
        seed,
    )
    return pd.DataFrame({"p_pass": pass_count / trials, "p_top": top_share / trials}, index=ids)


def _simulate(
    counts: npt.NDArray[np.int64],
    weights: npt.NDArray[np.int8],
    signs: npt.NDArray[np.int8],
    threshold: float,
    trials: int,
    jitter: int,
    seed: int | None,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """Trials passed, and first places won (a tie of k wins 1/k each), per opportunity."""
    n = len(counts)
    pass_count = np.zeros(n, dtype=np.int64)
    top_share = np.zeros(n, dtype=np.float64)
    if n == 0:
        return pass_count, top_share
    has_factors = counts > 0
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))[has_factors]
    rng = np.random.default_rng(seed)
    # Both the noise (trials x factors) and the balances (trials x opportunities) count.
    chunk = max(1, _CELLS_PER_CHUNK // max(len(weights), n))
    for first in range(0, trials, chunk):
        size = min(chunk, trials - first)
        balances = np.zeros((size, n), dtype=np.int64)
        if len(weights):
            noise = rng.integers(-jitter, jitter + 1, size=(size, len(weights)), dtype=np.int8)
            trial_weights = np.clip(weights + noise, 1, 10) * signs
            balances[:, has_factors] = np.add.reduceat(
                trial_weights, starts, axis=1, dtype=np.int64
            )
        pass_count += (balances > threshold).sum(axis=0)
        first = balances == balances.max(axis=1, keepdims=True)
        top_share += (first / first.sum(axis=1, keepdims=True)).sum(axis=0)
    return pass_count, top_share
