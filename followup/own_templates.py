"""A person's own note templates: checked first, then run in a sandbox.

A template placed in the template folder under a shipped template's name
replaces it. Before use it is checked, and refused with a
:class:`~followup.errors.ValidationError` naming the file and the problem when
it reads anything but the note's fields, calls functions or methods, reaches
for attributes starting with ``_``, includes or imports other files, nests
loops deeper than two, or produces more than :data:`MAX_OUTPUT_CHARS`
characters. It then runs in Jinja2's immutable sandbox, where ``*`` and ``**``
cannot build huge values and no global helper (``range``, ...) exists.
:func:`save_template` writes a template only when it passes, so a refused edit
leaves the previous file in place.

jinja2 is imported on first use.
"""

from __future__ import annotations

import difflib
import functools
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from followup.errors import Problem, ValidationError
from followup.templating import TEMPLATE_FIELDS, environment_options, with_filters

if TYPE_CHECKING:
    import jinja2
    from jinja2 import nodes

__all__ = [
    "MAX_OUTPUT_CHARS",
    "MAX_TEMPLATE_CHARS",
    "check_template",
    "load_own_template",
    "render_own",
    "save_template",
]

#: Largest template a person may supply, in characters.
MAX_TEMPLATE_CHARS = 20_000
#: Largest text a person's template may produce, in characters.
MAX_OUTPUT_CHARS = 20_000
_MAX_LOOP_DEPTH = 2
_SAFE_FILTERS = frozenset(
    {
        "paragraph",
        "phrases",
        "clause",
        "sentence",
        "upper",
        "lower",
        "title",
        "capitalize",
        "trim",
        "length",
        "count",
        "first",
        "last",
        "default",
        "d",
        "join",
    }
)
_SAFE_TESTS = frozenset(
    {"defined", "undefined", "none", "string", "sequence", "number", "odd", "even"}
    | {"eq", "ne", "lt", "le", "gt", "ge", "in", "equalto", "sameas"}
)


@functools.cache
def _sandbox() -> jinja2.Environment:
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class GuardedEnvironment(ImmutableSandboxedEnvironment):
        """The immutable sandbox, with ``*`` and ``**`` unable to build huge values."""

        intercepted_binops = frozenset({"*", "**"})

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "**" and not _small_power(left, right):
                raise SecurityError("a power with a large base or exponent is not allowed")
            if operator == "*":
                for times, value in ((left, right), (right, left)):
                    if isinstance(times, int) and isinstance(value, str | list | tuple):
                        size = times * len(value)
                        if size > MAX_OUTPUT_CHARS:
                            raise SecurityError(
                                f"an expression would make {size} characters, more than "
                                f"the limit of {MAX_OUTPUT_CHARS}"
                            )
            return super().call_binop(context, operator, left, right)

    environment = GuardedEnvironment(**environment_options())
    # No globals: range(), lipsum(), namespace() and the like are not note fields.
    environment.globals.clear()
    return with_filters(environment)


def _small_power(base: object, exponent: object) -> bool:
    """Whole numbers whose power stays cheap to compute and print."""
    if not isinstance(base, int) or not isinstance(exponent, int):
        return False
    return abs(base) <= 1000 and 0 <= exponent <= 64


def load_own_template(folder: Path, name: str) -> str | None:
    """The checked source of the person's template ``name`` in ``folder``, or None if absent."""
    path = folder / name
    if not path.exists():
        return None
    if not path.is_file():
        raise ValidationError([Problem(name, "must be a file", str(path))])
    if path.stat().st_size > 4 * MAX_TEMPLATE_CHARS:  # at most 4 bytes a character in UTF-8
        raise ValidationError(
            [Problem(name, f"must be at most {MAX_TEMPLATE_CHARS} characters", str(path))]
        )
    try:
        source = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ValidationError([Problem(name, "must be UTF-8 text", str(path))]) from None
    check_template(source, name)
    return source


def render_own(name: str, source: str, context: Mapping[str, object]) -> str:
    """Render a person's template in the sandbox; every failure becomes a ValidationError."""
    import jinja2

    pieces: list[str] = []
    size = 0
    try:
        # Rendering piece by piece stops a runaway template as soon as it is too long.
        for piece in _sandbox().from_string(source).generate(dict(context)):
            size += len(piece)
            if size > MAX_OUTPUT_CHARS:
                break
            pieces.append(piece)
    except jinja2.TemplateError as error:
        reason = error.message or type(error).__name__
    except (RecursionError, ArithmeticError, TypeError, ValueError) as error:
        reason = str(error) or type(error).__name__
    else:
        if size <= MAX_OUTPUT_CHARS:
            return "".join(pieces)
        raise ValidationError(
            [Problem(name, f"must produce at most {MAX_OUTPUT_CHARS} characters", source)]
        )
    raise ValidationError([Problem(name, f"must render without errors ({reason})", source)])


# ---------------------------------------------------------------------------
# checking a person's template


