"""The figures script: every chart of the example, as PNG files, for the README."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from tools.figures import FIGURES, main

pytestmark = pytest.mark.slow  # runs subprocesses

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_script_writes_every_chart_as_a_png(tmp_path: Path) -> None:
    folder = tmp_path / "images"
    result = subprocess.run(
        [sys.executable, "tools/figures.py", str(folder), "--dpi", "40"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )
    written = sorted(folder.iterdir())
    assert [p.name for p in written] == sorted(f"{name}.png" for name in FIGURES)
    assert result.stdout.split() == [str(folder / f"{name}.png") for name in FIGURES]
    for path in written:
        with Image.open(path) as image:
            assert image.format == "PNG"
            image.verify()
        with Image.open(path) as image:
            width, height = image.size
            assert width >= 200 and height >= 80


def test_committed_pictures_exist_and_stay_small() -> None:
    images = ROOT / "docs" / "images"
    for name in FIGURES:
        with Image.open(images / f"{name}.png") as image:
            assert image.format == "PNG"
        assert (images / f"{name}.png").stat().st_size < 200_000


def test_script_refuses_an_absurd_resolution(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--dpi", "5000"])
    assert stopped.value.code == 2
    assert "--dpi must be a number from 20 to 600; got 5000" in capsys.readouterr().err


def test_script_reports_a_folder_it_cannot_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main([str(blocker / "images")]) == 1
    assert "cannot write the figures to" in capsys.readouterr().err
