"""What every page renderer needs: the graph, the labels, the URL style and a way to
link any entity from the page being written."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..graph import HandbookGraph, Place
from ..i18n import Labels
from ..links import EntityLinks
from ..model import Journey, Stage
from . import markdown, paths
from .text import html_text, md, md_link


@dataclass(frozen=True)
class Context:
    """Shared by all renderers of one build."""

    graph: HandbookGraph
    labels: Labels
    use_directory_urls: bool = True
    problems: tuple[str, ...] = ()
    """Errors of a broken edit under `mkdocs serve`, shown on the journeys index."""
    entity_links: EntityLinks = field(init=False)
    html_links: dict[str, dict[Any, str]] = field(init=False, default_factory=dict)
    """Finished HTML links by root prefix, then by target: pages at the same depth
    share them, and a handbook writes hundreds of thousands."""
    step_links: dict[str, dict[tuple[str, str], tuple[str, str]]] = field(
        init=False, default_factory=dict
    )
    """By root prefix, then step: the step's stage page and the link to its section."""

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
        return paths.relative_url(self.page, target_page, self.context.use_directory_urls, anchor)

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
        return self.url(paths.stage_page(place.journey.id, place.stage.id), place.step.id)

    def milestone(self, place: Place) -> str:
        """A link to a milestone on the milestone index."""
        assert place.step.milestone is not None
        anchor = paths.milestone_anchor(place.journey.id, place.step.milestone.id)
        return self.to(paths.MILESTONES, place.step.milestone.name, anchor)

    def departments(self, ids: tuple[str, ...] | list[str], owner: str | None = None) -> str:
        """Comma-separated department links, the owner marked."""
        mark = f" ({self.text(self.context.labels.owner_mark)})"
        return ", ".join(self.department(d) + (mark if d == owner else "") for d in ids)


@dataclass(frozen=True)
class Linker(Links):
    """Markdown links, which MkDocs checks and rewrites; and user Markdown fields."""

    def text(self, text: str) -> str:
        """Plain text as inline Markdown."""
        return md(text)

    def link(self, label: str, target_page: str, anchor: str = "") -> str:
        """A Markdown link to a generated page."""
        return md_link(label, paths.relative(self.page, target_page, anchor))

    @property
    def html(self) -> HtmlLinker:
        """The same page's links as finished HTML, for the blocks of `html.py`."""
        return HtmlLinker(self.context, self.page)

    def block(self, text: str) -> list[str]:
        """A Markdown field as lines of this page, entity links resolved, unsafe markup
        shown as text."""
        return markdown.block(text, self.context.entity_links, self.page)

    def inline(self, text: str) -> str:
        """A short Markdown field squeezed into one line of this page."""
        return " ".join(line.strip() for line in self.block(text) if line.strip())


@dataclass(frozen=True)
class HtmlLinker(Links):
    """Links as finished HTML with final URLs, for generated blocks dense with links.

    URLs go up to the site's root and down to the target (`../../departments/sales/`):
    the same from every page at one depth, so each link is built once per depth."""

    prefix: str = field(init=False)
    _links: dict[Any, str] = field(init=False)
    _steps: dict[tuple[str, str], tuple[str, str]] = field(init=False)

    def __post_init__(self) -> None:
        prefix = paths.root_prefix(self.page, self.context.use_directory_urls)
        object.__setattr__(self, "prefix", prefix)
        object.__setattr__(self, "_links", self.context.html_links.setdefault(prefix, {}))
        object.__setattr__(self, "_steps", self.context.step_links.setdefault(prefix, {}))

    def to(self, target_page: str, text: str, anchor: str = "") -> str:
        """A link with plain `text` to a page or anchor."""
        if anchor and target_page == self.page:
            return f'<a href="#{anchor}">{html_text(text)}</a>'
        key = (target_page, anchor, text)
        found = self._links.get(key)
        if found is None:
            found = self._links[key] = self.link(html_text(text), target_page, anchor)
        return found

    def _memo(self, key: tuple[str, ...], make: Callable[..., str], *args: Any) -> str:
        """The link under `key` for this depth, made once."""
        found = self._links.get(key)
        if found is None:
            found = self._links[key] = make(*args)
        return found

    def department(self, department_id: str) -> str:
        """A link to a department's page."""
        return self._memo(("department", department_id), super().department, department_id)

    def touchpoint(self, touchpoint_id: str) -> str:
        """A link to a touchpoint's page."""
        return self._memo(("touchpoint", touchpoint_id), super().touchpoint, touchpoint_id)

    def journey(self, journey: Journey) -> str:
        """A link to a journey's overview."""
        return self._memo(("journey", journey.id), super().journey, journey)

    def stage(self, journey: Journey, stage: Stage) -> str:
        """A link to a stage page."""
        return self._memo(("stage", journey.id, stage.id), super().stage, journey, stage)

    def step(self, place: Place, text: str = "") -> str:
        """A link to a step's section on its stage page."""
        if text:
            return super().step(place, text)
        found = self._steps.get(place.key)
        if found is None:
            page = paths.stage_page(place.journey.id, place.stage.id)
            url = self._site_url(page, place.step.id)
            link = f'<a href="{url}">{html_text(place.step.name)}</a>'
            found = self._steps[place.key] = (page, link)
        if found[0] == self.page:
            return f'<a href="#{place.step.id}">{html_text(place.step.name)}</a>'
        return found[1]

    def step_and_owner(self, place: Place) -> str:
        """A link to a step, followed by its owner's name: `Step (Department)`."""
        key = ("step-and-owner", place.key)
        found = self._links.get(key)
        if found is None:
            owner = place.step.owner_id
            found = self.step(place)
            if owner:
                found += f" ({html_text(self.context.graph.departments[owner].name)})"
            if found.startswith('<a href="#'):
                return found  # an anchor on this very page: not for other pages
            self._links[key] = found
        return found

    def url(self, target_page: str, anchor: str = "") -> str:
        """The browser URL of a page or anchor."""
        if anchor and target_page == self.page:
            return f"#{anchor}"
        return self._site_url(target_page, anchor)

    def _site_url(self, target_page: str, anchor: str = "") -> str:
        """The URL through the site's root, even to this very page."""
        url = self.prefix + paths.page_url(target_page, self.context.use_directory_urls) or "./"
        return f"{url}#{anchor}" if anchor else url

    def text(self, text: str) -> str:
        """Plain text as HTML."""
        return html_text(text)

    def strong(self, content: str) -> str:
        """HTML in bold."""
        return f"<strong>{content}</strong>"

    def link(self, label: str, target_page: str, anchor: str = "") -> str:
        """An HTML link to a generated page."""
        return f'<a href="{self.url(target_page, anchor)}">{label}</a>'

    def code(self, text: str) -> str:
        """Plain text as inline code."""
        return f"<code>{html_text(text)}</code>"
