"""The whole check of a journeys folder, shared by the plugin and the command line."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterable, Iterator
from pathlib import Path

from .diagnostics import Diagnostics
from .graph import HandbookGraph
from .lint import lint
from .load import Loader, SourceFile
from .markup import prepared
from .model import Handbook
from .validate import check_references


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector during bulk work.

    Loading and rendering create millions of small acyclic objects; every full
    collection walks all of them, which made the work grow faster than the handbook
    (4x the steps took 7x the time). Reference counting still frees everything.

    At the end, what is still alive is frozen (moved out of the collector's sight):
    otherwise the first collection after the pause walks every object made during it,
    and every later full collection of the build walks the handbook again. What an
    earlier pause froze is thawed and collected first, so that a long `mkdocs serve`
    session does not keep the cyclic garbage of its earlier builds."""
    enabled = gc.isenabled()
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def analyse(
    loader: Loader, folder: Path, root: Path, disabled: Iterable[str] = ()
) -> tuple[HandbookGraph | None, Diagnostics]:
    """Load, validate and lint. The graph is None when there are errors; semantic
    checks run only when every file parsed cleanly."""
    return _checked(*loader.load(folder, root), disabled)


def analyse_sources(
    loader: Loader, sources: Iterable[SourceFile], disabled: Iterable[str] = ()
) -> tuple[HandbookGraph | None, Diagnostics]:
    """`analyse` for files read from anywhere (a Git revision, another folder)."""
    return _checked(*loader.load_sources(sources), disabled)


def validate_sources(
    loader: Loader, sources: Iterable[SourceFile]
) -> tuple[HandbookGraph | None, Diagnostics]:
    """Load and validate, without the method's lint: for comparing two handbooks, where
    warnings would only be thrown away."""
    return _validated(*loader.load_sources(sources))


def _validated(
    handbook: Handbook, diagnostics: Diagnostics
) -> tuple[HandbookGraph | None, Diagnostics]:
    if not diagnostics.errors:
        diagnostics.extend(check_references(handbook))
    if diagnostics.errors:
        return None, diagnostics
    return HandbookGraph(handbook), diagnostics


def _checked(
    handbook: Handbook, diagnostics: Diagnostics, disabled: Iterable[str]
) -> tuple[HandbookGraph | None, Diagnostics]:
    graph, diagnostics = _validated(handbook, diagnostics)
    if graph is not None:
        prepared.cache_clear()  # this handbook's texts only: lint fills it, pages read it
        diagnostics.extend(lint(graph, disabled))
    return graph, diagnostics
