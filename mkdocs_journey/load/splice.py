"""A new version of a journey file read from the last one: only the steps it changed.

Replaying history reads every version of every journey file. Consecutive versions of a
file mostly differ in a few lines of a step or two, and a file of 150 steps costs as
much to compose and read as its 150 steps. Here the lines the two versions share are
set aside; when each group of changed lines falls within consecutive steps of one
stage, only those steps of the new version are composed and read, and the stage's
other steps are taken from the last version.

It is an optimisation and never a guess: anything it cannot be sure of (an anchor or an
alias anywhere outside block scalars, an unusual line break, a change outside the
steps or in a stage's last step, a step whose dash is not on its first line, any
diagnostic while reading the new steps) gives None, and the caller parses the whole
file. The records it gives have the positions of the new version for the steps it
read; the steps after them keep the lines of the last version, so a caller that shows
positions (errors) parses the whole file again."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

import yaml

from ..diagnostics import Diagnostics
from ..model import Journey
from ..schema import FILE, Shape
from . import source
from .reader import FileReader


def _shape(parent: Shape, key: str) -> Shape:
    found = parent.keys[key].shape
    assert found is not None
    return found


_STAGE = _shape(_shape(FILE, "journey"), "stages")
_STEP = _shape(_STAGE, "steps")
_NODE_MARK = re.compile(r"(?:^|[\s\[{,:?])[&*]\S")
"""An anchor or an alias: `&` or `*` where a node could start (at a line's start, after
a space, a flow indicator, a colon or a question mark). In text the same characters
are most often words (`*bold*`): a false alarm only costs a full parse. The lines of
block scalars are skipped (`_unsafe`)."""
_BLOCK_SCALAR = re.compile(
    r"(?:- +)*(?:(?:[^\s#'\"][^#]*?|\"[^\"]*\"|'[^']*'):)? *(?:!\S* +)?[|>][-+1-9]{0,2}(?: +#.*)?"
)
"""A line whose value is a block scalar's header (`key: |`, `- >-`): nothing else, so
that a plain value or a comment ending in `|` is not taken for one."""
_LEADING = re.compile(r" *(?:- +)*")
"""A line's indentation with its sequence dashes: where its key (or value) starts."""
_DOCUMENT_MARK = re.compile(r"^(?:---|\.\.\.)(?:\s|$)", re.M)


def _unsafe_text(text: str) -> bool:
    """Line breaks YAML counts that a split on newlines does not, tabs, or a document
    marker (looked for with a pattern only when the text has its characters at all)."""
    if "\r" in text or "\x85" in text or "\u2028" in text or "\u2029" in text or "\t" in text:
        return True
    marks = text.startswith(("---", "...")) or "\n---" in text or "\n..." in text
    return marks and _DOCUMENT_MARK.search(text) is not None


_DASH = re.compile(r"( *)- +")
_MAX_MIDDLE = 4000
"""Changed lines beyond which the groups of changes are not looked for (the matcher's
time grows with them): the file is then read in full, unless they are one group."""


@dataclass(frozen=True, slots=True)
class Version:
    """One version of a journey file as read: its lines, its values and where each step
    of each stage lies (`spans`)."""

    lines: list[str]
    values: dict[str, Any]
    spans: list[list[tuple[int, int, int]]] | None
    """By stage, by step: (first line, line after the last, indentation of its dash),
    0-based lines; None when the file cannot be spliced."""


def _unsafe(lines: list[str]) -> bool:
    """Whether these lines (starting where a node does) hold what could tie them to
    lines elsewhere: an anchor or an alias outside the content of block scalars."""
    scalar_above = -1  # the column a block scalar's lines are deeper than
    for line in lines:
        stripped = line.lstrip(" ")
        if scalar_above >= 0:
            if not stripped or len(line) - len(stripped) > scalar_above:
                continue
            scalar_above = -1
        if ("&" in stripped or "*" in stripped) and _NODE_MARK.search(line):
            return True
        if ("|" in stripped or ">" in stripped) and _BLOCK_SCALAR.fullmatch(stripped):
            # its lines are deeper than its key (for `- |`, than the dash: the key's
            # column is then the stricter bound, which only checks more lines)
            scalar_above = _LEADING.match(line).end()  # type: ignore[union-attr]
    return False


def version(text: str, values: dict[str, Any]) -> Version:
    """A version read in full: its steps' places, from their positions and the text."""
    lines = text.split("\n")
    journey = values.get("journey")
    if not isinstance(journey, Journey) or _unsafe_text(text) or _unsafe(lines):
        return Version(lines, values, None)
    starts: list[list[tuple[int, int]]] = []
    for stage in journey.stages:
        starts.append([])
        for step in stage.steps:
            line = step.pos.line - 1
            written = lines[line] if line < len(lines) else ""
            dash = _DASH.fullmatch(written[: step.pos.column - 1])
            if dash is None:
                return Version(lines, values, None)
            starts[-1].append((line, len(dash.group(1))))
    # A step runs from its dash to the next dash. Where a stage's last step ends is not
    # written anywhere (a quoted or flow value may go on below its indentation), so its
    # span runs to the next stage's first step: the lines of its stage's other keys and
    # of the next stage's header fall in it, and a stage's last step is never read alone.
    spans = []
    for index, stage_starts in enumerate(starts):
        following = next((later[0][0] for later in starts[index + 1 :] if later), len(lines))
        ends = [line for line, _ in stage_starts[1:]] + [following]
        spans.append(
            [(line, end, indent) for (line, indent), end in zip(stage_starts, ends, strict=True)]
        )
    return Version(lines, values, spans)


