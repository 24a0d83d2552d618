"""Where each generated page lives (docs-relative .md paths) and links between them."""

from __future__ import annotations

import functools
import posixpath

JOURNEYS = "journeys/index.md"
DEPARTMENTS = "departments/index.md"
TOUCHPOINTS = "touchpoints/index.md"
PERSONAS = "personas/index.md"
MILESTONES = "milestones.md"
PHASES = "phases.md"
METRICS = "metrics.md"
CHANGES = "changes.md"
LOCAL_MERMAID = "assets/journey/mermaid.min.js"
"""Where a local Mermaid script (the `mermaid_js` option) is served from."""


def journey_page(journey_id: str) -> str:
    """The overview page of a journey."""
    return f"journeys/{journey_id}/index.md"


def stage_page(journey_id: str, stage_id: str) -> str:
    """The page of one stage of a journey."""
    return f"journeys/{journey_id}/{stage_id}.md"


def department_page(department_id: str) -> str:
    """The page of a department."""
    return f"departments/{department_id}.md"


def touchpoint_page(touchpoint_id: str) -> str:
    """The page of a touchpoint."""
    return f"touchpoints/{touchpoint_id}.md"


def persona_page(persona_id: str) -> str:
    """The page of a persona."""
    return f"personas/{persona_id}.md"


def department_stage_anchor(journey_id: str, stage_id: str) -> str:
    """The anchor of a department's steps in one stage, on the department's page (ids
    hold single hyphens only, so the double one cannot clash with a journey's section)."""
    return f"{journey_id}--{stage_id}"


def milestone_anchor(journey_id: str, milestone_id: str) -> str:
    """The anchor of a milestone on the milestone index."""
    return f"{journey_id}--{milestone_id}"


def relative(from_page: str, to_page: str, anchor: str = "") -> str:
    """A link from one .md page to another (or to an anchor), as written in Markdown."""
    path = "" if to_page == from_page else _relative_path(from_page, to_page)
    return f"{path}#{anchor}" if anchor else path or "#"


@functools.lru_cache(maxsize=1 << 16)
def _relative_path(from_page: str, to_page: str) -> str:
    """posixpath.relpath for the plugin's own clean relative paths, without its costly
    normalisation: the handbook writes hundreds of thousands of links."""
    from_folder = posixpath.dirname(from_page)
    source = from_folder.split("/") if from_folder else []
    target = to_page.split("/")
    common = 0
    while common < len(source) and common < len(target) - 1 and source[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(source) - common) + target[common:])


@functools.lru_cache(maxsize=1 << 16)
def page_url(page: str, use_directory_urls: bool) -> str:
    """The site URL of a page, as MkDocs computes it."""
    stem = page[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        directory = stem[: -len("index")]
        return directory if use_directory_urls else directory + "index.html"
    return stem + "/" if use_directory_urls else stem + ".html"


def root_prefix(page: str, use_directory_urls: bool) -> str:
    """What leads from a page's URL up to the site's root: `../../` for
    `journeys/a/s/`. A root-relative URL after it reaches any page."""
    return "../" * page_url(page, use_directory_urls).count("/")
