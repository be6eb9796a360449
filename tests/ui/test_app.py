"""The app as a whole: opening, the save status, tabs, errors and hostile text."""

from __future__ import annotations

import hashlib
import logging
import re

import ipywidgets as widgets
import pytest

from followup import Workspace, example_workspace, load_workspace, save_workspace
from followup.session.session import bundled_example_path
from followup.ui import DecisionApp, OpenProblem, app
from followup.ui.widgets import walk
from tests.ui.support import (  # noqa: F401 - the autouse fixture applies to this module
    make_app,
    no_swallowed_errors,
    swallowed_errors,
    visit_every_tab,
    with_class,
)

ACME = "acme-data-engineer"
HOSTILE = "<img src=x onerror=alert(1)>"

REQUIRED_CLASSES = (
    "followup-app",
    "followup-opportunity-list",
    "followup-factor-label",
    "followup-weight",
    "followup-add-plus",
    "followup-add-minus",
    "followup-verdict",
    "followup-balance",
    "followup-t-chart",
    "followup-draft",
    "followup-export-eml",
    "followup-save-status",
)


@pytest.mark.slow
def test_the_app_carries_every_dom_class_browser_tests_select_on():
    view = make_app(example_workspace())
    view.opportunities.select.value = "northwind-platform-lead"  # a note to draft
    visit_every_tab(view)
    for name in REQUIRED_CLASSES:
        assert with_class(view, name), name
    assert len(with_class(view, "followup-weight")) == len(
        view.session.state.opportunity("northwind-platform-lead").factors
    )


def test_app_without_a_path_works_on_the_example_and_says_so():
    view = app()
    assert isinstance(view, DecisionApp)
    assert "copy of the bundled example" in view.notice.value
    assert "not saved to disk" in view.save_status.value
    assert view.opportunities.select.value == ACME
    assert view.t_chart.verdict.value.startswith("PASS")


@pytest.mark.slow
def test_using_the_app_without_a_path_leaves_the_bundled_example_unchanged():
    example = bundled_example_path()
    assert example is not None
    before = hashlib.sha256(example.read_bytes()).hexdigest()
    view = app()
    assert isinstance(view, DecisionApp)
    view.t_chart.weights[4].value = 10
    view.t_chart.add_minus.click()
    view.opportunities.delete.click()
    visit_every_tab(view)
    assert hashlib.sha256(example.read_bytes()).hexdigest() == before


def test_app_creates_a_missing_workspace_file_and_saves_each_change(tmp_path):
    path = tmp_path / "search.json"
    view = app(path, create="example")
    assert isinstance(view, DecisionApp)
    assert load_workspace(path) == example_workspace()
    view.t_chart.weights[4].value = 9
    assert load_workspace(path).opportunity(ACME).factors[4].weight == 9
    assert re.fullmatch(r"saved \d\d:\d\d", view.save_status.value)
    assert "followup-saved" in view.save_status._dom_classes


def test_app_on_an_empty_new_file_invites_to_add_an_opportunity(tmp_path):
    view = app(tmp_path / "search.json")
    assert isinstance(view, DecisionApp)
    assert view.opportunities.empty.layout.display is None
    assert view.t_chart.content.layout.display == "none"
    view.opportunities.new_company.value = "Initrode"
    view.opportunities.new_role.value = "Analyst"
    view.opportunities.add.click()
    assert view.session.state.workspace.ids == ("initrode-analyst",)
    assert view.t_chart.content.layout.display is None
    assert view.t_chart.heading.value == "Initrode — Analyst"


def test_a_damaged_file_shows_the_problem_and_offers_the_previous_version(tmp_path):
    path = tmp_path / "search.json"
    save_workspace(example_workspace(), path)
    save_workspace(example_workspace().without_opportunity(ACME), path)  # keeps a .bak
    path.write_text("{ not json")
    view = app(path)
    assert isinstance(view, OpenProblem)
    assert "not valid JSON" in view.problem.value
    assert view.restore.layout.display is None
    view.restore.click()
    assert isinstance(view.opened, DecisionApp)
    assert load_workspace(path) == example_workspace()


def test_a_damaged_file_without_a_backup_offers_nothing_to_restore(tmp_path):
    path = tmp_path / "search.json"
    path.write_text("[]")
    view = app(path)
    assert isinstance(view, OpenProblem)
    assert "not a followup workspace" in view.problem.value
    assert view.restore.layout.display == "none"


