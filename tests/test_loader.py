"""Loading YAML: text stays text, positions are kept, every mistake is one positioned line."""

from __future__ import annotations

import textwrap
import time
from pathlib import Path

import pytest

from mkdocs_journey.load import Loader, read_file_bytes
from mkdocs_journey.model import Department, Journey


def load(text: str | bytes, path: str = "journeys/a.yml") -> tuple[dict, list[str]]:
    data = text if isinstance(text, bytes) else textwrap.dedent(text).encode()
    result = read_file_bytes(path, data)
    return result.values, [str(d) for d in result.diagnostics]


JOURNEY = """\
journey:
  name: J
  stages:
    - name: S
      steps:
        - name: Step one
          {extra}
"""


def step_with(extra: str) -> tuple[dict, list[str]]:
    return load(JOURNEY.format(extra=extra))


@pytest.mark.parametrize("value", ["no", "2024-01-01", "010", "1e3", "off", "12:30", "true"])
def test_scalars_in_text_positions_stay_source_text(value: str) -> None:
    """YAML 1.1 typing never applies: booleans, dates and octal numbers stay text."""
    values, problems = load(f"departments:\n  - id: d\n    name: {value}\n")
    assert problems == []
    assert values["departments"][0].name == value


def test_every_value_keeps_its_position() -> None:
    """Records and each of their keys remember file, line and column (1-based)."""
    values, _ = load("departments:\n  - id: sales\n    name: Sales\n")
    department: Department = values["departments"][0]
    assert str(department.pos) == "journeys/a.yml:2:5"
    assert str(department.at("name")) == "journeys/a.yml:3:11"
    assert str(department.at("id")) == "journeys/a.yml:2:9"


def test_id_is_derived_from_name() -> None:
    """A missing id is derived from the name, accents dropped."""
    values, problems = load("departments:\n  - name: Atenção ao Cliente (SAC)\n")
    assert problems == []
    assert values["departments"][0].id == "atencao-ao-cliente-sac"


def test_name_without_usable_id_asks_for_explicit_id() -> None:
    """A name that leaves nothing usable for an id points at the name."""
    _, problems = load("departments:\n  - name: '!!!'\n")
    assert problems == [
        "journeys/a.yml:2:11: error: cannot derive a department id from name '!!!' "
        "(nothing is left of the name) (add an explicit 'id')"
    ]


@pytest.mark.parametrize(
    ("bad_id", "reason"),
    [
        ("Sales", "lower-case letters"),
        ("a--b", "lower-case letters"),
        ("index", "reserved"),
        ("com1", "reserved"),
        ("x" * 65, "at most 64"),
        ("../etc", "lower-case letters"),
    ],
)
def test_invalid_ids_are_errors(bad_id: str, reason: str) -> None:
    """Ids must match the pattern, fit in 64 characters and avoid reserved names."""
    _, problems = load(f"departments:\n  - id: '{bad_id}'\n    name: X\n")
    assert len(problems) == 1
    assert problems[0].startswith("journeys/a.yml:2:9: error: invalid department id")
    assert reason in problems[0]


def test_duplicate_key_names_both_places() -> None:
    """A repeated key is an error at the second, naming the first."""
    _, problems = load("departments:\n  - id: a\n    name: A\n    name: B\n")
    assert problems == [
        "journeys/a.yml:4:5: error: duplicated key 'name', first written at journeys/a.yml:3:5 "
        "(YAML would silently keep only the last one; remove one)"
    ]


def test_unknown_key_suggests_the_closest() -> None:
    """An unknown key gets a did-you-mean hint."""
    _, problems = step_with("departmens: [a]")
    assert problems == [
        "journeys/a.yml:7:11: error: unknown key 'departmens' in step (did you mean 'departments'?)"
    ]


def test_unknown_top_level_key() -> None:
    """Only the five top-level keys are allowed."""
    _, problems = load("journeys:\n  name: x\n")
    assert problems == [
        "journeys/a.yml:1:1: error: unknown key 'journeys' in file (did you mean 'journey'?)"
    ]


