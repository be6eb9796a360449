"""Scoring at scale: score(), flip_points and robustness on 10,000 opportunities × 50 factors.

Baselines, measured in the same run on the same data:

- a bare pandas ``groupby("opportunity")["signed_weight"].sum()`` of the same
  factors frame (what any hand-written Franklin T would do);
- scikit-criteria's weighted-sum model on the same opportunities × factors
  matrix (minimized criteria inverted first, as that model requires);
- for robustness, a plain numpy loop doing the same Monte Carlo trial by trial.
"""

from __future__ import annotations

import time
import warnings

import numpy as np
import pandas as pd
from timing import Measurement, Section, median_seconds, milliseconds
from workloads import SyntheticSearch

from followup.decide.scoring import score
from followup.decide.sensitivity import flip_points, robustness
from followup.model import MAX_OPPORTUNITIES

__all__ = ["run"]

SCALE = SyntheticSearch(10_000, 50)
#: The largest workspace a file may hold: what score(workspace), the flips and robustness get.
LARGEST_WORKSPACE = SyntheticSearch(MAX_OPPORTUNITIES, 50)
GROWTH_SIZES = (100, MAX_OPPORTUNITIES, 1_000, 10_000, 100_000)
GROWTH_FACTORS = 10
GROWTH_TRIALS = 200


def _groupby_sum(frame: pd.DataFrame) -> pd.Series:
    return frame.groupby("opportunity", sort=False)["signed_weight"].sum()


