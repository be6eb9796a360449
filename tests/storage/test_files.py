"""Loading and saving the workspace file: what is refused, what is kept, what is never touched."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import stat
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup.errors import ValidationError, WorkspaceError
from followup.model import Factor, Settings, Workspace
from followup.storage.atomic import is_temporary_file, temporary_files
from followup.storage.fileformat import MAX_FILE_BYTES, parse_workspace, workspace_bytes
from followup.storage.files import example_workspace, load_workspace, restore_backup, save_workspace
from followup.storage.lock import hold_lock, lock_path
from followup.storage.paths import backup_path

EXAMPLE = example_workspace()


def example_dict() -> dict[str, object]:
    return EXAMPLE.to_dict()


def snapshot(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file in the folder with its bytes, modification time and mode."""
    return {
        entry.name: (entry.read_bytes(), entry.stat().st_mtime_ns, entry.stat().st_mode)
        for entry in sorted(folder.iterdir())
        if entry.is_file()
    }


def stale_temp(path: Path, token: str = "0123456789abcdef") -> Path:
    temp = path.with_name(f".{path.name}.{token}.tmp")
    temp.write_bytes(b'{"format": "followup-wor')
    return temp


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "search.json"
    save_workspace(EXAMPLE, path)
    return path


# ---------------------------------------------------------------------------
# loading: what is refused, each with a message that says why


def refused_load(tmp_path: Path, raw: bytes) -> WorkspaceError:
    """Load ``raw`` from a file; the refusal must leave the folder exactly as it was."""
    path = tmp_path / "search.json"
    path.write_bytes(raw)
    before = snapshot(tmp_path)
    with pytest.raises(WorkspaceError) as caught:
        load_workspace(path)
    assert snapshot(tmp_path) == before, "a refused load changed, added or removed a file"
    return caught.value


def with_field(**changes: object) -> bytes:
    data = example_dict()
    data.update(changes)
    return json.dumps(data).encode()


def without_field(name: str) -> bytes:
    data = example_dict()
    del data[name]
    return json.dumps(data).encode()


REFUSED = [
    pytest.param(b"", "is not a followup workspace: it is empty (line 1 column 1)", id="0-bytes"),
    pytest.param(
        b" \n\t\n", "is not a followup workspace: it is empty (line 1 column 1)", id="blank"
    ),
    pytest.param(b"hello", "is not valid JSON: Expecting value at line 1 column 1", id="not-json"),
    pytest.param(
        b'{"format": "followup-workspace",\n "version": 1,\n "opportunities": [}',
        "is not valid JSON: Expecting value at line 3 column 20",
        id="bad-json-line-col",
    ),
    pytest.param(
        b"[]",
        "is not a followup workspace: the top level must be an object; got a list",
        id="top-list",
    ),
    pytest.param(
        b'"x"',
        "is not a followup workspace: the top level must be an object; got a string",
        id="top-string",
    ),
    pytest.param(
        b"null",
        "is not a followup workspace: the top level must be an object; got null",
        id="top-null",
    ),
    pytest.param(
        b"3.5",
        "is not a followup workspace: the top level must be an object; got a number",
        id="top-number",
    ),
    pytest.param(
        without_field("format"),
        "is not a followup workspace: format must be 'followup-workspace'; got nothing",
        id="format-missing",
    ),
    pytest.param(
        with_field(format="excel-workbook"),
        "is not a followup workspace: format must be 'followup-workspace'; got 'excel-workbook'",
        id="format-foreign",
    ),
    pytest.param(
        without_field("version"), ": version must be an integer; got nothing", id="version-missing"
    ),
    pytest.param(
        with_field(version="1"), ": version must be an integer; got '1'", id="version-string"
    ),
    pytest.param(
        with_field(version=True), ": version must be an integer; got True", id="version-bool"
    ),
    pytest.param(
        with_field(version=1.0), ": version must be an integer; got 1.0", id="version-float"
    ),
    pytest.param(
        with_field(version=0), ": version must be one of [1, 2]; got 0", id="version-zero"
    ),
    pytest.param(
        with_field(version=3),
        "was created by a newer followup (format version 3); this followup reads versions up to 2: "
        "upgrade followup to open it",
        id="version-future",
    ),
    pytest.param(
        b'{"format": "followup-workspace", "version": 1, "opportunities": [], "settings": '
        b'{"threshold": NaN}}',
        "is not a followup workspace: NaN is not a number JSON allows "
        "(write a plain number or null)",
        id="nan-literal",
    ),
    pytest.param(
        b'{"format": "followup-workspace", "version": 1, "opportunities": [], "settings": '
        b'{"threshold": -Infinity}}',
        "is not a followup workspace: -Infinity is not a number JSON allows",
        id="infinity-literal",
    ),
    pytest.param(
        b'{"format": "followup-workspace", "version": 1, "version": 1, "opportunities": []}',
        "is not a followup workspace: the key 'version' appears twice in one object",
        id="duplicate-key",
    ),
    pytest.param(b"\xff\xfe{\x00}\x00", "is not UTF-8 text: byte 0 is b'\\xff'", id="utf16"),
    pytest.param(
        b"[" * 100_000, "is not a followup workspace: it is nested too deeply", id="nesting-list"
    ),
    pytest.param(
        b'{"a":' * 100_000,
        "is not a followup workspace: it is nested too deeply",
        id="nesting-object",
    ),
    pytest.param(
        b'{"format": "followup-workspace", "version": 1, "opportunities": [], "x": '
        + b"9" * 5000
        + b"}",
        "is not a followup workspace: a number of 5,000 digits at line 1 column 74 is too long",
        id="huge-integer",
    ),
]


