"""Reading one YAML file safely: size, encoding, characters and nesting are checked
before libyaml sees the text, and the result is a node tree that keeps positions."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

import yaml

from ..diagnostics import Diagnostic, Diagnostics, Pos, Severity

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 100
IMPLICIT = "?"
"""Tag given to every untagged node: ids and texts keep their source text, so no
implicit typing (bools, dates, octal numbers) is ever applied."""
ALLOWED_TAGS = frozenset(
    {IMPLICIT, "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}
)

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FORBIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BRACKETS = re.compile(r"[\[\]{}]")
_DEEP_BLOCK_PREFIX = re.compile(r"^[ \-?:]{48,}", re.MULTILINE)
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""What YAML counts as a line break (a file may end its lines with CR alone)."""


class _PositionLoader(_BaseLoader):  # type: ignore[misc]
    """Composes nodes without resolving implicit tags: faster, and keeps text as text."""

    # The composer calls these for every node. Builtins that take the same arguments
    # spare a Python call per node: `resolve(kind, value, implicit)` gives IMPLICIT
    # (`str.format` ignores arguments its template does not use), and the two path
    # resolver hooks, which this loader never needs, do nothing (their results are
    # ignored).
    resolve = IMPLICIT.format
    descend_resolver = slice
    ascend_resolver = tuple


@dataclass(frozen=True, slots=True)
class SourceText:
    """A decoded file: its text and the project-relative path used in diagnostics."""

    path: str
    text: str

    def pos(self, offset: int) -> Pos:
        """The line and column of a character offset, lines counted as YAML counts them."""
        breaks = list(_LINE_BREAK.finditer(self.text, 0, offset))
        start = breaks[-1].end() if breaks else 0
        return Pos(self.path, len(breaks) + 1, offset - start + 1)


def mark_pos(path: str, mark: yaml.Mark | None) -> Pos:
    """A YAML mark (0-based) as a position (1-based)."""
    return Pos(path) if mark is None else Pos.at_mark(path, mark)


def too_large(path: str, size: int) -> Diagnostic:
    """The error for a file over the size limit, reported before reading it."""
    return Diagnostic(
        Pos(path),
        Severity.ERROR,
        f"file is {size / 1048576:.1f} MiB, over the 5 MiB limit",
        "split it into several files",
    )


def decode(path: str, data: bytes, diagnostics: Diagnostics) -> SourceText | None:
    """Check size, encoding and characters; the text, or None after reporting why not."""
    if len(data) > MAX_FILE_BYTES:
        diagnostics.append(too_large(path, len(data)))
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        good = data[: error.start].decode("utf-8")
        where = SourceText(path, good).pos(len(good))
        diagnostics.error(where, "invalid UTF-8 byte sequence", "save the file as UTF-8")
        return None
    source = SourceText(path, text)
    bad = _FORBIDDEN_CHARS.search(text)
    if bad:
        diagnostics.append(_forbidden_character(source.pos(bad.start()), bad.group(), False))
        return None
    return source


def _forbidden_character(pos: Pos, char: str, escaped: bool) -> Diagnostic:
    """The error for a control or bidirectional character, written raw or as an escape."""
    if "\u2066" <= char <= "\u2069":
        kind = "bidirectional-isolate"
    elif "\u202a" <= char <= "\u202e":
        kind = "bidirectional-override"
    else:
        kind = "control"
    how = " (written as an escape)" if escaped else ""
    fix = "remove the escape" if escaped else "delete it"
    return Diagnostic(
        pos,
        Severity.ERROR,
        f"{kind} character U+{ord(char):04X}{how} is not allowed",
        f"{fix}; it is invisible and can disguise the text",
    )


def _escaped_characters(path: str, root: yaml.Node) -> list[Diagnostic]:
    """Forbidden characters that a double-quoted scalar's escapes (`"\\u202e"`, `"\\x1b"`,
    `"\\0"`) produced, in keys and values: one error at each such scalar."""
    found: list[Diagnostic] = []
    stack = [root]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            bad = _FORBIDDEN_CHARS.search(node.value) if node.style == '"' else None
            if bad:
                where = mark_pos(path, node.start_mark)
                found.append(_forbidden_character(where, bad.group(), True))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        else:
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
    return sorted(found, key=lambda d: d.sort_key)


