"""Semantic checks of a loaded handbook: unique ids and references that resolve."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator

from .diagnostics import Diagnostics, Pos, did_you_mean
from .model import Entity, Handbook, Journey, Ref


def step_ids(journey: Journey) -> dict[str, Pos]:
    """A valid journey's step ids (its own position for each: only the ids are read)."""
    return {step.id: journey.pos for stage in journey.stages for step in stage.steps}


def check_references(
    handbook: Handbook,
    only: Collection[str] | None = None,
    known_steps: Callable[[Journey], dict[str, Pos]] = step_ids,
) -> Diagnostics:
    """Every duplicate id and unknown reference in the handbook, as errors. With `only`
    (journey ids), the journeys' own records are checked for those journeys alone: the
    others are known to be valid (replaying history, where a commit changes a few
    journeys and the catalogue did not change)."""
    diagnostics = Diagnostics()
    catalogues = {
        "department": handbook.departments,
        "touchpoint": handbook.touchpoints,
        "persona": handbook.personas,
        "phase": handbook.phases,
        "metric": handbook.metrics,
        "journey": handbook.journeys,
    }
    known = {kind: _unique(records, kind, diagnostics) for kind, records in catalogues.items()}
    checked = [j for j in handbook.journeys if only is None or j.id in only]
    for kind, ref in _catalogue_refs(handbook, checked):
        _resolve(ref, kind, known[kind], diagnostics)
    steps_by_journey: dict[str, dict[str, Pos]] = {}
    for journey in handbook.journeys:
        if only is not None and journey.id not in only:
            steps_by_journey.setdefault(journey.id, known_steps(journey))
            continue
        _unique(journey.stages, "stage", diagnostics, scope=journey)
        steps = _unique(
            (s for st in journey.stages for s in st.steps), "step", diagnostics, journey
        )
        milestones = (s.milestone for st in journey.stages for s in st.steps if s.milestone)
        _unique(milestones, "milestone", diagnostics, scope=journey)
        steps_by_journey.setdefault(journey.id, steps)
    for journey in checked:
        for stage in journey.stages:
            for step in stage.steps:
                for ref in step.next or ():
                    _resolve_step(ref, journey, steps_by_journey, diagnostics)
    return diagnostics


def _catalogue_refs(handbook: Handbook, journeys: Iterable[Journey]) -> Iterator[tuple[str, Ref]]:
    for touchpoint in handbook.touchpoints:
        yield from _each("department", [touchpoint.owner])
    for metric in handbook.metrics:
        yield from _each("department", [metric.owner])
    for journey in journeys:
        yield from _each("persona", journey.personas)
        yield from _each("department", [journey.owner])
        for stage in journey.stages:
            yield from _each("phase", [stage.phase])
            yield from _each("metric", stage.metrics)
            for step in stage.steps:
                yield from _each("metric", step.metrics)
                yield from _each("touchpoint", step.touchpoints)
                yield from _each("department", (*step.departments, step.owner))
                yield from _each("department", (f.department for f in step.frontstage))
                yield from _each("department", (b.department for b in step.backstage))


def _each(kind: str, refs: Iterable[Ref | None]) -> Iterator[tuple[str, Ref]]:
    return ((kind, ref) for ref in refs if ref is not None)


def _unique(
    records: Iterable[Entity], kind: str, diagnostics: Diagnostics, scope: Journey | None = None
) -> dict[str, Pos]:
    first: dict[str, Pos] = {}
    within = f" in journey '{scope.id}'" if scope else ""
    for record in records:
        where = record.at("id")
        if record.id in first:
            diagnostics.error(
                where,
                f"duplicate {kind} id '{record.id}'{within}, first defined at {first[record.id]}",
                "give each one its own id",
            )
        else:
            first[record.id] = where
    return first


def _resolve(ref: Ref, kind: str, known: dict[str, Pos], diagnostics: Diagnostics) -> None:
    if ref.target not in known:
        hint = did_you_mean(ref.target, known) or (
            f"define it under '{kind}s'" if known else f"no {kind} is defined yet"
        )
        diagnostics.error(ref.pos, f"unknown {kind} '{ref.target}'", hint)


def _resolve_step(
    ref: Ref, journey: Journey, steps: dict[str, dict[str, Pos]], diagnostics: Diagnostics
) -> None:
    journey_id, _, step_id = ref.target.rpartition("/")
    if not journey_id:
        _resolve(ref, "step", steps[journey.id], diagnostics)
        return
    if journey_id not in steps:
        hint = did_you_mean(journey_id, steps)
        diagnostics.error(ref.pos, f"unknown journey '{journey_id}' in step reference", hint)
        return
    if step_id not in steps[journey_id]:
        candidates = [f"{journey_id}/{s}" for s in steps[journey_id]]
        hint = did_you_mean(ref.target, candidates)
        diagnostics.error(ref.pos, f"unknown step '{ref.target}'", hint)
