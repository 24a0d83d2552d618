"""Placing generated pages in the nav: a designed automatic nav, or placeholders
expanded inside a hand-written one."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .. import paths
from ..graph import HandbookGraph
from ..i18n import Labels
from ..text import html_text

PLACEHOLDERS = (
    "@journeys",
    "@milestones",
    "@phases",
    "@metrics",
    "@changes",
    "@departments",
    "@touchpoints",
    "@personas",
)
NavItem = Any


NAV_DETAILS = ("auto", "stages", "journeys", "indexes")
MAX_NAV_STAGES = 60
MAX_NAV_JOURNEYS = 40
MAX_NAV_DEPARTMENTS = 30


def detail_level(graph: HandbookGraph, setting: str) -> str:
    """How deep the nav goes. Material renders the whole nav into every page, so `auto`
    lists stages only for small handbooks and journeys only while they are few."""
    if setting != "auto":
        return setting
    stages = sum(len(j.stages) for j in graph.journeys.values())
    if stages <= MAX_NAV_STAGES:
        return "stages"
    return "journeys" if len(graph.journeys) <= MAX_NAV_JOURNEYS else "indexes"


def sections(
    graph: HandbookGraph, labels: Labels, generated: set[str], detail: str = "auto"
) -> dict[str, list[NavItem]]:
    """The nav items each placeholder stands for, as deep as `detail` allows."""
    level = detail_level(graph, detail)
    journeys: list[NavItem] = [paths.JOURNEYS]
    for journey in graph.journeys.values() if level != "indexes" else ():
        if level == "stages":
            stages = [paths.stage_page(journey.id, stage.id) for stage in journey.stages]
            journeys.append({html_text(journey.name): [paths.journey_page(journey.id), *stages]})
        else:
            journeys.append(paths.journey_page(journey.id))
    departments = [paths.DEPARTMENTS]
    if level != "indexes" and len(graph.departments) <= MAX_NAV_DEPARTMENTS:
        departments += [paths.department_page(d) for d in graph.departments]
    items = {
        "@journeys": journeys,
        "@milestones": [paths.MILESTONES],
        "@phases": [paths.PHASES],
        "@metrics": [paths.METRICS],
        "@changes": [paths.CHANGES],
        "@departments": departments,
        "@touchpoints": [paths.TOUCHPOINTS],
        "@personas": [paths.PERSONAS],
    }
    return {
        key: [i for i in value if not isinstance(i, str) or i in generated]
        for key, value in items.items()
    }


def automatic(
    user_pages: Iterable[NavItem],
    graph: HandbookGraph,
    labels: Labels,
    generated: set[str],
    detail: str = "auto",
) -> list[NavItem]:
    """The nav when mkdocs.yml has none: the user's pages as MkDocs would list them,
    then the handbook: journeys (with their stages, milestones, phases and metrics),
    departments, touchpoints, personas."""
    parts = sections(graph, labels, generated, detail)
    handbook: list[NavItem] = [
        {
            html_text(labels.journeys): parts["@journeys"]
            + parts["@milestones"]
            + parts["@phases"]
            + parts["@metrics"]
            + parts["@changes"]
        },
        {html_text(labels.departments): parts["@departments"]},
        *parts["@touchpoints"],
        *parts["@personas"],
    ]
    return [*user_pages, *handbook]


def expand(nav: list[NavItem], parts: dict[str, list[NavItem]]) -> list[NavItem]:
    """A hand-written nav with each placeholder replaced by its items."""
    expanded: list[NavItem] = []
    for item in nav:
        if isinstance(item, str) and item in parts:
            expanded.extend(parts[item])
        elif isinstance(item, dict):
            expanded.append({title: _expand_value(value, parts) for title, value in item.items()})
        else:
            expanded.append(item)
    return expanded


def _expand_value(value: NavItem, parts: dict[str, list[NavItem]]) -> NavItem:
    if isinstance(value, str) and value in parts:
        return parts[value]
    if isinstance(value, list):
        return expand(value, parts)
    return value


def pages_in(nav: Iterable[NavItem]) -> set[str]:
    """Every page path named anywhere in a nav."""
    found: set[str] = set()
    for item in nav:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            if isinstance(value, str):
                found.add(value)
            elif isinstance(value, list):
                found |= pages_in(value)
    return found