def test_a_failed_save_is_shown_with_a_button_to_try_again(tmp_path):
    path = tmp_path / "search.json"
    view = make_app(example_workspace(), path)
    path.unlink()
    path.mkdir()  # the file became a folder: saving fails
    view.t_chart.weights[4].value = 9
    assert "not saved" in view.save_status.value
    assert "followup-save-failed" in view.save_status._dom_classes
    assert view.save_again.layout.display is None
    path.rmdir()
    view.save_again.click()
    assert view.save_status.value == "saved 12:04"
    assert view.save_again.layout.display == "none"
    assert load_workspace(path).opportunity(ACME).factors[4].weight == 9


# ---------------------------------------------------------------------------
# hostile text


def _hostile_workspace() -> Workspace:
    from dataclasses import replace

    from followup import Contact, Factor

    workspace = example_workspace()
    opportunities = []
    for opportunity in workspace.opportunities:
        opportunities.append(
            replace(
                opportunity,
                company=HOSTILE,
                role="<svg onload=alert(1)>",
                interviewers=(Contact("<b>Jo</b>", email="jo@example.com"),),
                factors=(*opportunity.factors, Factor(HOSTILE, "plus", 1, "<i>x</i>")),
            )
        )
    return replace(workspace, opportunities=tuple(opportunities))


@pytest.mark.slow
def test_hostile_text_never_reaches_any_html_widget_unescaped():
    view = make_app(_hostile_workspace())
    # A check-in draft, a thank-you draft, talking points, a refusal: every kind of panel.
    for opportunity_id in (
        ACME,
        "northwind-platform-lead",
        "umbrella-ml-engineer",
        "globex-analytics-engineer",
    ):
        view.opportunities.select.value = opportunity_id
        visit_every_tab(view)
        for widget in walk(view):
            if isinstance(widget, widgets.HTML):
                assert "<img" not in widget.value and "<svg" not in widget.value
                assert "<b>Jo" not in widget.value and "<i>x" not in widget.value
    assert view.t_chart.heading.value == f"{HOSTILE} — <svg onload=alert(1)>"  # a Label: plain text


@pytest.mark.slow
def test_hostile_text_typed_into_the_app_is_kept_literally():
    view = make_app(example_workspace())
    view.show_tab(view.details)
    view.details.company.input.value = HOSTILE
    assert view.session.state.opportunity(ACME).company == HOSTILE
    visit_every_tab(view)
    for widget in walk(view):
        if isinstance(widget, widgets.HTML):
            assert "<img" not in widget.value
    assert HOSTILE in [text.split(" — ")[0] for text, _ in view.opportunities.select.options]


# ---------------------------------------------------------------------------
# errors never pass silently


def test_a_handler_that_raises_is_caught_by_the_test_fixture(caplog):
    broken = widgets.Button()
    broken.on_click(lambda _: 1 / 0)
    with caplog.at_level(logging.WARNING):
        broken.click()
    assert swallowed_errors(caplog.records)
    caplog.clear()  # this one was on purpose


def test_a_bug_inside_an_action_is_shown_gently_and_logged(caplog, monkeypatch):
    view = make_app(example_workspace())

    def broken(*args: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(view.session.opportunities, "add", broken)
    view.opportunities.add.click()
    assert view.opportunities.message.value.startswith("Something went wrong (RuntimeError)")
    assert swallowed_errors(caplog.records)
    caplog.clear()  # this one was on purpose


# Tab 3 is Compare: a robustness simulation and three charts take a second or more.
@pytest.mark.parametrize(
    "index", [pytest.param(i, marks=pytest.mark.slow) if i == 3 else i for i in range(7)]
)
def test_every_tab_draws_without_a_message(index):
    view = make_app(example_workspace())
    view.tabs.selected_index = index
    assert view.visible_panel.message.value == ""


@pytest.mark.slow
def test_dollar_signs_are_never_typeset_as_math_in_labels_or_html():
    from dataclasses import replace

    from followup import Factor

    workspace = example_workspace()
    acme = workspace.opportunity(ACME)
    priced = replace(acme, company="Price $5 and $10", factors=(Factor("$x$ perks", "plus", 2),))
    view = make_app(workspace.with_opportunity(priced))
    visit_every_tab(view)
    for widget in walk(view):
        if isinstance(widget, widgets.Label):
            assert "mathjax_ignore" in widget._dom_classes
        if isinstance(widget, widgets.HTML) and widget.value:
            assert widget.value.startswith('<div class="mathjax_ignore">')
    assert view.t_chart.heading.value.startswith("Price $5 and $10")
