"""The recovery panel and the reopen screen: plain words, three ways on, the kept copies listed."""

from __future__ import annotations

import ipywidgets as widgets

from followup import example_workspace, load_workspace, save_workspace
from followup.ui import DecisionApp, OpenProblem, app
from followup.ui.widgets import walk
from tests.ui.support import make_app, no_swallowed_errors  # noqa: F401

ACME = "acme-data-engineer"
GARBAGE = b'{"format": "followup-workspace", "version": 2, "opport'


def damaged_app(tmp_path):
    path = tmp_path / "search.json"
    view = make_app(example_workspace(), path)
    path.write_bytes(GARBAGE)
    view.t_chart.weights[4].value = 9  # the next save finds the damage
    return view, path


def test_a_damaged_file_opens_the_recovery_panel_with_the_whole_message(tmp_path):
    view, _path = damaged_app(tmp_path)
    panel = view.recovery
    assert panel.root.layout.display is None
    assert "not a workspace" in panel.explanation.value
    assert (
        "force=True" not in panel.explanation.value and "followup." not in panel.explanation.value
    )
    assert "conflict-1.json" in panel.explanation.value
    assert [b.description for b in panel.buttons.values()] == [
        "Keep my version",
        "Use the file on disk",
        "Open the newest conflict copy",
    ]
    assert panel.buttons["use_file"].disabled
    assert panel.descriptions["use_file"].value == "The file on disk is damaged: it cannot be read."
    assert "conflict copy" in panel.copies.value
    # the old buttons do not compete with the three choices
    assert view.save_again.layout.display == "none" and view.reload.layout.display == "none"


def test_keep_my_version_writes_it_and_closes_the_panel(tmp_path):
    view, path = damaged_app(tmp_path)
    view.recovery.buttons["keep_mine"].click()
    assert view.recovery.root.layout.display == "none"
    assert load_workspace(path).opportunity(ACME).factors[4].weight == 9
    assert view.save_status.value == "saved 12:04"


def test_open_the_newest_conflict_copy_from_the_panel(tmp_path):
    view, path = damaged_app(tmp_path)
    view.recovery.buttons["open_copy"].click()
    assert load_workspace(path).opportunity(ACME).factors[4].weight == 9
    assert view.recovery.root.layout.display == "none"


def test_the_reopen_screen_lists_the_backup_and_conflict_copies_with_their_times(tmp_path):
    path = tmp_path / "search.json"
    damaged_app(tmp_path)  # leaves a conflict copy beside the damaged file
    save_workspace(example_workspace().without_opportunity(ACME), path.with_name("search.json.bak"))
    reopened = app(path)
    assert isinstance(reopened, OpenProblem)
    assert "cannot be opened" in reopened.problem.value
    assert "followup.restore_backup" not in reopened.problem.value
    listing = next(w for w in walk(reopened) if "followup-kept-copies" in w._dom_classes)
    assert "The backup saved " in listing.value and "The conflict copy saved " in listing.value
    assert reopened.restore.description.startswith("Use the backup saved ")
    copy_button = reopened.choices.copy_buttons[0]
    assert copy_button.description.startswith("Use the conflict copy saved ")
    copy_button.click()
    assert isinstance(reopened.opened, DecisionApp)
    assert load_workspace(path).opportunity(ACME).factors[4].weight == 9
    assert any(".corrupt-" in p.name for p in tmp_path.iterdir())  # the damaged file, kept


def test_no_button_of_the_recovery_screens_is_cut_to_a_few_letters(tmp_path):
    view, _path = damaged_app(tmp_path)
    for widget in walk(view.recovery.root):
        if isinstance(widget, widgets.Button):
            assert widget.layout.width in (None, "auto")
