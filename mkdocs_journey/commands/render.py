"""`mkdocs-journey render OUT`: a complete docs folder (generated pages, and the
hand-written pages with entity links resolved) that any MkDocs-compatible builder can
build without this plugin, or that can be committed as plain docs."""

from __future__ import annotations

import json
import os
import posixpath
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..analysis import analyse, paused_gc
from ..delivery import rendered_hook
from ..delivery.commits import commit_url
from ..delivery.files import edit_uris
from ..graph import HandbookGraph
from ..history import trace
from ..i18n import labels_for
from ..links import links_of, unknown_link_warning
from ..load import Loader, relative_name
from ..load.git_history import BlobStore, read_history
from ..paths import LOCAL_MERMAID
from ..project import Settings, UsageError
from ..render.entity_links import rewrite
from ..render.site import generate
from ..render.style import STYLESHEET, stylesheet
from .config_out import HOOK, written_config

MARKER = ".mkdocs-journey-render"
"""Written into OUT, so that `--force` only ever replaces a folder this command made."""


class Writer:
    """Writes files below a folder this command made (fresh, or kept up to date by
    `--watch`), making each subfolder once.

    The command made everything in it, so nothing in it is a link to elsewhere: a path
    is inside when its normalised form does not climb out, which needs no file-system
    call per file (a handbook writes hundreds)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.made = {""}

    def target(self, relative: str) -> Path:
        """Where `relative` goes; its folder exists."""
        clean = posixpath.normpath(relative)
        if clean in (".", "..") or clean.startswith(("../", "/")):
            raise UsageError(f"refusing to write outside {self.folder}: {relative}")
        parent = posixpath.dirname(clean)
        if parent not in self.made:
            (self.folder / parent).mkdir(parents=True, exist_ok=True)
            self.made.add(parent)
        return self.folder / clean


def _check_target(out: Path, settings: Settings, force: bool) -> None:
    """Refuse an OUT that is a file, holds the project's own files, or was not made here."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out} is a file, not a folder")
    target = out.resolve()
    journeys = settings.journeys_dir.resolve()
    protected = [journeys, Path.cwd().resolve()]
    if settings.config is not None:
        protected.append(Path(settings.config.docs_dir).resolve())
        protected.append(Path(settings.config.config_file_path or ".").resolve().parent)
    if target.is_relative_to(journeys) or any(f.is_relative_to(target) for f in protected):
        raise UsageError(f"refusing to write into {out}: it holds the project's own files")
    if out.exists() and any(out.iterdir()):
        if not force:
            raise UsageError(f"{out} is not empty (use --force to replace a previous render)")
        if not (out / MARKER).is_file():
            raise UsageError(f"{out} was not written by 'mkdocs-journey render'; not replacing it")


@dataclass
class Rendered:
    """Everything `render` writes, by path inside OUT, and what the summary says."""

    files: dict[str, bytes]
    notes: list[str]
    generated: int
    hand_written: list[str]
    graph: HandbookGraph
    in_nav: set[str]


def run(
    settings: Settings, out: Path, force: bool, config_out: Path | None = None
) -> tuple[str, int]:
    """Write the folder (and, with `config_out`, a configuration that builds it without
    the plugin); the summary (or the errors) and the exit code."""
    _check_target(out, settings, force)
    if config_out is not None and not out.resolve().is_relative_to(config_out.resolve().parent):
        raise UsageError(
            f"write --config-out in a folder that holds {out} (Zensical requires docs_dir "
            "inside the folder of its configuration), e.g. in the folder above it"
        )
    with paused_gc():
        rendered, errors = render_files(settings)
    if rendered is None:
        return errors, 1
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    write = Writer(out)
    for relative, data in rendered.files.items():
        write.target(relative).write_bytes(data)
    summary = (
        f"wrote {rendered.generated} generated and {len(rendered.hand_written)} "
        f"hand-written files to {out}"
    )
    if config_out is not None:
        _write_config(settings, rendered, out, config_out)
        summary += f", and the configuration {config_out}"
    return "".join(f"{line}\n" for line in [*rendered.notes, summary]), 0


