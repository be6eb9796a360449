"""Templates: the shipped ones keep their contract (strict about every field)."""

from __future__ import annotations

import pytest

from followup.notes.templating import TEMPLATE_FIELDS, render

# -- the shipped templates ------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(TEMPLATE_FIELDS))
def test_the_shipped_templates_are_strict_about_missing_fields(name: str) -> None:
    import jinja2

    fields = dict.fromkeys(TEMPLATE_FIELDS[name], "x")
    fields.pop("role")  # every template names the role
    with pytest.raises(jinja2.UndefinedError, match="role"):
        render(name, fields)
