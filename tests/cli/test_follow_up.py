"""``followup today``, ``draft``, ``remind`` and ``record``: the follow-up, from a terminal."""

from __future__ import annotations

import csv
import datetime as dt
import email
import email.policy
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest

from followup import Contact, Workspace, load_workspace, save_workspace
from followup._text import display_width
from followup.etiquette import next_step, timeline
from followup.notes.compose import draft_note
from tests.cli.support import (  # noqa: F401 - the autouse fixture applies to this module
    Result,
    assert_refused,
    example_with,
    plain_output,
    run,
    saved_to,
)

STORY_DAY = dt.date(2026, 12, 1)
DAY = STORY_DAY.isoformat()


def draft(
    capsys: pytest.CaptureFixture[str], file: Path, opportunity_id: str, out: Path, *options: str
) -> Result:
    """``followup draft`` on the story day, into ``out``."""
    return run(capsys, "draft", file, opportunity_id, "--today", DAY, "--out", out, *options)


def remind(
    capsys: pytest.CaptureFixture[str], file: Path, opportunity_id: str, out: Path
) -> Result:
    """``followup remind`` on the story day, into ``out``."""
    return run(capsys, "remind", file, opportunity_id, "--today", DAY, "--out", out)


def record(capsys: pytest.CaptureFixture[str], file: Path, *argv: str) -> Result:
    """``followup record`` on the story day."""
    return run(capsys, "record", file, *argv, "--today", DAY)


def nothing_in(folder: Path) -> bool:
    return not folder.exists() or not any(folder.iterdir())


# ---------------------------------------------------------------------------
# today


def test_today_lists_every_opportunity_soonest_first_with_its_reason(
    capsys: pytest.CaptureFixture[str], workspace_file: Path, workspace: Workspace
) -> None:
    result = run(capsys, "today", workspace_file, "--today", DAY)
    assert result.status == 0
    plan = timeline(workspace, today=STORY_DAY)
    positions = [result.out.index(f"({opportunity_id}, ") for opportunity_id in plan.index]
    assert positions == sorted(positions)
    flat = " ".join(result.out.split())
    for reason in plan["reason"]:
        assert " ".join(reason.split()) in flat


def test_today_counts_the_steps_due_and_marks_the_overdue_ones(
    capsys: pytest.CaptureFixture[str], workspace_file: Path, workspace: Workspace
) -> None:
    out = run(capsys, "today", workspace_file, "--today", DAY).out
    plan = timeline(workspace, today=STORY_DAY)
    overdue = int(plan["overdue"].sum())
    assert overdue > 0
    assert out.splitlines()[0].endswith(f"({overdue} overdue).")
    assert out.count(" overdue  ") == overdue


def test_today_points_to_the_draft_command_when_a_note_is_due(
    capsys: pytest.CaptureFixture[str], workspace_file: Path
) -> None:
    out = run(capsys, "today", workspace_file, "--today", DAY).out
    assert f"\n  followup draft {workspace_file} ID\n" in out


def test_today_fits_in_80_columns(capsys: pytest.CaptureFixture[str], workspace_file: Path) -> None:
    out = run(capsys, "today", workspace_file, "--today", DAY).out
    # A command to copy keeps its (long, temporary) path whole; everything else wraps.
    lines = [line for line in out.splitlines() if not line.startswith("  followup ")]
    assert all(display_width(line) <= 80 for line in lines)


def test_today_csv_and_json_carry_the_timeline(
    capsys: pytest.CaptureFixture[str], workspace_file: Path, workspace: Workspace
) -> None:
    plan = timeline(workspace, today=STORY_DAY)
    rows = list(
        csv.DictReader(
            io.StringIO(run(capsys, "today", workspace_file, "--today", DAY, "--format", "csv").out)
        )
    )
    data = json.loads(run(capsys, "today", workspace_file, "--today", DAY, "--format", "json").out)
    assert [row["opportunity"] for row in rows] == list(plan.index)
    assert [row["action"] for row in data["timeline"]] == list(plan["action"])
    assert [row["due"] for row in data["timeline"]] == [
        due.isoformat() if due is not None else None for due in plan["due"]
    ]


def test_today_changes_with_the_date(
    capsys: pytest.CaptureFixture[str], workspace_file: Path
) -> None:
    before = run(capsys, "today", workspace_file, "--today", "2026-11-24", "--format", "json").out
    after = run(capsys, "today", workspace_file, "--today", "2026-11-25", "--format", "json").out
    action = {
        label: {r["opportunity"]: r["action"] for r in json.loads(text)["timeline"]}[
            "acme-data-engineer"
        ]
        for label, text in (("before", before), ("after", after))
    }
    assert action == {"before": "wait", "after": "send_check_in"}


# ---------------------------------------------------------------------------
# draft


