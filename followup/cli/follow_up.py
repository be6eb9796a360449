"""Commands that plan and write the follow-up: ``today``, ``draft``, ``remind``, ``record``."""

from __future__ import annotations

import argparse
import datetime as dt
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from followup.cli.arguments import (
    Command,
    add_format,
    add_opportunity,
    add_out,
    add_today,
    add_workspace,
    date_argument,
)
from followup.cli.common import data_text, load, shell_word, today_or_now
from followup.cli.console import Console, Piece, Styled
from followup.errors import Problem, ValidationError
from followup.etiquette.plan import ACTION_PHRASES
from followup.model import EVENT_KINDS

if TYPE_CHECKING:
    from collections.abc import Sequence

    import pandas as pd

    from followup.notes.writing import Finding

__all__ = ["DRAFT", "RECORD", "REMIND", "TODAY"]

_EVENT_OF_NOTE = {"thank_you": "thank_you_sent", "check_in": "check_in_sent"}
_NOTE_FORMATS = ("eml", "md", "txt")

TODAY_EXAMPLES = """\
examples:
  followup today search.json
  followup today search.json --today 2026-12-01
  followup today search.json --format csv

One entry per opportunity, soonest first: the next step of the etiquette
(call the recruiter, one thank-you, one check-in after about two weeks of
silence, then leave it alone), when it is due, and why.
"""

DRAFT_EXAMPLES = """\
examples:
  followup draft search.json acme-data-engineer
  followup draft search.json acme-data-engineer --kind check_in --out drafts
  followup draft search.json northwind-platform-lead --format md --today 2026-12-01

Writes the note the plan calls for (or --kind) into --out, never overwriting a
file, and lists what the writing check found in it. When the etiquette does
not allow that note yet, nothing is written and the message says why and from
when. followup never sends mail: send the note yourself, then record it with
'followup record FILE ID thank_you_sent' (or check_in_sent).
"""

REMIND_EXAMPLES = """\
examples:
  followup remind search.json initech-backend-engineer
  followup remind search.json initech-backend-engineer --out ~/calendar

Writes an .ics calendar file with one all-day event, on the day a check-in
becomes fitting, with an alarm. Importing it again updates the event instead
of adding a second one. Needs a recorded thank-you and no check-in yet.
"""

RECORD_EXAMPLES = """\
examples:
  followup record search.json northwind-platform-lead thank_you_sent
  followup record search.json acme-data-engineer check_in_sent --on 2026-11-26
  followup record search.json hooli-site-reliability reply_received --note "Call on Friday"

events: recruiter_called, thank_you_sent, check_in_sent, reply_received, closed.
The workspace is saved in place (the previous version stays as FILE.bak); edits
saved meanwhile by another program (the notebook app) are kept.
"""


# ---------------------------------------------------------------------------
# today


def run_today(args: argparse.Namespace, console: Console) -> int:
    from followup.etiquette import timeline

    workspace = load(args.file)
    today = today_or_now(args.today)
    table = timeline(workspace, today=today)
    if args.format != "table":
        console.data(data_text(table, args.format, key="timeline"))
        return 0
    _print_timeline(console, table, today, args.file)
    return 0


def _print_timeline(console: Console, table: pd.DataFrame, today: dt.date, file: str) -> None:
    if table.empty:
        console.print(f"{today.isoformat()}: no opportunities in this workspace yet.")
        return
    steps = [
        {"opportunity": opportunity_id, **row}
        for opportunity_id, row in zip(table.index, table.to_dict("records"), strict=True)
    ]
    due_now = [
        step
        for step in steps
        if step["due"] is not None and step["due"] <= today and step["action"] != "wait"
    ]
    overdue = sum(bool(step["overdue"]) for step in due_now)
    summary = f"{today.isoformat()}: {_count(len(due_now), 'step')} to take today"
    summary += f" ({overdue} overdue)." if overdue else "."
    console.print(Styled(summary, "bold"))
    for step in steps:
        console.print()
        when = _when(step["due"], bool(step["overdue"]), today)
        console.print(*when, "  ", Styled(_action(str(step["action"])), "bold"))
        heading = f"{step['company']} — {step['role']} ({step['opportunity']}, {step['verdict']})"
        console.paragraph(heading, indent=4)
        console.paragraph(str(step["reason"]), indent=4)
    if any(step["action"] in ("send_thank_you", "send_check_in") for step in due_now):
        console.print()
        console.print("Draft a note with:")
        console.print(f"  followup draft {shell_word(file)} ID")


_WHEN_WIDTH = len("2026-12-01 overdue")


def _when(due: dt.date | None, overdue: bool, today: dt.date) -> list[Piece]:
    """The due date and its state, padded so that the actions line up."""
    if due is None:
        return ["no date".ljust(_WHEN_WIDTH)]
    if overdue:
        state = Styled("overdue", "overdue")
    elif due == today:
        state = Styled("today", "due")
    else:
        return [due.isoformat().ljust(_WHEN_WIDTH)]
    padding = " " * (_WHEN_WIDTH - len(due.isoformat()) - 1 - len(state.text))
    return [due.isoformat(), " ", state, padding]


def _action(action: str) -> str:
    phrase = ACTION_PHRASES[action]
    return phrase[0].lower() + phrase[1:]


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


# ---------------------------------------------------------------------------
# draft


