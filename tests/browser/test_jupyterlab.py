"""The decision notebook in JupyterLab: Run All, weigh by keyboard, add a factor, export a note,
on a wide screen and on a 400-px one.

A fresh JupyterLab serves a copy of the notebook from a temporary folder, on a copy of the
example workspace there; every "saved" is checked by reading that file from disk.
"""

from __future__ import annotations

from typing import Any

import pytest

from followup import example_workspace
from tests.browser.browser_support import (
    AppPage,
    Server,
    open_app,
    reset_workspace,
    run_the_decision_flow,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.mark.parametrize("width", [1400, 400])
def test_decision_flow_in_jupyterlab_flips_the_verdict_saves_each_change_and_exports_a_note(
    lab_server: Server, page: Any, page_events: Any, screenshot: Any, width: int
) -> None:
    reset_workspace(lab_server, example_workspace())
    open_app(page, lab_server, width=width)
    app = AppPage(page)
    screenshot(f"jupyterlab-{width}-0-run-all")

    run_the_decision_flow(app, lab_server, screenshot, f"jupyterlab-{width}")

    assert page_events.dialogs == []
