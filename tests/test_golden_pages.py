"""Golden files: the Markdown of every generated page of a small handbook.

Run with UPDATE_GOLDEN=1 to rewrite the expected files after an intended change,
then review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mkdocs_journey.graph import HandbookGraph
from mkdocs_journey.i18n import ENGLISH
from mkdocs_journey.load import Loader
from mkdocs_journey.render.site import generate

FIXTURE = Path(__file__).parent / "fixtures" / "minimal"
GOLDEN = Path(__file__).parent / "golden" / "minimal"


def _pages() -> dict[str, str]:
    handbook, diagnostics = Loader().load(FIXTURE / "journeys", FIXTURE)
    assert not diagnostics
    return {p.path: p.document for p in generate(HandbookGraph(handbook), ENGLISH)}


PAGES = _pages()


@pytest.mark.parametrize("path", sorted(PAGES))
def test_page_matches_golden(path: str) -> None:
    """Each generated page is byte-identical to its reviewed golden file."""
    golden = GOLDEN / path
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(PAGES[path], encoding="utf-8")
    assert golden.exists(), f"no golden file for {path}: run with UPDATE_GOLDEN=1"
    assert PAGES[path] == golden.read_text(encoding="utf-8")


def test_no_golden_file_is_left_over() -> None:
    """Every golden file still corresponds to a generated page."""
    goldens = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md")}
    assert goldens == set(PAGES)
