"""The app in a real browser: Voila as ``followup app`` serves it, driven by Chromium.

Four things a person waits for, each timed inside the page (``performance.now()``,
so Playwright's own round trips are left out), medians of several runs:

- **opened → interactive**, with a cold kernel: from the start of the page's
  navigation until the page shows the kernel's answer to a key press on a
  weight slider of the T, the key being pressed as soon as the T's verdict
  badge (``.followup-verdict`` holding PASS, FAIL or UNDECIDED) and a weight
  slider's handle (``.followup-weight .noUi-handle``) are on the page. The
  answer is the balance (``.followup-balance``) showing the new sum. Every
  page load starts a kernel of its own (Voila keeps no kernel ready), so each
  run is a cold kernel; the first open after the server starts (cold caches
  as well) is reported on its own. Baseline: the same Voila, started the same
  way, rendering a one-cell notebook that shows an ``ipywidgets.Label``,
  until the label is on the page.
- **switching opportunity** at 50 opportunities × 30 factors: from the key
  press (Enter) on a row of the list until the T shows that opportunity: its
  title, every weight readout, the balance and a new chart; and, on its own,
  until its rows and verdict show (the chart follows).
- **Compare tab complete** at 50 opportunities × 30 factors: from the press on
  the tab's title until the score table has a row per opportunity and the
  three charts are drawn (loaded images), on first sight (a fresh page, the
  tab built and drawn for the first time). Drawn again after a weight change
  is measured in the process (``bench_charts``): in the page, a redrawn chart
  cannot be told from one that happens to look the same.
- **slider moved → T updated**: from the key press on a weight slider's handle
  until the balance shows the new sum and the T chart is a new, loaded image,
  on the bundled example and at 50 × 30.

The interactions are compared with the floor of any widget interaction in
the same Voila: a slider whose value a kernel handler copies into a Label
(key press → label updated), and with the 100 ms under which a change feels
instant. Skipped, with the reason, without Chromium or Playwright.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import statistics
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from timing import Measurement, Section, milliseconds
from workloads import SyntheticSearch

from followup.charts.style import VERDICT_WORDS
from followup.cli.app import TOKEN_FILE_VARIABLE, WORKSPACE_VARIABLE, app_notebook, voila_command
from followup.decide.scoring import verdict_for
from followup.storage.files import example_workspace, save_workspace
from tools.servers import (
    CHROMIUM_ARGS,
    NotServingError,
    chromium_executable,
    free_port,
    stop_server,
    wait_until_serving,
)

__all__ = ["run"]

ROOT = Path(__file__).resolve().parent.parent
OPEN_GOAL = 3.0
COMPARE_GOAL = 1.0
INSTANT = 0.100  # the goal of a switch and of a slider move: a change that feels instant
TOKEN = "followup-benchmark"
TIMEOUT_MS = 60_000
VIEWPORT = {"width": 1400, "height": 900}


def _notebook(source: str) -> dict[str, Any]:
    notebook = app_notebook()
    notebook["cells"][0]["source"] = source.splitlines(keepends=True)
    return notebook


LABEL_NOTEBOOK = _notebook("import ipywidgets\nipywidgets.Label('The baseline is on the page')")
ECHO_NOTEBOOK = _notebook(
    "import ipywidgets\n"
    "slider = ipywidgets.IntSlider(value=5, min=1, max=10)\n"
    "echo = ipywidgets.Label('5')\n"
    "echo.add_class('echo')\n"
    "slider.observe(lambda change: setattr(echo, 'value', str(change['new'])), 'value')\n"
    "ipywidgets.VBox([slider, echo])"
)

# In the page: resolve with performance.now() when ``test()`` first holds. A MutationObserver
# wakes the test on every change of the page; the animation-frame loop is a safety net.
_WATCH = """
window.followupWatch = (test) => new Promise((resolve) => {
  let done = false;
  const check = () => {
    if (done) return;
    let ok = false;
    try { ok = test(); } catch (error) { ok = false; }
    if (ok) { done = true; observer.disconnect(); resolve(performance.now()); }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, {subtree: true, childList: true, attributes: true,
                              characterData: true});
  const frame = () => { check(); if (!done) requestAnimationFrame(frame); };
  frame();
  // An image counts once it is decoded: check again when any image finishes loading.
  document.addEventListener('load', check, true);
});
window.followupPressedAt = null;
for (const kind of ['keydown', 'pointerdown']) {
  document.addEventListener(kind, (event) => { window.followupPressedAt = performance.now(); },
                            true);
}
"""

# The app's interactive state, watched from the first byte of the page (an init script).
_OPENED = """
window.followupReadyAt = null;
window.followupAnsweredAt = null;
(() => {
  const verdict = () => {
    const badge = document.querySelector('.followup-verdict');
    return badge && /^(PASS|FAIL|UNDECIDED)/.test(badge.innerText.trim());
  };
  const ready = () => verdict() && document.querySelector('.followup-weight .noUi-handle');
  window.followupWatch(ready).then((at) => {
    window.followupReadyAt = at;
    const shown = document.querySelector('.followup-balance').innerText;
    window.followupWatch(
      () => document.querySelector('.followup-balance').innerText !== shown
    ).then((answered) => { window.followupAnsweredAt = answered; });
  });
})();
"""

_LABEL_SHOWN = """
window.followupReadyAt = null;
window.followupWatch(() => [...document.querySelectorAll('.widget-label')]
  .some((label) => label.innerText.includes('The baseline is on the page'))
).then((at) => { window.followupReadyAt = at; });
"""


# ---------------------------------------------------------------------------
# servers and pages


@dataclass
class _Voila:
    """One Voila serving one notebook, started as ``followup app`` starts it."""

    process: subprocess.Popen[bytes]
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/?token={TOKEN}"

    def stop(self) -> None:
        stop_server(self.process)


def _serve(folder: Path, name: str, notebook: dict[str, Any], workspace: Path | None) -> _Voila:
    place = folder / name
    place.mkdir()
    path = place / "followup.ipynb"
    path.write_text(json.dumps(notebook), encoding="utf-8")
    token_file = place / "token"
    token_file.write_text(TOKEN, encoding="utf-8")
    environment = dict(os.environ)
    existing = environment.get("PYTHONPATH")
    environment["PYTHONPATH"] = str(ROOT) + (os.pathsep + existing if existing else "")
    environment[TOKEN_FILE_VARIABLE] = str(token_file)
    environment.pop("JUPYTER_TOKEN", None)
    environment.pop("MPLBACKEND", None)  # the kernel's own inline backend, as for a person
    environment.pop(WORKSPACE_VARIABLE, None)
    if workspace is not None:
        environment[WORKSPACE_VARIABLE] = str(workspace)
    port = free_port()
    log = folder / f"{name}.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            voila_command(path, port=port),
            cwd=place,
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = _Voila(process, port, log)
    try:
        wait_until_serving(
            process, f"http://127.0.0.1:{port}/voila/static/favicon.ico", name=name, seconds=60
        )
    except NotServingError as refusal:
        server.stop()
        raise RuntimeError(f"Voila {refusal}: {log.read_text()[-2000:]}") from None
    return server


@contextlib.contextmanager
def _page(browser: Any, init_script: str = "") -> Iterator[Any]:
    """A page that may only talk to 127.0.0.1, with the watchers installed before any script."""
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(TIMEOUT_MS)

    def only_local(route: Any) -> None:
        url = route.request.url
        local = url.startswith(("http://127.0.0.1", "data:", "blob:"))
        (route.continue_ if local else route.abort)()

    context.route("**/*", only_local)
    context.add_init_script(_WATCH + init_script)
    page = context.new_page()
    try:
        yield page
    finally:
        # The page's unload asks Voila to shut its kernel down.
        with contextlib.suppress(Exception):
            page.close(run_before_unload=True)
        context.close()


def _in_page_seconds(page: Any, name: str) -> float:
    value = page.wait_for_function(f"() => window.{name}", timeout=TIMEOUT_MS).json_value()
    return float(value) / 1000


# ---------------------------------------------------------------------------
# the four waits


def _open_interactive(browser: Any, server: _Voila, reset: Callable[[], object]) -> float:
    reset()
    with _page(browser, _OPENED) as page:
        page.goto(server.url, wait_until="commit")
        handle = page.locator(".followup-weight .noUi-handle").first
        handle.wait_for()
        page.wait_for_function("() => window.followupReadyAt")
        value = int(page.locator(".followup-weight .widget-readout").first.inner_text())
        handle.press("ArrowRight" if value < 10 else "ArrowLeft")
        return _in_page_seconds(page, "followupAnsweredAt")


def _label_shown(browser: Any, server: _Voila) -> float:
    with _page(browser, _LABEL_SHOWN) as page:
        page.goto(server.url, wait_until="commit")
        return _in_page_seconds(page, "followupReadyAt")


def _timed_press(page: Any, press: Callable[[], object], done: str, argument: Any = None) -> float:
    """Seconds from the press (keydown or pointerdown) until ``done`` (JavaScript) holds."""
    return _timed_steps(page, press, [done], argument)[0]


def _timed_steps(
    page: Any, press: Callable[[], object], steps: list[str], argument: Any = None
) -> list[float]:
    """Seconds from the press until each of ``steps`` (JavaScript tests) first holds."""
    page.evaluate(
        "([steps, argument]) => { window.followupPressedAt = null;"
        " window.followupStepsAt = steps.map(() => null);"
        " steps.forEach((step, index) => {"
        "  const test = new Function('argument', 'return (' + step + ')(argument);');"
        "  window.followupWatch(() => window.followupPressedAt !== null && test(argument))"
        "  .then((at) => { window.followupStepsAt[index] = at; }); }); }",
        [steps, argument],
    )
    press()
    page.wait_for_function("() => window.followupStepsAt.every((at) => at !== null)")
    steps_at, pressed_at = page.evaluate("() => [window.followupStepsAt, window.followupPressedAt]")
    return [(float(at) - float(pressed_at)) / 1000 for at in steps_at]


_T_UPDATED = """(before) => {
  const chart = document.querySelector('.followup-t-chart');
  const balance = document.querySelector('.followup-balance').innerText;
  return balance !== before.balance && chart.src !== before.chart && chart.complete
    && chart.naturalWidth > 0;
}"""
_T_ROWS_SHOWN = """(wanted) => {
  const title = document.querySelector('.followup-t-title').innerText.trim();
  const weights = [...document.querySelectorAll('.followup-weight .widget-readout')]
    .filter((readout) => readout.offsetParent !== null).map((readout) => readout.innerText.trim());
  const verdict = document.querySelector('.followup-verdict').innerText;
  return title === wanted.title && JSON.stringify(weights) === JSON.stringify(wanted.weights)
    && verdict.startsWith(wanted.verdict);
}"""
_T_SHOWS = """(wanted) => {
  const title = document.querySelector('.followup-t-title').innerText.trim();
  const weights = [...document.querySelectorAll('.followup-weight .widget-readout')]
    .filter((readout) => readout.offsetParent !== null).map((readout) => readout.innerText.trim());
  const chart = document.querySelector('.followup-t-chart');
  return title === wanted.title && JSON.stringify(weights) === JSON.stringify(wanted.weights)
    && chart.src !== wanted.chart && chart.complete && chart.naturalWidth > 0;
}"""
_COMPARE_COMPLETE = """(rows) => {
  const tab = document.querySelector('.followup-tab-compare');
  if (!tab) return false;
  const table = tab.querySelectorAll('.followup-score-table tbody tr').length === rows;
  const charts = ['.followup-balance-chart', '.followup-category-chart',
                  '.followup-robustness-chart'].map((css) => tab.querySelector(css));
  return table && charts.every((chart) => chart && chart.src && chart.complete
    && chart.naturalWidth > 0 && chart.offsetParent !== null);
}"""


def _t_state(page: Any) -> dict[str, str]:
    state: dict[str, str] = page.evaluate(
        "() => ({balance: document.querySelector('.followup-balance').innerText,"
        " chart: document.querySelector('.followup-t-chart').src})"
    )
    return state


def _slider_moves(page: Any, rounds: int) -> list[float]:
    """Alternate one weight up and down, ``rounds`` times; seconds until the T is updated."""
    handle = page.locator(".followup-weight .noUi-handle").first
    readout = page.locator(".followup-weight .widget-readout").first
    samples = []
    for turn in range(rounds + 1):
        value = int(readout.inner_text())
        key = "ArrowRight" if (turn % 2 == 0 and value < 10) or value == 1 else "ArrowLeft"
        handle.focus()
        seconds = _timed_press(
            page, functools.partial(handle.press, key), _T_UPDATED, _t_state(page)
        )
        if turn:  # the first move warms the chart's drawing up
            samples.append(seconds)
        page.wait_for_timeout(200)
    return samples


def _open_app(page: Any, server: _Voila) -> None:
    page.goto(server.url)
    page.locator(".followup-weight .noUi-handle").first.wait_for()
    page.wait_for_function(
        "() => { const chart = document.querySelector('.followup-t-chart');"
        " return chart && chart.src && chart.complete && chart.naturalWidth > 0; }"
    )


def _switches(page: Any, search: SyntheticSearch, rounds: int) -> tuple[list[float], list[float]]:
    """Pick opportunities in turn from the list; seconds until the T's rows and verdict show
    each, and until its chart does too."""
    workspace = search.workspace()
    threshold = workspace.settings.threshold
    samples, rows_samples = [], []
    for turn in range(rounds + 1):
        opportunity = workspace.opportunities[(turn * 7 + 3) % len(workspace.opportunities)]
        row = page.locator(".followup-opportunity-row").filter(has_text=opportunity.company)
        pick = row.first.locator(".followup-pick")
        pick.focus()
        wanted = {
            "title": f"{opportunity.company} — {opportunity.role}",
            "weights": [str(f.weight) for f in opportunity.pluses]
            + [str(f.weight) for f in opportunity.minuses],
            "chart": _t_state(page)["chart"],
            "verdict": VERDICT_WORDS[verdict_for(opportunity.balance, threshold)],
        }
        rows_shown, seconds = _timed_steps(
            page, functools.partial(pick.press, "Enter"), [_T_ROWS_SHOWN, _T_SHOWS], wanted
        )
        if turn:
            samples.append(seconds)
            rows_samples.append(rows_shown)
        page.wait_for_timeout(200)
    return samples, rows_samples


def _compare_tab(page: Any, rows: int) -> float:
    tab = page.locator(".followup-tabs .lm-TabBar-tab").filter(has_text="Compare").first
    return _timed_press(page, tab.click, _COMPARE_COMPLETE, rows)


def _echo_moves(page: Any, rounds: int) -> list[float]:
    handle = page.locator(".noUi-handle").first
    handle.focus()
    samples = []
    for turn in range(rounds + 1):
        key = "ArrowRight" if turn % 2 == 0 else "ArrowLeft"
        shown = page.locator(".echo").inner_text()
        seconds = _timed_press(
            page,
            functools.partial(handle.press, key),
            "(shown) => document.querySelector('.echo').innerText !== shown",
            shown,
        )
        if turn:
            samples.append(seconds)
        page.wait_for_timeout(100)
    return samples


# ---------------------------------------------------------------------------
# the report


def _median(samples: list[float]) -> float:
    return statistics.median(samples)


def _spread(samples: list[float]) -> str:
    return f"median of {len(samples)}, {milliseconds(min(samples))} to {milliseconds(max(samples))}"


def _measure(browser: Any, folder: Path, quick: bool) -> list[Section]:
    opens = 3 if quick else 7
    moves = 5 if quick else 15
    compares = 2 if quick else 5
    example_file = folder / "example.json"
    large_file = folder / "large.json"
    search = SyntheticSearch(50, 30, seed=7)
    large = search.workspace()
    save_workspace(large, large_file)

    def reset_example() -> None:
        save_workspace(example_workspace(), example_file, force=True)

    reset_example()
    servers: list[_Voila] = []
    try:
        label = _serve(folder, "label", LABEL_NOTEBOOK, None)
        servers.append(label)
        echo = _serve(folder, "echo", ECHO_NOTEBOOK, None)
        servers.append(echo)
        app = _serve(folder, "app", app_notebook(), example_file)
        servers.append(app)
        app_large = _serve(folder, "app-large", app_notebook(), large_file)
        servers.append(app_large)

        first_label = _label_shown(browser, label)
        first_app = _open_interactive(browser, app, reset_example)
        label_times, app_times = [], []
        for _ in range(opens):  # alternating: a busy moment of the machine hits both alike
            label_times.append(_label_shown(browser, label))
            app_times.append(_open_interactive(browser, app, reset_example))

        with _page(browser) as page:
            page.goto(echo.url)
            page.locator(".echo").wait_for()
            echo_times = _echo_moves(page, moves)
        reset_example()
        with _page(browser) as page:
            _open_app(page, app)
            example_moves = _slider_moves(page, moves)
        with _page(browser) as page:
            _open_app(page, app_large)
            large_moves = _slider_moves(page, moves)
            switch_times, switch_rows_times = _switches(page, search, moves)
        compare_first = []
        for _ in range(compares):
            save_workspace(large, large_file, force=True)
            with _page(browser) as page:
                _open_app(page, app_large)
                compare_first.append(_compare_tab(page, len(large.opportunities)))
    finally:
        for server in servers:
            server.stop()

    floor = _median(echo_times)
    opened = Section("Browser: the app opened in Voila, until it answers")
    opened.measurements += [
        Measurement(
            "opened → interactive (cold kernel)",
            _median(app_times),
            "Voila showing one ipywidgets.Label",
            _median(label_times),
            goal=f"≤ {OPEN_GOAL:g} s",
            met=_median(app_times) <= OPEN_GOAL,
            note=f"{_spread(app_times)}; baseline {_spread(label_times)}",
        ),
        Measurement(
            "first open after the server started",
            first_app,
            "first Label page after its server started",
            first_label,
            note="one run each: caches cold as well",
        ),
    ]
    opened.remarks.append(
        "Interactive: the page shows the kernel's answer (the new balance) to a key pressed on a "
        "weight slider as soon as the T's verdict badge and the slider were on the page; timed "
        "from the start of the navigation. Voila starts a kernel for every page load."
    )
    work = Section("Browser: switching, Compare, and a slider, in the page")
    # Each against its goal (the 100 ms under which a change feels instant, or the 1 s the
    # Compare tab may take), then against the floor of any widget interaction in this Voila.
    instant = ("100 ms threshold", INSTANT, "≤ 100 ms")
    compare_goal = ("1 s goal", COMPARE_GOAL, f"≤ {COMPARE_GOAL:g} s")
    for subject, samples, (goal_name, goal, goal_text) in (
        ("switching opportunity, 50 × 30", switch_times, instant),
        ("switching opportunity, 50 × 30: rows and verdict", switch_rows_times, instant),
        ("slider moved → T updated, example", example_moves, instant),
        ("slider moved → T updated, 50 × 30", large_moves, instant),
        ("Compare tab complete, first sight, 50 × 30", compare_first, compare_goal),
    ):
        seconds = _median(samples)
        work.measurements += [
            Measurement(
                subject,
                seconds,
                goal_name,
                goal,
                goal=goal_text,
                met=seconds <= goal,
                note=_spread(samples),
            ),
            Measurement(subject, seconds, "slider → Label round trip", floor),
        ]
    work.remarks.append(
        "Timed inside the page from the key press (or the press on the tab's title) until the "
        "page shows the result, images loaded. The floor is the same Voila's slider → kernel "
        f"handler → Label round trip ({_spread(echo_times)})."
    )
    return [opened, work]


def run(*, quick: bool = False) -> list[Section]:
    sections = [
        Section("Browser: the app opened in Voila, until it answers"),
        Section("Browser: switching, Compare, and a slider, in the page"),
    ]
    executable = chromium_executable()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        executable = None
    if executable is None:
        for section in sections:
            section.skipped = "Chromium or Playwright is missing (see tools/ensure-chromium)"
        return sections
    with (
        tempfile.TemporaryDirectory(prefix="followup-bench-browser-") as folder,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            return _measure(browser, Path(folder), quick)
        finally:
            browser.close()
