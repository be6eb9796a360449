"""Honesty checks: warnings when a Franklin T looks like a sales pitch rather than a weighing.

After an interview it is easy to keep the "sales hat" on: to list only the
good, or to weigh every plus at the top of the scale. These checks point at
lists that look one-sided so the candidate can look again.
"""

from __future__ import annotations

import pandas as pd

from followup.model import Opportunity, Workspace

__all__ = ["HONESTY_CHECKS", "checks_for", "honesty_checks"]

MIN_FACTORS = 3
#: One side is "lopsided" with at least this many factors and this many times the other side's.
LOPSIDED_COUNT = 4
LOPSIDED_RATIO = 3
#: Minuses look "downplayed" when all weigh at most this while a plus weighs at least that.
DOWNPLAYED_MINUS = 2
DOWNPLAYED_PLUS = 8
#: "Same weight everywhere" needs at least this many factors.
SAME_WEIGHT_COUNT = 4

#: Every check, with what it looks for.
HONESTY_CHECKS: dict[str, str] = {
    "too_few_factors": f"fewer than {MIN_FACTORS} factors",
    "no_minuses": "pluses but no minuses",
    "no_pluses": "minuses but no pluses",
    "all_pluses_max": "at least two pluses, all weighted 10",
    "lopsided": (
        f"one side has at least {LOPSIDED_RATIO} times as many factors as the other, "
        f"and at least {LOPSIDED_COUNT}"
    ),
    "minuses_downplayed": (
        f"every minus weighted {DOWNPLAYED_MINUS} or less while a plus is weighted "
        f"{DOWNPLAYED_PLUS} or more"
    ),
    "same_weight_everywhere": f"{SAME_WEIGHT_COUNT} or more factors that all carry the same weight",
}


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}es"


def checks_for(opportunity: Opportunity) -> list[tuple[str, str]]:
    """The ``(check, message)`` pairs of one opportunity, as :func:`honesty_checks` lists them."""
    name = opportunity.company
    factors = opportunity.factors
    if not factors:
        advice = "list what excited you and what worried you."
        return [("too_few_factors", f"{name} has no factors yet: {advice}")]
    pluses = [f.weight for f in opportunity.pluses]
    minuses = [f.weight for f in opportunity.minuses]
    found: list[tuple[str, str]] = []
    if len(factors) < MIN_FACTORS:
        found.append(
            (
                "too_few_factors",
                f"{name} has only {len(factors)} factor{'s' if len(factors) != 1 else ''}: "
                f"list at least {MIN_FACTORS} before trusting the balance.",
            )
        )
    if not minuses:
        found.append(("no_minuses", f"{name} has no minuses: what worried you or left you unsure?"))
    if not pluses:
        found.append(("no_pluses", f"{name} has no pluses: was anything at all exciting?"))
    if len(pluses) >= 2 and all(weight == 10 for weight in pluses):
        found.append(
            (
                "all_pluses_max",
                f"Every plus of {name} is weighted 10: are they really all decisive?",
            )
        )
    larger, smaller = max(len(pluses), len(minuses)), min(len(pluses), len(minuses))
    if larger >= LOPSIDED_COUNT and larger >= LOPSIDED_RATIO * smaller:
        more, fewer = ("plus", "minus") if len(pluses) > len(minuses) else ("minus", "plus")
        found.append(
            (
                "lopsided",
                f"{name} lists {_count(larger, more)} against {_count(smaller, fewer)}: "
                "look again at the other side.",
            )
        )
    if minuses and pluses and max(minuses) <= DOWNPLAYED_MINUS and max(pluses) >= DOWNPLAYED_PLUS:
        found.append(
            (
                "minuses_downplayed",
                f"Every minus of {name} is weighted {DOWNPLAYED_MINUS} or less while a plus is "
                f"weighted {max(pluses)}: sales hat off; how much would each worry cost you "
                "in a year?",
            )
        )
    weights = pluses + minuses
    if len(weights) >= SAME_WEIGHT_COUNT and len(set(weights)) == 1:
        found.append(
            (
                "same_weight_everywhere",
                f"All {len(weights)} factors of {name} weigh {weights[0]}: "
                "which of them matters most?",
            )
        )
    return found


def honesty_checks(workspace: Workspace) -> pd.DataFrame:
    """Warnings for lists that look one-sided, one row per warning.

    Returns
    -------
    DataFrame
        Columns ``opportunity`` (the id), ``check`` (a key of
        :data:`HONESTY_CHECKS`) and ``message`` (a sentence for the user). An
        opportunity without factors gets ``too_few_factors`` only.

    Examples
    --------
    >>> from followup import Factor, Opportunity, Workspace
    >>> acme = Opportunity("acme", "Acme", "Engineer", factors=[Factor("Pay", "plus", 9)])
    >>> honesty_checks(Workspace(opportunities=[acme]))["check"].tolist()
    ['too_few_factors', 'no_minuses']
    """
    rows = [
        (opportunity.id, check, message)
        for opportunity in workspace.opportunities
        for check, message in checks_for(opportunity)
    ]
    return pd.DataFrame.from_records(rows, columns=["opportunity", "check", "message"]).astype(
        "str"
    )
