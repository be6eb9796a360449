"""The workspace as long-form pandas frames: one row per factor."""

from __future__ import annotations

import pandas as pd

from followup.model import CATEGORIES, Workspace

__all__ = ["FACTOR_COLUMNS", "category_matrix", "factors_frame"]

FACTOR_COLUMNS = ("opportunity", "company", "label", "side", "weight", "signed_weight", "category")
_FACTOR_DTYPES = {
    "opportunity": "str",
    "company": "str",
    "label": "str",
    "side": "str",
    "weight": "int64",
    "signed_weight": "int64",
    "category": "str",
}


def factors_frame(workspace: Workspace) -> pd.DataFrame:
    """One row per factor of every opportunity, in workspace order.

    Columns: ``opportunity`` (the id), ``company``, ``label``, ``side``
    (``"plus"``/``"minus"``), ``weight`` (1-10), ``signed_weight`` (negative for
    a minus) and ``category`` (``"other"`` when none was given).

    Examples
    --------
    >>> from followup import example_workspace
    >>> frame = factors_frame(example_workspace())
    >>> list(frame.columns)
    ['opportunity', 'company', 'label', 'side', 'weight', 'signed_weight', 'category']
    """
    rows = [
        (
            opportunity.id,
            opportunity.company,
            factor.label,
            factor.side,
            factor.weight,
            factor.signed_weight,
            factor.category or "other",
        )
        for opportunity in workspace.opportunities
        for factor in opportunity.factors
    ]
    frame = pd.DataFrame.from_records(rows, columns=list(FACTOR_COLUMNS))
    # Fixed dtypes, so that an empty workspace gives the same columns as a full one.
    return frame.astype(_FACTOR_DTYPES)


def category_matrix(workspace: Workspace) -> pd.DataFrame:
    """Opportunity × category table of signed weights (0 where there are none).

    Rows are every opportunity in workspace order (index ``opportunity``);
    columns are the categories in use, the suggested ones first in their usual
    order, then others alphabetically. Uncategorized factors count as ``other``.

    Examples
    --------
    >>> from followup import example_workspace
    >>> matrix = category_matrix(example_workspace())
    >>> int(matrix.loc["acme-data-engineer", "work"])
    1
    """
    frame = factors_frame(workspace)
    ids = pd.Index(list(workspace.ids), name="opportunity")
    if frame.empty:
        return pd.DataFrame(index=ids, columns=pd.Index([], name="category"), dtype="int64")
    matrix = frame.pivot_table(
        index="opportunity", columns="category", values="signed_weight", aggfunc="sum", fill_value=0
    )
    present = set(matrix.columns)
    order = [c for c in CATEGORIES if c in present] + sorted(present - set(CATEGORIES))
    matrix = matrix.reindex(index=ids, columns=order, fill_value=0).fillna(0).astype("int64")
    matrix.columns.name = "category"
    return matrix
