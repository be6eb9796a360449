"""The writing check takes time in proportion to the length of the text, whatever the text.

Measured as a ratio, not a time: doubling the text may at most about double the
time (2.5 allows for noise). Each shape once took quadratic (or worse) time
somewhere: in a regular expression, in the sentence-start search, in the overlap
check, or inside the grammar engine, which is why it gets its text in chunks.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable

import pytest

from followup.notes.writing import check_writing, load_dictionary

PROSE = (
    "I enjoyed our conversation about moving the nightly batch pipelines to streaming, and "
    "I appreciated hearing how the team balances delivery with careful code review. "
)


def repeated(unit: str, prefix: str = "") -> Callable[[int], str]:
    def make(size: int) -> str:
        return prefix + (unit * (size // len(unit) + 1))[: size - len(prefix)]

    return make


SHAPES: dict[str, Callable[[int], str]] = {
    "blank-lines": repeated("\n\n"),
    "e.g.": repeated("e.g. "),
    "prose": repeated(PROSE),
    "one-huge-word": repeated("a"),
    "dots": repeated("a."),
    "hyphens": repeated("-"),
    "apostrophes": repeated("'"),
    "ats": repeated("a@"),
    "braces": repeated("{{ "),
    "brackets": repeated("[A "),
    "bracket-underscores": repeated("_B", prefix="[A"),
    "lone-i": repeated("i "),
    "emoji": repeated("🎉"),
    "numbers": repeated("12 "),
    "capitals": repeated("AMAZING CCRN "),
    "real-word-slips": repeated("Thank you for you time, its clear. "),
}
SIZE = 12_000


def seconds(text: str) -> float:
    """Processor time of one check (every thread of this process): other programs on a
    busy machine slow the clock on the wall, not this."""
    gc.collect()
    gc.disable()
    try:
        begin = time.process_time()
        check_writing(text, kind="thank_you")
        return time.process_time() - begin
    finally:
        gc.enable()


def doubling_ratio(small: str, large: str) -> float:
    """Median time of the large text over the small one, measured in turns."""
    # Interleaved, so a busy moment of the machine falls on both sizes alike.
    small_times, large_times = [], []
    for _ in range(5):
        small_times.append(seconds(small))
        large_times.append(seconds(large))
    return statistics.median(large_times) / statistics.median(small_times)


@pytest.mark.slow
@pytest.mark.parametrize("shape", SHAPES, ids=list(SHAPES))
def test_doubling_the_text_at_most_about_doubles_the_time(shape: str) -> None:
    load_dictionary()
    small, large = SHAPES[shape](SIZE), SHAPES[shape](2 * SIZE)
    check_writing(small)  # anything cached on first sight is not part of the measure
    # A quadratic path gives about 4 every time; other programs on a shared machine can
    # push one measure past 2.5, so a shape passes when one of three measures is in bounds.
    ratios = []
    for _ in range(3):
        ratios.append(doubling_ratio(small, large))
        if ratios[-1] <= 2.5:
            break
    assert min(ratios) <= 2.5, f"{shape}: {', '.join(f'{r:.2f}' for r in ratios)}"
