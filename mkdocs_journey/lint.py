"""The method as a linter: named warnings for gaps in the journeys' method.

Each rule returns warnings; `lint` runs the rules that are switched on. Every rule is
documented in the guide with why it matters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .diagnostics import Diagnostic, Diagnostics, Pos, Severity
from .graph import HandbookGraph
from .links import links_of
from .lint_metrics import METRIC_RULES
from .markup import prepared
from .metrics import Freshness
from .model import Entity, Handbook, Ref
from .schema import (
    DEPARTMENT,
    JOURNEY,
    METRIC,
    MILESTONE,
    PERSONA,
    PHASE,
    STAGE,
    STEP,
    TOUCHPOINT,
    Kind,
)

Rule = Callable[..., Iterator[Diagnostic]]
"""A rule reads the graph; a dated rule also the reference date and allowed ages."""
RULES: dict[str, Rule] = {}
_DATED: set[str] = set()


def rule(name: str, dated: bool = False) -> Callable[[Rule], Rule]:
    """Register a lint rule under its name; a dated one is given the `Freshness` too."""

    def register(function: Rule) -> Rule:
        RULES[name] = function
        if dated:
            _DATED.add(name)
        return function

    return register


def _one(pos: Pos, message: str, hint: str, name: str) -> Diagnostic:
    return Diagnostic(pos, Severity.WARNING, message, hint, name)


@rule("persona-evidence")
def persona_without_evidence(graph: HandbookGraph) -> Iterator[Diagnostic]:
    """A persona should be grounded in research, not imagination."""
    for persona in graph.personas.values():
        if not persona.evidence:
            yield _one(
                persona.at("id"),
                f"persona '{persona.id}' has no evidence",
                "add 'evidence': interviews, surveys, analytics, market data",
                "persona-evidence",
            )


@rule("persona-success")
def persona_without_success(graph: HandbookGraph) -> Iterator[Diagnostic]:
    """What success means in the customer's eyes is the point of the persona."""
    for persona in graph.personas.values():
        if not persona.success:
            yield _one(
                persona.at("id"),
                f"persona '{persona.id}' does not say what success means to them",
                "add 'success' in the customer's own words",
                "persona-success",
            )


@rule("journey-milestones")
def journey_without_milestones(graph: HandbookGraph) -> Iterator[Diagnostic]:
    """Milestones break the customer's success into progress they can feel."""
    for journey in graph.journeys.values():
        if not graph.milestones(journey):
            yield _one(
                journey.at("id"),
                f"journey '{journey.id}' has no milestones",
                "mark the steps that deliver value with 'milestone'",
                "journey-milestones",
            )


@rule("milestone-when-stuck")
def milestone_without_playbook(graph: HandbookGraph) -> Iterator[Diagnostic]:
    """A milestone needs a plan for the customers who do not reach it."""
    for journey in graph.journeys.values():
        for place in graph.milestones(journey):
            milestone = place.step.milestone
            assert milestone is not None
            if not milestone.when_stuck:
                yield _one(
                    milestone.at("id"),
                    f"milestone '{milestone.id}' of journey '{journey.id}' has no 'when_stuck'",
                    "say what to do when a customer does not get there",
                    "milestone-when-stuck",
                )


@rule("step-department")
def step_without_department(graph: HandbookGraph) -> Iterator[Diagnostic]:
    """Every step is somebody's work; hand-overs are invisible otherwise."""
    for places in graph.journey_places.values():
        for place in places:
            if not place.step.involved:
                yield _one(
                    place.step.at("id"),
                    f"step '{place.step.id}' of journey '{place.journey.id}' has no department",
                    "add 'departments' (the first one owns the step)",
                    "step-department",
                )


@rule("step-touchpoint")
def step_without_touchpoint(graph: HandbookGraph) -> Iterator[Diagnostic]:
    """The customer meets the company somewhere at every step."""
    for places in graph.journey_places.values():
        for place in places:
            if not place.step.touchpoints:
                yield _one(
                    place.step.at("id"),
                    f"step '{place.step.id}' of journey '{place.journey.id}' has no touchpoint",
                    "add 'touchpoints': where the customer meets us here",
                    "step-touchpoint",
                )


@rule("unreachable-step")
def unreachable_steps(graph: HandbookGraph) -> Iterator[Diagnostic]:
    """A step no path leads to is a dead part of the map."""
    for journey_id, places in graph.journey_places.items():
        if not places:
            continue
        seen = {places[0].key}
        queue = [places[0]]
        while queue:
            for target in graph.next[queue.pop().key]:
                if target.journey.id == journey_id and target.key not in seen:
                    seen.add(target.key)
                    queue.append(target)
        for place in places:
            if place.key not in seen:
                yield _one(
                    place.step.at("id"),
                    f"step '{place.step.id}' cannot be reached from the first step of "
                    f"journey '{journey_id}'",
                    "point a 'next' at it, or remove it",
                    "unreachable-step",
                )


def _used(refs: Iterable[Ref | None]) -> set[str]:
    return {ref.target for ref in refs if ref is not None}


