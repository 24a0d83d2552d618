"""Touchpoints, personas, the milestone index and the lifecycle phases."""

from __future__ import annotations

from collections.abc import Iterator

from .. import paths
from ..graph import Place
from ..model import Evidence
from ..text import fact_list, md, md_table
from . import html
from .context import Context, HtmlLinker, Linker
from .html import Line


def touchpoints_index(context: Context) -> Iterator[Line]:
    """Touchpoints grouped by channel, with how many steps use each."""
    t, graph = context.labels, context.graph
    link = HtmlLinker(context, paths.TOUCHPOINTS)
    yield f"# {md(t.touchpoints)}"
    yield ""
    if not graph.touchpoints:
        yield md(t.no_touchpoints)
        return
    channels: dict[str, list[str]] = {}
    for touchpoint in graph.touchpoints.values():
        channels.setdefault(touchpoint.channel or t.no_channel, []).append(touchpoint.id)
    for channel in sorted(channels, key=str.casefold):
        yield f"## {md(channel)}"
        yield ""
        rows = []
        for touchpoint_id in channels[channel]:
            touchpoint = graph.touchpoints[touchpoint_id]
            owner = link.department(touchpoint.owner.target) if touchpoint.owner else "—"
            rows.append(
                [
                    link.touchpoint(touchpoint_id),
                    owner,
                    str(len(graph.by_touchpoint.get(touchpoint_id, []))),
                ]
            )
        yield html.table([t.touchpoint, t.owner, t.steps], rows)


def touchpoint_page(context: Context, touchpoint_id: str) -> Iterator[Line]:
    """A touchpoint: channel, owner, description and the steps that use it."""
    t, graph = context.labels, context.graph
    touchpoint = graph.touchpoints[touchpoint_id]
    link = Linker(context, paths.touchpoint_page(touchpoint_id))
    h = link.html
    yield f"# {md(touchpoint.name)}"
    yield ""
    facts = []
    if touchpoint.channel:
        facts.append((t.channel, h.text(touchpoint.channel)))
    if touchpoint.owner:
        facts.append((t.owner, h.department(touchpoint.owner.target)))
    if facts:
        yield html.facts(facts)
    yield from link.block(touchpoint.description)
    yield f"## {md(t.used_in)}"
    yield ""
    yield html.view(_step_table(context, h, graph.by_touchpoint.get(touchpoint_id, [])))
    yield html.view(html.paragraph(h.to(paths.TOUCHPOINTS, t.all_touchpoints)))


def _step_table(context: Context, link: HtmlLinker, places: list[Place]) -> html.Html:
    t = context.labels
    if not places:
        return html.paragraph(link.text(t.not_used))
    rows = [
        [
            link.journey(p.journey),
            link.stage(p.journey, p.stage),
            link.step(p),
            link.departments(p.step.involved, p.step.owner_id) or "—",
        ]
        for p in places
    ]
    return html.table([t.journey, t.stage, t.step, t.departments], rows)


def personas_index(context: Context) -> Iterator[Line]:
    """Every persona with what success means to them and their journeys."""
    t, graph = context.labels, context.graph
    link = Linker(context, paths.PERSONAS)
    yield f"# {md(t.personas)}"
    yield ""
    if not graph.personas:
        yield md(t.no_personas)
        return
    rows = [
        [
            link.persona(persona.id),
            link.inline(persona.success) or "—",
            ", ".join(link.journey(j) for j in graph.persona_journeys.get(persona.id, [])) or "—",
        ]
        for persona in graph.personas.values()
    ]
    yield from md_table([t.persona, t.success, t.journeys], rows)
    yield ""


def persona_page(context: Context, persona_id: str) -> Iterator[Line]:
    """A persona: description, success in their eyes, evidence and journeys."""
    t, graph = context.labels, context.graph
    persona = graph.personas[persona_id]
    link = Linker(context, paths.persona_page(persona_id))
    yield f"# {md(persona.name)}"
    yield ""
    yield from link.block(persona.description)
    if persona.success:
        yield f"## {md(t.success_in_their_eyes)}"
        yield ""
        yield from link.block(persona.success)
    if persona.evidence:
        yield f"## {md(t.evidence)}"
        yield ""
        yield from (f"- {_evidence(item)}" for item in persona.evidence)
        yield ""
    yield f"## {md(t.journeys)}"
    yield ""
    journeys = graph.persona_journeys.get(persona_id, [])
    yield from (f"- {link.journey(j)}" for j in journeys)
    if not journeys:
        yield md(t.not_used)
    yield ""
    yield f"[{md(t.all_personas)}]({paths.relative(link.page, paths.PERSONAS)})"
    yield ""


