"""Helpers for the widget tests: a fixed clock, building the app, and failing on swallowed errors.

ipywidgets catches an exception raised in a button handler and only logs it
("Exception in callback ..."), and the app itself logs (rather than shows)
the bugs it catches. :func:`no_swallowed_errors` turns either log record into
a test failure, so a broken handler cannot hide behind a click.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from pathlib import Path

import ipywidgets as widgets
import pytest

from followup import Workspace
from followup.session import FileStore, Session
from followup.session.debounce import ManualScheduler
from followup.session.state import SAVE_DELAY
from followup.ui import DecisionApp
from followup.ui.widgets import walk

STORY_DAY = dt.date(2026, 12, 1)
NOON = dt.datetime(2026, 12, 1, 12, 4)


def swallowed_errors(records: list[logging.LogRecord]) -> list[str]:
    """The log records that stand for an error the user never saw as a traceback."""
    return [
        record.getMessage()
        for record in records
        if "Exception in callback" in record.getMessage()
        or (record.name.startswith("followup") and record.levelno >= logging.ERROR)
    ]


@pytest.fixture(autouse=True)
def no_swallowed_errors(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    caplog.set_level(logging.WARNING)
    yield
    problems = swallowed_errors(caplog.records)
    assert not problems, f"errors were swallowed by a handler: {problems}"


def make_app(
    workspace: Workspace, path: Path | None = None, today: dt.date = STORY_DAY
) -> DecisionApp:
    """The app over a session with a fixed clock (saving to ``path`` when given).

    Time for the save of typed text moves only with :func:`after_typing`.
    """
    store = None
    if path is not None:
        store = FileStore(path)
        store.save(workspace)
    scheduler = ManualScheduler()
    session = Session(workspace, today=today, now=NOON, store=store, scheduler=scheduler)
    view = DecisionApp(session)
    view.test_scheduler = scheduler
    return view


def after_typing(view: DecisionApp, seconds: float = SAVE_DELAY) -> None:
    """Let ``seconds`` pass after the last key, as a person who stops typing does."""
    view.test_scheduler.advance(seconds)


def all_widgets(root: widgets.Widget) -> list[widgets.Widget]:
    return list(walk(root))


def with_class(root: widgets.Widget, name: str) -> list[widgets.Widget]:
    """Every widget in the tree carrying a DOM class, as a browser test would select it."""
    return [w for w in walk(root) if name in getattr(w, "_dom_classes", ())]


def visit_every_tab(app: DecisionApp) -> None:
    for index in range(len(app.panels)):
        app.tabs.selected_index = index
