"""A drafted follow-up note and the ways to take it out of followup.

A :class:`Draft` is a value: who it is for, who signs, the subject, the body
and its findings: the writing check of the body and what the notes lack
(see :mod:`followup.notes.completeness`). It can be shown (``to_text``,
``to_markdown``, ``html_preview``), exported as a ready-to-send e-mail draft
(``to_eml``) or saved to a file that never overwrites another (``save``).
A draft with an empty body (the notes gave nothing to say yet) is never
exported or saved. followup never sends mail: the person sends it themselves.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from followup.errors import Problem, ValidationError
from followup.model import Contact, English

if TYPE_CHECKING:
    from followup.notes.writing import Finding

__all__ = ["SAVE_FORMATS", "Draft"]

#: The file formats :meth:`Draft.save` writes.
SAVE_FORMATS: tuple[str, ...] = ("eml", "md", "txt")

_KIND_NAMES = {"thank_you": "thank-you", "check_in": "check-in"}


@dataclass(frozen=True)
class Draft:
    """A follow-up note, ready to be read, corrected and sent by its author.

    Attributes
    ----------
    kind
        ``"thank_you"`` or ``"check_in"``.
    to
        The recipient: the first interviewer.
    subject, body
        The note; the body is plain text.
    findings
        The writing check of the body (spelling, tone, length, ...) and the
        findings about the notes (``note_findings``), by position; the parts
        of the note that are missing come last.
    sender
        The owner of the workspace, who signs the note.
    company, role
        What the note is about; they also name the saved file.
    known_words
        Names and terms the spelling check accepts (see
        :func:`followup.notes.compose.known_words`).
    english
        ``"US"`` or ``"UK"``: the spelling the writing check expects.
    note_findings
        The findings about the notes rather than the wording (kinds
        ``"missing"``, ``"note_item"``, ``"name"``, each with a ``field``):
        kept when the body is edited.
    """

    kind: Literal["thank_you", "check_in"]
    to: Contact
    subject: str
    body: str
    findings: tuple[Finding, ...] = ()
    sender: Contact | None = None
    company: str = ""
    role: str = ""
    known_words: tuple[str, ...] = field(default=(), repr=False)
    note_findings: tuple[Finding, ...] = field(default=(), repr=False)
    english: English = "US"

    @classmethod
    def checked(
        cls,
        *,
        kind: Literal["thank_you", "check_in"],
        to: Contact,
        subject: str,
        body: str,
        sender: Contact | None,
        company: str,
        role: str,
        known_words: tuple[str, ...] = (),
        note_findings: tuple[Finding, ...] = (),
        english: English = "US",
    ) -> Draft:
        """Build a draft: ``findings`` are the writing check of ``body`` and ``note_findings``."""
        findings = _all_findings(body, known_words, kind, note_findings, english)
        return cls(
            kind,
            to,
            subject,
            body,
            findings,
            sender,
            company,
            role,
            known_words,
            note_findings,
            english,
        )

    def with_body(self, body: str) -> Draft:
        """The same draft with an edited body, checked again.

        >>> import datetime as dt
        >>> from followup import example_workspace
        >>> from followup.notes.compose import draft_note
        >>> ws, today = example_workspace(), dt.date(2026, 12, 1)
        >>> draft = draft_note(ws, "acme-data-engineer", today=today)
        >>> draft.findings
        ()
        >>> [f.text for f in draft.with_body(draft.body + " lol").findings]
        ['lol']
        """
        kept = tuple(_relocated(finding, body) for finding in self.note_findings)
        note_findings = tuple(finding for finding in kept if finding is not None)
        findings = _all_findings(body, self.known_words, self.kind, note_findings, self.english)
        return replace(self, body=body, findings=findings, note_findings=note_findings)

    @property
    def checklist(self) -> tuple[Finding, ...]:
        """The parts of the note the notes do not give (findings of kind ``"missing"``).

        Each has a ``field`` ("notes.stronger_because", ...) to fill in.
        """
        return tuple(finding for finding in self.findings if finding.kind == "missing")

    # -- views ---------------------------------------------------------------

    def _recipient_line(self) -> str:
        return f"{self.to.name} <{self.to.email}>" if self.to.email else self.to.name

    def to_text(self) -> str:
        """Plain text: a ``To`` and a ``Subject`` line, a blank line, the body.

        Needs no e-mail address, so a note can be copied into any mail program.
        """
        return f"To: {self._recipient_line()}\nSubject: {self.subject}\n\n{self.body}\n"

    def to_markdown(self) -> str:
        """Markdown: the subject as a heading, the recipient, then the body as typed.

        User text is not escaped (Markdown files are read as text); single line
        breaks (the signature) are kept as hard breaks.
        """
        paragraphs = self.body.split("\n\n")
        body = "\n\n".join(paragraph.replace("\n", "  \n") for paragraph in paragraphs)
        return f"# {self.subject}\n\n**To:** {self._recipient_line()}\n\n{body}\n"

    def html_preview(self) -> str:
        """HTML for a notebook or the app; every piece of text is escaped.

        Each finding of the writing check is marked, with its message as a tooltip.

        >>> draft = Draft("thank_you", Contact("Jo"), "Hi", "AT&T <b>")
        >>> "AT&amp;T &lt;b&gt;" in draft.html_preview()
        True
        """
        to = escape(self._recipient_line())
        subject = escape(self.subject)
        return (
            '<div class="followup-draft">'
            f'<div class="followup-draft-to"><strong>To:</strong> {to}</div>'
            f'<div class="followup-draft-subject"><strong>Subject:</strong> {subject}</div>'
            '<div class="followup-draft-body" style="white-space: pre-wrap">'
            f"{self._marked_body()}</div></div>"
        )

    def _marked_body(self) -> str:
        parts: list[str] = []
        position = 0
        for finding in sorted(self.findings, key=lambda f: f.start):
            start, end = finding.start, finding.start + len(finding.text)
            # Findings about the whole note (length) or overlapping ones are not marked.
            if not finding.text or start < position or self.body[start:end] != finding.text:
                continue
            parts.append(escape(self.body[position:start]))
            title = escape(finding.message, quote=True)
            parts.append(
                f'<mark class="followup-finding followup-{escape(finding.kind, quote=True)}"'
                f' title="{title}">{escape(finding.text)}</mark>'
            )
            position = end
        parts.append(escape(self.body[position:]))
        return "".join(parts)

    # -- export --------------------------------------------------------------

    def _refuse_empty(self) -> None:
        if self.body.strip():
            return
        fields = [getattr(finding, "field", "") for finding in self.checklist]
        todo = ", ".join(field for field in fields if field) or "your notes"
        raise ValidationError(
            [Problem("body", f"must not be empty: fill in {todo} first, then draft again", "")]
        )

    def to_eml(self) -> bytes:
        """An unsent e-mail (``X-Unsent: 1``) From the owner To the interviewer.

        Raises
        ------
        ValidationError
            When the owner or the interviewer has no e-mail address, or a field
            cannot be put safely in a header.
        """
        from followup.export.eml import build_eml

        self._refuse_empty()
        if self.sender is None:
            raise ValidationError([Problem("owner", "must be set, with your e-mail address", None)])
        return build_eml(
            sender=self.sender, recipient=self.to, subject=self.subject, body=self.body
        )

    def save(self, folder: str | os.PathLike[str], *, format: str = "eml") -> Path:
        """Save the note in ``folder`` as ``<company>-<role>-<kind>.<format>``.

        The name is made safe for every file system; when it is taken, ``-2``,
        ``-3``, ... is added: an existing file is never overwritten.

        Parameters
        ----------
        folder
            An existing folder.
        format
            ``"eml"`` (an unsent e-mail), ``"md"`` or ``"txt"``.

        Returns
        -------
        Path
            The file written.
        """
        from followup.export.filenames import safe_filename, write_new_file

        self._refuse_empty()
        if format == "eml":
            data = self.to_eml()
        elif format == "md":
            data = self.to_markdown().encode("utf-8")
        elif format == "txt":
            data = self.to_text().encode("utf-8")
        else:
            raise ValidationError([Problem("format", "must be 'eml', 'md' or 'txt'", format)])
        kind = _KIND_NAMES.get(self.kind, self.kind)
        filename = safe_filename(self.company, self.role, kind, ext=format)
        return write_new_file(Path(folder), filename, data)


def _all_findings(
    body: str,
    known_words: tuple[str, ...],
    kind: str,
    note_findings: tuple[Finding, ...],
    english: English,
) -> tuple[Finding, ...]:
    """The writing check and the notes' findings by position; the missing parts last."""
    from followup.notes.writing import check_writing

    # An empty body (nothing to say yet) has no wording to check: only the notes' findings.
    checked = (
        check_writing(body, known_words=known_words, kind=kind, english=english)
        if body.strip()
        else []
    )
    placed = [finding for finding in note_findings if finding.kind != "missing"]
    missing = [finding for finding in note_findings if finding.kind == "missing"]
    ordered = sorted([*checked, *placed], key=lambda finding: finding.start)
    return (*ordered, *(replace(finding, start=len(body)) for finding in missing))


def _relocated(finding: Finding, body: str) -> Finding | None:
    """A finding about the notes, moved to where its text stands in an edited body.

    The missing parts stay (the notes still lack them); a marked fragment the
    person has rewritten is gone.
    """
    if not finding.text:
        return replace(finding, start=len(body))
    start = body.find(finding.text)
    return replace(finding, start=start) if start >= 0 else None
