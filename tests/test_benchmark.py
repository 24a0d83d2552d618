"""The benchmark script still measures what it says: its synthetic handbook is valid and
shaped as the SPEC's reference load, each timing runs, and the profiled build finds the
plugin's handlers (a renamed plugin would otherwise print zeros)."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import run, synthetic
from mkdocs_journey.analysis import analyse
from mkdocs_journey.i18n import ENGLISH
from mkdocs_journey.load import Loader
from mkdocs_journey.metrics import Freshness
from mkdocs_journey.render.site import generate


def test_synthetic_handbook_is_clean_and_shaped_like_the_reference_load(tmp_path: Path) -> None:
    steps = synthetic.write(tmp_path / "journeys", journeys=8)  # one per persona
    graph, diagnostics = analyse(
        Loader(),
        tmp_path / "journeys",
        tmp_path,
        metrics_dir=tmp_path / "metrics",
        freshness=Freshness(datetime.date(2026, 12, 1)),
        disabled=["metric-off-target"],  # random walks: some end below their target
    )
    assert graph is not None
    assert [str(d) for d in diagnostics.sorted()] == []
    assert steps == 8 * 10 * 15
    journeys = list(graph.journeys.values())
    assert [len(j.stages) for j in journeys] == [10] * 8
    assert {len(s.steps) for j in journeys for s in j.stages} == {15}
    assert len(graph.departments) == 25
    assert len(graph.touchpoints) == 60
    milestones = [step for j in journeys for s in j.stages for step in s.steps if step.milestone]
    assert len(milestones) == 8 * 10  # 400 at 40 journeys
    assert graph.handovers_given, "the load has hand-overs between departments"
    assert len(graph.metrics) == 20  # 100 at 40 journeys, each with a year of values
    assert {len(graph.metric_readings(m)) for m in graph.metrics} == {12}
    places = list(graph.places.values())
    assert sum(1 for p in places if p.step.frontstage) == 8 * 10 * 8
    assert sum(1 for p in places if p.step.thoughts) == 8 * 10 * 5


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A one-journey benchmark project (the reference load has forty)."""
    root = tmp_path_factory.mktemp("bench")
    synthetic.write(root / "journeys", journeys=1)
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Handbook\n")
    (root / "mkdocs.yml").write_text(run.CONFIG.format(plugin="  - journey"))
    return root


def _expected_work(project: Path) -> dict[str, int]:
    """What each timing must have done on the one-journey project."""
    graph, _ = analyse(Loader(), project / "journeys", project)
    assert graph is not None
    pages = len(generate(graph, ENGLISH))  # own work renders without history (its own row)
    files = len(list((project / "journeys").rglob("*.yml")))
    return {
        "compose": files,
        "paused-compose": files,
        "load-and-check": len(graph.places),
        "own-work": pages,
    }


@pytest.mark.parametrize("kind", sorted(run.MEASURED))
def test_each_timing_does_its_whole_work_in_a_fresh_process(project: Path, kind: str) -> None:
    """The timed work is all of it: every file composed, every step read, every page
    written; and it runs in a process that has not imported MkDocs's build first."""
    result = subprocess.run(
        [sys.executable, str(Path(run.__file__)), "--time", kind, str(project)],
        capture_output=True,
        text=True,
        check=True,
    )
    elapsed, done = result.stdout.split()
    assert 0 < float(elapsed) < 60
    assert int(done) == _expected_work(project)[kind]
    assert run.fresh(kind, project) > 0


def test_plain_build_times_the_plugins_handlers_and_builds_every_page(project: Path) -> None:
    """The plugin's handlers are found and timed (a renamed plugin would leave zero), they
    take part of the build, not all of it, and the build wrote every generated page."""
    measured = run.mkdocs_build(project, "plain")
    assert 0 < measured["handler_seconds"] < measured["seconds"], measured
    assert measured["peak_mib"] > 20
    expected = _expected_work(project)["own-work"]
    built = [p for p in (project / "site-plain").rglob("*.html") if "assets" not in p.parts]
    assert len(built) >= expected, (len(built), expected)
    assert (project / "site-plain" / "departments" / "dept-0" / "index.html").is_file()


@pytest.mark.parametrize("kind", ["check", "compose"])
def test_whole_process_timings_run_the_real_command(
    project: Path, kind: str, tmp_path: Path
) -> None:
    """`check` and the bare compose each run as their own process, start-up included,
    and a failing command is an error, never a fast time."""
    assert 0 < run.whole_process(kind, project) < 60
    broken = tmp_path / "broken"
    (broken / "journeys").mkdir(parents=True)
    (broken / "journeys" / "x.yml").write_text("journey: [\n")
    if kind == "check":
        run.whole_process(kind, broken)  # diagnostics (exit 1) are a normal result
    else:
        with pytest.raises(RuntimeError):
            run.whole_process(kind, broken)
