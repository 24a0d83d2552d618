"""Every generated page of a handbook, with its title, source file and nav placement."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

from .. import paths
from ..graph import HandbookGraph
from ..history import HandbookHistory
from ..i18n import Labels
from ..model import Department, Persona, Touchpoint
from ..text import front_matter_title
from . import (
    catalogue_pages,
    department_pages,
    history_views,
    journey_pages,
    metric_views,
    stage_pages,
)
from .context import Context
from .html import Html, Line

PLACEHOLDER = re.compile(r"<!--journey-(block|view):(\d+)-->")
"""A placeholder line for an HTML block (a view: one left out of the search index).
No user text can write it: user Markdown has its raw HTML neutralised and plain text
is escaped."""


@dataclass(frozen=True, slots=True)
class GeneratedPage:
    """One page: its docs-relative path, title, Markdown, and the YAML file behind it.

    `markdown` holds a placeholder line for each block of finished HTML (`blocks`):
    the plugin puts the blocks back after Python-Markdown, which then never parses them
    (see `delivery.search` for how the search index reads them meanwhile).
    """

    path: str
    title: str
    markdown: str
    blocks: tuple[str, ...]
    source: str | None
    """Project-relative path of the YAML file that defines the page, for edit links."""
    in_nav: bool

    @property
    def document(self) -> str:
        """The page as one Markdown file, HTML blocks written in place: what `render`
        writes, and what any Markdown processor builds without the plugin."""
        return self.fill(self.markdown)

    def fill(self, converted: str) -> str:
        """The page as Python-Markdown converted it, every HTML block in place."""
        return PLACEHOLDER.sub(lambda m: self.blocks[int(m.group(2))], converted)


def _page(
    path: str, title: str, lines: Iterable[Line], source: str | None, in_nav: bool
) -> GeneratedPage:
    """Assemble a page; consecutive HTML blocks of the same kind share one placeholder."""
    parts = ["---", front_matter_title(title), "---", ""]
    blocks: list[str] = []
    open_kind = ""
    for line in lines:
        if line.__class__ is str:  # most lines: no isinstance call for them
            if line or not open_kind:
                parts += (line,)
                open_kind = ""
            continue
        assert isinstance(line, Html)
        kind = "block" if line.indexed else "view"
        if kind == open_kind:
            blocks[-1] += "\n" + line.html
            continue
        if parts[-1]:
            parts += ("",)
        parts += (f"<!--journey-{kind}:{len(blocks)}-->", "")
        blocks += (line.html,)
        open_kind = kind
    markdown = "\n".join(parts).rstrip("\n") + "\n"
    return GeneratedPage(path, title, markdown, tuple(blocks), source, in_nav)


def generate(
    graph: HandbookGraph,
    labels: Labels,
    use_directory_urls: bool = True,
    problems: list[str] | None = None,
    map_max_steps: int = 40,
    plain_as_html: bool = False,
    review_every: int = 180,
    history: HandbookHistory | None = None,
    history_count: int = 10,
    commit_url: str = "",
    html_from_source: bool = False,
) -> list[GeneratedPage]:
    """All pages, in nav order: journeys and their stages first, then the catalogues.

    `problems` (under `mkdocs serve`, when an edit broke the journeys) are shown at the
    top of the journeys index, above the last version that built. `plain_as_html`: see
    `Context.plain_as_html`."""
    context = Context(
        graph,
        labels,
        use_directory_urls,
        tuple(problems or ()),
        map_max_steps,
        plain_as_html,
        review_every,
        history,
        history_count,
        commit_url,
        html_from_source,
    )
    return list(_pages(context))


def _pages(context: Context) -> Iterator[GeneratedPage]:
    t, graph = context.labels, context.graph
    yield _page(paths.JOURNEYS, t.journeys, journey_pages.journeys_index(context), None, True)
    for journey in graph.journeys.values():
        overview = journey_pages.journey_overview(context, journey)
        yield _page(paths.journey_page(journey.id), journey.name, overview, journey.path, True)
        for number, stage in enumerate(journey.stages, start=1):
            lines = stage_pages.stage_page(context, journey, number)
            yield _page(
                paths.stage_page(journey.id, stage.id), stage.name, lines, journey.path, True
            )
    yield _page(
        paths.MILESTONES, t.milestones, catalogue_pages.milestone_index(context), None, True
    )
    if graph.phases:
        yield _page(paths.PHASES, t.phases, catalogue_pages.phases_page(context), None, True)
    if graph.metrics:
        yield _page(paths.METRICS, t.metrics, metric_views.metrics_page(context), None, True)
    if context.history is not None:
        yield _page(paths.CHANGES, t.changes, history_views.changes_page(context), None, True)
    yield _page(
        paths.DEPARTMENTS, t.departments, department_pages.departments_index(context), None, True
    )
    yield from _details(
        graph.departments,
        paths.department_page,
        department_pages.department_page,
        context,
        in_nav=True,
    )
    yield _page(
        paths.TOUCHPOINTS, t.touchpoints, catalogue_pages.touchpoints_index(context), None, True
    )
    yield from _details(
        graph.touchpoints,
        paths.touchpoint_page,
        catalogue_pages.touchpoint_page,
        context,
        in_nav=False,
    )
    yield _page(paths.PERSONAS, t.personas, catalogue_pages.personas_index(context), None, True)
    yield from _details(
        graph.personas, paths.persona_page, catalogue_pages.persona_page, context, in_nav=False
    )


def _details(
    records: Mapping[str, Department | Touchpoint | Persona],
    path_of: Callable[[str], str],
    render: Callable[[Context, str], Iterable[Line]],
    context: Context,
    in_nav: bool,
) -> Iterator[GeneratedPage]:
    for record_id, record in records.items():
        yield _page(
            path_of(record_id), record.name, render(context, record_id), record.pos.path, in_nav
        )
