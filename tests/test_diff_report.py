"""Golden files for the `diff` report: the Markdown and JSON of a change to the sample
handbook, and the report of a side that does not load, each byte for byte. Run with
UPDATE_GOLDEN=1 to rewrite them after an intended change, then review the diff."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from mkdocs_journey import analysis
from mkdocs_journey.cli import main
from tests.conftest import REPO
from tests.test_commands import edit_partner_journey

GOLDEN = Path(__file__).parent / "golden" / "diff"


def _check_golden(name: str, text: str) -> None:
    golden = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no golden file {name}: run with UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8")


@pytest.fixture
def sides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample handbook before and after an edit of every kind (move, rename, fields,
    removal, addition, milestone), as two folders."""
    shutil.copytree(REPO / "journeys", tmp_path / "old")
    shutil.copytree(REPO / "journeys", tmp_path / "new")
    edit_partner_journey(tmp_path / "new" / "partner-accountant.yml")
    catalogue = tmp_path / "new" / "catalogue.yml"
    catalogue.write_text(catalogue.read_text().replace("name: Sales", "name: Sales team", 1))
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("output_format", ["markdown", "json"])
def test_report_matches_its_golden_file(
    sides: Path, output_format: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The whole report of the change, in each format."""
    code = main(["diff", "old", "new", "--config", "new", "--format", output_format])
    assert code == 0
    suffix = "md" if output_format == "markdown" else "json"
    _check_golden(f"change.{suffix}", capsys.readouterr().out)


def test_error_report_matches_its_golden_file(
    sides: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A side with errors: the report says so and lists them, as `check` prints them."""
    journey = sides / "new" / "self-serve-trial.yml"
    journey.write_text(journey.read_text().replace("marketing", "marketting", 2))
    assert main(["diff", "old", "new", "--config", "new"]) == 1
    _check_golden("errors.md", capsys.readouterr().out)


def test_the_compared_sides_are_not_linted(
    sides: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Warnings say nothing of a change, so `diff` only loads and validates each side:
    the report is made with the method's rules out of reach."""

    def no_lint(*args: object, **kwargs: object) -> None:
        raise AssertionError("diff ran the lint rules")

    monkeypatch.setattr(analysis, "lint", no_lint)
    assert main(["diff", "old", "new", "--config", "new"]) == 0
    _check_golden("change.md", capsys.readouterr().out)
