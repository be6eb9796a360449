"""A scheduler that runs nothing until the test says so: timed behaviour without waiting."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class _Scheduled:
    due: float
    callback: Callable[[], None]
    cancelled: bool = False

    def cancel(self) -> None:
        self.cancelled = True


@dataclass
class ManualScheduler:
    """A scheduler as :mod:`followup.session.throttle` expects, whose time moves by hand."""

    now: float = 0.0
    scheduled: list[_Scheduled] = field(default_factory=list)

    def __call__(self, delay: float, callback: Callable[[], None]) -> _Scheduled:
        item = _Scheduled(self.now + delay, callback)
        self.scheduled.append(item)
        return item

    @property
    def waiting(self) -> list[_Scheduled]:
        return [item for item in self.scheduled if not item.cancelled and item.due > self.now]

    def advance(self, seconds: float) -> None:
        """Let ``seconds`` pass, running (in order) what falls due, as an event loop would."""
        end = self.now + seconds
        while True:
            due = [item for item in self.scheduled if not item.cancelled and item.due <= end]
            if not due:
                break
            item = min(due, key=lambda entry: entry.due)
            self.scheduled.remove(item)
            self.now = max(self.now, item.due)
            item.callback()
        self.now = end
