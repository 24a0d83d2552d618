"""Node tree -> model records, checking every key against the shapes in `schema`."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml

from .. import model
from ..diagnostics import Diagnostics, Mark, Pos, did_you_mean
from ..ids import id_from_name, id_problem
from ..metrics import TARGET_EXAMPLE, parse_date, parse_target
from ..schema import FILE, Key, Kind, Shape
from .source import ALLOWED_TAGS, IMPLICIT

_new_tuple = tuple.__new__
"""Builds a named tuple (`Ref`) from a plain tuple in C: with a reference per listed
id, the named tuple's Python-level constructor is a measurable part of reading."""
_TEXTUAL = frozenset({Kind.TEXT, Kind.MARKDOWN, Kind.ID})
"""Kinds read as the scalar's text, the common case the reader takes first."""

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_INTEGER = re.compile(r"[-+]?[0-9]+")
_MISSING = object()
_RECORD_TYPES: dict[str, type] = {
    "department": model.Department,
    "touchpoint": model.Touchpoint,
    "evidence": model.Evidence,
    "persona": model.Persona,
    "phase": model.Phase,
    "metric": model.Metric,
    "review": model.Review,
    "frontstage": model.Frontstage,
    "backstage": model.Backstage,
    "milestone": model.Milestone,
    "step": model.Step,
    "stage": model.Stage,
    "journey": model.Journey,
}


class _TooLargeError(Exception):
    """Raised when aliases expand a file beyond its budget of nodes."""

    def __init__(self, node: yaml.Node) -> None:
        self.node = node


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return "text" if getattr(node, "style", None) else f"'{node.value}'"


