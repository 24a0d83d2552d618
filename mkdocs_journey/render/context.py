"""What every page renderer needs: the graph, the labels, the URL style and a way to
link any entity from the page being written."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from .. import paths
from ..graph import HandbookGraph, Place
from ..i18n import Labels
from ..links import EntityLinks
from ..model import Journey, Stage
from ..text import html_text, md, md_link
from . import markdown

K = TypeVar("K")
V = TypeVar("V")
Neighbours = tuple[tuple[str, str], ...]
"""Steps next to another, each as its owner's id and its finished link."""


@dataclass(frozen=True)
class Context:
    """Shared by all renderers of one build."""

    graph: HandbookGraph
    labels: Labels
    use_directory_urls: bool = True
    problems: tuple[str, ...] = ()
    """Errors of a broken edit under `mkdocs serve`, shown on the journeys index."""
    entity_links: EntityLinks = field(init=False)
    html_links: dict[str, DepthLinks] = field(init=False, default_factory=dict)
    """Finished HTML links by root prefix: pages at the same depth share them."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "entity_links", EntityLinks(self.graph))


@dataclass(frozen=True)
class Links:
    """Links from one page to the entities of the handbook; the subclass decides the
    format (Markdown or finished HTML), the entity methods are shared."""

    context: Context
    page: str

    def text(self, text: str) -> str:
        """Plain text in this format."""
        raise NotImplementedError

    def link(self, label: str, target_page: str, anchor: str = "") -> str:
        """A link whose label is already in this format."""
        raise NotImplementedError

    def to(self, target_page: str, text: str, anchor: str = "") -> str:
        """A link with plain `text` to a page or anchor."""
        return self.link(self.text(text), target_page, anchor)

    def url(self, target_page: str, anchor: str = "") -> str:
        """A browser URL, for places MkDocs does not rewrite (HTML, Mermaid click links)."""
        raise NotImplementedError

    def department(self, department_id: str) -> str:
        """A link to a department's page."""
        department = self.context.graph.departments[department_id]
        return self.to(paths.department_page(department_id), department.name)

    def touchpoint(self, touchpoint_id: str) -> str:
        """A link to a touchpoint's page."""
        touchpoint = self.context.graph.touchpoints[touchpoint_id]
        return self.to(paths.touchpoint_page(touchpoint_id), touchpoint.name)

    def persona(self, persona_id: str) -> str:
        """A link to a persona's page."""
        return self.to(paths.persona_page(persona_id), self.context.graph.personas[persona_id].name)

    def phase(self, phase_id: str) -> str:
        """A link to a phase on the phases page."""
        return self.to(paths.PHASES, self.context.graph.phases[phase_id].name, phase_id)

    def journey(self, journey: Journey) -> str:
        """A link to a journey's overview."""
        return self.to(paths.journey_page(journey.id), journey.name)

    def stage(self, journey: Journey, stage: Stage) -> str:
        """A link to a stage page."""
        return self.to(paths.stage_page(journey.id, stage.id), stage.name)

    def step(self, place: Place, text: str = "") -> str:
        """A link to a step's section on its stage page."""
        page = paths.stage_page(place.journey.id, place.stage.id)
        return self.to(page, text or place.step.name, place.step.id)

    def step_url(self, place: Place) -> str:
        """A browser URL of a step's section."""
        raise NotImplementedError

    def milestone(self, place: Place) -> str:
        """A link to a milestone on the milestone index."""
        assert place.step.milestone is not None
        anchor = paths.milestone_anchor(place.journey.id, place.step.milestone.id)
        return self.to(paths.MILESTONES, place.step.milestone.name, anchor)

    def departments(self, ids: tuple[str, ...] | list[str], owner: str | None = None) -> str:
        """Comma-separated department links, the owner marked."""
        mark = f" ({self.text(self.context.labels.owner_mark)})"
        return ", ".join([self.department(d) + (mark if d == owner else "") for d in ids])


