"""What every page renderer needs: the graph, the labels, the URL style, and one link
object per page that links any entity from it, as Markdown or as finished HTML.

Where an entity lives is `links.Targets`' to know; this module only writes links to
targets, and writes each one once per depth of the site."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .. import paths
from ..graph import HandbookGraph, Place
from ..history import HandbookHistory
from ..i18n import Labels
from ..links import EntityLinks, Made, Target, Targets, links_of
from ..model import Journey, Stage
from ..text import html_text, md, md_link
from . import markdown
from .html import Line

T = TypeVar("T")


@dataclass(frozen=True)
class Context:
    """Shared by all renderers of one build."""

    graph: HandbookGraph
    labels: Labels
    use_directory_urls: bool = True
    problems: tuple[str, ...] = ()
    """Errors of a broken edit under `mkdocs serve`, shown on the journeys index."""
    map_max_steps: int = 40
    """Above this many steps a journey's map shows stages; its stage pages map steps."""
    plain_as_html: bool = False
    """Whether a plain one-line Markdown field may be written as its finished paragraph
    (`markdown.is_plain`): only when the site's Markdown extensions cannot give its
    words a meaning (the plugin checks them); never in `render`'s files, which are
    meant to stay Markdown a person can read."""
    review_every: int = 180
    """Days from a journey's review to the next one due (shown, never compared)."""
    history: HandbookHistory | None = None
    """What each commit did to the handbook; None when history is off."""
    history_count: int = 10
    """Changes shown per journey (twice as many on the changes page)."""
    commit_url: str = ""
    """The address a commit's full hash is appended to, when the host is known."""
    html_from_source: bool = False
    """Write the links of HTML blocks as links to the target's source file, relative
    to the page's own (`../departments/sales.md#intake`), not as browser URLs: what
    `render` writes. Zensical resolves them as it resolves Markdown links; MkDocs and
    ProperDocs leave raw HTML as it is, so the configuration `render --config-out`
    writes adds a hook that resolves them the same way (`delivery.rendered_hook`). Diagram
    links, which the browser resolves, stay browser URLs."""
    entity_links: EntityLinks = field(init=False)
    targets: Targets = field(init=False)
    depths: dict[str, DepthLinks] = field(init=False, default_factory=dict)
    """URLs and HTML links by root prefix: pages at the same depth share them."""
    shown: dict[tuple[str, bool], str] = field(init=False, default_factory=dict)
    """Each metric as shown, after its link (by metric id, and whether in full): the
    same on every page that names it."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "entity_links", links_of(self.graph))
        object.__setattr__(self, "targets", self.entity_links.targets)

    def depth(self, page: str) -> DepthLinks:
        """The links shared by every page at `page`'s depth."""
        prefix = paths.root_prefix(page, self.use_directory_urls)
        source_prefix = "../" * page.count("/") if self.html_from_source else None
        key = f"{prefix}|{source_prefix}"
        found = self.depths.get(key)
        if found is None:
            found = self.depths[key] = DepthLinks(prefix, self.use_directory_urls, source_prefix)
        return found


class DepthLinks:
    """URLs and finished HTML links from any page at one depth of the site.

    Their URLs go up to the site's root and down to the target
    (`../../departments/sales/`): the same from every page at that depth, so each is
    made once per depth, cached on (target page, anchor), and a handbook writes hundreds
    of thousands. The tables close over plain values, never over this object: nothing
    here is a reference cycle (see `analysis.paused_gc`)."""

    def __init__(
        self, prefix: str, use_directory_urls: bool, source_prefix: str | None = None
    ) -> None:
        def url(key: tuple[str, str]) -> str:
            page, anchor = key
            found = prefix + paths.page_url(page, use_directory_urls) or "./"
            return f"{found}#{anchor}" if anchor else found

        def source_link(key: tuple[str, str]) -> str:
            page, anchor = key
            found = f"{source_prefix}{page}"
            return f"{found}#{anchor}" if anchor else found

        urls: Made[tuple[str, str], str] = Made(url)
        self.urls = urls
        """By (target page, anchor): the browser URL."""
        html_urls = urls if source_prefix is None else Made(source_link)
        self.html_urls = html_urls
        """By (target page, anchor): the URL written in an HTML block (see
        `Context.html_from_source`)."""
        self.anchors: Made[Target, str] = Made(
            lambda target: (
                f'<a href="{html_urls[target.page, target.anchor]}">{html_text(target.name)}</a>'
            )
        )
        """By target: the finished HTML link, its text the entity's name."""
        self.tables: dict[str, Any] = {}
        """What page kinds keep per depth (a department page's neighbours, the cells
        maps and blueprints share), by name."""

    def table(self, name: str, make: Callable[[Any], Any]) -> Made[Any, Any]:
        """The named table of this depth, made on first use with `make`."""
        found = self.tables.get(name)
        if found is None:
            found = self.tables[name] = Made(make)
        return found

    def shared(self, name: str, make: Callable[[], T]) -> T:
        """The named object of this depth, made on first use. `make` must close over no
        page object (see the class's note on reference cycles)."""
        found = self.tables.get(name)
        if found is None:
            found = self.tables[name] = make()
        return found


