"""The performance benchmark of mkdocs-journey (not part of the test suite).

    python benchmarks/run.py            # the SPEC's reference load (6 000 steps)
    python benchmarks/run.py --quick    # a tenth of it, to try the script

Every figure is a ratio of two things measured in the same run on the same machine,
against the targets of SPEC v2:

- own work: load, validate (the metric data files too) and render every page to a
  folder (`render`), against libyaml's bare `yaml.compose` of the journeys files, at
  1x, 2x and 4x the load (<= 4.5x; growing linearly: 4x the steps <= 4.5x the time);
  load and validate alone <= 2x;
- `mkdocs-journey check` as a whole process, as CI and pre-commit run it, against a
  whole process that composes the same files (<= 2x);
- site weight: the handbook build against a floor site with as many one-paragraph
  pages kept out of the nav, at the reference load (<= 6x) and at a quarter of it
  (<= 3x); the median generated page (<= 100 KB);
- the plugin's share of a plain build, its event handlers timed by the clock (reported,
  no target); peak memory of both builds;
- `mkdocs serve` (and `mkdocs serve --dirty`): the rebuild after one journey file is
  edited, and how many files it parsed again;
- history from Git: the handbooks of the site builds have the Git history of SPEC v2's
  synthetic handbook, 20 commits; the history figure of issue 20 is its own build, the
  reference load with 50 commits against the same handbook without Git (<= +25 %).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
import synthetic

REPO = Path(__file__).parent.parent
PYTHONPATH = {"PYTHONPATH": os.environ["PYTHONPATH"]} if "PYTHONPATH" in os.environ else {}
"""Passed on to the builds, so that a copy of the package can be measured."""
CONFIG = """\
site_name: Benchmark
theme:
  name: material
  font: false
  features: [navigation.prune]
