"""Stores: where a session keeps its workspace."""

from __future__ import annotations

from followup import example_workspace
from followup.session import FileStore, MemoryStore
from followup.session.saving import saved_message
from tests.session.support import NOON


def test_file_store_reports_where_it_saves(tmp_path):
    store = FileStore(tmp_path / "search.json")
    assert store.describe() == str(tmp_path / "search.json")


def test_a_memory_store_keeps_the_workspace_as_it_is_and_writes_nothing():
    store = MemoryStore()
    workspace = example_workspace()
    assert store.save(workspace) is workspace
    assert store.path is None
    assert "memory" in store.describe()


def test_the_saved_message_gives_the_time_and_says_when_edits_were_merged():
    assert saved_message(NOON) == "saved 12:04"
    assert saved_message(NOON, merged=True) == "saved 12:04 (with changes made elsewhere merged in)"
