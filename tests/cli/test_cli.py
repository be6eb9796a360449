"""The followup command as a whole: help, version, exit statuses, one-line errors, no traceback."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tomllib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

import followup
from followup import Workspace, example_workspace
from followup.cli import build_parser, main
from tests.cli.support import assert_refused, plain_output, run, saved_to  # noqa: F401

STORY_DAY = "2026-12-01"
COMMANDS = ("today", "score", "flips", "draft", "check", "remind", "record", "app")
PROJECT_ROOT = Path(followup.__file__).resolve().parent.parent


# ---------------------------------------------------------------------------
# help and version


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "--version")
    assert result.status == 0
    assert result.out.strip() == f"followup {followup.__version__}"


def test_help_lists_every_command_with_examples(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "--help")
    assert result.status == 0
    for command in COMMANDS:
        assert f"    {command} " in result.out
    assert "examples:" in result.out


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_examples_of_itself(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    result = run(capsys, command, "--help")
    assert result.status == 0
    assert result.out.startswith(f"usage: followup {command}")
    examples = result.out.split("examples:", 1)[1]
    assert f"followup {command} " in examples


def test_help_keeps_the_examples_layout(capsys: pytest.CaptureFixture[str]) -> None:
    # RawDescriptionHelpFormatter: one example per line, not reflowed into a paragraph.
    out = run(capsys, "draft", "--help").out
    assert "\n  followup draft search.json acme-data-engineer\n" in out


# ---------------------------------------------------------------------------
# usage errors: exit 2, one line


@pytest.mark.parametrize(
    ("argv", "names"),
    [
        ([], "COMMAND"),
        (["bogus"], "invalid choice: 'bogus'"),
        (["score"], "FILE"),
        (["score", "x.json", "--bogus"], "--bogus"),
        (["score", "x.json", "--format", "xml"], "--format"),
        (["score", "x.json", "--threshold", "nan"], "--threshold"),
        (["score", "x.json", "--threshold", "1e309"], "--threshold"),
        (["today", "x.json", "--today", "2026-02-30"], "real calendar date"),
        (["today", "x.json", "--today", "next week"], "'next week'"),
        (["today", "x.json", "--today", "2300-01-01"], "from 1990-01-01 to 2100-12-31"),
        (["record", "x.json", "acme", "sent"], "EVENT"),
        (["record", "x.json", "acme", "closed", "--on", "yesterday"], "--on"),
        (["draft", "x.json", "acme", "--kind", "love_letter"], "--kind"),
        (["draft", "x.json", "acme", "--format", "pdf"], "--format"),
        (["app", "--port", "99999"], "--port"),
        (["app", "--port", "http"], "--port"),
    ],
)
def test_a_wrong_command_line_is_one_line_and_exit_status_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], names: str
) -> None:
    result = run(capsys, *argv)
    assert_refused(result, status=2)
    assert names in result.err
    assert "--help" in result.err
    assert result.out == ""


def test_a_usage_error_points_at_the_commands_own_help(capsys: pytest.CaptureFixture[str]) -> None:
    result = run(capsys, "score", "x.json", "--bogus")
    assert "(see 'followup score --help')" in result.err


# ---------------------------------------------------------------------------
# refused input: exit 1, one line, never a traceback


def _valid() -> dict[str, object]:
    return example_workspace().to_dict()


def _with_first_opportunity(**changes: object) -> bytes:
    data = _valid()
    opportunities = data["opportunities"]
    assert isinstance(opportunities, list)
    opportunities[0] = {**opportunities[0], **changes}
    return json.dumps(data).encode()


def _with_first_factor(**changes: object) -> bytes:
    data = _valid()
    opportunities = data["opportunities"]
    assert isinstance(opportunities, list)
    factors = list(opportunities[0]["factors"])
    factors[0] = {**factors[0], **changes}
    opportunities[0] = {**opportunities[0], "factors": factors}
    return json.dumps(data, allow_nan=True).encode()


def _with_interviewer(**changes: object) -> bytes:
    data = _valid()
    opportunities = data["opportunities"]
    assert isinstance(opportunities, list)
    interviewer = {**opportunities[0]["interviewers"][0], **changes}
    opportunities[0] = {**opportunities[0], "interviewers": [interviewer]}
    return json.dumps(data).encode()


def _duplicate_ids() -> bytes:
    data = _valid()
    opportunities = data["opportunities"]
    assert isinstance(opportunities, list)
    opportunities.append(opportunities[0])
    return json.dumps(data).encode()


# The workspace rows of the reliability catalogue, as files handed to the command line.
BAD_WORKSPACES = {
    "empty file": b"",
    "truncated mid-object": json.dumps(_valid()).encode()[:200],
    "a list at top level": b"[]",
    "a string at top level": b'"x"',
    "null at top level": b"null",
    "no format": b'{"version": 1, "opportunities": []}',
    "version as text": b'{"format": "followup-workspace", "version": "1", "opportunities": []}',
    "version from the future": (
        b'{"format": "followup-workspace", "version": 99, "opportunities": []}'
    ),
    "NaN literal": _with_first_factor(weight=float("nan")),
    "nested too deeply": b"[" * 100_000,
    "not UTF-8": b"\xff\xfe{}",
    "weight as text": _with_first_factor(weight="high"),
    "weight true": _with_first_factor(weight=True),
    "weight none": _with_first_factor(weight=None),
    "weight 0": _with_first_factor(weight=0),
    "weight 11": _with_first_factor(weight=11),
    "weight 2.5": _with_first_factor(weight=2.5),
    "weight 1e309": _with_first_opportunity(factors=[{"label": "x", "side": "plus"}]).replace(
        b'"side": "plus"', b'"side": "plus", "weight": 1e309'
    ),
    "impossible date": _with_first_opportunity(interview_date="2026-02-30"),
    "date in words": _with_first_opportunity(interview_date="next week"),
    "date in 2300": _with_first_opportunity(interview_date="2300-01-01"),
    "duplicate ids": _duplicate_ids(),
    "header injection in e-mail": _with_interviewer(email="jane@x.com\r\nBcc: evil@x.com"),
    "header injection in role": _with_first_opportunity(role="Engineer\nBcc: evil@x.com"),
    "line separator in name": _with_interviewer(name="Jane\u2028Bcc: x@y"),
    "NUL in name": _with_interviewer(name="Jane\x00"),
    "two addresses": _with_interviewer(email="jane@example.com, boss@example.com"),
    "no at sign": _with_interviewer(email="no-at-sign"),
    "escape sequence in company": _with_first_opportunity(company="\x1b[2JAcme"),
    "lone surrogate in company": _with_first_opportunity(company="Acme\ud800"),
}


def _commands_on(path: Path, out: Path) -> list[list[str]]:
    target = "acme-data-engineer"
    return [
        ["score", str(path)],
        ["flips", str(path), target],
        ["today", str(path), "--today", STORY_DAY],
        ["draft", str(path), target, "--today", STORY_DAY, "--out", str(out)],
        ["remind", str(path), target, "--today", STORY_DAY, "--out", str(out)],
        ["record", str(path), target, "check_in_sent", "--today", STORY_DAY],
    ]


@pytest.mark.parametrize("name", sorted(BAD_WORKSPACES))
def test_every_command_refuses_a_bad_workspace_in_one_line_and_leaves_it_untouched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    path = tmp_path / "search.json"
    path.write_bytes(BAD_WORKSPACES[name])
    out = tmp_path / "out"
    for argv in _commands_on(path, out):
        result = run(capsys, *argv)
        assert_refused(result)
        assert "\x1b" not in result.err
        assert path.read_bytes() == BAD_WORKSPACES[name], argv
    assert not out.exists()


def _huge_file(tmp_path: Path) -> Path:
    path = tmp_path / "huge.json"
    path.write_bytes(b" " * (21 * 1024 * 1024) + b"{}")
    return path


@pytest.mark.parametrize(
    ("unusable", "named"),
    [
        (_huge_file, "bytes"),
        (lambda tmp_path: tmp_path, "folder"),
        (lambda tmp_path: tmp_path / "\x1b[2Jsearch.json", "\\x1b[2Jsearch.json"),
    ],
    ids=["over the size cap", "a folder", "terminal codes in the name"],
)
def test_an_unusable_workspace_path_is_refused_in_one_harmless_line(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    unusable: Callable[[Path], Path],
    named: str,
) -> None:
    result = run(capsys, "score", unusable(tmp_path))
    assert_refused(result)
    assert named in result.err
    assert "\x1b" not in result.err


def test_a_workspace_with_a_byte_order_mark_is_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(_valid()).encode())
    assert run(capsys, "score", path).status == 0


@pytest.mark.parametrize("command", ["score", "today", "flips", "draft", "remind", "record"])
def test_a_missing_workspace_file_is_named_in_the_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    missing = tmp_path / "nowhere.json"
    extra = {"flips": ["x"], "draft": ["x"], "remind": ["x"], "record": ["x", "closed"]}
    result = run(capsys, command, missing, *extra.get(command, []))
    assert_refused(result)
    assert str(missing) in result.err


def _hostile_workspace() -> Workspace:
    base = example_workspace()
    names = {
        "acme-data-engineer": "<img src=x onerror=alert(1)>",
        "northwind-platform-lead": 'AT&T "R&D" <Legal>',
        "initech-backend-engineer": "../../etc/passwd",
        "umbrella-ml-engineer": "CON",
        "pied-piper-compression": "日" * 200,
        "hooli-site-reliability": "\u202eevil",
        "globex-analytics-engineer": "{{ 7*7 }} $\\foo$",
    }
    opportunities = [replace(o, company=names.get(o.id, o.company)) for o in base.opportunities]
    return replace(base, opportunities=tuple(opportunities))


@pytest.mark.slow
def test_hostile_names_go_through_every_command_without_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = saved_to(tmp_path, _hostile_workspace())
    out = tmp_path / "out"
    for opportunity_id in _hostile_workspace().ids:
        for argv in _commands_on(path, out):
            argv = [opportunity_id if arg == "acme-data-engineer" else arg for arg in argv]
            result = run(capsys, *argv)
            assert result.status in (0, 1), (argv, result)
            assert "Traceback" not in result.err and "unexpected" not in result.err, result.err
            assert "\u202e" not in result.out + result.err
    assert all(file.parent == out for file in out.iterdir())


def test_hostile_names_are_printed_literally(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = saved_to(tmp_path, _hostile_workspace())
    out = run(capsys, "score", path, "--format", "json").out
    companies = {row["company"] for row in json.loads(out)["opportunities"]}
    assert {"<img src=x onerror=alert(1)>", 'AT&T "R&D" <Legal>', "CON"} <= companies
    table = run(capsys, "score", path).out
    assert 'AT&T "R&D" <Legal>' in table
    assert "\\u202eevil" in table


# ---------------------------------------------------------------------------
# the last resort, interruptions and broken pipes


@pytest.mark.parametrize(
    ("raised", "status", "err"),
    [
        (
            RuntimeError("boom"),
            1,
            "error: unexpected RuntimeError: boom (a bug in followup; "
            "run again with FOLLOWUP_DEBUG=1 to see where it happened)\n",
        ),
        (KeyboardInterrupt(), 130, "interrupted\n"),
        (BrokenPipeError(32, "Broken pipe"), 1, ""),
    ],
    ids=["a bug: one line with a way to see it", "ctrl-c: quietly, 130", "closed pipe: quietly"],
)
def test_what_goes_wrong_inside_a_command_ends_in_at_most_one_line(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    workspace_file: Path,
    raised: BaseException,
    status: int,
    err: str,
) -> None:
    def failing(*args: object, **kwargs: object) -> None:
        raise raised

    monkeypatch.setattr("followup.decide.scoring.score", failing)
    result = run(capsys, "score", workspace_file)
    assert (result.status, result.err) == (status, err)


def test_followup_debug_shows_the_bug_with_its_traceback(
    monkeypatch: pytest.MonkeyPatch, workspace_file: Path
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("followup.decide.scoring.score", broken)
    monkeypatch.setenv("FOLLOWUP_DEBUG", "1")
    with pytest.raises(RuntimeError, match="boom"):
        main(["score", str(workspace_file)])


# ---------------------------------------------------------------------------
# the installed command


def test_the_script_entry_point_is_main() -> None:
    pyproject = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    module, _, function = pyproject["project"]["scripts"]["followup"].partition(":")
    assert getattr(__import__(module, fromlist=[function]), function) is main


@pytest.mark.slow
def test_python_m_followup_runs_the_command_in_a_fresh_process(tmp_path: Path) -> None:
    saved_to(tmp_path, example_workspace())
    environment = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "NO_COLOR": "1"}
    environment.pop("FORCE_COLOR", None)

    def followup_command(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "followup", *argv],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=environment,
            timeout=60,
            check=False,
        )

    version = followup_command("--version")
    assert (version.returncode, version.stdout) == (0, f"followup {followup.__version__}\n")
    scored = followup_command("score", "search.json", "--format", "csv")
    assert scored.returncode == 0
    assert scored.stdout.startswith("opportunity,company,")


def test_build_parser_names_itself_followup() -> None:
    assert build_parser().prog == "followup"


def test_today_defaults_to_the_real_date(
    capsys: pytest.CaptureFixture[str], workspace_file: Path
) -> None:
    result = run(capsys, "today", workspace_file)
    assert result.status == 0
    assert result.out.startswith(dt.date.today().isoformat())
