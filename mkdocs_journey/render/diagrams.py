"""The handbook's diagrams: journey stage flows, stage step flows, experience curves
and department maps, each kept within Mermaid's limits by design."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator

from .. import paths
from ..graph import Place
from ..model import Journey, Stage
from ..text import md
from .context import Context, Linker
from .html import Html, Line, mermaid
from .mermaid import Flowchart

STEPS_PER_DIAGRAM = 50
"""Above this, a stage's flow is drawn in parts: a 200-step stage stays readable and
each part stays far inside Mermaid's size and edge limits."""
MAP_NODES = 30
"""A department map with more nodes than this is drawn per stage instead of per step."""
MAX_FAN = 20
"""Edges drawn into or out of one step; the rest are summed up in a '+N more' node and
listed in the step's section."""


def journey_stage_flow(context: Context, link: Linker, journey: Journey) -> Iterator[Line]:
    """The stages of a journey as a flow, with jumps between stages and to other journeys."""
    t, graph = context.labels, context.graph
    chart = Flowchart(t.stage_flow_title.format(name=journey.name), t.stage_flow_description)
    nodes = {}
    for number, stage in enumerate(journey.stages, start=1):
        url = link.url(paths.stage_page(journey.id, stage.id))
        nodes[number] = chart.node(f"{number}. {stage.name}", url)
    edges: dict[tuple[str, str], bool] = {}
    external: dict[str, str] = {}
    for place in graph.journey_places[journey.id]:
        for target in graph.next[place.key]:
            if target.journey is not journey:
                if target.journey.id not in external:
                    url = link.url(paths.journey_page(target.journey.id))
                    external[target.journey.id] = chart.node(
                        target.journey.name, url, css="external", shape="stadium"
                    )
                edges.setdefault((nodes[place.stage_number], external[target.journey.id]), True)
            elif target.stage_number != place.stage_number:
                forward = target.stage_number == place.stage_number + 1
                edges.setdefault(
                    (nodes[place.stage_number], nodes[target.stage_number]), not forward
                )
    for (tail, head), dotted in edges.items():
        chart.edge(tail, head, dotted=dotted)
    if chart.fits():
        yield mermaid(chart.source())
        return
    fallback = Flowchart(chart.title, t.stage_flow_description, direction="TB")
    yield _stage_chain(link, journey, fallback, lambda n, stage: (f"{n}. {stage.name}", ""))
    yield md(t.diagram_simplified)
    yield ""


def _stage_chain(
    link: Linker,
    journey: Journey,
    chart: Flowchart,
    node: Callable[[int, Stage], tuple[str, str]],
) -> Html:
    """The stages of a journey as a top-to-bottom chain; `node` gives each stage's text
    and style. Drawn where a fuller diagram would be too large."""
    ids = []
    for number, stage in enumerate(journey.stages, start=1):
        text, css = node(number, stage)
        ids.append(chart.node(text, link.url(paths.stage_page(journey.id, stage.id)), css=css))
    for tail, head in itertools.pairwise(ids):
        chart.edge(tail, head)
    return mermaid(chart.source())


def stage_step_flow(
    context: Context, link: Linker, journey: Journey, number: int
) -> Iterator[Line]:
    """The steps of a stage and where they lead, drawn in parts when the stage is long."""
    t, graph = context.labels, context.graph
    places = graph.stage_places(journey, number)
    title = t.step_flow_title.format(name=journey.stages[number - 1].name)
    charts: list[tuple[list[Place], Flowchart]] = []
    for start in range(0, len(places), STEPS_PER_DIAGRAM):
        charts += _fitting_charts(context, link, title, places[start : start + STEPS_PER_DIAGRAM])
    for index, (part, chart) in enumerate(charts, start=1):
        if len(charts) > 1:
            first, last = part[0].order - places[0].order + 1, part[-1].order - places[0].order + 1
            yield md(t.diagram_part.format(part=index, parts=len(charts), first=first, last=last))
            yield ""
        yield mermaid(chart.source())
    if len(charts) > 1:
        yield md(t.diagram_split_note)
        yield ""


def _fitting_charts(
    context: Context, link: Linker, title: str, part: list[Place]
) -> list[tuple[list[Place], Flowchart]]:
    """Charts for consecutive steps, halving the part until each stays within budget."""
    chart = _step_chart(context, link, Flowchart(title, context.labels.step_flow_description), part)
    if chart.fits() or len(part) == 1:
        return [(part, chart)]
    middle = len(part) // 2
    return _fitting_charts(context, link, title, part[:middle]) + _fitting_charts(
        context, link, title, part[middle:]
    )


