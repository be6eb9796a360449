"""The workspace model: what it accepts, what it refuses (and how it says so), the file form."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
from typing import Any

import numpy as np
import pytest

from followup.errors import FollowupError, UnknownOpportunityError, ValidationError
from followup.model import (
    EVENT_KINDS,
    FORMAT_NAME,
    FORMAT_VERSION,
    Contact,
    Event,
    Factor,
    Notes,
    Opportunity,
    Settings,
    Workspace,
)

INTERVIEW = dt.date(2026, 11, 18)


def acme(**changes: Any) -> Opportunity:
    base = Opportunity("acme-data-engineer", "Acme Analytics", "Data Engineer", INTERVIEW)
    return dataclasses.replace(base, **changes)


def minimal_file(**opportunity: Any) -> dict[str, Any]:
    """A workspace file with one opportunity holding only the required fields (plus changes)."""
    entry: dict[str, Any] = {"id": "acme", "company": "Acme", "role": "Engineer", **opportunity}
    return {"format": FORMAT_NAME, "version": FORMAT_VERSION, "opportunities": [entry]}


def messages(error: ValidationError) -> list[str]:
    return [str(problem) for problem in error.problems]


# ---------------------------------------------------------------------------
# factors and weights (RELIABILITY row 19)

BAD_WEIGHTS = [
    float("nan"),
    float("inf"),
    float("-inf"),
    float("1e309"),
    "high",
    "5",
    True,
    False,
    None,
    0,
    11,
    2.5,
    5.0,
    -3,
    np.float64(5.0),
    np.bool_(True),
]


@pytest.mark.parametrize("weight", BAD_WEIGHTS, ids=repr)
def test_a_factor_refuses_a_weight_that_is_not_an_integer_from_1_to_10(weight: object) -> None:
    with pytest.raises(ValidationError) as caught:
        Factor("Commute", "minus", weight)  # type: ignore[arg-type]
    (problem,) = caught.value.problems
    assert problem.path == "weight"
    assert str(caught.value).startswith("weight must be an integer from 1 to 10; got ")


@pytest.mark.parametrize("weight", BAD_WEIGHTS, ids=repr)
def test_a_file_weight_that_is_not_an_integer_from_1_to_10_is_named_with_its_path(
    weight: object,
) -> None:
    data = minimal_file(
        factors=[
            {"label": "Pay", "side": "plus", "weight": 5},
            {"label": "Commute", "side": "minus", "weight": weight},
        ]
    )
    with pytest.raises(ValidationError) as caught:
        Workspace.from_dict(data)
    (problem,) = caught.value.problems
    assert problem.path == "opportunities[0].factors[1].weight"
    assert problem.value is weight, "the message shows the value as given"


def test_the_weight_message_matches_the_documented_example() -> None:
    data = minimal_file()
    data["opportunities"] = [{"id": f"o{i}", "company": "C", "role": "R"} for i in range(3)]
    data["opportunities"][2]["factors"] = [{"label": "x", "side": "plus", "weight": 12}]
    with pytest.raises(ValueError, match="must be an integer from 1 to 10") as caught:
        Workspace.from_dict(data)
    assert str(caught.value) == (
        "opportunities[2].factors[0].weight must be an integer from 1 to 10; got 12"
    )


def test_factor_from_dict_paths_start_at_the_factor() -> None:
    with pytest.raises(ValidationError) as caught:
        Factor.from_dict({"label": "Pay", "side": "plus", "weight": 12})
    assert str(caught.value) == "weight must be an integer from 1 to 10; got 12"


@pytest.mark.parametrize("weight", range(1, 11))
def test_every_weight_from_1_to_10_is_accepted(weight: int) -> None:
    assert Factor("Pay", "plus", weight).weight == weight


def test_a_numpy_integer_weight_is_stored_as_a_plain_int() -> None:
    factor = Factor("Pay", "plus", np.int64(7))  # type: ignore[arg-type]
    assert type(factor.weight) is int
    assert factor == Factor("Pay", "plus", 7)
    json.dumps(factor.to_dict())  # writable as JSON


@pytest.mark.parametrize("side", ["Plus", "pro", "", None, "+", 1])
def test_a_factor_side_must_be_plus_or_minus(side: object) -> None:
    with pytest.raises(ValidationError, match=r"^side must be 'plus' or 'minus'; got "):
        Factor("Pay", side, 5)  # type: ignore[arg-type]


def test_signed_weight_is_negative_for_a_minus() -> None:
    assert Factor("Pay", "plus", 6).signed_weight == 6
    assert Factor("Commute", "minus", 6).signed_weight == -6


def test_a_blank_category_means_none() -> None:
    assert Factor("Pay", "plus", 6, "  ").category is None


def test_every_problem_of_an_object_is_reported_at_once() -> None:
    with pytest.raises(ValidationError) as caught:
        Factor("", "sideways", 0, "a\nb")  # type: ignore[arg-type]
    assert {p.path for p in caught.value.problems} == {"label", "side", "weight", "category"}
    assert str(caught.value).startswith("4 problems:")


# ---------------------------------------------------------------------------
# text fields

SINGLE_LINE_BREAKERS = {
    "newline": "\n",
    "carriage return": "\r",
    "line separator": "\u2028",
    "paragraph separator": "\u2029",
    "next line": "\x85",
    "NUL": "\x00",
    "escape": "\x1b",
    "vertical tab": "\x0b",
    "form feed": "\x0c",
    "delete": "\x7f",
    "tab": "\t",
    "record separator": "\x1e",
    "lone surrogate": "\ud800",
}


def build_with_text(field: str, text: str) -> object:
    """Build the object that holds ``field`` with ``text`` in it."""
    owner, _, name = field.partition(".")
    if owner == "opportunity":
        return acme(**{name: text})
    values: dict[str, Any]
    if owner == "contact":
        values = {"name": "Jane Doe", name: text}
        return Contact(**values)
    if owner == "factor":
        values = {"label": "Pay", "side": "plus", "weight": 5, name: text}
        return Factor(**values)
    if owner == "notes_item":
        values = {name: (text,)}
        return Notes(**values)
    if owner == "notes":
        values = {name: text}
        return Notes(**values)
    raise AssertionError(field)


SINGLE_LINE_FIELDS = [
    "opportunity.company",
    "opportunity.role",
    "contact.name",
    "contact.title",
    "contact.email",
    "contact.phone",
    "factor.label",
    "factor.category",
    "notes_item.discussed",
    "notes_item.concerns",
    "notes.company_fact",
    "notes.fact_comment",
]


@pytest.mark.parametrize("field", SINGLE_LINE_FIELDS)
@pytest.mark.parametrize("breaker", SINGLE_LINE_BREAKERS.values(), ids=SINGLE_LINE_BREAKERS.keys())
def test_single_line_fields_refuse_line_breaks_and_control_characters(
    field: str, breaker: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        build_with_text(field, f"Jane{breaker}Bcc: evil@example.com")
    (problem,) = caught.value.problems
    expected_path = field.split(".")[1] + ("[0]" if field.startswith("notes_item") else "")
    assert problem.path == expected_path
    assert "without" in problem.expectation


@pytest.mark.parametrize("breaker", ["\n", "\r"])
def test_a_trailing_line_break_is_refused_not_silently_kept(breaker: str) -> None:
    # RELIABILITY row 6: "Engineer\n" must not reach a mail header.
    with pytest.raises(
        ValidationError, match=r"^role must be single-line text without a line break"
    ):
        acme(role="Engineer" + breaker)


def test_the_message_names_the_offending_character() -> None:
    with pytest.raises(ValidationError) as caught:
        Contact("Jane\u2028Bcc: x@y")
    assert str(caught.value) == (
        "name must be single-line text without a line break (U+2028); got 'Jane\\u2028Bcc: x@y'"
    )
    with pytest.raises(ValidationError, match=r"a control character \(U\+0000\)"):
        Contact("Jane\x00")


def test_an_event_note_may_span_lines() -> None:
    event = Event("reply_received", INTERVIEW, "Thanks!\nLet's talk on Monday.\r\n\tJordan")
    assert event.note == "Thanks!\nLet's talk on Monday.\r\n\tJordan"


@pytest.mark.parametrize("bad", ["\x00", "\x1b", "\u2028", "\x85", "\ud800"])
def test_an_event_note_still_refuses_control_characters_and_odd_line_breaks(bad: str) -> None:
    with pytest.raises(ValidationError, match=r"^note must be text without "):
        Event("reply_received", INTERVIEW, f"Thanks{bad}")


@pytest.mark.parametrize("blank", ["", "   ", "\u00a0", "\u3000 "])
def test_required_text_that_is_blank_counts_as_missing(blank: str) -> None:
    with pytest.raises(ValidationError, match=r"^company must be non-empty text; got "):
        acme(company=blank)


def test_text_is_stored_without_surrounding_white_space() -> None:
    opportunity = acme(company="  Acme Analytics ", role="\u00a0Data Engineer")
    assert (opportunity.company, opportunity.role) == ("Acme Analytics", "Data Engineer")


def test_text_that_is_not_a_string_is_refused() -> None:
    with pytest.raises(ValidationError, match=r"^company must be text; got 42$"):
        acme(company=42)


def test_overlong_text_is_refused_with_its_limit() -> None:
    with pytest.raises(ValidationError, match=r"^label must be at most 300 characters"):
        Factor("x" * 301, "plus", 5)


def test_a_notes_item_may_not_be_blank() -> None:
    with pytest.raises(ValidationError, match=r"^learned\[1\] must be non-empty text"):
        Notes(learned=("the team is growing", " "))


def test_notes_lists_must_be_lists_not_single_strings() -> None:
    with pytest.raises(
        ValidationError, match=r"^discussed must be a list of text; got 'streaming'"
    ):
        Notes(discussed="streaming")  # type: ignore[arg-type]


def test_notes_lists_are_kept_as_tuples() -> None:
    notes = Notes(discussed=["streaming", "contracts"])  # type: ignore[arg-type]
    assert notes.discussed == ("streaming", "contracts")


def test_notes_hold_at_most_100_items_per_list() -> None:
    Notes(exciting=tuple(f"item {i}" for i in range(100)))
    with pytest.raises(ValidationError, match=r"^exciting must have at most 100 items; got 101$"):
        Notes(exciting=tuple(f"item {i}" for i in range(101)))


# ---------------------------------------------------------------------------
# e-mail addresses (RELIABILITY rows 4, 8, 9)


@pytest.mark.parametrize(
    "email",
    [
        "jane@x.com\r\nBcc: evil@x.com",
        "jane@example.com, boss@example.com",
        "jane@example.com;boss@example.com",
        "Jane <jane@example.com>",
        "no-at-sign",
        "jane@",
        "@example.com",
        "jane@localhost",
        "jane@@example.com",
        "jane doe@example.com",
    ],
)
def test_an_email_must_be_exactly_one_plain_address(email: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Contact("Jane", email=email)
    (problem,) = caught.value.problems
    assert problem.path == "email"


@pytest.mark.parametrize(
    "email", ["jane@example.com", "jane.doe+jobs@mail.acme.example", "j@ü.example"]
)
def test_plain_addresses_are_accepted(email: str) -> None:
    assert Contact("Jane", email=email).email == email


# ---------------------------------------------------------------------------
# dates (RELIABILITY row 21)


@pytest.mark.parametrize(
    ("value", "expectation"),
    [
        ("2026-02-30", "must be a real calendar date (YYYY-MM-DD)"),
        ("2025-02-29", "must be a real calendar date (YYYY-MM-DD)"),
        ("next week", "must be a date (YYYY-MM-DD)"),
        ("2026-1-5", "must be a date (YYYY-MM-DD)"),
        ("18.11.2026", "must be a date (YYYY-MM-DD)"),
        ("2026-11-18T10:00", "must be a date (YYYY-MM-DD)"),
        ("２０２６-11-18", "must be a date (YYYY-MM-DD)"),
        ("", "must be a date (YYYY-MM-DD)"),
        (20261118, "must be a date (YYYY-MM-DD)"),
        (dt.datetime(2026, 11, 18, 10, 0), "must be a date (YYYY-MM-DD)"),
        ("2300-01-01", "must be a date from 1990-01-01 to 2100-12-31"),
        ("1989-12-31", "must be a date from 1990-01-01 to 2100-12-31"),
        ("2101-01-01", "must be a date from 1990-01-01 to 2100-12-31"),
        (dt.date(2300, 1, 1), "must be a date from 1990-01-01 to 2100-12-31"),
    ],
)
def test_a_date_must_be_a_real_calendar_date_from_1990_to_2100(
    value: object, expectation: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        acme(interview_date=value)
    (problem,) = caught.value.problems
    assert (problem.path, problem.expectation) == ("interview_date", expectation)
    with pytest.raises(ValidationError) as caught:
        Event("closed", value)  # type: ignore[arg-type]
    (problem,) = caught.value.problems
    assert (problem.path, problem.expectation) == ("date", expectation)


def test_a_bad_file_date_is_named_with_its_path() -> None:
    data = minimal_file(events=[{"kind": "closed", "date": "next week"}])
    with pytest.raises(ValidationError) as caught:
        Workspace.from_dict(data)
    assert str(caught.value) == (
        "opportunities[0].events[0].date must be a date (YYYY-MM-DD); got 'next week'"
    )


@pytest.mark.parametrize("value", ["1990-01-01", "2100-12-31", "2028-02-29"])
def test_the_first_and_last_dates_and_leap_days_are_accepted(value: str) -> None:
    assert acme(interview_date=value).interview_date == dt.date.fromisoformat(value)


# ---------------------------------------------------------------------------
# ids (RELIABILITY row 30)


@pytest.mark.parametrize(
    "identifier", ["acme", "acme-data-engineer", "a1", "2026-acme", "x" * 64, "a-b-c-d"]
)
def test_slug_ids_are_accepted(identifier: str) -> None:
    assert acme(id=identifier).id == identifier


@pytest.mark.parametrize(
    "identifier",
    ["Acme", "acme--x", "-acme", "acme-", "acme_x", "acme x", "acmé", "", "x" * 65, "a\n", 7, None],
)
def test_an_id_must_be_a_slug_of_at_most_64_characters(identifier: object) -> None:
    with pytest.raises(ValidationError) as caught:
        acme(id=identifier)
    (problem,) = caught.value.problems
    assert problem.path == "id"
    assert problem.expectation == (
        "must be a slug of lowercase letters, digits and single hyphens, at most 64 characters"
    )


def test_duplicate_ids_are_refused_naming_the_id_and_both_places() -> None:
    with pytest.raises(ValidationError) as caught:
        Workspace(opportunities=(acme(id="acme"), acme(id="globex"), acme(id="acme")))
    assert str(caught.value) == (
        "opportunities[2].id must be unique (already used by opportunities[0]); got 'acme'"
    )


def test_duplicate_ids_in_a_file_are_refused_even_beside_other_problems() -> None:
    data = minimal_file()
    data["opportunities"] = [
        {"id": "acme", "company": "A", "role": "R"},
        {"id": "acme", "company": "B", "role": "R"},
        {"id": "globex", "company": "", "role": "R"},
    ]
    with pytest.raises(ValidationError) as caught:
        Workspace.from_dict(data)
    assert messages(caught.value) == [
        "opportunities[2].company must be non-empty text; got ''",
        "opportunities[1].id must be unique (already used by opportunities[0]); got 'acme'",
    ]


def test_asking_for_an_unknown_id_raises_a_key_error_naming_it() -> None:
    workspace = Workspace(opportunities=(acme(id="acme"), acme(id="globex")))
    with pytest.raises(UnknownOpportunityError) as caught:
        workspace.opportunity("initech")
    assert isinstance(caught.value, KeyError)
    assert isinstance(caught.value, FollowupError)
    assert str(caught.value) == (
        "opportunity_id must be the id of an opportunity in this workspace (acme, globex); "
        "got 'initech'"
    )


def test_the_unknown_id_message_stays_short_for_a_large_workspace() -> None:
    workspace = Workspace(opportunities=tuple(acme(id=f"o{i}") for i in range(300)))
    with pytest.raises(UnknownOpportunityError) as caught:
        workspace.opportunity("nope")
    assert len(str(caught.value)) < 300
    assert "and 290 more" in str(caught.value)


def test_removing_an_unknown_id_raises_the_same_error() -> None:
    with pytest.raises(UnknownOpportunityError, match="'ghost'"):
        Workspace().without_opportunity("ghost")


# ---------------------------------------------------------------------------
# events: the follow-up rules the file itself keeps


def thank_you(day: int) -> Event:
    return Event("thank_you_sent", dt.date(2026, 11, day))


def check_in(day: int) -> Event:
    return Event("check_in_sent", dt.date(2026, 11, day))


def test_a_thank_you_on_the_interview_day_or_later_is_fine() -> None:
    assert acme(events=(thank_you(18),)).event("thank_you_sent") == thank_you(18)
    acme(events=(thank_you(19), check_in(19)))


def test_a_thank_you_cannot_predate_the_interview() -> None:
    with pytest.raises(ValidationError) as caught:
        acme(events=(thank_you(17),))
    assert str(caught.value) == (
        "events[0].date must be on or after the interview date 2026-11-18; got '2026-11-17'"
    )


@pytest.mark.parametrize("kind", EVENT_KINDS)
def test_no_event_predates_the_interview(kind: str) -> None:
    events = (thank_you(18), Event(kind, dt.date(2026, 11, 10)))  # type: ignore[arg-type]
    with pytest.raises(
        ValidationError, match=r"events\[1\]\.date must be on or after the interview"
    ):
        acme(events=events)


def test_without_an_interview_date_events_may_have_any_date() -> None:
    acme(interview_date=None, events=(thank_you(1), check_in(20)))


def test_a_check_in_cannot_predate_the_thank_you() -> None:
    with pytest.raises(ValidationError) as caught:
        acme(events=(thank_you(25), check_in(24)))
    assert str(caught.value) == (
        "events[1].date must be on or after the thank-you date 2026-11-25; got '2026-11-24'"
    )


def test_a_check_in_without_a_thank_you_is_invalid() -> None:
    with pytest.raises(ValidationError) as caught:
        acme(events=(check_in(30),))
    assert str(caught.value) == (
        "events[0].kind must follow a thank_you_sent event (a check-in comes after a thank-you); "
        "got 'check_in_sent'"
    )


@pytest.mark.parametrize("make", [thank_you, check_in])
def test_at_most_one_thank_you_and_one_check_in(make: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        acme(events=(thank_you(19), check_in(20), make(21)))
    (problem,) = caught.value.problems
    assert problem.path == "events[2].kind"
    assert problem.expectation.startswith("must not repeat")


def test_other_events_may_repeat() -> None:
    events = (
        Event("recruiter_called", INTERVIEW),
        Event("recruiter_called", dt.date(2026, 11, 20)),
        Event("reply_received", dt.date(2026, 11, 21)),
        Event("reply_received", dt.date(2026, 11, 22)),
    )
    assert len(acme(events=events).events) == 4


def test_adding_an_event_checks_the_rules_again() -> None:
    opportunity = acme(events=(thank_you(19),))
    with pytest.raises(ValidationError, match="must not repeat"):
        opportunity.with_event(thank_you(20))
    assert opportunity.with_event(check_in(30)).event("check_in_sent") == check_in(30)


def test_an_unknown_event_kind_is_refused_listing_the_kinds() -> None:
    with pytest.raises(ValidationError) as caught:
        Event("thank_you", INTERVIEW)  # type: ignore[arg-type]
    assert str(caught.value) == (
        "kind must be one of recruiter_called, thank_you_sent, check_in_sent, reply_received, "
        "closed; got 'thank_you'"
    )


def test_looking_up_an_event_by_a_misspelt_kind_is_refused_not_answered_none() -> None:
    with pytest.raises(ValidationError, match=r"^kind must be one of"):
        acme().event("thank_you")
    assert acme().event("thank_you_sent") is None


def test_an_event_date_given_as_text_is_stored_as_a_date() -> None:
    assert Event("closed", "2026-12-01").date == dt.date(2026, 12, 1)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# building from objects: wrong kinds of parts


def test_factors_must_be_factor_objects() -> None:
    with pytest.raises(ValidationError) as caught:
        acme(factors=({"label": "Pay", "side": "plus", "weight": 5},))
    assert messages(caught.value) == [
        "factors[0] must be a Factor; got {'label': 'Pay', 'side': 'plus', 'weight': 5}"
    ]


def test_parts_of_the_wrong_kind_are_all_reported() -> None:
    with pytest.raises(ValidationError) as caught:
        acme(interviewers="Jordan", recruiter="Casey", notes=["x"], events=(None,))
    assert [p.path for p in caught.value.problems] == [
        "interviewers",
        "recruiter",
        "notes",
        "events[0]",
    ]


def test_lists_of_parts_are_stored_as_tuples() -> None:
    opportunity = acme(factors=[Factor("Pay", "plus", 5)], interviewers=[Contact("Jordan")])
    assert opportunity.factors == (Factor("Pay", "plus", 5),)
    assert opportunity.interviewers == (Contact("Jordan"),)


def test_none_notes_means_empty_notes() -> None:
    assert acme(notes=None).notes == Notes()


def test_a_workspace_holds_only_opportunities() -> None:
    with pytest.raises(ValidationError, match=r"^opportunities\[0\] must be a Opportunity"):
        Workspace(opportunities=("acme",))  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"^owner must be a Contact or None"):
        Workspace(owner="Alex")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"^settings must be a Settings"):
        Workspace(settings={"threshold": 0})  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# settings


@pytest.mark.parametrize("threshold", [float("nan"), float("inf"), True, "0", None, 1001, -1001])
def test_a_threshold_must_be_a_finite_number_within_1000(threshold: object) -> None:
    with pytest.raises(ValidationError, match=r"^threshold must be a number from -1000 to 1000"):
        Settings(threshold=threshold)  # type: ignore[arg-type]


@pytest.mark.parametrize("days", [0, 91, 14.0, True, "14"])
def test_the_check_in_delay_is_a_whole_number_of_days_from_1_to_90(days: object) -> None:
    with pytest.raises(
        ValidationError, match=r"^check_in_after_days must be an integer from 1 to 90"
    ):
        Settings(check_in_after_days=days)  # type: ignore[arg-type]


def test_settings_accept_numpy_numbers_and_store_plain_ones() -> None:
    settings = Settings(threshold=np.float64(1.5), check_in_after_days=np.int64(10))  # type: ignore[arg-type]
    assert type(settings.threshold) is float and type(settings.check_in_after_days) is int
    json.dumps(settings.to_dict())


# ---------------------------------------------------------------------------
# editing


def test_objects_are_frozen_and_edited_by_replace_which_validates() -> None:
    factor = Factor("Pay", "plus", 5)
    with pytest.raises(dataclasses.FrozenInstanceError):
        factor.weight = 6  # type: ignore[misc]
    assert dataclasses.replace(factor, weight=6).weight == 6
    with pytest.raises(ValidationError, match=r"^weight must be"):
        dataclasses.replace(factor, weight=60)


def test_with_opportunity_replaces_the_same_id_in_place_or_adds_at_the_end() -> None:
    workspace = Workspace(opportunities=(acme(id="a"), acme(id="b")))
    renamed = workspace.with_opportunity(acme(id="a", company="Acme Two"))
    assert renamed.ids == ("a", "b")
    assert renamed.opportunity("a").company == "Acme Two"
    assert workspace.with_opportunity(acme(id="c")).ids == ("a", "b", "c")
    assert workspace.opportunity("a").company == "Acme Analytics", "the original is unchanged"


def test_with_opportunity_refuses_anything_else() -> None:
    with pytest.raises(ValidationError, match=r"^opportunity must be an Opportunity"):
        Workspace().with_opportunity({"id": "a"})  # type: ignore[arg-type]


def test_without_opportunity_removes_only_that_one() -> None:
    workspace = Workspace(opportunities=(acme(id="a"), acme(id="b"), acme(id="c")))
    assert workspace.without_opportunity("b").ids == ("a", "c")
    assert len(workspace) == 3


def test_with_factor_and_with_factors() -> None:
    opportunity = (
        acme().with_factor(Factor("Pay", "plus", 8)).with_factor(Factor("Commute", "minus", 3))
    )
    assert [f.label for f in opportunity.pluses] == ["Pay"]
    assert [f.label for f in opportunity.minuses] == ["Commute"]
    assert opportunity.with_factors([]).factors == ()


# ---------------------------------------------------------------------------
# the file form


def test_a_minimal_file_gets_every_default() -> None:
    workspace = Workspace.from_dict(minimal_file())
    opportunity = workspace.opportunity("acme")
    assert opportunity == Opportunity("acme", "Acme", "Engineer")
    assert workspace.owner is None
    assert workspace.settings == Settings(threshold=0, check_in_after_days=14)


def test_to_dict_writes_every_field_with_nulls_and_empties() -> None:
    workspace = Workspace(opportunities=(Opportunity("acme", "Acme", "Engineer"),))
    assert workspace.to_dict() == {
        "format": "followup-workspace",
        "version": 2,
        "owner": None,
        "settings": {
            "threshold": 0,
            "check_in_after_days": 14,
            "english": "US",
            "greeting": "first_name",
        },
        "dictionary": [],
        "opportunities": [
            {
                "id": "acme",
                "company": "Acme",
                "role": "Engineer",
                "interview_date": None,
                "interviewers": [],
                "recruiter": None,
                "factors": [],
                "notes": {
                    "discussed": [],
                    "learned": [],
                    "stronger_because": [],
                    "exciting": [],
                    "concerns": [],
                    "company_fact": "",
                    "fact_comment": "",
                    "fact_source": None,
                },
                "events": [],
                "drafts": {"thank_you": None, "check_in": None},
            }
        ],
    }


def test_to_dict_of_parts_writes_every_field() -> None:
    assert Contact("Jordan").to_dict() == {
        "name": "Jordan",
        "title": None,
        "email": None,
        "phone": None,
    }
    assert Factor("Pay", "plus", 5).to_dict() == {
        "label": "Pay",
        "side": "plus",
        "weight": 5,
        "category": None,
    }
    assert Event("closed", INTERVIEW).to_dict() == {
        "kind": "closed",
        "date": "2026-11-18",
        "note": None,
    }


def test_nulls_in_a_file_read_as_the_defaults() -> None:
    data = minimal_file(
        interview_date=None,
        interviewers=None,
        recruiter=None,
        factors=None,
        notes={"discussed": None, "company_fact": None},
        events=None,
    )
    data.update(owner=None, settings=None)
    assert Workspace.from_dict(data) == Workspace.from_dict(minimal_file())


def test_the_file_form_round_trips_through_json() -> None:
    opportunity = acme(
        interviewers=(Contact("Jordan Rivera", "Manager", "jordan@acme.example", "+1 555 0100"),),
        recruiter=Contact("Casey"),
        factors=(Factor("Pay", "plus", 8, "pay"), Factor("Commute", "minus", 6)),
        notes=Notes(discussed=("streaming",), company_fact="Open data charter"),
        events=(thank_you(19), Event("reply_received", dt.date(2026, 11, 25), "Call\nMonday")),
    )
    workspace = Workspace(
        opportunities=(opportunity,), owner=Contact("Alex"), settings=Settings(threshold=2.5)
    )
    text = json.dumps(workspace.to_dict(), allow_nan=False)
    assert Workspace.from_dict(json.loads(text)) == workspace


def test_equal_workspaces_have_equal_dicts_and_unequal_ones_do_not() -> None:
    one = Workspace(opportunities=(acme(),))
    same = Workspace(opportunities=[acme(company=" Acme Analytics ")])  # type: ignore[arg-type]
    other = Workspace(opportunities=(acme(role="Staff Engineer"),))
    assert one == same and one.to_dict() == same.to_dict()
    assert one != other and one.to_dict() != other.to_dict()
    assert copy.deepcopy(one) == one


def test_missing_required_fields_are_each_named() -> None:
    with pytest.raises(ValidationError) as caught:
        Workspace.from_dict({"opportunities": [{"id": "acme"}]})
    assert messages(caught.value) == [
        "format must be given; got nothing",
        "version must be given; got nothing",
        "opportunities[0].company must be given; got nothing",
        "opportunities[0].role must be given; got nothing",
    ]


def test_a_foreign_format_or_version_is_refused() -> None:
    data = minimal_file()
    data.update(format="something-else", version="1")
    with pytest.raises(ValidationError) as caught:
        Workspace.from_dict(data)
    assert messages(caught.value) == [
        "format must be 'followup-workspace'; got 'something-else'",
        "version must be 2; got '1'",
    ]


def test_opportunities_must_be_a_list_and_null_is_not_one() -> None:
    data = minimal_file()
    data["opportunities"] = None
    with pytest.raises(ValidationError, match=r"^opportunities must be a list; got None$"):
        Workspace.from_dict(data)


@pytest.mark.parametrize("top", [[], "x", None, 3])
def test_a_top_level_that_is_not_an_object_is_refused(top: object) -> None:
    with pytest.raises(ValidationError, match=r"^value must be an object; got "):
        Workspace.from_dict(top)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("where", "key", "message"),
    [
        (
            "top",
            "opportunites",
            "opportunites must not be here (unknown field; did you mean 'opportunities'?)",
        ),
        (
            "settings",
            "treshold",
            "settings.treshold must not be here (unknown field; did you mean 'threshold'?)",
        ),
        ("owner", "emial", "owner.emial must not be here (unknown field; did you mean 'email'?)"),
        (
            "opportunity",
            "compnay",
            "opportunities[0].compnay must not be here (unknown field; did you mean 'company'?)",
        ),
        (
            "factor",
            "wieght",
            "opportunities[0].factors[0].wieght must not be here "
            "(unknown field; did you mean 'weight'?)",
        ),
        (
            "notes",
            "discused",
            "opportunities[0].notes.discused must not be here "
            "(unknown field; did you mean 'discussed'?)",
        ),
        (
            "event",
            "notes",
            "opportunities[0].events[0].notes must not be here "
            "(unknown field; did you mean 'note'?)",
        ),
        (
            "interviewer",
            "xyzzy",
            "opportunities[0].interviewers[0].xyzzy must not be here (unknown field)",
        ),
        (
            "opportunity",
            "two words",
            "opportunities[0]['two words'] must not be here (unknown field)",
        ),
    ],
)
def test_unknown_keys_are_refused_with_their_path_and_a_hint(
    where: str, key: str, message: str
) -> None:
    data = minimal_file(
        factors=[{"label": "Pay", "side": "plus", "weight": 5}],
        notes={},
        events=[{"kind": "closed", "date": "2026-12-01"}],
        interviewers=[{"name": "Jordan"}],
    )
    data.update(settings={}, owner={"name": "Alex"})
    opportunity = data["opportunities"][0]
    target = {
        "top": data,
        "settings": data["settings"],
        "owner": data["owner"],
        "opportunity": opportunity,
        "factor": opportunity["factors"][0],
        "notes": opportunity["notes"],
        "event": opportunity["events"][0],
        "interviewer": opportunity["interviewers"][0],
    }[where]
    target[key] = 3
    with pytest.raises(ValidationError) as caught:
        Workspace.from_dict(data)
    assert messages(caught.value) == [f"{message}; got 3"]


def test_a_file_reports_all_its_problems_at_once_across_levels() -> None:
    data = minimal_file()
    data["settings"] = {"threshold": "high"}
    data["opportunities"] = [
        {
            "id": "Bad Id",
            "company": "Acme",
            "role": "",
            "factors": [
                {"label": "Pay", "side": "plus", "weight": 12},
                {"label": "Commute", "side": "against", "weight": 3},
            ],
            "events": [{"kind": "check_in_sent", "date": "2026-02-30"}],
        },
        {"id": "ok", "company": "Globex", "role": "Analyst", "interviewers": [{"name": ""}]},
        {
            "id": "late",
            "company": "Initech",
            "role": "Dev",
            "interview_date": "2026-11-20",
            "events": [{"kind": "thank_you_sent", "date": "2026-11-19"}],
        },
    ]
    with pytest.raises(ValidationError) as caught:
        Workspace.from_dict(data)
    assert messages(caught.value) == [
        "settings.threshold must be a number from -1000 to 1000; got 'high'",
        "opportunities[0].factors[0].weight must be an integer from 1 to 10; got 12",
        "opportunities[0].factors[1].side must be 'plus' or 'minus'; got 'against'",
        "opportunities[0].events[0].date must be a real calendar date (YYYY-MM-DD); "
        "got '2026-02-30'",
        "opportunities[0].id must be a slug of lowercase letters, digits and single hyphens, "
        "at most 64 characters; got 'Bad Id'",
        "opportunities[0].role must be non-empty text; got ''",
        "opportunities[1].interviewers[0].name must be non-empty text; got ''",
        "opportunities[2].events[0].date must be on or after the interview date 2026-11-20; "
        "got '2026-11-19'",
    ]


@pytest.mark.parametrize(
    ("cls", "data", "message"),
    [
        (
            Contact,
            {"name": "Jo", "email": "jo@"},
            "email must be one e-mail address like name@example.com; got 'jo@'",
        ),
        (Event, {"kind": "closed"}, "date must be given; got nothing"),
        (Notes, {"learned": "one thing"}, "learned must be a list of text; got 'one thing'"),
        (
            Settings,
            {"check_in_after_days": 0},
            "check_in_after_days must be an integer from 1 to 90; got 0",
        ),
        (Opportunity, {"id": "a", "company": "A", "role": "R", "factors": [{}]}, "3 problems:"),
    ],
)
def test_each_part_reads_its_own_file_form_with_paths_from_itself(
    cls: Any, data: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        cls.from_dict(data)
    assert str(caught.value).splitlines()[0] == message


def test_each_part_round_trips_its_file_form() -> None:
    parts: list[Any] = [
        Contact("Jordan", "Manager", "jordan@acme.example"),
        Factor("Pay", "minus", 3, "pay"),
        Event("reply_received", INTERVIEW, "two\nlines"),
        Notes(concerns=("on-call",), fact_comment="nice"),
        Settings(threshold=-2, check_in_after_days=7),
        acme(factors=(Factor("Pay", "plus", 5),)),
    ]
    for part in parts:
        assert type(part).from_dict(part.to_dict()) == part


def test_workspace_from_dict_accepts_a_mapping_that_is_not_a_dict() -> None:
    from types import MappingProxyType

    data = MappingProxyType(minimal_file())
    assert Workspace.from_dict(data).ids == ("acme",)


@pytest.mark.parametrize(
    ("name", "module"),
    [
        ("Contact", "contact"), ("Factor", "factor"), ("Event", "event"), ("Notes", "notes"),
        ("DraftEdits", "notes"), ("Settings", "settings"), ("Opportunity", "opportunity"),
        ("Workspace", "workspace"), ("CATEGORIES", "limits"), ("MAX_FACTORS", "limits"),
    ],
)  # fmt: skip
def test_the_whole_model_is_imported_from_the_model_package(name: str, module: str) -> None:
    import importlib

    import followup.model

    assert name in followup.model.__all__
    assert getattr(followup.model, name) is getattr(
        importlib.import_module(f"followup.model.{module}"), name
    )
