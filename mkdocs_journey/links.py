"""Entity links in Markdown: `[text](department:sales)`, `[](step:journey/step)`, ...

Hand-written pages and `description` fields link into the handbook by id. This module
finds such links and says where each leads (or that it leads nowhere, with a
did-you-mean hint); lint reports the unknown ones, and `render.entity_links` writes the
links into pages. `Targets` is the one place that knows where each entity lives.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from . import paths
from .diagnostics import Diagnostic, Pos, Severity, did_you_mean
from .graph import HandbookGraph, StepKey
from .markup import ENTITY_SCHEMES, split_code

_SCHEMES = "|".join(ENTITY_SCHEMES)
ENTITY_LINK = re.compile(
    r"(?<!!)\[(?P<text>(?:[^\[\]\\]|\\.)*)\]\(\s*(?P<scheme>" + _SCHEMES + r"):"
    r"(?P<target>[^\s()]*)(?P<title>(?:\s+(?:\"[^\"]*\"|'[^']*'))?)\s*\)"
    r"|^(?P<label>[ ]{0,3}\[(?!\^)(?:[^\[\]\\]|\\.)+\]:[ \t]*)(?P<open><?)"
    r"(?P<defined_scheme>" + _SCHEMES + r"):(?P<defined_target>[^\s<>]*)(?P<close>>?)(?=[ \t]|$)",
    re.M,
)
"""An inline entity link, `[text](kind:target "title")`, or a reference definition,
`[label]: kind:target "title"` (which `[text][label]` and `[label]` links use; a
footnote, `[^label]:`, is none)."""


class Target(NamedTuple):
    """Where a link to an entity leads (a docs-relative page and an anchor), and the
    entity's name, its link text by default. A tuple: pages look thousands up."""

    page: str
    anchor: str
    name: str


K = TypeVar("K")
V = TypeVar("V")


class Made(dict[K, V]):
    """A dict that makes each missing entry with `make(key)`, once: a hit is one
    lookup, without a call."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[K], V]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: K) -> V:
        made = self[key] = self.make(key)
        return made


class Targets:
    """Where every entity of a valid handbook lives: the one place that knows it. Entity
    links, generated links and diagrams all ask here, by id (the caller vouches that
    the entity exists; `EntityLinks.resolve` checks first).

    The tables are closures over the graph, never over this object, so nothing here is a
    reference cycle (see `analysis.paused_gc`)."""

    def __init__(self, graph: HandbookGraph) -> None:
        places, journeys = graph.places, graph.journeys
        departments, touchpoints = graph.departments, graph.touchpoints
        personas, phases = graph.personas, graph.phases
        stage_names = {
            (journey.id, stage.id): stage.name
            for journey in journeys.values()
            for stage in journey.stages
        }

        def step(key: StepKey) -> Target:
            place = places[key]
            page = paths.stage_page(place.journey.id, place.stage.id)
            return Target(page, place.step.id, place.step.name)

        def milestone(key: tuple[str, str]) -> Target:
            journey_id, milestone_id = key
            name = next(
                p.step.milestone.name
                for p in graph.milestones(journeys[journey_id])
                if p.step.milestone and p.step.milestone.id == milestone_id
            )
            return Target(paths.MILESTONES, paths.milestone_anchor(*key), name)

        self.journey: Made[str, Target] = Made(
            lambda i: Target(paths.journey_page(i), "", journeys[i].name)
        )
        self.stage: Made[tuple[str, str], Target] = Made(
            lambda key: Target(paths.stage_page(*key), "", stage_names[key])
        )
        """By (journey id, stage id)."""
        self.step: Made[StepKey, Target] = Made(step)
        """By (journey id, step id): the step's section on its stage page."""
        self.milestone: Made[tuple[str, str], Target] = Made(milestone)
        """By (journey id, milestone id): its entry on the milestone index."""
        self.department: Made[str, Target] = Made(
            lambda i: Target(paths.department_page(i), "", departments[i].name)
        )
        self.touchpoint: Made[str, Target] = Made(
            lambda i: Target(paths.touchpoint_page(i), "", touchpoints[i].name)
        )
        self.persona: Made[str, Target] = Made(
            lambda i: Target(paths.persona_page(i), "", personas[i].name)
        )
        self.phase: Made[str, Target] = Made(lambda i: Target(paths.PHASES, i, phases[i].name))
        metrics = graph.metrics
        self.metric: Made[str, Target] = Made(lambda i: Target(paths.METRICS, i, metrics[i].name))
        """By metric id: its entry on the metrics page."""


@dataclass(frozen=True, slots=True)
class UnknownLink:
    """An entity link whose target does not exist."""

    link: str
    hint: str
    offset: int
    """Where the link starts in the Markdown that was scanned."""


