"""The note templates: the shipped ones and the filters they use.

The shipped templates live in ``followup/notes/templates``: the layout of a
note (greeting, paragraphs, signature), its subject line and the talking
points. The sentences themselves are built in Python from the person's notes
(:mod:`followup.notes.thank_you`, :mod:`followup.notes.check_in`), because
placing a note item needs its grammar. They are rendered by a
Jinja2 environment that is strict about undefined names and does not
HTML-escape (the notes are plain text: "AT&T" stays "AT&T"). Values reach the
templates as plain strings and lists; a person's notes are never parsed as a
template.

jinja2 is imported on first use.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jinja2

__all__ = [
    "TEMPLATE_FIELDS",
    "clause",
    "environment_options",
    "join_phrases",
    "paragraph",
    "render",
    "sentence",
    "with_filters",
]

#: The fields each template is given.
TEMPLATE_FIELDS: dict[str, frozenset[str]] = {
    "thank_you.txt.j2": frozenset({"greeting_name", "paragraphs", "sender_name"}),
    "check_in.txt.j2": frozenset({"greeting_name", "paragraphs", "sender_name"}),
    "thank_you_subject.txt.j2": frozenset({"role"}),
    "check_in_subject.txt.j2": frozenset({"role"}),
    "talking_points.txt.j2": frozenset(
        {
            "company",
            "role",
            "recruiter_line",
            "has_recruiter",
            "interview_line",
            "interviewer_name",
            "interest",
            "exciting",
            "stronger_because",
            "pluses",
            "concerns",
        }
    ),
}

# A fragment is embedded in a sentence that brings its own punctuation.
_TRAILING_PUNCTUATION = ".,;:!? "


# ---------------------------------------------------------------------------
# the filters


def clause(text: str) -> str:
    """A note fragment ready to sit inside a sentence: trailing punctuation dropped.

    >>> clause("moving the batch jobs to streaming.")
    'moving the batch jobs to streaming'
    """
    stripped = text.rstrip(_TRAILING_PUNCTUATION)
    return stripped or text


def sentence(text: str) -> str:
    """Capitalise the first letter when the text starts a sentence; change nothing else.

    A word like "iPhone", whose second letter is a capital, is left as typed.

    >>> sentence("it matches how I like to document pipelines")
    'It matches how I like to document pipelines'
    >>> sentence("iPhone apps"), sentence("AT&T")
    ('iPhone apps', 'AT&T')
    """
    if not text or not text[0].islower():
        return text
    if len(text) > 1 and text[1].isupper():
        return text
    return text[0].upper() + text[1:]


def join_phrases(items: Iterable[str], *, each: str = "", trim: bool = True) -> str:
    """Join fragments the way a sentence lists them: "a", "a and b", "a, b and c".

    Each fragment loses its trailing punctuation (unless ``trim`` is false, as
    for names) and gets ``each`` in front. When a fragment holds a comma
    itself, three or more are separated by semicolons so the list stays
    readable.

    >>> join_phrases(["streaming"]), join_phrases(["a", "b"]), join_phrases(["a", "b", "c"])
    ('streaming', 'a and b', 'a, b and c')
    >>> join_phrases(["caching, mostly", "tracing", "queues"])
    'caching, mostly; tracing and queues'
    """
    phrases = [each + (clause(item) if trim else item) for item in items]
    if len(phrases) <= 2:
        return " and ".join(phrases)
    separator = "; " if any("," in phrase for phrase in phrases) else ", "
    return separator.join(phrases[:-1]) + " and " + phrases[-1]


def paragraph(block: str) -> str:
    """Join a template's one-sentence lines into one paragraph; nothing stays nothing."""
    lines = [line.strip(" \t") for line in block.splitlines()]
    text = " ".join(line for line in lines if line)
    return text + "\n" if text else ""


_FILTERS = {"paragraph": paragraph, "phrases": join_phrases, "clause": clause, "sentence": sentence}


# ---------------------------------------------------------------------------
# rendering


def with_filters(environment: jinja2.Environment) -> jinja2.Environment:
    """Add the note filters (``paragraph``, ``phrases``, ``clause``, ``sentence``)."""
    environment.filters.update(_FILTERS)
    return environment


def environment_options() -> dict[str, Any]:
    """The Jinja2 settings every note template is rendered with."""
    import jinja2

    return {
        "undefined": jinja2.StrictUndefined,
        # Bodies are plain text (e-mail, Markdown): escaping would turn "AT&T" into "AT&amp;T".
        "autoescape": False,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": False,
    }


@functools.cache
def _package_environment() -> jinja2.Environment:
    import jinja2

    loader = jinja2.PackageLoader("followup.notes", "templates")
    return with_filters(jinja2.Environment(loader=loader, **environment_options()))


def render(name: str, context: Mapping[str, object]) -> str:
    """Render a shipped template by name.

    Parameters
    ----------
    name
        One of the names in :data:`TEMPLATE_FIELDS`.
    context
        The template's fields, as plain strings, lists and booleans.

    Returns
    -------
    str
        The text, without leading or trailing blank lines, with at most one
        blank line between paragraphs.
    """
    text = _package_environment().get_template(name).render(dict(context))
    # Optional paragraphs that rendered empty leave extra blank lines behind.
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")
