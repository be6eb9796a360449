"""The opportunity list: selecting, add, duplicate, delete and undo from the buttons."""

from __future__ import annotations

from followup import example_workspace, load_workspace
from tests.ui.support import make_app, no_swallowed_errors  # noqa: F401

ACME = "acme-data-engineer"


def test_selecting_an_opportunity_shows_its_t():
    view = make_app(example_workspace())
    view.opportunities.select.value = "globex-analytics-engineer"
    assert view.t_chart.heading.value == "Globex Corporation — Analytics Engineer"
    assert view.t_chart.verdict.value.startswith("FAIL")


def test_the_list_shows_company_and_role_as_text():
    view = make_app(example_workspace())
    labels = [text for text, _ in view.opportunities.select.options]
    assert labels[0] == "Acme Analytics — Senior Data Engineer"
    assert len(labels) == len(example_workspace().opportunities)


def test_add_duplicate_delete_and_undo_from_the_buttons(tmp_path):
    path = tmp_path / "search.json"
    view = make_app(example_workspace(), path)
    lists = view.opportunities
    lists.duplicate.click()
    copy = lists.select.value
    assert copy != ACME
    assert lists.select.label == "Acme Analytics — Senior Data Engineer (copy)"
    lists.delete.click()  # the copy; the one after it is selected
    assert lists.select.value == "northwind-platform-lead"
    lists.delete.click()
    assert set(example_workspace().ids) - set(load_workspace(path).ids) == {
        "northwind-platform-lead"
    }
    assert lists.undo.layout.display is None
    assert lists.undo_note.value.startswith("Deleted ")
    lists.undo.click()
    lists.undo.click()
    assert load_workspace(path).ids[:3] == (ACME, copy, "northwind-platform-lead")
    assert lists.undo.layout.display == "none"
    lists.new_company.value = "Hooli"
    lists.new_role.value = "Staff Engineer"
    lists.add.click()
    assert lists.select.value == "hooli-staff-engineer"
    assert view.session.state.workspace.ids[-1] == "hooli-staff-engineer"


def test_renaming_in_details_updates_the_list_and_keeps_the_id():
    view = make_app(example_workspace())
    view.show_tab(view.details)
    view.details.company.input.value = "Acme Data Co"
    assert view.opportunities.select.value == ACME
    assert view.opportunities.select.label == "Acme Data Co — Senior Data Engineer"
