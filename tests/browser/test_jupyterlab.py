"""The decision notebook in JupyterLab: Run All, weigh by keyboard, add a factor, export a note.

A fresh JupyterLab serves a copy of the notebook from a temporary folder, on a copy of the
example workspace there; every "saved" is checked by reading that file from disk.
"""

from __future__ import annotations

from typing import Any

import pytest
from browser_support import (
    AppPage,
    Server,
    add_a_plus,
    draft_and_export_a_note,
    open_in_jupyterlab,
    weigh_until_the_verdict_flips,
)

pytestmark = pytest.mark.browser


def test_decision_flow_in_jupyterlab_flips_the_verdict_saves_each_change_and_exports_a_note(
    lab_server: Server, page: Any, page_events: Any, screenshot: Any
) -> None:
    open_in_jupyterlab(page, lab_server)
    app = AppPage(page)
    screenshot("jupyterlab-0-run-all")

    weigh_until_the_verdict_flips(app, lab_server, "Initech")
    screenshot("jupyterlab-1-verdict-flipped")

    add_a_plus(app, lab_server, "Initech", "Walk to the office in ten minutes")
    screenshot("jupyterlab-2-plus-added")

    draft_and_export_a_note(app, lab_server, "Northwind Health", "Dear Priya")
    screenshot("jupyterlab-3-note-exported")

    assert page_events.dialogs == []
