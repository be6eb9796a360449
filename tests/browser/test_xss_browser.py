"""Hostile text in a workspace is shown as text, in JupyterLab and in Voila: no tag, no script.

The workspace puts markup into every kind of field the app shows: the company (in the
list, the headings, the warnings and the tables), the role, a factor's label and category
(in the flip hints), an interviewer's name and the notes (in the draft). The app is opened
on it, every tab is shown, and the page must hold the text literally, with no element,
dialog or request that the markup would have made.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from followup import Contact, Factor, Workspace, example_workspace
from tests.browser.browser_support import (
    AppPage,
    PageEvents,
    Server,
    open_in_jupyterlab,
    open_in_voila,
    wait_until,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

COMPANY = "<img src=x onerror=alert(1)>"
ROLE = "<svg onload=alert(2)>"
PLUS = "<script>alert(3)</script>"
MINUS = "<img src=y onerror=alert(4)>"
INTERVIEWER = "Priya <u onmouseover=alert(5)>Natarajan</u>"
DISCUSSED = '<a href="javascript:alert(6)">the roadmap</a>'
FACT = "{{ 7*7 }} <iframe src=javascript:alert(7)></iframe>"

# Elements or attributes that any of the markup above would create if it were parsed.
INJECTED_ELEMENTS = """
() => {
  const found = [];
  for (const element of document.querySelectorAll('.followup-app *')) {
    const tag = element.tagName.toLowerCase();
    if (['script', 'iframe', 'object', 'embed', 'svg'].includes(tag)) found.push(tag);
    for (const attribute of element.getAttributeNames()) {
      if (attribute.startsWith('on')) found.push(`${tag}[${attribute}]`);
    }
    const link = element.getAttribute('href') || '';
    const source = element.getAttribute('src') || '';
    if (tag === 'a' && link.startsWith('javascript:')) found.push('a[href]');
    if (tag === 'img' && !/^(blob|data):/.test(source)) found.push('img[src]');
  }
  return found;
}
"""

# Everything a person can read in the app: text, and the values of fields and options.
VISIBLE_TEXT = """
() => {
  const app = document.querySelector('.followup-app');
  const values = [...app.querySelectorAll('input, textarea')].map((field) => field.value);
  return [app.innerText, ...values].join('\\n');
}
"""


def hostile_workspace() -> Workspace:
    example = example_workspace()
    base = example.opportunity("northwind-platform-lead")
    hostile = dataclasses.replace(
        base,
        company=COMPANY,
        role=ROLE,
        interviewers=(Contact(INTERVIEWER, email="priya@northwind.example"),),
        # One plus against one minus, a point apart: the verdict passes (so a note is
        # drafted), the flip hints name both labels and the honesty check names the company.
        factors=(Factor(PLUS, "plus", 5, "<i>pay</i>"), Factor(MINUS, "minus", 4)),
        notes=dataclasses.replace(base.notes, discussed=(DISCUSSED,), company_fact=FACT),
    )
    rest = tuple(o for o in example.opportunities if o.id != hostile.id)
    return dataclasses.replace(example, opportunities=(hostile, *rest))


@pytest.fixture(scope="module")
def served_workspace() -> Workspace:
    return hostile_workspace()


@pytest.mark.parametrize("where", ["voila", "jupyterlab"])
def test_markup_in_every_field_is_shown_as_text_and_never_runs(
    where: str, request: pytest.FixtureRequest, page: Any, page_events: PageEvents, screenshot: Any
) -> None:
    server: Server = request.getfixturevalue(f"{'lab' if where == 'jupyterlab' else where}_server")
    (open_in_jupyterlab if where == "jupyterlab" else open_in_voila)(page, server)
    app = AppPage(page)
    app.select_opportunity(hostile_workspace().opportunities[0])

    tabs = app.find(".followup-tabs .lm-TabBar-tab")
    for index in range(tabs.count()):
        tabs.nth(index).click()
        visible_panel = app.find(".followup-panel:visible").first
        visible_panel.wait_for()
    app.open_tab("Compare")
    wait_until(lambda: COMPANY in app.find(".followup-tab-compare").inner_text(), what="the table")
    app.open_tab("Follow-up")
    wait_until(
        lambda: "Dear Priya" in app.find(".followup-draft textarea").input_value(), what="the draft"
    )
    app.open_tab("The T")
    page.wait_for_timeout(500)  # time for a failed image load to fire its handler, were there one

    shown = page.evaluate(VISIBLE_TEXT)
    for text in (COMPANY, ROLE, PLUS, MINUS, DISCUSSED, FACT, INTERVIEWER):
        assert text in shown, f"{text!r} is not shown literally"
    assert page.evaluate(INJECTED_ELEMENTS) == []
    assert page_events.dialogs == []
    assert [url for url in page_events.requests if url.rsplit("/", 1)[-1] in {"x", "y"}] == []
    screenshot(f"{where}-xss")