def _step_chart(context: Context, link: Linker, chart: Flowchart, part: list[Place]) -> Flowchart:
    graph = context.graph
    local = {place.key: place for place in part}
    ids: dict[tuple[str, str], str] = {}
    for place in part:
        css = "milestone" if place.step.milestone else ""
        if place.step.next == ():
            css = "exit"
        ids[place.key] = chart.node(place.step.name, link.step_url(place), css=css)

    def outside(other: Place) -> str:
        if other.key not in ids:
            text = _elsewhere(context, part[0], other)
            ids[other.key] = chart.node(text, link.step_url(other), css="external", shape="stadium")
        return ids[other.key]

    def more(count: int) -> str:
        return chart.node(
            context.labels.more_steps.format(count=count), css="dimmed", shape="round"
        )

    for place in part:
        incoming = [p for p in graph.previous.get(place.key, []) if p.key not in local]
        for before in incoming[:MAX_FAN]:
            chart.edge(outside(before), ids[place.key], dotted=True)
        if len(incoming) > MAX_FAN:
            chart.edge(more(len(incoming) - MAX_FAN), ids[place.key], dotted=True)
        targets = graph.next[place.key]
        for target in targets[:MAX_FAN]:
            if target.key in local:
                chart.edge(ids[place.key], ids[target.key])
            else:
                chart.edge(ids[place.key], outside(target), dotted=True)
        if len(targets) > MAX_FAN:
            chart.edge(ids[place.key], more(len(targets) - MAX_FAN), dotted=True)
    return chart


def _elsewhere(context: Context, here: Place, other: Place) -> str:
    if other.journey is not here.journey:
        return f"{other.journey.name}: {other.step.name}"
    if other.stage is not here.stage:
        return f"{other.stage.name}: {other.step.name}"
    return other.step.name


def department_map(
    context: Context, link: Linker, journey: Journey, department: str
) -> Iterator[Line]:
    """A journey's path with one department's steps highlighted; runs of other steps
    are folded into one dimmed node, so the map grows with the department's work only."""
    t, graph = context.labels, context.graph
    name = graph.departments[department].name
    title = t.department_map_title.format(department=name, journey=journey.name)
    involvement = graph.involvement(journey, department)
    if _folded_size(context, journey, involvement) > MAP_NODES:
        yield _active_stages(context, link, journey, involvement, title)
        return
    chart = Flowchart(title, t.department_map_description, direction="TB")
    previous = ""
    for number, stage in enumerate(journey.stages, start=1):
        places = graph.stage_places(journey, number)
        mine = set(involvement[number - 1])
        if not mine:
            node = chart.node(
                t.folded_stage.format(name=stage.name, count=len(places)),
                link.url(paths.stage_page(journey.id, stage.id)),
                css="dimmed",
            )
            if previous:
                chart.edge(previous, node)
            previous = node
            continue
        chart.open_group(stage.name)
        run = 0
        for position, place in enumerate(places):
            if position in mine:
                if run:
                    previous = _folded(chart, _other_steps(context, run), previous)
                    run = 0
                node = chart.node(place.step.name, link.step_url(place), css="focus")
                if previous:
                    chart.edge(previous, node)
                previous = node
            else:
                run += 1
        if run:
            previous = _folded(chart, _other_steps(context, run), previous)
        chart.close_group()
    if chart.fits():
        yield mermaid(chart.source())
        return
    yield _active_stages(context, link, journey, involvement, chart.title)


def _folded_size(context: Context, journey: Journey, involvement: list[list[int]]) -> int:
    """How many boxes the step-level map would draw, without drawing it: per stage,
    its steps of the department and one box per run of other steps (or one box for a
    stage without any)."""
    size = 0
    for number, positions in enumerate(involvement, start=1):
        if not positions:
            size += 1
            continue
        last = len(context.graph.stage_places(journey, number)) - 1
        gaps = sum(1 for a, b in itertools.pairwise(positions) if b - a > 1)
        size += 1 + len(positions) + gaps + (positions[0] > 0) + (positions[-1] < last)
    return size


def _active_stages(
    context: Context, link: Linker, journey: Journey, involvement: list[list[int]], title: str
) -> Html:
    """A department's map at stage level: each stage with how many of its steps the
    department works on, active stages highlighted."""

    def node(number: int, stage: Stage) -> tuple[str, str]:
        count = len(involvement[number - 1])
        text = context.labels.stage_share.format(
            number=number,
            name=stage.name,
            count=count,
            total=len(context.graph.stage_places(journey, number)),
        )
        return text, "focus" if count else "dimmed"

    chart = Flowchart(title, context.labels.department_map_description, direction="TB")
    return _stage_chain(link, journey, chart, node)


def _other_steps(context: Context, count: int) -> str:
    labels = context.labels
    return labels.folded_step if count == 1 else labels.folded_steps.format(count=count)


def _folded(chart: Flowchart, text: str, previous: str) -> str:
    node = chart.node(text, css="dimmed", shape="round")
    if previous:
        chart.edge(previous, node)
    return node
