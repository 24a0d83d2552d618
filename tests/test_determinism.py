"""Determinism across processes: the same input renders byte-identical output in two
Python processes with different hash seeds, so no set or dict order of str hashes can
leak into a page (one process with one seed could never show it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.conftest import FIXTURES, REPO
from tests.test_properties import handbooks

SEEDS = ("1", "4242")


def _files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _render(config: Path, out: Path, seed: str) -> dict[str, bytes]:
    """`mkdocs-journey render` in a fresh process with the given hash seed."""
    subprocess.run(
        [sys.executable, "-m", "mkdocs_journey.cli", "render", str(out), "--config", str(config)],
        cwd=config.parent,
        env={**os.environ, "PYTHONHASHSEED": seed},
        check=True,
        capture_output=True,
    )
    return _files(out)


def test_sample_handbook_renders_identically_under_two_hash_seeds(tmp_path: Path) -> None:
    """The sample handbook and the user guide, rendered by two processes, byte for byte."""
    first, second = (_render(REPO / "mkdocs.yml", tmp_path / seed, seed) for seed in SEEDS)
    assert len(first) > 80
    assert first.keys() == second.keys()
    assert [path for path in first if first[path] != second[path]] == []


def test_minimal_fixture_renders_identically_under_two_hash_seeds(tmp_path: Path) -> None:
    """The golden fixture too: its Markdown-only configuration, other URL style."""
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# Home\n")
    (project / "mkdocs.yml").write_text(
        "site_name: T\nuse_directory_urls: false\nplugins:\n  - journey\n"
    )
    (project / "journeys").symlink_to(FIXTURES / "minimal" / "journeys")
    first, second = (_render(project / "mkdocs.yml", tmp_path / seed, seed) for seed in SEEDS)
    assert first == second and len(first) > 10


RENDER_EACH = """
import json, sys
from mkdocs_journey.analysis import analyse_sources
from mkdocs_journey.i18n import ENGLISH
from mkdocs_journey.load import Loader, SourceFile
from mkdocs_journey.render.site import generate

pages = []
for text in json.load(sys.stdin):
    data = text.encode()
    graph, _ = analyse_sources(Loader(), [SourceFile("journeys/h.yml", len(data), lambda: data)])
    pages.append({page.path: page.document for page in generate(graph, ENGLISH)})
print(json.dumps(pages))
"""


def _pages_in_fresh_process(texts: list[str], seed: str) -> list[dict[str, str]]:
    result = subprocess.run(
        [sys.executable, "-c", RENDER_EACH],
        input=json.dumps(texts),
        env={**os.environ, "PYTHONHASHSEED": seed},
        capture_output=True,
        text=True,
        check=True,
    )
    pages: list[dict[str, str]] = json.loads(result.stdout)
    return pages


@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    phases=[Phase.explicit, Phase.generate],  # shrinking would start hundreds of processes
)
@given(st.lists(handbooks(), min_size=5, max_size=8))
def test_random_handbooks_render_identically_under_two_hash_seeds(texts: list[str]) -> None:
    """Random valid handbooks (random names, departments, branches and milestones), each
    rendered by two processes with different hash seeds, give the same pages."""
    first, second = (_pages_in_fresh_process(texts, seed) for seed in SEEDS)
    assert len(first) == len(texts) >= 5 and all(pages for pages in first)
    assert first == second