def check_template(source: str, name: str) -> None:
    """Refuse a template that could do more than fill in a note.

    Parameters
    ----------
    source
        The template text.
    name
        Which template it replaces (a key of :data:`TEMPLATE_FIELDS`).

    Raises
    ------
    ValidationError
        Naming the file and the problem: syntax, an unknown field (with the
        closest known one), a forbidden construct, or an output too large
        when tried with sample values.

    Examples
    --------
    >>> check_template("Dear {{ greeting_name }},", "thank_you.txt.j2")
    >>> check_template("Dear {{ interviewer_nmae }},", "thank_you.txt.j2")
    Traceback (most recent call last):
    ...
    followup.errors.ValidationError: thank_you.txt.j2 must use only the note's fields (did you mean 'interviewer_name'?); got 'interviewer_nmae'
    """  # noqa: E501 - a doctest's expected output is one line
    import jinja2
    from jinja2 import meta

    fields = TEMPLATE_FIELDS.get(name)
    if fields is None:
        raise ValidationError(
            [Problem("name", "must be one of " + ", ".join(sorted(TEMPLATE_FIELDS)), name)]
        )
    if not isinstance(source, str):
        raise ValidationError([Problem(name, "must be text", source)])
    if len(source) > MAX_TEMPLATE_CHARS:
        raise ValidationError(
            [Problem(name, f"must be at most {MAX_TEMPLATE_CHARS} characters", source)]
        )
    try:
        tree = _sandbox().parse(source)
    except jinja2.TemplateSyntaxError as error:
        expectation = f"must be a valid template (line {error.lineno}: {error.message})"
        raise ValidationError([Problem(name, expectation, source)]) from None
    problems = list(_forbidden(tree, name))
    for unknown in sorted(meta.find_undeclared_variables(tree) - fields):
        hint = difflib.get_close_matches(unknown, sorted(fields), n=1)
        advice = f" (did you mean {hint[0]!r}?)" if hint else ""
        problems.append(Problem(name, f"must use only the note's fields{advice}", unknown))
    if problems:
        raise ValidationError(problems)
    # A trial with sample values catches what only shows when rendering (a value too large).
    render_own(name, source, _sample_context(fields))


def _forbidden(tree: nodes.Template, name: str) -> Iterator[Problem]:
    from jinja2 import nodes

    rules: list[tuple[type[nodes.Node], str]] = [
        (nodes.Include, "must not include other files"),
        (nodes.Import, "must not import other files"),
        (nodes.FromImport, "must not import other files"),
        (nodes.Extends, "must not extend other templates"),
        (nodes.Macro, "must not define macros"),
        (nodes.CallBlock, "must not use call blocks"),
        (nodes.Call, "must not call functions or methods"),
    ]
    for node_type, expectation in rules:
        for node in tree.find_all(node_type):
            yield Problem(name, expectation, f"line {node.lineno}")
    for attribute in tree.find_all(nodes.Getattr):
        if attribute.attr.startswith("_"):
            yield Problem(name, "must not read attributes starting with '_'", attribute.attr)
    for item in tree.find_all(nodes.Getitem):
        if isinstance(item.arg, nodes.Const) and str(item.arg.value).startswith("_"):
            yield Problem(name, "must not read items starting with '_'", item.arg.value)
    for used in tree.find_all(nodes.Filter):
        if used.name not in _SAFE_FILTERS:
            yield Problem(
                name, "must use only the filters " + ", ".join(sorted(_SAFE_FILTERS)), used.name
            )
    for test in tree.find_all(nodes.Test):
        if test.name not in _SAFE_TESTS:
            yield Problem(
                name, "must use only the tests " + ", ".join(sorted(_SAFE_TESTS)), test.name
            )
    for loop in tree.find_all(nodes.For):
        if loop.recursive:
            yield Problem(name, "must not use recursive loops", f"line {loop.lineno}")
    depth = _loop_depth(tree)
    if depth > _MAX_LOOP_DEPTH:
        yield Problem(name, f"must nest loops at most {_MAX_LOOP_DEPTH} deep", f"{depth} deep")


def _loop_depth(node: nodes.Node) -> int:
    from jinja2 import nodes

    inner = max((_loop_depth(child) for child in node.iter_child_nodes()), default=0)
    return inner + 1 if isinstance(node, nodes.For) else inner


def _sample_context(fields: frozenset[str]) -> dict[str, object]:
    """Values shaped like the real ones, long enough to show a template that grows too fast."""
    lists = {"other_interviewers", "discussed", "learned", "stronger_because", "exciting"}
    lists |= {"pluses", "concerns"}
    sample: dict[str, object] = {}
    for field in fields:
        if field in lists:
            sample[field] = [f"sample {field} {index}" for index in range(3)]
        elif field == "has_recruiter":
            sample[field] = True
        else:
            sample[field] = f"sample {field}"
    return sample


def save_template(folder: str | os.PathLike[str], name: str, source: str) -> Path:
    """Check a person's template and, only if it passes, write it into ``folder``.

    A refused template writes nothing, so the previous version stays in use.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    ValidationError
        See :func:`check_template`.
    """
    from followup.atomic import write_atomically

    check_template(source, name)
    target = Path(folder) / name
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, source.encode("utf-8"))
    return target
