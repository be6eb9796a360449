"""A newcomer's way through the app, in Voila and in JupyterLab, 1400 px and 400 px wide.

Each test opens the app as a person meeting it for the first time would, and checks what
that person sees: the name asked on a first run, an opportunity added in place, a T built
from nothing and weighed with the keyboard, a refusal in plain words and in red, the list
with its verdicts, next steps, search and closed group, and Compare. The example (no file)
says that nothing is kept and saves as a file on request. Every "saved" is checked by
reading the workspace file from disk; at both widths every control the test uses lies
inside the page, where a person can reach it.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest

from followup import Workspace, example_workspace, load_workspace
from tests.browser.browser_support import (
    AppPage,
    PageEvents,
    Server,
    artifact,
    open_app,
    outside_the_page,
    press_button,
    reset_workspace,
    saved_opportunity,
    wait_until,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WHERE_AND_WIDTH = [
    pytest.param(where, width, id=f"{where}-{width}")
    for where in ("voila", "jupyterlab")
    for width in (1400, 400)
]
NAME = "Alex Rivera"
COMPANY, ROLE = "Contoso", "Data Analyst"
PLUS, MINUS = "Team I would learn from", "Long commute"
BAD_EMAIL = "dana.li@cont"
RED = "rgb(179, 38, 30)"  # the app's red for refusals (look.py)


def newcomer_workspace() -> Workspace:
    """The example's opportunities, but nobody's name yet: a first run."""
    return dataclasses.replace(example_workspace(), owner=None)


@pytest.fixture(scope="module")
def served_workspace() -> Workspace:
    return newcomer_workspace()


def server_for(request: pytest.FixtureRequest, where: str, *, example: bool = False) -> Server:
    prefix = "example_" if example else ""
    server: Server = request.getfixturevalue(
        f"{prefix}{'lab' if where == 'jupyterlab' else where}_server"
    )
    return server


def reachable(page: Any, control: Any) -> Any:
    """``control`` once it is shown, after checking that it lies inside the page's width."""
    control.first.wait_for()
    assert outside_the_page(page, control) == []
    return control


def use_row(app: AppPage, *, closed: bool = False) -> Any:
    box = ".followup-closed-list" if closed else ".followup-opportunity-list"
    return app.find(f"{box} .followup-opportunity-row")


