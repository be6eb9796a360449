"""Limits no real search reaches keep a broken or hostile file from costing unbounded time."""

from __future__ import annotations

import json

import pytest

from followup.errors import ValidationError, WorkspaceError
from followup.model import (
    MAX_CONTACTS,
    MAX_DICTIONARY_WORDS,
    MAX_EVENTS,
    MAX_FACTORS,
    MAX_NOTE_ITEMS,
    MAX_OPPORTUNITIES,
    Contact,
    Factor,
    Opportunity,
    Workspace,
)
from followup.storage.fileformat import parse_workspace, workspace_bytes


def test_the_example_is_far_below_every_limit() -> None:
    from followup.storage.files import example_workspace

    example = example_workspace()
    assert len(example.opportunities) * 10 <= MAX_OPPORTUNITIES
    assert max(len(o.factors) for o in example.opportunities) * 10 <= MAX_FACTORS


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (
            lambda: Opportunity("a", "A", "R", factors=[Factor("x", "plus", 5)] * (MAX_FACTORS + 1)),  # noqa: E501
            f"factors must have at most {MAX_FACTORS} items; got {MAX_FACTORS + 1}",
        ),
        (
            lambda: Opportunity("a", "A", "R", interviewers=[Contact("Jo")] * (MAX_CONTACTS + 1)),
            f"interviewers must have at most {MAX_CONTACTS} items; got {MAX_CONTACTS + 1}",
        ),
        (
            lambda: Workspace(
                opportunities=[Opportunity(f"o{i}", "A", "R") for i in range(MAX_OPPORTUNITIES + 1)]
            ),
            f"opportunities must have at most {MAX_OPPORTUNITIES} items; got "
            f"{MAX_OPPORTUNITIES + 1}",
        ),
        (
            lambda: Workspace(dictionary=[f"w{i}" for i in range(MAX_DICTIONARY_WORDS + 1)]),
            f"dictionary must have at most {MAX_DICTIONARY_WORDS} words; got "
            f"{MAX_DICTIONARY_WORDS + 1}",
        ),
    ],
)
def test_building_beyond_a_limit_is_refused_naming_the_field(build: object, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        build()  # type: ignore[operator]
    assert message in str(caught.value)


def test_a_file_beyond_a_limit_is_refused_on_load_before_its_items_are_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = Workspace(opportunities=[Opportunity("acme", "Acme", "Engineer")]).to_dict()
    data["opportunities"][0]["factors"] = [
        {"label": f"Factor {i}", "side": "plus", "weight": 5, "category": None}
        for i in range(20_000)
    ]
    read = []
    original = Factor._read.__func__  # type: ignore[attr-defined]

    def counting(cls: type[Factor], *args: object) -> object:
        read.append(1)
        return original(cls, *args)

    monkeypatch.setattr(Factor, "_read", classmethod(counting))
    with pytest.raises(WorkspaceError) as caught:
        parse_workspace(json.dumps(data).encode(), source="big.json")
    assert (
        f"opportunities[0].factors must have at most {MAX_FACTORS} items; got 20000"
        in str(caught.value)
    )
    # Refused before 20,000 factors are built one by one (which took seconds and a gigabyte).
    assert read == []


@pytest.mark.parametrize(
    ("field", "limit"),
    [
        ("events", MAX_EVENTS),
        ("interviewers", MAX_CONTACTS),
    ],
)
def test_lists_of_an_opportunity_are_capped_in_the_file(field: str, limit: int) -> None:
    data = Workspace(opportunities=[Opportunity("acme", "Acme", "Engineer")]).to_dict()
    item = (
        {"kind": "reply_received", "date": "2026-11-20", "note": None}
        if field == "events"
        else {"name": "Jo", "title": None, "email": None, "phone": None}
    )
    data["opportunities"][0][field] = [item] * (limit + 1)
    with pytest.raises(WorkspaceError, match=rf"opportunities\[0\]\.{field} must have at most"):
        parse_workspace(json.dumps(data).encode())


def test_note_lists_are_capped() -> None:
    from followup.model import Notes

    with pytest.raises(ValidationError, match=f"learned must have at most {MAX_NOTE_ITEMS} items"):
        Notes(learned=["x"] * (MAX_NOTE_ITEMS + 1))


def test_a_workspace_at_every_limit_still_saves_and_loads() -> None:
    factors = [Factor(f"F{i}", "minus", 3) for i in range(MAX_FACTORS)]
    opportunity = Opportunity("acme", "Acme", "Engineer", factors=factors)
    workspace = Workspace(opportunities=[opportunity])
    assert parse_workspace(workspace_bytes(workspace)) == workspace
