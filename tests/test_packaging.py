"""The built wheel: everything a person needs at run time, nothing only the tests need."""

from __future__ import annotations

import email.parser
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow

#: Tools only the tests use: never required to run followup.
TEST_ONLY = {"pytest", "pytest-xdist", "hypothesis", "nbval", "nbclient", "playwright"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(folder), str(ROOT)],
        check=True,
        timeout=600,
    )
    (built,) = folder.glob("followup-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    install = [sys.executable, "-m", "pip", "install", "--no-deps", "-q"]
    subprocess.run(
        [*install, "--target", str(target), str(wheel)],
        check=True,
        timeout=600,
    )
    return target


def run_installed(installed: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Run this Python with the installed wheel first on the path, away from the checkout."""
    environment = {**os.environ, "PYTHONPATH": str(installed), "MPLBACKEND": "Agg"}
    return subprocess.run(
        [sys.executable, *arguments],
        cwd=installed.parent,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_wheel_requires_no_test_tool(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        (metadata_name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        metadata = email.parser.Parser().parsestr(archive.read(metadata_name).decode())
    required = [
        requirement.split(";")[0].strip()
        for requirement in metadata.get_all("Requires-Dist") or []
        if "extra ==" not in requirement
    ]
    names = {re.split(r"[<>=!~\[ ]", requirement, maxsplit=1)[0] for requirement in required}
    assert not names & TEST_ONLY, sorted(names & TEST_ONLY)
    assert {"pandas", "matplotlib", "ipywidgets", "jupyterlab", "voila", "jinja2"} <= names


def test_the_wheel_holds_the_templates_and_the_example_but_no_tests(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert "followup/data/example.json" in names
    assert "followup/notes/templates/thank_you.txt.j2" in names
    assert not [name for name in names if name.startswith(("tests/", "tools/", "benchmarks/"))]


def test_the_installed_wheel_drafts_a_note_and_draws_a_chart(installed: Path) -> None:
    result = run_installed(
        installed,
        "-c",
        "import datetime as dt, followup\n"
        f"assert followup.__file__.startswith({str(installed)!r}), followup.__file__\n"
        "ws = followup.example_workspace()\n"
        "draft = followup.draft_note(ws, 'northwind-platform-lead', today=dt.date(2026, 12, 1))\n"
        "assert draft.body.startswith('Dear ')\n"
        "followup.plot_t(ws, 'acme-data-engineer')\n"
        "print('ok')\n",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_the_installed_command_line_runs(installed: Path) -> None:
    result = run_installed(installed, "-m", "followup", "--help")
    assert result.returncode == 0, result.stderr
    assert "followup" in result.stdout and "app" in result.stdout


def test_the_installed_app_notebook_is_written_from_the_package(installed: Path) -> None:
    # ``followup app`` serves a notebook it writes itself, so it needs no checkout.
    result = run_installed(
        installed,
        "-c",
        "import json\n"
        "from followup.cli.app import app_notebook\n"
        "print(json.dumps(app_notebook()))\n",
    )
    assert result.returncode == 0, result.stderr
    assert "followup" in result.stdout
