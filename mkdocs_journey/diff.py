"""Two handbooks -> what changed, for whom: journeys, stages, steps, milestones,
catalogue entries, and the departments whose work changed (with their reviewers).

Entities are matched by id, so a renamed step is a rename and a step that changed
stage is a move, never a removal plus an addition."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .diff_metrics import MetricChange, metric_changes
from .graph import HandbookGraph, Place
from .metrics import Target
from .model import (
    Backstage,
    Entity,
    Evidence,
    Frontstage,
    Journey,
    Milestone,
    Ref,
    Review,
    Stage,
    Step,
)
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
    compared_fields,
)
from .text import one_line

ABSENT = "—"


@dataclass(frozen=True)
class FieldChange:
    """One field's old and new value, as short text."""

    field: str
    old: str
    new: str


@dataclass(frozen=True)
class StepChange:
    """A step added, removed or changed (renamed, moved, fields)."""

    step: str
    change: str
    name: str
    stage: str
    old_name: str = ""
    old_stage: str = ""
    fields: tuple[FieldChange, ...] = ()

    @property
    def renamed(self) -> bool:
        """The name changed."""
        return bool(self.old_name) and self.old_name != self.name

    @property
    def moved(self) -> bool:
        """The step now sits in another stage."""
        return bool(self.old_stage) and self.old_stage != self.stage


@dataclass(frozen=True)
class StageChange:
    """A stage added, removed or changed."""

    stage: str
    change: str
    name: str
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class MilestoneChange:
    """A milestone added, removed or changed, with the step that carries it."""

    milestone: str
    change: str
    name: str
    step: str
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class JourneyChange:
    """Everything that changed in one journey."""

    journey: str
    change: str
    name: str
    fields: tuple[FieldChange, ...] = ()
    stages: tuple[StageChange, ...] = ()
    steps: tuple[StepChange, ...] = ()
    milestones: tuple[MilestoneChange, ...] = ()


@dataclass(frozen=True)
class CatalogueChange:
    """A department, touchpoint, persona or phase added, removed or changed."""

    kind: str
    id: str
    change: str
    name: str
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class DepartmentImpact:
    """How one department's part of the journeys changed."""

    department: str
    name: str
    reviewers: tuple[str, ...]
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    gained_ownership: tuple[str, ...] = ()
    lost_ownership: tuple[str, ...] = ()


@dataclass(frozen=True)
class HandbookDiff:
    """All changes between two handbooks, in a stable order."""

    journeys: tuple[JourneyChange, ...] = ()
    catalogue: tuple[CatalogueChange, ...] = ()
    departments: tuple[DepartmentImpact, ...] = ()
    metrics: tuple[MetricChange, ...] = ()

    @property
    def empty(self) -> bool:
        """Nothing changed."""
        return not (self.journeys or self.catalogue or self.metrics)


def _text(value: object) -> str:
    if value is None or value == () or value == "":
        return ABSENT
    if isinstance(value, Ref):
        return value.target
    if isinstance(value, Backstage | Frontstage):
        return value.name
    if isinstance(value, Milestone):
        return value.name
    if isinstance(value, Review):
        return f"{value.date.isoformat()} ({value.by})" if value.by else value.date.isoformat()
    if isinstance(value, Target):
        return value.text()
    if isinstance(value, Evidence):
        details = ", ".join(part for part in (value.kind, value.date, value.link) if part)
        return f"{value.source} ({details})" if details else value.source
    if isinstance(value, tuple):
        return ", ".join(_text(item) for item in value)
    return one_line(str(value))


def _fields(old: object, new: object, names: Iterable[str]) -> tuple[FieldChange, ...]:
    changes = []
    for name in names:
        was, now = getattr(old, name), getattr(new, name)
        if was == now:
            continue  # equal values have equal texts: the common case, checked in C
        before, after = _text(was), _text(now)
        if before != after:
            changes.append(FieldChange(name, before, after))
    return tuple(changes)


