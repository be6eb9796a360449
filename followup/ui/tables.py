"""HTML tables for the app, built by hand so that every cell is escaped."""

from __future__ import annotations

import datetime as dt
import html
import math
from collections.abc import Iterable, Sequence

import pandas as pd

from followup.etiquette.plan import ACTION_PHRASES

__all__ = ["findings_html", "score_table_html", "table_html", "timeline_html"]


def action_words(action: str) -> str:
    """The plan's action as a person would say it.

    >>> action_words("send_thank_you")
    'Send the thank-you note'
    """
    return ACTION_PHRASES[action]


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else ""
    return str(value)


def table_html(
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    css: str,
    row_css: Sequence[str] = (),
    name: str = "Table",
) -> str:
    """A ``<table>`` with one escaped text cell per value.

    It sits in a region named ``name`` that scrolls sideways on a screen too
    narrow for it, and that the keyboard can reach to scroll it.
    """
    head = "".join(f"<th>{html.escape(name)}</th>" for name in header)
    body = []
    for number, row in enumerate(rows):
        extra = f' class="{html.escape(row_css[number])}"' if number < len(row_css) else ""
        cells = "".join(f"<td>{html.escape(_cell(value))}</td>" for value in row)
        body.append(f"<tr{extra}>{cells}</tr>")
    return (
        f'<div class="followup-table-scroll" role="region" tabindex="0" '
        f'aria-label="{html.escape(name)}">'
        f'<table class="{html.escape(css)}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def score_table_html(
    scores: pd.DataFrame,
    chances: pd.DataFrame | None = None,
    roles: dict[str, str] | None = None,
) -> str:
    """The score table, best first, with the chance of passing when given.

    Shares are written as the robustness chart writes them (never "100%" for
    a share short of certain). ``roles`` maps each opportunity id to its role.
    """
    from followup.decide.shares import percent

    header = ["Rank", "Company", "Role", "Pluses", "Minuses", "Balance", "Verdict"]
    if chances is not None:
        header += ["Chance of passing", "Chance of ranking first"]
    p_pass = {} if chances is None else chances["p_pass"].to_dict()
    p_top = {} if chances is None else chances["p_top"].to_dict()
    rows = []
    for opportunity_id, row in scores.iterrows():
        cells: list[object] = [
            int(row["rank"]),
            row["company"],
            (roles or {}).get(str(opportunity_id), ""),
            int(row["plus"]),
            int(row["minus"]),
            f"{int(row['balance']):+d}",
            str(row["verdict"]).upper(),
        ]
        if chances is not None:
            cells += [percent(p_pass[opportunity_id]), percent(p_top[opportunity_id])]
        rows.append(cells)
    verdicts = [f"followup-row-{row['verdict']}" for _, row in scores.iterrows()]
    return table_html(header, rows, css="followup-table", row_css=verdicts, name="Scores")


def timeline_html(frame: pd.DataFrame) -> str:
    """The "what do I do today" table."""
    header = ["Due", "Company", "Role", "Verdict", "Next step", "Why"]
    rows = []
    row_css = []
    for _, row in frame.iterrows():
        due = _cell(row["due"])
        if row["overdue"]:
            due += " (overdue)"
        rows.append(
            [
                due,
                row["company"],
                row["role"],
                str(row["verdict"]).upper(),
                action_words(str(row["action"])),
                row["reason"],
            ]
        )
        row_css.append("followup-row-overdue" if row["overdue"] else "followup-row")
    return table_html(header, rows, css="followup-table", row_css=row_css, name="Next steps")


def findings_html(findings: Sequence[object]) -> str:
    """The writing check's findings, each with its suggestion."""
    if not findings:
        return "<p>No findings: the writing check has nothing to add.</p>"
    header = ["Kind", "Where", "What", "Suggestion"]
    rows = [
        [
            getattr(finding, "kind", ""),
            getattr(finding, "text", ""),
            getattr(finding, "message", ""),
            getattr(finding, "suggestion", None),
        ]
        for finding in findings
    ]
    return table_html(header, rows, css="followup-table", name="Writing check")
