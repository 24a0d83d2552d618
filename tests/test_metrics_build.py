"""Metrics in a real build: the dated warnings move with `SOURCE_DATE_EPOCH` while the
pages stay byte-identical; the data folder is watched; a data error stops the build."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from tests.conftest import BASE_CONFIG, REPO, Project


def epoch(day: datetime.date) -> str:
    return str(
        int(datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC).timestamp())
    )


def pages_of(site: Path) -> dict[str, bytes]:
    return {
        page.relative_to(site).as_posix(): page.read_bytes()
        for page in site.rglob("*.html")
        if page.relative_to(site).parts[0] not in ("assets", "search")
    }


def test_warnings_move_with_the_date_and_pages_do_not(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    mkdocs_warnings: Callable[[], list[str]],
) -> None:
    """The sample built as of its data's day and half a year later: the later build
    warns about stale data and overdue reviews; every page is the same, byte for byte."""
    sites = {}
    warnings = {}
    for label, day in (("then", datetime.date(2026, 12, 1)), ("later", datetime.date(2027, 6, 1))):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(day))
        project = Project(tmp_path / label)
        project.copy_journeys_from(REPO / "journeys")
        seen = len(mkdocs_warnings())
        project.build(strict=False)
        warnings[label] = mkdocs_warnings()[seen:]
        sites[label] = pages_of(project.site)
    assert not [w for w in warnings["then"] if "[metric-stale]" in w or "[review-overdue]" in w]
    stale = [w for w in warnings["later"] if "[metric-stale]" in w]
    overdue = [w for w in warnings["later"] if "[review-overdue]" in w]
    assert len(stale) == 10 and all("before 2027-06-01 (metrics_max_age: 45)" in w for w in stale)
    assert len(overdue) == 4
    assert len(sites["then"]) > 50
    assert sites["then"] == sites["later"]


def test_a_data_error_stops_the_build_with_its_position(
    project: Project, caplog: pytest.LogCaptureFixture
) -> None:
    project.copy_journeys_from(REPO / "journeys")
    data = project.root / "metrics" / "customer-success.csv"
    data.write_text(data.read_text("utf-8") + "2026-12-31,nsp,1\n", "utf-8")
    with pytest.raises(Abort):
        project.build()
    expected = (
        "metrics/customer-success.csv:50:12: error: unknown metric 'nsp' (did you mean 'nps'?)"
    )
    assert any(expected in record.getMessage() for record in caplog.records)
    assert "Traceback" not in caplog.text


def test_no_data_folder_means_no_data(project: Project) -> None:
    """Without the metrics folder, each metric on the map is 'no data', and the strict
    build fails on the `metric-no-data` warnings."""
    project.copy_journeys_from(REPO / "journeys")
    for data in (project.root / "metrics").iterdir():
        data.unlink()
    (project.root / "metrics").rmdir()
    with pytest.raises(Abort, match="10 warnings"):
        project.build()
    project.build(strict=False)
    metrics = project.html("metrics/")
    assert metrics.count('data-status="no-data"') >= 10
    assert 'data-status="on"' not in metrics


def test_metrics_dir_is_watched_by_serve(project: Project) -> None:
    """`mkdocs serve` rebuilds when an export lands in the metrics folder."""
    from mkdocs.config import load_config

    project.copy_journeys_from(REPO / "journeys")
    project.write("mkdocs.yml", BASE_CONFIG)
    project.write("docs/index.md", "# Home\n")
    config = load_config(str(project.root / "mkdocs.yml"))
    config.plugins.on_config(config)
    assert str(project.root / "metrics") in config.watch
