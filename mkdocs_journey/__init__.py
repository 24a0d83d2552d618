"""mkdocs-journey: customer journeys as code, published as an MkDocs handbook."""

from .diagnostics import Diagnostic, Pos, Severity
from .graph import HandbookGraph
from .load import Loader
from .model import Handbook
from .validate import check_references

__all__ = [
    "Diagnostic",
    "Handbook",
    "HandbookGraph",
    "Loader",
    "Pos",
    "Severity",
    "check_references",
]
__version__ = "0.1.0"
