"""The MkDocs plugin: glue between MkDocs events and the loader, validator and pages."""

from __future__ import annotations

import logging
import posixpath
from pathlib import Path
from typing import Any

from mkdocs.config.base import ConfigErrors, ConfigWarnings, ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel, file_sort_key
from mkdocs.structure.pages import Page
from mkdocs.utils import nest_paths

from .analysis import analyse, paused_gc
from .config import JourneyConfig
from .delivery import nav
from .delivery.extensions import ensure_extensions
from .diagnostics import Diagnostics, Pos, Severity
from .graph import HandbookGraph
from .i18n import Labels, labels_for
from .links import EntityLinks, unknown_link_warning
from .load import Loader
from .model import Handbook
from .paths import LOCAL_MERMAID
from .render.entity_links import rewrite
from .render.site import GeneratedPage, generate
from .render.switcher import CSS, STYLESHEET

log = logging.getLogger("mkdocs.plugins.journey")
"""Under `mkdocs`, so `--strict` counts its warnings; no prefix, so each line starts with
its file:line:column like every other diagnostic."""


class JourneyPlugin(BasePlugin[JourneyConfig]):
    """Turns the journeys folder into handbook pages."""

    def __init__(self) -> None:
        self.loader = Loader()
        self.graph: HandbookGraph | None = None
        self.serving = False
        self.pages: dict[str, GeneratedPage] = {}
        """This build's generated pages by source path, to put their HTML blocks back."""
        self.built: dict[str, int] = {}
        """A fingerprint of each generated page as the last build of this session wrote
        it: `mkdocs serve --dirty` rebuilds only the pages whose fingerprint changed."""

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[ConfigErrors, ConfigWarnings]:
        """Validate the options; an unknown option is an error, not a warning, so a typo
        never silently falls back to a default."""
        errors, warnings = super().load_config(options, config_file_path)
        unknown = [w for w in warnings if "Unrecognised configuration name" in str(w[1])]
        known = [w for w in warnings if w not in unknown]
        hint = "known options: " + ", ".join(name for name, _ in JourneyConfig._schema)
        errors += [
            (name, ValidationError(f"unknown option of the journey plugin ({hint})"))
            for name, _ in unknown
        ]
        return errors, known

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defining this keeps one plugin object across `mkdocs serve` rebuilds, so the
        loader's per-file cache survives and only edited files are parsed again."""
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Watch the journeys folder and make sure the Markdown extensions the pages
        rely on (tables, attribute lists, Mermaid fences) are enabled."""
        config.watch.append(str(self.journeys_dir(config)))
        ensure_extensions(config)
        config.extra_css.append(STYLESHEET)
        if self.config.mermaid_js:
            script = self.project_root(config) / self.config.mermaid_js
            if not script.is_file():
                raise PluginError(
                    f"journey: mermaid_js: no file at '{self.config.mermaid_js}' "
                    "(install it with 'npm install mermaid@11' or fix the path)"
                )
            config.extra_javascript.append(LOCAL_MERMAID)
        return config

    def journeys_dir(self, config: MkDocsConfig) -> Path:
        """The journeys folder, relative to mkdocs.yml."""
        return self.project_root(config) / self.config.journeys_dir

    @staticmethod
    def project_root(config: MkDocsConfig) -> Path:
        """The folder of mkdocs.yml, which diagnostics paths are relative to."""
        return Path(config.config_file_path or ".").resolve().parent

    def labels(self, config: MkDocsConfig) -> Labels:
        """The page labels: the configured language, else the theme's."""
        return labels_for(self.config.language or config.theme.get("language"))

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Load and check the journeys, then add every generated page."""
        with paused_gc():
            return self._add_pages(files, config)

    def _add_pages(self, files: Files, config: MkDocsConfig) -> Files:
        root = self.project_root(config)
        disabled = self.config.disabled_rules
        graph, diagnostics = analyse(self.loader, self.journeys_dir(config), root, disabled)
        problems: list[str] = []
        if graph is None:
            if not self.serving:
                raise PluginError(_report(diagnostics))
            problems = [str(d) for d in diagnostics.sorted() if d.severity is Severity.ERROR]
            for line in problems:
                log.error(line)
            graph = self.graph or HandbookGraph(Handbook())
        else:
            for warning in diagnostics.sorted():
                log.warning(str(warning))
        self.graph = graph
        labels = self.labels(config)
        pages = generate(graph, labels, config.use_directory_urls, problems)
        clashes = _clashes(files, pages, config, root)
        if clashes:
            raise PluginError(_report(clashes, "in the docs folder"))
        generated = {page.path for page in pages}
        placement = self._place(files, config, labels, generated)
        self.pages = {page.path: page for page in pages}
        edit_uris = _edit_uris({page.source for page in pages}, Path(config.docs_dir), root)
        built, self.built = self.built, {}
        for page in pages:
            in_nav = page.path in placement if placement is not None else page.in_nav
            file = _file(config, page, edit_uris, in_nav)
            fingerprint = hash((page.markdown, page.blocks, file.edit_uri, in_nav))
            file.changed = built.get(page.path) != fingerprint
            self.built[page.path] = fingerprint
            files.append(file)
        files.append(File.generated(config, STYLESHEET, content=CSS))
        if self.config.mermaid_js:
            script = str(root / self.config.mermaid_js)
            files.append(File.generated(config, LOCAL_MERMAID, abs_src_path=script))
        return files

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Resolve entity links (`[](department:sales)`) in hand-written pages."""
        if self.graph is None or page.file.generated_by is not None:
            return markdown
        resolved, unknown = rewrite(EntityLinks(self.graph), markdown, page.file.src_uri)
        if "unknown-link" not in self.config.disabled_rules:
            path = posixpath.join(
                _relative_docs(config, self.project_root(config)), page.file.src_uri
            )
            for problem in unknown:
                source = page.file.content_string
                log.warning(str(unknown_link_warning(path, source, markdown, problem)))
        return resolved

    @event_priority(100)
    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Give a generated page to the other plugins (search, for one) as its text:
        blocks without their links, views left out; `on_post_page` completes it."""
        generated = self._generated(page)
        return html if generated is None else generated.for_search(html)

    @event_priority(100)
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """Put every block and view in place once the search index has the page, so
        that a search finds each step in its own section rather than on every page
        that lists it."""
        generated = self._generated(page)
        return output if generated is None else generated.finish(output)

    def _generated(self, page: Page) -> GeneratedPage | None:
        if page.file.generated_by is None:
            return None
        return self.pages.get(page.file.src_uri)

    def _place(
        self, files: Files, config: MkDocsConfig, labels: Labels, generated: set[str]
    ) -> set[str] | None:
        """Set the nav; return the generated pages it names (None: keep page defaults)."""
        assert self.graph is not None
        if config.nav is None:
            user_pages = sorted(
                (f for f in files.documentation_pages() if f.inclusion.is_in_nav()),
                key=file_sort_key,
            )
            config.nav = nav.automatic(
                nest_paths(f.src_uri for f in user_pages),
                self.graph,
                labels,
                generated,
                self.config.nav_detail,
            )
            return None
        config.nav = nav.expand(
            config.nav, nav.sections(self.graph, labels, generated, self.config.nav_detail)
        )
        return nav.pages_in(config.nav) & generated


def _clashes(
    files: Files, pages: list[GeneratedPage], config: MkDocsConfig, root: Path
) -> Diagnostics:
    """Hand-written files that a generated page would replace: the same source path, or
    the same output file (docs/departments.md and departments/index.md both become
    departments/index.html)."""
    by_output = {f.dest_uri: f for f in files if f.generated_by is None}
    clashes = Diagnostics()
    for page in pages:
        output = File(page.path, None, "", config.use_directory_urls).dest_uri
        existing = by_output.get(output)
        if existing is None:
            continue
        where = Pos(posixpath.join(_relative_docs(config, root), existing.src_uri))
        clashes.error(
            where,
            f"page '{existing.src_uri}' would be replaced by the generated '{page.path}' "
            f"(both become '{output}')",
            "rename or move the hand-written page",
        )
    return clashes


def _edit_uris(sources: set[str | None], docs_dir: Path, root: Path) -> dict[str, str]:
    """Each YAML file's path relative to the docs folder: what edit links open."""
    docs = docs_dir.resolve().as_posix()
    return {
        source: posixpath.relpath((root / source).resolve().as_posix(), docs)
        for source in sources
        if source is not None
    }


