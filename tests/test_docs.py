"""The user guide is part of the product: its examples build, it documents every key,
option and placeholder, and the project's own site (guide + sample) builds strictly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_journey.config import JourneyConfig
from mkdocs_journey.delivery.nav import PLACEHOLDERS
from mkdocs_journey.schema import FILE, Shape
from tests.conftest import REPO, Project

DOCS = REPO / "docs"
TITLED_BLOCK = re.compile(r'```yaml title="([^"]+)"\n(.*?)\n```', re.S)


def titled_examples(page: str) -> dict[str, str]:
    """The ```yaml title="path" blocks of a guide page: complete files to build."""
    return dict(TITLED_BLOCK.findall((DOCS / page).read_text(encoding="utf-8")))


def shapes(shape: Shape, seen: set[str] | None = None) -> list[Shape]:
    """Every record shape reachable from the file's top level."""
    seen = seen if seen is not None else set()
    found = []
    for key in shape.keys.values():
        if key.shape is not None and key.shape.name not in seen:
            seen.add(key.shape.name)
            found.append(key.shape)
            found += shapes(key.shape, seen)
    return found


def test_getting_started_example_builds(project: Project) -> None:
    """The getting-started files, written as they are, build with --strict."""
    examples = titled_examples("getting-started.md")
    assert "mkdocs.yml" in examples
    assert any(path.startswith("journeys/") for path in examples)
    for path, text in examples.items():
        project.write(path, text)
    project.write("docs/index.md", "# Home\n")
    config = load_config(str(project.root / "mkdocs.yml"), site_dir=str(project.site), strict=True)
    build(config)
    assert (project.site / "journeys" / "index.html").exists()


@pytest.mark.parametrize("shape", shapes(FILE), ids=lambda s: s.name)
def test_format_reference_documents_every_key(shape: Shape) -> None:
    """Each key of each record appears in the format reference."""
    reference = (DOCS / "format.md").read_text(encoding="utf-8")
    for key in shape.keys:
        assert f"`{key}`" in reference, (shape.name, key)


def test_configuration_documents_every_option_and_placeholder() -> None:
    """Each plugin option and nav placeholder is documented."""
    page = (DOCS / "configuration.md").read_text(encoding="utf-8")
    for option in JourneyConfig._schema:
        assert f"`{option[0]}`" in page, option[0]
    for placeholder in PLACEHOLDERS:
        assert placeholder in page


def test_project_site_builds_strictly(tmp_path: Path) -> None:
    """The repository's own site (the guide and the Brightpath sample) builds with --strict."""
    config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True)
    build(config)
    assert (tmp_path / "site" / "journeys" / "self-serve-trial" / "index.html").exists()
    assert (tmp_path / "site" / "getting-started" / "index.html").exists()
