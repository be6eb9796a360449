"""Saving soon after typing: one run per burst of requests, at most the delay after any of them."""

from __future__ import annotations

import asyncio

from followup.session.throttle import Throttle, call_later
from tests.session.clock_support import ManualScheduler


def test_without_a_scheduler_every_request_runs_at_once():
    runs = []
    throttle = Throttle(lambda: runs.append(1), delay=0.5, schedule=None)
    throttle.request()
    throttle.request()
    assert runs == [1, 1] and not throttle.pending


def test_a_burst_of_requests_runs_once_the_delay_after_the_first():
    clock = ManualScheduler()
    runs = []
    throttle = Throttle(lambda: runs.append(clock.now), delay=0.5, schedule=clock)
    for _ in range(4):
        throttle.request()
        clock.advance(0.1)
    assert runs == []
    clock.advance(0.1)
    assert runs == [0.5]
    throttle.request()
    clock.advance(0.5)
    assert runs == [0.5, 1.0]


def test_run_now_runs_a_waiting_run_once_and_the_timer_does_not_run_it_again():
    clock = ManualScheduler()
    runs = []
    throttle = Throttle(lambda: runs.append(1), delay=0.5, schedule=clock)
    throttle.run_now()
    assert runs == []  # nothing was waiting
    throttle.request()
    throttle.run_now()
    clock.advance(1)
    assert runs == [1]


def test_cancel_forgets_the_waiting_run():
    clock = ManualScheduler()
    runs = []
    throttle = Throttle(lambda: runs.append(1), delay=0.5, schedule=clock)
    throttle.request()
    throttle.cancel()
    clock.advance(1)
    assert runs == [] and not throttle.pending


def test_call_later_uses_the_running_event_loop():
    ran = []

    async def main():
        handle = call_later(0, lambda: ran.append("loop"))
        assert isinstance(handle, asyncio.TimerHandle)
        await asyncio.sleep(0)
        await asyncio.sleep(0)

    asyncio.run(main())
    assert ran == ["loop"]
