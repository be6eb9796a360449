"""Doing something a moment after the last of many quick changes (saving text as it is typed).

A :class:`Debouncer` runs its action once, ``delay`` seconds after the last
:meth:`~Debouncer.poke`; :meth:`~Debouncer.flush` runs it at once. Time is
kept by a scheduler that is passed in: :class:`EventLoopScheduler` in the app
(the kernel's event loop, or a timer thread outside one), and
:class:`ManualScheduler` in tests, where time only moves when told to.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

__all__ = ["Debouncer", "EventLoopScheduler", "ManualScheduler", "Scheduled", "Scheduler"]


class Scheduled(Protocol):
    """A call planned for later, which can still be called off."""

    def cancel(self) -> None: ...  # pragma: no cover - protocol


class Scheduler(Protocol):
    """Calls a function after a delay."""

    def call_later(self, delay: float, callback: Callable[[], None]) -> Scheduled:
        """Plan ``callback()`` in ``delay`` seconds."""
        ...  # pragma: no cover - protocol


class EventLoopScheduler:
    """The kernel's event loop when there is one (the call runs on the kernel's own thread,
    between two widget messages); otherwise a timer thread."""

    def call_later(self, delay: float, callback: Callable[[], None]) -> Scheduled:
        """Plan ``callback()`` in ``delay`` seconds."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            timer = threading.Timer(delay, callback)
            timer.daemon = True
            timer.start()
            return timer
        return loop.call_later(delay, callback)


@dataclass
class _Planned:
    due: float
    callback: Callable[[], None]
    cancelled: bool = False

    def cancel(self) -> None:
        self.cancelled = True


@dataclass
class ManualScheduler:
    """A scheduler whose clock moves only when :meth:`advance` is called (for tests).

    >>> scheduler = ManualScheduler()
    >>> ran = []
    >>> _ = scheduler.call_later(1.0, lambda: ran.append("saved"))
    >>> scheduler.advance(0.9); ran
    []
    >>> scheduler.advance(0.1); ran
    ['saved']
    """

    now: float = 0.0
    planned: list[_Planned] = field(default_factory=list)

    def call_later(self, delay: float, callback: Callable[[], None]) -> Scheduled:
        """Plan ``callback()`` at ``now + delay``."""
        planned = _Planned(self.now + delay, callback)
        self.planned.append(planned)
        return planned

    @property
    def waiting(self) -> int:
        """How many calls are still planned."""
        return sum(1 for p in self.planned if not p.cancelled)

    def advance(self, seconds: float) -> None:
        """Move the clock on, running every call that falls due, in order."""
        self.now += seconds
        while True:
            due = [p for p in self.planned if not p.cancelled and p.due <= self.now + 1e-9]
            if not due:
                break
            first = min(due, key=lambda p: p.due)
            self.planned.remove(first)
            first.callback()
        self.planned = [p for p in self.planned if not p.cancelled]


class Debouncer:
    """Runs ``action`` once, ``delay`` seconds after the last :meth:`poke`.

    >>> scheduler, saves = ManualScheduler(), []
    >>> save = Debouncer(lambda: saves.append(scheduler.now), delay=1.0, scheduler=scheduler)
    >>> save.poke(); scheduler.advance(0.5); save.poke(); scheduler.advance(0.9)
    >>> saves, save.pending
    ([], True)
    >>> scheduler.advance(0.1); saves
    [1.5]
    """

    def __init__(self, action: Callable[[], None], *, delay: float, scheduler: Scheduler) -> None:
        self._action = action
        self.delay = delay
        self._scheduler = scheduler
        self._planned: Scheduled | None = None
        self._lock = threading.Lock()

    @property
    def pending(self) -> bool:
        """True while the action waits to run."""
        return self._planned is not None

    def poke(self) -> None:
        """Something changed: run the action ``delay`` seconds from now (not earlier)."""
        with self._lock:
            if self._planned is not None:
                self._planned.cancel()
            self._planned = self._scheduler.call_later(self.delay, self._due)

    def cancel(self) -> None:
        """Do not run the action (it was run another way)."""
        with self._lock:
            if self._planned is not None:
                self._planned.cancel()
                self._planned = None

    def flush(self) -> None:
        """Run the action now if it is waiting."""
        if self.pending:
            self._due()

    def _due(self) -> None:
        with self._lock:
            if self._planned is None:
                return
            self._planned = None
        self._action()
