"""The bad-input corpus: each `corpus/<case>.yml`, built for real next to a valid
catalogue, fails with exactly the diagnostics in `corpus/<case>.out`, no traceback,
within seconds. Run with UPDATE_GOLDEN=1 to rewrite the expected files, then review."""

from __future__ import annotations

import logging
import os
import resource
import shutil
import time
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from tests.conftest import BASE_CONFIG

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(p.stem for p in CORPUS.glob("*.yml"))


def test_corpus_covers_enough_cases() -> None:
    """At least 30 cases, one per error class of the SPEC and more."""
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES)
def test_case_yields_its_golden_diagnostics(
    case: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A real build of the case fails with the expected lines, quickly, without a traceback."""
    (tmp_path / "journeys").mkdir()
    shutil.copyfile(CORPUS / "_base" / "catalogue.yml", tmp_path / "journeys" / "catalogue.yml")
    shutil.copyfile(CORPUS / f"{case}.yml", tmp_path / "journeys" / f"{case}.yml")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    (tmp_path / "mkdocs.yml").write_text(BASE_CONFIG)
    caplog.set_level(logging.ERROR)
    start = time.perf_counter()
    config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    with pytest.raises(Abort):
        build(config)
    assert time.perf_counter() - start < 10
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < 2 * 1024 * 1024  # KiB: < 2 GiB
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    report = next(e for e in errors if e.startswith("journey: "))
    assert "Traceback" not in "\n".join(errors)
    lines = report.split("\n")[1:]
    expected = CORPUS / f"{case}.out"
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert lines == expected.read_text(encoding="utf-8").splitlines()
    assert all(
        f"journeys/{case}.yml:" in line or "journeys/catalogue.yml:" in line for line in lines
    )