def test_draft_writes_the_note_the_plan_calls_for_and_says_where(
    capsys: pytest.CaptureFixture[str], workspace_file: Path, tmp_path: Path
) -> None:
    out_folder = tmp_path / "drafts"
    result = draft(capsys, workspace_file, "acme-data-engineer", out_folder)
    assert result.status == 0, result.err
    (written,) = out_folder.iterdir()
    assert written.suffix == ".eml"
    assert str(written) in result.out
    message = email.message_from_bytes(written.read_bytes(), policy=email.policy.default)
    assert message["X-Unsent"] == "1"
    assert message["To"].addresses[0].display_name == "Jordan Rivera"
    assert "check-in" in result.out
    assert "followup record" in result.out and "check_in_sent" in result.out


def test_draft_reports_a_clean_writing_check(
    capsys: pytest.CaptureFixture[str], workspace_file: Path, tmp_path: Path
) -> None:
    out = draft(capsys, workspace_file, "northwind-platform-lead", tmp_path / "d").out
    assert "found nothing to fix" in out


def test_draft_lists_the_typos_the_user_typed_into_the_notes_where_they_are(
    capsys: pytest.CaptureFixture[str], workspace: Workspace, tmp_path: Path
) -> None:
    northwind = workspace.opportunity("northwind-platform-lead")
    notes = replace(northwind.notes, learned=("the team plans to moove its test labs",))
    typed = example_with("northwind-platform-lead", notes=notes)
    result = draft(capsys, saved_to(tmp_path, typed), "northwind-platform-lead", tmp_path / "d")
    assert result.status == 0
    (finding,) = [line for line in result.out.splitlines() if "spelling" in line]
    assert "'moove'" in finding and "'move'" in finding
    line, column = (int(part) for part in finding.split(":")[:2])
    body = draft_note(typed, "northwind-platform-lead", today=STORY_DAY).body
    assert body.splitlines()[line - 1][column - 1 :].startswith("moove")


@pytest.mark.parametrize(("format", "marker"), [("md", "# "), ("txt", "To: ")])
def test_draft_writes_markdown_or_text(
    capsys: pytest.CaptureFixture[str],
    workspace_file: Path,
    tmp_path: Path,
    format: str,
    marker: str,
) -> None:
    out_folder = tmp_path / "d"
    result = draft(
        capsys, workspace_file, "northwind-platform-lead", out_folder, "--format", format
    )
    assert result.status == 0
    (written,) = out_folder.iterdir()
    assert written.suffix == f".{format}"
    assert written.read_text(encoding="utf-8").startswith(marker)


def test_draft_never_overwrites_an_earlier_draft(
    capsys: pytest.CaptureFixture[str], workspace_file: Path, tmp_path: Path
) -> None:
    out_folder = tmp_path / "d"
    draft(capsys, workspace_file, "acme-data-engineer", out_folder)
    (first,) = out_folder.iterdir()
    first.write_text("edited by hand", encoding="utf-8")
    second = draft(capsys, workspace_file, "acme-data-engineer", out_folder)
    assert second.status == 0
    assert first.read_text(encoding="utf-8") == "edited by hand"
    assert len(list(out_folder.iterdir())) == 2


@pytest.mark.parametrize(
    ("opportunity_id", "argv", "because"),
    [
        ("initech-backend-engineer", ["--kind", "check_in"], "allowed from 2026-12-05"),
        ("initech-backend-engineer", [], "No note to draft today"),
        ("globex-analytics-engineer", ["--kind", "thank_you"], "does not pass"),
        ("umbrella-ml-engineer", ["--kind", "thank_you"], "recruiter"),
        ("acme-data-engineer", ["--kind", "thank_you"], "one thank-you is enough"),
        ("hooli-site-reliability", [], "replied"),
    ],
)
def test_draft_explains_an_etiquette_refusal_and_writes_nothing(
    capsys: pytest.CaptureFixture[str],
    workspace_file: Path,
    tmp_path: Path,
    opportunity_id: str,
    argv: list[str],
    because: str,
) -> None:
    out_folder = tmp_path / "d"
    result = draft(capsys, workspace_file, opportunity_id, out_folder, *argv)
    assert_refused(result)
    assert because in result.err
    assert nothing_in(out_folder)


