"""`render OUT --watch`: an edit is rendered again within seconds, only changed files
are rewritten, an error is printed as its diagnostic and the last good output stays,
the next good edit recovers, and Ctrl-C ends it cleanly. Bounded in time."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from mkdocs_journey.commands.watch import update
from tests.conftest import FIXTURES

LIMIT = 20.0
"""Seconds any step may take before the test fails (a re-render takes well under one)."""


def wait_for(condition: Callable[[], bool]) -> float:
    """How long `condition` took to hold; fails after `LIMIT` seconds."""
    start = time.monotonic()
    while not condition():
        assert time.monotonic() - start < LIMIT, "timed out"
        time.sleep(0.05)
    return time.monotonic() - start


def test_watch_renders_edits_keeps_the_last_good_output_and_stops(tmp_path: Path) -> None:
    journeys = tmp_path / "journeys"
    journeys.mkdir()
    for source in (FIXTURES / "minimal" / "journeys").glob("*.yml"):
        (journeys / source.name).write_text(source.read_text("utf-8"), "utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", "utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nplugins:\n  - journey:\n      history: 0\n", "utf-8"
    )
    log = tmp_path / "watch.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs_journey.cli", "render", "out", "--watch"],
            cwd=tmp_path,
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    try:
        stage = tmp_path / "out" / "journeys" / "buy" / "discover.md"
        wait_for(lambda: "watching" in log.read_text("utf-8"))
        untouched = tmp_path / "out" / "journeys" / "renew" / "index.md"
        before = untouched.stat().st_mtime_ns
        buy = journeys / "buy.yml"
        buy.write_text(buy.read_text("utf-8").replace("Visits the site", "Visits the web"), "utf-8")
        latency = wait_for(lambda: "Visits the web" in stage.read_text("utf-8"))
        assert latency < 5
        wait_for(lambda: "rendered again" in log.read_text("utf-8"))
        assert untouched.stat().st_mtime_ns == before  # only changed files are rewritten
        buy.write_text(
            buy.read_text("utf-8").replace("departments: sales\n", "departments: sals\n", 1),
            "utf-8",
        )
        wait_for(lambda: "error: unknown department 'sals'" in log.read_text("utf-8"))
        assert "journeys/buy.yml:" in log.read_text("utf-8")
        assert "Visits the web" in stage.read_text("utf-8")  # the last good output stays
        buy.write_text(
            buy.read_text("utf-8")
            .replace("departments: sals\n", "departments: sales\n", 1)
            .replace("Visits the web", "Visits us"),
            "utf-8",
        )
        wait_for(lambda: "Visits us" in stage.read_text("utf-8"))
    finally:
        process.send_signal(signal.SIGINT)
        code = process.wait(timeout=LIMIT)
    assert code == 0
    assert "Traceback" not in log.read_text("utf-8")


def test_update_writes_only_what_changed_and_removes_what_is_gone(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("same", "utf-8")
    (tmp_path / "gone").mkdir()
    (tmp_path / "gone" / "old.md").write_text("old", "utf-8")
    stamp = (tmp_path / "a.md").stat().st_mtime_ns
    changed = update(tmp_path, {"a.md": b"same", "b/new.md": b"new"})
    assert changed == 2  # one written, one removed
    assert (tmp_path / "a.md").stat().st_mtime_ns == stamp
    assert (tmp_path / "b" / "new.md").read_text("utf-8") == "new"
    assert not (tmp_path / "gone").exists()
