"""The MkDocs plugin: glue between MkDocs events and the loader, validator and pages."""

from __future__ import annotations

import logging
import os
import posixpath
from pathlib import Path
from typing import Any

from mkdocs.config.base import ConfigErrors, ConfigWarnings, ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, file_sort_key
from mkdocs.structure.pages import Page
from mkdocs.utils import nest_paths

from .analysis import analyse, paused_gc
from .config import JourneyConfig
from .delivery import nav, search
from .delivery.commits import commit_url
from .delivery.extensions import ensure_extensions, plain_paragraphs_unchanged
from .delivery.files import Fingerprints, clashes, edit_uris, relative_docs, served_file
from .diagnostics import Diagnostics, Severity
from .graph import HandbookGraph
from .history import HandbookHistory, trace
from .i18n import Labels, labels_for
from .links import links_of, unknown_link_warning
from .load import Loader
from .load.git_history import BlobStore, read_history
from .metrics import Freshness, reference_date
from .model import Handbook
from .paths import LOCAL_MERMAID
from .render.entity_links import rewrite
from .render.site import GeneratedPage, generate
from .render.style import STYLESHEET, stylesheet

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
        self.fingerprints = Fingerprints()
        self.blobs = BlobStore()
        """File versions read from Git, kept across `mkdocs serve` rebuilds."""
        self.history_loader = Loader(every_version=True, fallback=self.loader)

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
        """Watch the journeys and metrics folders and make sure the Markdown extensions the pages
        rely on (tables, attribute lists, Mermaid fences) are enabled."""
        config.watch.append(str(self.journeys_dir(config)))
        metrics = self.project_root(config) / self.config.metrics_dir
        if metrics.is_dir():
            config.watch.append(str(metrics))
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
        options = self.config
        graph, diagnostics = analyse(
            self.loader,
            self.journeys_dir(config),
            root,
            disabled,
            metrics_dir=root / options.metrics_dir,
            freshness=Freshness(
                reference_date(os.environ), options.metrics_max_age, options.review_every
            ),
        )
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
        history = self._history(config, root, graph) if options.history else None
        pages = generate(
            graph,
            labels,
            config.use_directory_urls,
            problems,
            self.config.map_max_steps,
            plain_as_html=plain_paragraphs_unchanged(config),
            review_every=options.review_every,
            history=history,
            history_count=options.history,
            commit_url=commit_url(config.repo_url or ""),
        )
        problems_here = clashes(files, pages, config, root)
        if problems_here:
            raise PluginError(_report(problems_here, "in the docs folder"))
        generated = {page.path for page in pages}
        placement = self._place(files, config, labels, generated)
        self.pages = {page.path: page for page in pages}
        sources = edit_uris({page.source for page in pages}, Path(config.docs_dir), root)
        served = []
        for page in pages:
            in_nav = page.path in placement if placement is not None else page.in_nav
            served.append((page, served_file(config, page, sources, in_nav), in_nav))
        self.fingerprints.mark(served)
        for _, file, _ in served:
            files.append(file)
        files.append(File.generated(config, STYLESHEET, content=stylesheet(graph.departments)))
        if self.config.mermaid_js:
            script = str(root / self.config.mermaid_js)
            files.append(File.generated(config, LOCAL_MERMAID, abs_src_path=script))
        return files

    def _history(self, config: MkDocsConfig, root: Path, graph: HandbookGraph) -> HandbookHistory:
        """What each commit did to the handbook (and, under `mkdocs serve`, what the
        working tree changed since), with one INFO line when history is missing."""
        metrics = root / self.config.metrics_dir
        found = read_history([self.journeys_dir(config), metrics])
        history = trace(
            found,
            self.blobs,
            self.history_loader,
            self.journeys_dir(config),
            metrics,
            graph if self.serving else None,
        )
        if history.missing or history.shallow:
            log.info("journey: history: %s", history.missing or "shallow clone")
        return history

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Resolve entity links (`[](department:sales)`) in hand-written pages."""
        if self.graph is None or page.file.generated_by is not None:
            return markdown
        resolved, unknown = rewrite(links_of(self.graph), markdown, page.file.src_uri)
        if "unknown-link" not in self.config.disabled_rules:
            path = posixpath.join(
                relative_docs(config, self.project_root(config)), page.file.src_uri
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
        return html if generated is None else search.for_search(generated, html)

    @event_priority(100)
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """Put every block and view in place once the search index has the page, so
        that a search finds each step in its own section rather than on every page
        that lists it."""
        generated = self._generated(page)
        return output if generated is None else search.finish(generated, output)

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


def _report(diagnostics: Diagnostics, where: str = "in the journeys") -> str:
    lines = [str(d) for d in diagnostics.sorted()]
    count = len(diagnostics.errors)
    noun = "error" if count == 1 else "errors"
    return f"journey: {count} {noun} {where}:\n" + "\n".join(lines)
