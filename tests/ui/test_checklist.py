"""Beside the draft: what the notes could add (each a click from its field), and the findings."""

from __future__ import annotations

from types import SimpleNamespace

from followup import example_workspace
from followup.ui.checklist import Checklist, open_field, writing_html
from tests.ui.support import make_app, no_swallowed_errors  # noqa: F401


def missing(field):
    return SimpleNamespace(kind="missing", text="", field=field, message="", suggestion=None)


def test_each_missing_part_is_named_in_plain_words_and_opens_its_field():
    opened = []
    checklist = Checklist(opened.append)
    checklist.show([missing("notes.stronger_because"), missing("notes.company_fact")])
    assert checklist.root.layout.display is None
    rows = checklist.items.children
    assert len(rows) == 2
    text, go = rows[0].children
    assert "Why you are now an even stronger candidate" in text.value
    assert "notes." not in text.value and "stronger_because" not in go.description
    assert go.description == "Fill in “Why I am an even stronger candidate now”"
    rows[1].children[1].click()
    assert opened == ["notes.company_fact"]


def test_the_checklist_hides_when_nothing_is_missing():
    checklist = Checklist(lambda field: None)
    checklist.show([missing("notes.discussed")])
    checklist.show([])
    assert checklist.root.layout.display == "none"
    assert checklist.fields == ()


def test_open_field_shows_the_details_tab_and_puts_the_cursor_in_the_field(monkeypatch):
    view = make_app(example_workspace())
    view.show_tab(view.details)
    focused = []
    target = view.details.notes["stronger_because"].input
    monkeypatch.setattr(target, "focus", lambda: focused.append("stronger_because"))
    fact = view.details.company_fact.input
    monkeypatch.setattr(fact, "focus", lambda: focused.append("company_fact"))
    view.show_tab(view.follow_up)
    open_field(view, "notes.stronger_because")
    assert view.visible_panel is view.details
    open_field(view, "notes.company_fact")
    assert focused == ["stronger_because", "company_fact"]


def test_findings_are_shown_with_their_suggestion_and_escaped():
    finding = SimpleNamespace(
        kind="spelling", text="<b>teh</b>", message="Check the spelling.", suggestion="the"
    )
    table = writing_html([finding])
    assert "Spelling" in table and "&lt;b&gt;teh&lt;/b&gt;" in table and "Suggestion: the" in table
    assert "No findings" in writing_html([])