class FileReader:
    """Reads the records of one file; problems go to the shared diagnostics."""

    def __init__(self, path: str, diagnostics: Diagnostics, text_length: int) -> None:
        self.path = path
        self.diagnostics = diagnostics
        self.budget = 2 * text_length + 10_000
        """Nodes the reader may visit, aliases expanded: about what the text could
        write without them, so that an alias bomb is refused in bounded time."""

    def pos(self, node: yaml.Node) -> Pos:
        """Where a node starts."""
        return Pos.at_mark(self.path, node.start_mark)

    def read_file(self, root: yaml.Node) -> dict[str, Any]:
        """The top-level values of a file, by key; empty after an unreadable root."""
        if not isinstance(root, yaml.MappingNode):
            if self._is_null(root):
                return {}
            self.diagnostics.error(
                self.pos(root),
                f"a journeys file holds a mapping, not {_describe(root)}",
                "start with one of: " + ", ".join(FILE.keys),
            )
            return {}
        try:
            values, _, _ = self._fields(root, FILE)
        except _TooLargeError as error:
            self.diagnostics.error(
                self.pos(error.node),
                "aliases expand this file beyond a safe size",
                "repeat less through anchors and aliases",
            )
            return {}
        return values

    def read_step(self, node: yaml.Node, shape: Shape, stage: Shape) -> Any:
        """One entry of a stage's `steps`, read alone (see `load.splice`)."""
        self._spend(node)
        return self._record(node, shape, stage, "steps")

    def _spend(self, node: yaml.Node, count: int = 1) -> None:
        """Count `count` nodes against the budget; `node` is blamed when it runs out."""
        self.budget -= count
        if self.budget < 0:
            raise _TooLargeError(node)

    def _check_tag(self, node: yaml.Node) -> bool:
        if node.tag in ALLOWED_TAGS:
            return True
        self.diagnostics.error(
            self.pos(node),
            f"YAML tag '{node.tag}' is not allowed",
            "remove the tag; only plain text, lists and mappings are read",
        )
        return False

    def _is_null(self, node: yaml.Node) -> bool:
        return (
            isinstance(node, yaml.ScalarNode)
            and node.tag == IMPLICIT
            and not node.style
            and node.value in _NULLS
        )

    def _is_blank(self, node: yaml.Node) -> bool:
        return self._is_null(node) or (
            isinstance(node, yaml.ScalarNode)
            and node.tag in ALLOWED_TAGS
            and not node.value.strip()
        )

    def _fields(
        self, node: yaml.MappingNode, shape: Shape
    ) -> tuple[dict[str, Any], dict[str, Mark], set[str]]:
        values: dict[str, Any] = {}
        where: dict[str, Mark] = {}
        seen: dict[str, yaml.Node] = {}
        pairs = node.value
        if pairs:
            self._spend(pairs[-1][1], len(pairs))
        keys = shape.keys
        for key_node, value_node in pairs:
            if key_node.__class__ is not yaml.ScalarNode:
                self.diagnostics.error(self.pos(key_node), "a key must be plain text")
                continue
            key = key_node.value
            if key == "<<" and not key_node.style:
                self.diagnostics.error(
                    self.pos(key_node), "merge keys (<<) are not supported", "write the keys out"
                )
                continue
            if key in seen:
                self.diagnostics.error(
                    self.pos(key_node),
                    f"duplicated key '{key}', first written at {self.pos(seen[key])}",
                    "YAML would silently keep only the last one; remove one",
                )
                continue
            seen[key] = key_node
            if key not in keys:
                hint = did_you_mean(key, keys) or "known keys: " + ", ".join(keys)
                message = f"unknown key '{key}' in {shape.name}"
                self.diagnostics.error(self.pos(key_node), message, hint)
                continue
            spec = keys[key]
            if (
                value_node.__class__ is yaml.ScalarNode
                and value_node.tag == IMPLICIT
                and spec.kind in _TEXTUAL
                and (value_node.style or value_node.value not in _NULLS)
                and (not spec.required or value_node.value.strip())
            ):
                value = value_node.value  # plain text: the common case, read inline
            else:
                value = self._value(value_node, spec, shape, key)
            if value is not _MISSING:
                values[key] = value
                where[key] = value_node.start_mark
        return values, where, set(seen)

    def _value(self, node: yaml.Node, spec: Key, shape: Shape, key: str) -> Any:
        if node.__class__ is yaml.ScalarNode:
            if spec.required and self._is_blank(node):
                self.diagnostics.error(self.pos(node), f"{shape.name} '{key}' must not be empty")
                return _MISSING
            if self._is_null(node) or not self._check_tag(node):
                return _MISSING
        elif node.tag not in ALLOWED_TAGS:  # a list or a mapping: never null nor blank
            self._check_tag(node)
            return _MISSING
        kind = spec.kind
        if kind in _TEXTUAL:
            return self._text(node, shape, key)
        if kind is Kind.REF:
            text = self._text(node, shape, key)
            return _MISSING if text is _MISSING else model.Ref(text, self.pos(node))
        if kind is Kind.SCORE:
            return self._score(node, shape, key)
        if kind is Kind.DATE:
            return self._date(node, shape, key)
        if kind is Kind.TARGET:
            return self._target(node, shape, key)
        if kind is Kind.RECORD:
            assert spec.shape is not None
            return self._record(node, spec.shape, shape, key)
        items = self._items(node)
        if kind is Kind.RECORDS:
            assert spec.shape is not None
            records = [self._record(item, spec.shape, shape, key) for item in items]
            built = tuple(r for r in records if r is not _MISSING)
            if not items and spec.required:
                self.diagnostics.error(
                    self.pos(node), f"{shape.name} '{key}' must list at least one entry"
                )
            return built
        texts = [
            item.value  # plain text, the common case, read inline as `_text` would
            if item.__class__ is yaml.ScalarNode and (item.style or item.value not in _NULLS)
            else self._text(item, shape, key)
            for item in items
        ]
        if kind is Kind.REFS:
            path, marks = self.path, [item.start_mark for item in items]
            return tuple(
                [
                    _new_tuple(model.Ref, (text, Pos.at_mark(path, mark)))
                    for text, mark in zip(texts, marks, strict=True)
                    if text is not _MISSING
                ]
            )
        return tuple([t for t in texts if t is not _MISSING])

    def _items(self, node: yaml.Node) -> list[yaml.Node]:
        if node.__class__ is yaml.SequenceNode:
            items: list[yaml.Node] = node.value
            if items:
                self._spend(items[-1], len(items))
            return [item for item in items if item.tag in ALLOWED_TAGS or self._check_tag(item)]
        return [node]

    def _text(self, node: yaml.Node, shape: Shape, key: str) -> Any:
        if node.__class__ is yaml.ScalarNode and (node.style or node.value not in _NULLS):
            return node.value
        if isinstance(node, yaml.ScalarNode):
            if self._is_null(node):
                self.diagnostics.error(self.pos(node), f"empty item in {shape.name} '{key}'")
                return _MISSING
            return node.value
        self.diagnostics.error(
            self.pos(node),
            f"{shape.name} '{key}' must be text, not {_describe(node)}",
            "quote the value if it is meant as text",
        )
        return _MISSING

    def _score(self, node: yaml.Node, shape: Shape, key: str) -> Any:
        pos = self.pos(node)
        if not isinstance(node, yaml.ScalarNode) or node.tag != IMPLICIT or node.style:
            self.diagnostics.error(
                pos,
                f"{shape.name} '{key}' must be a whole number from 1 to 5, not {_describe(node)}",
                "write the number without quotes",
            )
            return _MISSING
        if not _INTEGER.fullmatch(node.value) or not 1 <= int(node.value) <= 5:
            self.diagnostics.error(
                pos,
                f"{shape.name} '{key}' must be a whole number from 1 to 5, not {node.value}",
                "1 = frustrated, 3 = neutral, 5 = delighted",
            )
            return _MISSING
        return int(node.value)

    def _date(self, node: yaml.Node, shape: Shape, key: str) -> Any:
        return self._parsed(
            node, shape, key, parse_date, "a date YYYY-MM-DD", "write year-month-day: 2026-10-01"
        )

    def _target(self, node: yaml.Node, shape: Shape, key: str) -> Any:
        return self._parsed(
            node, shape, key, parse_target, "a comparison and a number", TARGET_EXAMPLE
        )

    def _parsed(
        self,
        node: yaml.Node,
        shape: Shape,
        key: str,
        parse: Callable[[str], Any],
        expected: str,
        hint: str,
    ) -> Any:
        """A text value read by `parse`; an error naming what was `expected` when it
        returns None."""
        text = self._text(node, shape, key)
        if text is _MISSING:
            return _MISSING
        value = parse(text)
        if value is None:
            message = f"{shape.name} '{key}' must be {expected}, not '{text}'"
            self.diagnostics.error(self.pos(node), message, hint)
            return _MISSING
        return value

    def _record(self, node: yaml.Node, shape: Shape, parent: Shape, key: str) -> Any:
        pos = self.pos(node)
        if shape.string_fills and isinstance(node, yaml.ScalarNode):
            if shape.keys[shape.string_fills].kind is Kind.DATE:
                date = self._date(node, parent, key)
                if date is _MISSING:
                    return _MISSING
                return _RECORD_TYPES[shape.name](**{shape.string_fills: date}, pos=pos)
            text = self._text(node, parent, key)
            if text is _MISSING:
                return _MISSING
            if not text.strip():
                self.diagnostics.error(
                    pos, f"{shape.name} '{shape.string_fills}' must not be empty"
                )
                return _MISSING
            return _RECORD_TYPES[shape.name](**{shape.string_fills: text}, pos=pos)
        if not isinstance(node, yaml.MappingNode):
            single = parent.keys[key].kind is Kind.RECORD
            what = f"{parent.name} '{key}'" if single else f"each entry of {parent.name} '{key}'"
            hint = (
                "write it as 'name: ...' on the lines below"
                if single
                else "write it as '- name: ...'"
            )
            self.diagnostics.error(pos, f"{what} must be a mapping, not {_describe(node)}", hint)
            return _MISSING
        values, where, present = self._fields(node, shape)
        for required in shape.required:
            if required not in present:
                self.diagnostics.error(pos, f"{shape.name} is missing '{required}'")
        if shape.derives_id and not self._settle_id(values, where, shape, pos):
            return _MISSING
        if any(required not in values for required in shape.required if required != "id"):
            return _MISSING  # reported: missing, or a value that could not be read
        for written, attribute in shape.attributes:
            if written in values:
                values[attribute] = values.pop(written)
        record_type = _RECORD_TYPES[shape.name]
        if shape.derives_id:
            return record_type(**values, pos=pos, where=where)
        return record_type(**values, pos=pos)

    def _settle_id(
        self, values: dict[str, Any], where: dict[str, Mark], shape: Shape, pos: Pos
    ) -> bool:
        if "id" in values:
            problem = id_problem(values["id"])
            if problem:
                self.diagnostics.error(
                    Pos.at_mark(self.path, where["id"]),
                    f"invalid {shape.name} id '{values['id']}': {problem}",
                )
                return False
            return True
        if "name" not in values:
            return False
        derived = id_from_name(values["name"])
        problem = id_problem(derived) if derived else "nothing is left of the name"
        if problem:
            self.diagnostics.error(
                Pos.at_mark(self.path, where["name"]),
                f"cannot derive a {shape.name} id from name '{values['name']}' ({problem})",
                "add an explicit 'id'",
            )
            return False
        values["id"] = derived
        where["id"] = where["name"]
        return True
