"""The department index and each department's page: its part of every journey."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .. import paths
from ..graph import Part, Place, StepKey
from ..links import Made
from ..model import Backstage
from ..text import html_text, md
from . import html
from .context import Context, HtmlLinker, Linker
from .diagrams import department_map
from .html import Line
from .metric_views import health_line, metric_summary


def departments_index(context: Context) -> Iterator[Line]:
    """Every department with its counts, and a department × journey matrix."""
    t, graph = context.labels, context.graph
    link = HtmlLinker(context, paths.DEPARTMENTS)
    yield f"# {md(t.departments)}"
    yield ""
    if not graph.departments:
        yield md(t.no_departments)
        return
    rows = []
    for department in graph.departments.values():
        parts = graph.parts.get(department.id, {})
        steps = sum(len(part.involved) for part in parts.values())
        milestones = sum(1 for part in parts.values() for p in part.owned if p.step.milestone)
        rows.append(
            [
                link.department(department.id),
                link.text(department.lead) or "—",
                str(steps),
                str(len(parts)),
                str(milestones),
            ]
        )
    yield html.table([t.department, t.lead, t.steps, t.journeys, t.milestones], rows)
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
        parts = graph.parts.get(department.id, {})
        for journey in journeys:
            part = parts.get(journey.id)
            if part is None:
                cells.append("")
                continue
            count = str(len(part.involved))
            text = link.strong(count) if part.owned else count
            cells.append(link.link(text, paths.department_page(department.id), journey.id))
        matrix.append(cells)
    yield html.view(html.table(header, matrix))
    legend = ", ".join(f"{n} = {link.journey(j)}" for n, j in enumerate(journeys, start=1))
    yield html.view(html.paragraph(f"{link.text(t.matrix_legend)} {legend}"))


def department_page(context: Context, department_id: str) -> Iterator[Line]:
    """A department: who leads it, and per journey the steps it takes part in, with
    what comes before and after, its hand-overs, back-stage work, touchpoints and
    milestones."""
    t, graph = context.labels, context.graph
    department = graph.departments[department_id]
    page = paths.department_page(department_id)
    link = Linker(context, page)
    h = link.html
    yield f"# {md(department.name)}"
    yield ""
    facts = [
        (t.lead, h.text(department.lead)),
        (t.contact, h.text(department.contact)),
        (t.reviewers, ", ".join(h.text(r) for r in department.reviewers)),
    ]
    facts = [f for f in facts if f[1]]
    if facts:
        yield html.facts(facts)
    yield from link.block(department.description)
    parts = graph.parts.get(department_id, {})
    steps = sum(len(part.involved) for part in parts.values())
    owned = sum(len(part.owned) for part in parts.values())
    summary = t.department_summary.format(steps=steps, owned=owned, journeys=len(parts))
    yield html.paragraph(h.text(summary))
    for journey_id, part in parts.items():
        mine = list(part.involved)
        journey = graph.journeys[journey_id]
        yield f"## {md(journey.name)} {{#{journey.id}}}"
        yield ""
        active = dict.fromkeys(p.stage_number for p in mine)
        stages = ", ".join(h.stage(journey, journey.stages[n - 1]) for n in active)
        yield html.view(
            html.paragraph(
                f"{h.text(t.journey)}: {h.journey(journey)} · {h.text(t.active_in)}: {stages}"
            )
        )
        yield from department_map(context, link, journey, department_id)
        yield _steps_by_stage(context, h, department_id, mine)
    yield from _handovers(context, h, department_id)
    yield from _work(context, h, department_id, front=True)
    yield from _work(context, h, department_id, front=False)
    yield from _touchpoints_owned(context, h, department_id)
    yield from _milestones_owned(context, h, parts)
    metrics = [metric.id for metric in graph.metrics_owned.get(department_id, [])]
    if metrics:
        yield f"## {md(t.metrics_owned)}"
        yield ""
        summary = health_line(t, graph, metrics)
        if summary:
            yield html.view(html.paragraph(summary))
        yield html.view(html.items(metric_summary(t, graph, h, m) for m in metrics))


def _steps_by_stage(
    context: Context, link: HtmlLinker, department_id: str, mine: list[Place]
) -> html.Html:
    """The department's steps in path order, grouped by stage (each group anchored, for
    the journey overview's matrix to link); where the customer comes from or goes to
    another department, that step and its owner are named."""
    t = context.labels
    owner_mark = f" ({link.text(t.owner_mark)})"
    around = _neighbours(context, link)
    stages: dict[int, list[str]] = {}
    for place in mine:
        entry = link.step(place)
        if place.step.owner_id == department_id:
            entry += owner_mark
        previous, following = around[place.key]
        before = [text for owner, text in previous if owner != department_id]
        after = [text for owner, text in following if owner != department_id]
        if before:
            entry += " ← " + ", ".join(before)
        if after:
            entry += " → " + ", ".join(after)
        stages.setdefault(place.stage_number, []).append(entry)
    journey = mine[0].journey
    return html.view(
        html.groups(
            (
                paths.department_stage_anchor(journey.id, journey.stages[number - 1].id),
                link.stage(journey, journey.stages[number - 1]),
                entries,
            )
            for number, entries in stages.items()
        )
    )


Neighbours = tuple[tuple[str, str], ...]
"""Steps next to another, each as its owner's id and its finished link."""


