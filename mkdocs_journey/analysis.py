"""The whole check of a journeys folder, shared by the plugin and the command line."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .diagnostics import Diagnostics
from .graph import HandbookGraph
from .lint import lint
from .loader import Loader
from .validate import check_references


def analyse(
    loader: Loader, folder: Path, root: Path, disabled: Iterable[str] = ()
) -> tuple[HandbookGraph | None, Diagnostics]:
    """Load, validate and lint. The graph is None when there are errors; semantic
    checks run only when every file parsed cleanly."""
    handbook, diagnostics = loader.load(folder, root)
    if not diagnostics.errors:
        diagnostics.extend(check_references(handbook))
    if diagnostics.errors:
        return None, diagnostics
    graph = HandbookGraph(handbook)
    diagnostics.extend(lint(graph, disabled))
    return graph, diagnostics
