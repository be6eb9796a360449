"""What the browser tests share: the servers, and driving JupyterLab and the app in a page.

Plain functions and classes; the fixtures that use them live in ``conftest.py``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tools.servers import (
    NotServingError,
    free_port,
    stop_server,
    wait_until_serving,
)

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
DECIDE_NOTEBOOK = REPO / "notebooks" / "decide.ipynb"
DOCS_SCREENSHOT = REPO / "docs" / "images" / "app.png"
BIN = Path(sys.executable).parent
TOKEN = "followup-browser-tests"

# Tall, because full-page screenshots do not grow beyond the viewport in headless Chromium here.
VIEWPORT = {"width": 1400, "height": 2000}
SERVER_START_SECONDS = 60
# A fresh kernel renders the notebook in a few seconds; leave room for a slow CI machine.
UI_TIMEOUT_MS = 60_000
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
VERDICTS = ("UNDECIDED", "PASS", "FAIL")  # UNDECIDED first: it contains no other verdict

# JupyterLab user settings for the test server: no news or update checks (no network, no
# toast over the page) and no autosave (the copied notebook stays as it was copied).
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
}


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def unavailable(reason: str) -> None:
    """Skip for lack of a browser, except in CI, where that is a failure."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: the browser tests must run)", pytrace=False)
    pytest.skip(reason)