class Links:
    """Links from one page to the entities of the handbook. Each entity's link is
    written once, here, from its target; the subclass decides the format (Markdown, which
    MkDocs checks and rewrites, or finished HTML)."""

    def __init__(self, context: Context, page: str) -> None:
        self.context = context
        self.page = page
        self.targets = context.targets
        self.depth = context.depth(page)

    def text(self, text: str) -> str:
        """Plain text in this format."""
        raise NotImplementedError

    def target(self, target: Target, text: str = "") -> str:
        """A link to a target, its text the entity's name unless `text` is given."""
        raise NotImplementedError

    def link(self, label: str, target_page: str, anchor: str = "") -> str:
        """A link whose label is already in this format."""
        raise NotImplementedError

    def to(self, target_page: str, text: str, anchor: str = "") -> str:
        """A link with plain `text` to a page or anchor."""
        return self.target(Target(target_page, anchor, text))

    def url(self, target_page: str, anchor: str = "") -> str:
        """A browser URL, for places MkDocs does not rewrite (HTML, Mermaid click links)."""
        if anchor and target_page == self.page:
            return f"#{anchor}"
        return self.depth.urls[target_page, anchor]

    def html_url(self, target_page: str, anchor: str = "") -> str:
        """The URL of an HTML block's link (see `Context.html_from_source`)."""
        if anchor and target_page == self.page:
            return f"#{anchor}"
        return self.depth.html_urls[target_page, anchor]

    def step_url(self, place: Place) -> str:
        """A browser URL of a step's section."""
        target = self.targets.step[place.key]
        return self.url(target.page, target.anchor)

    def department(self, department_id: str) -> str:
        """A link to a department's page."""
        return self.target(self.targets.department[department_id])

    def touchpoint(self, touchpoint_id: str) -> str:
        """A link to a touchpoint's page."""
        return self.target(self.targets.touchpoint[touchpoint_id])

    def persona(self, persona_id: str) -> str:
        """A link to a persona's page."""
        return self.target(self.targets.persona[persona_id])

    def phase(self, phase_id: str) -> str:
        """A link to a phase on the phases page."""
        return self.target(self.targets.phase[phase_id])

    def metric(self, metric_id: str) -> str:
        """A link to a metric's entry on the metrics page."""
        return self.target(self.targets.metric[metric_id])

    def journey(self, journey: Journey) -> str:
        """A link to a journey's overview."""
        return self.target(self.targets.journey[journey.id])

    def stage(self, journey: Journey, stage: Stage) -> str:
        """A link to a stage page."""
        return self.target(self.targets.stage[journey.id, stage.id])

    def step(self, place: Place, text: str = "") -> str:
        """A link to a step's section on its stage page."""
        return self.target(self.targets.step[place.key], text)

    def milestone(self, place: Place) -> str:
        """A link to a milestone on the milestone index."""
        assert place.step.milestone is not None
        return self.target(self.targets.milestone[place.journey.id, place.step.milestone.id])

    def departments(self, ids: tuple[str, ...] | list[str], owner: str | None = None) -> str:
        """Comma-separated department links, the owner marked."""
        mark = f" ({self.text(self.context.labels.owner_mark)})"
        return ", ".join([self.department(d) + (mark if d == owner else "") for d in ids])


class Linker(Links):
    """Markdown links, which MkDocs checks and rewrites; and user Markdown fields."""

    text = staticmethod(md)
    """Plain text as inline Markdown."""

    def target(self, target: Target, text: str = "") -> str:
        """A Markdown link to a target."""
        url = paths.relative(self.page, target.page, target.anchor)
        return md_link(md(text or target.name), url)

    def link(self, label: str, target_page: str, anchor: str = "") -> str:
        """A Markdown link to a generated page."""
        return md_link(label, paths.relative(self.page, target_page, anchor))

    @functools.cached_property
    def html(self) -> HtmlLinker:
        """The same page's links as finished HTML, for the blocks of `html.py`."""
        return HtmlLinker(self.context, self.page)

    def block(self, text: str) -> list[Line]:
        """A Markdown field as lines of this page, entity links resolved, unsafe markup
        shown as text (a plain sentence as finished HTML, when the build allows it)."""
        context = self.context
        return markdown.block(text, context.entity_links, self.page, context.plain_as_html)

    def plain_html(self, text: str) -> str | None:
        """A Markdown field as finished inline HTML when it is a plain sentence and the
        build allows it (`Context.plain_as_html`); else None: it must stay Markdown."""
        return markdown.plain_html(text) if self.context.plain_as_html else None

    def inline(self, text: str) -> str:
        """A short Markdown field squeezed into one line of this page."""
        lines = markdown.block(text, self.context.entity_links, self.page)
        return " ".join(line.strip() for line in lines if isinstance(line, str) and line.strip())


class HtmlLinker(Links):
    """Links as finished HTML with final URLs, for generated blocks dense with links."""

    text = staticmethod(html_text)
    """Plain text as HTML (the escaping function itself: links call it a great deal)."""

    def target(self, target: Target, text: str = "") -> str:
        """An HTML link to a target: a same-page anchor, or the depth's finished link."""
        if target.anchor and target.page == self.page:
            return f'<a href="#{target.anchor}">{html_text(text or target.name)}</a>'
        if text:
            target = Target(target.page, target.anchor, text)
        return self.depth.anchors[target]

    def link(self, label: str, target_page: str, anchor: str = "") -> str:
        """An HTML link to a generated page."""
        return f'<a href="{self.html_url(target_page, anchor)}">{label}</a>'

    def strong(self, content: str) -> str:
        """HTML in bold."""
        return f"<strong>{content}</strong>"

    def code(self, text: str) -> str:
        """Plain text as inline code."""
        return f"<code>{html_text(text)}</code>"