def test_draft_as_eml_needs_the_interviewers_address(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    no_address = example_with("acme-data-engineer", interviewers=(Contact("Jordan Rivera"),))
    path = saved_to(tmp_path, no_address)
    out_folder = tmp_path / "d"
    result = draft(capsys, path, "acme-data-engineer", out_folder)
    assert_refused(result)
    assert "email" in result.err
    assert nothing_in(out_folder)
    as_text = draft(capsys, path, "acme-data-engineer", out_folder, "--format", "txt")
    assert as_text.status == 0


def test_draft_into_a_file_instead_of_a_folder_is_refused(
    capsys: pytest.CaptureFixture[str], workspace_file: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    assert_refused(draft(capsys, workspace_file, "acme-data-engineer", blocker))
    assert blocker.read_text(encoding="utf-8") == "x"


def test_draft_into_a_folder_that_cannot_be_made_names_it(
    capsys: pytest.CaptureFixture[str], workspace_file: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    result = draft(capsys, workspace_file, "acme-data-engineer", blocker / "drafts")
    assert_refused(result)
    assert str(blocker) in result.err


def test_draft_file_names_from_hostile_company_names_stay_in_the_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = saved_to(tmp_path, example_with("acme-data-engineer", company="../../etc/passwd"))
    out_folder = tmp_path / "d"
    assert draft(capsys, path, "acme-data-engineer", out_folder).status == 0
    (written,) = out_folder.iterdir()
    assert written.parent == out_folder
    assert not (tmp_path / "etc").exists()


# ---------------------------------------------------------------------------
# remind


def test_remind_writes_one_calendar_event_on_the_check_in_date(
    capsys: pytest.CaptureFixture[str], workspace_file: Path, tmp_path: Path
) -> None:
    out_folder = tmp_path / "cal"
    result = remind(capsys, workspace_file, "initech-backend-engineer", out_folder)
    assert result.status == 0
    (written,) = out_folder.iterdir()
    assert written.suffix == ".ics"
    data = written.read_bytes()
    assert data.count(b"BEGIN:VEVENT") == 1
    assert b"DTSTART;VALUE=DATE:20261205" in data
    assert str(written) in result.out
    assert "2026-12-05" in result.out


def test_remind_without_a_thank_you_is_refused_with_the_reason(
    capsys: pytest.CaptureFixture[str], workspace_file: Path, tmp_path: Path
) -> None:
    out_folder = tmp_path / "cal"
    result = remind(capsys, workspace_file, "northwind-platform-lead", out_folder)
    assert_refused(result)
    assert "thank-you" in result.err
    assert not out_folder.exists()


def test_remind_of_an_unknown_id_is_refused(
    capsys: pytest.CaptureFixture[str], workspace_file: Path, tmp_path: Path
) -> None:
    assert_refused(run(capsys, "remind", workspace_file, "nope", "--out", tmp_path))


# ---------------------------------------------------------------------------
# record


def test_record_saves_the_event_and_shows_the_next_step(
    capsys: pytest.CaptureFixture[str], workspace_file: Path
) -> None:
    result = record(capsys, workspace_file, "northwind-platform-lead", "thank_you_sent")
    assert result.status == 0, result.err
    saved = load_workspace(workspace_file)
    event = saved.opportunity("northwind-platform-lead").event("thank_you_sent")
    assert event is not None and event.date == STORY_DAY
    assert next_step(saved, "northwind-platform-lead", today=STORY_DAY).action == "wait"
    assert "Next: wait" in result.out
    assert workspace_file.with_name(workspace_file.name + ".bak").exists()


def test_record_on_a_given_date_with_a_note(
    capsys: pytest.CaptureFixture[str], workspace_file: Path
) -> None:
    argv = ("acme-data-engineer", "check_in_sent", "--on", "2026-11-26")
    result = record(capsys, workspace_file, *argv, "--note", "Sent from my phone")
    assert result.status == 0, result.err
    event = load_workspace(workspace_file).opportunity("acme-data-engineer").event("check_in_sent")
    assert event is not None
    assert (event.date, event.note) == (dt.date(2026, 11, 26), "Sent from my phone")


@pytest.mark.parametrize(
    ("argv", "because"),
    [
        (["acme-data-engineer", "thank_you_sent"], "second thank-you"),
        (["northwind-platform-lead", "check_in_sent"], "thank-you first"),
        (["acme-data-engineer", "closed", "--on", "2026-01-01"], "before the interview"),
        (["acme-data-engineer", "closed", "--on", "2026-12-02"], "on or before today"),
        (["nope", "closed"], "'nope'"),
        (["acme-data-engineer", "reply_received", "--note", "a\x00b"], "note"),
    ],
)
def test_record_refuses_what_cannot_be_recorded_and_leaves_the_file_as_it_was(
    capsys: pytest.CaptureFixture[str], workspace_file: Path, argv: list[str], because: str
) -> None:
    before = workspace_file.read_bytes()
    result = record(capsys, workspace_file, *argv)
    assert_refused(result)
    assert because in result.err
    assert workspace_file.read_bytes() == before


def test_record_keeps_what_another_program_saved_meanwhile(
    capsys: pytest.CaptureFixture[str], workspace_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import followup.etiquette

    real_record_event = followup.etiquette.record_event

    def record_while_the_app_saves(
        workspace: Workspace, *args: object, **kwargs: object
    ) -> Workspace:
        # Between the command's load and its save, the app saves another edit.
        other = load_workspace(workspace_file).without_opportunity("globex-analytics-engineer")
        save_workspace(other, workspace_file)
        return real_record_event(workspace, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(followup.etiquette, "record_event", record_while_the_app_saves)
    result = record(capsys, workspace_file, "northwind-platform-lead", "thank_you_sent")
    assert result.status == 0, result.err
    saved = load_workspace(workspace_file)
    assert "globex-analytics-engineer" not in saved.ids
    assert saved.opportunity("northwind-platform-lead").event("thank_you_sent") is not None
    assert "another program saved meanwhile were kept" in " ".join(result.out.split())