def artifact(name: str) -> Path:
    """A path in ``test-artifacts/`` (ignored by git), created on first use."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name


# ---------------------------------------------------------------------------
# servers


@dataclass
class Server:
    """A server process started for one test module, stopped by its process id."""

    name: str
    process: subprocess.Popen[bytes]
    port: int
    folder: Path
    workspace_path: Path
    log_path: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        stop_server(self.process)


def serving_folder(folder: Path, save: Any) -> Path:
    """Copy the decision notebook into ``folder``; ``save(path)`` writes the workspace there."""
    shutil.copy2(DECIDE_NOTEBOOK, folder / DECIDE_NOTEBOOK.name)
    workspace_path = folder / "workspaces" / "search.json"
    workspace_path.parent.mkdir()
    save(workspace_path)
    return workspace_path


def _environment(folder: Path, workspace_path: Path, *, in_memory: bool) -> dict[str, str]:
    env = dict(os.environ)
    # The checkout under test, also when followup is not installed into the environment.
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    # Empty: the notebook opens the bundled example in memory, with no file.
    env["FOLLOWUP_WORKSPACE"] = "" if in_memory else str(workspace_path)
    env.pop("MPLBACKEND", None)  # the kernel's own inline backend
    # Jupyter's per-user folders inside the test folder: no user configuration leaks in and
    # no state is left behind.
    for variable, name in (
        ("JUPYTER_CONFIG_DIR", "config"),
        ("JUPYTER_RUNTIME_DIR", "runtime"),
        ("JUPYTERLAB_SETTINGS_DIR", "lab-settings"),
        ("JUPYTERLAB_WORKSPACES_DIR", "lab-workspaces"),
        ("IPYTHONDIR", "ipython"),
    ):
        path = folder / ".jupyter" / name
        path.mkdir(parents=True, exist_ok=True)
        env[variable] = str(path)
    for relative, settings in LAB_SETTINGS.items():
        target = Path(env["JUPYTERLAB_SETTINGS_DIR"]) / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(settings), encoding="utf-8")
    return env


def _wait_until_serving(server: Server, probe_url: str) -> None:
    try:
        wait_until_serving(
            server.process, probe_url, name=server.name, seconds=SERVER_START_SECONDS
        )
    except NotServingError as refusal:
        server.stop()
        pytest.fail(f"{refusal}:\n{server.log()[-4000:]}")


def _start(
    name: str,
    command: list[str],
    folder: Path,
    workspace_path: Path,
    port: int,
    *,
    in_memory: bool,
) -> Server:
    log_path = artifact(f"{name}-{folder.name}.log")
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command,
            cwd=folder,
            env=_environment(folder, workspace_path, in_memory=in_memory),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # a process group of its own, kernels included
        )
    return Server(name, process, port, folder, workspace_path, log_path)


def start_jupyterlab(folder: Path, workspace_path: Path, *, in_memory: bool = False) -> Server:
    """JupyterLab serving ``folder``; the notebook opens ``workspace_path``, or with
    ``in_memory`` the bundled example (no file at all)."""
    port = free_port()
    command = [
        str(BIN / "jupyter"), "lab",
        "--no-browser",
        "--allow-root",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={TOKEN}",
        f"--ServerApp.root_dir={folder}",
    ]  # fmt: skip
    server = _start("jupyterlab", command, folder, workspace_path, port, in_memory=in_memory)
    _wait_until_serving(server, f"{server.base_url}/api/status?token={TOKEN}")
    return server


def start_voila(folder: Path, workspace_path: Path, *, in_memory: bool = False) -> Server:
    """Voila serving the decision notebook as an app (``in_memory``: as for JupyterLab)."""
    port = free_port()
    command = [
        str(BIN / "voila"), DECIDE_NOTEBOOK.name,
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--show_tracebacks=True",
        # Voila keeps a kernel per page load; the tests stop the server, this is the net.
        "--MappingKernelManager.cull_idle_timeout=120",
        "--MappingKernelManager.cull_interval=30",
    ]  # fmt: skip
    server = _start("voila", command, folder, workspace_path, port, in_memory=in_memory)
    _wait_until_serving(server, f"{server.base_url}/voila/static/favicon.ico")
    return server


# ---------------------------------------------------------------------------
# pages


@dataclass
class PageEvents:
    """What happened in a page that a test may want to refuse: dialogs, errors, foreign requests."""

    dialogs: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    blocked_requests: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


STDERR_OUTPUT = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'


def open_in_jupyterlab(page: Any, server: Server) -> None:
    """Open the decision notebook, wait for its kernel, Run All, and wait for the app."""
    page.goto(f"{server.base_url}/lab/tree/{DECIDE_NOTEBOOK.name}?token={TOKEN}")
    wait_for_idle_kernel(page)
    # Fold the file browser away: the app gets the width, the screenshots show the app. (On a
    # narrow screen JupyterLab starts with it folded.)
    file_browser = page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current")
    if file_browser.count():
        file_browser.click()
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    # The app, or the traceback of a cell that failed: whichever comes first.
    page.locator(f".followup-app, {STDERR_OUTPUT}").first.wait_for()
    wait_for_idle_kernel(page)
    errors = [t for t in page.locator(STDERR_OUTPUT).all_inner_texts() if "Error" in t]
    assert errors == [], "a cell of the notebook failed:\n" + "\n".join(errors)
    page.locator(".followup-app").first.wait_for()


def wait_for_idle_kernel(page: Any) -> None:
    page.locator("#jp-main-statusbar").get_by_text("Python 3 (ipykernel) | Idle").wait_for()


def open_in_voila(page: Any, server: Server) -> None:
    """Open the app and wait for it; a failed cell shows its traceback in Voila (see the server)."""
    page.goto(f"{server.base_url}/")
    page.locator(f".followup-app, {STDERR_OUTPUT}, .jp-OutputArea-output pre").first.wait_for()
    errors = [t for t in page.locator(".jp-OutputArea-output").all_inner_texts() if "Error" in t]
    assert errors == [], "a cell of the notebook failed:\n" + "\n".join(errors)
    page.locator(".followup-app").first.wait_for()


def reset_workspace(server: Server, workspace: Any) -> None:
    """Put ``workspace`` in the served file: the next page opened starts from it.

    A module's tests share its server; each test that changes the file starts afresh.
    """
    from followup import save_workspace

    save_workspace(workspace, server.workspace_path, force=True)


def open_app(page: Any, server: Server, *, width: int | None = None) -> None:
    """Open the app in the front end ``server`` is (Voila, or JupyterLab with Run All).

    ``width``: the page's width in pixels (the tall viewport of the tests is kept).
    """
    if width is not None:
        page.set_viewport_size({"width": width, "height": VIEWPORT["height"]})
    (open_in_voila if server.name == "voila" else open_in_jupyterlab)(page, server)


def outside_the_page(page: Any, locator: Any) -> list[str]:
    """The elements of ``locator`` shown partly or wholly beyond the page's left or right edge.

    Such a control cannot be reached without scrolling sideways (or not at all when its
    container clips it). Hidden elements (no box) are not counted.
    """
    width = page.evaluate("() => document.documentElement.clientWidth")
    found: list[str] = locator.evaluate_all(
        """(elements, width) => elements.filter((element) => {
            const box = element.getBoundingClientRect();
            return box.width > 0 && (box.left < 0 || box.right > width + 1);
        }).map((element) => element.outerHTML.slice(0, 120))""",
        width,
    )
    return found


def press_button(button: Any) -> None:
    """Activate a button from the keyboard (focus, Enter), as a keyboard user does.

    A mouse click is a press and a release at one place on the screen; while the kernel
    redraws a chart the notebook may shift under the pointer between the two, and the click
    is lost. A key press on the focused button cannot miss.
    """
    button.focus()
    button.press("Enter")


def verdict_word(text: str) -> str:
    """PASS, FAIL or UNDECIDED, as the verdict widget says it."""
    return next((word for word in VERDICTS if word in text.upper()), f"no verdict in {text!r}")


def wait_until(predicate: Any, *, timeout: float = 20.0, what: str = "condition") -> Any:
    """Poll ``predicate`` until it returns something true; fail naming ``what`` after a while."""
    deadline = time.monotonic() + timeout
    while True:
        result = predicate()
        if result:
            return result
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.1)


# ---------------------------------------------------------------------------
# the app in a page (the same DOM in JupyterLab and in Voila)


class AppPage:
    """The decision app in a page, found by its stable ``followup-*`` DOM classes."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.root = page.locator(".followup-app").first

    def find(self, selector: str) -> Any:
        return self.root.locator(selector)

    def text(self, selector: str) -> str:
        text: str = self.find(selector).first.inner_text()
        return text

    def select_opportunity(self, opportunity: Any) -> None:
        """Pick an opportunity in the list and wait until the T shows its factors."""
        row = self.find(".followup-opportunity-row").filter(has_text=opportunity.company).first
        chart = self.chart_source()
        changed = not row.evaluate("(row) => row.classList.contains('followup-selected')")
        press_button(row.locator(".followup-pick"))
        # Rows are reused, and each field of a row arrives in a message of its own: wait until
        # every label and weight shows the new opportunity before touching any of them.
        wanted = [
            [(f.label, f.weight) for f in opportunity.pluses],
            [(f.label, f.weight) for f in opportunity.minuses],
        ]
        wait_until(
            lambda: [self.factors("plus"), self.factors("minus")] == wanted,
            what=f"the T of {opportunity.company}",
        )
        if changed:
            self.wait_for_redraw(chart)

    def wait_for_redraw(self, chart_before: str) -> None:
        """Wait until the kernel has redrawn the T (the chart comes last), and a moment more.

        One change at a time: under load, a change sent while the kernel is still busy with
        the previous one was at times held back by the page until the next change (seen in
        JupyterLab), so every step lets the kernel finish before the next.
        """
        wait_until(
            lambda: self.chart_source() not in {chart_before, ""}, what="the T chart to redraw"
        )
        if self.page.locator("#jp-main-statusbar").count():
            wait_for_idle_kernel(self.page)
        self.page.wait_for_timeout(300)

    def open_tab(self, title: str) -> None:
        self.find(".followup-tabs .lm-TabBar-tab").filter(has_text=title).first.click()

    def verdict(self) -> str:
        return verdict_word(self.text(".followup-verdict"))

    def balance(self) -> int:
        return int(self.text(".followup-balance").split()[-1])

    def chart_source(self) -> str:
        source: str = self.find(".followup-t-chart").first.get_attribute("src") or ""
        return source

    def weight_row(self, side: str, position: int) -> Any:
        """The ``position``-th factor row (0 first) of the pluses or the minuses column."""
        column = ".followup-pluses" if side == "plus" else ".followup-minuses"
        return self.find(f"{column} .followup-factor-row").nth(position)

    def press_until_the_verdict_flips(
        self, side: str, position: int, key: str, *, threshold: float = 0
    ) -> int:
        """Press ``key`` on a factor's weight slider until the verdict changes; return the presses.

        Each press moves the weight, and so the balance, by one. Before the next press the
        page must show the balance and the verdict the kernel computes for it: the two are
        separate widgets and may arrive one after the other.
        """
        verdict, balance = self.verdict(), self.balance()
        handle = self.weight_row(side, position).locator(".followup-weight .noUi-handle")
        handle.focus()
        step = (1 if key == "ArrowRight" else -1) * (1 if side == "plus" else -1)
        for presses in range(1, 10):
            chart = self.chart_source()
            handle.press(key)
            expected = balance + step * presses
            word = (
                "PASS" if expected > threshold else "UNDECIDED" if expected == threshold else "FAIL"
            )
            shown_balance = re.compile(re.escape(f"{expected:+d}") + "$")
            self.find(".followup-balance").filter(has_text=shown_balance).wait_for()
            self.find(".followup-verdict").filter(has_text=re.compile(rf"^{word}\b")).wait_for()
            self.wait_for_redraw(chart)
            if word != verdict:
                return presses
        pytest.fail(f"the verdict stayed {verdict} after 9 presses of {key}")

    def labels(self, side: str) -> list[str]:
        return [label for label, _ in self.factors(side)]

    def factors(self, side: str) -> list[tuple[str, int]]:
        """(label, weight) of each row of a column, as the page shows them."""
        column = ".followup-pluses" if side == "plus" else ".followup-minuses"
        shown: list[tuple[str, str]] = self.find(column).evaluate(
            """(column) => [...column.querySelectorAll('.followup-factor-row')].map((row) => [
                row.querySelector('.followup-factor-label input').value,
                row.querySelector('.followup-weight .widget-readout').innerText,
            ])"""
        )
        return [
            (label, int(weight)) if weight.strip().isdigit() else (label, -1)
            for label, weight in shown
        ]

    def add_factor(self, side: str, label: str) -> None:
        """Click the add button of a column, then name the new (last) factor."""
        column = ".followup-pluses" if side == "plus" else ".followup-minuses"
        inputs = self.find(f"{column} .followup-factor-label input")
        before = inputs.count()
        chart = self.chart_source()
        press_button(self.find(f".followup-add-{side}"))
        wait_until(lambda: inputs.count() == before + 1, what=f"a new {side} row")
        new = inputs.nth(before)
        # The row comes first, its suggested label after: type over the label, not before it.
        wait_until(lambda: new.input_value(), what=f"the new {side}'s suggested label")
        self.wait_for_redraw(chart)
        new.fill(label)  # sent as typed; saved a second after the last key


