"""`mkdocs-journey schema`: the JSON Schema (2020-12) of a journeys file, written from
the same shapes the reader checks files against."""

from __future__ import annotations

import json
from typing import Any

from ..ids import MAX_ID_LENGTH, RESERVED_IDS
from ..schema import FILE, Key, Kind, Shape

SCHEMA_ID = "https://mkdocs-journey.invalid/schema/journeys.json"
_SCALAR = ["string", "number", "boolean"]
"""A text position takes any scalar: `name: no`, `id: 010` are read as their source text."""
_INVISIBLE = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
"""Control and bidirectional characters, refused in every text (as the reader does)."""
_TEXT = {"type": _SCALAR, "pattern": f"^[^{_INVISIBLE}]*$"}
_FILLED_TEXT = {
    "type": _SCALAR,
    "minLength": 1,
    "pattern": f"^[^{_INVISIBLE}]*[^\\s{_INVISIBLE}][^{_INVISIBLE}]*$",
}
"""Text that a record requires: not empty, not only spaces (string keywords apply to
strings only, and a number or a boolean is never empty)."""
_ID = {
    "type": ["string", "integer", "boolean"],
    "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$",
    "maxLength": MAX_ID_LENGTH,
    "minimum": 0,
    "not": {"enum": sorted(RESERVED_IDS)},
}
_REF = {"type": ["string", "integer", "boolean"], "pattern": f"^[^{_INVISIBLE}]*$"}
_NULL = {"type": "null"}
_TARGET = r"^\s*(>=|<=|>|<|=|≥|≤)\s*[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)\s*$"
"""A metric target, as `metrics.parse_target` reads it."""


def _one_or_many(item: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [item, {"type": "array", "items": item}]}


def _body(key: Key) -> dict[str, Any]:
    """What a key's value must be, leaving aside the null that an optional key accepts."""
    if key.kind is Kind.ID:
        return dict(_ID)
    if key.kind in (Kind.TEXT, Kind.MARKDOWN):
        return dict(_FILLED_TEXT if key.required else _TEXT)
    if key.kind is Kind.REF:
        return dict(_REF)
    if key.kind is Kind.REFS:
        return _one_or_many(_REF)
    if key.kind is Kind.TEXTS:
        return _one_or_many(_TEXT)
    if key.kind is Kind.SCORE:
        return {"type": "integer", "minimum": 1, "maximum": 5}
    if key.kind is Kind.DATE:
        return {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "format": "date"}
    if key.kind is Kind.TARGET:
        return {"type": "string", "pattern": _TARGET}
    assert key.shape is not None
    record: dict[str, Any] = {"$ref": f"#/$defs/{key.shape.name}"}
    if key.shape.string_fills:
        filled = key.shape.keys[key.shape.string_fills]
        record = {"anyOf": [_body(filled) if filled.kind is Kind.DATE else _FILLED_TEXT, record]}
    if key.kind is Kind.RECORD:
        return record
    items = {"type": "array", "items": record}
    return items | ({"minItems": 1} if key.required else {})


def _key(key: Key) -> dict[str, Any]:
    """A key's schema: an optional key also takes null (`description:`, `owner: ~`),
    which the reader reads as absent."""
    body = _body(key)
    if not key.required:
        body = {"anyOf": [body, _NULL]}
    return {"description": key.doc, **body}


def _shape(shape: Shape) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {name: _key(key) for name, key in shape.keys.items()},
        "required": [name for name, key in shape.keys.items() if key.required],
    }


def _shapes(shape: Shape, found: dict[str, Shape]) -> dict[str, Shape]:
    for key in shape.keys.values():
        if key.shape is not None and key.shape.name not in found:
            found[key.shape.name] = key.shape
            _shapes(key.shape, found)
    return found


def json_schema() -> dict[str, Any]:
    """The schema as a dict."""
    definitions = _shapes(FILE, {})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "mkdocs-journey journeys file",
        "description": "A file of the journeys folder: catalogues and at most one journey.",
        **_shape(FILE),
        "$defs": {name: _shape(shape) for name, shape in sorted(definitions.items())},
    }


def run() -> str:
    """The schema as indented JSON."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
