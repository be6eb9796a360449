"""Getting started: the name first, adding in place, the example saved as a file, how it works."""

from __future__ import annotations

import re
from dataclasses import replace

import ipywidgets as widgets

from followup import Workspace, example_workspace, load_workspace
from followup.session import Session
from followup.ui import DecisionApp, app
from followup.ui.widgets import walk
from tests.ui.support import NOON, STORY_DAY, make_app, no_swallowed_errors  # noqa: F401

ACME = "acme-data-engineer"


def test_a_first_run_asks_for_the_name_at_the_top_before_anything_else(tmp_path):
    view = app(tmp_path / "search.json")
    assert isinstance(view, DecisionApp)
    shown = [child for child in view.children if child.layout.display != "none"]
    visible = [child for child in shown if child._view_name != "AnyView"]  # the helpers
    assert visible[0] is view.first_run
    view.name_button.click()
    assert view.name_message.value == "Your name cannot be empty."
    view.name_input.value = "Sam Lee"
    view.name_button.click()
    assert view.first_run.layout.display == "none"
    assert load_workspace(tmp_path / "search.json").owner.name == "Sam Lee"


def test_a_workspace_with_an_owner_does_not_ask_again():
    view = make_app(example_workspace())
    assert view.first_run.layout.display == "none"


def test_add_asks_for_company_and_role_in_place_and_refuses_empty_ones_in_words():
    view = make_app(Workspace(owner=example_workspace().owner))
    lists = view.opportunities
    lists.add.click()
    assert lists.message.value == "The company cannot be empty. The role cannot be empty."
    lists.new_company.value = "Initrode"
    lists.add.click()
    assert lists.message.value == "The role cannot be empty."
    assert lists.new_company.value == "Initrode"  # kept to finish
    lists.new_role.value = "Data Analyst"
    lists.add.click()
    assert lists.message.value == ""
    assert lists.titles == ["Initrode — Data Analyst"]
    assert (lists.new_company.value, lists.new_role.value) == ("", "")
    assert view.t_chart.heading.value == "Initrode — Data Analyst"


def test_three_adds_make_three_rows_named_as_typed():
    view = make_app(Workspace(owner=example_workspace().owner))
    lists = view.opportunities
    for company in ("Acme", "Globex", "Hooli"):
        lists.new_company.value = company
        lists.new_role.value = "Engineer"
        lists.add.click()
    assert lists.titles == ["Acme — Engineer", "Globex — Engineer", "Hooli — Engineer"]


def test_no_id_is_shown_anywhere_in_the_app():
    view = make_app(example_workspace())
    ids = example_workspace().ids
    for index in range(len(view.panels)):
        view.tabs.selected_index = index
        for widget in walk(view):
            texts = [
                getattr(widget, name, "")
                for name in ("value", "description", "tooltip", "placeholder")
            ]
            texts += list(getattr(widget, "titles", ()) or ())
            for text in texts:
                if isinstance(text, str):
                    assert not any(i in text for i in ids), (type(widget).__name__, text[:80])


def test_the_example_says_plainly_nothing_is_kept_and_saves_as_a_new_file(tmp_path):
    view = app(today=STORY_DAY)
    assert isinstance(view, DecisionApp)
    assert "nothing you change here is kept" in view.notice.value
    assert view.example_bar.layout.display is None
    view.t_chart.weights[4].value = 9
    view.save_as_path.value = str(tmp_path / "my-search.json")
    view.save_as.click()
    target = tmp_path / "my-search.json"
    assert load_workspace(target).opportunity(ACME).factors[4].weight == 9
    assert view.example_bar.layout.display == "none"
    assert str(target) in view.notice.value
    view.t_chart.weights[4].value = 3
    assert load_workspace(target).opportunity(ACME).factors[4].weight == 3
    assert re.fullmatch(r"saved \d\d:\d\d", view.save_status.value)


def test_save_as_refuses_an_existing_file_in_words(tmp_path):
    existing = tmp_path / "taken.json"
    existing.write_text("someone else's")
    view = app(today=STORY_DAY)
    view.save_as_path.value = str(existing)
    view.save_as.click()
    assert "already exists: choose another name" in view.save_as_message.value
    assert existing.read_text() == "someone else's"


def test_how_this_works_is_folded_away_and_introduces_every_tab():
    view = make_app(example_workspace())
    assert view.how_it_works.selected_index is None
    text = view.how_it_works_text.value
    for panel in view.panels:
        assert panel.title.replace("&", "&amp;") in text, panel.title
    assert "(left)" not in text
    assert "saved to your workspace file" not in text  # in memory: nothing is saved


def test_the_stylesheet_is_put_in_once_and_scoped_to_the_app():
    view = make_app(example_workspace())
    sheets = [w for w in walk(view) if "followup-stylesheet" in w._dom_classes]
    assert len(sheets) == 1
    css = re.search(r"<style>(.*)</style>", sheets[0].value, re.S).group(1)
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    selectors = [
        block.split("{")[-2]  # the selector of the rule (inside an @media block too)
        for block in css.split("}")
        if "{" in block
    ]
    assert all(
        part.strip().startswith(".followup-app")
        for selector in selectors
        for part in selector.split(",")
    )


def test_headings_are_real_headings():
    view = make_app(example_workspace())
    headings = [
        w
        for w in walk(view)
        if isinstance(w, widgets.HTML) and "followup-heading" in w._dom_classes
    ]
    assert headings and all(re.search(r"<h[23]>", w.value) for w in headings)


def test_a_name_typed_with_markup_stays_text(tmp_path):
    view = make_app(replace(example_workspace(), owner=None))
    view.name_input.value = "<b>Sam</b>"
    view.name_button.click()
    assert view.session.state.workspace.owner.name == "<b>Sam</b>"


def test_the_session_clock_is_injected():
    session = Session(example_workspace(), today=STORY_DAY, now=NOON)
    assert DecisionApp(session).session.state.current_date() == STORY_DAY