def _evidence(item: Evidence) -> str:
    text = md(item.source)
    details = [md(value) for value in (item.kind, item.date) if value]
    if details:
        text += f" ({', '.join(details)})"
    if item.link:
        text += f" · {_safe_link(item.link)}"
    return text


def _safe_link(url: str) -> str:
    if url.startswith(("https://", "http://")) and not any(c in url for c in " <>()\"'"):
        return f"<{url}>"
    return md(url)


def milestone_index(context: Context) -> Iterator[Line]:
    """Every milestone by journey, then stage, in journey order, with its playbook."""
    t, graph = context.labels, context.graph
    link = Linker(context, paths.MILESTONES)
    yield f"# {md(t.milestones)}"
    yield ""
    yield md(t.milestones_intro)
    yield ""
    for journey in graph.journeys.values():
        milestones = graph.milestones(journey)
        if not milestones:
            continue
        yield f"## {md(journey.name)} {{#{journey.id}}}"
        yield ""
        stage = None
        for place in milestones:
            if place.stage is not stage:
                stage = place.stage
                yield f"**{md(t.stage)}: {link.stage(journey, stage)}**"
                yield ""
            yield from _milestone_entry(context, link, place)


def _milestone_entry(context: Context, link: Linker, place: Place) -> Iterator[Line]:
    t = context.labels
    milestone = place.step.milestone
    assert milestone is not None
    anchor = paths.milestone_anchor(place.journey.id, milestone.id)
    yield f"### {md(milestone.name)} {{#{anchor}}}"
    yield ""
    owner = place.step.owner_id
    written = [(t.value, milestone.value), (t.signal, milestone.signal)]
    finished = [(title, link.plain_html(value)) for title, value in written if value]
    if all(value is not None for _, value in finished):
        h = link.html
        html_facts = [(t.step, h.step(place)), (t.owner, h.department(owner) if owner else "—")]
        html_facts += [(title, value) for title, value in finished if value is not None]
        if milestone.target:
            html_facts.append((t.target, h.text(milestone.target)))
        yield html.facts(html_facts)
    else:
        facts = [[t.step, link.step(place)], [t.owner, link.department(owner) if owner else "—"]]
        facts += [[title, link.inline(value)] for title, value in written if value]
        if milestone.target:
            facts.append([t.target, md(milestone.target)])  # plain text, not Markdown
        yield from fact_list(facts)
        yield ""
    if milestone.when_stuck:
        yield f"**{md(t.when_stuck)}**"
        yield ""
        yield from link.block(milestone.when_stuck)


def phases_page(context: Context) -> Iterator[Line]:
    """Each lifecycle phase with the stages mapped to it and their hotspots."""
    t, graph = context.labels, context.graph
    link = Linker(context, paths.PHASES)
    h = link.html
    yield f"# {md(t.phases)}"
    yield ""
    yield md(t.phases_intro)
    yield ""
    for phase in graph.phases.values():
        yield f"## {md(phase.name)} {{#{phase.id}}}"
        yield ""
        yield from link.block(phase.description)
        stages = graph.phase_stages.get(phase.id, [])
        if not stages:
            yield html.paragraph(h.text(t.not_used))
            continue
        yield html.view(
            html.items(
                f"{h.stage(journey, journey.stages[number - 1])} ({h.journey(journey)})"
                for journey, number in stages
            )
        )
        for title, field in ((t.pain_points, "pain_points"), (t.opportunities, "opportunities")):
            items = [
                (place, text)
                for journey, number in stages
                for place in graph.stage_places(journey, number)
                for text in getattr(place.step, field)
            ]
            if items:
                entries = (f"{h.text(text)} ({h.step(place)})" for place, text in items)
                yield html.view(html.items(entries, title))
