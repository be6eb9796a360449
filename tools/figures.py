"""Render every chart of the bundled example into a folder, as PNG files.

Run ``python tools/figures.py [OUTDIR]`` (``make figures``); the README
shows the files it writes to ``docs/images``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from followup.model import Workspace
from followup.storage.files import example_workspace

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["FIGURES", "main", "render_figures"]

#: The opportunity whose T and flip points the pictures show: it passes, but only just.
SHOWCASE = "initech-backend-engineer"
DEFAULT_FOLDER = Path("docs", "images")


def _charts() -> dict[str, Callable[[Workspace], Axes]]:
    from followup import charts

    return {
        "t-chart": lambda ws: charts.plot_t(ws, SHOWCASE),
        "balance": charts.plot_balance,
        "flip-points": lambda ws: charts.plot_flip_points(ws, SHOWCASE),
        "categories": charts.plot_categories,
        "robustness": charts.plot_robustness,
    }


#: The file names written, without ".png".
FIGURES = ("t-chart", "balance", "flip-points", "categories", "robustness")


def render_figures(
    folder: Path, workspace: Workspace | None = None, *, dpi: float = 100
) -> list[Path]:
    """Write one PNG per chart of ``workspace`` (default: the example) into ``folder``.

    Returns the paths written, in the order of :data:`FIGURES`.
    """
    from followup.charts import figure_png

    workspace = example_workspace() if workspace is None else workspace
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    charts = _charts()
    for name in FIGURES:
        path = folder / f"{name}.png"
        path.write_bytes(figure_png(charts[name](workspace), dpi=dpi, compress_level=9))
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python tools/figures.py [OUTDIR] [--dpi N]``."""
    parser = argparse.ArgumentParser(
        prog="python tools/figures.py",
        description="Render the charts of the bundled example as PNG files.",
    )
    parser.add_argument(
        "folder",
        nargs="?",
        type=Path,
        default=DEFAULT_FOLDER,
        help=f"where to write the files (default: {DEFAULT_FOLDER})",
    )
    parser.add_argument("--dpi", type=float, default=100, help="dots per inch (default: 100)")
    arguments = parser.parse_args(argv)
    if not 20 <= arguments.dpi <= 600:
        parser.error(f"--dpi must be a number from 20 to 600; got {arguments.dpi:g}")
    try:
        written = render_figures(arguments.folder, dpi=arguments.dpi)
    except OSError as error:
        print(f"cannot write the figures to {arguments.folder}: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
