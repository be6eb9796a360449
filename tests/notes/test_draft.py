"""A draft on its way out: e-mail, Markdown, text, HTML preview and saved files."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from followup.errors import ValidationError
from followup.model import Contact, Factor, Notes, Opportunity, Workspace
from followup.notes.compose import draft_note
from followup.notes.draft import Draft
from tests.strategies import contacts, emails, single_line_text

STORY_DAY = dt.date(2026, 12, 1)
INTERVIEW = dt.date(2026, 11, 20)
EML_HEADERS = {
    "From",
    "To",
    "Subject",
    "X-Unsent",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
}

FULL_NOTES = Notes(
    discussed=("retrying failed card payments safely",),
    learned=("the team is replacing its billing service next year",),
    stronger_because=("I built an idempotent payments queue at my last job",),
    exciting=("the billing rewrite",),
    company_fact="Initech moved its payments to a new processor this year",
    fact_comment="it shows the team takes reliability seriously",
)


def make_draft(
    *,
    company: str = "Initech",
    role: str = "Backend Engineer",
    interviewer: Contact | None = None,
    owner: Contact | None = None,
    notes: Notes | None = None,
) -> Draft:
    opportunity = Opportunity(
        id="initech",
        company=company,
        role=role,
        interview_date=INTERVIEW,
        interviewers=(interviewer or Contact("Bill Lumbergh", email="bill@initech.example"),),
        factors=(Factor("Interesting payments domain", "plus", 6),),
        notes=notes or FULL_NOTES,
    )
    owner = owner or Contact("Alex Example", email="alex@example.com")
    ws = Workspace(opportunities=(opportunity,), owner=owner)
    return draft_note(ws, "initech", today=INTERVIEW)


def parse(data: bytes) -> email.message.EmailMessage:
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, email.message.EmailMessage)
    return message


# -- .eml ---------------------------------------------------------------------------------


def test_the_eml_is_an_unsent_draft_from_the_owner_to_the_interviewer(workspace: Workspace) -> None:
    draft = draft_note(workspace, "acme-data-engineer", today=STORY_DAY)
    message = parse(draft.to_eml())
    assert set(message.keys()) == EML_HEADERS
    assert message["X-Unsent"] == "1"
    assert str(message["From"]) == "Alex Example <alex@example.com>"
    assert str(message["To"]) == "Jordan Rivera <jordan@acme.example>"
    assert len(message["To"].addresses) == 1
    assert message["Subject"] == draft.subject
    assert message.get_content() == draft.body + "\n"


def test_the_eml_needs_the_owners_email() -> None:
    draft = make_draft(owner=Contact("Alex Example"))
    with pytest.raises(ValidationError, match=r"sender.email"):
        draft.to_eml()


def test_the_eml_needs_the_interviewers_email() -> None:
    draft = make_draft(interviewer=Contact("Bill Lumbergh"))
    with pytest.raises(ValidationError, match=r"recipient.email"):
        draft.to_eml()


def test_text_and_markdown_need_no_email_addresses() -> None:
    draft = make_draft(interviewer=Contact("Bill Lumbergh"), owner=Contact("Alex Example"))
    assert draft.to_text().startswith("To: Bill Lumbergh\nSubject: Thank you")
    assert "**To:** Bill Lumbergh\n" in draft.to_markdown()


def test_the_eml_keeps_ampersands_as_typed() -> None:
    draft = make_draft(company='AT&T "R&D" <Legal>')
    body = parse(draft.to_eml()).get_content()
    assert 'AT&T "R&D" <Legal>' in body and "&amp;" not in body


def test_a_role_that_would_smuggle_a_header_is_refused_with_no_file(tmp_path: Path) -> None:
    draft = replace(make_draft(), subject="Thank you\nBcc: evil@example.com")
    with pytest.raises(ValidationError, match="subject"):
        draft.save(tmp_path, format="eml")
    assert list(tmp_path.iterdir()) == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    owner=contacts,
    interviewer=contacts,
    owner_email=emails,
    interviewer_email=emails,
    company=single_line_text(),
    role=single_line_text(),
)
def test_any_eml_has_exactly_the_expected_headers_or_is_refused(
    owner: Contact,
    interviewer: Contact,
    owner_email: str,
    interviewer_email: str,
    company: str,
    role: str,
) -> None:
    draft = make_draft(
        company=company,
        role=role,
        owner=replace(owner, email=owner_email),
        interviewer=replace(interviewer, email=interviewer_email),
    )
    try:
        data = draft.to_eml()
    except ValidationError:
        return  # a field unfit for a header (an encoded word, a direction control)
    message = parse(data)
    assert set(message.keys()) == EML_HEADERS
    assert message.get_content() == draft.body + "\n"


# -- Markdown and text ---------------------------------------------------------------------


def test_markdown_has_the_subject_heading_and_the_body_as_typed(workspace: Workspace) -> None:
    draft = draft_note(workspace, "northwind-platform-lead", today=STORY_DAY)
    markdown = draft.to_markdown()
    assert markdown.startswith(f"# {draft.subject}\n\n**To:** Priya Natarajan <priya@")
    assert "Best regards,  \nAlex Example\n" in markdown
    assert markdown.replace("  \n", "\n").endswith(draft.body + "\n")


def test_text_is_the_headers_then_the_body(workspace: Workspace) -> None:
    draft = draft_note(workspace, "northwind-platform-lead", today=STORY_DAY)
    assert draft.to_text() == (
        f"To: Priya Natarajan <priya@northwind.example>\nSubject: {draft.subject}\n\n{draft.body}\n"
    )


# -- HTML preview --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "hostile", ["<img src=x onerror=alert(1)>", '<a href="javascript:alert(1)">x</a>']
)
def test_the_html_preview_escapes_user_text(hostile: str) -> None:
    draft = make_draft(company=hostile, notes=Notes(discussed=(f"{hostile} svg",)))
    html = draft.html_preview()
    assert "<img" not in html and "<a " not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html or "&lt;a href=" in html


def test_the_html_preview_marks_findings_with_their_message() -> None:
    draft = make_draft(notes=Notes(discussed=("how to recieve payments",)))
    html = draft.html_preview()
    assert '<mark class="followup-finding followup-spelling"' in html
    assert ">recieve</mark>" in html and "did you mean" in html


def test_an_edited_body_is_checked_again() -> None:
    draft = make_draft()
    edited = draft.with_body(draft.body.replace("Dear Bill,", "Hey Bill,"))
    assert [finding.text for finding in edited.findings] == ["Hey"]
    assert edited.body.startswith("Hey Bill,") and draft.findings == ()


def test_an_edited_body_keeps_what_the_notes_lack() -> None:
    draft = make_draft(notes=replace(FULL_NOTES, stronger_because=()))
    assert [f.field for f in draft.checklist] == ["notes.stronger_because"]
    edited = draft.with_body(draft.body + "\n\nP.S. I can start in March.")
    assert [f.field for f in edited.checklist] == ["notes.stronger_because"]
    assert edited.checklist[0].start == len(edited.body)


# -- saving ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["eml", "md", "txt"])
def test_save_names_the_file_after_company_role_and_kind(tmp_path: Path, fmt: str) -> None:
    path = make_draft().save(tmp_path, format=fmt)
    assert path == tmp_path / f"initech-backend-engineer-thank-you.{fmt}"
    assert path.read_bytes()


def test_saving_twice_never_overwrites(tmp_path: Path) -> None:
    draft = make_draft()
    first = draft.save(tmp_path, format="txt")
    first.write_text("my edits")
    second = draft.save(tmp_path, format="txt")
    assert second.name == "initech-backend-engineer-thank-you-2.txt"
    assert first.read_text() == "my edits"
    assert second.read_text(encoding="utf-8") == draft.to_text()


def test_a_saved_eml_parses_back_to_the_body(tmp_path: Path) -> None:
    draft = make_draft()
    path = draft.save(tmp_path)
    assert path.suffix == ".eml"
    assert parse(path.read_bytes()).get_content() == draft.body + "\n"


def test_a_company_that_looks_like_a_path_stays_inside_the_folder(tmp_path: Path) -> None:
    path = make_draft(company="../../etc/passwd").save(tmp_path, format="md")
    assert path.parent == tmp_path
    assert path.name == "etc-passwd-backend-engineer-thank-you.md"


def test_an_eml_that_cannot_be_built_writes_no_file(tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        make_draft(owner=Contact("Alex Example")).save(tmp_path, format="eml")
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="format must be 'eml', 'md' or 'txt'; got 'pdf'"):
        make_draft().save(tmp_path, format="pdf")