# ---------------------------------------------------------------------------
# the flows both JupyterLab and Voila go through


def saved_opportunity(server: Server, company: str) -> Any:
    """The opportunity of ``company`` as the workspace file on disk holds it now."""
    from followup import load_workspace

    workspace = load_workspace(server.workspace_path)
    return next(o for o in workspace.opportunities if o.company == company)


def saved_weight(server: Server, company: str, label: str) -> int | None:
    factors = saved_opportunity(server, company).factors
    return next((f.weight for f in factors if f.label == label), None)


def weigh_until_the_verdict_flips(app: AppPage, server: Server, company: str) -> None:
    """Raise the first minus with the keyboard until the verdict flips; check the T and the file."""
    app.select_opportunity(saved_opportunity(server, company))
    assert app.verdict() == "PASS"
    chart_before = app.chart_source()
    minus = app.labels("minus")[0]
    weight_before = saved_weight(server, company, minus)
    assert weight_before is not None

    presses = app.press_until_the_verdict_flips("minus", 0, "ArrowRight")

    assert app.verdict() in {"UNDECIDED", "FAIL"}
    wait_until(lambda: app.chart_source() not in {chart_before, ""}, what="the T chart to redraw")
    wait_until(
        lambda: saved_weight(server, company, minus) == weight_before + presses,
        what=f"the file to hold {minus!r} at weight {weight_before + presses}",
    )
    wait_until(lambda: "saved" in app.text(".followup-save-status"), what="the save status")


