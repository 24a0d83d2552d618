"""The generated pages as files MkDocs serves: in-memory files with edit links to their
YAML, modified for `mkdocs serve --dirty` only when their content changed, and never
replacing a hand-written page."""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from ..diagnostics import Diagnostics, Pos
from ..render.site import GeneratedPage


class Fingerprints:
    """What each generated page looked like when this `mkdocs serve` session last built
    it: `--dirty` rebuilds only the pages whose fingerprint changed."""

    def __init__(self) -> None:
        self.built: dict[str, int] = {}

    def mark(self, served: list[tuple[GeneratedPage, GeneratedFile, bool]]) -> None:
        """Mark each file of this build (its page, file and nav placement) changed or
        not since the last build, and remember this build's pages for the next."""
        last, self.built = self.built, {}
        for page, file, in_nav in served:
            fingerprint = hash((page.markdown, page.blocks, file.edit_uri, in_nav))
            file.changed = last.get(page.path) != fingerprint
            self.built[page.path] = fingerprint


def clashes(
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
        where = Pos(posixpath.join(relative_docs(config, root), existing.src_uri))
        clashes.error(
            where,
            f"page '{existing.src_uri}' would be replaced by the generated '{page.path}' "
            f"(both become '{output}')",
            "rename or move the hand-written page",
        )
    return clashes


def edit_uris(sources: set[str | None], docs_dir: Path, root: Path) -> dict[str, str]:
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


def served_file(
    config: MkDocsConfig, page: GeneratedPage, edit_uris: dict[str, str], in_nav: bool
) -> GeneratedFile:
    inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
    file = GeneratedFile.generated(config, page.path, content=page.markdown, inclusion=inclusion)
    assert isinstance(file, GeneratedFile)
    if page.source is not None:
        file.edit_uri = edit_uris[page.source]
    return file


def relative_docs(config: MkDocsConfig, root: Path) -> str:
    try:
        return Path(config.docs_dir).resolve().relative_to(root).as_posix()
    except ValueError:
        return Path(config.docs_dir).as_posix()
