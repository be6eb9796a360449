"""``followup check``: the writing check on any text, from a file or standard input."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from followup.cli.writing_check import MAX_TEXT_BYTES, line_and_column
from tests.cli.support import assert_refused, plain_output, run  # noqa: F401


def _note(tmp_path: Path, text: str | bytes, name: str = "note.txt") -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def test_check_prints_each_finding_with_file_line_and_column(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _note(tmp_path, "Dear Jordan,\n\nThank you for your tiem.\n")
    result = run(capsys, "check", path, "--known-words", _note(tmp_path, "Jordan\n", "names.txt"))
    assert result.status == 0
    assert result.out.startswith(f"{path}:3:20: spelling: Check the spelling of 'tiem'")
    assert result.out.count("\n") == 1
    assert result.err == f"1 finding in {path}.\n"


def test_check_of_clean_text_says_so_and_prints_nothing_on_stdout(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    result = run(capsys, "check", _note(tmp_path, "Thank you for your time."))
    assert (result.status, result.out) == (0, "")
    assert result.err.startswith("No findings")


def test_check_reads_standard_input_with_a_dash(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"Hey, I look forward to hearing from from you."))
    monkeypatch.setattr(sys, "stdin", stdin)
    result = run(capsys, "check", "-")
    kinds = [line.split(": ")[1] for line in result.out.splitlines()]
    assert kinds == ["tone", "repeated_word"]
    assert all(line.startswith("<stdin>:1:") for line in result.out.splitlines())


def test_known_words_accept_names_and_ignore_comments(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    note = _note(tmp_path, "Thank you, Priya Natarajan and Okafor.")
    unknown = run(capsys, "check", note).out
    assert "Natarajan" in unknown
    known = _note(tmp_path, "# people\nPriya Natarajan  # director\n\nOkafor\n", "names.txt")
    assert run(capsys, "check", note, "--known-words", known).out == ""


def test_check_with_a_kind_checks_the_length(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    note = _note(tmp_path, "Thank you for your time.")
    assert "length" not in run(capsys, "check", note).out
    assert ": length: " in run(capsys, "check", note, "--kind", "thank_you").out


def test_check_counts_lines_and_columns_after_a_byte_order_mark(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _note(tmp_path, "\ufeffThe the end.".encode())
    assert run(capsys, "check", path).out.startswith(f"{path}:1:1: repeated_word")


def test_check_never_lets_text_steer_the_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    result = run(capsys, "check", _note(tmp_path, "\x1b[2J hey \x1b]0;x\x07 gonna"))
    assert result.status == 0
    assert "\x1b" not in result.out + result.err
    assert result.out.count(": tone: ") == 2


def test_check_refuses_text_that_is_not_utf8(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _note(tmp_path, b"caf\xe9")
    result = run(capsys, "check", path)
    assert_refused(result)
    assert "not UTF-8" in result.err and "byte 3" in result.err


def test_check_refuses_a_text_too_large_to_be_a_note(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _note(tmp_path, b"a " * (MAX_TEXT_BYTES // 2 + 1))
    assert_refused(run(capsys, "check", path))


@pytest.mark.parametrize("which", ["text", "known words"])
def test_a_missing_file_is_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, which: str
) -> None:
    missing = tmp_path / "missing.txt"
    argv = [missing] if which == "text" else [_note(tmp_path, "Fine."), "--known-words", missing]
    result = run(capsys, "check", *argv)
    assert_refused(result)
    assert result.err == f"error: {missing}: No such file or directory\n"


def test_a_folder_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert_refused(run(capsys, "check", tmp_path))


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [("abc", 0, (1, 1)), ("abc", 2, (1, 3)), ("a\nbc", 3, (2, 2)), ("a\n\nb", 3, (3, 1))],
)
def test_line_and_column_count_from_one(text: str, offset: int, expected: tuple[int, int]) -> None:
    assert line_and_column(text, offset) == expected


def test_check_expects_the_english_asked_for(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _note(tmp_path, "We will organise the handover and keep the colour scheme.\n")
    british = run(capsys, "check", path, "--english", "UK")
    american = run(capsys, "check", path)
    assert british.out == ""
    assert "organise" in american.out and "colour" in american.out


def test_check_of_a_fragment_does_not_ask_for_a_sentence(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _note(tmp_path, "moving the nightly batch jobs to streaming")
    assert run(capsys, "check", path, "--fragment").out == ""
    assert "capitalization" in run(capsys, "check", path).out


def test_a_fragment_has_no_kind_of_note(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _note(tmp_path, "moving the batch jobs")
    result = run(capsys, "check", path, "--fragment", "--kind", "thank_you")
    assert result.status == 2
    assert "not allowed with argument" in result.err


def test_line_and_column_of_many_findings_are_found_from_the_line_starts() -> None:
    text = "i \n" * 5
    assert [line_and_column(text, offset) for offset in (0, 3, 12)] == [(1, 1), (2, 1), (5, 1)]
