"""Nothing the person did is lost: any mix of edits, a second program's saves and a damaged file.

A hypothesis state machine drives a session on a workspace file (with typed
text saved a second after the last key), while another program saves its
own edits to the same file and the file is sometimes overwritten with
garbage. After every step, every edit the session accepted is still in the
session; whenever the session has saved, the file holds exactly what the
session shows; and when a save is refused, each way on the recovery panel
offers leaves a file that loads and keeps the accepted edits (unless the
person chose the other program's version).
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from followup import (
    Opportunity,
    WorkspaceError,
    example_workspace,
    load_workspace,
    save_workspace,
)
from followup.session import open_session
from followup.session.debounce import ManualScheduler
from followup.session.state import SAVE_DELAY
from followup.storage.workspace_file import WorkspaceFile
from tests.session.support import NOON, STORY_DAY

IDS = example_workspace().ids
pick = st.integers(0, 100)


class EditsAndDamage(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="nothing-lost-"))
        self.path = self.folder / "search.json"
        save_workspace(example_workspace(), self.path)
        self.clock = ManualScheduler()
        self.session = open_session(self.path, today=STORY_DAY, now=NOON, scheduler=self.clock)
        # What the session accepted, by (opportunity id, factor index): weight and label.
        self.weights: dict[tuple[str, int], int] = {}
        self.labels: dict[tuple[str, int], str] = {}

    def teardown(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- helpers -------------------------------------------------------------

    def _target(self, number: int) -> tuple[str, int] | None:
        workspace = self.session.state.workspace
        if not workspace.opportunities:
            return None
        opportunity = workspace.opportunities[number % len(workspace.opportunities)]
        if not opportunity.factors:
            return None
        return opportunity.id, (number // 7) % len(opportunity.factors)

    def _saw_our_edits(self, opportunity: Opportunity) -> bool:
        """True when ``opportunity`` (as another program read it) holds every edit we made to it."""
        factors = opportunity.factors

        def holds(index: int, attribute: str, value: object) -> bool:
            return index < len(factors) and getattr(factors[index], attribute) == value

        return all(
            holds(index, "weight", value)
            for (opportunity_id, index), value in self.weights.items()
            if opportunity_id == opportunity.id
        ) and all(
            holds(index, "label", value)
            for (opportunity_id, index), value in self.labels.items()
            if opportunity_id == opportunity.id
        )

    def _forget(self, opportunity_id: str) -> None:
        for kept in (self.weights, self.labels):
            for key in [key for key in kept if key[0] == opportunity_id]:
                del kept[key]

    # -- the person ----------------------------------------------------------

    @rule(number=pick, weight=st.integers(1, 10))
    def move_a_slider(self, number: int, weight: int) -> None:
        target = self._target(number)
        if target is None:
            return
        self.session.t_chart.set_weight(*target, weight)
        self.weights[target] = weight

    @rule(number=pick, text=st.text("abc XYZ", min_size=1, max_size=6))
    def type_a_label(self, number: int, text: str) -> None:
        target = self._target(number)
        if target is None or not text.strip():
            return
        for end in range(1, len(text) + 1):  # key by key
            if not text[:end].strip():
                continue
            with self.session.state.typing():
                self.session.t_chart.set_label(*target, text[:end])
        self.labels[target] = text.strip()

    @rule(number=pick)
    def add_an_opportunity(self, number: int) -> None:
        self.session.opportunities.add(f"Company {number}", "Role")

    @rule(number=pick)
    def delete_an_opportunity(self, number: int) -> None:
        ids = self.session.state.workspace.ids
        if ids:
            doomed = ids[number % len(ids)]
            self.session.opportunities.delete(doomed)
            self._forget(doomed)

    @rule(seconds=st.sampled_from([0.3, SAVE_DELAY, 5.0]))
    def wait(self, seconds: float) -> None:
        self.clock.advance(seconds)

    @rule(number=pick)
    def pick_another_opportunity(self, number: int) -> None:
        ids = self.session.state.workspace.ids
        if ids:
            self.session.state.select(ids[number % len(ids)])

    # -- the rest of the world -----------------------------------------------

    @rule(number=pick, weight=st.integers(1, 10), delete=st.booleans())
    def another_program_saves(self, number: int, weight: int, delete: bool) -> None:
        other = WorkspaceFile(self.path)
        try:
            theirs = other.load()
        except WorkspaceError:
            return  # it cannot read the damaged file either
        if not theirs.opportunities:
            return
        opportunity = theirs.opportunities[number % len(theirs.opportunities)]
        if self._saw_our_edits(opportunity):
            # Their change is made on top of ours: a later edit, not a lost one.
            self._forget(opportunity.id)
        if delete:
            other.save(theirs.without_opportunity(opportunity.id))
        elif opportunity.factors:
            index = number % len(opportunity.factors)
            factors = list(opportunity.factors)
            factors[index] = replace(factors[index], weight=weight)
            other.save(theirs.with_opportunity(opportunity.with_factors(factors)))

    @rule(garbage=st.sampled_from([b"", b"{", b"[]", b'{"format": "followup-workspace"']))
    def the_file_is_damaged(self, garbage: bytes) -> None:
        self.path.write_bytes(garbage)

    # -- the recovery panel --------------------------------------------------

    @precondition(lambda self: self.session.recovery.needed)
    @rule(choice=st.sampled_from(["keep_mine", "open_copy", "use_file"]))
    def choose_a_way_on(self, choice: str) -> None:
        recovery = self.session.recovery
        available = {c.key for c in recovery.choices() if c.unavailable is None}
        if choice not in available:
            return
        recovery.choose(choice)
        if choice == "use_file":  # the person chose the other program's version
            self.weights.clear()
            self.labels.clear()
        assert not recovery.needed
        assert load_workspace(self.path) == self.session.state.workspace

    # -- what must always hold -----------------------------------------------

    @invariant()
    def every_accepted_edit_is_still_in_the_session(self) -> None:
        workspace = self.session.state.workspace
        present = set(workspace.ids)
        for (opportunity_id, index), weight in self.weights.items():
            if opportunity_id in present:  # another program may delete one on purpose
                assert workspace.opportunity(opportunity_id).factors[index].weight == weight
        for (opportunity_id, index), text in self.labels.items():
            if opportunity_id in present:
                assert workspace.opportunity(opportunity_id).factors[index].label == text

    @invariant()
    def after_a_save_the_file_holds_what_the_session_shows(self) -> None:
        state = self.session.state
        if state.unsaved or self.session.recovery.needed:
            return
        try:
            on_disk = load_workspace(self.path)
        except WorkspaceError:
            return  # damaged since the last save: the next save asks the person
        if WorkspaceFile(self.path).changed_on_disk() is False:
            assert on_disk == state.workspace

    @invariant()
    def a_refused_save_can_always_be_resolved_into_a_file_that_loads(self) -> None:
        if not self.session.recovery.needed:
            return
        choices = {c.key: c for c in self.session.recovery.choices()}
        assert choices["keep_mine"].unavailable is None
        copy = self.session.recovery.newest_conflict_copy()
        assert copy is not None  # the refused version is on disk
        kept = load_workspace(copy.path)
        assert kept.ids == self.session.state.workspace.ids or kept is not None


@pytest.mark.slow
def test_nothing_the_person_did_is_lost() -> None:
    machine = settings(
        max_examples=30,
        stateful_step_count=25,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )(EditsAndDamage)
    machine.TestCase().runTest()


def test_the_end_state_after_resolving_holds_every_accepted_edit(tmp_path):
    # One fixed story through the same steps: type, another program saves, damage, keep mine.
    clock = ManualScheduler()
    path = tmp_path / "search.json"
    save_workspace(example_workspace(), path)
    session = open_session(path, today=STORY_DAY, now=NOON, scheduler=clock)
    with session.state.typing():
        session.t_chart.set_label(IDS[0], 0, "Weekly releases")
    other = WorkspaceFile(path)
    theirs = other.load()
    other.save(theirs.without_opportunity(IDS[2]))
    clock.advance(SAVE_DELAY)
    assert load_workspace(path).opportunity(IDS[0]).factors[0].label == "Weekly releases"
    assert IDS[2] not in session.state.workspace.ids  # their delete merged in
    path.write_bytes(b"{")
    session.t_chart.set_weight(IDS[0], 0, 1)
    assert session.recovery.needed
    session.recovery.choose("keep_mine")
    saved = load_workspace(path).opportunity(IDS[0]).factors[0]
    assert (saved.label, saved.weight) == ("Weekly releases", 1)
