"""The whole check of a journeys folder, shared by the plugin and the command line."""

from __future__ import annotations

from pathlib import Path

from .diagnostics import Diagnostics
from .loader import Loader
from .markup_check import check_markup
from .model import Handbook
from .validate import check_references


def analyse(loader: Loader, folder: Path, root: Path) -> tuple[Handbook, Diagnostics]:
    """Load, validate and lint; semantic checks run only on files that parsed cleanly."""
    handbook, diagnostics = loader.load(folder, root)
    if not diagnostics.errors:
        diagnostics.extend(check_references(handbook))
    if not diagnostics.errors:
        diagnostics.extend(check_markup(handbook))
    return handbook, diagnostics