STEP_FIELDS = compared_fields(STEP, "name")  # a new name is a rename
STAGE_FIELDS = compared_fields(STAGE)
JOURNEY_FIELDS = compared_fields(JOURNEY)
MILESTONE_FIELDS = compared_fields(MILESTONE)
CATALOGUE_FIELDS = {
    shape.name: compared_fields(shape) for shape in (DEPARTMENT, TOUCHPOINT, PERSONA, PHASE)
}
CATALOGUE_FIELDS["metric"] = compared_fields(METRIC, "target")  # targets: see `metrics`


def _order(name: str, old: list[str], new: list[str]) -> tuple[FieldChange, ...]:
    """A change of order among the ids present on both sides."""
    kept_old = [i for i in old if i in set(new)]
    kept_new = [i for i in new if i in set(old)]
    if kept_old == kept_new:
        return ()
    return (FieldChange(name, ", ".join(kept_old), ", ".join(kept_new)),)


def _orders(was: Journey, journey: Journey) -> tuple[FieldChange, ...]:
    """Stages reordered in the journey, steps reordered within a stage."""
    changes = _order("stage order", [s.id for s in was.stages], [s.id for s in journey.stages])
    before = {s.id: s for s in was.stages}
    for stage in journey.stages:
        if stage.id in before:
            old_ids = [s.id for s in before[stage.id].steps]
            changes += _order(f"step order in {stage.id}", old_ids, [s.id for s in stage.steps])
    return changes


def _next_text(step: Step) -> str:
    return "(following step)" if step.next is None else _text(step.next) or "(end)"


def _step_changes(old: list[Place], new: list[Place]) -> tuple[StepChange, ...]:
    before = {p.step.id: p for p in old}
    after = {p.step.id: p for p in new}
    changes = []
    for place in new:
        was = before.get(place.step.id)
        if was is None:
            changes.append(StepChange(place.step.id, "added", place.step.name, place.stage.id))
            continue
        fields = tuple(f for f in _fields(was.step, place.step, STEP_FIELDS) if f.field != "next")
        if _next_text(was.step) != _next_text(place.step):
            fields += (FieldChange("next", _next_text(was.step), _next_text(place.step)),)
        change = StepChange(
            place.step.id, "changed", place.step.name, place.stage.id,
            old_name=was.step.name, old_stage=was.stage.id, fields=fields,
        )  # fmt: skip
        if change.fields or change.renamed or change.moved:
            changes.append(change)
    changes += [
        StepChange(p.step.id, "removed", p.step.name, p.stage.id)
        for p in old
        if p.step.id not in after
    ]
    return tuple(changes)


def _stage_changes(old: tuple[Stage, ...], new: tuple[Stage, ...]) -> tuple[StageChange, ...]:
    before = {s.id: s for s in old}
    after = {s.id for s in new}
    changes = []
    for stage in new:
        was = before.get(stage.id)
        if was is None:
            changes.append(StageChange(stage.id, "added", stage.name))
        elif fields := _fields(was, stage, STAGE_FIELDS):
            changes.append(StageChange(stage.id, "changed", stage.name, fields))
    changes += [StageChange(s.id, "removed", s.name) for s in old if s.id not in after]
    return tuple(changes)


def _milestone_changes(old: list[Place], new: list[Place]) -> tuple[MilestoneChange, ...]:
    def milestones(places: list[Place]) -> dict[str, tuple[Milestone, str]]:
        return {
            p.step.milestone.id: (p.step.milestone, p.step.id) for p in places if p.step.milestone
        }

    before, after = milestones(old), milestones(new)
    changes = []
    for key, (milestone, step) in after.items():
        if key not in before:
            changes.append(MilestoneChange(key, "added", milestone.name, step))
            continue
        fields = _fields(before[key][0], milestone, MILESTONE_FIELDS)
        if before[key][1] != step:
            fields += (FieldChange("step", before[key][1], step),)
        if fields:
            changes.append(MilestoneChange(key, "changed", milestone.name, step, fields))
    changes += [
        MilestoneChange(key, "removed", m.name, step)
        for key, (m, step) in before.items()
        if key not in after
    ]
    return tuple(changes)