def test_missing_required_keys() -> None:
    """A record without a required key names the record's position and the key."""
    _, problems = load("journey:\n  name: J\n")
    assert problems == ["journeys/a.yml:2:3: error: journey is missing 'stages'"]


def test_empty_steps_list_is_an_error() -> None:
    """A stage needs at least one step."""
    _, problems = load("journey:\n  name: J\n  stages:\n    - name: S\n      steps: []\n")
    assert problems == ["journeys/a.yml:5:14: error: stage 'steps' must list at least one entry"]


def test_single_scalar_is_a_one_item_list() -> None:
    """Wherever a list of ids is expected, a single id is accepted."""
    values, problems = step_with("departments: sales")
    assert problems == []
    journey: Journey = values["journey"]
    assert [r.target for r in journey.stages[0].steps[0].departments] == ["sales"]


def test_quoted_experience_is_a_type_error() -> None:
    """`experience: "4"` is text, not a score."""
    _, problems = step_with('experience: "4"')
    assert problems == [
        "journeys/a.yml:7:23: error: step 'experience' must be a whole number from 1 to 5, "
        "not text (write the number without quotes)"
    ]


@pytest.mark.parametrize("score", ["0", "6", "3.5", "-1"])
def test_experience_out_of_range(score: str) -> None:
    """Scores outside 1-5 are errors with the scale as hint."""
    _, problems = step_with(f"experience: {score}")
    assert len(problems) == 1
    assert f"not {score} (1 = frustrated, 3 = neutral, 5 = delighted)" in problems[0]


def test_list_where_text_expected() -> None:
    """A list in a text position is a type error."""
    _, problems = load("departments:\n  - id: a\n    name: [x]\n")
    assert problems == [
        "journeys/a.yml:3:11: error: department 'name' must be text, not a list "
        "(quote the value if it is meant as text)"
    ]


def test_empty_and_comment_only_files_are_ignored() -> None:
    """Nothing to read is not a problem."""
    assert load("") == ({}, [])
    assert load("# only a comment\n") == ({}, [])


def test_bom_is_accepted() -> None:
    """A UTF-8 byte order mark is skipped."""
    values, problems = load(b"\xef\xbb\xbfdepartments:\n  - id: a\n    name: A\n")
    assert problems == []
    assert values["departments"][0].id == "a"


def test_invalid_utf8_points_at_the_byte() -> None:
    """Invalid UTF-8 is reported at its line and column."""
    _, problems = load(b"departments:\n  - id: a\n    name: caf\xe9\n")
    assert problems == [
        "journeys/a.yml:3:14: error: invalid UTF-8 byte sequence (save the file as UTF-8)"
    ]


def test_tab_indentation_has_a_hint() -> None:
    """Tabs in indentation point at the tab and say to use spaces."""
    _, problems = load(b"departments:\n\t- id: a\n")
    assert problems == [
        "journeys/a.yml:2:1: error: YAML syntax: found character that cannot start any token "
        "(indent with spaces, not tabs)"
    ]


def test_unquoted_colon_says_quote_it() -> None:
    """`name: Passo 1: ligar` unquoted gets a 'quote the text' hint."""
    _, problems = load("departments:\n  - id: a\n    name: Passo 1: ligar\n")
    assert len(problems) == 1
    assert problems[0].startswith("journeys/a.yml:3:18: error: YAML syntax: mapping values")
    assert "(quote the text" in problems[0]


@pytest.mark.parametrize(
    ("char", "kind"), [("\x07", "control"), ("\u202e", "bidirectional-override")]
)
def test_control_and_bidi_characters_are_refused(char: str, kind: str) -> None:
    """Invisible characters that can disguise text are errors at their position."""
    _, problems = load(f"departments:\n  - id: a\n    name: ab{char}c\n".encode())
    assert len(problems) == 1
    assert problems[0].startswith(f"journeys/a.yml:3:13: error: {kind} character")


