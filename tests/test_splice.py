"""Reading a journey file's new version from its last one (`load.splice`): whenever it
gives a result, it is the whole file's parse (positions aside), the steps it read are
where the file has them, and what it keeps of where the steps lie is what a full read
of the new version finds; when it cannot be sure, it gives None."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_journey.diagnostics import Pos
from mkdocs_journey.load import read_file_bytes
from mkdocs_journey.load.splice import Version, spliced, version
from mkdocs_journey.model import Ref
from tests.conftest import REPO

SAMPLE = (REPO / "journeys" / "self-serve-trial.yml").read_text("utf-8")
PATH = "journeys/self-serve-trial.yml"


def without_positions(value: Any) -> Any:
    """A record as plain data, every position left out."""
    if isinstance(value, Ref):
        return value.target
    if isinstance(value, Pos):
        return None
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return tuple(
            (f.name, without_positions(getattr(value, f.name)))
            for f in dataclasses.fields(value)
            if f.compare and f.name not in ("pos", "where")
        )
    if isinstance(value, tuple | list):
        return tuple(without_positions(v) for v in value)
    if isinstance(value, dict):
        return {k: without_positions(v) for k, v in value.items()}
    return value


def full(text: str) -> Version | None:
    """The new version read in full, or None when it does not read cleanly."""
    result = read_file_bytes(PATH, text.encode("utf-8"))
    if result.diagnostics or "journey" not in result.values:
        return None
    return version(text, result.values)


def assert_same_as_a_full_read(made: Version, text: str, last: Version) -> None:
    """The splice equals the full read; every step it gives with a line other than
    the file's is a step it took over from the last version, never one it read."""
    whole = full(text)
    assert whole is not None, "spliced a version that does not read cleanly"
    assert without_positions(made.values) == without_positions(whole.values)
    assert made.spans == whole.spans
    kept = {id(s) for stage in last.values["journey"].stages for s in stage.steps}
    for stage, exact in zip(
        made.values["journey"].stages, whole.values["journey"].stages, strict=True
    ):
        for step, exact_step in zip(stage.steps, exact.steps, strict=True):
            assert step.pos == exact_step.pos or id(step) in kept


LINES = SAMPLE.split("\n")
STEP_STARTS = [i for i, line in enumerate(LINES) if re.fullmatch(r" {8}- id: .+", line)]


def _insert(lines: list[str], at: int, new: list[str]) -> list[str]:
    return [*lines[:at], *new, *lines[at:]]


EDITS = st.one_of(
    # a step renamed
    st.tuples(st.just("rename"), st.sampled_from(STEP_STARTS), st.text("abc xyz", min_size=1)),
    # a score changed
    st.tuples(
        st.just("score"),
        st.sampled_from([i for i, line in enumerate(LINES) if "experience:" in line]),
        st.integers(0, 6),
    ),
    # a step added after another
    st.tuples(st.just("add"), st.sampled_from(STEP_STARTS), st.text("abcdef", min_size=1)),
    # a step removed
    st.tuples(st.just("remove"), st.sampled_from(STEP_STARTS), st.just("")),
    # a line of the file written over another: often no longer valid, or not a step
    st.tuples(st.just("line"), st.integers(0, len(LINES) - 1), st.sampled_from(LINES)),
    # a comment
    st.tuples(st.just("comment"), st.integers(0, len(LINES)), st.just("# reviewed")),
)


def edited(text: str, edit: tuple[str, int, Any]) -> str:
    kind, at, value = edit
    lines = text.split("\n")
    at = min(at, len(lines) - 1)
    if kind == "rename":
        found = [i for i in range(at, len(lines)) if lines[i].startswith("          name: ")]
        if found:
            lines[found[0]] = f"          name: {value.strip() or 'x'}"
    elif kind == "score":
        lines[at] = re.sub(r"experience: \S+", f"experience: {value}", lines[at])
    elif kind == "add":
        step = [f"        - name: Added {value}", "          departments: [support]"]
        lines = _insert(lines, at, step)
    elif kind == "remove":
        end = at + 1
        while end < len(lines) and lines[end].startswith("          "):
            end += 1
        if sum(1 for i in STEP_STARTS if i < len(lines)) > 1:
            lines = lines[:at] + lines[end:]
    elif kind == "line":
        lines[at] = value
    else:
        lines = _insert(lines, at, [" " * 10 + value])
    return "\n".join(lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(EDITS, min_size=1, max_size=4))
