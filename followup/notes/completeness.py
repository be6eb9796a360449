"""What the notes do not give the thank-you, and the other findings about the notes themselves.

The method asks a thank-you for three things beyond the thanks: what was
discussed or learned at the interview; why the person is now an even
stronger candidate; and something learned about the company (at the
interview or on its website) with their comment on it. :func:`missing_parts`
reports each part the notes do not give as a finding of kind ``"missing"``
whose ``field`` points at the note field that would supply it, in the order
of a checklist.

Two more kinds of finding are about the notes rather than the wording:
``"note_item"`` (an item kept as a sentence of its own because it is too
long, a run-on or several sentences, or dropped because nothing follows its
lead-in) and ``"name"`` (a contact's name typed in lower case).
"""

from __future__ import annotations

from dataclasses import dataclass

from followup.model import Notes
from followup.notes.writing import Finding

__all__ = ["NOTE_FINDING_KINDS", "NoteFinding", "missing_parts"]

#: The kinds of finding about the notes (the writing check has its own).
NOTE_FINDING_KINDS: tuple[str, ...] = ("missing", "note_item", "name")


@dataclass(frozen=True)
class NoteFinding(Finding):
    """A finding about the notes, with a pointer to the field that would fix it.

    Attributes
    ----------
    field
        Where to fix it, relative to the opportunity: ``"notes.stronger_because"``,
        ``"notes.discussed[2]"``, ``"interviewers[0].name"``. An app can make each
        finding a link to that field.
    """

    field: str = ""


_MESSAGES = {
    "notes.discussed": (
        "The note recalls nothing of the interview: add what you discussed "
        "(notes.discussed) or learned (notes.learned)."
    ),
    "notes.stronger_because": (
        "The note does not say why you are now an even stronger candidate: "
        "add it to notes.stronger_because."
    ),
    "notes.company_fact": (
        "The note mentions nothing you learned about the company at the interview or on its "
        "website: add it to notes.company_fact, with your comment in notes.fact_comment."
    ),
    "notes.fact_comment": (
        "The company fact has no comment of yours: add to notes.fact_comment why it matters to you."
    ),
}


def missing_parts(notes: Notes, *, at: int = 0) -> tuple[NoteFinding, ...]:
    """The parts of a thank-you the notes do not give, as findings of kind ``"missing"``.

    Parameters
    ----------
    notes
        The opportunity's notes.
    at
        The offset the findings point to (the end of the body: they are about
        the whole note, not a fragment of it).

    Examples
    --------
    >>> [f.field for f in missing_parts(Notes(discussed=("the roadmap",)))]
    ['notes.stronger_because', 'notes.company_fact']
    >>> [f.field for f in missing_parts(Notes(company_fact="Acme won an award"))]
    ['notes.discussed', 'notes.stronger_because', 'notes.fact_comment']
    """
    fields = []
    if not notes.discussed and not notes.learned:
        fields.append("notes.discussed")
    if not notes.stronger_because:
        fields.append("notes.stronger_because")
    if not notes.company_fact:
        fields.append("notes.company_fact")
    elif not notes.fact_comment:
        fields.append("notes.fact_comment")
    return tuple(
        NoteFinding("missing", "", at, _MESSAGES[field], None, field=field) for field in fields
    )
