"""Scoring the Franklin T: totals, balance, verdict and rank per opportunity.

A tiny kernel works on arrays without checks; :func:`score` validates its
input once and wraps the kernel.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from followup.errors import Problem, ValidationError
from followup.frames import factors_frame
from followup.model import Workspace

__all__ = ["SCORE_COLUMNS", "score", "verdict_for"]

SCORE_COLUMNS = ("company", "plus", "minus", "balance", "ratio", "verdict", "rank", "n_factors", "n_plus", "n_minus")


def verdict_for(balance: float, threshold: float) -> str:
    """``"pass"`` above the threshold, ``"undecided"`` on it, ``"fail"`` below.

    >>> verdict_for(3, 0), verdict_for(0, 0), verdict_for(-1, 0)
    ('pass', 'undecided', 'fail')
    """
    if balance > threshold:
        return "pass"
    return "undecided" if balance == threshold else "fail"


def check_threshold(threshold: object) -> float:
    """A threshold is a finite number (booleans refused)."""
    if (
        isinstance(threshold, bool)
        or not isinstance(threshold, int | float | np.integer | np.floating)
        or not math.isfinite(float(threshold))
    ):
        raise ValidationError([Problem("threshold", "must be a finite number", threshold)])
    return threshold  # type: ignore[return-value]


def score(data: Workspace | pd.DataFrame, *, threshold: float | None = None) -> pd.DataFrame:
    """Score every opportunity: plus and minus totals, balance, verdict and rank.

    Parameters
    ----------
    data
        A :class:`~followup.model.Workspace`, or a factors frame such as
        :func:`~followup.frames.factors_frame` returns (columns ``opportunity``,
        ``side``, ``weight``; ``company`` optional).
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
        frame = factors_frame(data)
        ids = pd.Index(list(data.ids), name="opportunity")
        companies = np.array([o.company for o in data.opportunities], dtype=object)
        codes = ids.get_indexer(frame["opportunity"])
        weights = frame["weight"].to_numpy(dtype=np.int64)
        is_plus = (frame["side"] == "plus").to_numpy()
    elif isinstance(data, pd.DataFrame):
        limit = check_threshold(0 if threshold is None else threshold)
        weights, is_plus = _checked_factor_columns(data)
        codes, uniques = pd.factorize(data["opportunity"], sort=False)
        ids = pd.Index(uniques, name="opportunity")
        if "company" in data.columns:
            first = data.drop_duplicates("opportunity")
            companies = first["company"].to_numpy(dtype=object)
        else:
            companies = np.full(len(ids), None, dtype=object)
    else:
        raise ValidationError([Problem("data", "must be a Workspace or a factors frame", type(data).__name__)])
    return _score_kernel(ids, companies, codes, weights, is_plus, limit)


def _checked_factor_columns(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    missing = [c for c in ("opportunity", "side", "weight") if c not in frame.columns]
    if missing:
        raise ValidationError(
            [Problem("data", f"must have the columns opportunity, side and weight (missing: {', '.join(missing)})", list(frame.columns))]
        )
    side = frame["side"]
    bad_side = ~side.isin(("plus", "minus"))
    if bad_side.any():
        where = bad_side.to_numpy().nonzero()[0][0]
        raise ValidationError([Problem(f"side[{frame.index[where]!r}]", "must be 'plus' or 'minus'", side.iloc[where])])
    if frame["opportunity"].isna().any():
        where = frame["opportunity"].isna().to_numpy().nonzero()[0][0]
        raise ValidationError([Problem(f"opportunity[{frame.index[where]!r}]", "must be an opportunity id", None)])
    raw = frame["weight"]
    numeric = pd.api.types.is_numeric_dtype(raw) and not pd.api.types.is_bool_dtype(raw)
    values = raw.to_numpy(dtype="float64", na_value=np.nan) if numeric else None
    if values is None:
        bad_index = 0
        for bad_index, value in enumerate(raw):  # noqa: B007 - find the first offender for the message
            if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
                break
        raise ValidationError(
            [Problem(f"weight[{frame.index[bad_index]!r}]", "must be an integer from 1 to 10", raw.iloc[bad_index])]
        )
    bad = ~(np.isfinite(values) & (values == np.round(values)) & (values >= 1) & (values <= 10))
    if bad.any():
        where = bad.nonzero()[0][0]
        raise ValidationError([Problem(f"weight[{frame.index[where]!r}]", "must be an integer from 1 to 10", raw.iloc[where])])
    return values.astype(np.int64), (side == "plus").to_numpy()


def _score_kernel(
    ids: pd.Index,
    companies: np.ndarray,
    codes: np.ndarray,
    weights: np.ndarray,
    is_plus: np.ndarray,
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
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = np.where(total > 0, plus / np.where(total > 0, total, 1), np.nan)
    verdict = np.where(balance > threshold, "pass", np.where(balance == threshold, "undecided", "fail"))
    order = np.argsort(-balance, kind="stable")
    # Ties share the smaller rank ("min"): one more than the number of strictly better balances.
    sorted_balance = -balance[order]
    rank = np.searchsorted(sorted_balance, -balance, side="left") + 1
    table = pd.DataFrame(
        {
            "company": companies,
            "plus": plus,
            "minus": minus,
            "balance": balance,
            "ratio": ratio,
            "verdict": verdict,
            "rank": rank.astype(np.int64),
            "n_factors": n_factors,
            "n_plus": n_plus,
            "n_minus": n_factors - n_plus,
        },
        index=ids,
    )
    return table.iloc[order]
