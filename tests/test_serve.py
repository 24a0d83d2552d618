"""`mkdocs serve` survives a broken edit: the errors show in the terminal and on the
journeys index, the server keeps running, and the next good edit recovers."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator

import pytest

from tests.conftest import BASE_CONFIG, Project


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, TimeoutError, ConnectionError):
        return ""


def wait_for(condition: Callable[[], bool], seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


@contextlib.contextmanager
def serving(project: Project, command: list[str]) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """`command serve` of the minimal project on a free port: its base URL and process."""
    project.copy_journeys("minimal")
    project.write("docs/index.md", "# Home\n")
    project.write("mkdocs.yml", BASE_CONFIG)
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen(
        [*command, "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project.root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
    )  # fmt: skip
    try:
        yield f"http://127.0.0.1:{port}/", process
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def served(project: Project) -> Iterator[tuple[Project, str, subprocess.Popen[str]]]:
    with serving(project, [sys.executable, "-m", "mkdocs"]) as (base, process):
        yield project, base, process


def assert_a_broken_edit_recovers(
    project: Project, base: str, process: subprocess.Popen[str]
) -> None:
    """Break a reference, see the error on the journeys index, fix it, see the page
    again; the server kept running."""
    if not wait_for(lambda: "Runs the first payroll" in fetch(base + "journeys/buy/use/")):
        process.terminate()
        pytest.fail("the server never served the page:\n" + process.communicate(timeout=10)[0])
    buy = project.root / "journeys" / "buy.yml"
    good = buy.read_text()
    buy.write_text(good.replace("departments: [sales, atencao", "departments: [sals, atencao"))
    assert wait_for(lambda: "unknown department" in fetch(base + "journeys/"))
    page = fetch(base + "journeys/")
    assert "journeys/buy.yml:25:25: error: unknown department &#39;sals&#39;" in page or (
        "journeys/buy.yml:25:25: error: unknown department 'sals'" in page
    )
    assert "Runs the first payroll" in fetch(base + "journeys/buy/use/")
    buy.write_text(good.replace("Runs the first payroll", "Runs its first payroll"))
    assert wait_for(lambda: "Runs its first payroll" in fetch(base + "journeys/buy/use/"))
    assert "unknown department" not in fetch(base + "journeys/")
    assert process.poll() is None


def test_broken_edit_keeps_serving_and_recovers(
    served: tuple[Project, str, subprocess.Popen[str]],
) -> None:
    """Break a reference, see the error, fix it, see the page again."""
    project, base, process = served
    assert_a_broken_edit_recovers(project, base, process)
    process.terminate()
    output = process.communicate(timeout=10)[0]
    assert (
        "journeys/buy.yml:25:25: error: unknown department 'sals' (did you mean 'sales'?)" in output
    )
    assert "Traceback" not in output


DIRTY_SESSION = """
import json, sys, pathlib
from mkdocs.commands.build import build
from mkdocs.config import load_config
root = pathlib.Path(sys.argv[1])
site = root / "site"

def stamps():
    return {str(p.relative_to(site)): p.stat().st_mtime_ns for p in site.rglob("*.html")}

config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
config.plugins.on_startup(command="serve", dirty=True)
build(config, dirty=True)
before = stamps()
source = root / "journeys" / "renew.yml"
source.write_text(source.read_text().replace("Asks about renewal", "Asks early about renewal"))
config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
build(config, dirty=True)
parsed = config.plugins["journey"].loader.parsed
print(json.dumps({"before": before, "after": stamps(), "parsed": parsed}))
"""


def test_dirty_serve_rebuilds_only_the_pages_an_edit_changes(project: Project) -> None:
    """Under `mkdocs serve --dirty`, renaming one step parses one file again and
    rebuilds only the pages that show that step; every other page is left as built."""
    project.copy_journeys("minimal")
    project.write("docs/index.md", "# Home\n")
    project.write("mkdocs.yml", BASE_CONFIG)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-c", DIRTY_SESSION, str(project.root)],
        capture_output=True, text=True, check=True, env=env, cwd=project.root,
    )  # fmt: skip
    session = json.loads(result.stdout.strip().splitlines()[-1])
    before, after = session["before"], session["after"]
    assert session["parsed"] == ["journeys/renew.yml"]
    rebuilt = {page for page in after if after[page] != before.get(page)}
    showing = {page for page in after if "Asks early about renewal" in project.html(page)}
    assert "journeys/renew/renewal/index.html" in showing
    assert rebuilt - {"404.html"} == showing, (rebuilt, showing)
    assert len(showing) < len(after) / 2