@dataclass(frozen=True)
class Linker(Links):
    """Markdown links, which MkDocs checks and rewrites; and user Markdown fields."""

    text = staticmethod(md)
    """Plain text as inline Markdown."""

    def link(self, label: str, target_page: str, anchor: str = "") -> str:
        """A Markdown link to a generated page."""
        return md_link(label, paths.relative(self.page, target_page, anchor))

    @functools.cached_property
    def html(self) -> HtmlLinker:
        """The same page's links as finished HTML, for the blocks of `html.py`."""
        return HtmlLinker(self.context, self.page)

    def url(self, target_page: str, anchor: str = "") -> str:
        """A browser URL (the HTML links' own), for Mermaid click links."""
        return self.html.url(target_page, anchor)

    def step_url(self, place: Place) -> str:
        """A browser URL of a step's section."""
        return self.html.step_url(place)

    def block(self, text: str) -> list[str]:
        """A Markdown field as lines of this page, entity links resolved, unsafe markup
        shown as text."""
        return markdown.block(text, self.context.entity_links, self.page)

    def inline(self, text: str) -> str:
        """A short Markdown field squeezed into one line of this page."""
        return " ".join(line.strip() for line in self.block(text) if line.strip())


class Made(dict[K, V]):
    """A dict that makes each missing entry with `make(key)`, once: a hit is one
    lookup, without a call."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[K], V]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: K) -> V:
        made = self[key] = self.make(key)
        return made


class DepthLinks:
    """Finished HTML links from any page at one depth of the site.

    Their URLs go up to the site's root and down to the target
    (`../../departments/sales/`): the same from every page at that depth, so each link
    is made once per depth, and a handbook writes hundreds of thousands.

    The tables are made by closures over each other, never over this object: nothing
    here is a reference cycle, so the links are freed the moment the build lets go of
    its context, without waiting for the cyclic garbage collector (which `paused_gc`
    keeps out of the way)."""

    def __init__(self, context: Context, prefix: str) -> None:
        graph, use_directory_urls = context.graph, context.use_directory_urls
        places, department_names = graph.places, graph.departments

        def url(page: str, anchor: str = "") -> str:
            found = prefix + paths.page_url(page, use_directory_urls) or "./"
            return f"{found}#{anchor}" if anchor else found

        def a(page: str, text: str, anchor: str = "") -> str:
            return f'<a href="{url(page, anchor)}">{html_text(text)}</a>'

        def step_url(key: tuple[str, str]) -> tuple[str, str]:
            place = places[key]
            page = paths.stage_page(place.journey.id, place.stage.id)
            return page, url(page, place.step.id)

        def step(key: tuple[str, str]) -> tuple[str, str]:
            page, found = step_urls[key]
            return page, f'<a href="{found}">{html_text(places[key].step.name)}</a>'

        def with_owner(key: tuple[str, str]) -> tuple[str, str] | None:
            owner = places[key].step.owner_id
            if not owner:
                return None
            return owner, f"{steps[key][1]} ({html_text(department_names[owner].name)})"

        def listed(neighbours: Iterable[Place]) -> Neighbours:
            return tuple([found for p in neighbours if (found := with_owner(p.key))])

        def around(key: tuple[str, str]) -> tuple[Neighbours, Neighbours]:
            return listed(graph.previous.get(key, ())), listed(graph.next[key])

        def handover_steps(keys: tuple[tuple[str, str], tuple[str, str]]) -> str:
            source, target = keys
            return f"{steps[source][1]} → {steps[target][1]} ({journeys[source[0]]})"

        stage_names = {
            (journey.id, stage.id): stage.name
            for journey in graph.journeys.values()
            for stage in journey.stages
        }
        journeys: Made[str, str] = Made(lambda i: a(paths.journey_page(i), graph.journeys[i].name))
        step_urls: Made[tuple[str, str], tuple[str, str]] = Made(step_url)
        steps: Made[tuple[str, str], tuple[str, str]] = Made(step)
        self.url = url
        self.departments: Made[str, str] = Made(
            lambda i: a(paths.department_page(i), department_names[i].name)
        )
        self.touchpoints: Made[str, str] = Made(
            lambda i: a(paths.touchpoint_page(i), graph.touchpoints[i].name)
        )
        self.journeys = journeys
        self.stages: Made[tuple[str, str], str] = Made(
            lambda key: a(paths.stage_page(*key), stage_names[key])
        )
        self.step_urls = step_urls
        """By step: its stage page, and the URL of its section."""
        self.steps = steps
        """By step: its stage page, and the link to its section."""
        self.around: Made[tuple[str, str], tuple[Neighbours, Neighbours]] = Made(around)
        """By step: the steps before and after it that have an owner, each as its
        owner's id and `Step (Department)`. For pages that hold no step sections."""
        self.handover_steps: Made[tuple[tuple[str, str], tuple[str, str]], str] = Made(
            handover_steps
        )
        """By the keys of a hand-over's two steps: `Step → Step (Journey)`, as both
        departments' pages list it."""
        self.other: dict[tuple[str, str, str], str] = {}
        """Any other link, by target page, anchor and text."""