def test_a_spliced_version_is_the_whole_files_read(edits: list[tuple[str, int, Any]]) -> None:
    """Edits one after another, each version read from the last one read (spliced or
    full): every splice equals the full read; none is made of a version that does not
    read cleanly."""
    last = full(SAMPLE)
    assert last is not None and last.spans is not None
    text = SAMPLE
    for edit in edits:
        text = edited(text, edit)
        made = spliced(PATH, last, text)
        if made is not None:
            assert_same_as_a_full_read(made, text, last)
            last = made
        else:
            whole = full(text)
            if whole is None:
                return
            last = whole


def test_a_renamed_step_is_spliced_and_read_where_it_is() -> None:
    last = full(SAMPLE)
    assert last is not None
    text = SAMPLE.replace("name: Compares Brightpath", "name: Weighs Brightpath", 1)
    made = spliced(PATH, last, text)
    assert made is not None
    assert_same_as_a_full_read(made, text, last)
    names = [s.name for st_ in made.values["journey"].stages for s in st_.steps]
    assert "Weighs Brightpath with spreadsheets & a legacy ERP" in names


def test_a_step_added_moves_the_later_steps() -> None:
    last = full(SAMPLE)
    assert last is not None
    lines = SAMPLE.split("\n")
    at = STEP_STARTS[1]
    added = ["        - name: Reads a review", "          departments: [marketing]"]
    text = "\n".join(_insert(lines, at, added))
    made = spliced(PATH, last, text)
    assert made is not None
    assert_same_as_a_full_read(made, text, last)
    assert made.spans is not None and last.spans is not None
    assert made.spans[0][0] == last.spans[0][0]  # the first step: as it was
    assert made.spans[-1][-1][0] == last.spans[-1][-1][0] + 2  # the last: two lines on


def test_what_it_cannot_be_sure_of_is_read_in_full() -> None:
    last = full(SAMPLE)
    assert last is not None
    anchored = SAMPLE.replace("experience: 2", "experience: &low 2", 1)
    assert spliced(PATH, last, anchored) is None
    stage_goal = re.sub(r"(\n      goal: )", r"\1Now ", SAMPLE, count=1)
    assert stage_goal != SAMPLE and spliced(PATH, last, stage_goal) is None
    broken = SAMPLE.replace("experience: 2", "experience: [2", 1)
    assert spliced(PATH, last, broken) is None
    unknown_key = SAMPLE.replace("experience: 2", "experiense: 2", 1)
    assert spliced(PATH, last, unknown_key) is None
    assert version(SAMPLE.replace("\n", "\r\n"), last.values).spans is None


def test_errors_of_a_spliced_version_carry_the_lines_as_written(tmp_path: Path) -> None:
    """A commit adds lines to the first step of a journey and renames a department in
    the catalogue (its id is derived from its name): the journey's version is read from the last one, but the errors it
    gets (a later step names the old id) point at the lines of the version
    as committed, which lie below the added lines."""
    from mkdocs_journey.history import trace
    from mkdocs_journey.load import Loader
    from mkdocs_journey.load.git_history import BlobStore, read_history
    from tests.conftest import Project
    from tests.test_history import commit, edit, git

    project = Project(tmp_path / "repo")
    project.copy_journeys("minimal")
    git(project.root, "init", "-q", "-b", "main")
    commit(project.root, "The handbook")
    edit(project.root, "journeys/buy.yml", "          pain_points: [Too many plans]\n",
         "          pain_points: [Too many plans]\n          thoughts:\n            - Which plan?\n"
         "            - Is there a trial?\n")  # fmt: skip
    edit(
        project.root,
        "journeys/catalogue.yml",
        "  - name: Atenção ao Cliente\n",
        "  - name: Atendimento\n",
    )  # fmt: skip  (its id, derived from the name, changes)
    commit(project.root, "Support leaves the catalogue", day=2)
    journeys = project.root / "journeys"
    history = trace(
        read_history([journeys]), BlobStore(), Loader(every_version=True), journeys, None
    )
    errors = [e for change in history.changes for e in change.errors if "buy.yml" in e]
    committed = (journeys / "buy.yml").read_text("utf-8").split("\n")
    expected = next(
        i + 1 for i, line in enumerate(committed)
        if line == "          departments: atencao-ao-cliente"
    )  # fmt: skip
    assert any(e.startswith(f"journeys/buy.yml:{expected}:") for e in errors), errors


