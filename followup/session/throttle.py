"""Doing something soon rather than at once: a save that follows typing without one save per key.

A :class:`Throttle` runs its action once, ``delay`` seconds after the first
of a burst of requests; requests made meanwhile join that run. While a person
types, the work is therefore saved at most ``delay`` seconds after any key,
however long they keep typing. When the action runs is up to a *scheduler*, a
function ``schedule(delay, callback)`` returning something with ``cancel()``:
:func:`call_later` uses the event loop of a Jupyter kernel (or a timer thread
without one), and tests pass a scheduler they advance by hand, so they never
wait.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Protocol

__all__ = ["Cancellable", "Scheduler", "Throttle", "call_later"]


class Cancellable(Protocol):
    """What a scheduler returns: a way to call the run off."""

    def cancel(self) -> object: ...  # pragma: no cover - protocol


#: ``schedule(delay_in_seconds, callback)``: run ``callback`` later, once.
Scheduler = Callable[[float, Callable[[], None]], Cancellable]


def call_later(delay: float, callback: Callable[[], None]) -> Cancellable:
    """Run ``callback`` after ``delay`` seconds, on the running event loop when there is one.

    In a Jupyter kernel, widget messages are handled on the kernel's event
    loop: the callback then runs on that loop too, between two messages,
    never at the same time as a handler. Elsewhere a daemon timer thread runs
    it.

    >>> done = threading.Event()
    >>> _ = call_later(0, done.set)
    >>> done.wait(5)
    True
    """
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        timer = threading.Timer(delay, callback)
        timer.daemon = True
        timer.start()
        return timer
    return loop.call_later(delay, callback)


class Throttle:
    """Runs ``action`` once, ``delay`` seconds after the first request of a burst.

    Parameters
    ----------
    action
        What to do (save what was typed).
    delay
        Seconds between the first request and the run.
    schedule
        The scheduler (see the module docstring); ``None`` runs the action at
        once on every request, as code outside the app expects.

    Examples
    --------
    >>> runs, waiting = [], []
    >>> def by_hand(delay, run):  # a scheduler that runs when told
    ...     waiting.append(run)
    ...     return threading.Timer(delay, run)  # never started: only its cancel() is used
    >>> throttle = Throttle(lambda: runs.append(1), delay=0.5, schedule=by_hand)
    >>> throttle.request(); throttle.request()
    >>> throttle.pending, len(waiting), runs
    (True, 1, [])
    >>> waiting[0]()
    >>> throttle.pending, runs
    (False, [1])
    """

    def __init__(
        self, action: Callable[[], object], *, delay: float, schedule: Scheduler | None
    ) -> None:
        self._action = action
        self.delay = delay
        self.schedule = schedule
        self._lock = threading.Lock()
        self._handle: Cancellable | None = None
        self._generation = 0

    @property
    def pending(self) -> bool:
        """True while a run is scheduled and has not happened yet."""
        return self._handle is not None

    def request(self) -> None:
        """Ask for a run: at once without a scheduler, else within ``delay`` seconds."""
        if self.schedule is None:
            self._action()
            return
        with self._lock:
            if self._handle is not None:
                return  # the run already scheduled will see this request too
            generation = self._generation
            self._handle = self.schedule(self.delay, lambda: self._scheduled(generation))

    def run_now(self) -> None:
        """Run now if a run is waiting (before another change, or when the program stops)."""
        if self._take():
            self._action()

    def cancel(self) -> None:
        """Forget a waiting run."""
        self._take()

    def _scheduled(self, generation: int) -> None:
        # A run that was cancelled, or already made by run_now, is not made again.
        with self._lock:
            if generation != self._generation:
                return
        if self._take():
            self._action()

    def _take(self) -> bool:
        """Clear the waiting run; True when there was one."""
        with self._lock:
            handle, self._handle = self._handle, None
            self._generation += 1
        if handle is None:
            return False
        handle.cancel()
        return True
