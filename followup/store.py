"""Reading and writing the workspace file.

The file is JSON with a named, versioned envelope (``"format":
"followup-workspace"``, ``"version": 1``). Loading refuses anything it cannot
read with a :class:`~followup.errors.WorkspaceError` and never touches the
file; saving is atomic and keeps the previous version as ``<name>.bak``.

Standard library only.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from followup.errors import ValidationError, WorkspaceError
from followup.model import FORMAT_NAME, FORMAT_VERSION, Workspace

__all__ = [
    "MAX_FILE_BYTES",
    "backup_path",
    "example_workspace",
    "load_workspace",
    "parse_workspace",
    "restore_backup",
    "save_workspace",
    "workspace_bytes",
]

MAX_FILE_BYTES = 20 * 1024 * 1024
_TEMP_SUFFIX = ".tmp"


def backup_path(path: str | os.PathLike[str]) -> Path:
    """Where :func:`save_workspace` keeps the previous version: ``<name>.bak`` beside the file."""
    path = Path(path)
    return path.with_name(path.name + ".bak")


# ---------------------------------------------------------------------------
# reading


def _reject_constant(name: str) -> Any:
    raise _JSONProblem(f"{name} is not a number JSON allows (write a plain number or null)")


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _JSONProblem(f"the key {key!r} appears twice in one object")
        result[key] = value
    return result


class _JSONProblem(Exception):
    pass


def _describe_top_level(data: object) -> str:
    return {list: "a list", str: "a string", type(None): "null", bool: "a boolean"}.get(type(data), "a number")


_READERS: dict[int, Callable[[dict[str, Any]], Workspace]] = {
    1: Workspace.from_dict,
}


def parse_workspace(raw: bytes, *, source: str = "workspace") -> Workspace:
    """Parse the bytes of a workspace file; :class:`WorkspaceError` for every reason to refuse.

    ``source`` names the file in messages.
    """
    if len(raw) > MAX_FILE_BYTES:
        raise WorkspaceError(
            f"{source} is {len(raw):,} bytes; a workspace file must be at most {MAX_FILE_BYTES:,} bytes"
        )
    if not raw.strip():
        raise WorkspaceError(
            f"{source} is not a followup workspace: it is empty (line 1 column 1)" + _backup_hint(source)
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise WorkspaceError(
            f"{source} is not UTF-8 text: byte {error.start} is {raw[error.start:error.start + 1]!r}"
        ) from None
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise WorkspaceError(
            f"{source} is not valid JSON: {error.msg} at line {error.lineno} column {error.colno}"
            + _backup_hint(source)
        ) from None
    except _JSONProblem as error:
        raise WorkspaceError(f"{source} is not a followup workspace: {error}") from None
    except RecursionError:
        raise WorkspaceError(f"{source} is not a followup workspace: it is nested too deeply") from None
    return _read_envelope(data, source)


def _read_envelope(data: object, source: str) -> Workspace:
    if not isinstance(data, dict):
        raise WorkspaceError(
            f"{source} is not a followup workspace: the top level must be an object; got {_describe_top_level(data)}"
        )
    if data.get("format") != FORMAT_NAME:
        got = "nothing" if "format" not in data else repr(data["format"])[:80]
        raise WorkspaceError(
            f"{source} is not a followup workspace: format must be {FORMAT_NAME!r}; got {got}"
        )
    version = data.get("version")
    if type(version) is not int:
        got = "nothing" if "version" not in data else repr(version)[:80]
        raise WorkspaceError(f"{source}: version must be an integer; got {got}")
    if version > FORMAT_VERSION:
        raise WorkspaceError(
            f"{source} was created by a newer followup (format version {version}); this followup reads "
            f"versions up to {FORMAT_VERSION}: upgrade followup to open it"
        )
    reader = _READERS.get(version)
    if reader is None:
        raise WorkspaceError(f"{source}: version must be one of {sorted(_READERS)}; got {version}")
    try:
        return reader(data)
    except ValidationError as error:
        raise WorkspaceError(f"{source} is not a valid workspace: {error}") from error
    except RecursionError:
        raise WorkspaceError(f"{source} is not a followup workspace: it is nested too deeply") from None


def _backup_hint(source: str) -> str:
    backup = backup_path(source)
    if backup.is_file():
        return f"; the previous version is in {backup} (restore it with followup.restore_backup)"
    return ""


def load_workspace(path: str | os.PathLike[str]) -> Workspace:
    """Read a workspace file.

    Refuses, with a :class:`~followup.errors.WorkspaceError` that says why and
    without touching the file: a missing or unreadable file, a file over 20 MB,
    text that is not UTF-8 JSON (with line and column), a top level that is not
    an object, a missing or foreign ``format``, a ``version`` newer than this
    package reads, ``NaN``/``Infinity``, duplicate keys, deep nesting, and every
    invalid field (all listed, each with its path). A leading BOM is accepted.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> save_workspace(example_workspace(), folder / "search.json")
    >>> load_workspace(folder / "search.json") == example_workspace()
    True
    """
    path = Path(path)
    source = str(path)
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise WorkspaceError(
                    f"{source} is {size:,} bytes; a workspace file must be at most {MAX_FILE_BYTES:,} bytes"
                )
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise WorkspaceError(f"{source} does not exist") from None
    except IsADirectoryError:
        raise WorkspaceError(f"{source} is a folder, not a workspace file") from None
    except OSError as error:
        raise WorkspaceError(f"{source} cannot be read: {error.strerror or error}") from None
    return parse_workspace(raw, source=source)


def example_workspace() -> Workspace:
    """The bundled example: a job search with six opportunities at different stages.

    >>> ws = example_workspace()
    >>> len(ws.opportunities) >= 5
    True
    """
    raw = resources.files("followup").joinpath("data", "example.json").read_bytes()
    return parse_workspace(raw, source="the bundled example")


# ---------------------------------------------------------------------------
# writing


def workspace_bytes(workspace: Workspace) -> bytes:
    """The canonical file content: indented UTF-8 JSON, never NaN, ending in a newline."""
    text = json.dumps(workspace.to_dict(), indent=2, ensure_ascii=False, allow_nan=False)
    return (text + "\n").encode("utf-8")


def save_workspace(
    workspace: Workspace, path: str | os.PathLike[str], *, force: bool = False
) -> None:
    """Write a workspace file atomically, keeping the previous version as ``<name>.bak``.

    The new content goes to a temporary file in the same folder, is flushed
    and synced, then replaces the file in one step, so a crash leaves either
    the old or the new file, never a torn one. The file's permission bits are
    kept. An existing file that is not a readable workspace is never replaced
    unless ``force=True``. Any failure raises :class:`WorkspaceError` and
    leaves the old file as it was.
    """
    if not isinstance(workspace, Workspace):
        raise WorkspaceError(f"workspace must be a Workspace; got {type(workspace).__name__}")
    path = Path(path)
    data = workspace_bytes(workspace)
    previous = _read_previous(path, force=force)
    mode = _existing_mode(path)
    try:
        if previous is not None and previous != data:
            _atomic_write(backup_path(path), previous, mode)
        _atomic_write(path, data, mode)
    except OSError as error:
        raise WorkspaceError(
            f"{path} could not be saved ({error.strerror or error}); the file on disk is unchanged"
        ) from None


def _read_previous(path: Path, *, force: bool) -> bytes | None:
    try:
        previous = path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise WorkspaceError(f"{path} is a folder, not a workspace file") from None
    except OSError as error:
        if force:
            return None
        raise WorkspaceError(
            f"{path} cannot be read ({error.strerror or error}), so it is not replaced; "
            "pass force=True to replace it anyway"
        ) from None
    if force:
        return previous
    try:
        parse_workspace(previous, source=str(path))
    except WorkspaceError as error:
        raise WorkspaceError(
            f"refusing to replace {path}: it is not a readable followup workspace ({error}); "
            "pass force=True to replace it anyway"
        ) from None
    return previous


def _existing_mode(path: Path) -> int | None:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return None


def _atomic_write(path: Path, data: bytes, mode: int | None) -> None:
    folder = path.parent
    descriptor, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=_TEMP_SUFFIX, dir=folder)
    temp_path = Path(temp_name)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            temp_path.chmod(mode)
        else:
            temp_path.chmod(0o666 & ~_umask())
        temp_path.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp_path.unlink()
        raise
    _fsync_folder(folder)


def _umask() -> int:
    # os.umask can only be read by setting it; set it straight back.
    current = os.umask(0o022)
    os.umask(current)
    return current


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not possible on every platform.
    with contextlib.suppress(OSError), _open_folder(folder) as descriptor:
        os.fsync(descriptor)


@contextlib.contextmanager
def _open_folder(folder: Path) -> Iterator[int]:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        yield descriptor
    finally:
        os.close(descriptor)


def restore_backup(path: str | os.PathLike[str]) -> Path:
    """Put ``<name>.bak`` back in place of a damaged workspace file.

    The damaged file is not deleted: it is moved aside to
    ``<name>.corrupt-<n>`` first. Returns the path of the set-aside file (or
    the workspace path when there was nothing to set aside).
    """
    path = Path(path)
    backup = backup_path(path)
    try:
        raw = backup.read_bytes()
    except OSError as error:
        raise WorkspaceError(f"{backup} cannot be read ({error.strerror or error}); nothing was changed") from None
    parse_workspace(raw, source=str(backup))
    aside = path
    if path.exists():
        number = 1
        while (aside := path.with_name(f"{path.name}.corrupt-{number}")).exists():
            number += 1
        path.replace(aside)
    _atomic_write(path, raw, _existing_mode(aside) if aside.exists() else None)
    return aside