def _neighbours(context: Context, link: HtmlLinker) -> Made[StepKey, tuple[Neighbours, Neighbours]]:
    """By step: the steps before and after it that have an owner, each as its owner's id
    and `Step (Department)`; made once per depth (department pages hold no step
    sections, so no link is a same-page anchor). The table closes over no page object."""
    graph, targets, anchors = context.graph, context.targets, link.depth.anchors
    departments = graph.departments

    def listed(neighbours: Iterable[Place]) -> Neighbours:
        found = []
        for place in neighbours:
            owner = place.step.owner_id
            if owner:
                step = anchors[targets.step[place.key]]
                found.append((owner, f"{step} ({html_text(departments[owner].name)})"))
        return tuple(found)

    def around(key: StepKey) -> tuple[Neighbours, Neighbours]:
        return listed(graph.previous.get(key, ())), listed(graph.next[key])

    return link.depth.table("neighbours", around)


def _handover_steps(context: Context, link: HtmlLinker) -> Made[tuple[StepKey, StepKey], str]:
    """By the keys of a hand-over's two steps: `Step → Step (Journey)`, as both
    departments' pages list it; made once per depth."""
    targets, anchors = context.targets, link.depth.anchors

    def written(keys: tuple[StepKey, StepKey]) -> str:
        source, target = keys
        journey = anchors[targets.journey[source[0]]]
        return f"{anchors[targets.step[source]]} → {anchors[targets.step[target]]} ({journey})"

    return link.depth.table("handover-steps", written)


def _handovers(context: Context, link: HtmlLinker, department_id: str) -> Iterator[Line]:
    t, graph = context.labels, context.graph
    receives = graph.handovers_received.get(department_id, [])
    gives = graph.handovers_given.get(department_id, [])
    if not receives and not gives:
        return
    yield f"## {md(t.handovers)}"
    yield ""
    steps = _handover_steps(context, link)
    for title, items, other in (
        (t.receives_from, receives, "giver"),
        (t.hands_over_to, gives, "receiver"),
    ):
        if not items:
            continue
        yield f"### {md(title)}"
        yield ""
        rows = [
            [link.department(getattr(h, other)), steps[h.source.key, h.target.key]] for h in items
        ]
        yield html.view(html.table([t.department, t.handover_at], rows))


def _work(context: Context, link: HtmlLinker, department_id: str, front: bool) -> Iterator[Line]:
    """The front-stage (or back-stage) work the department does, with the step it serves
    (and, behind the stage, the systems it uses)."""
    t, graph = context.labels, context.graph
    by_department = graph.frontstage_by_department if front else graph.backstage_by_department
    work = by_department.get(department_id, [])
    if not work:
        return
    yield f"## {md(t.frontstage if front else t.backstage)}"
    yield ""
    header = [t.work, t.step, t.journey] if front else [t.work, t.systems, t.step, t.journey]
    rows = []
    for place, item in work:
        row = [link.text(item.name), link.step(place), link.journey(place.journey)]
        if isinstance(item, Backstage):
            row.insert(1, ", ".join(link.text(s) for s in item.systems) or "—")
        rows.append(row)
    yield html.view(html.table(header, rows))


def _touchpoints_owned(context: Context, link: HtmlLinker, department_id: str) -> Iterator[Line]:
    t = context.labels
    owned = context.graph.touchpoints_owned.get(department_id, [])
    if not owned:
        return
    yield f"## {md(t.touchpoints_owned)}"
    yield ""
    yield html.view(
        html.items(
            link.touchpoint(tp.id) + (f" ({link.text(tp.channel)})" if tp.channel else "")
            for tp in owned
        )
    )


def _milestones_owned(context: Context, link: HtmlLinker, parts: dict[str, Part]) -> Iterator[Line]:
    t = context.labels
    owned = [p for part in parts.values() for p in part.owned if p.step.milestone]
    if not owned:
        return
    yield f"## {md(t.milestones_owned)}"
    yield ""
    rows = [[link.milestone(p), link.step(p), link.journey(p.journey)] for p in owned]
    yield html.view(html.table([t.milestone, t.step, t.journey], rows))
