"""The JSON Schema and `check` agree on shapes: every case of the bad-input corpus, the
sample handbook, the test fixtures and a list of edge cases go through both the schema
(`jsonschema`, Draft 2020-12, on the file as an editor's YAML 1.2 language server reads
it) and the reader, and their verdicts match."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from mkdocs_journey.commands.schema import json_schema
from mkdocs_journey.load import read_file_bytes
from tests.conftest import FIXTURES, REPO

CORPUS = Path(__file__).parent / "corpus"
VALIDATOR = jsonschema.Draft202012Validator(json_schema())

NOT_SHAPES = ("duplicated key", "cannot derive a ")
"""Reader errors no JSON Schema can state: a JSON object has no duplicated keys (the
language server reports those itself), and deriving an id takes Unicode decomposition."""

_CORE_12 = [
    ("tag:yaml.org,2002:null", r"~|null|Null|NULL|"),
    ("tag:yaml.org,2002:bool", r"true|True|TRUE|false|False|FALSE"),
    ("tag:yaml.org,2002:int", r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"),
    (
        "tag:yaml.org,2002:float",
        r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.nan|\.NaN|\.NAN",
    ),
]


class _Yaml12Loader(yaml.SafeLoader):
    """YAML 1.2's core schema, as editors' language servers read files: `no` and dates
    stay text, `010` is ten, `true`/`false` are the only booleans."""

    yaml_implicit_resolvers: dict = {}  # noqa: RUF012  (PyYAML's class attribute)


for _tag, _pattern in _CORE_12:
    _Yaml12Loader.add_implicit_resolver(_tag, re.compile(f"^(?:{_pattern})$"), None)
_Yaml12Loader.add_constructor(
    "tag:yaml.org,2002:int",
    lambda loader, node: (
        int(node.value.replace("0o", "0o"), 0)
        if node.value.startswith(("0o", "0x"))
        else int(node.value)
    ),
)


PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{kind}" for kind in ("str", "seq", "map"))


def _explicit_tag(text: str) -> bool:
    """Whether a node carries a tag of its own (`!!int 5`, `!python/name`): the base
    loader resolves every untagged node to text, a list or a mapping."""
    stack = [yaml.compose(text, Loader=yaml.BaseLoader)]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        if node.tag not in PLAIN_TAGS:
            return True
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
    return False


def as_editors_read_it(data: bytes) -> object:
    """The file as a JSON instance; raises for what is not a YAML 1.2 document of
    JSON-like values (a syntax error, an explicit tag)."""
    text = data.decode("utf-8-sig")
    if _explicit_tag(text):
        raise ValueError("an explicit tag: the schema sees only the value")
    value = yaml.load(text, Loader=_Yaml12Loader)
    json.dumps(value, allow_nan=True)  # only JSON values may go on
    return value


def verdicts(name: str, data: bytes) -> tuple[bool | None, bool]:
    """(the schema's verdict, or None when the file is no JSON document at all; the
    reader's verdict on the shape)."""
    result = read_file_bytes(f"journeys/{name}", data)
    shape_errors = [
        d
        for d in result.diagnostics
        if d.severity == "error" and not d.message.startswith(NOT_SHAPES)
    ]
    try:
        instance = as_editors_read_it(data)
    except (yaml.YAMLError, UnicodeDecodeError, TypeError, ValueError, RecursionError):
        return None, not shape_errors
    if instance is None:
        instance = {}  # an empty file: ignored by the reader, an empty mapping to editors
    return VALIDATOR.is_valid(instance), not shape_errors


def _files() -> list[Path]:
    files = sorted(CORPUS.glob("*.yml")) + sorted((CORPUS / "_base").glob("*.yml"))
    files += sorted((REPO / "journeys").glob("*.yml"))
    files += sorted(FIXTURES.rglob("journeys/**/*.yml"))
    return files


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_schema_and_reader_agree_on_each_file(path: Path) -> None:
    """A file the schema rejects, the reader rejects, and the other way round; a file that
    is no JSON-like YAML at all (bad syntax, a tag, bad bytes) is rejected by the reader."""
    schema_ok, reader_ok = verdicts(path.name, path.read_bytes())
    if schema_ok is None:
        assert not reader_ok, "the reader accepts it"
    else:
        assert schema_ok == reader_ok, VALIDATOR.iter_errors(as_editors_read_it(path.read_bytes()))


JOURNEY = "journey:\n  name: J\n  stages:\n    - name: S\n      steps:\n        - name: A\n{extra}"
EDGE_CASES = {
    # empty values that count as absent: both accept
    "description-null": ("departments:\n  - name: D\n    description:\n", True),
    "owner-tilde": (JOURNEY.format(extra="          owner: ~\n"), True),
    "experience-null": (JOURNEY.format(extra="          experience: null\n"), True),
    "milestone-null": (JOURNEY.format(extra="          milestone:\n"), True),
    "catalogue-null": ("departments: ~\n", True),
    "id-null": ("departments:\n  - id:\n    name: D\n", True),
    # empty values a record cannot do without: both reject
    "steps-empty": ("journey:\n  name: J\n  stages:\n    - name: S\n      steps: []\n", False),
    "stages-empty": ("journey:\n  name: J\n  stages: []\n", False),
    "name-empty": ('departments:\n  - id: d\n    name: ""\n', False),
    "name-blank": ('departments:\n  - id: d\n    name: "   "\n', False),
    "name-null": ("departments:\n  - id: d\n    name: ~\n", False),
    "stages-null": ("journey:\n  name: J\n  stages:\n", False),
    "backstage-blank": (JOURNEY.format(extra='          backstage: [" "]\n'), False),
    "evidence-blank": ('personas:\n  - name: P\n    evidence: [""]\n', False),
    "list-item-null": (JOURNEY.format(extra="          departments: [d, ~]\n"), False),
    # scalars that YAML 1.2 types but the reader reads as their text: both accept
    "name-number": ("departments:\n  - id: d\n    name: 1e3\n", True),
    "name-boolean": ("departments:\n  - id: d\n    name: true\n", True),
    "id-number": ("departments:\n  - id: 010\n    name: D\n", True),
    "id-boolean": ("departments:\n  - id: false\n    name: D\n", True),
    "ref-number": (JOURNEY.format(extra="          departments: 42\n"), True),
    # ids and scores: both reject
    "id-reserved": ("departments:\n  - id: index\n    name: D\n", False),
    "id-windows": ("departments:\n  - id: lpt1\n    name: D\n", False),
    "id-negative": ("departments:\n  - id: -1\n    name: D\n", False),
    "id-too-long": ("departments:\n  - id: " + "a" * 65 + "\n    name: D\n", False),
    "score-quoted": (JOURNEY.format(extra='          experience: "4"\n'), False),
    "score-zero": (JOURNEY.format(extra="          experience: 0\n"), False),
    "record-as-list": (JOURNEY.format(extra="          milestone: [a]\n"), False),
}


@pytest.mark.parametrize("case", sorted(EDGE_CASES))
def test_schema_and_reader_agree_on_edge_cases(case: str) -> None:
    """Each edge case gets the expected verdict from both."""
    text, valid = EDGE_CASES[case]
    schema_ok, reader_ok = verdicts(f"{case}.yml", text.encode())
    assert (schema_ok, reader_ok) == (valid, valid)
