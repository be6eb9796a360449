"""Real-browser fixtures: Debian's Chromium driven by Playwright, JupyterLab and Voila servers.

Each test module gets fresh servers (module-scoped fixtures) on free ports of 127.0.0.1,
serving a copy of ``notebooks/decide.ipynb`` from a temporary folder, so that nothing a
test does (outputs, checkpoints, workspace edits, exports) can reach a tracked file. The
notebook finds its workspace through ``FOLLOWUP_WORKSPACE``, set in the server's
environment and inherited by its kernels; a module chooses the workspace by overriding the
``served_workspace`` fixture.

Without a browser the tests skip with the reason, except under ``CI=true``, where a missing
browser is a failure. Screenshots and server logs go to ``test-artifacts/``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from followup import Workspace, example_workspace, save_workspace
from tests.browser.browser_support import (
    LOCAL_HOSTS,
    UI_TIMEOUT_MS,
    VIEWPORT,
    PageEvents,
    Server,
    artifact,
    serving_folder,
    start_jupyterlab,
    start_voila,
    unavailable,
)
from tools.servers import CHROMIUM_ARGS, chromium_executable


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    # Keep each phase's report on the test, so that the page fixture knows a test failed.
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, through Playwright (Playwright's own download is not used)."""
    executable = chromium_executable()
    if executable is None:
        unavailable("Chromium not found: apt-get install chromium, or set FOLLOWUP_CHROMIUM")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright is not installed: pip install playwright")
    with sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except Exception as error:
            unavailable(f"Chromium at {executable} did not start: {error}")
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture(scope="module")
def served_workspace() -> Workspace:
    """The workspace the notebook opens; a test module overrides this fixture to choose another."""
    return example_workspace()


def _serving(
    start: Callable[[Path, Path], Server],
    tmp_path_factory: pytest.TempPathFactory,
    workspace: Workspace,
) -> Iterator[Server]:
    """A server started on a fresh folder holding ``workspace``, stopped afterwards."""
    folder = tmp_path_factory.mktemp("served")
    server = start(folder, serving_folder(folder, lambda path: save_workspace(workspace, path)))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def lab_server(
    tmp_path_factory: pytest.TempPathFactory, served_workspace: Workspace, browser: Any
) -> Iterator[Server]:
    """A fresh JupyterLab for this module, so no kernel is shared with another module."""
    yield from _serving(start_jupyterlab, tmp_path_factory, served_workspace)


@pytest.fixture(scope="module")
def voila_server(
    tmp_path_factory: pytest.TempPathFactory, served_workspace: Workspace, browser: Any
) -> Iterator[Server]:
    """A fresh Voila serving the decision notebook as an app."""
    yield from _serving(start_voila, tmp_path_factory, served_workspace)


@pytest.fixture(scope="module")
def example_lab_server(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[Server]:
    """JupyterLab whose notebook opens the bundled example in memory (no workspace file)."""
    yield from _serving(
        lambda folder, path: start_jupyterlab(folder, path, in_memory=True),
        tmp_path_factory,
        Workspace(),
    )


@pytest.fixture(scope="module")
def example_voila_server(
    tmp_path_factory: pytest.TempPathFactory, browser: Any
) -> Iterator[Server]:
    """Voila whose notebook opens the bundled example in memory (no workspace file)."""
    yield from _serving(
        lambda folder, path: start_voila(folder, path, in_memory=True),
        tmp_path_factory,
        Workspace(),
    )


@pytest.fixture
def page_events() -> PageEvents:
    return PageEvents()


@pytest.fixture
def page(browser: Any, page_events: PageEvents, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A page in a fresh context that may only talk to 127.0.0.1, recording every dialog.

    When the test fails, the page as it was is saved to ``test-artifacts/FAILED-<test>.png``.
    """
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(UI_TIMEOUT_MS)

    def only_local(route: Any) -> None:
        url = route.request.url
        page_events.requests.append(url)
        parts = urlsplit(url)
        if parts.scheme in {"data", "blob"} or parts.hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            page_events.blocked_requests.append(url)
            route.abort()

    def on_dialog(dialog: Any) -> None:
        page_events.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    context.route("**/*", only_local)
    new_page = context.new_page()
    new_page.on("dialog", on_dialog)
    new_page.on("pageerror", lambda error: page_events.page_errors.append(str(error)))
    try:
        yield new_page
        report = getattr(request.node, "report_call", None)
        if report is not None and report.failed:
            name = "".join(c if c.isalnum() or c in "-_" else "-" for c in request.node.name)
            new_page.screenshot(path=str(artifact(f"FAILED-{name}.png")), full_page=True)
    finally:
        context.close()


@pytest.fixture
def screenshot(page: Any) -> Callable[[str], Path]:
    """Save the page as ``test-artifacts/<name>.png`` and return the path."""

    def take(name: str) -> Path:
        path = artifact(f"{name}.png")
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
