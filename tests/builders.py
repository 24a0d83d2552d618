"""The other builders of the tests: Zensical and ProperDocs, each installed by `.ci/run`
in its own environment under `tests/.builders/` (they bring their own versions of
Markdown and its extensions). Tests that need one skip without it, and fail under CI."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

BUILDERS = Path(__file__).parent / ".builders"


def builder(name: str) -> Path:
    """The command of `name` (zensical or properdocs), or skip (fail under CI)."""
    found = BUILDERS / name / "bin" / name
    if found.is_file():
        return found
    other = shutil.which(name)
    if other:
        return Path(other)
    reason = f"{name} is not installed (.ci/run installs it in tests/.builders/{name})"
    if os.environ.get("CI"):
        pytest.fail(f"builder tests cannot run in CI: {reason}")
    pytest.skip(reason)
