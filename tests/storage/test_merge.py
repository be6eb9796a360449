"""Three-way merge of workspaces: one-sided edits combine, overlapping ones are named."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from followup.model import Contact, Factor, Opportunity, Settings, Workspace
from followup.storage.files import example_workspace
from followup.storage.merge import merge_workspaces

BASE = example_workspace()


def edited(workspace: Workspace, opportunity_id: str, label: str) -> Workspace:
    opportunity = workspace.opportunity(opportunity_id)
    return workspace.with_opportunity(opportunity.with_factor(Factor(label, "plus", 4)))


def test_edits_to_different_opportunities_are_both_kept() -> None:
    mine = edited(BASE, BASE.ids[0], "mine")
    theirs = edited(BASE, BASE.ids[1], "theirs")
    result = merge_workspaces(BASE, mine, theirs)
    assert result.conflicts == ()
    assert result.workspace is not None
    assert result.workspace.opportunity(BASE.ids[0]) == mine.opportunity(BASE.ids[0])
    assert result.workspace.opportunity(BASE.ids[1]) == theirs.opportunity(BASE.ids[1])
    assert result.workspace.ids == BASE.ids


def test_different_edits_to_one_opportunity_conflict_by_id() -> None:
    mine = edited(BASE, BASE.ids[2], "mine")
    theirs = edited(BASE, BASE.ids[2], "theirs")
    assert merge_workspaces(BASE, mine, theirs).conflicts == (BASE.ids[2],)
    assert merge_workspaces(BASE, mine, theirs).workspace is None


def test_the_same_edit_on_both_sides_is_no_conflict() -> None:
    both = edited(BASE, BASE.ids[2], "same")
    assert merge_workspaces(BASE, both, both).workspace == both


def test_removing_what_the_other_side_edited_is_a_conflict_both_ways() -> None:
    removed = BASE.without_opportunity(BASE.ids[0])
    changed = edited(BASE, BASE.ids[0], "kept")
    assert merge_workspaces(BASE, removed, changed).conflicts == (BASE.ids[0],)
    assert merge_workspaces(BASE, changed, removed).conflicts == (BASE.ids[0],)


def test_removing_an_untouched_opportunity_removes_it() -> None:
    removed = BASE.without_opportunity(BASE.ids[0])
    changed = edited(BASE, BASE.ids[1], "kept")
    result = merge_workspaces(BASE, changed, removed)
    assert result.workspace is not None
    assert BASE.ids[0] not in result.workspace.ids
    assert result.workspace.opportunity(BASE.ids[1]) == changed.opportunity(BASE.ids[1])


def test_opportunities_added_on_both_sides_are_kept_theirs_first_then_mine() -> None:
    mine = BASE.with_opportunity(Opportunity("mine-new", "Mine", "Role"))
    theirs = BASE.with_opportunity(Opportunity("theirs-new", "Theirs", "Role"))
    result = merge_workspaces(BASE, mine, theirs)
    assert result.workspace is not None
    assert result.workspace.ids == (*BASE.ids, "theirs-new", "mine-new")


def test_one_id_added_on_both_sides_with_different_content_is_a_conflict() -> None:
    mine = BASE.with_opportunity(Opportunity("new", "Mine", "Role"))
    theirs = BASE.with_opportunity(Opportunity("new", "Theirs", "Role"))
    assert merge_workspaces(BASE, mine, theirs).conflicts == ("new",)


def test_owner_and_settings_changed_on_one_side_each_are_merged() -> None:
    mine = replace(BASE, owner=Contact("Sam Example", email="sam@example.com"))
    theirs = replace(BASE, settings=Settings(threshold=3, check_in_after_days=10))
    result = merge_workspaces(BASE, mine, theirs)
    assert result.workspace is not None
    assert result.workspace.owner == mine.owner
    assert result.workspace.settings == theirs.settings


def test_owner_and_settings_changed_differently_on_both_sides_are_named() -> None:
    mine = replace(BASE, owner=Contact("Sam"), settings=Settings(threshold=1))
    theirs = replace(BASE, owner=None, settings=Settings(threshold=2))
    assert merge_workspaces(BASE, mine, theirs).conflicts == ("owner", "settings")


def test_my_reordering_is_kept_when_theirs_did_not_reorder() -> None:
    mine = replace(BASE, opportunities=tuple(reversed(BASE.opportunities)))
    theirs = edited(BASE, BASE.ids[0], "theirs")
    result = merge_workspaces(BASE, mine, theirs)
    assert result.workspace is not None
    assert result.workspace.ids == tuple(reversed(BASE.ids))


@st.composite
def disjoint_edits(draw: st.DrawFn) -> tuple[Workspace, Workspace, set[str]]:
    """Two workspaces edited from BASE, each touching a different set of opportunities."""
    ids = list(BASE.ids)
    sides = draw(
        st.lists(st.sampled_from(["none", "mine", "theirs"]), min_size=len(ids), max_size=len(ids))
    )
    mine, theirs = BASE, BASE
    mine_ids = {i for i, side in zip(ids, sides, strict=True) if side == "mine"}
    theirs_ids = {i for i, side in zip(ids, sides, strict=True) if side == "theirs"}
    for opportunity_id in mine_ids:
        if draw(st.booleans()):
            mine = mine.without_opportunity(opportunity_id)
        else:
            mine = edited(mine, opportunity_id, draw(st.sampled_from(["a", "b"])))
    for opportunity_id in theirs_ids:
        if draw(st.booleans()):
            theirs = theirs.without_opportunity(opportunity_id)
        else:
            theirs = edited(theirs, opportunity_id, draw(st.sampled_from(["c", "d"])))
    return mine, theirs, mine_ids


@given(disjoint_edits())
def test_disjoint_edits_always_merge_and_each_side_wins_its_own_part(
    edits: tuple[Workspace, Workspace, set[str]],
) -> None:
    mine, theirs, mine_ids = edits
    result = merge_workspaces(BASE, mine, theirs)
    assert result.conflicts == ()
    merged = result.workspace
    assert merged is not None
    for opportunity_id in BASE.ids:
        source = mine if opportunity_id in mine_ids else theirs
        expected = {o.id: o for o in source.opportunities}.get(opportunity_id)
        actual = {o.id: o for o in merged.opportunities}.get(opportunity_id)
        assert actual == expected
    # Merging is symmetric in content (order may differ).
    flipped = merge_workspaces(BASE, theirs, mine).workspace
    assert flipped is not None
    assert sorted(o.id for o in flipped.opportunities) == sorted(merged.ids)
    assert set(flipped.opportunities) == set(merged.opportunities)


@given(st.sampled_from(BASE.ids), st.text(alphabet="xyz", min_size=1, max_size=3))
def test_merging_with_an_unchanged_side_gives_the_changed_side(
    opportunity_id: str, label: str
) -> None:
    changed = edited(BASE, opportunity_id, label)
    assert merge_workspaces(BASE, changed, BASE).workspace == changed
    assert merge_workspaces(BASE, BASE, changed).workspace == changed


def test_words_added_to_the_dictionary_on_both_sides_are_all_kept() -> None:
    base = BASE.with_word("lakehouse")
    mine = base.with_word("CCRN")
    theirs = replace(base, dictionary=()).with_word("dbt")
    result = merge_workspaces(base, mine, theirs)
    assert result.conflicts == ()
    assert result.workspace is not None
    assert result.workspace.dictionary == ("CCRN", "dbt")