def _flow_depth_problem(source: SourceText) -> int | None:
    """Offset of a bracket nested deeper than the limit, counting every bracket.

    libyaml needs time quadratic in flow nesting and crashes on very deep nesting, so
    this runs on the raw text first. It may over-count brackets inside quoted text,
    which only matters for files with over a hundred unclosed brackets.
    """
    depth = 0
    for count, bracket in enumerate(_BRACKETS.findall(source.text)):
        if bracket in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return next(itertools.islice(_BRACKETS.finditer(source.text), count, None)).start()
        elif depth:
            depth -= 1
    return None


def _node_depth_problem(root: yaml.Node) -> yaml.Node | None:
    """The first node nested deeper than the limit, walking each node once."""
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    seen: set[int] = set()
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return node
        if id(node) in seen or isinstance(node, yaml.ScalarNode):
            continue
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        else:
            for key, value in node.value:
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))
    return None


def _line_at(source: SourceText, mark: yaml.Mark) -> str:
    lines = source.text.split("\n", mark.line + 1)
    return lines[mark.line] if mark.line < len(lines) else ""


def _char_at(source: SourceText, mark: yaml.Mark | None) -> str:
    if mark is None:
        return ""
    line = _line_at(source, mark)
    return line[mark.column] if mark.column < len(line) else ""


def _syntax_hint(problem: str, source: SourceText, mark: yaml.Mark | None) -> str:
    char = _char_at(source, mark)
    if char == "\t":
        return "indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return "quote the text: a ': ' inside an unquoted value starts a new key"
    if "cannot start any token" in problem and char:
        return f"quote the text: an unquoted value cannot start with '{char}'"
    if "another document" in problem or "single document" in problem:
        return "keep one YAML document per file: remove the extra '---'"
    if "undefined alias" in problem:
        return "define the anchor &name before using the alias *name"
    if "expected node content" in problem or "expected ',' or ']'" in problem:
        return "close every '[' and '{', or quote the text"
    if mark is not None and re.search(r":\s+[>|][=<>]", _line_at(source, mark)):
        return "quote the value: unquoted, '>' or '|' starts a block of text (write '\">= 18\"')"
    return "check the indentation and quoting of this line and the one before"


def may_nest_deeply(text: str) -> bool:
    """Whether `parse` could find `text` nested too deeply: a part of a file read alone
    (`load.splice`) could pass the test while the whole file fails it. Flow brackets
    are counted as `parse` counts them; deep block indentation is only suspected."""
    if _DEEP_BLOCK_PREFIX.search(text) is not None:
        return True
    many = text.count("[") + text.count("{") > MAX_DEPTH
    return many and _flow_depth_problem(SourceText("", text)) is not None


def parse(source: SourceText, diagnostics: Diagnostics) -> yaml.Node | None:
    """Compose the text into a node tree; None when empty or after reporting why not."""
    text = source.text
    if text.count("[") + text.count("{") > MAX_DEPTH:
        offset = _flow_depth_problem(source)
        if offset is not None:
            diagnostics.error(
                source.pos(offset),
                f"nested deeper than {MAX_DEPTH} levels",
                "flatten the structure",
            )
            return None
    try:
        root = yaml.compose(text, Loader=_PositionLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or "invalid YAML"
        if problem.startswith("but ") and error.context:
            problem = f"{error.context}, {problem}"
        hint = _syntax_hint(problem, source, mark)
        where = mark_pos(source.path, mark)
        if where.line > len(_LINE_BREAK.findall(text)) + 1:  # libyaml counts one past the end
            where = source.pos(len(text))
        diagnostics.error(where, f"YAML syntax: {problem}", hint)
        return None
    except yaml.YAMLError as error:
        diagnostics.error(Pos(source.path), f"YAML syntax: {error}")
        return None
    if root is not None and "\\" in text:
        escaped = _escaped_characters(source.path, root)
        if escaped:
            diagnostics.extend(escaped)
            return None
    if root is not None and _DEEP_BLOCK_PREFIX.search(text):
        deep = _node_depth_problem(root)
        if deep is not None:
            diagnostics.error(
                mark_pos(source.path, deep.start_mark),
                f"nested deeper than {MAX_DEPTH} levels",
                "flatten the structure",
            )
            return None
    return root
