"""The decision notebook in JupyterLab: Run All, weigh by keyboard, add a factor, export a note.

A fresh JupyterLab serves a copy of the notebook from a temporary folder, on a copy of the
example workspace there; every "saved" is checked by reading that file from disk.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.browser_support import (
    AppPage,
    Server,
    open_in_jupyterlab,
    run_the_decision_flow,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_decision_flow_in_jupyterlab_flips_the_verdict_saves_each_change_and_exports_a_note(
    lab_server: Server, page: Any, page_events: Any, screenshot: Any
) -> None:
    open_in_jupyterlab(page, lab_server)
    app = AppPage(page)
    screenshot("jupyterlab-0-run-all")

    run_the_decision_flow(app, lab_server, screenshot, "jupyterlab")

    assert page_events.dialogs == []
