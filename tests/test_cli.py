"""The `mkdocs-journey` command line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mkdocs_journey.cli import main

MINIMAL = Path(__file__).parent / "fixtures" / "minimal" / "journeys"


def test_check_clean_handbook(capsys: pytest.CaptureFixture[str]) -> None:
    """A valid handbook: exit 0, nothing printed."""
    assert main(["check", str(MINIMAL)]) == 0
    assert capsys.readouterr().out == ""


def test_check_reports_positioned_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Problems: one line each, paths relative to the working folder, exit 1."""
    shutil.copytree(MINIMAL, tmp_path / "journeys")
    buy = tmp_path / "journeys" / "buy.yml"
    buy.write_text(buy.read_text().replace("touchpoints: [phone]", "touchpoints: [phon]"))
    monkeypatch.chdir(tmp_path)
    assert main(["check", "journeys"]) == 1
    assert capsys.readouterr().out == (
        "journeys/buy.yml:24:25: error: unknown touchpoint 'phon' (did you mean 'phone'?)\n"
    )


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown command is a usage error."""
    assert main(["bogus"]) == 2
    assert "usage" in capsys.readouterr().err