@rule("unused-department")
def unused_departments(graph: HandbookGraph) -> Iterator[Diagnostic]:
    """A department that appears nowhere is either missing from the map or stale."""
    handbook = graph.handbook
    used = set(graph.by_department) | set(graph.backstage_by_department)
    used |= set(graph.frontstage_by_department)
    used |= set(graph.touchpoints_owned) | _used(j.owner for j in handbook.journeys)
    for department in graph.departments.values():
        if department.id not in used:
            yield _one(
                department.at("id"),
                f"department '{department.id}' is not used: no step, front- or back-stage "
                "work, touchpoint or journey names it",
                "add it to the steps it works on, or remove it",
                "unused-department",
            )


@rule("unused-touchpoint")
def unused_touchpoints(graph: HandbookGraph) -> Iterator[Diagnostic]:
    """A touchpoint no step uses is a channel the journeys do not explain."""
    for touchpoint in graph.touchpoints.values():
        if touchpoint.id not in graph.by_touchpoint:
            yield _one(
                touchpoint.at("id"),
                f"touchpoint '{touchpoint.id}' is not used by any step",
                "add it to a step's 'touchpoints', or remove it",
                "unused-touchpoint",
            )


@rule("unused-persona")
def unused_personas(graph: HandbookGraph) -> Iterator[Diagnostic]:
    """A persona without a journey is research nobody acts on."""
    for persona in graph.personas.values():
        if persona.id not in graph.persona_journeys:
            yield _one(
                persona.at("id"),
                f"persona '{persona.id}' takes no journey",
                "name it in a journey's 'persona', or remove it",
                "unused-persona",
            )


@rule("unmapped-phase")
def unmapped_phases(graph: HandbookGraph) -> Iterator[Diagnostic]:
    """A lifecycle phase no stage maps to is a blind spot in the lifecycle."""
    for phase in graph.phases.values():
        if phase.id not in graph.phase_stages:
            yield _one(
                phase.at("id"),
                f"no stage maps to lifecycle phase '{phase.id}'",
                "set 'phase' on the stages that fall in it",
                "unmapped-phase",
            )


_MARKDOWN_KEYS = {
    shape.name: tuple(key for key, spec in shape.keys.items() if spec.kind is Kind.MARKDOWN)
    for shape in (DEPARTMENT, TOUCHPOINT, PERSONA, PHASE, METRIC, JOURNEY, STAGE, STEP, MILESTONE)
}


def _records(handbook: Handbook) -> Iterator[tuple[str, Entity]]:
    yield from (("department", d) for d in handbook.departments)
    yield from (("touchpoint", t) for t in handbook.touchpoints)
    yield from (("persona", p) for p in handbook.personas)
    yield from (("phase", p) for p in handbook.phases)
    yield from (("metric", m) for m in handbook.metrics)
    for journey in handbook.journeys:
        yield "journey", journey
        for stage in journey.stages:
            yield "stage", stage
            for step in stage.steps:
                yield "step", step
                if step.milestone:
                    yield "milestone", step.milestone


def markdown_fields(handbook: Handbook) -> Iterator[tuple[str, Entity, str, str]]:
    """Every non-empty Markdown field: (record kind, record, key, text)."""
    for kind, record in _records(handbook):
        for key in _MARKDOWN_KEYS[kind]:
            text = getattr(record, key)
            if text:
                yield kind, record, key, text


_LINK_HINT = "link to http(s), mailto, relative or entity targets only"
_MARKUP_HINTS = {
    "raw HTML": "write Markdown instead of HTML",
    "an attribute list": "remove the {: ...} attributes; the page styles itself",
}


@rule("unsafe-markup")
def unsafe_markup(graph: HandbookGraph) -> Iterator[Diagnostic]:
    """Raw HTML, attribute lists and unsafe links are shown as text, never run."""
    for kind, record, key, text in markdown_fields(graph.handbook):
        for problem in prepared(text).problems:
            yield _one(
                record.at(key),
                f"{kind} '{key}' has {problem}; it is shown as text",
                _MARKUP_HINTS.get(problem.split(" (")[0], _LINK_HINT),
                "unsafe-markup",
            )


@rule("unknown-link")
def unknown_entity_links(graph: HandbookGraph) -> Iterator[Diagnostic]:
    """An entity link to nothing is a broken promise to the reader."""
    links = links_of(graph)
    for kind, record, key, text in markdown_fields(graph.handbook):
        for unknown in links.unknown(links.scan(prepared(text).text)):
            yield _one(
                record.at(key),
                f"{kind} '{key}' links to unknown '{unknown.link}'",
                unknown.hint,
                "unknown-link",
            )


for _name, (_check, _dated) in METRIC_RULES.items():
    rule(_name, _dated)(_check)


def lint(
    graph: HandbookGraph, disabled: Iterable[str] = (), freshness: Freshness | None = None
) -> Diagnostics:
    """The warnings of every rule not in `disabled`, in file order. The dated rules run
    only when given the `freshness` to compare with."""
    skip = set(disabled)
    diagnostics = Diagnostics()
    for name, check in RULES.items():
        if name in skip:
            continue
        arguments: tuple[Any, ...] = (graph,)
        if name in _DATED:
            if freshness is None:
                continue
            arguments = (graph, freshness)
        diagnostics.extend(check(*arguments))
    return Diagnostics(diagnostics.sorted())
