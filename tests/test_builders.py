"""The handbook under other builders: `render --for zensical` built by Zensical, the
rendered folder built by ProperDocs, and the plugin itself under ProperDocs; the same
pages as the plugin's MkDocs build, no link climbing above the site root, every linked
page present, and the maps' stylesheet in place."""

from __future__ import annotations

import os
import posixpath
import re
import subprocess
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from tests.builders import builder
from tests.conftest import REPO, Project


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def link_problems(site: Path) -> tuple[int, list[str]]:
    """(links checked, problems): links in the content of every page that climb above
    the site root, reach no page, or name an anchor the page does not have."""
    checked, problems = 0, []
    ids: dict[Path, set[str]] = {}

    def anchors(page: Path) -> set[str]:
        if page not in ids:
            ids[page] = set(re.findall(r'\sid="([^"]+)"', page.read_text("utf-8")))
        return ids[page]

    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        if relative.startswith(("assets/", "search/")) or relative == "404.html":
            continue
        html = page.read_text("utf-8")
        content = html[html.find("<article") : html.find("</article>")]
        folder = posixpath.dirname(relative)
        for href in re.findall(r'href="([^":?][^"]*)"', content):
            path, _, anchor = unescape(href).partition("#")
            if path.startswith(("http", "mailto", "/")):
                continue
            checked += 1
            target = posixpath.normpath(posixpath.join(folder, path)) if path else relative
            if target.startswith(".."):
                problems.append(f"{relative}: {href} climbs above the site root")
                continue
            found = site / target
            found = found if found.is_file() else found / "index.html"
            if not found.is_file():
                problems.append(f"{relative}: {href} reaches no page")
            elif anchor and anchor not in anchors(found):
                problems.append(f"{relative}: {href} names no anchor of its page")
    return checked, problems


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, set[str]]:
    """The sample built by MkDocs with the plugin: the pages every builder must give."""
    project = Project(tmp_path_factory.mktemp("mkdocs"))
    project.copy_journeys_from(REPO / "journeys")
    project.write(
        "docs/index.md", "# Handbook\n\nSee [the self-serve journey](journey:self-serve-trial).\n"
    )
    config = "site_name: Handbook\ntheme:\n  name: material\n  font: false\nplugins:\n  - search\n  - journey\n"
    project.build(config)
    return project, pages(project.site)


def rendered(project: Project, builder_name: str) -> Path:
    """Render the project for a builder; the configuration written beside OUT."""
    subprocess.run(
        ["mkdocs-journey", "render", "build/docs", "--config-out", "build/mkdocs.yml",
         "--for", builder_name, "--force"],
        cwd=project.root, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return project.root / "build" / "mkdocs.yml"


def test_zensical_builds_the_rendered_handbook(plugin_site: tuple[Project, set[str]]) -> None:
    project, expected = plugin_site
    zensical = builder("zensical")
    config = rendered(project, "zensical")
    subprocess.run(
        [str(zensical), "build", "-f", str(config)],
        cwd=config.parent, check=True, capture_output=True, text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": os.environ["SOURCE_DATE_EPOCH"]},
    )  # fmt: skip
    site = config.parent / "site"
    assert pages(site) >= expected - {"404.html"}
    checked, problems = link_problems(site)
    assert checked > 1000 and problems == []
    assert (site / "assets" / "journey" / "journey.css").is_file()
    stage = (site / "journeys" / "self-serve-trial" / "free-trial" / "index.html").read_text(
        "utf-8"
    )
    assert "assets/journey/journey.css" in stage
    assert 'class="service-blueprint"' in stage and 'id="signs-up"' in stage


def test_properdocs_builds_the_rendered_handbook_and_runs_the_plugin(
    plugin_site: tuple[Project, set[str]],
) -> None:
    project, expected = plugin_site
    properdocs = builder("properdocs")
    config = rendered(project, "properdocs")
    subprocess.run(
        [str(properdocs), "build", "--strict", "-f", str(config), "-d", str(project.root / "pd-rendered")],
        cwd=config.parent, check=True, capture_output=True, text=True,
    )  # fmt: skip
    assert pages(project.root / "pd-rendered") == expected
    assert link_problems(project.root / "pd-rendered")[1] == []
    subprocess.run(
        [str(properdocs), "build", "--strict", "-f", str(project.root / "mkdocs.yml"), "-d", str(project.root / "pd-plugin")],
        cwd=project.root, check=True, capture_output=True, text=True,
    )  # fmt: skip
    assert pages(project.root / "pd-plugin") == expected


def test_every_diagram_draws_in_the_zensical_site(
    browser: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The sample rendered for Zensical with a local Mermaid: in Chromium, every diagram
    of every page draws, without an error."""
    from tests.browser import mermaid_js
    from tests.test_browser import assert_every_diagram_draws

    zensical = builder("zensical")
    project = Project(tmp_path_factory.mktemp("zensical-browser"))
    project.copy_journeys_from(REPO / "journeys")
    project.write("docs/index.md", "# Handbook\n")
    project.write(
        "mkdocs.yml",
        "site_name: Handbook\ntheme:\n  name: material\n  font: false\nplugins:\n"
        f"  - journey:\n      mermaid_js: {mermaid_js()}\n"
        "      disabled_rules: [metric-off-target]\n",
    )
    config = rendered(project, "zensical")
    subprocess.run(
        [str(zensical), "build", "-f", str(config)],
        cwd=config.parent, check=True, capture_output=True, text=True,
    )  # fmt: skip
    drawn = assert_every_diagram_draws(browser, config.parent / "site")
    assert drawn > 50
