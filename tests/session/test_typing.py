"""Typed text: kept at once, written a second after the last key, or at once by anything else."""

from __future__ import annotations

import pytest

from followup import ValidationError, example_workspace, load_workspace, save_workspace
from followup.session import open_session
from followup.session.debounce import Debouncer, ManualScheduler
from followup.session.state import SAVE_DELAY
from tests.session.support import ACME, COMMUTE, NOON, STORY_DAY


def typing_session(path):
    save_workspace(example_workspace(), path)
    scheduler = ManualScheduler()
    return open_session(path, today=STORY_DAY, now=NOON, scheduler=scheduler), scheduler


def type_into(session, text, field="company"):
    """Send ``text`` one key at a time, as a text field with continuous updates does."""
    for end in range(1, len(text) + 1):
        with session.state.typing():
            session.details.set(ACME, field, text[:end])


def test_typed_text_is_kept_at_once_and_written_a_second_after_the_last_key(tmp_path):
    path = tmp_path / "search.json"
    session, clock = typing_session(path)
    type_into(session, "Acme Data Co")
    assert session.state.opportunity(ACME).company == "Acme Data Co"
    assert load_workspace(path).opportunity(ACME).company == "Acme Analytics"
    assert session.state.unsaved and session.state.status.message == "saving…"
    clock.advance(SAVE_DELAY - 0.1)
    assert load_workspace(path).opportunity(ACME).company == "Acme Analytics"
    clock.advance(0.1)
    assert load_workspace(path).opportunity(ACME).company == "Acme Data Co"
    assert not session.state.unsaved and session.state.status.message == "saved 12:04"


def test_each_key_starts_the_second_again(tmp_path):
    path = tmp_path / "search.json"
    session, clock = typing_session(path)
    for text in ("A", "Ac", "Acm"):
        with session.state.typing():
            session.details.set(ACME, "company", text)
        clock.advance(0.6)
    assert load_workspace(path).opportunity(ACME).company == "Acme Analytics"
    clock.advance(0.4)
    assert load_workspace(path).opportunity(ACME).company == "Acm"


@pytest.mark.parametrize(
    "other_action",
    [
        lambda s: s.t_chart.set_weight(ACME, COMMUTE, 9),
        lambda s: s.state.select("globex-analytics-engineer"),
        lambda s: s.state.flush(),
        lambda s: s.state.save(),
    ],
)
def test_any_other_action_writes_the_typed_text_at_once(tmp_path, other_action):
    path = tmp_path / "search.json"
    session, clock = typing_session(path)
    type_into(session, "Lead Data Engineer", "role")
    other_action(session)
    assert load_workspace(path).opportunity(ACME).role == "Lead Data Engineer"
    assert not session.state.unsaved
    assert clock.waiting == 0


def test_a_half_typed_value_is_refused_and_the_last_good_one_is_written(tmp_path):
    path = tmp_path / "search.json"
    session, clock = typing_session(path)
    with session.state.typing():
        session.details.set_interviewer(ACME, 0, "email", "dana.li@contoso.com")
    with pytest.raises(ValidationError), session.state.typing():
        session.details.set_interviewer(ACME, 0, "email", "dana.li@cont")
    clock.advance(SAVE_DELAY)
    assert load_workspace(path).opportunity(ACME).interviewers[0].email == "dana.li@contoso.com"


def test_typed_text_waiting_for_its_save_is_written_when_the_program_ends(tmp_path):
    from followup.session.state import _flush_at_exit

    path = tmp_path / "search.json"
    session, _clock = typing_session(path)
    type_into(session, "Acme Ltd")
    import weakref

    _flush_at_exit(weakref.ref(session.state))
    assert load_workspace(path).opportunity(ACME).company == "Acme Ltd"


def test_a_view_is_told_when_typed_text_was_saved(tmp_path):
    session, clock = typing_session(tmp_path / "search.json")
    told = []
    session.state.listen(lambda: told.append(session.state.status.message))
    type_into(session, "Acme")
    clock.advance(SAVE_DELAY)
    assert told == ["saved 12:04"]


def test_a_debouncer_runs_once_after_the_last_poke_and_flush_runs_it_now():
    clock, runs = ManualScheduler(), []
    debounced = Debouncer(lambda: runs.append(clock.now), delay=1.0, scheduler=clock)
    debounced.flush()
    assert runs == []
    debounced.poke()
    debounced.poke()
    debounced.flush()
    assert runs == [0.0]
    clock.advance(5)
    assert runs == [0.0]  # not twice
