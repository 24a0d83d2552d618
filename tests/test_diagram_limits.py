"""Diagrams stay inside Mermaid's limits (50 000 characters, 500 edges) whatever the
handbook's size or fan-out, degrading on purpose and saying so on the page."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from mkdocs_journey.graph import HandbookGraph
from mkdocs_journey.i18n import ENGLISH
from mkdocs_journey.load import Loader
from mkdocs_journey.render.site import generate
from tests import hostile

BLOCK = re.compile(r'<pre class="mermaid"><code>(.*?)</code></pre>', re.S)
PUNCTUATION_NAME = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~" * 2


def pages_of(folder: Path) -> dict[str, str]:
    handbook, diagnostics = Loader().load(folder, folder.parent)
    assert not diagnostics.errors, diagnostics.errors
    return {page.path: page.document for page in generate(HandbookGraph(handbook), ENGLISH)}


def assert_within_limits(pages: dict[str, str]) -> tuple[int, int, int]:
    """Every block under Mermaid's limits; returns (blocks, largest size, most edges)."""
    sizes, edges = [], []
    for path, markdown in pages.items():
        for escaped in BLOCK.findall(markdown):
            block = html.unescape(escaped)
            sizes.append(len(block))
            edges.append(block.count("-->") + block.count("-.->"))
            assert sizes[-1] < 50_000, (path, sizes[-1])
            assert edges[-1] < 500, (path, edges[-1])
    return len(sizes), max(sizes), max(edges)


def write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


CATALOGUE = "departments:\n  - id: d\n    name: D\ntouchpoints:\n  - id: t\n    name: T\n"


def test_hostile_handbook_diagrams_fit(tmp_path: Path) -> None:
    """The hostile handbook (200-step stage, 60 stages) stays within the limits."""
    hostile.write(tmp_path / "journeys")
    blocks, _, _ = assert_within_limits(pages_of(tmp_path / "journeys"))
    assert blocks > 80


def test_punctuation_names_are_measured_after_escaping(tmp_path: Path) -> None:
    """50 steps named with nothing but punctuation (each character an entity) still fit."""
    steps = "".join(
        f"        - id: s{i}\n          name: {json.dumps(PUNCTUATION_NAME)}\n          departments: d\n"
        for i in range(200)
    )
    write(tmp_path / "journeys", "c.yml", CATALOGUE)
    write(
        tmp_path / "journeys",
        "j.yml",
        f"journey:\n  id: j\n  name: J\n  stages:\n    - id: s\n      name: S\n      steps:\n{steps}",
    )
    pages = pages_of(tmp_path / "journeys")
    assert_within_limits(pages)
    assert "Part 1 of" in pages["journeys/j/s.md"]


def test_huge_fan_out_is_summed_up(tmp_path: Path) -> None:
    """A step leading to 600 others draws 20 edges and a '+580 more' node."""
    targets = ", ".join(f"t{i}" for i in range(600))
    steps = f"        - id: hub\n          name: Hub\n          departments: d\n          next: [{targets}]\n"
    steps += "".join(
        f"        - id: t{i}\n          name: T{i}\n          departments: d\n          next: [hub]\n"
        for i in range(600)
    )
    write(tmp_path / "journeys", "c.yml", CATALOGUE)
    write(
        tmp_path / "journeys",
        "j.yml",
        f"journey:\n  id: j\n  name: J\n  stages:\n    - id: a\n      name: A\n      steps:\n{steps}",
    )
    pages = pages_of(tmp_path / "journeys")
    assert_within_limits(pages)
    assert "580 more steps" in pages["journeys/j/a.md"]


def test_oversized_department_map_falls_back_to_stages(tmp_path: Path) -> None:
    """A department in 450 steps of one journey gets a stage-level map."""
    stages = "".join(
        f"    - id: s{i}\n      name: S{i}\n      steps:\n"
        + "".join(
            f"        - id: x{i}-{k}\n          name: X\n          departments: d\n"
            for k in range(45)
        )
        for i in range(10)
    )
    write(tmp_path / "journeys", "c.yml", CATALOGUE)
    write(tmp_path / "journeys", "j.yml", f"journey:\n  id: j\n  name: J\n  stages:\n{stages}")
    pages = pages_of(tmp_path / "journeys")
    assert_within_limits(pages)
    assert "45 of 45 steps" in pages["departments/d.md"]


@pytest.mark.parametrize("count", [60])
def test_many_stages_journey_flow(tmp_path: Path, count: int) -> None:
    """A journey of 60 stages draws its whole stage flow."""
    hostile.write(tmp_path / "journeys")
    pages = pages_of(tmp_path / "journeys")
    overview = pages["journeys/many-stages/index.md"]
    assert overview.count("click n") >= count
