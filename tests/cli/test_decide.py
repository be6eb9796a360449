"""``followup score`` and ``followup flips``: the decision, from a terminal."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest

from followup import Factor, Opportunity, Workspace, example_workspace
from followup._text import display_width
from followup.decide.honesty import honesty_checks
from followup.decide.scoring import score
from followup.decide.sensitivity import flip_sentences
from tests.cli.support import assert_refused, plain_output, run, saved_to  # noqa: F401

# ---------------------------------------------------------------------------
# score


def test_score_table_lists_every_opportunity_in_rank_order_with_its_verdict(
    capsys: pytest.CaptureFixture[str], workspace_file: Path, workspace: Workspace
) -> None:
    result = run(capsys, "score", workspace_file)
    assert result.status == 0
    lines = result.out.splitlines()
    assert lines[0].split() == [
        "#",
        "OPPORTUNITY",
        "COMPANY",
        "PLUS",
        "MINUS",
        "BALANCE",
        "VERDICT",
    ]
    expected = score(workspace)
    rows = lines[1 : 1 + len(expected)]
    assert [row.split()[1] for row in rows] == list(expected.index)
    assert [row.split()[-1] for row in rows] == list(expected["verdict"])
    assert "Passes when the balance is above 0." in result.out


def test_score_table_fits_in_80_columns(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    long = Opportunity(
        "a" * 64,
        "Extremely Long Company Name Incorporated International Holdings " * 3,
        "Engineer",
        factors=[Factor("x", "plus", 5)],
    )
    path = saved_to(tmp_path, Workspace([long]))
    result = run(capsys, "score", path)
    assert all(display_width(line) <= 80 for line in result.out.splitlines())


def test_score_shows_the_honesty_warnings_of_one_sided_lists(
    capsys: pytest.CaptureFixture[str], workspace_file: Path, workspace: Workspace
) -> None:
    out = " ".join(run(capsys, "score", workspace_file).out.split())
    warnings = honesty_checks(workspace)
    assert not warnings.empty
    assert "Warnings" in out
    for message in warnings["message"]:
        assert " ".join(message.split()) in out


def test_score_threshold_option_changes_the_verdicts(
    capsys: pytest.CaptureFixture[str], workspace_file: Path
) -> None:
    data = json.loads(
        run(capsys, "score", workspace_file, "--threshold", "12", "--format", "json").out
    )
    assert data["threshold"] == 12
    verdicts = {row["opportunity"]: row["verdict"] for row in data["opportunities"]}
    balances = {row["opportunity"]: row["balance"] for row in data["opportunities"]}
    for opportunity_id, balance in balances.items():
        expected = "pass" if balance > 12 else "undecided" if balance == 12 else "fail"
        assert verdicts[opportunity_id] == expected
    assert "undecided" in verdicts.values()


def test_score_threshold_does_not_change_the_file(
    capsys: pytest.CaptureFixture[str], workspace_file: Path
) -> None:
    before = workspace_file.read_bytes()
    run(capsys, "score", workspace_file, "--threshold", "5")
    assert workspace_file.read_bytes() == before


def test_score_csv_has_a_row_per_opportunity_and_the_warning_names(
    capsys: pytest.CaptureFixture[str], workspace_file: Path, workspace: Workspace
) -> None:
    result = run(capsys, "score", workspace_file, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert [row["opportunity"] for row in rows] == list(score(workspace).index)
    warnings = honesty_checks(workspace)
    for row in rows:
        expected = warnings.loc[warnings["opportunity"] == row["opportunity"], "check"].tolist()
        listed = row["warnings"].split("; ") if row["warnings"] else []
        assert listed == expected


def test_score_json_is_strict_json_with_null_for_a_missing_ratio(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = saved_to(tmp_path, Workspace([Opportunity("empty", "Acme", "Engineer")]))
    out = run(capsys, "score", path, "--format", "json").out
    data = json.loads(out, parse_constant=lambda name: pytest.fail(f"{name} in JSON"))
    (row,) = data["opportunities"]
    assert row["ratio"] is None
    assert row["verdict"] == "undecided"
    assert [w["check"] for w in row["warnings"]] == ["too_few_factors"]


def test_score_of_an_empty_workspace_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    result = run(capsys, "score", saved_to(tmp_path, Workspace()))
    assert result.status == 0
    assert "No opportunities" in result.out


# ---------------------------------------------------------------------------
# flips


def test_flips_shows_the_verdict_and_the_nearest_flip_in_words(
    capsys: pytest.CaptureFixture[str], workspace_file: Path, workspace: Workspace
) -> None:
    result = run(capsys, "flips", workspace_file, "initech-backend-engineer")
    assert result.status == 0
    assert "verdict pass, balance +2" in result.out
    for sentence in flip_sentences(workspace, "initech-backend-engineer"):
        assert sentence in result.out


def test_flips_says_when_no_single_change_flips_the_verdict(
    capsys: pytest.CaptureFixture[str], workspace_file: Path
) -> None:
    out = run(capsys, "flips", workspace_file, "acme-data-engineer").out
    assert "No single weight change" in out


def test_flips_table_gives_each_factor_its_flip_weight(
    capsys: pytest.CaptureFixture[str], workspace_file: Path, workspace: Workspace
) -> None:
    out = run(capsys, "flips", workspace_file, "initech-backend-engineer").out
    opportunity = workspace.opportunity("initech-backend-engineer")
    for factor in opportunity.factors:
        line = next(line for line in out.splitlines() if line.startswith(factor.label))
        weight, flips_at, change = line.split()[-3:]
        assert int(weight) == factor.weight
        assert int(flips_at) == factor.weight + int(change)


def test_flips_csv_and_json_agree(capsys: pytest.CaptureFixture[str], workspace_file: Path) -> None:
    rows = list(
        csv.DictReader(
            io.StringIO(
                run(
                    capsys, "flips", workspace_file, "initech-backend-engineer", "--format", "csv"
                ).out
            )
        )
    )
    data = json.loads(
        run(capsys, "flips", workspace_file, "initech-backend-engineer", "--format", "json").out
    )
    assert data["opportunity"] == "initech-backend-engineer"
    assert data["verdict"] == "pass"
    assert [row["label"] for row in rows] == [f["label"] for f in data["factors"]]
    assert [int(row["flip_weight"]) for row in rows] == [f["flip_weight"] for f in data["factors"]]


def test_flips_json_has_null_where_nothing_flips(
    capsys: pytest.CaptureFixture[str], workspace_file: Path
) -> None:
    data = json.loads(
        run(capsys, "flips", workspace_file, "acme-data-engineer", "--format", "json").out
    )
    assert {f["flip_weight"] for f in data["factors"]} == {None}


def test_flips_with_a_threshold_uses_it(
    capsys: pytest.CaptureFixture[str], workspace_file: Path
) -> None:
    out = run(capsys, "flips", workspace_file, "initech-backend-engineer", "--threshold", "5").out
    assert "verdict fail" in out


def test_flips_of_an_opportunity_without_factors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = saved_to(tmp_path, Workspace([Opportunity("bare", "Acme", "Engineer")]))
    result = run(capsys, "flips", path, "bare")
    assert result.status == 0
    assert "No factors yet" in result.out


def test_flips_of_an_unknown_id_names_it_and_the_known_ones(
    capsys: pytest.CaptureFixture[str], workspace_file: Path
) -> None:
    result = run(capsys, "flips", workspace_file, "nope")
    assert_refused(result)
    assert "'nope'" in result.err
    assert "acme-data-engineer" in result.err


def test_a_changed_weight_in_the_file_changes_the_verdict(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    base = example_workspace()
    initech = base.opportunity("initech-backend-engineer")
    heavier = [
        replace(f, weight=10) if f.label == "70-minute commute each way" else f
        for f in initech.factors
    ]
    path = saved_to(tmp_path, base.with_opportunity(initech.with_factors(heavier)))
    assert "verdict fail" in run(capsys, "flips", path, "initech-backend-engineer").out