def test_merge_keys_are_refused() -> None:
    """`<<` is not expanded silently."""
    _, problems = load("departments:\n  - &d {id: a, name: A}\n  - <<: *d\n    id: b\n")
    assert problems[0].startswith("journeys/a.yml:3:5: error: merge keys (<<) are not supported")


@pytest.mark.parametrize("tag", ["!!python/object:os.system", "!!int", "!custom", "!!binary"])
def test_tags_other_than_str_seq_map_are_refused(tag: str) -> None:
    """Explicit tags are refused unless they are plain strings, lists or mappings."""
    _, problems = load(f"departments:\n  - id: a\n    name: {tag} x\n")
    assert len(problems) == 1
    assert "YAML tag" in problems[0] and "is not allowed" in problems[0]


def test_str_tag_is_accepted() -> None:
    """`!!str` is just text."""
    values, problems = load("departments:\n  - id: a\n    name: !!str 10\n")
    assert problems == []
    assert values["departments"][0].name == "10"


def test_alias_bomb_is_refused_quickly() -> None:
    """Aliases nested through stages, steps, back-stage work and systems would expand
    to over a billion nodes: refused with one error, in bounded time."""
    aliases = ", ".join(["*{}"] * 200)
    text = f"""\
phases:
  - id: p
    name: P
    description: &sy x
  - id: q
    name: Q
    description: &b {{name: b, systems: [{aliases.replace("{}", "sy")}]}}
  - id: r
    name: R
    description: &st {{id: st, name: St, backstage: [{aliases.replace("{}", "b")}]}}
  - id: s
    name: S
    description: &s {{id: s, name: S, steps: [{aliases.replace("{}", "st")}]}}
journey:
  id: j
  name: J
  stages: [{aliases.replace("{}", "s")}]
"""
    start = time.perf_counter()
    values, problems = load(text)
    assert time.perf_counter() - start < 5
    assert "aliases expand this file beyond a safe size" in problems[-1]
    assert values == {}


@pytest.mark.parametrize("value", ["null", "~", "''", '"  "', ""])
def test_required_text_must_not_be_empty(value: str) -> None:
    """An empty required value is an error, never a silently dropped record."""
    _, problems = load(f"departments:\n  - id: a\n    name: {value}\n")
    assert len(problems) == 1
    assert problems[0].startswith("journeys/a.yml:3:")
    assert "department 'name' must not be empty" in problems[0]


def test_deep_nesting_is_refused_before_parsing() -> None:
    """Very deep flow nesting is refused without handing it to libyaml."""
    start = time.perf_counter()
    _, problems = load("journey: " + "[" * 200_000 + "]" * 200_000 + "\n")
    assert time.perf_counter() - start < 5
    assert problems == [
        "journeys/a.yml:1:110: error: nested deeper than 100 levels (flatten the structure)"
    ]


def test_deep_block_nesting_is_refused() -> None:
    """Block nesting over 100 levels is refused at the first too-deep node."""
    text = "".join(" " * i + f"k{i}:\n" for i in range(120)) + " " * 120 + "v\n"
    _, problems = load(text)
    assert len(problems) == 1
    assert problems[0].endswith("error: nested deeper than 100 levels (flatten the structure)")


def test_oversized_file_is_refused() -> None:
    """Files over 5 MiB are refused before parsing."""
    _, problems = load(b"# " + b"x" * (5 * 1024 * 1024) + b"\n")
    assert problems == [
        "journeys/a.yml:1:1: error: file is 5.0 MiB, over the 5 MiB limit "
        "(split it into several files)"
    ]


def test_several_documents_in_one_file() -> None:
    """One YAML document per file."""
    _, problems = load("departments: []\n---\nphases: []\n")
    assert len(problems) == 1
    assert "remove the extra '---'" in problems[0]