plugins:
  - search
{plugin}
"""

CHILD = textwrap.dedent(
    """
    import json, sys, time
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    config = load_config(sys.argv[1], site_dir=sys.argv[2])
    if sys.argv[3].startswith("serve"):
        # As `mkdocs serve` does: one plugin object for the session, the config loaded
        # again for each rebuild, a full rebuild after a file changes (or, with
        # --dirty, a build of the pages that changed).
        dirty = sys.argv[3] == "serve-dirty"
        config.plugins.on_startup(command="serve", dirty=dirty)
        build(config, serve_url="http://127.0.0.1:8000/", dirty=dirty)
        edited = sys.argv[4]
        text = open(edited, encoding="utf-8").read()
        text = text.replace("name: Step 0 ", "name: Edited step 0 ", 1)
        open(edited, "w", encoding="utf-8").write(text)
        config = load_config(sys.argv[1], site_dir=sys.argv[2])
        start = time.perf_counter()
        build(config, serve_url="http://127.0.0.1:8000/", dirty=dirty)
        elapsed = time.perf_counter() - start
        loader = config.plugins["journey"].loader
        parsed, files = len(loader.parsed), len(loader.cache)
        print(json.dumps({"seconds": elapsed, "parsed": parsed, "files": files}))
        sys.exit()
    config.plugins.on_startup(command="build", dirty=False)
    # The plugin's handlers are timed by the clock: its share of a plain build.
    handler_seconds = [0.0]
    def timed(handler):
        def run(*args, **kwargs):
            start = time.perf_counter()
            try:
                return handler(*args, **kwargs)
            finally:
                handler_seconds[0] += time.perf_counter() - start
        return run
    journey = config.plugins.get("journey")
    for methods in config.plugins.events.values():
        for index, method in enumerate(methods):
            if journey is not None and getattr(method, "__self__", None) is journey:
                methods[index] = timed(method)
    start = time.perf_counter()
    build(config)
    elapsed = time.perf_counter() - start
    # VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so a child would report
    # the benchmark process's own peak.
    status = open("/proc/self/status").read()
    peak = int(status.split("VmHWM:")[1].split()[0]) / 1024
    print(json.dumps({
        "seconds": elapsed, "handler_seconds": handler_seconds[0], "peak_mib": peak,
    }))
    """
)


ROUNDS = 8
"""Timings are the fastest of this many rounds: the least disturbed by the rest of the
machine (on a shared 2-core machine, one fresh-process compose of the reference load
took from 0.40 s to 0.85 s). Every load gets as many rounds: the fastest of more tries
is faster, so unequal rounds would bend the growth figure."""
BUILD_ROUNDS = 5
"""The handbook and floor builds, the fastest of this many, one after the other."""


def seconds(function) -> float:
    """How long one call takes."""
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def compose_all(folder: Path) -> int:
    """libyaml's bare parse of every file: the floor of any YAML tool. Returns the
    number of files composed."""
    files = sorted(folder.rglob("*.yml"))
    for file in files:
        yaml.compose(file.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return len(files)


def paused_compose(folder: Path) -> int:
    """`compose_all` with Python's cyclic garbage collector paused, as the plugin pauses
    it during its own work: the same footing for both."""
    from mkdocs_journey.analysis import paused_gc

    with paused_gc():
        return compose_all(folder)


def own_work(project: Path, scratch: Path) -> int:
    """What `mkdocs-journey render OUT` does, in this process (OUT in `scratch`, which
    is made and removed outside the timing: `render` removes nothing). Returns the
    number of pages it generated."""
    from mkdocs_journey.commands import render
    from mkdocs_journey.project import Settings

    # Without history: the loads of the growth figure are compared like with like (only
    # the reference project has a Git history), and history has its own row below.
    settings = Settings(project / "journeys", metrics_dir=project / "metrics", history=0)
    summary, code = render.run(settings, scratch / "docs", force=False)
    assert code == 0, summary
    return int(summary.split("wrote ", 1)[1].split()[0])


def load_and_check(project: Path, scratch: Path) -> int:
    """Own work without the pages: load, validate and lint (what `check` does), the
    collector paused as `render` pauses it. What is left of the own-work target after
    this is what generating and writing the pages may take. Returns the steps read."""
    from mkdocs_journey.analysis import analyse, paused_gc
    from mkdocs_journey.load import Loader

    with paused_gc():
        graph, _ = analyse(Loader(), project / "journeys", project, metrics_dir=project / "metrics")
    assert graph is not None
    return len(graph.places)


MEASURED = {
    "compose": lambda project, scratch: compose_all(project / "journeys"),
    "paused-compose": lambda project, scratch: paused_compose(project / "journeys"),
    "load-and-check": load_and_check,
    "own-work": own_work,
}


def fresh(kind: str, project: Path) -> float:
    """One timing of `MEASURED[kind]` in a new process, timed inside it: every run starts
    as a real one does, with nothing left in memory by the runs before (warm caches
    would flatter own work; a crowded heap would slow compose down)."""
    result = subprocess.run(
        [sys.executable, __file__, "--time", kind, str(project)],
        capture_output=True, text=True, check=True,
        env={"PATH": "/usr/bin:/bin", **PYTHONPATH},
    )  # fmt: skip
    return float(result.stdout.strip().splitlines()[-1].split()[0])


COMPOSE_PROCESS = textwrap.dedent(
    """
    import pathlib, sys, yaml
    for file in sorted(pathlib.Path(sys.argv[1]).rglob("*.yml")):
        yaml.compose(file.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    """
)


def whole_process(kind: str, project: Path) -> float:
    """The wall time of a whole process, start-up included: `check` as CI and pre-commit
    run it, or one that only composes the same files (the floor of any YAML tool)."""
    journeys = str(project / "journeys")
    if kind == "check":
        command = [sys.executable, "-m", "mkdocs_journey.cli", "check", journeys]
    else:
        command = [sys.executable, "-c", COMPOSE_PROCESS, journeys]
    start = time.perf_counter()
    result = subprocess.run(
        command, capture_output=True, text=True, check=False,
        env={"PATH": "/usr/bin:/bin", **PYTHONPATH},
    )  # fmt: skip
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1) or "Traceback" in result.stderr:
        raise RuntimeError(result.stderr)
    return elapsed


SITE_COMMITS = 20
"""Commits of the site builds' Git history: the 20 of SPEC v2's synthetic handbook."""
HISTORY_COMMITS = 50
"""Commits of the history figure's own build (issue 20: the reference load, 50 commits)."""


def make_project(root: Path, journeys: int, commits: int = 0) -> int:
    steps = synthetic.write(root / "journeys", journeys=journeys)
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "index.md").write_text("# Handbook\n")
    (root / "mkdocs.yml").write_text(CONFIG.format(plugin="  - journey"))
    if commits:
        synthetic.commit_history(root, commits)
    return steps


