"""Every tab of the app, audited with axe-core in Voila and in JupyterLab, and every control
reachable at 400 px in both.

axe-core (through axe-playwright-python) checks what a screen reader and a
keyboard user meet: names of sliders and inputs, contrast, alternative text.
The audit covers the app's own element (``.followup-app``): JupyterLab's menus
and panels around it are JupyterLab's. No serious or critical violation is
allowed on any tab, at 1400 px or 400 px. At 400 px wide every button and input
of the list and of the T lies inside the page (nothing clipped out of reach),
and no tab title is cut.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.browser_support import AppPage, Server, artifact, open_app, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TABS = ("The T", "Debrief", "Details & notes", "Compare", "Follow-up", "Today", "You & settings")


def serious_violations(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context={"include": [[".followup-app"]]})
    # Rules that passed on the app's elements: the audit found the app, not an empty page.
    assert results.response["passes"], "axe found nothing to audit in .followup-app"
    return [
        f"{v['impact']} {v['id']}: {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def open_tab(app: AppPage, title: str) -> None:
    app.open_tab(title)
    panel = app.find(".followup-tabs .widget-tab-contents > .lm-Widget:not(.lm-mod-hidden)")
    wait_until(lambda: panel.first.inner_text().strip(), what=f"the {title} tab to draw")
    app.page.wait_for_timeout(500)


def server_for(request: pytest.FixtureRequest, where: str) -> Server:
    server: Server = request.getfixturevalue("voila_server" if where == "voila" else "lab_server")
    return server


@pytest.mark.parametrize("where", ["voila", "jupyterlab"])
@pytest.mark.parametrize("width", [1400, 400])
def test_no_tab_has_a_serious_accessibility_violation(
    request: pytest.FixtureRequest, page: Any, where: str, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 2000})
    open_app(page, server_for(request, where))
    app = AppPage(page)
    found = {}
    for title in TABS:
        open_tab(app, title)
        found[title] = serious_violations(page)
        name = f"axe-{where}-{width}-{title.split()[0].lower()}.png"
        page.screenshot(path=str(artifact(name)), full_page=True)
    assert found == {title: [] for title in TABS}


@pytest.mark.parametrize("where", ["voila", "jupyterlab"])
def test_at_400_px_every_control_is_reachable_and_no_tab_title_is_cut(
    request: pytest.FixtureRequest, page: Any, where: str
) -> None:
    page.set_viewport_size({"width": 400, "height": 2000})
    open_app(page, server_for(request, where))
    app = AppPage(page)
    app.find(".followup-factor-row").first.wait_for()
    page.wait_for_timeout(500)
    outside = page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            const controls = document.querySelectorAll(
                '.followup-app button, .followup-app input, .followup-app textarea,'
                + ' .followup-app .noUi-handle');
            return [...controls].filter((c) => {
                const box = c.getBoundingClientRect();
                return box.width > 0 && (box.left < 0 || box.right > width + 1);
            }).map((c) => c.outerHTML.slice(0, 120));
        }"""
    )
    assert outside == []
    cut = page.evaluate(
        """() => [...document.querySelectorAll('.followup-tabs .lm-TabBar-tabLabel')]
            .filter((label) => label.scrollWidth > label.clientWidth + 1)
            .map((label) => label.innerText)"""
    )
    assert cut == []
    page.screenshot(path=str(artifact(f"narrow-{where}-400.png")), full_page=True)
