"""Notebook HTML of workspaces and opportunities: informative, and every user string escaped."""

from __future__ import annotations

import html
import re

import pytest

from followup.model import Contact, Factor, Opportunity, Workspace
from followup.model.html import opportunity_html, workspace_html

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "<script>alert(1)</script>",
    "\"'><b>bold</b>",
]


def tags(markup: str) -> set[str]:
    """The names of the HTML tags in ``markup``."""
    return {name.lower() for name in re.findall(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9]*)", markup)}


ALLOWED_TAGS = {
    "div",
    "strong",
    "small",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "ul",
    "li",
    "code",
}


def hostile_workspace(text: str) -> Workspace:
    opportunity = Opportunity(
        "acme",
        company=text,
        role=text,
        factors=(Factor(text, "plus", 8, text), Factor(text, "minus", 3)),
        interviewers=(Contact(text),),
    )
    return Workspace(opportunities=(opportunity,), owner=Contact(text))


@pytest.mark.parametrize("text", HOSTILE)
def test_user_text_is_escaped_in_the_workspace_html(text: str) -> None:
    markup = hostile_workspace(text)._repr_html_()
    assert tags(markup) <= ALLOWED_TAGS
    assert html.escape(text) in markup


@pytest.mark.parametrize("text", HOSTILE)
def test_user_text_is_escaped_in_the_opportunity_html(text: str) -> None:
    markup = hostile_workspace(text).opportunity("acme")._repr_html_()
    assert tags(markup) <= ALLOWED_TAGS
    assert html.escape(text) in markup


def test_the_reliability_example_leaves_no_img_tag() -> None:
    workspace = hostile_workspace("<img src=x onerror=alert(1)>")
    assert "<img" not in workspace._repr_html_()
    assert "<img" not in workspace.opportunity("acme")._repr_html_()
    assert "&lt;img src=x onerror=alert(1)&gt;" in workspace._repr_html_()


def test_ampersands_and_quotes_are_escaped_not_doubled() -> None:
    opportunity = Opportunity("att", 'AT&T "R&D"', "Engineer")
    markup = opportunity_html(opportunity)
    assert "AT&amp;T &quot;R&amp;D&quot;" in markup
    assert "&amp;amp;" not in markup


def test_the_opportunity_html_shows_the_franklin_t_and_its_totals() -> None:
    opportunity = Opportunity(
        "acme",
        "Acme",
        "Engineer",
        factors=(
            Factor("Weekly releases", "plus", 8),
            Factor("Commute", "minus", 6),
            Factor("Kind manager", "plus", 7),
        ),
    )
    markup = opportunity_html(opportunity)
    rows = re.findall(r"<tr>(.*?)</tr>", markup)
    assert "<td>Weekly releases (8)</td><td>Commute (6)</td>" in rows
    assert "<td>Kind manager (7)</td><td></td>" in rows
    assert "<th>15</th><th>6</th>" in rows
    assert "balance +9" in markup
    assert "no interview date" in markup


def test_the_workspace_html_lists_each_opportunity_with_its_balance() -> None:
    workspace = Workspace(
        opportunities=(
            Opportunity("a", "Alpha", "Engineer", factors=(Factor("x", "minus", 4),)),
            Opportunity("b", "Beta", "Analyst"),
        ),
        owner=Contact("Alex"),
    )
    markup = workspace_html(workspace)
    assert "Workspace of Alex" in markup
    assert "2 opportunities" in markup
    assert markup.count("<li>") == 2
    assert "Alpha — Engineer, balance -4" in markup
    assert "Beta — Analyst, balance +0" in markup


def test_a_workspace_with_one_opportunity_says_so_in_the_singular() -> None:
    assert "1 opportunity<" in workspace_html(
        Workspace(opportunities=(Opportunity("a", "A", "E"),))
    )