class GeneratedFile(File):
    """A generated page's file: modified, for a dirty build, only if the page changed
    since the last build of this session (MkDocs counts every generated file as
    modified, so `mkdocs serve --dirty` would rebuild the whole handbook)."""

    changed = True

    def is_modified(self) -> bool:
        """Whether a dirty build must build this page again."""
        return self.changed or not Path(self.abs_dest_path).is_file()


def _file(
    config: MkDocsConfig, page: GeneratedPage, edit_uris: dict[str, str], in_nav: bool
) -> GeneratedFile:
    inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
    file = GeneratedFile.generated(config, page.path, content=page.markdown, inclusion=inclusion)
    assert isinstance(file, GeneratedFile)
    if page.source is not None:
        file.edit_uri = edit_uris[page.source]
    return file


def _relative_docs(config: MkDocsConfig, root: Path) -> str:
    try:
        return Path(config.docs_dir).resolve().relative_to(root).as_posix()
    except ValueError:
        return Path(config.docs_dir).as_posix()


def _report(diagnostics: Diagnostics, where: str = "in the journeys") -> str:
    lines = [str(d) for d in diagnostics.sorted()]
    count = len(diagnostics.errors)
    noun = "error" if count == 1 else "errors"
    return f"journey: {count} {noun} {where}:\n" + "\n".join(lines)