@dataclass(frozen=True)
class HtmlLinker(Links):
    """Links as finished HTML with final URLs, for generated blocks dense with links;
    all but same-page anchors come from the page's `DepthLinks`."""

    depth: DepthLinks = field(init=False)

    def __post_init__(self) -> None:
        prefix = paths.root_prefix(self.page, self.context.use_directory_urls)
        depth = self.context.html_links.get(prefix)
        if depth is None:
            depth = self.context.html_links[prefix] = DepthLinks(self.context, prefix)
        object.__setattr__(self, "depth", depth)

    def to(self, target_page: str, text: str, anchor: str = "") -> str:
        """A link with plain `text` to a page or anchor."""
        if anchor and target_page == self.page:
            return f'<a href="#{anchor}">{html_text(text)}</a>'
        key = (target_page, anchor, text)
        found = self.depth.other.get(key)
        if found is None:
            found = self.depth.other[key] = self.link(html_text(text), target_page, anchor)
        return found

    def department(self, department_id: str) -> str:
        """A link to a department's page."""
        return self.depth.departments[department_id]

    def touchpoint(self, touchpoint_id: str) -> str:
        """A link to a touchpoint's page."""
        return self.depth.touchpoints[touchpoint_id]

    def journey(self, journey: Journey) -> str:
        """A link to a journey's overview."""
        return self.depth.journeys[journey.id]

    def stage(self, journey: Journey, stage: Stage) -> str:
        """A link to a stage page."""
        return self.depth.stages[journey.id, stage.id]

    def step(self, place: Place, text: str = "") -> str:
        """A link to a step's section on its stage page."""
        if text:
            return super().step(place, text)
        page, link = self.depth.steps[place.key]
        if page == self.page:
            return f'<a href="#{place.step.id}">{html_text(place.step.name)}</a>'
        return link

    def step_url(self, place: Place) -> str:
        """A browser URL of a step's section."""
        page, url = self.depth.step_urls[place.key]
        return f"#{place.step.id}" if page == self.page else url

    def url(self, target_page: str, anchor: str = "") -> str:
        """The browser URL of a page or anchor."""
        if anchor and target_page == self.page:
            return f"#{anchor}"
        return self.depth.url(target_page, anchor)

    text = staticmethod(html_text)
    """Plain text as HTML (the escaping function itself: links call it a great deal)."""

    def strong(self, content: str) -> str:
        """HTML in bold."""
        return f"<strong>{content}</strong>"

    def link(self, label: str, target_page: str, anchor: str = "") -> str:
        """An HTML link to a generated page."""
        return f'<a href="{self.url(target_page, anchor)}">{label}</a>'

    def code(self, text: str) -> str:
        """Plain text as inline code."""
        return f"<code>{html_text(text)}</code>"
