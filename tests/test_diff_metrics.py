"""`diff` and the metrics: target changes (old → new) and, when the data files change,
each metric's latest value before and after and whether its status flipped; project
folders (with mkdocs.yml) and Git revisions carry their data; journeys folders none."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mkdocs_journey.cli import main
from tests.conftest import REPO
from tests.test_commands import git

MKDOCS_YML = "site_name: Handbook\nplugins:\n  - journey\n"


def project(root: Path) -> Path:
    """A copy of the sample as a project folder: mkdocs.yml, journeys and metrics."""
    shutil.copytree(REPO / "journeys", root / "journeys")
    shutil.copytree(REPO / "metrics", root / "metrics")
    (root / "mkdocs.yml").write_text(MKDOCS_YML, "utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Handbook\n", "utf-8")
    return root


def move_numbers(root: Path) -> None:
    """December's exports: NPS slips, trial-to-paid recovers past its target, the
    proposal cycle's target is relaxed and the save rate's data is untouched."""
    data = root / "metrics" / "customer-success.csv"
    data.write_text(data.read_text("utf-8") + "2026-12-31,nps,38\n", "utf-8")
    product = root / "metrics" / "product-analytics.csv"
    product.write_text(
        product.read_text("utf-8") + "trial-to-paid,2026-12-31,18.6,Product analytics\n", "utf-8"
    )
    catalogue = root / "journeys" / "catalogue.yml"
    text = catalogue.read_text("utf-8")
    catalogue.write_text(text.replace('target: "<= 21"', 'target: "<= 25"'), "utf-8")


def report(
    capsys: pytest.CaptureFixture[str], *args: str, output: str = "markdown"
) -> tuple[int, str]:
    code = main(["diff", *args, "--format", output])
    return code, capsys.readouterr().out


def test_project_folders_compare_targets_and_latest_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project(tmp_path / "old")
    move_numbers(project(tmp_path / "new"))
    monkeypatch.chdir(tmp_path)
    code, out = report(capsys, "old", "new", "--config", "new/mkdocs.yml")
    assert code == 0
    assert "**No journey changed**; 3 metric changes." in out
    rows = [line for line in out.splitlines() if line.startswith("| `")]
    assert rows == [
        "| `trial-to-paid` | Trial-to-paid conversion | ≥ 18 % | 16.4 % on 2026-11-30 → "
        "18.6 % on 2026-12-31 | **status flipped**: off target → on target |",
        "| `proposal-cycle-days` | Proposal-to-signature cycle | ≤ 21 days → ≤ 25 days | "
        "24 days on 2026-11-30 | **status flipped**: off target → on target |",
        "| `nps` | Net Promoter Score | ≥ 40 | 45 on 2026-11-30 → 38 on 2026-12-31 | "
        "**status flipped**: on target → off target |",
    ]
    code, out = report(capsys, "old", "new", "--config", "new/mkdocs.yml", output="json")
    metrics = json.loads(out)["metrics"]
    nps = next(m for m in metrics if m["metric"] == "nps")
    assert nps == {
        "metric": "nps",
        "change": "changed",
        "name": "Net Promoter Score",
        "target_before": "≥ 40",
        "target_after": "≥ 40",
        "latest_before": "45 on 2026-11-30",
        "latest_after": "38 on 2026-12-31",
        "status_before": "on",
        "status_after": "off",
        "status_flipped": True,
    }


def test_journeys_folders_carry_no_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Given journeys folders, only the target change is seen: there is no data."""
    project(tmp_path / "old")
    move_numbers(project(tmp_path / "new"))
    monkeypatch.chdir(tmp_path)
    code, out = report(capsys, "old/journeys", "new/journeys", "--config", "new/journeys")
    rows = [line for line in out.splitlines() if line.startswith("| `")]
    assert code == 0 and rows == [
        "| `proposal-cycle-days` | Proposal-to-signature cycle | ≤ 21 days → ≤ 25 days | — | — |"
    ]


def test_a_revision_carries_its_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a repository: the committed data against the working tree's new export."""
    root = project(tmp_path / "repo")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "Handbook")
    move_numbers(root)
    monkeypatch.chdir(root)
    code, out = report(capsys, "HEAD")
    assert code == 0
    assert "| `nps` | Net Promoter Score | ≥ 40 | 45 on 2026-11-30 → 38 on 2026-12-31 |" in out
    git(root, "commit", "-q", "-am", "December")
    code, out = report(capsys, "HEAD~1", "HEAD")
    assert "3 metric changes" in out
    code, out = report(capsys, "HEAD")
    assert "**No change to the journeys.**" in out


def test_a_metric_added_is_listed_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project(tmp_path / "old")
    new = project(tmp_path / "new")
    catalogue = new / "journeys" / "catalogue.yml"
    catalogue.write_text(
        catalogue.read_text("utf-8")
        + '  - id: churn\n    name: Logo churn\n    unit: "%"\n    target: "<= 1.5"\n',
        "utf-8",
    )
    monkeypatch.chdir(tmp_path)
    _, out = report(capsys, "old", "new", "--config", "new/mkdocs.yml")
    assert "| `churn` | Logo churn (added) | — → ≤ 1.5 % | — | — → no data |" in out
    assert "| metric |" not in out  # not in the catalogue section too