@pytest.mark.parametrize(("raw", "message"), REFUSED)
def test_load_refuses_with_a_message_and_touches_nothing(
    tmp_path: Path, raw: bytes, message: str
) -> None:
    error = refused_load(tmp_path, raw)
    assert str(error).startswith(str(tmp_path / "search.json"))
    assert message in str(error)


@pytest.mark.parametrize("cut", [1, 40, 300, 2000, 9000])
def test_truncated_file_is_refused_with_the_line_and_column_where_it_stops(
    tmp_path: Path, cut: int
) -> None:
    raw = workspace_bytes(EXAMPLE)[:cut]
    lines = raw.decode().split("\n")
    error = refused_load(tmp_path, raw)
    # The parser ran out of text on the last line: at its end, or where an unfinished string starts.
    position = re.search(r"is not valid JSON: .* line (\d+) column (\d+)$", str(error))
    assert position is not None, str(error)
    line, column = map(int, position.groups())
    assert line == len(lines)
    assert 1 <= column <= len(lines[-1]) + 1


def test_a_refused_file_points_to_its_backup_when_there_is_one(saved: Path) -> None:
    save_workspace(EXAMPLE.without_opportunity("acme-data-engineer"), saved)
    saved.write_bytes(saved.read_bytes()[:500])
    with pytest.raises(WorkspaceError, match=r"restore it with followup\.restore_backup") as caught:
        load_workspace(saved)
    assert f"the previous version is in {backup_path(saved)}" in str(caught.value)


def test_every_invalid_field_is_listed_and_the_validation_error_is_chained(tmp_path: Path) -> None:
    data = example_dict()
    opportunities = data["opportunities"]
    assert isinstance(opportunities, list)
    opportunities[2]["factors"][0]["weight"] = 12
    opportunities[0]["interview_date"] = "2026-02-30"
    opportunities[1]["wieght"] = 3
    error = refused_load(tmp_path, json.dumps(data).encode())
    message = str(error)
    assert "is not a valid workspace: 3 problems:" in message
    assert "opportunities[2].factors[0].weight must be an integer from 1 to 10; got 12" in message
    assert (
        "opportunities[0].interview_date must be a real calendar date (YYYY-MM-DD); "
        "got '2026-02-30'" in message
    )
    assert "opportunities[1].wieght must not be here" in message
    assert isinstance(error.__cause__, ValidationError)
    assert len(error.__cause__.problems) == 3


def test_duplicate_opportunity_ids_are_refused_naming_the_id(tmp_path: Path) -> None:
    data = example_dict()
    opportunities = data["opportunities"]
    assert isinstance(opportunities, list)
    opportunities.append(dict(opportunities[0]))
    error = refused_load(tmp_path, json.dumps(data).encode())
    last = len(opportunities) - 1
    assert (
        f"opportunities[{last}].id must be unique (already used by opportunities[0]); "
        "got 'acme-data-engineer'"
    ) in str(error)


