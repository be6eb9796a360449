"""Fuzzing the reader: whatever the bytes, loading gives a Workspace or a WorkspaceError.

Random bytes, random JSON, and the example workspace with random mutations
(a value replaced, a key removed or added, bytes flipped or cut) go through
:func:`parse_workspace` and :func:`load_workspace`. No other exception may
escape, and whatever is accepted saves and loads back equal.
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup.errors import WorkspaceError
from followup.model import Workspace
from followup.storage.fileformat import parse_workspace, workspace_bytes
from followup.storage.files import example_workspace, load_workspace, save_workspace

EXAMPLE = example_workspace()
EXAMPLE_DICT = EXAMPLE.to_dict()
EXAMPLE_BYTES = workspace_bytes(EXAMPLE)

json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**30), 10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.sampled_from(["plus", "minus", "2026-11-18", "thank_you_sent", "acme", "", " ", "\u2028"])
)
json_values = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=25,
)


def outcome(raw: bytes) -> Workspace | None:
    """Parse; the only refusal allowed is a WorkspaceError (returned as None)."""
    try:
        workspace = parse_workspace(raw, source="fuzzed.json")
    except WorkspaceError as error:
        assert str(error), "a refusal without a message"
        return None
    assert isinstance(workspace, Workspace)
    # Whatever is accepted can be saved and reads back the same.
    assert parse_workspace(workspace_bytes(workspace)) == workspace
    return workspace


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON document, as a tuple of keys and indexes."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths(item, (*prefix, index))
    return found


@st.composite
def mutated_examples(draw: st.DrawFn) -> bytes:
    """The example workspace with one to three random edits to its JSON."""
    document = copy.deepcopy(EXAMPLE_DICT)
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(paths(document)))
        if not where:
            document = draw(json_values)
            continue
        *parent_path, last = where
        parent: Any = document
        for step in parent_path:
            parent = parent[step]
        action = draw(st.sampled_from(["replace", "delete", "add-key", "wrap", "duplicate"]))
        if action == "replace":
            parent[last] = draw(json_values)
        elif action == "delete":
            del parent[last]
        elif action == "add-key" and isinstance(parent, dict):
            parent[draw(st.text(max_size=12))] = draw(json_values)
        elif action == "wrap":
            parent[last] = [parent[last]]
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))
    return json.dumps(document, allow_nan=True, ensure_ascii=draw(st.booleans())).encode(
        "utf-8", "surrogatepass"
    )


@st.composite
def damaged_bytes(draw: st.DrawFn) -> bytes:
    """The example file with bytes flipped, cut out or inserted, or cut short."""
    raw = bytearray(EXAMPLE_BYTES)
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(raw)))
        action = draw(st.sampled_from(["flip", "cut", "insert", "truncate"]))
        if action == "flip" and position < len(raw):
            raw[position] = draw(st.integers(0, 255))
        elif action == "cut":
            del raw[position : position + draw(st.integers(1, 50))]
        elif action == "insert":
            raw[position:position] = draw(st.binary(min_size=1, max_size=10))
        elif action == "truncate":
            del raw[position:]
    return bytes(raw)


@given(st.binary(max_size=4000))
def test_random_bytes_give_a_workspace_error(raw: bytes) -> None:
    outcome(raw)


@given(json_values, st.booleans())
def test_random_json_gives_a_workspace_error(value: Any, bom: bool) -> None:
    raw = json.dumps(value, allow_nan=True).encode()
    assert outcome((b"\xef\xbb\xbf" if bom else b"") + raw) is None


@given(mutated_examples())
def test_mutated_workspaces_are_read_or_refused_with_a_workspace_error(raw: bytes) -> None:
    outcome(raw)


@given(damaged_bytes())
def test_damaged_files_are_read_or_refused_with_a_workspace_error(raw: bytes) -> None:
    outcome(raw)


@given(st.sampled_from(["[", '{"a":', '[{"b":']), st.integers(500, 200_000))
def test_deep_nesting_of_any_depth_is_refused(opening: str, depth: int) -> None:
    assert outcome((opening * depth).encode()) is None


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.binary(max_size=2000), mutated_examples(), damaged_bytes()))
def test_loading_a_fuzzed_file_agrees_with_parsing_it_and_leaves_it_alone(
    tmp_path: Path, raw: bytes
) -> None:
    path = tmp_path / "fuzzed.json"
    path.write_bytes(raw)
    try:
        loaded: Workspace | None = load_workspace(path)
    except WorkspaceError as error:
        loaded = None
        assert str(error).startswith(str(path))
    assert loaded == outcome(raw)
    assert path.read_bytes() == raw


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=20)
@given(st.one_of(mutated_examples(), damaged_bytes()))
def test_saving_over_a_fuzzed_file_replaces_it_only_if_it_was_a_workspace(
    tmp_path: Path, raw: bytes
) -> None:
    path = tmp_path / "fuzzed.json"
    path.write_bytes(raw)
    readable = outcome(raw) is not None
    try:
        save_workspace(EXAMPLE, path)
    except WorkspaceError:
        assert not readable
        assert path.read_bytes() == raw
    else:
        assert readable
        assert load_workspace(path) == EXAMPLE


def test_the_process_is_healthy_after_fuzzing() -> None:
    limit = sys.getrecursionlimit()
    with pytest.raises(WorkspaceError):
        parse_workspace(b"[" * 1_000_000)
    assert sys.getrecursionlimit() == limit
    assert parse_workspace(EXAMPLE_BYTES) == EXAMPLE