def spliced(path: str, last: Version, text: str) -> Version | None:
    """The new version `text` of the file of `last`, its changed steps read; or None
    when it must be parsed in full. Each group of changed lines is read in turn, the
    last first, so that the lines above it stay where they are."""
    if last.spans is None or _unsafe_text(text) or source.may_nest_deeply(text):
        return None
    current: Version | None = last
    for lines in _towards(last.lines, text.split("\n")):
        assert current is not None
        current = _one_change(path, current, lines)
        if current is None:
            return None
    return current


def _towards(old: list[str], new: list[str]) -> list[list[str]]:
    """The old lines with the new version's changes made one group at a time, from the
    last: the final list is the new version."""
    start, tail = _common_ends(old, new)
    middle_old, middle_new = old[start : len(old) - tail], new[start : len(new) - tail]
    if len(middle_old) + len(middle_new) > _MAX_MIDDLE:
        return [new]
    groups = [
        op
        for op in SequenceMatcher(None, middle_old, middle_new, autojunk=False).get_opcodes()
        if op[0] != "equal"
    ]
    made, lines = [], old
    for _, a, b, c, d in reversed(groups):
        lines = [*lines[: start + a], *middle_new[c:d], *lines[start + b :]]
        made.append(lines)
    return made


def _common_ends(old: list[str], new: list[str]) -> tuple[int, int]:
    """How many lines the two versions share at their start, then at their end."""
    shortest = min(len(old), len(new))
    start = 0
    while start < shortest and old[start] == new[start]:
        start += 1
    tail = 0
    while tail < shortest - start and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return start, tail


def _one_change(path: str, last: Version, new: list[str]) -> Version | None:
    """The version `new` that differs from `last` in one group of lines."""
    assert last.spans is not None
    old = last.lines
    start, tail = _common_ends(old, new)
    end, delta = len(old) - tail, len(new) - len(old)
    for index, stage in enumerate(last.spans):
        if stage and stage[0][0] <= start and end <= stage[-1][1]:
            return _replace_steps(path, last, new, index, start, end, delta)
    return None


def _replace_steps(
    path: str, last: Version, new: list[str], index: int, start: int, end: int, delta: int
) -> Version | None:
    """Stage `index`'s steps that lines [start, end) of the last version touch, read
    again from the new version's lines."""
    assert last.spans is not None
    steps = last.spans[index]

    def holding(line: int) -> int:
        return next(k for k, (_, after, _) in enumerate(steps) if line < after)

    if end > start:
        first, final = holding(start), holding(end - 1)
    else:  # lines added before line `start`: to the step before, or before the first
        first = final = holding(start - 1) if start > steps[0][0] else 0
    if final == len(steps) - 1:
        return None  # where a stage's last step ends is not known (see `version`)
    top, bottom, indent = steps[first][0], steps[final][1] + delta, steps[first][2]
    snippet = new[top:bottom]
    dashes = []
    for offset, line in enumerate(snippet):
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        written = len(line) - len(stripped)
        if written < indent or (written == indent and not _DASH.match(line)):
            return None  # no longer steps of this stage only
        if written == indent:
            dashes.append(top + offset)
    if not snippet and final - first + 1 < len(steps):
        read: list[Any] | None = []  # steps removed, and the stage keeps others
    elif not dashes or dashes[0] != top or _unsafe(snippet):
        return None  # a span starts at its dash
    else:
        ending = "\n" if bottom < len(new) else ""  # the break a last block scalar keeps
        read = _read_steps(path, "\n" * top + "\n".join(snippet) + ending)
    if read is None or len(read) != len(dashes):
        return None
    if any(step.pos.line - 1 != line for step, line in zip(read, dashes, strict=True)):
        return None
    journey: Journey = last.values["journey"]
    stage = journey.stages[index]
    stages = list(journey.stages)
    stages[index] = dataclasses.replace(
        stage, steps=(*stage.steps[:first], *read, *stage.steps[final + 1 :])
    )
    values = {**last.values, "journey": dataclasses.replace(journey, stages=tuple(stages))}
    made = [
        (line, after, indent)
        for line, after in zip(dashes, [*dashes[1:], bottom][: len(dashes)], strict=True)
    ]
    spans = [*last.spans[:index], [*steps[:first], *made, *_moved(steps[final + 1 :], delta)]]
    spans += [_moved(later, delta) for later in last.spans[index + 1 :]]
    return Version(new, values, spans)


def _moved(spans: list[tuple[int, int, int]], delta: int) -> list[tuple[int, int, int]]:
    """Spans after the changed lines, where they lie in the new version."""
    return [(line + delta, after + delta, indent) for line, after, indent in spans]


def _read_steps(path: str, text: str) -> list[Any] | None:
    """The steps of a list of them, written at their lines; None on any diagnostic."""
    diagnostics = Diagnostics()
    root = source.parse(source.SourceText(path, text), diagnostics)
    if diagnostics or not isinstance(root, yaml.SequenceNode):
        return None
    reader = FileReader(path, diagnostics, len(text))
    steps = [reader.read_step(item, _STEP, _STAGE) for item in root.value]
    return None if diagnostics else steps
