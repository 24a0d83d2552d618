"""Diagnostics: one positioned line per problem, collected rather than raised."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple, Protocol

_LINE_BREAKS = {ord(char): repr(char)[1:-1] for char in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"}
"""Every character that ends a line for `str.splitlines` (and for terminals and log
readers), written as its escape: `\\r\\n`, `\\x85`, `\\u2028`."""


def escaped_breaks(text: str) -> str:
    """Text kept on one line with its line breaks shown as escapes (`\\r\\n`): a diagnostic
    is one line whatever the user wrote."""
    return text.translate(_LINE_BREAKS)


class Mark(Protocol):
    """Where YAML read a value (0-based), as libyaml's marks give it."""

    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...


class Pos(NamedTuple):
    """A place in a source file: project-relative path, 1-based line and column.

    A named tuple rather than a frozen dataclass: the loader makes one per YAML value,
    and tuples are several times cheaper to create."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"

    @classmethod
    def at_mark(cls, path: str, mark: Mark) -> Pos:
        """Where a YAML mark (0-based) points, as a position (1-based); built in C,
        without the named tuple's Python-level constructor."""
        return tuple.__new__(cls, (path, mark.line + 1, mark.column + 1))


class Severity(StrEnum):
    """How bad a diagnostic is: errors fail every build, warnings only strict ones."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem in the journeys, with where it is and, when known, how to fix it."""

    pos: Pos
    severity: Severity
    message: str
    hint: str = ""
    rule: str = ""

    def __str__(self) -> str:
        text = f"{self.pos}: {self.severity.value}: {self.message}"
        if self.rule:
            text += f" [{self.rule}]"
        if self.hint:
            text += f" ({self.hint})"
        return escaped_breaks(text)

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        """Order by file, line, column, then message: stable output for any input order."""
        return (self.pos.path, self.pos.line, self.pos.column, self.message)


class Diagnostics(list[Diagnostic]):
    """A growing list of diagnostics with shorthands for the two severities."""

    def error(self, pos: Pos, message: str, hint: str = "") -> None:
        """Record an error at `pos`."""
        self.append(Diagnostic(pos, Severity.ERROR, message, hint))

    def warning(self, pos: Pos, message: str, hint: str = "", rule: str = "") -> None:
        """Record a warning at `pos`, named by its lint rule."""
        self.append(Diagnostic(pos, Severity.WARNING, message, hint, rule))

    @property
    def errors(self) -> list[Diagnostic]:
        """The errors only."""
        return [d for d in self if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        """The warnings only."""
        return [d for d in self if d.severity is Severity.WARNING]

    def sorted(self) -> list[Diagnostic]:
        """All diagnostics in file, line, column order."""
        return sorted(self, key=lambda d: d.sort_key)


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A 'did you mean' hint naming the closest candidate, or an empty string."""
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"did you mean '{matches[0]}'?" if matches else ""
