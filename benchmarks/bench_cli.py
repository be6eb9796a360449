"""Command line: ``followup --help`` and ``followup score`` in fresh processes.

Every figure is the wall time of a whole process (interpreter start-up
included), because that is what a person at the terminal waits for. The
baselines run in the same rounds: ``python -c pass`` (the interpreter alone)
and ``python -c "import followup"`` (the package the command is built on), so
the ratios show what the command line itself adds. The subjects alternate
within each round so that a busy moment of the machine hits all of them alike.

Run on its own with ``--against DIR`` (another checkout of followup, say the
previous commit unpacked with ``git archive``) to time both trees in the same
rounds and print the ratio new/old::

    git archive HEAD~1 | tar -x -C /tmp/followup-before
    python benchmarks/bench_cli.py --against /tmp/followup-before
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from timing import Measurement, Section, milliseconds

__all__ = ["SUBJECTS", "median_process_seconds", "run"]

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "data" / "example.json"

#: What is timed: a label and the arguments after ``python``.
SUBJECTS: dict[str, list[str]] = {
    "python -c pass": ["-c", "pass"],
    "python -c 'import argparse'": ["-c", "import argparse"],
    "python -c 'import followup'": ["-c", "import followup"],
    "followup --help": ["-m", "followup", "--help"],
    "followup score data/example.json": ["-m", "followup", "score", str(EXAMPLE)],
}


def _process_seconds(arguments: list[str], root: Path) -> tuple[float, float]:
    """Wall time and processor time (user + system) of one run of ``python ARGUMENTS``."""
    environment = {**os.environ, "PYTHONPATH": str(root), "NO_COLOR": "1"}
    environment.pop("FORCE_COLOR", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, *arguments],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median_process_seconds(
    roots: dict[str, Path], rounds: int, *, processor: bool = False
) -> dict[tuple[str, str], float]:
    """Median wall time of every subject under every tree, keyed ``(tree, subject)``.

    With ``processor``, the processor time instead: on a busy machine it
    varies much less than the wall time. One warm-up round fills the file
    cache; then each round runs every subject once under every tree, in turn.
    """
    samples: dict[tuple[str, str], list[float]] = {}
    for round_number in range(rounds + 1):
        for tree, root in roots.items():
            for subject, arguments in SUBJECTS.items():
                wall, cpu = _process_seconds(arguments, root)
                if round_number:  # round 0 warms up
                    samples.setdefault((tree, subject), []).append(cpu if processor else wall)
    return {key: statistics.median(values) for key, values in samples.items()}


def run(*, quick: bool = False, rounds: int | None = None) -> list[Section]:
    rounds = rounds or (5 if quick else 15)
    medians = median_process_seconds({"this": ROOT}, rounds)

    def seconds(subject: str) -> float:
        return medians[("this", subject)]

    note = f"fresh process each time, wall time, median of {rounds}"
    section = Section("Command line")
    section.measurements += [
        Measurement(
            "followup --help",
            seconds("followup --help"),
            "python -c 'import followup'",
            seconds("python -c 'import followup'"),
            goal="≤ 1.2×",
            met=seconds("followup --help") <= 1.2 * seconds("python -c 'import followup'"),
            note=note,
        ),
        Measurement(
            "followup score data/example.json",
            seconds("followup score data/example.json"),
            "python -c 'import followup'",
            seconds("python -c 'import followup'"),
            note=note,
        ),
        Measurement(
            "python -c 'import followup'",
            seconds("python -c 'import followup'"),
            "python -c 'import argparse'",
            seconds("python -c 'import argparse'"),
            note=note,
        ),
        Measurement(
            "python -c 'import argparse'",
            seconds("python -c 'import argparse'"),
            "python -c pass",
            seconds("python -c pass"),
            note=note,
        ),
    ]
    section.remarks.append(
        "The terminal layer (rich) is imported only when a command prints through it, "
        "so `followup --help` never loads it; `import followup` (pandas) is most of any command."
    )
    return [section]


def _compare(against: Path, rounds: int, *, processor: bool) -> None:
    medians = median_process_seconds({"this": ROOT, "other": against}, rounds, processor=processor)
    width = max(len(subject) for subject in SUBJECTS)
    measure = "processor time (user + system)" if processor else "wall time"
    print(f"median {measure} of {rounds} fresh processes each, both trees in the same rounds")
    print(f"this:  {ROOT}\nother: {against}\n")
    print(f"{'':{width}}  {'this':>9}  {'other':>9}  this/other")
    for subject in SUBJECTS:
        this, other = medians[("this", subject)], medians[("other", subject)]
        print(
            f"{subject:{width}}  {milliseconds(this):>9}  {milliseconds(other):>9}"
            f"  {this / other:.2f}×"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, help="another followup checkout to compare with")
    parser.add_argument("--rounds", type=int, default=15, help="timed rounds (default: 15)")
    parser.add_argument(
        "--processor", action="store_true", help="with --against: processor time, not wall time"
    )
    options = parser.parse_args(argv)
    if options.against is not None:
        _compare(options.against.resolve(), options.rounds, processor=options.processor)
        return 0
    from report import print_sections

    print_sections(run(rounds=options.rounds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