def test_catalogues_merge_across_files_in_path_order(tmp_path: Path) -> None:
    """Catalogue keys from several files are merged, files read in sorted path order."""
    folder = tmp_path / "journeys"
    (folder / "b").mkdir(parents=True)
    (folder / "b" / "z.yml").write_text("departments:\n  - id: c\n    name: C\n")
    (folder / "a.yaml").write_text("departments:\n  - id: a\n    name: A\n")
    (folder / "b.yml").write_text("departments:\n  - id: b\n    name: B\n")
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "x.yml").write_text("nonsense: [")
    handbook, diagnostics = Loader().load(folder, tmp_path)
    assert diagnostics == []
    assert [d.id for d in handbook.departments] == ["a", "b", "c"]
    assert [d.pos.path for d in handbook.departments] == [
        "journeys/a.yaml",
        "journeys/b.yml",
        "journeys/b/z.yml",
    ]


def test_only_changed_files_are_parsed_again(tmp_path: Path) -> None:
    """The loader keeps each file's result by content hash (what `mkdocs serve` needs)."""
    folder = tmp_path / "journeys"
    folder.mkdir()
    (folder / "a.yml").write_text("departments:\n  - id: a\n    name: A\n")
    (folder / "b.yml").write_text("departments:\n  - id: b\n    name: B\n")
    loader = Loader()
    loader.load(folder, tmp_path)
    assert loader.parsed == ["journeys/a.yml", "journeys/b.yml"]
    loader.load(folder, tmp_path)
    assert loader.parsed == []
    (folder / "b.yml").write_text("departments:\n  - id: b\n    name: Bee\n")
    handbook, _ = loader.load(folder, tmp_path)
    assert loader.parsed == ["journeys/b.yml"]
    assert handbook.departments[1].name == "Bee"


def test_missing_journeys_folder(tmp_path: Path) -> None:
    """A missing folder is one clear error."""
    _, diagnostics = Loader().load(tmp_path / "nope", tmp_path)
    assert [str(d) for d in diagnostics] == [
        "nope:1:1: error: journeys folder 'nope' does not exist (create it or set journeys_dir)"
    ]


def test_oversized_file_reports_its_real_size(tmp_path: Path) -> None:
    """The loader refuses a large file from its size alone, naming that size."""
    folder = tmp_path / "journeys"
    folder.mkdir()
    (folder / "big.yml").write_bytes(b"#" * (6 * 1024 * 1024))
    _, diagnostics = Loader().load(folder, tmp_path)
    assert [str(d) for d in diagnostics] == [
        "journeys/big.yml:1:1: error: file is 6.0 MiB, over the 5 MiB limit (split it into several files)"
    ]


def test_milestone_written_as_text_gets_a_mapping_hint() -> None:
    """`milestone` is one mapping, not a list: the hint says so."""
    _, problems = step_with("milestone: First login")
    assert problems == [
        "journeys/a.yml:7:22: error: step 'milestone' must be a mapping, not 'First login' "
        "(write it as 'name: ...' on the lines below)"
    ]


def test_refused_tag_is_one_error() -> None:
    """A refused tag on a required key does not also report the key as missing."""
    _, problems = load("departments:\n  - id: a\n    name: !!int 3\n")
    assert len(problems) == 1


def test_positions_count_lines_as_yaml_does() -> None:
    """A file whose lines end with CR alone is positioned as YAML reads it, and a syntax
    error at the end of a file points inside the file, not at a line after the last."""
    from mkdocs_journey.load import read_file_bytes

    def first(data: bytes) -> str:
        return str(read_file_bytes("journeys/x.yml", data).diagnostics[0]).split(" ", 1)[0]

    assert first(b"a:\r  - [") == "journeys/x.yml:2:6:"
    assert first(b"a: 1\rb: \xff") == "journeys/x.yml:2:4:"
    assert first(b"[") == "journeys/x.yml:1:2:"
    assert first(b"a: [\n") == "journeys/x.yml:2:1:"