def test_a_file_over_the_size_cap_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "search.json"
    with path.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50 * 1024 * 1024)
    tracemalloc.start()
    try:
        with pytest.raises(WorkspaceError) as caught:
            load_workspace(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(caught.value) == (
        f"{path} is 52,428,800 bytes; a workspace file must be at most {MAX_FILE_BYTES:,} bytes"
    )
    assert peak < 1024 * 1024, f"loading a refused 50 MB file allocated {peak:,} bytes"


def test_bytes_over_the_size_cap_are_refused_by_the_parser_too() -> None:
    with pytest.raises(WorkspaceError, match="a workspace file must be at most 20,971,520 bytes"):
        parse_workspace(b" " * (MAX_FILE_BYTES + 1))


def test_a_leading_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "search.json"
    path.write_bytes(b"\xef\xbb\xbf" + workspace_bytes(EXAMPLE))
    assert load_workspace(path) == EXAMPLE


def test_loading_a_missing_file_or_a_folder_says_so(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match=r"search\.json does not exist$"):
        load_workspace(tmp_path / "search.json")
    with pytest.raises(WorkspaceError, match="is a folder, not a workspace file"):
        load_workspace(tmp_path)


def test_loading_the_bundled_example_file_gives_the_bundled_example() -> None:
    repository_copy = Path(__file__).parents[2] / "data" / "example.json"
    assert load_workspace(repository_copy) == EXAMPLE


def test_loading_creates_no_file_beside_the_workspace(tmp_path: Path) -> None:
    path = tmp_path / "search.json"
    path.write_bytes(workspace_bytes(EXAMPLE))
    before = snapshot(tmp_path)
    load_workspace(path)
    assert snapshot(tmp_path) == before
    assert not lock_path(path).exists()


# ---------------------------------------------------------------------------
# saving


@st.composite
def edited_examples(draw: st.DrawFn) -> Workspace:
    """The example with opportunities dropped, weights changed and a threshold moved."""
    keep = draw(st.lists(st.sampled_from(EXAMPLE.ids), unique=True))
    workspace = Workspace(
        tuple(o for o in EXAMPLE.opportunities if o.id in keep),
        owner=draw(st.sampled_from([EXAMPLE.owner, None])),
        settings=Settings(threshold=draw(st.integers(-20, 20) | st.floats(-20, 20))),
    )
    for opportunity in workspace.opportunities:
        weights = draw(
            st.lists(
                st.integers(1, 10),
                min_size=len(opportunity.factors),
                max_size=len(opportunity.factors),
            )
        )
        factors = [
            dataclasses.replace(f, weight=w)
            for f, w in zip(opportunity.factors, weights, strict=True)
        ]
        workspace = workspace.with_opportunity(opportunity.with_factors(factors))
    return workspace


@pytest.mark.slow
@given(edited_examples())
def test_what_is_saved_loads_back_equal(workspace: Workspace) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "search.json"
        save_workspace(workspace, path)
        assert load_workspace(path) == workspace
        assert path.read_bytes() == workspace_bytes(workspace)


def test_saving_keeps_the_previous_version_as_a_backup(saved: Path) -> None:
    smaller = EXAMPLE.without_opportunity("acme-data-engineer")
    save_workspace(smaller, saved)
    assert load_workspace(saved) == smaller
    assert load_workspace(backup_path(saved)) == EXAMPLE
    # The same content again: the backup still holds the version before.
    save_workspace(smaller, saved)
    assert load_workspace(backup_path(saved)) == EXAMPLE


def test_a_new_file_has_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "search.json"
    save_workspace(EXAMPLE, path)
    assert not backup_path(path).exists()


def test_saving_writes_a_temporary_file_in_the_same_folder_syncs_it_then_replaces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "search.json"
    calls: list[tuple[str, str]] = []
    real_fsync, real_replace, real_open = os.fsync, os.replace, os.open
    names: dict[int, str] = {}

    def recording_open(
        file: str | os.PathLike[str], flags: int, mode: int = 0o777, **kwargs: object
    ) -> int:
        descriptor = real_open(file, flags, mode, **kwargs)  # type: ignore[arg-type]
        names[descriptor] = os.fspath(file)
        return descriptor

    def recording_fsync(descriptor: int) -> None:
        calls.append(("fsync", names.get(descriptor, "?")))
        real_fsync(descriptor)

    def recording_replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        calls.append(("replace", f"{os.fspath(source)} -> {os.fspath(target)}"))
        real_replace(source, target)

    monkeypatch.setattr(os, "open", recording_open)
    monkeypatch.setattr(os, "fsync", recording_fsync)
    monkeypatch.setattr(os, "replace", recording_replace)
    save_workspace(EXAMPLE, path)
    monkeypatch.undo()

    assert [kind for kind, _ in calls] == ["fsync", "replace", "fsync"]
    (_, synced_temp), (_, rename), (_, synced_folder) = calls
    temp, target = rename.split(" -> ")
    assert synced_temp == temp
    assert Path(temp).parent == tmp_path and is_temporary_file(Path(temp), path)
    assert target == str(path)
    assert synced_folder == str(tmp_path)
    assert load_workspace(path) == EXAMPLE


def test_saving_never_writes_nan(tmp_path: Path) -> None:
    broken = Settings()
    object.__setattr__(broken, "threshold", float("nan"))  # impossible through the constructor
    workspace = Workspace()
    object.__setattr__(workspace, "settings", broken)
    path = tmp_path / "search.json"
    with pytest.raises(
        WorkspaceError, match="cannot be written as a workspace file: Out of range float"
    ):
        save_workspace(workspace, path)
    assert list(tmp_path.iterdir()) == []


def test_saving_something_else_than_a_workspace_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="workspace must be a Workspace; got dict"):
        save_workspace(EXAMPLE.to_dict(), tmp_path / "search.json")  # type: ignore[arg-type]


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664])
def test_saving_keeps_the_permission_bits_of_the_file(saved: Path, mode: int) -> None:
    saved.chmod(mode)
    save_workspace(EXAMPLE.without_opportunity("acme-data-engineer"), saved)
    assert stat.S_IMODE(saved.stat().st_mode) == mode
    assert stat.S_IMODE(backup_path(saved).stat().st_mode) == mode


