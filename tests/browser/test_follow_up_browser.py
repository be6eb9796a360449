"""The follow-up in a real browser, in Voila and in JupyterLab, 1400 px and 400 px wide: what a
person types is saved as they type, exports arrive as downloads, records take a day and can be
undone, Today's rows act.

Every "saved" is checked by reading the workspace file from disk; every download by comparing
it with the copy kept beside the workspace.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

import pytest

from followup import example_workspace
from tests.browser.browser_support import (
    AppPage,
    Server,
    open_app,
    press_button,
    reset_workspace,
    saved_opportunity,
    wait_until,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NORTHWIND = "Northwind Health"


@pytest.mark.parametrize("width", [1400, 400])
@pytest.mark.parametrize("where", ["voila", "jupyterlab"])
def test_the_follow_up_saves_typing_downloads_exports_and_undoes_a_record(
    where: str,
    width: int,
    request: pytest.FixtureRequest,
    page: Any,
    page_events: Any,
    screenshot: Any,
) -> None:
    server: Server = request.getfixturevalue("voila_server" if where == "voila" else "lab_server")
    reset_workspace(server, example_workspace())
    open_app(page, server, width=width)
    app = AppPage(page)
    app.select_opportunity(saved_opportunity(server, NORTHWIND))
    app.open_tab("Follow-up")
    draft = app.find(".followup-draft textarea")
    wait_until(lambda: "Dear Priya" in draft.input_value(), what="the thank-you draft")

    # Typed text reaches the file within about a second of the last key, with no Enter.
    draft.click()
    page.keyboard.press("Control+End")
    page.keyboard.type("\n\nP.S. Thanks for the lab tour.", delay=20)
    typed_at = time.monotonic()
    wait_until(
        lambda: (saved_opportunity(server, NORTHWIND).drafts.thank_you or "").endswith("lab tour."),
        timeout=10,
        what="the typed draft in the workspace file",
    )
    assert time.monotonic() - typed_at < 3  # ~0.5 s plus the round trips of a busy machine

    # The reminder cannot be made before the thank-you: switched off, with the reason.
    assert app.find(".followup-export-ics").first.is_disabled()
    assert "needs a recorded thank-you" in app.text(".followup-export-hint")

    # An export is kept beside the workspace and arrives as a download with the same bytes.
    press_button(app.find(".followup-export-md"))
    link = app.find(".followup-download-link a")
    link.wait_for()
    with page.expect_download() as started:
        link.click()
    download = started.value
    kept = Path(app.text(".followup-export-status").removeprefix("Saved ").strip())
    assert download.suggested_filename == kept.name
    assert Path(download.path()).read_bytes() == kept.read_bytes()
    assert b"lab tour." in kept.read_bytes()
    screenshot(f"{where}-{width}-follow-up-downloaded")

    # Marked as sent on an earlier day; the reminder becomes possible; then undone.
    day = min(dt.date.today(), dt.date(2026, 11, 25))
    app.find(".followup-event-date input").fill(day.isoformat())
    press_button(app.find(".followup-mark-sent"))
    app.find(".followup-last-event").filter(has_text="the thank-you sent").wait_for()
    event = saved_opportunity(server, NORTHWIND).event("thank_you_sent")
    assert event is not None and event.date == day
    wait_until(lambda: not app.find(".followup-export-ics").first.is_disabled(), what="ics on")
    press_button(app.find(".followup-undo-event"))
    app.find(".followup-last-event").filter(has_text="Nothing recorded").wait_for()
    wait_until(lambda: draft.input_value().endswith("lab tour."), what="the draft back")
    assert saved_opportunity(server, NORTHWIND).event("thank_you_sent") is None

    # Today: the row's own button records, and the record can be taken back there.
    app.open_tab("Today")
    row = app.find(".followup-today-row").filter(has_text="Globex Corporation")
    press_button(row.locator(".followup-today-act"))
    app.find(".followup-today-recorded").filter(has_text="Globex Corporation").wait_for()
    assert saved_opportunity(server, "Globex Corporation").event("closed") is not None
    screenshot(f"{where}-{width}-today-recorded")
    press_button(app.find(".followup-today-undo"))
    app.find(".followup-today-recorded").filter(has_text="Took back").wait_for()
    assert saved_opportunity(server, "Globex Corporation").event("closed") is None

    assert page_events.dialogs == []
    assert page_events.page_errors == []
