"""The other builders of the tests: Zensical and ProperDocs, each installed by `.ci/run`
in its own environment under `tests/.builders/` (they bring their own versions of
Markdown and its extensions). Tests that need one skip without it, and fail under CI."""

from __future__ import annotations

import os
import posixpath
import re
import shutil
from html import unescape
from pathlib import Path

import pytest

BUILDERS = Path(__file__).parent / ".builders"


def builder(name: str) -> Path:
    """The command of `name` (zensical or properdocs), or skip (fail under CI)."""
    found = BUILDERS / name / "bin" / name
    if found.is_file():
        return found
    other = shutil.which(name)
    if other:
        return Path(other)
    reason = f"{name} is not installed (.ci/run installs it in tests/.builders/{name})"
    if os.environ.get("CI"):
        pytest.fail(f"builder tests cannot run in CI: {reason}")
    pytest.skip(reason)


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


def edit_link(page: Path) -> str:
    """Where a page's "edit this page" button leads."""
    found = re.search(r'<a href="([^"]+)" title="Edit this page"', page.read_text("utf-8"))
    assert found, page
    return found[1]
