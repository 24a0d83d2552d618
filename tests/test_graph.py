"""Paths and hand-overs: default next steps, branches, exits and cross-journey edges."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_journey.graph import HandbookGraph
from mkdocs_journey.ids import id_from_name, id_problem
from mkdocs_journey.load import Loader

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"


@pytest.fixture(scope="module")
def graph() -> HandbookGraph:
    handbook, diagnostics = Loader().load(MINIMAL / "journeys", MINIMAL)
    assert not diagnostics
    return HandbookGraph(handbook)


def next_ids(graph: HandbookGraph, journey: str, step: str) -> list[str]:
    return ["/".join(p.key) for p in graph.next[(journey, step)]]


def test_default_next_is_the_following_step(graph: HandbookGraph) -> None:
    """Without `next`, a step leads to the following one."""
    assert next_ids(graph, "buy", "visit") == ["buy/call"]


def test_explicit_next_replaces_the_default(graph: HandbookGraph) -> None:
    """A branch lists its targets in order, across stages too."""
    assert next_ids(graph, "buy", "call") == ["buy/first-use", "buy/leaves"]


def test_empty_next_ends_the_path(graph: HandbookGraph) -> None:
    """`next: []` is an exit."""
    assert next_ids(graph, "buy", "leaves") == []


def test_next_into_another_journey(graph: HandbookGraph) -> None:
    """`journey/step` crosses journeys."""
    assert next_ids(graph, "buy", "first-use") == ["renew/asks"]


def test_last_step_of_a_journey_ends_it(graph: HandbookGraph) -> None:
    """The default after the last step of the last stage is the end."""
    assert next_ids(graph, "renew", "asks") == []


def test_previous_steps_are_the_reverse_edges(graph: HandbookGraph) -> None:
    """Every edge is recorded from its target's side too."""
    assert ["/".join(p.key) for p in graph.previous[("renew", "asks")]] == ["buy/first-use"]
    assert ["/".join(p.key) for p in graph.previous[("buy", "leaves")]] == ["buy/call"]


def test_owner_defaults_to_first_department_and_counts_as_involved(graph: HandbookGraph) -> None:
    """The owner leads the step; an explicit owner goes first among the involved."""
    visit = graph.places[("buy", "visit")].step
    call = graph.places[("buy", "call")].step
    assert visit.owner_id == "sales"
    assert call.owner_id == "atencao-ao-cliente"
    assert call.involved == ("atencao-ao-cliente", "sales")


def test_handovers_are_edges_between_different_owners(graph: HandbookGraph) -> None:
    """Each owner change along a path, also across stages and journeys, is a hand-over."""
    handovers = [
        ("/".join(h.source.key), "/".join(h.target.key), h.giver, h.receiver)
        for h in graph.handovers
    ]
    assert handovers == [
        ("buy/visit", "buy/call", "sales", "atencao-ao-cliente"),
        ("buy/call", "buy/leaves", "atencao-ao-cliente", "sales"),
    ]


def test_department_involvement_and_touchpoint_use(graph: HandbookGraph) -> None:
    """Indexes by department and touchpoint list steps in journey order."""
    assert [p.step.id for p in graph.by_department["sales"]] == ["visit", "call", "leaves"]
    assert [p.step.id for p in graph.by_touchpoint["phone"]] == ["call", "asks"]
    assert [t.id for t in graph.touchpoints_owned["sales"]] == ["web"]


def test_milestones_in_journey_order(graph: HandbookGraph) -> None:
    """A journey's milestones are its milestone steps, in path order."""
    assert [p.step.id for p in graph.milestones(graph.journeys["buy"])] == ["first-use"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Atenção ao Cliente", "atencao-ao-cliente"),
        ("  Q&A -- call (1:1)  ", "q-a-call-1-1"),
        ("Ünïcödé Straße", "unicode-stra-e"),
        ("日本語", ""),
        ("Ｆｕｌｌ　ｗｉｄｔｈ", "full-width"),
    ],
)
def test_id_from_name(name: str, expected: str) -> None:
    """Ids derive from names: NFKD, accents dropped, other runs become one hyphen."""
    assert id_from_name(name) == expected


def test_id_problems() -> None:
    """The id rules: pattern, length, reserved names."""
    assert id_problem("ok-id-1") == ""
    assert id_problem("a" * 64) == ""
    assert "64" in id_problem("a" * 65)
    assert "reserved" in id_problem("lpt9")
    assert id_problem("-a") and id_problem("a_b") and id_problem("")
