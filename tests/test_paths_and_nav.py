"""Page paths, links for both URL styles, and nav placement."""

from __future__ import annotations

import posixpath

import pytest

from mkdocs_journey import paths
from mkdocs_journey.delivery import nav
from mkdocs_journey.graph import HandbookGraph
from mkdocs_journey.i18n import ENGLISH
from mkdocs_journey.model import Handbook
from mkdocs_journey.render.context import Context, HtmlLinker, Linker


@pytest.mark.parametrize(
    ("source", "target", "anchor", "directory", "expected"),
    [
        ("journeys/a/s.md", "journeys/a/index.md", "x", True, "../../../journeys/a/#x"),
        ("journeys/a/s.md", "journeys/a/index.md", "x", False, "../../journeys/a/index.html#x"),
        ("journeys/a/s.md", "journeys/a/t.md", "st", True, "../../../journeys/a/t/#st"),
        ("journeys/a/s.md", "journeys/a/t.md", "st", False, "../../journeys/a/t.html#st"),
        ("journeys/a/s.md", "journeys/a/s.md", "st", True, "#st"),
        ("journeys/a/s.md", "journeys/a/s.md", "st", False, "#st"),
        ("journeys/a/index.md", "departments/d.md", "", True, "../../departments/d/"),
        ("journeys/a/index.md", "departments/d.md", "", False, "../../departments/d.html"),
        ("milestones.md", "journeys/index.md", "", True, "../journeys/"),
        ("milestones.md", "index.md", "", True, "../"),
        ("index.md", "index.md", "", True, "./"),
        ("index.md", "index.md", "", False, "index.html"),
    ],
)
def test_browser_urls(
    source: str, target: str, anchor: str, directory: bool, expected: str
) -> None:
    """Browser URLs between pages (HTML blocks, Mermaid links) follow MkDocs' two URL
    styles through the site's root, and reach the target from the source page's own
    URL; an anchor on the same page is just the anchor."""
    context = Context(HandbookGraph(Handbook()), ENGLISH, directory)
    url = HtmlLinker(context, source).url(target, anchor)
    assert url == expected
    assert Linker(context, source).url(target, anchor) == expected
    if not url.startswith("#"):
        base = "/site/" + paths.page_url(source, directory)
        folder = base if base.endswith("/") else posixpath.dirname(base) + "/"
        landed = posixpath.normpath(folder + url.split("#")[0])
        wanted = posixpath.normpath("/site/" + paths.page_url(target, directory))
        assert landed == wanted


def test_relative_markdown_links() -> None:
    """Markdown links are relative .md paths that MkDocs rewrites and checks."""
    assert paths.relative("journeys/a/s.md", "departments/d.md") == "../../departments/d.md"
    assert paths.relative("journeys/a/s.md", "journeys/a/s.md", "x") == "#x"
    assert paths.relative("milestones.md", "phases.md", "p") == "phases.md#p"


def test_placeholders_expand_in_lists_and_section_values() -> None:
    """`"@name"` stands for a generated section, as an item or as a section's value."""
    parts = {
        "@journeys": ["journeys/index.md", {"J": ["journeys/j/index.md"]}],
        "@personas": ["personas/index.md"],
    }
    written = ["index.md", {"Journeys": "@journeys"}, "@personas", {"More": ["@personas", "x.md"]}]
    assert nav.expand(written, parts) == [
        "index.md",
        {"Journeys": ["journeys/index.md", {"J": ["journeys/j/index.md"]}]},
        "personas/index.md",
        {"More": ["personas/index.md", "x.md"]},
    ]
    assert nav.pages_in(nav.expand(written, parts)) == {
        "index.md",
        "journeys/index.md",
        "journeys/j/index.md",
        "personas/index.md",
        "x.md",
    }
