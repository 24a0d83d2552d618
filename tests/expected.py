"""What a handbook's pages must contain, computed from the YAML independently of the
plugin's model (plain PyYAML, every scalar as text)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from mkdocs_journey.ids import id_from_name


def _ids(value: Any) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _id(record: dict[str, Any]) -> str:
    return record.get("id") or id_from_name(record["name"])


@dataclass
class Expected:
    """Ids and relations read straight from the files."""

    departments: list[str] = field(default_factory=list)
    touchpoints: list[str] = field(default_factory=list)
    personas: list[str] = field(default_factory=list)
    phases: list[str] = field(default_factory=list)
    metrics: list[str] = field(default_factory=list)
    stages: dict[str, list[str]] = field(default_factory=dict)
    """journey id -> stage ids"""
    steps: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    """(journey, stage) -> step ids"""
    involvement: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    """department -> (journey, stage, step) it is involved in"""
    milestones: list[tuple[str, str]] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    """journey id -> file name relative to the journeys folder"""
    owners: dict[tuple[str, str], str] = field(default_factory=dict)
    """(journey, step) -> owner department"""
    edges: list[tuple[tuple[str, str], tuple[str, str]]] = field(default_factory=list)
    """every path edge, explicit or default, as ((journey, step), (journey, step))"""

    def handovers(self) -> list[tuple[tuple[str, str], tuple[str, str], str, str]]:
        """Edges whose two steps have different owners: (source, target, giver, receiver)."""
        found = []
        for source, target in self.edges:
            giver, receiver = self.owners.get(source), self.owners.get(target)
            if giver and receiver and giver != receiver:
                found.append((source, target, giver, receiver))
        return found

    def pages(self) -> set[str]:
        """Every page the SPEC's table promises, as docs-relative .md paths."""
        found = {"journeys/index.md", "departments/index.md", "touchpoints/index.md"}
        found |= {"personas/index.md", "milestones.md", "changes.md"}
        if self.phases:
            found.add("phases.md")
        if self.metrics:
            found.add("metrics.md")
        for journey, stages in self.stages.items():
            found.add(f"journeys/{journey}/index.md")
            found |= {f"journeys/{journey}/{stage}.md" for stage in stages}
        found |= {f"departments/{d}.md" for d in self.departments}
        found |= {f"touchpoints/{t}.md" for t in self.touchpoints}
        found |= {f"personas/{p}.md" for p in self.personas}
        return found


def read(folder: Path) -> Expected:
    """Read a journeys folder with plain PyYAML."""
    expected = Expected()
    for path in sorted(folder.rglob("*.y*ml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}
        for kind in ("departments", "touchpoints", "personas", "phases", "metrics"):
            getattr(expected, kind).extend(_id(r) for r in data.get(kind, []))
        journey = data.get("journey")
        if not journey:
            continue
        journey_id = _id(journey)
        expected.sources[journey_id] = path.relative_to(folder).as_posix()
        expected.stages[journey_id] = []
        order: list[tuple[str, dict[str, Any]]] = []
        for stage in journey["stages"]:
            stage_id = _id(stage)
            expected.stages[journey_id].append(stage_id)
            expected.steps[(journey_id, stage_id)] = []
            for step in stage["steps"]:
                step_id = _id(step)
                expected.steps[(journey_id, stage_id)].append(step_id)
                involved = _ids(step.get("owner")) + _ids(step.get("departments"))
                for department in dict.fromkeys(involved):
                    expected.involvement.setdefault(department, []).append(
                        (journey_id, stage_id, step_id)
                    )
                if "milestone" in step:
                    expected.milestones.append((journey_id, _id(step["milestone"])))
                if involved:
                    expected.owners[(journey_id, step_id)] = involved[0]
                order.append((step_id, step))
        for index, (step_id, step) in enumerate(order):
            if "next" in step:
                targets = [t.rpartition("/") for t in _ids(step["next"])]
                expected.edges += [
                    ((journey_id, step_id), (j or journey_id, s)) for j, _, s in targets
                ]
            elif index + 1 < len(order):
                expected.edges.append(((journey_id, step_id), (journey_id, order[index + 1][0])))
    return expected
