"""Measuring: medians of repeated runs, and the results every benchmark reports.

Each benchmark times its subject and a baseline in the same run, on the same
data, so that the ratio holds on any machine even when the absolute numbers
do not.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["Measurement", "Section", "median_seconds"]


def median_seconds(
    action: Callable[[], object],
    *,
    repeat: int = 15,
    warmup: int = 1,
    min_sample: float = 0.0,
    before_each: Callable[[], object] | None = None,
) -> float:
    """The median wall time of one call of ``action``, in seconds.

    ``min_sample`` groups fast calls so that each timed sample lasts at least
    that long (timer resolution and loop overhead then stop mattering).
    ``before_each`` runs untimed before every sample (to reset state).
    """
    for _ in range(warmup):
        if before_each is not None:
            before_each()
        action()
    calls = 1
    if min_sample > 0:
        started = time.perf_counter()
        action()
        once = max(time.perf_counter() - started, 1e-9)
        calls = max(1, int(min_sample / once))
    samples = []
    collecting = gc.isenabled()
    for _ in range(repeat):
        if before_each is not None:
            before_each()
        gc.collect()
        gc.disable()  # a collection landing in one sample would only add noise
        try:
            started = time.perf_counter()
            for _ in range(calls):
                action()
            samples.append((time.perf_counter() - started) / calls)
        finally:
            if collecting:
                gc.enable()
    return statistics.median(samples)


@dataclass(frozen=True)
class Measurement:
    """One line of a report: a subject against its baseline, with the goal it is held to."""

    subject: str
    seconds: float
    baseline: str | None = None
    baseline_seconds: float | None = None
    goal: str | None = None  # e.g. "≤ 2×" or "≤ 50 ms"
    met: bool | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline_seconds is None or self.baseline_seconds <= 0:
            return None
        return self.seconds / self.baseline_seconds


@dataclass
class Section:
    """The results of one benchmark: measurements, optional tables, and remarks."""

    title: str
    measurements: list[Measurement] = field(default_factory=list)
    tables: list[tuple[str, list[str], list[list[str]]]] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)
    skipped: str | None = None


def milliseconds(seconds: float | None) -> str:
    """``12.3 ms`` (or ``1.23 s`` / ``45 µs``), for tables."""
    if seconds is None:
        return "—"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 0.001:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds * 1e6:.0f} µs"
