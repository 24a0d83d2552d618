"""The code stays lint-clean, formatted and type-checked (ruff and mypy, as configured
in pyproject.toml), so the one test command checks everything."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.conftest import REPO


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff comes with the test extras")
def test_ruff_lint_is_clean() -> None:
    """`ruff check` finds nothing."""
    result = run("ruff", "check", "mkdocs_journey", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff comes with the test extras")
def test_ruff_format_is_clean() -> None:
    """`ruff format --check` would change nothing."""
    result = run("ruff", "format", "--check", "mkdocs_journey", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_is_clean() -> None:
    """`mypy` (strict, see pyproject.toml) finds no type error."""
    result = run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr
