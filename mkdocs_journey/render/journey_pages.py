"""The journeys index and each journey's overview."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from .. import paths
from ..graph import Handover, Place
from ..model import Journey, Stage
from ..text import fact_list, md, md_table
from . import html
from .context import Context, HtmlLinker, Linker
from .diagrams import journey_stage_flow
from .history_views import journey_changes, last_changed
from .html import Line
from .journey_map import stage_map, step_map
from .metric_views import health_line, journey_metrics, review_text
from .switcher import journey_switcher


def journeys_index(context: Context) -> Iterator[Line]:
    """All journeys with their personas, success, counts and a map of their stages."""
    t, graph = context.labels, context.graph
    link = Linker(context, paths.JOURNEYS)
    yield f"# {md(t.journeys)}"
    yield ""
    if context.problems:
        yield f"> **{md(t.serve_errors.format(count=len(context.problems)))}**"
        yield ">"
        yield from (
            f"> - `{line}`" if "`" not in line else f"> - {md(line)}" for line in context.problems
        )
        yield ""
    if not graph.journeys:
        yield md(t.no_journeys)
        return
    rows = []
    for journey in graph.journeys.values():
        steps = graph.journey_places[journey.id]
        personas = ", ".join(link.persona(ref.target) for ref in journey.personas)
        rows.append(
            [
                link.journey(journey),
                personas or "—",
                link.inline(journey.success) or "—",
                str(len(journey.stages)),
                str(len(steps)),
                str(len(graph.milestones(journey))),
                review_text(t, journey.reviewed, context.review_every),
                health_line(t, graph, graph.journey_metrics(journey)) or "—",
            ]
        )
    header = [t.journey, t.personas, t.success, t.stages, t.steps, t.milestones, t.review]
    header.append(t.metrics)
    yield from md_table(header, rows)
    yield ""
    yield f"## {md(t.journey_map)}"
    yield ""
    yield md(t.journey_map_intro)
    yield ""
    yield from journey_switcher(context, link)


def journey_overview(context: Context, journey: Journey) -> Iterator[Line]:
    """One journey: who takes it, what success is, its stages, experience, departments,
    milestones, hand-overs, pain points and opportunities."""
    t, graph = context.labels, context.graph
    page = paths.journey_page(journey.id)
    link = Linker(context, page)
    places = graph.journey_places[journey.id]
    yield f"# {md(journey.name)}"
    yield ""
    yield from link.block(journey.description)
    facts = []
    if journey.personas:
        facts.append([t.personas, ", ".join(link.persona(r.target) for r in journey.personas)])
    if journey.success:
        facts.append([t.success, link.inline(journey.success)])
    if journey.owner:
        facts.append([t.owner, link.department(journey.owner.target)])
    counts = f"{len(journey.stages)} {t.stages.lower()} · {len(places)} {t.steps.lower()}"
    facts.append([t.size, f"{counts} · {len(graph.milestones(journey))} {t.milestones.lower()}"])
    facts.append([t.review, review_text(t, journey.reviewed, context.review_every)])
    health = health_line(t, graph, graph.journey_metrics(journey))
    if health:
        facts.append([t.health, health])
    yield from fact_list(facts)
    yield ""
    yield from last_changed(context, journey)
    yield f"## {md(t.journey_map_title)}"
    yield ""
    if len(places) <= context.map_max_steps:
        yield from step_map(context, link.html, journey, places, lens=True)
    else:
        yield md(t.map_by_stage_note.format(count=len(places)))
        yield ""
        yield from stage_map(context, link.html, journey)
    yield f"## {md(t.stages)}"
    yield ""
    yield from journey_stage_flow(context, link, journey)
    h = link.html
    yield html.items(
        (
            h.stage(journey, stage) + (f": {h.text(stage.goal)}" if stage.goal else "")
            for stage in journey.stages
        ),
        ordered=True,
    )
    yield from _department_matrix(context, h, journey)
    yield from _channel_matrix(context, h, journey)
    yield from _milestone_table(context, h, journey)
    yield from journey_metrics(context, h, journey)
    yield from _handover_list(context, h, journey)
    yield from _hotspots(context, h, journey)
    yield from journey_changes(context, h, journey)


def _department_matrix(context: Context, link: HtmlLinker, journey: Journey) -> Iterator[Line]:
    t, graph = context.labels, context.graph
    involvement = graph.stage_involvement(journey)
    if not involvement:
        return
    yield f"## {md(t.departments_by_stage)}"
    yield ""
    yield md(t.departments_by_stage_intro)
    yield ""
    header = [t.department] + [f"{n}" for n in range(1, len(journey.stages) + 1)]
    rows = []
    for department, stages in involvement.items():
        cells = [link.department(department)]
        for stage, here in zip(journey.stages, stages, strict=True):
            cells.append(_steps_cell(link, journey, stage, department, here) if here else "")
        rows.append(cells)
    yield html.view(html.table(header, rows))
    legend = ", ".join(f"{n} = {link.stage(journey, s)}" for n, s in enumerate(journey.stages, 1))
    yield html.view(html.paragraph(f"{link.text(t.matrix_legend)} {legend}"))


def _steps_cell(
    link: HtmlLinker, journey: Journey, stage: Stage, department: str, here: list[Place]
) -> str:
    """A matrix cell: how many steps of the stage the department takes part in (bold
    when it owns one), linked to the steps behind it: the step itself when there is
    one, else the department's list of its steps in that stage."""
    owned = any(p.step.owner_id == department for p in here)
    text = link.strong(str(len(here))) if owned else str(len(here))
    if len(here) == 1:
        return link.link(text, paths.stage_page(journey.id, stage.id), here[0].step.id)
    anchor = paths.department_stage_anchor(journey.id, stage.id)
    return link.link(text, paths.department_page(department), anchor)