@pytest.fixture
def umask_027() -> Iterator[None]:
    previous = os.umask(0o027)
    yield
    os.umask(previous)


@pytest.mark.usefixtures("umask_027")
def test_a_new_file_gets_the_usual_permissions_for_the_umask(tmp_path: Path) -> None:
    path = tmp_path / "search.json"
    save_workspace(EXAMPLE, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"my own notes, not a workspace\n", "is not valid JSON"),
        (b"", "it is empty"),
        (
            b'{"format": "followup-workspace", "version": 9, "opportunities": []}',
            "created by a newer followup",
        ),
    ],
    ids=["text", "empty", "newer"],
)
def test_saving_refuses_to_replace_a_file_that_is_not_a_readable_workspace(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "search.json"
    path.write_bytes(content)
    before = snapshot(tmp_path)
    with pytest.raises(WorkspaceError) as caught:
        save_workspace(EXAMPLE, path)
    message = str(caught.value)
    assert message.startswith(
        f"refusing to replace {path}: it is not a readable followup workspace ("
    )
    assert reason in message
    assert message.endswith("pass force=True to replace it anyway")
    after = snapshot(tmp_path)
    after.pop(lock_path(path).name, None)  # the lock file may now exist (empty)
    assert after == before


def test_force_replaces_an_unreadable_file_and_keeps_it_aside(saved: Path) -> None:
    save_workspace(Workspace(), saved)  # the backup now holds the example
    saved.write_bytes(b"my own notes")
    save_workspace(EXAMPLE, saved, force=True)
    assert load_workspace(saved) == EXAMPLE
    assert saved.with_name("search.json.corrupt-1").read_bytes() == b"my own notes"
    assert load_workspace(backup_path(saved)) == EXAMPLE, "the last good backup was overwritten"


def test_saving_over_a_folder_is_refused_even_with_force(tmp_path: Path) -> None:
    (tmp_path / "search.json").mkdir()
    for force in (False, True):
        with pytest.raises(WorkspaceError, match="is a folder, not a workspace file"):
            save_workspace(EXAMPLE, tmp_path / "search.json", force=force)


def test_saving_into_a_missing_folder_says_so_and_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "search.json"
    with pytest.raises(
        WorkspaceError, match=r"cannot be saved: the folder .*nowhere does not exist"
    ):
        save_workspace(EXAMPLE, path)
    assert list(tmp_path.iterdir()) == []


def test_an_unreadable_existing_file_is_not_replaced(
    saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = saved.read_bytes()
    real_open = os.open

    def refusing_open(path: object, *args: object, **kwargs: object) -> object:
        if Path(path) == saved:  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refusing_open)
    with pytest.raises(WorkspaceError) as caught:
        save_workspace(Workspace(), saved)
    monkeypatch.undo()
    assert str(caught.value) == (
        f"refusing to replace {saved}: {saved} cannot be read: Permission denied; "
        "pass force=True to replace it anyway"
    )
    assert saved.read_bytes() == before


# ---------------------------------------------------------------------------
# restoring the backup


def test_restore_backup_sets_the_damaged_file_aside_and_puts_the_backup_back(saved: Path) -> None:
    save_workspace(Workspace(), saved)
    saved.chmod(0o600)
    saved.write_bytes(b'{"format": "followup-wor')
    aside = restore_backup(saved)
    assert aside == saved.with_name("search.json.corrupt-1")
    assert aside.read_bytes() == b'{"format": "followup-wor'
    assert load_workspace(saved) == EXAMPLE
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert load_workspace(backup_path(saved)) == EXAMPLE, "the backup itself stays"
    saved.write_bytes(b"")
    assert restore_backup(saved) == saved.with_name("search.json.corrupt-2")
    assert aside.read_bytes() == b'{"format": "followup-wor', (
        "an earlier set-aside file was overwritten"
    )


def test_restore_backup_when_the_file_is_gone_just_puts_the_backup_back(saved: Path) -> None:
    save_workspace(Workspace(), saved)
    saved.unlink()
    assert restore_backup(saved) == saved
    assert load_workspace(saved) == EXAMPLE


def test_restore_backup_without_a_backup_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "search.json"
    path.write_bytes(b"damaged")
    with pytest.raises(
        WorkspaceError, match=r"search\.json\.bak does not exist; nothing was changed"
    ):
        restore_backup(path)
    assert path.read_bytes() == b"damaged"


def test_restore_backup_refuses_a_damaged_backup_and_changes_nothing(saved: Path) -> None:
    backup_path(saved).write_bytes(b"[]")
    before = saved.read_bytes()
    with pytest.raises(WorkspaceError, match=r"search\.json\.bak is not a followup workspace"):
        restore_backup(saved)
    assert saved.read_bytes() == before
    assert not saved.with_name("search.json.corrupt-1").exists()


# ---------------------------------------------------------------------------
# temporary files left by a crash


def test_saving_sweeps_stale_temporary_files_of_this_workspace_only(saved: Path) -> None:
    stale = [stale_temp(saved), stale_temp(saved, "fedcba9876543210")]
    other = saved.with_name("other.json")
    strangers = [
        stale_temp(other),  # another workspace's
        saved.with_name(".search.json.my-notes.tmp"),  # not a name a save creates
        saved.with_name("search.json.0123456789abcdef.tmp"),  # not hidden: not ours
    ]
    for stranger in strangers[1:]:
        stranger.write_bytes(b"keep me")
    save_workspace(Workspace(), saved)
    assert not any(path.exists() for path in stale)
    assert all(path.exists() for path in strangers)


def test_loading_sweeps_stale_temporary_files_when_no_save_is_running(saved: Path) -> None:
    temp = stale_temp(saved)
    assert load_workspace(saved) == EXAMPLE
    assert not temp.exists()


def test_loading_neither_waits_for_nor_sweeps_under_a_running_save(saved: Path) -> None:
    temp = stale_temp(saved)
    with hold_lock(saved):  # another writer, mid-save
        assert load_workspace(saved) == EXAMPLE
        assert temp.exists(), "a temporary file in use by a running save was removed"
    assert temporary_files(saved) == [temp]


def test_a_save_waits_for_the_lock_and_gives_up_with_a_message(saved: Path) -> None:
    with hold_lock(saved), pytest.raises(WorkspaceError) as caught:
        save_workspace(Workspace(), saved, lock_timeout=0.2)
    assert str(caught.value) == (
        f"{saved} is being saved by another program (it holds {lock_path(saved)}) and did not "
        "finish within 0.2 seconds; the file on disk is unchanged, try saving again"
    )
    assert load_workspace(saved) == EXAMPLE


def test_a_symlink_with_a_temporary_name_is_removed_not_followed(saved: Path) -> None:
    victim = saved.with_name("victim.txt")
    victim.write_bytes(b"precious")
    link = saved.with_name(f".{saved.name}.0123456789abcdef.tmp")
    link.symlink_to(victim)
    save_workspace(Workspace(), saved)
    assert not link.is_symlink()
    assert victim.read_bytes() == b"precious"


def test_factor_edits_round_trip_through_the_file(saved: Path) -> None:
    opportunity = EXAMPLE.opportunity("acme-data-engineer")
    edited = EXAMPLE.with_opportunity(
        opportunity.with_factor(Factor("Café & crèche on site", "plus", 3))
    )
    save_workspace(edited, saved)
    assert (
        load_workspace(saved).opportunity("acme-data-engineer").factors[-1].label
        == "Café & crèche on site"
    )


def test_saving_through_a_symbolic_link_updates_its_target_and_keeps_the_link(
    tmp_path: Path,
) -> None:
    real = tmp_path / "synced" / "search.json"
    real.parent.mkdir()
    save_workspace(EXAMPLE, real)
    link = tmp_path / "search.json"
    link.symlink_to(real)
    save_workspace(Workspace(), link)
    assert link.is_symlink()
    assert load_workspace(real) == Workspace()
    assert load_workspace(backup_path(real)) == EXAMPLE
    assert lock_path(real).exists() and not lock_path(link).exists()


# ---------------------------------------------------------------------------
# the plain functions never overwrite what another program saved meanwhile


def with_role(workspace: Workspace, opportunity_id: str, role: str) -> Workspace:
    from dataclasses import replace

    return workspace.with_opportunity(replace(workspace.opportunity(opportunity_id), role=role))


def test_saving_a_loaded_workspace_merges_edits_saved_meanwhile(saved: Path) -> None:
    from followup.storage.workspace_file import WorkspaceFile

    first, second = EXAMPLE.ids[:2]
    notebook = load_workspace(saved)
    app = WorkspaceFile(saved)
    app.save(with_role(app.load(), first, "Edited in the app"))
    merged = save_workspace(with_role(notebook, second, "Edited in the notebook"), saved)
    on_disk = load_workspace(saved)
    assert on_disk == merged
    assert on_disk.opportunity(first).role == "Edited in the app"
    assert on_disk.opportunity(second).role == "Edited in the notebook"


def test_saving_a_loaded_workspace_over_a_conflicting_edit_is_refused_and_kept(
    saved: Path,
) -> None:
    from followup.errors import ConflictError
    from followup.storage.workspace_file import WorkspaceFile

    first = EXAMPLE.ids[0]
    notebook = load_workspace(saved)
    app = WorkspaceFile(saved)
    app.save(with_role(app.load(), first, "App role"))
    mine = with_role(notebook, first, "Notebook role")
    with pytest.raises(ConflictError) as caught:
        save_workspace(mine, saved)
    assert caught.value.conflicts == (first,)
    assert load_workspace(saved).opportunity(first).role == "App role"
    assert load_workspace(caught.value.conflict_copy) == mine


def test_saving_twice_from_one_loaded_workspace_is_no_conflict(saved: Path) -> None:
    first = EXAMPLE.ids[0]
    workspace = load_workspace(saved)
    workspace = with_role(workspace, first, "Once")
    save_workspace(workspace, saved)
    workspace = with_role(workspace, first, "Twice")
    save_workspace(workspace, saved)
    assert load_workspace(saved).opportunity(first).role == "Twice"


def test_a_workspace_built_in_memory_replaces_the_file_as_before(saved: Path) -> None:
    from followup.storage.workspace_file import WorkspaceFile

    app = WorkspaceFile(saved)
    app.save(with_role(app.load(), EXAMPLE.ids[0], "Edited in the app"))
    save_workspace(Workspace(), saved)
    assert load_workspace(saved) == Workspace()


def test_where_a_workspace_came_from_does_not_change_its_value(saved: Path) -> None:
    loaded = load_workspace(saved)
    assert loaded == EXAMPLE
    assert hash(loaded) == hash(EXAMPLE)
    assert "origin" not in repr(loaded)
    assert "origin" not in loaded.to_dict()


def test_a_number_too_long_is_refused_with_its_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "search.json"
    huge = '"threshold": ' + "9" * 5000
    text = workspace_bytes(Workspace()).decode().replace('"threshold": 0', huge)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WorkspaceError) as caught:
        load_workspace(path)
    message = str(caught.value)
    assert "a number of 5,000 digits at line 6 column 18 is too long" in message
    assert "set_int_max_str_digits" not in message