def add_a_plus(app: AppPage, server: Server, company: str, label: str) -> None:
    """Add a plus to the selected opportunity and name it; check that the file has it."""
    app.add_factor("plus", label)
    wait_until(lambda: saved_weight(server, company, label), what=f"{label!r} in the file")
    assert label in app.labels("plus")


def draft_and_export_a_note(app: AppPage, server: Server, company: str, greeting: str) -> Path:
    """Open the follow-up of a passing opportunity, check the draft, export it as .eml."""
    app.select_opportunity(saved_opportunity(server, company))
    app.open_tab("Follow-up")
    draft = app.find(".followup-draft textarea")
    wait_until(lambda: greeting in draft.input_value(), what="the thank-you draft")

    press_button(app.find(".followup-export-eml"))

    status = app.find(".followup-export-status")
    status.filter(has_text=".eml").wait_for()
    exported = Path(status.inner_text().strip().removeprefix("Saved ").strip())
    assert exported.is_file()
    assert exported.is_relative_to(server.folder)
    assert greeting in exported.read_text(encoding="utf-8")
    return exported


def run_the_decision_flow(
    app: AppPage, server: Server, screenshot: Callable[[str], object], prefix: str
) -> None:
    """Flip Initech's verdict, add it a plus, then draft and export Northwind's note.

    A screenshot ``<prefix>-1-…`` to ``<prefix>-3-…`` is taken after each step.
    """
    weigh_until_the_verdict_flips(app, server, "Initech")
    screenshot(f"{prefix}-1-verdict-flipped")

    add_a_plus(app, server, "Initech", "Walk to the office in ten minutes")
    screenshot(f"{prefix}-2-plus-added")

    draft_and_export_a_note(app, server, "Northwind Health", "Dear Priya")
    screenshot(f"{prefix}-3-note-exported")