def test_history_is_the_same_read_in_full_or_from_the_last_versions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sample under Git, then commits a team makes (steps renamed, rescored, added,
    removed, a stage's goal changed, several steps in one commit): the history traced
    with versions read from one another is the history traced reading each in full."""
    import shutil

    from mkdocs_journey.history import trace
    from mkdocs_journey.load import Loader
    from mkdocs_journey.load import loader as loader_module
    from mkdocs_journey.load.git_history import BlobStore, read_history
    from tests.test_history import commit, git

    root = tmp_path / "repo"
    shutil.copytree(REPO / "journeys", root / "journeys")
    git(root, "init", "-q", "-b", "main")
    commit(root, "The handbook")
    journey = root / PATH
    edits = [
        [("rename", STEP_STARTS[3], "Reads the pricing page")],
        [("score", next(i for i, line in enumerate(LINES) if "experience:" in line), 4)],
        [("add", STEP_STARTS[5], "onboarding video")],
        [("rename", STEP_STARTS[1], "First"), ("rename", STEP_STARTS[-2], "Last")],
        [("remove", STEP_STARTS[7], "")],
        [("comment", STEP_STARTS[2] + 2, "# checked")],
    ]
    text = SAMPLE
    for day, group in enumerate(edits, start=2):
        for edit in group:
            text = edited(text, edit)
        journey.write_text(text, "utf-8")
        commit(root, f"Edit {day}", day=day)
    goal = re.sub(r"(\n      goal: )", r"\1Now ", text, count=1)
    journey.write_text(goal, "utf-8")
    commit(root, "A stage's goal", day=20)

    def traced() -> Any:
        history = read_history([root / "journeys"])
        loader = Loader(every_version=True)
        return trace(history, BlobStore(), loader, root / "journeys", None), loader

    spliced_history, loader = traced()
    read_from_last = sum(1 for result in loader.cache.values() if not result[1].exact)
    assert read_from_last >= len(edits) - 1  # the optimisation was taken
    monkeypatch.setattr(loader_module.Loader, "_from_last", lambda self, path, data: None)
    full_history, _ = traced()
    assert spliced_history == full_history
    # the handbook, each edit but the comment (which changes nothing), the goal
    assert len(full_history.changes) == 1 + len(edits) - 1 + 1


SMALL = """\
journey:
  id: j
  name: J
  stages:
    - id: s
      name: S
      steps:
        - description: |
            Text of a.
          id: a
          name: A
          owner: &d sales
        - id: b
          name: B
          owner: *d
        - id: c
          name: "C
      continued"
          departments: [sales,
            support]
"""


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # an anchor after a step's block scalar ties step b to step a
        ("owner: &d sales", "owner: &d support"),
        # a quoted value of the stage's last step continued on a shallower line
        ('name: "C\n      continued"', 'name: "C"\n      continued"'),
        # a list closed early in the last step
        ("[sales,\n            support]", "[sales]\n            support]"),
        # the file's last step removed
        ('        - id: c\n          name: "C\n      continued"\n          departments: [sales,\n'
         "            support]\n", ""),
    ],
)  # fmt: skip
def test_what_ties_lines_together_is_never_spliced(old: str, new: str) -> None:
    """Cases a review found: each gives None, never a version that differs from the
    full read of the same text."""
    text = SMALL.replace("*d", "sales").replace("&d ", "") if "&d" not in old else SMALL
    result = read_file_bytes(PATH, text.encode("utf-8"))
    assert not result.diagnostics, result.diagnostics
    last = version(text, result.values)
    edited_text = text.replace(old, new, 1)
    assert edited_text != text
    assert spliced(PATH, last, edited_text) is None


def test_a_text_that_the_whole_file_nests_too_deeply_is_read_in_full() -> None:
    """The nesting test of a full parse counts brackets over the whole file: a version
    that passes it step by step but not as a whole is never spliced."""
    last = full(SAMPLE)
    assert last is not None
    brackets = "thoughts: ['" + "[" * 120 + "']"
    text = SAMPLE.replace(
        "          experience: 3\n", f"          experience: 3\n          {brackets}\n", 1
    )
    assert spliced(PATH, last, text) is None
