"""`mkdocs-journey render OUT`: a complete docs folder (generated pages, and the
hand-written pages with entity links resolved) that any MkDocs-compatible builder can
build without this plugin, or that can be committed as plain docs."""

from __future__ import annotations

import os
import posixpath
import shutil
from pathlib import Path

from ..analysis import analyse, paused_gc
from ..graph import HandbookGraph
from ..i18n import labels_for
from ..links import links_of, unknown_link_warning
from ..load import Loader, relative_name
from ..paths import LOCAL_MERMAID
from ..project import Settings, UsageError
from ..render.entity_links import rewrite
from ..render.site import generate
from ..render.style import STYLESHEET, stylesheet

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


def run(settings: Settings, out: Path, force: bool) -> tuple[str, int]:
    """Write the folder; the summary (or the errors) and the exit code."""
    with paused_gc():
        return _render(settings, out, force)


def _render(settings: Settings, out: Path, force: bool) -> tuple[str, int]:
    _check_target(out, settings, force)
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
    pages = generate(
        graph,
        labels_for(settings.language),
        use_directory_urls,
        None,
        settings.map_max_steps,
        review_every=settings.review_every,
    )
    notes = [str(d) for d in diagnostics.sorted()]
    copied = 0
    if config is not None:
        copied = _copy_docs(Path(config.docs_dir), write, graph, {p.path for p in pages}, notes)
    for page in pages:
        write.text(page.path, page.document)
    write.text(STYLESHEET, stylesheet(graph.departments))
    if settings.mermaid_js is not None:
        shutil.copyfile(settings.mermaid_js, write.target(LOCAL_MERMAID))
    summary = f"wrote {len(pages)} generated and {copied} hand-written files to {out}"
    return "".join(f"{line}\n" for line in [*notes, summary]), 0


def _copy_docs(
    docs: Path, write: _Writer, graph: HandbookGraph, generated: set[str], notes: list[str]
) -> int:
    """Copy the hand-written docs, entity links resolved; returns how many files."""
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
    return len(files)
