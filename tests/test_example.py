"""The bundled example tells the whole story on 2026-12-01 and later.

At least five opportunities at different companies, each with six or more
categorized factors, interview details and notes; one that clearly passes, one
that fails, one whose verdict hinges on a single factor, one with a recruiter,
one whose thank-you went out more than two weeks ago with no answer (so its
check-in is due), and one sales pitch that the honesty checks catch.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from followup.decide.honesty import honesty_checks
from followup.decide.scoring import score
from followup.decide.sensitivity import flip_points, robustness
from followup.model import Opportunity, Workspace
from followup.storage.files import example_workspace

ROOT = Path(__file__).resolve().parent.parent
DATA_COPY = ROOT / "data" / "example.json"
PACKAGE_COPY = ROOT / "followup" / "data" / "example.json"
STORY_DAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def example() -> Workspace:
    return example_workspace()


def closest_flip(workspace: Workspace, opportunity_id: str) -> int | None:
    """How many weight points the nearest single-factor flip is away (None: no flip)."""
    changes = flip_points(workspace, opportunity_id)["change"].dropna().abs()
    return None if changes.empty else int(changes.min())


def test_the_data_copy_and_the_package_copy_are_byte_identical() -> None:
    assert DATA_COPY.read_bytes() == PACKAGE_COPY.read_bytes()


def test_the_example_file_is_canonical_with_every_field_written(example: Workspace) -> None:
    raw = PACKAGE_COPY.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert json.loads(raw) == example.to_dict()
    assert Workspace.from_dict(json.loads(DATA_COPY.read_text(encoding="utf-8"))) == example


def test_at_least_five_opportunities_at_different_companies(example: Workspace) -> None:
    companies = [o.company for o in example.opportunities]
    assert len(companies) >= 5
    assert len(set(companies)) == len(companies)


def test_every_opportunity_has_six_or_more_categorized_factors(example: Workspace) -> None:
    for opportunity in example.opportunities:
        assert len(opportunity.factors) >= 6, opportunity.id
        assert all(f.category for f in opportunity.factors), opportunity.id
        assert opportunity.pluses and opportunity.minuses, opportunity.id


def test_interview_details_and_notes_are_filled_in(example: Workspace) -> None:
    for opportunity in example.opportunities:
        assert opportunity.interview_date is not None, opportunity.id
        assert opportunity.interviewers, opportunity.id
        assert opportunity.notes.discussed, opportunity.id
    assert any(o.notes.company_fact and o.notes.fact_comment for o in example.opportunities)
    assert example.owner is not None and example.owner.email


def test_every_date_lies_on_or_before_the_story_day(example: Workspace) -> None:
    for opportunity in example.opportunities:
        assert opportunity.interview_date is not None
        assert opportunity.interview_date <= STORY_DAY, opportunity.id
        for event in opportunity.events:
            assert event.date <= STORY_DAY, (opportunity.id, event)


def clearly_passing(example: Workspace) -> list[str]:
    table = score(example)
    chances = robustness(example)
    return [
        identifier
        for identifier in example.ids
        if table.loc[identifier, "verdict"] == "pass"
        and closest_flip(example, identifier) is None
        and chances.loc[identifier, "p_pass"] >= 0.95
    ]


def test_one_opportunity_clearly_passes(example: Workspace) -> None:
    assert clearly_passing(example)


def test_one_opportunity_fails(example: Workspace) -> None:
    table = score(example)
    chances = robustness(example)
    failing = table.index[table["verdict"] == "fail"]
    assert any(chances.loc[identifier, "p_pass"] <= 0.05 for identifier in failing)


def test_one_verdict_hinges_on_a_single_factor_one_or_two_points_away(example: Workspace) -> None:
    hinges = [i for i in example.ids if closest_flip(example, i) in (1, 2)]
    assert hinges
    chances = robustness(example)
    assert any(0.05 < chances.loc[i, "p_pass"] < 0.95 for i in hinges), "robustness shows doubt"


def test_one_opportunity_that_passes_has_a_recruiter(example: Workspace) -> None:
    verdicts = score(example)["verdict"]
    with_recruiter = [o.id for o in example.opportunities if o.recruiter is not None]
    assert with_recruiter
    assert any(verdicts[i] == "pass" for i in with_recruiter)
    recruiter = example.opportunity(with_recruiter[0]).recruiter
    assert recruiter is not None and (recruiter.email or recruiter.phone)


def check_in_due(opportunity: Opportunity, today: dt.date) -> bool:
    thanked = opportunity.event("thank_you_sent")
    answered = any(
        opportunity.event(kind) for kind in ("check_in_sent", "reply_received", "closed")
    )
    return thanked is not None and not answered and (today - thanked.date).days > 14


def test_one_thank_you_went_out_more_than_two_weeks_ago_without_an_answer(
    example: Workspace,
) -> None:
    due = [o.id for o in example.opportunities if check_in_due(o, STORY_DAY)]
    assert due
    assert all(score(example).loc[i, "verdict"] == "pass" for i in due)


def test_the_example_sales_pitch_gets_honesty_warnings(example: Workspace) -> None:
    warnings = honesty_checks(example)
    pitched = warnings.loc[warnings["opportunity"] == "pied-piper-compression", "check"]
    assert len(pitched) >= 1
    assert score(example).loc["pied-piper-compression", "verdict"] == "pass"


def test_the_honest_opportunities_get_no_warnings(example: Workspace) -> None:
    warned = set(honesty_checks(example)["opportunity"])
    assert warned == {"pied-piper-compression"}


def test_the_example_has_the_default_settings(example: Workspace) -> None:
    assert example.settings.threshold == 0
    assert example.settings.check_in_after_days == 14
