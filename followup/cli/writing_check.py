"""The ``check`` command: the writing check on any text, from a file or standard input."""

from __future__ import annotations

import argparse
import bisect
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from followup.cli.arguments import Command
from followup.cli.console import Console, Piece, Styled
from followup.errors import ValidationError

if TYPE_CHECKING:
    from followup.notes.writing import Finding

__all__ = ["CHECK", "MAX_TEXT_BYTES", "finding_lines", "line_and_column", "read_text"]

#: Notes are a few kilobytes; anything past this is not a note (and would be slow to check).
MAX_TEXT_BYTES = 1_000_000

CHECK_EXAMPLES = """\
examples:
  followup check note.txt
  followup check note.txt --kind thank_you --known-words names.txt
  followup check note.txt --english UK
  echo "moving the batch jobs to streaming" | followup check - --fragment
  pbpaste | followup check -

Looks for spelling and grammar mistakes (their/there, "a MBA", "would of",
names close to a known name), repeated words, capitalization, a tone too
familiar for a possible employer ("hey", "awesome", "!!", emoji), unfilled
placeholders ([NAME], TODO) and, with --kind, a length outside the band for
that note (thank-you: 120-250 words, check-in: at most 120). --english UK
expects British spelling ("organise"); --fragment checks a note item, which
need not be a whole sentence. Each finding is
printed as FILE:LINE:COLUMN: KIND: MESSAGE. The known-words file lists names
and terms to accept, one per line ('#' starts a comment). The exit status is 0
whether or not something was found: the findings are advice, not errors.
"""


def run_check(args: argparse.Namespace, console: Console) -> int:
    from followup.notes.writing import check_writing

    source = "<stdin>" if args.textfile == "-" else args.textfile
    text = read_text(args.textfile)
    known: list[str] = []
    if args.known_words is not None:
        known = _known_words(read_text(args.known_words))
    findings = check_writing(
        text,
        known_words=known,
        kind=args.kind,
        english=args.english,
        scope="fragment" if args.fragment else "note",
    )
    for line in finding_lines(text, findings, source=source):
        console.print(*line)
    if findings:
        noun = "finding" if len(findings) == 1 else "findings"
        console.notice(f"{len(findings)} {noun} in {source}.")
    else:
        console.notice(f"No findings in {source}.")
    return 0


def read_text(name: str) -> str:
    """The UTF-8 text of a file (``-``: standard input), at most :data:`MAX_TEXT_BYTES` bytes."""
    if name == "-":
        raw = sys.stdin.buffer.read(MAX_TEXT_BYTES + 1)
        source = "standard input"
    else:
        with Path(name).open("rb") as handle:
            raw = handle.read(MAX_TEXT_BYTES + 1)
        source = name
    if len(raw) > MAX_TEXT_BYTES:
        raise ValidationError(
            f"{source} is larger than {MAX_TEXT_BYTES:,} bytes: that is not a note to check"
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        bad = raw[error.start : error.start + 1]
        raise ValidationError(
            f"{source} is not UTF-8 text: byte {error.start} is {bad!r}"
        ) from None


def _known_words(text: str) -> list[str]:
    words = []
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            words.append(entry)
    return words


def line_and_column(text: str, offset: int, starts: Sequence[int] | None = None) -> tuple[int, int]:
    """Line and column (both from 1) of an offset in the text.

    ``starts`` are the offsets where lines begin (see :func:`line_starts`), worked out
    once for a text with many findings.

    >>> line_and_column("Dear Jo,\\nthanks", 9)
    (2, 1)
    """
    starts = line_starts(text) if starts is None else starts
    line = bisect.bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def line_starts(text: str) -> list[int]:
    """The offset at which each line of ``text`` begins.

    >>> line_starts("a\\nbc\\n")
    [0, 2, 5]
    """
    return [0, *(match.end() for match in re.finditer("\n", text))]


def finding_lines(
    text: str, findings: Sequence[Finding], *, source: str | None
) -> list[list[Piece]]:
    """One line per finding: ``source:line:column: kind: message`` (no source: ``line:column``)."""
    lines: list[list[Piece]] = []
    starts = line_starts(text)
    for finding in findings:
        line, column = line_and_column(text, finding.start, starts)
        where = f"{source}:{line}:{column}" if source is not None else f"{line}:{column}"
        lines.append([f"{where}: ", Styled(finding.kind, "warning"), f": {finding.message}"])
    return lines


def _check_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "textfile", metavar="TEXTFILE", help="the text to check ('-' for standard input)"
    )
    parser.add_argument(
        "--known-words", metavar="FILE", help="names and terms to accept, one per line"
    )
    what = parser.add_mutually_exclusive_group()
    what.add_argument(
        "--kind",
        choices=("thank_you", "check_in"),
        help="also check the length for this kind of note",
    )
    what.add_argument(
        "--fragment",
        action="store_true",
        help="the text is a note item, not a whole note (no sentence capitals, no length)",
    )
    parser.add_argument(
        "--english",
        choices=("US", "UK"),
        default="US",
        help="the spelling to expect (default: US)",
    )


CHECK = Command(
    "check",
    summary="the writing check (spelling, tone, placeholders...) on any text",
    description="Check the writing of a note: a text file, or standard input with '-'.",
    examples=CHECK_EXAMPLES,
    arguments=(_check_arguments,),
    run=run_check,
)
