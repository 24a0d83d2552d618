"""Golden files: the Markdown of every generated page of a small handbook, and the
journey pages of the same handbook mapped stage by stage (`map_max_steps` below its
size: a stage-level map on the overview, a step-level map on each stage page).

Run with UPDATE_GOLDEN=1 to rewrite the expected files after an intended change,
then review the diff.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest

from mkdocs_journey.analysis import analyse
from mkdocs_journey.graph import HandbookGraph
from mkdocs_journey.i18n import ENGLISH
from mkdocs_journey.load import Loader
from mkdocs_journey.metrics import Freshness
from mkdocs_journey.render.site import generate

FIXTURE = Path(__file__).parent / "fixtures" / "minimal"
GOLDEN = Path(__file__).parent / "golden" / "minimal"
BY_STAGE = Path(__file__).parent / "golden" / "minimal-by-stage"
METRICS_FIXTURE = Path(__file__).parent / "fixtures" / "metrics"
METRICS_GOLDEN = Path(__file__).parent / "golden" / "metrics"


def _pages(map_max_steps: int = 40) -> dict[str, str]:
    handbook, diagnostics = Loader().load(FIXTURE / "journeys", FIXTURE)
    assert not diagnostics
    pages = generate(HandbookGraph(handbook), ENGLISH, map_max_steps=map_max_steps)
    return {p.path: p.document for p in pages}


def _metric_pages() -> dict[str, str]:
    """A handbook with metrics, their data files and a review date: values on target,
    off target, without a target and without data; a single value (no change)."""
    graph, _ = analyse(
        Loader(),
        METRICS_FIXTURE / "journeys",
        METRICS_FIXTURE,
        metrics_dir=METRICS_FIXTURE / "metrics",
        freshness=Freshness(datetime.date(2026, 12, 1)),
    )
    assert graph is not None
    return {p.path: p.document for p in generate(graph, ENGLISH)}


PAGES = _pages()
METRIC_PAGES = _metric_pages()
STAGE_LEVEL = {path: page for path, page in _pages(map_max_steps=3).items() if "/" in path[9:]}
"""The pages of each journey (overview and stages) when journeys are mapped by stage."""


def _check(golden: Path, text: str) -> None:
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run with UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", sorted(PAGES))
def test_page_matches_golden(path: str) -> None:
    """Each generated page is byte-identical to its reviewed golden file."""
    _check(GOLDEN / path, PAGES[path])


@pytest.mark.parametrize("path", sorted(STAGE_LEVEL))
def test_journey_pages_mapped_by_stage_match_golden(path: str) -> None:
    """Above `map_max_steps`, the overview maps stages and each stage page its steps."""
    _check(BY_STAGE / path, STAGE_LEVEL[path])


@pytest.mark.parametrize("path", sorted(METRIC_PAGES))
def test_metric_pages_match_golden(path: str) -> None:
    """Metrics on the metrics page, stage pages, step sections, the map's metrics lane,
    the overview's health and review lines, the journeys index and department pages."""
    _check(METRICS_GOLDEN / path, METRIC_PAGES[path])


def test_no_golden_file_is_left_over() -> None:
    """Every golden file still corresponds to a generated page."""
    for folder, pages in ((GOLDEN, PAGES), (BY_STAGE, STAGE_LEVEL), (METRICS_GOLDEN, METRIC_PAGES)):
        goldens = {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")}
        assert goldens == set(pages)


def test_the_two_map_levels_differ_where_they_should() -> None:
    """Guard for the goldens above: the default overview has a step-level map and no
    stage-level one, the other the reverse; stage pages map steps only when asked."""
    overview = "journeys/buy/index.md"
    assert '<table class="journey-map" data-journey="buy" style=' in PAGES[overview]
    assert 'data-level="stage"' not in PAGES[overview]
    assert 'data-level="stage"' in STAGE_LEVEL[overview]
    assert 'class="journey-map"' not in PAGES["journeys/buy/discover.md"]
    assert 'class="journey-map"' in STAGE_LEVEL["journeys/buy/discover.md"]
    assert 'class="service-blueprint"' in PAGES["journeys/buy/discover.md"]
