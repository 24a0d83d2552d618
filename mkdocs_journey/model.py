"""The handbook model: immutable records built once by the loader, read by every page."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from .diagnostics import Mark, Pos
from .metrics import Target

NO_POS = Pos("<none>", 0, 0)


class Ref(NamedTuple):
    """A reference to another entity by id, with where it was written."""

    target: str
    pos: Pos


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    """What every named record has: an id, a display name and its source positions."""

    id: str
    name: str
    pos: Pos
    where: Mapping[str, Mark] = field(default_factory=dict, compare=False)
    """Where each key's value starts, so every value can be pointed at. Kept as YAML
    marks, made positions only when asked: few ever are."""

    def at(self, key: str) -> Pos:
        """Where `key` was written, or where the record starts when it was not."""
        mark = self.where.get(key)
        return self.pos if mark is None else Pos.at_mark(self.pos.path, mark)


@dataclass(frozen=True, slots=True, kw_only=True)
class Department(Entity):
    """A team involved in the journeys."""

    description: str = ""
    lead: str = ""
    contact: str = ""
    reviewers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Touchpoint(Entity):
    """A channel or place where the customer meets the company."""

    channel: str = ""
    owner: Ref | None = None
    description: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """Where knowledge about a persona comes from."""

    source: str
    pos: Pos
    kind: str = ""
    date: str = ""
    link: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Persona(Entity):
    """A customer archetype, grounded in evidence, with its own idea of success."""

    description: str = ""
    success: str = ""
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Phase(Entity):
    """A lifecycle phase (unaware, ..., abandonment) that stages map to."""

    description: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Metric(Entity):
    """A number that tells whether part of a journey works, with its target; its values
    come from data files."""

    description: str = ""
    unit: str = ""
    owner: Ref | None = None
    target: Target | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Review:
    """When a journey was last checked against reality, and by whom."""

    date: datetime.date
    pos: Pos
    by: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Frontstage:
    """Work employees do in front of the customer at a step (the demo call, the visit)."""

    name: str
    pos: Pos
    department: Ref | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Backstage:
    """Work invisible to the customer that a step depends on."""

    name: str
    pos: Pos
    department: Ref | None = None
    systems: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Milestone(Entity):
    """A step that delivers value the customer can feel, with a playbook for when they stall."""

    value: str = ""
    signal: str = ""
    target: str = ""
    when_stuck: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Step(Entity):
    """One thing the customer does in a stage."""

    description: str = ""
    touchpoints: tuple[Ref, ...] = ()
    departments: tuple[Ref, ...] = ()
    owner: Ref | None = None
    experience: int | None = None
    frontstage: tuple[Frontstage, ...] = ()
    backstage: tuple[Backstage, ...] = ()
    thoughts: tuple[str, ...] = ()
    """What customers think or say at the step, ideally in their own words."""
    metrics: tuple[Ref, ...] = ()
    pain_points: tuple[str, ...] = ()
    opportunities: tuple[str, ...] = ()
    next: tuple[Ref, ...] | None = None
    """Explicit next steps; None means the default (the following step)."""
    milestone: Milestone | None = None
    owner_id: str | None = field(init=False, compare=False)
    """The leading department: the explicit owner, else the first department."""
    involved: tuple[str, ...] = field(init=False, compare=False)
    """Every department involved in the step, owner first, without repeats."""

    def __post_init__(self) -> None:
        owner = self.owner.target if self.owner else None
        if owner is None and self.departments:
            owner = self.departments[0].target
        ids = ([owner] if owner else []) + [ref.target for ref in self.departments]
        object.__setattr__(self, "owner_id", owner)
        object.__setattr__(self, "involved", tuple(dict.fromkeys(ids)))


@dataclass(frozen=True, slots=True, kw_only=True)
class Stage(Entity):
    """A stage of a journey: an ordered list of steps with a goal."""

    description: str = ""
    goal: str = ""
    phase: Ref | None = None
    kpis: tuple[str, ...] = ()
    metrics: tuple[Ref, ...] = ()
    steps: tuple[Step, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Journey(Entity):
    """A customer journey: ordered stages for one or more personas."""

    description: str = ""
    personas: tuple[Ref, ...] = ()
    success: str = ""
    owner: Ref | None = None
    reviewed: Review | None = None
    stages: tuple[Stage, ...] = ()

    @property
    def path(self) -> str:
        """The file that defines the journey."""
        return self.pos.path


@dataclass(frozen=True, slots=True)
class Handbook:
    """Everything read from the journeys folder, in source order."""

    departments: tuple[Department, ...] = ()
    touchpoints: tuple[Touchpoint, ...] = ()
    personas: tuple[Persona, ...] = ()
    phases: tuple[Phase, ...] = ()
    metrics: tuple[Metric, ...] = ()
    journeys: tuple[Journey, ...] = ()
