"""Entity links in Markdown: `[text](department:sales)`, `[](step:journey/step)`, ...

Hand-written pages and `description` fields link into the handbook by id; the links
become relative links to the generated pages, empty link text takes the entity's name,
and an unknown target is reported with a did-you-mean hint.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import paths
from .diagnostics import Diagnostic, Pos, Severity, did_you_mean
from .graph import HandbookGraph
from .markup import ENTITY_SCHEMES, split_code
from .text import md

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


@dataclass(frozen=True, slots=True)
class Target:
    """Where an entity link leads, and the entity's name for empty link text."""

    page: str
    anchor: str
    name: str


@dataclass(frozen=True, slots=True)
class UnknownLink:
    """An entity link whose target does not exist."""

    link: str
    hint: str
    offset: int
    """Where the link starts in the Markdown that was rewritten."""


def unknown_link_warning(path: str, source: str, markdown: str, problem: UnknownLink) -> Diagnostic:
    """The warning for an unknown link in a hand-written page: `source` is the file's
    text, `markdown` what was rewritten (the file less any front matter)."""
    start = (
        len(source) - len(markdown) if source.endswith(markdown) else max(source.find(markdown), 0)
    )
    where = start + problem.offset
    pos = Pos(path, source.count("\n", 0, where) + 1, where - source.rfind("\n", 0, where))
    message = f"unknown entity link '{problem.link}'"
    return Diagnostic(pos, Severity.WARNING, message, problem.hint, "unknown-link")


class EntityLinks:
    """Resolves entity links against one handbook."""

    def __init__(self, graph: HandbookGraph) -> None:
        self.graph = graph

    def resolve(self, scheme: str, target: str) -> Target | None:
        """The target of `scheme:target`, or None when there is no such entity."""
        resolver: Callable[[str], Target | None] = getattr(self, f"_{scheme}")
        return resolver(target)

    def rewrite(self, markdown: str, from_page: str) -> tuple[str, list[UnknownLink]]:
        """`markdown` with entity links turned into relative links from `from_page`;
        code is left alone. Unknown links stay as written and are returned."""
        if "](" not in markdown and "]:" not in markdown:
            return markdown, []
        unknown: list[UnknownLink] = []
        parts = []
        offset = 0
        for prose, code in split_code(markdown):

            def replace(match: re.Match[str], base: int = offset) -> str:
                if match["label"] is not None:
                    return define(match, base)
                text, scheme, target, title = match.group("text", "scheme", "target", "title")
                link = f"{scheme}:{target}"
                found = self.resolve(scheme, target)
                if found is None:
                    hint = self._hint(scheme, target)
                    unknown.append(UnknownLink(link, hint, base + match.start()))
                    return match.group() if text else f"[{md(link)}]({link}{title})"
                url = paths.relative(from_page, found.page, found.anchor)
                return f"[{text or md(found.name)}]({url}{title})"

            def define(match: re.Match[str], base: int) -> str:
                if match.start() == 0 and base and markdown[base - 1] != "\n":
                    return match.group()  # after code on the same line: not a definition
                label, scheme, target = match.group("label", "defined_scheme", "defined_target")
                found = self.resolve(scheme, target)
                if found is None:
                    hint = self._hint(scheme, target)
                    where = base + match.start() + len(label)
                    unknown.append(UnknownLink(f"{scheme}:{target}", hint, where))
                    return match.group()
                url = paths.relative(from_page, found.page, found.anchor)
                return f"{label}{match['open']}{url}{match['close']}"

            parts.append(ENTITY_LINK.sub(replace, prose) + code)
            offset += len(prose) + len(code)
        return "".join(parts), unknown

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
        }
        suggestion = did_you_mean(target, candidates[scheme])
        return suggestion.replace("'", f"'{scheme}:", 1) if suggestion else ""

    def _journey(self, target: str) -> Target | None:
        journey = self.graph.journeys.get(target)
        return Target(paths.journey_page(target), "", journey.name) if journey else None

    def _stage(self, target: str) -> Target | None:
        journey_id, _, stage_id = target.partition("/")
        journey = self.graph.journeys.get(journey_id)
        stage = next((s for s in journey.stages if s.id == stage_id), None) if journey else None
        return Target(paths.stage_page(journey_id, stage_id), "", stage.name) if stage else None

    def _step(self, target: str) -> Target | None:
        journey_id, _, step_id = target.partition("/")
        place = self.graph.places.get((journey_id, step_id))
        if place is None:
            return None
        return Target(paths.stage_page(journey_id, place.stage.id), step_id, place.step.name)

    def _department(self, target: str) -> Target | None:
        found = self.graph.departments.get(target)
        return Target(paths.department_page(target), "", found.name) if found else None

    def _touchpoint(self, target: str) -> Target | None:
        found = self.graph.touchpoints.get(target)
        return Target(paths.touchpoint_page(target), "", found.name) if found else None

    def _persona(self, target: str) -> Target | None:
        found = self.graph.personas.get(target)
        return Target(paths.persona_page(target), "", found.name) if found else None

    def _milestone(self, target: str) -> Target | None:
        journey_id, _, milestone_id = target.partition("/")
        journey = self.graph.journeys.get(journey_id)
        if journey is None:
            return None
        for place in self.graph.milestones(journey):
            if place.step.milestone and place.step.milestone.id == milestone_id:
                anchor = paths.milestone_anchor(journey_id, milestone_id)
                return Target(paths.MILESTONES, anchor, place.step.milestone.name)
        return None

    def _phase(self, target: str) -> Target | None:
        found = self.graph.phases.get(target)
        return Target(paths.PHASES, target, found.name) if found else None
