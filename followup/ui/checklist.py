"""Beside the draft: what the notes do not give the note yet, and what the writing check found.

The checklist names each missing part in plain words, with a button that
opens the field of the Details & notes tab that fills it. The writing
findings come with their suggestions, and a word the spelling check does not
know can be added to the person's dictionary in one click.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as widgets

from followup.ui.look import heading
from followup.ui.widgets import Host, button, hide, show_html, styled

__all__ = [
    "CHECKLIST_WORDS",
    "Checklist",
    "WritingFindings",
    "field_words",
    "message_in_words",
    "open_field",
    "writing_html",
]

#: Each missing part of the note, by the note field that supplies it: (what is missing, field).
CHECKLIST_WORDS: dict[str, tuple[str, str]] = {
    "notes.discussed": (
        "Something you discussed or learned at the interview",
        "What we discussed",
    ),
    "notes.learned": ("Something you learned at the interview", "What I learned"),
    "notes.stronger_because": (
        "Why you are now an even stronger candidate",
        "Why I am an even stronger candidate now",
    ),
    "notes.company_fact": (
        "Something you learned about the company",
        "A fact about the company",
    ),
    "notes.fact_comment": (
        "Your comment on the fact about the company",
        "My comment on it",
    ),
}
_KIND_WORDS = {
    "spelling": "Spelling",
    "grammar": "Grammar",
    "style": "Style",
    "repeated_word": "Repeated word",
    "capitalization": "Capital letter",
    "tone": "Tone",
    "placeholder": "Left to fill in",
    "length": "Length",
    "note_item": "From your notes",
    "name": "A name",
}
#: At most this many "add to my dictionary" buttons (the first unknown words of the draft).
MAX_WORD_BUTTONS = 6
#: The note fields as the Details & notes tab names them.
NOTE_CAPTIONS = {
    "discussed": "What we discussed",
    "learned": "What I learned",
    "stronger_because": "Why I am an even stronger candidate now",
    "exciting": "What excited me",
    "concerns": "My concerns",
    "company_fact": "A fact about the company",
    "fact_comment": "My comment on it",
}
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_CONTACT_WORDS = {"name": "name", "title": "title", "email": "e-mail", "phone": "phone"}
_FIELD_PATH = re.compile(
    r"\b(?:notes\.(?P<note>[a-z_]+)(?:\[(?P<item>\d+)\])?"
    r"|interviewers\[(?P<interviewer>\d+)\]\.(?P<interviewer_field>[a-z]+)"
    r"|(?P<person>recruiter|owner)\.(?P<person_field>[a-z]+))"
)


def field_words(path: str) -> str:
    """A field of an opportunity as the app names it.

    >>> field_words("notes.discussed[2]")
    'the third item of “What we discussed”'
    >>> field_words("interviewers[0].name"), field_words("owner.name")
    ("interviewer 1's name", 'your name')
    """
    return _FIELD_PATH.sub(_field_in_words, path)


def _field_in_words(found: re.Match[str]) -> str:
    if found["note"] is not None:
        caption = f"“{NOTE_CAPTIONS.get(found['note'], found['note'].replace('_', ' '))}”"
        if found["item"] is None:
            return caption
        index = int(found["item"])
        which = _ORDINALS[index] if index < len(_ORDINALS) else f"number {index + 1}"
        return f"the {which} item of {caption}"
    if found["interviewer"] is not None:
        what = _CONTACT_WORDS.get(found["interviewer_field"], found["interviewer_field"])
        return f"interviewer {int(found['interviewer']) + 1}'s {what}"
    what = _CONTACT_WORDS.get(found["person_field"], found["person_field"])
    return f"your {what}" if found["person"] == "owner" else f"the recruiter's {what}"


def message_in_words(message: str) -> str:
    """A finding's message with every field path in the app's words, starting with a capital.

    >>> message_in_words("notes.learned[0] is too long.")
    'The first item of “What I learned” is too long.'
    """
    said = field_words(message)
    return said[:1].upper() + said[1:]


def _checklist_words(field: str) -> tuple[str, str]:
    if field in CHECKLIST_WORDS:
        return CHECKLIST_WORDS[field]
    last = field.rsplit(".", 1)[-1].replace("_", " ")
    return f"Your notes on {last}", last


def open_field(host: Host, field: str) -> None:
    """Show the Details & notes tab with the cursor in the note field ``field`` ("notes.learned").

    The app may offer its own ``go_to_field(field)``; without it, the tab and
    its note fields are found by their names.
    """
    hook: Callable[[str], object] | None = getattr(host, "go_to_field", None)
    if hook is not None:
        hook(field)
        return
    details = getattr(host, "details", None)
    show_tab: Callable[[Any], object] | None = getattr(host, "show_tab", None)
    if details is None or show_tab is None:
        return
    show_tab(details)
    name = field.removeprefix("notes.").split("[", 1)[0]
    fields = getattr(details, "note_fields", None) or getattr(details, "notes", {})
    target = fields.get(name) or getattr(details, name, None)
    if target is not None:
        target.input.focus()


class Checklist:
    """The parts of the note the notes do not give, each a click away from its field."""

    def __init__(self, go_to_field: Callable[[str], object]) -> None:
        self._go_to_field = go_to_field
        self.items = styled(widgets.VBox(), "followup-checklist-items")
        self.root = styled(
            widgets.VBox(
                [heading("What your notes could add"), self.items],
                layout=widgets.Layout(margin="0 0 0 1em", max_width="100%"),
            ),
            "followup-checklist",
        )
        self._rows: list[tuple[widgets.HTML, widgets.Button]] = []
        self._fields: list[str] = []
        hide(self.root)

    @property
    def fields(self) -> tuple[str, ...]:
        """The note fields the checklist points at now, in order."""
        return tuple(self._fields)

    def show(self, findings: Sequence[Any]) -> None:
        """Show one item per missing part (hidden when nothing is missing)."""
        fields = [str(getattr(finding, "field", "") or "") for finding in findings]
        fields = [field for field in fields if field]
        hide(self.root, not fields)
        if fields == self._fields:
            return
        self._fields = fields
        while len(self._rows) < len(fields):
            index = len(self._rows)
            text = styled(widgets.HTML(), "followup-checklist-text")
            go = button("Fill it in", "followup-checklist-go")
            go.on_click(lambda _, index=index: self._go_to_field(self._fields[index]))
            self._rows.append((text, go))
        rows = []
        for (text, go), field in zip(self._rows, fields, strict=False):
            missing, caption = _checklist_words(field)
            show_html(text, f"☐ {html.escape(missing)}")
            go.tooltip = f"Opens “{caption}” on the Details & notes tab"
            go.description = f"Fill in “{caption}”"
            wrap = widgets.Layout(flex_flow="row wrap", align_items="center")
            rows.append(styled(widgets.HBox([text, go], layout=wrap), "followup-checklist-item"))
        self.items.children = rows


def writing_html(findings: Sequence[Any]) -> str:
    """The writing check's findings in words, each with its suggestion; every text escaped.

    >>> from types import SimpleNamespace as Finding
    >>> tone = Finding(kind="tone", text="gonna", message="Too casual.", suggestion="going to")
    >>> writing_html([tone]).removeprefix('<ul class="followup-findings-list">')
    '<li><strong>Tone</strong> “gonna”: Too casual. Suggestion: going to</li></ul>'
    """
    if not findings:
        return "<p>No findings: the writing check has nothing to add.</p>"
    items = []
    for finding in findings:
        kind = str(getattr(finding, "kind", ""))
        what = _KIND_WORDS.get(kind, kind.replace("_", " ").capitalize())
        text = str(getattr(finding, "text", "") or "")
        where = f" “{html.escape(text)}”" if text else ""
        message = html.escape(message_in_words(str(getattr(finding, "message", ""))))
        suggestion = getattr(finding, "suggestion", None)
        better = f" Suggestion: {html.escape(str(suggestion))}" if suggestion else ""
        items.append(f"<li><strong>{html.escape(what)}</strong>{where}: {message}{better}</li>")
    return f'<ul class="followup-findings-list">{"".join(items)}</ul>'


class WritingFindings:
    """The writing check of the draft, and "add to my dictionary" for the words it does not know."""

    def __init__(
        self, host: Host, add_word: Callable[[str], object], message: widgets.Label
    ) -> None:
        self.table = styled(widgets.HTML(), "followup-findings")
        wrap = widgets.Layout(flex_flow="row wrap")
        self.words = styled(widgets.HBox(layout=wrap), "followup-add-words")
        self.root = widgets.VBox([heading("Writing check"), self.table, self.words])
        self._buttons: list[widgets.Button] = []
        self._shown: list[str] = []
        self._add_word = add_word
        self._host = host
        self._message = message

    @property
    def unknown_words(self) -> tuple[str, ...]:
        """The words offered for the dictionary now."""
        return tuple(self._shown)

    def button_for(self, word: str) -> widgets.Button:
        """The button that adds ``word`` to the dictionary (for tests and the browser)."""
        return self._buttons[self._shown.index(word)]

    def show(self, findings: Sequence[Any]) -> None:
        show_html(self.table, writing_html(findings))
        words: list[str] = []
        for finding in findings:
            # The word the check does not know (a spelling or a near-miss of a known name);
            # a finding about the notes points at a field to correct instead.
            word = getattr(finding, "word", None)
            if word and not getattr(finding, "field", "") and word not in words:
                words.append(word)
        words = words[:MAX_WORD_BUTTONS]
        if words == self._shown:
            return
        self._shown = words
        while len(self._buttons) < len(words):
            index = len(self._buttons)
            add = button("", "followup-add-word")
            add.on_click(lambda _, index=index: self._add(index))
            self._buttons.append(add)
        for add, word in zip(self._buttons, words, strict=False):
            add.description = f"Add “{word}” to my dictionary"
            add.tooltip = f"The spelling check will accept “{word}” from now on"
        self.words.children = self._buttons[: len(words)]

    def _add(self, index: int) -> None:
        word = self._shown[index]
        self._host.act(lambda: self._add_word(word), self._message)
