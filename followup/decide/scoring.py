"""Scoring the Franklin T: totals, balance, verdict and rank per opportunity.

A tiny kernel works on arrays without checks; :func:`score` validates its
input once and wraps the kernel.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import pandas as pd

from followup.errors import Problem, ValidationError
from followup.model import THRESHOLD_LIMIT, Workspace
from followup.model.checks import check_number

__all__ = ["SCORE_COLUMNS", "check_threshold", "score", "verdict_for"]

SCORE_COLUMNS = (
    "company",
    "plus",
    "minus",
    "balance",
    "ratio",
    "verdict",
    "rank",
    "n_factors",
    "n_plus",
    "n_minus",
)
#: A frame with many bad rows reports this many of them.
_MAX_ROW_PROBLEMS = 100


def verdict_for(balance: float, threshold: float) -> str:
    """``"pass"`` above the threshold, ``"undecided"`` on it, ``"fail"`` below.

    >>> verdict_for(3, 0), verdict_for(0, 0), verdict_for(-1, 0)
    ('pass', 'undecided', 'fail')
    """
    if balance > threshold:
        return "pass"
    return "undecided" if balance == threshold else "fail"


def check_threshold(threshold: object) -> float:
    """Return a threshold as a ``float``; :class:`ValidationError` unless it is one.

    The same rule as the workspace setting: a finite number from -1000 to 1000
    (booleans are refused: ``True`` is not a threshold anyone means).

    >>> check_threshold(2)
    2.0
    """
    problems: list[Problem] = []
    number = check_number(threshold, "threshold", problems, limit=THRESHOLD_LIMIT)
    if number is None:
        raise ValidationError(problems)
    return float(number)


def score(data: Workspace | pd.DataFrame, *, threshold: float | None = None) -> pd.DataFrame:
    """Score every opportunity: plus and minus totals, balance, verdict and rank.

    Parameters
    ----------
    data
        A :class:`~followup.model.Workspace`, or a factors frame such as
        :func:`~followup.decide.frames.factors_frame` returns (columns ``opportunity``,
        ``side``, ``weight``; ``company`` optional). A frame is checked like a
        file: every weight must be an integer from 1 to 10 and every side
        ``"plus"`` or ``"minus"``.
    threshold
        The balance an opportunity must exceed to pass. Defaults to the
        workspace setting, or 0 for a frame.

    Returns
    -------
    DataFrame
        Index ``opportunity``, best first (ties in workspace order); columns
        ``company``, ``plus``, ``minus`` (a positive total), ``balance`` (plus -
        minus), ``ratio`` (plus / (plus + minus), NaN without factors),
        ``verdict`` (``"pass"``, ``"undecided"``, ``"fail"``), ``rank`` (1 is
        best, ties share the smaller rank), ``n_factors``, ``n_plus``,
        ``n_minus``. A workspace gives a row for every opportunity, also those
        without factors; a frame knows only the opportunities it lists.

    Raises
    ------
    ValidationError
        For a bad threshold or a frame with bad rows (each named by its index
        label, e.g. ``weight[3] must be an integer from 1 to 10; got nan``).

    Examples
    --------
    >>> from followup import example_workspace
    >>> table = score(example_workspace())
    >>> table.loc["globex-analytics-engineer", "verdict"]
    'fail'
    >>> int(table["rank"].iloc[0])
    1
    """
    if isinstance(data, Workspace):
        limit = check_threshold(data.settings.threshold if threshold is None else threshold)
        opportunities = data.opportunities
        ids = pd.Index([o.id for o in opportunities], name="opportunity", dtype="str")
        companies: Sequence[object] = [o.company for o in opportunities]
        codes = np.fromiter(
            (code for code, o in enumerate(opportunities) for _ in o.factors), dtype=np.int64
        )
        weights = np.fromiter((f.weight for o in opportunities for f in o.factors), dtype=np.int64)
        is_plus = np.fromiter(
            (f.side == "plus" for o in opportunities for f in o.factors), dtype=np.bool_
        )
    elif isinstance(data, pd.DataFrame):
        limit = check_threshold(0 if threshold is None else threshold)
        ids, companies, codes, weights, is_plus = _frame_arrays(data)
    else:
        raise ValidationError(
            [Problem("data", "must be a Workspace or a factors frame", type(data).__name__)]
        )
    return _score_kernel(ids, companies, codes, weights, is_plus, limit)


def _row_label(frame: pd.DataFrame, position: int) -> str:
    label = frame.index[position]
    if isinstance(label, np.generic):
        label = label.item()  # 3, not np.int64(3)
    return repr(label)


def _row_problems(
    frame: pd.DataFrame, column: str, bad: npt.NDArray[np.bool_], expectation: str
) -> list[Problem]:
    positions = np.flatnonzero(bad)[:_MAX_ROW_PROBLEMS]
    values = frame[column]
    return [
        Problem(f"{column}[{_row_label(frame, int(p))}]", expectation, values.iloc[p])
        for p in positions
    ]


def _weight_values(raw: pd.Series) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_]]:
    """The weights as floats, and True where one is not an integer from 1 to 10.

    Integral floats such as 5.0 pass (a column with a gap once becomes float).
    """
    if pd.api.types.is_integer_dtype(raw) or pd.api.types.is_float_dtype(raw):
        values = raw.to_numpy(dtype="float64", na_value=np.nan)
        with np.errstate(invalid="ignore"):
            good = np.isfinite(values) & (values == np.round(values)) & (values >= 1)
        bad: npt.NDArray[np.bool_] = ~(good & (values <= 10))
        return values, bad
    # Text, booleans, mixed objects: look at each value.
    bad = np.array([not _is_weight(value) for value in raw], dtype=np.bool_)
    values = np.array([1.0 if wrong else float(v) for v, wrong in zip(raw, bad, strict=True)])
    return values, bad


def _is_weight(value: object) -> bool:
    if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Real):
        return False
    try:
        number = float(value)
    except OverflowError:
        return False
    return math.isfinite(number) and number.is_integer() and 1 <= number <= 10


def _frame_arrays(
    frame: pd.DataFrame,
) -> tuple[
    pd.Index,
    Sequence[object],
    npt.NDArray[np.intp],
    npt.NDArray[np.int64],
    npt.NDArray[np.bool_],
]:
    """Check a factors frame and turn it into the kernel's arrays, every bad row reported."""
    missing = [c for c in ("opportunity", "side", "weight") if c not in frame.columns]
    if missing:
        raise ValidationError(
            [
                Problem(
                    "data",
                    "must have the columns opportunity, side and weight "
                    f"(missing: {', '.join(missing)})",
                    [str(c) for c in frame.columns],
                )
            ]
        )
    # A missing opportunity gets code -1 (hashing is the one pass a large frame cannot avoid).
    codes, uniques = pd.factorize(frame["opportunity"], sort=False)
    # Element-wise comparison of the raw objects is cheaper than pandas' string methods.
    sides = frame["side"].to_numpy(dtype=object)
    is_plus = np.asarray(sides == "plus", dtype=np.bool_)
    is_side = is_plus.copy()
    is_side[~is_plus] = np.asarray(sides[~is_plus] == "minus", dtype=np.bool_)
    values, bad_weight = _weight_values(frame["weight"])
    problems = [
        *_row_problems(frame, "opportunity", codes < 0, "must be an id"),
        *_row_problems(frame, "side", ~is_side, "must be 'plus' or 'minus'"),
        *_row_problems(frame, "weight", bad_weight, "must be an integer from 1 to 10"),
    ]
    if problems:
        raise ValidationError(problems)
    weights = values.astype(np.int64)
    ids = pd.Index(uniques, name="opportunity")
    if "company" not in frame.columns:
        return ids, [None] * len(ids), codes, weights, is_plus
    # Codes count up in order of first appearance: a row is a first one when its code
    # exceeds every code before it.
    before = np.maximum.accumulate(np.concatenate(([-1], codes[:-1])))
    companies = frame["company"].to_numpy(dtype=object)[codes > before]
    return ids, list(companies), codes, weights, is_plus


