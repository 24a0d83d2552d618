"""The bad-input corpus: each `corpus/<case>.yml`, built for real next to a valid
catalogue, fails with exactly the diagnostics in `corpus/<case>.out`, no traceback,
within seconds. Run with UPDATE_GOLDEN=1 to rewrite the expected files, then review."""

from __future__ import annotations

import logging
import os
import re
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


ERROR_CLASSES = {
    "YAML syntax": r"error: YAML syntax: ",
    "invalid UTF-8": r"error: invalid UTF-8 byte sequence",
    "tab in the indentation": r"error: YAML syntax: found a tab character",
    "wrong type": r"error: \w+ '\w+' must be (text|a mapping|a whole number)",
    "missing required key": r"error: \w+ is missing '\w+'",
    "empty required value": r"error: \w+ '\w+' must (not be empty|list at least one entry)",
    "unknown key": r"error: unknown key '[^']+' in \w+ \(did you mean",
    "invalid id": r"error: invalid \w+ id '[^']+': lower-case",
    "reserved id": r"error: invalid \w+ id '(index|con)': reserved name",
    "underivable id": r"error: cannot derive a \w+ id from name",
    "duplicate id": r"error: duplicate \w+ id '[^']+'.*first defined at journeys/",
    "unknown reference": r"error: unknown (department|touchpoint|persona|phase|step|journey) ",
    "duplicated YAML key": r"error: duplicated key '[^']+', first written at ",
    "experience out of range": r"error: step 'experience' must be a whole number from 1 to 5, not 7",
    "quoted experience": r"error: step 'experience' must be a whole number from 1 to 5, not text",
    "merge key": r"error: merge keys \(<<\) are not supported",
    "explicit tag": r"error: YAML tag '[^']+' is not allowed",
    "alias bomb": r"error: aliases expand this file beyond a safe size",
    "deep nesting": r"error: nested deeper than 100 levels",
    "raw control character": r"error: control character U\+[0-9A-F]{4} is not allowed",
    "raw bidi override": r"error: bidirectional-override character U\+202[A-E] is not allowed",
    "raw bidi isolate": r"error: bidirectional-isolate character U\+206[6-9] is not allowed",
    "escaped C0 in a value": r"in-value\.yml:.*error: control character U\+00[01][0-9A-F] \(written",
    "escaped C1 in a value": r"in-value\.yml:.*error: control character U\+00[89][0-9A-F] \(written",
    "escaped C0 in a key": r"in-key\.yml:.*error: control character U\+00[01][0-9A-F] \(written",
    "escaped C1 in a key": r"in-key\.yml:.*error: control character U\+00[89][0-9A-F] \(written",
    "escaped bidi override in a value": r"in-value\.yml:.*bidirectional-override .*\(written",
    "escaped bidi override in a key": r"in-key\.yml:.*bidirectional-override .*\(written",
    "escaped bidi isolate in a value": r"in-value\.yml:.*bidirectional-isolate .*\(written",
    "escaped bidi isolate in a key": r"in-key\.yml:.*bidirectional-isolate .*\(written",
    "root not a mapping": r"error: a journeys file holds a mapping, not a list",
    "several documents": r"error: YAML syntax: expected a single document",
}
"""Each class of error the SPEC names (and the hardening issues added), and the pattern
of the line that shows a case of it."""


def test_every_case_has_its_expected_lines_and_each_names_an_error() -> None:
    """Cases and expected files come in pairs, and each expected file holds errors only."""
    assert {p.stem for p in CORPUS.glob("*.out")} == set(CASES)
    for case in CASES:
        lines = (CORPUS / f"{case}.out").read_text(encoding="utf-8").splitlines()
        assert lines, case
        assert all(re.match(r"journeys/[\w.-]+\.yml:\d+:\d+: error: ", line) for line in lines)


@pytest.mark.parametrize("error_class", sorted(ERROR_CLASSES))
def test_corpus_covers_each_error_class(error_class: str) -> None:
    """Some case of the corpus shows this class of error, with its position."""
    pattern = re.compile(ERROR_CLASSES[error_class])
    shown = [
        case
        for case in CASES
        if any(pattern.search(line) for line in (CORPUS / f"{case}.out").read_text().splitlines())
    ]
    assert shown, f"no corpus case shows: {error_class}"


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
