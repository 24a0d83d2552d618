"""`mkdocs-journey schema`: the JSON Schema (2020-12) of a journeys file, written from
the same shapes the reader checks files against."""

from __future__ import annotations

import json
from typing import Any

from ..ids import MAX_ID_LENGTH
from ..schema import FILE, Key, Kind, Shape

SCHEMA_ID = "https://mkdocs-journey.invalid/schema/journeys.json"
_TEXT = {"type": ["string", "number", "boolean"]}
_ID = {
    "anyOf": [
        {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": MAX_ID_LENGTH},
        {"type": "integer", "minimum": 0},
    ]
}
_REF = {"type": ["string", "integer"]}


def _one_or_many(item: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [item, {"type": "array", "items": item}]}


def _key(key: Key) -> dict[str, Any]:
    body: dict[str, Any]
    if key.kind is Kind.ID:
        body = dict(_ID)
    elif key.kind in (Kind.TEXT, Kind.MARKDOWN):
        body = dict(_TEXT)
    elif key.kind is Kind.REF:
        body = dict(_REF)
    elif key.kind is Kind.REFS:
        body = _one_or_many(_REF)
    elif key.kind is Kind.TEXTS:
        body = _one_or_many(_TEXT)
    elif key.kind is Kind.SCORE:
        body = {"type": "integer", "minimum": 1, "maximum": 5}
    elif key.kind is Kind.RECORD:
        assert key.shape is not None
        body = {"$ref": f"#/$defs/{key.shape.name}"}
    else:
        assert key.shape is not None
        item: dict[str, Any] = {"$ref": f"#/$defs/{key.shape.name}"}
        if key.shape.string_fills:
            item = {"anyOf": [_TEXT, item]}
        body = {"type": "array", "items": item}
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