def make_floor(root: Path, pages: int) -> None:
    """As many one-paragraph pages as the handbook has, kept out of the nav."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Floor\n")
    for number in range(pages - 1):
        (docs / f"page-{number}.md").write_text(
            f"# Page {number}\n\nOne paragraph of text for page {number}.\n"
        )
    not_in_nav = "not_in_nav: |\n  page-*.md\n"
    (root / "mkdocs.yml").write_text(CONFIG.format(plugin="") + not_in_nav)


def mkdocs_build(root: Path, mode: str, *extra: str) -> dict[str, float]:
    """A build in a fresh process; its time, the plugin's share and peak memory (or,
    in `serve` mode, the rebuild after editing the file `extra[0]`)."""
    site = root / f"site-{mode}"
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(root / "mkdocs.yml"), str(site), mode, *extra],
        capture_output=True, text=True, check=True, cwd=root,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", **PYTHONPATH},
    )  # fmt: skip
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def _seconds(build: dict[str, float]) -> float:
    return build["seconds"]


def html_sizes(site: Path) -> list[int]:
    skip = {"assets", "search", "404.html"}
    return [
        p.stat().st_size for p in site.rglob("*.html") if p.relative_to(site).parts[0] not in skip
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="a tenth of the reference load")
    parser.add_argument("--time", nargs=2, metavar=("KIND", "PROJECT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.time:
        import mkdocs_journey.commands.render  # noqa: F401  (imported before timing)

        kind, project = args.time
        with tempfile.TemporaryDirectory() as scratch:
            done: list[int] = []
            elapsed = seconds(lambda: done.append(MEASURED[kind](Path(project), Path(scratch))))
            print(elapsed, done[0])  # the time, then how much was done (for the smoke test)
        return
    journeys = 4 if args.quick else 40
    rows: list[tuple[str, str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        factors = (1, 2, 4)
        projects = {factor: work / f"x{factor}" for factor in factors}
        steps_at = {f: make_project(projects[f], journeys * f) for f in factors}
        synthetic.commit_history(projects[1], SITE_COMMITS)  # the site builds read it
        compose_times: dict[int, list[float]] = {f: [] for f in factors}
        render_times: dict[int, list[float]] = {f: [] for f in factors}
        check_times: list[float] = []
        processes: dict[str, list[float]] = {"check": [], "compose": []}
        for _ in range(ROUNDS):
            # Round by round, so that a slow spell of a shared machine falls on every
            # load alike rather than on the one measured during it.
            for factor in factors:
                project = projects[factor]
                compose_times[factor].append(fresh("compose", project))
                render_times[factor].append(fresh("own-work", project))
            check_times.append(fresh("load-and-check", projects[1]))
            for kind, times in processes.items():
                times.append(whole_process(kind, projects[1]))
        rows += _own_work_rows(steps_at, compose_times, render_times, check_times, processes)
        paused = min(fresh("paused-compose", projects[1]) for _ in range(ROUNDS))
        render = min(render_times[1])
        rows.append(
            (
                "own work at 1x vs compose with the GC paused, as own work runs",
                f"{render:.2f} s vs compose {paused:.2f} s",
                f"{render / paused:.2f}x",
                "",
            )
        )
        rows += _site_rows(work, projects[1], journeys)
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'figures':<40}  {'ratio':<10}  target")
    for name, figures, ratio, target in rows:
        print(f"{name:<{width}}  {figures:<40}  {ratio:<10}  {target}")


def _own_work_rows(
    steps_at: dict[int, int],
    compose_times: dict[int, list[float]],
    render_times: dict[int, list[float]],
    check_times: list[float],
    processes: dict[str, list[float]],
) -> list[tuple[str, str, str, str]]:
    rows = []
    for factor, steps in steps_at.items():
        compose, render = min(compose_times[factor]), min(render_times[factor])
        rows.append(
            (
                f"own work at {factor}x ({steps} steps)",
                f"{render:.2f} s vs compose {compose:.2f} s",
                f"{render / compose:.2f}x",
                "<= 4.5x",
            )
        )
    first, last = min(render_times[1]), min(render_times[4])
    rows.append(
        ("growth of own work, 4x the steps", f"{first:.2f} s -> {last:.2f} s",
         f"{last / first:.2f}x", "<= 4.5x")
    )  # fmt: skip
    compose, check = min(compose_times[1]), min(check_times)
    rows.append(
        (
            "load and validate at 1x (and lint)",
            f"{check:.2f} s vs compose {compose:.2f} s",
            f"{check / compose:.2f}x",
            "<= 2x",
        )
    )
    whole_check, whole_compose = min(processes["check"]), min(processes["compose"])
    rows.append(
        (
            "mkdocs-journey check at 1x, whole processes",
            f"{whole_check:.2f} s vs compose {whole_compose:.2f} s",
            f"{whole_check / whole_compose:.2f}x",
            "<= 2x",
        )
    )
    return rows


def _site_rows(work: Path, project: Path, journeys: int) -> list[tuple[str, str, str, str]]:
    """Site weight at the load and at a quarter of it, the plugin's share, memory and
    the serve rebuilds."""
    rows = []
    quarter = work / "quarter"
    make_project(quarter, journeys // 4, commits=SITE_COMMITS)
    for label, root, target in (("", project, "<= 6x"), (" at a quarter", quarter, "<= 3x")):
        plain = mkdocs_build(root, "plain")
        sizes = html_sizes(root / "site-plain")
        floor = work / f"floor{label.replace(' ', '-')}"
        make_floor(floor, len(sizes))
        floor_build = mkdocs_build(floor, "plain")
        for _ in range(BUILD_ROUNDS - 1):
            plain = min(plain, mkdocs_build(root, "plain"), key=lambda b: b["seconds"])
            floor_build = min(floor_build, mkdocs_build(floor, "plain"), key=lambda b: b["seconds"])
        rows.append(
            (
                f"handbook build vs floor{label} ({len(sizes)} pages)",
                f"{plain['seconds']:.2f} s vs {floor_build['seconds']:.2f} s",
                f"{plain['seconds'] / floor_build['seconds']:.2f}x",
                target,
            )
        )
        if root is project:
            reference, reference_floor, reference_sizes = plain, floor_build, sizes
    without, longer = work / "no-history", work / "history"
    make_project(without, journeys)
    (without / "mkdocs.yml").write_text(CONFIG.format(plugin="  - journey:\n      history: 0"))
    make_project(longer, journeys, commits=HISTORY_COMMITS)
    pairs = [
        (mkdocs_build(without, "plain"), mkdocs_build(longer, "plain")) for _ in range(BUILD_ROUNDS)
    ]
    bare = min((pair[0] for pair in pairs), key=_seconds)  # interleaved: a slow spell
    built = min((pair[1] for pair in pairs), key=_seconds)  # falls on both alike
    rows.append(
        (
            f"history: the build with {HISTORY_COMMITS} commits vs without history",
            f"{built['seconds']:.2f} s vs {bare['seconds']:.2f} s",
            f"+{100 * (built['seconds'] / bare['seconds'] - 1):.0f} %",
            "<= +25 %",
        )
    )
    edited = sorted((project / "journeys").glob("journey-*.yml"))[0]
    serve = mkdocs_build(project, "serve", str(edited))
    dirty = mkdocs_build(project, "serve-dirty", str(edited))
    plain, sizes = reference, reference_sizes
    rows += [
        (
            "median generated page",
            f"{statistics.median(sizes) / 1024:.0f} KB (largest {max(sizes) / 1024:.0f} KB)",
            "",
            "<= 100 KB",
        ),
        (
            "plugin's share of the fastest plain build (handlers timed)",
            f"{plain['handler_seconds']:.2f} s of {plain['seconds']:.2f} s",
            f"{100 * plain['handler_seconds'] / plain['seconds']:.1f} %",
            "reported",
        ),
        (
            "peak memory, handbook vs floor",
            f"{plain['peak_mib']:.0f} MiB vs {reference_floor['peak_mib']:.0f} MiB",
            f"{plain['peak_mib'] / reference_floor['peak_mib']:.2f}x",
            "",
        ),
        (
            "serve: rebuild after editing one file",
            f"{serve['seconds']:.2f} s, {serve['parsed']:.0f} of {serve['files']:.0f} files parsed",
            f"{serve['seconds'] / plain['seconds']:.2f}x",
            "1 file parsed",
        ),
        (
            "serve --dirty: the same",
            f"{dirty['seconds']:.2f} s, {dirty['parsed']:.0f} of {dirty['files']:.0f} files parsed",
            f"{dirty['seconds'] / plain['seconds']:.2f}x",
            "changed pages only",
        ),
    ]
    return rows


if __name__ == "__main__":
    main()
