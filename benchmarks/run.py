"""Run followup's benchmarks: ``python benchmarks/run.py`` (``--help`` for options).

Each benchmark times followup and a baseline in the same run and prints the
medians and their ratio; the figures go to ``docs/benchmarks.md`` together
with the machine they come from.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# Run as a script: the benchmark modules sit beside this file, followup one folder up.
sys.path[:0] = [str(HERE), str(ROOT)]
os.environ.setdefault("MPLBACKEND", "Agg")

import bench_browser  # noqa: E402
import bench_charts  # noqa: E402
import bench_cli  # noqa: E402
import bench_interaction  # noqa: E402
import bench_notebooks  # noqa: E402
import bench_saving  # noqa: E402
import bench_scoring  # noqa: E402
import bench_startup  # noqa: E402
import bench_writing  # noqa: E402
from report import markdown, print_sections  # noqa: E402
from timing import Section  # noqa: E402

BENCHMARKS: dict[str, Callable[..., list[Section]]] = {
    "startup": bench_startup.run,
    "cli": bench_cli.run,
    "interaction": bench_interaction.run,
    "charts": bench_charts.run,
    "writing": bench_writing.run,
    "scoring": bench_scoring.run,
    "saving": bench_saving.run,
    "notebooks": bench_notebooks.run,
    "browser": bench_browser.run,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "names", nargs="*", help=f"benchmarks to run: {', '.join(BENCHMARKS)} (default: all)"
    )
    parser.add_argument("--quick", action="store_true", help="fewer repeats and smaller sizes")
    parser.add_argument(
        "--markdown",
        type=Path,
        default=ROOT / "docs" / "benchmarks.md",
        help="where to write the report (default: docs/benchmarks.md)",
    )
    parser.add_argument("--no-markdown", action="store_true", help="print only")
    options = parser.parse_args(argv)
    unknown = [name for name in options.names if name not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark {unknown[0]!r}; choose from {', '.join(BENCHMARKS)}")
    names = options.names or list(BENCHMARKS)
    sections: list[Section] = []
    for name in names:
        print(f"running {name} ...", flush=True)
        found = BENCHMARKS[name](quick=options.quick)
        print_sections(found)
        sections += found
    if not options.no_markdown:
        command = "python benchmarks/run.py" + (" --quick" if options.quick else "")
        if options.names:
            command += " " + " ".join(options.names)
        options.markdown.parent.mkdir(parents=True, exist_ok=True)
        options.markdown.write_text(markdown(sections, command=command, today=dt.date.today()))
        print(f"\nwritten: {options.markdown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
