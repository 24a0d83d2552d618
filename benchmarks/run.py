"""The performance benchmark of mkdocs-journey (not part of the test suite).

    python benchmarks/run.py            # the SPEC's reference load (6 000 steps)
    python benchmarks/run.py --quick    # a tenth of it, to try the script

Every figure is a ratio of two things measured in the same run on the same machine:

- overhead: share of `mkdocs build` time spent in the plugin's event handlers and all
  they call (from a cProfile of the build);
- site weight: the handbook build against a floor site with as many one-paragraph
  pages kept out of the nav, and the median generated page size;
- own work: load, validate and render every page to a folder (`render`), against
  libyaml's bare `yaml.compose` of the same files, at 1x, 2x and 4x the load;
- peak memory of both builds;
- `mkdocs serve` (and `mkdocs serve --dirty`): the rebuild after one journey file is
  edited, and how many files it parsed again.
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
    import cProfile, json, pstats, sys, time
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
    profile = sys.argv[3] == "profile"
    profiler = cProfile.Profile()
    # Without the profiler, the plugin's handlers are timed by the clock: its share of
    # a plain build (the profiler charges each Python call, which inflates call-heavy
    # code such as Python-Markdown's more than the plugin's).
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
    if profile:
        profiler.enable()
    build(config)
    if profile:
        profiler.disable()
    elapsed = time.perf_counter() - start
    own = 0.0
    # The plugin's profiled time by part: what `analyse` does (load and check), what
    # `generate` does (the pages), and the page hooks that put the blocks back.
    parts = {"analyse": 0.0, "generate": 0.0, "hooks": 0.0}
    if profile:
        stats = pstats.Stats(profiler)
        for (path, _, name), row in stats.stats.items():
            if path.endswith("mkdocs_journey/plugin.py") and name.startswith("on_"):
                own += row[3]
                if name.startswith(("on_page_", "on_post_page")):
                    parts["hooks"] += row[3]
            elif path.endswith("mkdocs_journey/analysis.py") and name == "analyse":
                parts["analyse"] += row[3]
            elif path.endswith("mkdocs_journey/render/site.py") and name == "generate":
                parts["generate"] += row[3]
    # VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so a child would report
    # the benchmark process's own peak.
    status = open("/proc/self/status").read()
    peak = int(status.split("VmHWM:")[1].split()[0]) / 1024
    print(json.dumps({
        "seconds": elapsed, "plugin_seconds": own, "handler_seconds": handler_seconds[0],
        "peak_mib": peak, **parts,
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
PROFILE_ROUNDS = 3
"""Profiled builds; the overhead share is their median (and its range is shown)."""


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
    from mkdocs_journey.project import settings_for

    settings = settings_for(project / "journeys")
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
        graph, _ = analyse(Loader(), project / "journeys", project)
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


def make_project(root: Path, scale: int) -> int:
    steps = synthetic.write(
        root / "journeys", journeys=40 * scale // 10 if scale < 10 else 4 * scale
    )
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "index.md").write_text("# Handbook\n")
    (root / "mkdocs.yml").write_text(CONFIG.format(plugin="  - journey"))
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
    scale = 1 if args.quick else 10
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        factors = (1, 2, 4)
        projects = {factor: work / f"x{factor}" for factor in factors}
        steps_at = {f: make_project(projects[f], scale * f) for f in factors}
        compose_times: dict[int, list[float]] = {f: [] for f in factors}
        render_times: dict[int, list[float]] = {f: [] for f in factors}
        check_times: list[float] = []
        for _ in range(ROUNDS):
            # Round by round, so that a slow spell of a shared machine falls on every
            # load alike rather than on the one measured during it.
            for factor in factors:
                project = projects[factor]
                compose_times[factor].append(fresh("compose", project))
                render_times[factor].append(fresh("own-work", project))
            check_times.append(fresh("load-and-check", projects[1]))
        timings = {}
        for factor in factors:
            steps = steps_at[factor]
            compose, render = min(compose_times[factor]), min(render_times[factor])
            timings[factor] = (steps, compose, render)
            rows.append(
                (
                    f"own work at {factor}x ({steps} steps)",
                    f"{render:.2f} s vs compose {compose:.2f} s",
                    f"{render / compose:.2f}x",
                )
            )
        growth = timings[4][2] / timings[1][2]
        rows.append(
            (
                "growth of own work, 4x the steps",
                f"{timings[1][2]:.2f} s -> {timings[4][2]:.2f} s",
                f"{growth:.2f}x",
            )
        )
        _, compose, render = timings[1]
        check = min(check_times)
        left = 3 * compose - check
        rows += [
            (
                "own work at 1x without the pages (load, validate, lint)",
                f"{check:.2f} s vs compose {compose:.2f} s",
                f"{check / compose:.2f}x",
            ),
            (
                "left of the 3x target for making and writing the pages",
                f"{max(left, 0):.2f} s; they take {render - check:.2f} s",
                f"{(render - check) / left:.1f}x too slow" if left > 0 else "none left",
            ),
        ]
        paused = min(fresh("paused-compose", projects[1]) for _ in range(ROUNDS))
        rows.append(
            (
                "own work at 1x vs compose with the GC paused, as own work runs",
                f"{timings[1][2]:.2f} s vs compose {paused:.2f} s",
                f"{timings[1][2] / paused:.2f}x",
            )
        )
        project = work / "x1"
        profiles = sorted(
            (mkdocs_build(project, "profile") for _ in range(PROFILE_ROUNDS)),
            key=lambda b: b["plugin_seconds"] / b["seconds"],
        )
        profiled = profiles[len(profiles) // 2]
        shares = [100 * b["plugin_seconds"] / b["seconds"] for b in profiles]
        plain = mkdocs_build(project, "plain")
        sizes = html_sizes(project / "site-plain")
        floor = work / "floor"
        make_floor(floor, len(sizes))
        floor_build = mkdocs_build(floor, "plain")
        for _ in range(BUILD_ROUNDS - 1):
            plain = min(plain, mkdocs_build(project, "plain"), key=lambda b: b["seconds"])
            floor_build = min(floor_build, mkdocs_build(floor, "plain"), key=lambda b: b["seconds"])
        # The same profile with the time spent making pages taken out of both sides:
        # the share that loading, checking and the page hooks alone would have.
        pageless = profiled["plugin_seconds"] - profiled["generate"]
        pageless_build = profiled["seconds"] - profiled["generate"]
        edited = sorted((project / "journeys").glob("journey-*.yml"))[0]
        serve = mkdocs_build(project, "serve", str(edited))
        dirty = mkdocs_build(project, "serve-dirty", str(edited))
        rows += [
            (
                f"plugin overhead (median share of {PROFILE_ROUNDS} profiled builds)",
                f"{profiled['plugin_seconds']:.2f} s of {profiled['seconds']:.2f} s "
                f"({shares[0]:.1f}-{shares[-1]:.1f} %)",
                f"{100 * profiled['plugin_seconds'] / profiled['seconds']:.1f} %",
            ),
            (
                "the plugin's profiled time by part (median build)",
                f"load+check {profiled['analyse']:.2f} s, pages {profiled['generate']:.2f} s, "
                f"hooks {profiled['hooks']:.2f} s",
                "",
            ),
            (
                "overhead if making the pages cost nothing (median build)",
                f"{pageless:.2f} s of {pageless_build:.2f} s",
                f"{100 * pageless / pageless_build:.1f} %",
            ),
            (
                "plugin's share of the fastest plain build (handlers timed, no profiler)",
                f"{plain['handler_seconds']:.2f} s of {plain['seconds']:.2f} s",
                f"{100 * plain['handler_seconds'] / plain['seconds']:.1f} %",
            ),
            (
                f"handbook build vs floor ({len(sizes)} pages)",
                f"{plain['seconds']:.2f} s vs {floor_build['seconds']:.2f} s",
                f"{plain['seconds'] / floor_build['seconds']:.2f}x",
            ),
            (
                "median generated page",
                f"{statistics.median(sizes) / 1024:.0f} KB (largest {max(sizes) / 1024:.0f} KB)",
                "",
            ),
            (
                "peak memory, handbook vs floor",
                f"{plain['peak_mib']:.0f} MiB vs {floor_build['peak_mib']:.0f} MiB",
                f"{plain['peak_mib'] / floor_build['peak_mib']:.2f}x",
            ),
            (
                "serve: rebuild after editing one file",
                f"{serve['seconds']:.2f} s, {serve['parsed']:.0f} of {serve['files']:.0f} "
                "files parsed",
                f"{serve['seconds'] / plain['seconds']:.2f}x a build",
            ),
            (
                "serve --dirty: the same",
                f"{dirty['seconds']:.2f} s, {dirty['parsed']:.0f} of {dirty['files']:.0f} "
                "files parsed",
                f"{dirty['seconds'] / plain['seconds']:.2f}x a build",
            ),
        ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'figures':<36}  ratio")
    for name, figures, ratio in rows:
        print(f"{name:<{width}}  {figures:<36}  {ratio}")


if __name__ == "__main__":
    main()
