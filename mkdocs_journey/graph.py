"""Cross-references of a valid handbook, computed once: where each step sits, where
paths lead, who hands the customer to whom, and what each entity is used by."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from .metrics import Reading, Readings, Status, status
from .model import (
    Backstage,
    Department,
    Frontstage,
    Handbook,
    Journey,
    Metric,
    Persona,
    Phase,
    Ref,
    Stage,
    Step,
    Touchpoint,
)

StepKey = tuple[str, str]
"""A step's (journey id, step id): unique across the handbook."""


@dataclass(frozen=True, slots=True)
class Place:
    """A step with its journey and stage, and its position along the journey."""

    journey: Journey
    stage: Stage
    step: Step
    stage_number: int
    """1-based position of the stage in the journey."""
    order: int
    """0-based position of the step in the journey, across stages."""
    key: StepKey = field(init=False, compare=False)
    """(journey id, step id): unique across the handbook. Kept, not computed: every
    link and lookup of a step uses it."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", (self.journey.id, self.step.id))


@dataclass(frozen=True, slots=True)
class Handover:
    """A path edge whose two steps are led by different departments."""

    source: Place
    target: Place
    giver: str
    receiver: str


@dataclass(frozen=True, slots=True)
class Part:
    """A department's part of one journey: the steps it takes part in and, among them,
    those it owns, in path order."""

    involved: tuple[Place, ...]
    owned: tuple[Place, ...]


class HandbookGraph:
    """Lookups and relations of a handbook that passed validation. Built once and never
    changed; the answers that only pages need (a department's parts, who works in which
    stage) are computed on first use, once, for every page that asks."""

    def __init__(
        self, handbook: Handbook, readings: Readings | None = None, partial: bool = False
    ) -> None:
        self.handbook = handbook
        self.partial = partial
        """Some journeys of a valid handbook only (replaying history): a path to a
        journey left out is left out too."""
        self.readings: Readings = readings or {}
        """Each metric's readings from the data files, oldest first."""
        self.data_read = readings is not None
        """Whether the data files were read (a command given only a journeys folder
        reads none, and the rules about data then stay silent)."""
        self.metrics: dict[str, Metric] = {m.id: m for m in handbook.metrics}
        self.departments: dict[str, Department] = {d.id: d for d in handbook.departments}
        self.touchpoints: dict[str, Touchpoint] = {t.id: t for t in handbook.touchpoints}
        self.personas: dict[str, Persona] = {p.id: p for p in handbook.personas}
        self.phases: dict[str, Phase] = {p.id: p for p in handbook.phases}
        self.journeys: dict[str, Journey] = {}
        self.places: dict[StepKey, Place] = {}
        self.journey_places: dict[str, list[Place]] = {}
        self._stage_places: dict[tuple[str, int], list[Place]] = defaultdict(list)
        self._involvement: dict[str, dict[str, list[list[Place]]]] = {}
        for journey in handbook.journeys:
            self.journeys.setdefault(journey.id, journey)
            self.journey_places[journey.id] = self._place(journey)
        self.next: dict[StepKey, tuple[Place, ...]] = {}
        self.previous: dict[StepKey, list[Place]] = defaultdict(list)
        self.handovers: list[Handover] = []
        self.handovers_in: dict[str, list[Handover]] = defaultdict(list)
        """Hand-overs by the journey of the step the customer leaves."""
        self.handovers_given: dict[str, list[Handover]] = defaultdict(list)
        self.handovers_received: dict[str, list[Handover]] = defaultdict(list)
        self.handovers_at: dict[StepKey, list[Handover]] = defaultdict(list)
        """Hand-overs by each step they start or end at."""
        self._link_paths()
        self.by_department: dict[str, list[Place]] = defaultdict(list)
        self.by_touchpoint: dict[str, list[Place]] = defaultdict(list)
        self.frontstage_by_department: dict[str, list[tuple[Place, Frontstage]]] = defaultdict(list)
        self.backstage_by_department: dict[str, list[tuple[Place, Backstage]]] = defaultdict(list)
        self.metric_places: dict[str, list[Place]] = defaultdict(list)
        """The steps each metric measures."""
        self._index_steps()
        self.touchpoints_owned: dict[str, list[Touchpoint]] = defaultdict(list)
        for touchpoint in handbook.touchpoints:
            if touchpoint.owner:
                self.touchpoints_owned[touchpoint.owner.target].append(touchpoint)
        self.persona_journeys: dict[str, list[Journey]] = defaultdict(list)
        self.phase_stages: dict[str, list[tuple[Journey, int]]] = defaultdict(list)
        self.metric_stages: dict[str, list[tuple[Journey, int]]] = defaultdict(list)
        """The stages each metric measures."""
        for journey in self.journeys.values():
            for ref in journey.personas:
                self.persona_journeys[ref.target].append(journey)
            for number, stage in enumerate(journey.stages, start=1):
                if stage.phase:
                    self.phase_stages[stage.phase.target].append((journey, number))
                for metric_id in dict.fromkeys(ref.target for ref in stage.metrics):
                    self.metric_stages[metric_id].append((journey, number))
        self.metrics_owned: dict[str, list[Metric]] = defaultdict(list)
        for metric in handbook.metrics:
            if metric.owner:
                self.metrics_owned[metric.owner.target].append(metric)

    def _place(self, journey: Journey) -> list[Place]:
        places: list[Place] = []
        for number, stage in enumerate(journey.stages, start=1):
            for step in stage.steps:
                place = Place(journey, stage, step, number, len(places))
                self.places.setdefault(place.key, place)
                self._stage_places[(journey.id, number)].append(place)
                places.append(place)
        return places

    def _link_paths(self) -> None:
        for journey_id, places in self.journey_places.items():
            for index, place in enumerate(places):
                if place.step.next is None:
                    targets = tuple(places[index + 1 : index + 2])
                elif self.partial:
                    targets = tuple(self._partial_targets(journey_id, place.step.next))
                else:
                    targets = tuple(self.step_at(journey_id, ref.target) for ref in place.step.next)
                self.next[place.key] = targets
                for target in targets:
                    self.previous[target.key].append(place)
                    giver, receiver = place.step.owner_id, target.step.owner_id
                    if giver and receiver and giver != receiver:
                        handover = Handover(place, target, giver, receiver)
                        self.handovers.append(handover)
                        self.handovers_in[place.journey.id].append(handover)
                        self.handovers_given[giver].append(handover)
                        self.handovers_received[receiver].append(handover)
                        self.handovers_at[place.key].append(handover)
                        if target.key != place.key:
                            self.handovers_at[target.key].append(handover)

    def _index_steps(self) -> None:
        for places in self.journey_places.values():
            for place in places:
                for department in place.step.involved:
                    self.by_department[department].append(place)
                for ref in dict.fromkeys(r.target for r in place.step.touchpoints):
                    self.by_touchpoint[ref].append(place)
                for seen in place.step.frontstage:
                    if seen.department:
                        self.frontstage_by_department[seen.department.target].append((place, seen))
                for work in place.step.backstage:
                    if work.department:
                        self.backstage_by_department[work.department.target].append((place, work))
                for metric_id in dict.fromkeys(ref.target for ref in place.step.metrics):
                    self.metric_places[metric_id].append(place)

    def _partial_targets(self, journey_id: str, refs: tuple[Ref, ...]) -> Iterator[Place]:
        for ref in refs:
            target_journey, _, step_id = ref.target.rpartition("/")
            place = self.places.get((target_journey or journey_id, step_id))
            if place is not None:
                yield place

    def step_at(self, journey_id: str, reference: str) -> Place:
        """The place a step reference (`step` or `journey/step`) written in a journey names."""
        target_journey, _, step_id = reference.rpartition("/")
        return self.places[(target_journey or journey_id, step_id)]

    def stage_places(self, journey: Journey, stage_number: int) -> list[Place]:
        """The places of one stage's steps (stage counted from 1), in order."""
        return self._stage_places[(journey.id, stage_number)]

    def stage_involvement(self, journey: Journey) -> dict[str, list[list[Place]]]:
        """By department, in the order departments are listed: per stage of the journey
        (counted from 0), the places of the steps it takes part in. Indexed for all
        departments of a journey at its first use: a department page asks it of every
        journey, the journey's overview of every department."""
        found = self._involvement.get(journey.id)
        if found is None:
            by_department: dict[str, list[list[Place]]] = {}
            for place in self.journey_places[journey.id]:
                for department_id in place.step.involved:
                    stages = by_department.setdefault(department_id, [[] for _ in journey.stages])
                    stages[place.stage_number - 1].append(place)
            found = {d: by_department[d] for d in self.departments if d in by_department}
            self._involvement[journey.id] = found
        return found

    def involvement(self, journey: Journey, department: str) -> list[list[int]]:
        """Per stage of the journey, the positions (0-based, within the stage) of the
        steps the department takes part in."""
        stages = self.stage_involvement(journey).get(department)
        if stages is None:
            return [[] for _ in journey.stages]
        return [
            [place.order - self._stage_places[(journey.id, number)][0].order for place in here]
            for number, here in enumerate(stages, start=1)
        ]

    @functools.cached_property
    def parts(self) -> dict[str, dict[str, Part]]:
        """By department, then by journey id in journey order: its part of the journey."""
        parts: dict[str, dict[str, Part]] = {}
        for department_id, places in self.by_department.items():
            by_journey: dict[str, list[Place]] = {}
            for place in places:
                by_journey.setdefault(place.journey.id, []).append(place)
            parts[department_id] = {
                journey_id: Part(
                    tuple(here), tuple(p for p in here if p.step.owner_id == department_id)
                )
                for journey_id, here in by_journey.items()
            }
        return parts

    def milestones(self, journey: Journey) -> list[Place]:
        """The places of a journey's milestone steps, in journey order."""
        return [p for p in self.journey_places[journey.id] if p.step.milestone]

    def metric_readings(self, metric_id: str) -> Sequence[Reading]:
        """A metric's readings, oldest first (none without data)."""
        return self.readings.get(metric_id, ())

    def metric_status(self, metric_id: str) -> Status:
        """Whether a metric's latest value meets its target."""
        return status(self.metrics[metric_id].target, self.metric_readings(metric_id))

    def journey_metrics(self, journey: Journey) -> list[str]:
        """The metrics measuring a journey's stages and steps, each once, in journey
        order (a stage's before its steps')."""
        found: dict[str, None] = {}
        for stage in journey.stages:
            found.update(dict.fromkeys(ref.target for ref in stage.metrics))
            for step in stage.steps:
                found.update(dict.fromkeys(ref.target for ref in step.metrics))
        return list(found)