def _weighted_sum_models(search: SyntheticSearch, frame):  # type: ignore[no-untyped-def]
    """scikit-criteria's weighted sum: on the ready matrix, and from the factors frame.

    Returns two callables (None when scikit-criteria is not installed): the
    first evaluates a decision matrix built beforehand, the second starts from
    the same factors frame ``score`` gets (pivot to a matrix, build, evaluate).
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import skcriteria as skc
            from skcriteria.agg.simple import WeightedSumModel
            from skcriteria.pipelines import mkpipe
            from skcriteria.preprocessing.invert_objectives import InvertMinimize
    except ImportError:
        return None
    pipeline = mkpipe(InvertMinimize(), WeightedSumModel())
    objectives = [max if plus else min for plus in search.is_plus]
    ready = skc.mkdm(
        search.weights.astype(float), objectives=objectives, weights=np.ones(search.factors)
    )

    def from_frame():  # type: ignore[no-untyped-def]
        matrix = frame.pivot(index="opportunity", columns="label", values="weight")
        sides = frame.drop_duplicates("label").set_index("label")["side"].reindex(matrix.columns)
        decision = skc.mkdm(
            matrix.to_numpy(dtype=float),
            objectives=[max if side == "plus" else min for side in sides],
            weights=np.ones(matrix.shape[1]),
        )
        return pipeline.evaluate(decision)

    return (lambda: pipeline.evaluate(ready)), from_frame


def _naive_robustness(workspace, trials: int, jitter: int = 2, seed: int = 0):  # type: ignore[no-untyped-def]
    """The same Monte Carlo written the obvious way: one trial at a time."""
    weights = np.array([f.weight for o in workspace.opportunities for f in o.factors])
    signs = np.array(
        [1 if f.side == "plus" else -1 for o in workspace.opportunities for f in o.factors]
    )
    counts = np.array([len(o.factors) for o in workspace.opportunities])
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    rng = np.random.default_rng(seed)
    passes = np.zeros(len(counts), dtype=np.int64)
    for _ in range(trials):
        noisy = np.clip(weights + rng.integers(-jitter, jitter + 1, size=len(weights)), 1, 10)
        passes += np.add.reduceat(noisy * signs, starts) > 0
    return passes / trials


def _growth_row(size: int, repeat: int) -> list[str]:
    search = SyntheticSearch(size, GROWTH_FACTORS, seed=size)
    frame = search.frame()
    repeat = repeat if size < 100_000 else 3

    def timed(action) -> str:  # type: ignore[no-untyped-def]
        return milliseconds(median_seconds(action, repeat=repeat, min_sample=0.02))

    row = [f"{size:,}", timed(lambda: score(frame)), timed(lambda: _groupby_sum(frame))]
    if size > MAX_OPPORTUNITIES:  # no workspace file holds that many: a frame only
        return [*row, "—", "—", "—"]
    workspace = search.workspace()
    last = workspace.ids[-1]
    return [
        *row,
        timed(lambda: score(workspace)),
        timed(lambda: flip_points(workspace, last)),
        milliseconds(median_seconds(lambda: robustness(workspace, trials=GROWTH_TRIALS), repeat=3)),
    ]


def run(*, quick: bool = False) -> list[Section]:
    repeat = 5 if quick else 15
    trials = 200 if quick else 2000
    scale = Section(
        f"Scoring at scale: {SCALE.opportunities:,} opportunities × {SCALE.factors} factors"
    )
    frame = SCALE.frame()
    baseline = median_seconds(lambda: _groupby_sum(frame), repeat=repeat)
    scored = median_seconds(lambda: score(frame), repeat=repeat)
    scale.measurements.append(
        Measurement(
            "score(factors frame)",
            scored,
            "pandas groupby-sum",
            baseline,
            goal="≤ 2×",
            met=scored <= 2 * baseline,
        )
    )
    weighted_sums = _weighted_sum_models(SCALE, frame)
    if weighted_sums is None:
        scale.remarks.append("scikit-criteria is not installed: its comparison was skipped.")
    else:
        on_matrix, on_frame = weighted_sums
        skc_frame = median_seconds(on_frame, repeat=repeat)
        skc_matrix = median_seconds(on_matrix, repeat=repeat)
        scale.measurements += [
            Measurement(
                "score(factors frame)",
                scored,
                "scikit-criteria weighted sum, from the same frame",
                skc_frame,
                goal="faster (< 1×)",
                met=scored < skc_frame,
                note="pivot to the opportunity × factor matrix, build it, evaluate",
            ),
            Measurement(
                "score(factors frame)",
                scored,
                "scikit-criteria weighted sum, matrix ready",
                skc_matrix,
                note=(
                    "the matrix is built before timing: numbers only, no ids to group, "
                    "no verdict or rank columns"
                ),
            ),
        ]

    started = time.perf_counter()
    workspace = LARGEST_WORKSPACE.workspace()
    build_seconds = time.perf_counter() - started
    scale.remarks.append(
        f"score(workspace), flip_points and robustness run on the largest workspace a file may "
        f"hold, {LARGEST_WORKSPACE.opportunities:,} opportunities × {LARGEST_WORKSPACE.factors} "
        f"factors; building it, validated, took {milliseconds(build_seconds)} (not timed below)."
    )
    workspace_frame = LARGEST_WORKSPACE.frame()
    workspace_baseline = median_seconds(lambda: _groupby_sum(workspace_frame), repeat=repeat)
    largest = f"{LARGEST_WORKSPACE.opportunities} × {LARGEST_WORKSPACE.factors}"
    from_workspace = median_seconds(lambda: score(workspace), repeat=repeat)
    scale.measurements.append(
        Measurement(
            f"score(workspace), {largest}",
            from_workspace,
            f"pandas groupby-sum, {largest}",
            workspace_baseline,
            note="includes building the factors frame from the model objects",
        )
    )
    last = workspace.ids[-1]
    flips = median_seconds(lambda: flip_points(workspace, last), repeat=repeat, min_sample=0.05)
    scale.measurements.append(
        Measurement(
            f"flip_points (one opportunity), {largest}",
            flips,
            f"pandas groupby-sum, {largest}",
            workspace_baseline,
            note="the last opportunity, so the lookup walks the whole workspace",
        )
    )
    chances = median_seconds(lambda: robustness(workspace, trials=trials), repeat=3, warmup=0)
    naive = median_seconds(lambda: _naive_robustness(workspace, trials), repeat=3, warmup=0)
    scale.measurements.append(
        Measurement(
            f"robustness ({trials:,} trials), {largest}",
            chances,
            "numpy loop, trial by trial",
            naive,
        )
    )

    growth = Section(
        f"Growth from {GROWTH_SIZES[0]:,} to {GROWTH_SIZES[-1]:,} opportunities "
        f"({GROWTH_FACTORS} factors each)"
    )
    sizes = GROWTH_SIZES[:-1] if quick else GROWTH_SIZES
    rows = [_growth_row(size, repeat) for size in sizes]
    growth.tables.append(
        (
            "",
            [
                "opportunities",
                "score(frame)",
                "groupby-sum",
                "score(workspace)",
                "flip_points",
                f"robustness ({GROWTH_TRIALS} trials)",
            ],
            rows,
        )
    )
    growth.remarks.append(
        f"{GROWTH_FACTORS} factors per opportunity, so that {GROWTH_SIZES[-1]:,} opportunities "
        "(a million factors) fit in memory; a workspace holds at most "
        f"{MAX_OPPORTUNITIES} opportunities, so the workspace columns stop there (—)."
    )
    return [scale, growth]