def _channel_matrix(context: Context, link: HtmlLinker, journey: Journey) -> Iterator[Line]:
    """Which touchpoints (grouped by channel) serve which stage: the coverage of the
    journey's channels."""
    t, graph = context.labels, context.graph
    uses: dict[str, dict[int, int]] = {}
    for place in graph.journey_places[journey.id]:
        for ref in dict.fromkeys(r.target for r in place.step.touchpoints):
            counts = uses.setdefault(ref, {})
            counts[place.stage_number] = counts.get(place.stage_number, 0) + 1
    if not uses:
        return
    yield f"## {md(t.touchpoints_by_stage)}"
    yield ""
    yield md(t.touchpoints_by_stage_intro)
    yield ""
    header = [t.channel, t.touchpoint] + [f"{n}" for n in range(1, len(journey.stages) + 1)]
    order = {touchpoint_id: n for n, touchpoint_id in enumerate(graph.touchpoints)}
    ordered = sorted(
        uses,
        key=lambda i: (graph.touchpoints[i].channel.casefold(), order[i]),
    )
    rows = []
    for touchpoint_id in ordered:
        cells = [
            link.text(graph.touchpoints[touchpoint_id].channel) or "—",
            link.touchpoint(touchpoint_id),
        ]
        for number, stage in enumerate(journey.stages, start=1):
            count = uses[touchpoint_id].get(number)
            cells.append(
                link.link(str(count), paths.stage_page(journey.id, stage.id)) if count else ""
            )
        rows.append(cells)
    yield html.view(html.table(header, rows))


def _milestone_table(context: Context, link: HtmlLinker, journey: Journey) -> Iterator[Line]:
    t = context.labels
    milestones = context.graph.milestones(journey)
    if not milestones:
        return
    yield f"## {md(t.milestones)}"
    yield ""
    rows = []
    for place in milestones:
        milestone = place.step.milestone
        assert milestone is not None
        owner = place.step.owner_id
        rows.append(
            [
                link.milestone(place),
                link.step(place),
                link.stage(journey, place.stage),
                link.department(owner) if owner else "—",
                link.text(milestone.target) or "—",
            ]
        )
    yield html.view(html.table([t.milestone, t.step, t.stage, t.owner, t.target], rows))


def _handover_list(context: Context, link: HtmlLinker, journey: Journey) -> Iterator[Line]:
    def step_text(place: Place) -> str:
        other = place.journey is not journey
        return link.step(place) + (f" ({link.journey(place.journey)})" if other else "")

    yield from handover_table(
        context, link, context.graph.handovers_in.get(journey.id, []), step_text
    )


def handover_table(
    context: Context,
    link: HtmlLinker,
    handovers: list[Handover],
    step_text: Callable[[Place], str],
) -> Iterator[Line]:
    """Hand-overs as a table: who hands over at which step, to whom, at which step."""
    t = context.labels
    if not handovers:
        return
    yield f"## {md(t.handovers)}"
    yield ""
    rows = [
        [
            link.department(h.giver),
            step_text(h.source),
            link.department(h.receiver),
            step_text(h.target),
        ]
        for h in handovers
    ]
    yield html.view(html.table([t.from_department, t.at_step, t.to_department, t.next_step], rows))


def _hotspots(context: Context, link: HtmlLinker, journey: Journey) -> Iterator[Line]:
    t = context.labels
    for title, field in ((t.pain_points, "pain_points"), (t.opportunities, "opportunities")):
        items = [
            (place, text)
            for place in context.graph.journey_places[journey.id]
            for text in getattr(place.step, field)
        ]
        if not items:
            continue
        yield f"## {md(title)}"
        yield ""
        yield html.view(
            html.items(f"{link.text(text)} ({link.step(place)})" for place, text in items)
        )