@dataclass(frozen=True, slots=True)
class FoundLink:
    """An entity link found in Markdown, with where it leads (None: nowhere)."""

    match: re.Match[str]
    start: int
    """Where the match starts in the whole Markdown (matches are made on prose parts)."""
    target: Target | None

    @property
    def definition(self) -> bool:
        """A reference definition (`[label]: kind:target`) rather than an inline link."""
        return self.match["label"] is not None

    @property
    def end(self) -> int:
        """Where the match ends in the whole Markdown."""
        return self.start + len(self.match.group())

    @property
    def link(self) -> str:
        """The link as written: `kind:target`."""
        if self.definition:
            return f"{self.match['defined_scheme']}:{self.match['defined_target']}"
        return f"{self.match['scheme']}:{self.match['target']}"


def unknown_link_warning(path: str, source: str, markdown: str, problem: UnknownLink) -> Diagnostic:
    """The warning for an unknown link in a hand-written page: `source` is the file's
    text, `markdown` what was scanned (the file less any front matter)."""
    start = (
        len(source) - len(markdown) if source.endswith(markdown) else max(source.find(markdown), 0)
    )
    where = start + problem.offset
    pos = Pos(path, source.count("\n", 0, where) + 1, where - source.rfind("\n", 0, where))
    message = f"unknown entity link '{problem.link}'"
    return Diagnostic(pos, Severity.WARNING, message, problem.hint, "unknown-link")


class EntityLinks:
    """Finds and resolves entity links against one handbook; writes nothing (pages are
    `render.entity_links`' to write)."""

    def __init__(self, graph: HandbookGraph, targets: Targets | None = None) -> None:
        self.graph = graph
        self.targets = targets or Targets(graph)
        self._scans: dict[str, list[FoundLink]] = {}
        """Each Markdown text's links, found once (lint and every page showing the text
        ask for the same field)."""

    def resolve(self, scheme: str, target: str) -> Target | None:
        """The target of `scheme:target`, or None when there is no such entity."""
        graph, targets = self.graph, self.targets
        if scheme in ("stage", "step", "milestone"):
            journey_id, _, inner = target.partition("/")
            journey = graph.journeys.get(journey_id)
            if journey is None:
                return None
            key = (journey_id, inner)
            if scheme == "step":
                return targets.step[key] if key in graph.places else None
            if scheme == "stage":
                found = any(stage.id == inner for stage in journey.stages)
            else:
                found = any(
                    p.step.milestone.id == inner
                    for p in graph.milestones(journey)
                    if p.step.milestone
                )
            return getattr(targets, scheme)[key] if found else None
        records: dict[str, object] = getattr(graph, _PLURAL[scheme])
        return getattr(targets, scheme)[target] if target in records else None

    def scan(self, markdown: str) -> list[FoundLink]:
        """Every entity link of `markdown` outside code, in order, each resolved."""
        if "](" not in markdown and "]:" not in markdown:
            return []
        found = self._scans.get(markdown)
        if found is None:
            found = self._scans[markdown] = self._scan(markdown)
        return found

    def _scan(self, markdown: str) -> list[FoundLink]:
        found: list[FoundLink] = []
        offset = 0
        for prose, code in split_code(markdown):
            for match in ENTITY_LINK.finditer(prose):
                definition = match["label"] is not None
                if definition and match.start() == 0 and offset and markdown[offset - 1] != "\n":
                    continue  # after code on the same line: not a definition
                if definition:
                    scheme, target = match.group("defined_scheme", "defined_target")
                else:
                    scheme, target = match.group("scheme", "target")
                found.append(FoundLink(match, offset + match.start(), self.resolve(scheme, target)))
            offset += len(prose) + len(code)
        return found

    def unknown(self, found: list[FoundLink]) -> list[UnknownLink]:
        """The links among `found` that lead nowhere, with a did-you-mean hint each."""
        return [
            UnknownLink(
                link.link,
                self._hint(*link.link.split(":", 1)),
                link.start + (len(link.match["label"]) if link.definition else 0),
            )
            for link in found
            if link.target is None
        ]

    def _hint(self, scheme: str, target: str) -> str:
        graph = self.graph
        candidates: dict[str, list[str]] = {
            "journey": list(graph.journeys),
            "stage": [f"{j.id}/{s.id}" for j in graph.journeys.values() for s in j.stages],
            "step": ["/".join(key) for key in graph.places],
            "department": list(graph.departments),
            "touchpoint": list(graph.touchpoints),
            "persona": list(graph.personas),
            "milestone": [
                f"{p.journey.id}/{p.step.milestone.id}"
                for j in graph.journeys.values()
                for p in graph.milestones(j)
                if p.step.milestone
            ],
            "phase": list(graph.phases),
            "metric": list(graph.metrics),
        }
        suggestion = did_you_mean(target, candidates[scheme])
        return suggestion.replace("'", f"'{scheme}:", 1) if suggestion else ""


@functools.lru_cache(maxsize=2)
def links_of(graph: HandbookGraph) -> EntityLinks:
    """The entity links of a handbook, shared by lint, the pages and the plugin, so that
    each entity's target is made, and each text scanned, once per build. Two are kept:
    under `mkdocs serve`, the last good handbook and the new one."""
    return EntityLinks(graph)


_PLURAL = {
    "journey": "journeys",
    "department": "departments",
    "touchpoint": "touchpoints",
    "persona": "personas",
    "phase": "phases",
    "metric": "metrics",
}
