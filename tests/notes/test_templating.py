"""Templates: the shipped ones keep their contract (strict about every field)."""

from __future__ import annotations

import pytest

from followup.notes.templating import TEMPLATE_FIELDS, render

# -- the shipped templates ------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "missing"),
    [(name, field) for name, fields in sorted(TEMPLATE_FIELDS.items()) for field in sorted(fields)],
)
def test_the_shipped_templates_are_strict_about_missing_fields(name: str, missing: str) -> None:
    import jinja2

    fields: dict[str, object] = dict.fromkeys(TEMPLATE_FIELDS[name], "x")
    fields["paragraphs"] = ["A paragraph."]
    fields.pop(missing)
    with pytest.raises(jinja2.UndefinedError, match=missing):
        render(name, fields)


def test_a_note_template_lays_out_greeting_paragraphs_and_signature() -> None:
    fields = {"greeting_name": "Priya", "paragraphs": ["One.", "Two."], "sender_name": "Alex"}
    text = render("thank_you.txt.j2", fields)
    assert text == "Dear Priya,\n\nOne.\n\nTwo.\n\nBest regards,\nAlex"
