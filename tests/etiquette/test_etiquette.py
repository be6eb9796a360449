"""The follow-up plan: each rule both ways, at its boundaries, and the records it keeps."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup.errors import EtiquetteError, UnknownOpportunityError, ValidationError
from followup.etiquette import (
    ACTIONS,
    Step,
    check_note_allowed,
    next_step,
    record_event,
    timeline,
)
from followup.model import Contact, Event, Factor, Opportunity, Settings, Workspace
from tests.strategies import dates, workspaces

INTERVIEW = dt.date(2026, 11, 20)
DAY = dt.timedelta(days=1)


def make_workspace(
    *,
    events: tuple[Event, ...] = (),
    factors: tuple[Factor, ...] = (Factor("Interesting payments domain", "plus", 6),),
    recruiter: Contact | None = None,
    interview_date: dt.date | None = INTERVIEW,
    check_in_after_days: int = 14,
    threshold: float = 0,
) -> Workspace:
    """One opportunity at Initech, passing unless told otherwise."""
    opportunity = Opportunity(
        id="initech",
        company="Initech",
        role="Backend Engineer",
        interview_date=interview_date,
        interviewers=(Contact("Bill Lumbergh", email="bill@initech.example"),),
        recruiter=recruiter,
        factors=factors,
        events=events,
    )
    return Workspace(
        opportunities=(opportunity,),
        owner=Contact("Alex Example", email="alex@example.com"),
        settings=Settings(threshold=threshold, check_in_after_days=check_in_after_days),
    )


def step_for(workspace: Workspace, today: dt.date) -> Step:
    return next_step(workspace, "initech", today=today)


THANKED = Event("thank_you_sent", INTERVIEW + DAY)
CHECKED_IN = Event("check_in_sent", INTERVIEW + 16 * DAY)
RECRUITER = Contact("Casey Morgan", title="Talent Partner")


# -- rule 1: closed ----------------------------------------------------------------


def test_a_closed_opportunity_needs_nothing_more_even_with_a_thank_you_due() -> None:
    ws = make_workspace(events=(Event("closed", INTERVIEW + 3 * DAY),))
    step = step_for(ws, INTERVIEW + 5 * DAY)
    assert (step.action, step.due, step.allowed_kinds) == ("closed", None, ())
    assert "2026-11-23" in step.reason


def test_closing_wins_over_a_reply() -> None:
    events = (Event("reply_received", INTERVIEW + DAY), Event("closed", INTERVIEW + 2 * DAY))
    assert step_for(make_workspace(events=events), INTERVIEW + 3 * DAY).action == "closed"


# -- rule 2: replied ----------------------------------------------------------------


def test_a_reply_means_answering_personally_with_no_automatic_note() -> None:
    ws = make_workspace(events=(THANKED, Event("reply_received", INTERVIEW + 4 * DAY)))
    step = step_for(ws, INTERVIEW + 30 * DAY)
    assert (step.action, step.due, step.allowed_kinds) == ("replied", None, ())
    assert "personally" in step.reason and "2026-11-24" in step.reason


def test_a_reply_wins_over_a_failing_verdict() -> None:
    ws = make_workspace(
        events=(Event("reply_received", INTERVIEW),),
        factors=(Factor("Long commute", "minus", 9),),
    )
    assert step_for(ws, INTERVIEW + DAY).action == "replied"


# -- rule 3: move on ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("factors", "action"),
    [
        ((Factor("Long commute", "minus", 9),), "move_on"),
        ((Factor("Good team", "plus", 5), Factor("Long commute", "minus", 5)), "move_on"),
        ((Factor("Good team", "plus", 6), Factor("Long commute", "minus", 5)), "send_thank_you"),
        ((), "move_on"),
    ],
    ids=["fail", "undecided-on-the-threshold", "pass-by-one", "no-factors"],
)
def test_only_a_passing_verdict_gets_a_follow_up(factors: tuple[Factor, ...], action: str) -> None:
    assert step_for(make_workspace(factors=factors), INTERVIEW).action == action


def test_moving_on_names_the_balance_and_the_threshold() -> None:
    ws = make_workspace(factors=(Factor("Good team", "plus", 6),), threshold=6)
    step = step_for(ws, INTERVIEW)
    assert step.action == "move_on"
    assert "+6" in step.reason and "threshold of 6" in step.reason


# -- rule 4: call the recruiter first ----------------------------------------------


def test_with_a_recruiter_the_call_comes_first_due_on_the_interview_date() -> None:
    step = step_for(make_workspace(recruiter=RECRUITER), INTERVIEW)
    assert (step.action, step.due, step.overdue) == ("call_recruiter", INTERVIEW, False)
    assert step.allowed_kinds == ()
    assert "Casey Morgan" in step.reason


def test_the_recruiter_call_is_overdue_the_day_after_the_interview() -> None:
    step = step_for(make_workspace(recruiter=RECRUITER), INTERVIEW + DAY)
    assert (step.action, step.overdue) == ("call_recruiter", True)
    assert "today" in step.reason and "2026-11-20" in step.reason


def test_once_the_recruiter_is_called_the_thank_you_follows() -> None:
    ws = make_workspace(recruiter=RECRUITER, events=(Event("recruiter_called", INTERVIEW),))
    assert step_for(ws, INTERVIEW).action == "send_thank_you"


def test_a_recruiter_without_an_interview_date_is_due_today() -> None:
    today = dt.date(2026, 12, 1)
    step = step_for(make_workspace(recruiter=RECRUITER, interview_date=None), today)
    assert (step.action, step.due, step.overdue) == ("call_recruiter", today, False)


# -- rule 5: the thank-you ----------------------------------------------------------


def test_the_thank_you_is_due_the_day_after_the_interview() -> None:
    step = step_for(make_workspace(), INTERVIEW)
    assert (step.action, step.due, step.overdue) == ("send_thank_you", INTERVIEW + DAY, False)
    assert step.allowed_kinds == ("thank_you",)
    assert "Bill Lumbergh" in step.reason and "2026-11-21" in step.reason


def test_the_thank_you_is_not_overdue_on_its_day_and_overdue_the_day_after() -> None:
    assert step_for(make_workspace(), INTERVIEW + DAY).overdue is False
    late = step_for(make_workspace(), INTERVIEW + 2 * DAY)
    assert (late.action, late.overdue) == ("send_thank_you", True)
    assert "today" in late.reason


def test_without_an_interview_date_the_thank_you_is_due_today() -> None:
    today = dt.date(2026, 12, 1)
    step = step_for(make_workspace(interview_date=None), today)
    assert (step.action, step.due, step.overdue) == ("send_thank_you", today, False)
    assert step.allowed_kinds == ("thank_you",)


def test_before_the_interview_no_thank_you_can_be_drafted_yet() -> None:
    before = step_for(make_workspace(), INTERVIEW - DAY)
    assert (before.action, before.allowed_kinds) == ("send_thank_you", ())
    assert step_for(make_workspace(), INTERVIEW).allowed_kinds == ("thank_you",)


# -- rule 6: wait, then check in -----------------------------------------------------


def test_after_the_thank_you_wait_until_the_check_in_date() -> None:
    ws = make_workspace(events=(THANKED,))
    check_in_day = THANKED.date + 14 * DAY
    waiting = step_for(ws, check_in_day - DAY)
    assert (waiting.action, waiting.due, waiting.allowed_kinds) == ("wait", check_in_day, ())
    assert "2026-12-05" in waiting.reason and "Bill Lumbergh" in waiting.reason


def test_the_check_in_is_allowed_on_the_check_in_date_and_overdue_after() -> None:
    ws = make_workspace(events=(THANKED,))
    check_in_day = THANKED.date + 14 * DAY
    on_time = step_for(ws, check_in_day)
    assert (on_time.action, on_time.due, on_time.overdue) == ("send_check_in", check_in_day, False)
    assert on_time.allowed_kinds == ("check_in",)
    late = step_for(ws, check_in_day + DAY)
    assert (late.action, late.overdue) == ("send_check_in", True)


def test_the_check_in_delay_follows_the_workspace_setting() -> None:
    ws = make_workspace(events=(THANKED,), check_in_after_days=3)
    assert step_for(ws, THANKED.date + 2 * DAY).action == "wait"
    assert step_for(ws, THANKED.date + 3 * DAY).action == "send_check_in"


# -- rule 7: leave it alone ----------------------------------------------------------


def test_after_the_check_in_leave_it_alone() -> None:
    ws = make_workspace(events=(THANKED, CHECKED_IN))
    step = step_for(ws, CHECKED_IN.date + 60 * DAY)
    assert (step.action, step.due, step.allowed_kinds) == ("leave_it_alone", None, ())
    assert "2026-12-06" in step.reason


def test_next_step_names_an_unknown_opportunity() -> None:
    with pytest.raises(UnknownOpportunityError, match="nope"):
        next_step(make_workspace(), "nope", today=INTERVIEW)


def test_today_must_be_a_date_not_a_datetime() -> None:
    with pytest.raises(ValidationError, match="today must be a date"):
        next_step(make_workspace(), "initech", today=dt.datetime(2026, 11, 20, 9))


# -- the example workspace on the day it tells its story --------------------------------


def test_the_example_plan_on_its_story_day(workspace: Workspace, story_day: dt.date) -> None:
    actions = {oid: next_step(workspace, oid, today=story_day).action for oid in workspace.ids}
    assert actions == {
        "acme-data-engineer": "send_check_in",
        "northwind-platform-lead": "send_thank_you",
        "globex-analytics-engineer": "move_on",
        "initech-backend-engineer": "wait",
        "umbrella-ml-engineer": "call_recruiter",
        "hooli-site-reliability": "replied",
        "pied-piper-compression": "send_thank_you",
    }


# -- timeline ---------------------------------------------------------------------------


def test_timeline_has_a_row_per_opportunity_with_the_promised_columns(
    workspace: Workspace, story_day: dt.date
) -> None:
    table = timeline(workspace, today=story_day)
    assert table.index.name == "opportunity"
    assert sorted(table.index) == sorted(workspace.ids)
    assert list(table.columns) == [
        "company",
        "role",
        "verdict",
        "action",
        "due",
        "overdue",
        "reason",
    ]
    assert table["due"].dtype == object
    assert table["overdue"].dtype == bool
    assert all(due is None or type(due) is dt.date for due in table["due"])


def test_timeline_is_sorted_by_due_date_with_undated_rows_last_in_workspace_order(
    workspace: Workspace, story_day: dt.date
) -> None:
    table = timeline(workspace, today=story_day)
    dues = list(table["due"])
    dated = [due for due in dues if due is not None]
    assert dues[: len(dated)] == sorted(dated)
    undated = [oid for oid, due in zip(table.index, dues, strict=True) if due is None]
    assert undated == [oid for oid in workspace.ids if oid in undated]


def test_timeline_rows_agree_with_next_step(workspace: Workspace, story_day: dt.date) -> None:
    table = timeline(workspace, today=story_day)
    for opportunity_id, row in table.iterrows():
        step = next_step(workspace, str(opportunity_id), today=story_day)
        assert (row["action"], row["due"], row["overdue"], row["reason"]) == (
            step.action,
            step.due,
            step.overdue,
            step.reason,
        )


def test_timeline_keeps_the_workspace_order_for_equal_due_dates() -> None:
    base = make_workspace().opportunities[0]
    twins = tuple(replace(base, id=name, company=name.title()) for name in ("zeta", "alpha"))
    table = timeline(Workspace(opportunities=twins), today=INTERVIEW)
    assert list(table.index) == ["zeta", "alpha"]


def test_timeline_of_an_empty_workspace_is_an_empty_table() -> None:
    table = timeline(Workspace(), today=INTERVIEW)
    assert table.empty and "action" in table.columns and table.index.name == "opportunity"


# -- record_event -------------------------------------------------------------------------


def test_recording_returns_an_updated_workspace_and_leaves_the_old_one_alone() -> None:
    ws = make_workspace()
    updated = record_event(ws, "initech", "thank_you_sent", on=INTERVIEW + DAY, note="by e-mail")
    event = updated.opportunity("initech").event("thank_you_sent")
    assert event == Event("thank_you_sent", INTERVIEW + DAY, "by e-mail")
    assert ws.opportunity("initech").events == ()
    assert step_for(updated, INTERVIEW + 2 * DAY).action == "wait"


def test_a_second_thank_you_is_refused_naming_the_first() -> None:
    ws = make_workspace(events=(THANKED,))
    with pytest.raises(EtiquetteError, match=r"second thank-you.*2026-11-21"):
        record_event(ws, "initech", "thank_you_sent", on=INTERVIEW + 3 * DAY)


def test_a_second_check_in_is_refused() -> None:
    ws = make_workspace(events=(THANKED, CHECKED_IN))
    with pytest.raises(EtiquetteError, match=r"second check-in.*2026-12-06"):
        record_event(ws, "initech", "check_in_sent", on=CHECKED_IN.date + DAY)


def test_a_check_in_without_a_thank_you_is_refused() -> None:
    with pytest.raises(EtiquetteError, match="Record the thank-you first"):
        record_event(make_workspace(), "initech", "check_in_sent", on=INTERVIEW + 20 * DAY)


def test_a_check_in_before_the_thank_you_is_refused() -> None:
    ws = make_workspace(events=(Event("thank_you_sent", INTERVIEW + 3 * DAY),))
    with pytest.raises(EtiquetteError, match="before the thank-you of 2026-11-23"):
        record_event(ws, "initech", "check_in_sent", on=INTERVIEW + 2 * DAY)


@pytest.mark.parametrize("kind", ["thank_you_sent", "recruiter_called", "reply_received", "closed"])
def test_a_date_before_the_interview_is_refused_by_day(kind: str) -> None:
    with pytest.raises(EtiquetteError, match=r"2026-11-19.*before the interview on 2026-11-20"):
        record_event(make_workspace(), "initech", kind, on=INTERVIEW - DAY)
    assert (
        record_event(make_workspace(), "initech", kind, on=INTERVIEW)
        .opportunity("initech")
        .event(kind)
    )


def test_an_early_check_in_is_a_fact_and_is_recorded() -> None:
    ws = make_workspace(events=(THANKED,))
    updated = record_event(ws, "initech", "check_in_sent", on=THANKED.date + DAY)
    assert step_for(updated, THANKED.date + DAY).action == "leave_it_alone"


def test_refusals_are_etiquette_errors_not_validation_errors() -> None:
    ws = make_workspace(events=(THANKED,))
    with pytest.raises(EtiquetteError) as caught:
        record_event(ws, "initech", "thank_you_sent", on=INTERVIEW + 2 * DAY)
    assert not isinstance(caught.value, ValidationError)
    assert isinstance(caught.value, ValueError)


def test_a_kind_that_is_no_event_is_a_validation_error() -> None:
    with pytest.raises(ValidationError, match="kind must be one of"):
        record_event(make_workspace(), "initech", "sent_flowers", on=INTERVIEW)


def test_recording_for_an_unknown_opportunity_names_it() -> None:
    with pytest.raises(UnknownOpportunityError, match="'globex'"):
        record_event(make_workspace(), "globex", "closed", on=INTERVIEW)


def test_replies_and_recruiter_calls_may_be_recorded_more_than_once() -> None:
    ws = make_workspace()
    for day in (1, 2):
        ws = record_event(ws, "initech", "reply_received", on=INTERVIEW + day * DAY)
    assert len(ws.opportunity("initech").events) == 2


# -- may a note be drafted? -------------------------------------------------------------


def test_the_default_note_is_what_the_plan_calls_for() -> None:
    assert check_note_allowed(make_workspace(), "initech", today=INTERVIEW) == "thank_you"
    ws = make_workspace(events=(THANKED,))
    assert check_note_allowed(ws, "initech", today=THANKED.date + 14 * DAY) == "check_in"


def test_a_check_in_too_early_says_from_which_date() -> None:
    ws = make_workspace(events=(THANKED,))
    message = (
        "A check-in for Initech is allowed from 2026-12-05 "
        "(14 days after the thank-you of 2026-11-21)."
    )
    with pytest.raises(EtiquetteError) as caught:
        check_note_allowed(ws, "initech", today=THANKED.date + 13 * DAY, kind="check_in")
    assert str(caught.value) == message


def test_with_nothing_due_the_default_note_is_refused_with_the_plan() -> None:
    ws = make_workspace(events=(THANKED,))
    with pytest.raises(EtiquetteError, match=r"No note to draft today.*2026-12-05"):
        check_note_allowed(ws, "initech", today=THANKED.date + DAY)


@pytest.mark.parametrize(
    ("changes", "today", "kind", "pattern"),
    [
        ({"events": (THANKED,)}, INTERVIEW + 20 * DAY, "thank_you", "sent on 2026-11-21"),
        ({}, INTERVIEW + DAY, "check_in", "send the thank-you first"),
        ({"events": (THANKED, CHECKED_IN)}, INTERVIEW + 40 * DAY, "check_in", "leave it alone"),
        ({"recruiter": RECRUITER}, INTERVIEW, "thank_you", "recruiter Casey Morgan"),
        ({"factors": ()}, INTERVIEW, "thank_you", "does not pass"),
        ({"events": (Event("closed", INTERVIEW),)}, INTERVIEW, "thank_you", "closed on 2026-11-20"),
        (
            {"events": (THANKED, Event("reply_received", INTERVIEW + 2 * DAY))},
            INTERVIEW + 20 * DAY,
            "check_in",
            "personally",
        ),
        ({}, INTERVIEW - DAY, "thank_you", "allowed from 2026-11-20"),
    ],
    ids=[
        "second-thank-you",
        "check-in-first",
        "after-check-in",
        "recruiter",
        "not-pass",
        "closed",
        "replied",
        "before-interview",
    ],
)
def test_a_note_the_plan_does_not_allow_is_refused_saying_why(
    changes: dict[str, object], today: dt.date, kind: str, pattern: str
) -> None:
    ws = make_workspace(**changes)  # type: ignore[arg-type]
    with pytest.raises(EtiquetteError, match=pattern):
        check_note_allowed(ws, "initech", today=today, kind=kind)


def test_an_unknown_note_kind_is_a_validation_error() -> None:
    with pytest.raises(ValidationError, match="kind must be"):
        check_note_allowed(make_workspace(), "initech", today=INTERVIEW, kind="love_letter")


# -- properties -------------------------------------------------------------------------


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(workspaces(min_opportunities=1, max_opportunities=3), dates)
def test_every_plan_is_coherent(workspace: Workspace, today: dt.date) -> None:
    table = timeline(workspace, today=today)
    assert len(table) == len(workspace)
    for opportunity in workspace.opportunities:
        step = next_step(workspace, opportunity.id, today=today)
        assert step.action in ACTIONS
        assert step.reason.strip() and opportunity.company in step.reason
        assert not step.overdue or (step.due is not None and step.due < today)
        if step.action in ("closed", "replied", "move_on", "leave_it_alone"):
            assert step.due is None and step.allowed_kinds == ()
        if step.action == "wait":
            assert step.due is not None and step.due > today
        if "check_in" in step.allowed_kinds:
            assert step.action == "send_check_in"
        if "thank_you" in step.allowed_kinds:
            assert step.action == "send_thank_you"


@settings(max_examples=40, deadline=None)
@given(workspaces(min_opportunities=1, max_opportunities=2, full=False), st.integers(0, 400))
def test_recording_the_allowed_note_moves_the_plan_on(workspace: Workspace, offset: int) -> None:
    opportunity = workspace.opportunities[0]
    ws = workspace.with_opportunity(
        replace(opportunity, factors=(Factor("Good", "plus", 5),), interview_date=INTERVIEW)
    )
    today = INTERVIEW + offset * DAY
    ws = record_event(ws, opportunity.id, "thank_you_sent", on=today)
    assert next_step(ws, opportunity.id, today=today).action == "wait"
    later = today + ws.settings.check_in_after_days * DAY
    assert next_step(ws, opportunity.id, today=later).allowed_kinds == ("check_in",)
    ws = record_event(ws, opportunity.id, "check_in_sent", on=later)
    assert next_step(ws, opportunity.id, today=later).action == "leave_it_alone"


@pytest.mark.parametrize(
    ("name", "module"),
    [
        ("ACTIONS", "followup.etiquette.plan"),
        ("NOTE_KINDS", "followup.etiquette.plan"),
        ("Action", "followup.etiquette.plan"),
        ("Step", "followup.etiquette.plan"),
        ("next_step", "followup.etiquette.plan"),
        ("timeline", "followup.etiquette.timeline"),
        ("TIMELINE_COLUMNS", "followup.etiquette.timeline"),
    ],
)
def test_the_plan_and_the_timeline_are_imported_from_the_etiquette(
    name: str, module: str
) -> None:
    import importlib

    import followup.etiquette

    assert getattr(followup.etiquette, name) is getattr(importlib.import_module(module), name)


def test_the_package_names_stay_functions_once_every_etiquette_module_is_loaded() -> None:
    # A submodule named like a public function would replace it on the package.
    import followup
    import followup.etiquette
    import followup.etiquette.plan
    import followup.etiquette.timeline

    assert followup.timeline is followup.etiquette.timeline
    assert followup.next_step is followup.etiquette.next_step
    assert callable(followup.timeline) and callable(followup.next_step)


def test_every_action_has_words_a_person_reads_in_the_app_and_the_command_line() -> None:
    from followup.etiquette.plan import ACTION_PHRASES, ACTIONS

    assert set(ACTION_PHRASES) == set(ACTIONS)
    assert all(phrase[0].isupper() for phrase in ACTION_PHRASES.values())
