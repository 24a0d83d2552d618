"""Each stage's page: goal, phase, KPIs, the flow of its steps, and a section per step
with everything the format says about it."""

from __future__ import annotations

from collections.abc import Iterator

from .. import paths
from ..graph import Handover, Place
from ..model import Journey, Ref
from ..text import md
from . import html
from .blueprint import service_blueprint
from .context import Context, HtmlLinker, Linker
from .diagrams import stage_step_flow
from .history_views import last_changed
from .html import Line
from .journey_map import step_map, work_entry
from .journey_pages import handover_table
from .metric_views import metric_summary


def stage_page(context: Context, journey: Journey, number: int) -> list[Line]:
    """One stage: goal, phase, KPIs, the flow of its steps and a section per step.

    Built as a list, as is each step section: a stage page has hundreds of lines, and
    a generator would be resumed for each of them at every level."""
    t, graph = context.labels, context.graph
    stage = journey.stages[number - 1]
    link = Linker(context, paths.stage_page(journey.id, stage.id))
    h = link.html
    where = t.stage_of.format(number=number, total=len(journey.stages))
    crumbs = [f"{h.journey(journey)} · {h.text(where)}"]
    if stage.phase:
        crumbs.append(f"{h.text(t.phase)}: {h.phase(stage.phase.target)}")
    lines: list[Line] = [f"# {md(stage.name)}", "", html.paragraph(" · ".join(crumbs))]
    lines += last_changed(context, journey, stage)
    if stage.goal:
        lines += [html.paragraph(f"{h.strong(h.text(t.goal) + ':')} {h.text(stage.goal)}")]
    lines += link.block(stage.description)
    if stage.kpis:
        lines += [html.items([h.text(kpi) for kpi in stage.kpis], title=f"{t.kpis}:")]
    if stage.metrics:
        lines += [_metric_list(context, h, stage.metrics)]
    places = graph.stage_places(journey, number)
    lines += [f"## {md(t.flow)}", ""]
    lines += stage_step_flow(context, link, journey, number)
    lens = True  # one lens per page: the map's also lights the blueprint
    if len(graph.journey_places[journey.id]) > context.map_max_steps:
        lines += [f"## {md(t.journey_map_title)}", ""]
        lines += step_map(context, h, journey, places, lens)
        lens = False
    lines += [f"## {md(t.service_blueprint)}", ""]
    lines += service_blueprint(context, h, journey, stage, places, lens)
    for place in places:
        lines += _step_section(context, link, place)
    lines += _stage_handovers(context, h, places)
    lines += _stage_neighbours(context, h, journey, number)
    return lines


def _step_section(context: Context, link: Linker, place: Place) -> list[Line]:
    t, graph = context.labels, context.graph
    h = link.html
    step = place.step
    lines: list[Line] = [f"## {md(step.name)} {{#{step.id}}}", ""]
    lines += link.block(step.description)
    facts = []
    if step.touchpoints:
        facts.append((t.touchpoints, ", ".join([h.touchpoint(r.target) for r in step.touchpoints])))
    if step.involved:
        facts.append((t.departments, h.departments(step.involved, step.owner_id)))
    if step.experience is not None:
        score = f"{step.experience}/5 · {h.text(t.scores[step.experience - 1])}"
        facts.append((t.experience, score))
    following = [_step_with_context(h, place, target) for target in graph.next[place.key]]
    facts.append((t.next_steps, ", ".join(following) or h.text(t.end_of_path)))
    before = graph.previous.get(place.key)
    if before:
        others = ", ".join([_step_with_context(h, place, p) for p in before])
        facts.append((t.previous_steps, others))
    lines += [html.facts(facts)]
    if step.frontstage:
        lines += [html.items([work_entry(h, work) for work in step.frontstage], t.frontstage)]
    if step.backstage:
        lines += [html.items([work_entry(h, work) for work in step.backstage], t.backstage)]
    if step.thoughts:
        lines += [
            html.items([f"<q>{h.text(thought)}</q>" for thought in step.thoughts], t.thoughts)
        ]
    for title, items in ((t.pain_points, step.pain_points), (t.opportunities, step.opportunities)):
        if items:
            lines += [html.items([h.text(item) for item in items], title)]
    if step.metrics:
        lines += [_metric_list(context, h, step.metrics)]
    if step.milestone:
        lines += _milestone_box(context, link, place)
    return lines


def _metric_list(context: Context, link: HtmlLinker, refs: tuple[Ref, ...]) -> html.Html:
    """The metrics of a stage or step, each with its value, status, change and trend."""
    t, graph = context.labels, context.graph
    ids = dict.fromkeys(ref.target for ref in refs)
    return html.items([metric_summary(t, graph, link, metric_id) for metric_id in ids], t.metrics)


def _step_with_context(link: HtmlLinker, here: Place, other: Place) -> str:
    text = link.step(other)
    if other.journey is not here.journey:
        return f"{text} ({link.journey(other.journey)})"
    if other.stage is not here.stage:
        return f"{text} ({link.stage(other.journey, other.stage)})"
    return text


def _milestone_box(context: Context, link: Linker, place: Place) -> Iterator[Line]:
    t = context.labels
    milestone = place.step.milestone
    assert milestone is not None
    h = link.html
    yield html.paragraph(h.strong(f"{h.text(t.milestone)}: {h.milestone(place)}"))
    written = [(t.value, milestone.value), (t.signal, milestone.signal)]
    finished = [(title, link.plain_html(value)) for title, value in written if value]
    if all(value is not None for _, value in finished):
        entries = [f"<em>{h.text(title)}:</em> {value}" for title, value in finished]
        if milestone.target:
            entries.append(f"<em>{h.text(t.target)}:</em> {h.text(milestone.target)}")
        if entries:
            yield html.items(entries)
    else:
        for title, value in written:
            if value:
                yield f"- *{md(title)}:* {link.inline(value)}"
        if milestone.target:
            yield f"- *{md(t.target)}:* {md(milestone.target)}"  # plain text, not Markdown
        yield ""
    if milestone.when_stuck:
        yield html.paragraph(f"<em>{h.text(t.when_stuck)}:</em>")
        yield from link.block(milestone.when_stuck)


def _stage_handovers(context: Context, link: HtmlLinker, places: list[Place]) -> Iterator[Line]:
    """The hand-overs that start or end at this stage's steps, each once."""
    found: dict[int, Handover] = {}
    for place in places:
        for handover in context.graph.handovers_at.get(place.key, []):
            found.setdefault(id(handover), handover)
    handovers = list(found.values())
    yield from handover_table(
        context, link, handovers, lambda place: _step_with_context(link, places[0], place)
    )


def _stage_neighbours(
    context: Context, link: HtmlLinker, journey: Journey, number: int
) -> Iterator[Line]:
    t = context.labels
    parts = []
    if number > 1:
        previous = link.stage(journey, journey.stages[number - 2])
        parts.append(f"← {link.text(t.previous_stage)}: {previous}")
    parts.append(link.journey(journey))
    if number < len(journey.stages):
        parts.append(f"{link.text(t.next_stage)}: {link.stage(journey, journey.stages[number])} →")
    yield html.view(html.Html(f"<hr><p>{' · '.join(parts)}</p>"))