def render_files(settings: Settings) -> tuple[Rendered | None, str]:
    """What `render` writes, in memory; or None and the errors, one diagnostic a line."""
    graph, diagnostics = analyse(
        Loader(),
        settings.journeys_dir,
        Path.cwd(),
        settings.disabled_rules,
        metrics_dir=settings.metrics_dir,
        freshness=settings.freshness(os.environ),
    )
    if graph is None:
        return None, "".join(f"{d}\n" for d in diagnostics.sorted())
    config = settings.config
    history = None
    if settings.history:
        folders = [settings.journeys_dir, *([settings.metrics_dir] if settings.metrics_dir else [])]
        history = trace(
            read_history(folders),
            BlobStore(),
            Loader(every_version=True),
            settings.journeys_dir,
            settings.metrics_dir,
        )
    pages = generate(
        graph,
        labels_for(settings.language),
        config.use_directory_urls if config else True,
        None,
        settings.map_max_steps,
        review_every=settings.review_every,
        history=history,
        history_count=settings.history,
        commit_url=commit_url(config.repo_url or "") if config else "",
        html_from_source=True,
    )
    files = {MARKER: b"Written by mkdocs-journey render; replaced by --force.\n"}
    notes = [str(d) for d in diagnostics.sorted()]
    hand_written: list[str] = []
    if config is not None:
        generated = {p.path for p in pages}
        hand_written = _copy_docs(Path(config.docs_dir), files, graph, generated, notes)
    docs_dir = Path(config.docs_dir) if config else Path.cwd() / "docs"
    sources = edit_uris({page.source for page in pages}, docs_dir, Path.cwd())
    for page in pages:
        edit_uri = sources[page.source] if page.source is not None else None
        files[page.path] = _with_edit_uri(page.document, edit_uri).encode("utf-8")
    files[STYLESHEET] = stylesheet(graph.departments).encode("utf-8")
    if settings.mermaid_js is not None:
        files[LOCAL_MERMAID] = settings.mermaid_js.read_bytes()
    in_nav = {p.path for p in pages if p.in_nav}
    return Rendered(files, notes, len(pages), hand_written, graph, in_nav), ""


def _with_edit_uri(document: str, edit_uri: str | None) -> str:
    """The page with its YAML file in its front matter, relative to the docs folder, as
    the plugin sets it: what the edit link opens (see `delivery.rendered_hook`)."""
    if edit_uri is None:
        return document
    return document.replace("---\n", f"---\nedit_uri: {json.dumps(edit_uri)}\n", 1)


def _write_config(settings: Settings, rendered: Rendered, out: Path, config_out: Path) -> None:
    config = settings.config
    config_path = Path(config.config_file_path) if config and config.config_file_path else None
    source = config_path.read_text(encoding="utf-8") if config_path else ""
    text = written_config(
        source,
        config_path,
        config_out,
        out,
        rendered.graph,
        labels_for(settings.language),
        rendered.in_nav,
        [page for page in rendered.hand_written if page.endswith(".md")],
        settings.nav_detail,
        settings.mermaid_js is not None,
    )
    config_out.parent.mkdir(parents=True, exist_ok=True)
    config_out.write_text(text, encoding="utf-8")
    hook = Path(rendered_hook.__file__).read_text(encoding="utf-8")
    (config_out.parent / HOOK).write_text(hook, encoding="utf-8")


def _copy_docs(
    docs: Path, files: dict[str, bytes], graph: HandbookGraph, generated: set[str], notes: list[str]
) -> list[str]:
    """The hand-written docs, entity links resolved, into `files`; returns their paths."""
    links = links_of(graph)
    found = sorted(p for p in docs.rglob("*") if p.is_file())
    for file in found:
        relative = file.relative_to(docs).as_posix()
        if relative in generated:
            raise UsageError(f"{file}: a hand-written page where a generated page goes")
        if file.suffix != ".md":
            files[relative] = file.read_bytes()
            continue
        source = file.read_text(encoding="utf-8")
        text, unknown = rewrite(links, source, relative)
        files[relative] = text.encode("utf-8")
        name = relative_name(file, Path.cwd())
        notes += [str(unknown_link_warning(name, source, source, u)) for u in unknown]
    return [file.relative_to(docs).as_posix() for file in found]
