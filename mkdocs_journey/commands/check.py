"""`mkdocs-journey check`: validate and lint, as text, GitHub annotations or JSON."""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..analysis import analyse, paused_gc
from ..diagnostics import Diagnostic, Diagnostics, Severity, escaped_breaks
from ..load import Loader
from ..project import Settings


def run(
    settings: Settings, output_format: str, strict: bool, disabled: list[str]
) -> tuple[str, int]:
    """The report and the exit code (0 clean, 1 problems)."""
    skip = [*settings.disabled_rules, *disabled]
    with paused_gc():
        _, diagnostics = analyse(
            Loader(),
            settings.journeys_dir,
            Path.cwd(),
            skip,
            metrics_dir=settings.metrics_dir,
            freshness=settings.freshness(os.environ),
        )
    failed = bool(diagnostics.errors or (strict and diagnostics.warnings))
    return FORMATS[output_format](diagnostics), 1 if failed else 0


def as_text(diagnostics: Diagnostics) -> str:
    """One line per problem."""
    return "".join(f"{d}\n" for d in diagnostics.sorted())


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(diagnostic: Diagnostic) -> str:
    level = "error" if diagnostic.severity is Severity.ERROR else "warning"
    pos = diagnostic.pos
    title = f"journey: {diagnostic.rule}" if diagnostic.rule else "journey"
    properties = f"file={_escape_property(pos.path)},line={pos.line},col={pos.column}"
    message = escaped_breaks(
        diagnostic.message + (f" ({diagnostic.hint})" if diagnostic.hint else "")
    )
    return f"::{level} {properties},title={_escape_property(title)}::{_escape_data(message)}"


def as_github(diagnostics: Diagnostics) -> str:
    """GitHub Actions workflow commands: an annotation on the file and line."""
    return "".join(f"{_annotation(d)}\n" for d in diagnostics.sorted())


def diagnostic_record(d: Diagnostic) -> dict[str, str | int]:
    """One diagnostic as a JSON object."""
    return {
        "path": d.pos.path,
        "line": d.pos.line,
        "column": d.pos.column,
        "severity": d.severity.value,
        "message": d.message,
        "hint": d.hint,
        "rule": d.rule,
    }


def as_json(diagnostics: Diagnostics) -> str:
    """A JSON document: counts and one object per problem."""
    items = [diagnostic_record(d) for d in diagnostics.sorted()]
    report = {
        "errors": len(diagnostics.errors),
        "warnings": len(diagnostics.warnings),
        "diagnostics": items,
    }
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


FORMATS = {"text": as_text, "github": as_github, "json": as_json}