@pytest.mark.parametrize(("where", "width"), WHERE_AND_WIDTH)
def test_a_newcomer_names_themself_adds_weighs_corrects_finds_closes_and_compares(
    where: str,
    width: int,
    request: pytest.FixtureRequest,
    page: Any,
    page_events: PageEvents,
) -> None:
    server = server_for(request, where)
    # Every test is a first run: the module's server, on a fresh copy of the workspace.
    reset_workspace(server, newcomer_workspace())
    open_app(page, server, width=width)
    app = AppPage(page)
    opportunities_at_start = len(newcomer_workspace().opportunities)

    # The first run asks for the person's name; it is kept in the file and the question goes.
    first_run = app.find(".followup-first-run")
    first_run.get_by_text("What is your name?").wait_for()
    reachable(page, app.find(".followup-first-name input")).fill(NAME)
    press_button(reachable(page, app.find(".followup-first-name-save")))
    first_run.wait_for(state="hidden")
    wait_until(
        lambda: (owner := load_workspace(server.workspace_path).owner) and owner.name == NAME,
        what="the name in the workspace file",
    )

    # Add asks for company and role in place; the new row shows them, selected, with an empty T.
    reachable(page, app.find(".followup-new-company input")).fill(COMPANY)
    reachable(page, app.find(".followup-new-role input")).fill(ROLE)
    press_button(reachable(page, app.find(".followup-add-opportunity")))
    new_row = use_row(app).filter(has_text=f"{COMPANY} — {ROLE}")
    new_row.wait_for()
    wait_until(
        lambda: "followup-selected" in (new_row.get_attribute("class") or ""),
        what="the new row to be selected",
    )
    wait_until(lambda: app.factors("plus") == app.factors("minus") == [], what="an empty T")
    new_company = app.find(".followup-new-company input")
    wait_until(lambda: new_company.input_value() == "", what="the add form to empty")
    added = saved_opportunity(server, COMPANY)
    assert (added.role, added.factors) == (ROLE, ())

    # A plus and a minus, named; the same weight on each side: undecided.
    app.add_factor("plus", PLUS)
    app.add_factor("minus", MINUS)
    wait_until(
        lambda: app.labels("plus") == [PLUS] and app.labels("minus") == [MINUS],
        what="the two named factors",
    )
    wait_until(
        lambda: {f.label for f in saved_opportunity(server, COMPANY).factors} == {PLUS, MINUS},
        what="both labels in the file",
    )
    verdict = app.find(".followup-verdict")
    assert app.verdict() == "UNDECIDED"
    assert "followup-verdict-undecided" in (verdict.get_attribute("class") or "")
    row_badge = new_row.locator(".followup-list-verdict")
    assert row_badge.inner_text().strip().upper() == "UNDECIDED"

    # The plus raised by one with the keyboard: the badge says PASS, in the T and in the list.
    reachable(page, app.weight_row("plus", 0).locator(".followup-weight .noUi-handle"))
    assert app.press_until_the_verdict_flips("plus", 0, "ArrowRight") == 1
    assert app.verdict() == "PASS"
    assert "followup-verdict-pass" in (verdict.get_attribute("class") or "")
    wait_until(lambda: row_badge.inner_text().strip().upper() == "PASS", what="the list's badge")
    wait_until(
        lambda: [f.weight for f in saved_opportunity(server, COMPANY).pluses] == [6],
        what="the new weight in the file",
    )
    reachable(page, app.find(".followup-factor-label input"))
    reachable(page, app.find(".followup-add-plus, .followup-add-minus"))

    # A refused value is said in plain words naming the field as shown, in red.
    app.open_tab("Details & notes")
    reachable(page, app.find(".followup-new-interviewer-name input")).fill("Dana Li")
    press_button(reachable(page, app.find(".followup-add-interviewer")))
    email = app.find(".followup-interviewer .followup-contact-email input").first
    reachable(page, email).fill(BAD_EMAIL)
    refusal = app.find(".followup-interviewer .followup-field-error").filter(has_text=BAD_EMAIL)
    refusal.wait_for()
    words = refusal.inner_text()
    assert "Interviewer 1" in words and "e-mail" in words, words
    for code in ("interviewers[", "email", "None"):
        assert code not in words, f"{code!r} in {words!r}"
    assert refusal.evaluate("(element) => getComputedStyle(element).color") == RED
    assert saved_opportunity(server, COMPANY).interviewers[0].email is None

    # The list: a verdict and a next step on every row; search narrows it.
    rows = use_row(app)
    assert rows.count() == opportunities_at_start + 1
    for index in range(rows.count()):
        row = rows.nth(index)
        assert row.locator(".followup-list-verdict").inner_text().strip().upper() in {
            "PASS",
            "FAIL",
            "UNDECIDED",
        }
        assert row.locator(".followup-next-words").inner_text().strip()
    search = reachable(page, app.find(".followup-search input"))
    search.fill("contoso")
    wait_until(lambda: rows.count() == 1, what="the search to narrow the list")
    assert COMPANY in rows.first.inner_text()
    search.fill("")
    wait_until(lambda: rows.count() == opportunities_at_start + 1, what="the whole list back")

    # Closed: the opportunity moves to the "Closed" group under the open ones.
    app.open_tab("Follow-up")
    press_button(reachable(page, app.find(".followup-record-closed")))
    closed_group = app.find(".followup-closed")
    closed_group.get_by_text("Closed (1)").wait_for()
    wait_until(lambda: rows.count() == opportunities_at_start, what="the row to leave the list")
    assert COMPANY not in " ".join(rows.all_inner_texts())
    closed_group.get_by_text("Closed (1)").click()
    use_row(app, closed=True).filter(has_text=COMPANY).wait_for()
    assert saved_opportunity(server, COMPANY).event("closed") is not None

    # Compare: a row per opportunity in the score table, and the three charts.
    app.open_tab("Compare")
    table_rows = app.find(".followup-score-table tbody tr")
    wait_until(
        lambda: table_rows.count() == opportunities_at_start + 1, what="a row per opportunity"
    )
    assert any(COMPANY in text for text in table_rows.all_inner_texts())
    for chart in ("balance", "category", "robustness"):
        image = app.find(f".followup-{chart}-chart")
        wait_until(
            lambda image=image: image.evaluate("(i) => i.complete && i.naturalWidth > 0"),
            what=f"the {chart} chart",
        )
    reachable(page, app.find(".followup-tabs .lm-TabBar-tab"))

    page.screenshot(path=str(artifact(f"flows-{where}-{width}.png")), full_page=True)
    assert page_events.dialogs == []
    assert page_events.page_errors == []


@pytest.mark.parametrize(("where", "width"), WHERE_AND_WIDTH)
def test_the_example_says_nothing_is_kept_and_saves_as_a_file(
    where: str,
    width: int,
    request: pytest.FixtureRequest,
    page: Any,
    page_events: PageEvents,
) -> None:
    server = server_for(request, where, example=True)
    open_app(page, server, width=width)
    app = AppPage(page)

    notice = app.find(".followup-notice")
    notice.filter(has_text="nothing you change here is kept").wait_for()
    assert app.find(".followup-first-run").is_hidden()  # the example has its owner's name
    save_as = reachable(page, app.find(".followup-save-as"))
    assert "Save as a file" in save_as.inner_text()

    name = f"kept-{where}-{width}.json"
    reachable(page, app.find(".followup-save-as-path input")).fill(name)
    press_button(save_as)
    notice.filter(has_text=re.compile(r"^Saved as ")).wait_for()
    kept = Path(notice.inner_text().removeprefix("Saved as ").split(". From now on")[0])
    assert kept.name == name and kept.is_relative_to(server.folder)
    assert [o.company for o in load_workspace(kept).opportunities] == [
        o.company for o in example_workspace().opportunities
    ]
    app.find(".followup-example-bar").wait_for(state="hidden")
    assert "saved" in app.text(".followup-save-status")

    page.screenshot(path=str(artifact(f"flows-example-{where}-{width}.png")), full_page=True)
    assert page_events.dialogs == []
    assert page_events.page_errors == []
