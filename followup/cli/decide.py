"""Commands that weigh opportunities: ``score`` and ``flips``."""

from __future__ import annotations

import argparse
from functools import partial
from typing import TYPE_CHECKING

from followup.cli.arguments import (
    Command,
    add_format,
    add_opportunity,
    add_threshold,
    add_workspace,
)
from followup.cli.common import (
    data_text,
    frame_records,
    json_text,
    json_value,
    load,
    with_threshold,
)
from followup.cli.console import Column, Console, Piece, Styled

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FLIPS", "SCORE"]

SCORE_EXAMPLES = """\
examples:
  followup score search.json
  followup score search.json --threshold 5
  followup score search.json --format csv > scores.csv

An opportunity passes when its balance (pluses minus minuses) is above the
threshold. Warnings point at lists that look one-sided: look again at them
before trusting the balance.
"""

FLIPS_EXAMPLES = """\
examples:
  followup flips search.json initech-backend-engineer
  followup flips search.json acme-data-engineer --format json

For each factor, the nearest weight from 1 to 10 at which that factor alone
would flip the verdict; a verdict no single change can flip is robust.
"""


# ---------------------------------------------------------------------------
# score


def run_score(args: argparse.Namespace, console: Console) -> int:
    from followup.decide.honesty import honesty_checks
    from followup.decide.scoring import score

    workspace = with_threshold(load(args.file), args.threshold)
    table = score(workspace)
    warnings = honesty_checks(workspace)
    threshold = workspace.settings.threshold
    if args.format == "table":
        _print_score_table(console, table, warnings, threshold)
    elif args.format == "csv":
        checks = warnings.groupby("opportunity", sort=False)["check"].agg("; ".join)
        console.data(
            data_text(table.assign(warnings=checks.reindex(table.index).fillna("")), "csv", key="")
        )
    else:
        console.data(_score_json(table, warnings, threshold))
    return 0


def _verdict(verdict: str) -> Styled:
    return Styled(verdict, verdict)


def _print_score_table(
    console: Console, table: pd.DataFrame, warnings: pd.DataFrame, threshold: float
) -> None:
    if table.empty:
        console.print("No opportunities in this workspace yet.")
        return
    columns = [
        Column("#", "right"),
        Column("OPPORTUNITY", shrink=True),
        Column("COMPANY", shrink=True),
        Column("PLUS", "right"),
        Column("MINUS", "right"),
        Column("BALANCE", "right"),
        Column("VERDICT"),
    ]
    rows: list[list[Piece]] = [
        [
            str(row.rank),
            str(opportunity),
            str(row.company),
            str(row.plus),
            str(row.minus),
            f"{row.balance:+d}",
            _verdict(str(row.verdict)),
        ]
        for opportunity, row in zip(table.index, table.itertuples(index=False), strict=True)
    ]
    console.table(columns, rows)
    console.print()
    console.print(f"Passes when the balance is above {threshold:g}.")
    if not warnings.empty:
        console.print()
        console.print(
            Styled("Warnings", "warning"), " (look again before trusting these balances):"
        )
        for row in warnings.itertuples(index=False):
            console.paragraph(f"{row.opportunity}: {row.message}", indent=2, bullet=True)


def _score_json(table: pd.DataFrame, warnings: pd.DataFrame, threshold: float) -> str:
    by_opportunity: dict[str, list[dict[str, str]]] = {}
    for row in warnings.itertuples(index=False):
        by_opportunity.setdefault(str(row.opportunity), []).append(
            {"check": str(row.check), "message": str(row.message)}
        )
    records = frame_records(table)
    for record in records:
        record["warnings"] = by_opportunity.get(record["opportunity"], [])
    return json_text({"threshold": json_value(threshold), "opportunities": records})


# ---------------------------------------------------------------------------
# flips


def run_flips(args: argparse.Namespace, console: Console) -> int:
    from followup.decide.scoring import score
    from followup.decide.sensitivity import flip_points, flip_sentences

    workspace = with_threshold(load(args.file), args.threshold)
    opportunity = workspace.opportunity(args.opportunity)
    flips = flip_points(workspace, opportunity.id)
    scores = score(workspace)
    row = scores.loc[[opportunity.id]].to_dict("records")[0]
    if args.format == "csv":
        console.data(data_text(flips, "csv", key="factors", index=False))
        return 0
    if args.format == "json":
        document = {
            "opportunity": opportunity.id,
            "verdict": str(row["verdict"]),
            "balance": json_value(row["balance"]),
            "threshold": json_value(workspace.settings.threshold),
            "factors": frame_records(flips, index=False),
        }
        console.data(json_text(document))
        return 0
    console.print(
        Styled(opportunity.company, "bold"), " — ", opportunity.role, f" ({opportunity.id})"
    )
    console.print(
        "verdict ",
        _verdict(str(row["verdict"])),
        f", balance {int(row['balance']):+d} (passes above {workspace.settings.threshold:g})",
    )
    console.print()
    if flips.empty:
        console.print("No factors yet: list what excited you and what worried you.")
        return 0
    _print_flip_table(console, flips)
    console.print()
    sentences = flip_sentences(workspace, opportunity.id)
    if not sentences:
        console.print("No single weight change from 1 to 10 flips this verdict: it is robust.")
    for sentence in sentences:
        console.paragraph(sentence)
    return 0


def _print_flip_table(console: Console, flips: pd.DataFrame) -> None:
    import pandas as pd

    columns = [
        Column("FACTOR", shrink=True),
        Column("SIDE"),
        Column("WEIGHT", "right"),
        Column("FLIPS AT", "right"),
        Column("CHANGE", "right"),
    ]
    rows: list[list[Piece]] = []
    for factor in flips.to_dict("records"):
        no_flip = pd.isna(factor["flip_weight"])
        rows.append(
            [
                str(factor["label"]),
                str(factor["side"]),
                str(factor["weight"]),
                "-" if no_flip else str(factor["flip_weight"]),
                "-" if no_flip else f"{int(factor['change']):+d}",
            ]
        )
    console.table(columns, rows)


# ---------------------------------------------------------------------------
# the commands

SCORE = Command(
    "score",
    summary="the score table: balance, verdict and rank, with honesty warnings",
    description="Score every opportunity of a workspace on its Franklin T.",
    examples=SCORE_EXAMPLES,
    arguments=(add_workspace, add_threshold, add_format),
    run=run_score,
)
FLIPS = Command(
    "flips",
    summary="what single weight change would flip an opportunity's verdict",
    description="Show, factor by factor, the weight that would flip one opportunity's verdict.",
    examples=FLIPS_EXAMPLES,
    arguments=(
        add_workspace,
        partial(add_opportunity, listed_by="score"),
        add_threshold,
        add_format,
    ),
    run=run_flips,
)
