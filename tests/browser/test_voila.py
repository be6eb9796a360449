"""The decision notebook as a Voila web app: the same flow as in JupyterLab, in app mode, on
a wide screen and on a 400-px one.

A fresh Voila serves a copy of the notebook from a temporary folder, on a copy of the
example workspace there; every "saved" is checked by reading that file from disk.
"""

from __future__ import annotations

import os
from typing import Any

import pytest

from followup import example_workspace
from tests.browser.browser_support import (
    DOCS_SCREENSHOT,
    AppPage,
    Server,
    artifact,
    open_app,
    reset_workspace,
    run_the_decision_flow,
    saved_opportunity,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.mark.parametrize("width", [1400, 400])
def test_decision_flow_in_voila_flips_the_verdict_saves_each_change_and_exports_a_note(
    voila_server: Server, page: Any, page_events: Any, screenshot: Any, width: int
) -> None:
    reset_workspace(voila_server, example_workspace())
    open_app(page, voila_server, width=width)
    app = AppPage(page)
    app.select_opportunity(saved_opportunity(voila_server, "Initech"))
    if width == 1400:
        save_app_screenshot(app)
    screenshot(f"voila-{width}-0-opened")

    run_the_decision_flow(app, voila_server, screenshot, f"voila-{width}")

    assert page_events.dialogs == []
    assert page_events.page_errors == []


def save_app_screenshot(app: AppPage) -> None:
    """The app alone, for the README: written to test-artifacts/app.png on every run, and to
    docs/images/app.png only with FOLLOWUP_UPDATE_DOCS_SCREENSHOT=1, so that a test run never
    changes a tracked file."""
    body = app.find(".followup-body")  # without the line naming the (temporary) file
    body.screenshot(path=str(artifact("app.png")))
    if os.environ.get("FOLLOWUP_UPDATE_DOCS_SCREENSHOT") == "1":
        DOCS_SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        body.screenshot(path=str(DOCS_SCREENSHOT))
