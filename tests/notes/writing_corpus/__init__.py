"""The writing corpus: sentences with one real error each, and correct ones, scored.

``errors.toml`` and ``correct.toml`` hold sentences from several fields
(nursing, teaching, retail, engineering, sales, finance, data, UX, events,
accounting) in US and UK English, written for these tests. An error sentence
is *caught* when a finding overlaps its error (the ``fragment``, give or take
three characters); a correct sentence is a *false alarm* when it gets any
finding that is not about the note as a whole.

Run ``python -m tests.notes.writing_corpus`` for the figures, with every miss
and false alarm listed.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from followup.notes.writing import NOTE_LEVEL_KINDS, Finding, check_writing

__all__ = ["NEAR", "Entry", "Score", "load", "score"]

HERE = Path(__file__).resolve().parent
#: How far (in characters) a finding may sit from the error and still point at it.
NEAR = 3


@dataclass(frozen=True)
class Entry:
    """One sentence of the corpus."""

    text: str
    english: str
    field: str
    error: str | None = None
    fragment: str | None = None
    known: tuple[str, ...] = ()
    scope: str = "note"

    def error_span(self) -> tuple[int, int]:
        """Where the error is: the first whole-word occurrence of ``fragment``."""
        assert self.fragment is not None
        found = re.search(rf"(?<!\w){re.escape(self.fragment)}(?!\w)", self.text)
        if found is None:
            raise ValueError(f"fragment {self.fragment!r} is not in {self.text!r}")
        return found.span()

    def check(self) -> list[Finding]:
        return check_writing(
            self.text,
            known_words=self.known,
            english=self.english,  # type: ignore[arg-type]
            scope=self.scope,  # type: ignore[arg-type]
        )


def load(name: str) -> list[Entry]:
    """The entries of ``errors`` or ``correct``."""
    with (HERE / f"{name}.toml").open("rb") as handle:
        raw = tomllib.load(handle)["sentence"]
    return [
        Entry(
            text=item["text"],
            english=item["english"],
            field=item["field"],
            error=item.get("error"),
            fragment=item.get("fragment"),
            known=tuple(item.get("known", ())),
            scope=item.get("scope", "note"),
        )
        for item in raw
    ]


@dataclass
class Score:
    """What the check made of the corpus."""

    caught: list[tuple[Entry, list[Finding]]] = field(default_factory=list)
    missed: list[tuple[Entry, list[Finding]]] = field(default_factory=list)
    quiet: list[Entry] = field(default_factory=list)
    false_alarms: list[tuple[Entry, list[Finding]]] = field(default_factory=list)

    def caught_rate(self, english: str | None = None) -> float:
        caught = _of(self.caught, english)
        return len(caught) / max(1, len(caught) + len(_of(self.missed, english)))

    def false_alarm_rate(self, english: str | None = None) -> float:
        alarms = _of(self.false_alarms, english)
        quiet = [entry for entry in self.quiet if english in (None, entry.english)]
        return len(alarms) / max(1, len(alarms) + len(quiet))

    def report(self) -> str:
        lines = []
        for english in (None, "US", "UK"):
            label = english or "all"
            errors = len(_of(self.caught, english)) + len(_of(self.missed, english))
            correct = len(_of(self.false_alarms, english)) + len(
                [e for e in self.quiet if english in (None, e.english)]
            )
            lines.append(
                f"{label:>3}: caught {self.caught_rate(english):6.1%} of {errors} error sentences; "
                f"false alarms on {self.false_alarm_rate(english):5.1%} of {correct} correct ones"
            )
        for entry, findings in self.missed:
            lines.append(f"missed ({entry.english}, {entry.error}): {entry.text}")
            lines.extend(f"    got {f.kind} {f.text!r}: {f.message}" for f in findings)
        for entry, findings in self.false_alarms:
            lines.append(f"false alarm ({entry.english}): {entry.text}")
            lines.extend(f"    {f.kind} {f.text!r}: {f.message}" for f in findings)
        return "\n".join(lines)


def _of(
    pairs: Iterable[tuple[Entry, Sequence[Finding]]], english: str | None
) -> list[tuple[Entry, Sequence[Finding]]]:
    return [pair for pair in pairs if english in (None, pair[0].english)]


def score(errors: Iterable[Entry], correct: Iterable[Entry]) -> Score:
    """Check every sentence and sort them into caught/missed and quiet/false alarm."""
    result = Score()
    for entry in errors:
        start, end = entry.error_span()
        findings = entry.check()
        near = [
            f for f in findings if f.start < end + NEAR and max(f.end, f.start + 1) > start - NEAR
        ]
        (result.caught if near else result.missed).append((entry, findings))
    for entry in correct:
        findings = [f for f in entry.check() if f.kind not in NOTE_LEVEL_KINDS]
        if findings:
            result.false_alarms.append((entry, findings))
        else:
            result.quiet.append(entry)
    return result
