"""The department index and each department's page: its part of every journey."""

from __future__ import annotations

from collections.abc import Iterator

from ..graph import Handover, Place
from . import paths
from .context import Context, Linker
from .diagrams import department_map
from .text import fact_list, md, md_table


def departments_index(context: Context) -> Iterator[str]:
    """Every department with its counts, and a department × journey matrix."""
    t, graph = context.labels, context.graph
    link = Linker(context, paths.DEPARTMENTS)
    yield f"# {md(t.departments)}"
    yield ""
    if not graph.departments:
        yield md(t.no_departments)
        return
    rows = []
    for department in graph.departments.values():
        places = graph.by_department.get(department.id, [])
        journey_ids = {p.journey.id for p in places}
        milestones = [p for p in places if p.step.milestone and p.step.owner_id == department.id]
        rows.append(
            [
                link.department(department.id),
                md(department.lead) or "—",
                str(len(places)),
                str(len(journey_ids)),
                str(len(milestones)),
            ]
        )
    yield from md_table([t.department, t.lead, t.steps, t.journeys, t.milestones], rows)
    yield ""
    if not graph.journeys:
        return
    yield f"## {md(t.departments_by_journey)}"
    yield ""
    yield md(t.departments_by_journey_intro)
    yield ""
    journeys = list(graph.journeys.values())
    header = [t.department] + [f"{n}" for n in range(1, len(journeys) + 1)]
    matrix = []
    for department in graph.departments.values():
        cells = [link.department(department.id)]
        per_journey: dict[str, list[Place]] = {}
        for place in graph.by_department.get(department.id, []):
            per_journey.setdefault(place.journey.id, []).append(place)
        for journey in journeys:
            here = per_journey.get(journey.id, [])
            owned = sum(1 for p in here if p.step.owner_id == department.id)
            text = f"**{len(here)}**" if owned else str(len(here))
            anchor = journey.id
            cells.append(
                link.raw(paths.department_page(department.id), text, anchor) if here else ""
            )
        matrix.append(cells)
    yield from md_table(header, matrix)
    yield ""
    legend = ", ".join(f"{n} = {link.journey(j)}" for n, j in enumerate(journeys, start=1))
    yield f"{md(t.matrix_legend)} {legend}"
    yield ""


def department_page(context: Context, department_id: str) -> Iterator[str]:
    """A department: who leads it, and per journey the steps it takes part in, with
    what comes before and after, its hand-overs, back-stage work, touchpoints and
    milestones."""
    t, graph = context.labels, context.graph
    department = graph.departments[department_id]
    page = paths.department_page(department_id)
    link = Linker(context, page)
    yield f"# {md(department.name)}"
    yield ""
    facts = [
        [t.lead, md(department.lead)],
        [t.contact, md(department.contact)],
        [t.reviewers, ", ".join(md(r) for r in department.reviewers)],
    ]
    facts = [f for f in facts if f[1]]
    if facts:
        yield from fact_list(facts)
        yield ""
    yield from link.block(department.description)
    places = graph.by_department.get(department_id, [])
    owned = sum(1 for p in places if p.step.owner_id == department_id)
    yield md(
        t.department_summary.format(
            steps=len(places), owned=owned, journeys=len({p.journey.id for p in places})
        )
    )
    yield ""
    by_journey: dict[str, list[Place]] = {}
    for place in places:
        by_journey.setdefault(place.journey.id, []).append(place)
    for journey_id, mine in by_journey.items():
        journey = graph.journeys[journey_id]
        yield f"## {md(journey.name)} {{#{journey.id}}}"
        yield ""
        active = dict.fromkeys(p.stage_number for p in mine)
        stages = ", ".join(link.stage(journey, journey.stages[n - 1]) for n in active)
        yield f"{md(t.journey)}: {link.journey(journey)} · {md(t.active_in)}: {stages}"
        yield ""
        yield from department_map(context, link, journey, department_id)
        yield from _steps_by_stage(context, link, department_id, mine)
    yield from _handovers(context, link, department_id)
    yield from _backstage(context, link, department_id)
    yield from _touchpoints_owned(context, link, department_id)
    yield from _milestones_owned(context, link, department_id, places)


