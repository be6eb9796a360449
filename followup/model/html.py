"""HTML for notebooks: workspaces and opportunities, with every user string escaped."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from followup.model.opportunity import Opportunity
    from followup.model.workspace import Workspace

__all__ = ["opportunity_html", "workspace_html"]


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def opportunity_html(opportunity: Opportunity) -> str:
    """A small Franklin T as an HTML table: pluses left, minuses right."""
    pluses, minuses = opportunity.pluses, opportunity.minuses
    plus_total, minus_total = opportunity.plus_total, opportunity.minus_total
    rows = []
    for index in range(max(len(pluses), len(minuses))):
        left = f"{_e(pluses[index].label)} ({pluses[index].weight})" if index < len(pluses) else ""
        right = (
            f"{_e(minuses[index].label)} ({minuses[index].weight})" if index < len(minuses) else ""
        )
        rows.append(f"<tr><td>{left}</td><td>{right}</td></tr>")
    interview = (
        opportunity.interview_date.isoformat()
        if opportunity.interview_date
        else "no interview date"
    )
    return (
        '<div class="followup-opportunity">'
        f"<strong>{_e(opportunity.company)}</strong> — {_e(opportunity.role)} "
        f"<small>({_e(opportunity.id)}, {interview})</small>"
        "<table><thead><tr><th>Pluses</th><th>Minuses</th></tr></thead><tbody>"
        + "".join(rows)
        + f"<tr><th>{plus_total}</th><th>{minus_total}</th></tr></tbody></table>"
        f"<div>balance {opportunity.balance:+d}</div></div>"
    )


def workspace_html(workspace: Workspace) -> str:
    """One line per opportunity with its balance."""
    owner = f" of {_e(workspace.owner.name)}" if workspace.owner else ""
    items = "".join(
        f"<li><code>{_e(o.id)}</code>: {_e(o.company)} — {_e(o.role)}, "
        f"balance {o.balance:+d}</li>"
        for o in workspace.opportunities
    )
    count = len(workspace.opportunities)
    return (
        f'<div class="followup-workspace"><strong>Workspace{owner}</strong>: '
        f"{count} opportunit{'y' if count == 1 else 'ies'}<ul>{items}</ul></div>"
    )
