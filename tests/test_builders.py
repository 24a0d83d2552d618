"""The handbook under other builders: one folder written by `render --config-out`,
built by Zensical and ProperDocs, and the plugin itself under ProperDocs; the same
pages as the plugin's MkDocs build, no link climbing above the site root, every linked
page and anchor present, and the maps' stylesheet in place."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.builders import builder, edit_link, link_problems, pages
from tests.conftest import REPO, Project


@pytest.fixture(scope="module")
def plugin_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, set[str]]:
    """The sample built by MkDocs with the plugin: the pages every builder must give."""
    project = Project(tmp_path_factory.mktemp("mkdocs"))
    project.copy_journeys_from(REPO / "journeys")
    project.write(
        "docs/index.md", "# Handbook\n\nSee [the self-serve journey](journey:self-serve-trial).\n"
    )
    config = (
        "site_name: Handbook\nrepo_url: https://github.com/acme/handbook\n"
        "edit_uri: edit/main/docs/\ntheme:\n  name: material\n  font: false\n"
        "  features: [content.action.edit]\nplugins:\n  - search\n  - journey\n"
    )
    project.build(config)
    return project, pages(project.site)


def rendered(project: Project) -> Path:
    """Render the project; the configuration written beside OUT."""
    subprocess.run(
        ["mkdocs-journey", "render", "build/docs", "--config-out", "build/mkdocs.yml",
         "--force"],
        cwd=project.root, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return project.root / "build" / "mkdocs.yml"


def zensical_site(project: Project) -> Path:
    """The project rendered, then built by Zensical: the site's folder."""
    zensical = builder("zensical")
    config = rendered(project)
    subprocess.run(
        [str(zensical), "build", "-f", str(config)],
        cwd=config.parent, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return config.parent / "site"


def test_zensical_builds_the_rendered_handbook(plugin_site: tuple[Project, set[str]]) -> None:
    project, expected = plugin_site
    site = zensical_site(project)
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
    config = rendered(project)
    subprocess.run(
        [str(properdocs), "build", "--strict", "-f", str(config), "-d", str(project.root / "pd-rendered")],
        cwd=config.parent, check=True, capture_output=True, text=True,
    )  # fmt: skip
    assert pages(project.root / "pd-rendered") == expected
    checked, problems = link_problems(project.root / "pd-rendered")
    assert checked > 1000 and problems == []
    stage = "journeys/self-serve-trial/free-trial/index.html"
    assert edit_link(project.root / "pd-rendered" / stage) == edit_link(project.site / stage)
    assert edit_link(project.site / stage) == (
        "https://github.com/acme/handbook/edit/main/journeys/self-serve-trial.yml"
    )
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

    project = Project(tmp_path_factory.mktemp("zensical-browser"))
    project.copy_journeys_from(REPO / "journeys")
    project.write("docs/index.md", "# Handbook\n")
    project.write(
        "mkdocs.yml",
        "site_name: Handbook\ntheme:\n  name: material\n  font: false\nplugins:\n"
        f"  - journey:\n      mermaid_js: {mermaid_js()}\n"
        "      disabled_rules: [metric-off-target]\n",
    )
    drawn = assert_every_diagram_draws(browser, zensical_site(project))
    assert drawn > 50


def test_the_plugin_under_properdocs_serve(project: Project) -> None:
    """`properdocs serve` runs the plugin: a journey's pages are served, a broken edit
    shows its diagnostic on the journeys index, the server keeps running, and the next
    good edit is served."""
    from tests.test_serve import assert_a_broken_edit_recovers, serving

    properdocs = builder("properdocs")
    with serving(project, [str(properdocs)]) as (base, process):
        assert_a_broken_edit_recovers(project, base, process)


def test_zensical_builds_a_project_with_an_explicit_nav(project: Project) -> None:
    """A `nav` of the user's own with the placeholders: Zensical's site has the nav as
    written, each placeholder replaced by the generated pages, and every link resolves."""
    project.copy_journeys("minimal")
    project.write("docs/index.md", "# Home\n")
    project.write("docs/guide.md", "# Guide\n\nSee [the journey](journey:buy).\n")
    project.write(
        "mkdocs.yml",
        "site_name: Handbook\ntheme:\n  name: material\n  font: false\nplugins:\n"
        "  - journey:\n      history: 0\nnav:\n  - Home: index.md\n  - Guide: guide.md\n"
        '  - Journeys: "@journeys"\n  - Teams:\n      - "@departments"\n',
    )
    site = zensical_site(project)
    checked, problems = link_problems(site)
    assert checked > 100 and problems == []
    home = (site / "index.html").read_text("utf-8")
    nav = home[home.find('<nav class="md-nav md-nav--primary"') :]
    order = [nav.find(text) for text in ("Home", "Guide", "Journeys", "Teams", "Sales")]
    assert -1 not in order and order == sorted(order), order
    assert 'href="./journeys/buy/"' in nav and 'href="./departments/sales/"' in nav
    assert (site / "journeys" / "buy" / "discover" / "index.html").is_file()