def _steps_by_stage(
    context: Context, link: Linker, department_id: str, mine: list[Place]
) -> Iterator[str]:
    """The department's steps in path order, one line per stage; where the customer
    comes from or goes to another department, that step and its owner are named."""
    t, graph = context.labels, context.graph
    stages: dict[int, list[str]] = {}
    for place in mine:
        entry = link.step(place)
        if place.step.owner_id == department_id:
            entry += f" ({md(t.owner_mark)})"
        before = [p for p in graph.previous.get(place.key, []) if _other(p, department_id)]
        after = [p for p in graph.next[place.key] if _other(p, department_id)]
        if before:
            entry += " ← " + ", ".join(_neighbour(context, link, p) for p in before)
        if after:
            entry += " → " + ", ".join(_neighbour(context, link, p) for p in after)
        stages.setdefault(place.stage_number, []).append(entry)
    for number, entries in stages.items():
        yield f"- {link.stage(mine[0].journey, mine[0].journey.stages[number - 1])}"
        yield from (f"    - {entry}" for entry in entries)
    yield ""


def _other(place: Place, department_id: str) -> bool:
    return bool(place.step.owner_id) and place.step.owner_id != department_id


def _neighbour(context: Context, link: Linker, place: Place) -> str:
    owner = place.step.owner_id
    text = link.step(place)
    if owner:
        text += f" ({md(context.graph.departments[owner].name)})"
    return text


def _handovers(context: Context, link: Linker, department_id: str) -> Iterator[str]:
    t, graph = context.labels, context.graph
    receives = graph.handovers_received.get(department_id, [])
    gives = graph.handovers_given.get(department_id, [])
    if not receives and not gives:
        return
    yield f"## {md(t.handovers)}"
    yield ""
    for title, items, other in (
        (t.receives_from, receives, "giver"),
        (t.hands_over_to, gives, "receiver"),
    ):
        if not items:
            continue
        yield f"### {md(title)}"
        yield ""
        rows = [[link.department(getattr(h, other)), _handover_steps(link, h)] for h in items]
        yield from md_table([t.department, t.handover_at], rows)
        yield ""


def _handover_steps(link: Linker, handover: Handover) -> str:
    text = f"{link.step(handover.source)} → {link.step(handover.target)}"
    return f"{text} ({link.journey(handover.source.journey)})"


def _backstage(context: Context, link: Linker, department_id: str) -> Iterator[str]:
    t = context.labels
    work = context.graph.backstage_by_department.get(department_id, [])
    if not work:
        return
    yield f"## {md(t.backstage)}"
    yield ""
    rows = [
        [
            md(item.name),
            ", ".join(md(s) for s in item.systems) or "—",
            link.step(place),
            link.journey(place.journey),
        ]
        for place, item in work
    ]
    yield from md_table([t.work, t.systems, t.step, t.journey], rows)
    yield ""


def _touchpoints_owned(context: Context, link: Linker, department_id: str) -> Iterator[str]:
    t = context.labels
    owned = context.graph.touchpoints_owned.get(department_id, [])
    if not owned:
        return
    yield f"## {md(t.touchpoints_owned)}"
    yield ""
    yield from (
        f"- {link.touchpoint(tp.id)}" + (f" ({md(tp.channel)})" if tp.channel else "")
        for tp in owned
    )
    yield ""


def _milestones_owned(
    context: Context, link: Linker, department_id: str, places: list[Place]
) -> Iterator[str]:
    t = context.labels
    owned = [p for p in places if p.step.milestone and p.step.owner_id == department_id]
    if not owned:
        return
    yield f"## {md(t.milestones_owned)}"
    yield ""
    rows = [[link.milestone(p), link.step(p), link.journey(p.journey)] for p in owned]
    yield from md_table([t.milestone, t.step, t.journey], rows)
    yield ""