def run_draft(args: argparse.Namespace, console: Console) -> int:
    from followup.notes.compose import draft_note

    workspace = load(args.file)
    today = today_or_now(args.today)
    draft = draft_note(workspace, args.opportunity, today=today, kind=args.kind)
    path = draft.save(Path(args.out), format=args.format)
    note = "thank-you" if draft.kind == "thank_you" else "check-in"
    console.print(f"Wrote the {note} to {_name_of(draft.to)}:")
    console.print("  ", Styled(str(path), "bold"))
    console.print(f"Subject: {draft.subject}")
    console.print()
    _print_findings(console, draft.body, draft.findings)
    console.print()
    event = _EVENT_OF_NOTE.get(draft.kind, "thank_you_sent")
    console.print("followup never sends mail: send it yourself, then record it with")
    console.print(f"  followup record {shell_word(args.file)} {args.opportunity} {event}")
    return 0


def _name_of(contact: object) -> str:
    name = getattr(contact, "name", None)
    return str(name if name is not None else contact)


def _print_findings(console: Console, body: str, findings: Sequence[Finding]) -> None:
    from followup.cli.writing_check import finding_lines

    if not findings:
        console.print(Styled("The writing check found nothing to fix.", "pass"))
        return
    console.print(
        Styled(f"The writing check found {_count(len(findings), 'thing')} to look at", "warning"),
        " (line:column in the body):",
    )
    for line in finding_lines(body, findings, source=None):
        console.print("  ", *line)


# ---------------------------------------------------------------------------
# remind


def run_remind(args: argparse.Namespace, console: Console) -> int:
    from followup.export.filenames import safe_filename, write_new_file
    from followup.export.reminders import check_in_date, reminder_ics

    workspace = load(args.file)
    today = today_or_now(args.today)
    opportunity = workspace.opportunity(args.opportunity)
    data = reminder_ics(workspace, opportunity.id, today=today)
    name = safe_filename(opportunity.company, opportunity.role, "check-in-reminder", ext="ics")
    path = write_new_file(Path(args.out), name, data)
    console.print(f"Wrote the check-in reminder for {opportunity.company}:")
    console.print("  ", Styled(str(path), "bold"))
    due = check_in_date(workspace, opportunity.id)
    sentence = (
        f"On {due.isoformat()} it reminds you to check in, if nothing is heard by then. "
        "Import it into your calendar."
    )
    console.paragraph(sentence)
    return 0


# ---------------------------------------------------------------------------
# record


def run_record(args: argparse.Namespace, console: Console) -> int:
    from followup.etiquette import next_step, record_event
    from followup.storage.workspace_file import WorkspaceFile

    today = today_or_now(args.today)
    on = args.on if args.on is not None else today
    if on > today:
        # A record is a fact; a date still to come is almost always a typo in the year.
        raise ValidationError(
            [Problem("--on", f"must be on or before today ({today.isoformat()})", on)]
        )
    file = WorkspaceFile(Path(args.file))
    workspace = file.load()
    updated = record_event(workspace, args.opportunity, args.event, on=on, note=args.note)
    saved = file.save(updated)
    opportunity = saved.opportunity(args.opportunity)
    sentence = (
        f"Recorded {args.event} on {on.isoformat()} for {opportunity.company} "
        f"({opportunity.id}) in {args.file}."
    )
    if saved != updated:
        sentence += " Changes another program saved meanwhile were kept."
    console.paragraph(sentence)
    step = next_step(saved, opportunity.id, today=max(today, on))
    console.print(Styled("Next: ", "bold"), _action(step.action))
    console.paragraph(step.reason, indent=2)
    return 0


# ---------------------------------------------------------------------------
# the commands


def _note_kind(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--kind",
        choices=("thank_you", "check_in"),
        help="the note to write (default: the one the plan calls for today)",
    )


def _note_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=_NOTE_FORMATS,
        default="eml",
        help="eml opens in a mail program as an unsent draft (default); md or txt for plain text",
    )


def _event(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "event", metavar="EVENT", choices=EVENT_KINDS, help="what happened (see below)"
    )
    parser.add_argument(
        "--on",
        type=date_argument,
        metavar="DATE",
        help="when it happened, YYYY-MM-DD (default: today)",
    )
    parser.add_argument(
        "--note", metavar="TEXT", help="a note to keep with it (what the reply said, ...)"
    )


_opportunity = partial(add_opportunity, listed_by="today")

TODAY = Command(
    "today",
    summary="what to do today and next, per opportunity",
    description="The follow-up timeline: the next step for every opportunity, soonest first.",
    examples=TODAY_EXAMPLES,
    arguments=(add_workspace, add_today, add_format),
    run=run_today,
)
DRAFT = Command(
    "draft",
    summary="write the follow-up note (thank-you or check-in) into a file",
    description="Draft the follow-up note for one opportunity and check its writing.",
    examples=DRAFT_EXAMPLES,
    arguments=(add_workspace, _opportunity, _note_kind, add_out, _note_format, add_today),
    run=run_draft,
)
REMIND = Command(
    "remind",
    summary="write a calendar reminder (.ics) for the check-in",
    description="Write a calendar file that reminds you when a check-in becomes fitting.",
    examples=REMIND_EXAMPLES,
    arguments=(add_workspace, _opportunity, add_out, add_today),
    run=run_remind,
)
RECORD = Command(
    "record",
    summary="record a sent note, a reply, a recruiter call, or closing",
    description="Record what happened with one opportunity, and save the workspace.",
    examples=RECORD_EXAMPLES,
    arguments=(add_workspace, _opportunity, _event, add_today),
    run=run_record,
)