def _score_kernel(
    ids: pd.Index,
    companies: Sequence[object],
    codes: npt.NDArray[np.intp] | npt.NDArray[np.int64],
    weights: npt.NDArray[np.int64],
    is_plus: npt.NDArray[np.bool_],
    threshold: float,
) -> pd.DataFrame:
    """The arithmetic, on checked arrays: ``codes[i]`` is the position of factor i's opportunity."""
    n = len(ids)
    plus = np.bincount(codes, weights=np.where(is_plus, weights, 0), minlength=n).astype(np.int64)
    minus = np.bincount(codes, weights=np.where(is_plus, 0, weights), minlength=n).astype(np.int64)
    n_factors = np.bincount(codes, minlength=n).astype(np.int64)
    n_plus = np.bincount(codes, weights=is_plus.astype(np.int64), minlength=n).astype(np.int64)
    balance = plus - minus
    total = plus + minus
    # No factors: no ratio (NaN), but still a balance of 0 and a verdict.
    ratio = plus / np.where(total > 0, total, 1)
    ratio[total == 0] = np.nan
    verdict = np.where(
        balance > threshold, "pass", np.where(balance == threshold, "undecided", "fail")
    )
    order = np.argsort(-balance, kind="stable")
    # Ties share the smaller rank ("min"): one more than the number of strictly better balances.
    rank = np.searchsorted(-balance[order], -balance, side="left") + 1
    company = np.empty(n, dtype=object)
    company[:] = companies  # element by element, whatever the objects are
    # Built in rank order with final dtypes: cheaper than sorting and converting a frame.
    return pd.DataFrame(
        {
            "company": pd.array(company[order], dtype="str"),
            "plus": plus[order],
            "minus": minus[order],
            "balance": balance[order],
            "ratio": ratio[order],
            "verdict": pd.array(verdict[order], dtype="str"),
            "rank": rank.astype(np.int64)[order],
            "n_factors": n_factors[order],
            "n_plus": n_plus[order],
            "n_minus": (n_factors - n_plus)[order],
        },
        index=ids[order],
    )
