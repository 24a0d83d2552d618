"""Semantic checks: duplicates name both places, unknown references get a hint."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from mkdocs_journey.load import Loader
from mkdocs_journey.validate import check_references

CATALOGUE = """\
departments:
  - id: sales
    name: Sales
  - id: support
    name: Support
touchpoints:
  - id: web
    name: Web
    owner: sales
personas:
  - id: owner
    name: Owner
phases:
  - id: aware
    name: Aware
"""

JOURNEY = """\
journey:
  id: buy
  name: Buy
  persona: owner
  owner: sales
  stages:
    - id: find
      name: Find
      phase: aware
      steps:
        - id: visit
          name: Visit
          touchpoints: web
          departments: sales
        - id: call
          name: Call
          departments: support
"""


def check(tmp_path: Path, **files: str) -> list[str]:
    folder = tmp_path / "journeys"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / f"{name}.yml").write_text(textwrap.dedent(text), encoding="utf-8")
    handbook, diagnostics = Loader().load(folder, tmp_path)
    assert diagnostics == [], diagnostics
    return [str(d) for d in check_references(handbook).sorted()]


def test_valid_handbook_has_no_problems(tmp_path: Path) -> None:
    """The reference catalogue and journey are clean."""
    assert check(tmp_path, a=CATALOGUE, b=JOURNEY) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "departments: sales\n",
            "departments: sals\n",
            "unknown department 'sals' (did you mean 'sales'?)",
        ),
        (
            "touchpoints: web",
            "touchpoints: webb",
            "unknown touchpoint 'webb' (did you mean 'web'?)",
        ),
        ("persona: owner", "persona: ownr", "unknown persona 'ownr' (did you mean 'owner'?)"),
        ("phase: aware", "phase: awre", "unknown phase 'awre' (did you mean 'aware'?)"),
        (
            "owner: sales\n  stages",
            "owner: nobody\n  stages",
            "unknown department 'nobody' (define it under 'departments')",
        ),
    ],
)
def test_unknown_references(tmp_path: Path, old: str, new: str, expected: str) -> None:
    """Every kind of reference is resolved, with a did-you-mean hint."""
    problems = check(tmp_path, a=CATALOGUE, b=JOURNEY.replace(old, new, 1))
    assert len(problems) == 1
    assert problems[0].startswith("journeys/b.yml:")
    assert problems[0].endswith(expected)


def test_unknown_reference_points_at_the_value(tmp_path: Path) -> None:
    """The position is that of the offending id in a list."""
    journey = JOURNEY.replace("departments: support", "departments: [support, markting]")
    assert check(tmp_path, a=CATALOGUE, b=journey) == [
        "journeys/b.yml:17:34: error: unknown department 'markting' (define it under 'departments')"
    ]


def test_touchpoint_owner_and_backstage_department_are_checked(tmp_path: Path) -> None:
    """References inside the catalogue and inside back-stage work resolve too."""
    catalogue = CATALOGUE.replace("    owner: sales", "    owner: salse")
    journey = JOURNEY.replace(
        "departments: support",
        "departments: support\n          backstage: [{name: x, department: it}]",
    )
    problems = check(tmp_path, a=catalogue, b=journey)
    assert problems == [
        "journeys/a.yml:9:12: error: unknown department 'salse' (did you mean 'sales'?)",
        "journeys/b.yml:18:45: error: unknown department 'it' (define it under 'departments')",
    ]


def test_duplicate_ids_across_files_name_the_first(tmp_path: Path) -> None:
    """Catalogue ids are unique across files; the later one is reported."""
    extra = "departments:\n  - id: sales\n    name: Sales again\n"
    assert check(tmp_path, a=CATALOGUE, b=JOURNEY, c=extra) == [
        "journeys/c.yml:2:9: error: duplicate department id 'sales', first defined at "
        "journeys/a.yml:2:9 (give each one its own id)"
    ]


def test_duplicate_journey_ids(tmp_path: Path) -> None:
    """Two journeys may not share an id."""
    problems = check(tmp_path, a=CATALOGUE, b=JOURNEY, c=JOURNEY)
    assert problems == [
        "journeys/c.yml:2:7: error: duplicate journey id 'buy', first defined at "
        "journeys/b.yml:2:7 (give each one its own id)"
    ]


def test_step_ids_are_unique_across_stages_of_a_journey(tmp_path: Path) -> None:
    """Steps are unique within their journey, whatever the stage."""
    journey = (
        JOURNEY
        + "    - id: later\n      name: Later\n      steps:\n"
        + "        - id: visit\n          name: Again\n"
    )
    assert check(tmp_path, a=CATALOGUE, b=journey) == [
        "journeys/b.yml:21:15: error: duplicate step id 'visit' in journey 'buy', first defined "
        "at journeys/b.yml:11:15 (give each one its own id)"
    ]


def test_derived_ids_collide_like_explicit_ones(tmp_path: Path) -> None:
    """A stage whose derived id repeats another's is a duplicate, at its name."""
    journey = JOURNEY + "    - name: FIND\n      steps:\n        - id: x\n          name: X\n"
    problems = check(tmp_path, a=CATALOGUE, b=journey)
    assert problems == [
        "journeys/b.yml:18:13: error: duplicate stage id 'find' in journey 'buy', first "
        "defined at journeys/b.yml:7:11 (give each one its own id)"
    ]


def test_milestone_ids_are_unique_within_a_journey(tmp_path: Path) -> None:
    """Two milestones of one journey may not share an id."""
    journey = JOURNEY.replace(
        "departments: sales\n", "departments: sales\n          milestone: {name: Done}\n"
    ).replace("departments: support\n", "departments: support\n          milestone: {name: done}\n")
    problems = check(tmp_path, a=CATALOGUE, b=journey)
    assert len(problems) == 1
    assert "duplicate milestone id 'done' in journey 'buy'" in problems[0]


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("vist", "unknown step 'vist' (did you mean 'visit'?)"),
        ("other/visit", "unknown journey 'other' in step reference"),
        ("bye/visitt", "unknown step 'bye/visitt' (did you mean 'bye/visit'?)"),
    ],
)
def test_next_references_within_and_across_journeys(
    tmp_path: Path, target: str, expected: str
) -> None:
    """`next` resolves `step` in its journey and `journey/step` in another."""
    other = JOURNEY.replace("id: buy", "id: bye")
    journey = JOURNEY.replace(
        "departments: support\n",
        f"departments: support\n          next: [visit, bye/call, {target}]\n",
    )
    problems = check(tmp_path, a=CATALOGUE, b=journey, c=other)
    assert len(problems) == 1
    assert problems[0].endswith(expected)
