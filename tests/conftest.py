"""Shared helpers: temporary MkDocs projects built for real."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent
REFERENCE_EPOCH = 1796083200
"""2026-12-01, the day the sample's data and reviews are measured against: the dated
warnings compare with `SOURCE_DATE_EPOCH`, so that the suite gives the same verdict on
any day (tests that move the date set their own)."""
os.environ["SOURCE_DATE_EPOCH"] = str(REFERENCE_EPOCH)
SAMPLE_OPTIONS = "      disabled_rules: [metric-off-target]\n"
"""The sample's plugin options, as the repository's mkdocs.yml has them: two of its
metrics are off target, which its pages show and a strict build would refuse."""

BASE_CONFIG = """\
site_name: Test handbook
repo_url: https://example.invalid/acme/handbook
edit_uri: edit/main/docs/
theme:
  name: material
  font: false
  features:
    - content.action.edit
plugins:
  - journey
"""


class Project:
    """A temporary MkDocs project: write files, build, read pages of the site."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.site = root / "site"
        self.sample = False

    def write(self, path: str, text: str) -> Path:
        """Write a file of the project (text is dedented)."""
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text), encoding="utf-8")
        return target

    def copy_journeys(self, fixture: str) -> None:
        """Copy a fixture's journeys folder into the project."""
        self.copy_journeys_from(FIXTURES / fixture / "journeys")

    def copy_journeys_from(self, folder: Path) -> None:
        """Copy a journeys folder (a fixture's, the repository's sample) into the project,
        with the metrics folder beside it, if any. The sample brings its plugin options
        (`SAMPLE_OPTIONS`) to every build of the project."""
        for source in folder.rglob("*.y*ml"):
            relative = source.relative_to(folder).as_posix()
            self.write(f"journeys/{relative}", source.read_text(encoding="utf-8"))
        if (folder.parent / "metrics").is_dir():
            shutil.copytree(folder.parent / "metrics", self.root / "metrics", dirs_exist_ok=True)
        self.sample = self.sample or folder.resolve() == (REPO / "journeys").resolve()

    def build(self, config: str = BASE_CONFIG, strict: bool = True) -> None:
        """Run a real `mkdocs build` of the project."""
        if self.sample and "disabled_rules" not in config:
            plugin = "  - journey:\n" if "  - journey:\n" in config else "  - journey\n"
            config = config.replace(plugin, "  - journey:\n" + SAMPLE_OPTIONS, 1)
        self.write("mkdocs.yml", config)
        (self.root / "docs").mkdir(exist_ok=True)
        if not (self.root / "docs" / "index.md").exists():
            self.write("docs/index.md", "# Home\n")
        cfg = load_config(str(self.root / "mkdocs.yml"), site_dir=str(self.site), strict=strict)
        build(cfg)

    def run_mkdocs_build(self, strict: bool = False) -> subprocess.CompletedProcess[str]:
        """`mkdocs build` in a separate process, as a user runs it (output captured).
        Strict builds are not quiet: `-q` drops warnings before strict mode counts them."""
        return subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict" if strict else "-q"],
            cwd=self.root,
            capture_output=True,
            text=True,
            check=False,
        )

    def html(self, page: str) -> str:
        """The built HTML of a page, given its URL path ('journeys/x/')."""
        path = self.site / page
        if page.endswith("/") or not page:
            path = path / "index.html"
        return path.read_text(encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """An empty temporary project."""
    return Project(tmp_path)


@pytest.fixture
def mkdocs_warnings(caplog: pytest.LogCaptureFixture) -> Callable[[], list[str]]:
    """The WARNING records MkDocs counted during a build (what --strict fails on)."""
    caplog.set_level(logging.WARNING)

    def collect() -> list[str]:
        return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]

    return collect


def build_with_local_mermaid(
    project: Project, journeys: Path | None = None, strict: bool = True
) -> None:
    """Build a project whose diagrams draw offline, with the local Mermaid of the tests."""
    from tests.browser import mermaid_js

    script = mermaid_js()
    if journeys is not None:
        project.copy_journeys_from(journeys)
    config = BASE_CONFIG.replace("  - journey\n", f"  - journey:\n      mermaid_js: {script}\n")
    project.build(config, strict=strict)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium page for the browser tests (skipped without Chromium,
    failing under CI)."""
    from tests.browser import browser_page

    with browser_page() as page:
        yield page


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample handbook, built once, with local Mermaid."""
    project = Project(tmp_path_factory.mktemp("sample-browser"))
    build_with_local_mermaid(project, REPO / "journeys")
    return project.site


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile handbook (hostile names, a 200-step stage, a 60-stage journey)."""
    from tests import hostile

    project = Project(tmp_path_factory.mktemp("hostile-browser"))
    hostile.write(project.root / "journeys")
    build_with_local_mermaid(project, strict=False)
    return project.site
