"""The whole check of a journeys folder, shared by the plugin and the command line."""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .diagnostics import Diagnostics
from .graph import HandbookGraph
from .lint import lint
from .load import Loader, SourceFile
from .load.metric_data import data_files, read_readings
from .markup import prepared
from .metrics import Freshness, reference_date
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
    loader: Loader,
    folder: Path,
    root: Path,
    disabled: Iterable[str] = (),
    *,
    metrics_dir: Path | None = None,
    freshness: Freshness | None = None,
) -> tuple[HandbookGraph | None, Diagnostics]:
    """Load, validate and lint, with the metric data of `metrics_dir` (a missing folder
    holds none). The graph is None when there are errors; semantic checks run only when
    every file parsed cleanly. The dated rules compare with `freshness` (by default
    the reference date of this process's environment)."""
    data = data_files(metrics_dir, root) if metrics_dir is not None else None
    return _checked(*loader.load(folder, root), data, disabled, freshness)


def analyse_sources(
    loader: Loader,
    sources: Iterable[SourceFile],
    disabled: Iterable[str] = (),
    data: Iterable[SourceFile] | None = None,
) -> tuple[HandbookGraph | None, Diagnostics]:
    """`analyse` for files read from anywhere (a Git revision, another folder)."""
    return _checked(*loader.load_sources(sources), data, disabled, None)


def validate_sources(
    loader: Loader, sources: Iterable[SourceFile], data: Iterable[SourceFile] | None = None
) -> tuple[HandbookGraph | None, Diagnostics]:
    """Load and validate, without the method's lint: for comparing two handbooks, where
    warnings would only be thrown away."""
    return _validated(*loader.load_sources(sources), data)


def _validated(
    handbook: Handbook, diagnostics: Diagnostics, data: Iterable[SourceFile] | None
) -> tuple[HandbookGraph | None, Diagnostics]:
    """`data` None: no data files were looked for (see `HandbookGraph.data_read`)."""
    if not diagnostics.errors:
        diagnostics.extend(check_references(handbook))
    readings = None
    if data is not None:
        readings, problems = read_readings(data, {metric.id for metric in handbook.metrics})
        diagnostics.extend(problems)
    if diagnostics.errors:
        return None, diagnostics
    return HandbookGraph(handbook, readings), diagnostics


def _checked(
    handbook: Handbook,
    diagnostics: Diagnostics,
    data: Iterable[SourceFile] | None,
    disabled: Iterable[str],
    freshness: Freshness | None,
) -> tuple[HandbookGraph | None, Diagnostics]:
    graph, diagnostics = _validated(handbook, diagnostics, data)
    if graph is not None:
        prepared.cache_clear()  # this handbook's texts only: lint fills it, pages read it
        dated = freshness or Freshness(reference_date(os.environ))
        diagnostics.extend(lint(graph, disabled, dated))
    return graph, diagnostics
