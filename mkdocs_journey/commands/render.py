"""`mkdocs-journey render OUT`: a complete docs folder (generated pages, and the
hand-written pages with entity links resolved) that any MkDocs-compatible builder can
build without this plugin, or that can be committed as plain docs."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..analysis import analyse
from ..i18n import labels_for
from ..links import EntityLinks
from ..loader import Loader
from ..plugin import LOCAL_MERMAID
from ..project import Settings, UsageError
from ..render.site import generate


def _inside(folder: Path, relative: str) -> Path:
    target = (folder / relative).resolve()
    if not target.is_relative_to(folder.resolve()):
        raise UsageError(f"refusing to write outside {folder}: {relative}")
    return target


def run(settings: Settings, out: Path, force: bool) -> tuple[str, int]:
    """Write the folder; the summary line (or the errors) and the exit code."""
    if out.exists() and any(out.iterdir()):
        if not force:
            raise UsageError(f"{out} is not empty (use --force to replace it)")
        shutil.rmtree(out)
    graph, diagnostics = analyse(
        Loader(), settings.journeys_dir, Path.cwd(), settings.disabled_rules
    )
    if graph is None:
        return "".join(f"{d}\n" for d in diagnostics.sorted()), 1
    config = settings.config
    use_directory_urls = config.use_directory_urls if config else True
    pages = generate(graph, labels_for(settings.language), use_directory_urls)
    generated = {page.path for page in pages}
    copied = 0
    if config is not None:
        docs = Path(config.docs_dir)
        links = EntityLinks(graph)
        for file in sorted(p for p in docs.rglob("*") if p.is_file()):
            relative = file.relative_to(docs).as_posix()
            if relative in generated:
                raise UsageError(f"{file}: a hand-written page where a generated page goes")
            target = _inside(out, relative)
            target.parent.mkdir(parents=True, exist_ok=True)
            if file.suffix == ".md":
                text, _ = links.rewrite(file.read_text(encoding="utf-8"), relative)
                target.write_text(text, encoding="utf-8")
            else:
                shutil.copyfile(file, target)
            copied += 1
    for page in pages:
        target = _inside(out, page.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    if settings.mermaid_js is not None:
        target = _inside(out, LOCAL_MERMAID)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(settings.mermaid_js, target)
    warnings = "".join(f"{d}\n" for d in diagnostics.sorted())
    return f"{warnings}wrote {len(pages)} generated and {copied} hand-written files to {out}\n", 0
