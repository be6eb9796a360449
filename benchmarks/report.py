"""Reports: the machine the figures come from, a console table and a Markdown page."""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys
from importlib import metadata
from pathlib import Path

from timing import Measurement, Section, milliseconds

__all__ = ["machine", "markdown", "print_sections"]


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine() -> dict[str, str]:
    """What the figures depend on: processors, Python and the numeric stack."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "processors (nproc)": str(usable),
        "CPU": _cpu_model(),
        "system": platform.platform(),
        "Python": platform.python_version(),
        "numpy": _version("numpy"),
        "pandas": _version("pandas"),
        "matplotlib": _version("matplotlib"),
        "scikit-criteria": _version("scikit-criteria"),
        "load average at the end (1, 5, 15 min)": _load_average(),
    }


_BUSY_NOTE = (
    "The machine was running other work during this run (its load average exceeded the "
    "number of processors): the milliseconds are inflated, the ratios much less so."
)


def _busy() -> bool:
    try:
        load = os.getloadavg()[0]
    except OSError:
        return False
    return load > (os.cpu_count() or 1)


def _load_average() -> str:
    try:
        return ", ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def _ratio(measurement: Measurement) -> str:
    ratio = measurement.ratio
    return "—" if ratio is None else f"{ratio:.2f}×"


def _met(measurement: Measurement) -> str:
    if measurement.met is None:
        return ""
    return "yes" if measurement.met else "**no**"


_HEADER = ["measured", "median", "baseline", "baseline median", "ratio", "goal", "met"]


def _row(measurement: Measurement) -> list[str]:
    return [
        measurement.subject,
        milliseconds(measurement.seconds),
        measurement.baseline or "—",
        milliseconds(measurement.baseline_seconds),
        _ratio(measurement),
        measurement.goal or "",
        _met(measurement),
    ]


def _markdown_table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return lines


def print_sections(sections: list[Section]) -> None:
    """A plain-text report on standard output."""
    for section in sections:
        print(f"\n== {section.title}")
        if section.skipped:
            print(f"   skipped: {section.skipped}")
            continue
        rows = [_row(m) for m in section.measurements]
        for header, table_rows in [(_HEADER, rows)] + [(h, r) for _, h, r in section.tables]:
            if not table_rows:
                continue
            widths = [
                max(len(str(c)) for c in column) for column in zip(header, *table_rows, strict=True)
            ]
            for row in [header, *table_rows]:
                print("   " + "  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))
            print()
        for measurement in section.measurements:
            if measurement.note:
                print(
                    f"   note ({measurement.subject} vs {measurement.baseline}): {measurement.note}"
                )
        for remark in section.remarks:
            print(f"   {remark}")
    sys.stdout.flush()


def markdown(sections: list[Section], *, command: str, today: dt.date) -> str:
    """The page ``docs/benchmarks.md``: a summary table, then each benchmark in detail."""
    lines = [
        "# Benchmarks",
        "",
        f"Latest figures, from `{command}` on {today.isoformat()}. Each benchmark measures its",
        "baseline in the same run, on the same data, and reports medians and their ratio: the",
        "ratios travel between machines better than the milliseconds do. None of this is a",
        "timed test; the test suite never depends on the speed of the machine.",
        "",
        "## Machine",
        "",
    ]
    lines += _markdown_table(["", ""], [[k, v] for k, v in machine().items()])
    if _busy():
        lines += ["", _BUSY_NOTE]
    summary = [_row(m) for s in sections for m in s.measurements if m.goal]
    lines += ["", "## Goals at a glance", ""]
    lines += _markdown_table(_HEADER, summary)
    for section in sections:
        lines += ["", f"## {section.title}", ""]
        if section.skipped:
            lines += [f"Skipped: {section.skipped}"]
            continue
        if section.measurements:
            lines += _markdown_table(_HEADER, [_row(m) for m in section.measurements])
        for caption, header, rows in section.tables:
            if lines[-1]:
                lines.append("")
            lines += ([caption, ""] if caption else []) + _markdown_table(header, rows)
        notes = [
            f"{m.subject} against {m.baseline}: {m.note}." for m in section.measurements if m.note
        ]
        if notes or section.remarks:
            lines.append("")
        lines += [f"- {text}" for text in notes + section.remarks]
    return "\n".join(lines) + "\n"
