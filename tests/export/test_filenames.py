"""Export file names: always inside the folder, never reserved, short enough, never overwriting."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup.errors import ValidationError
from followup.export.filenames import MAX_NAME_BYTES, safe_filename, unique_path, write_new_file

WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {
    f"{device}{digit}" for device in ("COM", "LPT") for digit in "123456789"
}


def windows_device(name: str) -> str:
    """What Windows compares with its device names: the part before the first dot, trimmed."""
    return name.split(".")[0].rstrip(" .").upper()


def is_plain_name(name: str) -> bool:
    return (
        name not in ("", ".", "..")
        and not any(char in name for char in '/\\<>:"|?*\0')
        and len(name.encode()) <= MAX_NAME_BYTES
        and windows_device(name) not in WINDOWS_RESERVED
    )


# ---------------------------------------------------------------------------
# RELIABILITY rows 14-17


@pytest.mark.parametrize("company", ["../../etc/passwd", "..\\..\\Windows\\win.ini", "/etc/passwd"])
def test_a_path_in_the_company_becomes_a_file_inside_the_export_folder(
    tmp_path: Path, company: str
) -> None:  # row 14
    folder = tmp_path / "exports"
    name = safe_filename(company, "Engineer", ext="eml")
    written = write_new_file(folder, name, b"note")
    assert written.parent == folder
    assert written.resolve().parent == folder.resolve()
    assert sorted(path.name for path in tmp_path.rglob("*") if path.is_file()) == [name]
    assert "/" not in name and "\\" not in name and ".." not in name


@pytest.mark.parametrize("company", [".", "..", "   ", "", "---", "!?*"])
def test_a_company_without_letters_gets_the_fallback_name(company: str) -> None:  # row 15
    assert safe_filename(company, ext="txt") == "note.txt"
    assert safe_filename(company, ext="txt", fallback="Thank You") == "thank-you.txt"


@pytest.mark.parametrize(
    ("company", "stem"),
    [
        ("CON", "con-file"),
        ("con", "con-file"),
        ("nul.txt", "nul-txt"),
        ("COM1", "com1-file"),
        ("LPT9", "lpt9-file"),
        ("AUX ", "aux-file"),
        ("prn.", "prn-file"),
        ("Com¹", "com1-file"),  # NFKC makes the superscript a digit
        ("Lpt1 Systems", "lpt1-systems"),  # not reserved: left as it is
    ],
)
@pytest.mark.parametrize("ext", ["txt", "eml", ""])
def test_a_windows_reserved_name_is_never_produced(company: str, stem: str, ext: str) -> None:
    # RELIABILITY row 16
    name = safe_filename(company, ext=ext)
    assert is_plain_name(name)
    assert name == (f"{stem}.{ext}" if ext else stem)


@pytest.mark.parametrize("company", ["日" * 300, "a" * 300, "é" * 200 + "x", "👍" * 100])
@pytest.mark.parametrize("ext", ["eml", "md"])
def test_a_long_company_is_cut_to_at_most_255_bytes_on_a_character_boundary(
    tmp_path: Path, company: str, ext: str
) -> None:  # row 17
    name = safe_filename(company, "role", ext=ext)
    assert len(name.encode()) <= MAX_NAME_BYTES
    assert name.endswith(f".{ext}")
    assert name.encode().decode() == name  # whole characters only
    # The suffix added for a taken name must fit as well.
    first = write_new_file(tmp_path, name, b"1")
    second = write_new_file(tmp_path, name, b"2")
    assert first.name == name
    assert len(second.name.encode()) <= MAX_NAME_BYTES
    assert second.name.endswith(f"-2.{ext}")


# ---------------------------------------------------------------------------
# slugs


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("Acme Corp", "Data Engineer", "thank_you"), "acme-corp-data-engineer-thank-you.eml"),
        (('AT&T "R&D" <Legal>', "Engineer"), "at-t-r-d-legal-engineer.eml"),
        (("Café Zürich", "Barista"), "café-zürich-barista.eml"),
        (("東京 Labs",), "東京-labs.eml"),
        (("ＡＣＭＥ",), "acme.eml"),  # full-width letters, NFKC
        (("Oﬃce Tools",), "office-tools.eml"),  # ligature, NFKC
        (("  .hidden.  ",), "hidden.eml"),  # no leading dot: never a hidden file
        (("Acme", "", "   ", "Role"), "acme-role.eml"),  # empty parts are skipped
    ],
)
def test_parts_become_one_lowercase_slug(parts: tuple[str, ...], expected: str) -> None:
    assert safe_filename(*parts, ext="eml") == expected


@pytest.mark.parametrize("ext", ["eml", ".eml", "EML"])
def test_the_extension_may_come_with_or_without_its_dot(ext: str) -> None:
    assert safe_filename("Acme", ext=ext) == "acme.eml"


@pytest.mark.parametrize("ext", ["e/ml", "..eml", "tar.gz", "x" * 17, " eml"])
def test_an_odd_extension_is_refused_naming_ext(ext: str) -> None:
    with pytest.raises(ValidationError, match=r"^ext must be 1 to 16 letters or digits"):
        safe_filename("Acme", ext=ext)


def test_a_fallback_without_letters_is_refused() -> None:
    expected = r"^fallback must hold a letter or a digit; got '\.\.'"
    with pytest.raises(ValidationError, match=expected):
        safe_filename("", ext="eml", fallback="..")


def test_a_part_that_is_not_text_is_refused_naming_its_position() -> None:
    with pytest.raises(ValidationError, match=r"parts\[1\] must be text; got None"):
        safe_filename("Acme", None, ext="eml")  # type: ignore[arg-type]


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(max_size=120), max_size=4), st.sampled_from(["eml", "md", "txt", "ics"]))
def test_any_parts_give_a_plain_name_that_can_be_written_inside_the_folder(
    tmp_path: Path, parts: list[str], ext: str
) -> None:
    name = safe_filename(*parts, ext=ext)
    assert is_plain_name(name)
    assert name.endswith(f".{ext}") and not name.startswith((".", "-"))
    assert unique_path(tmp_path, name).parent == tmp_path


# ---------------------------------------------------------------------------
# writing without overwriting


def test_an_existing_file_is_never_overwritten_the_next_free_suffix_is_used(tmp_path: Path) -> None:
    (tmp_path / "acme.eml").write_bytes(b"old")
    (tmp_path / "acme-2.eml").write_bytes(b"old 2")
    written = write_new_file(tmp_path, "acme.eml", b"new")
    assert written == tmp_path / "acme-3.eml"
    assert written.read_bytes() == b"new"
    assert (tmp_path / "acme.eml").read_bytes() == b"old"
    assert (tmp_path / "acme-2.eml").read_bytes() == b"old 2"


def test_unique_path_looks_without_writing(tmp_path: Path) -> None:
    (tmp_path / "acme.eml").write_bytes(b"old")
    assert unique_path(tmp_path, "acme.eml") == tmp_path / "acme-2.eml"
    assert unique_path(tmp_path, "new.eml") == tmp_path / "new.eml"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["acme.eml"]


def test_a_name_without_extension_gets_its_suffix_at_the_end(tmp_path: Path) -> None:
    (tmp_path / "notes").write_bytes(b"old")
    assert write_new_file(tmp_path, "notes", b"new").name == "notes-2"


def test_the_folder_is_created_when_missing(tmp_path: Path) -> None:
    written = write_new_file(tmp_path / "a" / "b", "acme.eml", b"x")
    assert written == tmp_path / "a" / "b" / "acme.eml"


def test_a_symbolic_link_in_the_folder_is_never_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "acme.eml").symlink_to(outside / "target.eml")  # dangling: would create outside
    written = write_new_file(folder, "acme.eml", b"new")
    assert written == folder / "acme-2.eml"
    assert list(outside.iterdir()) == []


def test_a_name_taken_between_looking_and_writing_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another program creates the file just before the exclusive open.
    real_open = Path.open

    def open_after_another_program(self: Path, mode: str = "r", *args: object) -> object:
        if mode == "xb" and self.name == "acme.eml" and not self.exists():
            self.write_bytes(b"theirs")
        return real_open(self, mode, *args)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", open_after_another_program)
    written = write_new_file(tmp_path, "acme.eml", b"ours")
    assert written.name == "acme-2.eml"
    assert (tmp_path / "acme.eml").read_bytes() == b"theirs"


def test_a_failed_write_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(OSError, match="No space left"):
        write_new_file(tmp_path, "acme.eml", b"data")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "filename",
    ["../acme.eml", "a/b.eml", "a\\b.eml", "", ".", "..", "CON.txt", "nul", "x\0y", "a" * 256],
)
def test_a_name_that_is_not_a_plain_portable_name_is_refused(tmp_path: Path, filename: str) -> None:
    with pytest.raises(ValidationError, match=r"^filename must be a plain file name"):
        write_new_file(tmp_path, filename, b"x")
    with pytest.raises(ValidationError, match=r"^filename must be a plain file name"):
        unique_path(tmp_path, filename)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_is_a_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "exports"
    target.write_bytes(b"not a folder")
    with pytest.raises(ValidationError, match=r"^folder must be a folder, not a file"):
        write_new_file(target, "acme.eml", b"x")


def test_data_must_be_bytes(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=r"^data must be bytes; got 'text'"):
        write_new_file(tmp_path, "acme.eml", "text")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []
