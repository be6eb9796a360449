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


def test_each_row_shows_the_verdict_badge_and_the_next_step_in_words():
    view = make_app(example_workspace())
    acme = view.opportunities.row_for(ACME)
    assert acme.pick.description == "Acme Analytics — Senior Data Engineer"
    assert acme.badge.value == "PASS"
    assert "followup-verdict-pass" in acme.badge._dom_classes
    assert acme.next_step.value == "Send the check-in, due November 25 (overdue)"
    globex = view.opportunities.row_for("globex-analytics-engineer")
    assert (globex.badge.value, globex.next_step.value) == ("FAIL", "Move on")
    assert "followup-selected" in acme.root._dom_classes
    assert "followup-selected" not in globex.root._dom_classes


def test_clicking_a_row_shows_that_opportunity():
    view = make_app(example_workspace())
    view.opportunities.row_for("globex-analytics-engineer").pick.click()
    assert view.session.state.selected_id == "globex-analytics-engineer"
    assert view.t_chart.heading.value == "Globex Corporation — Analytics Engineer"
    assert (
        "followup-selected"
        in view.opportunities.row_for("globex-analytics-engineer").root._dom_classes
    )


def test_a_weight_change_updates_the_badge_in_the_list():
    view = make_app(example_workspace())
    view.opportunities.select.value = "initech-backend-engineer"
    row = view.opportunities.row_for("initech-backend-engineer")
    assert row.badge.value == "PASS"
    for slider in view.t_chart.rows:
        if slider.side == "minus":
            slider.weight.input.value = 10
    assert row.badge.value == "FAIL"
    assert row.next_step.value == "Move on"


def test_the_search_box_filters_by_company_or_role():
    view = make_app(example_workspace())
    lists = view.opportunities
    lists.search.value = "acme"
    assert lists.titles == ["Acme Analytics — Senior Data Engineer"]
    lists.search.value = "ENGINEER"
    assert len(lists.titles) > 3
    lists.search.value = "zzz"
    assert lists.titles == []
    assert lists.no_match.value == "No company or role holds “zzz”."
    lists.search.value = ""
    assert len(lists.titles) == len(example_workspace().opportunities)


def test_closed_opportunities_go_to_a_folded_group_of_their_own():
    view = make_app(example_workspace())
    lists = view.opportunities
    assert lists.closed.layout.display == "none"  # nothing closed yet
    view.session.follow_up.record("globex-analytics-engineer", "closed")
    view.render()
    closed_titles = [lists.row_for("globex-analytics-engineer").root]
    assert list(lists.closed_box.children) == closed_titles
    assert lists.row_for("globex-analytics-engineer").root not in lists.rows_box.children
    assert lists.closed.layout.display is None
    assert lists.closed.selected_index is None  # folded
    assert lists.closed.titles == ("Closed (1)",)
    assert lists.titles[-1] == "Globex Corporation — Analytics Engineer"


def test_duplicate_and_delete_refuse_in_words_when_nothing_is_picked():
    from followup import Workspace

    view = make_app(Workspace(owner=example_workspace().owner))
    assert view.opportunities.delete.disabled and view.opportunities.duplicate.disabled
