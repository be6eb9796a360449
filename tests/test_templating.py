"""Templates: the shipped ones keep their contract; a person's own are checked and sandboxed.

Covers followup.templating and followup.own_templates.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import time
from dataclasses import replace
from pathlib import Path

import pytest

from followup.compose import draft_note, talking_points
from followup.errors import ValidationError
from followup.model import Notes, Workspace
from followup.own_templates import (
    MAX_OUTPUT_CHARS,
    MAX_TEMPLATE_CHARS,
    check_template,
    save_template,
)
from followup.templating import TEMPLATE_FIELDS, render

STORY_DAY = dt.date(2026, 12, 1)
NORTHWIND = "northwind-platform-lead"


def shipped(name: str) -> str:
    return (importlib.resources.files("followup") / "templates" / name).read_text("utf-8")


def own(folder: Path, name: str, source: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(source, encoding="utf-8")
    return folder


# -- the shipped templates ------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(TEMPLATE_FIELDS))
def test_every_shipped_template_passes_the_checks_for_a_persons_own(name: str) -> None:
    check_template(shipped(name), name)


@pytest.mark.parametrize("name", sorted(TEMPLATE_FIELDS))
def test_the_shipped_templates_are_strict_about_missing_fields(name: str) -> None:
    import jinja2

    fields = dict.fromkeys(TEMPLATE_FIELDS[name], "x")
    fields.pop("role")  # every template names the role
    with pytest.raises(jinja2.UndefinedError, match="role"):
        render(name, fields)


def test_a_persons_template_may_read_every_documented_field(
    tmp_path: Path, workspace: Workspace
) -> None:
    note_fields = TEMPLATE_FIELDS["thank_you.txt.j2"]
    source = "\n".join(f"{field}={{{{ {field} }}}}" for field in sorted(note_fields))
    folder = own(tmp_path, "thank_you.txt.j2", source)
    body = draft_note(workspace, NORTHWIND, today=STORY_DAY, template_folder=folder).body
    assert body.startswith("company=Northwind Health")
    assert "greeting_name=Priya" in body
    points_fields = TEMPLATE_FIELDS["talking_points.txt.j2"]
    source = " ".join(f"{{{{ {field} }}}}" for field in sorted(points_fields))
    own(tmp_path, "talking_points.txt.j2", source)
    assert "Umbrella Labs" in talking_points(
        workspace, "umbrella-ml-engineer", template_folder=tmp_path
    )


# -- a person's own template ---------------------------------------------------------------


def test_a_persons_template_replaces_the_shipped_one_and_the_rest_stay(
    tmp_path: Path, workspace: Workspace
) -> None:
    folder = own(tmp_path, "thank_you.txt.j2", "Hi {{ greeting_name }} — thanks, {{ sender_name }}")
    draft = draft_note(workspace, NORTHWIND, today=STORY_DAY, template_folder=folder)
    assert draft.body == "Hi Priya — thanks, Alex Example"
    assert draft.subject == "Thank you for the Platform Engineering Lead interview"


def test_user_text_in_a_persons_template_is_still_not_run(
    tmp_path: Path, workspace: Workspace
) -> None:
    opportunity = workspace.opportunity(NORTHWIND)
    ws = workspace.with_opportunity(replace(opportunity, notes=Notes(discussed=("{{ 7*7 }}",))))
    folder = own(tmp_path, "thank_you.txt.j2", "{{ discussed | phrases }}")
    assert draft_note(ws, NORTHWIND, today=STORY_DAY, template_folder=folder).body == "{{ 7*7 }}"


# RELIABILITY row 10
@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ company.__class__ }}",
        "{{ company['__class__'] }}",
        "{{ company.upper() }}",
        "{% include '/etc/passwd' %}",
        "{% import 'x' as y %}",
        "{% extends 'thank_you.txt.j2' %}",
        "{% macro m() %}{{ m() }}{% endmacro %}",
        "{{ company | format(1) }}",
        "{% for x in discussed recursive %}{{ loop(x) }}{% endfor %}",
    ],
)
def test_a_template_reaching_beyond_the_note_is_refused(source: str) -> None:
    with pytest.raises(ValidationError, match=r"thank_you\.txt\.j2 must"):
        check_template(source, "thank_you.txt.j2")


# RELIABILITY row 11
def test_an_unknown_field_is_refused_by_name_with_a_hint(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        save_template(tmp_path, "thank_you.txt.j2", "Dear {{ interviewer_nmae }}")
    assert "did you mean 'interviewer_name'?" in str(caught.value)
    assert "got 'interviewer_nmae'" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_a_global_helper_is_not_a_field() -> None:
    with pytest.raises(ValidationError, match="got 'range'"):
        check_template("{% for i in range(10) %}x{% endfor %}", "thank_you.txt.j2")


# RELIABILITY row 12
@pytest.mark.parametrize(
    "source",
    ["{{ 'a' * 10**8 }}", "{{ 10**8 * 'a' }}", "{{ 2 ** 100000000 }}", "{{ discussed * 100000 }}"],
)
def test_a_template_that_would_blow_up_is_refused_quickly(source: str) -> None:
    started = time.perf_counter()
    with pytest.raises(ValidationError, match="must render without errors"):
        check_template(source, "thank_you.txt.j2")
    assert time.perf_counter() - started < 1


def test_loops_nested_three_deep_are_refused() -> None:
    loops = "{% for a in discussed %}{% for b in learned %}{% for c in exciting %}."
    with pytest.raises(ValidationError, match="at most 2 deep"):
        check_template(loops + "{% endfor %}{% endfor %}{% endfor %}", "thank_you.txt.j2")


def test_output_beyond_the_limit_is_refused_while_rendering(
    tmp_path: Path, workspace: Workspace
) -> None:
    opportunity = workspace.opportunity(NORTHWIND)
    many = tuple(f"item {index} " + "x" * 400 for index in range(60))
    ws = workspace.with_opportunity(replace(opportunity, notes=Notes(discussed=many, learned=many)))
    source = "{% for a in discussed %}{% for b in learned %}{{ a }}{{ b }}{% endfor %}{% endfor %}"
    folder = own(tmp_path, "thank_you.txt.j2", source)
    with pytest.raises(ValidationError, match=f"at most {MAX_OUTPUT_CHARS} characters"):
        draft_note(ws, NORTHWIND, today=STORY_DAY, template_folder=folder)


def test_a_template_too_long_is_refused() -> None:
    with pytest.raises(ValidationError, match=f"at most {MAX_TEMPLATE_CHARS} characters"):
        check_template("x" * (MAX_TEMPLATE_CHARS + 1), "thank_you.txt.j2")


def test_a_syntax_error_names_the_line() -> None:
    with pytest.raises(ValidationError, match=r"valid template \(line 2"):
        check_template("Dear\n{{ greeting_name ", "thank_you.txt.j2")


def test_an_unknown_template_name_is_refused() -> None:
    with pytest.raises(ValidationError, match="name must be one of"):
        check_template("x", "love_letter.txt.j2")


def test_a_refused_edit_keeps_the_previous_template(tmp_path: Path, workspace: Workspace) -> None:
    save_template(tmp_path, "thank_you.txt.j2", "Thanks, {{ greeting_name }}")
    with pytest.raises(ValidationError):
        save_template(tmp_path, "thank_you.txt.j2", "{{ ''.__class__ }}")
    body = draft_note(workspace, NORTHWIND, today=STORY_DAY, template_folder=tmp_path).body
    assert body == "Thanks, Priya"


def test_a_broken_template_in_the_folder_is_refused_when_drafting(
    tmp_path: Path, workspace: Workspace
) -> None:
    folder = own(tmp_path, "thank_you_subject.txt.j2", "{{ subjekt }}")
    with pytest.raises(ValidationError, match=r"thank_you_subject\.txt\.j2 must use only"):
        draft_note(workspace, NORTHWIND, today=STORY_DAY, template_folder=folder)


def test_a_template_file_that_is_not_utf8_is_refused(tmp_path: Path, workspace: Workspace) -> None:
    (tmp_path / "thank_you.txt.j2").write_bytes(b"Dear \xff")
    with pytest.raises(ValidationError, match="must be UTF-8 text"):
        draft_note(workspace, NORTHWIND, today=STORY_DAY, template_folder=tmp_path)