def _journeys(old: HandbookGraph, new: HandbookGraph) -> tuple[JourneyChange, ...]:
    changes = []
    for journey in new.journeys.values():
        was = old.journeys.get(journey.id)
        if was is journey:
            continue  # the same record: read from the same file version (see `history`)
        places = new.journey_places[journey.id]
        if was is None:
            steps, milestones = _step_changes([], places), _milestone_changes([], places)
            changes.append(
                JourneyChange(journey.id, "added", journey.name, steps=steps, milestones=milestones)
            )
            continue
        old_places = old.journey_places[journey.id]
        change = JourneyChange(
            journey.id, "changed", journey.name,
            fields=_fields(was, journey, JOURNEY_FIELDS) + _orders(was, journey),
            stages=_stage_changes(was.stages, journey.stages),
            steps=_step_changes(old_places, places),
            milestones=_milestone_changes(old_places, places),
        )  # fmt: skip
        if change.fields or change.stages or change.steps or change.milestones:
            changes.append(change)
    for journey in old.journeys.values():
        if journey.id not in new.journeys:
            steps = _step_changes(old.journey_places[journey.id], [])
            changes.append(JourneyChange(journey.id, "removed", journey.name, steps=steps))
    return tuple(changes)


def _catalogue(old: HandbookGraph, new: HandbookGraph) -> tuple[CatalogueChange, ...]:
    changes = []
    for kind, attribute in (
        ("department", "departments"),
        ("touchpoint", "touchpoints"),
        ("persona", "personas"),
        ("phase", "phases"),
        ("metric", "metrics"),
    ):
        before: dict[str, Entity] = getattr(old, attribute)
        after: dict[str, Entity] = getattr(new, attribute)
        listed = kind != "metric"  # a metric added or removed is in the metrics section
        for key, record in after.items():
            if before.get(key) is record:
                continue
            if key not in before:
                changes += [CatalogueChange(kind, key, "added", record.name)] if listed else []
            elif fields := _fields(before[key], record, CATALOGUE_FIELDS[kind]):
                changes.append(CatalogueChange(kind, key, "changed", record.name, fields))
        changes += [
            CatalogueChange(kind, key, "removed", record.name)
            for key, record in before.items()
            if key not in after and listed
        ]
    return tuple(changes)


def _departments(
    old: HandbookGraph, new: HandbookGraph, journeys: tuple[JourneyChange, ...]
) -> tuple[DepartmentImpact, ...]:
    touched = {(j.journey, s.step) for j in journeys for s in j.steps}
    changed = {j.journey for j in journeys}
    """Only a changed journey can change a department's part: the others are skipped."""

    def involvement(graph: HandbookGraph) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for journey in changed & graph.journeys.keys():
            for place in graph.journey_places[journey]:
                for department in place.step.involved:
                    found.setdefault(department, set()).add("/".join(place.key))
        return found

    def ownership(graph: HandbookGraph) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for journey in changed & graph.journeys.keys():
            for place in graph.journey_places[journey]:
                if place.step.owner_id:
                    found.setdefault(place.step.owner_id, set()).add("/".join(place.key))
        return found

    involved_before, involved_after = involvement(old), involvement(new)
    owned_before, owned_after = ownership(old), ownership(new)
    impacts = []
    for department in dict.fromkeys([*new.departments, *old.departments]):
        record = new.departments.get(department) or old.departments[department]
        before, after = (
            involved_before.get(department, set()),
            involved_after.get(department, set()),
        )
        was, now = owned_before.get(department, set()), owned_after.get(department, set())
        impact = DepartmentImpact(
            department,
            record.name,
            tuple(getattr(record, "reviewers", ())),
            added=tuple(sorted(after - before)),
            removed=tuple(sorted(before - after)),
            changed=tuple(sorted(k for k in before & after if tuple(k.split("/", 1)) in touched)),
            gained_ownership=tuple(sorted(now - was)),
            lost_ownership=tuple(sorted(was - now)),
        )
        if (
            impact.added
            or impact.removed
            or impact.changed
            or impact.gained_ownership
            or impact.lost_ownership
        ):
            impacts.append(impact)
    return tuple(impacts)


def compare(old: HandbookGraph, new: HandbookGraph) -> HandbookDiff:
    """What changed from `old` to `new`."""
    journeys = _journeys(old, new)
    return HandbookDiff(
        journeys, _catalogue(old, new), _departments(old, new, journeys), metric_changes(old, new)
    )
