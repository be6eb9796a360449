"""Safe file names for exported notes and reminders, and writing files that never overwrite.

A company or role typed by a person becomes part of a file name, so it is
treated as hostile: :func:`safe_filename` turns it into a slug that cannot
leave the export folder, is never a name Windows reserves, and fits in 255
bytes; :func:`write_new_file` creates the file exclusively, adding ``-2``,
``-3``, ... to the name when it is taken. Standard library only.

>>> safe_filename("AT&T", "Data Engineer", "thank_you", ext="eml")
'at-t-data-engineer-thank-you.eml'
>>> safe_filename("../../etc/passwd", ext="md")
'etc-passwd.md'
>>> safe_filename("CON", ext="txt")
'con-file.txt'
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from followup.errors import Problem, ValidationError

__all__ = ["MAX_NAME_BYTES", "safe_filename", "unique_path", "write_new_file"]

#: The longest file name (in UTF-8 bytes) common file systems accept.
MAX_NAME_BYTES = 255
_MAX_SUFFIX = 9999
# Path separators, and what Windows refuses in a name.
_FORBIDDEN_CHARACTERS = frozenset('/\\<>:"|?*')
_EXTENSION = re.compile(r"[A-Za-z0-9]{1,16}")
# Device names Windows reserves whatever the extension: CON, CON.txt, "CON " all open the device.
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{device}{digit}" for device in ("COM", "LPT") for digit in "0123456789¹²³"}
)


def safe_filename(*parts: str, ext: str, fallback: str = "note") -> str:
    """A file name built from free text: a lowercase slug, safe on every common system.

    Parameters
    ----------
    *parts : str
        Text to name the file after (company, role, kind), joined by hyphens.
        Letters of any script and digits are kept (NFKC-normalized and
        lowercased); everything else becomes a single hyphen.
    ext : str
        The extension, with or without its dot (``"eml"``, ``".md"``); ``""``
        for none.
    fallback : str
        The name to use when the parts hold no letter or digit.

    Returns
    -------
    str
        A name with no path separator, never ``.``/``..``, never a Windows
        reserved device name, and at most :data:`MAX_NAME_BYTES` bytes in UTF-8.

    Raises
    ------
    ValidationError
        If a part is not text, ``ext`` is not 1 to 16 letters or digits, or
        ``fallback`` holds no letter or digit.

    Examples
    --------
    >>> safe_filename("Ünïcode Café", "東京", ext=".md")
    'ünïcode-café-東京.md'
    >>> safe_filename("...", "   ", ext="txt")
    'note.txt'
    """
    problems: list[Problem] = []
    given: tuple[object, ...] = (*parts, ext, fallback)  # checked as the caller may pass anything
    for index, part in enumerate(given[:-2]):
        if not isinstance(part, str):
            problems.append(Problem(f"parts[{index}]", "must be text", part))
    extension = ext.removeprefix(".") if isinstance(given[-2], str) else ""
    if not isinstance(given[-2], str) or (extension and not _EXTENSION.fullmatch(extension)):
        problems.append(Problem("ext", "must be 1 to 16 letters or digits, like 'eml'", ext))
    fallback_slug = _slug(fallback) if isinstance(given[-1], str) else ""
    if not fallback_slug:
        problems.append(Problem("fallback", "must hold a letter or a digit", fallback))
    if problems:
        raise ValidationError(problems)

    stem = "-".join(slug for slug in map(_slug, parts) if slug) or fallback_slug
    if _is_reserved(stem):
        stem = f"{stem}-file"
    suffix = f".{extension.lower()}" if extension else ""
    return _fit(stem, suffix)


def unique_path(folder: Path, filename: str) -> Path:
    """The first free path for ``filename`` inside ``folder``: ``name.eml``, ``name-2.eml``, ...

    This only looks; between looking and writing another program may take
    the name. Use :func:`write_new_file` to write.

    Parameters
    ----------
    folder : Path
        The folder the file goes in; it need not exist yet.
    filename : str
        A plain file name (as made by :func:`safe_filename`), not a path.

    Raises
    ------
    ValidationError
        If ``filename`` is not a plain name that stays inside ``folder``.
    FileExistsError
        If even ``name-9999`` is taken.
    """
    for path in _candidates(Path(folder), filename):
        # lexists: a dangling symbolic link also takes the name.
        if not os.path.lexists(path):
            return path
    raise FileExistsError(f"no free name for {filename!r} in {str(folder)!r}")


def write_new_file(folder: Path, filename: str, data: bytes) -> Path:
    """Write ``data`` to a new file in ``folder`` and return its path; never overwrite.

    The folder is created when missing. The file is created exclusively
    (``open(..., "xb")``), so a name taken at the same moment by another
    program is skipped for the next one (``-2``, ``-3``, ...) rather than
    overwritten; an existing symbolic link is never followed.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> first = write_new_file(folder, "acme.txt", b"one")
    >>> second = write_new_file(folder, "acme.txt", b"two")
    >>> first.name, second.name, first.read_bytes()
    ('acme.txt', 'acme-2.txt', b'one')
    """
    if not isinstance(data, bytes | bytearray):
        raise ValidationError([Problem("data", "must be bytes", data)])
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ValidationError([Problem("folder", "must be a folder, not a file", str(folder))])
    candidates = _candidates(folder, filename)  # validates before anything is created
    folder.mkdir(parents=True, exist_ok=True)
    for path in candidates:
        try:
            handle = path.open("xb")
        except FileExistsError:
            continue
        try:
            with handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except BaseException:
            # A half-written note is worse than none: remove it, then report the failure.
            path.unlink(missing_ok=True)
            raise
        return path
    raise FileExistsError(f"no free name for {filename!r} in {str(folder)!r}")


# ---------------------------------------------------------------------------


def _slug(text: str) -> str:
    """Letters (with their marks) and digits of any script, lowercased; other runs become "-"."""
    kept = [
        char if unicodedata.category(char)[0] in "LM" or char.isdecimal() else "-"
        for char in unicodedata.normalize("NFKC", text).lower()
    ]
    return re.sub(r"-{2,}", "-", "".join(kept)).strip("-")


def _fit(stem: str, suffix: str) -> str:
    """``stem + suffix`` cut on a character boundary to at most MAX_NAME_BYTES bytes."""
    budget = MAX_NAME_BYTES - len(suffix.encode())
    if len(stem.encode()) > budget:
        cut = stem.encode()[:budget].decode("utf-8", errors="ignore")
        stem = cut.rstrip("-") or cut
    return stem + suffix


def _split_extension(filename: str) -> tuple[str, str]:
    stem, dot, extension = filename.rpartition(".")
    if not dot or not stem:
        return filename, ""
    return stem, f".{extension}"


def _is_reserved(filename: str) -> bool:
    # Windows ignores the extension and trailing dots and spaces when it matches device names.
    return filename.split(".")[0].rstrip(" .").upper() in _RESERVED


def _check_plain_name(folder: Path, filename: object) -> str:
    """Refuse anything but a plain, portable name that resolves to a child of ``folder``."""
    plain = (
        isinstance(filename, str)
        and filename.strip(" .") != ""
        and not filename.endswith((" ", "."))
        and not any(char in _FORBIDDEN_CHARACTERS or ord(char) < 32 for char in filename)
        and not _is_reserved(filename)
        and len(filename.encode("utf-8", errors="replace")) <= MAX_NAME_BYTES
    )
    if plain:
        assert isinstance(filename, str)
        root = folder.resolve()
        if (root / filename).resolve().parent == root or (root / filename).is_symlink():
            return filename
    raise ValidationError(
        [
            Problem(
                "filename",
                f"must be a plain file name of at most {MAX_NAME_BYTES} bytes, "
                "not a reserved device name, that stays inside the folder",
                filename,
            )
        ]
    )


def _candidates(folder: Path, filename: str) -> Iterator[Path]:
    """``name.ext``, ``name-2.ext``, ... each inside ``folder`` and within the byte limit."""
    name = _check_plain_name(folder, filename)
    stem, suffix = _split_extension(name)

    def generate() -> Iterator[Path]:
        yield folder / name
        for number in range(2, _MAX_SUFFIX + 1):
            tail = f"-{number}{suffix}"
            yield folder / _fit(stem, tail)

    return generate()
