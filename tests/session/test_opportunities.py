"""The list of opportunities: readable ids, add, duplicate, delete and undo."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup import UnknownOpportunityError, Workspace
from followup.session.opportunities import new_opportunity_id
from tests.session.support import ACME, memory_session


def test_new_ids_are_readable_slugs_and_never_taken():
    assert new_opportunity_id("Acme", "Data Engineer", []) == "acme-data-engineer"
    assert new_opportunity_id("Acme", "Data Engineer", ["acme-data-engineer"]) == (
        "acme-data-engineer-2"
    )
    assert new_opportunity_id("<img src=x>", "", []) == "img-src-x"
    assert new_opportunity_id("", "", []) == "opportunity"


@given(st.text(max_size=300), st.text(max_size=300))
def test_any_company_and_role_give_a_valid_opportunity_id(company, role):
    from followup.model.checks import is_slug

    taken = [new_opportunity_id(company, role, [])]
    assert is_slug(new_opportunity_id(company, role, taken))
    assert new_opportunity_id(company, role, taken) not in taken


def test_adding_an_opportunity_selects_it():
    session = memory_session(Workspace())
    new_id = session.opportunities.add("Initrode", "Analyst")
    assert session.state.selected_id == new_id == "initrode-analyst"
    assert session.state.selected is not None and session.state.selected.company == "Initrode"


def test_duplicating_copies_everything_but_the_follow_up_events_and_sits_next_to_the_original():
    session = memory_session()
    copy_id = session.opportunities.duplicate(ACME)
    copy, original = session.state.opportunity(copy_id), session.state.opportunity(ACME)
    assert copy.role == "Senior Data Engineer (copy)"
    assert copy.factors == original.factors and copy.notes == original.notes
    assert copy.events == () and original.events
    assert session.state.workspace.ids.index(copy_id) == session.state.workspace.ids.index(ACME) + 1
    assert session.state.selected_id == copy_id


def test_undo_brings_back_a_deleted_opportunity_where_it_was():
    session = memory_session()
    before = session.state.workspace
    session.state.select("globex-analytics-engineer")
    session.opportunities.delete("globex-analytics-engineer")
    assert "globex-analytics-engineer" not in session.state.workspace.ids
    assert session.state.selected_id == "initech-backend-engineer"  # the next one
    assert session.opportunities.undo_description == "Globex Corporation — Analytics Engineer"
    assert session.opportunities.undo_delete() == "globex-analytics-engineer"
    assert session.state.workspace == before
    assert session.opportunities.undo_description is None
    assert session.opportunities.undo_delete() is None


def test_undo_restores_several_deletes_in_reverse_order():
    session = memory_session()
    before = session.state.workspace
    session.opportunities.delete(ACME)
    session.opportunities.delete("hooli-site-reliability")
    session.opportunities.undo_delete()
    session.opportunities.undo_delete()
    assert session.state.workspace == before


def test_undo_gives_a_new_id_when_the_old_one_was_taken_meanwhile():
    session = memory_session(Workspace())
    first = session.opportunities.add("Acme", "Engineer")
    session.opportunities.delete(first)
    session.opportunities.add("Acme", "Engineer")
    assert session.opportunities.undo_delete() == "acme-engineer-2"
    assert len(session.state.workspace.opportunities) == 2


def test_deleting_the_last_opportunity_leaves_nothing_selected():
    session = memory_session(Workspace())
    only = session.opportunities.add()
    session.opportunities.delete(only)
    assert session.state.selected_id is None and session.state.selected is None


def test_unknown_ids_are_refused_with_the_known_ones_named():
    session = memory_session()
    with pytest.raises(UnknownOpportunityError, match="acme-data-engineer"):
        session.state.select("nope")
    with pytest.raises(KeyError):
        session.opportunities.delete("nope")


@given(st.lists(st.integers(0, 6), min_size=1, max_size=6, unique=True))
def test_undoing_every_delete_gives_back_the_workspace(positions):
    session = memory_session()
    before = session.state.workspace
    for position in positions:
        ids = session.state.workspace.ids
        session.opportunities.delete(ids[position % len(ids)])
    while session.opportunities.undo_delete() is not None:
        pass
    assert session.state.workspace == before


def test_each_entry_of_the_list_shows_the_verdict_and_the_next_step_in_words():
    session = memory_session()
    entries = {entry.id: entry for entry in session.opportunities.entries()}
    assert entries[ACME].title == "Acme Analytics — Senior Data Engineer"
    assert entries[ACME].verdict == "pass"
    assert entries[ACME].next_step == "Send the check-in, due November 25 (overdue)"
    assert entries["globex-analytics-engineer"].verdict == "fail"
    assert entries["globex-analytics-engineer"].next_step == "Move on"
    assert [entry.id for entry in session.opportunities.entries()] == list(
        session.state.workspace.ids
    )


def test_the_list_follows_a_weight_change():
    session = memory_session()
    session.t_chart.set_weight("globex-analytics-engineer", 0, 10)
    before = session.opportunities.entries()
    session.t_chart.set_weight("initech-backend-engineer", 1, 1)
    after = session.opportunities.entries()
    assert before != after


def test_search_finds_company_or_role_without_case_or_accents():
    session = memory_session()
    session.details.set(ACME, "company", "Acmé Analytics")
    assert [e.id for e in session.opportunities.entries("ACME")] == [ACME]
    assert {e.id for e in session.opportunities.entries("engineer")} >= {
        ACME,
        "initech-backend-engineer",
    }
    assert session.opportunities.entries("nothing like this") == ()


def test_closed_opportunities_are_marked_and_a_reply_keeps_one_open():
    session = memory_session()
    session.follow_up.record("globex-analytics-engineer", "closed")
    entries = {entry.id: entry for entry in session.opportunities.entries()}
    assert entries["globex-analytics-engineer"].closed
    assert entries["globex-analytics-engineer"].next_step == "Closed"
    assert not entries["hooli-site-reliability"].closed  # it got a reply: still open


@pytest.mark.parametrize(("company", "role"), [("", "Analyst"), ("Initrode", "  "), ("", "")])
def test_adding_needs_a_company_and_a_role(company, role):
    from followup import ValidationError

    session = memory_session()
    with pytest.raises(ValidationError, match="must be non-empty text"):
        session.opportunities.add(company, role)
    assert session.state.workspace.ids == memory_session().state.workspace.ids


def test_the_dates_of_the_list_follow_the_english_of_the_workspace():
    session = memory_session()
    session.settings.set("english", "UK")
    entries = {entry.id: entry for entry in session.opportunities.entries()}
    assert entries[ACME].next_step == "Send the check-in, due 25 November (overdue)"
