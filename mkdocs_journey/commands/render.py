"""`mkdocs-journey render OUT`: a complete docs folder (generated pages, and the
hand-written pages with entity links resolved) that any MkDocs-compatible builder can
build without this plugin, or that can be committed as plain docs."""

from __future__ import annotations

import os
import posixpath
import shutil
from pathlib import Path

from ..analysis import analyse, paused_gc
from ..delivery.commits import commit_url
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
from .config_out import written_config

MARKER = ".mkdocs-journey-render"
"""Written into OUT, so that `--force` only ever replaces a folder this command made."""


class _Writer:
    """Writes files below one fresh folder, making each subfolder once.

    The folder was just created, so nothing in it is a link to elsewhere: a path is
    inside when its normalised form does not climb out, which needs no file-system
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

    def text(self, relative: str, text: str) -> None:
        """Write a UTF-8 text file."""
        self.target(relative).write_text(text, encoding="utf-8")


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


def run(
    settings: Settings, out: Path, force: bool, config_out: Path | None = None
) -> tuple[str, int]:
    """Write the folder (and, with `config_out`, a configuration that builds it without
    the plugin); the summary (or the errors) and the exit code."""
    with paused_gc():
        return _render(settings, out, force, config_out)


def _render(settings: Settings, out: Path, force: bool, config_out: Path | None) -> tuple[str, int]:
    _check_target(out, settings, force)
    if config_out is not None and not out.resolve().is_relative_to(config_out.resolve().parent):
        raise UsageError(
            f"write --config-out in a folder that holds {out} (Zensical requires docs_dir "
            "inside the folder of its configuration), e.g. in the folder above it"
        )
    graph, diagnostics = analyse(
        Loader(),
        settings.journeys_dir,
        Path.cwd(),
        settings.disabled_rules,
        metrics_dir=settings.metrics_dir,
        freshness=settings.freshness(os.environ),
    )
    if graph is None:
        return "".join(f"{d}\n" for d in diagnostics.sorted()), 1
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    write = _Writer(out)
    write.text(MARKER, "Written by mkdocs-journey render; replaced by --force.\n")
    config = settings.config
    use_directory_urls = config.use_directory_urls if config else True
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
        use_directory_urls,
        None,
        settings.map_max_steps,
        review_every=settings.review_every,
        history=history,
        history_count=settings.history,
        commit_url=commit_url(config.repo_url or "") if config else "",
    )
    notes = [str(d) for d in diagnostics.sorted()]
    hand_written: list[str] = []
    if config is not None:
        hand_written = _copy_docs(
            Path(config.docs_dir), write, graph, {p.path for p in pages}, notes
        )
    copied = len(hand_written)
    for page in pages:
        write.text(page.path, page.document)
    write.text(STYLESHEET, stylesheet(graph.departments))
    if settings.mermaid_js is not None:
        shutil.copyfile(settings.mermaid_js, write.target(LOCAL_MERMAID))
    summary = f"wrote {len(pages)} generated and {copied} hand-written files to {out}"
    if config_out is not None:
        config_path = Path(config.config_file_path) if config and config.config_file_path else None
        source = config_path.read_text(encoding="utf-8") if config_path else ""
        text = written_config(
            source,
            config_path,
            config_out,
            out,
            graph,
            labels_for(settings.language),
            {p.path for p in pages if p.in_nav},
            [page for page in hand_written if page.endswith(".md")],
            settings.nav_detail,
            settings.mermaid_js is not None,
        )
        config_out.parent.mkdir(parents=True, exist_ok=True)
        config_out.write_text(text, encoding="utf-8")
        summary += f", and the configuration {config_out}"
    return "".join(f"{line}\n" for line in [*notes, summary]), 0


def _copy_docs(
    docs: Path, write: _Writer, graph: HandbookGraph, generated: set[str], notes: list[str]
) -> list[str]:
    """Copy the hand-written docs, entity links resolved; returns their paths."""
    links = links_of(graph)
    files = sorted(p for p in docs.rglob("*") if p.is_file())
    for file in files:
        relative = file.relative_to(docs).as_posix()
        if relative in generated:
            raise UsageError(f"{file}: a hand-written page where a generated page goes")
        if file.suffix != ".md":
            shutil.copyfile(file, write.target(relative))
            continue
        source = file.read_text(encoding="utf-8")
        text, unknown = rewrite(links, source, relative)
        write.text(relative, text)
        name = relative_name(file, Path.cwd())
        notes += [str(unknown_link_warning(name, source, source, u)) for u in unknown]
    return [file.relative_to(docs).as_posix() for file in files]
