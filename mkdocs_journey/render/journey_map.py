"""The journey map: stages across the top, the customer's steps as columns, and lanes
below them (touchpoints, the experience curve, thoughts, pain points, opportunities,
departments, back-stage work, metrics), as journey-mapping teams know it. Above `map_max_steps`
steps a journey's overview maps its stages instead, and each stage page maps its steps.

The DOM is a contract (documented in the pages guide, used by tests and users' CSS):
`table.journey-map[data-journey]`, one `tr[data-lane]` per lane, every cell of a column
with `data-step` (or `data-stage`), `data-departments` and `data-owner`, the curve an
`svg.journey-curve` whose points carry `data-step` and `data-score`."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..graph import Place, StepKey
from ..links import Made
from ..model import Backstage, Frontstage, Journey
from ..text import html_text
from . import grid, html
from .context import Context, HtmlLinker
from .html import Line
from .metric_views import metric_summary


def step_map(
    context: Context, link: HtmlLinker, journey: Journey, places: list[Place], lens: bool
) -> Iterator[Line]:
    """The step-level map of `places` (a whole journey, or one stage's steps), with the
    page's department lens unless the page has it already."""
    t = context.labels
    columns = [
        grid.column("data-step", p.step.id, p.step.involved, p.step.owner_id) for p in places
    ]
    count = len(places)

    def stage_cells(span: range) -> str:
        cells = []
        index = span[0]
        while index < span[-1] + 1:
            stage = places[index].stage
            end = index
            while end + 1 < span[-1] + 1 and places[end + 1].stage is stage:
                end += 1
            phase = ""
            if stage.phase:
                phase = f'<br><span class="jm-phase">{link.phase(stage.phase.target)}</span>'
            cells.append(
                f'<th scope="colgroup" colspan="{end - index + 1}" data-stage="{stage.id}">'
                f"{link.stage(journey, stage)}{phase}</th>"
            )
            index = end + 1
        head = f'<th scope="row" class="jm-lane">{link.text(t.stage)}</th>'
        return f'<tr data-lane="stage">{head}{"".join(cells)}</tr>'

    def step_cell(index: int) -> str:
        place = places[index]
        milestone = place.step.milestone
        flag = ""
        if milestone:
            flag = f'<span class="jm-milestone">⚑ {link.milestone(place)}</span>'
        return link.step(place) + flag

    cells = step_cells(context, link)

    def touchpoints(index: int) -> str:
        return cells.touchpoints[places[index].key]

    def experience(index: int) -> str:
        score = places[index].step.experience
        if score is None:
            return ""
        return grid.score_text(score, t.scores)

    def texts(items: tuple[str, ...], quoted: bool = False) -> str:
        if quoted:
            return "".join([f"<p><q>{link.text(item)}</q></p>" for item in items])
        return "".join([f"<p>{link.text(item)}</p>" for item in items])

    def departments(index: int) -> str:
        return cells.departments[places[index].key] + handover_mark(context, link, places, index)

    def backstage(index: int) -> str:
        return cells.backstage[places[index].key]

    def metrics(index: int) -> str:
        refs = dict.fromkeys(ref.target for ref in places[index].step.metrics)
        return "".join(
            [f"<p>{metric_summary(t, context.graph, link, m, full=False)}</p>" for m in refs]
        )

    lanes: list[tuple[str, str, grid.Cell]] = [
        ("touchpoints", t.touchpoints, touchpoints),
        ("experience", t.experience, experience),
        ("thoughts", t.thoughts, lambda i: texts(places[i].step.thoughts, quoted=True)),
        ("pain-points", t.pain_points, lambda i: texts(places[i].step.pain_points)),
        ("opportunities", t.opportunities, lambda i: texts(places[i].step.opportunities)),
        ("departments", t.departments, departments),
        ("backstage", t.backstage, backstage),
        ("metrics", t.metrics, metrics),
    ]
    shown = grid.filled(lanes, count)
    scores = [p.step.experience for p in places]
    point_texts = [
        f"{p.step.name}: {p.step.experience} ({t.scores[p.step.experience - 1]})"
        if p.step.experience is not None
        else ""
        for p in places
    ]
    title = t.experience_title.format(name=journey.name)
    caption = t.journey_map_of.format(name=journey.name)
    tables = []
    for span in grid.parts(count):
        rows = [stage_cells(span), grid.header_row("step", t.step, columns, span, step_cell)]
        for lane, label, cell in shown:
            first = ""
            if lane == "experience":
                first = grid.curve(title, columns, span, scores, point_texts)
            rows.append(grid.lane_row(lane, label, columns, span, cell, first))
        tables.append(
            grid.table("journey-map", f' data-journey="{journey.id}"', caption, span, rows)
        )
    chooser = lens_of(context, places) if lens else ""
    yield html.view(html.Html(f'<div class="jm-map">{chooser}{"".join(tables)}</div>'))


def stage_map(context: Context, link: HtmlLinker, journey: Journey) -> Iterator[Line]:
    """The stage-level map of a long journey: a column per stage with its step count,
    average experience and counts of pain points and opportunities."""
    t, graph = context.labels, context.graph
    stages = list(enumerate(journey.stages, start=1))
    places = [graph.stage_places(journey, number) for number, _ in stages]
    columns = [
        grid.column(
            "data-stage",
            stage.id,
            tuple(dict.fromkeys(d for p in here for d in p.step.involved)),
            None,
        )
        for (_, stage), here in zip(stages, places, strict=True)
    ]
    scores: list[float | None] = []
    for here in places:
        scored = [p.step.experience for p in here if p.step.experience is not None]
        scores.append(round(sum(scored) / len(scored), 1) if scored else None)

    def stage_cell(index: int) -> str:
        return link.stage(journey, stages[index][1])

    def count(index: int, what: str) -> str:
        number = sum(len(getattr(p.step, what)) for p in places[index])
        return str(number) if number else ""

    def experience(index: int) -> str:
        score = scores[index]
        if score is None:
            return ""
        return grid.score_text(score, t.scores)

    lanes: list[tuple[str, str, grid.Cell]] = [
        ("steps", t.steps, lambda i: str(len(places[i]))),
        ("experience", t.experience_average, experience),
        ("pain-points", t.pain_points, lambda i: count(i, "pain_points")),
        ("opportunities", t.opportunities, lambda i: count(i, "opportunities")),
    ]
    shown = grid.filled(lanes, len(stages))
    texts = [
        f"{stage.name}: {score:g}" if score is not None else ""
        for (_, stage), score in zip(stages, scores, strict=True)
    ]
    title = t.experience_title.format(name=journey.name)
    caption = t.stage_map_of.format(name=journey.name)
    tables = []
    for span in grid.parts(len(stages)):
        rows = [grid.header_row("stage", t.stage, columns, span, stage_cell)]
        for lane, label, cell in shown:
            first = grid.curve(title, columns, span, scores, texts) if lane == "experience" else ""
            rows.append(grid.lane_row(lane, label, columns, span, cell, first))
        attributes = f' data-journey="{journey.id}" data-level="stage"'
        tables.append(grid.table("journey-map", attributes, caption, span, rows))
    chooser = lens_of(context, graph.journey_places[journey.id])
    yield html.view(html.Html(f'<div class="jm-map">{chooser}{"".join(tables)}</div>'))


def lens_of(context: Context, places: list[Place]) -> str:
    """The department lens for the departments taking part in `places`."""
    t, departments = context.labels, context.graph.departments
    involved = dict.fromkeys(d for p in places for d in p.step.involved)
    choices = [(d, departments[d].name) for d in departments if d in involved]
    return grid.lens(t.lens, t.all_departments, choices)


def work_entry(link: HtmlLinker, work: Frontstage | Backstage) -> str:
    """Front- or back-stage work as a step section shows it: what is done, by which
    department, with which systems."""
    return _work(work, lambda d: link.department(d), link.text, link.code)


def _work(
    work: Frontstage | Backstage,
    department: Callable[[str], str],
    text: Callable[[str], str],
    code: Callable[[str], str],
) -> str:
    extra = []
    if work.department:
        extra.append(department(work.department.target))
    if isinstance(work, Backstage) and work.systems:
        extra.append(", ".join(code(system) for system in work.systems))
    return text(work.name) + (f" ({'; '.join(extra)})" if extra else "")


class StepCells:
    """The cells of a step that maps and blueprints share (touchpoints, departments,
    front- and back-stage work), made once per depth of the site: a stage page of a long
    journey shows each step in both. Closes over no page object (see `DepthLinks`)."""

    def __init__(self, context: Context, link: HtmlLinker) -> None:
        graph, targets, anchors = context.graph, context.targets, link.depth.anchors
        places, touchpoints = graph.places, graph.touchpoints
        mark = f" ({html_text(context.labels.owner_mark)})"

        def department(department_id: str) -> str:
            return anchors[targets.department[department_id]]

        def code(system: str) -> str:
            return f"<code>{html_text(system)}</code>"

        def touchpoint_cell(key: StepKey) -> str:
            entries = []
            for ref in dict.fromkeys(r.target for r in places[key].step.touchpoints):
                channel = touchpoints[ref].channel
                extra = f' <span class="jm-channel">{html_text(channel)}</span>' if channel else ""
                entries.append(f"<p>{anchors[targets.touchpoint[ref]]}{extra}</p>")
            return "".join(entries)

        def department_cell(key: StepKey) -> str:
            step = places[key].step
            return "".join(
                [
                    f'<p data-owner="{d}">{department(d)}{mark}</p>'
                    if d == step.owner_id
                    else f"<p>{department(d)}</p>"
                    for d in step.involved
                ]
            )

        def work_cell(work: tuple[Frontstage | Backstage, ...]) -> str:
            return "".join([f"<p>{_work(item, department, html_text, code)}</p>" for item in work])

        self.touchpoints: Made[StepKey, str] = Made(touchpoint_cell)
        """Touchpoints, linked, with their channel."""
        self.departments: Made[StepKey, str] = Made(department_cell)
        """Departments, the owner first, marked and carrying `data-owner`."""
        self.frontstage: Made[StepKey, str] = Made(
            lambda key: work_cell(places[key].step.frontstage)
        )
        self.backstage: Made[StepKey, str] = Made(lambda key: work_cell(places[key].step.backstage))


def step_cells(context: Context, link: HtmlLinker) -> StepCells:
    """The shared cells of steps for pages at `link`'s depth."""
    return link.depth.shared("step-cells", lambda: StepCells(context, link))


def handover_mark(context: Context, link: HtmlLinker, places: list[Place], index: int) -> str:
    """Where the step's owner differs from the owner of the step in the previous column,
    a mark naming the department that hands the customer over (the first column has
    none)."""
    if not index:
        return ""
    owner, before = places[index].step.owner_id, places[index - 1].step.owner_id
    if not owner or not before or before == owner:
        return ""
    giver = context.graph.departments[before].name
    text = link.text(context.labels.handover_from.format(department=giver))
    return f'<p><span class="handover" data-from="{before}">{text}</span></p>'
